// Chains of corrections of corrections, as an attacker writes them
// (SECURITY.md, "Chained corrections"): 1,001 corrections each correcting
// the previous one imported cleanly, then `verify`, `checkpoint` and
// `history` exited 3 for ever, because the importer and verify walked the
// chain from different starting points to one depth limit; 5,000 cost 20 s
// a verify, each correction walking its whole chain. One function now
// decides an event's subjects (core/subjects.h) for the appender, verify,
// the tail discard and history; import refuses a chain past
// kMaxCorrectionChain; and a deeper chain, as an older build wrote it, is
// read with one read of each correction's target.
#include <gtest/gtest.h>

#include "core/appender.h"
#include "core/subjects.h"
#include "core/verify.h"
#include "tests/test_util.h"
#include "tools/cli/importer.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::ErrorOf;
using testing::Lines;
using testing::MakeLedger;
using testing::RunResult;
using testing::TempDir;
using testing::Tledger;
using testing::WriteFile;

// `n` retractions, c<first>.. c<first+n-1>, each of the one before; the
// first retracts `target`.
std::string Chain(int n, const std::string& target, int first = 0) {
  std::string out, previous = target;
  for (int i = first; i < first + n; ++i) {
    std::string id = "c" + std::to_string(i);
    out += R"({"type":"correction","id":")" + id + R"(","effective":"2025-08-01","target":")" + previous +
           R"(","action":"retract","reason":"r"})" + "\n";
    previous = id;
  }
  return out;
}

