// Report timelines cached beside a ledger, so that a report costs a file
// read and a lookup instead of a replay (projections/DESIGN.md, "Fast as-of
// reads").
//
//   Result<Report> r = ReportKnownAt(store, as_of, known_at, /*may_write=*/true);
//
// One file per known-at prefix of the ledger (DIR/report-cache/SEQ-HASH.bin,
// SEQ the last event known then, HASH the first 16 hex digits of its chain
// hash, so a file can never be taken for another prefix). The file: a
// header (magic; seq; chain hash; the local key's id; the manifest's size;
// a MAC of the header and the manifest), the manifest (names, cells, plans,
// dates, the MAC of each bulk block: read and authenticated whole) and the
// bulk (checkpoints and changes), mapped into memory and read a block at a
// time, each block authenticated against its MAC when first used.
//
// The MACs are HMAC-SHA-256 under the report-cache subkey of the local key
// (core/local_key.h), which is kept outside the ledger directory: someone
// who can write the directory cannot make a file a report would use
// (SECURITY.md, "The report cache").
//
// Derived data, never trusted without its MACs: a file that fails them (forged,
// altered, made under another key) or holds another prefix than its name
// says is reported as a warning naming it, not used, and rebuilt from the
// ledger (with --read-only, rebuilt privately and left as it is). Without a
// readable key the cache is neither read nor written: the report is
// computed from the ledger. It is written atomically (core/files.h) by
// whichever reader first needs it — no RocksDB write, no writer's lock —
// and never with --read-only. At most kKeptCaches files are kept: those of
// the longest prefixes, by the seq their authenticated headers hold (file
// times, which anyone can set, play no part); a file that fails its MAC goes
// first. `verify` checks every file (VerifyReportCaches).
#ifndef TLEDGER_PROJECTIONS_REPORT_CACHE_H_
#define TLEDGER_PROJECTIONS_REPORT_CACHE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/local_key.h"
#include "core/status.h"
#include "core/store.h"
#include "projections/report_timeline.h"

namespace tledger {

inline constexpr size_t kKeptCaches = 8;

// A cache file mapped into memory. Thread-compatible.
class ReportCacheView {
 public:
  // nullptr when there is no cache file at `path`; Corruption, saying why,
  // when there is one that may not be used for (seq, hash) under `key`: a
  // link or not a regular file, made under another key, failing its MAC,
  // naming another prefix, or of the wrong shape.
  static Result<std::unique_ptr<ReportCacheView>> Open(const std::string& path, uint64_t seq, const Hash& hash,
                                                       const LocalKey& key);
  ~ReportCacheView();
  ReportCacheView(const ReportCacheView&) = delete;
  ReportCacheView& operator=(const ReportCacheView&) = delete;

  // The report as of `d`. Corruption when the block it needs fails its MAC.
  Result<Report> At(Date d, Timestamp known_at) const;
  const TimelineIndex& index() const { return index_; }
  // Authenticates every block (what `verify` does): Corruption naming the
  // first that fails.
  Status CheckAllBlocks() const;

 private:
  ReportCacheView() = default;
  struct Bulk;
  Status CheckBlock(size_t block) const;
  const char* data_ = nullptr;
  size_t size_ = 0;
  TimelineIndex index_;
  std::vector<Hash> block_macs_;
  std::unique_ptr<Bulk> bulk_;
};

// Writes `timeline` as the cache of (seq, hash) in `dir`/report-cache,
// atomically, through `env` (null: the local file system), authenticated
// under `key`. IoError when it cannot be written; Corruption when
// `dir`/report-cache is a link or not a directory.
Status SaveReportCache(rocksdb::Env* env, const std::string& dir, uint64_t seq, const Hash& hash,
                       const ReportTimeline& timeline, const LocalKey& key);

// The path of the cache file of (seq, hash) in `dir`.
std::string ReportCachePath(const std::string& dir, uint64_t seq, const Hash& hash);

// The report timeline of the ledger as known at `known_at`: from its cache
// when there is a sound one; else replayed, resolved and built, and cached
// when `may_write` (a failure to cache is logged, not returned).
// Corruption when `DIR/report-cache` is a link or not a directory.
Result<std::unique_ptr<ReportCacheView>> TimelineKnownAt(const Store& store, Timestamp known_at, bool may_write);

// The default report as of `as_of`, known at `known_at`, through the
// timeline above; a cache whose block fails its MAC is reported as a
// warning and rebuilt (an altered block is never used).
Result<Report> ReportKnownAt(const Store& store, Date as_of, Timestamp known_at, bool may_write);

// What `verify` checks of the report cache: every file a report could use
// (SEQ-HASH.bin), whole (header, manifest and every block against their
// MACs, its name against its header). Corruption naming the first file that
// fails, or `DIR/report-cache` when it is a link or not a directory. Files
// made under another local key (another user's, another machine's) are not
// used by any report on this machine: they are listed in `*foreign`, not
// failed. `*checked` counts the files that were checked.
Status VerifyReportCaches(const Store& store, const LocalKey& key, size_t* checked, std::vector<std::string>* foreign);

// The last seq recorded at or before `known_at` (0: none), and its chain
// hash: a binary search over the ledger (recorded_at never decreases).
struct Prefix {
  uint64_t seq = 0;
  Hash hash = kGenesisHash;
};
Result<Prefix> PrefixKnownAt(const Store& store, Timestamp known_at);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPORT_CACHE_H_
