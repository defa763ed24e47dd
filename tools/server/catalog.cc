#include "tools/server/catalog.h"

#include <nlohmann/json.hpp>

#include "projections/rulebook.h"
#include "tools/cli/labels.h"
#include "tools/cli/names.h"
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
      {"no_violations", kNoFindings},   {"event_header", kEventHeader},
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

  // Each rule's title and the kind of its first case (FAILED's cases differ:
  // a failed fostering course is a warning; each finding's own `kind` and
  // `severity` in the violations JSON are what counts).
  Json rules = Json::object();
  for (Rule r : kAllRules) {
    Kind kind = Kind::kViolation;
    for (int c = 0; c <= static_cast<int>(Case::kDistrictEnded); ++c) {
      if (RuleOf(static_cast<Case>(c)) == r) {
        kind = KindOf(static_cast<Case>(c));
        break;
      }
    }
    rules[std::string(RuleName(r))] = {{"vi", RuleTitle(r, Lang::kVi)},
                                       {"en", RuleTitle(r, Lang::kEn)},
                                       {"severity", SeverityName(kind)},
                                       {"kind", KindName(kind)},
                                       {"severity_label", {{"vi", Name(kind, Lang::kVi)}, {"en", Name(kind, Lang::kEn)}}}};
  }
  Json kinds = Json::object();
  for (Kind k : kAllKinds) kinds[std::string(KindName(k))] = {{"vi", Name(k, Lang::kVi)}, {"en", Name(k, Lang::kEn)}};

  struct NamedNoun {
    const char* key;
    const Noun& noun;
  };
  const NamedNoun nouns[] = {{"events", kRecordsNoun},   {"violations", kViolationsNoun}, {"errors", kViolationsNoun},
                             {"warnings", kWarningsNoun}, {"data_quality", kDataQualityNoun},
                             {"cases", kCasesNoun},       {"batches", kBatchesNoun}};
  Json noun_json = Json::object();
  for (const NamedNoun& n : nouns) noun_json[n.key] = {{"vi", n.noun.vi}, {"en_one", n.noun.en_one}, {"en_many", n.noun.en_many}};

  return JsonText(Json{{"texts", std::move(text_json)},
                       {"measures", std::move(measures)},
                       {"rules", std::move(rules)},
                       {"kinds", std::move(kinds)},
                       {"nouns", std::move(noun_json)}});
}

}  // namespace tledger::server
