// What lies past the committed head, and what the head is checked against
// (core/FORMAT.md, "Appending", step 5; SECURITY.md, "Events past the
// head"): a writer removes events past the head only when they are
// provably the tail of an import interrupted on this machine, and never
// otherwise; a reader refuses a tail that nothing claims.
#include <cstring>

#include <kj/exception.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/import_marker.h"
#include "core/json_codec.h"
#include "core/local_key.h"
#include "core/rocks.h"
#include "core/schema_info.h"
#include "core/store.h"
#include "core/subjects.h"

namespace tledger {
namespace {

std::string_view View(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

}  // namespace

Status Store::CheckPublishedHead(const std::optional<PublishedHead>& published, uint64_t seq, const Hash& hash) const {
  const std::string path = dir_ + "/" + kHeadFile;
  if (!published) {
    // Its writer publishes it on opening, before any import: a ledger with
    // events and no HEAD had it deleted.
    Result<std::optional<uint64_t>> event = FirstPast(0);
    if (!event.ok()) return event.status();
    if (seq == 0 && !*event) return Status::Ok();
    return Status::Corruption("the ledger at " + dir_ + " holds events (its head record says seq " + std::to_string(seq) +
                              ") but has no " + path +
                              ", which its writer always keeps: it was deleted. Nothing was changed; write the head "
                              "you last wrote down (`tledger checkpoint` printed it) into " + path +
                              " as SEQ:HASH and a newline, then run `tledger verify --expect-head SEQ:HASH`");
  }
  if (published->seq > seq) {
    return Status::Corruption("the ledger at " + dir_ + " has its head record at seq " + std::to_string(seq) +
                              " but its last writer published seq " + std::to_string(published->seq) + " (in " + path +
                              "): the head record was rolled back. Nothing was changed");
  }
  if (published->seq == seq && published->hash != hash) {
    return Status::Corruption("the ledger at " + dir_ + " has its head record at seq " + std::to_string(seq) +
                              " with the chain hash " + ToHex(hash) + ", but its last writer published " +
                              ToHex(published->hash) + " for that seq (in " + path +
                              "): one of them was altered. Nothing was changed; `tledger verify --expect-head` with "
                              "a written-down checkpoint shows which");
  }
  return Status::Ok();
}

Result<std::optional<uint64_t>> Store::FirstPast(uint64_t head_seq) const {
  auto& r = *rocks_;
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(rocksdb::ReadOptions(), r.events()));
  it->Seek(keys::EventKey(head_seq + 1));
  TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "looking past the head"));
  if (!it->Valid()) return std::optional<uint64_t>();
  return std::optional<uint64_t>(keys::SeqOfEventKey(View(it->key())).value_or(head_seq + 1));
}

Status Store::TailError(uint64_t head_seq, uint64_t first, const std::string& why) const {
  auto& r = *rocks_;
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(rocksdb::ReadOptions(), r.events()));
  it->SeekToLast();
  uint64_t last = it->Valid() ? keys::SeqOfEventKey(View(it->key())).value_or(first) : first;
  std::string seqs = first == last ? "seq " + std::to_string(first) : "seqs " + std::to_string(first) + " to " +
                                                                          std::to_string(last);
  return Status::Corruption(
      "the ledger at " + dir_ + " holds events past its head record (seq " + std::to_string(head_seq) + "), " + seqs +
      ", and nothing proves them the leftovers of an import interrupted on this machine: " + why +
      ". Nothing was changed: an event that may have been committed is never deleted. If an import run by another "
      "user or on another machine was interrupted, run it again there, which removes them; otherwise the head record "
      "was rolled back: restore the ledger directory from a backup and check it with `tledger verify --expect-head` "
      "and a written-down checkpoint (SECURITY.md, \"Events past the head\")");
}

Result<std::optional<Status>> Store::UnclaimedTail(uint64_t head_seq, const Hash& head_hash) const {
  auto& r = *rocks_;
  Result<std::optional<uint64_t>> first = FirstPast(head_seq);
  if (!first.ok()) return first.status();
  if (!*first) return std::optional<Status>();
  std::string marker;
  rocksdb::Status s = r.db->Get(rocksdb::ReadOptions(), r.meta(), keys::kImportKey, &marker);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "reading the import marker");
  std::string why = "no import marker claims them";
  if (s.ok() && IsOldImportMarker(marker)) {
    // An older tledger's import under way: a reader deletes nothing, and
    // reads up to the head.
    if (keys::GetBigEndian64(marker.data()) == head_seq + 1) return std::optional<Status>();
    why = "the import marker (of an older tledger) claims seq " + std::to_string(keys::GetBigEndian64(marker.data()));
  } else if (s.ok()) {
    Result<ImportMarker> m = ParseImportMarker(marker);
    if (!m.ok()) {
      why = m.status().message();
    } else if (m->first_seq != head_seq + 1 || m->head_seq != head_seq || m->head_hash != head_hash) {
      why = "the import marker began from the head at seq " + std::to_string(m->head_seq) +
            ", not from the head record's";
    } else {
      // Made under this machine's key, it must be authentic; under another,
      // a reader cannot tell, and removes nothing anyway.
      Result<std::shared_ptr<const LocalKey>> key = Key();
      if (!key.ok() || (*key)->id() != m->key_id || ImportMarkerMacHolds(marker, **key)) {
        return std::optional<Status>();
      }
      why = "the import marker fails its authentication: it was forged or altered";
    }
  }
  return std::optional<Status>(TailError(head_seq, **first, why));
}

