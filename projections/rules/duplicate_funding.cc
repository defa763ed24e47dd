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
    out.Add(Rule::kDuplicateFunding, f->stamp, f->plan, enr, RulebookOn(f->stamp.effective),
            "quyết định " + out.Decision(f->decision) + " cấp kinh phí công lần nữa cho " + enr + " (đã cấp theo " +
                out.Decision(it->second->decision) + ")",
            "decision " + out.Decision(f->decision) + " funds " + enr + " again from public money (already funded by " +
                out.Decision(it->second->decision) + ")")
        .enrollment = enr;
  }
}

}  // namespace tledger
