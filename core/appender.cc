#include "core/appender.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include <capnp/serialize.h>
#include <kj/exception.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "core/files.h"
#include "core/import_marker.h"
#include "core/json_codec.h"
#include "core/ledger_dir.h"
#include "core/local_key.h"
#include "core/printable.h"
#include "core/rocks.h"
#include "core/schema_info.h"

namespace tledger {
namespace {

// A chunk at least this large has its index entries ingested as SST files;
// a smaller one goes through the memtable, which is cheaper for a few.
constexpr size_t kIngestMinEvents = 10'000;

// Placeholders PrepareEvent() writes and Add() overwrites. Non-zero, so the
// canonical layout is that of the final event.
constexpr uint64_t kSeqPlaceholder = 0x5e5e5e5e5e5e5e5eull;
constexpr int64_t kRecordedAtPlaceholder = 0x7a7a7a7a7a7a7a7all;
constexpr uint8_t kPrevHashPlaceholder = 0xa5;
// Byte offsets in the canonical bytes: the root pointer is word 0, the
// Event's data section starts at word 1 with seq, then recordedAt.
constexpr size_t kSeqOffset = 8;
constexpr size_t kRecordedAtOffset = 16;

uint64_t HashId(std::string_view id) { return std::hash<std::string_view>()(id) | 1; }  // 0 marks an empty slot

void PutLittleEndian64(uint64_t v, char* out) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(v >> (8 * i));
}

}  // namespace

// Every id appended so far, by a 64-bit hash: an open-addressing table, so a
// new id (the common case) costs one probe and no string comparison. A hit is
// confirmed against the event's own id.
class Appender::IdTable {
 public:
  IdTable() : hashes_(1 << 16, 0), entries_(1 << 16) {}

  void Insert(uint64_t hash, keys::IdEntry e) {
    if ((size_ + 1) * 2 > hashes_.size()) Grow();
    size_t mask = hashes_.size() - 1;
    size_t i = hash & mask;
    while (hashes_[i] != 0) i = (i + 1) & mask;
    hashes_[i] = hash;
    entries_[i] = e;
    ++size_;
  }

  template <typename Fn>
  void ForEach(uint64_t hash, const Fn& fn) const {
    size_t mask = hashes_.size() - 1;
    for (size_t i = hash & mask; hashes_[i] != 0; i = (i + 1) & mask) {
      if (hashes_[i] == hash) fn(entries_[i]);
    }
  }

 private:
  void Grow() {
    std::vector<uint64_t> hashes(hashes_.size() * 2, 0);
    std::vector<keys::IdEntry> entries(hashes.size());
    size_t mask = hashes.size() - 1;
    for (size_t j = 0; j < hashes_.size(); ++j) {
      if (hashes_[j] == 0) continue;
      size_t i = hashes_[j] & mask;
      while (hashes[i] != 0) i = (i + 1) & mask;
      hashes[i] = hashes_[j];
      entries[i] = entries_[j];
    }
    hashes_.swap(hashes);
    entries_.swap(entries);
  }

  std::vector<uint64_t> hashes_;
  std::vector<keys::IdEntry> entries_;
  size_t size_ = 0;
};

// Index entries of one column family, added in any order and sorted once.
// Keys and values live in one arena; sorting compares a 16-byte big-endian
// prefix first (ids share their first 8 bytes often), so most comparisons
// touch no string.
class SortedRun {
 public:
  void Reserve(size_t entries, size_t bytes) {
    entries_.reserve(entries);
    arena_.reserve(bytes);
  }
  void Add(std::string_view key, std::string_view value) {
    uint64_t hi = 0, lo = 0;
    for (size_t i = 0; i < 8; ++i) hi = hi << 8 | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
    for (size_t i = 8; i < 16; ++i) lo = lo << 8 | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
    entries_.push_back(Entry{hi, lo, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key.size()),
                             static_cast<uint32_t>(value.size())});
    arena_.append(key);
    arena_.append(value);
  }
  void Sort() {
    std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) {
      if (a.hi != b.hi) return a.hi < b.hi;
      if (a.lo != b.lo) return a.lo < b.lo;
      return Key(a) < Key(b);
    });
  }
  template <typename Fn>
  void ForEach(const Fn& fn) const {
    for (const Entry& e : entries_) fn(Key(e), std::string_view(arena_).substr(e.offset + e.key_size, e.value_size));
  }
  size_t size() const { return entries_.size(); }
  void Clear() {
    arena_.clear();
    entries_.clear();
  }

 private:
  struct Entry {
    uint64_t hi, lo;  // key bytes 0-7 and 8-15, big-endian, zero-padded
    uint32_t offset;
    uint32_t key_size;
    uint32_t value_size;
  };
  std::string_view Key(const Entry& e) const { return std::string_view(arena_).substr(e.offset, e.key_size); }
  std::string arena_;
  std::vector<Entry> entries_;
};

