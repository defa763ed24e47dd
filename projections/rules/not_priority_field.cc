// NOT_PRIORITY_FIELD (a warning): an active publicly funded enrollment in a
// degree program whose course field is not in the plan's non-empty priority
// list.
#include <unordered_map>
#include <unordered_set>

#include "projections/rules/rules.h"

namespace tledger {

void CheckNotPriorityField(Findings& out) {
  const AsOf& w = out.world();
  // Each plan's priority fields as a set, made once: a list may hold 100
  // (core/event.capnp), too many to scan for each enrollment.
  std::unordered_map<Sym, std::unordered_set<Sym>> priority_by_plan;
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    if (ClassOf(rec.funding) != FundingClass::PUBLIC) continue;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr || !IsDegree(course->program)) continue;
    const AsOf::Plan* plan = w.PlanOf(course->plan);
    if (plan == nullptr || plan->priority_fields.empty()) continue;
    auto [it, added] = priority_by_plan.try_emplace(course->plan);
    if (added) it->second.insert(plan->priority_fields.begin(), plan->priority_fields.end());
    if (it->second.contains(course->field)) continue;
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
