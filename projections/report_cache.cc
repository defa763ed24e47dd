// The report cache's file (projections/report_cache.h): its layout, its
// MACs, and reading one in place. What to do with the files of a ledger
// (which to use, rebuild, evict, verify) is in report_cache_use.cc.
#include "projections/report_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <span>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include "core/files.h"
#include "core/keys.h"
#include "core/ledger_dir.h"
#include "projections/report_cache.capnp.h"
#include "projections/report_cache_file.h"

namespace tledger {
namespace {

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

std::string EncodeManifest(const TimelineIndex& x, const std::vector<Hash>& block_macs) {
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
  auto programs = m.initPrograms(static_cast<unsigned>(x.programs.size()));
  for (unsigned i = 0; i < x.programs.size(); ++i) {
    programs[i].setPlan(x.programs[i].plan);
    programs[i].setProgram(static_cast<uint16_t>(x.programs[i].program));
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
    auto targets = p.initTargets(static_cast<unsigned>(v.plan_as_of.targets.size()));
    for (unsigned t = 0; t < v.plan_as_of.targets.size(); ++t) {
      const TargetSpec& target = v.plan_as_of.targets[t];
      targets[t].setProgram(static_cast<uint16_t>(target.program));
      targets[t].setTraineeTurns(target.trainee_turns.value_or(-1));
      targets[t].setClasses(target.classes.value_or(-1));
    }
  }
  m.setCounters(x.counters);
  auto dates = m.initDates(static_cast<unsigned>(x.dates.size()));
  for (unsigned i = 0; i < x.dates.size(); ++i) dates.set(i, x.dates[i].days());
  auto begin = m.initChangeBegin(static_cast<unsigned>(x.change_begin.size()));
  for (unsigned i = 0; i < x.change_begin.size(); ++i) begin.set(i, x.change_begin[i]);
  auto macs = m.initBlockMacs(static_cast<unsigned>(block_macs.size()));
  for (unsigned i = 0; i < block_macs.size(); ++i) {
    macs.set(i, capnp::Data::Reader(block_macs[i].data(), block_macs[i].size()));
  }
  return Flat(msg);
}

TimelineIndex DecodeManifest(cache::Manifest::Reader m, std::vector<Hash>* block_macs) {
  TimelineIndex x;
  for (auto t : m.getPlanNames()) x.plan_names.emplace_back(t.cStr(), t.size());
  for (auto t : m.getFieldNames()) x.field_names.emplace_back(t.cStr(), t.size());
  for (auto c : m.getCells()) {
    x.cells.push_back(TimelineIndex::Cell{
        c.getPlan(), AsOf::CellKey{static_cast<Program>(c.getProgram()), static_cast<FundingClass>(c.getFundingClass()),
                                   static_cast<Location>(c.getLocation())}});
  }
  for (auto p : m.getPrograms()) {
    x.programs.push_back(TimelineIndex::PlanProgram{p.getPlan(), static_cast<Program>(p.getProgram())});
  }
  auto count = [](int64_t v) { return v >= 0 ? std::optional<int64_t>(v) : std::nullopt; };
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
    for (auto t : p.getTargets()) {
      v.plan_as_of.targets.push_back(
          TargetSpec{static_cast<Program>(t.getProgram()), count(t.getTraineeTurns()), count(t.getClasses())});
    }
    x.plans.push_back(std::move(v));
  }
  x.counters = m.getCounters();
  for (int32_t d : m.getDates()) x.dates.push_back(Date::FromDays(d));
  for (uint32_t v : m.getChangeBegin()) x.change_begin.push_back(v);
  for (auto h : m.getBlockMacs()) {
    Hash hash{};
    if (h.size() == hash.size()) std::memcpy(hash.data(), h.begin(), hash.size());
    block_macs->push_back(hash);
  }
  return x;
}

template <typename T>
std::span<const T> RawSpan(typename capnp::List<T>::Reader list) {
  kj::ArrayPtr<const kj::byte> raw = capnp::AnyList::Reader(list).getRawBytes();
  return std::span<const T>(reinterpret_cast<const T*>(raw.begin()), list.size());
}

// The MAC of the header's first kMacAt bytes and the manifest.
Hash HeaderMac(const char* header, std::string_view manifest, const LocalKey& key) {
  Mac mac(key.Subkey(KeyPurpose::kReportCache));
  mac.Update(header, cache_file::kMacAt);
  mac.Update(manifest);
  return mac.Final();
}

}  // namespace

