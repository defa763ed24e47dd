// Attacks on the files of a ledger directory (SECURITY.md, "Attack
// classes"), each written as the attacker would carry it out, with nothing
// but write access to the directory: a report cache forged with its
// integrity fields recomputed, links planted where the product writes, a
// report cache that is a link, a directory that is not a ledger. Each
// failed on the tledger before issue 10.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include <capnp/any.h>
#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "core/date.h"
#include "core/keys.h"
#include "core/store.h"
#include "projections/report_cache.h"
#include "projections/report_timeline.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kReport = {"report", "--as-of", "2025-12-31", "--format", "json"};
const char kRebuilt[] = "; rebuilding it from the ledger\n";

// Every file under `dir` (recursively) with its bytes, links as "-> TARGET":
// what "left untouched" compares.
std::map<std::string, std::string> Listing(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string name = fs::relative(e.path(), dir).string();
    if (e.is_symlink()) {
      out[name] = "-> " + fs::read_symlink(e.path()).string();
    } else if (e.is_regular_file()) {
      out[name] = ReadFile(e.path().string());
    } else {
      out[name] = "<dir>";
    }
  }
  return out;
}

// The one cache file of the ledger at `db`.
std::string CacheFile(const std::string& db) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(db + "/report-cache")) files.push_back(e.path().string());
  EXPECT_EQ(files.size(), 1u);
  return files.empty() ? "" : files[0];
}

