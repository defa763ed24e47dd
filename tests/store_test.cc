// core/store: the RocksDB ledger, its appends, its lock and its format.
#include "core/appender.h"
#include "core/hash_chain.h"
#include "core/store.h"

#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/table_properties.h>

#include "core/codec.h"
#include "core/import_marker.h"
#include "core/keys.h"
#include "core/local_key.h"
#include "core/verify.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::ColumnKeys;
using testing::ErrorOf;
using testing::OpenStore;
using testing::ParsedEvent;
using testing::RawLedger;
using testing::TempDir;

// Adds one interchange line; the outcome, or the refusal's status.
Result<Appender::Outcome> Add(Appender& app, std::string_view line) {
  ParsedEvent e(line);
  if (!e.status().ok()) return e.status();
  return app.Add(e.builder());
}

std::unique_ptr<Appender> Begin(Store& store) { return testing::ValueOrDie(store.BeginAppend(), "BeginAppend"); }

std::string Transfer(std::string_view id, std::string_view person, std::string_view unit) {
  return R"({"type":"person_transferred","id":")" + std::string(id) + R"(","effective":"2025-07-01","person":")" +
         std::string(person) + R"(","unit":")" + std::string(unit) + R"("})";
}

// Appends `lines` in one committed append.
void AppendAll(Store& store, const std::vector<std::string>& lines) {
  std::unique_ptr<Appender> app = Begin(store);
  for (const std::string& line : lines) {
    Result<Appender::Outcome> o = Add(*app, line);
    ASSERT_TRUE(o.ok()) << line << ": " << o.status().ToString();
  }
  Status s = app->Commit();
  ASSERT_TRUE(s.ok()) << s.ToString();
}

std::string Hex(std::string_view bytes) {
  return ToHex(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
}

// -------------------------------------------------------------- opening

TEST(Store, ReadingAMissingLedgerIsUnavailable) {
  TempDir tmp;
  Result<std::unique_ptr<Store>> s = Store::Open(tmp / "none", OpenMode::kRead);
  EXPECT_EQ(ErrorOf(s), "unavailable: no ledger at " + (tmp / "none") + " (give --db DIR or set TLEDGER_DB; `tledger import` creates one)");
}

TEST(Store, AWriterCreatesAnEmptyLedgerOfFormatOne) {
  TempDir tmp;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
    EXPECT_EQ(store->head().seq, 0u);
    EXPECT_EQ(store->head().hash, kGenesisHash);
    std::string format;
    ASSERT_TRUE(store->raw().db->Get(rocksdb::ReadOptions(), store->raw().meta, keys::kFormatKey, &format).ok());
    EXPECT_EQ(Hex(format), "00000001");  // 4 bytes, big-endian
  }
  std::unique_ptr<Store> reader = OpenStore(tmp / "db", OpenMode::kRead);
  EXPECT_EQ(reader->head().seq, 0u);
}

TEST(Store, RefusesANewerFormat) {
  TempDir tmp;
  RawLedger(tmp / "db").PutMeta(keys::kFormatKey, std::string("\0\0\0\2", 4));
  for (OpenMode mode : {OpenMode::kRead, OpenMode::kWrite}) {
    Result<std::unique_ptr<Store>> s = Store::Open(tmp / "db", mode);
    EXPECT_EQ(ErrorOf(s), "unavailable: the ledger at " + (tmp / "db") + " has format 2, newer than this tledger reads (1): use a newer tledger");
  }
}

TEST(Store, AMalformedFormatRecordIsCorruption) {
  TempDir tmp;
  RawLedger(tmp / "db").PutMeta(keys::kFormatKey, "\1");
  Result<std::unique_ptr<Store>> s = Store::Open(tmp / "db", OpenMode::kRead);
  EXPECT_EQ(ErrorOf(s), "integrity failure: the format record of " + (tmp / "db") + " is malformed");
}

