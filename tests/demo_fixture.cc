#include "tests/demo_fixture.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tledger::demo_testing {

const char* const kFiles[9] = {
    "01_units.jsonl",
    "02_people.jsonl",
    "03_quang_ninh_2021_2024.jsonl",
    "04_binh_dinh_2025_phase1.jsonl",
    "05_binh_dinh_digital_2025.jsonl",
    "06_reorganisation_2025_07_01.jsonl",
    "07_binh_dinh_2025_phase2.jsonl",
    "08_can_tho_2025.jsonl",
    "09_late_entries.jsonl",  // the correction and the backdated nomination
};

RunResult RunCommand(const std::string& command) {
  RunResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Date D(const char* text) { return *Date::Parse(text); }

// The ledger in `db` as known at `at` (its head's instant when 0); `head`
// gets the head it was opened at.
Result<Known> ReadLedger(const fs::path& db, Timestamp at, Head* head) {
  Result<std::unique_ptr<Store>> store = Store::Open(db.string(), OpenMode::kRead);
  if (!store.ok()) return store.status();
  *head = (*store)->head();
  Known k;
  k.at = at != 0 ? at : head->recorded_at;
  Result<Timeline> t = Replay(**store, k.at);
  if (!t.ok()) return t.status();
  k.timeline = std::make_unique<Timeline>(std::move(*t));
  k.resolved = Resolve(*k.timeline);
  return k;
}

void DemoLedgerTest::SetUpTestSuite() {
  demo_ = new DemoLedger;
  char tmpl[] = "/tmp/tledger-demo-test-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    demo_->failure = "mkdtemp failed";
    return;
  }
  demo_->dir = tmpl;
  const fs::path data = demo_->dir / "data", db = demo_->dir / "ledger";
  RunResult made = RunCommand(std::string(TLEDGER_DEMO_DATA_BIN) + " " + data.string());
  if (made.exit_code != 0) {
    demo_->failure = "tledger-demo-data: " + made.output;
    return;
  }
  const std::string tledger = std::string(TLEDGER_BIN) + " --db " + db.string() + " --actor demo import";
  std::string first_files;
  for (size_t i = 0; i + 1 < std::size(kFiles); ++i) first_files += " " + (data / kFiles[i]).string();
  RunResult first = RunCommand(tledger + first_files);
  if (first.exit_code != 0) {
    demo_->failure = "import: " + first.output;
    return;
  }
  Head head;
  Result<Known> first_part = ReadLedger(db, 0, &head);
  if (!first_part.ok()) {
    demo_->failure = first_part.status().message();
    return;
  }
  demo_->before_late = head.recorded_at;
  demo_->computed_before_late = first_part->As("2025-12-31");

  RunResult late = RunCommand(tledger + " " + (data / kFiles[std::size(kFiles) - 1]).string());
  if (late.exit_code != 0) {
    demo_->failure = "import of the late batch: " + late.output;
    return;
  }
  Result<Known> now = ReadLedger(db, 0, &head);
  Result<Known> before = ReadLedger(db, demo_->before_late, &head);
  if (!now.ok() || !before.ok()) {
    demo_->failure = now.status().message() + before.status().message();
    return;
  }
  demo_->head_seq = head.seq;
  demo_->now = std::move(*now);
  demo_->before = std::move(*before);
}

void DemoLedgerTest::TearDownTestSuite() {
  if (!demo_->dir.empty()) fs::remove_all(demo_->dir);
  delete demo_;
  demo_ = nullptr;
}

void DemoLedgerTest::SetUp() {
  ASSERT_EQ(demo_->failure, "");
  ASSERT_NE(demo_->now.timeline, nullptr);
  ASSERT_NE(demo_->before.timeline, nullptr);
}

RunResult DemoLedgerTest::Tledger(const std::vector<std::string>& args) {
  std::string command = std::string(TLEDGER_BIN) + " --db " + (demo_->dir / "ledger").string();
  for (const std::string& a : args) command += " '" + a + "'";
  return RunCommand(command);
}

std::string DemoLedgerTest::Printed(std::vector<std::string> args) {
  args.insert(args.end(), {"--known-at", "9999-12-31"});
  RunResult r = Tledger(args);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

DemoLedger* DemoLedgerTest::demo_ = nullptr;

}  // namespace tledger::demo_testing
