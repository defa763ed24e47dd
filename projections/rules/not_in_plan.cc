// NOT_IN_PLAN: an active enrollment in a course of plan K, program X, for
// person P, with no nomination (K, P, X) approved and not revoked as of the
// enrollment's effective date; any funding, self-funded included.
#include "projections/rules/rules.h"

namespace tledger {

void CheckNotInPlan(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr) continue;
    if (w.Nominated(course->plan, rec.person, course->program, rec.stamp.effective)) continue;
    FindingArgs a = out.About(rec.person, e);
    a.course = out.Course(rec.course);
    a.program = course->program;
    a.plan = out.Plan(course->plan);
    a.on = rec.stamp.effective;
    out.Add(Case::kNotInPlan, rec.stamp, course->plan, out.Person(rec.person), out.CaseRulebook(rec.person, course->start),
            std::move(a))
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
