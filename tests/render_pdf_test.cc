// RenderPdf (tools/cli/render_pdf.h) on documents made for the purpose,
// read back by pdftotext: text from the ledger is never Pango markup; a
// table longer than a page repeats its header row on the next; a table
// wider than the page wraps its text columns and keeps every figure whole;
// a missing font is refused by name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/date.h"
#include "tests/test_util.h"
#include "tools/cli/render_pdf.h"

namespace tledger {
namespace {

class RenderPdfTest : public ::testing::Test {
 protected:
  // The text pdftotext reads from `doc` rendered to a file (page `page`, all when 0).
  std::string Text(const Document& doc, int page = 0) {
    Letterhead head{.issuer = "Thanh tra tỉnh", .date = *Date::FromYmd(2026, 3, 5)};
    const std::string file = dir_ / "doc.pdf";
    Status s = WritePdf(file, doc, head, Lang::kVi);
    EXPECT_TRUE(s.ok()) << s.message();
    std::vector<std::string> argv = {"/usr/bin/pdftotext", "-layout"};
    if (page > 0) argv.insert(argv.end(), {"-f", std::to_string(page), "-l", std::to_string(page)});
    argv.insert(argv.end(), {file, "-"});
    testing::RunResult r = testing::RunProgram(argv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  static Document Doc(std::vector<Sheet> sheets) {
    Document d{.summary = "Báo cáo thử", .as_of = *Date::FromYmd(2025, 12, 31), .known_at = 1'765'000'000'000'000};
    d.provenance.head.seq = 42;
    d.sheets = std::move(sheets);
    return d;
  }
  testing::TempDir dir_;
};

// A name that looks like markup is printed as written.
TEST_F(RenderPdfTest, LedgerTextIsNeverMarkup) {
  Sheet s{.name = "Học viên", .header = {"Họ và tên", "Số tiền"}};
  s.rows.push_back({Cell::Text("<b>Nguyễn Văn &amp; A</b> <span size=\"99999\">x</span>"), Cell::Money(1000)});
  std::string text = Text(Doc({s}));
  EXPECT_NE(text.find("<b>Nguyễn Văn &amp; A</b> <span size=\"99999\">x</span>"), std::string::npos) << text;
  EXPECT_NE(text.find("1.000 đ"), std::string::npos) << text;
  // The date line: Decree 30/2020 writes March without a zero, the day with one.
  EXPECT_NE(text.find("……………………, ngày 05 tháng 3 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("THANH TRA TỈNH"), std::string::npos) << text;
}

// 200 rows: more than a page; the header row opens every page of the table.
TEST_F(RenderPdfTest, ALongTableRepeatsItsHeaderOnEachPage) {
  Sheet s{.name = "Danh sách", .header = {"Số thứ tự dòng", "Tên"}};
  for (int i = 1; i <= 200; ++i) s.rows.push_back({Cell::Count(i), Cell::Text("Người thứ " + std::to_string(i))});
  const std::string all = Text(Doc({s}));
  EXPECT_NE(all.find("Người thứ 200"), std::string::npos);
  const std::string second = Text(Doc({s}), 2);
  EXPECT_NE(second.find("Số thứ tự dòng"), std::string::npos) << second;
  EXPECT_NE(second.find("Trang 2/"), std::string::npos) << second;
  EXPECT_NE(second.find("42:" + std::string(64, '0')), std::string::npos) << second;
}

// Fourteen columns of long text and large amounts: the amounts stay whole
// (never broken across lines), the text wraps.
TEST_F(RenderPdfTest, AWideTableKeepsItsFiguresWhole) {
  Sheet s{.name = "Rộng", .header = {}};
  std::vector<Cell> row;
  for (int col = 0; col < 14; ++col) {
    s.header.push_back("Cột số " + std::to_string(col + 1));
    row.push_back(col % 2 == 0 ? Cell::Text("một đoạn chữ khá dài để phải xuống dòng trong ô của bảng " + std::to_string(col))
                               : Cell::Money(123'456'789'000));
  }
  s.rows.push_back(row);
  const std::string text = Text(Doc({s}));
  size_t found = 0;
  for (size_t at = text.find("123.456.789.000 đ"); at != std::string::npos; at = text.find("123.456.789.000 đ", at + 1)) {
    ++found;
  }
  EXPECT_EQ(found, 7u) << text;
}

// A sheet printed as cards: each row a table of its own under "STT n",
// every header beside its value (whole: no id or name broken), the empty
// cells left out, the total row under "Cộng".
TEST_F(RenderPdfTest, AWideSheetPrintsEachRowAsACard) {
  Sheet s{.name = "Đền bù", .header = {"STT"}, .print_as_cards = true};
  for (int col = 1; col < 20; ++col) s.header.push_back("Cột " + std::to_string(col));
  std::vector<Cell> row = {Cell::Count(1)};
  for (int col = 1; col < 20; ++col) row.push_back(col == 5 ? Cell{} : Cell::Text("CT25-TS-HTTT-0" + std::to_string(col % 10)));
  s.rows.push_back(row);
  std::vector<Cell> total(20, Cell::Text(""));
  total[0] = Cell::Text("Cộng");
  total[19] = Cell::Money(28'000'000);
  s.total_rows.push_back(s.rows.size());
  s.rows.push_back(total);
  const std::string text = Text(Doc({s}));
  EXPECT_NE(text.find("1. Đền bù"), std::string::npos) << text;
  EXPECT_NE(text.find("STT 1"), std::string::npos) << text;
  EXPECT_NE(text.find("Cột 19"), std::string::npos) << text;
  EXPECT_NE(text.find("CT25-TS-HTTT-04"), std::string::npos) << text;
  EXPECT_EQ(text.find("Cột 5 "), std::string::npos) << text;  // empty: left out
  EXPECT_EQ(text.find("Cột 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Cộng"), std::string::npos) << text;
  EXPECT_NE(text.find("28.000.000 đ"), std::string::npos) << text;
}

TEST_F(RenderPdfTest, HeadTextIsWhatVerifyTakes) {
  Head h;
  h.seq = 7;
  EXPECT_EQ(HeadText(h), "7:" + std::string(64, '0'));
}

}  // namespace
}  // namespace tledger
