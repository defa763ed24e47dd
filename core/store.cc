#include "core/store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <kj/exception.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "core/appender.h"
#include "core/codec.h"
#include "core/rocks.h"
#include "core/json_codec.h"
#include "core/schema_info.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

constexpr char kLockFile[] = "tledger.lock";
// The head as last committed, published beside the database for readers:
// a secondary instance opening while the writer reorganises its log can miss
// the newest data, so a reader catches up until it sees at least this head.
constexpr char kHeadFile[] = "HEAD";
// A writer that finds this many write-ahead logs rolls them into tables, so
// that opens which write nothing do not pile up empty logs.
constexpr int kMaxLogFiles = 4;

std::optional<uint64_t> PublishedSeq(const std::string& dir) {
  std::ifstream in(fs::path(dir) / kHeadFile);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  size_t colon = line.find(':');
  uint64_t seq = 0;
  for (size_t i = 0; i < colon && i < line.size(); ++i) {
    if (line[i] < '0' || line[i] > '9') return std::nullopt;
    seq = seq * 10 + static_cast<uint64_t>(line[i] - '0');
  }
  return seq;
}

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

Store::Store(std::string dir, OpenMode mode) : dir_(std::move(dir)), mode_(mode), rocks_(new Rocks) {}

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

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, OpenMode mode, const StoreOptions& store_options) {
  std::unique_ptr<Store> store(new Store(dir, mode));
  rocksdb::DBOptions options = DbOptions();
  store->env_ = store_options.env;
  store->max_correction_chain_ = store_options.max_correction_chain;
  if (store->env_) options.env = store->env_.get();
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
    // Index files an interrupted bulk import made but never ingested.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().filename().string().rfind("ingest-", 0) == 0) fs::remove(entry.path(), ec);
    }
    s = rocksdb::DB::Open(options, dir, Families(), &store->rocks_->handles, &db);
    if (s.ok()) store->rocks_->db.reset(db);
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
    store->rocks_->secondary_options = options;
    s = store->OpenSecondary();
    // A writer killed while it created the ledger leaves a store without
    // all of its column families (the next writer adds them): no ledger yet.
    std::vector<std::string> families;
    if (!s.ok() && rocksdb::DB::ListColumnFamilies(options, dir, &families).ok() &&
        families.size() < Families().size()) {
      return Status::Unavailable("no ledger at " + dir + " (the directory holds an empty store)");
    }
  }
  if (!s.ok()) return Status::Unavailable(FromRocks(s, "cannot open the ledger at " + dir).message());
  if (mode == OpenMode::kRead) TLEDGER_RETURN_IF_ERROR(store->CatchUp());  // which may open it again
  db = store->rocks_->db.get();

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
    if (version == 0) return Status::Corruption("the format record of " + dir + " says format 0, which no tledger writes");
    if (version > kFormatVersion) {
      return Status::Unavailable("the ledger at " + dir + " has format " + std::to_string(version) +
                                 ", newer than this tledger reads (" + std::to_string(kFormatVersion) +
                                 "): use a newer tledger");
    }
  }
  TLEDGER_RETURN_IF_ERROR(store->ReadHead());
  if (mode == OpenMode::kWrite) {
    TLEDGER_RETURN_IF_ERROR(store->DiscardUncommittedTail(/*after_crash=*/true));
    if (LogFiles(dir) >= kMaxLogFiles) TLEDGER_RETURN_IF_ERROR(store->RollLogs());
    TLEDGER_RETURN_IF_ERROR(store->PublishHead());
  }
  return store;
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
  std::optional<uint64_t> published = PublishedSeq(dir_);
  std::optional<std::string> previous;  // the head record the last catch-up found
  uint64_t seq = 0;
  std::optional<uint64_t> unclaimed;  // events past a settled head that no import claims
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
      if (settled && (!published || seq >= *published)) {
        // An import marks itself before it writes past the head; a catch-up
        // can still see its events before the mark, so look again before
        // calling them a rolled-back head.
        Result<std::optional<uint64_t>> tail = UnclaimedTail(seq);
        if (!tail.ok()) return tail.status();
        unclaimed = *tail;
        if (!unclaimed) return Status::Ok();
        if (++unclaimed_seen == 10) return UnclaimedTailError(seq, *unclaimed);
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
  if (unclaimed) return UnclaimedTailError(seq, *unclaimed);
  return Status::Corruption("the ledger at " + dir_ + " ends at seq " + std::to_string(seq) +
                            " but its last writer published seq " + std::to_string(published.value_or(0)) + " (in " +
                            (fs::path(dir_) / kHeadFile).string() +
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
  std::string path = (fs::path(dir_) / kHeadFile).string(), tmp = path + ".tmp";
  std::string text = std::to_string(head_.seq) + ":" + ToHex(head_.hash) + "\n";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  if (fd >= 0) close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::IoError("cannot write " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
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

Result<std::optional<uint64_t>> Store::UnclaimedTail(uint64_t head_seq) const {
  auto& r = *rocks_;
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(rocksdb::ReadOptions(), r.events()));
  it->Seek(keys::EventKey(head_seq + 1));
  TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "looking past the head"));
  if (!it->Valid()) return std::optional<uint64_t>();
  std::optional<uint64_t> first = keys::SeqOfEventKey(View(it->key()));
  std::string marker;
  rocksdb::Status s = r.db->Get(rocksdb::ReadOptions(), r.meta(), keys::kImportKey, &marker);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading the import marker");
  if (s.ok() && marker == keys::EventKey(head_seq + 1)) return std::optional<uint64_t>();
  return std::optional<uint64_t>(first.value_or(head_seq + 1));
}

