#include "tools/cli/render_table.h"

#include <algorithm>

#include "core/printable.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/names.h"
#include "tools/cli/shown.h"
#include "tools/cli/text_table.h"

namespace tledger {
namespace {

constexpr std::string_view kIndent = "  ";

TextTable::Column Left(std::string header) { return {std::move(header), TextTable::kLeft}; }
TextTable::Column Right(std::string header) { return {std::move(header), TextTable::kRight}; }

}  // namespace

std::string UnitScopeLine(const RenderScope& scope) {
  std::string unit = scope.unit_name.empty() ? Escaped(scope.unit)
                                             : Tr(kNamedId, scope.lang, Escaped(scope.unit_name), Escaped(scope.unit));
  return Tr(kScopeUnit, scope.lang, unit);
}

namespace {

// The lines under the header that say what the output is narrowed to.
std::string ScopeLines(const RenderScope& scope) {
  std::string out;
  if (!scope.plan.empty()) out += Tr(kScopePlan, scope.lang, scope.plan) + "\n";
  if (!scope.unit.empty()) out += UnitScopeLine(scope) + "\n";
  if (scope.rule) out += Tr(kScopeRule, scope.lang, RuleTitle(*scope.rule, scope.lang)) + "\n";
  if (scope.restate_units) out += Tr(kRestated, scope.lang) + "\n";
  return out;
}

// A titled table, or the title and "(none)" when it has no rows.
std::string Titled(const std::string& title, const TextTable& table, Lang lang) {
  std::string out = "\n" + title + "\n";
  return out + (table.rows() == 0 ? std::string(kIndent) + Tr(kNone, lang) + "\n" : table.Render(kIndent));
}

// A count as a table cell: grouped.
std::string N(int64_t n, Lang lang) { return Number(n, lang); }

// The heading of a plan's section: its title and id, then its decision's
// number and date and its issuer's name.
std::string PlanHeading(const PlanTally& p, Lang lang) {
  const PlanDocument& d = p.document;
  std::string out = d.title.empty() ? Tr(kPlanItem, lang, p.plan) : Tr(kPlanTitle, lang, d.title, p.plan);
  out += "\n";
  out += d.source.empty() ? Tr(kPlanNoSource, lang, DateShown(d.issued, lang))
                          : Tr(kPlanDecision, lang, d.source, DateShown(d.issued, lang));
  if (!d.issuer_name.empty()) out += Tr(kPlanIssuer, lang, d.issuer_name);
  return out + "\n";
}

// A plan's targets, by program, against what its courses did: nothing
// when it sets none.
std::string TargetsSection(const PlanTally& p, Lang lang) {
  if (p.targets.empty()) return "";
  std::vector<TextTable::Column> columns = {Left(MeasureLabel("program", lang))};
  for (const char* m : {"target_trainee_turns", "trainee_turns", "percent_of_target", "target_classes", "classes"}) {
    columns.push_back(Right(MeasureLabel(m, lang)));
  }
  TextTable t(std::move(columns));
  auto target = [&](const std::optional<int64_t>& v) { return v ? N(*v, lang) : "-"; };
  for (const TargetTally& x : p.targets) {
    t.AddRow({Name(x.program, lang), target(x.target_trainee_turns), N(x.trainee_turns, lang),
              Percent(PercentOfTarget(x)), target(x.target_classes), N(x.classes, lang)});
  }
  return "\n" + std::string(kIndent) + Tr(kTargetsTitle, lang) + "\n" + t.Render(kIndent);
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
  for (const char* m : {"quota", "enrolled", "percent_of_quota", "completed", "failed", "in_progress", "withdrawn"}) {
    columns.push_back(Right(MeasureLabel(m, lang)));
  }
  TextTable cells(std::move(columns));
  auto row = [&](std::string program, std::string funding, std::string location, const CellTally& c,
                 std::optional<int64_t> percent) {
    cells.AddRow({std::move(program), std::move(funding), std::move(location), c.quota ? N(*c.quota, lang) : "-",
                  N(c.enrolled, lang), Percent(percent), N(c.completed, lang), N(c.failed, lang),
                  N(c.in_progress, lang), N(c.withdrawn, lang)});
  };
  for (const CellTally& c : p.cells) {
    row(Name(c.program, lang), Name(c.funding_class, lang), Name(c.location, lang), c, PercentOfQuota(c));
  }
  if (p.cells.size() > 1) row(Tr(kTotalRow, lang), "", "", CellsTotal(p.cells), TotalPercentOfQuota(p.cells));
  std::string out = "\n" + PlanHeading(p, lang) + money_text;
  out += cells.rows() == 0 ? std::string(kIndent) + Tr(kNone, lang) + "\n" : "\n" + cells.Render(kIndent);
  return out + TargetsSection(p, lang);
}

std::string GroupSection(const Bilingual& title, const Bilingual& header, const std::vector<GroupTally>& groups,
                         std::string (*name)(std::string_view, Lang), Lang lang) {
  TextTable t({Left(Tr(header, lang)), Right(MeasureLabel("trainee_turns", lang)), Right(MeasureLabel("classes", lang))});
  int64_t turns = 0, classes = 0;
  for (const GroupTally& g : groups) {
    t.AddRow({name(g.key, lang), N(g.trainee_turns, lang), N(g.classes, lang)});
    turns += g.trainee_turns;
    classes += g.classes;
  }
  if (groups.size() > 1) t.AddRow({Tr(kTotalRow, lang), N(turns, lang), N(classes, lang)});
  return Titled(Tr(title, lang), t, lang);
}

// Findings in a list with their kind and rule (diff), one line each.
TextTable FindingRows(const std::vector<Violation>& violations, Lang lang) {
  TextTable t({Left(Tr(kKindHeader, lang)), Left(Tr(kRuleHeader, lang)), Left(Tr(kEventHeader, lang)),
               Left(Tr(kSubjectHeader, lang)), Left(Tr(kDetailHeader, lang))});
  for (const Violation& v : violations) {
    t.AddRow({Name(v.kind, lang), CaseTitle(v.what, lang), v.event, v.subject, FindingText(v, lang)});
  }
  return t;
}

// One kind's findings: a numbered title per rule, then, for each legal
// basis its cases cite (in the order they first appear), the basis and the
// cases. The first mention of an instrument in the output is in full.
std::string KindSection(Kind kind, const std::vector<const Violation*>& found, Lang lang, CitationMemory* cited) {
  std::string out = "\n" + Tr(kKindTitles[static_cast<size_t>(kind)], lang, Number(found.size(), lang)) + "\n";
  if (found.empty()) return out + std::string(kIndent) + Tr(kNone, lang) + "\n";
  int number = 0;
  for (auto begin = found.begin(); begin != found.end();) {
    Rule rule = (*begin)->rule;
    auto end = std::find_if(begin, found.end(), [&](const Violation* v) { return v->rule != rule; });
    // The cases' own title when they share one (a failure: degree or fostering), else the rule's.
    std::string title = CaseTitle((*begin)->what, lang);
    if (std::any_of(begin, end, [&](const Violation* v) { return CaseTitle(v->what, lang) != title; })) {
      title = RuleTitle(rule, lang);
    }
    out += "\n" + Tr(kRuleTitle, lang, ++number, title, Count(end - begin, kCasesNoun, lang)) + "\n";
    // Cases grouped by what they cite.
    std::vector<std::pair<std::string, std::vector<const Violation*>>> by_basis;
    for (auto it = begin; it != end; ++it) {
      std::string key = CitationText(**it, lang, nullptr);
      auto same = std::find_if(by_basis.begin(), by_basis.end(), [&](const auto& g) { return g.first == key; });
      if (same == by_basis.end()) same = by_basis.insert(by_basis.end(), {key, {}});
      same->second.push_back(*it);
    }
    for (const auto& [key, cases] : by_basis) {
      if (!key.empty()) out += Tr(kBasisLine, lang, CitationText(*cases.front(), lang, cited)) + "\n";
      TextTable t({Left(Tr(kEventHeader, lang)), Left(Tr(kSubjectHeader, lang)), Left(Tr(kDetailHeader, lang))});
      for (const Violation* v : cases) t.AddRow({v->event, v->subject, FindingText(*v, lang)});
      out += t.Render(kIndent);
    }
    begin = end;
  }
  return out;
}

// A tally's value in the table: money and counts grouped, "(none)" for no value.
std::string Value(const std::optional<int64_t>& v, std::string_view measure, Lang lang) {
  if (!v) return Tr(kNone, lang);
  return measure.ends_with("_vnd") ? Money(*v, lang) : N(*v, lang);
}

// What a tally change is about: "Kế hoạch HG-2025", "HG-2025 Thạc sĩ / ... / Trong nước", "Cấp: Cấp xã".
std::string Item(const TallyChange& c, Lang lang) {
  switch (c.section) {
    case Section::kPlan: return Tr(kPlanItem, lang, c.plan);
    case Section::kCell: return c.plan + " " + CellName(c.cell->program, c.cell->funding_class, c.cell->location, lang);
    case Section::kLevel: return Tr(kLevelHeader, lang) + ": " + LevelName(c.key, lang);
    case Section::kField: return Tr(kFieldHeader, lang) + ": " + FieldName(c.key, lang);
    case Section::kForm: return Tr(kFormHeader, lang) + ": " + FormName(c.key, lang);
    case Section::kTotal: return Tr(kTotalRow, lang);
  }
  return "";
}

}  // namespace

std::string ReportTable(const Report& report, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::string out = Tr(kReportHeader, lang, DateShown(report.as_of, lang), InstantShown(report.known_at, lang),
                       Count(report.events_counted, kRecordsNoun, lang)) +
                    "\n" + ScopeLines(scope);
  if (report.plans.empty()) out += "\n" + Tr(kNoPlans, lang) + "\n";
  for (const PlanTally& p : report.plans) out += PlanSection(p, lang);
  TextTable levels({Left(Tr(kLevelHeader, lang)), Right(MeasureLabel("trainee_turns", lang)),
                    Right(MeasureLabel("persons", lang))});
  int64_t turns = 0;
  for (const LevelTally& l : report.by_level) {
    levels.AddRow({LevelName(l.level, lang), N(l.trainee_turns, lang), N(l.persons, lang)});
    turns += l.trainee_turns;
  }
  // Persons are counted per level: a total would count twice whoever has
  // trainee-turns at two levels, so the total row leaves them out.
  levels.AddRow({Tr(kTotalRow, lang), N(turns, lang), ""});
  out += Titled(Tr(kByLevelTitle, lang), levels, lang);
  out += GroupSection(kByFieldTitle, kFieldHeader, ByFieldName(report.by_field, lang), &FieldName, lang);
  out += GroupSection(kByFormTitle, kFormHeader, report.by_form, &FormName, lang);
  out += "\n" + MeasureLabel("reimbursement_due_vnd", lang) + ": " + Money(report.reimbursement_due_vnd, lang) + "\n";
  return out;
}

std::string ViolationsTable(const Outcome& outcome, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::vector<const Violation*> by_kind[3];
  for (const Violation& v : outcome.violations) by_kind[static_cast<size_t>(v.kind)].push_back(&v);
  std::string out = Tr(kViolationsHeader, lang, DateShown(outcome.report.as_of, lang),
                       InstantShown(outcome.report.known_at, lang), Count(by_kind[0].size(), kViolationsNoun, lang),
                       Count(by_kind[1].size(), kWarningsNoun, lang), Count(by_kind[2].size(), kDataQualityNoun, lang)) +
                    "\n" + ScopeLines(scope);
  if (outcome.violations.empty()) return out + "\n" + Tr(kNoFindings, lang) + "\n";
  CitationMemory cited;
  for (Kind kind : kAllKinds) out += KindSection(kind, by_kind[static_cast<size_t>(kind)], lang, &cited);
  return out;
}

std::string DiffTable(const ReportDiff& diff, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::string out = Tr(kDiffHeader, lang, DateShown(diff.from, lang), DateShown(diff.to, lang),
                       InstantShown(diff.known_at, lang)) +
                    "\n" + ScopeLines(scope);
  TextTable changes({Left(Tr(kItemHeader, lang)), Left(Tr(kMeasureHeader, lang)), Right(Tr(kFromHeader, lang)),
                     Right(Tr(kToHeader, lang))});
  for (const TallyChange& c : diff.changes) {
    changes.AddRow({Item(c, lang), MeasureLabel(c.measure, lang), Value(c.from, c.measure, lang), Value(c.to, c.measure, lang)});
  }
  out += "\n" + Tr(kTalliesChanged, lang) + "\n" +
         (changes.rows() == 0 ? std::string(kIndent) + Tr(kNoTallyChange, lang) + "\n" : changes.Render(kIndent));
  out += Titled(Tr(kAppearedTitle, lang, Number(static_cast<int64_t>(diff.appeared.size()), lang)), FindingRows(diff.appeared, lang), lang);
  out += Titled(Tr(kClearedTitle, lang, Number(static_cast<int64_t>(diff.cleared.size()), lang)), FindingRows(diff.cleared, lang), lang);
  return out;
}

}  // namespace tledger
