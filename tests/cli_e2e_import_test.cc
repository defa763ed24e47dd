// `tledger import` refusing bad input, one writer at a time, and recovering
// from an interrupted import, as a user sees it on the command line.
#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include <sys/syscall.h>

#include <gtest/gtest.h>

#include "core/keys.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

std::string Transfer(std::string_view id, std::string_view person, std::string_view unit,
                     std::string_view effective = "2025-08-01") {
  return R"({"type":"person_transferred","id":")" + std::string(id) + R"(","effective":")" + std::string(effective) +
         R"(","person":")" + std::string(person) + R"(","unit":")" + std::string(unit) + R"("})";
}

// The sample ledger (24 events), and a directory to import from.
class CliImport : public ::testing::Test {
 protected:
  void SetUp() override { db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")}); }

  // Runs tledger in the temporary directory, so that messages name files as
  // a user typed them.
  RunResult Import(const std::vector<std::string>& files) {
    std::vector<std::string> args = {"import"};
    args.insert(args.end(), files.begin(), files.end());
    return Tledger(db_, args, {.cwd = tmp_.path()});
  }

  TempDir tmp_;
  std::string db_;
};

// -------------------------------------------------------------- refusals

// One refusal kind of shared/spec/events.md a row: the bad line, and what
// follows "bad.jsonl:3: " in the error.
class CliRefusal : public CliImport, public ::testing::WithParamInterface<LineCase> {};

// A file with the bad line in the middle (line 3 of 5) leaves the ledger
// exactly as it was and names the file, the line and the field.
TEST_P(CliRefusal, LeavesTheLedgerAsItWasAndNamesFileLineAndField) {
  const std::string before = Checkpoint(db_);
  WriteFile(tmp_ / "bad.jsonl", Transfer("g1", "HG-000123", "HG") + "\n" + Transfer("g2", "HG-000123", "CT") + "\n" +
                                    GetParam().line + "\n" + Transfer("g4", "HG-000123", "HG") + "\n" +
                                    Transfer("g5", "HG-000123", "CT") + "\n");
  RunResult r = Import({"bad.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "bad.jsonl:3: " + GetParam().error +
                       "\nbad.jsonl: refused; nothing of this file was imported\n");
  EXPECT_EQ(Checkpoint(db_), before);
  RunResult v = Tledger(db_, {"verify"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "intact: 24 events, 0 anchors matched; head " + before + "\n");
}

const LineCase kBadLines[] = {
    {"BadJson", R"({"type":"person_transferred","id":"b3","effective":"2025-08-01",)",
     "json: not valid JSON (The JSON document has an improper structure: missing or superfluous commas, braces, missing "
     "keys, etc.)"},
    {"MissingField", R"({"type":"person_transferred","id":"b3","effective":"2025-08-01","person":"HG-000123"})",
     "unit: required field is missing"},
    {"WrongType",
     R"({"type":"person_registered","id":"b3","effective":"2025-08-01","person":"HG-000124","name":"Lê Thị Mai","category":"cadre","unit":"HG","position":"Phó Chủ tịch","leader":"có"})",
     "leader: expected true or false, got a string"},
    {"UnknownType", R"({"type":"person_promoted","id":"b3","effective":"2025-08-01","person":"HG-000123"})",
     "type: unknown event type \"person_promoted\" (expected one of: " TLEDGER_TEST_EVENT_TYPES ")"},
    {"UnknownEnumValue",
     R"({"type":"enrollment_recorded","id":"b3","effective":"2025-08-01","enrollment":"HG-E-0002","person":"HG-000123","course":"HG-MS-FIN-25","funding":"lottery"})",
     "funding: unknown value \"lottery\" (expected one of: state_budget, unit_fund, self_funded, scholarship)"},
    {"ImpossibleDate", R"({"type":"person_transferred","id":"b3","effective":"2025-02-30","person":"HG-000123","unit":"HG"})",
     "effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"},
    {"NegativeAmount",
     R"({"type":"funding_decided","id":"b3","effective":"2025-08-01","decision":"QĐ 600/QĐ-UBND","plan":"HG-2025","enrollment":"HG-E-0001","amount_vnd":-95000000,"funding":"state_budget"})",
     "amount_vnd: must not be negative (got -95000000)"},
    {"UnknownExtraField",
     R"({"type":"person_transferred","id":"b3","effective":"2025-08-01","person":"HG-000123","unit":"HG","unti":"CT"})",
     "unti: unknown field (expected person, unit)"},
    {"TargetWithNeitherCount",
     R"({"type":"plan_amended","id":"b3","effective":"2025-08-01","plan":"HG-2025","targets":[{"program":"knowledge_update"}]})",
     "targets[0]: a target sets trainee_turns, classes or both (it has neither)"},
    {"NegativeTargetClasses",
     R"({"type":"plan_amended","id":"b3","effective":"2025-08-01","plan":"HG-2025","targets":[{"program":"knowledge_update","trainee_turns":120,"classes":-4}]})",
     "targets[0].classes: must not be negative (got -4)"},
    {"IdConflictWithTheLedger",
     R"({"type":"person_transferred","id":"s-t1","effective":"2025-07-01","person":"HG-000123","unit":"HG"})",
     "id: \"s-t1\" is already recorded (seq 17) with other content; record a correction instead of a new version"},
    {"IdConflictWithinTheFile",
     R"({"type":"person_transferred","id":"g1","effective":"2025-08-01","person":"HG-000123","unit":"CT"})",
     "id: \"g1\" is already used earlier in this import with other content; record a correction instead of a new version"},
    {"CorrectionOfAnUnknownTarget",
     R"({"type":"correction","id":"b3","effective":"2025-08-01","target":"s-k9","action":"retract","reason":"nhầm"})",
     "target: no event with id \"s-k9\" in the ledger or earlier in this import"},
    {"ReplacementOfAnotherType",
     R"({"type":"correction","id":"b3","effective":"2025-08-01","target":"s-k1","action":"replace","replacement":{"type":"enrollment_withdrawn","effective":"2027-04-02","enrollment":"HG-E-0001","reason":"nhầm"},"reason":"nhầm"})",
     "replacement.type: is enrollment_withdrawn, but the target \"s-k1\" has type completion_recorded"},
};

INSTANTIATE_TEST_SUITE_P(EveryKind, CliRefusal, ::testing::ValuesIn(kBadLines), CaseName());

// The same with a file larger than the store's chunk whose bad line comes
// after chunks were written: they are discarded, the head does not move,
// the ledger verifies, and the same events import cleanly afterwards (no
// stale id index entry makes them conflict). The chunk is kChunkEvents
// (50,000 in core/store.cc; the store being reworked uses 100,000): the bad
// line at 105,000 follows exactly 100,000 written events with either.
TEST_F(CliImport, ARefusedFileLargerThanAChunkLeavesNothingBehind) {
  constexpr int kLines = 110'000, kBad = 105'000;
  const std::string before = Checkpoint(db_);
  std::string good, bad;
  for (int i = 1; i <= kLines; ++i) {
    std::string line = Transfer("big-" + std::to_string(i), "P" + std::to_string(i), "HG") + "\n";
    bad += i == kBad ? Transfer("big-bad", "P", "HG", "2025-02-30") + "\n" : line;
    if (i != kBad) good += line;
  }
  WriteFile(tmp_ / "big.jsonl", bad);
  WriteFile(tmp_ / "big-fixed.jsonl", good);

  RunResult r = Import({"big.jsonl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            std::string(kErrorPrefix) +
                "big.jsonl:105000: effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)\n"
                "big.jsonl: refused; nothing of this file was imported\n");
  EXPECT_EQ(Checkpoint(db_), before);
  {
    // Discarded by the refused import itself, not left for the next writer.
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kRead);
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events).size(), 24u);
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().ids).size(), 24u);
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().subjects).size(), 42u);
  }
  RunResult v = Tledger(db_, {"verify"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "intact: 24 events, 0 anchors matched; head " + before + "\n");

  RunResult fixed = Import({"big-fixed.jsonl"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_EQ(fixed.err, "");
  EXPECT_EQ(Normalized(fixed.out), "imported 1 file: 109999 appended, 0 already present, in <t> s; head seq 110023\n");
  const std::string after = Checkpoint(db_);
  EXPECT_EQ(after.substr(0, 7), "110023:");
  RunResult verified = Tledger(db_, {"verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(verified.out, "intact: 110023 events, 0 anchors matched; head " + after + "\n");
}

// -------------------------------------------------------------- one writer

// Waits until `pid` has written itself into the lock file, i.e. holds the
// writer's lock.
void AwaitLockHolder(const std::string& db, pid_t pid) {
  const std::string lock = db + "/tledger.lock", want = std::to_string(pid);
  for (int i = 0; i < 1000; ++i) {
    std::ifstream in(lock);
    std::string holder;
    if (in && std::getline(in, holder) && holder == want) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "process " << pid << " did not take the lock " << lock;
}

// Waits until `pid` is blocked reading its stdin: a writer importing "-" is
// then past opening the store and holds the lock (Linux: /proc/PID/syscall
// shows the read(0, ...) it is waiting in).
void AwaitReadingStdin(pid_t pid) {
  const std::string path = "/proc/" + std::to_string(pid) + "/syscall", want = std::to_string(SYS_read) + " 0x0 ";
  for (int i = 0; i < 1000; ++i) {
    std::ifstream in(path);
    std::string state;
    if (in && std::getline(in, state) && state.rfind(want, 0) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "process " << pid << " never waited on its stdin";
}

// The first writer imports from a pipe this test holds open, so it keeps
// the lock for exactly as long as the test wants: deterministic, not timed.
TEST_F(CliImport, ASecondWriterExitsTwoNamingTheLockWhileTheFirstCompletes) {
  Child first(TledgerArgv(db_, {"import", "-"}));
  first.Write(Transfer("w1", "HG-000123", "HG") + "\n" + Transfer("w2", "HG-000123", "CT") + "\n");
  AwaitReadingStdin(first.pid());

  WriteFile(tmp_ / "second.jsonl", Transfer("w3", "HG-000123", "HG") + "\n");
  RunResult second = Import({"second.jsonl"});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.out, "");
  EXPECT_EQ(second.err, std::string(kErrorPrefix) + "the ledger at " + db_ + " is locked by another writer (lock file " + db_ +
                            "/tledger.lock held by process " + std::to_string(first.pid()) +
                            "); wait for that import to finish and try again\n");

  // Readers never lock: they see the ledger as committed.
  RunResult verify = Tledger(db_, {"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out, "intact: 24 events, 0 anchors matched; head " + Checkpoint(db_) + "\n");
  RunResult exported = Tledger(db_, {"export"});
  EXPECT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(Lines(exported.out).size(), 24u);
  RunResult log = Tledger(db_, {"log", "--tail", "1"});
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(Normalized(log.out), Lines(ReadFile(DataPath("log_tail_5.txt"))).back() + "\n");
  RunResult history = Tledger(db_, {"history", "HG-E-0001"});
  EXPECT_EQ(history.exit_code, 0) << history.err;
  EXPECT_EQ(Normalized(history.out), ReadFile(DataPath("history_HG-E-0001.txt")));

  RunResult done = first.Wait();
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_EQ(Normalized(done.out), "imported 1 file: 2 appended, 0 already present, in <t> s; head seq 26\n");
  EXPECT_EQ(Checkpoint(db_).substr(0, 3), "26:");
  // The lock is free again.
  RunResult retry = Import({"second.jsonl"});
  EXPECT_EQ(retry.exit_code, 0) << retry.err;
  EXPECT_EQ(Normalized(retry.out), "imported 1 file: 1 appended, 0 already present, in <t> s; head seq 27\n");
}

// A reader may open at any moment, also while the next writer is opening the
// store: it must see the ledger as committed then. Whether a reader lands in
// that window is a matter of timing, so this tries it many times; while the
// race exists, some of the attempts fail (about one in six on a 2-core
// machine), so the test fails nearly always, and never once it is fixed.
TEST(CliReaders, SeeTheCommittedHeadWhileTheNextWriterOpens) {
  constexpr int kRounds = 30;
  int stale = 0;
  std::string first_failure;
  for (int round = 0; round < kRounds; ++round) {
    TempDir tmp;
    // The second import's events are in RocksDB's log only, until the next
    // writer opens the store.
    std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
    WriteFile(tmp / "one.jsonl", Transfer("r1", "HG-000123", "HG") + "\n");
    MakeLedger(db, {tmp / "one.jsonl"});
    const std::string head = Checkpoint(db);
    Child writer(TledgerArgv(db, {"import", "-"}));
    AwaitLockHolder(db, writer.pid());  // it is opening the store now
    RunResult r = Tledger(db, {"verify", "--expect-head", head});
    if (r.exit_code != 0 || r.out != "intact: 25 events, 1 anchor matched; head " + head + "\n") {
      if (stale++ == 0) first_failure = "exit " + std::to_string(r.exit_code) + ": " + r.out + r.err;
    }
    EXPECT_EQ(writer.Wait().exit_code, 0);
  }
  EXPECT_EQ(stale, 0) << "readers that did not see the committed head, of " << kRounds << "; the first: " << first_failure;
}

// -------------------------------------------------------------- interruption

// An import killed after it wrote chunks leaves uncommitted events on disk.
// Readers ignore them; the next writer discards them and says so.
TEST_F(CliImport, AKilledImportLeavesNothingVisibleAndTheNextWriterCleansUp) {
  const std::string before = Checkpoint(db_);
  Child importer(TledgerArgv(db_, {"import", "-"}));
  // The importer reads 8 MB blocks and keeps at most one block unread, so of
  // these ~19 MB it stages at least 100,000 events: a chunk or more is
  // written, whether a chunk is 50,000 events or 100,000. Then it waits.
  std::string lines;
  for (int i = 1; i <= 190'000; ++i) lines += Transfer("k-" + std::to_string(i), "P" + std::to_string(i), "HG") + "\n";
  importer.Write(lines);
  AwaitReadingStdin(importer.pid());
  // The chunk is written by the importer's writer thread, which may still be
  // at it while the reader waits on stdin: wait (up to a minute) until the
  // chunk is there. The rest (90,000 events) is less than a chunk and stays
  // staged until the input ends, so the count is then final.
  size_t uncommitted = 0;
  for (auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
       uncommitted < 100'000 && std::chrono::steady_clock::now() < deadline;) {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kRead);
    EXPECT_EQ(store->head().seq, 24u);
    uncommitted = ColumnKeys(store->raw().db, store->raw().events).size() - 24;
    if (uncommitted < 100'000) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GE(uncommitted, 100'000u) << "the importer wrote no chunk";
  EXPECT_EQ(importer.Kill().exit_code, 128 + SIGKILL);

  RunResult v = Tledger(db_, {"verify"});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, "intact: 24 events, 0 anchors matched; head " + before + "\n");
  EXPECT_EQ(Lines(Tledger(db_, {"export"}).out).size(), 24u);

  WriteFile(tmp_ / "next.jsonl", Transfer("k-1", "P1", "HG") + "\n");
  RunResult next = Import({"next.jsonl"});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_EQ(next.err, "tledger: warning: discarded " + std::to_string(uncommitted) +
                          " uncommitted event(s) after seq 24 left by an interrupted import\n");
  EXPECT_EQ(Normalized(next.out), "imported 1 file: 1 appended, 0 already present, in <t> s; head seq 25\n");
  std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kRead);
  EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events).size(), 25u);
  EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().ids).size(), 25u);
  RunResult after = Tledger(db_, {"verify"});
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

}  // namespace
}  // namespace tledger::testing
