// The rulebook: every limit, factor and grace period the rules use, dated,
// and the legal basis of each finding (shared/spec/legal.md), in one place.
//
//   Rulebook rb = RulebookFor(course_start, category);   // 2017 or 2025
//   int limit = Info(rb).age_limit;
//   const BasisEntry& b = BasisOf(Basis::kFailed2017);  // khoản 2 Điều 7 NĐ 101/2017 ...
//   const InstrumentInfo& nd = InstrumentOf(b.citations[0].instrument);
//
// The law changed on 2025-07-01: Decree 101/2017/NĐ-CP (as amended by Decree
// 89/2021/NĐ-CP) governed the training of cadres and civil servants until
// 2025-06-30; Decree 171/2025/NĐ-CP governs it from 2025-07-01. A case is
// judged by the rulebook in force on its course's start date; public
// employees stay on the 2017 rulebook (shared/spec/rules.md).
//
// The legal-basis table is legal.md's, as data: each entry holds the
// instrument, Điều, khoản and điểm as far as legal.md has checked them, and
// what it holds is what is printed, never more precise (an entry whose
// clause is "to confirm" holds the article only). The words of a citation
// are the renderers' (tools/cli/finding_catalog.h); the instruments' titles
// are here, with the table.
#ifndef TLEDGER_PROJECTIONS_RULEBOOK_H_
#define TLEDGER_PROJECTIONS_RULEBOOK_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/date.h"
#include "projections/facts.h"

