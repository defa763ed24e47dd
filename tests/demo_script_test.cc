// tools/demo.sh as a newcomer runs it, against this build directory (it
// rebuilds nothing when the build is current): the demo ledger of the seed
// reports, its report as of 31/12/2025 and its violations. The figures
// themselves are asserted through the engine by demo_test; this test pins
// what the script prints. One ctest test, demo_script_test.
#include <regex>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

RunResult RunDemo(const std::string& demo_db) {
  return RunProgram({"/bin/bash", SourceDir() + "/tools/demo.sh"},
                    {.env = {std::string("BUILD_DIR=") + TLEDGER_BUILD_DIR, "DEMO_DB=" + demo_db}});
}

void ExpectContains(const std::string& out, const std::string& text) {
  EXPECT_NE(out.find(text), std::string::npos) << "missing:\n" << text << "\nin:\n" << out;
}

TEST(DemoScript, ImportsTheSeedLedgerAndPrintsItsReportAsOfAPastDate) {
  TempDir tmp;
  RunResult r = RunDemo(tmp / "demo");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string out = Normalized(r.out);
  ExpectContains(out,
                 "\n$ tledger import 01_units.jsonl 02_people.jsonl 03_ho_chi_minh_2016_2020.jsonl "
                 "04_quang_ninh_2021_2024.jsonl 05_binh_dinh_2025_phase1.jsonl 06_binh_dinh_digital_2025.jsonl "
                 "07_reorganisation_2025_07_01.jsonl 08_binh_dinh_2025_phase2.jsonl 09_can_tho_2025.jsonl "
                 "10_late_entries.jsonl\n"
                 "imported 10 files: 187385 appended, 0 already present, in <t> s; head seq 187385\n");
  EXPECT_TRUE(std::regex_search(
      out, std::regex("\n\\$ tledger verify\nintact: 187385 events, 0 anchors matched; head 187385:[0-9a-f]{64}\n")))
      << out;
  ExpectContains(out,
                 "\n$ tledger report --as-of 31/12/2025\n"
                 "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến <time>; "
                 "187.384 bản ghi được tính\n");
  // Cần Thơ's published plan, headed by its decision: the nine quota cells,
  // how far each is reached, and the budget.
  ExpectContains(out,
                 "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2025 (CT-2025)\n"
                 "Văn bản: KH 245/KH-UBND ngày 02/10/2025; cơ quan ban hành: Thành phố Cần Thơ\n"
                 "  Dự toán kinh phí        4.700.000.000 đ\n");
  for (const char* cell : {
           "  Tiến sĩ                         Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                    17            11             65%",
           "  Tiến sĩ                         Tự túc                               Trong nước                     1             1            100%",
           "  Tiến sĩ                         Tự túc                               Nước ngoài                     2             0              0%",
           "  Thạc sĩ                         Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                   138           104             75%",
           "  Thạc sĩ                         Tự túc                               Trong nước                     4             4            100%",
           "  Thạc sĩ                         Tự túc                               Nước ngoài                     1             0              0%",
           "  Chuyên khoa cấp II              Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                    26            19             73%",
           "  Chuyên khoa cấp I               Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                    89            71             80%",
           "  Chuyên khoa cấp I               Tự túc                               Trong nước                     4             2             50%",
       }) {
    ExpectContains(out, cell);
  }
  // Bình Định's digital-transformation program and Đầm Hà's classes.
  ExpectContains(out, "  Tập trung              9.892      96\n");
  ExpectContains(out, "  Trực tuyến            24.783     247\n");
  ExpectContains(out, "  Bồi dưỡng cập nhật kiến thức  Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                     -        16.006               -      16.006");
  ExpectContains(out, "Chi phí đền bù còn phải nộp: 82.310.344 đ\n");
  ExpectContains(out,
                 "\n$ tledger violations --as-of 31/12/2025\n"
                 "Kết quả kiểm tra tính đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến <time>: 8 vi phạm, 0 cảnh báo, "
                 "2 sai sót dữ liệu\n");
  ExpectContains(out, "\n$ tledger history BD25-P1-02-01\nLịch sử của \"BD25-P1-02-01\": 4 bản ghi\n");
  ExpectContains(out,
                 "thay thế bản ghi done-BD25-P1-02-01 (số 71698): Kết quả: Không hoàn thành, không được cấp văn bằng → "
                 "Hoàn thành; lý do: nhập nhầm kết quả");
  // Each run starts from a fresh ledger.
  RunResult again = RunDemo(tmp / "demo");
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  ExpectContains(Normalized(again.out), "imported 10 files: 187385 appended, 0 already present");
}

TEST(DemoScript, NeverReplacesADirectoryThatIsNotALedger) {
  TempDir tmp;
  WriteFile(tmp / "notes.txt", "mine");
  RunResult r = RunDemo(tmp.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("demo.sh: " + tmp.path() + " exists and is not a tledger ledger; not replacing it (set DEMO_DB)\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFile(tmp / "notes.txt"), "mine");
}

}  // namespace
}  // namespace tledger::testing
