#include "core/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <unordered_map>

#include <kj/exception.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/json_codec.h"
#include "core/schema_info.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

// Events staged in memory before they are written as one chunk. Bounds the
// memory of an import of any size; the commit marker (the head) keeps the
// whole import atomic.
constexpr size_t kChunkEvents = 50'000;
constexpr char kLockFile[] = "tledger.lock";

std::string HeadValue(const Head& h) {
  std::string v(48, '\0');
  keys::PutBigEndian64(h.seq, v.data());
  std::memcpy(v.data() + 8, h.hash.data(), 32);
  keys::PutBigEndian64(static_cast<uint64_t>(h.recorded_at), v.data() + 40);
  return v;
}

std::string FormatValue(uint32_t version) {
  std::string v(4, '\0');
  for (int i = 3; i >= 0; --i) {
    v[i] = static_cast<char>(version & 0xff);
    version >>= 8;
  }
  return v;
}

rocksdb::ColumnFamilyOptions CfOptions(bool point_lookups) {
  rocksdb::ColumnFamilyOptions cf;
  cf.write_buffer_size = 128 << 20;
  cf.max_write_buffer_number = 4;
  cf.compression = rocksdb::kLZ4Compression;
  cf.bottommost_compression = rocksdb::kZSTD;
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 16 << 10;
  if (point_lookups) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Families() {
  return {
      {rocksdb::kDefaultColumnFamilyName, CfOptions(false)},
      {keys::kEvents, CfOptions(false)},
      {keys::kIds, CfOptions(true)},
      {keys::kSubjects, CfOptions(false)},
      {keys::kMeta, CfOptions(true)},
  };
}

rocksdb::DBOptions DbOptions() {
  rocksdb::DBOptions o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.max_background_jobs = 2;
  o.bytes_per_sync = 1 << 20;
  o.keep_log_file_num = 4;
  return o;
}

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  return Status::IoError(what + ": " + s.ToString());
}

}  // namespace

struct Store::Rocks {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;  // in Families() order
  std::string secondary_dir;                          // kRead only: RocksDB's own log

  rocksdb::ColumnFamilyHandle* events() const { return handles[1]; }
  rocksdb::ColumnFamilyHandle* ids() const { return handles[2]; }
  rocksdb::ColumnFamilyHandle* subjects() const { return handles[3]; }
  rocksdb::ColumnFamilyHandle* meta() const { return handles[4]; }

  ~Rocks() {
    if (db) {
      for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
      db->Close().PermitUncheckedError();
      db.reset();
    }
    if (!secondary_dir.empty()) {
      std::error_code ec;
      fs::remove_all(secondary_dir, ec);
    }
  }
};

Store::Store(std::string dir, OpenMode mode) : dir_(std::move(dir)), mode_(mode), rocks_(new Rocks) {}

