#include "core/merkle_layout.h"

#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "core/status.h"

namespace tledger::merkle {
namespace {

// The largest power of two strictly below `n` (n > 1): where RFC 9162 splits
// a tree of n leaves.
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

struct Range {
  uint64_t begin, end;
};

// Appends the nodes of each range to `plan`, one proof hash per range.
ProofPlan PlanOf(const std::vector<Range>& ranges) {
  ProofPlan plan;
  for (const Range& r : ranges) {
    for (NodeId node : RangeNodes(r.begin, r.end)) plan.nodes.push_back(node);
    plan.ends.push_back(plan.nodes.size());
  }
  return plan;
}

}  // namespace

std::string Describe(NodeId node) {
  if (node.level == 0) return fmt::format("(level 0, index {}: leaf {})", node.index, node.index);
  return fmt::format("(level {}, index {}: leaves {}..{})", node.level, node.index, node.begin(), node.end() - 1);
}

uint64_t StoredCount(uint64_t tree_size) {
  // Leaves 0..n-1 complete n nodes at level 0, n >> 1 at level 1, ...; the
  // sum of n >> j over all j is 2n - popcount(n).
  return 2 * tree_size - static_cast<uint64_t>(std::popcount(tree_size));
}

uint64_t StoredIndex(NodeId node) { return StoredCount(node.end() - 1) + node.level; }

NodeId NodeAtStoredIndex(uint64_t stored_index) {
  // The leaf m that stored it: StoredCount(m) <= stored_index <
  // StoredCount(m + 1). StoredCount(m) lies in [2m - 64, 2m], so m starts at
  // stored_index / 2 and moves up at most 32 times.
  uint64_t m = stored_index / 2;
  while (StoredCount(m + 1) <= stored_index) ++m;
  const auto level = static_cast<uint8_t>(stored_index - StoredCount(m));
  return NodeId{level, m >> level};
}

std::vector<NodeId> NodesCompletedBy(uint64_t leaf_index) {
  std::vector<NodeId> nodes;
  const int levels = std::countr_one(leaf_index);
  for (int j = 0; j <= levels; ++j) nodes.push_back(NodeId{static_cast<uint8_t>(j), leaf_index >> j});
  return nodes;
}

std::vector<NodeId> RangeNodes(uint64_t begin, uint64_t end) {
  TLEDGER_CHECK(begin < end);
  std::vector<NodeId> nodes;
  while (begin < end) {
    const uint64_t width = std::bit_floor(end - begin);
    TLEDGER_CHECK(begin % width == 0);
    const auto level = static_cast<uint8_t>(std::countr_zero(width));
    nodes.push_back(NodeId{level, begin >> level});
    begin += width;
  }
  return nodes;
}

std::vector<NodeId> RootNodes(uint64_t tree_size) {
  if (tree_size == 0) return {};
  return RangeNodes(0, tree_size);
}

ProofPlan InclusionPlan(uint64_t leaf_index, uint64_t tree_size) {
  TLEDGER_CHECK(leaf_index < tree_size);
  // PATH(m, D[lo:hi]): descend towards the leaf, the other half of each
  // split being the sibling; the proof lists them from the leaf up.
  std::vector<Range> siblings;
  uint64_t lo = 0, hi = tree_size;
  while (hi - lo > 1) {
    const uint64_t mid = lo + SplitPoint(hi - lo);
    if (leaf_index < mid) {
      siblings.push_back({mid, hi});
      hi = mid;
    } else {
      siblings.push_back({lo, mid});
      lo = mid;
    }
  }
  std::reverse(siblings.begin(), siblings.end());
  return PlanOf(siblings);
}

ProofPlan ConsistencyPlan(uint64_t old_size, uint64_t new_size) {
  TLEDGER_CHECK(old_size > 0 && old_size <= new_size);
  // SUBPROOF(m, D[lo:hi], b): descend while the old tree's end is inside,
  // taking the other half of each split; where it ends on a subtree's edge,
  // that subtree's hash starts the proof, unless it is the whole old tree
  // (b still true: the verifier has that root already).
  std::vector<Range> top_down;
  std::vector<Range> proof;
  uint64_t lo = 0, hi = new_size;
  bool whole_old_tree = true;
  while (old_size != hi) {
    const uint64_t mid = lo + SplitPoint(hi - lo);
    if (old_size <= mid) {
      top_down.push_back({mid, hi});
      hi = mid;
    } else {
      top_down.push_back({lo, mid});
      lo = mid;
      whole_old_tree = false;
    }
  }
  if (!whole_old_tree) proof.push_back({lo, hi});
  proof.insert(proof.end(), top_down.rbegin(), top_down.rend());
  return PlanOf(proof);
}

}  // namespace tledger::merkle
