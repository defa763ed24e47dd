// CSV renderings, RFC 4180: one header row, comma-separated, CRLF line ends,
// a field in double quotes (quotes doubled) when it holds a comma, a quote or
// a line break. UTF-8 with a byte order mark, so that Excel keeps the
// Vietnamese letters. Headers and names follow the language; numbers stay
// plain integers, dates ISO, the known-at instant RFC 3339 UTC. The layouts
// (a section column, as-of and known-at on every row) are in
// tools/cli/REPORTS.md.
#ifndef TLEDGER_TOOLS_CLI_RENDER_CSV_H_
#define TLEDGER_TOOLS_CLI_RENDER_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "tools/cli/render.h"

namespace tledger {

std::string ReportCsv(const Report& report, const RenderScope& scope);
std::string ViolationsCsv(const Outcome& outcome, const RenderScope& scope);
std::string DiffCsv(const ReportDiff& diff, const RenderScope& scope);

// The UTF-8 byte order mark every CSV output begins with: Excel reads the
// file as UTF-8 (Vietnamese letters intact) only when it is there.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// The columns every row of a layout ends with: as of, known at.
std::vector<std::string> WhenHeader(Lang lang);

// One record: the fields quoted where RFC 4180 needs it, joined by commas,
// ending in CRLF.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_CSV_H_
