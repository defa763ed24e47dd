// The ledger's Merkle tree (core/TREE.md) as a merkle::HashSource: what
// `checkpoint --sign`, `prove`, `verify --checkpoint` and `bundle` read
// roots and proofs from.
//
//   Result<std::unique_ptr<merkle::HashSource>> tree = OpenTree(store);
//   Result<Hash> root = merkle::RootAt(store.head().seq, **tree);
//   Result<merkle::InclusionProof> p = merkle::ProveInclusion(seq - 1, size, **tree);
//
// The tree is of the store's head (tree_size() == store.head().seq), the
// leaves the stored (canonical) bytes of events 1..head. For now it is
// computed from the events in one ordered scan when opened: O(n) time and
// about 64 bytes of memory per event (merkle::MemoryTree).
// TODO(issue 13, the store part): read the `tree` column family instead
// (core/TREE.md, "How readers read it": O(log n) reads per root or proof);
// the commands above only see the HashSource and do not change.
//
// The source is immutable once open: thread-safe.
#ifndef TLEDGER_CORE_STORE_TREE_H_
#define TLEDGER_CORE_STORE_TREE_H_

#include <memory>

#include "core/merkle_proof.h"
#include "core/status.h"
#include "core/store.h"

namespace tledger {

// The tree of events 1..store.head().seq. Corruption, naming the seq, when
// an event is missing; IoError when the store cannot be read.
Result<std::unique_ptr<merkle::HashSource>> OpenTree(const Store& store);

}  // namespace tledger

#endif  // TLEDGER_CORE_STORE_TREE_H_
