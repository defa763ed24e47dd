#include "tools/cli/render_compensation.h"

#include "core/printable.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/names.h"
#include "tools/cli/render_csv.h"
#include "tools/cli/render_json.h"
#include "tools/cli/shown.h"
#include "tools/cli/text_table.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kIndent = "  ";

// The words of the list (glossary.md §5: "Phải đền bù / Đã nộp / Còn phải nộp").
constexpr Bilingual kNoCases{"Không có trường hợp nào phải đền bù chi phí đào tạo.",
                             "No case owes the cost of its training."};
constexpr Bilingual kCategoryHeader{"Đối tượng", "Category"};
constexpr Bilingual kPostHeader{"Chức vụ", "Post"};
constexpr Bilingual kLeaderPost{"Lãnh đạo, quản lý", "Leading or managing post"};
constexpr Bilingual kEnrollmentHeader{"Học viên", "Enrollment"};
constexpr Bilingual kProgramHeader{"Trình độ, chương trình", "Program"};
constexpr Bilingual kPlanHeader{"Kế hoạch", "Plan"};
constexpr Bilingual kFundingHeader{"Quyết định cấp kinh phí", "Funding decisions"};
constexpr Bilingual kFundingLine{"{} ngày {}: {} ({})", "{} of {}: {} ({})"};  // decision, date, amount, source
constexpr Bilingual kCaseHeader{"Trường hợp", "Case"};
constexpr Bilingual kCaseBasisHeader{"Căn cứ", "Basis"};
constexpr Bilingual kFormulaHeader{"Cách tính", "Computed as"};
constexpr Bilingual kExemptionHeader{"Miễn đền bù", "Exempted"};
constexpr Bilingual kRecordHeader{"Bản ghi căn cứ", "Record"};
constexpr Bilingual kTotals{"Cộng: phải đền bù {}; đã nộp {}; còn phải nộp {}",
                            "Total: to repay {}; repaid {}; outstanding {}"};

std::string Named(const std::string& name, const std::string& id) { return name.empty() ? id : name + " (" + id + ")"; }

std::string Post(const CompensationLine& c, Lang lang) { return c.leader ? Tr(kLeaderPost, lang) : ""; }

std::string Decisions(const CompensationLine& c, Lang lang) {
  std::string out;
  for (const FundingLine& f : c.decisions) {
    out += (out.empty() ? "" : "; ") + Tr(kFundingLine, lang, f.decision, DateShown(f.on, lang),
                                          Money(f.amount_vnd, lang), Name(f.funding, lang));
  }
  return out;
}

std::string ProgramText(const Violation& v, Lang lang) { return v.args.program ? Name(*v.args.program, lang) : ""; }

