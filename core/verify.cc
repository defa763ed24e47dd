#include "core/verify.h"

#include <sodium.h>

#include <condition_variable>
#include <deque>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>
#include <map>
#include <optional>

#include <rocksdb/db.h>

#include "core/codec.h"
#include "core/keys.h"
#include "core/printable.h"
#include "core/subjects.h"

namespace tledger {
namespace {

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

// An order-independent digest of a multiset of index entries: the sum of a
// keyed 128-bit SipHash of each. The key is drawn afresh for every run, so
// nobody can forge entries that cancel out.
class MultisetDigest {
 public:
  explicit MultisetDigest(const unsigned char* key) : key_(key) {}
  void Add(std::string_view a, std::string_view b) {
    buf_.assign(a);
    buf_.push_back('\0');
    buf_.append(b);
    unsigned char out[crypto_shorthash_siphashx24_BYTES];
    crypto_shorthash_siphashx24(out, reinterpret_cast<const unsigned char*>(buf_.data()), buf_.size(), key_);
    uint64_t lo, hi;
    std::memcpy(&lo, out, 8);
    std::memcpy(&hi, out + 8, 8);
    lo_ += lo;
    hi_ += hi;
    ++count_;
  }
  bool operator==(const MultisetDigest& o) const { return lo_ == o.lo_ && hi_ == o.hi_ && count_ == o.count_; }
  uint64_t count() const { return count_; }

 private:
  const unsigned char* key_;
  std::string buf_;
  uint64_t lo_ = 0, hi_ = 0, count_ = 0;
};

std::string SeqMsg(uint64_t seq, const std::string& what) { return "seq " + std::to_string(seq) + ": " + what; }

// The entries the events imply, for the index digests.
struct IndexExpectation {
  explicit IndexExpectation(const unsigned char* key) : ids(key), subjects(key) {}
  MultisetDigest ids;
  MultisetDigest subjects;
};

class Verifier {
 public:
  Verifier(const Store& store, const VerifyOptions& options) : store_(store), options_(options) {
    for (const Anchor& a : options.anchors) anchors_.emplace(a.seq, a.hash);
    randombytes_buf(key_, sizeof key_);
  }

  Result<VerifyReport> Run() {
    if (sodium_init() < 0) return Status::IoError("libsodium failed to initialise");
    Head head = store_.head();
    for (const auto& [seq, hash] : anchors_) {
      if (seq > head.seq) {
        return Status::Corruption("the ledger ends at seq " + std::to_string(head.seq) + " but an anchor names seq " +
                                  std::to_string(seq) + " (" + ToHex(hash) + "): events " +
                                  std::to_string(head.seq + 1) + ".." + std::to_string(seq) +
                                  " were removed and the head rolled back");
      }
    }
    // Three things at once: the index digests (their own scans), what the
    // events imply for the indexes with each event's canonical form (a
    // worker fed by the scan), and the chain (the scan itself).
    std::future<Result<MultisetDigest>> ids, subjects;
    if (options_.check_indexes) {
      ids = std::async(std::launch::async, [&] { return DigestIndex(head, /*ids=*/true); });
      subjects = std::async(std::launch::async, [&] { return DigestIndex(head, /*ids=*/false); });
    }
    ExpectationWorker worker(*this);
    EventDecoder decoder;
    uint64_t next = 1;  // the seq the scan hands over next
    bool step_failed = false;
    Status s = store_.Scan(1, head.seq, [&](uint64_t seq, std::string_view bytes) -> Status {
      worker.Push(seq, bytes);
      Result<schema::Event::Reader> ev = decoder.DecodeUnchecked(bytes);
      Status st;
      try {
        st = ev.ok() ? Step(seq, *ev, bytes) : Status::Corruption(SeqMsg(seq, ev.status().message()));
      } catch (const kj::Exception& e) {
        st = Status::Corruption(SeqMsg(seq, std::string("stored event does not decode: ") + Describe(e)));
      }
      if (st.ok()) next = seq + 1;
      step_failed = !st.ok();
      return st;
    });
    auto [worker_seq, worker_status] = worker.Finish();
    // The worker's finding (an event that does not decode or is not
    // canonical, a wrong correction target) is the first bad seq when it
    // comes no later than the chain's.
    if (!worker_status.ok() && worker_seq <= (s.ok() ? UINT64_MAX : next)) return worker_status;
    if (!s.ok() && !step_failed && s.code() == Status::Code::kCorruption && EventMissing(next)) {
      // The scan stopped at a gap. Say so in the "seq N: " form every other
      // failure takes; an event before it that already disagreed with the
      // chain is the first bad one.
      if (pending_) return Blame(pending_->seq);
      return Status::Corruption(SeqMsg(next, "missing from the store: the event was deleted or moved"));
    }
    TLEDGER_RETURN_IF_ERROR(s);
    TLEDGER_RETURN_IF_ERROR(Finish(head));
    VerifyReport report{head, head.seq, 0, 0, worker.target_reads()};
    if (options_.check_indexes) {
      Result<MultisetDigest> id_digest = ids.get(), subject_digest = subjects.get();
      if (!id_digest.ok()) return id_digest.status();
      if (!subject_digest.ok()) return subject_digest.status();
      report.id_entries = id_digest->count();
      report.subject_entries = subject_digest->count();
      if (!(*id_digest == worker.expected().ids) || !(*subject_digest == worker.expected().subjects)) {
        return Diagnose(head);
      }
    }
    return report;
  }

