// The commands of `tledger` (shared/spec/cli.md), one function each. The CLI
// parses the command line into these argument structs and prints the Status
// a command returns; each command writes its result to `out` only.
#ifndef TLEDGER_TOOLS_CLI_COMMANDS_H_
#define TLEDGER_TOOLS_CLI_COMMANDS_H_

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace tledger {

struct Globals {
  std::string db;          // --db, $TLEDGER_DB, ./tledger-data
  std::string actor;       // --actor, $USER
  bool read_only = false;  // --read-only: refuse any command that writes
  std::FILE* out = stdout;
};

struct ImportArgs {
  std::vector<std::string> files;
  std::string type;        // --type, for CSV without a type column
};
Status CmdImport(const Globals& g, const ImportArgs& a);

struct ExportArgs {
  uint64_t from = 1;
  uint64_t to = UINT64_MAX;
};
Status CmdExport(const Globals& g, const ExportArgs& a);

struct VerifyArgs {
  std::vector<std::string> expect_heads;  // SEQ:HASH
  std::string anchors_file;
};
Status CmdVerify(const Globals& g, const VerifyArgs& a);

Status CmdCheckpoint(const Globals& g);

struct LogArgs {
  uint64_t tail = 20;
  std::string lang = "vi";  // vi or en
};
Status CmdLog(const Globals& g, const LogArgs& a);

struct HistoryArgs {
  std::string id;
  std::string known_at;    // RFC 3339 or a date; empty: now
  std::string format = "table";  // table (lines of text) or json
  std::string lang = "vi";       // vi or en: the text form's words
};
Status CmdHistory(const Globals& g, const HistoryArgs& a);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_COMMANDS_H_
