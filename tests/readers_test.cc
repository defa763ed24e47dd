// Readers beside a running writer, and --read-only (issue 5).
//
// While `tledger import` holds the writer's lock and appends, `report`,
// `violations`, `history ID` and `verify` run over and over in other
// processes: they succeed (so they never wait for, or take, the lock) and
// each sees the ledger as of one whole-file boundary: its output is byte for
// byte the output of a reference ledger holding exactly the first files up
// to that boundary, and verify's head is that boundary's seq.
//
// --read-only: no command given it changes one byte of the ledger
// directory; `import` is refused with exit 1.
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "tests/corpus.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

// The initial ledger; a file imported first by the writer; one it reads from
// its standard input (the test holds it open: a moment when the lock is
// held, deterministically); two chunks; one more.
const std::vector<size_t> kSizes = {2'000, 15'000, 300, 105'000, 20'000};

// The reader commands, each a fixed argv after `tledger --db DB`.
struct Reader {
  std::string name;
  std::vector<std::string> args;
};

// A person with events in the first file and in later ones, for `history`.
std::string PersonAcrossFiles(const Corpus& c) {
  std::vector<std::set<std::string>> persons(c.paths.size());
  simdjson::dom::parser parser;
  for (size_t f = 0; f < c.paths.size(); ++f) {
    for (const std::string& line : Lines(ReadFile(c.paths[f]))) {
      simdjson::padded_string json(line);
      std::string_view p;
      if (parser.parse(json)["person"].get(p) == simdjson::SUCCESS) persons[f].insert(std::string(p));
    }
  }
  std::string best;
  size_t best_files = 0;
  for (const std::string& p : persons[0]) {
    size_t files = 0;
    for (const auto& s : persons) files += s.count(p);
    if (files > best_files) best = p, best_files = files;
  }
  return best;
}

// Every file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> tree;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).string();
    tree[rel] = e.is_directory() ? std::string("<dir>") : ReadFile(e.path().string());
  }
  return tree;
}

// The names of the files that differ between two trees.
std::string Changes(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [name, bytes] : a) {
    auto it = b.find(name);
    if (it == b.end()) out += " removed " + name;
    else if (it->second != bytes) out += " changed " + name;
  }
  for (const auto& [name, bytes] : b) {
    if (a.count(name) == 0) out += " added " + name;
  }
  return out;
}

