// Sums of money that never wrap (STYLE.md: checked arithmetic).
//
//   int64_t sum = 0;
//   for (...) sum = AddVnd(sum, f->amount_vnd);
//   if (sum == kVndOverflow) ...    // 9,223,372,036,854,775,807 VND or more
//   TLEDGER_RETURN_IF_ERROR(CheckRepresentable(outcome));  // before printing
//
// Import bounds every amount by kMaxMoneyVnd (core/schema_info.h), so a sum
// can leave 64 bits only past 9,223 amounts at that bound. One that does,
// or that reaches INT64_MAX, becomes kVndOverflow and stays so under every
// later addition or subtraction: never a wrapped, smaller figure that would
// hide a breach. A rule comparing such a sum with a budget sees it as over
// the budget; a command that would print such a figure refuses, naming it
// (README.md, "Reports").
#ifndef TLEDGER_PROJECTIONS_MONEY_H_
#define TLEDGER_PROJECTIONS_MONEY_H_

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "projections/outcome.h"

namespace tledger {

// A sum of money that cannot be represented exactly: INT64_MAX VND or more.
inline constexpr int64_t kVndOverflow = INT64_MAX;

// a + b; kVndOverflow when either is, or when the sum reaches it (or falls
// below INT64_MIN, which no sum of amounts import accepts can).
inline int64_t AddVnd(int64_t a, int64_t b) {
  int64_t sum = 0;
  if (a == kVndOverflow || b == kVndOverflow || __builtin_add_overflow(a, b, &sum) || sum == kVndOverflow) {
    return kVndOverflow;
  }
  return sum;
}

// a - b; kVndOverflow when either is, or when the difference leaves 64
// bits or reaches it.
inline int64_t SubVnd(int64_t a, int64_t b) {
  int64_t difference = 0;
  if (a == kVndOverflow || b == kVndOverflow || __builtin_sub_overflow(a, b, &difference) ||
      difference == kVndOverflow) {
    return kVndOverflow;
  }
  return difference;
}

// Corruption naming the first figure of the report (and of the
// violations) that is kVndOverflow: a sum too large to print exactly.
Status CheckRepresentable(const Report& report);
Status CheckRepresentable(const std::vector<Violation>& violations, Date as_of);
Status CheckRepresentable(const Outcome& outcome);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_MONEY_H_
