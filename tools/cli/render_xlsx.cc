#include "tools/cli/render_xlsx.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include <unicode/unistr.h>
#include <xlsxwriter.h>

#include "core/files.h"
#include "core/date.h"
#include "core/hash_chain.h"
#include "projections/money.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/names.h"
#include "tools/cli/render_compensation.h"
#include "tools/cli/render_csv.h"
#include "tools/cli/shown.h"

namespace tledger {
namespace {

// The largest integer a spreadsheet (an IEEE double) holds exactly.
constexpr int64_t kExactInDouble = int64_t{1} << 53;

constexpr Bilingual kSummarySheet{"Tổng hợp", "Summary"};
constexpr Bilingual kByProgramSheet{"Theo trình độ", "By program"};
constexpr Bilingual kByLevelSheet{"Theo cấp", "By level"};
constexpr Bilingual kByFieldSheet{"Theo lĩnh vực", "By field"};
constexpr Bilingual kByFormSheet{"Theo hình thức", "By form"};
constexpr Bilingual kFindingsSheet{"Vi phạm", "Findings"};
constexpr Bilingual kBasisSheet{"Căn cứ", "Basis"};

constexpr Bilingual kPlanIdHeader{"Kế hoạch", "Plan"};
constexpr Bilingual kPlanTitleHeader{"Tên kế hoạch", "Plan title"};
constexpr Bilingual kDecisionHeader{"Văn bản", "Decision"};
constexpr Bilingual kIssuerHeader{"Cơ quan ban hành", "Issued by"};
constexpr Bilingual kDecisionOf{"{} ngày {}", "{} of {}"};  // source, date
constexpr Bilingual kItemColumn{"Mục", "Item"};
constexpr Bilingual kValueColumn{"Nội dung", "Value"};
constexpr Bilingual kDocumentItem{"Tài liệu", "Document"};
constexpr Bilingual kScopeItem{"Phạm vi", "Scope"};
constexpr Bilingual kHeadItem{"Sổ cái (số bản ghi cuối:mã băm SHA-256 của chuỗi)",
                              "Ledger head (last seq:SHA-256 chain hash)"};
constexpr Bilingual kCheckItem{"Kiểm tra sổ cái", "To check the ledger"};
constexpr Bilingual kCommandItem{"Lệnh tạo tài liệu", "Made by the command"};

// "Cộng" rows: text cells empty but the first.
std::vector<Cell> TotalRow(size_t columns, Lang lang) {
  std::vector<Cell> row(columns, Cell::Text(""));
  row[0] = Cell::Text(Tr(kTotalRow, lang));
  return row;
}

// The cell counts of a plan or of its total line, after the `lead` cells.
std::vector<Cell> CellCounts(std::vector<Cell> lead, const CellTally& c, const std::optional<int64_t>& percent) {
  lead.insert(lead.end(), {Cell::Count(c.quota), Cell::Count(c.enrolled), Cell::Percent(percent), Cell::Count(c.completed),
                           Cell::Count(c.failed), Cell::Count(c.in_progress), Cell::Count(c.withdrawn)});
  return lead;
}

std::vector<std::string> CountHeaders(Lang lang) {
  std::vector<std::string> out;
  for (const char* m : {"quota", "enrolled", "percent_of_quota", "completed", "failed", "in_progress", "withdrawn"}) {
    out.push_back(MeasureLabel(m, lang));
  }
  return out;
}

Sheet SummarySheet(const Report& report, Lang lang) {
  Sheet s{.name = Tr(kSummarySheet, lang),
          .header = {Tr(kPlanIdHeader, lang), Tr(kPlanTitleHeader, lang), Tr(kDecisionHeader, lang),
                     Tr(kIssuerHeader, lang)}};
  std::vector<std::string> counts = CountHeaders(lang);
  s.header.insert(s.header.end(), counts.begin(), counts.end());
  for (const char* m : {"budget_vnd", "public_funding_vnd", "remaining_vnd"}) s.header.push_back(MeasureLabel(m, lang));
  std::vector<CellTally> all;
  int64_t budget = 0, funded = 0, remaining = 0;
  for (const PlanTally& p : report.plans) {
    const PlanDocument& d = p.document;
    std::string decision = d.source.empty() ? DateShown(d.issued, lang) : Tr(kDecisionOf, lang, d.source, DateShown(d.issued, lang));
    std::vector<Cell> row = CellCounts({Cell::Text(p.plan), Cell::Text(d.title), Cell::Text(decision), Cell::Text(d.issuer_name)},
                                       CellsTotal(p.cells), TotalPercentOfQuota(p.cells));
    row.insert(row.end(), {Cell::Money(p.budget_vnd), Cell::Money(p.public_funding_vnd), Cell::Money(p.remaining_vnd)});
    s.rows.push_back(std::move(row));
    all.insert(all.end(), p.cells.begin(), p.cells.end());
    budget = AddVnd(budget, p.budget_vnd);
    funded = AddVnd(funded, p.public_funding_vnd);
    remaining = AddVnd(remaining, p.remaining_vnd);
  }
  if (report.plans.size() > 1) {
    std::vector<Cell> total = TotalRow(4, lang);
    total = CellCounts(std::move(total), CellsTotal(all), TotalPercentOfQuota(all));
    total.insert(total.end(), {Cell::Money(budget), Cell::Money(funded), Cell::Money(remaining)});
    s.total_rows.push_back(s.rows.size());
    s.rows.push_back(std::move(total));
  }
  return s;
}

Sheet ByProgramSheet(const Report& report, Lang lang) {
  Sheet s{.name = Tr(kByProgramSheet, lang),
          .header = {Tr(kPlanIdHeader, lang), MeasureLabel("program", lang), MeasureLabel("funding_class", lang),
                     MeasureLabel("location", lang)}};
  std::vector<std::string> counts = CountHeaders(lang);
  s.header.insert(s.header.end(), counts.begin(), counts.end());
  for (const PlanTally& p : report.plans) {
    for (const CellTally& c : p.cells) {
      s.rows.push_back(CellCounts({Cell::Text(p.plan), Cell::Text(Name(c.program, lang)), Cell::Text(Name(c.funding_class, lang)),
                                   Cell::Text(Name(c.location, lang))},
                                  c, PercentOfQuota(c)));
    }
    if (p.cells.size() > 1) {
      std::vector<Cell> lead = TotalRow(4, lang);
      lead[0] = Cell::Text(p.plan);
      lead[1] = Cell::Text(Tr(kTotalRow, lang));
      s.total_rows.push_back(s.rows.size());
      s.rows.push_back(CellCounts(std::move(lead), CellsTotal(p.cells), TotalPercentOfQuota(p.cells)));
    }
  }
  return s;
}

// A line per target of each plan (the table's "Chỉ tiêu" sections).
Sheet TargetsSheet(const Report& report, Lang lang) {
  Sheet s{.name = Tr(kTargetsTitle, lang), .header = {Tr(kPlanIdHeader, lang)}};
  for (const char* m : {"program", "target_trainee_turns", "trainee_turns", "percent_of_target", "target_classes", "classes"}) {
    s.header.push_back(MeasureLabel(m, lang));
  }
  for (const PlanTally& p : report.plans) {
    for (const TargetTally& t : p.targets) {
      s.rows.push_back({Cell::Text(p.plan), Cell::Text(Name(t.program, lang)), Cell::Count(t.target_trainee_turns),
                        Cell::Count(t.trainee_turns), Cell::Percent(PercentOfTarget(t)), Cell::Count(t.target_classes),
                        Cell::Count(t.classes)});
    }
  }
  return s;
}

Sheet ByLevelSheet(const Report& report, Lang lang) {
  Sheet s{.name = Tr(kByLevelSheet, lang),
          .header = {Tr(kLevelHeader, lang), MeasureLabel("trainee_turns", lang), MeasureLabel("persons", lang)}};
  int64_t turns = 0;
  for (const LevelTally& l : report.by_level) {
    s.rows.push_back({Cell::Text(LevelName(l.level, lang)), Cell::Count(l.trainee_turns), Cell::Count(l.persons)});
    turns += l.trainee_turns;
  }
  // Persons are counted per level; a total would count twice whoever has
  // trainee-turns at two levels (as in the table).
  s.total_rows.push_back(s.rows.size());
  s.rows.push_back({Cell::Text(Tr(kTotalRow, lang)), Cell::Count(turns), Cell{}});
  return s;
}

Sheet GroupSheet(const Bilingual& name, const Bilingual& header, const std::vector<GroupTally>& groups,
                 std::string (*key_name)(std::string_view, Lang), Lang lang) {
  Sheet s{.name = Tr(name, lang),
          .header = {Tr(header, lang), MeasureLabel("trainee_turns", lang), MeasureLabel("classes", lang)}};
  int64_t turns = 0, classes = 0;
  for (const GroupTally& g : groups) {
    s.rows.push_back({Cell::Text(key_name(g.key, lang)), Cell::Count(g.trainee_turns), Cell::Count(g.classes)});
    turns += g.trainee_turns;
    classes += g.classes;
  }
  if (groups.size() > 1) {
    s.total_rows.push_back(s.rows.size());
    s.rows.push_back({Cell::Text(Tr(kTotalRow, lang)), Cell::Count(turns), Cell::Count(classes)});
  }
  return s;
}

// The "Căn cứ" sheet: what the document is and what it was made from.
Sheet BasisSheet(const std::string& document, Date as_of, Timestamp known_at, const RenderScope& scope,
                 const Provenance& p, std::vector<std::pair<std::string, Cell>> more) {
  Lang lang = scope.lang;
  std::vector<std::string> when = WhenHeader(lang);
  const std::string head = std::to_string(p.head.seq) + ":" + ToHex(p.head.hash);
  Sheet s{.name = Tr(kBasisSheet, lang), .header = {Tr(kItemColumn, lang), Tr(kValueColumn, lang)}};
  s.rows = {{Cell::Text(Tr(kDocumentItem, lang)), Cell::Text(document)},
            {Cell::Text(when[0]), Cell::Text(DateShown(as_of, lang))},
            {Cell::Text(when[1]), Cell::Text(InstantShown(known_at, lang) + " = " + FormatInstant(known_at))}};
  if (!scope.plan.empty()) s.rows.push_back({Cell::Text(Tr(kScopeItem, lang)), Cell::Text(Tr(kScopePlan, lang, scope.plan))});
  if (!scope.unit.empty()) s.rows.push_back({Cell::Text(Tr(kScopeItem, lang)), Cell::Text(UnitScopeLine(scope))});
  if (scope.rule) {
    s.rows.push_back({Cell::Text(Tr(kScopeItem, lang)), Cell::Text(Tr(kScopeRule, lang, RuleTitle(*scope.rule, lang)))});
  }
  if (scope.restate_units) s.rows.push_back({Cell::Text(Tr(kScopeItem, lang)), Cell::Text(Tr(kRestated, lang))});
  for (auto& [item, value] : more) s.rows.push_back({Cell::Text(item), std::move(value)});
  s.rows.push_back({Cell::Text(Tr(kHeadItem, lang)), Cell::Text(head)});
  s.rows.push_back({Cell::Text(Tr(kCheckItem, lang)), Cell::Text("tledger verify --expect-head " + head)});
  s.rows.push_back({Cell::Text(Tr(kCommandItem, lang)), Cell::Text(p.command)});
  return s;
}

// A cell's text as the column's width sees it: characters, not bytes.
size_t Width(const Cell& c, Lang lang) {
  return static_cast<size_t>(icu::UnicodeString::fromUTF8(CellShown(c, lang)).countChar32());
}

// libxlsxwriter's handles, closed (or freed) on every path.
struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const { workbook_close(wb); }
};

Status Check(lxw_error e, const std::string& what) {
  if (e == LXW_NO_ERROR) return Status::Ok();
  return Status::IoError(what + ": " + lxw_strerror(e));
}

// Writes the workbook at `file` (a new file in a private directory).
Status WriteFile(const std::string& file, const std::vector<Sheet>& sheets, Lang lang) {
  lxw_workbook* wb = workbook_new(file.c_str());
  if (wb == nullptr) return Status::IoError("cannot create the workbook " + file);
  std::unique_ptr<lxw_workbook, WorkbookCloser> owner(wb);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  const bool vi = lang == Lang::kVi;
  auto number_format = [&](const char* pattern, bool bold) {
    lxw_format* f = workbook_add_format(wb);
    format_set_num_format(f, pattern);
    if (bold) format_set_bold(f);
    return f;
  };
  lxw_format* counts[2] = {number_format("#,##0", false), number_format("#,##0", true)};
  lxw_format* money[2] = {number_format(vi ? "#,##0\" đ\"" : "#,##0\" VND\"", false),
                          number_format(vi ? "#,##0\" đ\"" : "#,##0\" VND\"", true)};
  lxw_format* percent[2] = {number_format("0\"%\"", false), number_format("0\"%\"", true)};
  lxw_format* seq[2] = {number_format("0", false), number_format("0", true)};
  lxw_format* text[2] = {workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(text[1]);
  for (const Sheet& sheet : sheets) {
    if (lxw_error e = workbook_validate_sheet_name(wb, sheet.name.c_str()); e != LXW_NO_ERROR) {
      return Status::InvalidInput("sheet \"" + sheet.name + "\": " + lxw_strerror(e));
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (ws == nullptr) return Status::IoError("cannot add the sheet \"" + sheet.name + "\"");
    std::vector<size_t> widths(sheet.header.size(), 0);
    for (size_t col = 0; col < sheet.header.size(); ++col) {
      TLEDGER_RETURN_IF_ERROR(Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(col), sheet.header[col].c_str(), header),
                                    sheet.name + " header"));
      widths[col] = Width(Cell::Text(sheet.header[col]), lang);
    }
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const bool bold = sheet.IsTotal(r);
      const lxw_row_t row = static_cast<lxw_row_t>(r + 1);
      for (size_t col = 0; col < sheet.rows[r].size(); ++col) {
        const Cell& c = sheet.rows[r][col];
        const lxw_col_t column = static_cast<lxw_col_t>(col);
        const std::string where = sheet.name + " row " + std::to_string(r + 2);
        if (col >= widths.size()) widths.resize(col + 1, 0);
        widths[col] = std::max(widths[col], Width(c, lang));
        lxw_error e = LXW_NO_ERROR;
        switch (c.type) {
          case Cell::Type::kEmpty: break;
          case Cell::Type::kText: e = worksheet_write_string(ws, row, column, c.text.c_str(), text[bold]); break;
          case Cell::Type::kCount:
          case Cell::Type::kMoney:
          case Cell::Type::kPercent:
          case Cell::Type::kSeq: {
            lxw_format* f = c.type == Cell::Type::kCount   ? counts[bold]
                            : c.type == Cell::Type::kMoney ? money[bold]
                            : c.type == Cell::Type::kSeq   ? seq[bold]
                                                           : percent[bold];
            if (c.number > kExactInDouble || c.number < -kExactInDouble) {
              // Never a rounded figure: the exact one, as text (a sum too
              // large to add up says "or more", shown.h).
              std::string exact = c.type == Cell::Type::kMoney ? Money(c.number, lang)
                                : c.type == Cell::Type::kSeq ? std::to_string(c.number)
                                                              : Number(c.number, lang);
              e = worksheet_write_string(ws, row, column, exact.c_str(), text[bold]);
            } else {
              e = worksheet_write_number(ws, row, column, static_cast<double>(c.number), f);
            }
            break;
          }
        }
        TLEDGER_RETURN_IF_ERROR(Check(e, where));
      }
    }
    for (size_t col = 0; col < widths.size(); ++col) {
      double width = static_cast<double>(std::clamp<size_t>(widths[col] + 2, 8, 60));
      worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), width, nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (!sheet.rows.empty() && !widths.empty()) {
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), static_cast<lxw_col_t>(widths.size() - 1));
    }
  }
  lxw_error e = workbook_close(owner.release());
  return Check(e, "cannot write the workbook " + file);
}

}  // namespace