// A writer killed while it created the ledger leaves a RocksDB store with
// some of the column families (found by the crash harness, tests/crash_test.cc).
// Nothing was committed: readers say there is no ledger yet, the next
// writer completes it.
TEST(Store, AStoreWhoseCreationWasInterruptedIsNoLedgerUntilTheNextWriter) {
  TempDir tmp;
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, tmp / "db", &db).ok());
    rocksdb::ColumnFamilyHandle* events = nullptr;
    ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), keys::kEvents, &events).ok());
    ASSERT_TRUE(db->DestroyColumnFamilyHandle(events).ok());
    delete db;
  }
  Result<std::unique_ptr<Store>> reader = Store::Open(tmp / "db", OpenMode::kRead);
  EXPECT_EQ(ErrorOf(reader), "unavailable: no ledger at " + (tmp / "db") + " (the directory holds an empty store)");
  EXPECT_EQ(OpenStore(tmp / "db", OpenMode::kWrite)->head().seq, 0u);
  EXPECT_EQ(OpenStore(tmp / "db", OpenMode::kRead)->head().seq, 0u);
}

TEST(Store, OneWriterAtATimeWhileReadersOpenFreely) {
  TempDir tmp;
  std::unique_ptr<Store> writer = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*writer, {Transfer("t1", "P", "U")});
  Result<std::unique_ptr<Store>> second = Store::Open(tmp / "db", OpenMode::kWrite);
  EXPECT_EQ(ErrorOf(second), "unavailable: the ledger at " + (tmp / "db") + " is locked by another writer (lock file " +
                                           (tmp / "db") + "/tledger.lock held by process " + std::to_string(getpid()) +
                                           "); wait for that import to finish and try again");
  std::unique_ptr<Store> reader = OpenStore(tmp / "db", OpenMode::kRead);
  EXPECT_EQ(reader->head().seq, 1u);
  writer.reset();  // releases the lock
  EXPECT_TRUE(Store::Open(tmp / "db", OpenMode::kWrite).ok());
}

TEST(Store, OneAppendAtATimeAndNoneOnAReader) {
  TempDir tmp;
  std::unique_ptr<Store> writer = OpenStore(tmp / "db", OpenMode::kWrite);
  std::unique_ptr<Appender> app = Begin(*writer);
  Result<std::unique_ptr<Appender>> again = writer->BeginAppend();
  EXPECT_EQ(ErrorOf(again), "unavailable: an append is already under way");
  app.reset();
  EXPECT_TRUE(writer->BeginAppend().ok());
  AppendAll(*writer, {Transfer("t1", "P", "U")});
  writer.reset();
  Result<std::unique_ptr<Appender>> ro = OpenStore(tmp / "db", OpenMode::kRead)->BeginAppend();
  EXPECT_EQ(ErrorOf(ro), "unavailable: the ledger is open read-only");
}

// -------------------------------------------------------------- appending

