// What a report is made of: the tallies and the violations of one (D, T).
// Plain values, ready for the renderers (tools/cli/render_*).
#ifndef TLEDGER_PROJECTIONS_OUTCOME_H_
#define TLEDGER_PROJECTIONS_OUTCOME_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
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

// A plan's own decision as the ledger knows it as of D: what heads the
// plan's section of a report and what a plan-based finding cites
// (shared/spec/legal.md, "plan decision").
struct PlanDocument {
  std::string plan;         // the plan's id
  std::string title;        // as issued
  std::string source;       // the decision's number (plan_issued's `source`); empty when not recorded
  Date issued;              // plan_issued's effective date
  std::string issuer;       // the issuing unit's id
  std::string issuer_name;  // its registered name as of D; empty when it is not registered
  friend auto operator<=>(const PlanDocument&, const PlanDocument&) = default;
};

// A plan's target for one program (shared/spec/rules.md, "per target"),
// against what the plan's courses of that program did.
struct TargetTally {
  Program program;
  std::optional<int64_t> target_trainee_turns;  // null: the plan sets none
  std::optional<int64_t> target_classes;        // null: the plan sets none
  int64_t trainee_turns = 0;                    // active enrollments
  int64_t classes = 0;                          // courses with at least one
  friend bool operator==(const TargetTally&, const TargetTally&) = default;
};

struct PlanTally {
  std::string plan;
  int64_t budget_vnd = 0;
  int64_t public_funding_vnd = 0;
  int64_t remaining_vnd = 0;
  std::vector<CellTally> cells;      // in (program, funding_class, location) order
  PlanDocument document;             // as issued, with the issuer's name as of D
  std::vector<TargetTally> targets;  // in program order
  friend bool operator==(const PlanTally&, const PlanTally&) = default;
};

// `actual` / `planned` x 100, rounded half up to a whole number; nullopt
// where nothing is planned (null or zero).
std::optional<int64_t> PercentOf(int64_t actual, const std::optional<int64_t>& planned);

// "% đạt kế hoạch" of a cell: enrolled / quota x 100, rounded half up to a
// whole number; nullopt where the quota is null or zero (no plan to reach).
std::optional<int64_t> PercentOfQuota(const CellTally& cell);

// "% đạt kế hoạch" of a plan's cells taken together: what the cells that
// set a quota enrolled, over the sum of their quotas (a cell without a
// quota has no plan to reach); nullopt when no quota is set.
std::optional<int64_t> TotalPercentOfQuota(const std::vector<CellTally>& cells);

// "% đạt kế hoạch" of a target: trainee-turns / target trainee-turns x 100,
// rounded half up (Đầm Hà: 16,006 of 15,850 is 101%); nullopt where the
// plan sets no trainee-turns (or zero).
std::optional<int64_t> PercentOfTarget(const TargetTally& target);

// A plan's cells added up: the quotas that are set (null ones left out; a
// null when none is set) and every count. Its program, class and location
// are those of the first cell and mean nothing.
CellTally CellsTotal(const std::vector<CellTally>& cells);

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

// The interchange codes (shared/spec/events.md): "phd", "state_budget",
// "public", "domestic", "semi_centralized", "commune", "civil_servant", ...
// What JSON prints; a person reads the catalog's names instead.
template <typename E>
std::string CodeName(E value);  // any enumeration of core/event.capnp listed in outcome.cc
std::string ProgramName(Program p);
std::string FundingName(Funding f);
std::string ClassName(FundingClass c);
std::string LocationName(Location l);

// "NOT_IN_PLAN" ...
std::string_view RuleName(Rule r);
std::optional<Rule> RuleByName(std::string_view name);

// "violation", "warning", "data_quality": JSON's `kind`.
std::string_view KindName(Kind k);
// JSON's `severity`: "error" for a violation, "warning" for the others.
std::string_view SeverityName(Kind k);