// Events staged together, with the index entries they imply.
struct Appender::Chunk {
  Chunk() {
    bytes.reserve(kChunkEvents * 256);
    ends.reserve(kChunkEvents);
    ids.Reserve(kChunkEvents, kChunkEvents * 32);
    subjects.Reserve(kChunkEvents * 3, kChunkEvents * 3 * 24);
  }

  uint64_t first_seq = 0;
  std::string bytes;                                       // canonical events back to back
  std::vector<size_t> ends;                                // where each event ends in `bytes`
  SortedRun ids;        // id -> seq, type
  SortedRun subjects;   // subject key -> role bits

  size_t size() const { return ends.size(); }
  // Empties the chunk but keeps its buffers, so a recycled chunk touches no
  // new memory.
  void Clear() {
    first_seq = 0;
    bytes.clear();
    ends.clear();
    ids.Clear();
    subjects.Clear();
  }
  // fn(seq, bytes) for each event, in seq order.
  template <typename Fn>
  void ForEachEvent(const Fn& fn) const {
    for (size_t i = 0, begin = 0; i < ends.size(); begin = ends[i++]) {
      fn(first_seq + i, std::string_view(bytes).substr(begin, ends[i] - begin));
    }
  }
  std::optional<std::string_view> Event(uint64_t seq) const {
    if (ends.empty() || seq < first_seq || seq >= first_seq + ends.size()) return std::nullopt;
    size_t i = seq - first_seq, begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(bytes).substr(begin, ends[i] - begin);
  }
};

