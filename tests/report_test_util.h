// The vocabulary of the report, violations, diff and history tests, on top
// of tests/test_util.h.
//
//   ReportTestDir dir;
//   CliRun run = RunTledger({"--db", dir.db(), "import", DataFile("sample.jsonl")});
//   EXPECT_EQ(run.exit_code, 0) << run.err;
#ifndef TLEDGER_TESTS_REPORT_TEST_UTIL_H_
#define TLEDGER_TESTS_REPORT_TEST_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::report_testing {

using CliRun = testing::RunResult;
using testing::Lines;

inline std::string DataFile(const std::string& name) { return testing::DataPath(name); }

// A fresh directory with a place for a ledger in it.
class ReportTestDir {
 public:
  const std::string& path() const { return dir_.path(); }
  std::string db() const { return dir_ / "db"; }

 private:
  testing::TempDir dir_;
};

// Runs the built tledger with `args` (global options included).
inline CliRun RunTledger(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {testing::TledgerBin()};
  argv.insert(argv.end(), args.begin(), args.end());
  return testing::RunProgram(argv);
}

// RunTledger(args), expected to succeed with nothing on stderr: its stdout.
inline std::string RunOk(const std::vector<std::string>& args) {
  CliRun run = RunTledger(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  return run.out;
}

// Imports `files` into the ledger at `db` as the actor "clerk".
inline void ImportInto(const std::string& db, const std::vector<std::string>& files) {
  testing::MakeLedger(db, files);
}

inline std::vector<std::string> SplitLines(const std::string& text) { return testing::Lines(text); }

}  // namespace tledger::report_testing

#endif  // TLEDGER_TESTS_REPORT_TEST_UTIL_H_