Status Store::UnclaimedTailError(uint64_t head_seq, uint64_t first) const {
  return Status::Corruption("the ledger at " + dir_ + " holds events from seq " + std::to_string(first) +
                            " on past its head record (seq " + std::to_string(head_seq) +
                            "), and no import was under way: the head record was rolled back or deleted. Nothing was "
                            "changed; restore the head record (`tledger verify --expect-head` with a written-down "
                            "checkpoint shows which)");
}

Status Store::DiscardUncommittedTail(bool after_crash) {
  auto& r = *rocks_;
  // Only what an import marked as under way is ever discarded: events past
  // a head record that was rolled back or deleted were committed once, and
  // the writer refuses the ledger rather than lose them.
  if (after_crash) {
    std::optional<uint64_t> published = PublishedSeq(dir_);
    if (published && *published > head_.seq) {
      return Status::Corruption("the ledger at " + dir_ + " has its head record at seq " + std::to_string(head_.seq) +
                                " but its last writer published seq " + std::to_string(*published) + " (in " +
                                (fs::path(dir_) / kHeadFile).string() +
                                "): the head record was rolled back. Nothing was changed");
    }
  }
  Result<std::optional<uint64_t>> unclaimed = UnclaimedTail(head_.seq);
  if (!unclaimed.ok()) return unclaimed.status();
  if (*unclaimed) return UnclaimedTailError(head_.seq, **unclaimed);
  std::string marker;
  bool marked = r.db->Get(rocksdb::ReadOptions(), r.meta(), keys::kImportKey, &marker).ok();
  SubjectCollector collector(
      [&](std::string_view id) -> Result<std::optional<uint64_t>> {
        std::string v;
        if (!r.db->Get(rocksdb::ReadOptions(), r.ids(), rocksdb::Slice(id.data(), id.size()), &v).ok()) {
          return std::optional<uint64_t>();
        }
        std::optional<keys::IdEntry> e = keys::ParseIdValue(v);
        return e ? std::optional<uint64_t>(e->seq) : std::nullopt;
      },
      [&](uint64_t seq, std::string_view) -> Result<std::string> {
        std::string bytes;
        TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Get(rocksdb::ReadOptions(), r.events(), keys::EventKey(seq), &bytes),
                                          "reading event seq " + std::to_string(seq)));
        return bytes;
      });

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
    bool collected = false;
    if (ev.ok()) {
      try {
        collected = collector.Collect(*seq, *ev, &subjects).ok();
      } catch (const kj::Exception&) {
      }
    }
    if (!collected) {
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
  if (marked) batch.Delete(r.meta(), keys::kImportKey);
  if (batch.Count() == 0) return Status::Ok();
  rocksdb::WriteOptions wo;
  wo.sync = true;
  TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Write(wo, &batch), "discarding the uncommitted tail"));
  if (discarded == 0) return Status::Ok();
  if (after_crash) {
    spdlog::warn("discarded {} uncommitted event(s) after seq {} left by an interrupted import", discarded, head_.seq);
  } else {
    spdlog::info("discarded the {} event(s) this import had written before it was refused", discarded);
  }
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

