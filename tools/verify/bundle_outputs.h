// The outputs of an evidence bundle, against what they must be
// (tools/verify/bundle_check.h runs these last, after the events, the
// checkpoint and the statement are known good).
//
//   bundle::BundleEvents events(b.events);
//   if (auto d = CompareOutputs(events, statement, b.report, b.violations, &count)) ...
#ifndef TLEDGER_TOOLS_VERIFY_BUNDLE_OUTPUTS_H_
#define TLEDGER_TOOLS_VERIFY_BUNDLE_OUTPUTS_H_

#include <optional>
#include <string_view>

#include "core/bundle.h"
#include "core/event_source.h"
#include "tools/verify/bundle_check.h"

namespace tledger {

// A full bundle: the projections replayed over `events` as known at the
// statement's known-at, evaluated as of its as-of (and plan), rendered as
// `report` and `violations --format json` render them, and compared byte
// for byte with the bundled ones; the first differing line is named.
// *violations gets the number of violations recomputed.
std::optional<Disagreement> CompareOutputs(const EventSource& events, const bundle::Statement& statement,
                                           std::string_view report, std::string_view violations, size_t* count);

// A partial bundle: the bundled (signed) violations hold at least one
// finding whose evidence is the statement's evidence event, and each such
// finding names the seq of a bundled event with that id.
std::optional<Disagreement> CheckFinding(const bundle::Bundle& b, const bundle::Statement& statement,
                                         BundleFacts* facts);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_VERIFY_BUNDLE_OUTPUTS_H_
