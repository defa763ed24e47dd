// `tledger bundle` (core/FORMAT.md, "Evidence bundles"): the file an
// inspector hands over so that a report can be checked without the ledger,
// by tledger-verify (tools/verify/).
//
//   tledger bundle --as-of 2025-12-31 [--known-at T] [--plan ID] --sign ledger.key -o report.bundle
//   tledger bundle --as-of 2025-12-31 --evidence EVENT-ID --sign ledger.key -o finding.bundle
//
// A full bundle holds every event known at T (the known-at head) and the
// signed checkpoint of exactly those; a partial one (--evidence) the events
// of one finding's evidence and history, each with its inclusion proof in
// that checkpoint. Both hold `report` and `violations --format json` as
// they print for these options, and the ledger's signed statement of them.
#ifndef TLEDGER_TOOLS_CLI_BUNDLE_COMMAND_H_
#define TLEDGER_TOOLS_CLI_BUNDLE_COMMAND_H_

#include <functional>
#include <string>

#include "core/status.h"
#include "tools/cli/commands.h"

namespace CLI {
class App;
}  // namespace CLI

namespace tledger {

struct BundleArgs {
  std::string as_of;       // --as-of, YYYY-MM-DD (required)
  std::string known_at;    // --known-at; empty: the recorded_at of the last event
  std::string plan;        // --plan
  std::string evidence;    // --evidence EVENT-ID: a partial bundle
  std::string key_file;    // --sign (required): the ledger's key
  std::string checkpoint;  // --checkpoint: a (cosigned) note of the known-at head to carry instead of a fresh one
  std::string out;         // -o (required)
};

// Writes the bundle atomically and prints one line saying what it holds.
// InvalidInput for bad options, a ledger with no origin fixed, a key not
// named after it, or a --checkpoint of another size or root; NotFound for
// an --evidence event that is the evidence of no violation; Unavailable
// when an import changed what is known at T while the bundle was made.
Status CmdBundle(const Globals& g, const BundleArgs& a);

// Registers `bundle` on `app`; `g` and `a` must outlive the parse and run.
void AddBundleCommand(CLI::App& app, const Globals& g, BundleArgs& a, std::function<Status()>& run);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_BUNDLE_COMMAND_H_