Status Store::DiscardUncommittedTail(bool after_crash) {
  auto& r = *rocks_;
  Result<std::optional<uint64_t>> first = FirstPast(head_.seq);
  if (!first.ok()) return first.status();
  std::string marker;
  rocksdb::Status ms = r.db->Get(rocksdb::ReadOptions(), r.meta(), keys::kImportKey, &marker);
  if (!ms.ok() && !ms.IsNotFound()) return FromRocks(ms, "reading the import marker");
  const bool marked = ms.ok();
  rocksdb::WriteOptions synced;
  synced.sync = true;
  if (!*first) {
    // Nothing past the head: an import that failed before it wrote
    // anything. Its marker and its record go.
    if (!marked) return Status::Ok();
    TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Delete(synced, r.meta(), keys::kImportKey), "removing the import marker"));
    Result<std::shared_ptr<const LocalKey>> key = Key();
    if (key.ok()) ForgetImportsOf(**key, canonical_dir_);
    return Status::Ok();
  }

  // Only what an import interrupted on this machine provably left is ever
  // discarded: events past a head record that was rolled back or deleted
  // were committed once, and the writer refuses the ledger rather than
  // lose them.
  Result<std::shared_ptr<const LocalKey>> key = Key();
  std::string why;
  std::optional<ImportMarker> proven;
  if (!marked) {
    why = "no import marker claims them";
  } else if (!key.ok()) {
    why = "its import marker cannot be checked without the local key (" + key.status().message() + ")";
  } else {
    Result<ImportMarker> m = AuthenticImportMarker(marker, **key, canonical_dir_);
    if (!m.ok()) {
      why = m.status().message();
    } else if (m->first_seq != head_.seq + 1 || m->head_seq != head_.seq || m->head_hash != head_.hash) {
      why = "the import marker began from the head at seq " + std::to_string(m->head_seq) +
            ", not from the head record's";
    } else if (m->recorded_at <= head_.recorded_at) {
      why = "the import marker's recorded_at is not later than the head's";
    } else {
      proven = *m;
    }
  }
  // And the tail is one import's: contiguous from the head, chained from
  // its hash, all recorded at the marker's instant.
  rocksdb::ReadOptions ro;
  std::string lower = keys::EventKey(head_.seq + 1);
  rocksdb::Slice lower_slice(lower);
  ro.iterate_lower_bound = &lower_slice;
  EventDecoder decoder;
  if (proven) {
    ChainHasher hasher;
    Hash chain = head_.hash;
    uint64_t expected = head_.seq + 1;
    std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(ro, r.events()));
    for (it->Seek(lower); it->Valid() && why.empty(); it->Next(), ++expected) {
      std::string at = "event seq " + std::to_string(expected);
      std::optional<uint64_t> seq = keys::SeqOfEventKey(View(it->key()));
      Result<schema::Event::Reader> ev = decoder.Decode(View(it->value()));
      try {
        if (!seq || *seq != expected) {
          why = at + " is missing from it";
        } else if (!ev.ok()) {
          why = at + " does not decode (" + ev.status().message() + ")";
        } else if (ev->getSeq() != expected) {
          why = at + " holds the seq " + std::to_string(ev->getSeq());
        } else if (ev->getPrevHash().size() != 32 || std::memcmp(ev->getPrevHash().begin(), chain.data(), 32) != 0) {
          why = at + " does not chain from the event before it";
        } else if (ev->getRecordedAt() != proven->recorded_at) {
          why = at + " was not recorded at the instant of the import the marker names";
        } else {
          chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(
                                         reinterpret_cast<const kj::byte*>(it->value().data()), it->value().size()));
        }
      } catch (const kj::Exception& e) {
        why = at + " cannot be read (" + Describe(e) + ")";
      }
    }
    TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "reading the tail past the head"));
  }
  if (!proven || !why.empty()) return TailError(head_.seq, **first, why);

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
  std::unique_ptr<rocksdb::Iterator> it(r.db->NewIterator(ro, r.events()));
  rocksdb::WriteBatch batch;
  uint64_t discarded = 0;
  bool unindexed = false;
  for (it->Seek(lower); it->Valid(); it->Next()) {
    batch.Delete(r.events(), it->key());
    ++discarded;
    uint64_t seq = *keys::SeqOfEventKey(View(it->key()));
    Result<schema::Event::Reader> ev = decoder.Decode(View(it->value()));
    Subjects subjects;
    bool collected = false;
    if (ev.ok()) {
      try {
        collected = collector.Collect(seq, *ev, &subjects).ok();
      } catch (const kj::Exception&) {
      }
    }
    if (!collected) {
      unindexed = true;  // its index entries are found by the full sweep below
      continue;
    }
    std::string id(ev->getId().cStr(), ev->getId().size()), id_value;
    if (r.db->Get(rocksdb::ReadOptions(), r.ids(), id, &id_value).ok()) {
      std::optional<keys::IdEntry> e = keys::ParseIdValue(id_value);
      if (e && e->seq == seq) batch.Delete(r.ids(), id);
    }
    for (const auto& [subject, mask] : subjects) batch.Delete(r.subjects(), keys::SubjectKey(subject, seq));
  }
  TLEDGER_RETURN_IF_ERROR(FromRocks(it->status(), "scanning the uncommitted tail"));
  if (unindexed) {
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
  batch.Delete(r.meta(), keys::kImportKey);
  TLEDGER_RETURN_IF_ERROR(FromRocks(r.db->Write(synced, &batch), "discarding the uncommitted tail"));
  // Nothing of this ledger is under way any more (its writer holds the lock).
  ForgetImportsOf(**key, canonical_dir_);
  if (after_crash) {
    spdlog::warn("discarded {} uncommitted event(s) after seq {} left by an interrupted import", discarded, head_.seq);
  } else {
    spdlog::info("discarded the {} event(s) this import had written before it was refused", discarded);
  }
  return Status::Ok();
}

}  // namespace tledger
