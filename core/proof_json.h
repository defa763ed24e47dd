// The JSON of `tledger prove` (core/FORMAT.md, "Proofs"), written and read:
// what the prove command prints, what a witness reads back (`witness
// cosign --proof`), and what Go's sumdb/tlog checks in interop_test.
//
//   {"leaf_index": 2, "leaf_hash": "Gc4O...=", "tree_size": 3, "root_hash": "Dhm6...=", "hashes": ["S6Wa...="]}
//   {"old_size": 2, "old_root": "S6Wa...=", "new_size": 3, "new_root": "Dhm6...=", "hashes": ["Gc4O...="]}
//
//   std::string text = InclusionProofJson(proof);          // indented, one key per line, final newline
//   Result<merkle::ConsistencyProof> c = ParseConsistencyProofJson(text);
//
// Hashes are standard base64 of 32 bytes (as in checkpoints); sizes and
// indexes are JSON integers below 2^63. Parsing is strict: an object with
// exactly these keys, every refusal InvalidInput naming the key and what it
// should hold. Parsing checks the form only: the caller verifies the proof
// (core/merkle.h). Pure functions; thread-safe.
#ifndef TLEDGER_CORE_PROOF_JSON_H_
#define TLEDGER_CORE_PROOF_JSON_H_

#include <string>
#include <string_view>

#include "core/merkle_proof.h"
#include "core/status.h"

namespace tledger {

std::string InclusionProofJson(const merkle::InclusionProof& proof);
std::string ConsistencyProofJson(const merkle::ConsistencyProof& proof);

Result<merkle::InclusionProof> ParseInclusionProofJson(std::string_view json);
Result<merkle::ConsistencyProof> ParseConsistencyProofJson(std::string_view json);

}  // namespace tledger

#endif  // TLEDGER_CORE_PROOF_JSON_H_
