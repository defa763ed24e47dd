// `compensation` end to end on tests/data/sample.jsonl: HG-000123 passed a
// master's funded with 95,000,000 VND, left service after 9 of the 48
// months committed (2x the 24 months of the course) and repaid 30,000,000.
// The list shows the formula with its numbers, what was repaid and what is
// outstanding, in each format and both languages; an exemption recorded
// later leaves the case on the list, owing nothing, and the report's
// reimbursement due follows it. (The demo's three cases: demo_output_test.)
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/report_test_util.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kKnownAt[] = "9999-12-31";

std::string Out(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db});
  args.insert(args.end(), {"--known-at", kKnownAt});
  return RunOk(args);
}

const char kTableVi[] =
    "Danh sách đền bù chi phí đào tạo tính đến hết ngày 31/12/2028, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 "
    "(UTC+07:00): 1 trường hợp\n"
    "\n"
    "1. Trần Thị Ngọc Hân (HG-000123)\n"
    "  Đơn vị                   Thành phố Cần Thơ (CT)\n"
    "  Đối tượng                Công chức\n"
    "  Học viên                 HG-E-0001\n"
    "  Lớp                      HG-MS-FIN-25\n"
    "  Trình độ, chương trình   Thạc sĩ\n"
    "  Kế hoạch                 HG-2025\n"
    "  Quyết định cấp kinh phí  QĐ 501/QĐ-UBND ngày 12/03/2025: 95.000.000 đ (Ngân sách nhà nước)\n"
    "  Trường hợp               Chưa phục vụ đủ thời gian đã cam kết (vi phạm, NĐ 101/2017)\n"
    "  Căn cứ                   khoản 3 Điều 7 Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về "
    "đào tạo, bồi dưỡng cán bộ, công chức, viên chức (được sửa đổi, bổ sung bởi Nghị định số 89/2021/NĐ-CP ngày 18 "
    "tháng 10 năm 2021 của Chính phủ); mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm c khoản "
    "1 Điều 6 NĐ 101/2017\n"
    "  Cách tính                S = F x (T1 - T2) / T1 = 95.000.000 đ x (48 - 9) / 48 = 77.187.500 đ (T1, T2 tính "
    "bằng tháng; làm tròn xuống đến đồng; chưa tính giảm trừ, nếu có)\n"
    "  Phải đền bù              77.187.500 đ\n"
    "  Đã nộp                   30.000.000 đ\n"
    "  Còn phải nộp             47.187.500 đ\n"
    "  Bản ghi căn cứ           s-l1 (20)\n"
    "\n"
    "Cộng: phải đền bù 77.187.500 đ; đã nộp 30.000.000 đ; còn phải nộp 47.187.500 đ\n";

class CompensationCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(Db(), {DataFile("sample.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string Db() { return dir_->path() + "/sample"; }
  static ReportTestDir* dir_;
};
ReportTestDir* CompensationCli::dir_ = nullptr;

TEST_F(CompensationCli, TableShowsTheFormulaWithItsNumbersRepaidAndOutstanding) {
  EXPECT_EQ(Out(Db(), {"compensation", "--as-of", "31/12/2028"}), kTableVi);
  EXPECT_EQ(Out(Db(), {"compensation", "--as-of", "2028-12-31"}), kTableVi);
}

TEST_F(CompensationCli, EnglishTable) {
  std::string en = Out(Db(), {"compensation", "--as-of", "2028-12-31", "--lang", "en"});
  EXPECT_EQ(SplitLines(en).front(),
            "Training costs to repay as of the end of 2028-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00): 1 case");
  EXPECT_NE(en.find("  Computed as        S = F x (T1 - T2) / T1 = 95,000,000 VND x (48 - 9) / 48 = 77,187,500 VND "
                    "(T1, T2 in months; rounded down to the dong; before any reduction)\n"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("\nTotal: to repay 77,187,500 VND; repaid 30,000,000 VND; outstanding 47,187,500 VND\n"),
            std::string::npos)
      << en;
}

TEST_F(CompensationCli, JsonCarriesTheCaseItsBasisAndTheTotalTheReportSums) {
  Json j = Json::parse(Out(Db(), {"compensation", "--as-of", "2028-12-31", "--format", "json"}));
  ASSERT_EQ(j["cases"].size(), 1u);
  const Json& c = j["cases"][0];
  EXPECT_EQ(c["person"], "HG-000123");
  EXPECT_EQ(c["enrollment"], "HG-E-0001");
  EXPECT_EQ(c["rule"], "SERVICE_BREACH");
  EXPECT_EQ(c["basis"]["citation"],
            "khoản 3 Điều 7 NĐ 101/2017; mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm c "
            "khoản 1 Điều 6 NĐ 101/2017");
  EXPECT_EQ(c["gross_vnd"], 77187500);
  EXPECT_EQ(c["repaid_vnd"], 30000000);
  EXPECT_EQ(c["outstanding_vnd"], 47187500);
  EXPECT_EQ(c["funding_vnd"], 95000000);
  EXPECT_EQ(c["t1_months"], 48);
  EXPECT_EQ(c["t2_months"], 9);
  EXPECT_EQ(c["category"], "civil_servant");
  EXPECT_EQ(c["decisions"], Json::parse(R"([{"decision":"QĐ 501/QĐ-UBND","date":"2025-03-12",
                                            "amount_vnd":95000000,"funding":"state_budget"}])"));
  EXPECT_EQ(c["exemption"], nullptr);
  EXPECT_EQ(j["total_outstanding_vnd"], 47187500);
  Json report = Json::parse(Out(Db(), {"report", "--as-of", "2028-12-31", "--format", "json"}));
  EXPECT_EQ(report["reimbursement_due_vnd"], 47187500);
}

TEST_F(CompensationCli, CsvOpensInExcelWithOneRowPerCaseAndTotals) {
  std::vector<std::string> lines = SplitLines(Out(Db(), {"compensation", "--as-of", "2028-12-31", "--format", "csv"}));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(lines[1],
            "1,Trần Thị Ngọc Hân,HG-000123,Thành phố Cần Thơ,Công chức,,HG-E-0001,HG-MS-FIN-25,Thạc sĩ,HG-2025,"
            "QĐ 501/QĐ-UBND ngày 12/03/2025: 95.000.000 đ (Ngân sách nhà nước),Chưa phục vụ đủ thời gian đã cam kết,"
            "vi phạm,NĐ 101/2017,khoản 3 Điều 7 NĐ 101/2017; mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian "
            "cam kết: điểm c khoản 1 Điều 6 NĐ 101/2017,\"S = F x (T1 - T2) / T1 = 95.000.000 đ x (48 - 9) / 48 = "
            "77.187.500 đ (T1, T2 tính bằng tháng; làm tròn xuống đến đồng; chưa tính giảm trừ, nếu có)\",77187500,"
            "30000000,,47187500,s-l1,20,2028-12-31,9999-12-31T16:59:59.999999Z\r");
  EXPECT_EQ(lines[2], ",Cộng,,,,,,,,,,,,,,,77187500,30000000,,47187500,,,2028-12-31,9999-12-31T16:59:59.999999Z\r");
}

// Before she left service, nothing is owed: the list is empty, and says so.
TEST_F(CompensationCli, NothingOwedBeforeTheBreach) {
  EXPECT_EQ(Out(Db(), {"compensation", "--as-of", "2027-12-31"}),
            "Danh sách đền bù chi phí đào tạo tính đến hết ngày 31/12/2027, theo dữ liệu ghi nhận đến 31/12/9999 "
            "23:59:59 (UTC+07:00): 0 trường hợp\n\nKhông có trường hợp nào phải đền bù chi phí đào tạo.\n");
  Json j = Json::parse(Out(Db(), {"compensation", "--as-of", "2027-12-31", "--format", "json"}));
  EXPECT_EQ(j["cases"], Json::array());
  EXPECT_EQ(j["total_outstanding_vnd"], 0);
}

// An exemption keeps the case on the list (an inspector sees it was
// exempted, on what ground, by which record) with nothing outstanding;
// the report owes nothing either.
TEST(CompensationExempted, TheCaseStaysListedOwingNothing) {
  ReportTestDir dir;
  testing::WriteFile(dir.path() + "/exempt.jsonl",
                     "{\"type\":\"compensation_exempted\",\"id\":\"s-z1\",\"effective\":\"2028-04-01\","
                     "\"person\":\"HG-000123\",\"enrollment\":\"HG-E-0001\",\"ground\":\"illness\"}\n");
  ImportInto(dir.db(), {DataFile("sample.jsonl"), dir.path() + "/exempt.jsonl"});
  std::string table = Out(dir.db(), {"compensation", "--as-of", "2028-12-31"});
  EXPECT_NE(table.find("  Phải đền bù              77.187.500 đ\n"
                       "  Đã nộp                   30.000.000 đ\n"
                       "  Miễn đền bù              Ốm đau (bản ghi s-z1)\n"
                       "  Còn phải nộp             0 đ\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("\nCộng: phải đền bù 77.187.500 đ; đã nộp 30.000.000 đ; còn phải nộp 0 đ\n"), std::string::npos)
      << table;
  Json j = Json::parse(Out(dir.db(), {"compensation", "--as-of", "2028-12-31", "--format", "json"}));
  EXPECT_EQ(j["cases"][0]["exemption"], Json::parse(R"({"event":"s-z1","ground":"illness"})"));
  EXPECT_EQ(j["cases"][0]["outstanding_vnd"], 0);
  EXPECT_EQ(j["total_outstanding_vnd"], 0);
  Json report = Json::parse(Out(dir.db(), {"report", "--as-of", "2028-12-31", "--format", "json"}));
  EXPECT_EQ(report["reimbursement_due_vnd"], 0);
  // Before the exemption's date, it does not count yet.
  Json before = Json::parse(Out(dir.db(), {"compensation", "--as-of", "2028-03-31", "--format", "json"}));
  EXPECT_EQ(before["cases"][0]["exemption"], nullptr);
  EXPECT_EQ(before["total_outstanding_vnd"], 47187500);
}

TEST_F(CompensationCli, BadOptionsAreRefusedNamingThem) {
  CliRun r = RunTledger({"--db", Db(), "compensation", "--as-of", "31/13/2028"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "tledger: error: --as-of: impossible date: \"31/13/2028\" (expected a real day, YYYY-MM-DD or "
            "dd/mm/yyyy)\n");
  r = RunTledger({"--db", Db(), "compensation", "--plan", "XX", "--known-at", kKnownAt});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "tledger: error: --plan: no plan \"XX\" is issued in the ledger as known at 9999-12-31T16:59:59.999999Z "
            "(plans: HG-2025)\n");
  r = RunTledger({"--db", Db(), "compensation", "--format", "docx"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tledger: error: --format: \"docx\" is not a format (expected table, json, csv, xlsx or pdf)\n");
  r = RunTledger({"--db", Db(), "compensation", "--format", "pdf"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tledger: error: --format pdf: a PDF is written to a file: add -o FILE\n");
}

}  // namespace
}  // namespace tledger::report_testing
