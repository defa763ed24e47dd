// Appending to the ledger: chain, index and write events, all or nothing.
//
//   Result<std::unique_ptr<Appender>> app = store->BeginAppend();
//   for (each event builder) {
//     Result<Appender::Outcome> o = (*app)->Add(event);  // kAppended or kRepeat
//     if (!o.ok()) return o.status();                     // destroying *app discards everything
//   }
//   Status s = (*app)->Commit();                          // durable and visible, or nothing
//
// How (core/FORMAT.md, "Appending"): events are staged in chunks. A full
// chunk is written by a second thread while the caller goes on staging the
// next one: its events through the WAL, its index entries sorted and, for
// large chunks, ingested as SST files so that they never cost memtable
// inserts. Nothing is visible until Commit() writes the head in one synced
// WriteBatch; an Appender destroyed without committing removes every chunk
// it wrote (Store::DiscardUncommittedTail).
//
// An Appender is used from one thread; it owns one helper thread while a
// chunk is being written.
#ifndef TLEDGER_CORE_APPENDER_H_
#define TLEDGER_CORE_APPENDER_H_

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/codec.h"
#include "core/event.capnp.h"
#include "core/hash_chain.h"
#include "core/keys.h"
#include "core/status.h"
#include "core/store.h"
#include "core/subjects.h"

namespace tledger {

// Events per chunk: bounds the memory of an import of any size.
inline constexpr size_t kChunkEvents = 100'000;

// An event made ready for the chain by PrepareEvent(), which any thread may
// run: the expensive, parallel part of appending. Its canonical bytes carry
// placeholder seq, recordedAt and prevHash of the same size as the real
// ones, so the appender only patches them in (the canonical layout of an
// Event does not depend on those values as long as they are non-zero).
struct PreparedEvent {
  std::string canonical;
  uint32_t prev_hash_offset = 0;  // where the 32 bytes of prevHash start
  std::string id;
  uint16_t which = 0;             // the Body union discriminant
  Subjects subjects;              // what the body names, RefsOf (a correction's target's come at Add)
  // A correction's target, and its replacement's type.
  std::string target;
  std::optional<uint16_t> replacement_which;
  // What the ledger had committed under `id` and `target` when the append
  // began (Appender::Prepare looks; the committed part cannot change while
  // the Appender holds the writer's lock).
  bool looked_up = false;
  std::optional<keys::IdEntry> committed_id;
  std::optional<keys::IdEntry> committed_target;
};

class Appender {
 public:
  enum class Outcome {
    kAppended,  // a new event, now at head().seq
    kRepeat,    // the id is already recorded with identical content: a no-op
  };

  ~Appender();
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;

  // Checks `event` against the ledger and this append, then chains and
  // stages it: sets seq, recordedAt (one instant for the whole append, after
  // the previous append's) and prevHash.
  // Conflict "id: ...": the id is recorded (or staged) with other content.
  // InvalidInput "target: ..." / "replacement.type: ...": a correction whose
  //   target is unknown, whose chain of corrections of corrections would
  //   be longer than kMaxCorrectionChain (core/subjects.h), or whose
  //   replacement has another type.
  // IoError: writing an earlier chunk failed.
  // `event` is patched in place (its envelope, and a correction's subjects
  // grow by its target's); the caller may reuse it afterwards.
  Result<Outcome> Add(PreparedEvent& event);
  // The same for an event not yet prepared.
  Result<Outcome> Add(schema::Event::Builder event);

  // The parallel part of Add(): encodes `event` with placeholders and looks
  // up its id and target among the committed events. Thread-safe: import
  // workers call it for many events at once while Add() runs.
  // Corruption only if Cap'n Proto fails on a message it built itself, or
  // the id index is damaged; IoError if RocksDB fails.
  Result<PreparedEvent> Prepare(schema::Event::Builder event) const;
  // The same into `*out`, whose buffers are reused: an import prepares
  // millions of events into a few thousand recycled ones.
  Status PrepareInto(schema::Event::Builder event, PreparedEvent* out) const;

  // Makes every staged event durable and visible: one synced write that
  // moves the head. On failure the ledger is as it was. Once committed, a
  // failure to rewrite the HEAD file is logged as a warning, not returned:
  // the events are in, and HEAD behind the head record is what readers
  // accept (the next writer rewrites it).
  Status Commit();

  uint64_t appended() const { return appended_; }
  uint64_t repeats() const { return repeats_; }
  Timestamp recorded_at() const { return recorded_at_; }
  // The chain's end including what is staged.
  Head head() const { return head_; }

  struct Chunk;  // internal to appender.cc

 private:
  friend class Store;
  explicit Appender(Store* store);

  class IdTable;
  Status SubmitChunk(bool commit);
  Status WaitForWriter();
  // The event recorded under `id` so far: this append's (staged, being
  // written or written) or the ledger's.
  Result<std::optional<keys::IdEntry>> LookupId(std::string_view id) const;
  Result<std::optional<keys::IdEntry>> LookupAppended(std::string_view id) const;
  Result<std::optional<keys::IdEntry>> LookupCommitted(std::string_view id) const;
  Result<std::string> EventBytes(uint64_t seq) const;
  // The refusal of a correction of `target` whose chain is too long.
  Status ChainTooLong(const std::string& target, const SubjectCollector::Chain& chain) const;

  Store* store_;
  std::unique_ptr<IdTable> appended_ids_;  // every id of this append, by hash
  std::unique_ptr<SubjectCollector> subjects_;  // remembers this append's corrections
  std::unique_ptr<Chunk> staging_;     // being filled by Add()
  std::unique_ptr<Chunk> in_flight_;   // being written by the helper thread
  std::unique_ptr<Chunk> spare_;       // written, emptied, ready for reuse
  std::future<Status> writer_;
  Head head_;
  Timestamp recorded_at_;
  uint64_t appended_ = 0;
  uint64_t repeats_ = 0;
  uint64_t chunks_written_ = 0;
  bool import_marked_ = false;  // keys::kImportKey is written
  std::shared_ptr<const LocalKey> key_;  // what made the marker
  std::string marker_;                   // its bytes
  bool committed_ = false;
  ChainHasher hasher_;
  std::string key_scratch_;  // a subject key being added
};

}  // namespace tledger

#endif  // TLEDGER_CORE_APPENDER_H_
