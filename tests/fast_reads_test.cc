// The fast path of `report` (the report timeline cached per known-at prefix,
// projections/DESIGN.md "Fast as-of reads") against a full replay from the
// first event (LedgerView: replay, resolve, evaluate the tallies as of the
// date), byte for byte, on a generated national ledger with backdated events
// and corrections, imported in several files so that known-at instants fall
// between them. 100 random (as-of, known-at) pairs, then more events
// appended and 100 more; a share of each also through the whole CLI command.
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/codec.h"
#include "core/date.h"
#include "core/store.h"
#include "projections/report_cache.h"
#include "tests/test_util.h"
#include "tools/cli/ledger_view.h"
#include "tools/cli/render.h"
#include "tools/gen/generator.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;
using testing::RunResult;
using testing::TempDir;
using testing::Tledger;
using testing::ValueOrDie;

constexpr uint64_t kSeed = 20251;
constexpr uint64_t kEvents = 24000;
constexpr size_t kFiles = 6;         // four imported first, two appended later
constexpr size_t kFirstFiles = 4;
constexpr int kPairs = 100;
constexpr int kCliEvery = 5;         // every 5th pair also through the CLI

struct Collect : gen::EventSink {
  std::vector<std::string> lines;
  void Line(std::string_view l) override { lines.emplace_back(l); }
};

// The generated ledger split into kFiles files of consecutive lines (every
// reference points backwards, so each prefix of files is a valid ledger).
std::vector<std::string> WriteParts(const TempDir& tmp, gen::GeneratorStats* stats) {
  Collect sink;
  *stats = gen::Generate({.seed = kSeed, .events = kEvents}, sink);
  std::vector<std::string> paths;
  size_t per = (sink.lines.size() + kFiles - 1) / kFiles;
  for (size_t f = 0; f < kFiles; ++f) {
    std::string text;
    for (size_t i = f * per; i < std::min(sink.lines.size(), (f + 1) * per); ++i) text += sink.lines[i];
    paths.push_back(tmp / ("part-" + std::to_string(f) + ".jsonl"));
    testing::WriteFile(paths.back(), text);
  }
  return paths;
}

// The instants worth asking about: each import's first and last recorded_at,
// a microsecond either side, and before the first event.
std::vector<Timestamp> Boundaries(const std::string& db) {
  std::unique_ptr<Store> store = ValueOrDie(Store::Open(db, OpenMode::kRead), "open the ledger");
  std::vector<Timestamp> out;
  Timestamp last = -1;
  EventDecoder decoder;
  Status s = store->Scan(1, store->head().seq, [&](uint64_t, std::string_view bytes) -> Status {
    Timestamp t = ValueOrDie(decoder.Decode(bytes), "decode").getRecordedAt();
    if (t != last) {
      if (last >= 0) out.insert(out.end(), {last, last + 1});
      out.insert(out.end(), {t - 1, t});
      last = t;
    }
    return Status::Ok();
  });
  if (!s.ok()) testing::DieWith("scan the ledger", s);
  out.insert(out.end(), {last, last + 1});
  return out;
}

class FastReads : public ::testing::Test {
 protected:
  // The fast path: the cached report timeline of the prefix known at t.
  // Rendered as JSON and as the table, from one read each.
  struct Rendered {
    std::string json, table;
  };
  template <typename Report>
  static Rendered Render(const Report& report) {
    return {RenderReport(report, {}, Format::kJson), RenderReport(report, {}, Format::kTable)};
  }
  Rendered Fast(const std::string& db, Date d, Timestamp t) {
    std::unique_ptr<Store> store = ValueOrDie(Store::Open(db, OpenMode::kRead), "open the ledger");
    prefixes_.insert(ValueOrDie(PrefixKnownAt(*store, t), "prefix").seq);
    std::unique_ptr<ReportCacheView> view = ValueOrDie(TimelineKnownAt(*store, t, /*may_write=*/true), "timeline");
    return Render(ValueOrDie(view->At(d, t), "report from the timeline"));
  }
  // The full replay from the first event.
  Rendered Full(const std::string& db, Date d, Timestamp t) {
    std::unique_ptr<LedgerView> view = ValueOrDie(LedgerView::Open(db, t), "replay the ledger");
    return Render(view->Evaluate({.as_of = d, .restate_units = false, .plan = ""}).report);
  }

