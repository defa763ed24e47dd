#include "tools/gen/json_line.h"

#include "core/date.h"

namespace tledger::gen {

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t clean = 0;  // start of the run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + clean, i - clean);
    clean = i + 1;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
  }
  out.append(s.data() + clean, s.size() - clean);
  out.push_back('"');
}

const DateText& DateText::Get() {
  static const DateText table;
  return table;
}

DateText::DateText() {
  first_ = Date::FromYmd(kFirstYear, 1, 1)->days();
  const int32_t last = Date::FromYmd(kLastYear, 12, 31)->days();
  text_.reserve(static_cast<size_t>(last - first_ + 1) * 10);
  for (int32_t d = first_; d <= last; ++d) {
    std::string s = Date::FromDays(d).ToString();
    text_.insert(text_.end(), s.begin(), s.end());
  }
}

}  // namespace tledger::gen
