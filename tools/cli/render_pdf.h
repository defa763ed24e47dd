// Documents to hand over on paper: `report`, `violations` and
// `compensation` with --format pdf -o FILE (cairo and pango, fonts Noto
// Serif and Noto Sans Mono). A4 landscape, laid out as a Vietnamese
// administrative document (Decree 30/2020/NĐ-CP's layout): the issuing body
// and the number on the left, Quốc hiệu and Tiêu ngữ and the place and date
// on the right, the title, the tables of the Document (the workbook's
// sheets, header rows repeated on each page), the signature block; and on
// every page a footer with the as-of date, the known-at instant, the ledger
// head SEQ:HASH, a QR code of that head (libqrencode) and "Trang x/y"
// (tools/cli/REPORTS.md, "PDF").
//
//   Letterhead h{.issuer = "Thanh tra tỉnh Quảng Ninh", .date = VietnamDateOf(Now())};
//   Status s = WritePdf("bao-cao.pdf", ReportDocument(report, scope, p), h, Lang::kVi);
//
// Text from the ledger is laid out as plain text, never as Pango markup.
#ifndef TLEDGER_TOOLS_CLI_RENDER_PDF_H_
#define TLEDGER_TOOLS_CLI_RENDER_PDF_H_

#include <string>

#include "core/date.h"
#include "core/status.h"
#include "tools/cli/document.h"
#include "tools/cli/labels.h"

namespace tledger {

// What the ledger does not know and the official writes: who issues the
// document, its number, the place. Left empty, each is a dotted space to
// fill by hand, as on a printed form.
struct Letterhead {
  std::string issuer;  // --issuer: "Thanh tra tỉnh Quảng Ninh" (printed in capitals)
  std::string number;  // --doc-number: "12/BC-TTr" (printed after "Số:")
  std::string place;   // --place: "Quảng Ninh"
  Date date;           // the document's date: the day it is made, in Vietnam
};

// The PDF's bytes. InvalidInput when a font the layout needs is missing
// (naming tools/install-deps.sh); IoError when cairo fails.
Result<std::string> RenderPdf(const Document& document, const Letterhead& letterhead, Lang lang);
// RenderPdf written to `path`, all or nothing (core/files.h).
Status WritePdf(const std::string& path, const Document& document, const Letterhead& letterhead, Lang lang);

// The QR code of a ledger head: the text "SEQ:HASH" (what `tledger verify
// --expect-head` takes), for tests to compare with what zbarimg reads.
std::string HeadText(const Head& head);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_PDF_H_