Hash Sha256(std::string_view bytes) {
  return ChainHasher().Digest(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
}

// Forges the report cache file at `path` as an attacker without the key
// would: adds `delta` to every counter of every checkpoint (budgets, money
// and counts alike), then recomputes every integrity field the file has as
// far as anyone can without a key: each block's SHA-256 into the manifest,
// the manifest's into the header. The layout is read from the file itself
// (TLRC0002 held SHA-256s, TLRC0003 to TLRC0005 hold MACs in the same
// places; 0004 adds the plan's decision to the manifest, 0005 its targets
// and the classes of its programs).
void ForgeCache(const std::string& path, int64_t delta) {
  std::string f = ReadFile(path);
  ASSERT_GE(f.size(), 96u);
  const bool sha = f.compare(0, 8, "TLRC0002") == 0;
  ASSERT_TRUE(sha || f.compare(0, 8, "TLRC0003") == 0 || f.compare(0, 8, "TLRC0004") == 0 ||
              f.compare(0, 8, "TLRC0005") == 0)
      << f.substr(0, 8);
  const size_t header = sha ? 88 : 96, size_at = sha ? 80 : 56, tag_at = sha ? 48 : 64;
  const size_t manifest_bytes = keys::GetBigEndian64(f.data() + size_at);
  ASSERT_EQ(f.size() % 8, 0u);
  std::vector<capnp::word> words(f.size() / 8);
  std::memcpy(words.data(), f.data(), f.size());
  const char* base = reinterpret_cast<const char*>(words.data());
  auto offset = [&](const void* p) { return static_cast<size_t>(static_cast<const char*>(p) - base); };
  capnp::ReaderOptions unlimited;
  unlimited.traversalLimitInWords = UINT64_MAX;
  capnp::FlatArrayMessageReader manifest(kj::arrayPtr(words.data() + header / 8, manifest_bytes / 8), unlimited);
  capnp::FlatArrayMessageReader bulk(kj::arrayPtr(words.data() + (header + manifest_bytes) / 8, words.data() + words.size()), unlimited);
  // By pointer (report_cache.capnp): the manifest's dates, changeBegin and
  // block tags; the bulk's changeCounter, changeValue and checkpoints.
  auto m = manifest.getRoot<capnp::AnyStruct>().getPointerSection();
  auto b = bulk.getRoot<capnp::AnyStruct>().getPointerSection();
  auto dates = m[4].getAs<capnp::List<int32_t>>();
  auto change_begin = m[5].getAs<capnp::List<uint32_t>>();
  auto block_tags = m[6].getAs<capnp::List<capnp::Data>>();
  auto counters = capnp::AnyList::Reader(b[0].getAs<capnp::List<uint32_t>>()).getRawBytes();
  auto values = capnp::AnyList::Reader(b[1].getAs<capnp::List<int64_t>>()).getRawBytes();
  auto checkpoints = b[2].getAs<capnp::List<capnp::List<int64_t>>>();
  ASSERT_GT(checkpoints.size(), 0u);
  for (unsigned j = 0; j < checkpoints.size(); ++j) {
    auto cp = capnp::AnyList::Reader(checkpoints[j]).getRawBytes();
    for (size_t i = 0; i < cp.size(); i += 8) {
      int64_t v;
      std::memcpy(&v, f.data() + offset(cp.begin() + i), 8);
      v += delta;
      std::memcpy(f.data() + offset(cp.begin() + i), &v, 8);
    }
    // The changes of block j (TimelineIndex::BlockChanges).
    const size_t k = TimelineIndex::kCheckpointEvery, first = j * k + 1,
                 last = std::min<size_t>((j + 1) * k, dates.size() - 1);
    const uint32_t from = change_begin[static_cast<unsigned>(first)],
                   to = first > last ? from : change_begin[static_cast<unsigned>(last + 1)];
    std::string block;
    if (!sha) {
      block = std::string("block\0\0\0", 8);
      block.resize(16);
      keys::PutBigEndian64(j, block.data() + 8);
    }
    block.append(f.data() + offset(cp.begin()), cp.size());
    block.append(f.data() + offset(counters.begin()) + 4 * from, 4 * (to - from));
    block.append(f.data() + offset(values.begin()) + 8 * from, 8 * (to - from));
    Hash h = Sha256(block);
    std::memcpy(f.data() + offset(block_tags[j].begin()), h.data(), 32);
  }
  Hash tag = Sha256((sha ? "" : f.substr(0, tag_at)) + f.substr(header, manifest_bytes));
  std::memcpy(f.data() + tag_at, tag.data(), 32);
  WriteFile(path, f);
}

// ------------------------------------------------------------ the report cache

// Finding 1: counters rewritten and every hash recomputed. No report prints
// the forged figures, in any format, with or without --read-only; verify
// names the file.
TEST(ForgedCache, ReportNeverPrintsTheForgedFiguresAndVerifyNamesTheFile) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult honest = Tledger(db, kReport);
  ASSERT_EQ(honest.exit_code, 0) << honest.err;
  const RunResult honest_csv = Tledger(db, {"report", "--as-of", "2025-12-31", "--format", "csv"});
  const RunResult honest_table = Tledger(db, {"report", "--as-of", "2025-12-31"});
  const std::string path = CacheFile(db);
  ForgeCache(path, 5'000'000'000);
  const std::string forged = ReadFile(path);
  const std::string warning = "tledger: warning: " + path + " fails its authentication: it was forged or altered" + kRebuilt;

  RunResult verify = Tledger(db, {"verify"});
  EXPECT_EQ(verify.exit_code, 3) << verify.out;
  EXPECT_EQ(verify.err, std::string(kErrorPrefix) + path +
                            " fails its authentication: it was forged or altered. No report uses it; remove it (the "
                            "next report rebuilds it), and find out who wrote it\n");

  RunResult r = Tledger(db, {"--read-only", "report", "--as-of", "2025-12-31", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, warning);
  EXPECT_EQ(ReadFile(path), forged);  // --read-only: rebuilt privately, the file left as it is
  r = Tledger(db, {"--read-only", "report", "--as-of", "2025-12-31"});
  EXPECT_EQ(r.out, honest_table.out);
  EXPECT_EQ(r.err, warning);

  r = Tledger(db, {"report", "--as-of", "2025-12-31", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, honest_csv.out);
  EXPECT_EQ(r.err, warning);
  EXPECT_NE(ReadFile(path), forged);  // discarded and rebuilt
  r = Tledger(db, kReport);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "");
  verify = Tledger(db, {"verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

// Finding 1: a poisoned cache for a past known-at, its file time far in the
// future, survived later imports and evictions and was used. Now it fails
// its MAC: never used, and the next eviction removes it, whatever its time.
TEST(ForgedCache, APoisonedPastCacheWithAFarFutureTimeIsNeverUsedAndIsEvicted) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const std::string past = FormatInstant(OpenStore(db, OpenMode::kRead)->head().recorded_at);
  const std::vector<std::string> report_past = {"report", "--as-of", "2025-12-31", "--known-at", past, "--format", "json"};
  const RunResult honest = Tledger(db, report_past);
  ASSERT_EQ(honest.exit_code, 0) << honest.err;
  const std::string poisoned = CacheFile(db);
  ForgeCache(poisoned, 7'000'000'000);
  struct timespec far[2] = {{4'000'000'000, 0}, {4'000'000'000, 0}};  // the year 2096
  ASSERT_EQ(utimensat(AT_FDCWD, poisoned.c_str(), far, 0), 0);

  MakeLedger(db, {DataPath("persons.csv"), "--type", "person_registered"});
  RunResult now = Tledger(db, kReport);  // builds the new head's file, and evicts
  ASSERT_EQ(now.exit_code, 0) << now.err;
  EXPECT_EQ(now.err, "tledger: warning: " + poisoned + " fails its authentication: it was forged or altered; removed\n");
  EXPECT_FALSE(fs::exists(poisoned));
  RunResult r = Tledger(db, report_past);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "");
}

// A cache file that is a link to a forged file elsewhere: not followed (a
// report rebuilds the file in place of the link, which is all it removes),
// and verify names it.
TEST(ForgedCache, ACacheFileThatIsALinkIsNeverFollowedAndVerifyNamesIt) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult honest = Tledger(db, kReport);
  const std::string path = CacheFile(db), elsewhere = tmp / "elsewhere.bin";
  fs::rename(path, elsewhere);
  ForgeCache(elsewhere, 1'000'000'000);
  const std::string forged = ReadFile(elsewhere);
  fs::create_symlink(elsewhere, path);
  RunResult verify = Tledger(db, {"verify"});
  EXPECT_EQ(verify.exit_code, 3);
  EXPECT_EQ(verify.err, std::string(kErrorPrefix) + path +
                            " is a symbolic link, which no report reads. Remove it, and find out who put it there\n");
  RunResult r = Tledger(db, kReport);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "tledger: warning: " + path + " is a symbolic link" + kRebuilt);
  EXPECT_FALSE(fs::is_symlink(path));
  EXPECT_EQ(ReadFile(elsewhere), forged);
}

// No key readable (here: its directory cannot be made): the cache is neither
// trusted nor written; the report is computed from the ledger.
TEST(ForgedCache, WithoutAReadableKeyTheCacheIsNotUsedAndTheReportReplays) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult honest = Tledger(db, kReport);
  const std::string path = CacheFile(db);
  ForgeCache(path, 5'000'000'000);
  const std::string forged = ReadFile(path);
  WriteFile(tmp / "file", "");
  const RunOptions no_key{.env = {"TLEDGER_KEY_DIR=" + (tmp / "file") + "/keys"}};
  RunResult r = Tledger(db, kReport, no_key);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "tledger: warning: the report cache is not used: cannot create the key directory " + (tmp / "file") +
                       "/keys: Not a directory; the report is computed from the ledger\n");
  EXPECT_EQ(ReadFile(path), forged);
  RunResult verify = Tledger(db, {"verify"}, no_key);
  EXPECT_EQ(verify.exit_code, 0);
  EXPECT_EQ(verify.err, "tledger: warning: the report cache was not checked, and no report uses it: cannot create the "
                        "key directory " + (tmp / "file") + "/keys: Not a directory\n");
}

// A key others can read or write is no key: not used, and said so.
TEST(ForgedCache, AKeyOthersCanReadIsNotUsed) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunOptions keys{.env = {"TLEDGER_KEY_DIR=" + (tmp / "keys")}};
  const RunResult honest = Tledger(db, kReport, keys);
  ASSERT_EQ(honest.err, "");
  struct stat st;
  ASSERT_EQ(::stat((tmp / "keys").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  ASSERT_EQ(::stat((tmp / "keys/local.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  ASSERT_EQ(::chmod((tmp / "keys/local.key").c_str(), 0644), 0);
  RunResult r = Tledger(db, kReport, keys);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "tledger: warning: the report cache is not used: the local key " + (tmp / "keys/local.key") +
                       " can be read or written by others (mode 644); make it private: chmod 600 " +
                       (tmp / "keys/local.key") + "; the report is computed from the ledger\n");
}

// A key directory inside the ledger directory is one the attacker can read:
// refused, and nothing is made there.
TEST(ForgedCache, AKeyDirectoryInsideTheLedgerIsRefused) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult honest = Tledger(db, kReport);
  const auto before = Listing(db);
  RunResult r = Tledger(db, kReport, {.env = {"TLEDGER_KEY_DIR=" + db + "/keys"}});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err, "tledger: warning: the report cache is not used: the key directory " + db +
                       "/keys is inside the ledger directory " + db +
                       ", where whoever can write the ledger could read it; set TLEDGER_KEY_DIR to a directory "
                       "outside it; the report is computed from the ledger\n");
  EXPECT_EQ(Listing(db), before);
}

// Another user's (or machine's) key: the file is not used but rebuilt; verify
// does not fail on a file no report here uses, and says so.
TEST(ForgedCache, ACacheOfAnotherKeyIsNotUsedAndVerifyNamesItWithoutFailing) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const RunResult honest = Tledger(db, kReport);
  const std::string path = CacheFile(db);
  const RunOptions other{.env = {"TLEDGER_KEY_DIR=" + (tmp / "other-keys")}};
  RunResult verify = Tledger(db, {"verify"}, other);
  EXPECT_EQ(verify.exit_code, 0);
  EXPECT_EQ(verify.err, "tledger: warning: " + path +
                            " was made under another local key or by another version: not checked; no report here "
                            "uses it, the next one replaces it\n");
  RunResult r = Tledger(db, kReport, other);
  EXPECT_EQ(r.out, honest.out);
  EXPECT_EQ(r.err.substr(0, r.err.find('(')), "tledger: warning: " + path + " was made under another local key ");
  verify = Tledger(db, {"verify"}, other);
  EXPECT_EQ(verify.err, "");
}

// ------------------------------------------------------------ links

// Finding 6: an import followed HEAD.tmp and tledger.lock links and
// truncated what they pointed to. A writer refuses a ledger directory that
// holds a link, before it opens anything.
TEST(Links, APlantedHeadTemporaryOrLockLinkIsRefusedAndItsTargetUntouched) {
  for (const std::string name : {"HEAD.tmp", "tledger.lock"}) {
    SCOPED_TRACE(name);
    TempDir tmp;
    const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
    WriteFile(tmp / "precious", "precious\n");
    fs::remove(db + "/" + name);
    fs::create_symlink(tmp / "precious", db + "/" + name);
    RunResult r = Tledger(db, {"import", DataPath("persons.csv"), "--type", "person_registered"});
    EXPECT_EQ(r.exit_code, 3);
    // Seen before the lock is opened: the whole directory is looked at
    // before RocksDB reads anything (SECURITY.md, "FIFOs, sockets and devices").
    EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the ledger directory " + db + " holds a symbolic link, " + name +
                         ", through which a writer could write outside it. Nothing was changed; a ledger holds no "
                         "links: remove it, and find out who put it there\n");
    EXPECT_EQ(ReadFile(tmp / "precious"), "precious\n");
    // Readers refuse a link too (SECURITY.md, "FIFOs, sockets and devices");
    // with it gone, the ledger is as it was.
    RunResult reader = Tledger(db, {"checkpoint"});
    EXPECT_EQ(reader.exit_code, 3);
    EXPECT_EQ(reader.err, r.err);
    fs::remove(db + "/" + name);
    EXPECT_EQ(Checkpoint(db).substr(0, 3), "24:");
  }
}

// Finding 6: a hard link is a way out of the directory too.
TEST(Links, AFileWithAnotherHardLinkIsRefused) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  WriteFile(tmp / "precious", "precious\n");
  ASSERT_EQ(::link((tmp / "precious").c_str(), (db + "/LOG.old.1").c_str()), 0);
  RunResult r = Tledger(db, {"import", DataPath("persons.csv"), "--type", "person_registered"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + db +
                       "/LOG.old.1 has 2 hard links: a writer could change a file outside the ledger through it. "
                       "Nothing was changed; a ledger's files have one link each: find the others and remove them\n");
  EXPECT_EQ(ReadFile(tmp / "precious"), "precious\n");
}

// Finding 6: a plain report followed a planted `SEQ-HASH.bin.tmp.<pid>` link
// and overwrote its target (in process, so that the pid is known).
TEST(Links, APlantedCacheTemporaryLinkIsNeverFollowed) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  std::unique_ptr<Store> store = OpenStore(db, OpenMode::kRead);
  const Head head = store->head();
  WriteFile(tmp / "precious", "precious\n");
  fs::create_directory(db + "/report-cache");
  const std::string name = std::to_string(head.seq) + "-" + ToHex(head.hash).substr(0, 16) + ".bin";
  fs::create_symlink(tmp / "precious", db + "/report-cache/" + name + ".tmp." + std::to_string(getpid()));
  Result<Report> r = ReportKnownAt(*store, *Date::Parse("2025-12-31"), head.recorded_at, /*may_write=*/true);
  ASSERT_TRUE(r.ok()) << ErrorOf(r);
  EXPECT_EQ(ReadFile(tmp / "precious"), "precious\n");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(db + "/report-cache/" + name)));
}

