// Attacks on what a writer trusts when it opens a ledger (SECURITY.md,
// "Attack classes"): a forged or replayed import marker over a rolled-back
// head, a removed or malformed HEAD, a dropped column family. Written as the
// attacker would carry them out, through RocksDB directly (RawLedger); each
// failed on the tledger before issue 10 (a writer deleted committed events,
// or a reader called the ledger intact or empty).
#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <rocksdb/db.h>

#include "core/appender.h"
#include "core/date.h"
#include "core/keys.h"
#include "core/store.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

// `n` person_transferred lines, ids PREFIX-1..PREFIX-n.
std::string Transfers(const std::string& prefix, int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) {
    out += R"({"type":"person_transferred","id":")" + prefix + "-" + std::to_string(i) +
           R"(","effective":"2025-07-01","person":"P)" + std::to_string(i) + R"(","unit":"U"})" + "\n";
  }
  return out;
}

// The ledger of finding 5: 3,000 events, then an import of 690 more.
class Tail : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(tmp_ / "a.jsonl", Transfers("a", 3000));
    WriteFile(tmp_ / "b.jsonl", Transfers("b", 690));
    db_ = MakeLedger(tmp_ / "db", {tmp_ / "a.jsonl"});
    MakeLedger(db_, {tmp_ / "b.jsonl"});
    for (const std::string& line : ExportLines(db_)) exported_.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(exported_.size(), 3690u);
    anchor_ = Checkpoint(db_);
  }

  Hash ChainHash(uint64_t seq) const { return *HashFromHex(exported_.at(seq - 1)["hash"].get<std::string>()); }
  Timestamp RecordedAt(uint64_t seq) const {
    return *ParseInstant(exported_.at(seq - 1)["recorded_at"].get<std::string>());
  }
  size_t Events() {
    RawLedger raw(db_);
    return ColumnKeys(raw.raw().db, raw.raw().events).size();
  }

  TempDir tmp_;
  std::string db_;
  std::vector<nlohmann::json> exported_;
  std::string anchor_;
};

std::string MissingHead(const std::string& db, uint64_t seq) {
  return "the ledger at " + db + " holds events (its head record says seq " + std::to_string(seq) + ") but has no " +
         db + "/HEAD, which its writer always keeps: it was deleted. Nothing was changed; write the head you last "
         "wrote down (`tledger checkpoint` printed it) into " + db +
         "/HEAD as SEQ:HASH and a newline, then run `tledger verify --expect-head SEQ:HASH`\n";
}

std::string TailRefused(const std::string& db, uint64_t head, uint64_t first, uint64_t last, const std::string& why) {
  return "the ledger at " + db + " holds events past its head record (seq " + std::to_string(head) + "), seqs " +
         std::to_string(first) + " to " + std::to_string(last) +
         ", and nothing proves them the leftovers of an import interrupted on this machine: " + why +
         ". Nothing was changed: an event that may have been committed is never deleted. If an import run by another "
         "user or on another machine was interrupted, run it again there, which removes them; otherwise the head "
         "record was rolled back: restore the ledger directory from a backup and check it with `tledger verify "
         "--expect-head` and a written-down checkpoint (SECURITY.md, \"Events past the head\")\n";
}

// Finding 5, as found: the head record set back to 3000, `meta/import` set
// to 3001, HEAD removed. verify said intact for 3,000 events, and the next
// import discarded 690 committed events as an interrupted import's.
TEST_F(Tail, AForgedMarkerOverARolledBackHeadWithHeadRemovedDeletesNothing) {
  {
    RawLedger raw(db_);
    raw.PutHead(3000, ChainHash(3000), RecordedAt(3000), /*cover_tracks=*/false);
    raw.PutMeta(keys::kImportKey, keys::EventKey(3001));
  }
  ASSERT_TRUE(fs::remove(db_ + "/HEAD"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"verify"}, {"verify", "--expect-head", anchor_}, {"report", "--as-of", "2025-12-31"},
        {"import", DataPath("sample.jsonl")}}) {
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 3) << args[0] << r.out;
    EXPECT_EQ(r.err, kErrorPrefix + MissingHead(db_, 3000)) << args[0];
  }
  EXPECT_EQ(Events(), 3690u);
  EXPECT_FALSE(fs::exists(db_ + "/HEAD"));

  // What the message says to do: the written-down head goes back into HEAD,
  // and now the roll-back itself shows.
  WriteFile(db_ + "/HEAD", anchor_ + "\n");
  RunResult r = Tledger(db_, {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the ledger at " + db_ +
                       " has its head record at seq 3000 but its last writer published seq 3690 (in " + db_ +
                       "/HEAD): the head record was rolled back. Nothing was changed\n");
  EXPECT_EQ(Events(), 3690u);
}

