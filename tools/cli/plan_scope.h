// `--plan ID`: is the plan known? (The narrowing itself is the engine's:
// EvaluateOptions::plan, tools/cli/REPORTS.md "--plan".)
//
//   TLEDGER_RETURN_IF_ERROR(CheckPlanKnown(resolved, "HG-2025", known_at));
#ifndef TLEDGER_TOOLS_CLI_PLAN_SCOPE_H_
#define TLEDGER_TOOLS_CLI_PLAN_SCOPE_H_

#include <string_view>

#include "core/status.h"
#include "projections/evaluate.h"
#include "projections/outcome.h"
#include "projections/resolved.h"

namespace tledger {

// Ok when a counting `plan_issued` (any effective date) registers `plan` in
// `resolved` (the ledger as known at `known_at`); NotFound otherwise, with a
// message that lists the plans there are.
Status CheckPlanKnown(const Resolved& resolved, std::string_view plan, Timestamp known_at);

// `--unit ID` (report, people): the unit's Sym when a counting
// `unit_registered` (any effective date) registers it; NotFound otherwise,
// saying how to find a unit's id by its name.
Result<Sym> KnownUnit(const Resolved& resolved, const std::string& unit, Timestamp known_at);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_PLAN_SCOPE_H_
