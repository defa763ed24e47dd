// Stretches: what each enrollment, decision and plan contributes to the
// tallies, for every as-of date at once. Each contribution is piecewise
// constant in D; a stretch is one piece, [from, to).
//
//   Stretches s = BuildStretches(resolved);
//   // for any D: the stretches with from <= D < to, added into a TallySum,
//   // give exactly TalliesAt(AsOf(resolved, D), ...).
//
// How the pieces are found: the contribution is evaluated as of D with the
// same code a full evaluation uses (TallyOf, CompensationOwed, AsOf), with a
// Horizon that every lookup lowers to the next date its answer would change;
// the next piece starts there. Nothing about the pieces is written twice.
#ifndef TLEDGER_PROJECTIONS_STRETCHES_H_
#define TLEDGER_PROJECTIONS_STRETCHES_H_

#include <vector>

#include "projections/as_of.h"
#include "projections/tallies.h"

namespace tledger {

struct EnrollmentStretch {
  Date from, to;
  EnrollmentTally tally;
};
struct OwedStretch {
  Date from, to;
  Sym plan;       // the enrollment's plan then (--plan)
  int64_t owed;   // compensation still owed, > 0
};
struct FundingStretch {
  Date from, to;
  Sym plan;
  int64_t amount_vnd;  // a counting, not revoked public decision
};
// A plan as issued and amended, over [from, to).
struct PlanStretch {
  Date from, to;
  Sym plan;
  AsOf::Plan plan_as_of;
};

struct Stretches {
  std::vector<EnrollmentStretch> enrollments;
  std::vector<OwedStretch> owed;
  std::vector<FundingStretch> funding;
  std::vector<PlanStretch> plans;
  std::vector<Date> counted;  // the effective date of every event that counts, sorted
};

Stretches BuildStretches(const Resolved& r);

// The tallies as of `d` from the stretches that hold then: the same Report
// as TalliesAt(AsOf(r, d), options, known_at).
Report TalliesFromStretches(const Resolved& r, const Stretches& s, Date d, const TallyOptions& options,
                            Timestamp known_at);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_STRETCHES_H_
