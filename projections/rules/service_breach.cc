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
  for (Sym p = 1; p < w.symbols().persons.size(); ++p) {
    const PersonLeftServiceFact* leaving = w.Leaving(p);
    if (leaving == nullptr) continue;
    for (Sym e : w.EnrollmentsOf(p)) {
      const AsOf::Enrollment& en = w.Enr(e);
      if (en.completion == nullptr || !en.completion->passed || ClassOf(en.rec->funding) != FundingClass::PUBLIC) continue;
      const CourseOpenedFact* course = w.Course(en.rec->course);
      if (course == nullptr || !IsDegree(course->program)) continue;
      if (leaving->stamp.effective < en.completion->stamp.effective) continue;  // left before it ended
      Rulebook rb = out.CaseRulebook(p, course->start);
      int64_t t1 = static_cast<int64_t>(Info(rb).service_factor) * MonthsBetween(course->start, course->end);
      int64_t t2 = MonthsBetween(en.completion->stamp.effective, leaving->stamp.effective);
      if (t1 <= 0 || t2 >= t1) continue;
      int64_t funding = w.PublicFunding(e);
      int64_t owed = static_cast<int64_t>(static_cast<__int128>(funding) * (t1 - t2) / t1);
      std::string vi = out.Enrollment(e) + ": nghỉ việc " + leaving->stamp.effective.ToString() + " sau " +
                       std::to_string(t2) + " tháng công tác kể từ khi hoàn thành " +
                       en.completion->stamp.effective.ToString() + ", chưa đủ " + std::to_string(t1) +
                       " tháng cam kết; bồi hoàn " + MoneyVi(funding) + " x (" + std::to_string(t1) + " - " +
                       std::to_string(t2) + ") / " + std::to_string(t1) + " = " + MoneyVi(owed);
      std::string en_text = out.Enrollment(e) + ": left service " + leaving->stamp.effective.ToString() + " after " +
                            std::to_string(t2) + " months of service since completing " +
                            en.completion->stamp.effective.ToString() + ", short of the " + std::to_string(t1) +
                            " months committed; compensation " + MoneyEn(funding) + " x (" + std::to_string(t1) +
                            " - " + std::to_string(t2) + ") / " + std::to_string(t1) + " = " + MoneyEn(owed);
      owed = out.Compensation(e, owed, &vi, &en_text);
      Violation& v = out.Add(Rule::kServiceBreach, leaving->stamp, out.Person(p), rb, vi, en_text);
      v.enrollment = out.Enrollment(e);
      v.amount_vnd = owed;
    }
  }
}

}  // namespace tledger
