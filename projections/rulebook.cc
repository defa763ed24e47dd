#include "projections/rulebook.h"

#include <array>

namespace tledger {
namespace {

constexpr RulebookInfo k2017{"2017", 40, 2};
constexpr RulebookInfo k2025{"2025", 45, 3};

constexpr InstrumentInfo kInstruments[] = {
    {"decree_101_2017", "NĐ 101/2017",
     "Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, công chức, "
     "viên chức (được sửa đổi, bổ sung bởi Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 năm 2021 của Chính phủ)",
     "Decree 101/2017",
     "Decree No. 101/2017/ND-CP of 1 September 2017 of the Government on the training and fostering of cadres, civil "
     "servants and public employees (as amended and supplemented by Decree No. 89/2021/ND-CP of 18 October 2021 of "
     "the Government)"},
    {"decree_171_2025", "NĐ 171/2025",
     "Nghị định số 171/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về đào tạo, bồi dưỡng công chức",
     "Decree 171/2025",
     "Decree No. 171/2025/ND-CP of 30 June 2025 of the Government on the training and fostering of civil servants"},
    {"law_72_2025", "Luật 72/2025/QH15", "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", "Law 72/2025/QH15",
     "Law on the Organization of Local Government No. 72/2025/QH15"},
    {"decree_27_2026", "NĐ 27/2026",
     "Nghị định số 27/2026/NĐ-CP ngày 19 tháng 01 năm 2026 của Chính phủ quy định về Cơ sở dữ liệu quốc gia về cán "
     "bộ, công chức, viên chức",
     "Decree 27/2026",
     "Decree No. 27/2026/ND-CP of 19 January 2026 of the Government on the national database of cadres, civil "
     "servants and public employees"},
    {"plan_decision", "", "", "", ""},
};

using I = Instrument;
using C = Confidence;
using R = Role;

// legal.md's table, entry by entry: the obligation first, then the amount,
// the commitment and the exemptions where it names them. A "to confirm"
// clause is not held.
constexpr Citation kPlan[] = {{I::kPlanDecision}};
constexpr Citation kNotInPlan2025[] = {
    {I::kPlanDecision},
    {I::kDecree171_2025, 2, 1, '\0', R::kObligation, C::kChecked, "phù hợp với kế hoạch đào tạo, bồi dưỡng"}};
constexpr Citation kNotPriorityField2025[] = {{I::kPlanDecision},
                                              {I::kDecree171_2025, 4, 0, '\0', R::kObligation, C::kClauseToConfirm}};
constexpr Citation kFailed2017[] = {
    {I::kDecree101_2017, 7, 2, '\0', R::kObligation, C::kChecked, "Không được cơ sở đào tạo cấp văn bằng tốt nghiệp"},
    {I::kDecree101_2017, 8, 2, 'a', R::kAmount}};
constexpr Citation kArticle6Of171[] = {{I::kDecree171_2025, 6, 0, '\0', R::kObligation, C::kClauseToConfirm}};
constexpr Citation kDroppedOut2017[] = {
    {I::kDecree101_2017, 7, 1, '\0', R::kObligation, C::kChecked,
     "Tự ý bỏ học, bỏ việc hoặc đơn phương chấm dứt hợp đồng làm việc trong thời gian đào tạo"},
    {I::kDecree101_2017, 8, 2, 'a', R::kAmount}};
constexpr Citation kAgeLimit2017[] = {{I::kDecree101_2017, 6, 1, 'b', R::kObligation, C::kChecked,
                                       "Không quá 40 tuổi tính từ thời điểm được cử đi đào tạo sau đại học lần đầu"}};
constexpr Citation kAgeLimit2025[] = {{I::kDecree171_2025, 5, 0, '\0', R::kObligation, C::kClauseToConfirm}};
constexpr Citation kServiceBreach2017[] = {{I::kDecree101_2017, 7, 3},
                                           {I::kDecree101_2017, 8, 2, 'b', R::kAmount},
                                           {I::kDecree101_2017, 6, 1, 'c', R::kCommitment}};
constexpr Citation kServiceBreach2017PublicEmployee[] = {{I::kDecree101_2017, 7, 3},
                                                         {I::kDecree101_2017, 8, 2, 'b', R::kAmount},
                                                         {I::kDecree101_2017, 6, 2, 'b', R::kCommitment}};
constexpr Citation kServiceBreach2025[] = {
    {I::kDecree171_2025, 6, 0, '\0', R::kObligation, C::kClauseToConfirm},
    {I::kDecree171_2025, 7, 0, '\0', R::kObligation, C::kClauseToConfirm},
    {I::kDecree171_2025, 5, 0, '\0', R::kCommitment, C::kClauseToConfirm},
    {I::kDecree171_2025, 8, 0, '\0', R::kExemption, C::kClauseToConfirm}};
constexpr Citation kOverdue2026[] = {{I::kDecree27_2026, 19, 0, '\0', R::kObligation, C::kClauseToConfirm}};
constexpr Citation kDistrictEnded[] = {
    {I::kLaw72_2025, 51, 3, '\0', R::kObligation, C::kArticleInferred,
     "... (sau đây gọi chung là cấp huyện) kết thúc hoạt động từ ngày 01 tháng 7 năm 2025."}};

// In Basis order.
constexpr BasisEntry kBases[] = {
    {Basis::kNone, {}},
    {Basis::kPlanDecision, kPlan},
    {Basis::kNotInPlan2025, kNotInPlan2025},
    {Basis::kNotPriorityField2025, kNotPriorityField2025},
    {Basis::kFailed2017, kFailed2017},
    {Basis::kFailed2025, kArticle6Of171},
    {Basis::kDroppedOut2017, kDroppedOut2017},
    {Basis::kDroppedOut2025, kArticle6Of171},
    {Basis::kAgeLimit2017, kAgeLimit2017},
    {Basis::kAgeLimit2025, kAgeLimit2025},
    {Basis::kServiceBreach2017, kServiceBreach2017},
    {Basis::kServiceBreach2017PublicEmployee, kServiceBreach2017PublicEmployee},
    {Basis::kServiceBreach2025, kServiceBreach2025},
    {Basis::kOverdue2026, kOverdue2026},
    {Basis::kDistrictEnded, kDistrictEnded},
};

}  // namespace

Rule RuleOf(Case c) {
  switch (c) {
    case Case::kAgeLimit: return Rule::kAgeLimit;
    case Case::kBudgetExceeded: return Rule::kBudgetExceeded;
    case Case::kEnrolledAfterCourseEnd:
    case Case::kCompletedBeforeCourseStart: return Rule::kDateInconsistent;
    case Case::kDroppedOut:
    case Case::kDroppedOutNotCovered: return Rule::kDroppedOut;
    case Case::kDuplicateFunding: return Rule::kDuplicateFunding;
    case Case::kFailedDegree:
    case Case::kFailedDegreeNotCovered:
    case Case::kFailedFostering:
    case Case::kFailedCourseUnknown: return Rule::kFailed;
    case Case::kFundingUnknownEnrollment:
    case Case::kFundingWithdrawnEnrollment: return Rule::kFundingWithoutEnrollment;
    case Case::kMissingReference: return Rule::kMissingReference;
    case Case::kNotInPlan: return Rule::kNotInPlan;
    case Case::kNotPriorityField: return Rule::kNotPriorityField;
    case Case::kOutsidePhase: return Rule::kOutsidePhase;
    case Case::kOverdue: return Rule::kOverdue;
    case Case::kQuotaExceeded: return Rule::kQuotaExceeded;
    case Case::kServiceBreach:
    case Case::kServiceBreachNotCovered: return Rule::kServiceBreach;
    case Case::kUnitMerged:
    case Case::kUnitRenamed:
    case Case::kUnitDissolved:
    case Case::kDistrictEnded: return Rule::kUnitDissolved;
  }
  return Rule::kAgeLimit;
}

Kind KindOf(Case c) {
  switch (c) {
    case Case::kDroppedOutNotCovered:
    case Case::kFailedDegreeNotCovered:
    case Case::kFailedFostering:
    case Case::kFailedCourseUnknown:
    case Case::kNotPriorityField:
    case Case::kServiceBreachNotCovered: return Kind::kWarning;
    case Case::kDuplicateFunding:
    case Case::kEnrolledAfterCourseEnd:
    case Case::kCompletedBeforeCourseStart:
    case Case::kFundingUnknownEnrollment:
    case Case::kFundingWithdrawnEnrollment:
    case Case::kMissingReference:
    case Case::kOverdue:
    case Case::kUnitMerged:
    case Case::kUnitRenamed:
    case Case::kUnitDissolved:
    case Case::kDistrictEnded: return Kind::kDataQuality;
    case Case::kAgeLimit:
    case Case::kBudgetExceeded:
    case Case::kDroppedOut:
    case Case::kFailedDegree:
    case Case::kNotInPlan:
    case Case::kOutsidePhase:
    case Case::kQuotaExceeded:
    case Case::kServiceBreach: return Kind::kViolation;
  }
  return Kind::kViolation;
}

Rulebook RulebookOn(Date date) { return date < kDecree171Effective ? Rulebook::k2017 : Rulebook::k2025; }

Rulebook RulebookFor(Date course_start, Category category) {
  if (category == Category::PUBLIC_EMPLOYEE) return Rulebook::k2017;
  return RulebookOn(course_start);
}

const RulebookInfo& Info(Rulebook r) { return r == Rulebook::k2017 ? k2017 : k2025; }

bool CompensationCovers(Rulebook r, Program program) {
  return r == Rulebook::k2017 ? IsDegree(program) : IsPostgraduate(program);
}

const InstrumentInfo& InstrumentOf(Instrument i) { return kInstruments[static_cast<size_t>(i)]; }

std::string_view ConfidenceName(Confidence c) {
  switch (c) {
    case Confidence::kChecked: return "checked";
    case Confidence::kClauseToConfirm: return "clause_to_confirm";
    case Confidence::kArticleInferred: return "article_inferred";
  }
  return "?";
}

std::string_view RoleName(Role r) {
  switch (r) {
    case Role::kObligation: return "obligation";
    case Role::kAmount: return "amount";
    case Role::kCommitment: return "commitment";
    case Role::kExemption: return "exemption";
  }
  return "?";
}

const BasisEntry& BasisOf(Basis b) { return kBases[static_cast<size_t>(b)]; }

std::span<const BasisEntry> AllBases() { return kBases; }

Basis BasisFor(Case c, Rulebook rulebook, std::optional<Category> category, Date as_of) {
  bool y2017 = rulebook == Rulebook::k2017;
  switch (c) {
    case Case::kNotInPlan: return y2017 ? Basis::kPlanDecision : Basis::kNotInPlan2025;
    case Case::kQuotaExceeded:
    case Case::kBudgetExceeded:
    case Case::kOutsidePhase: return Basis::kPlanDecision;
    case Case::kNotPriorityField: return y2017 ? Basis::kPlanDecision : Basis::kNotPriorityField2025;
    case Case::kFailedDegree: return y2017 ? Basis::kFailed2017 : Basis::kFailed2025;
    case Case::kDroppedOut: return y2017 ? Basis::kDroppedOut2017 : Basis::kDroppedOut2025;
    case Case::kAgeLimit: return y2017 ? Basis::kAgeLimit2017 : Basis::kAgeLimit2025;
    case Case::kServiceBreach:
      if (!y2017) return Basis::kServiceBreach2025;
      return category == Category::PUBLIC_EMPLOYEE ? Basis::kServiceBreach2017PublicEmployee
                                                    : Basis::kServiceBreach2017;
    // Records kept current: from the day NĐ 27/2026 takes effect, whatever
    // rulebook the course was judged by.
    case Case::kOverdue: return as_of < kDecree27Effective ? Basis::kNone : Basis::kOverdue2026;
    // The clause ends the district level; a merger, a renaming or another
    // dissolution is not its case.
    case Case::kDistrictEnded: return Basis::kDistrictEnded;
    // A case the law's đền bù does not cover (Điều 7 NĐ 101/2017: "từ trình
    // độ trung cấp trở lên"; Điều 6 NĐ 171/2025: "đào tạo sau đại học"),
    // and the record-keeping checks: no basis found.
    case Case::kDroppedOutNotCovered:
    case Case::kFailedDegreeNotCovered:
    case Case::kFailedFostering:
    case Case::kFailedCourseUnknown:
    case Case::kServiceBreachNotCovered:
    case Case::kDuplicateFunding:
    case Case::kEnrolledAfterCourseEnd:
    case Case::kCompletedBeforeCourseStart:
    case Case::kFundingUnknownEnrollment:
    case Case::kFundingWithdrawnEnrollment:
    case Case::kMissingReference:
    case Case::kUnitMerged:
    case Case::kUnitRenamed:
    case Case::kUnitDissolved: return Basis::kNone;
  }
  return Basis::kNone;
}

}  // namespace tledger
