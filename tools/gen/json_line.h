// Builds one JSON Lines record at a time into a reused buffer, fast enough
// for millions of events a second: no allocation once the buffer has grown,
// integers through std::to_chars, dates from a precomputed table.
//
//   JsonLine j;
//   j.Begin();
//   j.Str("type", "unit_registered");
//   j.Int("year", 2025);
//   j.End();                     // closes the object and adds '\n'
//   sink.Line(j.view());
//
// Strings are escaped as RFC 8259 requires (`"`, `\` and control
// characters); other UTF-8 passes through untouched. Value type, not
// thread-safe.
#ifndef TLEDGER_TOOLS_GEN_JSON_LINE_H_
#define TLEDGER_TOOLS_GEN_JSON_LINE_H_

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tledger::gen {

// Appends `s` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view s);

// Appends `n` in decimal, zero-padded to at least `width` digits.
inline void AppendNumber(std::string& out, uint64_t n, int width = 0) {
  char tmp[24];
  auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
  for (int pad = width - static_cast<int>(r.ptr - tmp); pad > 0; --pad) out.push_back('0');
  out.append(tmp, r.ptr);
}

// "YYYY-MM-DD" for every day the generator uses (days since 1970-01-01).
class DateText {
 public:
  static constexpr int kFirstYear = 1940;
  static constexpr int kLastYear = 2060;
  static const DateText& Get();
  // `days` must lie in [kFirstYear-01-01, kLastYear-12-31].
  std::string_view Of(int32_t days) const {
    return std::string_view(&text_[static_cast<size_t>(days - first_) * 10], 10);
  }

 private:
  DateText();
  int32_t first_ = 0;
  std::vector<char> text_;
};

class JsonLine {
 public:
  JsonLine() { buf_.reserve(4096); }

  void Begin() {
    buf_.clear();
    buf_.push_back('{');
    first_ = true;
  }
  void End() { buf_.append("}\n"); }
  std::string_view view() const { return buf_; }
  std::string& buffer() { return buf_; }

  void Key(std::string_view key) {
    if (!first_) buf_.push_back(',');
    first_ = false;
    buf_.push_back('"');
    buf_.append(key);
    buf_.append("\":");
  }
  void Str(std::string_view key, std::string_view value) {
    Key(key);
    AppendJsonString(buf_, value);
  }
  // A string known to need no escaping (ids and codes the generator builds).
  void Plain(std::string_view key, std::string_view value) {
    Key(key);
    buf_.push_back('"');
    buf_.append(value);
    buf_.push_back('"');
  }
  void Int(std::string_view key, int64_t value) {
    Key(key);
    AppendInt(value);
  }
  void Date(std::string_view key, int32_t days) {
    Key(key);
    buf_.push_back('"');
    buf_.append(DateText::Get().Of(days));
    buf_.push_back('"');
  }
  void Bool(std::string_view key, bool value) {
    Key(key);
    buf_.append(value ? "true" : "false");
  }
  void Null(std::string_view key) {
    Key(key);
    buf_.append("null");
  }
  // Nested containers: the caller writes the separators between items with
  // Comma() and the values with the Append* helpers.
  void OpenArray(std::string_view key) {
    Key(key);
    buf_.push_back('[');
  }
  void CloseArray() { buf_.push_back(']'); }
  void OpenObject() {
    buf_.push_back('{');
    first_ = true;
  }
  void OpenObject(std::string_view key) {
    Key(key);
    OpenObject();
  }
  void CloseObject() {
    buf_.push_back('}');
    first_ = false;
  }
  void Comma() { buf_.push_back(','); }
  void AppendInt(int64_t value) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, value);
    buf_.append(tmp, r.ptr);
  }
  void AppendPlain(std::string_view value) {
    buf_.push_back('"');
    buf_.append(value);
    buf_.push_back('"');
  }

 private:
  std::string buf_;
  bool first_ = true;
};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_JSON_LINE_H_
