// The ledger's store: immutable, hash-chained events in RocksDB.
//
//   Result<std::unique_ptr<Store>> store = Store::Open(dir, OpenMode::kWrite);
//   Result<std::unique_ptr<Appender>> app = (*store)->BeginAppend();  // core/appender.h
//
//   Result<std::unique_ptr<Store>> reader = Store::Open(dir, OpenMode::kRead);
//   Status s = (*reader)->ScanEvents(1, (*reader)->head().seq, fn);
//
// Guarantees (core/FORMAT.md has the layout):
// - A committed event is never overwritten or deleted by any code path. The
//   only deletions are of the uncommitted tail (seq > committed head) that an
//   interrupted or refused import left behind.
// - An append is all or nothing: readers and later writers see either every
//   event of an Appender or none, and Commit() returns only after the WAL is
//   synced.
// - One writer at a time (a lock file in the directory); readers never lock
//   and see the ledger as committed when they opened it.
// - Nothing planted in the directory is followed or trusted (SECURITY.md):
//   a writer refuses a directory that is not a ledger, or a ledger holding a
//   link, before it opens anything; it removes a tail past the head only
//   when the import marker, authenticated with the local key
//   (core/import_marker.h), proves it an interrupted import's.
//
// A Store is thread-compatible: concurrent const calls are safe; an Appender
// belongs to one thread.
#ifndef TLEDGER_CORE_STORE_H_
#define TLEDGER_CORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/event.capnp.h"
#include "core/event_source.h"
#include "core/hash_chain.h"
#include "core/keys.h"
#include "core/ledger_dir.h"
#include "core/status.h"
#include "core/subjects.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Env;
class Status;
}  // namespace rocksdb

namespace tledger {

// The on-disk format this build writes and the newest it reads.
inline constexpr uint32_t kFormatVersion = 1;

enum class OpenMode {
  kRead,   // never writes, never takes the lock
  kWrite,  // creates the ledger if missing; one writer at a time
};

// How Store::Open reaches the disk. The defaults are what the CLI uses;
// the rest is a hook for tests.
struct StoreOptions {
  // The RocksDB environment of the database and of the index files an
  // import writes and ingests; null: RocksDB's default, the local file
  // system. Tests pass one that fails writes after a byte budget
  // (tests/fault_env.h) to see how a full disk is reported and survived.
  // The Store holds on to it until it is closed.
  std::shared_ptr<rocksdb::Env> env;
  // The longest chain of corrections of corrections an import accepts
  // (core/subjects.h). Tests raise it to write the deep chains an older
  // build accepted, which every reader must still handle in linear time.
  int max_correction_chain = kMaxCorrectionChain;
  // Whether Open checks that the head record is its event's (Corruption
  // otherwise, before anything is read). `verify` and `checkpoint` open
  // without it: they recompute the whole chain and name exactly what
  // differs. A writer always checks.
  bool check_head_event = true;
};

// The options of a reader that verifies the whole chain itself.
inline StoreOptions VerifyingReader() {
  StoreOptions o;
  o.check_head_event = false;
  return o;
}

class Appender;
class ChainCheck;  // core/store_scan.cc
class LocalKey;

// An EventSource (core/event_source.h): what a replay reads.
class Store : public EventSource {
 public:
  // Opens the ledger in `dir`.
  // kWrite: creates it if `dir` is absent or empty, takes the writer's lock,
  //   and discards the uncommitted tail an import interrupted on this
  //   machine left (logged as a warning).
  // kRead: a consistent view of what was committed at open time.
  // Unavailable: no ledger in `dir` (kRead), a directory that is not a
  //   ledger and not empty (kWrite: left untouched), locked by another
  //   writer, written by a newer format, or RocksDB refused to open it.
  // Corruption (nothing changed): a column family missing from a ledger;
  //   a head record behind `HEAD`, or `HEAD` missing or malformed; events
  //   past the head that no authentic import marker claims; (kWrite) a
  //   symbolic link or a file of several hard links in `dir`.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, OpenMode mode,
                                             const StoreOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& dir() const { return dir_; }
  OpenMode mode() const { return mode_; }
  // StoreOptions::env; null for RocksDB's default. Every file the product
  // writes beside the database goes through it (core/files.h).
  rocksdb::Env* env() const { return env_.get(); }
  // The local key (core/local_key.h), loaded (or created) on first use;
  // Unavailable saying why there is none.
  Result<std::shared_ptr<const LocalKey>> Key() const;
  // The committed head, as of open time (kRead) or the last commit (kWrite).
  Head head() const override { return head_; }

  // The stored bytes of event `seq` (1 <= seq <= head().seq). NotFound past
  // the head; Corruption when a committed seq has no event.
  Result<std::string> Get(uint64_t seq) const;

