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
    std::string field = out.Field(course->field), p = out.Plan(course->plan);
    out.Add(Rule::kNotPriorityField, rec.stamp, course->plan, p, out.CaseRulebook(rec.person, course->start),
            out.Enrollment(e) + " học " + ProgramName(course->program) + " lĩnh vực " + field +
                " bằng kinh phí công, không thuộc lĩnh vực ưu tiên của kế hoạch " + p,
            out.Enrollment(e) + " studies " + ProgramName(course->program) + " in " + field +
                " on public funds, not a priority field of plan " + p)
        .enrollment = out.Enrollment(e);
  }
}

}  // namespace tledger
