// SERVICE_BREACH: the leaving of service of a person with a passed completion
// of a publicly funded degree program, where the months served after the
// completion, T2 = months(completion, leaving), fall short of
// T1 = factor x months(start, end), the factor of the rulebook in force at
// the course start (2, then 3). Compensation F x (T1 - T2) / T1, rounded
// down (Decree 101 art. 8); an exemption sets it to zero and is named.
#include "projections/rules/rules.h"

namespace tledger {

void CheckServiceBreach(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = ServiceBreachCase(w, e);
    if (!c) continue;
    std::string t1 = std::to_string(c->t1), t2 = std::to_string(c->t2);
    std::string left = c->leaving->stamp.effective.ToString(), done = c->completion->stamp.effective.ToString();
    std::string vi = out.Enrollment(e) + ": nghỉ việc " + left + " sau " + t2 + " tháng công tác kể từ khi hoàn thành " +
                     done + ", chưa đủ " + t1 + " tháng cam kết; bồi hoàn " + MoneyVi(c->funding) + " x (" + t1 +
                     " - " + t2 + ") / " + t1 + " = " + MoneyVi(c->amount);
    std::string en_text = out.Enrollment(e) + ": left service " + left + " after " + t2 +
                          " months of service since completing " + done + ", short of the " + t1 +
                          " months committed; compensation " + MoneyEn(c->funding) + " x (" + t1 + " - " + t2 + ") / " +
                          t1 + " = " + MoneyEn(c->amount);
    int64_t owed = out.Compensation(*c, &vi, &en_text);
    Violation& v = out.Add(Rule::kServiceBreach, c->evidence, c->course->plan, out.Person(c->person), c->rulebook, vi, en_text);
    v.enrollment = out.Enrollment(e);
    v.amount_vnd = owed;
  }
}

}  // namespace tledger
