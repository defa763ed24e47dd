// What a report is made of: the tallies and the violations of one (D, T).
// Plain values, ready for the renderers (tools/cli/render_*).
#ifndef TLEDGER_PROJECTIONS_OUTCOME_H_
#define TLEDGER_PROJECTIONS_OUTCOME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "projections/facts.h"
#include "projections/rulebook.h"

namespace tledger {

struct CellTally {
  Program program;
  FundingClass funding_class;
  Location location;
  std::optional<int64_t> quota;  // null: the plan sets no quota for this program
  int64_t enrolled = 0;          // active enrollments
  int64_t completed = 0;         // of those, with a passed completion
  int64_t failed = 0;            // of those, with a failed completion
  int64_t in_progress = 0;       // of those, with no completion
  int64_t withdrawn = 0;         // withdrawn enrollments
  friend bool operator==(const CellTally&, const CellTally&) = default;
};

struct PlanTally {
  std::string plan;
  int64_t budget_vnd = 0;
  int64_t public_funding_vnd = 0;
  int64_t remaining_vnd = 0;
  std::vector<CellTally> cells;  // in (program, funding_class, location) order
  std::string title;             // as issued
  friend bool operator==(const PlanTally&, const PlanTally&) = default;
};

struct LevelTally {
  std::string level;  // central, province, district, commune, or unknown
  int64_t trainee_turns = 0;
  int64_t persons = 0;
  friend bool operator==(const LevelTally&, const LevelTally&) = default;
};

struct GroupTally {
  std::string key;  // a field code, or a form
  int64_t trainee_turns = 0;
  int64_t classes = 0;  // courses with at least one active enrollment
  friend bool operator==(const GroupTally&, const GroupTally&) = default;
};

struct Report {
  Date as_of;
  Timestamp known_at = 0;
  uint64_t events_counted = 0;
  std::vector<PlanTally> plans;       // by plan id
  std::vector<LevelTally> by_level;   // central, province, district, commune[, unknown]
  std::vector<GroupTally> by_field;   // by field code
  std::vector<GroupTally> by_form;    // centralized, semi_centralized, remote, online
  int64_t reimbursement_due_vnd = 0;
  friend bool operator==(const Report&, const Report&) = default;
};

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

// "NOT_IN_PLAN" ...
std::string_view RuleName(Rule r);
std::optional<Rule> RuleByName(std::string_view name);
// "error", or "warning" (NOT_PRIORITY_FIELD).
std::string_view Severity(Rule r);

struct Violation {
  Rule rule;
  uint64_t seq = 0;         // the evidence event's place in the chain
  std::string event;        // the evidence event's id
  std::string subject;      // the person, plan, enrollment, decision or unit concerned
  Rulebook rulebook;        // the rulebook the case was judged by
  std::string detail_vi;    // what happened, naming the rulebook
  std::string detail_en;
  std::string enrollment;   // the enrollment concerned, where there is one
  std::optional<int64_t> amount_vnd;  // compensation owed under this violation, where the rule sets one
  std::string plan;         // the plan concerned, where there is one (--plan)

  // (rule, evidence seq, subject, detail): the order of `violations`.
  friend bool operator<(const Violation& a, const Violation& b);
  friend bool operator==(const Violation&, const Violation&) = default;
};

struct Outcome {
  Report report;
  std::vector<Violation> violations;
  friend bool operator==(const Outcome&, const Outcome&) = default;
};

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_OUTCOME_H_
