#include "projections/replay.h"

namespace tledger {
namespace {
// Returned from the scan callback to stop at the first event after known_at.
const char kStop[] = "past known_at";
}  // namespace

Status ReplayInto(const Store& store, uint64_t from, Timestamp known_at, Timeline* timeline) {
  if (from <= 1) {
    bool past = false;  // recorded_at never decreases along seq
    return store.ScanChain([&](uint64_t, schema::Event::Reader ev) -> Status {
      past = past || ev.getRecordedAt() > known_at;
      if (!past) timeline->Apply(ev);
      return Status::Ok();
    });
  }
  Status s = store.ScanEvents(from, store.head().seq, [&](uint64_t, schema::Event::Reader ev) -> Status {
    if (ev.getRecordedAt() > known_at) return Status::NotFound(kStop);
    timeline->Apply(ev);
    return Status::Ok();
  });
  if (s.code() == Status::Code::kNotFound && s.message() == kStop) return Status::Ok();
  return s;
}

Result<Timeline> Replay(const Store& store, Timestamp known_at) {
  Timeline t;
  TLEDGER_RETURN_IF_ERROR(ReplayInto(store, 1, known_at, &t));
  return t;
}

}  // namespace tledger
