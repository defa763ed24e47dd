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
    std::string why_vi = rec == nullptr ? "chưa có ghi danh " + enr + " vào ngày " + on.ToString()
                                        : "ghi danh " + enr + " đã rút vào " + withdrawn.front().stamp.effective.ToString();
    std::string why_en = rec == nullptr ? "there is no enrollment " + enr + " as of " + on.ToString()
                                        : "enrollment " + enr + " was withdrawn on " +
                                              withdrawn.front().stamp.effective.ToString();
    out.Add(Rule::kFundingWithoutEnrollment, f->stamp, f->plan, dec, RulebookOn(on),
            "quyết định cấp kinh phí " + dec + " (" + MoneyVi(f->amount_vnd) + ") nhưng " + why_vi,
            "funding decision " + dec + " (" + MoneyEn(f->amount_vnd) + ") but " + why_en)
        .enrollment = enr;
  }
}

}  // namespace tledger
