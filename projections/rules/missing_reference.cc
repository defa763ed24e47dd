// MISSING_REFERENCE: a counting event that names a unit, person, plan,
// course, enrollment or decision id that no counting event registers; one
// violation per event and missing id, the subject being the missing id. A
// funding decision naming a missing enrollment is FUNDING_WITHOUT_ENROLLMENT
// instead.
#include <set>

#include "projections/rules/rules.h"
#include "projections/tallies.h"

namespace tledger {
namespace {

class Checker {
 public:
  explicit Checker(Findings& out) : out_(out), w_(out.world()) {}

  template <typename T>
  void Each(const std::vector<T>& facts) {
    for (const T& f : facts) {
      if (w_.date() < f.stamp.effective) continue;
      seen_.clear();
      plan_ = PlanOf(f);
      type_ = EventTypeOf(f);
      Refs(f);
    }
  }

 private:
  // The plan an event concerns, where it names one (directly or through its
  // enrollment or decision).
  template <typename T>
  Sym PlanOf(const T& f) {
    if constexpr (requires { f.plan; }) {
      return f.plan;
    } else if constexpr (requires { f.course; f.person; }) {
      const CourseOpenedFact* c = w_.Course(f.course);
      return c != nullptr ? c->plan : kNoSym;
    } else if constexpr (requires { f.enrollment; }) {
      return PlanOfEnrollment(w_, f.enrollment);
    } else if constexpr (requires { f.decision; }) {
      const FundingDecidedFact* d = w_.Decision(f.decision);
      return d != nullptr ? d->plan : kNoSym;
    } else {
      return kNoSym;
    }
  }

  void Unit(const Stamp& st, Sym s) { Need(st, schema::Kind::UNIT, s, w_.HasUnit(s)); }
  void Person(const Stamp& st, Sym s) { Need(st, schema::Kind::PERSON, s, w_.HasPerson(s)); }
  void Plan(const Stamp& st, Sym s) { Need(st, schema::Kind::PLAN, s, w_.HasPlan(s)); }
  void Course(const Stamp& st, Sym s) { Need(st, schema::Kind::COURSE, s, w_.HasCourse(s)); }
  void Enrollment(const Stamp& st, Sym s) { Need(st, schema::Kind::ENROLLMENT, s, w_.HasEnrollment(s)); }
  void Decision(const Stamp& st, Sym s) { Need(st, schema::Kind::DECISION, s, w_.HasDecision(s)); }

  void Refs(const UnitRegisteredFact& f) { Unit(f.stamp, f.parent); }
  void Refs(const UnitReorganizedFact& f) {
    for (Sym u : f.from) Unit(f.stamp, u);
    Unit(f.stamp, f.to);
  }
  void Refs(const PersonRegisteredFact& f) { Unit(f.stamp, f.unit); }
  void Refs(const PersonTransferredFact& f) { Person(f.stamp, f.person), Unit(f.stamp, f.unit); }
  void Refs(const PersonLeftServiceFact& f) { Person(f.stamp, f.person); }
  void Refs(const QualificationFact& f) { Person(f.stamp, f.person); }
  void Refs(const PlanIssuedFact& f) { Unit(f.stamp, f.issuer); }
  void Refs(const PlanAmendedFact& f) { Plan(f.stamp, f.plan); }
  void Refs(const NominationFact& f) { Plan(f.stamp, f.plan), Person(f.stamp, f.person); }
  void Refs(const CourseOpenedFact& f) { Plan(f.stamp, f.plan), Unit(f.stamp, f.unit); }
  void Refs(const EnrollmentRecordedFact& f) { Person(f.stamp, f.person), Course(f.stamp, f.course); }
  void Refs(const EnrollmentWithdrawnFact& f) { Enrollment(f.stamp, f.enrollment); }
  void Refs(const CompletionFact& f) { Enrollment(f.stamp, f.enrollment); }
  void Refs(const FundingDecidedFact& f) { Plan(f.stamp, f.plan), Course(f.stamp, f.course); }
  void Refs(const FundingRevokedFact& f) { Decision(f.stamp, f.decision); }
  void Refs(const ExemptionFact& f) { Person(f.stamp, f.person), Enrollment(f.stamp, f.enrollment); }
  void Refs(const ReimbursementFact& f) { Person(f.stamp, f.person), Enrollment(f.stamp, f.enrollment); }

  void Need(const Stamp& st, schema::Kind kind, Sym s, bool registered) {
    if (s == kNoSym || registered || !seen_.emplace(kind, s).second) return;
    const Symbols& sy = w_.symbols();
    const Interner& names = kind == schema::Kind::UNIT         ? sy.units
                            : kind == schema::Kind::PERSON     ? sy.persons
                            : kind == schema::Kind::PLAN       ? sy.plans
                            : kind == schema::Kind::COURSE     ? sy.courses
                            : kind == schema::Kind::ENROLLMENT ? sy.enrollments
                                                               : sy.decisions;
    std::string id(names.Name(s));
    FindingArgs a;
    a.missing = id;
    a.missing_kind = kind;
    a.event_type = type_;
    a.on = st.effective;
    out_.Add(Case::kMissingReference, st, plan_, id, RulebookOn(st.effective), std::move(a));
  }

  Findings& out_;
  const AsOf& w_;
  std::set<std::pair<schema::Kind, Sym>> seen_;  // per event
  Sym plan_ = kNoSym;                              // of the event
  uint16_t type_ = 0;                              // of the event
};

}  // namespace

void CheckMissingReference(Findings& out) {
  const Resolved& r = out.world().resolved();
  Checker c(out);
  c.Each(r.unit_registrations.all());
  c.Each(r.reorganizations);
  c.Each(r.person_registrations.all());
  c.Each(r.transfers.all());
  c.Each(r.leavings.all());
  c.Each(r.qualifications.all());
  c.Each(r.plans_issued.all());
  c.Each(r.plan_amendments.all());
  c.Each(r.nominations.all());
  c.Each(r.courses.all());
  c.Each(r.enrollments.all());
  c.Each(r.withdrawals.all());
  c.Each(r.completions.all());
  c.Each(r.decisions.all());
  c.Each(r.revocations.all());
  c.Each(r.exemptions.all());
  c.Each(r.reimbursements.all());
}

}  // namespace tledger
