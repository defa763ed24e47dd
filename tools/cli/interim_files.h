// An interim copy of the one atomic small-file helper.
//
// TODO(sec-store): replace this file by core/files.h (branch sec-store:
// WriteFileAtomically and ReadSmallFile, the same signatures, through the
// RocksDB Env) once it is on main; its callers (tools/cli/witness_state.cc,
// tools/cli/key_file.cc) then include core/files.h and drop `interim::`.
//
//   Status s = interim::WriteFileAtomically(nullptr, dir, "checkpoint.note", {text}, 0600);
//   Result<std::string> text = interim::ReadSmallFile(dir + "/checkpoint.note", 1 << 20);
//
// What this copy does: a temporary `NAME.tmp-<16 random hex digits>` made in
// `dir` with O_CREAT | O_EXCL | O_NOFOLLOW, written and fsynced, renamed
// over `dir/NAME`, the directory fsynced; the temporary removed on any
// failure, `dir/NAME` as it was. The `env` argument is accepted for the
// shape and not used (the local file system).
#ifndef TLEDGER_TOOLS_CLI_INTERIM_FILES_H_
#define TLEDGER_TOOLS_CLI_INTERIM_FILES_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/status.h"

namespace rocksdb {
class Env;
}

namespace tledger::interim {

// Writes `parts`, back to back, as `dir/name`, atomically (above). IoError
// "cannot write DIR/NAME: ..." naming the system's reason.
Status WriteFileAtomically(rocksdb::Env* env, const std::string& dir, std::string_view name,
                           std::initializer_list<std::string_view> parts, unsigned mode = 0644);

// The whole of `path`, at most `max_bytes`, without following a link and
// without blocking on anything that is not a regular file. NotFound when
// there is no such file; Corruption "PATH is a symbolic link" / "PATH is
// not a regular file" / "PATH is larger than N bytes"; IoError when it
// cannot be read.
Result<std::string> ReadSmallFile(const std::string& path, size_t max_bytes);

}  // namespace tledger::interim

#endif  // TLEDGER_TOOLS_CLI_INTERIM_FILES_H_
