// RFC 4180 CSV, as spreadsheets write it: comma-separated, fields optionally
// in double quotes (which may hold commas, doubled quotes and line breaks),
// CRLF or LF line ends, an optional UTF-8 byte order mark. Read as a stream,
// a record at a time: memory is bounded by the longest record (at most
// kMaxLineBytes), and the file's size limit is checked as its bytes arrive.
//
//   CsvReader in;
//   Status s = in.Open("persons.csv");   // a regular file (input_file.h)
//   CsvRecord rec;
//   while (in.Next(&rec)) ...             // blank lines are skipped
//   if (!in.status().ok()) ...            // "NAME:LINE: csv: ...", or the size limit
//
//   Result<std::vector<CsvRecord>> rows = ParseCsv(text, "persons.csv");  // the same, from memory
//
// Not thread-safe; ParseCsv is pure.
#ifndef TLEDGER_TOOLS_CLI_CSV_READER_H_
#define TLEDGER_TOOLS_CLI_CSV_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "tools/cli/line_reader.h"

namespace tledger {

// The largest CSV file import reads: spreadsheets, not bulk loads.
inline constexpr size_t kMaxCsvBytes = 256 << 20;

struct CsvRecord {
  uint64_t line;                    // where the record starts, 1-based
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // The limits are import's; tests lower them.
  explicit CsvReader(size_t max_bytes = kMaxCsvBytes, size_t max_record_bytes = kMaxLineBytes)
      : max_bytes_(max_bytes), max_record_bytes_(max_record_bytes) {}
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // InvalidInput when the file cannot be opened or is not a regular file.
  Status Open(const std::string& path);
  // Reads `text`, which must outlive the reader, as the file `name`.
  void OpenText(std::string_view text, std::string name);

  // The next record into *record; false at the end of the input or on an
  // error: status() is then InvalidInput "NAME:LINE: csv: ..." for a stray
  // quote, an unterminated quoted field, a NUL or a record longer than the
  // limit, "NAME: a CSV file may hold at most ..." past the size limit, or
  // "NAME: read failed: ...".
  bool Next(CsvRecord* record);
  const Status& status() const { return status_; }
  const std::string& name() const { return name_; }
  // How many bytes were read from the file so far.
  uint64_t bytes_read() const { return total_; }

 private:
  // At least `n` bytes unread (reading more from the file when needed);
  // false at the end of the input or once status() is an error.
  bool Have(size_t n) {
    return status_.ok() && (end_ - pos_ >= n || Fill(n));
  }
  bool Fill(size_t n);
  char At(size_t i) const { return data_[pos_ + i]; }
  // Consumes `n` bytes of the current record.
  void Skip(size_t n);
  bool Fail(uint64_t line, const std::string& what);

  const size_t max_bytes_;
  const size_t max_record_bytes_;
  int fd_ = -1;                 // -1: reading text
  std::string name_;
  std::vector<char> buf_;       // the file's bytes being read
  const char* data_ = nullptr;  // buf_, or the text
  size_t pos_ = 0, end_ = 0;    // unread bytes are data_[pos_, end_)
  bool eof_ = false;
  bool started_ = false;        // the byte order mark was looked for
  uint64_t total_ = 0;          // bytes read from the file
  uint64_t line_ = 1;
  size_t record_bytes_ = 0;
  uint64_t record_line_ = 1;
  Status status_;
};

// Every record of `text`, the header included; blank lines are skipped.
// InvalidInput as CsvReader::Next.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& name);

// "A", "B", ..., "Z", "AA": a spreadsheet's name for column `index` (0-based).
std::string ColumnLetter(size_t index);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_CSV_READER_H_
