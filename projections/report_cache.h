// Report timelines cached beside a ledger, so that a report costs a file
// read and a lookup instead of a replay (projections/DESIGN.md, "Fast as-of
// reads").
//
//   Result<Report> r = ReportKnownAt(store, as_of, known_at, /*may_write=*/true);
//
// One file per known-at prefix of the ledger (DIR/report-cache/SEQ-HASH.bin,
// SEQ the last event known then, HASH its chain hash, so a file can never
// be taken for another prefix). The file: a header (magic; seq; chain hash;
// the SHA-256 and size of the manifest), the manifest (names, cells, plans,
// dates: read and hashed whole) and the bulk (checkpoints and changes),
// mapped into memory and read a block at a time, each block checked
// against its SHA-256 in the manifest when it is used.
//
// Derived data: a missing or altered cache is rebuilt from the ledger (an
// altered one is reported as a warning); `verify` never depends on it. It is
// written atomically (a temporary file renamed into place) by whichever
// reader first needs it — no RocksDB write, no writer's lock — and never
// with --read-only. At most kKeptCaches files are kept (the oldest go).
#ifndef TLEDGER_PROJECTIONS_REPORT_CACHE_H_
#define TLEDGER_PROJECTIONS_REPORT_CACHE_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "core/store.h"
#include "projections/report_timeline.h"

namespace tledger {

inline constexpr size_t kKeptCaches = 8;

// A cache file mapped into memory. Thread-compatible.
class ReportCacheView {
 public:
  // nullptr when there is no cache for (seq, hash); Corruption when there is
  // one that is not sound (bad header, manifest hash, shapes).
  static Result<std::unique_ptr<ReportCacheView>> Open(const std::string& path, uint64_t seq, const Hash& hash);
  ~ReportCacheView();
  ReportCacheView(const ReportCacheView&) = delete;
  ReportCacheView& operator=(const ReportCacheView&) = delete;

  // The report as of `d`. Corruption when the block it needs fails its hash.
  Result<Report> At(Date d, Timestamp known_at) const;
  const TimelineIndex& index() const { return index_; }

 private:
  ReportCacheView() = default;
  struct Bulk;
  const char* data_ = nullptr;
  size_t size_ = 0;
  TimelineIndex index_;
  std::vector<Hash> block_hashes_;
  std::unique_ptr<Bulk> bulk_;
};

// Writes `timeline` as the cache of (seq, hash) in `dir`, atomically.
// IoError when it cannot be written.
Status SaveReportCache(const std::string& dir, uint64_t seq, const Hash& hash, const ReportTimeline& timeline);

// The report timeline of the ledger as known at `known_at`: from its cache
// when there is a sound one; else replayed, resolved and built, and cached
// when `may_write` (a failure to cache is logged, not returned).
Result<std::unique_ptr<ReportCacheView>> TimelineKnownAt(const Store& store, Timestamp known_at, bool may_write);

// The default report as of `as_of`, known at `known_at`, through the
// timeline above; a cache whose block fails its hash is reported as a
// warning and rebuilt (an altered block is never used).
Result<Report> ReportKnownAt(const Store& store, Date as_of, Timestamp known_at, bool may_write);

// The last seq recorded at or before `known_at` (0: none), and its chain
// hash: a binary search over the ledger (recorded_at never decreases).
struct Prefix {
  uint64_t seq = 0;
  Hash hash = kGenesisHash;
};
Result<Prefix> PrefixKnownAt(const Store& store, Timestamp known_at);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPORT_CACHE_H_