namespace cache_file {

Hash BlockMac(Mac& mac, size_t block, std::span<const int64_t> checkpoint, std::span<const uint32_t> counters,
              std::span<const int64_t> values) {
  // Little-endian machine: the values' bytes are their encoding (the
  // cache's Cap'n Proto lists hold the same bytes).
  static_assert(std::endian::native == std::endian::little);
  char prefix[16] = {'b', 'l', 'o', 'c', 'k', 0, 0, 0};
  keys::PutBigEndian64(block, prefix + 8);
  mac.Update(prefix, sizeof prefix);
  mac.Update(checkpoint.data(), checkpoint.size_bytes());
  mac.Update(counters.data(), counters.size_bytes());
  mac.Update(values.data(), values.size_bytes());
  return mac.Final();
}

std::string FileName(uint64_t seq, const Hash& hash) {
  return std::to_string(seq) + "-" + ToHex(hash).substr(0, 16) + ".bin";
}

std::optional<uint64_t> SeqOfFileName(std::string_view name) {
  size_t dash = name.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 20 || name.size() != dash + 1 + 16 + 4 ||
      name.substr(name.size() - 4) != ".bin") {
    return std::nullopt;
  }
  uint64_t seq = 0;
  for (char c : name.substr(0, dash)) {
    if (c < '0' || c > '9' || seq > (UINT64_MAX - 9) / 10) return std::nullopt;
    seq = seq * 10 + static_cast<uint64_t>(c - '0');
  }
  for (char c : name.substr(dash + 1, 16)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return seq;
}

bool IsTemporaryName(std::string_view name) {
  size_t at = name.find(".bin.tmp-");
  return at != std::string_view::npos && SeqOfFileName(name.substr(0, at + 4)) &&
         IsTemporaryOf(name, name.substr(0, at + 4));
}

std::optional<Header> ReadHeader(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  char head[kHeaderBytes];
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && pread(fd, head, sizeof head, 0) == sizeof head;
  close(fd);
  if (!ok || std::memcmp(head, kMagic, 8) != 0) return std::nullopt;
  Header h;
  h.seq = keys::GetBigEndian64(head + kSeqAt);
  std::memcpy(h.hash.data(), head + kHashAt, 32);
  h.key_id = keys::GetBigEndian64(head + kKeyIdAt);
  return h;
}

}  // namespace cache_file

// The bulk message, read in place.
struct ReportCacheView::Bulk {
  Bulk(kj::ArrayPtr<const capnp::word> words, const LocalKey& key)
      : reader(words, Unlimited()), root(reader.getRoot<cache::Bulk>()), mac(key.Subkey(KeyPurpose::kReportCache)) {}
  capnp::FlatArrayMessageReader reader;
  cache::Bulk::Reader root;
  Mac mac;
  std::vector<bool> verified;  // by block
};

ReportCacheView::~ReportCacheView() {
  bulk_.reset();
  if (data_ != nullptr) munmap(const_cast<char*>(data_), size_);
}

Result<std::unique_ptr<ReportCacheView>> ReportCacheView::Open(const std::string& path, uint64_t seq,
                                                               const Hash& hash, const LocalKey& key) {
  using namespace cache_file;
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return std::unique_ptr<ReportCacheView>();
  if (fd < 0 && errno == ELOOP) return Status::Corruption(path + " is a symbolic link");
  if (fd < 0) return Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status::Corruption(path + " is not a regular file");
  }
  if (static_cast<size_t>(st.st_size) < kHeaderBytes) {
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
  if (keys::GetBigEndian64(h + kKeyIdAt) != key.id()) {
    return Status::Corruption(path + " was made under another local key (" + KeyIdHex(keys::GetBigEndian64(h + kKeyIdAt)) +
                              ", this one is " + KeyIdHex(key.id()) + "): by another user or on another machine, or forged");
  }
  uint64_t manifest_bytes = keys::GetBigEndian64(h + kManifestSizeAt);
  if (manifest_bytes % sizeof(capnp::word) != 0 || manifest_bytes > v->size_ - kHeaderBytes ||
      (v->size_ - kHeaderBytes - manifest_bytes) % sizeof(capnp::word) != 0) {
    return Status::Corruption(path + ": its parts do not fit its size");
  }
  const char* manifest = h + kHeaderBytes;
  Hash stored;
  std::memcpy(stored.data(), h + kMacAt, 32);
  if (!SameTag(stored, HeaderMac(h, std::string_view(manifest, manifest_bytes), key))) {
    return Status::Corruption(path + " fails its authentication: it was forged or altered");
  }
  if (keys::GetBigEndian64(h + kSeqAt) != seq || std::memcmp(h + kHashAt, hash.data(), 32) != 0) {
    return Status::Corruption(path + " is named for seq " + std::to_string(seq) + " but holds another");
  }
  try {
    kj::ArrayPtr<const capnp::word> mwords(reinterpret_cast<const capnp::word*>(manifest), manifest_bytes / 8);
    capnp::FlatArrayMessageReader mreader(mwords, Unlimited());
    v->index_ = DecodeManifest(mreader.getRoot<cache::Manifest>(), &v->block_macs_);
    const char* bulk = manifest + manifest_bytes;
    v->bulk_ = std::make_unique<Bulk>(kj::ArrayPtr<const capnp::word>(reinterpret_cast<const capnp::word*>(bulk),
                                                                       (v->size_ - kHeaderBytes - manifest_bytes) / 8),
                                      key);
    auto root = v->bulk_->root;
    if (root.getChangeCounter().size() != root.getChangeValue().size() ||
        v->block_macs_.size() != v->index_.blocks()) {
      return Status::Corruption(path + ": its parts do not agree");
    }
    TLEDGER_RETURN_IF_ERROR(v->index_.Check(root.getChangeCounter().size(), root.getCheckpoints().size()));
    v->bulk_->verified.assign(v->index_.blocks(), false);
  } catch (const kj::Exception& e) {
    return Status::Corruption(path + " does not decode: " + e.getDescription().cStr());
  }
  return v;
}

