#include "tools/cli/render_csv.h"

#include "core/printable.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/names.h"

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

// The report layout's columns. A quota cell's percent and a target's share
// one column: how far what the plan sets is reached.
enum ReportColumn : size_t {
  kSection, kPlan, kProgram, kFundingClass, kLocation, kQuota, kEnrolled, kPercent, kCompleted, kFailed, kInProgress,
  kWithdrawn, kKey, kTraineeTurns, kPersons, kClasses, kValue, kTargetTurns, kTargetClasses,
};

// The column headers of the report layout, in the language.
std::vector<std::string> ReportHeader(Lang lang) {
  std::vector<std::string> out = {Tr({"Mục", "Section"}, lang), Tr({"Kế hoạch", "Plan"}, lang)};
  for (const char* m : {"program", "funding_class", "location", "quota", "enrolled", "percent_of_plan", "completed",
                        "failed", "in_progress", "withdrawn"}) {
    out.push_back(MeasureLabel(m, lang));
  }
  out.push_back(Tr({"Chỉ số", "Item"}, lang));
  for (const char* m : {"trainee_turns", "persons", "classes"}) out.push_back(MeasureLabel(m, lang));
  out.push_back(Tr({"Giá trị", "Value"}, lang));
  for (const char* m : {"target_trainee_turns", "target_classes"}) out.push_back(MeasureLabel(m, lang));
  return out;
}

// The sections of the report layout.
constexpr Bilingual kPlanSection{"Kinh phí kế hoạch", "Plan money"};
constexpr Bilingual kCellSection{"Theo trình độ", "By program"};
constexpr Bilingual kLevelSection{"Theo cấp", "By level"};
constexpr Bilingual kFieldSection{"Theo lĩnh vực", "By field"};
constexpr Bilingual kFormSection{"Theo hình thức", "By form"};
constexpr Bilingual kTotalSection{"Tổng hợp", "Total"};

const Bilingual& SectionWords(Section s) {
  switch (s) {
    case Section::kPlan: return kPlanSection;
    case Section::kCell: return kCellSection;
    case Section::kLevel: return kLevelSection;
    case Section::kField: return kFieldSection;
    case Section::kForm: return kFormSection;
    case Section::kTotal: return kTotalSection;
  }
  return kTotalSection;
}

// The violation columns: check, kind, record, subject, rulebook, detail,
// legal basis, enrollment, the money (gross, repaid, outstanding), seq.
std::vector<std::string> ViolationHeader(Lang lang) {
  return {Tr(kRuleHeader, lang),
          Tr(kKindHeader, lang),
          Tr(kEventHeader, lang),
          Tr(kSubjectHeader, lang),
          Tr(kRulebookHeader, lang),
          Tr(kDetailHeader, lang),
          Tr(kBasisHeader, lang),
          Tr({"Học viên", "Enrollment"}, lang),
          Tr({"Chi phí đền bù", "Training costs to repay"}, lang),
          Tr({"Đã nộp", "Repaid"}, lang),
          Tr({"Còn phải nộp", "Outstanding"}, lang),
          Tr({"Số thứ tự bản ghi", "Seq"}, lang)};
}
std::vector<std::pair<size_t, std::string>> ViolationFields(const Violation& v, Lang lang, size_t first) {
  return {{first, CaseTitle(v.what, lang)},
          {first + 1, Name(v.kind, lang)},
          {first + 2, v.event},
          {first + 3, v.subject},
          {first + 4, RulebookLabel(v.rulebook, lang)},
          {first + 5, FindingText(v, lang)},
          {first + 6, CitationText(v, lang, nullptr)},
          {first + 7, v.enrollment},
          {first + 8, Number(v.amount_vnd)},
          {first + 9, Number(v.args.repaid_vnd)},
          {first + 10, Number(v.args.outstanding_vnd)},
          {first + 11, std::to_string(v.seq)}};
}

}  // namespace

std::vector<std::string> WhenHeader(Lang lang) {
  return {Tr({"Tính đến hết ngày", "As of"}, lang), Tr({"Dữ liệu ghi nhận đến", "Known at"}, lang)};
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i > 0 ? "," : "") + Field(fields[i]);
  return out + "\r\n";
}

