// DUPLICATE_FUNDING: the second and later counting, not revoked public
// funding decisions for the same enrollment, in (effective, seq) order.
#include <map>

#include "projections/rules/rules.h"

namespace tledger {

void CheckDuplicateFunding(Findings& out) {
  const AsOf& w = out.world();
  std::map<Sym, const FundingDecidedFact*> first;  // by enrollment
  for (const FundingDecidedFact* f : w.LiveDecisions()) {
    if (f->enrollment == kNoSym || ClassOf(f->funding) != FundingClass::PUBLIC) continue;
    auto [it, inserted] = first.emplace(f->enrollment, f);
    if (inserted) continue;
    std::string enr = out.Enrollment(f->enrollment);
    FindingArgs a;
    a.enrollment = enr;
    a.decision = out.Decision(f->decision);
    a.first_decision = out.Decision(it->second->decision);
    a.on = f->stamp.effective;
    a.amount_vnd = f->amount_vnd;
    out.Add(Case::kDuplicateFunding, f->stamp, f->plan, enr, RulebookOn(f->stamp.effective), std::move(a)).enrollment =
        enr;
  }
}

}  // namespace tledger
