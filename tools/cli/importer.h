// `tledger import`: JSON Lines and CSV files into the ledger, each file one
// atomic append.
//
//   ImportOptions opt{.actor = "clerk"};
//   Result<FileImport> r = ImportFile(store, "plans.jsonl", opt);
//
// Bad input never reaches the ledger: the first refused line stops the
// append (nothing of the file is written) and the error lists every refused
// line found, up to kMaxReportedErrors, as `FILE:LINE: field: reason`.
#ifndef TLEDGER_TOOLS_CLI_IMPORTER_H_
#define TLEDGER_TOOLS_CLI_IMPORTER_H_

#include <cstdint>
#include <string>

#include "core/status.h"
#include "core/store.h"

namespace tledger {

inline constexpr size_t kMaxReportedErrors = 20;

struct ImportOptions {
  std::string actor;      // recorded_by for lines that have none
  std::string csv_type;   // the event type of CSV rows without a `type` column
};

struct FileImport {
  std::string name;
  uint64_t appended = 0;
  uint64_t repeats = 0;   // lines whose id was already recorded with identical content
  Head head;              // the ledger's head after the file
};

// Imports `path` ("-" is stdin) as JSON Lines, or as CSV when it ends in
// ".csv" (any case). A path that does not lead to a regular file (a
// device, a pipe, a directory) is refused before anything is read
// (tools/cli/input_file.h). InvalidInput or Conflict: the file was refused and the
// ledger is exactly as before. IoError "PATH: not imported: ...": the store
// failed (a full disk says so); also nothing of the file is visible.
Result<FileImport> ImportFile(Store& store, const std::string& path, const ImportOptions& options);

// The line `import` prints when file `done + 1` of `total` was not imported
// after `done` were: "imported 1 of 3 files before the refusal: ..." when
// its content was refused (InvalidInput, Conflict), "... before the
// failure: ..." when the store or the system failed under it.
std::string PartialImportSummary(size_t done, size_t total, uint64_t appended, uint64_t repeats, const Head& head,
                                 const Status& failure);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_IMPORTER_H_
