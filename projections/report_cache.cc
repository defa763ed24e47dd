#include "projections/report_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>
#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/keys.h"
#include "projections/replay.h"
#include "projections/report_cache.capnp.h"
#include "projections/resolved.h"
#include "projections/stretches.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'T', 'L', 'R', 'C', '0', '0', '0', '3'};
constexpr size_t kHeaderBytes = 8 + 8 + 32 + 32 + 8;  // magic, seq, chain hash, manifest SHA-256, manifest bytes
constexpr char kDir[] = "report-cache";

Hash Sha256(const void* data, size_t size) {
  ChainHasher hasher;
  return hasher.Digest(kj::ArrayPtr<const kj::byte>(static_cast<const kj::byte*>(data), size));
}

std::string CachePath(const std::string& dir, uint64_t seq, const Hash& hash) {
  return (fs::path(dir) / kDir / (std::to_string(seq) + "-" + ToHex(hash).substr(0, 16) + ".bin")).string();
}

// The read limit counts every read over a reader's life; a view answers
// many dates, each reading its lists afresh.
capnp::ReaderOptions Unlimited() {
  capnp::ReaderOptions o;
  o.traversalLimitInWords = UINT64_MAX;
  return o;
}

std::string Flat(capnp::MessageBuilder& msg) {
  kj::Array<capnp::word> words = capnp::messageToFlatArray(msg);
  return std::string(reinterpret_cast<const char*>(words.begin()), words.size() * sizeof(capnp::word));
}

std::string EncodeManifest(const TimelineIndex& x, const std::vector<Hash>& block_hashes) {
  capnp::MallocMessageBuilder msg;
  auto m = msg.initRoot<cache::Manifest>();
  auto plan_names = m.initPlanNames(static_cast<unsigned>(x.plan_names.size()));
  for (unsigned i = 0; i < x.plan_names.size(); ++i) plan_names.set(i, x.plan_names[i]);
  auto field_names = m.initFieldNames(static_cast<unsigned>(x.field_names.size()));
  for (unsigned i = 0; i < x.field_names.size(); ++i) field_names.set(i, x.field_names[i]);
  auto cells = m.initCells(static_cast<unsigned>(x.cells.size()));
  for (unsigned i = 0; i < x.cells.size(); ++i) {
    cells[i].setPlan(x.cells[i].plan);
    cells[i].setProgram(static_cast<uint16_t>(x.cells[i].key.program));
    cells[i].setFundingClass(static_cast<uint16_t>(x.cells[i].key.funding_class));
    cells[i].setLocation(static_cast<uint16_t>(x.cells[i].key.location));
  }
  auto plans = m.initPlans(static_cast<unsigned>(x.plans.size()));
  for (unsigned i = 0; i < x.plans.size(); ++i) {
    const TimelineIndex::PlanVersion& v = x.plans[i];
    auto p = plans[i];
    p.setFrom(v.from.days());
    p.setTo(v.to.days());
    p.setPlan(v.plan);
    p.setTitle(v.plan_as_of.title);
    p.setSource(v.plan_as_of.source);
    p.setIssued(v.plan_as_of.issued.days());
    p.setIssuer(v.plan_as_of.issuer);
    p.setIssuerName(v.plan_as_of.issuer_name);
    p.setBudgetVnd(v.plan_as_of.budget_vnd);
    auto quotas = p.initQuotas(static_cast<unsigned>(v.plan_as_of.quotas.size()));
    for (unsigned q = 0; q < v.plan_as_of.quotas.size(); ++q) {
      const QuotaCell& cell = v.plan_as_of.quotas[q];
      quotas[q].setProgram(static_cast<uint16_t>(cell.program));
      quotas[q].setFundingClass(static_cast<uint16_t>(cell.funding_class));
      quotas[q].setLocation(static_cast<uint16_t>(cell.location));
      quotas[q].setCount(cell.count);
    }
    auto priority = p.initPriorityFields(static_cast<unsigned>(v.plan_as_of.priority_fields.size()));
    for (unsigned f = 0; f < v.plan_as_of.priority_fields.size(); ++f) priority.set(f, v.plan_as_of.priority_fields[f]);
    auto phases = p.initPhases(static_cast<unsigned>(v.plan_as_of.phases.size()));
    for (unsigned ph = 0; ph < v.plan_as_of.phases.size(); ++ph) {
      phases[ph].setOpens(v.plan_as_of.phases[ph].opens.days());
      auto fields = phases[ph].initFields(static_cast<unsigned>(v.plan_as_of.phases[ph].fields.size()));
      for (unsigned f = 0; f < v.plan_as_of.phases[ph].fields.size(); ++f) fields.set(f, v.plan_as_of.phases[ph].fields[f]);
    }
  }
  m.setCounters(x.counters);
  auto dates = m.initDates(static_cast<unsigned>(x.dates.size()));
  for (unsigned i = 0; i < x.dates.size(); ++i) dates.set(i, x.dates[i].days());
  auto begin = m.initChangeBegin(static_cast<unsigned>(x.change_begin.size()));
  for (unsigned i = 0; i < x.change_begin.size(); ++i) begin.set(i, x.change_begin[i]);
  auto hashes = m.initBlockHashes(static_cast<unsigned>(block_hashes.size()));
  for (unsigned i = 0; i < block_hashes.size(); ++i) {
    hashes.set(i, capnp::Data::Reader(block_hashes[i].data(), block_hashes[i].size()));
  }
  return Flat(msg);
}

