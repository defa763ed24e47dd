#include "tools/cli/text_table.h"

#include <algorithm>

#include "core/printable.h"
#include "core/status.h"

namespace tledger {

size_t CodePoints(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out(text);
  size_t n = CodePoints(text);
  if (n < width) out.append(width - n, ' ');
  return out;
}

std::string PadLeft(std::string_view text, size_t width) {
  size_t n = CodePoints(text);
  std::string out(n < width ? width - n : 0, ' ');
  return out.append(text);
}

void TextTable::AddRow(std::vector<std::string> cells) {
  TLEDGER_CHECK(cells.size() <= columns_.size());
  cells.resize(columns_.size());
  // Ids and names come from the ledger: shown, never obeyed (and measured
  // as shown, so that the columns stay aligned).
  for (std::string& cell : cells) cell = Escaped(cell);
  rows_.push_back(std::move(cells));
}

std::string TextTable::Render(std::string_view indent) const {
  std::vector<size_t> widths;
  for (const Column& c : columns_) widths.push_back(CodePoints(c.header));
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], CodePoints(row[i]));
  }
  auto line = [&](auto cell_of) {
    std::string out(indent);
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) out += "  ";
      std::string_view cell = cell_of(i);
      bool last = i + 1 == columns_.size();
      if (columns_[i].align == kRight) {
        out += PadLeft(cell, widths[i]);
      } else {
        out += last ? std::string(cell) : PadRight(cell, widths[i]);
      }
    }
    // An empty last cell leaves the separator behind.
    out.erase(out.find_last_not_of(' ') + 1);
    return out + "\n";
  };
  std::string out = line([&](size_t i) -> std::string_view { return columns_[i].header; });
  for (const auto& row : rows_) out += line([&](size_t i) -> std::string_view { return row[i]; });
  return out;
}

}  // namespace tledger