bool Exited(pid_t pid) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// Waits until `pid` blocks reading its standard input (Linux:
// /proc/PID/syscall shows the read(0, ...) it waits in): an importer given
// "-" has then committed every file before it and holds the lock.
void AwaitReadingStdin(pid_t pid) {
  const std::string path = "/proc/" + std::to_string(pid) + "/syscall", want = std::to_string(SYS_read) + " 0x0 ";
  for (int i = 0; i < 3000 && !Exited(pid); ++i) {
    std::ifstream in(path);
    std::string state;
    if (in && std::getline(in, state) && state.rfind(want, 0) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "process " << pid << " never waited on its stdin";
}

// Whether some process holds the flock of the writer's lock file.
bool LockHeld(const std::string& db) {
  int fd = ::open((db + "/tledger.lock").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool held = flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close(fd);  // releases it if we took it
  return held;
}

class Readers : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    corpus_ = new Corpus(WriteCorpus(*tmp_, 9, kSizes));
    person_ = new std::string(PersonAcrossFiles(*corpus_));
    readers_ = new std::vector<Reader>{
        {"verify", {"verify"}},
        {"report", {"report"}},
        {"violations", {"violations", "--as-of", "2031-12-31"}},
        {"history", {"history", *person_}},
    };
    // What each reader prints for a ledger of exactly the first i files.
    expected_ = new std::vector<std::map<std::string, std::string>>(1);
    std::string db = *tmp_ / "reference";
    for (const std::string& path : corpus_->paths) {
      MakeLedger(db, {path});
      std::map<std::string, std::string> outputs;
      for (const Reader& r : *readers_) {
        RunResult out = Tledger(db, r.args);
        if (out.exit_code != 0) DieWith("reference " + r.name, Status::IoError(out.err));
        outputs[r.name] = Output(out);
      }
      expected_->push_back(std::move(outputs));
    }
  }
  static void TearDownTestSuite() {
    delete expected_;
    delete readers_;
    delete person_;
    delete corpus_;
    delete tmp_;
  }

  // What a reader printed, without what differs between two ledgers of the
  // same events: instants (Normalized) and verify's head hash, which
  // covers recorded_at.
  static std::string Output(const RunResult& r) {
    static const std::regex kHead(R"(head ([0-9]+):[0-9a-f]{64})");
    return std::regex_replace(Normalized(r.out), kHead, "head $1:<hash>");
  }

  // The first boundary from `from` on whose reference output `r` printed;
  // 0 if none. (Two boundaries may print the same report.)
  static size_t Boundary(const Reader& reader, const RunResult& r, size_t from) {
    for (size_t i = from; i < expected_->size(); ++i) {
      if ((*expected_)[i].at(reader.name) == Output(r)) return i;
    }
    return 0;
  }

  static TempDir* tmp_;
  static Corpus* corpus_;
  static std::string* person_;
  static std::vector<Reader>* readers_;
  static std::vector<std::map<std::string, std::string>>* expected_;
};

TempDir* Readers::tmp_ = nullptr;
Corpus* Readers::corpus_ = nullptr;
std::string* Readers::person_ = nullptr;
std::vector<Reader>* Readers::readers_ = nullptr;
std::vector<std::map<std::string, std::string>>* Readers::expected_ = nullptr;

TEST_F(Readers, SeeWholeFilesOnlyWhileTheWriterHoldsTheLock) {
  const Corpus& c = *corpus_;
  ASSERT_FALSE(person_->empty());
  // verify tells every boundary apart by its head.
  for (size_t i = 1; i < expected_->size(); ++i) {
    EXPECT_EQ((*expected_)[i].at("verify"), "intact: " + std::to_string(c.boundaries[i]) +
                                                " events, 0 anchors matched; head " + std::to_string(c.boundaries[i]) +
                                                ":<hash>\n");
  }
  std::string db = *tmp_ / "db";
  MakeLedger(db, {c.paths[0]});

  Child writer(TledgerArgv(db, {"-v", "import", c.paths[1], "-", c.paths[3], c.paths[4]}));
  AwaitReadingStdin(writer.pid());
  ASSERT_FALSE(Exited(writer.pid()));
  // The writer holds the lock, has committed the first two files, and waits.
  EXPECT_TRUE(LockHeld(db));
  EXPECT_EQ(ReadFile(db + "/tledger.lock"), std::to_string(writer.pid()));
  for (const Reader& r : *readers_) {
    RunResult out = Tledger(db, r.args);
    EXPECT_EQ(out.exit_code, 0) << r.name << ": " << out.err;
    EXPECT_EQ(out.err, "") << r.name;
    EXPECT_EQ(Output(out), (*expected_)[2].at(r.name)) << r.name;
  }
  EXPECT_TRUE(LockHeld(db));

  // Now the rest, while the readers run over and over, each in its own
  // thread, one process after the other.
  std::mutex mu;
  std::map<std::string, std::vector<size_t>> seen;  // by reader: the boundary of each run, in order
  std::vector<std::string> failures;
  std::atomic<bool> writer_done{false};
  std::atomic<uint64_t> runs_while_locked{0};
  std::vector<std::thread> threads;
  for (const Reader& r : *readers_) {
    threads.emplace_back([&, r] {
      // One more run after the writer is done: it must see every file.
      // Never before the file the writer had committed when they started,
      // and never backwards.
      size_t floor = 2;
      for (bool last = false; !last;) {
        last = writer_done.load();
        RunResult out = Tledger(db, r.args);
        bool locked = !writer_done.load();
        size_t b = out.exit_code == 0 ? Boundary(r, out, last ? kSizes.size() : floor) : 0;
        std::lock_guard<std::mutex> lock(mu);
        if (out.exit_code != 0 || !out.err.empty() || b == 0) {
          failures.push_back(r.name + ": exit " + std::to_string(out.exit_code) + ", " + out.err + out.out.substr(0, 300));
          return;
        }
        seen[r.name].push_back(b);
        floor = b;
        runs_while_locked += locked;
      }
    });
  }
  writer.Write(ReadFile(c.paths[2]));
  RunResult w = writer.Wait();
  writer_done = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(w.exit_code, 0) << w.err;
  EXPECT_EQ(Normalized(w.out), "imported 4 files: 140300 appended, 0 already present, in <t> s; head seq 142300\n");
  EXPECT_EQ(failures, std::vector<std::string>());

  uint64_t runs = 0;
  std::set<size_t> boundaries;
  EXPECT_EQ(seen.size(), readers_->size());
  for (const auto& [name, bs] : seen) {
    EXPECT_EQ(bs.back(), kSizes.size()) << name;
    runs += bs.size();
    if (name == "verify") boundaries.insert(bs.begin(), bs.end());
  }
  std::string list;
  for (size_t b : boundaries) list += " " + std::to_string(c.boundaries[b]);
  std::printf("readers: %llu runs of report, violations, history and verify beside the writer (%llu while it held the lock); "
              "heads verify saw:%s\n",
              static_cast<unsigned long long>(runs), static_cast<unsigned long long>(runs_while_locked.load()),
              list.c_str());
  EXPECT_FALSE(LockHeld(db));
}

// Without the reference outputs of Readers: a ledger of the first two files.
TEST(ReadOnly, CommandsLeaveTheLedgerDirectoryByteForByteAsItWas) {
  TempDir tmp;
  const Corpus c = WriteCorpus(tmp, 9, {2'000, 15'000, 300});
  const std::string person = PersonAcrossFiles(c);
  std::string db = MakeLedger(tmp / "read-only", {c.paths[0], c.paths[1]});
  const auto before = Tree(db);
  const std::vector<std::vector<std::string>> commands = {
      {"verify"},
      {"checkpoint"},
      {"export"},
      {"log", "--tail", "3"},
      {"report"},
      {"report", "--known-at", "2020-01-01"},
      {"violations"},
      {"diff", "--from", "2024-01-01", "--to", "2025-01-01"},
      {"history", person},
  };
  for (const auto& args : commands) {
    std::vector<std::string> argv = {"--read-only"};
    argv.insert(argv.end(), args.begin(), args.end());
    RunResult r = Tledger(db, argv);
    EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.err, "") << args[0];
    EXPECT_EQ(Changes(before, Tree(db)), "") << args[0];
  }
  RunResult import = Tledger(db, {"--read-only", "import", c.paths[2]});
  EXPECT_EQ(import.exit_code, 1);
  EXPECT_EQ(import.out, "");
  EXPECT_EQ(import.err, std::string(kErrorPrefix) +
                            "import writes to the ledger, but --read-only was given; leave --read-only out to import\n");
  EXPECT_EQ(Changes(before, Tree(db)), "");

  // Without --read-only a report caches its timeline beside the ledger
  // (projections/report_cache.h): the one write a reader makes, which is
  // how this test knows it would see one.
  RunResult report = Tledger(db, {"report"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  std::string changes = Changes(before, Tree(db));
  EXPECT_TRUE(std::regex_match(changes, std::regex(R"( added report-cache added report-cache/17000-[0-9a-f]{16}\.bin)")))
      << changes;
}

}  // namespace
}  // namespace tledger::testing