  // Calls `fn(seq, bytes)` for events from..to (inclusive, clamped to the
  // head) in seq order, stopping at the first non-OK status it returns.
  // Corruption when a seq is missing on the way (not checked here beyond
  // order: `verify` is the full check).
  using RawFn = std::function<Status(uint64_t seq, std::string_view bytes)>;
  Status Scan(uint64_t from, uint64_t to, const RawFn& fn) const;
  // The same, decoded. A decoding failure, or a kj::Exception thrown by
  // `fn` while reading the event, becomes Corruption naming the seq. A long
  // scan reads, decompresses and checks the events on a second thread
  // while `fn` runs on the caller's, in seq order as ever.
  using EventFn = std::function<Status(uint64_t seq, schema::Event::Reader event)>;
  Status ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const override;
  // Every event from seq 1 to the head, decoded as ScanEvents gives them,
  // with the hash chain recomputed as they are read (on the reader thread):
  // each event's previous-hash field must be the chain of the events before
  // it, and the chain must end at the head record's hash. Otherwise
  // Corruption naming the first event that does not chain, and `fn` sees
  // nothing past it. What every replay reads (projections/replay.h), so
  // that nothing derived is built from events that were altered in place
  // (SECURITY.md, "What is checked, and where").
  Status ScanChain(const EventFn& fn) const override;
  // The events from seq `from` to the head hash, from the previous-hash
  // field of event `from`, to the head record's hash: no event of that
  // suffix was altered in place (Corruption otherwise, naming the range).
  // What a command that reads single events through an index (history,
  // log) checks before it shows them; one raw scan and a hash per event.
  Status CheckSuffix(uint64_t from) const;

  // The committed event recorded under `id`, if any.
  std::optional<keys::IdEntry> FindId(std::string_view id) const;
  // The seqs of the committed events that name `id` as a subject, in order.
  std::vector<uint64_t> SubjectSeqs(std::string_view id) const;

  // Starts an append: Unavailable unless opened with kWrite; only one
  // Appender at a time.
  Result<std::unique_ptr<Appender>> BeginAppend();

  // Direct access for `verify`, repair tools and tests that tamper on
  // purpose. It bypasses every guarantee above.
  struct Raw {
    rocksdb::DB* db;
    rocksdb::ColumnFamilyHandle* events;
    rocksdb::ColumnFamilyHandle* ids;
    rocksdb::ColumnFamilyHandle* subjects;
    rocksdb::ColumnFamilyHandle* meta;
  };
  Raw raw() const;

 private:
  // The head record must be event head_.seq's: its chain hash (from the
  // event's previous-hash field) and its recorded_at. One read, one hash:
  // a forged head time or hash is never used, nor written on by a writer.
  Status CheckHeadEvent() const;
  Status ScanDecoded(uint64_t from, uint64_t to, const EventFn& fn, ChainCheck* chain) const;
  friend class Appender;
  struct Rocks;
  Store(std::string dir, OpenMode mode);
  Status ReadHead();
  // kRead: catch up with the writer until the published head is visible.
  Status CatchUp();
  // kRead: opens the secondary instance (again) with the options and the
  // directory of the first open.
  rocksdb::Status OpenSecondary();
  // kWrite, before RocksDB opens: refuses what is not a ledger, takes the
  // lock, removes an interrupted writer's files, refuses links. Sets
  // `*creating` when a new ledger is to be made.
  Status PrepareWriter(bool* creating);
  // Checks the format record; kWrite: writes it into a store that holds
  // nothing yet (a new ledger).
  Status CheckFormat();
  // kWrite: the HEAD file beside the database (core/FORMAT.md).
  Status PublishHead();
  Status RollLogs();
  // The head record (seq, hash) against `HEAD` as read (core/ledger_dir.h):
  // Corruption when `HEAD` names a later head or another hash at the same
  // seq, or is missing from a ledger with events.
  Status CheckPublishedHead(const std::optional<PublishedHead>& published, uint64_t seq, const Hash& hash) const;
  // The first seq stored past `head_seq`, if any.
  Result<std::optional<uint64_t>> FirstPast(uint64_t head_seq) const;
  // Removes events past the committed head and their index entries, and the
  // import marker, once the marker proves them an import's interrupted on
  // this machine (core/import_marker.h) and they chain from the head as one
  // import's. Otherwise Corruption, changing nothing, saying what was found
  // and what to do. `after_crash`: found on opening, not left by this
  // process's own refused import (only the log line differs).
  Status DiscardUncommittedTail(bool after_crash);
  // kRead: the integrity failure to report when events are stored past the
  // head (seq, hash) and no import marker claims them; nullopt when there
  // are none or a marker does (a reader removes nothing: a marker of this
  // machine's key must be authentic, one of another key is taken at its
  // word).
  Result<std::optional<Status>> UnclaimedTail(uint64_t head_seq, const Hash& head_hash) const;
  Status TailError(uint64_t head_seq, uint64_t first, const std::string& why) const;

  std::string dir_;
  std::string canonical_dir_;  // the key directory's records name the ledger by it
  OpenMode mode_;
  std::shared_ptr<rocksdb::Env> env_;  // StoreOptions::env; outlives rocks_
  int max_correction_chain_ = kMaxCorrectionChain;  // StoreOptions::max_correction_chain
  std::unique_ptr<Rocks> rocks_;
  Head head_;
  mutable std::mutex key_mu_;
  mutable std::optional<Result<std::shared_ptr<const LocalKey>>> key_;
  int lock_fd_ = -1;
  bool appending_ = false;
};

}  // namespace tledger

#endif  // TLEDGER_CORE_STORE_H_
