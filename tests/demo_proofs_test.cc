// The proofs of the demo ledger (tools/demo/README.md), made as a user
// makes it (every file but the late batch, then the late batch).
//
// Evidence bundles: each full bundle holds `report` and `violations
// --format json` byte for byte as tledger prints them, and tledger-verify,
// run in a directory holding only the bundle and the verifier key,
// recomputes them from the events and agrees (issue 13, acceptance:
// "tledger-verify on the demo ledger's full bundle agrees ... byte for
// byte, and runs on a machine without the ledger").
//
// Go's sumdb/tlog and sumdb/note (tests/go_interop.h) check `tledger prove`
// and `checkpoint --sign` on the demo ledger (issue 13, acceptance: "... on
// ledgers of sizes 1 to 1,000 and on the demo ledger").
//
// One ctest test: its tests share the ledger the suite makes once.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/base64.h"
#include "core/bundle.h"
#include "core/note.h"
#include "core/store.h"
#include "tests/demo_files.h"
#include "tests/go_interop.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kOrigin[] = "dao-tao.cantho.gov.vn/tledger";

using demo_files::kFiles;

struct Demo {
  TempDir dir;
  std::string db;
  std::string key;
  std::string vkey;        // the verifier key, as keygen printed it
  std::string before_late;  // the known-at just before the late batch
  uint64_t before_late_seq = 0;  // and the head then
  uint64_t head = 0;
  std::string signed_checkpoint;  // checkpoint --sign's output at the head
};
Demo* demo = nullptr;

class DemoProofs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo = new Demo;
    const std::string data = demo->dir / "data";
    RunResult made = RunProgram({TLEDGER_DEMO_DATA_BIN, data});
    if (made.exit_code != 0) DieWith("tledger-demo-data", Status::IoError(made.err));
    demo->db = demo->dir / "ledger";
    std::vector<std::string> first;
    for (size_t i = 0; i + 1 < std::size(kFiles); ++i) first.push_back(data + "/" + kFiles[i]);
    MakeLedger(demo->db, first);
    RunResult head = Tledger(demo->db, {"checkpoint", "--format", "json"});
    if (head.exit_code != 0) DieWith("checkpoint", Status::IoError(head.err));
    demo->before_late = nlohmann::json::parse(head.out).at("recorded_at").get<std::string>();
    demo->before_late_seq = nlohmann::json::parse(head.out).at("seq").get<uint64_t>();
    MakeLedger(demo->db, {data + "/" + kFiles[std::size(kFiles) - 1]});
    demo->key = demo->dir / "ledger.key";
    RunResult k = Tledger(demo->db, {"keygen", kOrigin, "-o", demo->key});
    if (k.exit_code != 0) DieWith("keygen", Status::IoError(k.err));
    demo->vkey = k.out;
    RunResult cp = Tledger(demo->db, {"checkpoint", "--sign", demo->key, "--origin", kOrigin});
    if (cp.exit_code != 0) DieWith("checkpoint --sign", Status::IoError(cp.err));
    demo->signed_checkpoint = cp.out;
    demo->head = std::stoull(Lines(cp.out).at(1));
  }
  static void TearDownTestSuite() {
    delete demo;
    demo = nullptr;
  }

  // Bundles with `options`, checks that the bundle holds what `report` and
  // `violations --format json` print with them, then runs tledger-verify
  // from a directory holding only the bundle and the key: its output.
  RunResult BundleAndVerify(const std::vector<std::string>& options) {
    const std::string path = tmp_ / "demo.bundle";
    std::vector<std::string> args{"bundle", "--sign", demo->key, "-o", path};
    args.insert(args.end(), options.begin(), options.end());
    RunResult b = Tledger(demo->db, args);
    EXPECT_EQ(b.exit_code, 0) << b.err;
    bundle::ReadResult read = bundle::ReadBundle(ReadFile(path));
    if (read.error) DieWith("reading the bundle", read.error->status);
    std::vector<std::string> report{"report", "--format", "json"}, violations{"violations", "--format", "json"};
    report.insert(report.end(), options.begin(), options.end());
    violations.insert(violations.end(), options.begin(), options.end());
    RunResult printed_report = Tledger(demo->db, report), printed_violations = Tledger(demo->db, violations);
    EXPECT_EQ(printed_report.exit_code, 0) << printed_report.err;
    EXPECT_EQ(printed_violations.exit_code, 0) << printed_violations.err;
    EXPECT_EQ(read.bundle->report, printed_report.out);
    EXPECT_EQ(read.bundle->violations, printed_violations.out);
    EXPECT_TRUE(read.bundle->full);

    TempDir empty;
    fs::copy_file(path, empty / "demo.bundle");
    WriteFile(empty / "ledger.vkey", demo->vkey);
    RunResult r = RunProgram({TLEDGER_VERIFY_BIN, "--key", "ledger.vkey", "--lang", "en", "demo.bundle"},
                             {.cwd = empty.path()});
    size_t files = 0;
    for (const auto& entry : fs::directory_iterator(empty.path())) files += entry.is_regular_file();
    EXPECT_EQ(files, 2u);  // it wrote nothing beside them
    return r;
  }

  TempDir tmp_;
};

