// Helpers shared by the tests: running a program as a user would, temporary
// directories, files, ledgers made through the real CLI, and direct RocksDB
// access for tests that tamper with a ledger on purpose.
//
//   TempDir tmp;
//   std::string db = MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
//   RunResult r = Tledger(db, {"verify"});
//   EXPECT_EQ(r.exit_code, 0);
//
// Setup helpers abort the test program with a message when the setup itself
// fails (a test cannot assert on a ledger it could not make).
#ifndef TLEDGER_TESTS_TEST_UTIL_H_
#define TLEDGER_TESTS_TEST_UTIL_H_

#include <sys/types.h>

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <capnp/message.h>
#include <simdjson.h>

#include "core/event.capnp.h"
#include "core/hash_chain.h"
#include "core/status.h"
#include "core/store.h"

namespace tledger::testing {

// ------------------------------------------------------------ files and dirs

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it
// when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string operator/(std::string_view name) const;

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, std::string_view content);
// A fixture under tests/data.
std::string DataPath(std::string_view name);
// The repository's root (tools/demo.sh lives under it).
std::string SourceDir();

// Splits text into lines without their "\n"; a final newline ends the last
// line rather than starting an empty one.
std::vector<std::string> Lines(std::string_view text);

// ------------------------------------------------------------ processes

struct RunResult {
  int exit_code = -1;  // the exit status, or 128 + signal when killed
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string cwd;                   // empty: the test's own
  std::vector<std::string> env;      // NAME=VALUE added to (or replacing in) the test's environment
};

// A program running in the background with its stdin a pipe the test
// writes to; stdout and stderr go to anonymous temporary files, so a chatty
// child never blocks on a full pipe.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const RunOptions& options = {});
  ~Child();  // kills and reaps a child still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  void Write(std::string_view text);
  void CloseStdin();
  // Closes stdin, waits for the exit, and collects the output.
  RunResult Wait();
  // SIGKILL, then Wait().
  RunResult Kill();

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
};

// Runs `argv` to completion with `input` on its stdin.
RunResult RunProgram(const std::vector<std::string>& argv, const RunOptions& options = {}, std::string_view input = {});

// ------------------------------------------------------------ the CLI

// The tledger binary under test.
std::string TledgerBin();
// The key directory of this test program (tests/test_key_dir.cc): a fresh
// temporary directory, named by TLEDGER_KEY_DIR for the program and for
// every process RunProgram and Child start (unless RunOptions::env names
// another), so that no test touches the key under $HOME.
const std::string& TestKeyDir();
// The actor every test records as, so that outputs are deterministic.
inline constexpr char kActor[] = "clerk";
// The argv of `tledger --db DB --actor clerk ARGS...`.
std::vector<std::string> TledgerArgv(const std::string& db, const std::vector<std::string>& args);
// Runs `tledger --db DB --actor clerk ARGS...`.
RunResult Tledger(const std::string& db, const std::vector<std::string>& args, const RunOptions& options = {},
                  std::string_view input = {});

// Imports `files` into the ledger at `db` (created if missing) through the
// CLI; aborts unless the import succeeds. Returns `db`.
std::string MakeLedger(const std::string& db, const std::vector<std::string>& files);
// `tledger checkpoint`: the head as SEQ:HASH; aborts unless it succeeds.
std::string Checkpoint(const std::string& db);
// `tledger export`, one line per event; aborts unless it succeeds.
std::vector<std::string> ExportLines(const std::string& db);
// How the CLI prefixes the error it prints on stderr.
inline constexpr char kErrorPrefix[] = "tledger: error: ";

// Replaces what varies from run to run in CLI output with fixed marks: the
// seconds an import took ("in <t> s"), RFC 3339 instants and instants as a
// person reads them ("07/12/2026 08:31:52 (UTC+07:00)"): "<time>".
std::string Normalized(std::string text);
// An export line without its `recorded_at` and `hash` keys, the two that
// differ when the same events are imported again.
std::string WithoutRecordedAtAndHash(const std::string& export_line);

// ------------------------------------------------------------ test tables

