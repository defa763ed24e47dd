// `diff` end to end on tests/data/report_two_plans.jsonl plus
// report_two_plans_more.jsonl (a correction retracting E3, a backdated
// nomination of P2, E2 withdrawn on 2025-12-01), and the aligned text table
// the human-readable outputs share.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/report_test_util.h"
#include "tools/cli/text_table.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

class DiffCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(dir_->db(), {DataFile("report_two_plans.jsonl"), DataFile("report_two_plans_more.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }

  // `tledger diff --from 2025-11-30 --to 2025-12-31 args... --known-at 9999-12-31`.
  static std::string Diff(std::vector<std::string> args) {
    std::vector<std::string> all = {"--db", dir_->db(), "diff", "--from", "2025-11-30", "--to", "2025-12-31"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--known-at", "9999-12-31"});
    return RunOk(all);
  }

  static ReportTestDir* dir_;
};
ReportTestDir* DiffCli::dir_ = nullptr;

TEST_F(DiffCli, TableListsOnlyWhatChangedAndWhichViolationsAppearedOrCleared) {
  EXPECT_EQ(Diff({}),
            "Thay đổi từ hết ngày 2025-11-30 đến hết ngày 2025-12-31, theo dữ liệu ghi nhận đến "
            "9999-12-31T23:59:59.999999Z\n"
            "\n"
            "Số liệu thay đổi\n"
            "  Mục                               Chỉ số                  Trước            Sau\n"
            "  CT-2025 phd/public/domestic       Ghi danh                    2              1\n"
            "  CT-2025 phd/public/domestic       Đang học                    2              1\n"
            "  CT-2025 phd/public/domestic       Đã rút                      0              1\n"
            "  Cấp: province                     Lượt học viên               1              0\n"
            "  Cấp: province                     Số người                    1              0\n"
            "  Lĩnh vực: information_technology  Lượt học viên               2              1\n"
            "  Hình thức: centralized            Lượt học viên               2              1\n"
            "                                    Kinh phí phải bồi hoàn    0 đ  100.000.000 đ\n"
            "\n"
            "Vi phạm mới xuất hiện: 1\n"
            "  Quy tắc      Sự kiện  Đối tượng  Chi tiết\n"
            "  DROPPED_OUT  w-2      P2         E2 bỏ học 2025-12-01 sau khi khóa phd bắt đầu 2025-09-01; phải bồi "
            "hoàn kinh phí công 100.000.000 đ (theo Nghị định 171/2025/NĐ-CP)\n"
            "\n"
            "Vi phạm không còn: 1\n"
            "  Quy tắc         Sự kiện  Đối tượng  Chi tiết\n"
            "  QUOTA_EXCEEDED  e-2      CT-2025    ghi danh thứ 2 (E2) trong ô phd/public/domestic vượt chỉ tiêu 1 "
            "(theo Nghị định 171/2025/NĐ-CP)\n");
}

TEST_F(DiffCli, TableInEnglish) {
  std::vector<std::string> lines = SplitLines(Diff({"--lang", "en"}));
  ASSERT_EQ(lines.size(), 20u);
  EXPECT_EQ(lines[0], "Changes from the end of 2025-11-30 to the end of 2025-12-31, as known at 9999-12-31T23:59:59.999999Z");
  EXPECT_EQ(lines[2], "Tallies that changed");
  EXPECT_EQ(lines[3], "  Item                           Measure           Before            After");
  EXPECT_EQ(lines[4], "  CT-2025 phd/public/domestic    Enrolled               2                1");
  EXPECT_EQ(lines[11], "                                 Compensation due   0 VND  100,000,000 VND");
  EXPECT_EQ(lines[13], "Violations that appeared: 1");
  EXPECT_EQ(lines[17], "Violations that cleared: 1");
  EXPECT_EQ(lines[19], "  QUOTA_EXCEEDED  e-2    CT-2025  enrollment number 2 (E2) in cell phd/public/domestic exceeds the "
                       "quota of 1 (judged by Decree 171/2025/ND-CP)");
}

TEST_F(DiffCli, JsonNamesEachChangeAndEachViolation) {
  Json j = Json::parse(Diff({"--format", "json", "--lang", "en"}));
  EXPECT_EQ(j, Json::parse(R"json({"from":"2025-11-30","to":"2025-12-31","known_at":"9999-12-31T23:59:59.999999Z",
    "changes":[
      {"section":"cell","plan":"CT-2025","program":"phd","funding_class":"public","location":"domestic","measure":"enrolled","from":2,"to":1},
      {"section":"cell","plan":"CT-2025","program":"phd","funding_class":"public","location":"domestic","measure":"in_progress","from":2,"to":1},
      {"section":"cell","plan":"CT-2025","program":"phd","funding_class":"public","location":"domestic","measure":"withdrawn","from":0,"to":1},
      {"section":"by_level","level":"province","measure":"trainee_turns","from":1,"to":0},
      {"section":"by_level","level":"province","measure":"persons","from":1,"to":0},
      {"section":"by_field","field":"information_technology","measure":"trainee_turns","from":2,"to":1},
      {"section":"by_form","form":"centralized","measure":"trainee_turns","from":2,"to":1},
      {"section":"total","measure":"reimbursement_due_vnd","from":0,"to":100000000}],
    "appeared":[{"rule":"DROPPED_OUT","severity":"error","event":"w-2","subject":"P2",
      "detail":"E2 withdrew 2025-12-01 after the phd course began 2025-09-01; public funding to repay 100,000,000 VND (judged by Decree 171/2025/ND-CP)",
      "seq":25,"rulebook":"2025","enrollment":"E2","amount_vnd":100000000}],
    "cleared":[{"rule":"QUOTA_EXCEEDED","severity":"error","event":"e-2","subject":"CT-2025",
      "detail":"enrollment number 2 (E2) in cell phd/public/domestic exceeds the quota of 1 (judged by Decree 171/2025/ND-CP)",
      "seq":16,"rulebook":"2025","enrollment":"E2","amount_vnd":null}],
    "plan":null,"restate_units":false})json"));
}

TEST_F(DiffCli, CsvHasOneRowPerChangeAndPerViolation) {
  EXPECT_EQ(Diff({"--format", "csv", "--plan", "CT-2025"}),
            "change,section,plan,program,funding_class,location,key,measure,old,new,rule,severity,event,subject,"
            "rulebook,detail,enrollment,amount_vnd,seq,from,to,known_at\r\n"
            "changed,cell,CT-2025,phd,public,domestic,,enrolled,2,1,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,cell,CT-2025,phd,public,domestic,,in_progress,2,1,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,cell,CT-2025,phd,public,domestic,,withdrawn,0,1,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,by_level,,,,,province,trainee_turns,1,0,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,by_level,,,,,province,persons,1,0,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,by_field,,,,,information_technology,trainee_turns,2,1,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,by_form,,,,,centralized,trainee_turns,2,1,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "changed,total,,,,,,reimbursement_due_vnd,0,100000000,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "appeared,,,,,,,,,,DROPPED_OUT,error,w-2,P2,2025,E2 bỏ học 2025-12-01 sau khi khóa phd bắt đầu 2025-09-01; "
            "phải bồi hoàn kinh phí công 100.000.000 đ (theo Nghị định 171/2025/NĐ-CP),E2,100000000,25,2025-11-30,"
            "2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "cleared,,,,,,,,,,QUOTA_EXCEEDED,error,e-2,CT-2025,2025,ghi danh thứ 2 (E2) trong ô phd/public/domestic "
            "vượt chỉ tiêu 1 (theo Nghị định 171/2025/NĐ-CP),E2,,16,2025-11-30,2025-12-31,9999-12-31T23:59:59.999999Z\r\n");
}

TEST_F(DiffCli, PlanLeavesOutWhatConcernsOtherPlans) {
  Json j = Json::parse(Diff({"--format", "json", "--plan", "BD-2025"}));
  EXPECT_EQ(j["changes"], Json::array());
  EXPECT_EQ(j["appeared"], Json::array());
  EXPECT_EQ(j["cleared"], Json::array());
  EXPECT_EQ(j["plan"], "BD-2025");
}

TEST_F(DiffCli, ThePlanIssuedBetweenTheDatesAppearsWithItsDeclaredAmountsFromNone) {
  CliRun run = RunTledger({"--db", dir_->db(), "diff", "--from", "2025-02-15", "--to", "2025-03-01", "--known-at",
                        "9999-12-31", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Json::parse(run.out)["changes"], Json::parse(R"json([
    {"section":"plan","plan":"BD-2025","measure":"budget_vnd","from":null,"to":50000000},
    {"section":"plan","plan":"BD-2025","measure":"remaining_vnd","from":null,"to":50000000}])json"))
      << "its public funding (5,000,000 VND) is decided on 2025-06-15, later";
}

TEST_F(DiffCli, NothingChangedIsSaid) {
  CliRun run = RunTledger({"--db", dir_->db(), "diff", "--from", "2025-12-31", "--to", "2025-12-31", "--known-at",
                        "9999-12-31", "--lang", "en"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "Changes from the end of 2025-12-31 to the end of 2025-12-31, as known at 9999-12-31T23:59:59.999999Z\n"
            "\n"
            "Tallies that changed\n"
            "  No tally changed.\n"
            "\n"
            "Violations that appeared: 0\n"
            "  (none)\n"
            "\n"
            "Violations that cleared: 0\n"
            "  (none)\n");
}

TEST(DiffCliUsage, FromAndToAreRequired) {
  CliRun run = RunTledger({"diff", "--from", "2025-01-01"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_NE(run.err.find("--to is required"), std::string::npos) << run.err;
}

// ------------------------------------------------------------------ TextTable

TEST(TextTable, AlignsVietnameseByCodePointsNotBytes) {
  TextTable t({{"Họ tên", TextTable::kLeft}, {"Số", TextTable::kRight}, {"Ghi chú", TextTable::kLeft}});
  t.AddRow({"Trần Thị Ngọc Hân", "12", "đã rút"});
  t.AddRow({"Le Van A", "3"});
  EXPECT_EQ(t.Render("  "),
            "  Họ tên             Số  Ghi chú\n"
            "  Trần Thị Ngọc Hân  12  đã rút\n"
            "  Le Van A            3\n");
  EXPECT_EQ(CodePoints("Trần Thị Ngọc Hân"), 17u);
  EXPECT_EQ(PadLeft("đ", 3), "  đ");
  EXPECT_EQ(PadRight("đ", 3), "đ  ");
}

}  // namespace
}  // namespace tledger::report_testing
