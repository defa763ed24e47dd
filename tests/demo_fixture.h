// The demo ledger (tools/demo/README.md) made once for the whole demo_test
// program: the real tledger-demo-data writes the files, the real tledger
// imports them (all but the late batch, then the late batch), and the
// engine reads the ledger back. demo_test.cc asserts the published figures
// through the engine; demo_output_test.cc what a person reads of it.
#ifndef TLEDGER_TESTS_DEMO_FIXTURE_H_
#define TLEDGER_TESTS_DEMO_FIXTURE_H_

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "projections/evaluate.h"
#include "projections/replay.h"
#include "projections/resolved.h"
#include "projections/timeline.h"
#include "tests/demo_files.h"

namespace tledger::demo_testing {

namespace fs = std::filesystem;

// The files tledger-demo-data writes, in import order; the last is the
// late batch (the correction and the backdated nomination).
using demo_files::kFiles;

// The interchange codes a person must never read: every enumerant of
// core/event.capnp, every event type, every rule, the report's measure and
// section keys, and every field code of `r`; in English only those a
// sentence cannot hold as a word (demo_fixture.cc says which).
std::set<std::string> Codes(const Resolved& r, bool english);
// The codes `text` shows as words of their own (not inside an id).
std::vector<std::string> RawCodes(const std::string& text, const std::set<std::string>& codes);

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};
// Runs a shell command; its exit code and its stdout and stderr together.
RunResult RunCommand(const std::string& command);
std::string ReadFile(const fs::path& path);
Date D(const char* text);

// The ledger as known at one instant, with what it takes to evaluate it.
struct Known {
  Timestamp at = 0;
  std::unique_ptr<Timeline> timeline;
  Resolved resolved;
  Outcome As(const char* as_of) const { return Evaluate(resolved, {.as_of = D(as_of), .known_at = at}); }
};

// The ledger in `db` as known at `at` (its head's instant when 0); `head`
// gets the head it was opened at.
Result<Known> ReadLedger(const fs::path& db, Timestamp at, Head* head);

struct DemoLedger {
  fs::path dir;
  std::string failure;      // why the ledger could not be built, if it could not
  uint64_t head_seq = 0;
  Timestamp before_late = 0;       // the last instant before the late batch
  Outcome computed_before_late;    // as of 2025-12-31, computed before the late batch existed
  Known now;                       // everything
  Known before;                    // known at before_late, from the full ledger
};

class DemoLedgerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  void SetUp() override;
  // `tledger --db LEDGER ARGS` on the demo ledger: exit code, stdout and stderr.
  static RunResult Tledger(const std::vector<std::string>& args);
  // The output of `tledger --db LEDGER ARGS --known-at 9999-12-31` (every
  // event known: the same bytes every run), asserted to succeed.
  static std::string Printed(std::vector<std::string> args);

  static DemoLedger* demo_;
};

}  // namespace tledger::demo_testing

#endif  // TLEDGER_TESTS_DEMO_FIXTURE_H_
