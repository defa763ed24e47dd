// Internal to core/: how the store uses RocksDB (options, column families,
// record encodings shared by the Store and its Appender). Not for tools/.
#ifndef TLEDGER_CORE_ROCKS_H_
#define TLEDGER_CORE_ROCKS_H_

#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include "core/status.h"
#include "core/store.h"

namespace tledger {

// The column families, in the order of Families() and of Rocks::handles.
std::vector<rocksdb::ColumnFamilyDescriptor> Families();
rocksdb::DBOptions DbOptions();

struct Store::Rocks {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;  // in Families() order
  std::string secondary_dir;                          // kRead only: RocksDB's own log
  rocksdb::DBOptions secondary_options;               // kRead only: how it was opened

  rocksdb::ColumnFamilyHandle* events() const { return handles[1]; }
  rocksdb::ColumnFamilyHandle* ids() const { return handles[2]; }
  rocksdb::ColumnFamilyHandle* subjects() const { return handles[3]; }
  rocksdb::ColumnFamilyHandle* meta() const { return handles[4]; }

  ~Rocks();
};

// The head record of the meta column family (core/FORMAT.md).
std::string HeadValue(const Head& h);
// The format record of the meta column family.
std::string FormatValue(uint32_t version);

// Corruption for RocksDB's corruption, IoError for anything else; a full
// disk is named as such, with what to do.
Status FromRocks(const rocksdb::Status& s, const std::string& what);

// The column families of the RocksDB store in `dir`, looked at without
// writing anything there (a manifest read, and for an incomplete store a
// read-only open without an info log).
enum class FamiliesState {
  kComplete,    // all of a ledger's
  kUnfinished,  // some missing and nothing in the others: what a writer
                // killed while it created the ledger leaves; a writer
                // finishes it, a reader finds no ledger yet
};
// Unavailable (not a ledger) for a store RocksDB cannot read or one with a
// family a ledger has not; Corruption for a ledger missing a family (its
// format record, a head or events are there), naming the families.
Result<FamiliesState> InspectFamilies(const std::string& dir, rocksdb::Env* env);

}  // namespace tledger

#endif  // TLEDGER_CORE_ROCKS_H_
