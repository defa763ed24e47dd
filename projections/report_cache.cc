#include "projections/report_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/hash_chain.h"
#include "core/keys.h"
#include "projections/replay.h"
#include "projections/resolved.h"
#include "projections/stretches.h"

namespace tledger {
namespace {

constexpr char kFile[] = "report-cache.bin";
constexpr char kMagic[8] = {'T', 'L', 'R', 'C', '0', '0', '0', '1'};
constexpr size_t kHeaderBytes = 8 + 8 + 32 + 32;  // magic, seq, head hash, content SHA-256

std::string PathOf(const std::string& dir) { return (std::filesystem::path(dir) / kFile).string(); }

Hash ContentHash(std::string_view content) {
  ChainHasher hasher;
  return hasher.Digest(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(content.data()), content.size()));
}

}  // namespace

Result<std::optional<ReportTimeline>> LoadReportCache(const std::string& dir, const Head& head) {
  std::ifstream in(PathOf(dir), std::ios::binary);
  if (!in) return std::optional<ReportTimeline>();
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string bytes = buf.str();
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    return Status::Corruption(PathOf(dir) + " is not a report cache");
  }
  if (keys::GetBigEndian64(bytes.data() + 8) != head.seq || std::memcmp(bytes.data() + 16, head.hash.data(), 32) != 0) {
    return std::optional<ReportTimeline>();  // built for another head
  }
  std::string_view content = std::string_view(bytes).substr(kHeaderBytes);
  Hash expected;
  std::memcpy(expected.data(), bytes.data() + 48, 32);
  if (ContentHash(content) != expected) return Status::Corruption(PathOf(dir) + ": content does not match its hash");
  Result<ReportTimeline> t = ReportTimeline::Decode(content);
  if (!t.ok()) return Status::Corruption(PathOf(dir) + ": " + t.status().message());
  return std::optional<ReportTimeline>(std::move(*t));
}

Status SaveReportCache(const std::string& dir, const Head& head, const ReportTimeline& timeline) {
  std::string content = timeline.Encode();
  std::string header(kHeaderBytes, '\0');
  std::memcpy(header.data(), kMagic, 8);
  keys::PutBigEndian64(head.seq, header.data() + 8);
  std::memcpy(header.data() + 16, head.hash.data(), 32);
  Hash h = ContentHash(content);
  std::memcpy(header.data() + 48, h.data(), 32);
  std::string path = PathOf(dir);
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (const std::string* part : {&header, &content}) {
    ok = ok && ::write(fd, part->data(), part->size()) == static_cast<ssize_t>(part->size());
  }
  ok = ok && fsync(fd) == 0;
  if (fd >= 0) close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::IoError("cannot write the report cache " + path + ": " + why);
  }
  return Status::Ok();
}

Result<ReportTimeline> HeadReportTimeline(const Store& store, bool may_write) {
  const Head head = store.head();
  Result<std::optional<ReportTimeline>> cached = LoadReportCache(store.dir(), head);
  if (cached.ok() && *cached) return std::move(**cached);
  if (!cached.ok()) spdlog::warn("{}; rebuilding it from the ledger", cached.status().message());
  auto start = std::chrono::steady_clock::now();
  Result<Timeline> timeline = Replay(store, head.recorded_at);
  if (!timeline.ok()) return timeline.status();
  Resolved resolved = Resolve(*timeline);
  ReportTimeline built = ReportTimeline::Build(resolved, BuildStretches(resolved));
  spdlog::info("built the report timeline of seq {} ({} dates, {} changes) in {:.3f} s", head.seq, built.dates(),
               built.changes(), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (may_write) {
    Status s = SaveReportCache(store.dir(), head, built);
    if (!s.ok()) spdlog::warn("{} (reports stay right, only slower)", s.message());
  }
  return built;
}

}  // namespace tledger
