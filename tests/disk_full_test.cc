// A full disk (issue 5): imports through the importer the CLI uses
// (ImportFile), on a store whose RocksDB writes through tests/fault_env.h, a
// file system that refuses writes past a byte budget as a full disk does.
// The import fails with a message that says the disk is full, which file is
// not in and what to do; the ledger reopens with every earlier file and the
// same head; once space is freed the same import succeeds.
#include <filesystem>

#include <gtest/gtest.h>

#include "core/store.h"
#include "core/verify.h"
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

}  // namespace
}  // namespace tledger::testing
