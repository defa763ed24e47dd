// `--plan ID`: a report narrowed to what concerns one plan, computed in tools/
// from the engine's public values until the engine offers it (see
// tools/cli/REPORTS.md, "--plan").
//
//   TLEDGER_RETURN_IF_ERROR(CheckPlanKnown(resolved, "HG-2025"));
//   Outcome o = NarrowToPlan(resolved, options, "HG-2025", Evaluate(resolved, options));
//
// Pure functions of their arguments; thread-compatible.
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

// `full` (the Outcome of `resolved` under `options`) narrowed to `plan`, as
// of options.as_of:
// - plans: that plan's entry only (none when not issued as of D);
// - by_level, by_field, by_form, reimbursement_due_vnd: over the enrollments
//   whose course (as of D) belongs to the plan;
// - violations: those whose evidence event, enrollment or subject concerns
//   the plan (a plan's course, nomination, amendment, funding decision or
//   revocation; an enrollment in one of its courses and that enrollment's
//   withdrawal, completion, exemption or reimbursement; the plan id itself).
//   Violations about persons or units alone (a registration, a transfer)
//   concern no plan and are left out.
// events_counted, as_of and known_at stay those of the ledger.
Outcome NarrowToPlan(const Resolved& resolved, const EvaluateOptions& options, std::string_view plan, Outcome full);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_PLAN_SCOPE_H_
