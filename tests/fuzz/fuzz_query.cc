// The query-string parser of `tledger serve` (tools/server/query.h) on
// arbitrary bytes, against the specs of the API's busiest endpoints. Every
// accepted query holds only known, checked, unrepeated parameters; every
// refusal is a 400 or 414 whose Vietnamese and English messages are
// non-empty, and whose error body is valid UTF-8 JSON with no control
// character (what the client receives).
#include <cstddef>
#include <cstdint>
#include <string>

#include <simdjson.h>

#include "core/date.h"
#include "tests/fuzz/fuzz_util.h"
#include "tools/server/query.h"

namespace {

using tledger::server::ParamKind;
using tledger::server::ParamSpec;

constexpr ParamSpec kSpecs[] = {{"as_of", ParamKind::kDate},
                                {"known_at", ParamKind::kInstant},
                                {"plan", ParamKind::kId},
                                {"id", ParamKind::kId},
                                {"rule", ParamKind::kRule},
                                {"lang", ParamKind::kLang},
                                {"tail", ParamKind::kCount, false, 1000},
                                {"restate_units", ParamKind::kBool},
                                {"from", ParamKind::kDate, true}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tledger;
  std::string_view query(reinterpret_cast<const char*>(data), size);
  server::ParsedQuery q = server::ParseQuery(query, kSpecs);
  if (q.error) {
    fuzz::Check(q.error->status == 400 || q.error->status == 414, "a refusal is not 400 or 414",
                std::to_string(q.error->status));
    fuzz::Check(!q.error->vi.empty() && !q.error->en.empty(), "a refusal without its message");
    fuzz::Check(q.params.empty(), "a refused query keeps parameters");
    std::string body = server::ErrorBody(*q.error);
    fuzz::Check(simdjson::validate_utf8(body.data(), body.size()), "an error body is not UTF-8", body);
    for (unsigned char c : body.substr(0, body.size() - 1)) {
      fuzz::Check(c >= 0x20 && c != 0x7f, "an error body holds a control character", body);
    }
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    fuzz::Check(parser.parse(body).get(doc) == simdjson::SUCCESS, "an error body is not JSON", body);
    return 0;
  }
  fuzz::Check(query.size() <= server::kMaxQueryBytes, "an overlong query was accepted");
  fuzz::Check(q.Has("from"), "a query without its required parameter was accepted");
  for (const auto& [name, value] : q.params) {
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : kSpecs) {
      if (s.name == name) spec = &s;
    }
    fuzz::Check(spec != nullptr, "an unknown parameter was accepted", name);
    switch (spec->kind) {
      case ParamKind::kDate: fuzz::Check(Date::Parse(value).ok(), "a bad date was accepted", value); break;
      case ParamKind::kInstant: fuzz::Check(ParseInstant(value).ok(), "a bad instant was accepted", value); break;
      case ParamKind::kId:
        fuzz::Check(!value.empty() && value.size() <= 4 * 128 && simdjson::validate_utf8(value.data(), value.size()),
                    "a bad id was accepted", value);
        for (unsigned char c : value) fuzz::Check(c >= 0x20 && c != 0x7f, "an id with a control character", value);
        break;
      case ParamKind::kLang: fuzz::Check(value == "vi" || value == "en", "a bad language was accepted", value); break;
      case ParamKind::kBool: fuzz::Check(value == "true" || value == "false", "a bad flag was accepted", value); break;
      case ParamKind::kCount: {
        fuzz::Check(!value.empty() && value.size() <= 19, "a bad count was accepted", value);
        unsigned long long n = std::stoull(value);
        fuzz::Check(n >= 1 && n <= 1000, "a count out of range was accepted", value);
        break;
      }
      case ParamKind::kRule: fuzz::Check(!value.empty() && value.size() <= 64, "a bad rule was accepted", value); break;
    }
  }
  return 0;
}
