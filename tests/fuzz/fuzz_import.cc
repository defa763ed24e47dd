// The promise of SECURITY.md, fuzzed: whatever `import` accepts, verify,
// checkpoint and history pass on. Each input is a JSON Lines file imported
// through the real importer (ImportFile) into a fresh copy of a ledger that
// holds the 24 events of tests/data/sample.jsonl (so that corrections and
// references can reach committed events), then:
// - refused: the refusal is InvalidInput or Conflict, never Corruption or
//   IoError, and the head did not move;
// - accepted: `verify` and `checkpoint` pass, and `history` of every id the
//   new events name tells a story (through the commands themselves).
// A crash, a sanitizer report, or a reader failing after an accepted
// import is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "core/codec.h"
#include "core/store.h"
#include "core/subjects.h"
#include "tests/fuzz/fuzz_util.h"
#include "tools/cli/commands.h"
#include "tools/cli/history_story.h"
#include "tools/cli/importer.h"

namespace {

namespace fs = std::filesystem;
using namespace tledger;

// A work directory for this process, on tmpfs when there is one, and the
// sample ledger made once in it.
const std::string& WorkDir() {
  static const std::string* dir = [] {
    std::string root = fs::exists("/dev/shm") ? "/dev/shm" : fs::temp_directory_path().string();
    auto* d = new std::string(root + "/tledger-fuzz-import-" + std::to_string(::getpid()));
    fs::remove_all(*d);
    fs::create_directories(*d);
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(WorkDir(), ignored);
    });
    Result<std::unique_ptr<Store>> store = Store::Open(*d + "/template", OpenMode::kWrite);
    fuzz::Check(store.ok(), "cannot make the template ledger", store.status().ToString());
    Result<FileImport> r = ImportFile(**store, TLEDGER_SAMPLE_JSONL, ImportOptions{"fuzz", ""});
    fuzz::Check(r.ok(), "cannot import the sample", r.status().ToString());
    return d;
  }();
  return *dir;
}

// Runs a command with its output thrown away.
Status Quietly(const std::function<Status(const Globals&)>& cmd, const std::string& db) {
  Globals g;
  g.db = db;
  g.actor = "fuzz";
  g.out = std::fopen("/dev/null", "w");
  Status s = cmd(g);
  std::fclose(g.out);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& work = WorkDir();
  const std::string db = work + "/db", input = work + "/input.jsonl";
  fs::remove_all(db);
  fs::copy(work + "/template", db, fs::copy_options::recursive);
  {
    std::FILE* f = std::fopen(input.c_str(), "wb");
    fuzz::Check(f != nullptr && std::fwrite(data, 1, size, f) == size, "cannot write the input");
    std::fclose(f);
  }
  Head before, after;
  Status imported;
  {
    Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kWrite);
    fuzz::Check(store.ok(), "cannot open the copy", store.status().ToString());
    before = (*store)->head();
    Result<FileImport> r = ImportFile(**store, input, ImportOptions{"fuzz", ""});
    imported = r.status();
    after = (*store)->head();
  }
  if (!imported.ok()) {
    fuzz::Check(imported.code() == Status::Code::kInvalidInput || imported.code() == Status::Code::kConflict,
                "a refusal is neither InvalidInput nor Conflict", imported.ToString());
    fuzz::Check(after.seq == before.seq && after.hash == before.hash, "a refused import moved the head");
    return 0;
  }
  Status verify = Quietly([](const Globals& g) { return CmdVerify(g, VerifyArgs{}); }, db);
  fuzz::Check(verify.ok(), "verify fails after an accepted import", verify.ToString());
  Status checkpoint = Quietly([](const Globals& g) { return CmdCheckpoint(g, CheckpointArgs{}); }, db);
  fuzz::Check(checkpoint.ok(), "checkpoint fails after an accepted import", checkpoint.ToString());
  // History of every id the new events name (at most 32): the story of
  // each from one reader, and the whole command, printing, for a few.
  std::set<std::string> ids;
  {
    Result<std::unique_ptr<Store>> reader = Store::Open(db, OpenMode::kRead);
    fuzz::Check(reader.ok(), "cannot read the ledger", reader.status().ToString());
    Status scan = (*reader)->ScanEvents(before.seq + 1, after.seq, [&](uint64_t, schema::Event::Reader ev) {
      Subjects refs;
      RefsOf(ev.getBody(), &refs);
      for (const auto& [id, roles] : refs) {
        if (ids.size() < 32) ids.insert(id);
      }
      return Status::Ok();
    });
    fuzz::Check(scan.ok(), "the new events do not read", scan.ToString());
    for (const std::string& id : ids) {
      Result<Story> story = CollectStory(**reader, id, INT64_MAX);
      fuzz::Check(story.ok() && !story->events.empty(), "history finds no story after an accepted import",
                  id + ": " + story.status().ToString());
    }
  }
  int told = 0;
  for (const std::string& id : ids) {
    if (++told > 3) break;
    HistoryArgs h;
    h.id = id;
    Status s = Quietly([&](const Globals& g) { return CmdHistory(g, h); }, db);
    fuzz::Check(s.ok(), "history fails after an accepted import", id + ": " + s.ToString());
  }
  return 0;
}
