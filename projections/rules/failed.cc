// FAILED: a counting completion with result failed. A later passed
// completion of the same enrollment (a retake) supersedes it: the rule looks
// at each enrollment's latest counting completion. Compensation F; zero
// where an exemption counts, which the detail names.
#include "projections/rules/rules.h"

namespace tledger {

void CheckFailed(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    const AsOf::Enrollment& en = w.Enr(e);
    if (en.rec == nullptr || en.completion == nullptr || en.completion->passed) continue;
    const CourseOpenedFact* course = w.Course(en.rec->course);
    Rulebook rb = course != nullptr ? out.CaseRulebook(en.rec->person, course->start)
                                    : RulebookOn(en.completion->stamp.effective);
    int64_t funding = w.PublicFunding(e);
    std::string vi = out.Enrollment(e) + " không đạt (" + en.completion->stamp.effective.ToString() +
                     "); phải bồi hoàn kinh phí công " + MoneyVi(funding);
    std::string en_text = out.Enrollment(e) + " failed (" + en.completion->stamp.effective.ToString() +
                          "); public funding to repay " + MoneyEn(funding);
    int64_t owed = out.Compensation(e, funding, &vi, &en_text);
    Violation& v = out.Add(Rule::kFailed, en.completion->stamp, out.Person(en.rec->person), rb, vi, en_text);
    v.enrollment = out.Enrollment(e);
    v.amount_vnd = owed;
  }
}

}  // namespace tledger