TEST(Appender, ChainsIndexesAndMovesTheHeadOnCommit) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  std::unique_ptr<Appender> app = Begin(*store);
  for (const std::string& line : {Transfer("t1", "P1", "U1"), Transfer("t2", "P1", "U2"), Transfer("t3", "P2", "U2")}) {
    Result<Appender::Outcome> o = Add(*app, line);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    EXPECT_EQ(*o, Appender::Outcome::kAppended);
  }
  EXPECT_EQ(store->head().seq, 0u);  // nothing committed yet
  ASSERT_TRUE(app->Commit().ok());
  EXPECT_EQ(app->appended(), 3u);
  EXPECT_EQ(app->repeats(), 0u);

  Head head = store->head();
  EXPECT_EQ(head.seq, 3u);
  EXPECT_EQ(head.recorded_at, app->recorded_at());
  // Each event carries its seq, the append's instant and H_{seq-1}; the head
  // is the chain over the stored bytes.
  ChainHasher hasher;
  Hash chain = kGenesisHash;
  Status s = store->ScanEvents(1, 3, [&](uint64_t seq, schema::Event::Reader ev) -> Status {
    EXPECT_EQ(ev.getSeq(), seq);
    EXPECT_EQ(ev.getRecordedAt(), app->recorded_at());
    EXPECT_EQ(Hex(std::string_view(reinterpret_cast<const char*>(ev.getPrevHash().begin()), ev.getPrevHash().size())),
              ToHex(chain));
    std::string bytes = *store->Get(seq);
    chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(ToHex(head.hash), ToHex(chain));

  // The head record: seq, hash, recorded_at (big-endian 8 + 32 + 8 bytes).
  std::string value;
  ASSERT_TRUE(store->raw().db->Get(rocksdb::ReadOptions(), store->raw().meta, keys::kHeadKey, &value).ok());
  std::string micros(8, '\0');
  keys::PutBigEndian64(static_cast<uint64_t>(head.recorded_at), micros.data());
  EXPECT_EQ(Hex(value), "0000000000000003" + ToHex(head.hash) + Hex(micros));
  // Event keys are the 8-byte big-endian seq.
  EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events),
            (std::vector<std::string>{keys::EventKey(1), keys::EventKey(2), keys::EventKey(3)}));
  EXPECT_EQ(Hex(keys::EventKey(258)), "0000000000000102");

  std::optional<keys::IdEntry> t2 = store->FindId("t2");
  ASSERT_TRUE(t2.has_value());
  EXPECT_EQ(t2->seq, 2u);
  EXPECT_EQ(t2->which, static_cast<uint16_t>(schema::Body::PERSON_TRANSFERRED));
  EXPECT_FALSE(store->FindId("t4").has_value());
  EXPECT_EQ(store->SubjectSeqs("P1"), (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(store->SubjectSeqs("U2"), (std::vector<uint64_t>{2, 3}));
  EXPECT_EQ(store->SubjectSeqs("P"), (std::vector<uint64_t>{}));  // a prefix of P1 is not P1
}

TEST(Store, GetAndScanStopAtTheHead) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t1", "P", "U"), Transfer("t2", "P", "U")});
  for (uint64_t seq : {0, 3}) {
    Result<std::string> r = store->Get(seq);
    EXPECT_EQ(ErrorOf(r), "not found: no event at seq " + std::to_string(seq) + " (the ledger ends at 2)");
  }
  std::vector<uint64_t> seen;
  ASSERT_TRUE(store->Scan(0, 99, [&](uint64_t seq, std::string_view) {
    seen.push_back(seq);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(seen, (std::vector<uint64_t>{1, 2}));
}

// A long ScanEvents reads on a second thread (core/store.cc): the same
// events in the same order as the plain scan, stopping where `fn` stops it,
// and a bad event named by its seq after exactly the events before it.
TEST(Store, ALongScanOfEventsIsTheSameScanOnTwoThreads) {
  TempDir tmp;
  constexpr uint64_t kEvents = 60'000;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
    std::unique_ptr<Appender> app = Begin(*store);
    for (uint64_t i = 1; i <= kEvents; ++i) {
      ASSERT_TRUE(Add(*app, Transfer("t" + std::to_string(i), "P" + std::to_string(i % 97), "U")).ok());
    }
    ASSERT_TRUE(app->Commit().ok());
  }
  std::vector<std::string> plain;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kRead);
    EventDecoder d;
    ASSERT_TRUE(store->Scan(1, kEvents, [&](uint64_t seq, std::string_view bytes) {
      plain.push_back(std::to_string(seq) + " " + d.Decode(bytes)->getId().cStr());
      return Status::Ok();
    }).ok());
    ASSERT_EQ(plain.size(), kEvents);
    std::vector<std::string> piped;
    ASSERT_TRUE(store->ScanEvents(1, kEvents, [&](uint64_t seq, schema::Event::Reader ev) {
      piped.push_back(std::to_string(seq) + " " + ev.getId().cStr());
      return Status::Ok();
    }).ok());
    EXPECT_EQ(piped, plain);

    size_t calls = 0;
    Status s = store->ScanEvents(5, kEvents, [&](uint64_t seq, schema::Event::Reader) {
      ++calls;
      return seq == 45'000 ? Status::NotFound("enough") : Status::Ok();
    });
    EXPECT_EQ(ErrorOf(s), "not found: enough");
    EXPECT_EQ(calls, 44'996u);
  }
  {
    RawLedger raw(tmp / "db");
    raw.PutEvent(50'001, "1234567");
  }
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kRead);
  size_t calls = 0;
  Status s = store->ScanEvents(1, kEvents, [&](uint64_t, schema::Event::Reader) {
    ++calls;
    return Status::Ok();
  });
  EXPECT_EQ(ErrorOf(s), "integrity failure: event seq 50001: stored event of 7 bytes is not a whole number of 8-byte words");
  EXPECT_EQ(calls, 50'000u);
}

TEST(Store, ScanReportsAMissingSeq) {
  TempDir tmp;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
    AppendAll(*store, {Transfer("t1", "P", "U"), Transfer("t2", "P", "U"), Transfer("t3", "P", "U")});
  }
  RawLedger(tmp / "db").DeleteEvent(2);
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kRead);
  Status s = store->Scan(1, 3, [](uint64_t, std::string_view) { return Status::Ok(); });
  EXPECT_EQ(ErrorOf(s), "integrity failure: event seq 2 is missing from the store");
  EXPECT_EQ(ErrorOf(store->Get(2)), "integrity failure: event seq 2 is missing from the store");
}