TimelineIndex DecodeManifest(cache::Manifest::Reader m, std::vector<Hash>* block_hashes) {
  TimelineIndex x;
  for (auto t : m.getPlanNames()) x.plan_names.emplace_back(t.cStr(), t.size());
  for (auto t : m.getFieldNames()) x.field_names.emplace_back(t.cStr(), t.size());
  for (auto c : m.getCells()) {
    x.cells.push_back(TimelineIndex::Cell{
        c.getPlan(), AsOf::CellKey{static_cast<Program>(c.getProgram()), static_cast<FundingClass>(c.getFundingClass()),
                                   static_cast<Location>(c.getLocation())}});
  }
  for (auto p : m.getPlans()) {
    TimelineIndex::PlanVersion v{Date::FromDays(p.getFrom()), Date::FromDays(p.getTo()), p.getPlan(), {}};
    v.plan_as_of.title = std::string(p.getTitle().cStr(), p.getTitle().size());
    v.plan_as_of.source = std::string(p.getSource().cStr(), p.getSource().size());
    v.plan_as_of.issued = Date::FromDays(p.getIssued());
    v.plan_as_of.issuer = std::string(p.getIssuer().cStr(), p.getIssuer().size());
    v.plan_as_of.issuer_name = std::string(p.getIssuerName().cStr(), p.getIssuerName().size());
    v.plan_as_of.budget_vnd = p.getBudgetVnd();
    for (auto q : p.getQuotas()) {
      v.plan_as_of.quotas.push_back(QuotaCell{static_cast<Program>(q.getProgram()),
                                              static_cast<FundingClass>(q.getFundingClass()),
                                              static_cast<Location>(q.getLocation()), q.getCount()});
    }
    for (uint32_t f : p.getPriorityFields()) v.plan_as_of.priority_fields.push_back(f);
    for (auto ph : p.getPhases()) {
      PhaseSpec spec{{}, Date::FromDays(ph.getOpens())};
      for (uint32_t f : ph.getFields()) spec.fields.push_back(f);
      v.plan_as_of.phases.push_back(std::move(spec));
    }
    x.plans.push_back(std::move(v));
  }
  x.counters = m.getCounters();
  for (int32_t d : m.getDates()) x.dates.push_back(Date::FromDays(d));
  for (uint32_t v : m.getChangeBegin()) x.change_begin.push_back(v);
  for (auto h : m.getBlockHashes()) {
    Hash hash{};
    if (h.size() == hash.size()) std::memcpy(hash.data(), h.begin(), hash.size());
    block_hashes->push_back(hash);
  }
  return x;
}

template <typename T>
std::span<const T> RawSpan(typename capnp::List<T>::Reader list) {
  kj::ArrayPtr<const kj::byte> raw = capnp::AnyList::Reader(list).getRawBytes();
  return std::span<const T>(reinterpret_cast<const T*>(raw.begin()), list.size());
}

}  // namespace

// The bulk message, read in place.
struct ReportCacheView::Bulk {
  Bulk(kj::ArrayPtr<const capnp::word> words)
      : reader(words, Unlimited()), root(reader.getRoot<cache::Bulk>()) {}
  capnp::FlatArrayMessageReader reader;
  cache::Bulk::Reader root;
  mutable std::vector<bool> verified;  // by block
};

ReportCacheView::~ReportCacheView() {
  bulk_.reset();
  if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
}

