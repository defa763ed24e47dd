#include "tools/cli/render.h"

#include "core/printable.h"
#include "tools/cli/names.h"
#include "tools/cli/render_csv.h"
#include "tools/cli/render_json.h"
#include "tools/cli/render_table.h"

namespace tledger {

Result<Format> ParseFormat(std::string_view text) {
  if (text == "table") return Format::kTable;
  if (text == "json") return Format::kJson;
  if (text == "csv") return Format::kCsv;
  return Status::InvalidInput("--format: " + Quoted(text) + " is not a format (expected table, json or csv)");
}

std::string CellName(Program program, FundingClass funding_class, Location location, Lang lang) {
  return Name(program, lang) + " / " + Name(funding_class, lang) + " / " + Name(location, lang);
}

std::string RenderReport(const Report& report, const RenderScope& scope, Format format) {
  switch (format) {
    case Format::kJson: return ReportJson(report, scope);
    case Format::kCsv: return ReportCsv(report, scope);
    case Format::kTable: break;
  }
  return Escaped(ReportTable(report, scope), /*keep_newlines=*/true);
}

std::string RenderViolations(const Outcome& outcome, const RenderScope& scope, Format format) {
  switch (format) {
    case Format::kJson: return ViolationsJson(outcome, scope);
    case Format::kCsv: return ViolationsCsv(outcome, scope);
    case Format::kTable: break;
  }
  return Escaped(ViolationsTable(outcome, scope), /*keep_newlines=*/true);
}

std::string RenderDiff(const ReportDiff& diff, const RenderScope& scope, Format format) {
  switch (format) {
    case Format::kJson: return DiffJson(diff, scope);
    case Format::kCsv: return DiffCsv(diff, scope);
    case Format::kTable: break;
  }
  return Escaped(DiffTable(diff, scope), /*keep_newlines=*/true);
}

}  // namespace tledger
