// The one bridge from the events to the folds: an ordered scan of the events
// known at an instant, folded into a Timeline. The source is the store
// (core/store.h) or a bundle's events (core/bundle.h): the projections link
// the format library only.
//
//   Result<Timeline> t = Replay(store, known_at);
#ifndef TLEDGER_PROJECTIONS_REPLAY_H_
#define TLEDGER_PROJECTIONS_REPLAY_H_

#include "core/status.h"
#include "core/event_source.h"
#include "projections/timeline.h"

namespace tledger {

// Folds every event with recorded_at <= known_at, in seq order (transaction
// time never decreases along seq, so they are a prefix). The whole chain is
// recomputed on the way, to the head even when known_at stops the fold
// earlier (EventSource::ScanChain): Corruption when an event was altered, or
// when a stored event does not decode.
Result<Timeline> Replay(const EventSource& store, Timestamp known_at);

// Folds events from.. into `timeline` up to known_at. From seq 1 it is
// Replay's checked scan; from a later seq (the extension of an earlier
// replay, in the benchmarks) the chain is not recomputed.
//
// `known_head`, from seq 1 only: set to the head of the ledger as known at
// known_at (its last event recorded by then: seq, chain hash, recorded_at),
// taken from the checked scan, so only once the whole chain is proved: what
// a document names as the ledger it was made from.
Status ReplayInto(const EventSource& store, uint64_t from, Timestamp known_at, Timeline* timeline,
                  Head* known_head = nullptr);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPLAY_H_
