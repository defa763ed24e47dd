// Small files the product writes beside a ledger (`HEAD`, the report
// cache), written one way: never through a link, never half, through the
// RocksDB file system the store was opened with (so that the fault-injection
// tests reach it, tests/fault_env.h).
//
//   Status s = WriteFileAtomically(store.env(), dir, "HEAD", {text});
//
// How (leveldb's SetCurrentFile, hardened against a planted link):
// 1. a temporary `NAME.tmp-<16 random hex digits>` is created in `dir` with
//    O_CREAT | O_EXCL | O_NOFOLLOW, so a link or file already there under
//    that name is never opened, let alone truncated;
// 2. the parts are appended and fsynced through the file system's writable
//    file (where a full disk is reported);
// 3. the temporary is checked to be still the file created in step 1 (a
//    live attacker who swapped it in between is refused, not trusted);
// 4. it is renamed over `dir/NAME` (rename replaces a link there, never
//    follows it) and the directory is fsynced.
// On any failure the temporary is removed (unlink removes a name, never
// what a link points to) and `dir/NAME` is as it was.
//
// The remaining race (a live attacker replacing the temporary between steps
// 1 and 2) is written down in SECURITY.md.
#ifndef TLEDGER_CORE_FILES_H_
#define TLEDGER_CORE_FILES_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/status.h"

namespace rocksdb {
class Env;
}

namespace tledger {

// Writes `parts`, back to back, as `dir/name`, atomically (above). `env`:
// null for RocksDB's default, the local file system. IoError "cannot write
// DIR/NAME: ..." (a full disk named as such, with what to do).
Status WriteFileAtomically(rocksdb::Env* env, const std::string& dir, std::string_view name,
                           std::initializer_list<std::string_view> parts, unsigned mode = 0644);

// The same for a path as a person gives it (`-o FILE`): relative to the
// working directory, the file in its directory, on the local file system.
// InvalidInput when something other than a regular file or a link is there
// (a device, a FIFO, a directory): it is left as it is.
Status WriteFileAtPath(const std::string& path, std::initializer_list<std::string_view> parts);

// The prefix of the temporaries WriteFileAtomically makes for `name`
// ("NAME.tmp-"): what a clean-up may remove, and nothing else.
std::string TemporaryPrefix(std::string_view name);
// True when `file` is a temporary WriteFileAtomically made for `name`.
bool IsTemporaryOf(std::string_view file, std::string_view name);

// `bytes` random bytes (libsodium), as lowercase hex.
std::string RandomHex(size_t bytes);

// Creates `path`, which must not exist (O_CREAT | O_EXCL | O_NOFOLLOW), with
// `content`, synced, then syncs its directory: for small files outside the
// ledger (the local key's directory). Removed again on failure. The errno
// text on failure.
Result<bool> CreateExclusive(const std::string& path, std::string_view content, unsigned mode);

// `path` made absolute, without . or .. or links where they exist, and
// without a trailing slash: one name per directory, to compare or record.
std::string CanonicalPath(const std::string& path);

// Reads the whole of `path`, at most `max_bytes`, without following a link
// and without blocking on anything that is not a regular file.
// NotFound when there is no such file; Corruption "PATH is a symbolic
// link" / "PATH is not a regular file" / "PATH is larger than N bytes";
// IoError when it cannot be read.
Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes);

}  // namespace tledger

#endif  // TLEDGER_CORE_FILES_H_
