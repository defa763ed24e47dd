// The đền bù list (`tledger compensation`): one line per enrollment whose
// case owes the cost of its training under the law (shared/spec/rules.md,
// "Compensation"), with who the person is, what was funded, what was owed,
// repaid and exempted, and what is still outstanding.
//
//   Outcome o = Evaluate(resolved, {.as_of = d, .known_at = t});
//   CompensationList list = ListCompensation(resolved, o);
//
// Read from the findings of `o` (the same cases, amounts and legal basis
// `violations` prints), never judged a second time; what a finding does not
// carry (the person's unit, category and post, the funding decisions) is
// read from the ledger as of D. So the total outstanding is the report's
// reimbursement_due_vnd, line for line.
#ifndef TLEDGER_PROJECTIONS_COMPENSATION_LIST_H_
#define TLEDGER_PROJECTIONS_COMPENSATION_LIST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "projections/outcome.h"
#include "projections/resolved.h"

namespace tledger {

// A funding decision that makes up F (public funding, counting and not
// revoked as of D).
struct FundingLine {
  std::string decision;  // its id
  Date on;               // its effective date
  int64_t amount_vnd = 0;
  Funding funding;
  friend bool operator==(const FundingLine&, const FundingLine&) = default;
};

struct CompensationLine {
  // The finding of the case: its rule, case, rulebook, legal basis and
  // params (person and name, enrollment, course, program, the dates, F,
  // T1 and T2, gross, repaid, outstanding, the exemption and its ground).
  // An enrollment with more than one case owing lists the one owing most,
  // as the report sums it.
  Violation finding;
  // The person as of the case's date (the evidence event's): the unit they
  // belonged to (followed through merges and renames by then) and its name
  // as of D; their category and whether they held a leading post.
  std::string unit, unit_name;
  std::optional<Category> category;
  bool leader = false;
  std::vector<FundingLine> decisions;
  friend bool operator==(const CompensationLine&, const CompensationLine&) = default;
};

struct CompensationList {
  Date as_of;
  Timestamp known_at = 0;
  std::vector<CompensationLine> cases;  // in the order of `violations`
  // Sums over the cases (kVndOverflow when too large: projections/money.h).
  int64_t gross_vnd = 0, repaid_vnd = 0, outstanding_vnd = 0;
  friend bool operator==(const CompensationList&, const CompensationList&) = default;
};

// The cases of `outcome` that owe (or owed, before an exemption or a
// repayment) the cost of training, as of outcome.report.as_of. `resolved`
// is the ledger `outcome` was evaluated from.
CompensationList ListCompensation(const Resolved& resolved, const Outcome& outcome);

// Corruption naming the first sum too large to print exactly.
Status CheckRepresentable(const CompensationList& list);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_COMPENSATION_LIST_H_
