#include "core/rocks.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include "core/keys.h"
#include "core/ledger_dir.h"
#include "core/printable.h"

namespace tledger {
namespace {

rocksdb::ColumnFamilyOptions CfOptions(bool point_lookups) {
  rocksdb::ColumnFamilyOptions cf;
  cf.write_buffer_size = 64 << 20;
  cf.max_write_buffer_number = 4;
  cf.compression = rocksdb::kLZ4Compression;
  cf.bottommost_compression = rocksdb::kZSTD;
  // Bulk imports ingest index files into level 0 (core/appender.cc); let a
  // few more of them wait for compaction before writes slow down.
  cf.level0_slowdown_writes_trigger = 40;
  cf.level0_stop_writes_trigger = 80;
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 16 << 10;
  if (point_lookups) {
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    // Most lookups are of new ids: let the memtable answer "absent" cheaply too.
    cf.memtable_whole_key_filtering = true;
    cf.memtable_prefix_bloom_size_ratio = 0.05;
  }
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

// An info log that writes nothing: a look inside a store must not rotate
// or create its LOG.
class SilentLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

std::string FamilyList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + Escaped(names[i]);
  return out;
}

}  // namespace

std::vector<rocksdb::ColumnFamilyDescriptor> Families() {
  return {
      {rocksdb::kDefaultColumnFamilyName, CfOptions(false)},
      {keys::kEvents, CfOptions(false)},
      {keys::kIds, CfOptions(true)},
      {keys::kSubjects, CfOptions(false)},
      {keys::kMeta, CfOptions(true)},
  };
}

rocksdb::DBOptions DbOptions() {
  rocksdb::DBOptions o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.max_background_jobs = 2;
  o.bytes_per_sync = 1 << 20;
  o.keep_log_file_num = 4;
  // Logs beyond this get their column families flushed, so that a small
  // column family (meta) never holds old logs alive for readers to replay.
  o.max_total_wal_size = 64 << 20;
  // Table files are opened on the caller's thread: RocksDB would otherwise
  // start 16 threads for each version it builds, some two hundred for a
  // reader's catch-up, on a machine of two cores.
  o.max_file_opening_threads = 1;
  return o;
}

Store::Rocks::~Rocks() {
  if (db) {
    for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    db->Close().PermitUncheckedError();
    db.reset();
  }
  if (!secondary_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(secondary_dir, ec);
  }
}

std::string HeadValue(const Head& h) {
  std::string v(48, '\0');
  keys::PutBigEndian64(h.seq, v.data());
  std::memcpy(v.data() + 8, h.hash.data(), 32);
  keys::PutBigEndian64(static_cast<uint64_t>(h.recorded_at), v.data() + 40);
  return v;
}

std::string FormatValue(uint32_t version) {
  std::string v(4, '\0');
  for (int i = 3; i >= 0; --i) {
    v[i] = static_cast<char>(version & 0xff);
    version >>= 8;
  }
  return v;
}

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsCorruption()) return Status::Corruption(what + ": " + s.ToString());
  if (s.IsNoSpace()) {
    return Status::IoError(what + ": no space left on the device (" + s.ToString() +
                           "); free some space on it and run the command again");
  }
  return Status::IoError(what + ": " + s.ToString());
}

Result<FamiliesState> InspectFamilies(const std::string& dir, rocksdb::Env* env) {
  rocksdb::DBOptions options = DbOptions();
  if (env != nullptr) options.env = env;
  std::vector<std::string> present;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, dir, &present);
  if (!s.ok()) return NotALedger(dir, "RocksDB cannot read it: " + s.ToString());
  std::vector<rocksdb::ColumnFamilyDescriptor> wanted = Families(), found;
  std::vector<std::string> missing;
  for (const std::string& name : present) {
    bool ours = std::any_of(wanted.begin(), wanted.end(), [&](const auto& d) { return d.name == name; });
    if (!ours) return NotALedger(dir, "a RocksDB store with a column family " + Escaped(name) + ", which a ledger has not");
  }
  for (const auto& d : wanted) {
    if (std::find(present.begin(), present.end(), d.name) != present.end()) {
      found.push_back(d);
    } else {
      missing.push_back(d.name);
    }
  }
  if (missing.empty()) return FamiliesState::kComplete;

  // Some are missing: is anything in the others?
  options.create_if_missing = false;
  options.create_missing_column_families = false;
  options.info_log = std::make_shared<SilentLogger>();
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::OpenForReadOnly(options, dir, found, &handles, &raw);
  if (!s.ok()) return FromRocks(s, "cannot read the ledger at " + dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  bool format = false, head = false, data = false;
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].name == keys::kMeta) {
      std::string v;
      format = db->Get(rocksdb::ReadOptions(), handles[i], keys::kFormatKey, &v).ok();
      head = db->Get(rocksdb::ReadOptions(), handles[i], keys::kHeadKey, &v).ok();
    } else {
      std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
      it->SeekToFirst();
      data = data || it->Valid();
    }
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  db->Close().PermitUncheckedError();
  const std::string families = (missing.size() == 1 ? "column family " : "column families ") + FamilyList(missing);
  if (format) {
    return Status::Corruption("the ledger at " + dir + " has lost its " + families +
                              " (its format record says it was made whole): it was dropped. Nothing was changed or "
                              "made again; restore the ledger directory from a backup and check it with `tledger "
                              "verify --expect-head` and a written-down checkpoint");
  }
  if (head || data) {
    return Status::Corruption("the ledger at " + dir + " holds " + (head ? "a head record" : "data") +
                              " but neither its format record nor its " + families +
                              ". Nothing was changed or made again; restore the ledger directory from a backup");
  }
  return FamiliesState::kUnfinished;
}

}  // namespace tledger
