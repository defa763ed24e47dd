// The demo ledger: every batch, in the order `tledger import` records them.
//
//   for (const Batch& b : MakeDemoLedger()) Write(dir / b.file_name(), b.text());
//
// Deterministic: the same bytes on every run and every machine.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_LEDGER_H_
#define TLEDGER_TOOLS_DEMO_DEMO_LEDGER_H_

#include <vector>

#include "tools/demo/demo_events.h"

namespace tledger::demo {

// 01_units ... 10_late_entries: see tools/demo/README.md.
std::vector<Batch> MakeDemoLedger();

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_LEDGER_H_
