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
// time never decreases along seq, so they are a prefix). Corruption when a
// stored event does not decode.
Result<Timeline> Replay(const EventSource& store, Timestamp known_at);

// Folds events from.. into `timeline` up to known_at (an extension of an
// earlier replay).
Status ReplayInto(const EventSource& store, uint64_t from, Timestamp known_at, Timeline* timeline);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPLAY_H_