namespace {

std::unique_ptr<Appender::Chunk> NewChunk() { return std::make_unique<Appender::Chunk>(); }

// Writes keys in order (`each(put)` calls put(key, value) for each) into an
// SST file for `family`, through `env` (null: RocksDB's default;
// StoreOptions::env).
template <typename Each>
Status WriteSst(rocksdb::Env* env, const std::string& path, size_t family, rocksdb::CompressionType compression,
                const Each& each) {
  rocksdb::Options options(DbOptions(), Families()[family].options);
  if (env != nullptr) options.env = env;
  options.compression = compression;
  // SstFileWriter compresses with the bottommost setting when there is one
  // (a file it writes may be ingested into the last level): ours is chosen
  // per file here, so it holds for every level.
  options.bottommost_compression = compression;
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  TLEDGER_RETURN_IF_ERROR(FromRocks(writer.Open(path), "creating " + path));
  rocksdb::Status s;
  each([&](std::string_view key, std::string_view value) {
    if (s.ok()) s = writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
  });
  TLEDGER_RETURN_IF_ERROR(FromRocks(s, "writing " + path));
  return FromRocks(writer.Finish(), "finishing " + path);
}

// An index run: its keys overlap what is there, so the file lands in level
// 0 and compaction rewrites it soon; compressing it first would cost the
// import time for nothing.
Status WriteSst(rocksdb::Env* env, const std::string& path, size_t family, const SortedRun& run) {
  return WriteSst(env, path, family, rocksdb::kNoCompression, [&](const auto& put) { run.ForEach(put); });
}

void PutAll(rocksdb::WriteBatch* batch, rocksdb::ColumnFamilyHandle* family, const SortedRun& run) {
  run.ForEach([&](std::string_view key, std::string_view value) {
    batch->Put(family, rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
  });
}

// Writes one chunk; runs on the Appender's helper thread. A large chunk:
// its events and index entries as three SST files ingested in one atomic
// step (no WAL, no memtable: the events' keys follow every key there, so
// their file goes straight to the last level). A small one: one WriteBatch.
// Then, when `commit_head` is given, the head (WAL, synced). Whatever a
// crash leaves past the committed head has its events there, which is how
// Store::DiscardUncommittedTail finds it, and the import marker beside it
// (`mark`: written first, synced, by the first chunk that writes anything
// before its commit), which is how it knows them an interrupted import's.
// `unmark`: the commit removes the marker.
Status WriteChunk(const Store::Raw& raw, rocksdb::Env* env, const std::string& dir, Appender::Chunk* chunk,
                  const std::optional<Head>& commit_head, uint64_t chunk_no, std::optional<std::string> mark,
                  bool unmark) {
  chunk->ids.Sort();
  chunk->subjects.Sort();

  rocksdb::WriteOptions synced;
  synced.sync = true;
  if (mark) {
    TLEDGER_RETURN_IF_ERROR(FromRocks(raw.db->Put(synced, raw.meta, keys::kImportKey, *mark),
                                      "marking the import under way"));
  }
  rocksdb::WriteBatch batch;
  if (chunk->size() >= kIngestMinEvents) {
    std::string events_path = dir + "/" + IngestFileName(chunk_no, "events"),
                ids_path = dir + "/" + IngestFileName(chunk_no, "ids"),
                subjects_path = dir + "/" + IngestFileName(chunk_no, "subjects");
    // RocksDB creates them following links: whatever is planted under these
    // names goes first (unlink removes the name, never a link's target).
    for (const std::string* path : {&events_path, &ids_path, &subjects_path}) ::unlink(path->c_str());
    TLEDGER_RETURN_IF_ERROR(WriteSst(env, events_path, 1, Families()[1].options.compression, [&](const auto& put) {
      chunk->ForEachEvent([&](uint64_t seq, std::string_view bytes) { put(keys::EventKey(seq), bytes); });
    }));
    TLEDGER_RETURN_IF_ERROR(WriteSst(env, ids_path, 2, chunk->ids));
    TLEDGER_RETURN_IF_ERROR(WriteSst(env, subjects_path, 3, chunk->subjects));
    rocksdb::IngestExternalFileOptions opt;
    opt.move_files = true;
    opt.write_global_seqno = false;
    std::vector<rocksdb::IngestExternalFileArg> args(3);
    args[0].column_family = raw.events;
    args[0].external_files = {events_path};
    args[1].column_family = raw.ids;
    args[1].external_files = {ids_path};
    args[2].column_family = raw.subjects;
    args[2].external_files = {subjects_path};
    for (auto& a : args) a.options = opt;
    TLEDGER_RETURN_IF_ERROR(FromRocks(raw.db->IngestExternalFiles(args), "ingesting the events and index entries"));
  } else {
    chunk->ForEachEvent([&](uint64_t seq, std::string_view bytes) {
      batch.Put(raw.events, keys::EventKey(seq), rocksdb::Slice(bytes.data(), bytes.size()));
    });
    PutAll(&batch, raw.ids, chunk->ids);
    PutAll(&batch, raw.subjects, chunk->subjects);
  }
  if (commit_head) batch.Put(raw.meta, keys::kHeadKey, HeadValue(*commit_head));
  if (commit_head && unmark) batch.Delete(raw.meta, keys::kImportKey);
  if (batch.Count() == 0) return Status::Ok();
  rocksdb::WriteOptions wo;
  wo.sync = commit_head.has_value();  // the WAL is on; the commit syncs it
  return FromRocks(raw.db->Write(wo, &batch), commit_head ? "committing the import" : "writing events");
}

}  // namespace

Result<PreparedEvent> Appender::Prepare(schema::Event::Builder event) const {
  PreparedEvent p;
  TLEDGER_RETURN_IF_ERROR(PrepareInto(event, &p));
  return p;
}

Status Appender::PrepareInto(schema::Event::Builder event, PreparedEvent* out) const {
  PreparedEvent& p = *out;
  event.setSeq(kSeqPlaceholder);
  event.setRecordedAt(kRecordedAtPlaceholder);
  std::fill_n(event.initPrevHash(32).begin(), 32, kPrevHashPlaceholder);
  p.looked_up = false;
  try {
    CanonicalizeInto(event.asReader(), &p.canonical);
    // Where the prevHash bytes landed: found by reading the bytes back.
    kj::ArrayPtr<const capnp::word> segment(reinterpret_cast<const capnp::word*>(p.canonical.data()),
                                            p.canonical.size() / sizeof(capnp::word));
    capnp::SegmentArrayMessageReader reader(kj::arrayPtr(&segment, 1));
    auto prev = reader.getRoot<schema::Event>().getPrevHash();
    p.prev_hash_offset = static_cast<uint32_t>(reinterpret_cast<const char*>(prev.begin()) - p.canonical.data());
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("cannot encode the event: ") + e.getDescription().cStr());
  }
  // The layout the patching relies on, checked on every event.
  char seq[8], at[8];
  PutLittleEndian64(kSeqPlaceholder, seq);
  PutLittleEndian64(static_cast<uint64_t>(kRecordedAtPlaceholder), at);
  TLEDGER_CHECK(p.canonical.size() >= p.prev_hash_offset + 32 &&
                std::memcmp(p.canonical.data() + kSeqOffset, seq, 8) == 0 &&
                std::memcmp(p.canonical.data() + kRecordedAtOffset, at, 8) == 0 &&
                static_cast<uint8_t>(p.canonical[p.prev_hash_offset]) == kPrevHashPlaceholder);
  schema::Event::Reader r = event.asReader();
  p.id.assign(r.getId().cStr(), r.getId().size());
  p.which = static_cast<uint16_t>(r.getBody().which());
  RefsOf(r.getBody(), &p.subjects);
  p.target.clear();
  p.replacement_which.reset();
  if (r.getBody().isCorrection()) {
    auto c = r.getBody().getCorrection();
    p.target.assign(c.getTarget().cStr(), c.getTarget().size());
    if (c.hasReplacement()) p.replacement_which = static_cast<uint16_t>(c.getReplacement().getBody().which());
  }
  Result<std::optional<keys::IdEntry>> id = LookupCommitted(p.id);
  if (!id.ok()) return id.status();
  p.committed_id = *id;
  p.committed_target.reset();
  if (!p.target.empty()) {
    Result<std::optional<keys::IdEntry>> target = LookupCommitted(p.target);
    if (!target.ok()) return target.status();
    p.committed_target = *target;
  }
  p.looked_up = true;
  return Status::Ok();
}

