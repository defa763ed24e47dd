// The date and instant options the reading commands share (report,
// violations, diff, find, people): parsed and checked before the ledger is
// opened, refused with the option's name and the expected form.
//
//   Result<Date> as_of = ParseDateOption("--as-of", a.as_of);  // empty: today in Vietnam
//   Result<Timestamp> t = ParseKnownAtOption(a.known_at);      // empty: kKnownNow
//   Result<ReadOptions> o = ParseReadOptions(a.format, a.lang, a.as_of, a.known_at);
#ifndef TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_
#define TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_

#include <string>

#include "core/date.h"
#include "core/status.h"
#include "tools/cli/labels.h"
#include "tools/cli/render.h"

namespace tledger {

// A date in either form (YYYY-MM-DD or dd/mm/yyyy); empty: today in
// Vietnam. InvalidInput "OPTION: ..." with the expected form otherwise.
Result<Date> ParseDateOption(const char* option, const std::string& text);

// --known-at: RFC 3339 with any offset, or a date meaning the end of that
// day in Vietnam; empty: kKnownNow (tools/cli/ledger_view.h).
// InvalidInput "--known-at: ..." with the expected forms otherwise.
Result<Timestamp> ParseKnownAtOption(const std::string& text);

// The four options of a command that reads the ledger as of a date (find,
// people), each checked in that order: the first refusal is returned.
struct ReadOptions {
  Format format = Format::kTable;
  Lang lang = Lang::kVi;
  Date as_of;
  Timestamp known_at = 0;
};
Result<ReadOptions> ParseReadOptions(const std::string& format, const std::string& lang, const std::string& as_of,
                                     const std::string& known_at);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_COMMAND_OPTIONS_H_
