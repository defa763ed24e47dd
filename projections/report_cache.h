// The report timeline of a ledger's head, cached in a file beside the
// database, so that a report "known now" costs a file read and a lookup
// instead of a replay (projections/DESIGN.md, "Fast as-of reads").
//
//   Result<ReportTimeline> t = HeadReportTimeline(store, /*may_write=*/true);
//   Report r = t->At(as_of, Now());
//
// The file (DIR/report-cache.bin) holds a header (magic, the head seq and
// chain hash it was built for, the SHA-256 of its content) and the encoded
// timeline. It is derived data: a missing, stale or altered cache is
// rebuilt from the ledger (an altered one is reported as a warning), and
// `tledger verify` never depends on it. It is written atomically (a
// temporary file renamed into place), by readers too: no RocksDB write and
// no writer's lock is involved.
#ifndef TLEDGER_PROJECTIONS_REPORT_CACHE_H_
#define TLEDGER_PROJECTIONS_REPORT_CACHE_H_

#include <optional>
#include <string>

#include "core/status.h"
#include "core/store.h"
#include "projections/report_timeline.h"

namespace tledger {

// The cached timeline for `head`; nullopt when there is none for that head.
// Corruption when a cache for that head exists but its content hash fails.
Result<std::optional<ReportTimeline>> LoadReportCache(const std::string& dir, const Head& head);
// Writes the cache atomically. IoError when the directory is not writable.
Status SaveReportCache(const std::string& dir, const Head& head, const ReportTimeline& timeline);

// The head's timeline: from the cache when it is there and sound; else
// replayed, resolved and built, and saved when `may_write` (a failure to
// save is logged, not returned: the report is still right).
Result<ReportTimeline> HeadReportTimeline(const Store& store, bool may_write);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPORT_CACHE_H_
