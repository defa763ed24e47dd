#include "tests/test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <regex>
#include <sstream>

#include <rocksdb/db.h>

#include "core/json_codec.h"
#include "core/keys.h"
#include "core/rocks.h"

extern char** environ;

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "test setup failed: %s\n", what.c_str());
  std::abort();
}

std::string ReadFd(int fd) {
  std::string out;
  if (lseek(fd, 0, SEEK_SET) != 0) Die(std::string("lseek: ") + std::strerror(errno));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) Die(std::string("read: ") + std::strerror(errno));
    if (n == 0) return out;
    out.append(buf, static_cast<size_t>(n));
  }
}

// $TMPDIR, or /tmp.
std::string TempBase() {
  const char* base = std::getenv("TMPDIR");
  return base != nullptr && *base != '\0' ? base : "/tmp";
}

// An unlinked temporary file: the child writes, the parent reads it back.
int AnonymousFile() {
  std::string tmpl = TempBase() + "/tledger-test-out-XXXXXX";
  int fd = mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) Die("mkostemp " + tmpl + ": " + std::strerror(errno));
  unlink(tmpl.c_str());
  return fd;
}

// The test's environment with the test key directory and `extra`
// (NAME=VALUE) added or replacing.
std::vector<std::string> Environment(const std::vector<std::string>& given) {
  std::vector<std::string> extra = {"TLEDGER_KEY_DIR=" + TestKeyDir()};
  for (const std::string& x : given) {
    if (x.substr(0, x.find('=')) == "TLEDGER_KEY_DIR") extra.clear();
  }
  extra.insert(extra.end(), given.begin(), given.end());
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry = *e;
    std::string name = entry.substr(0, entry.find('='));
    bool replaced = false;
    for (const std::string& x : extra) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) env.push_back(entry);
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

// ------------------------------------------------------------ files and dirs

TempDir::TempDir() {
  std::string tmpl = TempBase() + "/tledger-test-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) Die("mkdtemp " + tmpl + ": " + std::strerror(errno));
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) Die("cannot write " + path);
}

std::string DataPath(std::string_view name) { return std::string(TLEDGER_TEST_DATA) + "/" + std::string(name); }

std::string SourceDir() { return TLEDGER_SOURCE_DIR; }

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// ------------------------------------------------------------ processes

Child::Child(const std::vector<std::string>& argv, const RunOptions& options) {
  // A child that exits without reading its stdin must fail our write, not
  // kill the test with SIGPIPE.
  signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args = argv;
  std::vector<std::string> env = Environment(options.env);
  std::vector<char*> c_args = CStrings(args), c_env = CStrings(env);
  int in[2];
  if (pipe2(in, O_CLOEXEC) != 0) Die(std::string("pipe: ") + std::strerror(errno));
  out_fd_ = AnonymousFile();
  err_fd_ = AnonymousFile();
  pid_ = fork();
  if (pid_ < 0) Die(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec.
    if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
    if (dup2(in[0], 0) < 0 || dup2(out_fd_, 1) < 0 || dup2(err_fd_, 2) < 0) _exit(126);
    execve(c_args[0], c_args.data(), c_env.data());
    _exit(127);
  }
  close(in[0]);
  stdin_fd_ = in[1];
}

Child::~Child() {
  if (pid_ > 0) Kill();
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
}

void Child::Write(std::string_view text) {
  while (!text.empty()) {
    ssize_t n = write(stdin_fd_, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;  // the child stopped reading: its exit status says why
    text.remove_prefix(static_cast<size_t>(n));
  }
}

void Child::CloseStdin() {
  if (stdin_fd_ >= 0) close(stdin_fd_);
  stdin_fd_ = -1;
}

RunResult Child::Wait() {
  CloseStdin();
  RunResult r;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0) {
    if (errno != EINTR) Die(std::string("waitpid: ") + std::strerror(errno));
  }
  pid_ = -1;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFd(out_fd_);
  r.err = ReadFd(err_fd_);
  return r;
}

