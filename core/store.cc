#include "core/store.h"

#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <kj/exception.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <spdlog/spdlog.h>

#include "core/appender.h"
#include "core/codec.h"
#include "core/hash_chain.h"
#include "core/files.h"
#include "core/ledger_dir.h"
#include "core/local_key.h"
#include "core/rocks.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

// A writer that finds this many write-ahead logs rolls them into tables, so
// that opens which write nothing do not pile up empty logs.
constexpr int kMaxLogFiles = 4;

// What a writer leaves in write-ahead logs when it closes, at most.
constexpr uint64_t kMaxLogBytesAtClose = 8 << 20;

uint64_t LogBytes(const std::string& dir) {
  uint64_t n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".log") n += entry.file_size(ec);
  }
  return n;
}

int LogFiles(const std::string& dir) {
  int n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) n += entry.path().extension() == ".log";
  return n;
}

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

}  // namespace

Store::Store(std::string dir, OpenMode mode)
    : dir_(std::move(dir)), canonical_dir_(CanonicalPath(dir_)), mode_(mode), rocks_(new Rocks) {}

Store::~Store() {
  if (mode_ == OpenMode::kWrite && rocks_->db) {
    // Readers open a secondary instance, which replays the write-ahead log
    // into memory: keep what is left for them to replay small.
    if (LogBytes(dir_) > kMaxLogBytesAtClose) {
      Status s = FromRocks(rocks_->db->Flush(rocksdb::FlushOptions(), rocks_->handles), "flushing at close");
      if (!s.ok()) spdlog::warn("{} (the ledger is intact; readers open more slowly)", s.message());
    }
  }
  rocks_.reset();
  if (lock_fd_ >= 0) close(lock_fd_);  // releases the flock
}

Result<std::shared_ptr<const LocalKey>> Store::Key() const {
  std::lock_guard<std::mutex> lock(key_mu_);
  if (!key_) key_.emplace(LocalKey::ForLedger(dir_));
  return *key_;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, OpenMode mode, const StoreOptions& store_options) {
  std::unique_ptr<Store> store(new Store(dir, mode));
  rocksdb::DBOptions options = DbOptions();
  store->env_ = store_options.env;
  store->max_correction_chain_ = store_options.max_correction_chain;
  if (store->env_) options.env = store->env_.get();
  rocksdb::DB* db = nullptr;
  rocksdb::Status s;
  if (mode == OpenMode::kWrite) {
    bool creating = false;
    TLEDGER_RETURN_IF_ERROR(store->PrepareWriter(&creating));
    // Column families are made only for a new ledger: one missing from an
    // existing ledger is an integrity failure (InspectFamilies), never
    // quietly made again.
    options.create_if_missing = creating;
    options.create_missing_column_families = creating;
    s = rocksdb::DB::Open(options, dir, Families(), &store->rocks_->handles, &db);
    if (s.ok()) store->rocks_->db.reset(db);
  } else {
    std::error_code ec;
    if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
      return Status::Unavailable("no ledger at " + dir +
                                 " (give --db DIR or set TLEDGER_DB; `tledger import` creates one)");
    }
    TLEDGER_RETURN_IF_ERROR(RefuseLinks(dir, /*writer=*/false));
    // A secondary instance reads alongside a running writer without its lock.
    char tmpl[] = "/tmp/tledger-reader-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Status::IoError(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    store->rocks_->secondary_dir = tmpl;
    options.max_open_files = -1;
    options.create_if_missing = false;
    options.create_missing_column_families = false;
    store->rocks_->secondary_options = options;
    s = store->OpenSecondary();
    if (!s.ok()) {
      // A writer killed while it created the ledger leaves a store without
      // all of its column families (the next writer adds them): no ledger
      // yet. A ledger that lost one is an integrity failure.
      Result<FamiliesState> families = InspectFamilies(dir, store->env_.get());
      if (!families.ok()) return families.status();
      if (*families == FamiliesState::kUnfinished) {
        return Status::Unavailable("no ledger at " + dir + " (the directory holds an empty store)");
      }
    }
  }
  if (!s.ok()) return Status::Unavailable(FromRocks(s, "cannot open the ledger at " + dir).message());
  if (mode == OpenMode::kRead) TLEDGER_RETURN_IF_ERROR(store->CatchUp());  // which may open it again
  TLEDGER_RETURN_IF_ERROR(store->CheckFormat());
  TLEDGER_RETURN_IF_ERROR(store->ReadHead());
  if (store_options.check_head_event || mode == OpenMode::kWrite) TLEDGER_RETURN_IF_ERROR(store->CheckHeadEvent());
  if (mode == OpenMode::kWrite) {
    Result<std::optional<PublishedHead>> published = ReadHeadFile(dir);
    if (!published.ok()) return published.status();
    TLEDGER_RETURN_IF_ERROR(store->CheckPublishedHead(*published, store->head_.seq, store->head_.hash));
    TLEDGER_RETURN_IF_ERROR(store->DiscardUncommittedTail(/*after_crash=*/true));
    if (LogFiles(dir) >= kMaxLogFiles) TLEDGER_RETURN_IF_ERROR(store->RollLogs());
    TLEDGER_RETURN_IF_ERROR(store->PublishHead());
  }
  return store;
}

