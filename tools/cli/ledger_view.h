// The ledger as known at one instant, folded once and evaluated at any
// number of as-of dates: what `report`, `violations` and `diff` share.
//
//   Result<std::unique_ptr<LedgerView>> view = LedgerView::Open(db, known_at);
//   TLEDGER_RETURN_IF_ERROR((*view)->CheckPlan(plan));
//   Outcome o = (*view)->Evaluate({.as_of = d, .plan = plan});
//
// Reads the ledger with OpenMode::kRead: never takes the writer's lock.
// Not copyable (the Resolved points into the Timeline); thread-compatible.
#ifndef TLEDGER_TOOLS_CLI_LEDGER_VIEW_H_
#define TLEDGER_TOOLS_CLI_LEDGER_VIEW_H_

#include <memory>
#include <string>

#include "core/date.h"
#include "core/store.h"
#include "core/status.h"
#include "projections/outcome.h"
#include "projections/resolved.h"
#include "projections/timeline.h"

namespace tledger {

struct ViewOptions {
  Date as_of;
  bool restate_units = false;  // --restate-units
  std::string plan;            // --plan; empty: the whole ledger
  std::string unit;            // report --unit; empty: every unit
};

// --known-at left out: the ledger as it stands, reported as the recorded_at
// of its last committed event (1970-01-01T00:00:00Z when empty), never the
// clock: an import under way carries an earlier instant than the clock's
// and would be counted by a later report asked "known at" the clock's
// instant. Stood for by kKnownNow until the ledger is open.
inline constexpr Timestamp kKnownNow = INT64_MAX;
inline Timestamp KnownAt(const Store& store, Timestamp known_at) {
  return known_at == kKnownNow ? store.head().recorded_at : known_at;
}

class LedgerView {
 public:
  // Unavailable when there is no ledger in `db` (or it cannot be opened);
  // Corruption when a stored event does not decode.
  static Result<std::unique_ptr<LedgerView>> Open(const std::string& db, Timestamp known_at);
  LedgerView(const LedgerView&) = delete;
  LedgerView& operator=(const LedgerView&) = delete;

  Timestamp known_at() const { return known_at_; }
  // The ledger's head as known at known_at(): its last event recorded by
  // then (seq 0 when none), from the scan that proved the chain. What a
  // document names as the ledger it was made from (SEQ:HASH).
  const Head& head() const { return head_; }
  // The ledger as known at known_at(), resolved: what Evaluate reads, and
  // what questions as of any date (AsOf) start from.
  const Resolved& resolved() const { return resolved_; }
  // NotFound, listing the plans, unless `plan` is empty or issued in the
  // ledger as known at known_at().
  Status CheckPlan(const std::string& plan) const;
  // Tallies and violations as of options.as_of, narrowed to options.plan
  // when one is given (tools/cli/plan_scope.h).
  Outcome Evaluate(const ViewOptions& options) const;

 private:
  explicit LedgerView(Timestamp known_at) : known_at_(known_at) {}
  Timestamp known_at_;
  Head head_;
  Timeline timeline_;
  Resolved resolved_;
};

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_LEDGER_VIEW_H_
