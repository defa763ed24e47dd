#include "core/printable.h"

#include <unicode/utf8.h>

#include <fmt/format.h>

namespace tledger {

bool IsUnsafeToShow(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200e || c == 0x200f || c == 0x061c || c == 0x2028 || c == 0x2029;
}

namespace {

// `s` escaped, at most `max_chars` code points of it (*cut: some were left).
std::string EscapeInto(std::string_view s, bool keep_newlines, size_t max_chars, bool* cut) {
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  size_t chars = 0;
  for (int32_t i = 0; i < length;) {
    if (chars == max_chars) {
      *cut = true;
      break;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    ++chars;
    if (c < 0) {  // not UTF-8: each byte of the bad sequence shown as it is
      for (int32_t j = start; j < i; ++j) out += fmt::format("\\x{:02x}", bytes[j]);
    } else if (c == '\n' && keep_newlines) {
      out += '\n';
    } else if (c < 0x80 && IsUnsafeToShow(static_cast<char32_t>(c))) {
      out += fmt::format("\\x{:02x}", c);
    } else if (IsUnsafeToShow(static_cast<char32_t>(c))) {
      out += fmt::format("\\u{{{:04x}}}", c);
    } else {
      out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

}  // namespace

std::string Escaped(std::string_view s, bool keep_newlines) {
  bool cut = false;
  return EscapeInto(s, keep_newlines, SIZE_MAX, &cut);
}

std::string Abbreviated(std::string_view s, size_t max_chars) {
  bool cut = false;
  std::string out = EscapeInto(s, /*keep_newlines=*/false, max_chars, &cut);
  return cut ? out + "..." : out;
}

std::string EscapedJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(json.data());
  const auto length = static_cast<int32_t>(json.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && IsUnsafeToShow(static_cast<char32_t>(c)) && c != '\n') {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out.append(json.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

std::string Quoted(std::string_view s, size_t max_chars) { return "\"" + Abbreviated(s, max_chars) + "\""; }

}  // namespace tledger
