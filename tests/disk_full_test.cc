// A full disk (issue 5): imports through the importer the CLI uses
// (ImportFile), on a store whose RocksDB writes through tests/fault_env.h, a
// file system that refuses writes past a byte budget as a full disk does.
// The import fails with a message that says the disk is full, which file is
// not in and what to do; the ledger reopens with every earlier file and the
// same head; once space is freed the same import succeeds.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "core/store.h"
#include "core/verify.h"
#include "projections/report_cache.h"
#include "tests/corpus.h"
#include "tests/fault_env.h"
#include "tests/test_util.h"
#include "tools/cli/importer.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

const ImportOptions kImport{.actor = kActor, .csv_type = ""};

// The write-ahead log RocksDB writes to: the newest *.log in `dir`.
std::string NewestLog(const std::string& dir) {
  std::string newest;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".log" && e.path().string() > newest) newest = e.path().string();
  }
  return newest;
}

std::string NoSpaceIn(const std::string& file) {
  return "no space left on the device (IO error: No space left on device: While appending to file: " + file +
         ": No space left on device); free some space on it and run the command again";
}

Head Verified(const std::string& db) {
  std::unique_ptr<Store> store = OpenStore(db, OpenMode::kRead);
  Result<VerifyReport> r = Verify(*store, VerifyOptions{});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->head.seq, store->head().seq);
  EXPECT_EQ(r->head.hash, store->head().hash);
  return store->head();
}

class DiskFull : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    // Two small files, then one of two chunks (100,000 + 20,000 events).
    corpus_ = new Corpus(WriteCorpus(*tmp_, 3, {2'000, 500, 120'000}));
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete tmp_;
  }
  void SetUp() override { db_ = *tmp_ / ::testing::UnitTest::GetInstance()->current_test_info()->name(); }

  // After a failed import: reopened without the full disk, the ledger
  // verifies at `before`; once space is freed, the same file imports whole,
  // `appended` new events up to head `head_seq`.
  void ExpectUnchangedThenImportedWhole(FullDisk& disk, const Head& before, size_t file, uint64_t appended,
                                        uint64_t head_seq) {
    Head after = Verified(db_);
    EXPECT_EQ(after.seq, before.seq);
    EXPECT_EQ(after.hash, before.hash);
    disk.Lift();  // space was freed
    {
      std::unique_ptr<Store> store = ValueOrDie(Store::Open(db_, OpenMode::kWrite, {.env = disk.env()}), "reopen");
      Result<FileImport> r = ImportFile(*store, corpus_->paths[file], kImport);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(r->appended, appended);
      EXPECT_EQ(r->repeats, 0u);
      EXPECT_EQ(r->head.seq, head_seq);
    }
    EXPECT_EQ(Verified(db_).seq, head_seq);
  }

  static TempDir* tmp_;
  static Corpus* corpus_;
  std::string db_;
};

TempDir* DiskFull::tmp_ = nullptr;
Corpus* DiskFull::corpus_ = nullptr;