std::string ReportCsv(const Report& report, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::vector<std::string> header = ReportHeader(lang), when = WhenHeader(lang);
  header.insert(header.end(), when.begin(), when.end());
  Rows rows(header, {report.as_of.ToString(), FormatInstant(report.known_at)});
  for (const PlanTally& p : report.plans) {
    for (auto [key, value] : {std::pair{"budget_vnd", p.budget_vnd}, std::pair{"public_funding_vnd", p.public_funding_vnd},
                              std::pair{"remaining_vnd", p.remaining_vnd}}) {
      rows.Add({{kSection, Tr(kPlanSection, lang)}, {kPlan, p.plan}, {kKey, MeasureLabel(key, lang)},
                {kValue, std::to_string(value)}});
    }
    for (const CellTally& c : p.cells) {
      rows.Add({{kSection, Tr(kCellSection, lang)}, {kPlan, p.plan}, {kProgram, Name(c.program, lang)},
                {kFundingClass, Name(c.funding_class, lang)}, {kLocation, Name(c.location, lang)},
                {kQuota, Number(c.quota)}, {kEnrolled, std::to_string(c.enrolled)},
                {kPercent, Number(PercentOfQuota(c))}, {kCompleted, std::to_string(c.completed)},
                {kFailed, std::to_string(c.failed)}, {kInProgress, std::to_string(c.in_progress)},
                {kWithdrawn, std::to_string(c.withdrawn)}});
    }
    for (const TargetTally& t : p.targets) {
      rows.Add({{kSection, Tr(kTargetsTitle, lang)}, {kPlan, p.plan}, {kProgram, Name(t.program, lang)},
                {kTargetTurns, Number(t.target_trainee_turns)}, {kTraineeTurns, std::to_string(t.trainee_turns)},
                {kPercent, Number(PercentOfTarget(t))}, {kTargetClasses, Number(t.target_classes)},
                {kClasses, std::to_string(t.classes)}});
    }
  }
  for (const LevelTally& l : report.by_level) {
    rows.Add({{kSection, Tr(kLevelSection, lang)}, {kKey, LevelName(l.level, lang)},
              {kTraineeTurns, std::to_string(l.trainee_turns)}, {kPersons, std::to_string(l.persons)}});
  }
  for (const GroupTally& g : ByFieldName(report.by_field, lang)) {
    rows.Add({{kSection, Tr(kFieldSection, lang)}, {kKey, FieldName(g.key, lang)},
              {kTraineeTurns, std::to_string(g.trainee_turns)}, {kClasses, std::to_string(g.classes)}});
  }
  for (const GroupTally& g : report.by_form) {
    rows.Add({{kSection, Tr(kFormSection, lang)}, {kKey, FormName(g.key, lang)},
              {kTraineeTurns, std::to_string(g.trainee_turns)}, {kClasses, std::to_string(g.classes)}});
  }
  rows.Add({{kSection, Tr(kTotalSection, lang)}, {kKey, MeasureLabel("events_counted", lang)},
            {kValue, std::to_string(report.events_counted)}});
  rows.Add({{kSection, Tr(kTotalSection, lang)}, {kKey, MeasureLabel("reimbursement_due_vnd", lang)},
            {kValue, std::to_string(report.reimbursement_due_vnd)}});
  return std::string(kUtf8Bom) + rows.Take();
}

std::string ViolationsCsv(const Outcome& outcome, const RenderScope& scope) {
  std::vector<std::string> header = ViolationHeader(scope.lang), when = WhenHeader(scope.lang);
  header.insert(header.end(), when.begin(), when.end());
  Rows rows(header, {outcome.report.as_of.ToString(), FormatInstant(outcome.report.known_at)});
  for (const Violation& v : outcome.violations) rows.Add(ViolationFields(v, scope.lang, 0));
  return std::string(kUtf8Bom) + rows.Take();
}

std::string DiffCsv(const ReportDiff& diff, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::vector<std::string> header = {Tr({"Thay đổi", "Change"}, lang), Tr({"Mục", "Section"}, lang),
                                     Tr({"Kế hoạch", "Plan"}, lang),   MeasureLabel("program", lang),
                                     MeasureLabel("funding_class", lang), MeasureLabel("location", lang),
                                     Tr({"Theo", "Key"}, lang),        Tr(kMeasureHeader, lang),
                                     Tr(kFromHeader, lang),            Tr(kToHeader, lang)};
  std::vector<std::string> violation = ViolationHeader(lang);
  header.insert(header.end(), violation.begin(), violation.end());
  header.insert(header.end(), {Tr({"Từ ngày", "From"}, lang), Tr({"Đến ngày", "To"}, lang), WhenHeader(lang)[1]});
  Rows rows(header, {diff.from.ToString(), diff.to.ToString(), FormatInstant(diff.known_at)});
  for (const TallyChange& c : diff.changes) {
    std::string key = c.section == Section::kLevel   ? LevelName(c.key, lang)
                      : c.section == Section::kField ? FieldName(c.key, lang)
                      : c.section == Section::kForm  ? FormName(c.key, lang)
                                                     : c.key;
    std::vector<std::pair<size_t, std::string>> fields = {
        {0, Tr({"Số liệu thay đổi", "changed"}, lang)}, {1, Tr(SectionWords(c.section), lang)}, {2, c.plan}, {6, key},
        {7, MeasureLabel(c.measure, lang)},     {8, Number(c.from)},                      {9, Number(c.to)}};
    if (c.cell) {
      fields.insert(fields.end(), {{3, Name(c.cell->program, lang)}, {4, Name(c.cell->funding_class, lang)},
                                   {5, Name(c.cell->location, lang)}});
    }
    rows.Add(std::move(fields));
  }
  for (auto [change, violations] : {std::pair{Bilingual{"Phát hiện mới", "appeared"}, &diff.appeared},
                                    std::pair{Bilingual{"Không còn", "cleared"}, &diff.cleared}}) {
    for (const Violation& v : *violations) {
      std::vector<std::pair<size_t, std::string>> fields = ViolationFields(v, lang, 10);
      fields.emplace_back(0, Tr(change, lang));
      rows.Add(std::move(fields));
    }
  }
  return std::string(kUtf8Bom) + rows.Take();
}

}  // namespace tledger
