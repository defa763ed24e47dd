// SERVICE_BREACH: the leaving of service of a person with a passed completion
// of a publicly funded degree program, where the months served after the
// completion, T2 = months(completion, leaving), fall short of
// T1 = factor x months(start, end), the factor of the rulebook in force at
// the course start (2, then 3). Compensation F x (T1 - T2) / T1, rounded
// down (Decree 101 art. 8), where the law's đền bù covers the program; an
// exemption sets it to zero and is named. A 2025-rulebook bachelor is a
// warning with no amount.
#include "projections/rules/rules.h"

namespace tledger {

void CheckServiceBreach(Findings& out) {
  const AsOf& w = out.world();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<CompensationCase> c = ServiceBreachCase(w, e);
    if (!c) continue;
    FindingArgs a = out.About(c->person, e);
    a.course = out.Course(c->course->course);
    a.program = c->course->program;
    a.start = c->course->start;
    a.end = c->course->end;
    a.completed = c->completion->stamp.effective;
    a.on = c->leaving->stamp.effective;
    a.t1 = c->t1;
    a.t2 = c->t2;
    a.factor = Info(c->rulebook).service_factor;
    std::optional<Category> category = out.CategoryOf(c->person, c->course->start);
    a.category = category;
    Violation& v = out.Add(c->covered ? Case::kServiceBreach : Case::kServiceBreachNotCovered, c->evidence,
                           c->course->plan, out.Person(c->person), c->rulebook, std::move(a), category);
    v.enrollment = out.Enrollment(e);
    out.Compensate(v, *c, e);
  }
}

}  // namespace tledger