Appender::Appender(Store* store)
    : store_(store),
      appended_ids_(new IdTable),
      staging_(NewChunk()),
      head_(store->head_),
      recorded_at_(std::max(Now(), store->head_.recorded_at + 1)) {
  subjects_ = std::make_unique<SubjectCollector>(
      [this](std::string_view id) -> Result<std::optional<uint64_t>> {
        Result<std::optional<keys::IdEntry>> e = LookupId(id);
        if (!e.ok()) return e.status();
        return *e ? std::optional<uint64_t>((**e).seq) : std::nullopt;
      },
      [this](uint64_t seq, std::string_view) { return EventBytes(seq); });
}

Status Appender::ChainTooLong(const std::string& target, const SubjectCollector::Chain& chain) const {
  std::string root = "seq " + std::to_string(chain.root);
  if (Result<std::string> bytes = EventBytes(chain.root); bytes.ok()) {
    EventDecoder decoder;
    if (Result<schema::Event::Reader> ev = decoder.Decode(*bytes); ev.ok()) {
      root = Quoted(std::string_view(ev->getId().cStr(), ev->getId().size()));
    }
  }
  const int most = store_->max_correction_chain_;
  return Status::InvalidInput("target: " + Quoted(target) + " ends a chain of " + std::to_string(chain.depth - 1) +
                              " corrections of corrections, down to " + root + "; a chain may hold at most " +
                              std::to_string(most) + ": correct " + root + " itself instead");
}

Appender::~Appender() {
  Status s = WaitForWriter();
  if (!committed_ && import_marked_) {
    s = store_->DiscardUncommittedTail(/*after_crash=*/false);
    if (!s.ok()) spdlog::error("could not discard the events of a refused import: {} (the next writer will)", s.ToString());
    // Gone, or never written: its record goes too. Otherwise the next
    // writer needs it to prove the tail this import's.
    if (s.ok() && key_) ForgetImport(*key_, marker_);
  }
  store_->appending_ = false;
}

Status Appender::WaitForWriter() {
  if (!writer_.valid()) return Status::Ok();
  Status s = writer_.get();
  in_flight_->Clear();
  spare_ = std::move(in_flight_);
  return s;
}

