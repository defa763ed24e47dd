// A table as typed cells: what a CSV line and a worksheet row are both made
// from (the đền bù list's CSV and its xlsx sheet, tools/cli/render_xlsx.h).
//
//   Sheet s{.name = "Đền bù", .header = {"STT", "Họ và tên", "Còn phải nộp"}};
//   s.rows.push_back({Cell::Count(1), Cell::Text("Hồ Thị Thủy"), Cell::Money(28000000)});
#ifndef TLEDGER_TOOLS_CLI_SHEET_H_
#define TLEDGER_TOOLS_CLI_SHEET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tools/cli/shown.h"

namespace tledger {

// One cell. Counts, amounts and percentages are numbers in the workbook
// (shown grouped: "#,##0", Excel puts the reader's own separators); an
// integer beyond what a spreadsheet holds exactly (2^53) is written as its
// digits in a text cell rather than rounded.
struct Cell {
  // kSeq: a record's number in the ledger, an id: a number, never grouped.
  enum class Type : uint8_t { kEmpty, kText, kCount, kMoney, kPercent, kSeq };
  Type type = Type::kEmpty;
  std::string text;
  int64_t number = 0;

  static Cell Text(std::string t) { return {Type::kText, std::move(t), 0}; }
  static Cell Count(int64_t n) { return {Type::kCount, {}, n}; }
  static Cell Count(const std::optional<int64_t>& n) { return n ? Count(*n) : Cell{}; }
  static Cell Money(int64_t vnd) { return {Type::kMoney, {}, vnd}; }
  static Cell Seq(uint64_t seq) { return {Type::kSeq, {}, static_cast<int64_t>(seq)}; }
  static Cell Percent(const std::optional<int64_t>& p) { return p ? Cell{Type::kPercent, {}, *p} : Cell{}; }
  // Whether it is a figure (a count, an amount, a percentage, a seq):
  // right-aligned, never broken across lines.
  bool Figure() const { return type != Type::kText && type != Type::kEmpty; }
  // As a CSV field: the text, the plain integer, or empty.
  std::string Plain() const {
    return type == Type::kText ? text : type == Type::kEmpty ? std::string() : std::to_string(number);
  }
};

struct Sheet {
  std::string name;  // the tab's name, at most 31 characters
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  std::vector<size_t> total_rows;  // indexes into rows shown in bold (the "Cộng" rows)
  // On paper (render_pdf.h), each row as a small table of its own (each
  // header beside its value), for a sheet too wide to print as one table.
  bool print_as_cards = false;

  bool IsTotal(size_t row) const {
    for (size_t t : total_rows) {
      if (t == row) return true;
    }
    return false;
  }
};

// A cell as a person reads it on a page or in a cell's width: the text,
// "16.006", "4.700.000.000 đ", "65%", a seq's plain digits; "" when empty.
inline std::string CellShown(const Cell& c, Lang lang) {
  switch (c.type) {
    case Cell::Type::kEmpty: return "";
    case Cell::Type::kText: return c.text;
    case Cell::Type::kCount: return Number(c.number, lang);
    case Cell::Type::kMoney: return Money(c.number, lang);
    case Cell::Type::kPercent: return Number(c.number, lang) + "%";
    case Cell::Type::kSeq: return std::to_string(c.number);
  }
  return "";
}

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_SHEET_H_
