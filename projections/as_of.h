// The world as it stood at the end of day D (shared/spec/rules.md,
// "Definitions"), as the rules and tallies ask about it. Cheap to make: every
// question is answered when asked, from the Resolved (already "as known at
// T"), by a few binary searches.
//
//   AsOf w(resolved, as_of);
//   if (w.Active(e)) { const CourseOpenedFact* c = w.Course(w.Enr(e).rec->course); ... }
//
// With a Horizon, every answer also lowers horizon->until to the next date at
// which it would change: evaluating something with one tells for how long
// the result holds (projections/tally_index.h builds on that). The questions
// about the whole ledger (LiveDecisions) are not horizon-tracked.
//
// Not thread-safe (it caches plans and decisions); cheap to make one per
// thread.
#ifndef TLEDGER_PROJECTIONS_AS_OF_H_
#define TLEDGER_PROJECTIONS_AS_OF_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "projections/resolved.h"
#include "projections/outcome.h"
#include "projections/rulebook.h"

namespace tledger {

class AsOf {
 public:
  AsOf(const Resolved& r, Date d, Horizon* horizon = nullptr) : r_(r), d_(d), h_(horizon) {}

  const Resolved& resolved() const { return r_; }
  const Symbols& symbols() const { return *r_.symbols; }
  Date date() const { return d_; }
  // Where answers note for how long they hold (nullptr: nowhere).
  Horizon* horizon() const { return h_; }

  // --- courses
  // The course's latest counting version, or nullptr.
  const CourseOpenedFact* Course(Sym course) const { return LatestAsOf(r_.courses.Of(course), d_, h_); }

  // --- enrollments
  struct Enrollment {
    const EnrollmentRecordedFact* rec = nullptr;          // latest counting version; nullptr if none counts
    const EnrollmentWithdrawnFact* withdrawal = nullptr;  // the first counting one
    const CompletionFact* completion = nullptr;           // the latest counting one
  };
  Enrollment Enr(Sym e) const;
  // One more than the largest enrollment Sym: enrollments are 1..count-1.
  size_t enrollment_count() const { return symbols().enrollments.size(); }
  // Recorded, and not withdrawn, as of D.
  bool Active(Sym e) const;
  // The enrollments whose counting version names the person, by stamp.
  std::vector<Sym> EnrollmentsOf(Sym person) const;
  // Public funding decided (counting, not revoked) for an enrollment: F.
  int64_t PublicFunding(Sym e) const;
  // Calls fn(const FundingDecidedFact&) for each decision PublicFunding sums,
  // in the order of Resolved::decisions_by_enrollment.
  template <typename Fn>
  void ForEachPublicDecision(Sym e, Fn&& fn) const {
    for (Sym dec : r_.decisions_by_enrollment.Of(e)) {
      const FundingDecidedFact* f = Decision(dec);
      if (f != nullptr && f->enrollment == e && ClassOf(f->funding) == FundingClass::PUBLIC && !Revoked(dec)) fn(*f);
    }
  }

  // --- funding decisions
  // Counting, not revoked, by stamp. Not horizon-tracked.
  const std::vector<const FundingDecidedFact*>& LiveDecisions() const;
  // The decision's latest counting version, or nullptr.
  const FundingDecidedFact* Decision(Sym d) const { return LatestAsOf(r_.decisions.Of(d), d_, h_); }
  // Revoked by a counting revocation.
  bool Revoked(Sym d) const { return FirstAsOf(r_.revocations.Of(d), d_, h_) != nullptr; }

  // --- plans
  struct Plan {
    std::string title;
    std::string source;       // the decision's number, from the latest plan_issued
    Date issued;              // that plan_issued's effective date
    std::string issuer;       // the issuing unit's id
    std::string issuer_name;  // its registered name as of D (empty: not registered)
    int64_t budget_vnd = 0;
    std::vector<QuotaCell> quotas;
    std::vector<Sym> priority_fields;
    std::vector<PhaseSpec> phases;
    std::vector<TargetSpec> targets;  // by program, one each
    friend bool operator==(const Plan&, const Plan&) = default;
  };
  // The plan as issued and amended up to D, or nullptr when not issued.
  const Plan* PlanOf(Sym plan) const;
  // The plan's decision as a report heads it and a finding cites it (ids
  // and names, as of D); nullopt when the plan is not issued.
  std::optional<PlanDocument> DocumentOf(Sym plan) const;

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
  // The person's name: from the latest counting registration effective by
  // D, else the earliest that counts; empty when none counts.
  std::string_view PersonName(Sym person) const;
  // The person's latest counting leaving of service, or nullptr.
  const PersonLeftServiceFact* Leaving(Sym person) const { return LatestAsOf(r_.leavings.Of(person), d_, h_); }
  // (plan, person, program) approved and not revoked on `at`.
  bool Nominated(Sym plan, Sym person, Program program, Date at) const;

  // --- units
  // When the unit ceased, if it did by D: its first counting reorganisation,
  // or 2025-07-01 for a unit registered as a district then (the level was
  // abolished). Not horizon-tracked.
  std::optional<Cessation> Ceased(Sym unit) const;
  // The unit's level on `at`, from its latest registration by then (else its
  // earliest counting one).
  std::optional<Level> LevelOf(Sym unit, Date at) const;
  // The unit's registered name, as PersonName reads a person's.
  std::string_view UnitName(Sym unit) const;
  // The unit's parent as registered: from its latest counting registration
  // effective by D, else kNoSym (none counts, or it has no parent).
  Sym ParentOf(Sym unit) const;
  // A unit followed through the merges and renames effective by `at`.
  Sym Follow(Sym unit, Date at) const;
  // A unit mapped to what it is as of D: merges and renames followed; a
  // dissolved unit (or an abolished district) becomes its parent's
  // successor (--restate-units). Not horizon-tracked.
  Sym Restate(Sym unit) const;

  // --- references: whether a counting event registers the id
  bool HasUnit(Sym s) const { return FirstAsOf(r_.unit_registrations.Of(s), d_, h_) != nullptr; }
  bool HasPerson(Sym s) const { return FirstAsOf(r_.person_registrations.Of(s), d_, h_) != nullptr; }
  bool HasPlan(Sym s) const { return FirstAsOf(r_.plans_issued.Of(s), d_, h_) != nullptr; }
  bool HasCourse(Sym s) const { return FirstAsOf(r_.courses.Of(s), d_, h_) != nullptr; }
  bool HasEnrollment(Sym s) const { return FirstAsOf(r_.enrollments.Of(s), d_, h_) != nullptr; }
  bool HasDecision(Sym s) const { return FirstAsOf(r_.decisions.Of(s), d_, h_) != nullptr; }

 private:
  // An answer about a date `at` on or after D is an answer about D and
  // changes with it; one about an earlier date is settled.
  Horizon* Tracked(Date at) const { return d_ <= at ? h_ : nullptr; }

  const Resolved& r_;
  Date d_;
  Horizon* h_;
  mutable std::unordered_map<Sym, std::optional<Plan>> plans_;
  mutable std::optional<std::vector<const FundingDecidedFact*>> live_decisions_;
};

// Whether a unit is `top` or under it, by parent as of D (AsOf::ParentOf):
// the subtree of `report --unit` and `people --unit`. Remembers each unit's
// answer; a cycle of parents (bad data) ends the walk.
class UnitSubtree {
 public:
  UnitSubtree(const AsOf& w, Sym top) : w_(w), top_(top) {}
  bool Contains(Sym unit);

 private:
  const AsOf& w_;
  Sym top_;
  std::unordered_map<Sym, bool> memo_;
};

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_AS_OF_H_