// Every event type in schema order, as error messages list them. A macro,
// so that tables of string literals can use it.
#define TLEDGER_TEST_EVENT_TYPES                                                                                  \
  "unit_registered, unit_reorganized, person_registered, person_transferred, person_left_service, "             \
  "qualification_recorded, plan_issued, plan_amended, nomination_approved, nomination_revoked, course_opened, " \
  "enrollment_recorded, enrollment_withdrawn, completion_recorded, funding_decided, funding_revoked, "          \
  "compensation_exempted, reimbursement_recorded, correction"

// A row of a table of refused lines: the case's name, one interchange
// line, and the error it must give.
struct LineCase {
  const char* name;
  const char* line;
  const char* error;
};
// gtest shows a case by its name, in test names and failure messages.
void PrintTo(const LineCase& c, std::ostream* os);
struct CaseName {
  template <typename Info>
  std::string operator()(const Info& info) const {
    return info.param.name;
  }
};

// ------------------------------------------------------------ the store

// One interchange line read into an Event message by EventFromJson, with
// kActor as the default recorded_by.
class ParsedEvent {
 public:
  explicit ParsedEvent(std::string_view line);
  ParsedEvent(const ParsedEvent&) = delete;
  ParsedEvent& operator=(const ParsedEvent&) = delete;

  // EventFromJson's verdict (InvalidInput "FIELD: reason" on refusal).
  const Status& status() const { return status_; }
  schema::Event::Builder builder() { return msg_.getRoot<schema::Event>(); }
  schema::Event::Reader event() { return builder().asReader(); }
  // The export form without the ledger's keys, or "error: ..." .
  std::string ToJson();

 private:
  simdjson::padded_string json_;
  simdjson::dom::parser parser_;
  capnp::MallocMessageBuilder msg_;
  Status status_;
};

// A failure's code and message as one string, "unavailable: the ledger is
// open read-only" (Status::ToString), so that a test asserts both exactly
// at once; "ok" when there was no failure.
inline std::string ErrorOf(const Status& status) { return status.ToString(); }
template <typename T>
std::string ErrorOf(const Result<T>& r) {
  return r.status().ToString();
}

// Prints `what` and `status`, then aborts: a setup step failed.
[[noreturn]] void DieWith(std::string_view what, const Status& status);

// Unwraps a Result in setup code; aborts with its status otherwise.
template <typename T>
T ValueOrDie(Result<T> r, std::string_view what) {
  if (!r.ok()) DieWith(what, r.status());
  return std::move(r).value();
}

std::unique_ptr<Store> OpenStore(const std::string& dir, OpenMode mode);

// A ledger's RocksDB opened directly, bypassing every guarantee of Store
// (no writer's lock, no recovery of an interrupted import): for tests that
// tamper on purpose, including with a ledger the Store refuses. Keys and
// values as core/keys.h and core/FORMAT.md lay them out.
class RawLedger {
 public:
  explicit RawLedger(const std::string& dir);
  ~RawLedger();
  RawLedger(const RawLedger&) = delete;
  RawLedger& operator=(const RawLedger&) = delete;

  std::string EventBytes(uint64_t seq) const;  // aborts when absent
  void PutEvent(uint64_t seq, std::string_view bytes);
  void DeleteEvent(uint64_t seq);
  // The meta `head` record: 8-byte big-endian seq, 32-byte hash, 8-byte
  // big-endian recorded_at micros. With `cover_tracks`, the published HEAD
  // file beside the database is rewritten to match, as a careful tamperer
  // would.
  void PutHead(uint64_t seq, const Hash& hash, Timestamp recorded_at, bool cover_tracks = true);
  void PutMeta(std::string_view key, std::string_view value);
  void PutId(std::string_view id, std::string_view value);
  void DeleteId(std::string_view id);
  void PutSubject(std::string_view key, std::string_view value);
  void DeleteMeta(std::string_view key);
  // Drops a column family (a name of core/keys.h). The ledger cannot be
  // opened by RawLedger again afterwards: it would make the family anew.
  void DropFamily(std::string_view name);
  // The meta `head` record as stored; a zero head when there is none.
  Head head() const;

  Store::Raw raw() const;

 private:
  std::string dir_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // in Families() order
};

// The keys of a column family, in order, committed or not.
std::vector<std::string> ColumnKeys(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf);

// Where `needle` occurs in `haystack`; aborts unless exactly once.
size_t FindOnce(std::string_view haystack, std::string_view needle);

}  // namespace tledger::testing

#endif  // TLEDGER_TESTS_TEST_UTIL_H_