std::string Table(const CompensationList& list, const RenderScope& scope) {
  Lang lang = scope.lang;
  std::string out = Tr(kCompensationHeader, lang, DateShown(list.as_of, lang), InstantShown(list.known_at, lang),
                       Count(list.cases.size(), kCasesNoun, lang)) +
                    "\n";
  if (!scope.plan.empty()) out += Tr(kScopePlan, lang, scope.plan) + "\n";
  if (list.cases.empty()) return out + "\n" + Tr(kNoCases, lang) + "\n";
  CitationMemory cited;
  size_t number = 0;
  for (const CompensationLine& c : list.cases) {
    const Violation& v = c.finding;
    const FindingArgs& a = v.args;
    TextTable t({{"", TextTable::kLeft}, {"", TextTable::kLeft}});
    auto row = [&](const Bilingual& header, std::string value) {
      if (!value.empty()) t.AddRow({Tr(header, lang), std::move(value)});
    };
    row(kUnitHeader, Named(c.unit_name, c.unit));
    row(kCategoryHeader, c.category ? Name(*c.category, lang) : "");
    row(kPostHeader, Post(c, lang));
    row(kEnrollmentHeader, v.enrollment);
    row(kCourseHeader, a.course);
    row(kProgramHeader, ProgramText(v, lang));
    row(kPlanHeader, v.plan);
    row(kFundingHeader, Decisions(c, lang));
    row(kCaseHeader, CaseTitle(v.what, lang) + " (" + Name(v.kind, lang) + ", " + RulebookLabel(v.rulebook, lang) + ")");
    row(kCaseBasisHeader, CitationText(v, lang, &cited));
    row(kFormulaHeader, AmountFormula(v, lang));
    row(kGrossHeader, Money(*a.gross_vnd, lang));
    row(kRepaidHeader, Money(a.repaid_vnd.value_or(0), lang));
    row(kExemptionHeader, ExemptionText(v, lang));
    row(kOutstandingHeader, Money(a.outstanding_vnd.value_or(0), lang));
    row(kRecordHeader, v.event + " (" + std::to_string(v.seq) + ")");
    std::string rows = t.Render(kIndent);
    rows.erase(0, rows.find('\n') + 1);  // no header line
    out += "\n" + std::to_string(++number) + ". " + Named(a.person_name, a.person) + "\n" + rows;
  }
  out += "\n" + Tr(kTotals, lang, Money(list.gross_vnd, lang), Money(list.repaid_vnd, lang),
                   Money(list.outstanding_vnd, lang)) +
         "\n";
  return out;
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json Nullable(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

std::string JsonOf(const CompensationList& list, const RenderScope& scope) {
  Json cases = Json::array();
  for (const CompensationLine& c : list.cases) {
    const Violation& v = c.finding;
    const FindingArgs& a = v.args;
    Json decisions = Json::array();
    for (const FundingLine& f : c.decisions) {
      decisions.push_back({{"decision", f.decision},
                           {"date", f.on.ToString()},
                           {"amount_vnd", f.amount_vnd},
                           {"funding", CodeName(f.funding)}});
    }
    Json exemption = a.exemption.empty() ? Json(nullptr)
                                         : Json{{"event", a.exemption},
                                                {"ground", a.ground ? Json(CodeName(*a.ground)) : Json(nullptr)}};
    cases.push_back({{"person", a.person},
                     {"enrollment", v.enrollment},
                     {"rule", RuleName(v.rule)},
                     {"basis", BasisValue(v, scope.lang)},
                     {"gross_vnd", *a.gross_vnd},
                     {"repaid_vnd", a.repaid_vnd.value_or(0)},
                     {"outstanding_vnd", a.outstanding_vnd.value_or(0)},
                     {"person_name", Nullable(a.person_name)},
                     {"unit", Nullable(c.unit)},
                     {"unit_name", Nullable(c.unit_name)},
                     {"category", c.category ? Json(CodeName(*c.category)) : Json(nullptr)},
                     {"leader", c.leader},
                     {"course", Nullable(a.course)},
                     {"program", a.program ? Json(CodeName(*a.program)) : Json(nullptr)},
                     {"plan", Nullable(v.plan)},
                     {"decisions", std::move(decisions)},
                     {"funding_vnd", Nullable(a.funding_vnd)},
                     {"t1_months", Nullable(a.t1)},
                     {"t2_months", Nullable(a.t2)},
                     {"formula", AmountFormula(v, scope.lang)},
                     {"exemption", std::move(exemption)},
                     {"kind", KindName(v.kind)},
                     {"rulebook", Info(v.rulebook).code},
                     {"event", v.event},
                     {"seq", v.seq},
                     {"detail", FindingText(v, scope.lang)}});
  }
  Json out = {{"as_of", list.as_of.ToString()},
              {"known_at", FormatInstant(list.known_at)},
              {"cases", std::move(cases)},
              {"total_outstanding_vnd", list.outstanding_vnd},
              {"total_gross_vnd", list.gross_vnd},
              {"total_repaid_vnd", list.repaid_vnd},
              {"plan", Nullable(scope.plan)}};
  return JsonText(out);
}

std::string Csv(const CompensationList& list, const RenderScope& scope) {
  Sheet sheet = CompensationSheet(list, scope.lang);
  std::vector<std::string> when = WhenHeader(scope.lang), header = sheet.header;
  header.insert(header.end(), when.begin(), when.end());
  std::string out = CsvLine(header);
  for (const std::vector<Cell>& row : sheet.rows) {
    std::vector<std::string> fields;
    for (const Cell& c : row) fields.push_back(c.Plain());
    fields.insert(fields.end(), {list.as_of.ToString(), FormatInstant(list.known_at)});
    out += CsvLine(fields);
  }
  return std::string(kUtf8Bom) + out;
}

}  // namespace

Sheet CompensationSheet(const CompensationList& list, Lang lang) {
  Sheet sheet{.name = Tr({"Đền bù", "Compensation"}, lang),
              .header = {Tr({"STT", "No."}, lang),      Tr(kFullNameHeader, lang),   Tr(kPersonIdHeader, lang),
                         Tr(kUnitHeader, lang),         Tr(kCategoryHeader, lang),   Tr(kPostHeader, lang),
                         Tr(kEnrollmentHeader, lang),   Tr(kCourseHeader, lang),     Tr(kProgramHeader, lang),
                         Tr(kPlanHeader, lang),         Tr(kFundingHeader, lang),    Tr(kCaseHeader, lang),
                         Tr(kKindHeader, lang),         Tr(kRulebookHeader, lang),   Tr(kCaseBasisHeader, lang),
                         Tr(kFormulaHeader, lang),      Tr(kGrossHeader, lang),      Tr(kRepaidHeader, lang),
                         Tr(kExemptionHeader, lang),    Tr(kOutstandingHeader, lang), Tr(kRecordHeader, lang),
                         Tr({"Số thứ tự bản ghi", "Seq"}, lang)}};
  sheet.print_as_cards = true;  // twenty columns
  int64_t number = 0;
  for (const CompensationLine& c : list.cases) {
    const Violation& v = c.finding;
    const FindingArgs& a = v.args;
    sheet.rows.push_back({Cell::Count(++number), Cell::Text(a.person_name), Cell::Text(a.person),
                          Cell::Text(c.unit_name.empty() ? c.unit : c.unit_name),
                          Cell::Text(c.category ? Name(*c.category, lang) : ""), Cell::Text(Post(c, lang)),
                          Cell::Text(v.enrollment), Cell::Text(a.course), Cell::Text(ProgramText(v, lang)),
                          Cell::Text(v.plan), Cell::Text(Decisions(c, lang)), Cell::Text(CaseTitle(v.what, lang)),
                          Cell::Text(Name(v.kind, lang)), Cell::Text(RulebookLabel(v.rulebook, lang)),
                          Cell::Text(CitationText(v, lang, nullptr)), Cell::Text(AmountFormula(v, lang)),
                          Cell::Money(*a.gross_vnd), Cell::Money(a.repaid_vnd.value_or(0)),
                          Cell::Text(ExemptionText(v, lang)), Cell::Money(a.outstanding_vnd.value_or(0)),
                          Cell::Text(v.event), Cell::Seq(v.seq)});
  }
  std::vector<Cell> total(sheet.header.size(), Cell::Text(""));
  total[1] = Cell::Text(Tr(kTotalRow, lang));
  total[16] = Cell::Money(list.gross_vnd);
  total[17] = Cell::Money(list.repaid_vnd);
  total[19] = Cell::Money(list.outstanding_vnd);
  sheet.total_rows.push_back(sheet.rows.size());
  sheet.rows.push_back(std::move(total));
  return sheet;
}

std::string RenderCompensation(const CompensationList& list, const RenderScope& scope, Format format) {
  switch (format) {
    case Format::kJson: return JsonOf(list, scope);
    case Format::kCsv: return Csv(list, scope);
    case Format::kTable: break;
  }
  return Escaped(Table(list, scope), /*keep_newlines=*/true);
}

}  // namespace tledger
