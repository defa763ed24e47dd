// Which report cache files of a ledger to use, rebuild, keep and verify
// (projections/report_cache.h); the file itself is report_cache.cc.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <vector>

#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/ledger_dir.h"
#include "projections/replay.h"
#include "projections/report_cache.h"
#include "projections/report_cache_file.h"
#include "projections/resolved.h"
#include "projections/stretches.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

// A temporary older than this was left by a reader that died while writing
// it: no reader takes so long.
constexpr auto kStaleTemporary = std::chrono::hours(1);

const char kRebuilt[] = "; rebuilding it from the ledger";

// The key of the ledger's cache; nullptr, with a warning, when there is
// none: the cache is then neither read nor written.
std::shared_ptr<const LocalKey> CacheKey(const Store& store) {
  Result<std::shared_ptr<const LocalKey>> key = store.Key();
  if (key.ok()) return *key;
  spdlog::warn("the report cache is not used: {}; the report is computed from the ledger", key.status().message());
  return nullptr;
}

std::vector<std::string> CacheNames(const std::string& cache_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache_dir, ec)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// A cache file that may be used under `key`, and the seq it holds.
struct SoundCache {
  uint64_t seq = 0;
  std::unique_ptr<ReportCacheView> view;
};

// The file `name` in `cache_dir`, when its header and manifest pass their
// MAC under `key` and it holds the prefix its name says; otherwise
// Corruption saying why not.
Result<SoundCache> SoundFile(const std::string& cache_dir, const std::string& name, const LocalKey& key) {
  const std::string path = cache_dir + "/" + name;
  std::optional<cache_file::Header> header = cache_file::ReadHeader(path);
  if (!header) return Status::Corruption(path + " is not a report cache of this version");
  Result<std::unique_ptr<ReportCacheView>> view = ReportCacheView::Open(path, header->seq, header->hash, key);
  if (!view.ok()) return view.status();
  if (!*view) return Status::Corruption(path + " vanished");
  if (cache_file::FileName(header->seq, header->hash) != name) {
    return Status::Corruption(path + " holds the prefix of seq " + std::to_string(header->seq) +
                              ", not the one its name says");
  }
  return SoundCache{header->seq, std::move(*view)};
}

// Keeps the kKeptCaches files of the longest prefixes that pass their MACs,
// and `written`; removes the rest (a file that fails goes, whatever its
// name or its time), and temporaries left by readers that died. File times
// decide nothing but the age of a temporary.
void Evict(const Store& store, const LocalKey& key, const std::string& written) {
  const std::string cache_dir = store.dir() + "/" + kCacheDir;
  std::vector<std::pair<uint64_t, std::string>> sound;
  for (const std::string& name : CacheNames(cache_dir)) {
    const std::string path = cache_dir + "/" + name;
    if (cache_file::IsTemporaryName(name)) {
      struct stat st;
      if (::lstat(path.c_str(), &st) == 0 &&
          std::chrono::system_clock::now() - std::chrono::system_clock::from_time_t(st.st_mtime) > kStaleTemporary) {
        ::unlink(path.c_str());
      }
      continue;
    }
    if (!cache_file::SeqOfFileName(name) || name == written) continue;
    Result<SoundCache> file = SoundFile(cache_dir, name, key);
    if (file.ok()) {
      sound.emplace_back(file->seq, name);
    } else {
      spdlog::warn("{}; removed", file.status().message());
      ::unlink(path.c_str());  // the name only, never what a link points to
    }
  }
  std::sort(sound.begin(), sound.end(), std::greater<>());
  for (size_t i = kKeptCaches - 1; i < sound.size(); ++i) ::unlink((cache_dir + "/" + sound[i].second).c_str());
}

