// AGE_LIMIT: a cadre's or civil servant's first publicly funded postgraduate
// enrollment, where the person's age on the course start exceeds the limit
// of the rulebook in force then (40, then 45). Only where the birth date is
// known; "first" is in (effective, seq) order among the person's counting
// enrollments, withdrawn ones included: being sent is what the limit governs.
#include "projections/rules/rules.h"

namespace tledger {

void CheckAgeLimit(Findings& out) {
  const AsOf& w = out.world();
  for (Sym p = 1; p < w.symbols().persons.size(); ++p) {
    for (Sym e : w.EnrollmentsOf(p)) {
      const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
      const CourseOpenedFact* course = w.Course(rec.course);
      if (course == nullptr || !IsPostgraduate(course->program) || ClassOf(rec.funding) != FundingClass::PUBLIC) continue;
      // The first one decides; later ones are not "first sent".
      const PersonRegisteredFact* reg = w.Registration(p, course->start);
      if (reg == nullptr || reg->category == Category::PUBLIC_EMPLOYEE || !reg->birth_date) break;
      Rulebook rb = RulebookFor(course->start, reg->category);
      int age = YearsBetween(*reg->birth_date, course->start), limit = Info(rb).age_limit;
      if (age > limit) {
        FindingArgs a = out.About(p, e);
        a.course = out.Course(rec.course);
        a.program = course->program;
        a.category = reg->category;
        a.start = course->start;
        a.age = age;
        a.limit = limit;
        out.Add(Case::kAgeLimit, rec.stamp, course->plan, out.Person(p), rb, std::move(a), reg->category).enrollment =
            out.Enrollment(e);
      }
      break;
    }
  }
}

}  // namespace tledger
