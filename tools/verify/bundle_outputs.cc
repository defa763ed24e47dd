#include "tools/verify/bundle_outputs.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/printable.h"
#include "projections/evaluate.h"
#include "projections/replay.h"
#include "projections/resolved.h"
#include "tools/cli/render.h"

namespace tledger {
namespace {

constexpr size_t kShown = 120;  // code points of a differing line shown

// The first line where `bundled` and `recomputed` differ, named.
std::optional<Disagreement> Compare(Disagreeing what, std::string_view name, std::string_view bundled,
                                    std::string_view recomputed) {
  if (bundled == recomputed) return std::nullopt;
  size_t line = 1, at = 0;
  while (true) {
    size_t b_end = bundled.find('\n', at), r_end = recomputed.find('\n', at);
    std::string_view b = bundled.substr(at, b_end == std::string_view::npos ? std::string_view::npos : b_end - at);
    std::string_view r = recomputed.substr(at, r_end == std::string_view::npos ? std::string_view::npos : r_end - at);
    if (b != r || b_end == std::string_view::npos || r_end == std::string_view::npos) {
      return Disagreement{what, fmt::format("the {} differs at line {}: the bundle has \"{}\", the events give \"{}\"",
                                            name, line, Abbreviated(b, kShown), Abbreviated(r, kShown))};
    }
    at = b_end + 1;
    ++line;
  }
}

}  // namespace

std::optional<Disagreement> CompareOutputs(const EventSource& events, const bundle::Statement& s,
                                           std::string_view report, std::string_view violations, size_t* count) {
  Result<Timeline> timeline = Replay(events, s.known_at);
  if (!timeline.ok()) return Disagreement{Disagreeing::kEvent, timeline.status().message()};
  Resolved resolved = Resolve(*timeline);
  const std::string plan = s.plan.value_or("");
  Outcome o = Evaluate(resolved, EvaluateOptions{.as_of = s.as_of, .known_at = s.known_at, .plan = plan});
  RenderScope scope{.plan = plan, .lang = s.lang == "en" ? Lang::kEn : Lang::kVi};
  *count = o.violations.size();
  if (auto d = Compare(Disagreeing::kReport, "report", report, RenderReport(o.report, scope, Format::kJson))) return d;
  return Compare(Disagreeing::kViolations, "violations", violations, RenderViolations(o, scope, Format::kJson));
}

std::optional<Disagreement> CheckFinding(const bundle::Bundle& b, const bundle::Statement& s, BundleFacts* facts) {
  using Json = nlohmann::json;
  Json doc = Json::parse(b.violations.begin(), b.violations.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("violations") || !doc["violations"].is_array()) {
    return Disagreement{Disagreeing::kViolations, "the bundled violations are not `violations --format json`'s output"};
  }
  facts->violations = doc["violations"].size();
  EventDecoder decoder;
  for (const Json& v : doc["violations"]) {
    if (!v.is_object() || !v.contains("event") || v["event"] != *s.evidence) continue;
    const std::string rule = v.contains("rule") && v["rule"].is_string() ? v["rule"].get<std::string>() : "?";
    const uint64_t seq = v.contains("seq") && v["seq"].is_number_unsigned() ? v["seq"].get<uint64_t>() : 0;
    const bundle::EvidenceEvent* held = nullptr;
    for (const bundle::EvidenceEvent& e : b.evidence) {
      if (e.seq == seq) held = &e;
    }
    if (held == nullptr) {
      return Disagreement{Disagreeing::kViolations,
                          fmt::format("the finding {} names seq {} as its evidence, and the bundle does not hold it",
                                      Quoted(rule), seq)};
    }
    Result<schema::Event::Reader> ev = decoder.Decode(held->bytes);
    std::string id = ev.ok() ? std::string(ev->getId().cStr()) : "";
    if (id != *s.evidence) {
      return Disagreement{Disagreeing::kViolations,
                          fmt::format("the finding {} names seq {} as the evidence {}, and that event is {}",
                                      Quoted(rule), seq, Quoted(*s.evidence), Quoted(id))};
    }
    facts->evidence_rules.push_back(rule);
  }
  if (facts->evidence_rules.empty()) {
    return Disagreement{Disagreeing::kViolations,
                        fmt::format("the bundled violations hold no finding whose evidence is {}", Quoted(*s.evidence))};
  }
  return std::nullopt;
}

}  // namespace tledger
