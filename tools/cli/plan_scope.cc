#include "tools/cli/plan_scope.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/printable.h"


namespace tledger {
namespace {

// The plan list of a refusal: enough to spot a typo, never a wall of text.
constexpr size_t kPlansListed = 20;

}  // namespace

Status CheckPlanKnown(const Resolved& resolved, std::string_view plan, Timestamp known_at) {
  const Interner& plans = resolved.symbols->plans;
  Sym p = plans.Find(plan);
  if (p != kNoSym && !resolved.plans_issued.Of(p).empty()) return Status::Ok();
  std::vector<std::string_view> known;
  for (Sym s = 1; s < plans.size(); ++s) {
    if (!resolved.plans_issued.Of(s).empty()) known.push_back(plans.Name(s));
  }
  std::sort(known.begin(), known.end());
  std::string list;
  for (size_t i = 0; i < known.size() && i < kPlansListed; ++i) list += (i > 0 ? ", " : "") + std::string(known[i]);
  if (known.size() > kPlansListed) list += ", ... (" + std::to_string(known.size()) + " in all)";
  return Status::NotFound("--plan: no plan " + Quoted(plan) + " is issued in the ledger as known at " +
                          FormatInstant(known_at) + (known.empty() ? std::string(" (it has no plans)") : " (plans: " + list + ")"));
}

Result<Sym> KnownUnit(const Resolved& r, const std::string& unit, Timestamp known_at) {
  Sym u = r.symbols->units.Find(unit);
  if (u != kNoSym && !r.unit_registrations.Of(u).empty()) return u;
  return Status::NotFound("--unit: no unit " + Quoted(unit) + " is registered in the ledger as known at " +
                          FormatInstant(known_at) + " (`tledger find NAME` finds a unit's id by its name)");
}

}  // namespace tledger
