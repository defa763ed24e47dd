// NOT_PRIORITY_FIELD (a warning): an active publicly funded enrollment in a
// degree program whose course field is not in the plan's non-empty priority
// list.
#include <algorithm>

#include "projections/rules/rules.h"

namespace tledger {

void CheckNotPriorityField(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    if (ClassOf(rec.funding) != FundingClass::PUBLIC) continue;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr || !IsDegree(course->program)) continue;
    const AsOf::Plan* plan = w.PlanOf(course->plan);
    if (plan == nullptr || plan->priority_fields.empty()) continue;
    const auto& list = plan->priority_fields;
    if (std::find(list.begin(), list.end(), course->field) != list.end()) continue;
    FindingArgs a = out.About(rec.person, e);
    a.course = out.Course(rec.course);
    a.program = course->program;
    a.field = out.Field(course->field);
    a.plan = out.Plan(course->plan);
    out.Add(Case::kNotPriorityField, rec.stamp, course->plan, out.Plan(course->plan),
            out.CaseRulebook(rec.person, course->start), std::move(a))
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
