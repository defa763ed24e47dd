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

// The list's title line (as_of, known_at, Count(cases)) and the words of its
// three amounts: the table's, the CSV's and the workbook's.
inline constexpr Bilingual kCompensationHeader{
    "Danh sách đền bù chi phí đào tạo tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}: {}",
    "Training costs to repay as of the end of {}, as known at {}: {}"};
inline constexpr Bilingual kGrossHeader{"Phải đền bù", "To repay"};
inline constexpr Bilingual kRepaidHeader{"Đã nộp", "Repaid"};
inline constexpr Bilingual kOutstandingHeader{"Còn phải nộp", "Outstanding"};

std::string RenderCompensation(const CompensationList& list, const RenderScope& scope, Format format);

// The list as a table of typed cells: a line per case (the CSV's columns but
// the as-of and known-at ones), then the "Cộng" line of the three amounts.
// What the CSV and the xlsx sheet "Đền bù" are made from.
Sheet CompensationSheet(const CompensationList& list, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_COMPENSATION_H_
