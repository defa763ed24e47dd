// Roots and proofs made from stored hashes (core/merkle_layout.h), read
// through a narrow interface so that the store, a bundle or a vector in
// memory (core/merkle_frontier.h, MemoryTree) can serve them.
//
//   MemoryTree tree;                                   // or the store's source
//   for (const auto& event : events) tree.AppendLeaf(event);
//   Result<InclusionProof> p = ProveInclusion(seq - 1, tree.tree_size(), tree);
//   Result<ConsistencyProof> c = ProveConsistency(old_size, tree.tree_size(), tree);
//   Result<Hash> root = RootAt(size, tree);
//
// Each reads O(log n) stored hashes in one ReadHashes call, and checks what
// it built with core/merkle.h's verification before returning it: stored
// hashes that disagree with each other give Corruption, never a proof that
// does not verify. Thread-safe as far as the source's ReadHashes is.
#ifndef TLEDGER_CORE_MERKLE_PROOF_H_
#define TLEDGER_CORE_MERKLE_PROOF_H_

#include <cstdint>
#include <span>
#include <vector>

#include "core/hash_chain.h"
#include "core/merkle_layout.h"
#include "core/status.h"

namespace tledger::merkle {

class HashSource {
 public:
  virtual ~HashSource() = default;

  // The leaves of the tree the source holds (the head, for the store).
  virtual uint64_t tree_size() const = 0;

  // The stored hashes of `nodes`, in order, into `out` (replacing what it
  // held). Every node lies inside the tree (end() <= tree_size()). A hash
  // the source should have and has not is Corruption, naming the node; the
  // source's own failures keep their code (IoError, ...).
  virtual Status ReadHashes(std::span<const NodeId> nodes, std::vector<Hash>* out) const = 0;
};

// The root of the first `tree_size` leaves (EmptyRoot() for 0). NotFound
// when the source holds fewer.
Result<Hash> RootAt(uint64_t tree_size, const HashSource& source);

// What `tledger prove SEQ` prints (core/TREE.md): leaf_index = seq - 1.
struct InclusionProof {
  uint64_t leaf_index = 0;
  uint64_t tree_size = 0;
  Hash leaf_hash{};
  Hash root{};
  std::vector<Hash> hashes;
};

// The inclusion proof of leaf `leaf_index` in the tree of `tree_size`
// leaves. InvalidInput when leaf_index >= tree_size; NotFound when the
// source holds fewer than tree_size leaves.
Result<InclusionProof> ProveInclusion(uint64_t leaf_index, uint64_t tree_size, const HashSource& source);

// What `tledger prove --consistency M N` prints.
struct ConsistencyProof {
  uint64_t old_size = 0;
  uint64_t new_size = 0;
  Hash old_root{};
  Hash new_root{};
  std::vector<Hash> hashes;
};

// The consistency proof from `old_size` to `new_size` leaves (empty when
// equal). InvalidInput when old_size is 0 or above new_size; NotFound when
// the source holds fewer than new_size leaves.
Result<ConsistencyProof> ProveConsistency(uint64_t old_size, uint64_t new_size, const HashSource& source);

}  // namespace tledger::merkle

#endif  // TLEDGER_CORE_MERKLE_PROOF_H_
