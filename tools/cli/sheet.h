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

namespace tledger {

// One cell. Counts, amounts and percentages are numbers in the workbook
// (shown grouped: "#,##0", Excel puts the reader's own separators); an
// integer beyond what a spreadsheet holds exactly (2^53) is written as its
// digits in a text cell rather than rounded.
struct Cell {
  enum class Type : uint8_t { kEmpty, kText, kCount, kMoney, kPercent };
  Type type = Type::kEmpty;
  std::string text;
  int64_t number = 0;

  static Cell Text(std::string t) { return {Type::kText, std::move(t), 0}; }
  static Cell Count(int64_t n) { return {Type::kCount, {}, n}; }
  static Cell Count(const std::optional<int64_t>& n) { return n ? Count(*n) : Cell{}; }
  static Cell Money(int64_t vnd) { return {Type::kMoney, {}, vnd}; }
  static Cell Percent(const std::optional<int64_t>& p) { return p ? Cell{Type::kPercent, {}, *p} : Cell{}; }
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
};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_SHEET_H_
