// `diff --from D1 --to D2`: what changed in the tallies, and which violations
// appeared or cleared, between two as-of dates of the same known-at view.
//
//   ReportDiff d = DiffOutcomes(view.Evaluate({.as_of = d1}), view.Evaluate({.as_of = d2}));
//
// Pure; thread-compatible.
#ifndef TLEDGER_TOOLS_CLI_REPORT_DIFF_H_
#define TLEDGER_TOOLS_CLI_REPORT_DIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "projections/as_of.h"
#include "projections/outcome.h"

namespace tledger {

// Where a tally stands in a report.
enum class Section : uint8_t {
  kPlan,   // a plan's money: budget_vnd, public_funding_vnd, remaining_vnd
  kCell,   // a plan's quota cell: quota, enrolled, completed, failed, in_progress, withdrawn
  kLevel,  // by_level: trainee_turns, persons
  kField,  // by_field: trainee_turns, classes
  kForm,   // by_form: trainee_turns, classes
  kTotal,  // reimbursement_due_vnd
};
// "plan", "cell", "by_level", "by_field", "by_form", "total".
std::string_view SectionName(Section s);

struct TallyChange {
  Section section = Section::kTotal;
  std::string plan = {};                   // kPlan, kCell
  std::optional<AsOf::CellKey> cell = {};  // kCell
  std::string key = {};                    // kLevel, kField, kForm: the level, field or form
  std::string measure = {};                // "enrolled", "budget_vnd", ... (the JSON key)
  // nullopt: no value. A count of something a report does not list is 0; a
  // declared amount (quota, budget_vnd, remaining_vnd) of it has no value,
  // as has a cell's quota where the plan sets none.
  std::optional<int64_t> from = {}, to = {};
};

struct ReportDiff {
  Date from, to;          // the two as-of dates
  Timestamp known_at = 0;
  std::vector<TallyChange> changes;  // in report order: plans (money, then cells), by_level, by_field, by_form, total
  // A violation's identity is (rule, evidence event, subject, enrollment):
  // one on both dates is in neither list, even if its detail changed.
  std::vector<Violation> appeared;   // on `to` only, in violations order
  std::vector<Violation> cleared;    // on `from` only, in violations order
};

ReportDiff DiffOutcomes(const Outcome& from, const Outcome& to);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_REPORT_DIFF_H_