 private:
  Status Step(uint64_t seq, schema::Event::Reader ev, std::string_view bytes) {
    if (ev.getSeq() != seq) {
      return Status::Corruption(SeqMsg(seq, "holds the event recorded as seq " + std::to_string(ev.getSeq()) +
                                                ": events were moved, swapped or inserted"));
    }
    auto canonical = kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size());
    auto prev_field = ev.getPrevHash();
    Hash prev_stored{};
    bool prev_ok = prev_field.size() == 32;
    if (prev_ok) std::memcpy(prev_stored.data(), prev_field.begin(), 32);
    if (pending_) {
      // Event seq-1 disagreed with the chain. If it hashes, from its own
      // previous-hash field, to what this event recorded, it is intact and the
      // one before it was altered; otherwise it was altered itself.
      uint64_t bad = pending_->self_hash == prev_stored && pending_->seq > 1 ? pending_->seq - 1 : pending_->seq;
      return Blame(bad);
    }
    if (!prev_ok || prev_stored != chain_) {
      Hash self = prev_ok ? hasher_.Next(prev_stored, canonical) : Hash{};
      pending_ = Pending{seq, self};
    }
    chain_ = hasher_.Next(chain_, canonical);
    last_recorded_at_ = ev.getRecordedAt();
    for (auto [it, end] = anchors_.equal_range(seq); it != end; ++it) {
      if (it->second == chain_) continue;
      return Status::Corruption(SeqMsg(seq, "the chain hash " + ToHex(chain_) + " differs from the anchor " +
                                                ToHex(it->second) + ": the history up to this seq was rewritten"));
    }
    return Status::Ok();
  }

  bool EventMissing(uint64_t seq) const {
    Store::Raw raw = store_.raw();
    std::string v;
    return raw.db->Get(rocksdb::ReadOptions(), raw.events, keys::EventKey(seq), &v).IsNotFound();
  }

  Status Blame(uint64_t bad) {
    if (pending_->seq == bad) {
      return Status::Corruption(SeqMsg(bad, "its previous-hash field does not match the chain: the event was altered or inserted"));
    }
    return Status::Corruption(SeqMsg(bad, "its bytes do not match the chain hash that seq " +
                                              std::to_string(bad + 1) + " recorded: the event was altered"));
  }

  Status Finish(const Head& head) {
    if (pending_) {
      uint64_t bad = pending_->self_hash == head.hash && pending_->seq > 1 ? pending_->seq - 1 : pending_->seq;
      return Blame(bad);
    }
    if (chain_ != head.hash) {
      if (head.seq == 0) return Status::Corruption("the head record of an empty ledger is not the genesis hash");
      return Status::Corruption(SeqMsg(head.seq, "the recomputed chain hash " + ToHex(chain_) +
                                                     " differs from the head record " + ToHex(head.hash) +
                                                     ": the last event or the head record was altered"));
    }
    // The head record's recorded_at is the last event's: the next append
    // starts after it, so a forged one would shift every later timestamp.
    if (head.seq > 0 && head.recorded_at != last_recorded_at_) {
      return Status::Corruption(SeqMsg(head.seq, "the head record says recorded_at " + FormatInstant(head.recorded_at) +
                                                     ", but the event was recorded at " +
                                                     FormatInstant(last_recorded_at_) + ": the head record was altered"));
    }
    return Status::Ok();
  }