// The first line `history ID --lang en` prints: "History of "ID": N records".
std::string HistoryHead(const std::string& db, const std::string& id) {
  RunResult r = Tledger(db, {"history", id, "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  return lines.empty() ? "" : lines[0];
}

// verify, checkpoint and history of the ids the chain concerns all pass:
// the chain of s-u3 is filed under what s-u3 names, HG-VT-P1 (which s-u3
// and the person registered there name) and HG-VT (s-u2, s-u3 and the
// dissolution s-r2).
void ExpectEveryReaderPasses(const std::string& db, uint64_t events, int chain) {
  RunResult verify = Tledger(db, {"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out.rfind("intact: " + std::to_string(events) + " events, 0 anchors matched; head ", 0), 0u)
      << verify.out;
  RunResult checkpoint = Tledger(db, {"checkpoint"});
  EXPECT_EQ(checkpoint.exit_code, 0) << checkpoint.err;
  EXPECT_EQ(checkpoint.out.rfind(std::to_string(events) + ":", 0), 0u) << checkpoint.out;
  EXPECT_EQ(HistoryHead(db, "HG-VT-P1"), "History of \"HG-VT-P1\": " + std::to_string(2 + chain) + " records");
  EXPECT_EQ(HistoryHead(db, "HG-VT"), "History of \"HG-VT\": " + std::to_string(3 + chain) + " records");
}

class CorrectionChain : public ::testing::Test {
 protected:
  std::string Db() { return MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")}); }
  TempDir tmp_;
};

// The attack of the issue: 1,001 links in one file. Refused at its 17th
// line, naming the file, the line, the field and the original event;
// nothing of the file is written and every reader passes on the ledger.
TEST_F(CorrectionChain, A1001LinkChainIsRefusedAtTheSeventeenthAndEveryReaderPasses) {
  const std::string db = Db();
  const std::string file = tmp_ / "chain.jsonl";
  WriteFile(file, Chain(1001, "s-u3"));
  RunResult r = Tledger(db, {"import", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string(testing::kErrorPrefix) + file +
                       ":17: target: \"c15\" ends a chain of 16 corrections of corrections, down to \"s-u3\"; a "
                       "chain may hold at most 16: correct \"s-u3\" itself instead\n" +
                       file + ": refused; nothing of this file was imported\n");
  ExpectEveryReaderPasses(db, 24, 0);
}

// A chain at the cap, grown over three imports (so that its links are found
// among the committed events as well as the staged ones): every reader
// passes, and history shows every link under what the original concerns.
TEST_F(CorrectionChain, AChainAtTheCapImportsInPiecesAndEveryReaderPasses) {
  const std::string db = Db();
  WriteFile(tmp_ / "a.jsonl", Chain(5, "s-u3", 0));
  WriteFile(tmp_ / "b.jsonl", Chain(6, "c4", 5));
  WriteFile(tmp_ / "c.jsonl", Chain(5, "c10", 11));
  MakeLedger(db, {tmp_ / "a.jsonl", tmp_ / "b.jsonl", tmp_ / "c.jsonl"});
  ExpectEveryReaderPasses(db, 24 + kMaxCorrectionChain, kMaxCorrectionChain);

  // One more link, in a file of its own, is refused; so is one that
  // branches off the 16th.
  WriteFile(tmp_ / "d.jsonl", Chain(1, "c15", 16));
  RunResult r = Tledger(db, {"import", tmp_ / "d.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(":1: target: \"c15\" ends a chain of 16 corrections of corrections, down to \"s-u3\""),
            std::string::npos)
      << r.err;
  // A branch lower down is a chain of its own length, and is accepted.
  WriteFile(tmp_ / "e.jsonl", Chain(1, "c3", 100));
  MakeLedger(db, {tmp_ / "e.jsonl"});
  ExpectEveryReaderPasses(db, 25 + kMaxCorrectionChain, 1 + kMaxCorrectionChain);
}

// Replacements that name new ids down a branching chain (a correction of a
// correction replaces it with a correction whose own replacement names
// them): each link is filed under every id of the links below it, and
// only those.
TEST_F(CorrectionChain, ReplacementsDownAChainAreFiledUnderEverySubjectBelowThem) {
  const std::string db = Db();
  auto transfer = [](const std::string& person, const std::string& unit) {
    return R"({"type":"person_transferred","effective":"2025-08-01","person":")" + person + R"(","unit":")" + unit +
           R"("})";
  };
  auto link = [&](const std::string& id, const std::string& target, const std::string& person,
                  const std::string& unit) {
    std::string replacement = target == "t0" ? transfer(person, unit)
                                             : R"({"type":"correction","effective":"2025-08-01","target":"t0",)"
                                               R"("action":"replace","replacement":)" +
                                                   transfer(person, unit) + R"(,"reason":"r"})";
    return R"({"type":"correction","id":")" + id + R"(","effective":"2025-08-01","target":")" + target +
           R"(","action":"replace","replacement":)" + replacement + R"(,"reason":"r"})" + "\n";
  };
  WriteFile(tmp_ / "t.jsonl",
            std::string(R"({"type":"person_transferred","id":"t0","effective":"2025-08-01","person":"P0","unit":"HG"})") +
                "\n" + link("t1", "t0", "P1", "HG") + link("t2", "t1", "P2", "CT") + link("t3", "t2", "P3", "HG") +
                link("b2", "t1", "Q2", "HG"));
  MakeLedger(db, {tmp_ / "t.jsonl"});
  EXPECT_EQ(Tledger(db, {"verify"}).exit_code, 0);
  EXPECT_EQ(HistoryHead(db, "P0"), "History of \"P0\": 5 records");  // t0, t1, t2, t3, b2
  EXPECT_EQ(HistoryHead(db, "P1"), "History of \"P1\": 4 records");  // t1, t2, t3, b2
  EXPECT_EQ(HistoryHead(db, "P2"), "History of \"P2\": 2 records");  // t2, t3
  EXPECT_EQ(HistoryHead(db, "Q2"), "History of \"Q2\": 1 record");   // b2 only
  EXPECT_EQ(HistoryHead(db, "CT"), "History of \"CT\": 5 records");  // s-u0, s-r1, s-t1, t2, t3
}

