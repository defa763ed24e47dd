#include "projections/evaluate.h"

#include <algorithm>

#include "projections/as_of.h"
#include "projections/rules/rules.h"
#include "projections/tallies.h"

namespace tledger {
Outcome Evaluate(const Resolved& resolved, const EvaluateOptions& options) {
  AsOf w(resolved, options.as_of);
  Findings findings(w);
  CheckAll(findings);
  Outcome out;
  for (Violation& v : findings.violations()) {
    if (options.plan.empty() || v.plan == options.plan) out.violations.push_back(std::move(v));
  }
  std::sort(out.violations.begin(), out.violations.end());
  TallyOptions tally{options.restate_units, kNoSym};
  if (!options.plan.empty()) {
    tally.plan = resolved.symbols->plans.Find(options.plan);
    if (tally.plan == kNoSym) tally.plan = static_cast<Sym>(resolved.symbols->plans.size());  // matches nothing
  }
  if (!options.unit.empty()) {
    tally.unit = resolved.symbols->units.Find(options.unit);
    if (tally.unit == kNoSym) tally.unit = static_cast<Sym>(resolved.symbols->units.size());  // matches nothing
  }
  out.report = TalliesAt(w, tally, options.known_at);
  return out;
}

}  // namespace tledger