Store::~Store() {
  rocks_.reset();
  if (lock_fd_ >= 0) close(lock_fd_);  // releases the flock
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, OpenMode mode) {
  std::unique_ptr<Store> store(new Store(dir, mode));
  rocksdb::DBOptions options = DbOptions();
  rocksdb::DB* db = nullptr;
  rocksdb::Status s;
  std::error_code ec;
  if (mode == OpenMode::kWrite) {
    fs::create_directories(dir, ec);
    if (ec) return Status::Unavailable("cannot create the ledger directory " + dir + ": " + ec.message());
    std::string lock_path = (fs::path(dir) / kLockFile).string();
    store->lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (store->lock_fd_ < 0) {
      return Status::Unavailable("cannot open the writer's lock " + lock_path + ": " + std::strerror(errno));
    }
    if (flock(store->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
      char pid[32] = {};
      ssize_t n = pread(store->lock_fd_, pid, sizeof pid - 1, 0);
      std::string holder = n > 0 ? " held by process " + std::string(pid, static_cast<size_t>(n)) : "";
      return Status::Unavailable("the ledger at " + dir + " is locked by another writer (lock file " + lock_path +
                                 holder + "); wait for that import to finish and try again");
    }
    std::string pid = std::to_string(getpid());
    if (ftruncate(store->lock_fd_, 0) != 0 || pwrite(store->lock_fd_, pid.data(), pid.size(), 0) < 0) {
      spdlog::warn("could not write the process id into {}", lock_path);
    }
    s = rocksdb::DB::Open(options, dir, Families(), &store->rocks_->handles, &db);
  } else {
    if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
      return Status::Unavailable("no ledger at " + dir +
                                 " (give --db DIR or set TLEDGER_DB; `tledger import` creates one)");
    }
    // A secondary instance reads alongside a running writer without its lock.
    char tmpl[] = "/tmp/tledger-reader-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Status::IoError(std::string("cannot create a temporary directory: ") + std::strerror(errno));
    store->rocks_->secondary_dir = tmpl;
    options.max_open_files = -1;
    options.create_if_missing = false;
    options.create_missing_column_families = false;
    s = rocksdb::DB::OpenAsSecondary(options, dir, store->rocks_->secondary_dir, Families(),
                                     &store->rocks_->handles, &db);
  }
  if (!s.ok()) return Status::Unavailable("cannot open the ledger at " + dir + ": " + s.ToString());
  store->rocks_->db.reset(db);

  // The format version: written when the ledger is created, checked always.
  std::string format;
  rocksdb::Status fs_status = db->Get(rocksdb::ReadOptions(), store->rocks_->meta(), keys::kFormatKey, &format);
  if (fs_status.IsNotFound()) {
    std::string head;
    bool has_head = db->Get(rocksdb::ReadOptions(), store->rocks_->meta(), keys::kHeadKey, &head).ok();
    if (has_head) return Status::Corruption("the ledger at " + dir + " has a head but no format record");
    if (mode == OpenMode::kRead) {
      return Status::Unavailable("no ledger at " + dir + " (the directory holds an empty store)");
    }
    rocksdb::WriteOptions wo;
    wo.sync = true;
    TLEDGER_RETURN_IF_ERROR(FromRocks(db->Put(wo, store->rocks_->meta(), keys::kFormatKey, FormatValue(kFormatVersion)),
                                      "writing the format record"));
  } else if (!fs_status.ok()) {
    return Status::Unavailable("cannot read the ledger at " + dir + ": " + fs_status.ToString());
  } else {
    if (format.size() != 4) return Status::Corruption("the format record of " + dir + " is malformed");
    uint32_t version = 0;
    for (char c : format) version = version << 8 | static_cast<uint8_t>(c);
    if (version > kFormatVersion) {
      return Status::Unavailable("the ledger at " + dir + " has format " + std::to_string(version) +
                                 ", newer than this tledger reads (" + std::to_string(kFormatVersion) +
                                 "): use a newer tledger");
    }
  }
  TLEDGER_RETURN_IF_ERROR(store->ReadHead());
  if (mode == OpenMode::kWrite) TLEDGER_RETURN_IF_ERROR(store->DiscardUncommittedTail());
  return store;
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

Status Store::DiscardUncommittedTail() {
  auto& r = *rocks_;
  auto stored_by_id = [&](std::string_view id) -> Result<std::optional<std::string>> {
    std::string v, bytes;
    if (!r.db->Get(rocksdb::ReadOptions(), r.ids(), rocksdb::Slice(id.data(), id.size()), &v).ok()) {
      return std::optional<std::string>();
    }
    std::optional<keys::IdEntry> e = keys::ParseIdValue(v);
    if (!e || !r.db->Get(rocksdb::ReadOptions(), r.events(), keys::EventKey(e->seq), &bytes).ok()) {
      return std::optional<std::string>();
    }
    return std::optional<std::string>(std::move(bytes));
  };

  rocksdb::ReadOptions ro;
  std::string lower = keys::EventKey(head_.seq + 1);
  rocksdb::Slice lower_slice(lower);
  ro.iterate_lower_bound = &lower_slice;
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(ro, r.events()));
  rocksdb::WriteBatch batch;
  uint64_t discarded = 0;
  bool undecodable = false;
  EventDecoder decoder;
  for (it->Seek(lower); it->Valid(); it->Next()) {
    batch.Delete(r.events(), it->key());
    ++discarded;
    std::optional<uint64_t> seq = keys::SeqOfEventKey(View(it->key()));
    Result<schema::Event::Reader> ev = seq ? decoder.Decode(View(it->value())) : Result<schema::Event::Reader>(Status::Corruption("bad key"));
    Subjects subjects;
    if (!ev.ok() || !CollectSubjects(*ev, stored_by_id, &subjects).ok()) {
      undecodable = true;  // its index entries are found by the full sweep below
      continue;
    }
    std::string id(ev->getId().cStr(), ev->getId().size()), id_value;
    if (r.db->Get(rocksdb::ReadOptions(), r.ids(), id, &id_value).ok()) {
      std::optional<keys::IdEntry> e = keys::ParseIdValue(id_value);
      if (e && e->seq == *seq) batch.Delete(r.ids(), id);
    }
    for (const auto& [subject, mask] : subjects) batch.Delete(r.subjects(), keys::SubjectKey(subject, *seq));
  }
  TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "scanning the uncommitted tail"));
  if (undecodable) {
    // Sweep both indexes for anything past the head.
    std::unique_ptr<rocksdb::Iterator> ids(r.db->NewIterator(rocksdb::ReadOptions(), r.ids()));
    for (ids->SeekToFirst(); ids->Valid(); ids->Next()) {
      std::optional<keys::IdEntry> e = keys::ParseIdValue(View(ids->value()));
      if (e && e->seq > head_.seq) batch.Delete(r.ids(), ids->key());
    }
    std::unique_ptr<rocksdb::Iterator> subjects(r.db->NewIterator(rocksdb::ReadOptions(), r.subjects()));
    for (subjects->SeekToFirst(); subjects->Valid(); subjects->Next()) {
      std::optional<keys::SubjectEntry> e = keys::ParseSubjectKey(View(subjects->key()));
      if (e && e->seq > head_.seq) batch.Delete(r.subjects(), subjects->key());
    }
  }
  if (discarded == 0) return Status::Ok();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Write(wo, &batch), "discarding the uncommitted tail"));
  spdlog::warn("discarded {} uncommitted event(s) after seq {} left by an interrupted or refused import", discarded,
               head_.seq);
  return Status::Ok();
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

