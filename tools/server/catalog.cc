#include "tools/server/catalog.h"

#include <nlohmann/json.hpp>

#include "tools/cli/labels.h"
#include "tools/cli/render_json.h"

namespace tledger::server {
namespace {

using Json = nlohmann::ordered_json;

Json Both(const Bilingual& b) { return {{"vi", b.vi}, {"en", b.en}}; }

}  // namespace

std::string CatalogJson() {
  struct Named {
    const char* key;
    const Bilingual& text;
  };
  const Named texts[] = {
      {"report_header", kReportHeader},   {"violations_header", kViolationsHeader},
      {"diff_header", kDiffHeader},       {"scope_plan", kScopePlan},
      {"scope_rule", kScopeRule},         {"restated", kRestated},
      {"plan_title", kPlanTitle},         {"by_level_title", kByLevelTitle},
      {"by_field_title", kByFieldTitle},  {"by_form_title", kByFormTitle},
      {"no_plans", kNoPlans},             {"none", kNone},
      {"level_header", kLevelHeader},     {"field_header", kFieldHeader},
      {"form_header", kFormHeader},       {"rule_title", kRuleTitle},
      {"no_violations", kNoViolations},   {"event_header", kEventHeader},
      {"subject_header", kSubjectHeader}, {"detail_header", kDetailHeader},
      {"tallies_changed", kTalliesChanged}, {"no_tally_change", kNoTallyChange},
      {"item_header", kItemHeader},       {"measure_header", kMeasureHeader},
      {"from_header", kFromHeader},       {"to_header", kToHeader},
      {"appeared_title", kAppearedTitle}, {"cleared_title", kClearedTitle},
      {"rule_header", kRuleHeader},       {"batches_header", kBatchesHeader},
      {"recorded_at_header", kRecordedAtHeader}, {"first_seq_header", kFirstSeqHeader},
      {"last_seq_header", kLastSeqHeader}, {"recorded_by_header", kRecordedByHeader},
  };
  Json text_json = Json::object();
  for (const Named& n : texts) text_json[n.key] = Both(n.text);

  // The report's JSON keys whose column headers the tables name.
  static constexpr const char* kMeasures[] = {
      "program",    "funding_class",      "location",      "quota",         "enrolled", "completed",
      "failed",     "in_progress",        "withdrawn",     "budget_vnd",    "public_funding_vnd",
      "remaining_vnd", "trainee_turns",   "persons",       "classes",       "reimbursement_due_vnd", "events"};
  Json measures = Json::object();
  for (const char* m : kMeasures) measures[m] = {{"vi", MeasureLabel(m, Lang::kVi)}, {"en", MeasureLabel(m, Lang::kEn)}};

  Json rules = Json::object();
  for (Rule r : kAllRules) {
    rules[std::string(RuleName(r))] = {{"vi", RuleDescription(r, Lang::kVi)},
                                       {"en", RuleDescription(r, Lang::kEn)},
                                       {"severity", Severity(r)},
                                       {"severity_label", {{"vi", SeverityLabel(r, Lang::kVi)}, {"en", SeverityLabel(r, Lang::kEn)}}}};
  }

  struct NamedNoun {
    const char* key;
    const Noun& noun;
  };
  const NamedNoun nouns[] = {{"events", kEventsNoun},     {"violations", kViolationsNoun}, {"errors", kErrorsNoun},
                             {"warnings", kWarningsNoun}, {"cases", kCasesNoun},           {"batches", kBatchesNoun}};
  Json noun_json = Json::object();
  for (const NamedNoun& n : nouns) noun_json[n.key] = {{"vi", n.noun.vi}, {"en_one", n.noun.en_one}, {"en_many", n.noun.en_many}};

  return JsonText(Json{{"texts", std::move(text_json)},
                       {"measures", std::move(measures)},
                       {"rules", std::move(rules)},
                       {"nouns", std::move(noun_json)}});
}

}  // namespace tledger::server
