// The README stays true: its first block is exactly the two commands a
// newcomer runs (tools/demo.sh is run by demo_script_test, tools/test.sh by
// CI), and every `tledger` command of "Using it" runs, in order, as shown
// (with `tledger` the binary under test, in a fresh directory where
// tests/data is the repository's).
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

// The lines of the first ``` block after `heading` (from the start when
// empty).
std::vector<std::string> Block(const std::string& readme, const std::string& heading) {
  size_t at = heading.empty() ? 0 : readme.find("\n" + heading + "\n");
  if (at == std::string::npos) return {};
  size_t open = readme.find("```\n", at);
  size_t close = readme.find("\n```", open + 4);
  if (open == std::string::npos || close == std::string::npos) return {};
  return Lines(readme.substr(open + 4, close - open - 4));
}

TEST(Readme, OpensWithTheTwoCommands) {
  std::vector<std::string> first = Block(ReadFile(std::string(TLEDGER_SOURCE_DIR) + "/README.md"), "");
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].substr(0, first[0].find(' ')), "tools/demo.sh");
  EXPECT_EQ(first[1].substr(0, first[1].find(' ')), "tools/test.sh");
}

TEST(Readme, EveryCommandOfUsingItRuns) {
  std::vector<std::string> commands = Block(ReadFile(std::string(TLEDGER_SOURCE_DIR) + "/README.md"), "## Using it");
  ASSERT_GE(commands.size(), 10u);
  TempDir tmp;
  fs::create_directory(tmp / "tests");
  fs::create_directory_symlink(std::string(TLEDGER_SOURCE_DIR) + "/tests/data", tmp / "tests/data");
  std::string path = "PATH=" + fs::path(TledgerBin()).parent_path().string() + ":" + std::getenv("PATH");
  int ran = 0;
  for (const std::string& command : commands) {
    if (command.rfind("tledger ", 0) != 0) continue;
    SCOPED_TRACE(command);
    RunResult r = RunProgram({"/bin/sh", "-c", command}, {.cwd = tmp.path(), .env = {path}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ++ran;
    if (command.find(" verify --expect-head") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 26 events, 1 anchor matched; head 26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" verify") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 26 events, 0 anchors matched; head 26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" checkpoint") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" history HG-000123 --lang en") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "History of \"HG-000123\": 12 records");
    } else if (command.find(" history HG-000123") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "Lịch sử của \"HG-000123\": 12 bản ghi");
    }
  }
  EXPECT_EQ(ran, static_cast<int>(commands.size()));
  EXPECT_EQ(Lines(ReadFile(tmp / "ledger.jsonl")).size(), 26u);
}

}  // namespace
}  // namespace tledger::testing