Status Store::PrepareWriter(bool* creating) {
  // Nothing is written before the directory is known to be a ledger, or
  // empty, or absent: a directory that is neither is refused untouched.
  auto inspect = [&]() -> Result<LedgerDirKind> {
    Result<LedgerDirKind> kind = InspectLedgerDir(dir_);
    if (!kind.ok()) return kind;
    *creating = *kind != LedgerDirKind::kStore;
    if (*kind == LedgerDirKind::kStore) {
      Status plain = RefuseLinks(dir_, /*writer=*/false);  // before RocksDB reads CURRENT
      if (!plain.ok()) return plain;
      Result<FamiliesState> families = InspectFamilies(dir_, env_.get());
      if (!families.ok()) return families.status();
      *creating = *families == FamiliesState::kUnfinished;
    }
    return kind;
  };
  Result<LedgerDirKind> kind = inspect();
  if (!kind.ok()) return kind.status();
  if (*kind == LedgerDirKind::kAbsent) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return Status::Unavailable("cannot create the ledger directory " + dir_ + ": " + ec.message());
  }
  Result<int> lock = LockLedger(dir_);
  if (!lock.ok()) return lock.status();
  lock_fd_ = *lock;
  // Another writer may have made the ledger between the look and the lock.
  if (*creating) kind = inspect();
  if (!kind.ok()) return kind.status();
  if (*kind == LedgerDirKind::kStore) RemoveLeftovers(dir_);
  return RefuseLinks(dir_);
}

Status Store::CheckFormat() {
  rocksdb::DB* db = rocks_->db.get();
  std::string format;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), rocks_->meta(), keys::kFormatKey, &format);
  if (s.IsNotFound()) {
    // Written when the ledger is made, before anything else: a store without
    // it holds nothing, or was tampered with.
    std::string head;
    if (db->Get(rocksdb::ReadOptions(), rocks_->meta(), keys::kHeadKey, &head).ok()) {
      return Status::Corruption("the ledger at " + dir_ + " has a head but no format record");
    }
    Result<std::optional<uint64_t>> event = FirstPast(0);
    if (!event.ok()) return event.status();
    if (*event) {
      return Status::Corruption("the ledger at " + dir_ + " holds events (from seq " + std::to_string(**event) +
                                ") but no format record. Nothing was changed");
    }
    if (mode_ == OpenMode::kRead) {
      return Status::Unavailable("no ledger at " + dir_ + " (the directory holds an empty store)");
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(db->Put(wo, rocks_->meta(), keys::kFormatKey, FormatValue(kFormatVersion)),
                     "writing the format record");
  }
  if (!s.ok()) return Status::Unavailable("cannot read the ledger at " + dir_ + ": " + s.ToString());
  if (format.size() != 4) return Status::Corruption("the format record of " + dir_ + " is malformed");
  uint32_t version = 0;
  for (char c : format) version = version << 8 | static_cast<uint8_t>(c);
  if (version == 0) return Status::Corruption("the format record of " + dir_ + " says format 0, which no tledger writes");
  if (version > kFormatVersion) {
    return Status::Unavailable("the ledger at " + dir_ + " has format " + std::to_string(version) +
                               ", newer than this tledger reads (" + std::to_string(kFormatVersion) +
                               "): use a newer tledger");
  }
  return Status::Ok();
}