// The same roll-back by a careful attacker: HEAD rewritten to match, and a
// marker of the new layout crafted with the key id that any cache file
// shows and a SHA-256 where the MAC goes.
TEST_F(Tail, ACraftedMarkerOverARolledBackHeadDeletesNothing) {
  std::string marker(120, '\0');
  std::memcpy(marker.data(), "TLIM\0\0\0\2", 8);
  keys::PutBigEndian64(3001, marker.data() + 8);
  keys::PutBigEndian64(3000, marker.data() + 16);
  std::memcpy(marker.data() + 24, ChainHash(3000).data(), 32);
  keys::PutBigEndian64(static_cast<uint64_t>(RecordedAt(3001)), marker.data() + 56);
  ASSERT_EQ(Tledger(db_, {"report", "--as-of", "2025-12-31"}).exit_code, 0);
  for (const auto& e : fs::directory_iterator(db_ + "/report-cache")) {
    std::memcpy(marker.data() + 80, ReadFile(e.path().string()).data() + 48, 8);  // the key id of the header
  }
  Hash guess = ChainHasher().Digest(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(marker.data()), 88));
  std::memcpy(marker.data() + 88, guess.data(), 32);
  {
    RawLedger raw(db_);
    raw.PutHead(3000, ChainHash(3000), RecordedAt(3000), /*cover_tracks=*/true);
    raw.PutMeta(keys::kImportKey, marker);
  }
  const std::string why = TailRefused(db_, 3000, 3001, 3690, "the import marker fails its authentication: it was forged or altered");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"import", DataPath("sample.jsonl")}, {"verify"}}) {
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 3) << args[0] << r.out;
    EXPECT_EQ(r.err, kErrorPrefix + why) << args[0];
  }
  EXPECT_EQ(Events(), 3690u);
  // The anchor shows the roll-back too.
  RunResult r = Tledger(db_, {"verify", "--expect-head", anchor_});
  EXPECT_EQ(r.exit_code, 3);
}

// A marker copied while a real import ran (it is in the ledger's files for
// anyone to read), put back with the head rolled back after that import
// committed: authentic bytes, but no import of this machine is under way.
TEST(ReplayedMarker, AMarkerCopiedDuringAnImportAndPutBackLaterDeletesNothing) {
  TempDir tmp;
  const std::string db = tmp / "db";
  const uint64_t kEvents = kChunkEvents + 1;
  Head before;
  std::string marker;
  {
    std::unique_ptr<Store> store = OpenStore(db, OpenMode::kWrite);
    {
      std::unique_ptr<Appender> app = ValueOrDie(store->BeginAppend(), "begin");
      ParsedEvent first(R"({"type":"person_transferred","id":"t0","effective":"2025-07-01","person":"P","unit":"U"})");
      ASSERT_TRUE(app->Add(first.builder()).ok());
      ASSERT_TRUE(app->Commit().ok());
    }
    before = store->head();
    std::unique_ptr<Appender> app = ValueOrDie(store->BeginAppend(), "begin");
    for (uint64_t i = 1; i <= kEvents; ++i) {
      ParsedEvent e(R"({"type":"person_transferred","id":"t)" + std::to_string(i) +
                    R"(","effective":"2025-07-01","person":"P)" + std::to_string(i) + R"(","unit":"U"})");
      ASSERT_TRUE(app->Add(e.builder()).ok());
    }
    for (int i = 0; i < 2000 && !store->raw().db->Get(rocksdb::ReadOptions(), store->raw().meta, keys::kImportKey, &marker).ok(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_FALSE(marker.empty());
    ASSERT_TRUE(app->Commit().ok());
  }
  {
    RawLedger raw(db);
    raw.PutHead(before.seq, before.hash, before.recorded_at, /*cover_tracks=*/true);
    raw.PutMeta(keys::kImportKey, marker);
  }
  Result<std::unique_ptr<Store>> reopened = Store::Open(db, OpenMode::kWrite);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), Status::Code::kCorruption);
  EXPECT_NE(reopened.status().message().find("no import with this marker is under way on this machine"),
            std::string::npos)
      << reopened.status().message();
  RawLedger raw(db);
  EXPECT_EQ(ColumnKeys(raw.raw().db, raw.raw().events).size(), 1 + kEvents);
}

