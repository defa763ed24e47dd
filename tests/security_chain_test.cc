// Issue 10, the attacks a review after the first fixes found (SECURITY.md,
// "What is checked, and where"): events altered in place while a report
// builds its cache, and a head record whose time or hash was forged. Each
// test carries out the attack through RocksDB directly (tests/test_util.h's
// RawLedger), as someone who can write the ledger directory would.
#include <cstring>
#include <sys/stat.h>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/date.h"
#include "core/hash_chain.h"
#include "core/store.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;
using testing::Checkpoint;
using testing::DataPath;
using testing::kErrorPrefix;
using testing::MakeLedger;
using testing::RawLedger;
using testing::RunResult;
using testing::TempDir;
using testing::Tledger;

const std::vector<std::string> kReport = {"report", "--as-of", "2028-12-31", "--format", "json"};

// The 8 little-endian bytes of `v`, as Cap'n Proto lays out an Int64.
std::string Le64(int64_t v) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xff);
  return out;
}

// Rewrites the first event holding the amount 95,000,000 to say 10,000,000
// (the funding decision of the sample ledger), and returns its seq.
uint64_t AlterTheFunding(RawLedger& raw, std::string* original) {
  for (uint64_t seq = 1; seq <= raw.head().seq; ++seq) {
    std::string bytes = raw.EventBytes(seq);
    const size_t at = bytes.find(Le64(95'000'000));
    if (at == std::string::npos) continue;
    *original = bytes;
    bytes.replace(at, 8, Le64(10'000'000));
    raw.PutEvent(seq, bytes);
    return seq;
  }
  ADD_FAILURE() << "no event of the sample holds 95,000,000";
  return 0;
}

size_t CacheFiles(const std::string& db) {
  size_t n = 0;
  if (!fs::exists(db + "/report-cache")) return 0;
  for (const auto& e : fs::directory_iterator(db + "/report-cache")) n += e.path().extension() == ".bin";
  return n;
}

// The attack: with report-cache/ emptied, an event is altered in place (its
// hash chain left as it was), the key holder runs a report, which cached a
// timeline of the altered events under the head's real name; the event is
// put back. `verify --expect-head` then passed, and every report printed
// 10,000,000 instead of 95,000,000, and no compensation. Now a replay
// recomputes the chain: the report fails naming the event after the altered
// one, nothing is cached, and once the event is back the report is true.
TEST(PoisonedCache, NoCacheIsBuiltFromAnEventAlteredInPlace) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const std::string anchor = Checkpoint(db);
  const RunResult honest = Tledger(db, kReport);
  ASSERT_EQ(honest.exit_code, 0) << honest.err;
  fs::remove_all(db + "/report-cache");

  std::string original;
  uint64_t seq = 0;
  {
    RawLedger raw(db);
    seq = AlterTheFunding(raw, &original);
  }
  ASSERT_EQ(seq, 12u);
  const std::string why = std::string(kErrorPrefix) + "event seq 13 does not chain: its previous-hash field is not the " +
                          "hash of the events before it, so an event before it was altered, or it was; `tledger " +
                          "verify` names which. Nothing was built from it\n";
  for (const std::vector<std::string>& args :
       {kReport, {"report", "--as-of", "2028-12-31"}, {"--read-only", "report", "--as-of", "2028-12-31"},
        {"report", "--as-of", "2028-12-31", "--known-at", "2099-01-01"},
        {"report", "--as-of", "2028-12-31", "--plan", "HG-2025"}, {"violations", "--as-of", "2028-12-31"},
        {"diff", "--from", "2025-01-01", "--to", "2028-12-31"}}) {
    const RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0] << " " << args[1] << "\n" << r.out;
    EXPECT_EQ(r.err, why) << args[0] << " " << args[1];
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(CacheFiles(db), 0u);

  {
    RawLedger raw(db);
    raw.PutEvent(seq, original);
  }
  const RunResult verify = Tledger(db, {"verify", "--expect-head", anchor});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  const RunResult r = Tledger(db, kReport);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, honest.out);
}

// The last event altered: nothing after it to disagree but the head record.
TEST(PoisonedCache, TheLastEventAlteredIsCaughtByTheHeadRecord) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const std::string forged_line =
      R"({"type":"funding_decided","id":"zz-last","effective":"2025-03-20","source":"QĐ 9/QĐ-UBND","decision":"QĐ 9/QĐ-UBND","plan":"HG-2025","enrollment":"HG-E-0001","amount_vnd":95000000,"funding":"state_budget"})";
  testing::WriteFile(tmp / "last.jsonl", forged_line + "\n");
  const RunResult imported = Tledger(db, {"import", tmp / "last.jsonl"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  {
    RawLedger raw(db);
    std::string original;
    ASSERT_EQ(AlterTheFunding(raw, &original), 12u);  // the sample's, put back
    raw.PutEvent(12, original);
    const uint64_t last = raw.head().seq;
    std::string bytes = raw.EventBytes(last);
    const size_t at = bytes.find(Le64(95'000'000));
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, 8, Le64(10'000'000));
    raw.PutEvent(last, bytes);
  }
  const RunResult r = Tledger(db, kReport);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the head record of the ledger at " + db +
                       " (seq 25) is not that of event seq 25 (its hash or its time differs): the head record or the "
                       "last event was altered. Nothing was read or changed; `tledger verify --expect-head` with a "
                       "written-down checkpoint shows what the ledger held\n");
  EXPECT_EQ(r.out, "");
}