Status Store::CatchUp() {
  // Readers wait a little for a writer that is reorganising its log; they
  // never see less than the head it last published.
  //
  // And a head counts only once a second catch-up finds the same one: a
  // catch-up reads the MANIFEST (where ingested index files are recorded)
  // before the write-ahead log (where the head is), so the first can see a
  // head whose index files, ingested just before it, it has not yet seen.
  // The next catch-up reads the MANIFEST after that head was written.
  //
  // A secondary instance that stops advancing while the writer flushes and
  // drops the logs it was reading is opened again from scratch.
  constexpr int kTries = 300, kReopenEvery = 50;
  Result<std::optional<PublishedHead>> read = ReadHeadFile(dir_);
  if (!read.ok()) return read.status();
  const std::optional<PublishedHead> published = *read;
  std::optional<std::string> previous;  // the head record the last catch-up found
  uint64_t seq = 0;
  std::optional<Status> unclaimed;  // events past a settled head that no import claims
  int unclaimed_seen = 0;
  // `tries` counts the waits; a catch-up that finds a newer head than the
  // last one is retried at once (a writer commits a file at a time).
  for (int tries = 0, stuck = 0, unsettled = 0; tries <= kTries && unsettled < 100 * kTries;) {
    if (stuck == kReopenEvery) {
      stuck = 0;
      previous.reset();
      auto& r = *rocks_;
      for (auto* h : r.handles) r.db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
      r.handles.clear();
      r.db->Close().PermitUncheckedError();
      r.db.reset();
      rocksdb::Status s = OpenSecondary();
      if (!s.ok()) return Status::Unavailable(FromRocks(s, "cannot open the ledger at " + dir_).message());
    }
    rocksdb::Status s = rocks_->db->TryCatchUpWithPrimary();
    std::string head;
    s = s.ok() ? rocks_->db->Get(rocksdb::ReadOptions(), rocks_->meta(), keys::kHeadKey, &head) : s;
    bool settled = false;
    if (s.ok() || s.IsNotFound()) {
      seq = head.size() >= 8 ? keys::GetBigEndian64(head.data()) : 0;
      settled = previous && *previous == head;
      previous = head;
      if (settled && (!published || seq >= published->seq)) {
        Hash hash = kGenesisHash;
        if (head.size() == 48) std::memcpy(hash.data(), head.data() + 8, 32);
        TLEDGER_RETURN_IF_ERROR(CheckPublishedHead(published, seq, hash));
        // An import marks itself before it writes past the head; a catch-up
        // can still see its events before the mark, so look again before
        // calling them a rolled-back head.
        Result<std::optional<Status>> tail = UnclaimedTail(seq, hash);
        if (!tail.ok()) return tail.status();
        unclaimed = *tail;
        if (!unclaimed) return Status::Ok();
        if (++unclaimed_seen == 10) return *unclaimed;
      }
    } else {
      previous.reset();
    }
    if ((s.ok() || s.IsNotFound()) && !settled) {
      ++unsettled;
      continue;
    }
    ++tries;
    ++stuck;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (unclaimed) return *unclaimed;
  return Status::Corruption("the ledger at " + dir_ + " ends at seq " + std::to_string(seq) +
                            " but its last writer published seq " +
                            std::to_string(published ? published->seq : 0) + " (in " + dir_ + "/" + kHeadFile +
                            "): events were removed and the head rolled back, or a writer is still recovering; "
                            "run `tledger verify` again");
}

rocksdb::Status Store::OpenSecondary() {
  auto& r = *rocks_;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenAsSecondary(r.secondary_options, dir_, r.secondary_dir, Families(), &r.handles, &db);
  if (s.ok()) r.db.reset(db);
  return s;
}

Status Store::PublishHead() {
  return WriteFileAtomically(env_.get(), dir_, kHeadFile, {HeadFileText(head_.seq, head_.hash)});
}

Status Store::RollLogs() {
  // An empty memtable is not flushed, and its log is kept: one small write
  // gives the flush something to persist, after which RocksDB drops the logs.
  auto& r = *rocks_;
  TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Put(rocksdb::WriteOptions(), r.meta(), "logs_rolled_at", std::to_string(Now())),
                                    "rolling the logs"));
  rocksdb::FlushOptions flush;
  return FromRocks(r.db->Flush(flush, r.handles), "rolling the logs");
}

