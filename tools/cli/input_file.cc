#include "tools/cli/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace tledger {
namespace {

const char* Kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a file";
}

}  // namespace

Result<InputFile> OpenInputFile(const std::string& path) {
  if (path == "-") return InputFile{0, "<stdin>"};
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is cleared
  // again for the regular file read below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return Status::InvalidInput(path + ": cannot be read: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::InvalidInput(path + ": cannot be read: " + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    std::string leads;
    if (char* real = ::realpath(path.c_str(), nullptr)) {
      if (path != real) leads = std::string(", where it leads (") + real + ")";
      std::free(real);
    }
    return Status::InvalidInput(path + ": not a regular file but " + Kind(st.st_mode) + leads +
                                " (import reads regular files, or - for stdin)");
  }
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
    int err = errno;
    ::close(fd);
    return Status::InvalidInput(path + ": cannot be read: " + std::strerror(err));
  }
  return InputFile{fd, path};
}

}  // namespace tledger
