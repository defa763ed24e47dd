// Crash safety of `tledger import` (issue 5): the real binary, on a corpus
// of generated files of different sizes, killed with SIGKILL at random
// moments, including while RocksDB flushes and compacts. After every kill:
//
// - `verify` exits 0, and matches every head this ledger had before (its
//   anchors): nothing committed earlier changed;
// - the head is a file boundary at or past every file the importer
//   acknowledged (with -v it logs "FILE: N appended ..." after each commit);
// - the events past the previous head, exported without recorded_at and
//   hash (the two the store assigns at import time), equal those of a
//   reference ledger that imported the same files in the same order, line
//   for line: so the ledger is exactly "these files, whole, in order";
// - none of the ids of the file that was in flight is visible;
// - the next writer discards what the killed one left past the head, and
//   says exactly how many events.
// At the end of each round (every file imported), the column families hold
// exactly the reference's keys: no stray index entry survived a kill.
//
// TLEDGER_CRASH_TRIALS (default 50) and TLEDGER_CRASH_SEED (default: random,
// printed) steer it; tools/soak.sh runs thousands of trials.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cinttypes>
#include <filesystem>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/metadata.h>

#include "core/keys.h"
#include "core/store.h"
#include "core/verify.h"
#include "tests/corpus.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kCorpusSeed = 5;
// Two chunks (100,000 events whose index entries are ingested as SST files,
// then 5,000 through the memtable), files whose index entries go through the
// memtable (under 10,000 events) and one ingested: ingesting over a memtable
// forces a flush, ingested files pile up in level 0 until compaction, and a
// writer that leaves more than 8 MB of log flushes when it closes.
const std::vector<size_t> kSizes = {1'000, 105'000, 200, 12'000, 6'000};

enum class Mode {
  kRemaining,     // `import` the files not yet in, killed at a random moment
  kOneFile,       // `import` the next file only, killed at a random moment
  kAll,           // `import` every file again (the present ones are repeats)
  kAtFlush,       // the files not yet in, killed once the flush thread is at work
  kAtCompaction,  // the same, once the compaction thread is at work
};

struct Stats {
  uint64_t trials = 0, rounds = 0;
  uint64_t killed = 0;              // the importer was still running when killed
  uint64_t completed = 0;           // it had exited 0 before the kill
  uint64_t killed_at_flush = 0, killed_at_compaction = 0;  // the busy thread was seen
  uint64_t orphaned_tables = 0;     // kills that left a half-made table (flush/compaction/ingest output)
  uint64_t in_flight_absent = 0;    // the file being imported at the kill: not visible at all
  uint64_t whole_acknowledged = 0;  // files committed and acknowledged before the kill
  uint64_t whole_unacknowledged = 0;  // committed, killed before it could say so
  uint64_t tails_left = 0;          // kills that left uncommitted events past the head
  uint64_t tails_discarded = 0;     // the next writer discarded one and said so
  uint64_t tails_discarded_unsaid = 0;  // it discarded one but was killed before it said so
  uint64_t before_ledger = 0;       // killed before the new ledger had its format record
};

struct Reference {
  std::vector<std::string> lines;   // its export, without recorded_at and hash
  size_t events = 0, ids = 0, subjects = 0;  // keys of each column family
  std::vector<double> seconds;      // how long each file took to import
};

// WithoutRecordedAtAndHash (tests/test_util.h) for the lines export writes,
// without a regular expression: the harness strips a few hundred thousand.
std::string Stripped(const std::string& line) {
  constexpr std::string_view kAt = ",\"recorded_at\":\"", kHash = "\",\"hash\":\"";
  size_t at = line.find(kAt);
  size_t hash = at == std::string::npos ? at : line.find(kHash, at + kAt.size());
  size_t end = hash == std::string::npos ? hash : hash + kHash.size() + 64;
  if (end == std::string::npos || end >= line.size() || line[end] != '"') return WithoutRecordedAtAndHash(line);
  return line.substr(0, at) + line.substr(end + 1);
}

// The keys of a column family from `from` on.
size_t CountFrom(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, const std::string& from) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf));
  size_t n = 0;
  for (it->Seek(from); it->Valid(); it->Next()) ++n;
  return n;
}

// Table files in `dir` that the database does not list: the output of a
// flush, compaction or index ingestion that a kill interrupted.
std::set<std::string> OrphanTables(const std::string& dir, Store& store) {
  std::vector<rocksdb::LiveFileMetaData> live;
  store.raw().db->GetLiveFilesMetaData(&live);
  std::set<std::string> names;
  for (const auto& f : live) names.insert(fs::path(f.name).filename().string());
  std::set<std::string> orphans;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (e.path().extension() == ".sst" && names.count(name) == 0) orphans.insert(name);
  }
  return orphans;
}

class CrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    corpus_ = new Corpus(WriteCorpus(*tmp_, kCorpusSeed, kSizes));
    ref_ = new Reference;
    std::string db = *tmp_ / "reference";
    for (const std::string& path : corpus_->paths) {
      auto start = Clock::now();
      MakeLedger(db, {path});
      ref_->seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    for (const std::string& line : ExportLines(db)) ref_->lines.push_back(Stripped(line));
    std::unique_ptr<Store> store = OpenStore(db, OpenMode::kRead);
    ref_->events = ColumnKeys(store->raw().db, store->raw().events).size();
    ref_->ids = ColumnKeys(store->raw().db, store->raw().ids).size();
    ref_->subjects = ColumnKeys(store->raw().db, store->raw().subjects).size();
  }
  static void TearDownTestSuite() {
    delete ref_;
    delete corpus_;
    delete tmp_;
  }

  static TempDir* tmp_;
  static Corpus* corpus_;
  static Reference* ref_;
};

TempDir* CrashTest::tmp_ = nullptr;
Corpus* CrashTest::corpus_ = nullptr;
Reference* CrashTest::ref_ = nullptr;

TEST_F(CrashTest, KilledImportsLeaveWholeFilesInOrderAndEveryAcknowledgedOne) {
  const uint64_t trials = EnvNumber("TLEDGER_CRASH_TRIALS", 50);
  const uint64_t seed = EnvNumber("TLEDGER_CRASH_SEED", std::random_device()());
  std::printf("crash harness: seed %" PRIu64 " (TLEDGER_CRASH_SEED=%" PRIu64 " repeats the choices), %" PRIu64 " trials\n",
              seed, seed, trials);
  std::mt19937_64 rng(seed);
  const Corpus& corpus = *corpus_;
  const size_t n = corpus.paths.size();
  const std::regex ack(R"(tledger: info: (.*): ([0-9]+) appended, ([0-9]+) already present; head seq ([0-9]+))");
  const std::regex discarded(
      R"(tledger: warning: discarded ([0-9]+) uncommitted event\(s\) after seq ([0-9]+) left by an interrupted import)");

  Stats st;
  std::string db;
  size_t present = 0;                // files 0..present-1 are in the ledger
  std::vector<std::string> anchors;  // every head this ledger had
  uint64_t tail = 0;                 // events past the head the last kill left
  std::set<std::string> orphans;     // tables no database lists, seen so far
  for (uint64_t trial = 0; trial < trials; ++trial) {
    if (db.empty() || present == n) {
      if (!db.empty()) fs::remove_all(db);
      db = *tmp_ / ("db-" + std::to_string(st.rounds++));
      present = 0;
      anchors.clear();
      orphans.clear();
      tail = 0;
    }
    SCOPED_TRACE("seed " + std::to_string(seed) + ", trial " + std::to_string(trial) + ", " + db);
    ++st.trials;

    Mode mode;
    switch (std::discrete_distribution<int>({50, 15, 10, 15, 10})(rng)) {
      case 0: mode = Mode::kRemaining; break;
      case 1: mode = Mode::kOneFile; break;
      case 2: mode = Mode::kAll; break;
      case 3: mode = Mode::kAtFlush; break;
      default: mode = Mode::kAtCompaction; break;
    }
    size_t first = mode == Mode::kAll ? 0 : present;
    size_t last = mode == Mode::kOneFile ? present + 1 : n;  // files first..last-1
    std::vector<std::string> args = {"-v", "import"};
    double expected = 0;
    for (size_t f = first; f < last; ++f) {
      args.push_back(corpus.paths[f]);
      expected += ref_->seconds[f];
    }

    auto started = Clock::now();
    Child importer(TledgerArgv(db, args));
    bool seen_busy = false;
    auto exited = [&] {
      siginfo_t info{};
      return waitid(P_PID, static_cast<id_t>(importer.pid()), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
             info.si_pid == importer.pid();
    };
    // The random moment: anywhere in the import, or a little after it;
    // or the moment a flush or compaction is seen at work, if that is sooner.
    auto delay = std::chrono::duration<double>(std::uniform_real_distribution<double>(0, 1.1 * expected)(rng));
    auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(delay);
    const char* thread = mode == Mode::kAtFlush ? "rocksdb:high" : mode == Mode::kAtCompaction ? "rocksdb:low" : nullptr;
    if (thread != nullptr) until = Clock::now() + std::chrono::duration_cast<Clock::duration>(1.5 * delay);
    while (!exited() && Clock::now() < until && !(thread != nullptr && (seen_busy = ThreadBusy(importer.pid(), thread)))) {
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    auto stopped = Clock::now();
    RunResult r = importer.Kill();
    bool killed = r.exit_code == 128 + SIGKILL;
    ASSERT_TRUE(killed || r.exit_code == 0) << "exit " << r.exit_code << ": " << r.err;
    if (killed) {
      ++st.killed;
      if (seen_busy) ++(mode == Mode::kAtFlush ? st.killed_at_flush : st.killed_at_compaction);
    } else {
      ++st.completed;
    }

    // What the importer said before it died: acknowledgements, and the
    // discarding of what the previous kill left.
    size_t acked = 0;
    bool discard_said = false;
    const std::vector<std::string> said = Lines(r.err);
    for (size_t i = 0; i < said.size(); ++i) {
      const std::string& line = said[i];
      std::smatch m;
      if (std::regex_match(line, m, ack)) {
        size_t f = first + acked++;
        ASSERT_LT(f, last) << line;
        EXPECT_EQ(m[1].str(), corpus.paths[f]);
        EXPECT_EQ(m[2].str(), f < present ? "0" : std::to_string(kSizes[f]));
        EXPECT_EQ(m[3].str(), f < present ? std::to_string(kSizes[f]) : "0");
        EXPECT_EQ(m[4].str(), std::to_string(corpus.boundaries[std::max(f + 1, present)]));
      } else if (std::regex_match(line, m, discarded)) {
        EXPECT_EQ(m[1].str(), std::to_string(tail)) << line;
        EXPECT_EQ(m[2].str(), std::to_string(corpus.boundaries[present])) << line;
        ++st.tails_discarded;
        discard_said = true;
        tail = 0;
      } else if (!(killed && i + 1 == said.size())) {
        // Only the last line may be cut short by the kill.
        ADD_FAILURE() << "unexpected line from the importer: " << line;
      }
    }
    if (!killed) {
      EXPECT_EQ(acked, last - first) << r.err;
    }

    // verify (core/verify.h, what `tledger verify` runs; the command itself
    // runs at the end of each round): intact, and every earlier head is
    // still on the chain.
    std::unique_ptr<Store> store;
    {
      Result<std::unique_ptr<Store>> opened = Store::Open(db, OpenMode::kRead);
      if (present == 0 && !opened.ok()) {
        // Killed before the ledger existed: nothing was committed, and
        // readers say so; the next import creates it.
        EXPECT_TRUE(ErrorOf(opened) == "unavailable: no ledger at " + db + " (the directory holds an empty store)" ||
                    ErrorOf(opened) == "unavailable: no ledger at " + db +
                                           " (give --db DIR or set TLEDGER_DB; `tledger import` creates one)")
            << ErrorOf(opened);
        EXPECT_EQ(acked, 0u);
        EXPECT_TRUE(killed);
        ++st.before_ledger;
        continue;
      }
      ASSERT_TRUE(opened.ok()) << ErrorOf(opened);
      store = std::move(*opened);
    }
    VerifyOptions verify_options;
    for (const std::string& a : anchors) verify_options.anchors.push_back(ValueOrDie(ParseAnchor(a), "anchor"));
    Result<VerifyReport> verified = Verify(*store, verify_options);
    ASSERT_TRUE(verified.ok()) << ErrorOf(verified);
    const uint64_t head = verified->head.seq;
    EXPECT_EQ(verified->events, head);
    EXPECT_EQ(store->head().seq, head);
    auto at = std::find(corpus.boundaries.begin(), corpus.boundaries.end(), head);
    ASSERT_NE(at, corpus.boundaries.end()) << "head " << head << " is not a file boundary";
    size_t now = static_cast<size_t>(at - corpus.boundaries.begin());
    // Every acknowledged file is in; nothing past what this import was given.
    ASSERT_GE(now, std::max(present, first + acked));
    ASSERT_LE(now, std::max(present, last));
    for (size_t f = present; f < now; ++f) ++(f < first + acked ? st.whole_acknowledged : st.whole_unacknowledged);

    // The new events are the reference's, line for line.
    if (now > present) {
      RunResult e = Tledger(db, {"export", "--from", std::to_string(corpus.boundaries[present] + 1)});
      ASSERT_EQ(e.exit_code, 0) << e.err;
      std::vector<std::string> lines = Lines(e.out);
      ASSERT_EQ(lines.size(), corpus.boundaries[now] - corpus.boundaries[present]);
      for (size_t i = 0; i < lines.size(); ++i) {
        ASSERT_EQ(Stripped(lines[i]), ref_->lines[corpus.boundaries[present] + i])
            << "seq " << corpus.boundaries[present] + i + 1;
      }
    }
    // The file that was in flight: none of its ids is visible.
    if (killed && now < last) {
      size_t visible = 0;
      for (const std::string& id : corpus.ids[now]) visible += store->FindId(id).has_value();
      EXPECT_EQ(visible, 0u) << corpus.paths[now] << " is partly visible";
      ++st.in_flight_absent;
    }
    // What the next writer will have to discard.
    uint64_t left = CountFrom(store->raw().db, store->raw().events, keys::EventKey(head + 1));
    if (left > 0 && left != tail) ++st.tails_left;
    if (left == 0 && tail > 0 && !discard_said) ++st.tails_discarded_unsaid;
    tail = left;
    EXPECT_TRUE(left == 0 || killed) << left << " events past the head after a clean exit";
    bool fresh = false;
    for (const std::string& o : OrphanTables(db, *store)) fresh = orphans.insert(o).second || fresh;
    st.orphaned_tables += fresh;
    store.reset();
    std::printf("trial %" PRIu64 ": mode %d, files %zu..%zu, %s after %.3f s, %zu acknowledged; files 0..%zu in, %" PRIu64
                " events past the head%s\n",
                trial, static_cast<int>(mode), first, last - 1, killed ? "killed" : "exited 0",
                std::chrono::duration<double>(stopped - started).count(), acked, now, tail,
                seen_busy ? (mode == Mode::kAtFlush ? ", flush at work" : ", compaction at work") : "");
    // An anchor names an event: a ledger created but still empty has none.
    if (head > 0) anchors.push_back(FormatAnchor(Anchor{verified->head.seq, verified->head.hash}));
    present = now;

    if (present == n) {
      // A round is over: the last import ran to its commit, after the
      // next writer discarded what earlier kills left. Exactly the
      // reference's keys remain.
      EXPECT_EQ(tail, 0u);
      std::string anchor_text;
      for (const std::string& a : anchors) anchor_text += a + "\n";
      WriteFile(db + ".anchors", anchor_text);
      RunResult v = Tledger(db, {"verify", "--anchors", db + ".anchors"});
      EXPECT_EQ(v.exit_code, 0) << v.err;
      EXPECT_EQ(v.out, "intact: " + std::to_string(corpus.boundaries[n]) + " events, " + std::to_string(anchors.size()) +
                           (anchors.size() == 1 ? " anchor" : " anchors") + " matched; head " + anchors.back() + "\n");
      std::unique_ptr<Store> store = OpenStore(db, OpenMode::kRead);
      EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events).size(), ref_->events);
      EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().ids).size(), ref_->ids);
      EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().subjects).size(), ref_->subjects);
    }
    if (::testing::Test::HasFatalFailure() || ::testing::Test::HasNonfatalFailure()) break;
  }

  std::printf(
      "crash harness: %" PRIu64 " trials in %" PRIu64 " rounds; %" PRIu64 " killed mid-import (%" PRIu64
      " with the flush thread at work, %" PRIu64 " with the compaction thread at work, %" PRIu64
      " leaving a half-made table file), %" PRIu64 " exited 0 before the kill\n"
      "crash harness: files found whole: %" PRIu64 " acknowledged + %" PRIu64
      " committed but killed before acknowledging; in-flight files found absent: %" PRIu64
      ", partly visible: 0\n"
      "crash harness: %" PRIu64 " kills left uncommitted events; the next writer discarded them and said so %" PRIu64
      " times, and was killed before it said so %" PRIu64 " times; %" PRIu64
      " kills came before a new ledger existed (readers: no ledger)\n",
      st.trials, st.rounds, st.killed, st.killed_at_flush, st.killed_at_compaction, st.orphaned_tables, st.completed,
      st.whole_acknowledged, st.whole_unacknowledged, st.in_flight_absent, st.tails_left, st.tails_discarded,
      st.tails_discarded_unsaid, st.before_ledger);
  EXPECT_EQ(st.trials, trials);
}

}  // namespace
}  // namespace tledger::testing