TEST_F(DemoProofs, TheFullBundleAtTheHeadAgreesByteForByte) {
  RunResult r = BundleAndVerify({"--as-of", "2025-12-31"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[0], "tledger-verify: the evidence bundle checks out; every check agrees");
  EXPECT_EQ(lines[4].rfind("  report as of 2025-12-31, known at ", 0), 0u) << lines[4];
  const std::string agreed = ": recomputed from the events, equal byte for byte";
  ASSERT_GT(lines[4].size(), agreed.size());
  EXPECT_EQ(lines[4].substr(lines[4].size() - agreed.size()), agreed);
}

TEST_F(DemoProofs, TheBundleKnownBeforeTheLateBatchAgreesByteForByte) {
  RunResult r = BundleAndVerify({"--as-of", "2025-12-31", "--known-at", demo->before_late});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[4], "  report as of 2025-12-31, known at " + demo->before_late +
                          ": recomputed from the events, equal byte for byte");
}

TEST_F(DemoProofs, APlansBundleAgreesByteForByte) {
  RunResult r = BundleAndVerify({"--as-of", "2024-12-31", "--plan", "DH-2021-2024"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[4].rfind("  report as of 2024-12-31, plan \"DH-2021-2024\", known at ", 0), 0u) << lines[4];
}

// Go's tlog builds its own tree from the demo ledger's event bytes (every
// leaf through tlog.RecordHash and tlog.StoredHashes) and checks tledger's
// prove outputs against it: roots by tlog.TreeHash, inclusion by
// tlog.CheckRecord, consistency by tlog.CheckTree; note.Open opens the
// signed checkpoint with the verifier key keygen printed, and its root is
// tlog's.
TEST_F(DemoProofs, GoChecksTheDemoLedgersProofsAndSignedCheckpoint) {
  GoInterop go(tmp_.path());
  ASSERT_EQ(go.build().exit_code, 0) << go.BuildFailure();
  const uint64_t n = demo->head, m = demo->before_late_seq;
  ASSERT_EQ(n, 187385u);
  ASSERT_LT(m, n);
  nlohmann::json file;
  file["leaves"] = nlohmann::json::array();
  {
    std::unique_ptr<Store> store = OpenStore(demo->db, OpenMode::kRead);
    for (uint64_t seq = 1; seq <= n; ++seq) file["leaves"].push_back(Base64(ValueOrDie(store->Get(seq), "event")));
  }
  auto prove = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv{"prove"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = Tledger(demo->db, argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  file["inclusion"] = {prove({"1"}), prove({std::to_string(n / 2)}), prove({std::to_string(n)}),
                       prove({std::to_string(m), "--size", std::to_string(m)})};
  file["consistency"] = {prove({"--consistency", "1", std::to_string(n)}),
                         prove({"--consistency", std::to_string(m), std::to_string(n)})};
  WriteFile(tmp_ / "prove.json", file.dump());
  RunResult r = go.Run({"prove", tmp_ / "prove.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "prove: 187385 events, 4 inclusion and 2 consistency outputs of tledger prove on 2 tree sizes agree "
                   "with tlog\n");

  // The signed checkpoint: Go opens it, and its root is the one tlog computed.
  WriteFile(tmp_ / "checkpoint.note", demo->signed_checkpoint);
  r = go.Run({"open", demo->vkey.substr(0, demo->vkey.size() - 1), tmp_ / "checkpoint.note"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string root = file["inclusion"][2]["root_hash"].get<std::string>();
  EXPECT_EQ(r.out, "verified " + note::KeyLabel(kOrigin, note::ParseVerifierKey(demo->vkey.substr(0, demo->vkey.size() - 1))->id) +
                       "\ntext:\n" + std::string(kOrigin) + "\n187385\n" + root + "\n");
}

}  // namespace
}  // namespace tledger::testing
