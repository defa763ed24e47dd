// The fold: every fact the ledger has recorded up to some seq, before valid
// time or corrections are looked at.
//
//   Timeline t;
//   store.ScanEvents(1, head, [&](uint64_t, schema::Event::Reader ev) { Apply(t, ev); ... });
//   Resolved r = Resolve(t);          // corrections applied, facts grouped (projections/resolved.h)
//   Outcome o = Evaluate(r, as_of);   // tallies and violations (projections/evaluate.h)
//
// "Known at T" is a prefix of the ledger (recorded_at never decreases along
// seq), so a Timeline folded up to T is the ledger as known at T. A Timeline
// is a value type: copying one is a snapshot. No I/O, no clock.
#ifndef TLEDGER_PROJECTIONS_TIMELINE_H_
#define TLEDGER_PROJECTIONS_TIMELINE_H_

#include <cstdint>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "core/event.capnp.h"
#include "projections/facts.h"

namespace tledger {

// The interned ids of one timeline, one Interner per kind.
struct Symbols {
  Interner units, persons, plans, courses, enrollments, decisions, fields, events;
  Interner names;  // the names of units and persons, as registered, and the titles of courses
};

class Timeline {
 public:
  // Every fact type, each in seq order.
  using Tables = std::tuple<std::vector<UnitRegisteredFact>, std::vector<UnitReorganizedFact>,
                            std::vector<PersonRegisteredFact>, std::vector<PersonTransferredFact>,
                            std::vector<PersonLeftServiceFact>, std::vector<QualificationFact>,
                            std::vector<PlanIssuedFact>, std::vector<PlanAmendedFact>, std::vector<NominationFact>,
                            std::vector<CourseOpenedFact>, std::vector<EnrollmentRecordedFact>,
                            std::vector<EnrollmentWithdrawnFact>, std::vector<CompletionFact>,
                            std::vector<FundingDecidedFact>, std::vector<FundingRevokedFact>,
                            std::vector<ExemptionFact>, std::vector<ReimbursementFact>>;

  // Where an event's fact lives.
  struct Slot {
    static constexpr uint8_t kNone = 0xff;        // unknown id, or a type this build does not know
    static constexpr uint8_t kCorrection = 0xfe;
    uint8_t table = kNone;                        // the Fact variant index, or kCorrection
    uint32_t index = 0;
  };

  // Folds the next event (seq order). A type this build does not know leaves
  // the timeline unchanged but for its place in the chain.
  void Apply(schema::Event::Reader event);

  uint64_t seq() const { return seq_; }                 // of the last event applied
  Timestamp recorded_at() const { return recorded_at_; }
  uint64_t events() const { return events_; }           // applied, unknown types included

  const Symbols& symbols() const { return symbols_; }
  const Tables& tables() const { return tables_; }
  template <typename T>
  const std::vector<T>& table() const { return std::get<std::vector<T>>(tables_); }
  const std::vector<CorrectionFact>& corrections() const { return corrections_; }
  Slot SlotOf(Sym event) const { return event < slots_.size() ? slots_[event] : Slot{}; }

 private:
  // The fact a body records, for Apply() and for a correction's replacement;
  // nullopt for a correction or an unknown type.
  // `source` is the event's (empty for a replacement, which keeps its target's).
  std::optional<Fact> ToFact(schema::Body::Reader body, const Stamp& stamp, std::string_view source);
  CorrectionFact ToCorrection(schema::Correction::Reader c, const Stamp& stamp);

  Symbols symbols_;
  Tables tables_;
  std::vector<CorrectionFact> corrections_;
  std::vector<Slot> slots_;  // by event Sym
  uint64_t seq_ = 0;
  Timestamp recorded_at_ = 0;
  uint64_t events_ = 0;
};

// The pure-fold spelling of Timeline::Apply.
inline void Apply(Timeline& t, schema::Event::Reader event) { t.Apply(event); }

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_TIMELINE_H_
