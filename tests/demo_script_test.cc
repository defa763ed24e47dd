// tools/demo.sh as a newcomer runs it, against this build directory (it
// rebuilds nothing when the build is current). One ctest test,
// demo_script_test.
#include <regex>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

RunResult RunDemo(const std::string& demo_db) {
  return RunProgram({"/bin/bash", SourceDir() + "/tools/demo.sh"},
                    {.env = {std::string("BUILD_DIR=") + TLEDGER_BUILD_DIR, "DEMO_DB=" + demo_db}});
}

// The demo's history of HG-E-0001: the sample's, recorded by "demo".
std::string ExpectedHistory() {
  std::string history = ReadFile(DataPath("history_HG-E-0001.txt"));
  return std::regex_replace(history, std::regex("recorded by clerk"), "recorded by demo");
}

TEST(DemoScript, ShowsVerifyTheLatestEventsAndAHistory) {
  TempDir tmp;
  RunResult r = RunDemo(tmp / "demo");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::string out = Normalized(r.out);
  EXPECT_NE(out.find("\n$ tledger import tools/demo/sample.jsonl\n"
                     "imported 1 file: 24 appended, 0 already present, in <t> s; head seq 24\n"),
            std::string::npos)
      << out;
  EXPECT_TRUE(std::regex_search(out, std::regex("\n\\$ tledger verify\nintact: 24 events, 0 anchors matched; head 24:[0-9a-f]{64}\n")))
      << out;
  EXPECT_NE(out.find("\n$ tledger log --tail 5\n"), std::string::npos) << out;
  // The history is the last thing the demo prints.
  const std::string history = "\n$ tledger history HG-E-0001\n" + ExpectedHistory();
  ASSERT_GE(out.size(), history.size());
  EXPECT_EQ(out.substr(out.size() - history.size()), history);

  // Each run starts from a fresh ledger.
  RunResult again = RunDemo(tmp / "demo");
  ASSERT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(Normalized(again.out).find("imported 1 file: 24 appended, 0 already present"), std::string::npos);
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
