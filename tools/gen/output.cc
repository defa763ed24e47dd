#include "tools/gen/output.h"

#include <cerrno>
#include <cstring>

namespace tledger::gen {
namespace {
constexpr size_t kBlock = 4 << 20;
}

FileSink::FileSink(std::string path, uint64_t total, int parts)
    : path_(std::move(path)), total_(total), parts_(parts) {
  buf_.reserve(kBlock + 4096);
  if (parts_ > 0) {
    OpenNext();
  } else if (path_.empty()) {
    file_ = stdout;
  } else {
    file_ = std::fopen(path_.c_str(), "wb");
    owned_ = true;
    if (file_ == nullptr) error_ = path_ + ": " + std::strerror(errno);
  }
}

FileSink::~FileSink() { Close(); }

std::string FileSink::PartName(const std::string& prefix, int k) {
  std::string n = std::to_string(k);
  if (n.size() < 3) n.insert(0, 3 - n.size(), '0');
  return prefix + "." + n + ".jsonl";
}

void FileSink::OpenNext() {
  Flush();
  if (owned_ && file_ != nullptr && std::fclose(file_) != 0 && error_.empty()) {
    error_ = PartName(path_, part_) + ": " + std::strerror(errno);
  }
  file_ = nullptr;
  ++part_;
  next_start_ = static_cast<uint64_t>((static_cast<unsigned __int128>(total_) * static_cast<unsigned>(part_ + 1)) /
                                      static_cast<unsigned>(parts_));
  const std::string name = PartName(path_, part_);
  file_ = std::fopen(name.c_str(), "wb");
  owned_ = true;
  if (file_ == nullptr && error_.empty()) error_ = name + ": " + std::strerror(errno);
}

void FileSink::Line(std::string_view line) {
  while (parts_ > 0 && index_ >= next_start_ && part_ + 1 < parts_) OpenNext();
  buf_.append(line);
  ++index_;
  if (buf_.size() >= kBlock) Flush();
}

void FileSink::Flush() {
  if (buf_.empty()) return;
  if (file_ != nullptr && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size() && error_.empty()) {
    error_ = (path_.empty() ? std::string("stdout") : path_) + ": " + std::strerror(errno);
  }
  buf_.clear();
}

bool FileSink::Close() {
  // Parts after the last line (more parts than lines) are created empty.
  while (parts_ > 0 && part_ + 1 < parts_) OpenNext();
  Flush();
  if (file_ != nullptr) {
    if (owned_) {
      if (std::fclose(file_) != 0 && error_.empty()) error_ = path_ + ": " + std::strerror(errno);
    } else if (std::fflush(file_) != 0 && error_.empty()) {
      error_ = std::string("stdout: ") + std::strerror(errno);
    }
    file_ = nullptr;
  }
  return error_.empty();
}

}  // namespace tledger::gen
