// Store::Scan and Store::ScanEvents: the ordered event scan every read
// goes through (core/store.h), with its second thread for long scans.
#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include <kj/exception.h>
#include <rocksdb/db.h>

#include "core/codec.h"
#include "core/hash_chain.h"
#include "core/json_codec.h"
#include "core/rocks.h"
#include "core/store.h"

namespace tledger {
namespace {

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

}  // namespace

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

// The hash chain recomputed over a scan from seq 1.
class ChainCheck {
 public:
  // Event `seq` with its stored `bytes`: its previous-hash field must be
  // the chain so far.
  Status Next(uint64_t seq, std::string_view bytes, schema::Event::Reader ev) {
    try {
      auto prev = ev.getPrevHash();
      if (prev.size() != chain_.size() || std::memcmp(prev.begin(), chain_.data(), chain_.size()) != 0) {
        return Status::Corruption(
            "event seq " + std::to_string(seq) +
            " does not chain: its previous-hash field is not the hash of the events before it, so an event before it "
            "was altered, or it was; `tledger verify` names which. Nothing was built from it");
      }
    } catch (const kj::Exception& e) {
      return ReadFailure(seq, e);
    }
    chain_ = hasher_.Next(chain_, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    return Status::Ok();
  }
  // After the last event: the chain must be the head record's.
  Status End(const Head& head) const {
    if (chain_ == head.hash) return Status::Ok();
    return Status::Corruption("the events do not hash to the head record (seq " + std::to_string(head.seq) +
                              "): the last event or the head record was altered; `tledger verify` names which. "
                              "Nothing was built from them");
  }

 private:
  ChainHasher hasher_;
  Hash chain_ = kGenesisHash;
};

namespace {

// An event of a scan, decoded. A chained scan (ScanChain) skips the walk
// that checks canonical form: the chain proves more, that the bytes are those
// import wrote (in canonical form, Encode's output). An event altered in
// place reaches `fn` at most once, through Cap'n Proto's bounds-checked
// readers (a malformed pointer throws, and the scan stops with Corruption),
// before the next event's previous-hash field or the head record names it;
// the caller keeps nothing built from a scan that failed. `verify` checks
// the canonical form of every event. The walk is a sixth of a replay's
// reader thread, which the chain's SHA-256 took back (BENCHMARKS.md).
Result<schema::Event::Reader> Decode(EventDecoder& decoder, std::string_view bytes, const ChainCheck* chain) {
  return chain != nullptr ? decoder.DecodeUnchecked(bytes) : decoder.Decode(bytes);
}

}  // namespace

Status Store::ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const {
  return ScanDecoded(from, to, fn, nullptr);
}

Status Store::ScanChain(const EventFn& fn) const {
  ChainCheck chain;
  TLEDGER_RETURN_IF_ERROR(ScanDecoded(1, head_.seq, fn, &chain));
  return chain.End(head_);
}

Status Store::CheckSuffix(uint64_t from) const {
  if (from == 0) from = 1;
  if (from > head_.seq) return Status::Ok();
  Hash chain{};
  bool started = false;
  ChainHasher hasher;
  EventDecoder decoder;
  TLEDGER_RETURN_IF_ERROR(Scan(from, head_.seq, [&](uint64_t seq, std::string_view bytes) -> Status {
    if (!started) {
      Result<schema::Event::Reader> ev = decoder.Decode(bytes);
      if (!ev.ok()) return DecodeFailure(seq, ev.status());
      try {
        auto prev = ev->getPrevHash();
        if (prev.size() != chain.size()) return Status::Corruption("event seq " + std::to_string(seq) + " has no previous-hash field");
        std::memcpy(chain.data(), prev.begin(), chain.size());
      } catch (const kj::Exception& e) {
        return ReadFailure(seq, e);
      }
      started = true;
    }
    chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    return Status::Ok();
  }));
  if (chain == head_.hash) return Status::Ok();
  return Status::Corruption("the events from seq " + std::to_string(from) + " to the head (seq " +
                            std::to_string(head_.seq) +
                            ") do not hash to the head record: one of them was altered in place; `tledger verify` "
                            "names which. Nothing was shown");
}

Status Store::ScanDecoded(uint64_t from, uint64_t to, const EventFn& fn, ChainCheck* chain) const {
  uint64_t first = std::max<uint64_t>(from, 1), last = std::min(to, head_.seq);
  if (first > last || last - first < kPipelineFrom) {
    EventDecoder decoder;
    return Scan(from, to, [&](uint64_t seq, std::string_view bytes) -> Status {
      Result<schema::Event::Reader> ev = Decode(decoder, bytes, chain);
      if (!ev.ok()) return DecodeFailure(seq, ev.status());
      if (chain) TLEDGER_RETURN_IF_ERROR(chain->Next(seq, bytes, *ev));
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
      Result<schema::Event::Reader> ev = Decode(check, bytes, chain);
      if (!ev.ok()) return DecodeFailure(seq, ev.status());
      if (chain) TLEDGER_RETURN_IF_ERROR(chain->Next(seq, bytes, *ev));
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

}  // namespace tledger