namespace {

// Events read on one thread and handed on in batches of aligned words.
struct EventBatch {
  std::vector<uint64_t> words;  // capnp words, 8-byte aligned
  std::vector<uint64_t> seqs;
  std::vector<size_t> ends;  // in words
};
constexpr uint64_t kPipelineFrom = 20'000;  // a shorter scan is not worth a thread
constexpr size_t kBatchEvents = 4096, kBatchesQueued = 4;
const char kStopped[] = "the reader of events was stopped";

Status DecodeFailure(uint64_t seq, const Status& s) {
  return Status::Corruption("event seq " + std::to_string(seq) + ": " + s.message());
}

Status ReadFailure(uint64_t seq, const kj::Exception& e) {
  return Status::Corruption("event seq " + std::to_string(seq) + " cannot be read: " + Describe(e));
}

}  // namespace

Status Store::ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const {
  uint64_t first = std::max<uint64_t>(from, 1), last = std::min(to, head_.seq);
  if (first > last || last - first < kPipelineFrom) {
    EventDecoder decoder;
    return Scan(from, to, [&](uint64_t seq, std::string_view bytes) -> Status {
      Result<schema::Event::Reader> ev = decoder.Decode(bytes);
      if (!ev.ok()) return DecodeFailure(seq, ev.status());
      try {
        return fn(seq, *ev);
      } catch (const kj::Exception& e) {
        return ReadFailure(seq, e);
      }
    });
  }
  // Two threads: this one runs `fn`; a reader scans RocksDB, decompresses,
  // checks each event's canonical form and copies it into a batch.
  std::mutex mu;
  std::condition_variable cv;
  std::deque<EventBatch> queue;
  bool done = false, stop = false;
  Status scan_status;
  std::thread reader([&] {
    EventDecoder check;
    EventBatch batch;
    auto send = [&]() -> bool {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return queue.size() < kBatchesQueued || stop; });
      if (stop) return false;
      queue.push_back(std::move(batch));
      batch = EventBatch{};
      cv.notify_all();
      return true;
    };
    Status s = Scan(from, to, [&](uint64_t seq, std::string_view bytes) -> Status {
      Result<schema::Event::Reader> ev = check.Decode(bytes);
      if (!ev.ok()) return DecodeFailure(seq, ev.status());
      size_t at = batch.words.size();
      batch.words.resize(at + bytes.size() / sizeof(uint64_t));
      std::memcpy(batch.words.data() + at, bytes.data(), bytes.size());
      batch.seqs.push_back(seq);
      batch.ends.push_back(batch.words.size());
      if (batch.seqs.size() == kBatchEvents && !send()) return Status::Unavailable(kStopped);
      return Status::Ok();
    });
    if (!batch.seqs.empty()) send();  // the events before a failure too
    std::lock_guard<std::mutex> lock(mu);
    scan_status = s;
    done = true;
    cv.notify_all();
  });
  Status result;
  EventDecoder view;
  while (result.ok()) {
    EventBatch batch;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return !queue.empty() || done; });
      if (queue.empty()) break;
      batch = std::move(queue.front());
      queue.pop_front();
      cv.notify_all();
    }
    size_t begin = 0;
    for (size_t i = 0; i < batch.seqs.size() && result.ok(); begin = batch.ends[i++]) {
      try {
        result = fn(batch.seqs[i], view.View(kj::arrayPtr(reinterpret_cast<const capnp::word*>(batch.words.data() + begin),
                                                             batch.ends[i] - begin)));
      } catch (const kj::Exception& e) {
        result = ReadFailure(batch.seqs[i], e);
      }
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    stop = !result.ok();
    cv.notify_all();
  }
  reader.join();
  return result.ok() ? scan_status : result;
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
