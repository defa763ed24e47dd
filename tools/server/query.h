// The strict query-string parser of `tledger serve`'s API: every parameter
// an endpoint does not take is refused, none may repeat, every value is
// checked in the form the CLI takes for the same option, and sizes are
// bounded. A refusal is an ApiError naming the parameter and the expected
// form in Vietnamese and English (tools/server/README.md lists them).
//
//   static constexpr ParamSpec kSpecs[] = {{"as_of", ParamKind::kDate}, {"tail", ParamKind::kCount, false, 1000}};
//   ParsedQuery q = ParseQuery("as_of=2025-12-31", kSpecs);
//   if (q.error) return Send(*q.error);
//   std::string as_of = q.Get("as_of");   // "" when absent
//
// Pure, no I/O; thread-safe. Fuzzed by tests/fuzz/fuzz_query.cc.
#ifndef TLEDGER_TOOLS_SERVER_QUERY_H_
#define TLEDGER_TOOLS_SERVER_QUERY_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tools/server/api_error.h"

namespace tledger::server {

// The longest query string accepted (bytes, as received): longer is 414.
inline constexpr size_t kMaxQueryBytes = 2048;

enum class ParamKind : uint8_t {
  kDate,     // Date::Parse, as --as-of, --from, --to
  kInstant,  // ParseInstant, as --known-at
  kId,       // an entity id: 1-128 code points of UTF-8, no control character, no leading or trailing space
  kRule,     // a rule name, any case, as --rule
  kLang,     // vi or en, as --lang
  kCount,    // a decimal whole number from 1 to ParamSpec::max, as --tail
  kBool,     // true or false, as a flag
};

struct ParamSpec {
  std::string_view name;
  ParamKind kind;
  bool required = false;
  uint64_t max = 0;  // kCount: the largest value accepted
};

struct ParsedQuery {
  std::optional<ApiError> error;                       // set: refused, params empty
  std::map<std::string, std::string, std::less<>> params;  // decoded, checked values
  // The value of `name`, or "" when the query does not have it.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const { return params.count(name) > 0; }
};

// Parses `query` (the text after the request target's first '?', as
// received, still percent-encoded; empty for none) against `specs`.
// Accepts name=value pairs joined by '&', each name one of the specs',
// '+' and %XX (hex) decoded; refuses with 400 an empty pair, a missing '=',
// a raw byte outside visible ASCII, a bad escape, an unknown, repeated or
// missing required parameter, or a value not of its kind; with 414 a query
// longer than kMaxQueryBytes.
ParsedQuery ParseQuery(std::string_view query, std::span<const ParamSpec> specs);

// The expected form of a parameter's values in `lang` ("a date,
// YYYY-MM-DD"), as refusals show it.
std::string ExpectedForm(const ParamSpec& spec, Lang lang);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_QUERY_H_
