// What tledger prints cannot be steered by what an attacker stored
// (SECURITY.md, "Terminal spoofing" and "CSV formula injection"). Each test
// is the attack: a raw index key or a stored name that would repaint the
// terminal, ids that a spreadsheet would run as formulas.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/appender.h"
#include "core/keys.h"
#include "core/store.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

// Bytes a terminal obeys: carriage return, "erase line", a forged verdict,
// "conceal" so that the real message after it does not show.
const std::string kRepaint = "P1\r\x1b[2Kintact: 3000 events, 1 anchor matched\x1b[8m";

bool HasRawControl(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
  }
  // U+009B (C1 CSI) and U+202E (RIGHT-TO-LEFT OVERRIDE) in UTF-8.
  return text.find("\xc2\x9b") != std::string::npos || text.find("\xe2\x80\xae") != std::string::npos;
}

// Appends one event straight through the store, as a ledger written before
// today's import checks may hold it: `line` is parsed, then `plant` puts the
// hostile text in (import would refuse it). The printing side must not rely
// on import having refused anything.
void AppendDirectly(const std::string& db, const std::string& line,
                    const std::function<void(schema::Event::Builder)>& plant) {
  std::unique_ptr<Store> store = OpenStore(db, OpenMode::kWrite);
  std::unique_ptr<Appender> app = ValueOrDie(store->BeginAppend(), "begin append");
  ParsedEvent e(line);
  if (!e.status().ok()) DieWith("parse " + line, e.status());
  plant(e.builder());
  ValueOrDie(app->Add(e.builder()), "append");
  if (Status s = app->Commit(); !s.ok()) DieWith("commit", s);
}

TEST(TerminalSpoofing, VerifyShowsAPlantedIndexKeyAndDoesNotObeyIt) {
  TempDir tmp;
  std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  RawLedger(db).PutSubject(keys::SubjectKey(kRepaint, 5), std::string(1, 1 << static_cast<int>(schema::Kind::PERSON)));
  RunResult r = Tledger(db, {"verify"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(HasRawControl(r.err)) << r.err;
  EXPECT_EQ(r.err, std::string(kErrorPrefix) +
                       "seq 5: the subject index files this event under "
                       "\"P1\\x0d\\x1b[2Kintact: 3000 events, 1 anchor matched\\x1b[8m\", but the event does not name "
                       "it so\n");
}

TEST(TerminalSpoofing, AnIdOnTheCommandLineIsShownNotObeyed) {
  TempDir tmp;
  std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  RunResult r = Tledger(db, {"history", kRepaint});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(HasRawControl(r.err)) << r.err;
  EXPECT_NE(r.err.find("\"P1\\x0d\\x1b[2Kintact: 3000 events, 1 anchor matched\\x1b[8m\""), std::string::npos) << r.err;
}

// A name holding a C1 "control sequence introducer" and a right-to-left
// override, stored by a ledger that accepted them.
class StoredHostileText : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    AppendDirectly(db_,
                   R"({"type":"person_registered","id":"x-p1","effective":"2016-03-01","person":"HG-000777",)"
                   R"("name":"N","category":"civil_servant","unit":"HG-VT-P1","position":"chuyên viên","leader":false})",
                   [](schema::Event::Builder e) {
                     e.getBody().getPersonRegistered().setName("Lê \xc2\x9b" "31mVăn\xe2\x80\xae Tám");
                   });
  }
  TempDir tmp_;
  std::string db_;
};

TEST_F(StoredHostileText, HistoryTableEscapesItAndJsonKeepsItAsEscapes) {
  RunResult table = Tledger(db_, {"history", "HG-000777"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_FALSE(HasRawControl(table.out)) << table.out;
  EXPECT_NE(table.out.find("Lê \\u{009b}31mVăn\\u{202e} Tám"), std::string::npos) << table.out;

  RunResult json = Tledger(db_, {"history", "HG-000777", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_FALSE(HasRawControl(json.out)) << json.out;
  // The same JSON value: a parser reads back the stored name.
  EXPECT_NE(json.out.find("Lê \\u009b31mVăn\\u202e Tám"), std::string::npos) << json.out;
}

TEST_F(StoredHostileText, LogAndExportEscapeIt) {
  RunResult log = Tledger(db_, {"log", "--tail", "1"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  EXPECT_FALSE(HasRawControl(log.out)) << log.out;
  EXPECT_NE(log.out.find("Lê \\u{009b}31mVăn\\u{202e} Tám"), std::string::npos) << log.out;

  RunResult exported = Tledger(db_, {"export", "--from", "25"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_FALSE(HasRawControl(exported.out)) << exported.out;
  // JSON's own escapes: the exported value is the stored name.
  EXPECT_NE(exported.out.find(R"("name":"Lê \u009b31mVăn\u202e Tám")"), std::string::npos) << exported.out;
}

// Ids that a spreadsheet runs as formulas when it opens the CSV.
class FormulaIds : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    AppendDirectly(db_,
                   R"({"type":"plan_issued","id":"x-plan","effective":"2025-02-10","plan":"P","title":"T","issuer":"HG",)"
                   R"("year":2025,"budget_vnd":1000,"quotas":[],"priority_fields":[],"phases":[]})",
                   [](schema::Event::Builder e) { e.getBody().getPlanIssued().setPlan("+C1"); });
    AppendDirectly(db_,
                   R"({"type":"enrollment_recorded","id":"x-e","effective":"2025-03-10","enrollment":"E",)"
                   R"("person":"P","course":"HG-MS-FIN-25","funding":"self_funded"})",
                   [](schema::Event::Builder e) {
                     e.setId("=cmd|' /C calc'!A0");
                     e.getBody().getEnrollmentRecorded().setEnrollment("-E1");
                     e.getBody().getEnrollmentRecorded().setPerson("@SUM(1+1)");
                   });
  }
  TempDir tmp_;
  std::string db_;
};

TEST_F(FormulaIds, ViolationsCsvNeutralisesEveryFormulaCell) {
  RunResult r = Tledger(db_, {"violations", "--as-of", "2025-12-31", "--format", "csv", "--rule", "MISSING_REFERENCE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // MISSING_REFERENCE names the unregistered person; its evidence is the
  // enrollment event.
  EXPECT_NE(r.out.find(",'=cmd|' /C calc'!A0,'@SUM(1+1),"), std::string::npos) << r.out;
  for (const std::string& line : Lines(r.out)) {
    // No cell starts with a formula character unquoted by an apostrophe
    // (integers, negative ones included, stay numbers).
    size_t at = 0;
    while (at <= line.size()) {
      size_t comma = line.find(',', at);
      std::string cell = line.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      if (!cell.empty() && cell[0] == '"') cell.erase(0, 1);
      EXPECT_TRUE(cell.empty() || std::string("=+@").find(cell[0]) == std::string::npos) << line;
      if (comma == std::string::npos) break;
      at = comma + 1;
    }
  }
}

TEST_F(FormulaIds, ReportCsvNeutralisesThePlanIdAndKeepsNegativeNumbers) {
  RunResult r = Tledger(db_, {"report", "--as-of", "2025-12-31", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nKinh phí kế hoạch,'+C1,,,,,,,,,,,Dự toán kinh phí,,,,1000,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find(",+C1,"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace tledger::testing
