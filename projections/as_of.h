// The world as it stood at the end of day D (shared/spec/rules.md,
// "Definitions"), as the rules and tallies ask about it. Built from a
// Resolved (which is already "as known at T") in one pass; every query below
// is then a lookup.
//
//   AsOf w(resolved, as_of);
//   if (w.Active(e)) { const CourseOpenedFact* c = w.Course(w.Enr(e).rec->course); ... }
#ifndef TLEDGER_PROJECTIONS_AS_OF_H_
#define TLEDGER_PROJECTIONS_AS_OF_H_

#include <optional>
#include <string>
#include <vector>

#include "projections/resolved.h"
#include "projections/rulebook.h"

namespace tledger {

class AsOf {
 public:
  AsOf(const Resolved& r, Date d);

  const Resolved& resolved() const { return r_; }
  const Symbols& symbols() const { return *r_.symbols; }
  Date date() const { return d_; }

  // --- courses
  // The course's latest counting version, or nullptr.
  const CourseOpenedFact* Course(Sym course) const { return course < courses_.size() ? courses_[course] : nullptr; }

  // --- enrollments
  struct Enrollment {
    const EnrollmentRecordedFact* rec = nullptr;          // latest counting version; nullptr if none counts
    const EnrollmentWithdrawnFact* withdrawal = nullptr;  // the first counting one
    const CompletionFact* completion = nullptr;           // the latest counting one
  };
  const Enrollment& Enr(Sym e) const { return enrollments_[e]; }
  size_t enrollment_count() const { return enrollments_.size(); }
  // Recorded, and not withdrawn, as of D.
  bool Active(Sym e) const { return enrollments_[e].rec != nullptr && enrollments_[e].withdrawal == nullptr; }
  // The enrollments whose counting version names the person, by stamp.
  const std::vector<Sym>& EnrollmentsOf(Sym person) const;
  // Public funding decided (counting, not revoked) for an enrollment: F.
  int64_t PublicFunding(Sym e) const { return public_funding_[e]; }

  // --- funding decisions: counting, not revoked, by stamp
  const std::vector<const FundingDecidedFact*>& LiveDecisions() const { return live_decisions_; }
  // The decision's latest counting version, or nullptr.
  const FundingDecidedFact* Decision(Sym d) const { return decisions_[d]; }

  // --- plans
  struct Plan {
    const PlanIssuedFact* issued = nullptr;
    int64_t budget_vnd = 0;
    std::vector<QuotaCell> quotas;
    std::vector<Sym> priority_fields;
    std::vector<PhaseSpec> phases;
  };
  // The plan as issued and amended up to D, or nullptr when not issued.
  const Plan* PlanOf(Sym plan) const { return plan < plans_.size() && plans_[plan] ? &*plans_[plan] : nullptr; }

  // A quota cell: where an enrollment in a course falls.
  struct CellKey {
    Program program;
    FundingClass funding_class;
    Location location;
    friend auto operator<=>(const CellKey&, const CellKey&) = default;
  };
  static CellKey CellOf(const CourseOpenedFact& course, const EnrollmentRecordedFact& e) {
    return CellKey{course.program, ClassOf(e.funding), course.location};
  }
  // The cell's quota: as declared; 0 where the plan declares cells for the
  // program but not this one; null where it declares none for the program.
  static std::optional<int64_t> QuotaOf(const Plan& plan, const CellKey& key);

  // --- persons
  // The latest counting registration effective on or before `at` (at <= D),
  // else the earliest one that counts: a rule asks about a person's
  // category or birth date whenever it was registered.
  const PersonRegisteredFact* Registration(Sym person, Date at) const;
  // The person's unit on `at`: the latest registration or transfer effective
  // by then, followed through merges and renames effective by then.
  // kNoSym when none.
  Sym UnitAt(Sym person, Date at) const;
  // The person's latest counting leaving of service, or nullptr.
  const PersonLeftServiceFact* Leaving(Sym person) const;
  // (plan, person, program) approved and not revoked on `at`.
  bool Nominated(Sym plan, Sym person, Program program, Date at) const;

  // --- units
  struct Cessation {
    Date date;
    Sym successor = kNoSym;  // merged into or renamed to; kNoSym when dissolved
    std::string_view how;    // "merge", "rename", "dissolve", "district_abolished"
    Sym evidence = kNoSym;   // the reorganisation event, if any
  };
  // When the unit ceased, if it did by D: its first counting reorganisation,
  // or 2025-07-01 for a district (the level was abolished).
  const std::optional<Cessation>& Ceased(Sym unit) const { return ceased_[unit]; }
  // The unit's level on `at`, from its latest registration by then (else its
  // earliest counting one).
  std::optional<Level> LevelOf(Sym unit, Date at) const;
  // A unit followed through the merges and renames effective by `at`.
  Sym Follow(Sym unit, Date at) const;
  // A unit mapped to what it is as of D: merges and renames followed; a
  // dissolved unit becomes its parent's successor (--restate-units).
  Sym Restate(Sym unit) const;

  // --- references: whether a counting event registers the id
  bool HasUnit(Sym s) const { return !UpTo(r_.unit_registrations.Of(s), d_).empty(); }
  bool HasPerson(Sym s) const { return !UpTo(r_.person_registrations.Of(s), d_).empty(); }
  bool HasPlan(Sym s) const { return !UpTo(r_.plans_issued.Of(s), d_).empty(); }
  bool HasCourse(Sym s) const { return Course(s) != nullptr; }
  bool HasEnrollment(Sym s) const { return s < enrollments_.size() && enrollments_[s].rec != nullptr; }
  bool HasDecision(Sym s) const { return s < decisions_.size() && decisions_[s] != nullptr; }

 private:
  const Resolved& r_;
  Date d_;
  std::vector<const CourseOpenedFact*> courses_;
  std::vector<Enrollment> enrollments_;
  std::vector<std::vector<Sym>> enrollments_of_;  // by person
  std::vector<const FundingDecidedFact*> decisions_;
  std::vector<const FundingDecidedFact*> live_decisions_;
  std::vector<int64_t> public_funding_;           // by enrollment
  std::vector<std::optional<Plan>> plans_;
  std::vector<std::optional<Cessation>> ceased_;  // by unit
};

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_AS_OF_H_