// Finding 6: with report-cache a link to another directory, a report deleted
// that directory's oldest *.bin files.
TEST(Links, ASymlinkedReportCacheIsRefusedAndTheDirectoryItNamesUntouched) {
  TempDir tmp;
  const std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  fs::create_directory(tmp / "elsewhere");
  for (int i = 0; i < 12; ++i) WriteFile(tmp / ("elsewhere/" + std::to_string(i) + "-0123456789abcdef.bin"), "mine\n");
  const auto before = Listing(tmp / "elsewhere");
  fs::create_directory_symlink(tmp / "elsewhere", db + "/report-cache");
  const std::string why = db + "/report-cache is a symbolic link: the report cache is never read or written through "
                               "one. Nothing was changed; remove it (a report makes the directory again), and find out "
                               "who put it there\n";
  for (const auto& args : {kReport, std::vector<std::string>{"verify"}}) {
    RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 3) << args[0];
    EXPECT_EQ(r.err, kErrorPrefix + why) << args[0];
  }
  EXPECT_EQ(Listing(tmp / "elsewhere"), before);
  // A file in its place is refused the same way.
  fs::remove(db + "/report-cache");
  WriteFile(db + "/report-cache", "");
  RunResult r = Tledger(db, kReport);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + db +
                       "/report-cache is not a directory. Nothing was changed; remove it (a report makes the "
                       "directory again), and find out who put it there\n");
}