// The attack: the head record's recorded_at set far ahead (and HEAD left as
// it is, since it holds no time). Reports said "as known at 2032", and the
// next import stamped its events in the year 3967 while `verify
// --expect-head` passed. Now every reader and the writer refuse the ledger,
// and nothing is written.
TEST(ForgedHeadRecord, AForgedTimeOrHashOrSeqIsRefusedByReadersAndTheWriter) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  testing::WriteFile(tmp / "one.jsonl",
                     R"({"type":"person_transferred","id":"t-1","effective":"2026-01-05","person":"P1","unit":"U1"})"
                     "\n");
  const std::string message = std::string(kErrorPrefix) + "the head record of the ledger at " + db +
                              " (seq 24) is not that of event seq 24 (its hash or its time differs): the head record "
                              "or the last event was altered. Nothing was read or changed; `tledger verify "
                              "--expect-head` with a written-down checkpoint shows what the ledger held\n";
  Head real;
  {
    RawLedger raw(db);
    real = raw.head();
    ASSERT_EQ(real.seq, 24u);
    raw.PutHead(real.seq, real.hash, real.recorded_at + 200'000'000'000'000LL, /*cover_tracks=*/false);
  }
  for (const std::vector<std::string>& args :
       {kReport, {"log"}, {"history", "HG-000123"}, {"import", tmp / "one.jsonl"}}) {
    const RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, message) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
  }
  Hash other = real.hash;
  other[0] ^= 1;
  {
    RawLedger raw(db);
    EXPECT_EQ(raw.head().seq, 24u);  // the import wrote nothing
    raw.PutHead(real.seq, other, real.recorded_at);
  }
  RunResult r = Tledger(db, {"import", tmp / "one.jsonl"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, message);
  {
    RawLedger raw(db);
    EXPECT_EQ(raw.head().seq, 24u);
    raw.PutHead(real.seq, real.hash, real.recorded_at);
  }
  r = Tledger(db, {"import", tmp / "one.jsonl"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = Tledger(db, {"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The attack: CURRENT, the file RocksDB reads first, replaced by a FIFO
// (every reader then blocked forever) or by a link to /dev/zero (a reader
// read without end, then failed with std::bad_alloc). Now every command
// names the entry and exits 3 before RocksDB opens anything.
TEST(SpecialFiles, AFifoOrADeviceInTheLedgerDirectoryIsRefusedBeforeAnyRead) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  testing::WriteFile(tmp / "one.jsonl",
                     R"({"type":"person_transferred","id":"t-1","effective":"2026-01-05","person":"P1","unit":"U1"})"
                     "\n");
  const std::string current = db + "/CURRENT";
  std::string saved = testing::ReadFile(current);
  fs::remove(current);
  ASSERT_EQ(::mkfifo(current.c_str(), 0644), 0);
  const std::string fifo = std::string(kErrorPrefix) + current +
                           " is not a file: it is a FIFO, a socket or a device, on which reading the ledger would "
                           "block or never end. Nothing was read or changed; a ledger holds only files and "
                           "directories: remove it, and find out who put it there\n";
  for (const std::vector<std::string>& args : {kReport, {"verify"}, {"log"}, {"import", tmp / "one.jsonl"}}) {
    const RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, fifo) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
  }
  fs::remove(current);
  fs::create_symlink("/dev/zero", current);
  const std::string link = std::string(kErrorPrefix) + "the ledger directory " + db +
                           " holds a symbolic link, CURRENT, through which a writer could write outside it. Nothing "
                           "was changed; a ledger holds no links: remove it, and find out who put it there\n";
  for (const std::vector<std::string>& args : {kReport, {"verify"}, {"import", tmp / "one.jsonl"}}) {
    const RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, link) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
  }
  fs::remove(current);
  testing::WriteFile(current, saved);
  const RunResult r = Tledger(db, {"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// The attack: an event altered in place, read by history and log through
// their indexes, which printed the altered amount while report refused the
// ledger. Now what they show must hash to the head record; a log of events
// after the altered one is still shown.
TEST(AlteredEvent, HistoryAndLogShowNothingThatDoesNotHashToTheHead) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult tail_before = Tledger(db, {"log", "--tail", "5"});
  ASSERT_EQ(tail_before.exit_code, 0) << tail_before.err;
  std::string original;
  {
    RawLedger raw(db);
    ASSERT_EQ(AlterTheFunding(raw, &original), 12u);
  }
  using Args = std::vector<std::string>;
  for (const auto& [args, from] : std::vector<std::pair<Args, int>>{
           {Args{"history", "HG-000123"}, 5},
           {Args{"history", "HG-E-0001", "--format", "json"}, 5},
           {Args{"log"}, 5},  // the last 20
           {Args{"log", "--tail", "13", "--format", "json"}, 12}}) {
    const RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args.back();
    EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the events from seq " + std::to_string(from) +
                         " to the head (seq 24) do not hash to the head record: one of them was altered in place; "
                         "`tledger verify` names which. Nothing was shown\n")
        << args.back();
    EXPECT_EQ(r.out, "") << args.back();
  }
  const RunResult tail = Tledger(db, {"log", "--tail", "5"});
  EXPECT_EQ(tail.exit_code, 0) << tail.err;
  EXPECT_EQ(tail.out, tail_before.out);
}

}  // namespace
}  // namespace tledger
