#include "core/files.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include <rocksdb/env.h>
#include <rocksdb/file_system.h>

#include "core/rocks.h"

namespace tledger {
namespace {

// How many fresh names to try when one is taken (by chance or by a planted
// file): each is 64 random bits.
constexpr int kNameTries = 4;

std::string Errno(int e) { return std::strerror(e); }

}  // namespace

std::string RandomHex(size_t bytes) {
  TLEDGER_CHECK(sodium_init() >= 0);
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (char c : raw) {
    hex.push_back(kDigits[static_cast<uint8_t>(c) >> 4]);
    hex.push_back(kDigits[static_cast<uint8_t>(c) & 15]);
  }
  return hex;
}

Status WriteFileAtPath(const std::string& path, std::initializer_list<std::string_view> parts) {
  std::error_code error;
  std::filesystem::path target = std::filesystem::absolute(path, error);
  if (error) return Status::IoError("cannot write " + path + ": " + error.message());
  // Only a regular file (or a link, which is replaced, never followed) is
  // replaced: never a device, a FIFO, a socket or a directory (/dev/null
  // must stay a device, even for root).
  struct stat st {};
  if (lstat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
    return Status::InvalidInput("-o: " + path + " is not a regular file (expected a new file or one to replace)");
  }
  return WriteFileAtomically(nullptr, target.parent_path().string(), target.filename().string(), parts);
}

std::string TemporaryPrefix(std::string_view name) { return std::string(name) + ".tmp-"; }

bool IsTemporaryOf(std::string_view file, std::string_view name) {
  std::string prefix = TemporaryPrefix(name);
  if (file.size() != prefix.size() + 16 || file.substr(0, prefix.size()) != prefix) return false;
  for (char c : file.substr(prefix.size())) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Status WriteFileAtomically(rocksdb::Env* env, const std::string& dir, std::string_view name,
                           std::initializer_list<std::string_view> parts, unsigned mode) {
  const std::string target = dir + "/" + std::string(name);
  auto failed = [&](const std::string& why) { return Status::IoError("cannot write " + target + ": " + why); };
  const std::shared_ptr<rocksdb::FileSystem>& fs =
      env != nullptr ? env->GetFileSystem() : rocksdb::FileSystem::Default();

  // 1. A new file under a fresh name, never a link or a file already there.
  std::string tmp;
  int fd = -1;
  for (int i = 0; i < kNameTries && fd < 0; ++i) {
    tmp = dir + "/" + TemporaryPrefix(name) + RandomHex(8);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0 && errno != EEXIST) return failed(Errno(errno));
  }
  if (fd < 0) return failed("every temporary name tried was taken");
  struct stat created;
  if (fstat(fd, &created) != 0) {
    int e = errno;
    ::unlink(tmp.c_str());
    ::close(fd);
    return failed(Errno(e));
  }
  auto give_up = [&](const Status& why) {
    fs->DeleteFile(tmp, rocksdb::IOOptions(), nullptr).PermitUncheckedError();
    ::close(fd);
    return why;
  };

  // 2. Written and synced through the store's file system.
  {
    std::unique_ptr<rocksdb::FSWritableFile> file;
    rocksdb::IOOptions io;
    rocksdb::IOStatus s = fs->ReopenWritableFile(tmp, rocksdb::FileOptions(), &file, nullptr);
    for (std::string_view part : parts) {
      if (s.ok()) s = file->Append(rocksdb::Slice(part.data(), part.size()), io, nullptr);
    }
    if (s.ok()) s = file->Fsync(io, nullptr);
    if (file) {
      rocksdb::IOStatus closed = file->Close(io, nullptr);
      if (s.ok()) s = closed;
    }
    if (!s.ok()) return give_up(FromRocks(s, "cannot write " + target));
  }

  // 3. Still the file made in step 1.
  struct stat now;
  if (lstat(tmp.c_str(), &now) != 0 || now.st_dev != created.st_dev || now.st_ino != created.st_ino ||
      !S_ISREG(now.st_mode)) {
    return give_up(failed("its temporary file " + tmp + " was replaced while it was being written"));
  }

  // 4. Renamed into place; the directory synced.
  rocksdb::IOStatus s = fs->RenameFile(tmp, target, rocksdb::IOOptions(), nullptr);
  if (!s.ok()) return give_up(FromRocks(s, "cannot write " + target));
  ::close(fd);
  std::unique_ptr<rocksdb::FSDirectory> directory;
  s = fs->NewDirectory(dir, rocksdb::IOOptions(), &directory, nullptr);
  if (s.ok()) s = directory->Fsync(rocksdb::IOOptions(), nullptr);
  if (directory) directory->Close(rocksdb::IOOptions(), nullptr).PermitUncheckedError();
  return FromRocks(s, "cannot sync the directory of " + target);
}

Result<bool> CreateExclusive(const std::string& path, std::string_view content, unsigned mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return Status::IoError(Errno(errno));
  bool ok = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && fsync(fd) == 0;
  int e = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return Status::IoError(Errno(e));
  }
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    ::close(dfd);
  }
  return true;
}

std::string CanonicalPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).lexically_normal();
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();  // "a/b/" -> "a/b"
  return p.string();
}

Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT) return Status::NotFound(path + " does not exist");
    if (e == ELOOP) return Status::Corruption(path + " is a symbolic link");
    return Status::IoError("cannot read " + path + ": " + Errno(e));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Corruption(path + " is not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return Status::Corruption(path + " is larger than " + std::to_string(max_bytes) + " bytes");
  }
  std::string out(max_bytes + 1, '\0');
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return Status::IoError("cannot read " + path + ": " + Errno(e));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got > max_bytes) return Status::Corruption(path + " is larger than " + std::to_string(max_bytes) + " bytes");
  out.resize(got);
  return out;
}

}  // namespace tledger