Status Appender::SubmitChunk(bool commit) {
  TLEDGER_RETURN_IF_ERROR(WaitForWriter());
  // Anything that lands before the commit's own batch (a chunk that is not
  // the commit, or any ingested one) is preceded by the import marker,
  // authenticated with the local key and recorded under way outside the
  // ledger first (core/import_marker.h).
  std::optional<std::string> mark;
  if (!import_marked_ && (!commit || staging_->size() >= kIngestMinEvents)) {
    Result<std::shared_ptr<const LocalKey>> key = store_->Key();
    if (!key.ok()) {
      return Status::Unavailable("an import of " + std::to_string(kIngestMinEvents) +
                                 " events or more marks itself with the local key, and there is none: " +
                                 key.status().message());
    }
    key_ = *key;
    marker_ = EncodeImportMarker(NewImportMarker(store_->head_, recorded_at_, *key_), *key_);
    TLEDGER_RETURN_IF_ERROR(RecordImportUnderWay(*key_, store_->canonical_dir_, marker_));
    mark = marker_;
    import_marked_ = true;
  }
  in_flight_ = std::move(staging_);
  staging_ = spare_ ? std::move(spare_) : NewChunk();
  ++chunks_written_;
  std::optional<Head> head = commit ? std::optional<Head>(head_) : std::nullopt;
  writer_ = std::async(std::launch::async, WriteChunk, store_->raw(), store_->env_.get(), store_->dir(), in_flight_.get(), head,
                       chunks_written_, std::move(mark), import_marked_);
  return commit ? WaitForWriter() : Status::Ok();
}

Result<std::string> Appender::EventBytes(uint64_t seq) const {
  std::optional<std::string_view> staged = staging_->Event(seq);
  if (!staged && in_flight_) staged = in_flight_->Event(seq);
  if (staged) return std::string(*staged);
  std::string v;
  auto raw = store_->raw();
  if (!raw.db->Get(rocksdb::ReadOptions(), raw.events, keys::EventKey(seq), &v).ok()) {
    return Status::Corruption("event seq " + std::to_string(seq) + " named by the id index is missing");
  }
  return v;
}

Result<std::optional<keys::IdEntry>> Appender::LookupAppended(std::string_view id) const {
  std::optional<keys::IdEntry> found;
  Status status;
  appended_ids_->ForEach(HashId(id), [&](keys::IdEntry e) {
    if (found || !status.ok()) return;
    Result<std::string> bytes = EventBytes(e.seq);
    if (!bytes.ok()) {
      status = bytes.status();
      return;
    }
    EventDecoder decoder;
    Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
    if (!ev.ok()) {
      status = ev.status();
      return;
    }
    if (std::string_view(ev->getId().cStr(), ev->getId().size()) == id) found = e;
  });
  if (!status.ok()) return status;
  return found;
}

Result<std::optional<keys::IdEntry>> Appender::LookupId(std::string_view id) const {
  Result<std::optional<keys::IdEntry>> found = LookupAppended(id);
  if (!found.ok() || *found) return found;
  return LookupCommitted(id);
}

Result<std::optional<keys::IdEntry>> Appender::LookupCommitted(std::string_view id) const {
  if (store_->head_.seq == 0) return std::optional<keys::IdEntry>();  // nothing is committed yet
  std::string v;
  auto raw = store_->raw();
  rocksdb::Status s = raw.db->Get(rocksdb::ReadOptions(), raw.ids, rocksdb::Slice(id.data(), id.size()), &v);
  if (s.IsNotFound()) return std::optional<keys::IdEntry>();
  TLEDGER_RETURN_IF_ERROR(FromRocks(s, "looking up an id"));
  std::optional<keys::IdEntry> e = keys::ParseIdValue(v);
  if (!e) return Status::Corruption("the id index entry of " + Quoted(id) + " is malformed");
  // Entries past the committed head are this append's own written chunks:
  // the IdTable answers for those.
  if (e->seq > store_->head_.seq) return std::optional<keys::IdEntry>();
  return e;
}

Result<Appender::Outcome> Appender::Add(schema::Event::Builder event) {
  Result<PreparedEvent> p = Prepare(event);
  if (!p.ok()) return p.status();
  return Add(*p);
}

