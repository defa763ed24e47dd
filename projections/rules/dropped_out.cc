// DROPPED_OUT: a publicly funded degree-program enrollment withdrawn on or
// after its course's start. Compensation F (projections/compensation.h).
#include "projections/rules/rules.h"

namespace tledger {

void CheckDroppedOut(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = DroppedOutCase(w, e);
    if (!c) continue;
    std::string program = ProgramName(c->course->program), start = c->course->start.ToString();
    std::string withdrew = c->withdrawal->stamp.effective.ToString();
    std::string vi = out.Enrollment(e) + " bỏ học " + withdrew + " sau khi khóa " + program + " bắt đầu " + start +
                     "; phải bồi hoàn kinh phí công " + MoneyVi(c->funding);
    std::string en_text = out.Enrollment(e) + " withdrew " + withdrew + " after the " + program + " course began " +
                          start + "; public funding to repay " + MoneyEn(c->funding);
    int64_t owed = out.Compensation(*c, &vi, &en_text);
    Violation& v = out.Add(Rule::kDroppedOut, c->evidence, c->course->plan, out.Person(c->person), c->rulebook, vi, en_text);
    v.enrollment = out.Enrollment(e);
    v.amount_vnd = owed;
  }
}

}  // namespace tledger