Document ReportDocument(const Report& report, const RenderScope& scope, const Provenance& p) {
  Lang lang = scope.lang;
  std::string document = Tr(kReportHeader, lang, DateShown(report.as_of, lang), InstantShown(report.known_at, lang),
                            Count(report.events_counted, kRecordsNoun, lang));
  Document d{.kind = DocumentKind::kReport, .summary = document, .as_of = report.as_of, .known_at = report.known_at,
             .provenance = p};
  d.sheets = {SummarySheet(report, lang), ByProgramSheet(report, lang)};
  // Only where a plan sets targets, as the table shows them.
  if (Sheet targets = TargetsSheet(report, lang); !targets.rows.empty()) d.sheets.push_back(std::move(targets));
  d.sheets.push_back(ByLevelSheet(report, lang));
  d.sheets.push_back(GroupSheet(kByFieldSheet, kFieldHeader, ByFieldName(report.by_field, lang), &FieldName, lang));
  d.sheets.push_back(GroupSheet(kByFormSheet, kFormHeader, report.by_form, &FormName, lang));
  d.sheets.push_back(BasisSheet(document, report.as_of, report.known_at, scope, p,
                                {{MeasureLabel("events_counted", lang), Cell::Count(static_cast<int64_t>(report.events_counted))},
                                 {MeasureLabel("reimbursement_due_vnd", lang), Cell::Money(report.reimbursement_due_vnd)}}));
  return d;
}

