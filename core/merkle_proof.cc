#include "core/merkle_proof.h"

#include <bit>

#include <fmt/format.h>

#include "core/merkle.h"

namespace tledger::merkle {
namespace {

Status CheckSize(uint64_t tree_size, const HashSource& source) {
  if (tree_size > source.tree_size()) {
    return Status::NotFound(fmt::format("there is no tree of size {} yet: the ledger holds {} events", tree_size,
                                        source.tree_size()));
  }
  return Status::Ok();
}

// A proof read in one ReadHashes call: the plan's nodes, then two more
// groups of nodes (a leaf, a root's), each folded into one hash.
struct Reading {
  std::vector<Hash> proof;
  Hash first{}, second{};
};
Result<Reading> ReadProof(const HashSource& source, const ProofPlan& plan, const std::vector<NodeId>& first,
                          const std::vector<NodeId>& second) {
  std::vector<NodeId> nodes = plan.nodes;
  nodes.insert(nodes.end(), first.begin(), first.end());
  nodes.insert(nodes.end(), second.begin(), second.end());
  std::vector<Hash> hashes;
  TLEDGER_RETURN_IF_ERROR(source.ReadHashes(nodes, &hashes));
  TLEDGER_CHECK(hashes.size() == nodes.size());
  TreeHasher hasher;
  const std::span<const Hash> all(hashes);
  Reading r;
  size_t begin = 0;
  for (size_t end : plan.ends) {
    r.proof.push_back(hasher.Fold(all.subspan(begin, end - begin)));
    begin = end;
  }
  r.first = hasher.Fold(all.subspan(plan.nodes.size(), first.size()));
  r.second = hasher.Fold(all.subspan(plan.nodes.size() + first.size()));
  return r;
}

Status Disagree(const Status& check) {
  return Status::Corruption("the stored tree hashes disagree with each other (" + check.message() +
                            "): run `tledger verify`");
}

}  // namespace

Result<Hash> RootAt(uint64_t tree_size, const HashSource& source) {
  TLEDGER_RETURN_IF_ERROR(CheckSize(tree_size, source));
  if (tree_size == 0) return EmptyRoot();
  std::vector<Hash> hashes;
  TLEDGER_RETURN_IF_ERROR(source.ReadHashes(RootNodes(tree_size), &hashes));
  TLEDGER_CHECK(hashes.size() == static_cast<size_t>(std::popcount(tree_size)));
  TreeHasher hasher;
  return hasher.Fold(hashes);
}

Result<InclusionProof> ProveInclusion(uint64_t leaf_index, uint64_t tree_size, const HashSource& source) {
  TLEDGER_RETURN_IF_ERROR(CheckSize(tree_size, source));
  if (leaf_index >= tree_size) {
    return Status::InvalidInput(fmt::format("leaf {} is not in the tree of size {} (leaf indexes run from 0 to {})",
                                            leaf_index, tree_size, tree_size == 0 ? 0 : tree_size - 1));
  }
  Result<Reading> r =
      ReadProof(source, InclusionPlan(leaf_index, tree_size), {NodeId{0, leaf_index}}, RootNodes(tree_size));
  if (!r.ok()) return r.status();
  InclusionProof proof{leaf_index, tree_size, r->first, r->second, std::move(r->proof)};
  Status check = VerifyInclusion(leaf_index, tree_size, proof.leaf_hash, proof.hashes, proof.root);
  if (!check.ok()) return Disagree(check);
  return proof;
}

Result<ConsistencyProof> ProveConsistency(uint64_t old_size, uint64_t new_size, const HashSource& source) {
  if (old_size == 0 || old_size > new_size) {
    return Status::InvalidInput(fmt::format(
        "a consistency proof goes from a tree of at least one leaf to one at least as large, not from size {} to size {}",
        old_size, new_size));
  }
  TLEDGER_RETURN_IF_ERROR(CheckSize(new_size, source));
  Result<Reading> r =
      ReadProof(source, ConsistencyPlan(old_size, new_size), RootNodes(old_size), RootNodes(new_size));
  if (!r.ok()) return r.status();
  ConsistencyProof proof{old_size, new_size, r->first, r->second, std::move(r->proof)};
  Status check = VerifyConsistency(old_size, new_size, proof.old_root, proof.new_root, proof.hashes);
  if (!check.ok()) return Disagree(check);
  return proof;
}

}  // namespace tledger::merkle
