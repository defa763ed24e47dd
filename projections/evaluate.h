// Tallies and violations of one as-of date: a pure function of a Resolved
// (the ledger as known at T) and D.
//
//   Outcome o = Evaluate(resolved, {.as_of = d, .known_at = t});
#ifndef TLEDGER_PROJECTIONS_EVALUATE_H_
#define TLEDGER_PROJECTIONS_EVALUATE_H_

#include "projections/outcome.h"
#include "projections/resolved.h"

namespace tledger {

struct EvaluateOptions {
  Date as_of;
  Timestamp known_at = 0;      // reported as given; the Resolved is already as known then
  bool restate_units = false;  // by_level by each unit's successor as of D (--restate-units)
  // Only this plan and what concerns it: its cells and money, the tallies
  // of enrollments in its courses, the violations naming it (--plan).
  std::string plan;
  // report --unit: only the trainee-turns of persons in this unit or under
  // it, and the plans such units issued (TallyOptions::unit); the
  // violations are not narrowed.
  std::string unit;
};

Outcome Evaluate(const Resolved& resolved, const EvaluateOptions& options);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_EVALUATE_H_
