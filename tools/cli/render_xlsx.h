// Workbooks to hand over: `report`, `violations` and `compensation` with
// --format xlsx -o FILE (libxlsxwriter). One sheet per table, Vietnamese
// headers (or English with --lang en), numbers as numbers with grouped
// display formats, frozen header rows, columns as wide as their contents;
// and a last sheet, "Căn cứ", saying what the workbook was made from: as of,
// as known at, the ledger's head SEQ:HASH, the command (tools/cli/REPORTS.md,
// "xlsx").
//
//   Provenance p{.head = view->head(), .command = g.command};
//   Status s = WriteWorkbook("bao-cao.xlsx", ReportDocument(report, scope, p).sheets, scope.lang);
//
// The sheets are data (Sheet, typed cells) built by pure functions; only
// WriteWorkbook touches a file, and it writes all or nothing: the workbook is
// made in a private temporary directory and moved into place atomically
// (core/files.h), so a failure leaves FILE as it was.
#ifndef TLEDGER_TOOLS_CLI_RENDER_XLSX_H_
#define TLEDGER_TOOLS_CLI_RENDER_XLSX_H_

#include <string>
#include <vector>

#include "core/event_source.h"
#include "core/status.h"
#include "projections/compensation_list.h"
#include "tools/cli/document.h"
#include "tools/cli/render.h"
#include "tools/cli/sheet.h"

namespace tledger {

// report: Tổng hợp (a line per plan: % đạt kế hoạch, money), Theo trình độ
// (the quota cells), Chỉ tiêu (the plans' targets, when a plan sets one),
// Theo cấp, Theo lĩnh vực, Theo hình thức, Căn cứ.
Document ReportDocument(const Report& report, const RenderScope& scope, const Provenance& p);
// violations: Vi phạm (every finding with its kind, basis and money), Căn cứ.
Document ViolationsDocument(const Outcome& outcome, const RenderScope& scope, const Provenance& p);
// compensation: Đền bù (the columns of its CSV), Căn cứ.
Document CompensationDocument(const CompensationList& list, const RenderScope& scope, const Provenance& p);

// Writes `sheets` as an xlsx workbook at `path`, all or nothing (above);
// amounts shown with "đ" (vi) or "VND" (en). InvalidInput when a sheet's
// name is not a valid tab name; IoError naming `path` when it cannot be
// written.
Status WriteWorkbook(const std::string& path, const std::vector<Sheet>& sheets, Lang lang);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_XLSX_H_
