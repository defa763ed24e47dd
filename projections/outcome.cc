#include "projections/outcome.h"

#include <tuple>

#include "core/schema_info.h"

namespace tledger {

template <typename E>
std::string CodeName(E value) {
  const std::string* name = EventSchema::Get().Enum<E>().Name(static_cast<uint16_t>(value));
  return name != nullptr ? *name : std::to_string(static_cast<unsigned>(value));
}
template std::string CodeName(Program);
template std::string CodeName(Funding);
template std::string CodeName(FundingClass);
template std::string CodeName(Location);
template std::string CodeName(Form);
template std::string CodeName(Level);
template std::string CodeName(Category);
template std::string CodeName(schema::Ground);
template std::string CodeName(schema::ReorgKind);
template std::string CodeName(schema::Outcome);
template std::string CodeName(schema::CorrectionAction);
template std::string CodeName(schema::Kind);

std::string ProgramName(Program p) { return CodeName(p); }
std::string FundingName(Funding f) { return CodeName(f); }
std::string ClassName(FundingClass c) { return CodeName(c); }
std::string LocationName(Location l) { return CodeName(l); }

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

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kViolation: return "violation";
    case Kind::kWarning: return "warning";
    case Kind::kDataQuality: return "data_quality";
  }
  return "?";
}

std::string_view SeverityName(Kind k) { return k == Kind::kViolation ? "error" : "warning"; }

std::optional<int64_t> PercentOf(int64_t actual, const std::optional<int64_t>& planned) {
  if (!planned || *planned <= 0) return std::nullopt;
  // Half up: (200 x actual + planned) / (2 x planned), in 128 bits.
  __int128 p = *planned;
  return static_cast<int64_t>((static_cast<__int128>(actual) * 200 + p) / (2 * p));
}

std::optional<int64_t> PercentOfQuota(const CellTally& cell) { return PercentOf(cell.enrolled, cell.quota); }

std::optional<int64_t> PercentOfTarget(const TargetTally& target) {
  return PercentOf(target.trainee_turns, target.target_trainee_turns);
}

std::optional<int64_t> TotalPercentOfQuota(const std::vector<CellTally>& cells) {
  CellTally planned{};
  for (const CellTally& c : cells) {
    if (!c.quota) continue;
    planned.quota = planned.quota.value_or(0) + *c.quota;
    planned.enrolled += c.enrolled;
  }
  return PercentOfQuota(planned);
}

CellTally CellsTotal(const std::vector<CellTally>& cells) {
  CellTally total{};
  if (!cells.empty()) {
    total.program = cells.front().program;
    total.funding_class = cells.front().funding_class;
    total.location = cells.front().location;
  }
  for (const CellTally& c : cells) {
    if (c.quota) total.quota = total.quota.value_or(0) + *c.quota;
    total.enrolled += c.enrolled;
    total.completed += c.completed;
    total.failed += c.failed;
    total.in_progress += c.in_progress;
    total.withdrawn += c.withdrawn;
  }
  return total;
}

void ForEachArg(const FindingArgs& a, const std::function<void(std::string_view, const ArgValue&)>& fn) {
  auto text = [&](std::string_view name, const std::string& v) {
    if (!v.empty()) fn(name, v);
  };
  auto opt = [&](std::string_view name, const auto& v) {
    if (v) fn(name, ArgValue(*v));
  };
  auto vnd = [&](std::string_view name, const std::optional<int64_t>& v) {
    if (v) fn(name, Vnd{*v});
  };
  text("enrollment", a.enrollment);
  text("person", a.person);
  text("person_name", a.person_name);
  text("course", a.course);
  text("decision", a.decision);
  text("first_decision", a.first_decision);
  text("unit", a.unit);
  text("unit_name", a.unit_name);
  text("successor", a.successor);
  text("successor_name", a.successor_name);
  text("plan", a.plan);
  text("field", a.field);
  text("missing", a.missing);
  text("exemption", a.exemption);
  opt("missing_kind", a.missing_kind);
  if (a.event_type) fn("event_type", EventType{*a.event_type});
  opt("program", a.program);
  opt("funding_class", a.funding_class);
  opt("location", a.location);
  opt("category", a.category);
  opt("ground", a.ground);
  opt("on", a.on);
  opt("start", a.start);
  opt("end", a.end);
  opt("opens", a.opens);
  opt("completed", a.completed);
  opt("withdrawn", a.withdrawn);
  opt("since", a.since);
  opt("age", a.age);
  opt("limit", a.limit);
  opt("nth", a.nth);
  opt("quota", a.quota);
  opt("days", a.days);
  opt("t1", a.t1);
  opt("t2", a.t2);
  opt("factor", a.factor);
  vnd("amount_vnd", a.amount_vnd);
  vnd("total_vnd", a.total_vnd);
  vnd("budget_vnd", a.budget_vnd);
  vnd("funding_vnd", a.funding_vnd);
  vnd("gross_vnd", a.gross_vnd);
  vnd("repaid_vnd", a.repaid_vnd);
  vnd("outstanding_vnd", a.outstanding_vnd);
  opt("plan_document", a.plan_document);
}

bool operator<(const Violation& a, const Violation& b) {
  return std::tie(a.rule, a.seq, a.subject, a.enrollment, a.what, a.args) <
         std::tie(b.rule, b.seq, b.subject, b.enrollment, b.what, b.args);
}

}  // namespace tledger
