#include "core/ledger_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/files.h"
#include "core/printable.h"

namespace tledger {
namespace {

constexpr size_t kMaxHeadFileBytes = 128;
constexpr size_t kNamesShown = 5;

// The names in `dir` (without . and ..), sorted; nullopt when `dir` cannot
// be listed.
std::optional<std::vector<std::string>> Names(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return std::nullopt;
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(std::move(name));
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What a writer creating a ledger writes before RocksDB's CURRENT exists:
// its lock first, then RocksDB's lock, logs, identity and first manifest.
bool MadeBeforeCurrent(std::string_view name) {
  if (name == kLockFile || name == "LOCK" || name == "LOG" || name == "IDENTITY") return true;
  if (StartsWith(name, "LOG.old.")) return AllDigits(name.substr(8));
  if (StartsWith(name, "MANIFEST-")) return AllDigits(name.substr(9));
  if (StartsWith(name, "OPTIONS-")) {
    std::string_view rest = name.substr(8);
    if (EndsWith(rest, ".dbtmp")) rest.remove_suffix(6);
    return AllDigits(rest);
  }
  if (EndsWith(name, ".dbtmp")) return AllDigits(name.substr(0, name.size() - 6));
  if (EndsWith(name, ".log")) return AllDigits(name.substr(0, name.size() - 4));
  return false;
}

// "A", "A and B", "A, B and C", at most kNamesShown and "N more".
std::string NameList(const std::vector<std::string>& names) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < names.size() && i < kNamesShown; ++i) shown.push_back(Escaped(names[i]));
  if (names.size() > kNamesShown) shown.push_back(std::to_string(names.size() - kNamesShown) + " more");
  std::string out;
  for (size_t i = 0; i < shown.size(); ++i) {
    if (i > 0) out += i + 1 == shown.size() ? " and " : ", ";
    out += shown[i];
  }
  return out;
}

}  // namespace

Status NotALedger(const std::string& dir, const std::string& why) {
  std::optional<std::vector<std::string>> names = Names(dir);
  std::string held = names && !names->empty() ? "holds " + NameList(*names) : "cannot be listed";
  return Status::Unavailable("the directory " + dir + " " + held + ", which " +
                             (names && names->size() == 1 ? "is" : "are") + " not a tledger ledger" +
                             (why.empty() ? "" : " (" + why + ")") +
                             ". Nothing was changed; give --db an empty or new directory to create a ledger there");
}

Result<LedgerDirKind> InspectLedgerDir(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) return LedgerDirKind::kAbsent;
    return Status::Unavailable("cannot read the ledger directory " + dir + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) return Status::Unavailable("the ledger directory " + dir + " is not a directory");
  std::optional<std::vector<std::string>> names = Names(dir);
  if (!names) return Status::Unavailable("cannot list the ledger directory " + dir + ": " + std::strerror(errno));
  if (names->empty()) return LedgerDirKind::kEmpty;
  if (std::find(names->begin(), names->end(), "CURRENT") != names->end()) return LedgerDirKind::kStore;
  bool ours = std::find(names->begin(), names->end(), kLockFile) != names->end() &&
              std::all_of(names->begin(), names->end(), [](const std::string& n) { return MadeBeforeCurrent(n); });
  if (ours) return LedgerDirKind::kUnfinished;
  return NotALedger(dir, "");
}

Status RefuseLinks(const std::string& dir, bool writer) {
  std::optional<std::vector<std::string>> names = Names(dir);
  if (!names) return Status::IoError("cannot list the ledger directory " + dir + ": " + std::strerror(errno));
  for (const std::string& name : *names) {
    std::string path = dir + "/" + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) continue;  // gone meanwhile
    // A reader leaves the cache directory to CheckCacheDir, which names it.
    if (!writer && name == kCacheDir) continue;
    if (S_ISLNK(st.st_mode)) {
      return Status::Corruption("the ledger directory " + dir + " holds a symbolic link, " + Escaped(name) +
                                ", through which a writer could write outside it. Nothing was changed; a ledger "
                                "holds no links: remove it, and find out who put it there");
    }
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
      return Status::Corruption(dir + "/" + Escaped(name) +
                                " is not a file: it is a FIFO, a socket or a device, on which reading the ledger "
                                "would block or never end. Nothing was read or changed; a ledger holds only files "
                                "and directories: remove it, and find out who put it there");
    }
    if (writer && S_ISREG(st.st_mode) && st.st_nlink > 1) {
      return Status::Corruption(dir + "/" + Escaped(name) + " has " + std::to_string(st.st_nlink) +
                                " hard links: a writer could change a file outside the ledger through it. Nothing "
                                "was changed; a ledger's files have one link each: find the others and remove them");
    }
  }
  return Status::Ok();
}

