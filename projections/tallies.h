// The tallies of shared/spec/rules.md ("Tallies"): what each enrollment
// adds as of D, and the sums. One implementation for every read path: a full
// evaluation adds every enrollment's TallyOf(); the tally index adds stored
// stretches of the same values (projections/tally_index.h).
//
//   AsOf w(resolved, d);
//   TallySum sum(w, options);
//   for (Sym e = 1; e < w.enrollment_count(); ++e) sum.Add(TallyOf(w, e));
//   Report r = sum.Finish(events_counted);
#ifndef TLEDGER_PROJECTIONS_TALLIES_H_
#define TLEDGER_PROJECTIONS_TALLIES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "projections/as_of.h"
#include "projections/outcome.h"

namespace tledger {

// What one enrollment adds to the tallies as of D. A plain value: the tally
// index stores it.
struct EnrollmentTally {
  enum class Status : uint8_t { kInProgress, kCompleted, kFailed };
  static constexpr uint8_t kNoLevel = 0xff;

  Sym enrollment = kNoSym;
  Sym person = kNoSym;
  Sym course = kNoSym;   // kNoSym: its course does not count
  Sym plan = kNoSym;     // the course's plan, kNoSym when the plan does not count
  Sym unit = kNoSym;     // the person's unit on the enrollment's date (kNoSym: none)
  Sym field = kNoSym;
  Program program{};     // with funding_class and location: the quota cell
  FundingClass funding_class{};
  Location location{};
  Form form{};
  Status status = Status::kInProgress;
  bool active = false;   // recorded and not withdrawn; else withdrawn
  uint8_t level = kNoLevel;  // of `unit` on the enrollment's date

  friend bool operator==(const EnrollmentTally&, const EnrollmentTally&) = default;
};

// nullopt when the enrollment does not count as of D.
std::optional<EnrollmentTally> TallyOf(const AsOf& w, Sym enrollment);

// The enrollment's plan as of D, for --plan: its course's (kNoSym if none).
Sym PlanOfEnrollment(const AsOf& w, Sym enrollment);

// Whether a tally counts in a cell of `plan` (and, under --plan, in every
// section of the report): the one test TallySum::Add makes. A tally counts
// in its plan's cell CellKeyOf(t): under `enrolled` and its status when
// active, under `withdrawn` otherwise.
inline bool CountsForPlan(const EnrollmentTally& t, Sym plan) { return plan != kNoSym && t.plan == plan; }
inline AsOf::CellKey CellKeyOf(const EnrollmentTally& t) { return AsOf::CellKey{t.program, t.funding_class, t.location}; }
// Adds the tally to a cell's counts: `withdrawn`, or `enrolled` and one of
// `in_progress`, `completed`, `failed`.
void CountInCell(const EnrollmentTally& t, CellTally* cell);

// The enrollments a plan's cells count as of D (`people`, the persons
// behind a number): TallyOf of every enrollment that CountsForPlan(plan),
// in enrollment Sym order. Adding them to a TallySum gives the plan's cells.
std::vector<EnrollmentTally> TalliesOfPlan(const AsOf& w, Sym plan);

struct TallyOptions {
  bool restate_units = false;  // by_level by each unit's successor as of D
  Sym plan = kNoSym;           // only this plan, and what concerns it
  // --unit: only the trainee-turns (and what they owe) of persons whose
  // unit on the enrollment's date (its successor as of D with
  // restate_units) is this unit or under it as of D, and only the plans
  // issued by such a unit.
  Sym unit = kNoSym;
};

// The sums a report is laid out from (as of one date).
struct TallyCounts {
  std::unordered_map<uint64_t, CellTally> cells;     // by CellId(plan, key)
  std::unordered_map<uint64_t, int64_t> classes;     // by ProgramId(plan, program): courses with an active enrollment
  std::vector<int64_t> public_funding;               // by plan
  int64_t level_turns[5] = {};                       // central .. commune, unknown
  int64_t level_persons[5] = {};
  std::vector<int64_t> field_turns, field_classes;   // by field
  int64_t form_turns[4] = {};
  int64_t form_classes[4] = {};
  int64_t owed = 0;
  uint64_t events_counted = 0;
};
uint64_t CellId(Sym plan, const AsOf::CellKey& key);
uint64_t ProgramId(Sym plan, Program program);

// What a report needs to know of plans and names besides the counts.
struct TallyNames {
  std::vector<std::string_view> plans;   // by plan Sym
  std::vector<std::string_view> fields;  // by field Sym
};
TallyNames NamesOf(const Symbols& s);

// The Report of shared/spec/rules.md from the counts: plans issued as of the
// date (`plan_at`: nullptr for a plan not issued), by id; each plan's
// declared cells and those with enrollments, in (program, funding_class,
// location) order; each plan's targets, in program order, with the
// trainee-turns of the program's cells and its classes; the four levels
// (and "unknown" when it has trainees);
// the fields with trainees, by code; the four forms. `only_plan` restricts
// the plans listed.
Report LayOut(const TallyCounts& counts, Date as_of, Timestamp known_at, const TallyNames& names,
              const std::function<const AsOf::Plan*(Sym)>& plan_at, Sym only_plan,
              const std::function<bool(const AsOf::Plan&)>& list_plan = nullptr);

// Sums tallies into a Report as of the AsOf's date.
class TallySum {
 public:
  TallySum(const AsOf& w, const TallyOptions& options);
  void Add(const EnrollmentTally& t);
  // Whether a tally is within --unit (always without it).
  bool InUnit(const EnrollmentTally& t);
  // A counting, not revoked funding decision of class public.
  void AddPublicFunding(Sym plan, int64_t amount_vnd);
  // What an enrollment of `plan` still owes.
  void AddOwed(Sym plan, int64_t owed_vnd);
  Report Finish(Timestamp known_at, uint64_t events_counted);

 private:
  // Counts and distinct members: arrays and bitmaps over dense Syms, so
  // that adding millions of enrollments stays cheap.
  struct Distinct {
    std::vector<uint64_t> bits;
    int64_t count = 0;
    // True the first time `s` is seen.
    bool Insert(Sym s);
  };
  uint8_t LevelOf(const EnrollmentTally& t);

  const AsOf& w_;
  TallyOptions options_;
  TallyCounts counts_;
  Distinct level_persons_[5];
  Distinct courses_;                                  // classes: courses with an active enrollment
  std::vector<Sym> restated_;                         // by unit: its restated unit + 1 (0: not yet asked)
  std::vector<uint8_t> restated_level_;               // by restated unit, as of D
  UnitSubtree unit_;                                  // --unit
};

// The full evaluation's tallies: every enrollment, decision and
// compensation as of the AsOf's date.
Report TalliesAt(const AsOf& w, const TallyOptions& options, Timestamp known_at);

// Events that count as of D (live facts and corrections effective by then).
uint64_t EventsCounted(const Resolved& r, Date d);
// Those of them that concern `plan` (--plan): its issue and amendments,
// its nominations, its courses, the enrollments in its courses (as of D)
// with their withdrawals, completions, exemptions and reimbursements, its
// funding decisions and their revocations, and the corrections (by their
// effective date) of any of these.
uint64_t EventsCountedFor(const AsOf& w, Sym plan);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_TALLIES_H_
