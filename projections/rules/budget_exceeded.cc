// BUDGET_EXCEEDED: the counting, not revoked funding decisions of class
// public for plan K, in (effective, seq) order: each one whose running sum
// exceeds the plan's budget.
#include <map>

#include "projections/money.h"
#include "projections/rules/rules.h"

namespace tledger {

void CheckBudgetExceeded(Findings& out) {
  const AsOf& w = out.world();
  std::map<Sym, int64_t> spent;  // by plan
  for (const FundingDecidedFact* f : w.LiveDecisions()) {  // already in (effective, seq) order
    if (ClassOf(f->funding) != FundingClass::PUBLIC) continue;
    const AsOf::Plan* plan = w.PlanOf(f->plan);
    if (plan == nullptr) continue;
    int64_t& sum = spent[f->plan];
    sum = AddVnd(sum, f->amount_vnd);  // kVndOverflow is over any budget
    if (sum <= plan->budget_vnd) continue;
    FindingArgs a;
    a.plan = out.Plan(f->plan);
    a.decision = out.Decision(f->decision);
    a.on = f->stamp.effective;
    a.amount_vnd = f->amount_vnd;
    a.total_vnd = sum;
    a.budget_vnd = plan->budget_vnd;
    out.Add(Case::kBudgetExceeded, f->stamp, f->plan, out.Plan(f->plan), RulebookOn(f->stamp.effective), std::move(a));
  }
}

}  // namespace tledger