TEST_F(DiskFull, AnImportThatRunsOutOfSpaceSaysSoAndTheSameImportSucceedsOnceSpaceIsFreed) {
  auto disk = std::make_shared<FullDisk>(UINT64_MAX);
  Head before;
  {
    std::unique_ptr<Store> store = ValueOrDie(Store::Open(db_, OpenMode::kWrite, {.env = disk->env()}), "open");
    for (size_t f : {0, 1}) ASSERT_TRUE(ImportFile(*store, corpus_->paths[f], kImport).ok());
    before = store->head();
    ASSERT_EQ(before.seq, 2'500u);
    // 1 MiB left: the first 100,000 events of the next file (some 30 MB) do
    // not fit in the file that brings them in (core/FORMAT.md, "Appending").
    disk->Allow(1 << 20);
    const std::string events = db_ + "/ingest-1-events.sst";
    Result<FileImport> r = ImportFile(*store, corpus_->paths[2], kImport);
    EXPECT_EQ(ErrorOf(r), "I/O error: " + corpus_->paths[2] + ": not imported: finishing " + events + ": " +
                              NoSpaceIn(events));
    EXPECT_EQ(r.status().ExitCode(), 2);
    EXPECT_EQ(store->head().seq, before.seq);
    EXPECT_EQ(disk->refusals() > 0, true);
  }
  // Every earlier file, the same head; then the file, whole.
  ExpectUnchangedThenImportedWhole(*disk, before, 2, 120'000, 122'500);
}

// A small file goes through the write-ahead log in one WriteBatch with its
// commit: a full disk there leaves the head where it was.
TEST_F(DiskFull, ASmallFileThatDoesNotFitInTheLogLeavesTheHead) {
  auto disk = std::make_shared<FullDisk>(UINT64_MAX);
  Head before;
  {
    std::unique_ptr<Store> store = ValueOrDie(Store::Open(db_, OpenMode::kWrite, {.env = disk->env()}), "open");
    ASSERT_TRUE(ImportFile(*store, corpus_->paths[0], kImport).ok());
    before = store->head();
    disk->Allow(4 << 10);  // the 500 events of the next file take some 150 KB
    const std::string log = NewestLog(db_);
    Result<FileImport> r = ImportFile(*store, corpus_->paths[1], kImport);
    EXPECT_EQ(ErrorOf(r), "I/O error: " + corpus_->paths[1] + ": not imported: committing the import: " + NoSpaceIn(log));
    EXPECT_EQ(store->head().seq, 2'000u);
  }
  ExpectUnchangedThenImportedWhole(*disk, before, 1, 500, 2'500);
}

// The disk fills while the index files of a file's first chunk are written:
// its 100,000 events are already in their file, not yet ingested. Nothing
// of the chunk is seen, the head stays, and the file imports whole once
// there is space.
TEST_F(DiskFull, RunningOutOfSpaceForTheIndexFilesOfAChunkDiscardsItsEvents) {
  auto disk = std::make_shared<FullDisk>(UINT64_MAX, "-ids.sst");
  Head before;
  {
    std::unique_ptr<Store> store = ValueOrDie(Store::Open(db_, OpenMode::kWrite, {.env = disk->env()}), "open");
    for (size_t f : {0, 1}) ASSERT_TRUE(ImportFile(*store, corpus_->paths[f], kImport).ok());
    before = store->head();
    disk->Allow(64 << 10);  // 64 KiB more of index files
    Result<FileImport> r = ImportFile(*store, corpus_->paths[2], kImport);
    EXPECT_EQ(ErrorOf(r), "I/O error: " + corpus_->paths[2] + ": not imported: finishing " + db_ + "/ingest-1-ids.sst: " +
                              NoSpaceIn(db_ + "/ingest-1-ids.sst"));
    EXPECT_EQ(store->head().seq, 2'500u);
    // Nothing past the head: the appender discarded the chunk it wrote.
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().events).size(), 2'500u);
    EXPECT_EQ(ColumnKeys(store->raw().db, store->raw().ids).size(), 2'500u);
  }
  ExpectUnchangedThenImportedWhole(*disk, before, 2, 120'000, 122'500);
}

// A ledger cannot even be opened for writing on a full disk: exit 2, saying
// so, and the ledger is as it was.
TEST_F(DiskFull, OpeningForWritingOnAFullDiskSaysSo) {
  Head before;
  {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kWrite);
    ASSERT_TRUE(ImportFile(*store, corpus_->paths[0], kImport).ok());
    before = store->head();
  }
  auto disk = std::make_shared<FullDisk>(0);
  Result<std::unique_ptr<Store>> store = Store::Open(db_, OpenMode::kWrite, {.env = disk->env()});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().ExitCode(), 2);
  // Opening replays the log into a table first: table 16 for this ledger's
  // history of opens (RocksDB numbers its files in order).
  EXPECT_EQ(ErrorOf(store), "unavailable: cannot open the ledger at " + db_ + ": " + NoSpaceIn(db_ + "/000016.sst"));
  Head after = Verified(db_);
  EXPECT_EQ(after.seq, before.seq);
  EXPECT_EQ(after.hash, before.hash);
}

// The warnings logged while it lives.
class Warnings {
 public:
  Warnings() : sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)) {
    sink_->set_pattern("%v");
    sink_->set_level(spdlog::level::warn);
    spdlog::default_logger()->sinks().push_back(sink_);
  }
  ~Warnings() { spdlog::default_logger()->sinks().pop_back(); }
  std::string str() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::sinks::ostream_sink_mt> sink_;
};

// Whether `text` is `pattern` with its "@" standing for the 16 hex digits
// of a temporary's name (core/files.h).
bool WithTemporary(const std::string& text, const std::string& pattern) {
  size_t at = pattern.find('@');
  if (text.size() != pattern.size() + 15 || text.compare(0, at, pattern, 0, at) != 0 ||
      text.compare(at + 16, std::string::npos, pattern, at + 1) != 0) {
    return false;
  }
  return std::all_of(text.begin() + at, text.begin() + at + 16, [](char c) { return std::isxdigit(c) && !std::isupper(c); });
}

// The names in `dir` that are temporaries of core/files.h.
std::vector<std::string> Temporaries(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().string());
  }
  return out;
}

