#include "tools/cli/render_json.h"

#include "core/printable.h"
#include "projections/rules/rules.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Groups(const std::vector<GroupTally>& groups, const char* key) {
  Json out = Json::array();
  for (const GroupTally& g : groups) out.push_back({{key, g.key}, {"trainee_turns", g.trainee_turns}, {"classes", g.classes}});
  return out;
}

Json Violations(const std::vector<Violation>& violations, Lang lang) {
  Json out = Json::array();
  for (const Violation& v : violations) out.push_back(ViolationValue(v, lang));
  return out;
}

Json Change(const TallyChange& c) {
  Json out = {{"section", SectionName(c.section)}};
  switch (c.section) {
    case Section::kCell:
      out["plan"] = c.plan;
      out["program"] = ProgramName(c.cell->program);
      out["funding_class"] = ClassName(c.cell->funding_class);
      out["location"] = LocationName(c.cell->location);
      break;
    case Section::kPlan: out["plan"] = c.plan; break;
    case Section::kLevel: out["level"] = c.key; break;
    case Section::kField: out["field"] = c.key; break;
    case Section::kForm: out["form"] = c.key; break;
    case Section::kTotal: break;
  }
  out["measure"] = c.measure;
  out["from"] = Nullable(c.from);
  out["to"] = Nullable(c.to);
  return out;
}

}  // namespace

std::string JsonText(const nlohmann::ordered_json& value) {
  return EscapedJson(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

Json ViolationValue(const Violation& v, Lang lang) {
  return {{"rule", RuleName(v.rule)},
          {"severity", Severity(v.rule)},
          {"event", v.event},
          {"subject", v.subject},
          {"detail", Detail(v, lang)},
          {"seq", v.seq},
          {"rulebook", Info(v.rulebook).code},
          {"enrollment", Nullable(v.enrollment)},
          {"amount_vnd", Nullable(v.amount_vnd)}};
}

std::string ReportJson(const Report& report, const RenderScope& scope) {
  Json plans = Json::array();
  for (const PlanTally& p : report.plans) {
    Json cells = Json::array();
    for (const CellTally& c : p.cells) {
      cells.push_back({{"program", ProgramName(c.program)},
                       {"funding_class", ClassName(c.funding_class)},
                       {"location", LocationName(c.location)},
                       {"quota", Nullable(c.quota)},
                       {"enrolled", c.enrolled},
                       {"completed", c.completed},
                       {"failed", c.failed},
                       {"in_progress", c.in_progress},
                       {"withdrawn", c.withdrawn}});
    }
    plans.push_back({{"plan", p.plan},
                     {"budget_vnd", p.budget_vnd},
                     {"public_funding_vnd", p.public_funding_vnd},
                     {"remaining_vnd", p.remaining_vnd},
                     {"cells", std::move(cells)}});
  }
  Json levels = Json::array();
  for (const LevelTally& l : report.by_level) {
    levels.push_back({{"level", l.level}, {"trainee_turns", l.trainee_turns}, {"persons", l.persons}});
  }
  Json out = {{"as_of", report.as_of.ToString()},
              {"known_at", FormatInstant(report.known_at)},
              {"events_counted", report.events_counted},
              {"plans", std::move(plans)},
              {"by_level", std::move(levels)},
              {"by_field", Groups(report.by_field, "field")},
              {"by_form", Groups(report.by_form, "form")},
              {"reimbursement_due_vnd", report.reimbursement_due_vnd},
              {"plan", Nullable(scope.plan)},
              {"restate_units", scope.restate_units}};
  return JsonText(out);
}

std::string ViolationsJson(const Outcome& outcome, const RenderScope& scope) {
  Json out = {{"as_of", outcome.report.as_of.ToString()},
              {"known_at", FormatInstant(outcome.report.known_at)},
              {"violations", Violations(outcome.violations, scope.lang)},
              {"plan", Nullable(scope.plan)},
              {"rule", Nullable(scope.rule)}};
  return JsonText(out);
}

std::string DiffJson(const ReportDiff& diff, const RenderScope& scope) {
  Json changes = Json::array();
  for (const TallyChange& c : diff.changes) changes.push_back(Change(c));
  Json out = {{"from", diff.from.ToString()},
              {"to", diff.to.ToString()},
              {"known_at", FormatInstant(diff.known_at)},
              {"changes", std::move(changes)},
              {"appeared", Violations(diff.appeared, scope.lang)},
              {"cleared", Violations(diff.cleared, scope.lang)},
              {"plan", Nullable(scope.plan)},
              {"restate_units", scope.restate_units}};
  return JsonText(out);
}

}  // namespace tledger