  // kPairs random pairs: as-of anywhere from before the first plan to after
  // the last course, known-at at an import boundary or anywhere in between.
  void CheckPairs(const std::string& db, std::mt19937_64& rng, int* cli_checked, std::set<std::string>* reports) {
    std::vector<Timestamp> instants = Boundaries(db);
    Date lo = ValueOrDie(Date::Parse("2022-06-01"), "date"), hi = ValueOrDie(Date::Parse("2028-12-31"), "date");
    for (int i = 0; i < kPairs; ++i) {
      Date d = Date::FromDays(std::uniform_int_distribution<int32_t>(lo.days(), hi.days())(rng));
      if (i % 10 == 0) d = ValueOrDie(Date::Parse(i % 20 == 0 ? "2025-06-30" : "2025-07-01"), "date");
      Timestamp t = i % 2 == 0 ? instants[rng() % instants.size()]
                               : std::uniform_int_distribution<Timestamp>(instants.front(), instants.back())(rng);
      SCOPED_TRACE("as of " + d.ToString() + ", known at " + FormatInstant(t));
      const Rendered full = Full(db, d, t), fast = Fast(db, d, t);
      ASSERT_EQ(fast.json, full.json);
      ASSERT_EQ(fast.table, full.table);
      reports->insert(full.json);
      if (i % kCliEvery == 0) {
        RunResult r = Tledger(db, {"report", "--as-of", d.ToString(), "--known-at", FormatInstant(t), "--format", "json"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_EQ(r.out, full.json);
        ++*cli_checked;
      }
    }
  }

  std::set<uint64_t> prefixes_;  // the last seq known at each instant asked
};

TEST_F(FastReads, EqualAFullReplayByteForByteBeforeAndAfterMoreEventsAreAppended) {
  TempDir tmp;
  gen::GeneratorStats stats;
  std::vector<std::string> parts = WriteParts(tmp, &stats);
  // The ledger holds what makes the fast path hard.
  ASSERT_GT(stats.corrections_replace, 0u);
  ASSERT_GT(stats.corrections_retract, 0u);
  ASSERT_GT(stats.backdated, 0u);

  std::string db = tmp / "db";
  for (size_t f = 0; f < kFirstFiles; ++f) testing::MakeLedger(db, {parts[f]});
  std::mt19937_64 rng(kSeed);
  int cli_checked = 0;
  std::set<std::string> reports;
  CheckPairs(db, rng, &cli_checked, &reports);

  for (size_t f = kFirstFiles; f < kFiles; ++f) testing::MakeLedger(db, {parts[f]});
  CheckPairs(db, rng, &cli_checked, &reports);

  EXPECT_EQ(cli_checked, 2 * kPairs / kCliEvery);
  // Not vacuous: the pairs gave many different reports.
  EXPECT_GT(reports.size(), 50u);
  // The reads went through cache files, one per prefix asked (the empty
  // ledger before the first import, and each import), at most kKeptCaches
  // kept.
  EXPECT_EQ(prefixes_.size(), kFiles + 1);
  size_t caches = 0;
  for (const auto& e : fs::directory_iterator(db + "/report-cache")) caches += e.path().extension() == ".bin";
  EXPECT_EQ(caches, std::min(prefixes_.size(), kKeptCaches));
}


// The cache is derived and never trusted: a block altered on disk is never
// used (the report is rebuilt from the ledger, with a warning naming the
// file, and the file rewritten as it was); a header altered fails its MAC;
// a sound file holding another prefix is not taken for this one; with
// --read-only the bad file is left as it is. (The forgeries of an attacker
// who recomputes the hashes: security_store_test.)
TEST(ReportCache, AnAlteredOrMisplacedCacheIsRebuiltNeverUsed) {
  TempDir tmp;
  Collect sink;
  gen::Generate({.seed = 3, .events = 4000}, sink);
  std::string text;
  for (const std::string& l : sink.lines) text += l;
  testing::WriteFile(tmp / "g.jsonl", text);
  std::string db = testing::MakeLedger(tmp / "db", {tmp / "g.jsonl"});
  // As of a date after every change: the last block of the timeline.
  const std::vector<std::string> report = {"report", "--as-of", "2031-01-01", "--known-at", "2030-01-01T00:00:00Z",
                                           "--format", "json"};
  RunResult first = Tledger(db, report);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(first.err, "");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(db + "/report-cache")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  const std::string path = files[0].string(), good = testing::ReadFile(path);
  const std::string name = "report-cache/" + files[0].filename().string();
  auto flip = [&](size_t offset) {
    std::string bad = good;
    bad[offset] = static_cast<char>(bad[offset] ^ 1);
    testing::WriteFile(path, bad);
    return bad;
  };
  const std::string rebuilt = "; rebuilding it from the ledger\n";

  // A byte of the last checkpoint.
  std::string bad = flip(good.size() - 12);
  const std::string block = ": the report cache's block 4 fails its authentication";
  RunResult r = Tledger(db, {"--read-only", report[0], report[1], report[2], report[3], report[4], report[5], report[6]});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, first.out);
  EXPECT_EQ(r.err, "tledger: warning: " + db + "/" + name + block + rebuilt);
  EXPECT_EQ(testing::ReadFile(path), bad);  // --read-only writes nothing
  r = Tledger(db, report);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, first.out);
  EXPECT_EQ(r.err, "tledger: warning: " + db + "/" + name + block + rebuilt);
  EXPECT_EQ(testing::ReadFile(path), good);

  // The header's seq: covered by the header's MAC.
  flip(15);
  r = Tledger(db, report);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, first.out);
  EXPECT_EQ(r.err, "tledger: warning: " + db + "/" + name + " fails its authentication: it was forged or altered" + rebuilt);
  EXPECT_EQ(testing::ReadFile(path), good);

  // A sound file of another prefix (the empty one, known before the import)
  // under this prefix's name.
  r = Tledger(db, {"report", "--as-of", "2031-01-01", "--known-at", "2000-01-01T00:00:00Z", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::copy_file(db + "/report-cache/0-0000000000000000.bin", path, fs::copy_options::overwrite_existing);
  r = Tledger(db, report);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, first.out);
  EXPECT_EQ(r.err, "tledger: warning: " + db + "/" + name + " is named for seq 4000 but holds another" + rebuilt);
  EXPECT_EQ(testing::ReadFile(path), good);
}

}  // namespace
}  // namespace tledger
