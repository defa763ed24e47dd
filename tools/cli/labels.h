// The words of what a person reads, in Vietnamese (the default) and
// English: section titles, column headers, the measures of a report
// (shared/spec/glossary.md §5). The names of codes are in names.h, the
// words of findings in finding_catalog.h, numbers and dates in shown.h.
//
//   Lang lang = *ParseLang("en");
//   std::string title = Tr(kViolationsHeader, lang, ...);
//
// JSON keeps the interchange names, so that scripts never depend on the
// language; tables, CSV, history and log lines follow --lang.
#ifndef TLEDGER_TOOLS_CLI_LABELS_H_
#define TLEDGER_TOOLS_CLI_LABELS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "core/status.h"
#include "projections/outcome.h"

namespace tledger {

enum class Lang : uint8_t { kVi, kEn };

// "vi" or "en"; InvalidInput "--lang: ..." naming both otherwise.
Result<Lang> ParseLang(std::string_view text);

// One text in both languages.
struct Bilingual {
  std::string_view vi;
  std::string_view en;
};
inline std::string Tr(const Bilingual& b, Lang lang) { return std::string(lang == Lang::kVi ? b.vi : b.en); }
// A text with {} placeholders filled in, fmt style.
template <typename... Args>
std::string Tr(const Bilingual& b, Lang lang, Args&&... args) {
  return fmt::format(fmt::runtime(lang == Lang::kVi ? b.vi : b.en), std::forward<Args>(args)...);
}

// A count with its noun: "3 trường hợp" / "1 case", "3 cases"; the count
// grouped ("16.006 bản ghi").
struct Noun {
  std::string_view vi;
  std::string_view en_one;
  std::string_view en_many;
};
std::string Count(size_t n, const Noun& noun, Lang lang);
inline constexpr Noun kRecordsNoun{"bản ghi", "record", "records"};
inline constexpr Noun kViolationsNoun{"vi phạm", "violation", "violations"};
inline constexpr Noun kWarningsNoun{"cảnh báo", "warning", "warnings"};
inline constexpr Noun kDataQualityNoun{"sai sót dữ liệu", "data-quality finding", "data-quality findings"};
inline constexpr Noun kCasesNoun{"trường hợp", "case", "cases"};
inline constexpr Noun kBatchesNoun{"lần nhập", "import batch", "import batches"};

// The heading of a measure ("enrolled" -> "Đã cử đi học" / "Enrolled"); the
// measure itself for a name it does not know.
std::string MeasureLabel(std::string_view measure, Lang lang);
// The rulebook a case was judged by, as its short citation: "NĐ 101/2017".
std::string RulebookLabel(Rulebook r, Lang lang);

// Headers of the report, violations and diff tables. Those with {} are
// fmt format strings; their arguments are listed beside them.
inline constexpr Bilingual kReportHeader{  // as_of, known_at, Count(records counted)
    "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}; {} được tính",
    "Training report as of the end of {}, as known at {}; {} counted"};
inline constexpr Bilingual kViolationsHeader{  // as_of, known_at, Count(violations), Count(warnings), Count(data quality)
    "Kết quả kiểm tra tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}: {}, {}, {}",
    "Findings as of the end of {}, as known at {}: {}, {}, {}"};
inline constexpr Bilingual kDiffHeader{  // from, to, known_at
    "Thay đổi từ hết ngày {} đến hết ngày {}, theo dữ liệu ghi nhận đến {}",
    "Changes from the end of {} to the end of {}, as known at {}"};
inline constexpr Bilingual kScopePlan{"Chỉ những gì liên quan đến kế hoạch {}",  // plan
                                      "Only what concerns plan {}"};
inline constexpr Bilingual kScopeUnit{"Chỉ học viên và kế hoạch của {} và các đơn vị trực thuộc",  // unit
                                      "Only the trainees and plans of {} and the units under it"};
inline constexpr Bilingual kScopeRule{"Chỉ nội dung kiểm tra: {}", "Only: {}"};  // the rule's title
inline constexpr Bilingual kRestated{"Cấp hành chính theo đơn vị kế thừa tại ngày báo cáo",
                                     "Levels by each unit's successor as of the report date"};

// A plan's section: its title and id, then its decision.
inline constexpr Bilingual kPlanTitle{"{} ({})", "{} ({})"};  // title, plan id
inline constexpr Bilingual kPlanDecision{"Văn bản: {} ngày {}", "Document: {} of {}"};  // source, date
inline constexpr Bilingual kPlanNoSource{"Ban hành ngày {}", "Issued on {}"};           // date
inline constexpr Bilingual kPlanIssuer{"; cơ quan ban hành: {}", "; issued by {}"};      // issuer's name
inline constexpr Bilingual kPlanItem{"Kế hoạch {}", "Plan {}"};                          // plan id (diff)
inline constexpr Bilingual kTargetsTitle{"Chỉ tiêu", "Targets"};  // a plan's targets, by program
inline constexpr Bilingual kTotalRow{"Cộng", "Total"};
inline constexpr Bilingual kByLevelTitle{"Theo cấp hành chính của đơn vị", "By level of the unit"};
inline constexpr Bilingual kByFieldTitle{"Theo lĩnh vực", "By field"};
inline constexpr Bilingual kByFormTitle{"Theo hình thức đào tạo", "By form of training"};
inline constexpr Bilingual kNoPlans{"Không có kế hoạch nào.", "No plans."};
inline constexpr Bilingual kNone{"(không có)", "(none)"};

inline constexpr Bilingual kLevelHeader{"Cấp", "Level"};
inline constexpr Bilingual kFieldHeader{"Lĩnh vực", "Field"};
inline constexpr Bilingual kFormHeader{"Hình thức", "Form"};

// The findings, by kind: each its heading and count.
inline constexpr Bilingual kKindTitles[] = {
    {"VI PHẠM: {}", "VIOLATIONS: {}"},
    {"CẢNH BÁO: {}", "WARNINGS: {}"},
    {"SAI SÓT DỮ LIỆU (không phải vi phạm pháp luật): {}", "DATA-QUALITY FINDINGS (not breaches of law): {}"},
};
inline constexpr Bilingual kRuleTitle{"{}. {} ({})", "{}. {} ({})"};  // number, the rule's title, Count(cases)
inline constexpr Bilingual kBasisLine{"Căn cứ: {}", "Basis: {}"};    // citation
inline constexpr Bilingual kNoFindings{"Không có vi phạm, cảnh báo hay sai sót dữ liệu nào.",
                                       "No violations, warnings or data-quality findings."};
inline constexpr Bilingual kEventHeader{"Bản ghi căn cứ", "Record"};
inline constexpr Bilingual kSubjectHeader{"Đối tượng", "Subject"};
inline constexpr Bilingual kDetailHeader{"Nội dung", "Detail"};
inline constexpr Bilingual kKindHeader{"Loại", "Kind"};
inline constexpr Bilingual kRuleHeader{"Nội dung kiểm tra", "Check"};
inline constexpr Bilingual kRulebookHeader{"Văn bản áp dụng", "Rulebook"};
inline constexpr Bilingual kBasisHeader{"Căn cứ pháp lý", "Legal basis"};

inline constexpr Bilingual kTalliesChanged{"Số liệu thay đổi", "Tallies that changed"};
inline constexpr Bilingual kNoTallyChange{"Không có số liệu nào thay đổi.", "No tally changed."};
inline constexpr Bilingual kItemHeader{"Mục", "Item"};
inline constexpr Bilingual kMeasureHeader{"Chỉ số", "Measure"};
inline constexpr Bilingual kFromHeader{"Trước", "Before"};
inline constexpr Bilingual kToHeader{"Sau", "After"};
inline constexpr Bilingual kAppearedTitle{"Phát hiện mới: {}", "Findings that appeared: {}"};   // count
inline constexpr Bilingual kClearedTitle{"Không còn: {}", "Findings that cleared: {}"};         // count

// `find`: names and ids ignoring case and diacritics.
inline constexpr Bilingual kFindHeader{  // the query (quoted), as_of, known_at, Count(matches)
    "Tìm {} tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}: {}",
    "Search for {} as of the end of {}, as known at {}: {}"};
inline constexpr Noun kMatchesNoun{"kết quả", "match", "matches"};
inline constexpr Bilingual kNumberHeader{"STT", "No."};
inline constexpr Bilingual kIdHeader{"Mã", "Id"};
inline constexpr Bilingual kNameHeader{"Tên", "Name"};
inline constexpr Bilingual kMatchHeader{"Mức khớp", "Match"};
inline constexpr Bilingual kWithinHeader{"Thuộc", "Within"};
inline constexpr Bilingual kWithinIdHeader{"Thuộc (mã)", "Within (id)"};
inline constexpr Bilingual kWithinNameHeader{"Thuộc (tên)", "Within (name)"};
inline constexpr Bilingual kNoteHeader{"Ghi chú", "Note"};
// MatchRank (tools/cli/search_text.h), best first.
inline constexpr Bilingual kMatchRanks[] = {
    {"Trùng khớp", "Exact"}, {"Đủ các từ", "All words"}, {"Một phần", "Partial"}};
inline constexpr Bilingual kNamedId{"{} ({})", "{} ({})"};           // name, id
inline constexpr Bilingual kDateRange{"{} - {}", "{} to {}"};       // start, end

// `people`: the enrollments behind a plan's figures.
inline constexpr Bilingual kPeopleHeader{  // plan, as_of, known_at, Count(enrollments)
    "Danh sách học viên được tính trong kế hoạch {} tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}: {}",
    "Enrollments counted for plan {} as of the end of {}, as known at {}: {}"};
inline constexpr Noun kEnrollmentsNoun{"lượt học viên", "enrollment", "enrollments"};
inline constexpr Bilingual kPeopleFilter{"Lọc theo: {}", "Filtered by: {}"};  // the filters, "; "-separated
inline constexpr Bilingual kFilterItem{"{}: {}", "{}: {}"};                   // what, its value
inline constexpr Bilingual kUnitAndBelow{"{} và các đơn vị trực thuộc", "{} and the units under it"};  // unit
inline constexpr Bilingual kPeopleCounts{  // enrolled, completed, failed, in progress, withdrawn
    "Đã cử đi học: {} (Hoàn thành {}; Không hoàn thành, không được cấp văn bằng {}; Đang học {}); Thôi học: {}",
    "Enrolled: {} (completed {}; failed {}; in progress {}); withdrawn: {}"};
inline constexpr Bilingual kFullNameHeader{"Họ và tên", "Name"};
inline constexpr Bilingual kPersonIdHeader{"Mã cá nhân", "Person"};
inline constexpr Bilingual kUnitHeader{"Đơn vị", "Unit"};
inline constexpr Bilingual kEnrollmentIdHeader{"Mã học viên", "Enrollment"};
inline constexpr Bilingual kCourseHeader{"Lớp", "Course"};
inline constexpr Bilingual kUnitIdHeader{"Mã đơn vị", "Unit id"};
inline constexpr Bilingual kCourseTitleHeader{"Tên lớp", "Course title"};
inline constexpr Bilingual kFundingSourceHeader{"Loại kinh phí", "Funding source"};
inline constexpr Bilingual kStatusHeader{"Tình trạng", "Status"};
inline constexpr Bilingual kEnrolledOnHeader{"Ngày cử đi học", "Enrolled on"};

// `batches`: the known-at axis.
inline constexpr Bilingual kBatchesHeader{"Sổ cái có {} dữ liệu, đến sự kiện số {}",  // Count(batches), head seq
                                          "The ledger holds {}, up to seq {}"};
inline constexpr Bilingual kRecordedAtHeader{"Thời điểm ghi nhận (giờ Việt Nam)", "Recorded at (Vietnam time)"};
inline constexpr Bilingual kKnownAtArgHeader{"Giá trị cho --known-at", "As --known-at"};
inline constexpr Bilingual kFirstSeqHeader{"Từ số", "First seq"};
inline constexpr Bilingual kLastSeqHeader{"Đến số", "Last seq"};
inline constexpr Bilingual kRecordedByHeader{"Người ghi nhận", "Recorded by"};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_LABELS_H_
