// The one bridge from the store to the folds: an ordered scan of the events
// known at an instant, folded into a Timeline.
//
//   Result<Timeline> t = Replay(store, known_at);
#ifndef TLEDGER_PROJECTIONS_REPLAY_H_
#define TLEDGER_PROJECTIONS_REPLAY_H_

#include "core/status.h"
#include "core/store.h"
#include "projections/timeline.h"

namespace tledger {

// Folds every event with recorded_at <= known_at, in seq order (transaction
// time never decreases along seq, so they are a prefix). The whole chain is
// recomputed on the way, to the head even when known_at stops the fold
// earlier (Store::ScanChain): Corruption when an event was altered, or when
// a stored event does not decode.
Result<Timeline> Replay(const Store& store, Timestamp known_at);

// Folds events from.. into `timeline` up to known_at. From seq 1 it is
// Replay's checked scan; from a later seq (the extension of an earlier
// replay, in the benchmarks) the chain is not recomputed.
Status ReplayInto(const Store& store, uint64_t from, Timestamp known_at, Timeline* timeline);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPLAY_H_
