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
#include "tools/cli/shown.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

// recorded_at differs from run to run: "<time>" in its place.
std::string WithoutTimes(const std::string& text) { return testing::Normalized(text); }

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

// In Vietnamese: names for every code and field, dates dd/mm/yyyy,
// recorded_at in Vietnam time (tests/data/history_HG-E-0001.txt; the
// English one beside it is cli_e2e_test's).
TEST_F(HistoryCli, AnEnrollmentsStoryHasItsPersonsRegistrationItsDecisionsAndTheirRevocationAndCorrections) {
  EXPECT_EQ(WithoutTimes(History(SampleDb(), {"HG-E-0001"})), testing::ReadFile(DataFile("history_HG-E-0001.txt")));
}

TEST_F(HistoryCli, APersonsStoryHasEveryEventOfTheirEnrollments) {
  std::vector<std::string> lines = SplitLines(History(SampleDb(), {"HG-000123"}));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "Lịch sử của \"HG-000123\": 12 bản ghi");
  // Each event's seq, effective date, type and id.
  Json j = Json::parse(History(SampleDb(), {"HG-000123", "--format", "json"}));
  std::vector<std::string> heads;
  for (const Json& e : j["events"]) {
    heads.push_back(std::to_string(e["seq"].get<uint64_t>()) + " " + e["effective"].get<std::string>() + " " +
                    e["type"].get<std::string>() + " " + e["id"].get<std::string>());
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
  EXPECT_EQ(lines.size(), 1 + 12 * 2 + 2u);  // a line and its recorder each, and the correction's two more
}

TEST_F(HistoryCli, ARetractionIsShownAgainstItsTarget) {
  EXPECT_EQ(WithoutTimes(History(PlansDb(), {"P2"})),
            "Lịch sử của \"P2\": 7 bản ghi\n"
            "       6  <time>  01/01/2018  Khai báo hồ sơ CB-CCVC                    p-2  Cá nhân: P2; Tên: Lê Thị Bích; Đối tượng: Cán bộ; Đơn vị: CT; Chức vụ, vị trí việc làm: phó chủ tịch; Lãnh đạo, quản lý: có; Ngày sinh: 05/05/1995\n"
            "         người ghi: clerk\n"
            "      16  <time>  02/09/2025  Cử đi học                                 e-2  Học viên: E2; Cá nhân: P2; Lớp: C-PHD-IT; Nguồn kinh phí: Ngân sách nhà nước\n"
            "         người ghi: clerk\n"
            "      17  <time>  01/10/2025  Cử đi học                                 e-3  Học viên: E3; Cá nhân: P2; Lớp: C-MS-FIN; Nguồn kinh phí: Tự túc kinh phí\n"
            "         người ghi: clerk\n"
            "         đã bị hủy bởi bản ghi số 23\n"
            "      21  <time>  06/09/2025  Quyết định cấp kinh phí                   f-2  Quyết định: QĐ-502; Kế hoạch: CT-2025; Học viên: E2; Số tiền: 100.000.000 đ; Nguồn kinh phí: Ngân sách nhà nước\n"
            "         người ghi: clerk\n"
            "      23  <time>  01/11/2025  Đính chính dữ liệu                        x-3  Bản ghi được đính chính: e-3; Cách đính chính: Hủy bản ghi; Lý do: nhập nhầm, thuộc kế hoạch năm sau\n"
            "         người ghi: clerk\n"
            "         hủy bản ghi e-3 (số 17); lý do: nhập nhầm, thuộc kế hoạch năm sau\n"
            "      24  <time>  01/09/2025  Duyệt danh sách cử đi đào tạo, bồi dưỡng  n-2  Kế hoạch: CT-2025; Cá nhân: P2; Trình độ, chương trình: Tiến sĩ\n"
            "         người ghi: clerk\n"
            "      25  <time>  01/12/2025  Thôi học                                  w-2  Học viên: E2; Lý do: chuyển công tác\n"
            "         người ghi: clerk\n");
}

TEST_F(HistoryCli, KnownAtHidesWhatWasRecordedLaterCorrectionsIncluded) {
  CliRun exported = RunTledger({"--db", PlansDb(), "export", "--to", "22"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string first_import = Json::parse(SplitLines(exported.out).back())["recorded_at"];
  std::string out = History(PlansDb(), {"P2", "--known-at", first_import});
  EXPECT_EQ(SplitLines(out).at(0), "Lịch sử của \"P2\": 4 bản ghi, theo dữ liệu ghi nhận đến " +
                                      InstantShown(*ParseInstant(first_import), Lang::kVi));
  EXPECT_EQ(out.find("đã bị hủy"), std::string::npos) << out;
  EXPECT_EQ(out.find("x-3"), std::string::npos) << out;
  EXPECT_EQ(out.find("w-2"), std::string::npos) << out;
}

TEST_F(HistoryCli, JsonListsTheEventsInInterchangeFormWithTheirCorrections) {
  Json j = Json::parse(History(SampleDb(), {"HG-E-0001", "--format", "json", "--known-at", "9999-12-31"}));
  EXPECT_EQ(j["id"], "HG-E-0001");
  EXPECT_EQ(j["known_at"], "9999-12-31T16:59:59.999999Z");  // the end of that day in Vietnam
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
