#include "tools/cli/csv_event.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/schema_info.h"

namespace tledger {
namespace {

bool IsUtf8(const std::string& s) { return simdjson::validate_utf8(s.data(), s.size()); }

std::string NotUtf8(const std::string& where) {
  return where + ": not valid UTF-8 text (save the sheet as CSV UTF-8)";
}

// "NAME (column C)", an empty name as JSON writes it, as the codec does.
std::string Where(const std::vector<std::string>& header, size_t c) {
  return (header[c].empty() ? std::string("\"\"") : header[c]) + " (column " + ColumnLetter(c) + ")";
}

// The JSON equivalent of one CSV cell, by the kind of field its column names.
nlohmann::json CellJson(const FieldInfo* f, const std::string& cell) {
  if (f == nullptr) return cell;
  switch (f->kind) {
    case FieldKind::kBool: {
      std::string v = cell;
      std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
      if (v == "true") return true;
      if (v == "false") return false;
      return cell;
    }
    case FieldKind::kInt: {
      bool digits = !cell.empty() && cell != "-" &&
                    cell.find_first_not_of("0123456789", cell[0] == '-' ? 1 : 0) == std::string::npos;
      if (!digits) return cell;
      try {
        return std::stoll(cell);
      } catch (const std::out_of_range&) {
        // Too many digits for any field: let the codec say "too large" (or
        // "negative"), as it does for the same number in JSON Lines.
        return cell[0] == '-' ? nlohmann::json(INT64_MIN) : nlohmann::json(UINT64_MAX);
      }
    }
    case FieldKind::kTextList: {
      nlohmann::json arr = nlohmann::json::array();
      size_t start = 0;
      for (;;) {
        size_t semi = cell.find(';', start);
        std::string item = cell.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
        size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        arr.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
        if (semi == std::string::npos) break;
        start = semi + 1;
      }
      return arr;
    }
    default:
      return cell;
  }
}

}  // namespace

Status CheckCsvHeader(const std::vector<std::string>& header) {
  for (size_t c = 0; c < header.size(); ++c) {
    // A name that is not UTF-8 cannot be a JSON key, nor be shown.
    if (!IsUtf8(header[c])) return Status::InvalidInput(NotUtf8("csv: the name of column " + ColumnLetter(c)));
    for (size_t d = 0; d < c; ++d) {
      if (header[c] == header[d]) {
        return Status::InvalidInput(Where(header, c) + ": duplicate column (also column " +
                                    ColumnLetter(d) + ")");
      }
    }
  }
  return Status::Ok();
}

Result<std::string> CsvRowJson(const std::vector<std::string>& header, const CsvRecord& row,
                               const std::string& default_type) {
  if (row.fields.size() > header.size()) {
    return Status::InvalidInput("csv: the row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                                std::to_string(header.size()));
  }
  std::string type = default_type;
  std::string type_where = "type";
  auto type_col = std::find(header.begin(), header.end(), "type");
  if (type_col != header.end()) {
    size_t c = static_cast<size_t>(type_col - header.begin());
    if (c < row.fields.size() && !row.fields[c].empty()) {
      type = row.fields[c];
      type_where = "type (column " + ColumnLetter(c) + ")";
    }
  }
  if (type.empty()) return Status::InvalidInput("type: no type for this row (add a `type` column or give --type)");
  if (!IsUtf8(type)) return Status::InvalidInput(NotUtf8(type_where));
  const TypeInfo* info = EventSchema::Get().FindType(type);
  nlohmann::ordered_json obj = nlohmann::ordered_json::object();
  obj["type"] = type;
  for (size_t c = 0; c < header.size(); ++c) {
    if (header[c] == "type") continue;
    const std::string cell = c < row.fields.size() ? row.fields[c] : std::string();
    const FieldInfo* f = info ? info->body.Find(header[c]) : nullptr;
    if (!IsUtf8(cell)) return Status::InvalidInput(NotUtf8(Where(header, c)));
    if (cell.empty()) {
      if (f != nullptr && f->nullable) obj[header[c]] = nullptr;
      continue;
    }
    if (f != nullptr && (f->kind == FieldKind::kStructList || f->kind == FieldKind::kReplacement)) {
      return Status::InvalidInput(Where(header, c) + ": not importable from CSV (use JSON Lines for this field)");
    }
    obj[header[c]] = CellJson(f, cell);
  }
  return obj.dump();
}

std::string WithColumn(const std::vector<std::string>& header, const std::string& message) {
  size_t colon = message.find(": ");
  std::string field = message.substr(0, colon);
  std::string root = field.substr(0, field.find_first_of(".["));
  auto col = std::find(header.begin(), header.end(), root);
  if (colon == std::string::npos || col == header.end()) return message;
  return field + " (column " + ColumnLetter(static_cast<size_t>(col - header.begin())) + ")" + message.substr(colon);
}

}  // namespace tledger
