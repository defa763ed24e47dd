// What a replay reads: the committed events, in seq order, up to a head.
// The store implements it (core/store.h), and so does a bundle's event list
// (core/bundle.h), so that the projections link the format library only and
// a verifier without the database replays exactly what `report` replays.
//
//   Status s = source.ScanEvents(1, source.head().seq, [&](uint64_t seq, schema::Event::Reader ev) {
//     timeline.Apply(ev);
//     return Status::Ok();
//   });
#ifndef TLEDGER_CORE_EVENT_SOURCE_H_
#define TLEDGER_CORE_EVENT_SOURCE_H_

#include <cstdint>
#include <functional>

#include "core/date.h"
#include "core/event.capnp.h"
#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger {

// The committed end of the chain.
struct Head {
  uint64_t seq = 0;              // 0 for an empty ledger
  Hash hash = kGenesisHash;      // H_seq
  Timestamp recorded_at = 0;     // of the last event
};

class EventSource {
 public:
  virtual ~EventSource() = default;

  // The last event the source holds (seq 0 when it holds none).
  virtual Head head() const = 0;

  // Calls `fn(seq, event)` for events from..to (inclusive, clamped to the
  // head) in seq order, stopping at the first non-OK status it returns,
  // which is returned. Corruption when an event is missing or does not
  // decode, naming the seq.
  using EventFn = std::function<Status(uint64_t seq, schema::Event::Reader event)>;
  virtual Status ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const = 0;

  // Every event from seq 1 to the head, as ScanEvents gives them, with the
  // hash chain recomputed as they are read: each event's previous-hash
  // field must be the chain of the events before it, and the chain must end
  // at head().hash. Otherwise Corruption naming the first event that does
  // not chain, and `fn` sees nothing past it. What every replay reads
  // (projections/replay.h).
  virtual Status ScanChain(const EventFn& fn) const = 0;
};

}  // namespace tledger

#endif  // TLEDGER_CORE_EVENT_SOURCE_H_