// The typed arguments of a finding: what its catalog entry's words name.
// Plain values (ids as the ledger records them, codes, dates, counts,
// amounts), no pointer into the engine's state; what a rule does not set
// stays empty. Where a person, unit or course is named, its name as
// registered as of D comes with it.
struct FindingArgs {
  // Ids (empty: none) and names.
  std::string enrollment;
  std::string person, person_name;
  std::string course;
  std::string decision, first_decision;   // DUPLICATE_FUNDING: the first one
  std::string unit, unit_name;
  std::string successor, successor_name;  // UNIT_DISSOLVED: merged into or renamed to
  std::string plan;
  std::string field;                      // a field code
  std::string missing;                    // MISSING_REFERENCE: the id no event registers
  std::string exemption;                  // the compensation_exempted event's id
  // Codes.
  std::optional<schema::Kind> missing_kind;  // MISSING_REFERENCE: what the id should be
  std::optional<uint16_t> event_type;        // the evidence event's type (Body union discriminant)
  std::optional<Program> program;
  std::optional<FundingClass> funding_class;
  std::optional<Location> location;
  std::optional<Category> category;
  std::optional<schema::Ground> ground;      // of the exemption
  // Dates.
  std::optional<Date> on;         // the evidence event's date: enrollment, completion, withdrawal, leaving, decision, ...
  std::optional<Date> start, end;  // the course's
  std::optional<Date> opens;      // OUTSIDE_PHASE: the field's phase
  std::optional<Date> completed;  // SERVICE_BREACH: the passed completion
  std::optional<Date> withdrawn;  // FUNDING_WITHOUT_ENROLLMENT: when the enrollment was withdrawn
  std::optional<Date> since;      // UNIT_DISSOLVED: when the unit ceased
  // Counts.
  std::optional<int64_t> age, limit;          // AGE_LIMIT
  std::optional<int64_t> nth, quota;          // QUOTA_EXCEEDED
  std::optional<int64_t> days;                // OVERDUE: the grace period
  std::optional<int64_t> t1, t2, factor;      // SERVICE_BREACH: months owed and served, the commitment factor
  // Amounts, integer VND.
  std::optional<int64_t> amount_vnd;          // a decision's
  std::optional<int64_t> total_vnd, budget_vnd;  // BUDGET_EXCEEDED: the running sum, the plan's budget
  // Compensation, only where đền bù applies (shared/spec/rules.md,
  // "Compensation"): F, the statutory amount before any exemption (F, or
  // F x (T1 - T2) / T1), what was paid back by D, what is still owed (zero
  // when exempted; never below zero).
  std::optional<int64_t> funding_vnd, gross_vnd, repaid_vnd, outstanding_vnd;
  // A plan-based finding's basis: the plan's decision.
  std::optional<PlanDocument> plan_document;

  friend auto operator<=>(const FindingArgs&, const FindingArgs&) = default;
};

// A finding's arguments one by one, each with its stable name (the JSON
// key of `params`, the placeholder of the catalog's words) and typed value,
// in declaration order; unset arguments are skipped. The one listing of
// FindingArgs: JSON and the catalog both walk it.
struct Vnd {
  int64_t vnd;
};
struct EventType {
  uint16_t which;  // the Body union discriminant
};
using ArgValue = std::variant<std::string, Date, int64_t, Vnd, Program, FundingClass, Location, Category,
                              schema::Ground, schema::Kind, EventType, PlanDocument>;
void ForEachArg(const FindingArgs& args, const std::function<void(std::string_view name, const ArgValue& value)>& fn);

struct Violation {
  Rule rule;
  Case what = Case::kAgeLimit;  // which case of the rule
  Kind kind = Kind::kViolation;
  uint64_t seq = 0;         // the evidence event's place in the chain
  std::string event;        // the evidence event's id
  std::string subject;      // the person, plan, enrollment, decision or unit concerned
  Rulebook rulebook;        // the rulebook the case was judged by
  Basis basis = Basis::kNone;  // its legal basis (projections/rulebook.h); for kPlanDecision, args.plan_document
  std::string enrollment;   // the enrollment concerned, where there is one
  // The case's compensation, where đền bù applies: its amount before
  // repayments, zero when exempted (args: gross, repaid, outstanding).
  std::optional<int64_t> amount_vnd;
  std::string plan;         // the plan concerned, where there is one (--plan)
  FindingArgs args;

  // (rule, evidence seq, subject, enrollment, case, args): the order of `violations`.
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
