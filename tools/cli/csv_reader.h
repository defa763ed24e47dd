// RFC 4180 CSV, as spreadsheets write it: comma-separated, fields optionally
// in double quotes (which may hold commas, doubled quotes and line breaks),
// CRLF or LF line ends, an optional UTF-8 byte order mark.
//
//   Result<std::vector<CsvRecord>> rows = ParseCsv(text, "persons.csv");
//
// Pure and thread-safe.
#ifndef TLEDGER_TOOLS_CLI_CSV_READER_H_
#define TLEDGER_TOOLS_CLI_CSV_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tledger {

struct CsvRecord {
  uint64_t line;                    // where the record starts, 1-based
  std::vector<std::string> fields;
};

// Every record, the header included; blank lines are skipped. InvalidInput
// "NAME:LINE: ..." for a stray quote, an unterminated quoted field or a NUL.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& name);

// "A", "B", ..., "Z", "AA": a spreadsheet's name for column `index` (0-based).
std::string ColumnLetter(size_t index);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_CSV_READER_H_