Result<int> LockLedger(const std::string& dir) {
  std::string path = dir + "/" + kLockFile;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ELOOP) {
    return Status::Corruption("the writer's lock " + path +
                              " is a symbolic link. Nothing was changed; a ledger holds no links: remove it, and "
                              "find out who put it there");
  }
  if (fd < 0) return Status::Unavailable("cannot open the writer's lock " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
    ::close(fd);
    return Status::Corruption("the writer's lock " + path +
                              " is not a regular file of one link. Nothing was changed; remove it, and find out "
                              "who put it there");
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = {};
    ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
    ::close(fd);
    std::string holder = n > 0 ? " held by process " + Escaped(std::string_view(pid, static_cast<size_t>(n))) : "";
    return Status::Unavailable("the ledger at " + dir + " is locked by another writer (lock file " + path + holder +
                               "); wait for that import to finish and try again");
  }
  std::string pid = std::to_string(getpid());
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without it; only the message to a second writer is poorer.
  }
  return fd;
}

void RemoveLeftovers(const std::string& dir) {
  std::optional<std::vector<std::string>> names = Names(dir);
  if (!names) return;
  for (const std::string& name : *names) {
    if (IsIngestFileName(name) || IsTemporaryOf(name, kHeadFile)) ::unlink((dir + "/" + name).c_str());
  }
}

std::string IngestFileName(uint64_t chunk, std::string_view part) {
  return "ingest-" + std::to_string(chunk) + "-" + std::string(part) + ".sst";
}

bool IsIngestFileName(std::string_view name) {
  if (!StartsWith(name, "ingest-") || !EndsWith(name, ".sst")) return false;
  std::string_view rest = name.substr(7, name.size() - 7 - 4);  // "N-part"
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos || !AllDigits(rest.substr(0, dash))) return false;
  std::string_view part = rest.substr(dash + 1);
  return part == "events" || part == "ids" || part == "subjects";
}

std::string HeadFileText(uint64_t seq, const Hash& hash) { return std::to_string(seq) + ":" + ToHex(hash) + "\n"; }

Result<std::optional<PublishedHead>> ReadHeadFile(const std::string& dir) {
  const std::string path = dir + "/" + kHeadFile;
  Result<std::string> text = ReadSmallFile(path, kMaxHeadFileBytes);
  if (!text.ok() && text.status().code() == Status::Code::kNotFound) return std::optional<PublishedHead>();
  auto malformed = [&](const std::string& why) {
    return Status::Corruption(path + " is malformed: " + why +
                              "; its writer leaves SEQ:HASH and a newline there. Nothing was changed; write the head "
                              "you last wrote down (`tledger checkpoint` printed it) into it");
  };
  if (!text.ok()) {
    if (text.status().code() != Status::Code::kCorruption) return text.status();
    std::string why = text.status().message();  // "PATH is a symbolic link"
    if (why.rfind(path, 0) == 0) why = "it" + why.substr(path.size());
    return malformed(why);
  }
  std::string_view t = *text;
  size_t colon = t.find(':');
  if (t.empty() || t.back() != '\n' || colon == std::string_view::npos || colon == 0 || colon > 20 ||
      !AllDigits(t.substr(0, colon)) || (colon > 1 && t[0] == '0')) {
    return malformed("it holds " + Quoted(t, 60));
  }
  std::string_view hex = t.substr(colon + 1, t.size() - colon - 2);
  std::optional<Hash> hash = HashFromHex(hex);
  if (!hash || ToHex(*hash) != hex) return malformed("it holds " + Quoted(t, 60));
  PublishedHead h;
  for (char c : t.substr(0, colon)) {
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (h.seq > (UINT64_MAX - digit) / 10) return malformed("it holds " + Quoted(t, 60));
    h.seq = h.seq * 10 + digit;
  }
  h.hash = *hash;
  return std::optional<PublishedHead>(h);
}

Status CheckCacheDir(const std::string& dir) {
  std::string path = dir + "/" + kCacheDir;
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  }
  if (S_ISLNK(st.st_mode)) {
    return Status::Corruption(path +
                              " is a symbolic link: the report cache is never read or written through one. Nothing "
                              "was changed; remove it (a report makes the directory again), and find out who put it "
                              "there");
  }
  if (!S_ISDIR(st.st_mode)) {
    return Status::Corruption(path + " is not a directory. Nothing was changed; remove it (a report makes the "
                              "directory again), and find out who put it there");
  }
  return Status::Ok();
}

}  // namespace tledger
