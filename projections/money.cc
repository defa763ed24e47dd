#include "projections/money.h"

#include "core/printable.h"
#include "core/schema_info.h"
#include "projections/compensation_list.h"

namespace tledger {
namespace {

// "9,223,372,036,854,775,807 VND": an amount in an English refusal (a
// person reads findings through the catalog of tools/cli).
std::string MoneyEn(int64_t vnd) {
  std::string digits = std::to_string(vnd), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out + (vnd == kVndOverflow ? " VND or more" : " VND");
}

Status TooLarge(const std::string& what, Date as_of) {
  return Status::Corruption(what + " as of " + as_of.ToString() + " is " + MoneyEn(kVndOverflow) +
                            ", beyond what tledger adds up exactly (import bounds each amount at " +
                            MoneyEn(kMaxMoneyVnd) + "; only thousands of amounts near that bound reach it): " +
                            "nothing was printed");
}

}  // namespace

Status CheckRepresentable(const Report& report) {
  for (const PlanTally& p : report.plans) {
    if (p.public_funding_vnd == kVndOverflow || p.remaining_vnd == kVndOverflow) {
      return TooLarge("the public funding of plan " + Quoted(p.plan), report.as_of);
    }
  }
  if (report.reimbursement_due_vnd == kVndOverflow) return TooLarge("the reimbursement due", report.as_of);
  return Status::Ok();
}

Status CheckRepresentable(const std::vector<Violation>& violations, Date as_of) {
  for (const Violation& v : violations) {
    if (v.amount_vnd == kVndOverflow) {
      return TooLarge("the amount of " + std::string(RuleName(v.rule)) + " for enrollment " + Quoted(v.enrollment) +
                          " (seq " + std::to_string(v.seq) + ")",
                      as_of);
    }
  }
  return Status::Ok();
}

Status CheckRepresentable(const CompensationList& list) {
  for (const CompensationLine& c : list.cases) {
    const FindingArgs& a = c.finding.args;
    for (const std::optional<int64_t>* amount : {&a.funding_vnd, &a.gross_vnd, &a.repaid_vnd, &a.outstanding_vnd}) {
      if (*amount == kVndOverflow) {
        return TooLarge("the compensation of enrollment " + Quoted(c.finding.enrollment) + " (seq " +
                            std::to_string(c.finding.seq) + ")",
                        list.as_of);
      }
    }
  }
  for (int64_t total : {list.gross_vnd, list.repaid_vnd, list.outstanding_vnd}) {
    if (total == kVndOverflow) return TooLarge("the total of the compensation list", list.as_of);
  }
  return Status::Ok();
}

Status CheckRepresentable(const Outcome& outcome) {
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(outcome.report));
  return CheckRepresentable(outcome.violations, outcome.report.as_of);
}

}  // namespace tledger
