// OUTSIDE_PHASE: an active enrollment in a course whose field opens in a
// phase of the plan on date O, and whose course starts before O. A field in
// several phases opens at the earliest of them.
#include <unordered_map>

#include "projections/rules/rules.h"

namespace tledger {

void CheckOutsidePhase(Findings& out) {
  const AsOf& w = out.world();
  // Each plan's opening date by field, found once: a plan may list 20
  // phases of 100 fields (core/event.capnp), too many to scan for each
  // enrollment.
  std::unordered_map<Sym, std::unordered_map<Sym, Date>> opens_by_plan;
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr) continue;
    const AsOf::Plan* plan = w.PlanOf(course->plan);
    if (plan == nullptr) continue;
    auto [it, added] = opens_by_plan.try_emplace(course->plan);
    if (added) {
      for (const PhaseSpec& phase : plan->phases) {
        for (Sym f : phase.fields) {
          auto [at, first] = it->second.try_emplace(f, phase.opens);
          if (!first && phase.opens < at->second) at->second = phase.opens;
        }
      }
    }
    auto found = it->second.find(course->field);
    if (found == it->second.end()) continue;
    std::optional<Date> opens = found->second;
    if (!(course->start < *opens)) continue;
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