TEST(Appender, RecordedAtNeverDecreasesEvenWhenTheClockGoesBack) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t1", "P", "U"), Transfer("t2", "P", "U")});
  Timestamp first = store->head().recorded_at;
  const Hash before_t3 = store->head().hash;
  AppendAll(*store, {Transfer("t3", "P", "U")});
  EXPECT_GT(store->head().recorded_at, first);
  Head head = store->head();
  store.reset();

  // The last event recorded an hour ahead of this clock (a clock set back
  // since): its recorded_at, its chain hash and the head record as a writer
  // on the faster clock would have written them.
  const Timestamp ahead = Now() + 3'600'000'000;
  {
    RawLedger raw(tmp / "db");
    std::string bytes = raw.EventBytes(head.seq);
    auto le = [](Timestamp t) {
      std::string out(8, '\0');
      for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((static_cast<uint64_t>(t) >> (8 * i)) & 0xff);
      return out;
    };
    const size_t at = bytes.find(le(head.recorded_at));
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 8, le(ahead));
    raw.PutEvent(head.seq, bytes);
    ChainHasher hasher;
    const Hash hash = hasher.Next(
        before_t3, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    raw.PutHead(head.seq, hash, ahead);
  }
  store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t4", "P", "U")});
  EXPECT_EQ(store->head().recorded_at, ahead + 1);
}

TEST(Appender, ARepeatIsANoOpAndOtherContentUnderTheSameIdIsAConflict) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t1", "P", "U")});
  Head before = store->head();

  std::unique_ptr<Appender> app = Begin(*store);
  // Who records it does not make it another fact.
  Result<Appender::Outcome> repeat =
      Add(*app, R"({"type":"person_transferred","id":"t1","effective":"2025-07-01","recorded_by":"someone else","person":"P","unit":"U"})");
  ASSERT_TRUE(repeat.ok()) << repeat.status().ToString();
  EXPECT_EQ(*repeat, Appender::Outcome::kRepeat);
  Result<Appender::Outcome> conflict = Add(*app, Transfer("t1", "P", "V"));
  EXPECT_EQ(ErrorOf(conflict), "conflict: id: \"t1\" is already recorded (seq 1) with other content; record a correction instead of a new version");
  ASSERT_TRUE(app->Commit().ok());
  EXPECT_EQ(app->appended(), 0u);
  EXPECT_EQ(app->repeats(), 1u);
  EXPECT_EQ(store->head().seq, before.seq);
  EXPECT_EQ(store->head().hash, before.hash);
}

TEST(Appender, AnIdStagedEarlierInTheSameAppendConflictsToo) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  std::unique_ptr<Appender> app = Begin(*store);
  ASSERT_TRUE(Add(*app, Transfer("t1", "P", "U")).ok());
  EXPECT_EQ(*Add(*app, Transfer("t1", "P", "U")), Appender::Outcome::kRepeat);
  Result<Appender::Outcome> conflict = Add(*app, Transfer("t1", "P", "V"));
  EXPECT_EQ(ErrorOf(conflict),
            "conflict: id: \"t1\" is already used earlier in this import with other content; record a correction instead of a new version");
}