// Replays the prefix and builds its timeline; caches it in place of any
// file there when `in_place` (with `key`), else in a private temporary
// directory under an ephemeral key, removed once mapped. A failure to cache
// in place is a warning: the report is served from the private copy.
Result<std::unique_ptr<ReportCacheView>> BuildTimeline(const Store& store, const Prefix& prefix, Timestamp known_at,
                                                       const std::shared_ptr<const LocalKey>& key) {
  auto start = std::chrono::steady_clock::now();
  Result<Timeline> timeline = Replay(store, known_at);
  if (!timeline.ok()) return timeline.status();
  Resolved resolved = Resolve(*timeline);
  ReportTimeline built = ReportTimeline::Build(resolved, BuildStretches(resolved));
  spdlog::info("built the report timeline of seq {} ({} dates, {} changes) in {:.3f} s", prefix.seq,
               built.index().dates.size(), built.changes(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (key) {
    const std::string path = ReportCachePath(store.dir(), prefix.seq, prefix.hash);
    Status saved = SaveReportCache(store.env(), store.dir(), prefix.seq, prefix.hash, built, *key);
    if (saved.code() == Status::Code::kCorruption) return saved;
    Result<std::unique_ptr<ReportCacheView>> opened =
        saved.ok() ? ReportCacheView::Open(path, prefix.seq, prefix.hash, *key)
                   : Result<std::unique_ptr<ReportCacheView>>(saved);
    if (opened.ok() && *opened) {
      Evict(store, *key, cache_file::FileName(prefix.seq, prefix.hash));
      return opened;
    }
    spdlog::warn("the report timeline is not cached: {}", opened.ok() ? path + " vanished" : opened.status().message());
  }
  // Private: the same file format, in a directory of its own, removed as
  // soon as the file is mapped.
  char tmpl[] = "/tmp/tledger-report-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) return Status::IoError(std::string("cannot make a temporary directory: ") + std::strerror(errno));
  std::shared_ptr<const LocalKey> ephemeral = LocalKey::Ephemeral();
  Status saved = SaveReportCache(nullptr, tmpl, prefix.seq, prefix.hash, built, *ephemeral);
  Result<std::unique_ptr<ReportCacheView>> opened =
      saved.ok() ? ReportCacheView::Open(ReportCachePath(tmpl, prefix.seq, prefix.hash), prefix.seq, prefix.hash,
                                         *ephemeral)
                 : Result<std::unique_ptr<ReportCacheView>>(saved);
  std::error_code ec;
  fs::remove_all(tmpl, ec);
  if (!opened.ok() || !*opened) {
    return Status::IoError("cannot build the report timeline: " +
                           (opened.ok() ? std::string("it vanished") : opened.status().message()));
  }
  return opened;
}

}  // namespace

Result<Prefix> PrefixKnownAt(const Store& store, Timestamp known_at) {
  Head head = store.head();
  if (head.seq == 0 || head.recorded_at <= known_at) return Prefix{head.seq, head.hash};
  EventDecoder decoder;
  auto recorded_at = [&](uint64_t seq) -> Result<Timestamp> {
    Result<std::string> bytes = store.Get(seq);
    if (!bytes.ok()) return bytes.status();
    Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + ev.status().message());
    return ev->getRecordedAt();
  };
  // The largest seq in [0, head) recorded by known_at.
  uint64_t lo = 0, hi = head.seq;  // lo is known, hi is not
  while (hi - lo > 1) {
    uint64_t mid = lo + (hi - lo) / 2;
    Result<Timestamp> at = recorded_at(mid);
    if (!at.ok()) return at.status();
    (*at <= known_at ? lo : hi) = mid;
  }
  if (lo == 0) return Prefix{};
  // H_lo is the previous-hash field of the event after it.
  Result<std::string> next = store.Get(lo + 1);
  if (!next.ok()) return next.status();
  Result<schema::Event::Reader> ev = decoder.Decode(*next);
  if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(lo + 1) + ": " + ev.status().message());
  Prefix p{lo, {}};
  if (ev->getPrevHash().size() != 32) return Status::Corruption("event seq " + std::to_string(lo + 1) + " has no previous hash");
  std::memcpy(p.hash.data(), ev->getPrevHash().begin(), 32);
  return p;
}

Result<std::unique_ptr<ReportCacheView>> TimelineKnownAt(const Store& store, Timestamp known_at, bool may_write) {
  Result<Prefix> prefix = PrefixKnownAt(store, known_at);
  if (!prefix.ok()) return prefix.status();
  TLEDGER_RETURN_IF_ERROR(CheckCacheDir(store.dir()));
  std::shared_ptr<const LocalKey> key = CacheKey(store);
  if (key) {
    std::string path = ReportCachePath(store.dir(), prefix->seq, prefix->hash);
    Result<std::unique_ptr<ReportCacheView>> view = ReportCacheView::Open(path, prefix->seq, prefix->hash, *key);
    if (view.ok() && *view) return view;
    if (!view.ok()) spdlog::warn("{}{}", view.status().message(), kRebuilt);
  }
  return BuildTimeline(store, *prefix, known_at, may_write ? key : nullptr);
}

Result<Report> ReportKnownAt(const Store& store, Date as_of, Timestamp known_at, bool may_write) {
  Result<std::unique_ptr<ReportCacheView>> view = TimelineKnownAt(store, known_at, may_write);
  if (!view.ok()) return view.status();
  Result<Report> report = (*view)->At(as_of, known_at);
  if (report.ok() || report.status().code() != Status::Code::kCorruption) return report;
  // A block altered since the file was written: never used; rebuilt.
  view->reset();
  Result<Prefix> prefix = PrefixKnownAt(store, known_at);
  if (!prefix.ok()) return prefix.status();
  spdlog::warn("{}: {}{}", ReportCachePath(store.dir(), prefix->seq, prefix->hash), report.status().message(), kRebuilt);
  Result<std::unique_ptr<ReportCacheView>> rebuilt =
      BuildTimeline(store, *prefix, known_at, may_write ? CacheKey(store) : nullptr);
  if (!rebuilt.ok()) return rebuilt.status();
  return (*rebuilt)->At(as_of, known_at);
}

Status VerifyReportCaches(const Store& store, const LocalKey& key, size_t* checked, std::vector<std::string>* foreign) {
  TLEDGER_RETURN_IF_ERROR(CheckCacheDir(store.dir()));
  const std::string cache_dir = store.dir() + "/" + kCacheDir;
  *checked = 0;
  for (const std::string& name : CacheNames(cache_dir)) {
    // Only SEQ-HASH16.bin is ever read by a report.
    if (cache_file::IsTemporaryName(name) || !cache_file::SeqOfFileName(name)) continue;
    const std::string path = cache_dir + "/" + name;
    struct stat st;
    if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
      return Status::Corruption(path + " is a symbolic link, which no report reads. Remove it, and find out who put it there");
    }
    std::optional<cache_file::Header> header = cache_file::ReadHeader(path);
    if (!header || header->key_id != key.id()) {
      // Of an older version, or of another key: no report here uses it.
      foreign->push_back(path);
      continue;
    }
    Result<SoundCache> file = SoundFile(cache_dir, name, key);
    Status sound = file.status();
    if (sound.ok()) {
      sound = file->view->CheckAllBlocks();
      if (!sound.ok()) sound = Status::Corruption(path + ": " + sound.message());
    }
    if (!sound.ok()) {
      return Status::Corruption(sound.message() +
                                ". No report uses it; remove it (the next report rebuilds it), and find out who "
                                "wrote it");
    }
    ++*checked;
  }
  return Status::Ok();
}

}  // namespace tledger
