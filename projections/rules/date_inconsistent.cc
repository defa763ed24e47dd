// DATE_INCONSISTENT: a completion effective before its course's start, or an
// enrollment effective after its course's end.
#include "projections/rules/rules.h"

namespace tledger {

void CheckDateInconsistent(Findings& out) {
  const AsOf& w = out.world();
  const Resolved& r = w.resolved();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    const EnrollmentRecordedFact* rec = w.Enr(e).rec;
    if (rec == nullptr) continue;
    const CourseOpenedFact* course = w.Course(rec->course);
    if (course == nullptr) continue;
    std::string enr = out.Enrollment(e);
    Rulebook rb = out.CaseRulebook(rec->person, course->start);
    FindingArgs base = out.About(rec->person, e);
    base.course = out.Course(rec->course);
    base.start = course->start;
    base.end = course->end;
    if (course->end < rec->stamp.effective) {
      FindingArgs a = base;
      a.on = rec->stamp.effective;
      out.Add(Case::kEnrolledAfterCourseEnd, rec->stamp, course->plan, enr, rb, std::move(a)).enrollment = enr;
    }
    for (const CompletionFact& done : UpTo(r.completions.Of(e), w.date())) {
      if (!(done.stamp.effective < course->start)) continue;
      FindingArgs a = base;
      a.on = done.stamp.effective;
      out.Add(Case::kCompletedBeforeCourseStart, done.stamp, course->plan, enr, rb, std::move(a)).enrollment = enr;
    }
  }
}

}  // namespace tledger
