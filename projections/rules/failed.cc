// FAILED: a counting completion with result failed. A later passed
// completion of the same enrollment (a retake) supersedes it: the rule looks
// at each enrollment's latest counting completion. A publicly funded degree
// the law's đền bù covers is a violation owing F (projections/compensation.h);
// anything else (fostering, a self-funded degree, a 2025-rulebook bachelor,
// a course not opened) a warning with no amount (shared/spec/legal.md).
#include "projections/rules/rules.h"

namespace tledger {

void CheckFailed(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = FailedCase(w, e);
    if (!c) continue;
    FindingArgs a = out.About(c->person, e);
    a.on = c->completion->stamp.effective;
    Case what = Case::kFailedCourseUnknown;
    Sym plan = kNoSym;
    if (c->course != nullptr) {
      a.course = out.Course(c->course->course);
      a.program = c->course->program;
      plan = c->course->plan;
      what = c->covered                       ? Case::kFailedDegree
             : IsDegree(c->course->program) ? Case::kFailedDegreeNotCovered
                                            : Case::kFailedFostering;
    } else {
      a.course = out.Course(w.Enr(e).rec->course);
    }
    Violation& v = out.Add(what, c->evidence, plan, out.Person(c->person), c->rulebook, std::move(a));
    v.enrollment = out.Enrollment(e);
    out.Compensate(v, *c, e);
  }
}

}  // namespace tledger
