// FAILED: a counting completion with result failed. A later passed
// completion of the same enrollment (a retake) supersedes it: the rule looks
// at each enrollment's latest counting completion. Compensation F
// (projections/compensation.h).
#include "projections/rules/rules.h"

namespace tledger {

void CheckFailed(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = FailedCase(w, e);
    if (!c) continue;
    std::string vi = out.Enrollment(e) + " không đạt (" + c->completion->stamp.effective.ToString() +
                     "); phải bồi hoàn kinh phí công " + MoneyVi(c->funding);
    std::string en_text = out.Enrollment(e) + " failed (" + c->completion->stamp.effective.ToString() +
                          "); public funding to repay " + MoneyEn(c->funding);
    int64_t owed = out.Compensation(*c, &vi, &en_text);
    Violation& v = out.Add(Rule::kFailed, c->evidence, c->course != nullptr ? c->course->plan : kNoSym, out.Person(c->person), c->rulebook, vi, en_text);
    v.enrollment = out.Enrollment(e);
    v.amount_vnd = owed;
  }
}

}  // namespace tledger
