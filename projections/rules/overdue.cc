// OVERDUE: an active enrollment with no counting completion whose course end
// plus the grace period is before D.
#include "projections/rules/rules.h"

namespace tledger {

void CheckOverdue(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e) || w.Enr(e).completion != nullptr) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr) continue;
    Date due = course->end.AddDays(kOverdueGraceDays);
    if (!(due < w.date())) continue;
    std::string days = std::to_string(kOverdueGraceDays);
    out.Add(Rule::kOverdue, rec.stamp, course->plan, out.Person(rec.person), out.CaseRulebook(rec.person, course->start),
            "khóa " + out.Course(rec.course) + " kết thúc " + course->end.ToString() + ", quá " + days +
                " ngày chưa có kết quả học tập của " + out.Enrollment(e),
            "course " + out.Course(rec.course) + " ended " + course->end.ToString() + "; more than " + days +
                " days later " + out.Enrollment(e) + " has no completion")
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