// ------------------------------------------------------------ not a ledger

// Finding 7: --db pointing at a directory holding HEAD and ingest-2024.csv
// (a git checkout, say): import deleted the CSV and overwrote HEAD.
TEST(NotALedger, ADirectoryOfOtherFilesIsRefusedUntouched) {
  TempDir tmp;
  const std::string dir = tmp / "checkout";
  fs::create_directory(dir);
  WriteFile(dir + "/HEAD", "ref: refs/heads/main\n");
  WriteFile(dir + "/ingest-2024.csv", "person,name\nP1,An\n");
  const auto before = Listing(dir);
  RunResult r = Tledger(dir, {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "the directory " + dir +
                       " holds HEAD and ingest-2024.csv, which are not a tledger ledger. Nothing was changed; give "
                       "--db an empty or new directory to create a ledger there\n");
  EXPECT_EQ(Listing(dir), before);
  // Nor is a RocksDB store of another program's.
  const std::string other = tmp / "other";
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, other, &db).ok());
    rocksdb::ColumnFamilyHandle* cf = nullptr;
    ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "orders", &cf).ok());
    ASSERT_TRUE(db->DestroyColumnFamilyHandle(cf).ok());
    delete db;
  }
  const auto other_before = Listing(other);
  r = Tledger(other, {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("(a RocksDB store with a column family orders, which a ledger has not)"), std::string::npos)
      << r.err;
  EXPECT_EQ(Listing(other), other_before);
  // An empty directory becomes a ledger.
  fs::create_directory(tmp / "empty");
  r = Tledger(tmp / "empty", {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace tledger::testing
