// `tledger witness cosign` (core/TREE.md, "Witnesses"): a second party (the
// inspectorate, the ministry) that keeps, per ledger origin, the last
// checkpoint it cosigned, and cosigns a new one only when it extends that
// one: never a smaller tree (a rollback), never another root for a size it
// has seen or a tree that does not contain it (a fork).
//
//   Result<CosignResult> r = Cosign(state_dir, witness_key, {.note = text, .proof = proof_json, .now = Now()});
//   print(r->note);   // the note, with this witness's cosignature/v1 line
//
// The state directory holds one directory per origin (its name the origin,
// percent-encoded), with `log.vkey` (the ledger's verifier key, fixed the
// first time) and `checkpoint.note` (the last note cosigned, whole), each
// written atomically; `lock` serializes two cosignings of one origin.
#ifndef TLEDGER_TOOLS_CLI_WITNESS_H_
#define TLEDGER_TOOLS_CLI_WITNESS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "core/note_key.h"
#include "core/status.h"

namespace tledger {

struct CosignRequest {
  std::string note;                          // the signed checkpoint offered
  std::optional<std::string> proof;          // `prove --consistency OLD NEW`'s JSON
  std::optional<note::VerifierKey> log_key;  // --log-key: needed the first time, then fixed
  uint64_t now = 0;                          // POSIX seconds
};

struct CosignResult {
  std::string note;        // the note, cosigned
  std::string origin;
  uint64_t size = 0;
  std::optional<uint64_t> previous_size;  // the checkpoint cosigned before, if any
  uint64_t time = 0;       // of the new cosignature
};

// Checks and cosigns (core/TREE.md, "Witnesses", steps 1-5); the state is
// written before the note is returned. Refusals:
// - InvalidInput: a note that is not a signed checkpoint; no --log-key the
//   first time; a log key not named after the origin; a proof that is not
//   `prove --consistency`'s JSON or is between other sizes; no proof where
//   the tree grew;
// - Conflict: a --log-key other than the one fixed for the origin;
// - Corruption (exit 3): the note's signature; a rollback; a fork (another
//   root at the same size, or a proof that fails or names other roots); a
//   state file that does not verify. Rollbacks and forks print both
//   checkpoints in the message;
// - Unavailable: another cosigning of the origin holds the lock;
// - IoError: the state cannot be read or written.
Result<CosignResult> Cosign(const std::string& state_dir, const note::SignerKey& witness, const CosignRequest& request);

// The state directory's name for `origin`: its bytes, each outside
// [A-Za-z0-9_.-] (and a leading '.') as %XX.
std::string OriginDirName(std::string_view origin);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_WITNESS_H_