Result<Appender::Outcome> Appender::Add(PreparedEvent& event) {
  TLEDGER_CHECK(!committed_ && event.looked_up);
  Result<std::optional<keys::IdEntry>> known = LookupAppended(event.id);
  if (!known.ok()) return known.status();
  if (!*known) *known = event.committed_id;
  if (*known) {
    Result<std::string> bytes = EventBytes((*known)->seq);
    if (!bytes.ok()) return bytes.status();
    EventDecoder stored_decoder, incoming_decoder;
    Result<schema::Event::Reader> stored = stored_decoder.Decode(*bytes);
    if (!stored.ok()) return stored.status();
    Result<schema::Event::Reader> incoming = incoming_decoder.Decode(event.canonical);
    if (!incoming.ok()) return incoming.status();
    if (ContentBytes(*stored).asBytes() == ContentBytes(*incoming).asBytes()) {
      ++repeats_;
      return Outcome::kRepeat;
    }
    bool committed = (*known)->seq <= store_->head_.seq;
    return Status::Conflict("id: \"" + event.id + "\" is already " +
                            (committed ? "recorded (seq " + std::to_string((*known)->seq) + ")"
                                       : std::string("used earlier in this import")) +
                            " with other content; record a correction instead of a new version");
  }

  uint64_t seq = head_.seq + 1;
  if (!event.target.empty()) {
    Result<std::optional<keys::IdEntry>> t = LookupAppended(event.target);
    if (!t.ok()) return t.status();
    if (!*t) *t = event.committed_target;
    if (!*t) {
      return Status::InvalidInput("target: no event with id \"" + event.target +
                                  "\" in the ledger or earlier in this import");
    }
    if (event.replacement_which && *event.replacement_which != (*t)->which) {
      const TypeInfo* want = EventSchema::Get().TypeOf((*t)->which);
      const TypeInfo* got = EventSchema::Get().TypeOf(*event.replacement_which);
      return Status::InvalidInput("replacement.type: is " + (got ? got->name : std::string("unknown")) +
                                  ", but the target \"" + event.target + "\" has type " +
                                  (want ? want->name : std::string("unknown to this build")));
    }
    // A correction also concerns whatever its target concerns, down its
    // chain; past kMaxCorrectionChain (StoreOptions) it is refused.
    Result<SubjectCollector::Chain> chain = subjects_->AddTarget(seq, event.target, &event.subjects);
    if (!chain.ok()) return chain.status();
    if (chain->depth > store_->max_correction_chain_) {
      subjects_->Forget(seq);  // the next event takes this seq
      return ChainTooLong(event.target, *chain);
    }
  }

  // Patch the envelope into the prepared bytes and chain them.
  char* bytes = event.canonical.data();
  PutLittleEndian64(seq, bytes + kSeqOffset);
  PutLittleEndian64(static_cast<uint64_t>(recorded_at_), bytes + kRecordedAtOffset);
  std::memcpy(bytes + event.prev_hash_offset, head_.hash.data(), 32);
  Hash hash = hasher_.Next(
      head_.hash, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes), event.canonical.size()));

  if (staging_->size() == 0) staging_->first_seq = seq;
  staging_->bytes.append(event.canonical);
  staging_->ends.push_back(staging_->bytes.size());
  for (const auto& [subject, mask] : event.subjects) {
    char m = static_cast<char>(mask);
    keys::SubjectKeyInto(subject, seq, &key_scratch_);
    staging_->subjects.Add(key_scratch_, std::string_view(&m, 1));
  }
  appended_ids_->Insert(HashId(event.id), keys::IdEntry{seq, event.which});
  staging_->ids.Add(event.id, keys::IdValue(seq, event.which));
  head_ = Head{seq, hash, recorded_at_};
  ++appended_;
  if (staging_->size() >= kChunkEvents) TLEDGER_RETURN_IF_ERROR(SubmitChunk(false));
  return Outcome::kAppended;
}

Status Appender::Commit() {
  TLEDGER_CHECK(!committed_);
  if (appended_ == 0) {
    TLEDGER_RETURN_IF_ERROR(WaitForWriter());
    committed_ = true;
    return Status::Ok();
  }
  TLEDGER_RETURN_IF_ERROR(SubmitChunk(true));
  committed_ = true;
  store_->head_ = head_;
  if (key_) ForgetImport(*key_, marker_);
  // Committed: a HEAD that cannot be rewritten now stays behind the head
  // record, which readers accept; the next writer rewrites it.
  Status published = store_->PublishHead();
  if (!published.ok()) {
    spdlog::warn("the import is committed (head seq {}), but {}; readers see it all, and the next import rewrites it",
                 head_.seq, published.message());
  }
  return Status::Ok();
}

}  // namespace tledger
