// A plan's targets in `report`, end to end, in every format and both
// languages, on tests/data/report_targets.jsonl: plan QN-2024 sets targets
// for three fostering programs (knowledge update: 8 trainee-turns in 2
// classes, amended on 2024-06-01 to 3 in 2; leadership: 1 class; job
// position: 200 trainee-turns) and opens four courses, with six
// enrollments, one of them withdrawn; and `history` shows its targets. As of 31/12/2024: leadership 1 turn
// in 1 class (no % without a trainee-turn target); job position 1 of 200,
// 0.5%, shown 1% (half up); knowledge update 3 of 3 in 2 classes, 100%.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/report_test_util.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kKnownAt[] = "9999-12-31";

class TargetsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(Db(), {DataFile("report_targets.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string Db() { return dir_->path() + "/targets"; }
  static std::string Out(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    args.insert(args.end(), {"--known-at", kKnownAt});
    return RunOk(args);
  }
  static ReportTestDir* dir_;
};
ReportTestDir* TargetsCli::dir_ = nullptr;

// The plan's section ends with its "Chỉ tiêu": a line per target, numbers
// grouped, "-" where the plan sets no count or there is no % to reach.
TEST_F(TargetsCli, TheTableShowsAChiTieuSectionPerPlan) {
  const std::string out = Out({"report", "--plan", "QN-2024", "--as-of", "31/12/2024"});
  EXPECT_NE(out.find("  Cộng                                                                                                -             5  "
                     "             -           0                                          0         5         1\n"
                     "\n"
                     "  Chỉ tiêu\n"
                     "  Trình độ, chương trình          Kế hoạch (lượt học viên)  Lượt học viên  % đạt kế hoạch  Kế hoạch (số lớp)  Số lớp\n"
                     "  Bồi dưỡng lãnh đạo, quản lý                            -              1               -                  1       1\n"
                     "  Bồi dưỡng theo vị trí việc làm                       200              1              1%                  -       1\n"
                     "  Bồi dưỡng cập nhật kiến thức                           3              3            100%                  2       2\n"
                     "\n"
                     "Theo cấp hành chính của đơn vị\n"),
            std::string::npos)
      << out;
  // Before the amendment and KU-2's enrollments: 2 of the 8 first set, one class.
  EXPECT_NE(Out({"report", "--plan", "QN-2024", "--as-of", "31/05/2024"})
                .find("  Bồi dưỡng cập nhật kiến thức                           8              2             25%                  2       1\n"),
            std::string::npos);
}

TEST_F(TargetsCli, TheTableInEnglish) {
  const std::string out = Out({"report", "--plan", "QN-2024", "--as-of", "2024-12-31", "--lang", "en"});
  EXPECT_NE(out.find("\n"
                     "  Targets\n"
                     "  Program                    Target trainee-turns  Trainee-turns  % of target  Target classes  Classes\n"
                     "  Leadership and management                     -              1            -               1        1\n"
                     "  Job-position fostering                      200              1           1%               -        1\n"
                     "  Knowledge update                              3              3         100%               2        2\n"
                     "\n"
                     "By level of the unit\n"),
            std::string::npos)
      << out;
}

// A plan that sets no target has no such section (sample.jsonl's HG-2025).
TEST_F(TargetsCli, APlanWithoutTargetsHasNoSection) {
  ReportTestDir other;
  ImportInto(other.db(), {DataFile("sample.jsonl")});
  const std::string out = RunOk({"--db", other.db(), "report", "--as-of", "2028-12-31", "--known-at", kKnownAt});
  EXPECT_NE(out.find("Chỉ tiêu  Đã cử đi học"), std::string::npos) << out;  // the cells' quota column
  EXPECT_EQ(out.find("Chỉ tiêu\n"), std::string::npos) << out;
  Json j = Json::parse(
      RunOk({"--db", other.db(), "report", "--as-of", "2028-12-31", "--known-at", kKnownAt, "--format", "json"}));
  EXPECT_EQ(j["plans"][0]["targets"], Json::array());
}

TEST_F(TargetsCli, TheJsonGivesEachTargetWithNullWhereNotSet) {
  Json j = Json::parse(Out({"report", "--as-of", "2024-12-31", "--format", "json"}));
  ASSERT_EQ(j["plans"].size(), 1u);
  std::vector<std::string> keys;
  for (auto& [key, value] : j["plans"][0].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"plan", "budget_vnd", "public_funding_vnd", "remaining_vnd", "cells",
                                            "totals", "targets", "document"}));
  EXPECT_EQ(j["plans"][0]["targets"], Json::parse(R"json([
    {"program": "leadership", "target_trainee_turns": null, "target_classes": 1, "trainee_turns": 1, "classes": 1,
     "percent_of_target": null},
    {"program": "job_position", "target_trainee_turns": 200, "target_classes": null, "trainee_turns": 1, "classes": 1,
     "percent_of_target": 1},
    {"program": "knowledge_update", "target_trainee_turns": 3, "target_classes": 2, "trainee_turns": 3, "classes": 2,
     "percent_of_target": 100}])json"));
  // As of before the amendment took effect: the target first set.
  Json may = Json::parse(Out({"report", "--as-of", "2024-05-31", "--format", "json"}));
  EXPECT_EQ(may["plans"][0]["targets"][2], Json::parse(R"json({"program": "knowledge_update", "target_trainee_turns": 8,
    "target_classes": 2, "trainee_turns": 2, "classes": 1, "percent_of_target": 25})json"));
}

