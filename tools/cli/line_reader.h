// Reads a file (or stdin) line by line in large blocks, with the padding
// simdjson needs after each line, in bounded memory whatever the file's size.
//
//   LineReader in;
//   Status s = in.Open(path);          // "-" is stdin
//   std::string_view line; uint64_t n;
//   while (in.Next(&line, &n)) ...     // without "\n" or "\r\n" (nor a BOM before line 1)
//   if (!in.status().ok()) ...         // read error or overlong line
//
// Not thread-safe. A line stays valid until the next call to Next().
#ifndef TLEDGER_TOOLS_CLI_LINE_READER_H_
#define TLEDGER_TOOLS_CLI_LINE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tledger {

// The longest line import accepts.
inline constexpr size_t kMaxLineBytes = 1 << 20;

class LineReader {
 public:
  // Reads `block_bytes` at a time and refuses lines longer than
  // `max_line_bytes`. The defaults are import's; the fuzz harness
  // (tests/fuzz) uses small ones so that short inputs cross block ends.
  explicit LineReader(size_t block_bytes = 8 << 20, size_t max_line_bytes = kMaxLineBytes)
      : block_bytes_(block_bytes), max_line_bytes_(max_line_bytes) {}
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // InvalidInput when the file cannot be opened or is not a regular file
  // (tools/cli/input_file.h).
  Status Open(const std::string& path);
  // False at the end of input or on error (then status() says which).
  bool Next(std::string_view* line, uint64_t* number);
  const Status& status() const { return status_; }
  // The name to use in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }

 private:
  bool Fill();

  const size_t block_bytes_;
  const size_t max_line_bytes_;
  int fd_ = -1;
  std::string name_;
  std::vector<char> buf_;
  size_t begin_ = 0, end_ = 0;  // unread bytes are buf_[begin_, end_)
  bool eof_ = false;
  uint64_t line_ = 0;
  Status status_;
};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_LINE_READER_H_
