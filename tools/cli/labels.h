// The words of the human-readable reports, in Vietnamese (the default) and
// English: section titles, column headers, one short description per rule,
// money as an inspector writes it.
//
//   Lang lang = *ParseLang("en");
//   std::string title = Tr(kViolationsTitle, lang);
//   std::string money = Money(4700000000, lang);   // "4,700,000,000 VND"
//
// Only the table renderer uses these: JSON and CSV keep the interchange
// names, so that scripts never depend on the language. Values (programs,
// levels, forms ...) stay their snake_case codes in every language, so a
// table, its CSV and its JSON name things alike.
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

// "4.700.000.000 đ" / "4,700,000,000 VND".
std::string Money(int64_t vnd, Lang lang);
// A rule's one-line description: NOT_IN_PLAN "Cử đi học không có trong kế
// hoạch" / "Sent to training not in the plan".
std::string RuleDescription(Rule rule, Lang lang);
// A count with its noun: "3 trường hợp" / "1 case", "3 cases".
struct Noun {
  std::string_view vi;
  std::string_view en_one;
  std::string_view en_many;
};
std::string Count(size_t n, const Noun& noun, Lang lang);
inline constexpr Noun kEventsNoun{"sự kiện", "event", "events"};
inline constexpr Noun kViolationsNoun{"vi phạm", "violation", "violations"};
inline constexpr Noun kErrorsNoun{"lỗi", "error", "errors"};
inline constexpr Noun kWarningsNoun{"cảnh báo", "warning", "warnings"};
inline constexpr Noun kCasesNoun{"trường hợp", "case", "cases"};
inline constexpr Noun kBatchesNoun{"lần nhập", "import batch", "import batches"};

// "lỗi" / "error", "cảnh báo" / "warning".
std::string SeverityLabel(Rule rule, Lang lang);
// The column header of a tally's measure ("enrolled" -> "Ghi danh" /
// "Enrolled"); the measure itself for a name it does not know.
std::string MeasureLabel(std::string_view measure, Lang lang);

// Headers of the report, violations and diff tables. Those with {} are
// fmt format strings; their arguments are listed beside them.
inline constexpr Bilingual kReportHeader{  // as_of, known_at, Count(events counted)
    "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}; {} được tính",
    "Training report as of the end of {}, as known at {}; {} counted"};
inline constexpr Bilingual kViolationsHeader{  // as_of, known_at, Count(violations), Count(errors), Count(warnings)
    "Vi phạm tính đến hết ngày {}, theo dữ liệu ghi nhận đến {}: {} ({}, {})",
    "Violations as of the end of {}, as known at {}: {} ({}, {})"};
inline constexpr Bilingual kDiffHeader{  // from, to, known_at
    "Thay đổi từ hết ngày {} đến hết ngày {}, theo dữ liệu ghi nhận đến {}",
    "Changes from the end of {} to the end of {}, as known at {}"};
inline constexpr Bilingual kScopePlan{"Chỉ những gì liên quan đến kế hoạch {}",  // plan
                                      "Only what concerns plan {}"};
inline constexpr Bilingual kScopeRule{"Chỉ quy tắc {}", "Only rule {}"};  // rule
inline constexpr Bilingual kRestated{"Cấp hành chính theo đơn vị kế thừa tại ngày báo cáo",
                                     "Levels by each unit's successor as of the report date"};

inline constexpr Bilingual kPlanTitle{"Kế hoạch {}", "Plan {}"};  // plan id
inline constexpr Bilingual kByLevelTitle{"Theo cấp hành chính của đơn vị", "By level of the unit"};
inline constexpr Bilingual kByFieldTitle{"Theo lĩnh vực", "By field"};
inline constexpr Bilingual kByFormTitle{"Theo hình thức đào tạo", "By form of training"};
inline constexpr Bilingual kNoPlans{"Không có kế hoạch nào.", "No plans."};
inline constexpr Bilingual kNone{"(không có)", "(none)"};

inline constexpr Bilingual kLevelHeader{"Cấp", "Level"};
inline constexpr Bilingual kFieldHeader{"Lĩnh vực", "Field"};
inline constexpr Bilingual kFormHeader{"Hình thức", "Form"};

inline constexpr Bilingual kRuleTitle{"{}: {} ({}, {})",  // rule, description, severity, Count(cases)
                                      "{}: {} ({}, {})"};
inline constexpr Bilingual kNoViolations{"Không có vi phạm.", "No violations."};
inline constexpr Bilingual kEventHeader{"Sự kiện", "Event"};
inline constexpr Bilingual kSubjectHeader{"Đối tượng", "Subject"};
inline constexpr Bilingual kDetailHeader{"Chi tiết", "Detail"};

inline constexpr Bilingual kTalliesChanged{"Số liệu thay đổi", "Tallies that changed"};
inline constexpr Bilingual kNoTallyChange{"Không có số liệu nào thay đổi.", "No tally changed."};
inline constexpr Bilingual kItemHeader{"Mục", "Item"};
inline constexpr Bilingual kMeasureHeader{"Chỉ số", "Measure"};
inline constexpr Bilingual kFromHeader{"Trước", "Before"};
inline constexpr Bilingual kToHeader{"Sau", "After"};
inline constexpr Bilingual kAppearedTitle{"Vi phạm mới xuất hiện: {}", "Violations that appeared: {}"};  // count
inline constexpr Bilingual kClearedTitle{"Vi phạm không còn: {}", "Violations that cleared: {}"};       // count
inline constexpr Bilingual kRuleHeader{"Quy tắc", "Rule"};

// `batches`: the known-at axis.
inline constexpr Bilingual kBatchesHeader{"Sổ cái có {} dữ liệu, đến sự kiện số {}",  // Count(batches), head seq
                                          "The ledger holds {}, up to seq {}"};
inline constexpr Bilingual kRecordedAtHeader{"Thời điểm ghi nhận", "Recorded at"};
inline constexpr Bilingual kFirstSeqHeader{"Từ số", "First seq"};
inline constexpr Bilingual kLastSeqHeader{"Đến số", "Last seq"};
inline constexpr Bilingual kRecordedByHeader{"Người ghi nhận", "Recorded by"};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_LABELS_H_