Document ViolationsDocument(const Outcome& outcome, const RenderScope& scope, const Provenance& p) {
  Lang lang = scope.lang;
  size_t by_kind[3] = {0, 0, 0};
  for (const Violation& v : outcome.violations) ++by_kind[static_cast<size_t>(v.kind)];
  std::string document = Tr(kViolationsHeader, lang, DateShown(outcome.report.as_of, lang),
                            InstantShown(outcome.report.known_at, lang), Count(by_kind[0], kViolationsNoun, lang),
                            Count(by_kind[1], kWarningsNoun, lang), Count(by_kind[2], kDataQualityNoun, lang));
  Sheet s{.name = Tr(kFindingsSheet, lang),
          .header = {Tr({"STT", "No."}, lang), Tr(kKindHeader, lang), Tr(kRuleHeader, lang), Tr(kEventHeader, lang),
                     Tr(kSubjectHeader, lang), Tr(kDetailHeader, lang), Tr(kRulebookHeader, lang),
                     Tr(kBasisHeader, lang), Tr({"Học viên", "Enrollment"}, lang),
                     Tr({"Chi phí đền bù", "Training costs to repay"}, lang), Tr({"Đã nộp", "Repaid"}, lang),
                     Tr({"Còn phải nộp", "Outstanding"}, lang), Tr({"Số thứ tự bản ghi", "Seq"}, lang)}};
  s.print_as_cards = true;  // thirteen columns, one of them long text
  // In the table's order: violations, then warnings, then data-quality findings.
  int64_t number = 0;
  for (Kind kind : kAllKinds) {
    for (const Violation& v : outcome.violations) {
      if (v.kind != kind) continue;
      s.rows.push_back({Cell::Count(++number), Cell::Text(Name(v.kind, lang)), Cell::Text(CaseTitle(v.what, lang)),
                        Cell::Text(v.event), Cell::Text(v.subject), Cell::Text(FindingText(v, lang)),
                        Cell::Text(RulebookLabel(v.rulebook, lang)), Cell::Text(CitationText(v, lang, nullptr)),
                        Cell::Text(v.enrollment), v.amount_vnd ? Cell::Money(*v.amount_vnd) : Cell{},
                        v.args.repaid_vnd ? Cell::Money(*v.args.repaid_vnd) : Cell{},
                        v.args.outstanding_vnd ? Cell::Money(*v.args.outstanding_vnd) : Cell{},
                        Cell::Seq(v.seq)});
    }
  }
  Document d{.kind = DocumentKind::kFindings, .summary = document, .as_of = outcome.report.as_of,
             .known_at = outcome.report.known_at, .provenance = p};
  d.sheets = {std::move(s), BasisSheet(document, outcome.report.as_of, outcome.report.known_at, scope, p, {})};
  return d;
}

