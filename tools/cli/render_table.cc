#include "tools/cli/render_table.h"

#include "projections/rules/rules.h"
#include "tools/cli/text_table.h"

namespace tledger {
namespace {

constexpr std::string_view kIndent = "  ";

TextTable::Column Left(std::string header) { return {std::move(header), TextTable::kLeft}; }
TextTable::Column Right(std::string header) { return {std::move(header), TextTable::kRight}; }

// The lines under the header that say what the output is narrowed to.
std::string ScopeLines(const RenderScope& scope) {
  std::string out;
  if (!scope.plan.empty()) out += Tr(kScopePlan, scope.lang, scope.plan) + "\n";
  if (!scope.rule.empty()) out += Tr(kScopeRule, scope.lang, scope.rule) + "\n";
  if (scope.restate_units) out += Tr(kRestated, scope.lang) + "\n";
  return out;
}

// A titled table, or the title and "(none)" when it has no rows.
std::string Titled(const std::string& title, const TextTable& table, Lang lang) {
  std::string out = "\n" + title + "\n";
  return out + (table.rows() == 0 ? std::string(kIndent) + Tr(kNone, lang) + "\n" : table.Render(kIndent));
}

std::string PlanSection(const PlanTally& p, Lang lang) {
  TextTable money({Left(""), Right("")});
  for (auto [measure, value] : {std::pair{"budget_vnd", p.budget_vnd}, std::pair{"public_funding_vnd", p.public_funding_vnd},
                                std::pair{"remaining_vnd", p.remaining_vnd}}) {
    money.AddRow({MeasureLabel(measure, lang), Money(value, lang)});
  }
  // The money block has no header line: drop it.
  std::string money_text = money.Render(kIndent);
  money_text.erase(0, money_text.find('\n') + 1);
  std::vector<TextTable::Column> columns = {Left(MeasureLabel("program", lang)), Left(MeasureLabel("funding_class", lang)),
                                            Left(MeasureLabel("location", lang))};
  for (const char* m : {"quota", "enrolled", "completed", "failed", "in_progress", "withdrawn"}) {
    columns.push_back(Right(MeasureLabel(m, lang)));
  }
  TextTable cells(std::move(columns));
  for (const CellTally& c : p.cells) {
    cells.AddRow({ProgramName(c.program), ClassName(c.funding_class), LocationName(c.location),
                  c.quota ? std::to_string(*c.quota) : "-", std::to_string(c.enrolled), std::to_string(c.completed),
                  std::to_string(c.failed), std::to_string(c.in_progress), std::to_string(c.withdrawn)});
  }
  std::string out = "\n" + Tr(kPlanTitle, lang, p.plan) + "\n" + money_text;
  return out + (cells.rows() == 0 ? std::string(kIndent) + Tr(kNone, lang) + "\n" : "\n" + cells.Render(kIndent));
}

std::string GroupSection(const Bilingual& title, const Bilingual& header, const std::vector<GroupTally>& groups, Lang lang) {
  TextTable t({Left(Tr(header, lang)), Right(MeasureLabel("trainee_turns", lang)), Right(MeasureLabel("classes", lang))});
  for (const GroupTally& g : groups) t.AddRow({g.key, std::to_string(g.trainee_turns), std::to_string(g.classes)});
  return Titled(Tr(title, lang), t, lang);
}

// A violation list with the rule, or grouped under rule titles.
TextTable ViolationRows(const std::vector<Violation>& violations, Lang lang, bool with_rule) {
  std::vector<TextTable::Column> columns;
  if (with_rule) columns.push_back(Left(Tr(kRuleHeader, lang)));
  columns.insert(columns.end(), {Left(Tr(kEventHeader, lang)), Left(Tr(kSubjectHeader, lang)), Left(Tr(kDetailHeader, lang))});
  TextTable t(std::move(columns));
  for (const Violation& v : violations) {
    std::vector<std::string> row;
    if (with_rule) row.emplace_back(RuleName(v.rule));
    row.insert(row.end(), {v.event, v.subject, Detail(v, lang)});
    t.AddRow(std::move(row));
  }
  return t;
}

// A tally's value in the table: money grouped, counts plain, "(none)" for no value.
std::string Value(const std::optional<int64_t>& v, std::string_view measure, Lang lang) {
  if (!v) return Tr(kNone, lang);
  return measure.ends_with("_vnd") ? Money(*v, lang) : std::to_string(*v);
}

// What a tally change is about: "Kế hoạch HG-2025", "HG-2025 master/public/domestic", "Cấp: district".
std::string Item(const TallyChange& c, Lang lang) {
  switch (c.section) {
    case Section::kPlan: return Tr(kPlanTitle, lang, c.plan);
    case Section::kCell: return c.plan + " " + CellName(c.cell->program, c.cell->funding_class, c.cell->location);
    case Section::kLevel: return Tr(kLevelHeader, lang) + ": " + c.key;
    case Section::kField: return Tr(kFieldHeader, lang) + ": " + c.key;
    case Section::kForm: return Tr(kFormHeader, lang) + ": " + c.key;
    case Section::kTotal: return "";
  }
  return "";
}

}  // namespace

std::string ReportTable(const Report& report, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::string out = Tr(kReportHeader, lang, report.as_of.ToString(), FormatInstant(report.known_at),
                           Count(report.events_counted, kEventsNoun, lang)) + "\n" + ScopeLines(scope);
  if (report.plans.empty()) out += "\n" + Tr(kNoPlans, lang) + "\n";
  for (const PlanTally& p : report.plans) out += PlanSection(p, lang);
  TextTable levels({Left(Tr(kLevelHeader, lang)), Right(MeasureLabel("trainee_turns", lang)), Right(MeasureLabel("persons", lang))});
  for (const LevelTally& l : report.by_level) levels.AddRow({l.level, std::to_string(l.trainee_turns), std::to_string(l.persons)});
  out += Titled(Tr(kByLevelTitle, lang), levels, lang);
  out += GroupSection(kByFieldTitle, kFieldHeader, report.by_field, lang);
  out += GroupSection(kByFormTitle, kFormHeader, report.by_form, lang);
  out += "\n" + MeasureLabel("reimbursement_due_vnd", lang) + ": " + Money(report.reimbursement_due_vnd, lang) + "\n";
  return out;
}

std::string ViolationsTable(const Outcome& outcome, const RenderScope& scope) {
  Lang lang = scope.lang;
  const std::vector<Violation>& all = outcome.violations;
  size_t warnings = std::count_if(all.begin(), all.end(), [](const Violation& v) { return Severity(v.rule) == "warning"; });
  std::string out = Tr(kViolationsHeader, lang, outcome.report.as_of.ToString(), FormatInstant(outcome.report.known_at),
                           Count(all.size(), kViolationsNoun, lang), Count(all.size() - warnings, kErrorsNoun, lang),
                       Count(warnings, kWarningsNoun, lang)) + "\n" + ScopeLines(scope);
  if (all.empty()) return out + "\n" + Tr(kNoViolations, lang) + "\n";
  // Violations come in rule order: one titled table per rule.
  for (auto begin = all.begin(); begin != all.end();) {
    auto end = std::find_if(begin, all.end(), [&](const Violation& v) { return v.rule != begin->rule; });
    std::vector<Violation> group(begin, end);
    out += "\n" + Tr(kRuleTitle, lang, RuleName(begin->rule), RuleDescription(begin->rule, lang),
                         SeverityLabel(begin->rule, lang), Count(group.size(), kCasesNoun, lang)) + "\n";
    out += ViolationRows(group, lang, false).Render(kIndent);
    begin = end;
  }
  return out;
}

std::string DiffTable(const ReportDiff& diff, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::string out = Tr(kDiffHeader, lang, diff.from.ToString(), diff.to.ToString(), FormatInstant(diff.known_at)) + "\n" +
                    ScopeLines(scope);
  TextTable changes({Left(Tr(kItemHeader, lang)), Left(Tr(kMeasureHeader, lang)), Right(Tr(kFromHeader, lang)),
                     Right(Tr(kToHeader, lang))});
  for (const TallyChange& c : diff.changes) {
    changes.AddRow({Item(c, lang), MeasureLabel(c.measure, lang), Value(c.from, c.measure, lang), Value(c.to, c.measure, lang)});
  }
  out += "\n" + Tr(kTalliesChanged, lang) + "\n" +
         (changes.rows() == 0 ? std::string(kIndent) + Tr(kNoTallyChange, lang) + "\n" : changes.Render(kIndent));
  out += Titled(Tr(kAppearedTitle, lang, diff.appeared.size()), ViolationRows(diff.appeared, lang, true), lang);
  out += Titled(Tr(kClearedTitle, lang, diff.cleared.size()), ViolationRows(diff.cleared, lang, true), lang);
  return out;
}

}  // namespace tledger
