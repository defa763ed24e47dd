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
            "Thay đổi từ hết ngày 30/11/2025 đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 (UTC+07:00)\n"
            "\n"
            "Số liệu thay đổi\n"
            "  Mục                                                                 Chỉ số                       Trước            Sau\n"
            "  CT-2025 Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước  Đã cử đi học                     2              1\n"
            "  CT-2025 Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước  Đang học                         2              1\n"
            "  CT-2025 Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước  Thôi học                         0              1\n"
            "  Cấp: Cấp tỉnh                                                       Lượt học viên                    1              0\n"
            "  Cấp: Cấp tỉnh                                                       Số người                         1              0\n"
            "  Lĩnh vực: Công nghệ thông tin                                       Lượt học viên                    2              1\n"
            "  Hình thức: Tập trung                                                Lượt học viên                    2              1\n"
            "  Cộng                                                                Chi phí đền bù còn phải nộp    0 đ  100.000.000 đ\n"
            "\n"
            "Phát hiện mới: 1\n"
            "  Loại     Nội dung kiểm tra  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  vi phạm  Tự ý bỏ học        w-2             P2         Lê Thị Bích (P2), học viên E2, lớp C-PHD-IT (Tiến sĩ), tự ý bỏ học trong thời gian đào tạo: thôi học ngày 01/12/2025, sau ngày khai giảng 01/09/2025; phải đền bù chi phí đào tạo 100.000.000 đ, đã nộp 0 đ, còn phải nộp 100.000.000 đ\n"
            "\n"
            "Không còn: 1\n"
            "  Loại     Nội dung kiểm tra  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  vi phạm  Vượt chỉ tiêu      e-2             CT-2025    Lê Thị Bích (P2), học viên E2, là người thứ 2 được cử đi học theo chỉ tiêu Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước của kế hoạch CT-2025, vượt chỉ tiêu 1\n");
}

TEST_F(DiffCli, TableInEnglish) {
  EXPECT_EQ(Diff({"--lang", "en"}),
            "Changes from the end of 2025-11-30 to the end of 2025-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00)\n"
            "\n"
            "Tallies that changed\n"
            "  Item                                           Measure                            Before            After\n"
            "  CT-2025 PhD / Budget or unit funds / Domestic  Enrolled                                2                1\n"
            "  CT-2025 PhD / Budget or unit funds / Domestic  In progress                             2                1\n"
            "  CT-2025 PhD / Budget or unit funds / Domestic  Withdrawn                               0                1\n"
            "  Level: Province                                Trainee-turns                           1                0\n"
            "  Level: Province                                Persons                                 1                0\n"
            "  Field: Information technology                  Trainee-turns                           2                1\n"
            "  Form: Centralized                              Trainee-turns                           2                1\n"
            "  Total                                          Training costs still to be repaid   0 VND  100,000,000 VND\n"
            "\n"
            "Findings that appeared: 1\n"
            "  Kind       Check        Record  Subject  Detail\n"
            "  violation  Dropped out  w-2     P2       Lê Thị Bích (P2), enrollment E2, course C-PHD-IT (PhD), dropped out during the training: withdrawn on 2025-12-01, after the course began on 2025-09-01; training costs to repay 100,000,000 VND, repaid 0 VND, outstanding 100,000,000 VND\n"
            "\n"
            "Findings that cleared: 1\n"
            "  Kind       Check           Record  Subject  Detail\n"
            "  violation  Over the quota  e-2     CT-2025  Lê Thị Bích (P2), enrollment E2, is number 2 sent under the PhD / Budget or unit funds / Domestic quota of plan CT-2025, over the quota of 1\n");
}

