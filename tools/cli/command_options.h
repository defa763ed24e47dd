// The date and instant options the reading commands share (report,
// violations, diff, find, people): parsed and checked before the ledger is
// opened, refused with the option's name and the expected form.
//
//   Result<Date> as_of = ParseDateOption("--as-of", a.as_of);  // empty: today in Vietnam
//   Result<Timestamp> t = ParseKnownAtOption(a.known_at);      // empty: kKnownNow
#ifndef TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_
#define TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_

#include <string>

#include "core/date.h"
#include "core/status.h"

namespace tledger {

// A date in either form (YYYY-MM-DD or dd/mm/yyyy); empty: today in
// Vietnam. InvalidInput "OPTION: ..." with the expected form otherwise.
Result<Date> ParseDateOption(const char* option, const std::string& text);

// --known-at: RFC 3339 with any offset, or a date meaning the end of that
// day in Vietnam; empty: kKnownNow (tools/cli/ledger_view.h).
// InvalidInput "--known-at: ..." with the expected forms otherwise.
Result<Timestamp> ParseKnownAtOption(const std::string& text);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_
