// Helpers for the end-to-end tests of `report`, `violations`, `diff` and
// `history`: run the built `tledger` as a user would and capture what it
// prints, in a fresh temporary directory.
//
//   ReportTestDir dir;
//   CliRun run = RunTledger({"--db", dir.db(), "import", DataFile("sample.jsonl")});
//   EXPECT_EQ(run.exit_code, 0) << run.err;
//
// Header-only and self-contained (tests/test_util.h on another branch has
// the general ones; these keep to their own namespace so both can live on).
#ifndef TLEDGER_TESTS_REPORT_TEST_UTIL_H_
#define TLEDGER_TESTS_REPORT_TEST_UTIL_H_

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace tledger::report_testing {

struct CliRun {
  int exit_code = -1;  // the exit status, or 128 + signal
  std::string out;
  std::string err;
};

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fixture under tests/data.
inline std::string DataFile(const std::string& name) { return std::string(TLEDGER_REPORT_TEST_DATA) + "/" + name; }

// A fresh directory, removed with its contents when the object goes.
class ReportTestDir {
 public:
  ReportTestDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tledger-report-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) std::abort();
    path_ = tmpl;
  }
  ~ReportTestDir() { std::filesystem::remove_all(path_); }
  ReportTestDir(const ReportTestDir&) = delete;
  ReportTestDir& operator=(const ReportTestDir&) = delete;

  const std::string& path() const { return path_; }
  std::string db() const { return path_ + "/db"; }

 private:
  std::string path_;
};

// Runs the built tledger with `args`; stdout and stderr go to files (a
// chatty child never blocks on a pipe) and are read back whole.
inline CliRun RunTledger(const std::vector<std::string>& args) {
  ReportTestDir scratch;
  std::string out_path = scratch.path() + "/out", err_path = scratch.path() + "/err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_strings = {TLEDGER_REPORT_TEST_BIN};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  CliRun run;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = ReadAll(out_path);
  run.err = ReadAll(err_path);
  return run;
}

// RunTledger(args), expected to succeed with nothing on stderr: its stdout.
inline std::string RunOk(const std::vector<std::string>& args) {
  CliRun run = RunTledger(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  return run.out;
}

// Imports `files` into the ledger at `db` as the actor "clerk"; aborts the
// test program when the import fails (a test cannot assert on a ledger it
// could not make).
inline void ImportInto(const std::string& db, const std::vector<std::string>& files) {
  std::vector<std::string> args = {"--db", db, "--actor", "clerk", "import"};
  args.insert(args.end(), files.begin(), files.end());
  CliRun run = RunTledger(args);
  if (run.exit_code != 0) {
    std::fprintf(stderr, "import failed (%d): %s\n", run.exit_code, run.err.c_str());
    std::abort();
  }
}

// Text split into lines without their "\n".
inline std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace tledger::report_testing

#endif  // TLEDGER_TESTS_REPORT_TEST_UTIL_H_
