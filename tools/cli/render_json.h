// JSON renderings (shared/spec/rules.md, "JSON output"): the spec's keys in
// its order, then extras (tools/cli/REPORTS.md). Interchange snake_case names
// for every enumeration; `null` for a quota or value that is not set.
#ifndef TLEDGER_TOOLS_CLI_RENDER_JSON_H_
#define TLEDGER_TOOLS_CLI_RENDER_JSON_H_

#include <string>

#include <nlohmann/json.hpp>

#include "tools/cli/render.h"

namespace tledger {

std::string ReportJson(const Report& report, const RenderScope& scope);
std::string ViolationsJson(const Outcome& outcome, const RenderScope& scope);
std::string DiffJson(const ReportDiff& diff, const RenderScope& scope);

// One violation: rule, severity, event, subject, detail (in the scope's
// language), then seq, rulebook, enrollment and amount_vnd.
nlohmann::ordered_json ViolationValue(const Violation& v, Lang lang);
// A finding's legal basis: the first (obligation) provision's parts on top,
// every provision in `provisions`, the whole citation in both forms; null
// when it has none.
nlohmann::ordered_json BasisValue(const Violation& v, Lang lang);
// A JSON document as the commands print it: indented by two, UTF-8 kept,
// ending in a newline.
std::string JsonText(const nlohmann::ordered_json& value);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_RENDER_JSON_H_
