// Appending to the tree: the frontier (the hashes of the perfect subtrees
// the tree ends with, at most 64) is all an append needs, so a writer
// reads nothing per event and computes one leaf hash plus, on average, one
// interior hash (core/TREE.md, "How the appender writes it").
//
//   TreeHasher hasher;
//   Result<Frontier> f = Frontier::Load(head.seq, store_source);   // <= 64 reads, once
//   std::vector<Hash> completed;
//   f->Append(hasher.Leaf(canonical), hasher, &completed);
//   // completed[j] is stored at StoredCount(size before) + j
//   Hash root = f->Root(hasher);
//
//   MemoryTree tree;                 // a HashSource in memory (tests, bundles)
//   tree.AppendLeaf("event bytes");
//
// Value types, not thread-safe.
#ifndef TLEDGER_CORE_MERKLE_FRONTIER_H_
#define TLEDGER_CORE_MERKLE_FRONTIER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/hash_chain.h"
#include "core/merkle.h"
#include "core/merkle_proof.h"
#include "core/status.h"

namespace tledger::merkle {

class Frontier {
 public:
  // The empty tree.
  Frontier() = default;

  // The frontier of the first `tree_size` leaves of `source` (RootNodes'
  // hashes, one read). NotFound when the source holds fewer.
  static Result<Frontier> Load(uint64_t tree_size, const HashSource& source);

  uint64_t size() const { return size_; }
  // The hashes of RootNodes(size()), left to right.
  std::span<const Hash> hashes() const { return hashes_; }

  // Appends the leaf whose hash is `leaf_hash`. `completed` is cleared and
  // receives the hashes of NodesCompletedBy(size() before the append), in
  // stored order: what a writer stores, from index StoredCount(size()
  // before the append) on.
  void Append(const Hash& leaf_hash, TreeHasher& hasher, std::vector<Hash>* completed);

  // The root of the tree so far (EmptyRoot() when empty).
  Hash Root(TreeHasher& hasher) const;

 private:
  uint64_t size_ = 0;
  std::vector<Hash> hashes_;
};

// A tree kept in memory: every stored hash, by stored index.
class MemoryTree : public HashSource {
 public:
  void Append(const Hash& leaf_hash);
  // Append(SHA-256(0x00 || leaf)).
  void AppendLeaf(std::string_view leaf);

  uint64_t tree_size() const override { return frontier_.size(); }
  Status ReadHashes(std::span<const NodeId> nodes, std::vector<Hash>* out) const override;

  // The stored hashes: stored()[StoredIndex(node)] is node's hash.
  const std::vector<Hash>& stored() const { return stored_; }
  Hash Root() { return frontier_.Root(hasher_); }

 private:
  TreeHasher hasher_;
  Frontier frontier_;
  std::vector<Hash> stored_;
  std::vector<Hash> completed_;
};

}  // namespace tledger::merkle

#endif  // TLEDGER_CORE_MERKLE_FRONTIER_H_
