#include "tools/cli/ledger_view.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "core/store.h"
#include "projections/evaluate.h"
#include "projections/replay.h"
#include "tools/cli/plan_scope.h"

namespace tledger {

Result<std::unique_ptr<LedgerView>> LedgerView::Open(const std::string& db, Timestamp known_at) {
  Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  auto start = std::chrono::steady_clock::now();
  known_at = KnownAt(**store, known_at);
  std::unique_ptr<LedgerView> view(new LedgerView(known_at));
  TLEDGER_RETURN_IF_ERROR(ReplayInto(**store, 1, known_at, &view->timeline_, &view->head_));
  view->resolved_ = Resolve(view->timeline_);
  spdlog::info("folded {} of {} events (known at {}) in {:.3f} s", view->timeline_.events(), (*store)->head().seq,
               FormatInstant(known_at), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return view;
}

Status LedgerView::CheckPlan(const std::string& plan) const {
  return plan.empty() ? Status::Ok() : CheckPlanKnown(resolved_, plan, known_at_);
}

Outcome LedgerView::Evaluate(const ViewOptions& options) const {
  return tledger::Evaluate(resolved_, EvaluateOptions{.as_of = options.as_of,
                                                      .known_at = known_at_,
                                                      .restate_units = options.restate_units,
                                                      .plan = options.plan,
                                                      .unit = options.unit});
}

}  // namespace tledger
