// FUNDING_WITHOUT_ENROLLMENT: a counting, not revoked funding decision that
// names an enrollment which is unknown, or withdrawn, as of the decision's
// effective date. Money must follow a real enrollment.
#include "projections/rules/rules.h"

namespace tledger {

void CheckFundingWithoutEnrollment(Findings& out) {
  const AsOf& w = out.world();
  const Resolved& r = w.resolved();
  for (const FundingDecidedFact* f : w.LiveDecisions()) {
    if (f->enrollment == kNoSym) continue;
    Date on = f->stamp.effective;
    const EnrollmentRecordedFact* rec = LatestAsOf(r.enrollments.Of(f->enrollment), on);
    std::span<const EnrollmentWithdrawnFact> withdrawn = UpTo(r.withdrawals.Of(f->enrollment), on);
    if (rec != nullptr && withdrawn.empty()) continue;
    std::string enr = out.Enrollment(f->enrollment), dec = out.Decision(f->decision);
    FindingArgs a = rec != nullptr ? out.About(rec->person) : FindingArgs{};
    a.enrollment = enr;
    a.decision = dec;
    a.plan = out.Plan(f->plan);
    a.on = on;
    a.amount_vnd = f->amount_vnd;
    if (rec != nullptr) a.withdrawn = withdrawn.front().stamp.effective;
    out.Add(rec == nullptr ? Case::kFundingUnknownEnrollment : Case::kFundingWithdrawnEnrollment, f->stamp, f->plan,
            dec, RulebookOn(on), std::move(a))
        .enrollment = enr;
  }
}

}  // namespace tledger
