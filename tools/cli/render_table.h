// Human-readable renderings: aligned tables, section titles, headers and
// rule descriptions in the scope's language (Vietnamese by default), money
// grouped ("4.700.000.000 đ" / "4,700,000,000 VND"). The first line names the
// as-of date and the known-at instant used. Layouts: tools/cli/REPORTS.md.
#ifndef TLEDGER_TOOLS_CLI_RENDER_TABLE_H_
#define TLEDGER_TOOLS_CLI_RENDER_TABLE_H_

#include <string>

#include "tools/cli/render.h"

namespace tledger {

std::string ReportTable(const Report& report, const RenderScope& scope);
std::string ViolationsTable(const Outcome& outcome, const RenderScope& scope);
std::string DiffTable(const ReportDiff& diff, const RenderScope& scope);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_TABLE_H_
