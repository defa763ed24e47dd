// A document to hand over, before it is a file: what `report`,
// `violations` and `compensation` put in a workbook (render_xlsx.h) and in a
// PDF (render_pdf.h), built once by pure functions so the two can never
// disagree.
//
//   Document d = ReportDocument(report, scope, {.head = view->head(), .command = g.command});
//   Status s = WriteWorkbook("bao-cao.xlsx", d.sheets, scope.lang);
//   Status t = WritePdf("bao-cao.pdf", d, letterhead, scope.lang);
#ifndef TLEDGER_TOOLS_CLI_DOCUMENT_H_
#define TLEDGER_TOOLS_CLI_DOCUMENT_H_

#include <string>
#include <vector>

#include "core/date.h"
#include "core/event_source.h"
#include "tools/cli/sheet.h"

namespace tledger {

// What a document was made from: the ledger's head as known at the
// document's known-at instant (LedgerView::head) and the command line.
struct Provenance {
  Head head;
  std::string command;
};

enum class DocumentKind : uint8_t { kReport, kFindings, kCompensation };

struct Document {
  DocumentKind kind = DocumentKind::kReport;
  // The line the table output starts with: "Báo cáo đào tạo, bồi dưỡng tính
  // đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến ...".
  std::string summary;
  Date as_of;
  Timestamp known_at = 0;
  Provenance provenance;
  // The tables, in order; the last is "Căn cứ" (what the document was made
  // from: dates, scope, head, the command that checks it and the one that
  // made it).
  std::vector<Sheet> sheets;
};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_DOCUMENT_H_
