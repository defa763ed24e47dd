// `report`, `violations` and `diff` (shared/spec/cli.md): the commands that
// print what the projections compute, in table, JSON or CSV.
//
//   tledger report --as-of 2025-12-31 --format json
//   tledger violations --rule NOT_IN_PLAN --lang en
//   tledger diff --from 2025-06-30 --to 2025-12-31 --plan CT-2025
//
// Each validates every option before it opens the ledger (exit 1 with the
// expected form), reads it with OpenMode::kRead, and writes its result to
// Globals::out only. tools/cli/REPORTS.md documents the layouts and choices.
#ifndef TLEDGER_TOOLS_CLI_REPORT_COMMANDS_H_
#define TLEDGER_TOOLS_CLI_REPORT_COMMANDS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "tools/cli/commands.h"
#include "tools/cli/document.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tledger {

// The options of the three commands; each uses its own subset.
struct ReportArgs {
  std::string as_of;           // YYYY-MM-DD or dd/mm/yyyy; empty: today in Vietnam
  std::string from, to;        // diff: the two as-of dates
  std::string known_at;        // RFC 3339 or a date (its end in Vietnam); empty: now
  std::string plan;            // empty: the whole ledger
  std::string unit;            // report: a unit and everything under it; empty: every unit
  std::string rule;            // violations; empty: every rule
  std::string format = "table";  // table, json, csv; xlsx or pdf (not diff) with -o
  std::string lang = "vi";
  std::string output;            // -o FILE; empty: stdout (not for xlsx or pdf)
  std::string issuer, doc_number, place;  // pdf: the letterhead (render_pdf.h)
  bool restate_units = false;
};

// "xlsx" or "pdf": the formats written to a file (-o), never printed.
bool IsDocumentFormat(std::string_view format);

Status CmdReport(const Globals& g, const ReportArgs& a);
// Exit 0 whether or not there are violations; an unknown --rule is
// InvalidInput listing the rules.
Status CmdViolations(const Globals& g, const ReportArgs& a);
Status CmdDiff(const Globals& g, const ReportArgs& a);
// `compensation`: the đền bù list (projections/compensation_list.h).
Status CmdCompensation(const Globals& g, const ReportArgs& a);

// The whole output of each command, as it prints it: what Cmd* writes to
// g.out, and what `tledger serve` sends (tools/server/), from one function,
// so the two can never differ. The same errors as the commands; g.out is
// not used.
Result<std::string> ReportOutput(const Globals& g, const ReportArgs& a);
Result<std::string> ViolationsOutput(const Globals& g, const ReportArgs& a);
Result<std::string> DiffOutput(const Globals& g, const ReportArgs& a);
Result<std::string> CompensationOutput(const Globals& g, const ReportArgs& a);

// --format xlsx or pdf: the document of each (tools/cli/document.h), from
// the ledger as a chained replay proves it (never the report cache), with
// the head that replay proved and g.command on its "Căn cứ" sheet.
Result<Document> ReportDocumentOf(const Globals& g, const ReportArgs& a);
Result<Document> ViolationsDocumentOf(const Globals& g, const ReportArgs& a);
Result<Document> CompensationDocumentOf(const Globals& g, const ReportArgs& a);

// Writes a command's whole result to g.out; IoError when it cannot.
Status WriteOut(const Globals& g, std::string_view text);
// The same for an output that may have failed: its Status then.
Status WriteOutput(const Globals& g, const Result<std::string>& text);

// Registers the three subcommands on `app`; the chosen one sets `run`.
// `g` and `a` must outlive the parse and the run.
void AddReportCommands(CLI::App& app, const Globals& g, ReportArgs& a, std::function<Status()>& run);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_REPORT_COMMANDS_H_
