// `history ID` end to end: the whole story of a person and of an enrollment,
// corrections against their targets (a `replace` in the sample, a `retract`
// in report_two_plans_more.jsonl), --known-at, --format json, and the check
// that a forged subject index cannot tell a false story.
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <rocksdb/db.h>

#include "core/keys.h"
#include "core/store.h"
#include "tests/report_test_util.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

// recorded_at differs from run to run: "<time>" in its place.
std::string WithoutTimes(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"), "<time>");
}

class HistoryCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(SampleDb(), {DataFile("sample.jsonl")});
    ImportInto(PlansDb(), {DataFile("report_two_plans.jsonl")});
    ImportInto(PlansDb(), {DataFile("report_two_plans_more.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string SampleDb() { return dir_->path() + "/sample"; }
  static std::string PlansDb() { return dir_->path() + "/plans"; }

  static std::string History(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "history"});
    return RunOk(args);
  }

  static ReportTestDir* dir_;
};
ReportTestDir* HistoryCli::dir_ = nullptr;

TEST_F(HistoryCli, AnEnrollmentsStoryHasItsPersonsRegistrationItsDecisionsAndTheirRevocationAndCorrections) {
  EXPECT_EQ(
      WithoutTimes(History(SampleDb(), {"HG-E-0001"})),
      "history of \"HG-E-0001\": 8 events\n"
      "       5  <time>  2016-03-01  person_registered       s-p1  person=HG-000123 name=Trần Thị Ngọc Hân "
      "category=civil_servant unit=HG-VT-P1 position=công chức Tài chính - Kế toán leader=false birth_date=1990-07-14 "
      "hired=2016-03-01\n"
      "         recorded by clerk, source QĐ 112/QĐ-UBND\n"
      "      11  <time>  2025-03-10  enrollment_recorded     s-e1  enrollment=HG-E-0001 person=HG-000123 "
      "course=HG-MS-FIN-25 funding=state_budget\n"
      "         recorded by clerk\n"
      "      12  <time>  2025-03-12  funding_decided         s-f1  decision=QĐ 501/QĐ-UBND plan=HG-2025 "
      "enrollment=HG-E-0001 amount_vnd=95000000 funding=state_budget\n"
      "         recorded by clerk, source QĐ 501/QĐ-UBND\n"
      "      13  <time>  2025-03-13  funding_decided         s-f2  decision=QĐ 502/QĐ-UBND plan=HG-2025 "
      "enrollment=HG-E-0001 amount_vnd=95000000 funding=state_budget\n"
      "         recorded by clerk\n"
      "      14  <time>  2025-03-20  funding_revoked         s-f2r  decision=QĐ 502/QĐ-UBND reason=trùng quyết định 501\n"
      "         recorded by clerk\n"
      "      18  <time>  2027-04-02  completion_recorded     s-k1  enrollment=HG-E-0001 result=passed "
      "certificate=ThS-2027-0456\n"
      "         recorded by clerk\n"
      "         replaced by seq 19\n"
      "      19  <time>  2027-04-10  correction              s-x1  target=s-k1 action=replace "
      "replacement={\"type\":\"completion_recorded\",\"effective\":\"2027-04-02\",\"enrollment\":\"HG-E-0001\","
      "\"result\":\"passed\",\"certificate\":\"ThS-2027-0465\"} reason=sai số hiệu văn bằng\n"
      "         recorded by clerk\n"
      "         replaces s-k1 (seq 18): certificate ThS-2027-0456 -> ThS-2027-0465; reason: sai số hiệu văn bằng\n"
      "      21  <time>  2028-03-01  reimbursement_recorded  s-m1  person=HG-000123 enrollment=HG-E-0001 "
      "amount_vnd=30000000\n"
      "         recorded by clerk\n");
}

TEST_F(HistoryCli, APersonsStoryHasEveryEventOfTheirEnrollments) {
  std::vector<std::string> lines = SplitLines(History(SampleDb(), {"HG-000123"}));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "history of \"HG-000123\": 12 events");
  // Each event's seq, effective date, type and id.
  std::vector<std::string> heads;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::istringstream in(lines[i]);
    std::string seq, recorded_at, effective, type, id;
    if (lines[i].rfind("         ", 0) != 0 && in >> seq >> recorded_at >> effective >> type >> id) {
      heads.push_back(seq + " " + effective + " " + type + " " + id);
    }
  }
  EXPECT_EQ(heads, (std::vector<std::string>{
                       "5 2016-03-01 person_registered s-p1",
                       "6 2019-06-30 qualification_recorded s-q1",
                       "9 2025-02-20 nomination_approved s-n1",
                       "11 2025-03-10 enrollment_recorded s-e1",
                       "12 2025-03-12 funding_decided s-f1",
                       "13 2025-03-13 funding_decided s-f2",
                       "14 2025-03-20 funding_revoked s-f2r",
                       "17 2025-07-01 person_transferred s-t1",
                       "18 2027-04-02 completion_recorded s-k1",
                       "19 2027-04-10 correction s-x1",
                       "20 2028-01-31 person_left_service s-l1",
                       "21 2028-03-01 reimbursement_recorded s-m1",
                   }));
}