// JSON keeps the codes; a finding's detail is in the chosen language.
TEST_F(DiffCli, JsonNamesEachChangeAndEachViolation) {
  Json j = Json::parse(Diff({"--format", "json", "--lang", "en"}));
  EXPECT_EQ(j, Json::parse(R"json({
 "from": "2025-11-30",
 "to": "2025-12-31",
 "known_at": "9999-12-31T16:59:59.999999Z",
 "changes": [
  {
   "section": "cell",
   "plan": "CT-2025",
   "program": "phd",
   "funding_class": "public",
   "location": "domestic",
   "measure": "enrolled",
   "from": 2,
   "to": 1
  },
  {
   "section": "cell",
   "plan": "CT-2025",
   "program": "phd",
   "funding_class": "public",
   "location": "domestic",
   "measure": "in_progress",
   "from": 2,
   "to": 1
  },
  {
   "section": "cell",
   "plan": "CT-2025",
   "program": "phd",
   "funding_class": "public",
   "location": "domestic",
   "measure": "withdrawn",
   "from": 0,
   "to": 1
  },
  {
   "section": "by_level",
   "level": "province",
   "measure": "trainee_turns",
   "from": 1,
   "to": 0
  },
  {
   "section": "by_level",
   "level": "province",
   "measure": "persons",
   "from": 1,
   "to": 0
  },
  {
   "section": "by_field",
   "field": "information_technology",
   "measure": "trainee_turns",
   "from": 2,
   "to": 1
  },
  {
   "section": "by_form",
   "form": "centralized",
   "measure": "trainee_turns",
   "from": 2,
   "to": 1
  },
  {
   "section": "total",
   "measure": "reimbursement_due_vnd",
   "from": 0,
   "to": 100000000
  }
 ],
 "appeared": [
  {
   "rule": "DROPPED_OUT",
   "severity": "error",
   "event": "w-2",
   "subject": "P2",
   "detail": "Lê Thị Bích (P2), enrollment E2, course C-PHD-IT (PhD), dropped out during the training: withdrawn on 2025-12-01, after the course began on 2025-09-01; training costs to repay 100,000,000 VND, repaid 0 VND, outstanding 100,000,000 VND",
   "kind": "violation",
   "basis": {
    "instrument": "decree_171_2025",
    "article": 6,
    "clause": null,
    "point": null,
    "confidence": "clause_to_confirm",
    "citation": "Article 6 of Decree 171/2025",
    "citation_full": "Article 6 of Decree No. 171/2025/ND-CP of 30 June 2025 of the Government on the training and fostering of civil servants",
    "provisions": [
     {
      "instrument": "decree_171_2025",
      "article": 6,
      "clause": null,
      "point": null,
      "role": "obligation",
      "confidence": "clause_to_confirm",
      "citation": "Article 6 of Decree 171/2025",
      "quote": null
     }
    ]
   },
   "params": {
    "enrollment": "E2",
    "person": "P2",
    "person_name": "Lê Thị Bích",
    "course": "C-PHD-IT",
    "program": "phd",
    "on": "2025-12-01",
    "start": "2025-09-01",
    "funding_vnd": 100000000,
    "gross_vnd": 100000000,
    "repaid_vnd": 0,
    "outstanding_vnd": 100000000
   },
   "seq": 25,
   "rulebook": "2025",
   "enrollment": "E2",
   "amount_vnd": 100000000,
   "repaid_vnd": 0,
   "outstanding_vnd": 100000000
  }
 ],
 "cleared": [
  {
   "rule": "QUOTA_EXCEEDED",
   "severity": "error",
   "event": "e-2",
   "subject": "CT-2025",
   "detail": "Lê Thị Bích (P2), enrollment E2, is number 2 sent under the PhD / Budget or unit funds / Domestic quota of plan CT-2025, over the quota of 1",
   "kind": "violation",
   "basis": {
    "instrument": "plan_decision",
    "article": null,
    "clause": null,
    "point": null,
    "confidence": "checked",
    "citation": "KH 12/KH-UBND",
    "citation_full": "KH 12/KH-UBND of 2025-02-01, Thành phố Cần Thơ (Kế hoạch đào tạo CB-CCVC năm 2025)",
    "provisions": [
     {
      "instrument": "plan_decision",
      "article": null,
      "clause": null,
      "point": null,
      "role": "obligation",
      "confidence": "checked",
      "citation": "KH 12/KH-UBND",
      "quote": null
     }
    ]
   },
   "params": {
    "enrollment": "E2",
    "person": "P2",
    "person_name": "Lê Thị Bích",
    "course": "C-PHD-IT",
    "plan": "CT-2025",
    "program": "phd",
    "funding_class": "public",
    "location": "domestic",
    "on": "2025-09-02",
    "nth": 2,
    "quota": 1,
    "plan_document": {
     "plan": "CT-2025",
     "title": "Kế hoạch đào tạo CB-CCVC năm 2025",
     "source": "KH 12/KH-UBND",
     "issued": "2025-02-01",
     "issuer": "CT",
     "issuer_name": "Thành phố Cần Thơ"
    }
   },
   "seq": 16,
   "rulebook": "2025",
   "enrollment": "E2",
   "amount_vnd": null,
   "repaid_vnd": null,
   "outstanding_vnd": null
  }
 ],
 "plan": null,
 "restate_units": false
})json"));
}