  // Adds the index entries `ev` implies.
  Status Expect(uint64_t seq, schema::Event::Reader ev, SubjectCollector& collector, IndexExpectation& expected) {
    std::string_view id(ev.getId().cStr(), ev.getId().size());
    expected.ids.Add(id, keys::IdValue(seq, static_cast<uint16_t>(ev.getBody().which())));
    Subjects subjects;
    TLEDGER_RETURN_IF_ERROR(SubjectsOf(seq, ev, collector, &subjects));
    for (const auto& [subject, mask] : subjects) {
      char m = static_cast<char>(mask);
      expected.subjects.Add(keys::SubjectKey(subject, seq), std::string_view(&m, 1));
    }
    return Status::Ok();
  }

  // A collector that resolves correction targets through the id index but
  // trusts nothing it says: the event it points at must carry that id (the
  // collector checks that it comes before the correction).
  std::unique_ptr<SubjectCollector> NewCollector() const {
    return std::make_unique<SubjectCollector>(
        [this](std::string_view target) -> Result<std::optional<uint64_t>> {
          std::optional<keys::IdEntry> e = store_.FindId(target);
          return e ? std::optional<uint64_t>(e->seq) : std::nullopt;
        },
        [this](uint64_t seq, std::string_view target) -> Result<std::string> {
          Result<std::string> bytes = store_.Get(seq);
          if (!bytes.ok()) return bytes.status();
          EventDecoder d;
          Result<schema::Event::Reader> te = d.Decode(*bytes);
          if (!te.ok() || std::string_view(te->getId().cStr(), te->getId().size()) != target) {
            return Status::Corruption("id index: " + Quoted(target) + " points at seq " + std::to_string(seq) +
                                      ", which is not that event");
          }
          return bytes;
        });
  }

  // The subjects of an event (core/subjects.h), every failure Corruption.
  Status SubjectsOf(uint64_t seq, schema::Event::Reader ev, SubjectCollector& collector, Subjects* out) {
    Result<SubjectCollector::Chain> chain = collector.Collect(seq, ev, out);
    if (chain.ok()) return Status::Ok();
    const Status& s = chain.status();
    if (s.code() != Status::Code::kCorruption) return Status::Corruption(SeqMsg(seq, s.message()));
    return s;
  }

  // The digest of one index (ids, else subjects) as stored, up to the head.
  Result<MultisetDigest> DigestIndex(const Head& head, bool ids) const {
    Store::Raw raw = store_.raw();
    MultisetDigest digest(key_);
    rocksdb::ReadOptions ro;
    ro.readahead_size = 4 << 20;
    ro.fill_cache = false;
    std::unique_ptr<rocksdb::Iterator> it(raw.db->NewIterator(ro, ids ? raw.ids : raw.subjects));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      uint64_t seq = 0;
      if (ids) {
        std::optional<keys::IdEntry> e = keys::ParseIdValue(View(it->value()));
        if (!e) return Status::Corruption("id index: the entry for " + Quoted(View(it->key())) + " is malformed");
        seq = e->seq;
      } else {
        std::optional<keys::SubjectEntry> e = keys::ParseSubjectKey(View(it->key()));
        if (!e) return Status::Corruption("subject index: a key is malformed");
        seq = e->seq;
      }
      if (seq > head.seq) continue;  // an import under way
      digest.Add(View(it->key()), View(it->value()));
    }
    if (!it->status().ok()) {
      return Status::IoError(std::string("reading the ") + (ids ? "id" : "subject") + " index: " + it->status().ToString());
    }
    return digest;
  }