Document CompensationDocument(const CompensationList& list, const RenderScope& scope, const Provenance& p) {
  Lang lang = scope.lang;
  std::string document = Tr(kCompensationHeader, lang, DateShown(list.as_of, lang), InstantShown(list.known_at, lang),
                            Count(list.cases.size(), kCasesNoun, lang));
  Document d{.kind = DocumentKind::kCompensation, .summary = document, .as_of = list.as_of, .known_at = list.known_at,
             .provenance = p};
  d.sheets = {CompensationSheet(list, lang),
          BasisSheet(document, list.as_of, list.known_at, scope, p,
                     {{Tr(kGrossHeader, lang), Cell::Money(list.gross_vnd)},
                      {Tr(kRepaidHeader, lang), Cell::Money(list.repaid_vnd)},
                      {Tr(kOutstandingHeader, lang), Cell::Money(list.outstanding_vnd)}})};
  return d;
}

Status WriteWorkbook(const std::string& path, const std::vector<Sheet>& sheets, Lang lang) {
  namespace fs = std::filesystem;
  // A private directory for libxlsxwriter's file (it writes by name).
  std::string pattern = (fs::temp_directory_path() / "tledger-xlsx-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError("cannot make a temporary directory for the workbook: " + std::string(std::strerror(errno)));
  }
  const fs::path dir = pattern, file = dir / "workbook.xlsx";
  Status s = WriteFile(file.string(), sheets, lang);
  std::string bytes;
  if (s.ok()) {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) s = Status::IoError("cannot read back the workbook " + file.string());
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  if (!s.ok()) return s;
  return WriteFileAtPath(path, {bytes});
}

}  // namespace tledger
