// DROPPED_OUT: a publicly funded degree-program enrollment withdrawn on or
// after its course's start. Compensation F; zero where an exemption counts,
// which the detail names.
#include "projections/rules/rules.h"

namespace tledger {

void CheckDroppedOut(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    const AsOf::Enrollment& en = w.Enr(e);
    if (en.rec == nullptr || en.withdrawal == nullptr || ClassOf(en.rec->funding) != FundingClass::PUBLIC) continue;
    const CourseOpenedFact* course = w.Course(en.rec->course);
    if (course == nullptr || !IsDegree(course->program)) continue;
    if (en.withdrawal->stamp.effective < course->start) continue;
    int64_t funding = w.PublicFunding(e);
    std::string vi = out.Enrollment(e) + " bỏ học " + en.withdrawal->stamp.effective.ToString() + " sau khi khóa " +
                     ProgramName(course->program) + " bắt đầu " + course->start.ToString() +
                     "; phải bồi hoàn kinh phí công " + MoneyVi(funding);
    std::string en_text = out.Enrollment(e) + " withdrew " + en.withdrawal->stamp.effective.ToString() + " after the " +
                          ProgramName(course->program) + " course began " + course->start.ToString() +
                          "; public funding to repay " + MoneyEn(funding);
    int64_t owed = out.Compensation(e, funding, &vi, &en_text);
    Violation& v = out.Add(Rule::kDroppedOut, en.withdrawal->stamp, out.Person(en.rec->person),
                           out.CaseRulebook(en.rec->person, course->start), vi, en_text);
    v.enrollment = out.Enrollment(e);
    v.amount_vnd = owed;
  }
}

}  // namespace tledger
