// Aligned columns of text for the human-readable reports. Widths count
// Unicode code points, not bytes, so that Vietnamese names (NFC, one code
// point per letter) line up with ASCII ones.
//
//   TextTable t({{"Cấp", TextTable::kLeft}, {"Lượt học viên", TextTable::kRight}});
//   t.AddRow({"commune", "12"});
//   std::string text = t.Render("  ");
//
// A value type; not thread-safe.
#ifndef TLEDGER_TOOLS_CLI_TEXT_TABLE_H_
#define TLEDGER_TOOLS_CLI_TEXT_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tledger {

// The number of code points in UTF-8 text (continuation bytes not counted).
size_t CodePoints(std::string_view utf8);
// `text` padded with spaces to `width` code points, on the right (left
// alignment) or on the left (right alignment). Longer text is left whole.
std::string PadRight(std::string_view text, size_t width);
std::string PadLeft(std::string_view text, size_t width);

class TextTable {
 public:
  enum Align { kLeft, kRight };
  struct Column {
    std::string header;
    Align align = kLeft;
  };
  explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

  // A row of as many cells as there are columns (fewer are padded with
  // empty cells; more is a programmer bug).
  void AddRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }

  // The header and the rows, one line each ending in "\n", every line
  // starting with `indent`, columns two spaces apart. A left-aligned last
  // column is not padded, so no line ends in spaces.
  std::string Render(std::string_view indent) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_TEXT_TABLE_H_
