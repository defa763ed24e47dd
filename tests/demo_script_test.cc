// tools/demo.sh as a newcomer runs it, against this build directory (it
// rebuilds nothing when the build is current): the demo ledger of the seed
// reports, its report as of 2025-12-31 and its violations. The figures
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
                 "\n$ tledger import 01_units.jsonl 02_people.jsonl 03_quang_ninh_2021_2024.jsonl "
                 "04_binh_dinh_2025_phase1.jsonl 05_binh_dinh_digital_2025.jsonl 06_reorganisation_2025_07_01.jsonl "
                 "07_binh_dinh_2025_phase2.jsonl 08_can_tho_2025.jsonl 09_late_entries.jsonl\n"
                 "imported 9 files: 187383 appended, 0 already present, in <t> s; head seq 187383\n");
  EXPECT_TRUE(std::regex_search(
      out, std::regex("\n\\$ tledger verify\nintact: 187383 events, 0 anchors matched; head 187383:[0-9a-f]{64}\n")))
      << out;
  ExpectContains(out,
                 "\n$ tledger report --as-of 2025-12-31\n"
                 "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày 2025-12-31, theo dữ liệu ghi nhận đến <time>; "
                 "187382 sự kiện được tính\n");
  // Cần Thơ's published plan: the nine quota cells and the budget.
  ExpectContains(out,
                 "Kế hoạch CT-2025\n"
                 "  Dự toán                      4.700.000.000 đ\n");
  for (const char* cell : {
           "  phd           public          domestic           17        11",
           "  phd           self            domestic            1         1",
           "  phd           self            foreign             2         0",
           "  master        public          domestic          138       104",
           "  master        self            domestic            4         4",
           "  master        self            foreign             1         0",
           "  specialist_2  public          domestic           26        19",
           "  specialist_1  public          domestic           89        71",
           "  specialist_1  self            domestic            4         2",
       }) {
    ExpectContains(out, cell);
  }
  // Bình Định's digital-transformation program and Đầm Hà's classes.
  ExpectContains(out, "  centralized                9892      96\n");
  ExpectContains(out, "  online                    24783     247\n");
  ExpectContains(out, "  knowledge_update  public          domestic            -     16006       16006");
  ExpectContains(out, "Kinh phí phải bồi hoàn: 82.310.344 đ\n");
  ExpectContains(out,
                 "\n$ tledger violations --as-of 2025-12-31\n"
                 "Vi phạm tính đến hết ngày 2025-12-31, theo dữ liệu ghi nhận đến <time>: 10 vi phạm (10 lỗi, 0 cảnh báo)\n");
  ExpectContains(out, "\n$ tledger history BD25-P1-02-01\nhistory of \"BD25-P1-02-01\": 4 events\n");
  ExpectContains(out, "replaces done-BD25-P1-02-01 (seq 71696): result failed -> passed; reason: nhập nhầm kết quả");

  // Each run starts from a fresh ledger.
  RunResult again = RunDemo(tmp / "demo");
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  ExpectContains(Normalized(again.out), "imported 9 files: 187383 appended, 0 already present");
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