Status ReportCacheView::CheckBlock(size_t block) const {
  if (bulk_->verified[block]) return Status::Ok();
  try {
    auto [first, end] = index_.BlockChanges(block);
    std::span<const int64_t> checkpoint =
        RawSpan<int64_t>(bulk_->root.getCheckpoints()[static_cast<unsigned>(block)]);
    std::span<const uint32_t> counters = RawSpan<uint32_t>(bulk_->root.getChangeCounter());
    std::span<const int64_t> values = RawSpan<int64_t>(bulk_->root.getChangeValue());
    Hash mac = cache_file::BlockMac(bulk_->mac, block, checkpoint, counters.subspan(first, end - first),
                                    values.subspan(first, end - first));
    if (!SameTag(mac, block_macs_[block])) {
      return Status::Corruption("the report cache's block " + std::to_string(block) + " fails its authentication");
    }
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("the report cache does not decode: ") + e.getDescription().cStr());
  }
  bulk_->verified[block] = true;
  return Status::Ok();
}

Status ReportCacheView::CheckAllBlocks() const {
  for (size_t j = 0; j < index_.blocks(); ++j) TLEDGER_RETURN_IF_ERROR(CheckBlock(j));
  return Status::Ok();
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
      TLEDGER_RETURN_IF_ERROR(CheckBlock(block));
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

std::string ReportCachePath(const std::string& dir, uint64_t seq, const Hash& hash) {
  return dir + "/" + kCacheDir + "/" + cache_file::FileName(seq, hash);
}

Status SaveReportCache(rocksdb::Env* env, const std::string& dir, uint64_t seq, const Hash& hash,
                       const ReportTimeline& timeline, const LocalKey& key) {
  using namespace cache_file;
  const TimelineIndex& x = timeline.index();
  std::vector<Hash> block_macs;
  Mac mac(key.Subkey(KeyPurpose::kReportCache));
  for (size_t j = 0; j < x.blocks(); ++j) {
    auto [first, end] = x.BlockChanges(j);
    block_macs.push_back(BlockMac(mac, j, timeline.checkpoint(j), timeline.change_counter().subspan(first, end - first),
                                  timeline.change_value().subspan(first, end - first)));
  }
  std::string manifest = EncodeManifest(x, block_macs);
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
  keys::PutBigEndian64(seq, header.data() + kSeqAt);
  std::memcpy(header.data() + kHashAt, hash.data(), 32);
  keys::PutBigEndian64(key.id(), header.data() + kKeyIdAt);
  keys::PutBigEndian64(manifest.size(), header.data() + kManifestSizeAt);
  Hash hm = HeaderMac(header.data(), manifest, key);
  std::memcpy(header.data() + kMacAt, hm.data(), 32);

  TLEDGER_RETURN_IF_ERROR(CheckCacheDir(dir));
  const std::string cache_dir = dir + "/" + kCacheDir;
  if (::mkdir(cache_dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Status::IoError("cannot make the report cache directory " + cache_dir + ": " + std::strerror(errno));
  }
  TLEDGER_RETURN_IF_ERROR(CheckCacheDir(dir));
  return WriteFileAtomically(env, cache_dir, FileName(seq, hash), {header, manifest, bulk_bytes});
}

}  // namespace tledger
