// The benchmark programs that README.md's "Figures" names, run small: each
// completes and prints (or writes) every figure it is documented to. The
// figures are speeds and are not asserted; the counts and the layout are.
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

TEST(BenchmarkPrograms, RunSmall) {
  TempDir tmp;
  RunResult ib = RunProgram({TLEDGER_IMPORT_BENCH, "--events", "20000", "--dir", tmp / "ib"});
  ASSERT_EQ(ib.exit_code, 0) << ib.err;
  std::vector<std::string> lines = Lines(ib.out);
  ASSERT_EQ(lines.size(), 4u) << ib.out;
  EXPECT_EQ(lines[0], "events                      20000");
  EXPECT_TRUE(std::regex_match(lines[1], std::regex("raw ceiling +[0-9]+ events/s  \\(canonicalize \\+ SHA-256 chain \\+ RocksDB append, batches of 10,000, synced\\)"))) << lines[1];
  EXPECT_TRUE(std::regex_match(lines[2], std::regex("tledger import +[0-9]+ events/s  \\(JSONL parse \\+ validate \\+ id checks \\+ chain \\+ indexes, durable\\)"))) << lines[2];
  EXPECT_TRUE(std::regex_match(lines[3], std::regex("ratio +[0-9]+\\.[0-9] %"))) << lines[3];
  EXPECT_FALSE(fs::exists(tmp / "ib"));  // its scratch directory is removed

  // scale_bench writes its table between its markers and keeps the rest.
  std::string md = tmp / "B.md";
  WriteFile(md, "# before\n\n<!-- scale:begin -->\nold table\n<!-- scale:end -->\n\nafter\n");
  RunResult sb = RunProgram({TLEDGER_SCALE_BENCH, "--sizes", "20000", "--pairs", "5", "--violation-pairs", "2", "--dir",
                             tmp / "sb", "--markdown", md});
  ASSERT_EQ(sb.exit_code, 0) << sb.err;
  std::string written = ReadFile(md);
  EXPECT_EQ(written.rfind("# before\n\n<!-- scale:begin -->\nMeasured ", 0), 0u) << written;
  EXPECT_EQ(written.find("old table"), std::string::npos);
  EXPECT_EQ(FindOnce(written, "<!-- scale:end -->\n\nafter\n") + 26, written.size());
  std::vector<std::string> table;
  for (const std::string& line : Lines(written)) {
    if (line.rfind("| ", 0) == 0) table.push_back(line);
  }
  ASSERT_EQ(table.size(), 18u) << written;  // the header and 17 figures
  EXPECT_EQ(table[0], "| figure | target | 0.02M events |");
  EXPECT_EQ(table[1].rfind("| import, durable (whole command) | >= 400k/s | ", 0), 0u) << table[1];
  EXPECT_EQ(table[17].rfind("| disk after compaction | <= 150 B/event | ", 0), 0u) << table[17];
  EXPECT_TRUE(fs::is_empty(tmp / "sb"));  // each size's ledger is removed after it
}

// tree_bench (core/TREE.md's figures): five rates for the events asked.
TEST(BenchmarkPrograms, TreeBenchRunsSmall) {
  TempDir tmp;
  RunResult tb = RunProgram({TLEDGER_TREE_BENCH, "--events", "1000", "--dir", tmp / "tb"});
  ASSERT_EQ(tb.exit_code, 0) << tb.err;
  std::vector<std::string> lines = Lines(tb.out);
  ASSERT_EQ(lines.size(), 6u) << tb.out;
  EXPECT_EQ(lines[0], "events                           1000 (200 bytes each), 1994 stored hashes");
  const char* const kNames[] = {"chain \\(SHA-256 per event\\)", "tree \\(leaf \\+ interior hashes\\)",
                                "events SST \\(LZ4\\)", "tree SST, one key per hash", "tree SST, runs of 256 hashes"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_TRUE(std::regex_match(lines[i + 1], std::regex(std::string(kNames[i]) + " +[0-9]+ events/s"))) << lines[i + 1];
  }
  EXPECT_FALSE(fs::exists(tmp / "tb"));
}

}  // namespace
}  // namespace tledger::testing
