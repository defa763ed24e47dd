#include "tools/cli/render_json.h"

#include <algorithm>

#include "core/printable.h"
#include "core/schema_info.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/names.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

Json Nullable(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json Document(const PlanDocument& d) {
  return {{"plan", d.plan},          {"title", d.title},   {"source", Nullable(d.source)},
          {"issued", d.issued.ToString()}, {"issuer", d.issuer}, {"issuer_name", Nullable(d.issuer_name)}};
}

// A finding's typed arguments: ids as recorded, codes, ISO dates, integers.
Json Params(const FindingArgs& args) {
  Json out = Json::object();
  ForEachArg(args, [&](std::string_view name, const ArgValue& value) {
    out[std::string(name)] = std::visit(
        [](const auto& x) -> Json {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, int64_t>) {
            return x;
          } else if constexpr (std::is_same_v<T, Date>) {
            return x.ToString();
          } else if constexpr (std::is_same_v<T, Vnd>) {
            return x.vnd;
          } else if constexpr (std::is_same_v<T, EventType>) {
            const TypeInfo* t = EventSchema::Get().TypeOf(x.which);
            return t != nullptr ? Json(t->name) : Json(x.which);
          } else if constexpr (std::is_same_v<T, PlanDocument>) {
            return Document(x);
          } else {
            return CodeName(x);
          }
        },
        value);
  });
  return out;
}


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

Json BasisValue(const Violation& v, Lang lang) {
  std::vector<CitationPart> parts = CitationParts(v, lang);
  if (parts.empty()) return nullptr;
  auto number = [](int n) { return n != 0 ? Json(n) : Json(nullptr); };
  auto point = [](char c) { return c != '\0' ? Json(std::string(1, c)) : Json(nullptr); };
  Json provisions = Json::array();
  for (const CitationPart& p : parts) {
    provisions.push_back({{"instrument", p.instrument},
                          {"article", number(p.article)},
                          {"clause", number(p.clause)},
                          {"point", point(p.point)},
                          {"role", p.role},
                          {"confidence", p.confidence},
                          {"citation", p.citation},
                          {"quote", Nullable(p.quote)}});
  }
  CitationMemory first;
  return {{"instrument", parts[0].instrument},
          {"article", number(parts[0].article)},
          {"clause", number(parts[0].clause)},
          {"point", point(parts[0].point)},
          {"confidence", parts[0].confidence},
          {"citation", CitationText(v, lang, nullptr)},
          {"citation_full", CitationText(v, lang, &first)},
          {"provisions", std::move(provisions)}};
}

std::string JsonText(const nlohmann::ordered_json& value) {
  return EscapedJson(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

Json ViolationValue(const Violation& v, Lang lang) {
  return {{"rule", RuleName(v.rule)},
          {"severity", SeverityName(v.kind)},
          {"event", v.event},
          {"subject", v.subject},
          {"detail", FindingText(v, lang)},
          {"kind", KindName(v.kind)},
          {"basis", BasisValue(v, lang)},
          {"params", Params(v.args)},
          {"seq", v.seq},
          {"rulebook", Info(v.rulebook).code},
          {"enrollment", Nullable(v.enrollment)},
          {"amount_vnd", Nullable(v.amount_vnd)},
          {"repaid_vnd", Nullable(v.args.repaid_vnd)},
          {"outstanding_vnd", Nullable(v.args.outstanding_vnd)}};
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
                       {"withdrawn", c.withdrawn},
                       {"percent_of_quota", Nullable(PercentOfQuota(c))}});
    }
    CellTally total = CellsTotal(p.cells);
    Json targets = Json::array();
    for (const TargetTally& t : p.targets) {
      targets.push_back({{"program", ProgramName(t.program)},
                         {"target_trainee_turns", Nullable(t.target_trainee_turns)},
                         {"target_classes", Nullable(t.target_classes)},
                         {"trainee_turns", t.trainee_turns},
                         {"classes", t.classes},
                         {"percent_of_target", Nullable(PercentOfTarget(t))}});
    }
    plans.push_back({{"plan", p.plan},
                     {"budget_vnd", p.budget_vnd},
                     {"public_funding_vnd", p.public_funding_vnd},
                     {"remaining_vnd", p.remaining_vnd},
                     {"cells", std::move(cells)},
                     {"totals",
                      {{"quota", Nullable(total.quota)},
                       {"enrolled", total.enrolled},
                       {"completed", total.completed},
                       {"failed", total.failed},
                       {"in_progress", total.in_progress},
                       {"withdrawn", total.withdrawn},
                       {"percent_of_quota", Nullable(TotalPercentOfQuota(p.cells))}}},
                     {"targets", std::move(targets)},
                     {"document", Document(p.document)}});
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
  if (!scope.unit.empty()) out["unit"] = scope.unit;  // report --unit only: the key is absent otherwise
  return JsonText(out);
}

std::string ViolationsJson(const Outcome& outcome, const RenderScope& scope) {
  Json counts = Json::object();
  for (Kind k : kAllKinds) {
    counts[std::string(KindName(k))] =
        std::count_if(outcome.violations.begin(), outcome.violations.end(), [&](const Violation& v) { return v.kind == k; });
  }
  Json out = {{"as_of", outcome.report.as_of.ToString()},
              {"known_at", FormatInstant(outcome.report.known_at)},
              {"violations", Violations(outcome.violations, scope.lang)},
              {"counts", std::move(counts)},
              {"plan", Nullable(scope.plan)},
              {"rule", scope.rule ? Json(RuleName(*scope.rule)) : Json(nullptr)}};
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
