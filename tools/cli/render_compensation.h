// `tledger compensation`: the đền bù list (projections/compensation_list.h)
// as a table, JSON or CSV (tools/cli/REPORTS.md, "compensation").
//
//   std::string out = RenderCompensation(list, {.plan = "CT-2025", .lang = Lang::kVi}, Format::kTable);
//
// Pure functions of their arguments; the words come from the one catalog
// (labels.h, names.h, finding_catalog.h).
#ifndef TLEDGER_TOOLS_CLI_RENDER_COMPENSATION_H_
#define TLEDGER_TOOLS_CLI_RENDER_COMPENSATION_H_

#include <string>

#include "projections/compensation_list.h"
#include "tools/cli/render.h"
#include "tools/cli/sheet.h"

namespace tledger {

std::string RenderCompensation(const CompensationList& list, const RenderScope& scope, Format format);

// The list as a table of typed cells: a line per case (the CSV's columns but
// the as-of and known-at ones), then the "Cộng" line of the three amounts.
// What the CSV and the xlsx sheet "Đền bù" are made from.
Sheet CompensationSheet(const CompensationList& list, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_COMPENSATION_H_
