#include "tools/cli/line_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include <simdjson.h>

#include "tools/cli/input_file.h"

namespace tledger {

LineReader::~LineReader() {
  if (fd_ > 0) close(fd_);
}

Status LineReader::Open(const std::string& path) {
  Result<InputFile> in = OpenInputFile(path);
  if (!in.ok()) return in.status();
  fd_ = in->fd;
  name_ = in->name;
  buf_.resize(block_bytes_ + max_line_bytes_ + simdjson::SIMDJSON_PADDING);
  return Status::Ok();
}

bool LineReader::Fill() {
  // Move the unread tail to the front, then read as much as fits.
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  size_t room = buf_.size() - simdjson::SIMDJSON_PADDING - end_;
  while (room > 0 && !eof_) {
    ssize_t n = read(fd_, buf_.data() + end_, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      status_ = Status::InvalidInput(name_ + ": read failed: " + std::strerror(errno));
      return false;
    }
    if (n == 0) eof_ = true;
    end_ += static_cast<size_t>(n);
    room -= static_cast<size_t>(n);
    if (end_ - begin_ >= block_bytes_) break;
  }
  return true;
}

bool LineReader::Next(std::string_view* line, uint64_t* number) {
  if (!status_.ok()) return false;
  for (;;) {
    const char* start = buf_.data() + begin_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    if (nl != nullptr || (eof_ && end_ > begin_)) {
      size_t len = nl ? static_cast<size_t>(nl - start) : end_ - begin_;
      if (len > max_line_bytes_) {
        status_ = Status::InvalidInput(name_ + ":" + std::to_string(line_ + 1) + ": json: line of " +
                                       std::to_string(len) + " bytes is too long (at most " +
                                       std::to_string(max_line_bytes_) + ")");
        return false;
      }
      begin_ += len + (nl ? 1 : 0);
      if (len > 0 && start[len - 1] == '\r') --len;
      // A byte order mark (Windows editors write one) before the first line
      // is no part of it, as in a CSV file.
      if (line_ == 0 && std::string_view(start, len).substr(0, 3) == "\xEF\xBB\xBF") {
        start += 3;
        len -= 3;
      }
      *line = std::string_view(start, len);
      *number = ++line_;
      // simdjson may read past the line's end: keep the bytes there ours.
      return true;
    }
    if (eof_) return false;
    if (end_ - begin_ > max_line_bytes_) {
      status_ = Status::InvalidInput(name_ + ":" + std::to_string(line_ + 1) + ": json: line is too long (at most " +
                                     std::to_string(max_line_bytes_) + " bytes)");
      return false;
    }
    if (!Fill()) return false;
  }
}

}  // namespace tledger