RunResult Child::Kill() {
  kill(pid_, SIGKILL);
  return Wait();
}

RunResult RunProgram(const std::vector<std::string>& argv, const RunOptions& options, std::string_view input) {
  Child child(argv, options);
  child.Write(input);
  return child.Wait();
}

// ------------------------------------------------------------ the CLI

std::string TledgerBin() { return TLEDGER_BIN; }

std::vector<std::string> TledgerArgv(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {TledgerBin(), "--db", db, "--actor", kActor};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

RunResult Tledger(const std::string& db, const std::vector<std::string>& args, const RunOptions& options,
                  std::string_view input) {
  return RunProgram(TledgerArgv(db, args), options, input);
}

std::string MakeLedger(const std::string& db, const std::vector<std::string>& files) {
  std::vector<std::string> args = {"import"};
  args.insert(args.end(), files.begin(), files.end());
  RunResult r = Tledger(db, args);
  if (r.exit_code != 0) Die("tledger import exited " + std::to_string(r.exit_code) + ": " + r.err);
  return db;
}

std::string Checkpoint(const std::string& db) {
  RunResult r = Tledger(db, {"checkpoint"});
  if (r.exit_code != 0 || r.out.empty() || r.out.back() != '\n') {
    Die("tledger checkpoint exited " + std::to_string(r.exit_code) + ": " + r.err);
  }
  return r.out.substr(0, r.out.size() - 1);
}

std::vector<std::string> ExportLines(const std::string& db) {
  RunResult r = Tledger(db, {"export"});
  if (r.exit_code != 0) Die("tledger export exited " + std::to_string(r.exit_code) + ": " + r.err);
  return Lines(r.out);
}

std::string Normalized(std::string text) {
  static const std::regex kSeconds(R"(in [0-9]+\.[0-9]{3} s)");
  static const std::regex kInstant(R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?Z)");
  // As a person reads one: Vietnam time, dd/mm/yyyy or ISO (English).
  static const std::regex kShown(
      R"(([0-9]{2}/[0-9]{2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}) [0-9]{2}:[0-9]{2}:[0-9]{2} \(UTC\+07:00\))");
  text = std::regex_replace(text, kSeconds, "in <t> s");
  text = std::regex_replace(text, kShown, "<time>");
  return std::regex_replace(text, kInstant, "<time>");
}

std::string WithoutRecordedAtAndHash(const std::string& export_line) {
  static const std::regex kVarying(R"(,"recorded_at":"[^"]*","hash":"[0-9a-f]{64}")");
  return std::regex_replace(export_line, kVarying, "");
}

// ------------------------------------------------------------ test tables

void PrintTo(const LineCase& c, std::ostream* os) { *os << c.name; }

// ------------------------------------------------------------ the store

ParsedEvent::ParsedEvent(std::string_view line) : json_(line) {
  simdjson::dom::element doc;
  auto event = msg_.initRoot<schema::Event>();
  if (parser_.parse(json_).get(doc) != simdjson::SUCCESS) {
    status_ = Status::InvalidInput("json: the test's line is not JSON");
    return;
  }
  status_ = EventFromJson(doc, kActor, event);
}

std::string ParsedEvent::ToJson() {
  Result<std::string> j = EventToJson(event(), nullptr);
  return j.ok() ? *j : "error: " + j.status().ToString();
}

void DieWith(std::string_view what, const Status& status) { Die(std::string(what) + ": " + status.ToString()); }

std::unique_ptr<Store> OpenStore(const std::string& dir, OpenMode mode) {
  return ValueOrDie(Store::Open(dir, mode), "opening " + dir);
}

namespace {

void Check(const rocksdb::Status& s, const std::string& what) {
  if (!s.ok()) Die(what + ": " + s.ToString());
}

}  // namespace

RawLedger::RawLedger(const std::string& dir) : dir_(dir) {
  rocksdb::DB* db = nullptr;  // created when missing, with no format record
  Check(rocksdb::DB::Open(DbOptions(), dir, Families(), &handles_, &db), "opening " + dir + " to tamper with it");
  db_.reset(db);
}

RawLedger::~RawLedger() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db_->Close().PermitUncheckedError();
}

Store::Raw RawLedger::raw() const { return Store::Raw{db_.get(), handles_[1], handles_[2], handles_[3], handles_[4]}; }

Head RawLedger::head() const {
  std::string v;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handles_[4], keys::kHeadKey, &v);
  if (s.IsNotFound()) return Head{};
  Check(s, "reading the head record");
  if (v.size() != 48) Die("the head record is malformed");
  Head h;
  h.seq = keys::GetBigEndian64(v.data());
  std::memcpy(h.hash.data(), v.data() + 8, 32);
  h.recorded_at = static_cast<Timestamp>(keys::GetBigEndian64(v.data() + 40));
  return h;
}

