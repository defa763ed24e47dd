#include "tools/cli/render_csv.h"

#include "core/printable.h"
#include "projections/rules/rules.h"

namespace tledger {
namespace {

bool IsInteger(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// One cell, as RFC 4180 quotes it. Text that a spreadsheet would read as a
// formula (=, +, -, @, a tab or a carriage return first) gets a leading
// apostrophe, which Excel and LibreOffice show as text; integers (money can
// be negative) are left as they are. Control and bidi characters are
// escaped (core/printable.h): the cell is shown, never obeyed.
std::string Field(std::string_view raw) {
  std::string s = Escaped(raw);
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !IsInteger(s)) {
    s.insert(0, 1, '\'');
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Number(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

// Rows of one layout, each completed with the columns every row carries.
class Rows {
 public:
  Rows(std::vector<std::string> header, std::vector<std::string> tail) : width_(header.size()), tail_(std::move(tail)) {
    out_ = CsvLine(header);
  }
  // `fields` by column index; unnamed columns stay empty.
  void Add(std::vector<std::pair<size_t, std::string>> fields) {
    std::vector<std::string> row(width_ - tail_.size());
    for (auto& [column, value] : fields) row.at(column) = std::move(value);
    row.insert(row.end(), tail_.begin(), tail_.end());
    out_ += CsvLine(row);
  }
  std::string Take() { return std::move(out_); }

 private:
  size_t width_;
  std::vector<std::string> tail_;
  std::string out_;
};

// The report layout's columns.
enum ReportColumn : size_t {
  kSection, kPlan, kProgram, kFundingClass, kLocation, kQuota, kEnrolled, kCompleted, kFailed, kInProgress,
  kWithdrawn, kKey, kTraineeTurns, kPersons, kClasses, kValue,
};

// The violation columns, from `first` on: rule, severity, event, subject,
// rulebook, detail, enrollment, amount_vnd, seq.
std::vector<std::pair<size_t, std::string>> ViolationFields(const Violation& v, Lang lang, size_t first) {
  return {{first, std::string(RuleName(v.rule))},
          {first + 1, std::string(Severity(v.rule))},
          {first + 2, v.event},
          {first + 3, v.subject},
          {first + 4, std::string(Info(v.rulebook).code)},
          {first + 5, Detail(v, lang)},
          {first + 6, v.enrollment},
          {first + 7, Number(v.amount_vnd)},
          {first + 8, std::to_string(v.seq)}};
}
const std::vector<std::string> kViolationColumns = {"rule",   "severity",   "event",      "subject", "rulebook",
                                                    "detail", "enrollment", "amount_vnd", "seq"};

}  // namespace

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i > 0 ? "," : "") + Field(fields[i]);
  return out + "\r\n";
}

std::string ReportCsv(const Report& report, const RenderScope& scope) {
  Rows rows({"section", "plan", "program", "funding_class", "location", "quota", "enrolled", "completed", "failed",
             "in_progress", "withdrawn", "key", "trainee_turns", "persons", "classes", "value", "as_of", "known_at"},
            {report.as_of.ToString(), FormatInstant(report.known_at)});
  for (const PlanTally& p : report.plans) {
    for (auto [key, value] : {std::pair{"budget_vnd", p.budget_vnd}, std::pair{"public_funding_vnd", p.public_funding_vnd},
                              std::pair{"remaining_vnd", p.remaining_vnd}}) {
      rows.Add({{kSection, "plan"}, {kPlan, p.plan}, {kKey, key}, {kValue, std::to_string(value)}});
    }
    for (const CellTally& c : p.cells) {
      rows.Add({{kSection, "cell"}, {kPlan, p.plan}, {kProgram, ProgramName(c.program)},
                {kFundingClass, ClassName(c.funding_class)}, {kLocation, LocationName(c.location)},
                {kQuota, Number(c.quota)}, {kEnrolled, std::to_string(c.enrolled)},
                {kCompleted, std::to_string(c.completed)}, {kFailed, std::to_string(c.failed)},
                {kInProgress, std::to_string(c.in_progress)}, {kWithdrawn, std::to_string(c.withdrawn)}});
    }
  }
  for (const LevelTally& l : report.by_level) {
    rows.Add({{kSection, "by_level"}, {kKey, l.level}, {kTraineeTurns, std::to_string(l.trainee_turns)},
              {kPersons, std::to_string(l.persons)}});
  }
  for (auto [section, groups] : {std::pair{"by_field", &report.by_field}, std::pair{"by_form", &report.by_form}}) {
    for (const GroupTally& g : *groups) {
      rows.Add({{kSection, section}, {kKey, g.key}, {kTraineeTurns, std::to_string(g.trainee_turns)},
                {kClasses, std::to_string(g.classes)}});
    }
  }
  rows.Add({{kSection, "total"}, {kKey, "events_counted"}, {kValue, std::to_string(report.events_counted)}});
  rows.Add({{kSection, "total"}, {kKey, "reimbursement_due_vnd"}, {kValue, std::to_string(report.reimbursement_due_vnd)}});
  return rows.Take();
}

std::string ViolationsCsv(const Outcome& outcome, const RenderScope& scope) {
  std::vector<std::string> header = kViolationColumns;
  header.insert(header.end(), {"as_of", "known_at"});
  Rows rows(header, {outcome.report.as_of.ToString(), FormatInstant(outcome.report.known_at)});
  for (const Violation& v : outcome.violations) rows.Add(ViolationFields(v, scope.lang, 0));
  return rows.Take();
}

std::string DiffCsv(const ReportDiff& diff, const RenderScope& scope) {
  std::vector<std::string> header = {"change",   "section", "plan",    "program", "funding_class",
                                     "location", "key",     "measure", "old",     "new"};
  header.insert(header.end(), kViolationColumns.begin(), kViolationColumns.end());
  header.insert(header.end(), {"from", "to", "known_at"});
  Rows rows(header, {diff.from.ToString(), diff.to.ToString(), FormatInstant(diff.known_at)});
  for (const TallyChange& c : diff.changes) {
    std::vector<std::pair<size_t, std::string>> fields = {
        {0, "changed"}, {1, std::string(SectionName(c.section))}, {2, c.plan}, {6, c.key},
        {7, c.measure}, {8, Number(c.from)},                      {9, Number(c.to)}};
    if (c.cell) {
      fields.insert(fields.end(), {{3, ProgramName(c.cell->program)}, {4, ClassName(c.cell->funding_class)},
                                   {5, LocationName(c.cell->location)}});
    }
    rows.Add(std::move(fields));
  }
  for (auto [change, violations] : {std::pair{"appeared", &diff.appeared}, std::pair{"cleared", &diff.cleared}}) {
    for (const Violation& v : *violations) {
      std::vector<std::pair<size_t, std::string>> fields = ViolationFields(v, scope.lang, 10);
      fields.emplace_back(0, change);
      rows.Add(std::move(fields));
    }
  }
  return rows.Take();
}

}  // namespace tledger
