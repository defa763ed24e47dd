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

struct TallyOptions {
  bool restate_units = false;  // by_level by each unit's successor as of D
  Sym plan = kNoSym;           // only this plan, and what concerns it
};

// Sums tallies into a Report as of the AsOf's date.
class TallySum {
 public:
  TallySum(const AsOf& w, const TallyOptions& options);
  void Add(const EnrollmentTally& t);
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
  std::unordered_map<uint64_t, CellTally> cells_;     // by (plan, cell) packed
  std::vector<int64_t> public_funding_;               // by plan
  int64_t level_turns_[5] = {};                       // central .. commune, unknown
  Distinct level_persons_[5];
  std::vector<int64_t> field_turns_, field_classes_;  // by field
  int64_t form_turns_[4] = {}, form_classes_[4] = {};
  Distinct courses_;                                  // classes: courses with an active enrollment
  std::vector<Sym> restated_;                         // by unit: its restated unit + 1 (0: not yet asked)
  std::vector<uint8_t> restated_level_;               // by restated unit, as of D
  int64_t owed_ = 0;
};

// The full evaluation's tallies: every enrollment, decision and
// compensation as of the AsOf's date.
Report TalliesAt(const AsOf& w, const TallyOptions& options, Timestamp known_at);

// Events that count as of D (live facts and corrections effective by then).
uint64_t EventsCounted(const Resolved& r, Date d);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_TALLIES_H_