namespace {

rocksdb::WriteOptions Synced() {
  rocksdb::WriteOptions wo;
  wo.sync = true;
  return wo;
}

rocksdb::Slice SliceOf(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

}  // namespace

std::string RawLedger::EventBytes(uint64_t seq) const {
  std::string v;
  Check(raw().db->Get(rocksdb::ReadOptions(), raw().events, keys::EventKey(seq), &v), "reading seq " + std::to_string(seq));
  return v;
}

void RawLedger::PutEvent(uint64_t seq, std::string_view bytes) {
  Check(raw().db->Put(Synced(), raw().events, keys::EventKey(seq), SliceOf(bytes)), "writing an event");
}

void RawLedger::DeleteEvent(uint64_t seq) {
  Check(raw().db->Delete(Synced(), raw().events, keys::EventKey(seq)), "deleting an event");
}

void RawLedger::PutHead(uint64_t seq, const Hash& hash, Timestamp recorded_at, bool cover_tracks) {
  std::string v(48, '\0');
  keys::PutBigEndian64(seq, v.data());
  std::memcpy(v.data() + 8, hash.data(), hash.size());
  keys::PutBigEndian64(static_cast<uint64_t>(recorded_at), v.data() + 40);
  PutMeta(keys::kHeadKey, v);
  if (cover_tracks) WriteFile((std::filesystem::path(dir_) / "HEAD").string(), std::to_string(seq) + ":" + ToHex(hash) + "\n");
}

void RawLedger::PutMeta(std::string_view key, std::string_view value) {
  Check(raw().db->Put(Synced(), raw().meta, SliceOf(key), SliceOf(value)), "writing meta");
}

void RawLedger::PutId(std::string_view id, std::string_view value) {
  Check(raw().db->Put(Synced(), raw().ids, SliceOf(id), SliceOf(value)), "writing the id index");
}

void RawLedger::DeleteId(std::string_view id) {
  Check(raw().db->Delete(Synced(), raw().ids, SliceOf(id)), "deleting from the id index");
}

void RawLedger::PutSubject(std::string_view key, std::string_view value) {
  Check(raw().db->Put(Synced(), raw().subjects, SliceOf(key), SliceOf(value)), "writing the subject index");
}

void RawLedger::DeleteMeta(std::string_view key) {
  Check(raw().db->Delete(Synced(), raw().meta, SliceOf(key)), "deleting meta");
}

void RawLedger::DropFamily(std::string_view name) {
  for (auto* h : handles_) {
    if (h->GetName() == name) Check(db_->DropColumnFamily(h), "dropping " + std::string(name));
  }
}

std::vector<std::string> ColumnKeys(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf) {
  std::vector<std::string> out;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cf));
  for (it->SeekToFirst(); it->Valid(); it->Next()) out.push_back(it->key().ToString());
  Check(it->status(), "iterating");
  return out;
}

size_t FindOnce(std::string_view haystack, std::string_view needle) {
  size_t at = haystack.find(needle);
  if (at == std::string_view::npos || haystack.find(needle, at + 1) != std::string_view::npos) {
    Die("the bytes looked for do not occur exactly once");
  }
  return at;
}

}  // namespace tledger::testing