Status Store::ReadHead() {
  std::string v;
  rocksdb::Status s = rocks_->db->Get(rocksdb::ReadOptions(), rocks_->meta(), keys::kHeadKey, &v);
  if (s.IsNotFound()) {
    head_ = Head{};
    return Status::Ok();
  }
  TLEDGER_RETURN_IF_ERROR(FromRocks(s, "reading the head"));
  if (v.size() != 48) return Status::Corruption("the head record is malformed (" + std::to_string(v.size()) + " bytes)");
  head_.seq = keys::GetBigEndian64(v.data());
  std::memcpy(head_.hash.data(), v.data() + 8, 32);
  head_.recorded_at = static_cast<Timestamp>(keys::GetBigEndian64(v.data() + 40));
  return Status::Ok();
}

Status Store::CheckHeadEvent() const {
  if (head_.seq == 0) return Status::Ok();
  Result<std::string> bytes = Get(head_.seq);
  if (!bytes.ok()) return bytes.status();
  EventDecoder decoder;
  Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
  if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(head_.seq) + ": " + ev.status().message());
  Hash prev{};
  Timestamp recorded_at = 0;
  bool read = false;
  try {
    auto field = ev->getPrevHash();
    if (field.size() == prev.size()) {
      std::memcpy(prev.data(), field.begin(), prev.size());
      recorded_at = ev->getRecordedAt();
      read = true;
    }
  } catch (const kj::Exception&) {
  }
  ChainHasher hasher;
  if (read && recorded_at == head_.recorded_at &&
      hasher.Next(prev, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes->data()), bytes->size())) ==
          head_.hash) {
    return Status::Ok();
  }
  return Status::Corruption("the head record of the ledger at " + dir_ + " (seq " + std::to_string(head_.seq) +
                            ") is not that of event seq " + std::to_string(head_.seq) +
                            " (its hash or its time differs): the head record or the last event was altered. "
                            "Nothing was read or changed; `tledger verify --expect-head` with a written-down "
                            "checkpoint shows what the ledger held");
}

Result<std::string> Store::Get(uint64_t seq) const {
  if (seq == 0 || seq > head_.seq) {
    return Status::NotFound("no event at seq " + std::to_string(seq) + " (the ledger ends at " +
                            std::to_string(head_.seq) + ")");
  }
  std::string v;
  rocksdb::Status s = rocks_->db->Get(rocksdb::ReadOptions(), rocks_->events(), keys::EventKey(seq), &v);
  if (s.IsNotFound()) return Status::Corruption("event seq " + std::to_string(seq) + " is missing from the store");
  TLEDGER_RETURN_IF_ERROR(FromRocks(s, "reading seq " + std::to_string(seq)));
  return v;
}

std::optional<keys::IdEntry> Store::FindId(std::string_view id) const {
  std::string v;
  if (!rocks_->db->Get(rocksdb::ReadOptions(), rocks_->ids(), rocksdb::Slice(id.data(), id.size()), &v).ok()) {
    return std::nullopt;
  }
  std::optional<keys::IdEntry> e = keys::ParseIdValue(v);
  if (!e || e->seq == 0 || e->seq > head_.seq) return std::nullopt;
  return e;
}

std::vector<uint64_t> Store::SubjectSeqs(std::string_view id) const {
  std::string prefix = keys::SubjectPrefix(id);
  std::vector<uint64_t> seqs;
  std::unique_ptr<rocksdb::Iterator> it(rocks_->db->NewIterator(rocksdb::ReadOptions(), rocks_->subjects()));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    std::optional<keys::SubjectEntry> e = keys::ParseSubjectKey(View(it->key()));
    if (e && e->id == id && e->seq <= head_.seq) seqs.push_back(e->seq);
  }
  return seqs;
}

Result<std::unique_ptr<Appender>> Store::BeginAppend() {
  if (mode_ != OpenMode::kWrite) return Status::Unavailable("the ledger is open read-only");
  if (appending_) return Status::Unavailable("an append is already under way");
  appending_ = true;
  return std::unique_ptr<Appender>(new Appender(this));
}

Store::Raw Store::raw() const {
  return Raw{rocks_->db.get(), rocks_->events(), rocks_->ids(), rocks_->subjects(), rocks_->meta()};
}

}  // namespace tledger
