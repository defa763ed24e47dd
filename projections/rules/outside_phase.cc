// OUTSIDE_PHASE: an active enrollment in a course whose field opens in a
// phase of the plan on date O, and whose course starts before O. A field in
// several phases opens at the earliest of them.
#include <algorithm>

#include "projections/rules/rules.h"

namespace tledger {

void CheckOutsidePhase(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr) continue;
    const AsOf::Plan* plan = w.PlanOf(course->plan);
    if (plan == nullptr) continue;
    std::optional<Date> opens;
    for (const PhaseSpec& phase : plan->phases) {
      if (std::find(phase.fields.begin(), phase.fields.end(), course->field) == phase.fields.end()) continue;
      if (!opens || phase.opens < *opens) opens = phase.opens;
    }
    if (!opens || !(course->start < *opens)) continue;
    FindingArgs a = out.About(rec.person, e);
    a.course = out.Course(rec.course);
    a.field = out.Field(course->field);
    a.plan = out.Plan(course->plan);
    a.start = course->start;
    a.opens = opens;
    out.Add(Case::kOutsidePhase, rec.stamp, course->plan, out.Plan(course->plan),
            out.CaseRulebook(rec.person, course->start), std::move(a))
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
