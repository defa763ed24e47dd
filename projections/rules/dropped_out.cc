// DROPPED_OUT: a publicly funded degree-program enrollment withdrawn on or
// after its course's start. Compensation F where the law's đền bù covers
// the program (projections/compensation.h); a 2025-rulebook bachelor is a
// warning with no amount.
#include "projections/rules/rules.h"

namespace tledger {

void CheckDroppedOut(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = DroppedOutCase(w, e);
    if (!c) continue;
    FindingArgs a = out.About(c->person, e);
    a.course = out.Course(c->course->course);
    a.program = c->course->program;
    a.start = c->course->start;
    a.on = c->withdrawal->stamp.effective;
    Violation& v = out.Add(c->covered ? Case::kDroppedOut : Case::kDroppedOutNotCovered, c->evidence, c->course->plan,
                           out.Person(c->person), c->rulebook, std::move(a));
    v.enrollment = out.Enrollment(e);
    out.Compensate(v, *c, e);
  }
}

}  // namespace tledger
