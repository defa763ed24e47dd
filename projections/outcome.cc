#include "projections/outcome.h"

#include <tuple>

namespace tledger {

std::string_view RuleName(Rule r) {
  switch (r) {
    case Rule::kAgeLimit: return "AGE_LIMIT";
    case Rule::kBudgetExceeded: return "BUDGET_EXCEEDED";
    case Rule::kDateInconsistent: return "DATE_INCONSISTENT";
    case Rule::kDroppedOut: return "DROPPED_OUT";
    case Rule::kDuplicateFunding: return "DUPLICATE_FUNDING";
    case Rule::kFailed: return "FAILED";
    case Rule::kFundingWithoutEnrollment: return "FUNDING_WITHOUT_ENROLLMENT";
    case Rule::kMissingReference: return "MISSING_REFERENCE";
    case Rule::kNotInPlan: return "NOT_IN_PLAN";
    case Rule::kNotPriorityField: return "NOT_PRIORITY_FIELD";
    case Rule::kOutsidePhase: return "OUTSIDE_PHASE";
    case Rule::kOverdue: return "OVERDUE";
    case Rule::kQuotaExceeded: return "QUOTA_EXCEEDED";
    case Rule::kServiceBreach: return "SERVICE_BREACH";
    case Rule::kUnitDissolved: return "UNIT_DISSOLVED";
  }
  return "?";
}

std::optional<Rule> RuleByName(std::string_view name) {
  for (Rule r : kAllRules) {
    if (RuleName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view Severity(Rule r) { return r == Rule::kNotPriorityField ? "warning" : "error"; }

bool operator<(const Violation& a, const Violation& b) {
  return std::tie(a.rule, a.seq, a.subject, a.detail_en) < std::tie(b.rule, b.seq, b.subject, b.detail_en);
}

}  // namespace tledger
