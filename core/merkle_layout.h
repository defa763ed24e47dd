// Where the tree's hashes are kept (core/TREE.md, "Stored hashes"), and
// which of them a root or a proof reads. Arithmetic only: no hashing, no
// storage.
//
//   // Appending leaf 5 (the sixth event) stores 2 hashes, at indexes 8, 9:
//   for (NodeId node : NodesCompletedBy(5)) Put(StoredIndex(node), ...);   // (0,5), (1,2)
//   // The root of the tree of 6 leaves folds the hashes of:
//   RootNodes(6);                            // (2,0) = leaves 0..3, (1,2) = leaves 4..5
//   // The inclusion proof of leaf 2 in that tree:
//   ProofPlan plan = InclusionPlan(2, 6);    // 3 hashes: (0,3); (1,0); (1,2)
//
// Every perfect subtree (2^level leaves starting at a multiple of 2^level)
// has its hash stored once, when its last leaf is appended; the stored
// index numbers the hashes in that order (Crosby and Wallach, "Efficient
// Data Structures for Tamper-Evident Logging", 2009, section 3.3; the same
// numbering as Go's golang.org/x/mod/sumdb/tlog StoredHashIndex). So the
// hashes of a tree of n leaves are exactly the stored indexes 0 ..
// StoredCount(n) - 1, an append only adds indexes past them, and a tree at
// any earlier size is a prefix of the stored hashes.
//
// Pure functions; thread-safe. Tree sizes are below 2^63.
#ifndef TLEDGER_CORE_MERKLE_LAYOUT_H_
#define TLEDGER_CORE_MERKLE_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tledger::merkle {

// A perfect subtree: the 2^level leaves [index << level, (index + 1) << level).
// Level 0 is a leaf, index the leaf index (seq - 1).
struct NodeId {
  uint8_t level = 0;
  uint64_t index = 0;

  uint64_t begin() const { return index << level; }
  uint64_t end() const { return (index + 1) << level; }  // one past its last leaf
  friend bool operator==(const NodeId&, const NodeId&) = default;
};

// "(level 1, index 2: leaves 4..5)", for messages.
std::string Describe(NodeId node);

// How many hashes a tree of `tree_size` leaves stores: 2n - popcount(n)
// (on average just under two per leaf).
uint64_t StoredCount(uint64_t tree_size);

// Where the hash of `node` is stored: StoredCount(last leaf) + level, since
// appending leaf m stores (0, m), then (1, m >> 1), ... up the levels where
// m completes a subtree.
uint64_t StoredIndex(NodeId node);

// The node stored at `stored_index` (StoredIndex's inverse).
NodeId NodeAtStoredIndex(uint64_t stored_index);

// The nodes that appending leaf `leaf_index` completes, in stored order
// (their indexes run from StoredCount(leaf_index) up, one apart): the leaf,
// then one node per trailing 1 bit of leaf_index. Their hashes read the
// left siblings (level j, (leaf_index >> j) - 1), which are the last
// perfect subtrees of the tree before the append (RootNodes), so a writer
// that keeps those (core/merkle_frontier.h) reads nothing.
std::vector<NodeId> NodesCompletedBy(uint64_t leaf_index);

// The perfect subtrees that leaves [begin, end) split into, largest first:
// what the hash of that range folds (TreeHasher::Fold). Only the ranges of
// RFC 9162's recursion (begin a multiple of the largest power of two not
// above end - begin) are asked for; anything else is a programmer bug.
std::vector<NodeId> RangeNodes(uint64_t begin, uint64_t end);

// RangeNodes(0, tree_size): the at most 64 hashes a root at that size reads.
std::vector<NodeId> RootNodes(uint64_t tree_size);

// A proof as the stored hashes it reads: hash i of the proof is the fold of
// nodes[ends[i-1] .. ends[i]) (from 0 for i = 0). O(log n) nodes in all.
struct ProofPlan {
  std::vector<NodeId> nodes;
  std::vector<size_t> ends;

  size_t size() const { return ends.size(); }
};

// The inclusion proof of leaf `leaf_index` in the tree of `tree_size`
// leaves (RFC 9162 2.1.3.1: the siblings on the way up, lowest first).
// Requires leaf_index < tree_size.
ProofPlan InclusionPlan(uint64_t leaf_index, uint64_t tree_size);

// The consistency proof from `old_size` to `new_size` (RFC 9162 2.1.4.1),
// empty when the sizes are equal. Requires 0 < old_size <= new_size.
ProofPlan ConsistencyPlan(uint64_t old_size, uint64_t new_size);

}  // namespace tledger::merkle

#endif  // TLEDGER_CORE_MERKLE_LAYOUT_H_
