#include "tools/cli/interim_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <sodium.h>

namespace tledger::interim {
namespace {

std::string Reason() { return std::strerror(errno); }

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex;
  for (unsigned char c : raw) hex += fmt::format("{:02x}", c);
  return hex;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

Status WriteFileAtomically(rocksdb::Env*, const std::string& dir, std::string_view name,
                           std::initializer_list<std::string_view> parts, unsigned mode) {
  if (sodium_init() < 0) return Status::IoError("cannot start libsodium");
  const std::string target = dir + "/" + std::string(name);
  const std::string tmp = target + ".tmp-" + RandomHex(8);
  auto fail = [&](const std::string& what) {
    std::string message = fmt::format("cannot write {}: {}: {}", target, what, Reason());
    ::unlink(tmp.c_str());
    return Status::IoError(message);
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return Status::IoError(fmt::format("cannot write {}: cannot create {}: {}", target, tmp, Reason()));
  for (std::string_view part : parts) {
    if (!WriteAll(fd, part)) {
      ::close(fd);
      return fail("write");
    }
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return fail("fsync");
  }
  if (::close(fd) != 0) return fail("close");
  if (::rename(tmp.c_str(), target.c_str()) != 0) return fail("rename");
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return Status::IoError(fmt::format("cannot write {}: cannot open its directory: {}", target, Reason()));
  int synced = ::fsync(dfd);
  ::close(dfd);
  if (synced != 0) return Status::IoError(fmt::format("cannot write {}: directory fsync: {}", target, Reason()));
  return Status::Ok();
}

Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(fmt::format("{} does not exist", path));
    if (errno == ELOOP) return Status::Corruption(fmt::format("{} is a symbolic link", path));
    return Status::IoError(fmt::format("cannot read {}: {}", path, Reason()));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    std::string message = fmt::format("cannot read {}: {}", path, Reason());
    ::close(fd);
    return Status::IoError(message);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::Corruption(fmt::format("{} is not a regular file", path));
  }
  std::string bytes;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string message = fmt::format("cannot read {}: {}", path, Reason());
      ::close(fd);
      return Status::IoError(message);
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > max_bytes) {
      ::close(fd);
      return Status::Corruption(fmt::format("{} is larger than {} bytes", path, max_bytes));
    }
  }
  ::close(fd);
  return bytes;
}

}  // namespace tledger::interim