  // The digests differ: find the first entry that is wrong or missing.
  Status Diagnose(const Head& head) {
    Store::Raw raw = store_.raw();
    EventDecoder decoder;
    std::unique_ptr<SubjectCollector> collector = NewCollector();
    std::unique_ptr<rocksdb::Iterator> it(raw.db->NewIterator(rocksdb::ReadOptions(), raw.ids));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::optional<keys::IdEntry> e = keys::ParseIdValue(View(it->value()));
      if (!e || e->seq > head.seq) continue;
      Result<std::string> bytes = store_.Get(e->seq);
      Result<schema::Event::Reader> ev = bytes.ok() ? decoder.Decode(*bytes) : Result<schema::Event::Reader>(bytes.status());
      if (!ev.ok() || std::string_view(ev->getId().cStr(), ev->getId().size()) != View(it->key()) ||
          static_cast<uint16_t>(ev->getBody().which()) != e->which) {
        return Status::Corruption(SeqMsg(e->seq, "the id index says " + Quoted(View(it->key())) +
                                                     " is here, but the event here is another"));
      }
    }
    it.reset(raw.db->NewIterator(rocksdb::ReadOptions(), raw.subjects));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::optional<keys::SubjectEntry> e = keys::ParseSubjectKey(View(it->key()));
      if (!e || e->seq > head.seq) continue;
      Result<std::string> bytes = store_.Get(e->seq);
      Result<schema::Event::Reader> ev = bytes.ok() ? decoder.Decode(*bytes) : Result<schema::Event::Reader>(bytes.status());
      Subjects subjects;
      bool named = false;
      if (ev.ok() && SubjectsOf(e->seq, *ev, *collector, &subjects).ok()) {
        for (const auto& [subject, mask] : subjects) {
          named = named || (subject == e->id && it->value().size() == 1 && static_cast<uint8_t>(it->value()[0]) == mask);
        }
      }
      if (!named) {
        return Status::Corruption(SeqMsg(e->seq, "the subject index files this event under " + Quoted(e->id) +
                                                     ", but the event does not name it so"));
      }
    }
    // Every entry present is right, so some are missing: find the first.
    Status missing = Status::Corruption("an index differs from the events in a way no single entry explains");
    Status s = store_.ScanEvents(1, head.seq, [&](uint64_t seq, schema::Event::Reader ev) -> Status {
      std::string_view id(ev.getId().cStr(), ev.getId().size());
      std::optional<keys::IdEntry> e = store_.FindId(id);
      if (!e || e->seq != seq) {
        missing = Status::Corruption(SeqMsg(seq, "the id index has no entry for its id " + Quoted(id)));
        return missing;
      }
      Subjects subjects;
      TLEDGER_RETURN_IF_ERROR(SubjectsOf(seq, ev, *collector, &subjects));
      for (const auto& [subject, mask] : subjects) {
        std::string v;
        if (!raw.db->Get(rocksdb::ReadOptions(), raw.subjects, keys::SubjectKey(subject, seq), &v).ok()) {
          missing = Status::Corruption(SeqMsg(seq, "the subject index has no entry for " + Quoted(subject)));
          return missing;
        }
      }
      return Status::Ok();
    });
    return s.ok() ? missing : s;
  }

  // Decodes each event fully (canonical form) and adds the index entries it
  // implies, on its own thread, fed batches of copies by the scan.
  class ExpectationWorker {
   public:
    explicit ExpectationWorker(Verifier& v) : v_(v), expected_(v.key_), collector_(v.NewCollector()) {
      thread_ = std::thread([this] { Work(); });
    }
    ~ExpectationWorker() {
      if (thread_.joinable()) Finish();
    }
    void Push(uint64_t seq, std::string_view bytes) {
      batch_.seqs.push_back(seq);
      batch_.bytes.append(bytes);
      batch_.ends.push_back(batch_.bytes.size());
      if (batch_.seqs.size() == kBatch) Send();
    }
    // Waits for the worker; the first failure's seq and status (OK: none).
    std::pair<uint64_t, Status> Finish() {
      Send();
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_ = true;
      }
      cv_.notify_all();
      thread_.join();
      return {fail_seq_, fail_};
    }
    const IndexExpectation& expected() const { return expected_; }
    uint64_t target_reads() const { return collector_->reads(); }

   private:
    static constexpr size_t kBatch = 4096, kQueued = 4;
    struct Batch {
      std::vector<uint64_t> seqs;
      std::string bytes;
      std::vector<size_t> ends;
    };
    void Send() {
      if (batch_.seqs.empty()) return;
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return queue_.size() < kQueued; });
      queue_.push_back(std::move(batch_));
      batch_ = Batch{};
      cv_.notify_all();
    }
    void Work() {
      EventDecoder decoder;
      for (;;) {
        Batch b;
        {
          std::unique_lock<std::mutex> lock(mu_);
          cv_.wait(lock, [this] { return !queue_.empty() || done_; });
          if (queue_.empty()) return;
          b = std::move(queue_.front());
          queue_.pop_front();
        }
        cv_.notify_all();
        if (!fail_.ok()) continue;  // drain
        for (size_t i = 0; i < b.seqs.size() && fail_.ok(); ++i) {
          std::string_view bytes = std::string_view(b.bytes).substr(i == 0 ? 0 : b.ends[i - 1],
                                                                    b.ends[i] - (i == 0 ? 0 : b.ends[i - 1]));
          Result<schema::Event::Reader> ev = decoder.Decode(bytes);
          Status s = ev.ok() ? Status::Ok() : Status::Corruption(SeqMsg(b.seqs[i], ev.status().message()));
          if (s.ok() && v_.options_.check_indexes) {
            try {
              s = v_.Expect(b.seqs[i], *ev, *collector_, expected_);
            } catch (const kj::Exception& e) {
              s = Status::Corruption(SeqMsg(b.seqs[i], std::string("cannot be read: ") + Describe(e)));
            }
          }
          if (!s.ok()) {
            fail_ = s;
            fail_seq_ = b.seqs[i];
          }
        }
      }
    }

    Verifier& v_;
    IndexExpectation expected_;
    std::unique_ptr<SubjectCollector> collector_;  // the worker's: it meets every correction in seq order
    Batch batch_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Batch> queue_;
    bool done_ = false;
    Status fail_;
    uint64_t fail_seq_ = UINT64_MAX;
    std::thread thread_;
  };

  struct Pending {
    uint64_t seq;
    Hash self_hash;  // SHA-256(its own previous-hash field || its bytes)
  };

  const Store& store_;
  const VerifyOptions& options_;
  // Every anchor given, two for one seq included: each must match (the
  // report counts them all as matched).
  std::multimap<uint64_t, Hash> anchors_;
  unsigned char key_[crypto_shorthash_siphashx24_KEYBYTES];
  ChainHasher hasher_;
  Hash chain_ = kGenesisHash;
  Timestamp last_recorded_at_ = 0;  // of the last event the chain pass read
  std::optional<Pending> pending_;
};

}  // namespace