TEST(Appender, ACorrectionNeedsAKnownTargetOfTheSameType) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t1", "P", "U")});
  std::unique_ptr<Appender> app = Begin(*store);
  Result<Appender::Outcome> unknown =
      Add(*app, R"({"type":"correction","id":"c1","effective":"2025-07-02","target":"t9","action":"retract","reason":"r"})");
  EXPECT_EQ(ErrorOf(unknown), "invalid input: target: no event with id \"t9\" in the ledger or earlier in this import");

  Result<Appender::Outcome> other_type = Add(
      *app,
      R"({"type":"correction","id":"c2","effective":"2025-07-02","target":"t1","action":"replace","replacement":{"type":"person_left_service","effective":"2025-07-01","person":"P","reason":"x"},"reason":"r"})");
  EXPECT_EQ(ErrorOf(other_type),
            "invalid input: replacement.type: is person_left_service, but the target \"t1\" has type person_transferred");

  // A target earlier in the same append is known.
  ASSERT_TRUE(Add(*app, Transfer("t2", "Q", "U")).ok());
  Result<Appender::Outcome> ok = Add(
      *app,
      R"({"type":"correction","id":"c3","effective":"2025-07-02","target":"t2","action":"replace","replacement":{"type":"person_transferred","effective":"2025-07-01","person":"Q","unit":"V"},"reason":"r"})");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_TRUE(app->Commit().ok());
  // The correction concerns what its target concerns, and what it names.
  EXPECT_EQ(store->SubjectSeqs("Q"), (std::vector<uint64_t>{2, 3}));
  EXPECT_EQ(store->SubjectSeqs("U"), (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(store->SubjectSeqs("V"), (std::vector<uint64_t>{3}));
}

TEST(Appender, NothingIsVisibleWithoutCommit) {
  TempDir tmp;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
    AppendAll(*store, {Transfer("t1", "P", "U")});
    std::unique_ptr<Appender> app = Begin(*store);
    ASSERT_TRUE(Add(*app, Transfer("t2", "P", "U")).ok());
  }
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kRead);
  EXPECT_EQ(store->head().seq, 1u);
  EXPECT_FALSE(store->FindId("t2").has_value());
  EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events).size(), 1u);
}

// An append larger than one chunk (kChunkEvents in core/appender.h) writes
// the first chunk before it ends; abandoning it must remove that chunk's
// events and index entries at once, not leave them to the next writer, and
// the marker that claimed them with them.
TEST(Appender, AnAbandonedAppendRemovesTheChunksItWrote) {
  constexpr int kEvents = static_cast<int>(kChunkEvents) + 1;
  TempDir tmp;
  {
    std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
    AppendAll(*store, {Transfer("t0", "P", "U")});
    std::unique_ptr<Appender> app = Begin(*store);
    for (int i = 1; i <= kEvents; ++i) {
      Result<Appender::Outcome> o = Add(*app, Transfer("t" + std::to_string(i), "P" + std::to_string(i), "U"));
      ASSERT_TRUE(o.ok()) << o.status().ToString();
    }
    EXPECT_EQ(app->head().seq, 1u + kEvents);
  }
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kRead);
  Store::Raw raw = store->raw();
  EXPECT_EQ(store->head().seq, 1u);
  EXPECT_EQ(ColumnKeys(raw.db, raw.events), (std::vector<std::string>{keys::EventKey(1)}));
  EXPECT_EQ(ColumnKeys(raw.db, raw.ids), (std::vector<std::string>{"t0"}));
  EXPECT_EQ(ColumnKeys(raw.db, raw.subjects), (std::vector<std::string>{keys::SubjectKey("P", 1), keys::SubjectKey("U", 1)}));
  EXPECT_EQ(ColumnKeys(raw.db, raw.meta), (std::vector<std::string>{keys::kFormatKey, keys::kHeadKey}));
  Result<VerifyReport> v = Verify(*store, VerifyOptions{});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->events, 1u);
}

