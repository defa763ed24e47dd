#include "core/merkle_frontier.h"

#include <bit>

#include <fmt/format.h>

namespace tledger::merkle {

Result<Frontier> Frontier::Load(uint64_t tree_size, const HashSource& source) {
  if (tree_size > source.tree_size()) {
    return Status::NotFound(fmt::format("there is no tree of size {} yet: the ledger holds {} events", tree_size,
                                        source.tree_size()));
  }
  Frontier f;
  f.size_ = tree_size;
  TLEDGER_RETURN_IF_ERROR(source.ReadHashes(RootNodes(tree_size), &f.hashes_));
  TLEDGER_CHECK(f.hashes_.size() == static_cast<size_t>(std::popcount(tree_size)));
  return f;
}

void Frontier::Append(const Hash& leaf_hash, TreeHasher& hasher, std::vector<Hash>* completed) {
  completed->clear();
  completed->push_back(leaf_hash);
  hashes_.push_back(leaf_hash);
  // Each trailing 1 bit of the new leaf's index closes a subtree: its left
  // half is the frontier's last hash but one, its right half the last.
  for (uint64_t m = size_; (m & 1) != 0; m >>= 1) {
    const Hash right = hashes_.back();
    hashes_.pop_back();
    hashes_.back() = hasher.Node(hashes_.back(), right);
    completed->push_back(hashes_.back());
  }
  ++size_;
}

Hash Frontier::Root(TreeHasher& hasher) const {
  if (size_ == 0) return EmptyRoot();
  return hasher.Fold(hashes_);
}

void MemoryTree::Append(const Hash& leaf_hash) {
  frontier_.Append(leaf_hash, hasher_, &completed_);
  stored_.insert(stored_.end(), completed_.begin(), completed_.end());
}

void MemoryTree::AppendLeaf(std::string_view leaf) { Append(hasher_.Leaf(leaf)); }

Status MemoryTree::ReadHashes(std::span<const NodeId> nodes, std::vector<Hash>* out) const {
  out->clear();
  for (NodeId node : nodes) {
    if (node.end() > tree_size()) {
      return Status::Corruption(fmt::format("no stored hash for {}: the tree has {} leaves", Describe(node), tree_size()));
    }
    out->push_back(stored_[StoredIndex(node)]);
  }
  return Status::Ok();
}

}  // namespace tledger::merkle
