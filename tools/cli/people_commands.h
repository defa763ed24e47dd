// `find` and `people` (issue 11, item 6): search and drill-down.
//
//   tledger find "Ho Thi Thuy"                       # persons, units, plans, courses
//   tledger people --plan CT-2025 --as-of 31/12/2025 --program phd --funding-class public
//
// `find TEXT` lists the persons, units, plans and courses whose name (a
// course's title, a plan's title) or id holds every word of TEXT, case and
// diacritics ignored (tools/cli/search_text.h). `people --plan ID` lists
// the enrollments a plan's cells count (projections/tallies.h,
// TalliesOfPlan), narrowed by the cell's dimensions and by field, form and
// unit. Both check every option before the ledger is opened (exit 1 naming
// the option and the expected values), read it with OpenMode::kRead, and
// write to Globals::out only. Layouts: tools/cli/REPORTS.md.
#ifndef TLEDGER_TOOLS_CLI_PEOPLE_COMMANDS_H_
#define TLEDGER_TOOLS_CLI_PEOPLE_COMMANDS_H_

#include <functional>
#include <string>

#include "core/status.h"
#include "tools/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tledger {

struct FindArgs {
  std::string text;            // the words to find
  std::string as_of;           // names as registered by then; empty: today in Vietnam
  std::string known_at;        // empty: the ledger as it stands
  std::string format = "table";
  std::string lang = "vi";
};

struct PeopleArgs {
  std::string plan;            // required
  std::string as_of, known_at;
  // The filters, as interchange codes (a field code, a unit id); empty: any.
  std::string program, funding_class, location, field, form, unit;
  std::string format = "table";
  std::string lang = "vi";
};

// The whole output, as the command prints it. InvalidInput for a bad
// option (an empty TEXT; an unknown code, listing the allowed ones);
// NotFound for a plan, field or unit the ledger does not know; Unavailable
// when there is no ledger.
Result<std::string> FindOutput(const Globals& g, const FindArgs& a);
Result<std::string> PeopleOutput(const Globals& g, const PeopleArgs& a);
Status CmdFind(const Globals& g, const FindArgs& a);
Status CmdPeople(const Globals& g, const PeopleArgs& a);

// Registers both subcommands on `app`; the chosen one sets `run`. `g`, `f`
// and `p` must outlive the parse and the run.
void AddPeopleCommands(CLI::App& app, const Globals& g, FindArgs& f, PeopleArgs& p, std::function<Status()>& run);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_PEOPLE_COMMANDS_H_