namespace tledger {

// Listed in this (alphabetical) order; the numbers are not written anywhere.
enum class Rule : uint8_t {
  kAgeLimit,
  kBudgetExceeded,
  kDateInconsistent,
  kDroppedOut,
  kDuplicateFunding,
  kFailed,
  kFundingWithoutEnrollment,
  kMissingReference,
  kNotInPlan,
  kNotPriorityField,
  kOutsidePhase,
  kOverdue,
  kQuotaExceeded,
  kServiceBreach,
  kUnitDissolved,
};
inline constexpr Rule kAllRules[] = {
    Rule::kAgeLimit,       Rule::kBudgetExceeded,   Rule::kDateInconsistent,
    Rule::kDroppedOut,     Rule::kDuplicateFunding, Rule::kFailed,
    Rule::kFundingWithoutEnrollment, Rule::kMissingReference, Rule::kNotInPlan,
    Rule::kNotPriorityField, Rule::kOutsidePhase,   Rule::kOverdue,
    Rule::kQuotaExceeded,  Rule::kServiceBreach,    Rule::kUnitDissolved,
};

// What a finding is (shared/spec/legal.md, "kind"): a breach of the law or
// of the plan, a warning, or a data-quality finding (a record to put right,
// not a breach of law). Decided per rule and, where legal.md says so, per
// case (a failed fostering course is a warning).
enum class Kind : uint8_t { kViolation, kWarning, kDataQuality };
inline constexpr Kind kAllKinds[] = {Kind::kViolation, Kind::kWarning, Kind::kDataQuality};

// Which case of its rule a finding is: each case has its own words in the
// catalog (tools/cli/finding_catalog.h), its kind and its legal basis
// (projections/rulebook.h). Listed by rule.
enum class Case : uint8_t {
  kAgeLimit,
  kBudgetExceeded,
  kEnrolledAfterCourseEnd,      // DATE_INCONSISTENT
  kCompletedBeforeCourseStart,  // DATE_INCONSISTENT
  kDroppedOut,                  // đền bù applies
  kDroppedOutNotCovered,        // a degree the law's đền bù does not cover (2025-rulebook bachelor)
  kDuplicateFunding,
  kFailedDegree,                // a publicly funded degree the law covers: đền bù
  kFailedDegreeNotCovered,      // a self-funded degree, a 2025-rulebook bachelor
  kFailedFostering,             // political theory, state management, fostering
  kFailedCourseUnknown,         // the enrollment's course is not opened as of D
  kFundingUnknownEnrollment,    // FUNDING_WITHOUT_ENROLLMENT
  kFundingWithdrawnEnrollment,  // FUNDING_WITHOUT_ENROLLMENT
  kMissingReference,
  kNotInPlan,
  kNotPriorityField,
  kOutsidePhase,
  kOverdue,
  kQuotaExceeded,
  kServiceBreach,               // đền bù applies
  kServiceBreachNotCovered,     // a 2025-rulebook bachelor
  kUnitMerged,                  // UNIT_DISSOLVED
  kUnitRenamed,
  kUnitDissolved,
  kDistrictEnded,               // a district, on 2025-07-01 (Luật 72/2025/QH15)
};

// The rule a case belongs to.
Rule RuleOf(Case c);
// Its kind (legal.md's "kind" column, per case where it says so).
Kind KindOf(Case c);

enum class Rulebook : uint8_t { k2017, k2025 };

struct RulebookInfo {
  std::string_view code;      // "2017", "2025": JSON
  int age_limit;              // when first sent to publicly funded postgraduate training
  int service_factor;         // months of service owed per month of publicly funded degree training
};

// Decree 171/2025/NĐ-CP takes effect; Resolution 202/2025/QH15 ends the
// district level (two-level local government).
inline constexpr Date kDecree171Effective = Date::FromDays(20270);  // 2025-07-01
inline constexpr Date kDistrictLevelAbolished = kDecree171Effective;
// Decree 27/2026/NĐ-CP (the national database of cadres, civil servants
// and public employees) takes effect: records are to be kept current.
inline constexpr Date kDecree27Effective = Date::FromDays(20635);  // 2026-07-01
// OVERDUE: an enrollment with no completion this many days after its course ended.
inline constexpr int kOverdueGraceDays = 30;

// The rulebook in force for a case whose course starts on `course_start`,
// for a person of `category`.
Rulebook RulebookFor(Date course_start, Category category);
// The rulebook in force on a date, for a case that has no course.
Rulebook RulebookOn(Date date);
const RulebookInfo& Info(Rulebook r);

// Whether the law's đền bù (repaying training costs) covers a program under
// a rulebook: degree programs, bachelor included, under 2017 (khoản 1-3
// Điều 7 NĐ 101/2017: "từ trình độ trung cấp trở lên"); postgraduate ones
// only under 2025 (Điều 6 NĐ 171/2025: "đào tạo sau đại học").
bool CompensationCovers(Rulebook r, Program program);

// ------------------------------------------------------------ legal basis

// The instruments legal.md names. The numbers are not written anywhere.
enum class Instrument : uint8_t {
  kDecree101_2017,  // NĐ 101/2017, as amended by NĐ 89/2021
  kDecree171_2025,  // NĐ 171/2025
  kLaw72_2025,      // Luật 72/2025/QH15
  kDecree27_2026,   // NĐ 27/2026
  kPlanDecision,    // the plan's own decision: its number and date are the finding's (FindingArgs::plan_document)
};

struct InstrumentInfo {
  std::string_view code;     // JSON: "decree_101_2017", ..., "plan_decision"
  std::string_view short_vi;  // "NĐ 101/2017": after the first mention in a document
  std::string_view full_vi;   // the full title: at the first mention
  std::string_view short_en;
  std::string_view full_en;
};
const InstrumentInfo& InstrumentOf(Instrument i);

// How far legal.md has checked a citation.
enum class Confidence : uint8_t {
  kChecked,          // read in quoted text
  kClauseToConfirm,  // the article checked, the clause not: the article only is held
  kArticleInferred,  // the clause's text checked, its article number inferred
};
std::string_view ConfidenceName(Confidence c);  // "checked", "clause_to_confirm", "article_inferred"

// What a citation is the basis of, in a finding that cites several.
enum class Role : uint8_t {
  kObligation,  // the rule the case breaks (the first citation)
  kAmount,      // how much is to be paid back
  kCommitment,  // how long the service commitment is
  kExemption,   // when an exemption applies
};
std::string_view RoleName(Role r);  // "obligation", "amount", "commitment", "exemption"

// One provision: point (điểm), clause (khoản), article (Điều) of an
// instrument, as far as they are known (0 / '\0': not held). A plan
// decision has none of them.
struct Citation {
  Instrument instrument;
  int article = 0;
  int clause = 0;
  char point = '\0';
  Role role = Role::kObligation;
  Confidence confidence = Confidence::kChecked;
  std::string_view quote_vi = {};  // the law's words, where legal.md quotes them
};

// The entries of legal.md's table a finding can cite. The numbers are not
// written anywhere (JSON names the citations, not the entry).
enum class Basis : uint8_t {
  kNone,                      // no basis found: a record-keeping check, or a case the law does not cover
  kPlanDecision,              // NOT_IN_PLAN 2017, QUOTA_EXCEEDED, BUDGET_EXCEEDED, OUTSIDE_PHASE, NOT_PRIORITY_FIELD 2017
  kNotInPlan2025,             // the plan decision; khoản 1 Điều 2 NĐ 171/2025
  kNotPriorityField2025,      // the plan decision; Điều 4 NĐ 171/2025
  kFailed2017,                // khoản 2 Điều 7 NĐ 101/2017; amount điểm a khoản 2 Điều 8
  kFailed2025,                // Điều 6 NĐ 171/2025
  kDroppedOut2017,            // khoản 1 Điều 7 NĐ 101/2017; amount điểm a khoản 2 Điều 8
  kDroppedOut2025,            // Điều 6 NĐ 171/2025
  kAgeLimit2017,              // điểm b khoản 1 Điều 6 NĐ 101/2017
  kAgeLimit2025,              // Điều 5 NĐ 171/2025
  kServiceBreach2017,         // khoản 3 Điều 7; amount điểm b khoản 2 Điều 8; commitment điểm c khoản 1 Điều 6
  kServiceBreach2017PublicEmployee,  // the same, commitment điểm b khoản 2 Điều 6
  kServiceBreach2025,         // Điều 6, Điều 7 NĐ 171/2025; commitment Điều 5; exemptions Điều 8
  kOverdue2026,               // Điều 19 NĐ 27/2026 (from 2026-07-01)
  kDistrictEnded,             // khoản 3 Điều 51 Luật 72/2025/QH15
};

struct BasisEntry {
  Basis basis;
  std::span<const Citation> citations;  // the obligation first; empty for kNone
};
const BasisEntry& BasisOf(Basis b);

// What legal.md gives a case judged by `rulebook`, as of `as_of`, for a
// person of `category` (nullopt: unknown). A plan-based entry cites the
// plan's decision, which the finding carries (FindingArgs::plan_document).
Basis BasisFor(Case c, Rulebook rulebook, std::optional<Category> category, Date as_of);
// Every entry, in Basis order: for tests and documentation.
std::span<const BasisEntry> AllBases();

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_RULEBOOK_H_
