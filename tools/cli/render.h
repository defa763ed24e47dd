// What the renderers of `report`, `violations` and `diff` share: the output
// formats and the scope a rendering was asked for.
//
//   Result<Format> f = ParseFormat("json");
//   RenderScope scope{.plan = "HG-2025", .lang = Lang::kEn};
//   std::string out = RenderReport(outcome.report, scope, *f);
//
// Every renderer is a pure function of its arguments returning the whole
// output (tools/cli/render_{table,json,csv}.h); the commands print it to
// stdout. tools/cli/REPORTS.md describes each layout.
#ifndef TLEDGER_TOOLS_CLI_RENDER_H_
#define TLEDGER_TOOLS_CLI_RENDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "projections/outcome.h"
#include "tools/cli/labels.h"
#include "tools/cli/report_diff.h"

namespace tledger {

enum class Format : uint8_t { kTable, kJson, kCsv };

// "table", "json" or "csv"; InvalidInput "--format: ..." naming them otherwise.
Result<Format> ParseFormat(std::string_view text);

struct RenderScope {
  std::string plan;            // --plan; empty: the whole ledger
  std::string unit;            // report --unit; empty: every unit
  std::string unit_name;       // its name as of the report's date
  std::optional<Rule> rule;    // --rule (violations); nullopt: every rule
  bool restate_units = false;  // --restate-units
  Lang lang = Lang::kVi;       // the words of tables, CSV and the findings' detail
};

// The output of each command in `format`.
std::string RenderReport(const Report& report, const RenderScope& scope, Format format);
// `outcome.violations` as given (already narrowed by the command), with the
// as-of date and known-at instant of outcome.report.
std::string RenderViolations(const Outcome& outcome, const RenderScope& scope, Format format);
std::string RenderDiff(const ReportDiff& diff, const RenderScope& scope, Format format);

// "Chỉ học viên và kế hoạch của Thành phố Cần Thơ (CT) và các đơn vị trực
// thuộc": what report --unit narrows to.
std::string UnitScopeLine(const RenderScope& scope);

// "Thạc sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước": a quota
// cell as the table and the diff name it.
std::string CellName(Program program, FundingClass funding_class, Location location, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_H_