// HEAD is written through the store's file system (core/files.h): a full
// disk there is reported, and the old HEAD stays as it was, whole, with no
// temporary left. After a commit, the import stands and says so.
TEST_F(DiskFull, AFullDiskWhileWritingHeadLeavesTheOldOneIntact) {
  {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kWrite);
    ASSERT_TRUE(ImportFile(*store, corpus_->paths[0], kImport).ok());
  }
  const std::string head = ReadFile(db_ + "/HEAD");
  auto disk = std::make_shared<FullDisk>(0, "/HEAD");  // only HEAD's writes find the disk full
  Result<std::unique_ptr<Store>> refused = Store::Open(db_, OpenMode::kWrite, {.env = disk->env()});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().ExitCode(), 2);
  const std::string no_space = "cannot write " + db_ + "/HEAD: " + NoSpaceIn(db_ + "/HEAD.tmp-@");
  EXPECT_TRUE(WithTemporary(ErrorOf(refused), "I/O error: " + no_space)) << ErrorOf(refused);
  EXPECT_EQ(ReadFile(db_ + "/HEAD"), head);
  EXPECT_EQ(Temporaries(db_), std::vector<std::string>{});
  EXPECT_GE(disk->refusals(), 1u);

  // The disk fills between the commit and HEAD: committed, HEAD behind, a
  // warning; readers accept it, and the next writer rewrites it.
  disk->Lift();
  Head committed;
  {
    std::unique_ptr<Store> store = ValueOrDie(Store::Open(db_, OpenMode::kWrite, {.env = disk->env()}), "open");
    disk->Allow(0);
    Warnings warnings;
    Result<FileImport> r = ImportFile(*store, corpus_->paths[1], kImport);
    ASSERT_TRUE(r.ok()) << ErrorOf(r);
    committed = store->head();
    EXPECT_EQ(committed.seq, 2'500u);
    EXPECT_TRUE(WithTemporary(warnings.str(), "the import is committed (head seq 2500), but " + no_space +
                                                  "; readers see it all, and the next import rewrites it\n"))
        << warnings.str();
  }
  EXPECT_EQ(ReadFile(db_ + "/HEAD"), head);
  EXPECT_EQ(Temporaries(db_), std::vector<std::string>{});
  EXPECT_EQ(Verified(db_).seq, 2'500u);
  OpenStore(db_, OpenMode::kWrite);
  EXPECT_EQ(ReadFile(db_ + "/HEAD"), "2500:" + ToHex(committed.hash) + "\n");
}

// The report cache is written through the store's file system too: a full
// disk there is a warning, the report is still the ledger's, and the files
// already there are as they were.
TEST_F(DiskFull, AFullDiskWhileWritingTheCacheLeavesTheReportRight) {
  {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kWrite);
    ASSERT_TRUE(ImportFile(*store, corpus_->paths[0], kImport).ok());
  }
  const Date as_of = *Date::Parse("2031-12-31");
  {
    std::unique_ptr<Store> reader = OpenStore(db_, OpenMode::kRead);
    ASSERT_TRUE(ReportKnownAt(*reader, as_of, reader->head().recorded_at, /*may_write=*/true).ok());
  }
  std::vector<fs::path> before;
  for (const auto& e : fs::directory_iterator(db_ + "/report-cache")) before.push_back(e.path());
  ASSERT_EQ(before.size(), 1u);
  const std::string old_file = ReadFile(before[0].string());
  {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kWrite);
    ASSERT_TRUE(ImportFile(*store, corpus_->paths[1], kImport).ok());
  }
  std::unique_ptr<Store> plain = OpenStore(db_, OpenMode::kRead);
  const Timestamp now = plain->head().recorded_at;
  Report expected = ValueOrDie(ReportKnownAt(*plain, as_of, now, /*may_write=*/false), "the report");

  auto disk = std::make_shared<FullDisk>(0, ".bin");
  std::unique_ptr<Store> reader = ValueOrDie(Store::Open(db_, OpenMode::kRead, {.env = disk->env()}), "reader");
  Warnings warnings;
  Result<Report> r = ReportKnownAt(*reader, as_of, now, /*may_write=*/true);
  ASSERT_TRUE(r.ok()) << ErrorOf(r);
  EXPECT_TRUE(*r == expected);
  const std::string prefix = "the report timeline is not cached: cannot write " + db_ + "/report-cache/2500-";
  EXPECT_EQ(warnings.str().substr(0, prefix.size()), prefix);
  EXPECT_NE(warnings.str().find(": no space left on the device (IO error: No space left on device: While appending "
                                "to file: " + db_ + "/report-cache/2500-"),
            std::string::npos)
      << warnings.str();
  std::vector<fs::path> after;
  for (const auto& e : fs::directory_iterator(db_ + "/report-cache")) after.push_back(e.path());
  EXPECT_EQ(after, before);
  EXPECT_EQ(ReadFile(before[0].string()), old_file);
  EXPECT_GE(disk->refusals(), 1u);
}

}  // namespace
}  // namespace tledger::testing
