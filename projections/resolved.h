// A Timeline with its corrections applied and its facts grouped by the
// entity they are about, each group in (effective, seq) order. Independent of
// the as-of date: one Resolved serves every D for the same known-at T.
//
//   Resolved r = Resolve(timeline);
//   for (const EnrollmentRecordedFact& e : r.enrollments.Of(sym)) ...
//
// Corrections (shared/spec/rules.md): a correction never changes its target;
// when it counts (every correction in the timeline does: the timeline is
// already "as known at T") `retract` removes the target as if never
// recorded, and `replace` puts the replacement in its place, with the
// replacement's effective date and the target's seq and id. A correction of a
// correction applies to the correction: corrections are resolved from the
// last to the first, so each one's final version is known before it is
// applied. A correction applies only to an event before it in the ledger.
#ifndef TLEDGER_PROJECTIONS_RESOLVED_H_
#define TLEDGER_PROJECTIONS_RESOLVED_H_

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <span>
#include <utility>
#include <vector>

#include "projections/facts.h"
#include "projections/timeline.h"

namespace tledger {

// Facts grouped by an entity Sym, each group sorted by Stamp.
template <typename T>
class Grouped {
 public:
  Grouped() = default;
  // `keys`: one more than the largest Sym; `items`: (key, fact) in any order.
  Grouped(size_t keys, std::vector<std::pair<Sym, T>> items) : offsets_(keys + 1, 0) {
    for (const auto& [k, f] : items) ++offsets_[k + 1];
    for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    std::vector<uint32_t> next(offsets_.begin(), offsets_.end() - 1);
    std::vector<T*> slots;
    facts_.resize(items.size());
    for (auto& [k, f] : items) facts_[next[k]++] = std::move(f);
    for (size_t k = 0; k + 1 < offsets_.size(); ++k) {
      auto b = facts_.begin() + offsets_[k], e = facts_.begin() + offsets_[k + 1];
      if (e - b > 1) std::sort(b, e, [](const T& x, const T& y) { return x.stamp < y.stamp; });
    }
  }
  std::span<const T> Of(Sym key) const {
    if (key + 1 >= offsets_.size()) return {};
    return std::span<const T>(facts_.data() + offsets_[key], offsets_[key + 1] - offsets_[key]);
  }
  // One more than the largest key.
  size_t keys() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  const std::vector<T>& all() const { return facts_; }

 private:
  std::vector<uint32_t> offsets_;
  std::vector<T> facts_;
};

// Sym groups carry no stamp: they are sorted by value.
template <>
inline Grouped<Sym>::Grouped(size_t keys, std::vector<std::pair<Sym, Sym>> items) : offsets_(keys + 1, 0) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  for (const auto& [k, v] : items) ++offsets_[k + 1];
  for (size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
  facts_.reserve(items.size());
  for (const auto& [k, v] : items) facts_.push_back(v);
}

// How long an answer about "as of D" holds: lookups lower `until` to the
// next effective date after D at which their answer would change. A caller
// that evaluates something as of D with a Horizon learns the whole stretch
// [D, until) over which the result is the same (projections/stretches.h).
struct Horizon {
  static constexpr Date kForever = Date::FromDays(INT32_MAX);
  Date until = kForever;
  void Limit(Date d) {
    if (d < until) until = d;
  }
};

// The first cessation of a unit by a reorganisation, whatever the as-of
// date: callers look at it only from its date on.
struct Cessation {
  Date date;
  Sym successor = kNoSym;  // merged into or renamed to; kNoSym when dissolved
  std::string_view how;    // "merge", "rename", "dissolve", "district_abolished"
  Sym evidence = kNoSym;   // the reorganisation event, if any
};

struct Resolved {
  const Symbols* symbols = nullptr;  // the Timeline's; it must outlive this
  Grouped<UnitRegisteredFact> unit_registrations;        // by unit
  std::vector<UnitReorganizedFact> reorganizations;      // all, by stamp
  Grouped<PersonRegisteredFact> person_registrations;    // by person
  Grouped<PersonTransferredFact> transfers;              // by person
  Grouped<PersonLeftServiceFact> leavings;               // by person
  Grouped<QualificationFact> qualifications;             // by person
  Grouped<PlanIssuedFact> plans_issued;                  // by plan
  Grouped<PlanAmendedFact> plan_amendments;              // by plan
  Grouped<NominationFact> nominations;                   // by person
  Grouped<CourseOpenedFact> courses;                     // by course
  Grouped<EnrollmentRecordedFact> enrollments;           // by enrollment
  Grouped<EnrollmentWithdrawnFact> withdrawals;          // by enrollment
  Grouped<CompletionFact> completions;                   // by enrollment
  Grouped<FundingDecidedFact> decisions;                 // by decision
  Grouped<FundingRevokedFact> revocations;               // by decision
  Grouped<ExemptionFact> exemptions;                     // by enrollment
  Grouped<ReimbursementFact> reimbursements;             // by enrollment
  std::vector<Date> live_corrections;                    // effective dates of corrections not retracted
  std::vector<Sym> live_correction_targets;              // beside it: the event id each one (finally) targets

  // Indexes across versions: every enrollment any version of which names
  // the person; every decision any version of which names the enrollment.
  Grouped<Sym> enrollments_by_person;
  Grouped<Sym> decisions_by_enrollment;
  // By unit: its first cessation by a reorganisation (of any date).
  std::vector<std::optional<Cessation>> cessations;
};

Resolved Resolve(const Timeline& timeline);

// The facts of a group effective on or before `d` (a prefix: groups are in
// effective order). With `h`, notes when the prefix next grows.
template <typename T>
std::span<const T> UpTo(std::span<const T> group, Date d, Horizon* h = nullptr) {
  auto it = std::upper_bound(group.begin(), group.end(), d, [](Date x, const T& f) { return x < f.stamp.effective; });
  if (h != nullptr && it != group.end()) h->Limit(it->stamp.effective);
  return group.first(static_cast<size_t>(it - group.begin()));
}
// The last fact of a group in effect at the end of day `d`: the greatest
// (effective, seq) with effective <= d. nullptr if none.
template <typename T>
const T* LatestAsOf(std::span<const T> group, Date d, Horizon* h = nullptr) {
  std::span<const T> up_to = UpTo(group, d, h);
  return up_to.empty() ? nullptr : &up_to.back();
}
// The first fact of a group, if it is effective on or before `d`.
template <typename T>
const T* FirstAsOf(std::span<const T> group, Date d, Horizon* h = nullptr) {
  if (group.empty()) return nullptr;
  if (d < group.front().stamp.effective) {
    if (h != nullptr) h->Limit(group.front().stamp.effective);
    return nullptr;
  }
  return &group.front();
}

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_RESOLVED_H_