Result<Anchor> ParseAnchor(std::string_view text) {
  const std::string expected = " (expected SEQ:HASH, e.g. 1200:" + std::string(64, '0') + ", as `tledger checkpoint` prints)";
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return Status::InvalidInput("not an anchor: " + Quoted(text) + expected);
  uint64_t seq = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9' || seq > (UINT64_MAX - 9) / 10) {
      return Status::InvalidInput("not an anchor: " + Quoted(text) + expected);
    }
    seq = seq * 10 + static_cast<uint64_t>(c - '0');
  }
  std::optional<Hash> hash = HashFromHex(text.substr(colon + 1));
  if (!hash || seq == 0) return Status::InvalidInput("not an anchor: " + Quoted(text) + expected);
  return Anchor{seq, *hash};
}

std::string FormatAnchor(const Anchor& a) { return std::to_string(a.seq) + ":" + ToHex(a.hash); }

Result<std::vector<Anchor>> ReadAnchorFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::InvalidInput(path + ": cannot be read");
  std::vector<Anchor> anchors;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    Result<Anchor> a = ParseAnchor(std::string_view(line).substr(start));
    if (!a.ok()) return Status::InvalidInput(path + ":" + std::to_string(n) + ": " + a.status().message());
    anchors.push_back(*a);
  }
  // A read error (a directory, an I/O failure) must not pass for a file
  // with no anchors: verify would then check nothing while saying it did.
  if (in.bad()) return Status::InvalidInput(path + ": cannot be read");
  return anchors;
}

Result<VerifyReport> Verify(const Store& store, const VerifyOptions& options) {
  return Verifier(store, options).Run();
}

}  // namespace tledger
