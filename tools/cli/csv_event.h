// One CSV row as the interchange object of shared/spec/events.md, so that a
// spreadsheet's rows go through the same codec as JSON Lines.
//
//   Result<std::string> json = CsvRowJson(header, row, "person_transferred");
//   ... parse, EventFromJson; on failure:
//   std::string shown = WithColumn(header, status.message());  // "unit (column D): ..."
//
// Pure and thread-safe.
#ifndef TLEDGER_TOOLS_CLI_CSV_EVENT_H_
#define TLEDGER_TOOLS_CLI_CSV_EVENT_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "tools/cli/csv_reader.h"

namespace tledger {

// Checks the header row: InvalidInput "NAME (column C): ..." for a column
// name that is not UTF-8 or repeats an earlier one.
Status CheckCsvHeader(const std::vector<std::string>& header);

// The JSON object of `row` under a checked `header`: the row's `type` cell,
// else `default_type`; cells by the kind of field their column names
// (numbers, true/false, `;`-separated lists, empty nullable cells as null,
// other empty cells left out). InvalidInput "csv: ..." when the row is wider
// than the header, "type: ..." when it has no type, "NAME (column C): ..."
// for a cell that is not UTF-8 or a field CSV cannot carry. The codec
// judges everything else.
Result<std::string> CsvRowJson(const std::vector<std::string>& header, const CsvRecord& row,
                               const std::string& default_type);

// "field: reason" from the codec as "field (column C): reason", naming the
// column of the field's root; other messages unchanged.
std::string WithColumn(const std::vector<std::string>& header, const std::string& message);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_CSV_EVENT_H_
