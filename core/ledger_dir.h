// The ledger directory around the database (core/FORMAT.md, "The
// directory"): what a writer may create, open or remove in it, the `HEAD`
// file and the writer's lock. Someone who can write the directory may have
// planted anything in it (SECURITY.md): nothing here follows a link, and
// nothing is removed unless its name is one the product makes.
//
//   Result<LedgerDirKind> kind = InspectLedgerDir(dir);   // before touching anything
//   Result<int> lock = LockLedger(dir);                    // the writer's flock
//   RemoveLeftovers(dir);                                  // an interrupted writer's files
//   Status s = RefuseLinks(dir);                           // before RocksDB opens anything
//   Result<std::optional<PublishedHead>> head = ReadHeadFile(dir);
#ifndef TLEDGER_CORE_LEDGER_DIR_H_
#define TLEDGER_CORE_LEDGER_DIR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger {

inline constexpr char kHeadFile[] = "HEAD";
inline constexpr char kLockFile[] = "tledger.lock";
inline constexpr char kCacheDir[] = "report-cache";

// What lies at --db before a writer touches it.
enum class LedgerDirKind {
  kAbsent,      // nothing: a new ledger is made there
  kEmpty,       // an empty directory: likewise
  kUnfinished,  // the files of a writer killed while it created a ledger,
                // before RocksDB wrote CURRENT: the creation is finished
  kStore,       // a RocksDB store (it has CURRENT): checked further on open
};

// Looks at `dir` without changing it. Unavailable, naming what was found,
// for a file that is not a directory, or a directory holding anything else
// ("DIR holds HEAD and ingest-2024.csv, which are not a tledger ledger"):
// only an empty or absent directory becomes a new ledger.
Result<LedgerDirKind> InspectLedgerDir(const std::string& dir);

// The same refusal, for a RocksDB store that is not a ledger; `why` says
// how it was found to be one.
Status NotALedger(const std::string& dir, const std::string& why);

// Corruption naming the first entry of `dir` that is not a plain file or
// directory of the ledger: a symbolic link (through which RocksDB, which
// opens files with O_CREAT | O_TRUNC following links, could write outside
// the ledger, or read another ledger's files), a FIFO, socket or device
// (on which a read blocks forever or never ends), and, for a writer
// (`writer`), a regular file with more than one hard link (a reader leaves
// `report-cache` to CheckCacheDir, which names what is wrong with it more
// precisely). Nothing is
// changed. (A live attacker can still plant one after this check:
// SECURITY.md.)
Status RefuseLinks(const std::string& dir, bool writer = true);

// Takes the writer's lock, `dir/tledger.lock`, opened without following a
// link, and writes the process id into it. The file descriptor holds the
// flock until closed. Unavailable when another writer holds it (naming the
// file and its holder); Corruption when the lock file is a link or a file
// with more than one hard link.
Result<int> LockLedger(const std::string& dir);

// Removes what an interrupted writer left in `dir`, a ledger whose lock is
// held: the index files of an import (IngestFileName) and the temporaries
// of `HEAD`. Nothing else, and never through a link.
void RemoveLeftovers(const std::string& dir);

// The index file an import writes for chunk `chunk`: `part` is "events",
// "ids" or "subjects" ("ingest-3-ids.sst").
std::string IngestFileName(uint64_t chunk, std::string_view part);
bool IsIngestFileName(std::string_view name);

// `HEAD`: the head the last writer committed, as `SEQ:HASH` and a newline.
struct PublishedHead {
  uint64_t seq = 0;
  Hash hash{};
};
std::string HeadFileText(uint64_t seq, const Hash& hash);
// nullopt when there is no `HEAD`. Corruption naming the file when it does
// not parse (or is a link, or not a regular file).
Result<std::optional<PublishedHead>> ReadHeadFile(const std::string& dir);

// Corruption naming `dir/report-cache` when it is a symbolic link or not a
// directory; Ok when it is a directory or absent.
Status CheckCacheDir(const std::string& dir);

}  // namespace tledger

#endif  // TLEDGER_CORE_LEDGER_DIR_H_