// A chunk of 10,000 events or more is ingested as three SST files: the
// events LZ4-compressed (they go to the last level and stay there), the
// index runs uncompressed (compaction rewrites them soon). RocksDB's own
// record of each table says which compression it has.
TEST(Appender, AnIngestedChunkHasItsEventsInLz4AndItsIndexRunsUncompressed) {
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  std::vector<std::string> lines;
  for (int i = 1; i <= 10'000; ++i) lines.push_back(Transfer("t" + std::to_string(i), "P" + std::to_string(i), "U"));
  AppendAll(*store, lines);
  auto compressions = [&](rocksdb::ColumnFamilyHandle* family) {
    rocksdb::TablePropertiesCollection tables;
    EXPECT_TRUE(store->raw().db->GetPropertiesOfAllTables(family, &tables).ok());
    std::vector<std::string> names;
    for (const auto& [file, props] : tables) names.push_back(props->compression_name);
    return names;
  };
  EXPECT_EQ(compressions(store->raw().events), (std::vector<std::string>{"LZ4"}));
  EXPECT_EQ(compressions(store->raw().ids), (std::vector<std::string>{"NoCompression"}));
  EXPECT_EQ(compressions(store->raw().subjects), (std::vector<std::string>{"NoCompression"}));
}

// The import marker (core/FORMAT.md, "Appending"): written before the
// first chunk lands past the head, removed by the commit in the same batch
// as the new head, and its record beside the local key after it.
TEST(Appender, AnAppendOfSeveralChunksMarksItselfUntilItCommits) {
  const uint64_t kEvents = kChunkEvents + 1;
  TempDir tmp;
  std::unique_ptr<Store> store = OpenStore(tmp / "db", OpenMode::kWrite);
  AppendAll(*store, {Transfer("t0", "P", "U")});
  std::unique_ptr<Appender> app = Begin(*store);
  for (uint64_t i = 1; i <= kEvents; ++i) {
    Result<Appender::Outcome> o = Add(*app, Transfer("t" + std::to_string(i), "P" + std::to_string(i), "U"));
    ASSERT_TRUE(o.ok()) << o.status().ToString();
  }
  // The first chunk was handed to the writer thread with the marker first.
  std::string marker;
  for (int i = 0; i < 2000 && !store->raw().db->Get(rocksdb::ReadOptions(), store->raw().meta, keys::kImportKey, &marker).ok(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Layout 2 (core/FORMAT.md, "Appending", step 5): begun from head 1,
  // writing from seq 2, under this machine's key, and recorded there.
  ImportMarker m = testing::ValueOrDie(ParseImportMarker(marker), "the marker");
  std::shared_ptr<const LocalKey> key = testing::ValueOrDie(LocalKey::ForLedger(tmp / "db"), "the local key");
  EXPECT_EQ(m.first_seq, 2u);
  EXPECT_EQ(m.head_seq, 1u);
  EXPECT_EQ(m.head_hash, store->head().hash);
  EXPECT_EQ(m.recorded_at, app->recorded_at());
  EXPECT_EQ(m.key_id, key->id());
  EXPECT_TRUE(ImportMarkerMacHolds(marker, *key));
  EXPECT_TRUE(AuthenticImportMarker(marker, *key, std::filesystem::weakly_canonical(tmp / "db").string()).ok());
  ASSERT_TRUE(app->Commit().ok());
  EXPECT_TRUE(std::filesystem::is_empty(key->dir() + "/imports"));
  EXPECT_EQ(store->head().seq, 1 + kEvents);
  EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().meta), (std::vector<std::string>{keys::kFormatKey, keys::kHeadKey}));
}

// What a crash leaves: events past the head, and the import's marker,
// authenticated with the local key and recorded beside it as under way
// (core/import_marker.h). A writer removes them only when the marker is
// authentic, recorded, and begun from this head, and the tail chains from
// the head as one import's; otherwise it refuses the ledger, changing
// nothing (the attacks themselves: security_tail_test).
TEST(Store, AWriterDiscardsOnlyATailThatAnImportOnThisMachineLeft) {
  TempDir tmp;
  const std::string db = tmp / "db", ledger = std::filesystem::weakly_canonical(db).string();
  {
    std::unique_ptr<Store> store = OpenStore(db, OpenMode::kWrite);
    for (const char* id : {"t1", "t2", "t3"}) AppendAll(*store, {Transfer(id, "P", id)});  // three imports
  }
  std::vector<std::string> bytes;
  std::vector<Head> heads(4);
  {
    RawLedger raw(db);
    for (uint64_t seq = 1; seq <= 3; ++seq) {
      bytes.push_back(raw.EventBytes(seq));
      EventDecoder decoder;
      schema::Event::Reader ev = testing::ValueOrDie(decoder.Decode(bytes.back()), "decode");
      std::memcpy(heads[seq - 1].hash.data(), ev.getPrevHash().begin(), 32);
      heads[seq].seq = seq;
      heads[seq].recorded_at = ev.getRecordedAt();
    }
    heads[3].hash = raw.head().hash;
  }
  std::shared_ptr<const LocalKey> key = testing::ValueOrDie(LocalKey::ForLedger(db), "the local key");
  // Rolls the head back to `head` with a marker of an import begun there at
  // `recorded_at`; `recorded`: as under way on this machine.
  auto crash = [&](uint64_t head, Timestamp recorded_at, bool recorded) {
    Head h{head, heads[head].hash, heads[head].recorded_at};
    std::string marker = EncodeImportMarker(NewImportMarker(h, recorded_at, *key), *key);
    if (recorded) {
      EXPECT_TRUE(RecordImportUnderWay(*key, ledger, marker).ok());
    }
    RawLedger raw(db);
    raw.PutHead(head, h.hash, h.recorded_at, /*cover_tracks=*/true);
    raw.PutMeta(keys::kImportKey, marker);
    return marker;
  };
  auto refused = [&](const std::string& first_to_last, const std::string& why) {
    return "integrity failure: the ledger at " + db + " holds events past its head record (seq 1), " + first_to_last +
           ", and nothing proves them the leftovers of an import interrupted on this machine: " + why +
           ". Nothing was changed: an event that may have been committed is never deleted. If an import run by "
           "another user or on another machine was interrupted, run it again there, which removes them; otherwise "
           "the head record was rolled back: restore the ledger directory from a backup and check it with `tledger "
           "verify --expect-head` and a written-down checkpoint (SECURITY.md, \"Events past the head\")";
  };
  // Two imports past the head under one marker: the second was committed.
  crash(1, heads[2].recorded_at, true);
  EXPECT_EQ(ErrorOf(Store::Open(db, OpenMode::kWrite)),
            refused("seqs 2 to 3", "event seq 3 was not recorded at the instant of the import the marker names"));
  // Authentic, but not under way here.
  std::string marker = crash(1, heads[2].recorded_at, false);
  const std::string record = key->dir() + "/imports/" + ToHex(kj::arrayPtr(reinterpret_cast<const kj::byte*>(marker.data()) + 64, 16));
  EXPECT_EQ(ErrorOf(Store::Open(db, OpenMode::kWrite)),
            refused("seqs 2 to 3", "no import with this marker is under way on this machine (" + record +
                                       " does not exist): its import committed, and the marker was put back"));
  // No marker at all.
  RawLedger(db).DeleteMeta(keys::kImportKey);
  EXPECT_EQ(ErrorOf(Store::Open(db, OpenMode::kWrite)), refused("seqs 2 to 3", "no import marker claims them"));
  {
    RawLedger raw(db);
    EXPECT_EQ(ColumnKeys(raw.raw().db, raw.raw().events).size(), 3u);
  }

  // Seq 3 alone, the one import past head 2, marked and recorded on this
  // machine: discarded, index entries, marker and record with it.
  {
    Head h{2, heads[2].hash, heads[2].recorded_at};
    std::string m = EncodeImportMarker(NewImportMarker(h, heads[3].recorded_at, *key), *key);
    ASSERT_TRUE(RecordImportUnderWay(*key, ledger, m).ok());
    RawLedger raw(db);
    raw.PutHead(2, h.hash, h.recorded_at, /*cover_tracks=*/true);
    raw.PutMeta(keys::kImportKey, m);
  }
  {
    std::unique_ptr<Store> store = OpenStore(db, OpenMode::kWrite);
    EXPECT_EQ(store->head().seq, 2u);
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events), (std::vector<std::string>{keys::EventKey(1), keys::EventKey(2)}));
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().ids), (std::vector<std::string>{"t1", "t2"}));
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().meta), (std::vector<std::string>{keys::kFormatKey, keys::kHeadKey}));
  }
  EXPECT_TRUE(std::filesystem::is_empty(key->dir() + "/imports"));
}

}  // namespace
}  // namespace tledger