TEST_F(DiffCli, CsvHasOneRowPerChangeAndPerViolation) {
  EXPECT_EQ(Diff({"--format", "csv", "--plan", "CT-2025"}),
            "\xEF\xBB\xBF"
            "Thay đổi,Mục,Kế hoạch,\"Trình độ, chương trình\",Nguồn kinh phí,\"Trong nước, nước ngoài\",Theo,Chỉ số,Trước,Sau,Nội dung kiểm tra,Loại,Bản ghi căn cứ,Đối tượng,Văn bản áp dụng,Nội dung,Căn cứ pháp lý,Học viên,Chi phí đền bù,Đã nộp,Còn phải nộp,Số thứ tự bản ghi,Từ ngày,Đến ngày,Dữ liệu ghi nhận đến\r\n"
            "Số liệu thay đổi,Theo trình độ,CT-2025,Tiến sĩ,Ngân sách/kinh phí đơn vị sự nghiệp,Trong nước,,Đã cử đi học,2,1,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo trình độ,CT-2025,Tiến sĩ,Ngân sách/kinh phí đơn vị sự nghiệp,Trong nước,,Đang học,2,1,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo trình độ,CT-2025,Tiến sĩ,Ngân sách/kinh phí đơn vị sự nghiệp,Trong nước,,Thôi học,0,1,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo cấp,,,,,Cấp tỉnh,Lượt học viên,1,0,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo cấp,,,,,Cấp tỉnh,Số người,1,0,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo lĩnh vực,,,,,Công nghệ thông tin,Lượt học viên,2,1,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Theo hình thức,,,,,Tập trung,Lượt học viên,2,1,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Số liệu thay đổi,Tổng hợp,,,,,,Chi phí đền bù còn phải nộp,0,100000000,,,,,,,,,,,,,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Phát hiện mới,,,,,,,,,,Tự ý bỏ học,vi phạm,w-2,P2,NĐ 171/2025,\"Lê Thị Bích (P2), học viên E2, lớp C-PHD-IT (Tiến sĩ), tự ý bỏ học trong thời gian đào tạo: thôi học ngày 01/12/2025, sau ngày khai giảng 01/09/2025; phải đền bù chi phí đào tạo 100.000.000 đ, đã nộp 0 đ, còn phải nộp 100.000.000 đ\",Điều 6 NĐ 171/2025,E2,100000000,0,100000000,25,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Không còn,,,,,,,,,,Vượt chỉ tiêu,vi phạm,e-2,CT-2025,NĐ 171/2025,\"Lê Thị Bích (P2), học viên E2, là người thứ 2 được cử đi học theo chỉ tiêu Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước của kế hoạch CT-2025, vượt chỉ tiêu 1\",KH 12/KH-UBND,E2,,,,16,2025-11-30,2025-12-31,9999-12-31T16:59:59.999999Z\r\n");
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
            "Changes from the end of 2025-12-31 to the end of 2025-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00)\n"
            "\n"
            "Tallies that changed\n"
            "  No tally changed.\n"
            "\n"
            "Findings that appeared: 0\n"
            "  (none)\n"
            "\n"
            "Findings that cleared: 0\n"
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