Result<std::unique_ptr<ReportCacheView>> ReportCacheView::Open(const std::string& path, uint64_t seq, const Hash& hash) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unique_ptr<ReportCacheView>();
  struct stat st;
  if (fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < kHeaderBytes) {
    close(fd);
    return Status::Corruption(path + " is too short to be a report cache");
  }
  void* map = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) return Status::IoError("cannot map " + path + ": " + std::strerror(errno));
  std::unique_ptr<ReportCacheView> v(new ReportCacheView);
  v->data_ = static_cast<const char*>(map);
  v->size_ = static_cast<size_t>(st.st_size);
  const char* h = v->data_;
  if (std::memcmp(h, kMagic, 8) != 0) return Status::Corruption(path + " is not a report cache of this version");
  if (keys::GetBigEndian64(h + 8) != seq || std::memcmp(h + 16, hash.data(), 32) != 0) {
    return Status::Corruption(path + " is named for seq " + std::to_string(seq) + " but holds another");
  }
  uint64_t manifest_bytes = keys::GetBigEndian64(h + 80);
  if (manifest_bytes % sizeof(capnp::word) != 0 || manifest_bytes > v->size_ - kHeaderBytes ||
      (v->size_ - kHeaderBytes - manifest_bytes) % sizeof(capnp::word) != 0) {
    return Status::Corruption(path + ": its parts do not fit its size");
  }
  const char* manifest = h + kHeaderBytes;
  Hash expected;
  std::memcpy(expected.data(), h + 48, 32);
  if (Sha256(manifest, manifest_bytes) != expected) return Status::Corruption(path + ": the manifest fails its hash");
  try {
    kj::ArrayPtr<const capnp::word> mwords(reinterpret_cast<const capnp::word*>(manifest), manifest_bytes / 8);
    capnp::FlatArrayMessageReader mreader(mwords, Unlimited());
    v->index_ = DecodeManifest(mreader.getRoot<cache::Manifest>(), &v->block_hashes_);
    const char* bulk = manifest + manifest_bytes;
    v->bulk_ = std::make_unique<Bulk>(kj::ArrayPtr<const capnp::word>(reinterpret_cast<const capnp::word*>(bulk),
                                                                       (v->size_ - kHeaderBytes - manifest_bytes) / 8));
    auto root = v->bulk_->root;
    if (root.getChangeCounter().size() != root.getChangeValue().size() ||
        v->block_hashes_.size() != v->index_.blocks()) {
      return Status::Corruption(path + ": its parts do not agree");
    }
    TLEDGER_RETURN_IF_ERROR(v->index_.Check(root.getChangeCounter().size(), root.getCheckpoints().size()));
    v->bulk_->verified.assign(v->index_.blocks(), false);
  } catch (const kj::Exception& e) {
    return Status::Corruption(path + " does not decode: " + e.getDescription().cStr());
  }
  return v;
}

Result<Report> ReportCacheView::At(Date d, Timestamp known_at) const {
  std::vector<int64_t> counts(index_.counters, 0);
  if (std::optional<size_t> last = index_.LastDateIndex(d)) {
    try {
      size_t block = *last / TimelineIndex::kCheckpointEvery;
      auto [first, end] = index_.BlockChanges(block);
      std::span<const int64_t> checkpoint = RawSpan<int64_t>(bulk_->root.getCheckpoints()[static_cast<unsigned>(block)]);
      std::span<const uint32_t> counters = RawSpan<uint32_t>(bulk_->root.getChangeCounter());
      std::span<const int64_t> values = RawSpan<int64_t>(bulk_->root.getChangeValue());
      if (checkpoint.size() != index_.counters) return Status::Corruption("the report cache has a short checkpoint");
      if (!bulk_->verified[block]) {
        Hash h = ReportTimeline::BlockHash(checkpoint, counters.subspan(first, end - first),
                                           values.subspan(first, end - first));
        if (h != block_hashes_[block]) {
          return Status::Corruption("the report cache's block " + std::to_string(block) + " fails its hash");
        }
        bulk_->verified[block] = true;
      }
      counts.assign(checkpoint.begin(), checkpoint.end());
      for (uint32_t c = first; c < index_.change_begin[*last + 1]; ++c) {
        if (counters[c] >= counts.size()) return Status::Corruption("the report cache names a counter it has not");
        counts[counters[c]] = values[c];
      }
    } catch (const kj::Exception& e) {
      return Status::Corruption(std::string("the report cache does not decode: ") + e.getDescription().cStr());
    }
  }
  return index_.Assemble(d, known_at, counts);
}