// The appender refuses the 17th link and gives its seq to the next event;
// what it had collected for the refused one must not stick to that seq (a
// correction of the next event would be filed under the chain's subjects).
TEST_F(CorrectionChain, AnEventAfterARefusedLinkIsFiledUnderItsOwnSubjects) {
  std::unique_ptr<Store> store = testing::OpenStore(tmp_ / "db", OpenMode::kWrite);
  ASSERT_TRUE(ImportFile(*store, DataPath("sample.jsonl"), ImportOptions{testing::kActor, ""}).ok());
  std::unique_ptr<Appender> app = testing::ValueOrDie(store->BeginAppend(), "BeginAppend");
  auto add = [&](const std::string& line) {
    testing::ParsedEvent e(line);
    EXPECT_TRUE(e.status().ok()) << e.status().ToString();
    return app->Add(e.builder());
  };
  for (const std::string& line : Lines(Chain(16, "s-u3"))) ASSERT_TRUE(add(line).ok());
  Result<Appender::Outcome> refused = add(Lines(Chain(1, "c15", 16))[0]);
  EXPECT_EQ(ErrorOf(refused), "invalid input: target: \"c15\" ends a chain of 16 corrections of corrections, down to "
                              "\"s-u3\"; a chain may hold at most 16: correct \"s-u3\" itself instead");
  ASSERT_TRUE(add(R"({"type":"person_transferred","id":"x","effective":"2025-08-01","person":"P9","unit":"CT"})").ok());
  ASSERT_TRUE(add(R"({"type":"correction","id":"y","effective":"2025-08-01","target":"x","action":"retract","reason":"r"})").ok());
  ASSERT_TRUE(app->Commit().ok());
  app.reset();
  EXPECT_EQ(store->SubjectSeqs("P9"), (std::vector<uint64_t>{41, 42}));
  EXPECT_EQ(store->SubjectSeqs("HG-VT").size(), 3u + 16u);
  Result<VerifyReport> v = Verify(*store, VerifyOptions{});
  EXPECT_TRUE(v.ok()) << v.status().ToString();
}

// A ledger an older build wrote, with a chain of 5,000 (the store opened as
// such a build did, without the cap): verify reads each correction's
// target once, 5,001 reads (the sample holds one correction), where walking
// every chain read 12.5 million events; the same number as for 5,000
// corrections of one event, chains of depth 1. History and checkpoint pass.
TEST_F(CorrectionChain, AFiveThousandDeepChainVerifiesWithOneReadPerCorrection) {
  auto imported = [&](const std::string& name, const std::string& lines) {
    const std::string db = tmp_ / name;
    StoreOptions older;
    older.max_correction_chain = 1'000'000;
    Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kWrite, older);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    for (const std::string& f : {DataPath("sample.jsonl"), tmp_ / (name + ".jsonl")}) {
      if (f != DataPath("sample.jsonl")) WriteFile(f, lines);
      Result<FileImport> r = ImportFile(**store, f, ImportOptions{testing::kActor, ""});
      EXPECT_TRUE(r.ok()) << r.status().ToString();
    }
    store->reset();
    return db;
  };
  std::string flat;
  for (int i = 0; i < 5000; ++i) {
    flat += R"({"type":"correction","id":"f)" + std::to_string(i) +
            R"(","effective":"2025-08-01","target":"s-u3","action":"retract","reason":"r"})" + "\n";
  }
  for (const auto& [name, lines] : {std::pair{std::string("deep"), Chain(5000, "s-u3")},
                                    std::pair{std::string("flat"), flat}}) {
    const std::string db = imported(name, lines);
    Result<std::unique_ptr<Store>> reader = Store::Open(db, OpenMode::kRead);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    Result<VerifyReport> v = Verify(**reader, VerifyOptions{});
    ASSERT_TRUE(v.ok()) << name << ": " << v.status().ToString();
    EXPECT_EQ(v->events, 5024u) << name;
    // One read for each correction: the 5,000 and the sample's own (s-x1).
    EXPECT_EQ(v->target_reads, 5001u) << name;
    // The sample's 42 entries, and each correction under what s-u3 names,
    // HG-VT-P1 and HG-VT.
    EXPECT_EQ(v->subject_entries, 42u + 2 * 5000u) << name;
    EXPECT_EQ(HistoryHead(db, "HG-VT"), "History of \"HG-VT\": 5,003 records") << name;
    EXPECT_EQ(Tledger(db, {"checkpoint"}).exit_code, 0) << name;
  }
}

}  // namespace
}  // namespace tledger
