// The tledger binary as a user runs it: export and re-import, the summary of
// a repeated import, CSV against JSON Lines, history, log, and the ledgers
// it refuses to open. Refused input is in cli_e2e_import_test.cc, integrity
// in cli_e2e_verify_test.cc.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

constexpr char kImportedSample[] = "imported 1 file: 24 appended, 0 already present, in <t> s; head seq 24\n";

// The sample ledger (24 events), made by the CLI.
class Cli : public ::testing::Test {
 protected:
  void SetUp() override { db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")}); }

  TempDir tmp_;
  std::string db_;
};

// -------------------------------------------------------------- round trip

// export, import into an empty ledger, export again: the same bytes but for
// recorded_at and hash (which covers recorded_at); both ledgers verify;
// Vietnamese text comes through byte for byte.
TEST(CliRoundTrip, ExportImportExportKeepsEveryByteButRecordedAtAndHash) {
  TempDir tmp;
  std::string a = MakeLedger(tmp / "a", {DataPath("sample.jsonl"), DataPath("vietnamese.jsonl")});
  RunResult export_a = Tledger(a, {"export"});
  ASSERT_EQ(export_a.exit_code, 0) << export_a.err;
  EXPECT_EQ(export_a.err, "");
  WriteFile(tmp / "a.jsonl", export_a.out);

  // Another actor: the recorded_by of the exported lines must win.
  RunResult import_b = RunProgram({TledgerBin(), "--db", tmp / "b", "--actor", "someone else", "import", tmp / "a.jsonl"});
  ASSERT_EQ(import_b.exit_code, 0) << import_b.err;
  EXPECT_EQ(Normalized(import_b.out), "imported 1 file: 28 appended, 0 already present, in <t> s; head seq 28\n");
  RunResult export_b = Tledger(tmp / "b", {"export"});
  ASSERT_EQ(export_b.exit_code, 0) << export_b.err;

  std::vector<std::string> lines_a = Lines(export_a.out), lines_b = Lines(export_b.out);
  ASSERT_EQ(lines_a.size(), 28u);
  ASSERT_EQ(lines_b.size(), 28u);
  for (size_t i = 0; i < lines_a.size(); ++i) {
    EXPECT_EQ(WithoutRecordedAtAndHash(lines_b[i]), WithoutRecordedAtAndHash(lines_a[i])) << "line " << i + 1;
    EXPECT_NE(lines_b[i], lines_a[i]) << "line " << i + 1 << ": recorded_at is the time of the second import";
  }
  // The Vietnamese lines, byte for byte as in tests/data/vietnamese.jsonl
  // (NFC, and NFD in "Phường Cái Khế", unnormalised), with the ledger's keys.
  std::vector<std::string> vietnamese = Lines(ReadFile(DataPath("vietnamese.jsonl")));
  EXPECT_EQ(WithoutRecordedAtAndHash(lines_b[25]),
            "{\"type\":\"person_registered\",\"id\":\"vn-p1\",\"effective\":\"2025-07-01\",\"recorded_by\":\"clerk\","
            "\"person\":\"CT-000456\",\"name\":\"Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b \xc3\x81nh\",\"category\":\"civil_servant\","
            "\"unit\":\"CT-NK\",\"position\":\"c\xc3\xb4ng ch\xe1\xbb\xa9" "c V\xc4\x83n ph\xc3\xb2ng - Th\xe1\xbb\x91ng k\xc3\xaa\","
            "\"leader\":false,\"birth_date\":\"1988-11-02\",\"hired\":\"2012-09-01\",\"seq\":26}");
  EXPECT_NE(lines_b[24].find("\"name\":\"Ph\xc6\xb0\xe1\xbb\x9dng Ninh Ki\xe1\xbb\x81u\""), std::string::npos) << lines_b[24];
  EXPECT_NE(lines_b[26].find("\"name\":\"Phu\xcc\x9bo\xcc\x9b\xcc\x80ng Ca" "\xcc\x81i Khe\xcc\x82\xcc\x81\""), std::string::npos)
      << lines_b[26];
  EXPECT_NE(lines_b[26].find(nlohmann::json::parse(vietnamese[2])["name"].get<std::string>()), std::string::npos);
  EXPECT_NE(lines_b[27].find("\"reason\":\"ngh\xe1\xbb\x89 h\xc6\xb0u tr\xc6\xb0\xe1\xbb\x9b" "c tu\xe1\xbb\x95i \xe2\x80\x94 "
                             "\xe2\x80\x9ctinh gi\xe1\xba\xa3n bi\xc3\xaan ch\xe1\xba\xbf\xe2\x80\x9d theo N\xc4\x90 178/2024/N\xc4\x90-CP\""),
            std::string::npos)
      << lines_b[27];

  for (const std::string& db : {a, tmp / "b"}) {
    RunResult v = Tledger(db, {"verify"});
    EXPECT_EQ(v.exit_code, 0) << v.err;
    // The head verify prints is the hash export gave the last event.
    std::string last = Lines(Tledger(db, {"export", "--from", "28"}).out).at(0);
    std::string hash = last.substr(last.find("\"hash\":\"") + 8, 64);
    EXPECT_EQ(v.out, "intact: 28 events, 0 anchors matched; head 28:" + hash + "\n");
  }
}

TEST_F(Cli, ExportOfARangeChainsFromTheFirstEventsPreviousHash) {
  std::vector<std::string> all = ExportLines(db_);
  ASSERT_EQ(all.size(), 24u);
  RunResult part = Tledger(db_, {"export", "--from", "11", "--to", "13"});
  ASSERT_EQ(part.exit_code, 0) << part.err;
  EXPECT_EQ(Lines(part.out), (std::vector<std::string>{all[10], all[11], all[12]}));
  RunResult past = Tledger(db_, {"export", "--from", "24", "--to", "99"});
  EXPECT_EQ(Lines(past.out), (std::vector<std::string>{all[23]}));
  RunResult bad = Tledger(db_, {"export", "--from", "5", "--to", "4"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err, std::string(kErrorPrefix) + "--from must be at least 1 and not after --to\n");
}

// -------------------------------------------------------------- import summary

TEST(CliImportAccepts, ReimportingTheSameFileAppendsNothingAndSaysSo) {
  TempDir tmp;
  RunResult first = Tledger(tmp / "db", {"import", DataPath("sample.jsonl")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(Normalized(first.out), kImportedSample);
  EXPECT_EQ(first.err, "");
  std::string head = Checkpoint(tmp / "db");

  RunResult again = Tledger(tmp / "db", {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Normalized(again.out), "imported 1 file: 0 appended, 24 already present (nothing new), in <t> s; head seq 24\n");
  EXPECT_EQ(again.err, "");
  EXPECT_EQ(Checkpoint(tmp / "db"), head);
}

TEST_F(Cli, EachFileIsAllOrNothingOnItsOwn) {
  WriteFile(tmp_ / "good.jsonl",
            R"({"type":"person_transferred","id":"g1","effective":"2025-08-01","person":"HG-000123","unit":"HG"})" "\n");
  WriteFile(tmp_ / "bad.jsonl",
            R"({"type":"person_transferred","id":"g2","effective":"2025-08-32","person":"HG-000123","unit":"HG"})" "\n");
  RunResult r = Tledger(db_, {"import", "good.jsonl", "bad.jsonl", "good.jsonl"}, {.cwd = tmp_.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "imported 1 of 3 files before the refusal: 1 appended, 0 already present; head seq 25\n");
  EXPECT_EQ(r.err, "tledger: warning: 1 later file(s) were not attempted\n" + std::string(kErrorPrefix) +
                       "bad.jsonl:1: effective: impossible date: \"2025-08-32\" (expected a real day, YYYY-MM-DD)\n"
                       "bad.jsonl: refused; nothing of this file was imported\n");
  EXPECT_EQ(Checkpoint(db_).substr(0, 3), "25:");
}

TEST(CliImportAccepts, ReadsStandardInput) {
  TempDir tmp;
  RunResult r = Tledger(tmp / "db", {"import", "-"}, {}, ReadFile(DataPath("sample.jsonl")));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Normalized(r.out), kImportedSample);
  RunResult bad = Tledger(tmp / "db", {"import", "-"}, {}, "{\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, std::string(kErrorPrefix) +
                         "<stdin>:1: json: not valid JSON (The JSON document has an improper structure: missing or "
                         "superfluous commas, braces, missing keys, etc.)\n<stdin>: refused; nothing of this file was imported\n");
}

// CSV with a byte order mark, CRLF, and quoted fields holding commas and
// doubled quotes gives the same events as the equivalent JSON Lines.
TEST(CliImportAccepts, CsvGivesTheSameEventsAsTheEquivalentJsonLines) {
  TempDir tmp;
  ASSERT_EQ(ReadFile(DataPath("persons.csv")).substr(0, 3), "\xEF\xBB\xBF");
  ASSERT_EQ(ReadFile(DataPath("enrollments.csv")).substr(0, 3), "\xEF\xBB\xBF");
  RunResult csv = Tledger(tmp / "csv", {"import", "--type", "person_registered", DataPath("persons.csv"), DataPath("enrollments.csv")});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(Normalized(csv.out), "imported 2 files: 5 appended, 0 already present, in <t> s; head seq 5\n");
  std::string jsonl = MakeLedger(tmp / "jsonl", {DataPath("persons.jsonl"), DataPath("enrollments.jsonl")});

  std::vector<std::string> from_csv = ExportLines(tmp / "csv"), from_jsonl = ExportLines(jsonl);
  ASSERT_EQ(from_csv.size(), 5u);
  ASSERT_EQ(from_jsonl.size(), 5u);
  for (size_t i = 0; i < from_csv.size(); ++i) {
    EXPECT_EQ(WithoutRecordedAtAndHash(from_csv[i]), WithoutRecordedAtAndHash(from_jsonl[i])) << "event " << i + 1;
  }
  EXPECT_EQ(WithoutRecordedAtAndHash(from_csv[1]),
            R"({"type":"person_registered","id":"csv-p2","effective":"2025-07-01","recorded_by":"clerk","person":"CT-000789",)"
            R"("name":"Trần Văn \"Út\" Bình","category":"cadre","unit":"CT-NK","position":"Chủ tịch UBND phường, kiêm nhiệm",)"
            R"("leader":true,"hired":"2020-03-15","seq":2})");
  EXPECT_EQ(WithoutRecordedAtAndHash(from_csv[4]),
            R"({"type":"enrollment_withdrawn","id":"csv-w1","effective":"2025-12-01","recorded_by":"clerk","enrollment":"E-0002",)"
            R"("reason":"chuyển công tác, \"đột xuất\"","seq":5})");
  // The same facts: importing the JSON Lines into the CSV ledger repeats them all.
  RunResult repeat = Tledger(tmp / "csv", {"import", DataPath("persons.jsonl"), DataPath("enrollments.jsonl")});
  EXPECT_EQ(Normalized(repeat.out), "imported 2 files: 0 appended, 5 already present (nothing new), in <t> s; head seq 5\n");
}

// -------------------------------------------------------------- history, log

// In Vietnamese by default, in English on request: names for every code,
// dates dd/mm/yyyy (ISO in English), recorded_at in Vietnam time.
TEST_F(Cli, HistoryShowsEveryEventOfAnIdInOrderWithCorrectionsAgainstTheirTargets) {
  RunResult r = Tledger(db_, {"history", "HG-E-0001"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Normalized(r.out), ReadFile(DataPath("history_HG-E-0001.txt")));
  RunResult en = Tledger(db_, {"history", "HG-E-0001", "--lang", "en"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_EQ(Normalized(en.out), ReadFile(DataPath("history_HG-E-0001.en.txt")));
  RunResult bad = Tledger(db_, {"history", "HG-E-0001", "--lang", "fr"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, std::string(kErrorPrefix) + "--lang: \"fr\" is not a language (expected vi or en)\n");
}

TEST_F(Cli, HistoryKnownAtShowsOnlyWhatWasRecordedByThen) {
  RunResult before = Tledger(db_, {"history", "HG-E-0001", "--known-at", "2000-01-01"});
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_EQ(before.out, "");
  EXPECT_EQ(before.err, std::string(kErrorPrefix) + "no event concerns \"HG-E-0001\" as known at 2000-01-01\n");
  RunResult later = Tledger(db_, {"history", "HG-E-0001", "--known-at", "9999-12-31"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(Lines(later.out).at(0),
            "Lịch sử của \"HG-E-0001\": 8 bản ghi, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 (UTC+07:00)");
  RunResult bad = Tledger(db_, {"history", "HG-E-0001", "--known-at", "2026-01-31T25:00:00Z"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, std::string(kErrorPrefix) +
                         "--known-at: impossible time of day: \"2026-01-31T25:00:00Z\" (expected RFC 3339 such as "
                         "2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of that day in "
                         "Vietnam)\n");
  RunResult unknown = Tledger(db_, {"history", "HG-E-4242"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, std::string(kErrorPrefix) + "no event concerns \"HG-E-4242\"\n");
}

TEST_F(Cli, LogShowsTheLatestEventsOneLineEach) {
  RunResult r = Tledger(db_, {"log", "--tail", "5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Normalized(r.out), ReadFile(DataPath("log_tail_5.txt")));
  EXPECT_EQ(Normalized(Tledger(db_, {"log", "--tail", "5", "--lang", "en"}).out), ReadFile(DataPath("log_tail_5.en.txt")));
  EXPECT_EQ(Lines(Tledger(db_, {"log"}).out).size(), 20u);  // the default tail
  EXPECT_EQ(Lines(Tledger(db_, {"log", "--tail", "99"}).out).size(), 24u);
  EXPECT_EQ(Tledger(db_, {"log", "--tail", "0"}).out, "");
}

// Issue 10, finding 12: `--tail -1` (any negative number) is the whole
// ledger, not a usage error, whatever CLI11 makes of a negative unsigned.
TEST_F(Cli, LogTailMinusOneShowsEveryEvent) {
  RunResult all = Tledger(db_, {"log", "--tail", "99"});
  for (const char* tail : {"-1", "-5"}) {
    RunResult r = Tledger(db_, {"log", "--tail", tail});
    EXPECT_EQ(r.exit_code, 0) << tail << ": " << r.err;
    EXPECT_EQ(r.err, "") << tail;
    EXPECT_EQ(Lines(r.out).size(), 24u) << tail;
    EXPECT_EQ(r.out, all.out) << tail;
  }
}

// -------------------------------------------------------------- refusing to open

TEST(CliOpen, AMissingLedgerExitsTwo) {
  TempDir tmp;
  for (const char* command : {"verify", "export", "log", "checkpoint"}) {
    RunResult r = Tledger(tmp / "none", {command});
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_EQ(r.out, "") << command;
    EXPECT_EQ(r.err, std::string(kErrorPrefix) + "no ledger at " + (tmp / "none") +
                         " (give --db DIR or set TLEDGER_DB; `tledger import` creates one)\n")
        << command;
  }
}

TEST_F(Cli, ALedgerOfANewerFormatIsRefusedWithExitTwo) {
  RawLedger(db_).PutMeta("format", std::string("\0\0\0\2", 4));
  const std::string message =
      std::string(kErrorPrefix) + "the ledger at " + db_ + " has format 2, newer than this tledger reads (1): use a newer tledger\n";
  for (std::vector<std::string> args : {std::vector<std::string>{"verify"}, {"export"}, {"history", "HG-E-0001"},
                                        {"import", DataPath("sample.jsonl")}}) {
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_EQ(r.err, message) << args[0];
  }
}

TEST_F(Cli, TheDatabaseDirectoryComesFromTledgerDbWithoutDbOption) {
  RunResult r = RunProgram({TledgerBin(), "log", "--tail", "1"}, {.env = {"TLEDGER_DB=" + db_}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Normalized(r.out), Lines(ReadFile(DataPath("log_tail_5.txt"))).back() + "\n");
}

TEST(CliUsage, BadUsageExitsOne) {
  TempDir tmp;
  EXPECT_EQ(Tledger(tmp / "db", {}).exit_code, 1);
  EXPECT_EQ(Tledger(tmp / "db", {"frobnicate"}).exit_code, 1);
  EXPECT_EQ(Tledger(tmp / "db", {"import"}).exit_code, 1);
  EXPECT_EQ(Tledger(tmp / "db", {"log", "--tail", "many"}).exit_code, 1);
  RunResult anchor = Tledger(tmp / "db", {"verify", "--expect-head", "24"});
  EXPECT_EQ(anchor.exit_code, 1);
  EXPECT_EQ(anchor.err, std::string(kErrorPrefix) +
                            "--expect-head: not an anchor: \"24\" (expected SEQ:HASH, e.g. 1200:" + std::string(64, '0') +
                            ", as `tledger checkpoint` prints)\n");
}

}  // namespace
}  // namespace tledger::testing