Status SaveReportCache(const std::string& dir, uint64_t seq, const Hash& hash, const ReportTimeline& timeline) {
  const TimelineIndex& x = timeline.index();
  std::vector<Hash> block_hashes;
  for (size_t j = 0; j < x.blocks(); ++j) {
    auto [first, end] = x.BlockChanges(j);
    block_hashes.push_back(ReportTimeline::BlockHash(timeline.checkpoint(j),
                                                     timeline.change_counter().subspan(first, end - first),
                                                     timeline.change_value().subspan(first, end - first)));
  }
  std::string manifest = EncodeManifest(x, block_hashes);
  capnp::MallocMessageBuilder msg;
  auto bulk = msg.initRoot<cache::Bulk>();
  auto counters = bulk.initChangeCounter(static_cast<unsigned>(timeline.changes()));
  auto values = bulk.initChangeValue(static_cast<unsigned>(timeline.changes()));
  for (unsigned i = 0; i < timeline.changes(); ++i) {
    counters.set(i, timeline.change_counter()[i]);
    values.set(i, timeline.change_value()[i]);
  }
  auto checkpoints = bulk.initCheckpoints(static_cast<unsigned>(x.blocks()));
  for (unsigned j = 0; j < x.blocks(); ++j) {
    std::span<const int64_t> c = timeline.checkpoint(j);
    auto list = checkpoints.init(j, static_cast<unsigned>(c.size()));
    for (unsigned i = 0; i < c.size(); ++i) list.set(i, c[i]);
  }
  std::string bulk_bytes = Flat(msg);

  std::string header(kHeaderBytes, '\0');
  std::memcpy(header.data(), kMagic, 8);
  keys::PutBigEndian64(seq, header.data() + 8);
  std::memcpy(header.data() + 16, hash.data(), 32);
  Hash mh = Sha256(manifest.data(), manifest.size());
  std::memcpy(header.data() + 48, mh.data(), 32);
  keys::PutBigEndian64(manifest.size(), header.data() + 80);

  std::error_code ec;
  fs::create_directories(fs::path(dir) / kDir, ec);
  std::string path = CachePath(dir, seq, hash), tmp = path + ".tmp." + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (const std::string* part : {&header, &manifest, &bulk_bytes}) {
    ok = ok && ::write(fd, part->data(), part->size()) == static_cast<ssize_t>(part->size());
  }
  ok = ok && fsync(fd) == 0;
  if (fd >= 0) close(fd);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Status::IoError("cannot write the report cache " + path + ": " + why);
  }
  // Keep the newest few.
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (const auto& entry : fs::directory_iterator(fs::path(dir) / kDir, ec)) {
    if (entry.path().extension() == ".bin") files.emplace_back(entry.last_write_time(ec), entry.path());
  }
  std::sort(files.begin(), files.end());
  for (size_t i = 0; i + kKeptCaches < files.size(); ++i) fs::remove(files[i].second, ec);
  return Status::Ok();
}

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

namespace {

// Replays the prefix, builds its timeline and caches it (in place of any
// file there), or with !may_write in a private temporary directory.
Result<std::unique_ptr<ReportCacheView>> BuildTimeline(const Store& store, const Prefix& prefix, Timestamp known_at,
                                                       bool may_write) {
  auto start = std::chrono::steady_clock::now();
  Result<Timeline> timeline = Replay(store, known_at);
  if (!timeline.ok()) return timeline.status();
  Resolved resolved = Resolve(*timeline);
  ReportTimeline built = ReportTimeline::Build(resolved, BuildStretches(resolved));
  spdlog::info("built the report timeline of seq {} ({} dates, {} changes) in {:.3f} s", prefix.seq,
               built.index().dates.size(), built.changes(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  std::string dir = store.dir();
  if (!may_write) {
    // Read-only: the same file format, in a private temporary directory,
    // removed as soon as it is mapped.
    char tmpl[] = "/tmp/tledger-report-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return Status::IoError(std::string("cannot make a temporary directory: ") + std::strerror(errno));
    dir = tmpl;
  }
  Status saved = SaveReportCache(dir, prefix.seq, prefix.hash, built);
  Result<std::unique_ptr<ReportCacheView>> opened =
      saved.ok() ? ReportCacheView::Open(CachePath(dir, prefix.seq, prefix.hash), prefix.seq, prefix.hash)
                 : Result<std::unique_ptr<ReportCacheView>>(saved);
  if (!may_write) {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  if (!opened.ok() || !*opened) {
    return Status::IoError("cannot cache the report timeline: " +
                           (opened.ok() ? std::string("it vanished") : opened.status().message()));
  }
  return opened;
}

}  // namespace

Result<std::unique_ptr<ReportCacheView>> TimelineKnownAt(const Store& store, Timestamp known_at, bool may_write) {
  Result<Prefix> prefix = PrefixKnownAt(store, known_at);
  if (!prefix.ok()) return prefix.status();
  std::string path = CachePath(store.dir(), prefix->seq, prefix->hash);
  Result<std::unique_ptr<ReportCacheView>> view = ReportCacheView::Open(path, prefix->seq, prefix->hash);
  if (view.ok() && *view) return view;
  if (!view.ok()) spdlog::warn("{}; rebuilding it from the ledger", view.status().message());
  return BuildTimeline(store, *prefix, known_at, may_write);
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
  spdlog::warn("{}: {}; rebuilding it from the ledger", CachePath(store.dir(), prefix->seq, prefix->hash),
               report.status().message());
  Result<std::unique_ptr<ReportCacheView>> rebuilt = BuildTimeline(store, *prefix, known_at, may_write);
  if (!rebuilt.ok()) return rebuilt.status();
  return (*rebuilt)->At(as_of, known_at);
}

}  // namespace tledger
