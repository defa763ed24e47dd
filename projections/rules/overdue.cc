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
    FindingArgs a = out.About(rec.person, e);
    a.course = out.Course(rec.course);
    a.end = course->end;
    a.days = kOverdueGraceDays;
    out.Add(Case::kOverdue, rec.stamp, course->plan, out.Person(rec.person), out.CaseRulebook(rec.person, course->start),
            std::move(a))
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
