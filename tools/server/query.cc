#include "tools/server/query.h"

#include <cctype>
#include <vector>

#include <simdjson.h>

#include "core/date.h"
#include "core/json_codec.h"
#include "core/printable.h"
#include "projections/outcome.h"
#include "tools/server/messages.h"

namespace tledger::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes one name or value of the query; nullopt at a malformed byte,
// whose offset in the whole query goes to *bad.
std::optional<std::string> Decode(std::string_view text, size_t offset, size_t* bad) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      int hi = i + 1 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        *bad = offset + i;
        return std::nullopt;
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) {
      *bad = offset + i;
      return std::nullopt;
    } else {
      out += c;
    }
  }
  return out;
}

size_t CodePointCount(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsId(std::string_view v) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ') return false;
  if (!simdjson::validate_utf8(v.data(), v.size())) return false;
  for (unsigned char c : v) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return CodePointCount(v) <= kMaxIdChars;
}

bool IsCount(std::string_view v, uint64_t max) {
  if (v.empty() || v.size() > 19) return false;
  uint64_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n >= 1 && n <= max;
}

bool IsValid(const ParamSpec& spec, std::string_view v) {
  switch (spec.kind) {
    case ParamKind::kDate: return ParseDateArg(v).ok();
    case ParamKind::kInstant: return ParseInstant(v).ok();
    case ParamKind::kId: return IsId(v);
    case ParamKind::kRule: {
      if (v.size() > 64) return false;
      std::string upper(v);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return RuleByName(upper).has_value();
    }
    case ParamKind::kLang: return ParseLang(v).ok();
    case ParamKind::kCount: return IsCount(v, spec.max);
    case ParamKind::kBool: return v == "true" || v == "false";
  }
  return false;
}

// The value as a refusal shows it: quoted and escaped, cut after 60 code points.
std::string Shown(std::string_view v) { return "\"" + Abbreviated(v, 60) + "\""; }

ParsedQuery Refused(ApiError e) {
  ParsedQuery q;
  q.error = std::move(e);
  return q;
}

}  // namespace

std::string ExpectedForm(const ParamSpec& spec, Lang lang) {
  switch (spec.kind) {
    case ParamKind::kDate: return Tr(kFormDate, lang);
    case ParamKind::kInstant: return Tr(kFormInstant, lang);
    case ParamKind::kId: return Tr(kFormId, lang);
    case ParamKind::kRule: {
      std::string names;
      for (Rule r : kAllRules) names += (names.empty() ? "" : ", ") + std::string(RuleName(r));
      return Tr(kFormRule, lang, names);
    }
    case ParamKind::kLang: return Tr(kFormLang, lang);
    case ParamKind::kCount: return Tr(kFormCount, lang, spec.max);
    case ParamKind::kBool: return Tr(kFormBool, lang);
  }
  return "";
}

std::string ParsedQuery::Get(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

ParsedQuery ParseQuery(std::string_view query, std::span<const ParamSpec> specs) {
  if (query.size() > kMaxQueryBytes) return Refused(MakeError(414, kQueryTooLong, kMaxQueryBytes));
  ParsedQuery q;
  size_t start = 0;
  while (!query.empty() && start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view pair = query.substr(start, end - start);
    size_t eq = pair.find('=');
    if (pair.empty() || eq == std::string_view::npos || eq == 0) {
      return Refused(MakeError(400, kMalformedQuery, start));
    }
    size_t bad = 0;
    std::optional<std::string> name = Decode(pair.substr(0, eq), start, &bad);
    std::optional<std::string> value = name ? Decode(pair.substr(eq + 1), start + eq + 1, &bad) : std::nullopt;
    if (!name || !value) return Refused(MakeError(400, kMalformedQuery, bad));
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : specs) {
      if (s.name == *name) spec = &s;
    }
    if (spec == nullptr) {
      std::string vi, en;
      for (const ParamSpec& s : specs) {
        vi += (vi.empty() ? "" : ", ") + std::string(s.name);
      }
      en = vi;
      if (specs.empty()) {
        vi = Tr(kNoParameters, Lang::kVi);
        en = Tr(kNoParameters, Lang::kEn);
      }
      return Refused(ApiError{400, Tr(kUnknownParameter, Lang::kVi, Shown(*name), vi),
                              Tr(kUnknownParameter, Lang::kEn, Shown(*name), en)});
    }
    if (q.params.count(spec->name) > 0) return Refused(MakeError(400, kRepeatedParameter, spec->name));
    if (!IsValid(*spec, *value)) {
      return Refused(ApiError{400, Tr(kBadParameter, Lang::kVi, spec->name, Shown(*value), ExpectedForm(*spec, Lang::kVi)),
                              Tr(kBadParameter, Lang::kEn, spec->name, Shown(*value), ExpectedForm(*spec, Lang::kEn))});
    }
    q.params.emplace(std::string(spec->name), std::move(*value));
    start = end + 1;
    if (end == query.size()) break;
  }
  for (const ParamSpec& s : specs) {
    if (s.required && q.params.count(s.name) == 0) {
      return Refused(ApiError{400, Tr(kMissingParameter, Lang::kVi, s.name, ExpectedForm(s, Lang::kVi)),
                              Tr(kMissingParameter, Lang::kEn, s.name, ExpectedForm(s, Lang::kEn))});
    }
  }
  return q;
}

}  // namespace tledger::server