// An import that marks itself (10,000 events or more) needs the local key;
// one inside the ledger directory, where the attacker could read it, is
// refused, and nothing is imported.
TEST(KeyInTheLedger, AnImportThatMarksItselfIsRefusedAndNothingIsImported) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const std::string head = Checkpoint(db);
  WriteFile(tmp / "big.jsonl", Transfers("big", 10'000));
  RunResult r = Tledger(db, {"import", tmp / "big.jsonl"}, {.env = {"TLEDGER_KEY_DIR=" + db + "/keys"}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) +
                       "an import of 10000 events or more marks itself with the local key, and there is none: the key "
                       "directory " + db + "/keys is inside the ledger directory " + db +
                       ", where whoever can write the ledger could read it; set TLEDGER_KEY_DIR to a directory "
                       "outside it\n");
  EXPECT_EQ(Checkpoint(db), head);
  EXPECT_FALSE(fs::exists(db + "/keys"));
}

// ------------------------------------------------------------ HEAD

// A ledger with events and no HEAD: a finding for every reader and the
// writer, not a pass.
TEST_F(Tail, AMissingHeadFileIsAnIntegrityFailure) {
  ASSERT_TRUE(fs::remove(db_ + "/HEAD"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"verify"}, {"checkpoint"}, {"report", "--as-of", "2025-12-31"},
        {"import", DataPath("sample.jsonl")}}) {
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, kErrorPrefix + MissingHead(db_, 3690)) << args[0];
  }
  EXPECT_FALSE(fs::exists(db_ + "/HEAD"));
}

// Finding 12: a HEAD that does not parse is malformed (exit 3, naming the
// file), not a roll-back and not a pass.
TEST_F(Tail, AMalformedHeadFileIsReportedAsMalformed) {
  const std::string tail = "; its writer leaves SEQ:HASH and a newline there. Nothing was changed; write the head you "
                           "last wrote down (`tledger checkpoint` printed it) into it\n";
  struct Case {
    std::string content;
    std::string why;
  };
  const std::vector<Case> cases = {
      {"garbage\n", "it holds \"garbage\\x0a\""},
      {"3690\n", "it holds \"3690\\x0a\""},
      {"99999999999999999999999:" + std::string(64, '0') + "\n", "it holds \"99999999999999999999999:" +
                                                                      std::string(36, '0') + "...\""},
      {anchor_, "it holds \"" + anchor_.substr(0, 60) + "...\""},  // no newline
      {"3690:" + std::string(64, 'G') + "\n", "it holds \"3690:" + std::string(55, 'G') + "...\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.content);
    WriteFile(db_ + "/HEAD", c.content);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"verify"}, {"import", DataPath("sample.jsonl")}}) {
      RunResult r = Tledger(db_, args);
      EXPECT_EQ(r.exit_code, 3) << args[0];
      EXPECT_EQ(r.err, kErrorPrefix + db_ + "/HEAD is malformed: " + c.why + tail) << args[0];
    }
  }
  // The same seq with another hash: one of the two was altered.
  WriteFile(db_ + "/HEAD", "3690:" + ToHex(ChainHash(3689)) + "\n");
  RunResult r = Tledger(db_, {"verify"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the ledger at " + db_ + " has its head record at seq 3690 with the chain hash " +
                       ToHex(ChainHash(3690)) + ", but its last writer published " + ToHex(ChainHash(3689)) +
                       " for that seq (in " + db_ + "/HEAD): one of them was altered. Nothing was changed; `tledger "
                       "verify --expect-head` with a written-down checkpoint shows which\n");
  EXPECT_EQ(Events(), 3690u);
}

// ------------------------------------------------------------ column families

// Finding 11: with an index column family dropped, verify said "no ledger
// ... empty store" (exit 2) and the next import made it again, empty.
TEST(DroppedFamily, ALedgerMissingAColumnFamilyIsAnIntegrityFailureAndNothingIsMadeAgain) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  RawLedger(db).DropFamily(keys::kSubjects);
  const std::string why = "the ledger at " + db +
                          " has lost its column family subjects (its format record says it was made whole): it was "
                          "dropped. Nothing was changed or made again; restore the ledger directory from a backup "
                          "and check it with `tledger verify --expect-head` and a written-down checkpoint\n";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"verify"}, {"report", "--as-of", "2025-12-31"}, {"history", "HG-000001"},
        {"import", DataPath("persons.csv"), "--type", "person_registered"}}) {
    RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, kErrorPrefix + why) << args[0];
  }
  std::vector<std::string> families;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), db, &families).ok());
  EXPECT_EQ(families, (std::vector<std::string>{"default", "events", "ids", "meta"}));
}

}  // namespace
}  // namespace tledger::testing
