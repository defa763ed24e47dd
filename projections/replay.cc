#include "projections/replay.h"

#include <cstring>
#include <optional>
#include <string>

namespace tledger {
namespace {
// Returned from the scan callback to stop at the first event after known_at.
const char kStop[] = "past known_at";
}  // namespace

Status ReplayInto(const EventSource& store, uint64_t from, Timestamp known_at, Timeline* timeline,
                  Head* known_head) {
  if (from <= 1) {
    bool past = false;  // recorded_at never decreases along seq
    Head head;          // the last event folded; its hash is the next one's previous-hash field
    std::optional<Hash> hash;
    Status s = store.ScanChain([&](uint64_t seq, schema::Event::Reader ev) -> Status {
      if (!past && ev.getRecordedAt() > known_at) {
        past = true;
        auto prev = ev.getPrevHash();
        if (prev.size() == sizeof(Hash)) {
          hash.emplace();
          std::memcpy(hash->data(), prev.begin(), sizeof(Hash));
        }
      }
      if (past) return Status::Ok();
      timeline->Apply(ev);
      head.seq = seq;
      head.recorded_at = ev.getRecordedAt();
      return Status::Ok();
    });
    if (!s.ok() || known_head == nullptr) return s;
    // The scan proved the chain to the head: the previous-hash field of the
    // first event past known_at is the chain hash of the last one before it.
    if (past && !hash) return Status::Corruption("event " + std::to_string(head.seq + 1) + ": no previous-hash field");
    head.hash = past ? *hash : store.head().hash;
    *known_head = head;
    return Status::Ok();
  }
  Status s = store.ScanEvents(from, store.head().seq, [&](uint64_t, schema::Event::Reader ev) -> Status {
    if (ev.getRecordedAt() > known_at) return Status::NotFound(kStop);
    timeline->Apply(ev);
    return Status::Ok();
  });
  if (s.code() == Status::Code::kNotFound && s.message() == kStop) return Status::Ok();
  return s;
}

Result<Timeline> Replay(const EventSource& store, Timestamp known_at) {
  Timeline t;
  TLEDGER_RETURN_IF_ERROR(ReplayInto(store, 1, known_at, &t));
  return t;
}

}  // namespace tledger