TEST_F(HistoryCli, ARetractionIsShownAgainstItsTarget) {
  EXPECT_EQ(WithoutTimes(History(PlansDb(), {"P2"})),
            "history of \"P2\": 7 events\n"
            "       6  <time>  2018-01-01  person_registered       p-2  person=P2 name=Lê Thị Bích category=cadre "
            "unit=CT position=phó chủ tịch leader=true birth_date=1995-05-05\n"
            "         recorded by clerk\n"
            "      16  <time>  2025-09-02  enrollment_recorded     e-2  enrollment=E2 person=P2 course=C-PHD-IT "
            "funding=state_budget\n"
            "         recorded by clerk\n"
            "      17  <time>  2025-10-01  enrollment_recorded     e-3  enrollment=E3 person=P2 course=C-MS-FIN "
            "funding=self_funded\n"
            "         recorded by clerk\n"
            "         retracted by seq 23\n"
            "      21  <time>  2025-09-06  funding_decided         f-2  decision=QĐ-502 plan=CT-2025 enrollment=E2 "
            "amount_vnd=100000000 funding=state_budget\n"
            "         recorded by clerk\n"
            "      23  <time>  2025-11-01  correction              x-3  target=e-3 action=retract reason=nhập nhầm, "
            "thuộc kế hoạch năm sau\n"
            "         recorded by clerk\n"
            "         retracts e-3 (seq 17); reason: nhập nhầm, thuộc kế hoạch năm sau\n"
            "      24  <time>  2025-09-01  nomination_approved     n-2  plan=CT-2025 person=P2 program=phd\n"
            "         recorded by clerk\n"
            "      25  <time>  2025-12-01  enrollment_withdrawn    w-2  enrollment=E2 reason=chuyển công tác\n"
            "         recorded by clerk\n");
}

TEST_F(HistoryCli, KnownAtHidesWhatWasRecordedLaterCorrectionsIncluded) {
  CliRun exported = RunTledger({"--db", PlansDb(), "export", "--to", "22"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string first_import = Json::parse(SplitLines(exported.out).back())["recorded_at"];
  std::string out = History(PlansDb(), {"P2", "--known-at", first_import});
  std::vector<std::string> lines = SplitLines(WithoutTimes(out));
  EXPECT_EQ(lines.at(0), "history of \"P2\": 4 events, as known at " + first_import);
  EXPECT_EQ(out.find("retracted"), std::string::npos) << out;
  EXPECT_EQ(out.find("x-3"), std::string::npos) << out;
  EXPECT_EQ(out.find("w-2"), std::string::npos) << out;
}

TEST_F(HistoryCli, JsonListsTheEventsInInterchangeFormWithTheirCorrections) {
  Json j = Json::parse(History(SampleDb(), {"HG-E-0001", "--format", "json", "--known-at", "9999-12-31"}));
  EXPECT_EQ(j["id"], "HG-E-0001");
  EXPECT_EQ(j["known_at"], "9999-12-31T23:59:59.999999Z");
  std::vector<uint64_t> seqs;
  for (const Json& e : j["events"]) seqs.push_back(e["seq"]);
  EXPECT_EQ(seqs, (std::vector<uint64_t>{5, 11, 12, 13, 14, 18, 19, 21}));
  // Every event: the interchange form (source null where none), then seq,
  // recorded_at and the corrections of it.
  Json e = j["events"][1];
  ASSERT_TRUE(e["recorded_at"].is_string());
  e.erase("recorded_at");
  EXPECT_EQ(e, Json::parse(R"json({"type":"enrollment_recorded","id":"s-e1","effective":"2025-03-10","source":null,
    "recorded_by":"clerk","enrollment":"HG-E-0001","person":"HG-000123","course":"HG-MS-FIN-25",
    "funding":"state_budget","seq":11,"corrected_by":[]})json"));
  EXPECT_EQ(j["events"][2]["source"], "QĐ 501/QĐ-UBND");
  EXPECT_EQ(j["events"][5]["id"], "s-k1");
  EXPECT_EQ(j["events"][5]["corrected_by"], Json::parse(R"json([{"seq":19,"id":"s-x1","action":"replace"}])json"));
  EXPECT_EQ(j["events"][6]["target_seq"], 18);
  EXPECT_EQ(j["events"][6]["replacement"]["certificate"], "ThS-2027-0465");
}

TEST_F(HistoryCli, CsvIsNotAFormatOfHistory) {
  CliRun run = RunTledger({"--db", SampleDb(), "history", "HG-E-0001", "--format", "csv"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "tledger: error: --format: history prints table or json\n");
}

// A subject index entry filing `seq` under `id`, written behind the store's back.
void ForgeSubjectEntry(const std::string& db, const std::string& id, uint64_t seq) {
  Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kWrite);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Store::Raw raw = (*store)->raw();
  rocksdb::Status s = raw.db->Put(rocksdb::WriteOptions(), raw.subjects, keys::SubjectKey(id, seq), std::string(1, '\x10'));
  ASSERT_TRUE(s.ok()) << s.ToString();
}

TEST(HistoryCliForged, AForgedIndexEntryIsAnIntegrityFailureEvenForARelatedId) {
  ReportTestDir dir;
  ImportInto(dir.db(), {DataFile("report_two_plans.jsonl")});
  // Seq 1 registers unit CT: it concerns neither E2 nor, through E2, P2.
  ForgeSubjectEntry(dir.db(), "E2", 1);
  for (const char* id : {"E2", "P2"}) {
    CliRun run = RunTledger({"--db", dir.db(), "history", id});
    EXPECT_EQ(run.exit_code, 3) << id;
    EXPECT_EQ(run.out, "") << id;
    EXPECT_EQ(run.err, "tledger: error: the subject index files seq 1 under \"E2\" but that event does not concern "
                       "it: run `tledger verify`\n")
        << id;
  }
}

}  // namespace
}  // namespace tledger::report_testing
