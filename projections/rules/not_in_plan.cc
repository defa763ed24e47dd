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
    std::string program = ProgramName(course->program), plan = out.Plan(course->plan);
    out.Add(Rule::kNotInPlan, rec.stamp, course->plan, out.Person(rec.person), out.CaseRulebook(rec.person, course->start),
            "ghi danh " + out.Enrollment(e) + " vào " + out.Course(rec.course) + " (" + program + ") ngày " +
                rec.stamp.effective.ToString() + " nhưng không có quyết định cử đi học theo kế hoạch " + plan,
            "enrollment " + out.Enrollment(e) + " in " + out.Course(rec.course) + " (" + program + ") on " +
                rec.stamp.effective.ToString() + " without an approved nomination under plan " + plan)
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