Status Store::Scan(uint64_t from, uint64_t to, const RawFn& fn) const {
  if (from == 0) from = 1;
  if (to > head_.seq) to = head_.seq;
  if (from > to) return Status::Ok();
  std::string lower = keys::EventKey(from), upper = keys::EventKey(to + 1);
  rocksdb::Slice lower_slice(lower), upper_slice(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_lower_bound = &lower_slice;
  ro.iterate_upper_bound = &upper_slice;
  ro.readahead_size = 4 << 20;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(rocks_->db->NewIterator(ro, rocks_->events()));
  uint64_t expected = from;
  for (it->Seek(lower); it->Valid(); it->Next(), ++expected) {
    std::optional<uint64_t> seq = keys::SeqOfEventKey(View(it->key()));
    if (!seq || *seq != expected) {
      return Status::Corruption("event seq " + std::to_string(expected) + " is missing from the store");
    }
    TLEDGER_RETURN_IF_ERROR(fn(*seq, View(it->value())));
  }
  TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "scanning events"));
  if (expected != to + 1) {
    return Status::Corruption("event seq " + std::to_string(expected) + " is missing from the store");
  }
  return Status::Ok();
}

Status Store::ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const {
  EventDecoder decoder;
  return Scan(from, to, [&](uint64_t seq, std::string_view bytes) -> Status {
    Result<schema::Event::Reader> ev = decoder.Decode(bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + ev.status().message());
    try {
      return fn(seq, *ev);
    } catch (const kj::Exception& e) {
      return Status::Corruption("event seq " + std::to_string(seq) + " cannot be read: " + e.getDescription().cStr());
    }
  });
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

// ------------------------------------------------------------------ Appender

struct Appender::Staged {
  rocksdb::WriteBatch batch;
  std::unordered_map<std::string, keys::IdEntry> ids;     // ids staged since the last chunk
  std::unordered_map<uint64_t, kj::Array<capnp::word>> events;  // their bytes, by seq
};

Appender::Appender(Store* store)
    : store_(store),
      staged_(new Staged),
      head_(store->head_),
      recorded_at_(std::max(Now(), store->head_.recorded_at + 1)) {}

Appender::~Appender() {
  if (!committed_ && wrote_chunks_) {
    Status s = store_->DiscardUncommittedTail();
    if (!s.ok()) spdlog::error("could not discard the events of a refused import: {} (the next writer will)", s.ToString());
  }
  store_->appending_ = false;
}

std::optional<keys::IdEntry> Appender::LookupId(std::string_view id) const {
  auto it = staged_->ids.find(std::string(id));
  if (it != staged_->ids.end()) return it->second;
  std::string v;
  if (!store_->rocks_->db->Get(rocksdb::ReadOptions(), store_->rocks_->ids(), rocksdb::Slice(id.data(), id.size()), &v).ok()) {
    return std::nullopt;
  }
  return keys::ParseIdValue(v);
}

Result<std::string> Appender::EventBytes(uint64_t seq) const {
  auto it = staged_->events.find(seq);
  if (it != staged_->events.end()) {
    auto bytes = it->second.asBytes();
    return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
  }
  std::string v;
  rocksdb::Status s = store_->rocks_->db->Get(rocksdb::ReadOptions(), store_->rocks_->events(), keys::EventKey(seq), &v);
  if (!s.ok()) return Status::Corruption("event seq " + std::to_string(seq) + " named by the id index is missing");
  return v;
}

Result<Appender::Outcome> Appender::Add(schema::Event::Builder event) {
  TLEDGER_CHECK(!committed_);
  schema::Event::Reader reader = event.asReader();
  std::string_view id(reader.getId().cStr(), reader.getId().size());
  if (std::optional<keys::IdEntry> known = LookupId(id)) {
    Result<std::string> bytes = EventBytes(known->seq);
    if (!bytes.ok()) return bytes.status();
    EventDecoder decoder;
    Result<schema::Event::Reader> stored = decoder.Decode(*bytes);
    if (!stored.ok()) return stored.status();
    kj::Array<capnp::word> a = ContentBytes(*stored), b = ContentBytes(reader);
    if (a.asBytes() == b.asBytes()) {
      ++repeats_;
      return Outcome::kRepeat;
    }
    bool committed = known->seq <= store_->head_.seq;
    return Status::Conflict("id: \"" + std::string(id) + "\" is already " +
                            (committed ? "recorded (seq " + std::to_string(known->seq) + ")"
                                       : std::string("used earlier in this import")) +
                            " with other content; record a correction instead of a new version");
  }
  if (reader.getBody().isCorrection()) {
    auto c = reader.getBody().getCorrection();
    std::string_view target(c.getTarget().cStr(), c.getTarget().size());
    std::optional<keys::IdEntry> t = LookupId(target);
    if (!t) {
      return Status::InvalidInput("target: no event with id \"" + std::string(target) +
                                  "\" in the ledger or earlier in this import");
    }
    if (c.hasReplacement()) {
      auto which = static_cast<uint16_t>(c.getReplacement().getBody().which());
      if (which != t->which) {
        std::string want = "unknown type " + std::to_string(t->which);
        if (const TypeInfo* ti = EventSchema::Get().TypeOf(t->which)) want = ti->name;
        return Status::InvalidInput("replacement.type: is " + TypeName(c.getReplacement().getBody()) +
                                    ", but the target \"" + std::string(target) + "\" is a " + want);
      }
    }
  }

  uint64_t seq = head_.seq + 1;
  event.setSeq(seq);
  event.setRecordedAt(recorded_at_);
  event.setPrevHash(capnp::Data::Reader(head_.hash.data(), head_.hash.size()));
  kj::Array<capnp::word> canonical = Canonicalize(event.asReader());
  Hash hash = hasher_.Next(head_.hash, canonical.asBytes());

  Subjects subjects;
  auto target_bytes = [&](std::string_view target) -> Result<std::optional<std::string>> {
    std::optional<keys::IdEntry> t = LookupId(target);
    if (!t) return std::optional<std::string>();
    Result<std::string> b = EventBytes(t->seq);
    if (!b.ok()) return b.status();
    return std::optional<std::string>(std::move(*b));
  };
  TLEDGER_RETURN_IF_ERROR(CollectSubjects(event.asReader(), target_bytes, &subjects));

  auto& rocks = *store_->rocks_;
  auto bytes = canonical.asBytes();
  uint16_t which = static_cast<uint16_t>(reader.getBody().which());
  staged_->batch.Put(rocks.events(), keys::EventKey(seq),
                     rocksdb::Slice(reinterpret_cast<const char*>(bytes.begin()), bytes.size()));
  staged_->batch.Put(rocks.ids(), rocksdb::Slice(id.data(), id.size()), keys::IdValue(seq, which));
  for (const auto& [subject, mask] : subjects) {
    char m = static_cast<char>(mask);
    staged_->batch.Put(rocks.subjects(), keys::SubjectKey(subject, seq), rocksdb::Slice(&m, 1));
  }
  staged_->ids.emplace(std::string(id), keys::IdEntry{seq, which});
  staged_->events.emplace(seq, std::move(canonical));
  head_ = Head{seq, hash, recorded_at_};
  ++appended_;
  if (staged_->ids.size() >= kChunkEvents) TLEDGER_RETURN_IF_ERROR(FlushChunk());
  return Outcome::kAppended;
}

Status Appender::FlushChunk() {
  if (staged_->batch.Count() == 0) return Status::Ok();
  rocksdb::WriteOptions wo;  // WAL on, synced at Commit()
  TLEDGER_RETURN_IF_ERROR(FromRocks(store_->rocks_->db->Write(wo, &staged_->batch), "writing events"));
  wrote_chunks_ = true;
  staged_->batch.Clear();
  staged_->ids.clear();
  staged_->events.clear();
  return Status::Ok();
}

Status Appender::Commit() {
  TLEDGER_CHECK(!committed_);
  if (appended_ == 0) {
    committed_ = true;
    return Status::Ok();
  }
  auto& rocks = *store_->rocks_;
  staged_->batch.Put(rocks.meta(), keys::kHeadKey, HeadValue(head_));
  rocksdb::WriteOptions wo;
  wo.sync = true;
  TLEDGER_RETURN_IF_ERROR(FromRocks(rocks.db->Write(wo, &staged_->batch), "committing the import"));
  committed_ = true;
  store_->head_ = head_;
  staged_->batch.Clear();
  staged_->ids.clear();
  staged_->events.clear();
  return Status::Ok();
}

}  // namespace tledger
