// `batches`: the ledger's import batches, the points of its known-at axis.
// Every event of one import carries the instant the import began, later
// than the previous import's (README "Import"), so a batch is a run of
// events with one recorded_at; asked known at that instant, a report counts
// that batch and every one before it, and none after.
//
//   std::vector<Batch> batches;
//   TLEDGER_RETURN_IF_ERROR(ExtendBatches(store, &batches));  // later: only the new events
//   std::string json = RenderBatches(batches, store.head(), Format::kJson, Lang::kVi);
#ifndef TLEDGER_TOOLS_CLI_BATCHES_H_
#define TLEDGER_TOOLS_CLI_BATCHES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "core/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/labels.h"
#include "tools/cli/render.h"

namespace tledger {

struct Batch {
  Timestamp recorded_at = 0;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  std::vector<std::string> recorded_by;  // each distinct recorded_by, sorted (byte order)
};

// Adds the events from the one after batches->back().last_seq (the first
// event when empty) to the store's head: a new batch per new recorded_at,
// the last batch extended when the first new event shares its recorded_at.
// Corruption naming the seq when an event does not decode. Starting over
// (an empty vector) when the store's head is before the batches' end.
Status ExtendBatches(const Store& store, std::vector<Batch>* batches);

// table (one line a batch, in `lang`) or json: {"head", "known_at",
// "batches": [{"recorded_at", "first_seq", "last_seq", "events",
// "recorded_by"}]}. `head` is the store's head the batches reach.
std::string RenderBatches(const std::vector<Batch>& batches, const Head& head, Format format, Lang lang);

struct BatchesArgs {
  std::string format = "table";  // table or json
  std::string lang = "vi";
};
Status CmdBatches(const Globals& g, const BatchesArgs& a);
// What CmdBatches prints (and `tledger serve` sends), from one function.
Result<std::string> BatchesOutput(const Globals& g, const BatchesArgs& a);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_BATCHES_H_