// A target's row: the program, the target's counts in their own columns,
// the trainee-turns and classes in the by-field columns, the % in the
// column a cell's % is in.
TEST_F(TargetsCli, TheCsvHasARowPerTarget) {
  std::vector<std::string> vi = SplitLines(Out({"report", "--as-of", "2024-12-31", "--format", "csv"}));
  ASSERT_GE(vi.size(), 12u);
  EXPECT_EQ(vi[0],
            "\xEF\xBB\xBF"
            "Mục,Kế hoạch,\"Trình độ, chương trình\",Nguồn kinh phí,\"Trong nước, nước ngoài\",Chỉ tiêu,Đã cử đi học,"
            "% đạt kế hoạch,Hoàn thành,\"Không hoàn thành, không được cấp văn bằng\",Đang học,Thôi học,Chỉ số,"
            "Lượt học viên,Số người,Số lớp,Giá trị,Kế hoạch (lượt học viên),Kế hoạch (số lớp),Tính đến hết ngày,"
            "Dữ liệu ghi nhận đến\r");
  EXPECT_EQ(std::vector<std::string>(vi.begin() + 8, vi.begin() + 11),
            (std::vector<std::string>{
                "Chỉ tiêu,QN-2024,\"Bồi dưỡng lãnh đạo, quản lý\",,,,,,,,,,,1,,1,,,1,2024-12-31,9999-12-31T16:59:59.999999Z\r",
                "Chỉ tiêu,QN-2024,Bồi dưỡng theo vị trí việc làm,,,,,1,,,,,,1,,1,,200,,2024-12-31,9999-12-31T16:59:59.999999Z\r",
                "Chỉ tiêu,QN-2024,Bồi dưỡng cập nhật kiến thức,,,,,100,,,,,,3,,2,,3,2,2024-12-31,9999-12-31T16:59:59.999999Z\r"}));
  std::vector<std::string> en = SplitLines(Out({"report", "--as-of", "2024-12-31", "--format", "csv", "--lang", "en"}));
  ASSERT_GE(en.size(), 12u);
  EXPECT_EQ(en[0],
            "\xEF\xBB\xBF"
            "Section,Plan,Program,Funding,Location,Quota,Enrolled,% of quota or target,Completed,Failed,In progress,"
            "Withdrawn,Item,Trainee-turns,Persons,Classes,Value,Target trainee-turns,Target classes,As of,Known at\r");
  EXPECT_EQ(en[10], "Targets,QN-2024,Knowledge update,,,,,100,,,,,,3,,2,,3,2,2024-12-31,9999-12-31T16:59:59.999999Z\r");
}

// `history` names each count of a target, either being optional.
TEST_F(TargetsCli, HistoryNamesWhatEachCountOfATargetCounts) {
  const std::string vi = Out({"history", "QN-2024"});
  EXPECT_NE(vi.find("Mục tiêu: [Bồi dưỡng cập nhật kiến thức: Lượt học viên 8, Số lớp 2; Bồi dưỡng lãnh đạo, quản lý: "
                    "Số lớp 1; Bồi dưỡng theo vị trí việc làm: Lượt học viên 200]"),
            std::string::npos)
      << vi;
  EXPECT_NE(vi.find("Mục tiêu: [Bồi dưỡng cập nhật kiến thức: Lượt học viên 3, Số lớp 2]"), std::string::npos) << vi;
  const std::string en = Out({"history", "QN-2024", "--lang", "en"});
  EXPECT_NE(en.find("Targets: [Knowledge update: Trainee-turns 3, Classes 2]"), std::string::npos) << en;
}

}  // namespace
}  // namespace tledger::report_testing
