#include "tests/demo_fixture.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/schema_info.h"

namespace tledger::demo_testing {

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

// The interchange codes a person must never read: every enumerant of
// core/event.capnp, every event type, every rule, the report's measure and
// section keys, and every field code of the demo. In English, only those a
// sentence cannot hold as a word (an underscore, capitals, "phd"): English
// prose says "a district", "public funds".
std::set<std::string> Codes(const Resolved& r, bool english) {
  std::set<std::string> all;
  const EventSchema& schema = EventSchema::Get();
  for (const TypeInfo& t : schema.types()) {
    all.insert(t.name);
    for (const FieldInfo& f : t.body.fields) {
      if (f.enum_info != nullptr) all.insert(f.enum_info->names.begin(), f.enum_info->names.end());
    }
  }
  for (Rule rule : kAllRules) all.insert(std::string(RuleName(rule)));
  for (const char* key : {"budget_vnd", "public_funding_vnd", "remaining_vnd", "reimbursement_due_vnd", "in_progress",
                          "trainee_turns", "events_counted", "funding_class", "by_level", "by_field", "by_form",
                          "percent_of_quota", "data_quality", "target_trainee_turns", "target_classes",
                          "percent_of_target"}) {
    all.insert(key);
  }
  for (Sym f = 1; f < r.symbols->fields.size(); ++f) all.insert(std::string(r.symbols->fields.Name(f)));
  if (!english) return all;
  std::set<std::string> unmistakable;
  for (const std::string& code : all) {
    if (code.find('_') != std::string::npos || code == "phd" ||
        std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      unmistakable.insert(code);
    }
  }
  return unmistakable;
}

// The codes `text` shows as words of their own. A code inside an id
// ("nom-CT-2025-CT-000156-specialist_1") is part of the id, which is the
// ledger's own text, shown as recorded.
std::vector<std::string> RawCodes(const std::string& text, const std::set<std::string>& codes) {
  auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::set<std::string> found;
  for (size_t i = 0; i < text.size();) {
    if (!word(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && word(text[j])) ++j;
    bool in_id = (i > 0 && text[i - 1] == '-') || (j < text.size() && text[j] == '-');
    std::string token = text.substr(i, j - i);
    if (!in_id && codes.count(token) > 0) found.insert(token);
    i = j;
  }
  return std::vector<std::string>(found.begin(), found.end());
}


}  // namespace tledger::demo_testing
