#include "tools/cli/csv_reader.h"

namespace tledger {

std::string ColumnLetter(size_t index) {
  std::string out;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  uint64_t line = 1;
  size_t i = 0;
  auto fail = [&](uint64_t at, const std::string& what) {
    return Status::InvalidInput(name + ":" + std::to_string(at) + ": csv: " + what);
  };
  while (i < text.size()) {
    // A blank line is no record.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    CsvRecord rec{line, {}};
    for (;;) {
      std::string field;
      size_t column = rec.fields.size();
      if (i < text.size() && text[i] == '"') {
        uint64_t opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            return fail(opened, "quoted field in column " + ColumnLetter(column) + " is never closed");
          }
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field.push_back('"');
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          if (c == '\0') return fail(line, "NUL byte in column " + ColumnLetter(column));
          field.push_back(c);
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return fail(line, "unexpected text after the closing quote in column " + ColumnLetter(column));
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            return fail(line, "a quote inside an unquoted field in column " + ColumnLetter(column) +
                                  " (quote the whole field and double the quote)");
          }
          if (text[i] == '\0') return fail(line, "NUL byte in column " + ColumnLetter(column));
          field.push_back(text[i++]);
        }
      }
      rec.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      // End of record: \n, \r\n, a lone \r, or the end of the text.
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      break;
    }
    records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace tledger
