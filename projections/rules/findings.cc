#include "projections/rules/rules.h"

#include "core/schema_info.h"
#include "projections/money.h"

namespace tledger {
namespace {

std::string DigitGroups(int64_t vnd, char sep) {
  // The magnitude as unsigned: -INT64_MIN is not an int64_t.
  uint64_t magnitude = vnd < 0 ? 0 - static_cast<uint64_t>(vnd) : static_cast<uint64_t>(vnd);
  std::string digits = std::to_string(magnitude), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return (vnd < 0 ? "-" : "") + out;
}

template <typename E>
std::string EnumName(E value) {
  const std::string* name = EventSchema::Get().Enum<E>().Name(static_cast<uint16_t>(value));
  return name != nullptr ? *name : std::to_string(static_cast<unsigned>(value));
}

}  // namespace

std::string MoneyVi(int64_t vnd) { return DigitGroups(vnd, '.') + (vnd == kVndOverflow ? " đ trở lên" : " đ"); }
std::string MoneyEn(int64_t vnd) { return DigitGroups(vnd, ',') + (vnd == kVndOverflow ? " VND or more" : " VND"); }
std::string ProgramName(Program p) { return EnumName(p); }
std::string FundingName(Funding f) { return EnumName(f); }
std::string ClassName(FundingClass c) { return EnumName(c); }
std::string LocationName(Location l) { return EnumName(l); }

Violation& Findings::Add(Rule rule, const Stamp& evidence, Sym plan, std::string subject, Rulebook rulebook,
                         std::string detail_vi, std::string detail_en) {
  const RulebookInfo& rb = Info(rulebook);
  Violation v;
  v.rule = rule;
  v.seq = evidence.seq;
  v.event = std::string(w_.symbols().events.Name(evidence.event));
  v.subject = std::move(subject);
  if (plan != kNoSym) v.plan = Plan(plan);
  v.rulebook = rulebook;
  v.detail_vi = std::move(detail_vi) + " (theo " + std::string(rb.name_vi) + ")";
  v.detail_en = std::move(detail_en) + " (judged by " + std::string(rb.name_en) + ")";
  violations_.push_back(std::move(v));
  return violations_.back();
}

Rulebook Findings::CaseRulebook(Sym person, Date start) const { return tledger::CaseRulebook(w_, person, start); }

int64_t Findings::Compensation(const CompensationCase& c, std::string* detail_vi, std::string* detail_en) const {
  const ExemptionFact* exempt = c.exemption;
  if (exempt == nullptr) return c.amount;
  std::string ground = EnumName(exempt->ground), id(w_.symbols().events.Name(exempt->stamp.event));
  *detail_vi += "; được miễn bồi hoàn (" + ground + ", " + id + "): 0 đ";
  *detail_en += "; exempted (" + ground + ", " + id + "): 0 VND";
  return 0;
}

void CheckAll(Findings& out) {
  CheckAgeLimit(out);
  CheckBudgetExceeded(out);
  CheckDateInconsistent(out);
  CheckDroppedOut(out);
  CheckDuplicateFunding(out);
  CheckFailed(out);
  CheckFundingWithoutEnrollment(out);
  CheckMissingReference(out);
  CheckNotInPlan(out);
  CheckNotPriorityField(out);
  CheckOutsidePhase(out);
  CheckOverdue(out);
  CheckQuotaExceeded(out);
  CheckServiceBreach(out);
  CheckUnitDissolved(out);
}

}  // namespace tledger
