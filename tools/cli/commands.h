// The commands of `tledger` (shared/spec/cli.md), one function each. The CLI
// parses the command line into these argument structs and prints the Status
// a command returns; each command writes its result to `out` only.
#ifndef TLEDGER_TOOLS_CLI_COMMANDS_H_
#define TLEDGER_TOOLS_CLI_COMMANDS_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tledger {

struct Globals {
  std::string db;          // --db, $TLEDGER_DB, ./tledger-data
  std::string actor;       // --actor, $USER
  bool read_only = false;  // --read-only: refuse any command that writes
  std::FILE* out = stdout;
  std::string command;     // the command line, as a shell would take it back (a document's "Căn cứ")
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

struct CheckpointArgs {
  std::string format = "table";  // table (SEQ:HASH) or json
};
Status CmdCheckpoint(const Globals& g, const CheckpointArgs& a);

struct LogArgs {
  int64_t tail = 20;  // a negative number: every event (`--tail -1`)
  std::string lang = "vi";  // vi or en
  std::string format = "table";  // table (one line each) or json
};
Status CmdLog(const Globals& g, const LogArgs& a);

struct HistoryArgs {
  std::string id;
  std::string known_at;    // RFC 3339 or a date; empty: now
  std::string format = "table";  // table (lines of text) or json
  std::string lang = "vi";       // vi or en: the text form's words
};
Status CmdHistory(const Globals& g, const HistoryArgs& a);

// The output of `checkpoint`, `history` and `log` as each prints it: what
// the Cmd* functions write to g.out and what `tledger serve` sends
// (tools/server/), from one function. The same errors as the commands.
Result<std::string> CheckpointOutput(const Globals& g, const CheckpointArgs& a);
Result<std::string> HistoryOutput(const Globals& g, const HistoryArgs& a);
// `log` hands its output to `sink` piece by piece (a long tail is not held
// in memory); the first failure `sink` returns stops it.
Status LogOutput(const Globals& g, const LogArgs& a, const std::function<Status(std::string_view)>& sink);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_COMMANDS_H_
