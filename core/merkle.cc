#include "core/merkle.h"

#include <bit>

#include <fmt/format.h>

#include "core/base64.h"

namespace tledger::merkle {
namespace {

kj::ArrayPtr<const kj::byte> BytesOf(const Hash& h) { return kj::ArrayPtr<const kj::byte>(h.data(), h.size()); }

// RFC 9162 2.1.3.2 and 2.1.4.2 walk the path with two indexes, fn and sn,
// shifted right one level per step and further past levels where the path
// has no node (the right edge of an unbalanced tree).
void SkipLevelsWithoutSibling(uint64_t& fn, uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

Hash EmptyRoot() {
  ChainHasher sha;
  return sha.Digest(kj::ArrayPtr<const kj::byte>());
}

Hash TreeHasher::Leaf(kj::ArrayPtr<const kj::byte> leaf) {
  static constexpr kj::byte kPrefix[1] = {kLeafPrefix};
  return sha_.DigestOf({kj::ArrayPtr<const kj::byte>(kPrefix, 1), leaf});
}

Hash TreeHasher::Node(const Hash& left, const Hash& right) {
  static constexpr kj::byte kPrefix[1] = {kNodePrefix};
  return sha_.DigestOf({kj::ArrayPtr<const kj::byte>(kPrefix, 1), BytesOf(left), BytesOf(right)});
}

Hash TreeHasher::Fold(std::span<const Hash> hashes) {
  TLEDGER_CHECK(!hashes.empty());
  Hash h = hashes.back();
  for (size_t i = hashes.size() - 1; i-- > 0;) h = Node(hashes[i], h);
  return h;
}

size_t InclusionProofSize(uint64_t leaf_index, uint64_t tree_size) {
  TLEDGER_CHECK(leaf_index < tree_size);
  // Below the level where the paths to the leaf and to the last leaf part,
  // every level has a sibling; above it, only the levels where the leaf's
  // subtree is a right child (the left siblings are perfect subtrees, the
  // right ones do not exist at the right edge).
  const int inner = std::bit_width(leaf_index ^ (tree_size - 1));
  return static_cast<size_t>(inner + std::popcount(leaf_index >> inner));
}

size_t ConsistencyProofSize(uint64_t old_size, uint64_t new_size) {
  TLEDGER_CHECK(old_size > 0 && old_size <= new_size);
  if (old_size == new_size) return 0;
  // The proof is the inclusion proof of the old tree's last perfect subtree
  // (a node at level `shift`) in the new tree seen from that level, preceded
  // by that node's own hash unless it is the whole old tree.
  const int shift = std::countr_zero(old_size);
  const uint64_t node = (old_size - 1) >> shift;
  const uint64_t size_at_level = ((new_size - 1) >> shift) + 1;
  return (node == 0 ? 0 : 1) + InclusionProofSize(node, size_at_level);
}

Result<Hash> RootFromInclusionProof(uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash,
                                    std::span<const Hash> proof) {
  if (leaf_index >= tree_size) {
    return Status::InvalidInput(
        fmt::format("leaf index {} is not in a tree of {} leaves (indexes run from 0 to size - 1)", leaf_index, tree_size));
  }
  const size_t want = InclusionProofSize(leaf_index, tree_size);
  if (proof.size() != want) {
    return Status::Corruption(fmt::format("the inclusion proof of leaf {} in the tree of size {} has {} hashes; it needs {}",
                                          leaf_index, tree_size, proof.size(), want));
  }
  TreeHasher hasher;
  uint64_t fn = leaf_index, sn = tree_size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if ((fn & 1) != 0 || fn == sn) {
      r = hasher.Node(p, r);
      if ((fn & 1) == 0) SkipLevelsWithoutSibling(fn, sn);
    } else {
      r = hasher.Node(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {  // InclusionProofSize counted these steps: never, unless it is wrong
    return Status::Corruption(fmt::format("the inclusion proof of leaf {} in the tree of size {} ends below the root",
                                          leaf_index, tree_size));
  }
  return r;
}

Status VerifyInclusion(uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash, std::span<const Hash> proof,
                       const Hash& root) {
  Result<Hash> computed = RootFromInclusionProof(leaf_index, tree_size, leaf_hash, proof);
  if (!computed.ok()) return computed.status();
  if (*computed != root) {
    return Status::Corruption(fmt::format(
        "the inclusion proof of leaf {} (leaf hash {}) in the tree of size {} leads to the root {}, not to {}",
        leaf_index, Base64(leaf_hash), tree_size, Base64(*computed), Base64(root)));
  }
  return Status::Ok();
}

Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root, const Hash& new_root,
                         std::span<const Hash> proof) {
  if (old_size == 0) {
    return Status::InvalidInput(
        "a consistency proof starts from a tree of at least one leaf (every tree extends the empty one)");
  }
  if (old_size > new_size) {
    return Status::InvalidInput(
        fmt::format("a consistency proof goes from a smaller tree to a larger one, not from size {} to size {}",
                    old_size, new_size));
  }
  const std::string which = fmt::format("the consistency proof from size {} to size {}", old_size, new_size);
  const size_t want = ConsistencyProofSize(old_size, new_size);
  if (proof.size() != want) {
    return Status::Corruption(fmt::format("{} has {} hashes; it needs {}", which, proof.size(), want));
  }
  if (old_size == new_size) {
    if (old_root != new_root) {
      return Status::Corruption(fmt::format("two roots for the tree of size {}: {} and {}", old_size,
                                            Base64(old_root), Base64(new_root)));
    }
    return Status::Ok();
  }
  TreeHasher hasher;
  // RFC 9162 2.1.4.2. When the old tree is a perfect subtree of the new one,
  // its root is where the path starts and the proof leaves it out.
  const bool old_is_perfect = std::has_single_bit(old_size);
  uint64_t fn = old_size - 1, sn = new_size - 1;
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = old_is_perfect ? old_root : proof[0];
  Hash sr = fr;
  for (size_t i = old_is_perfect ? 0 : 1; i < proof.size(); ++i) {
    const Hash& c = proof[i];
    if (sn == 0) return Status::Corruption(which + " goes past the root");  // never: the size was checked
    if ((fn & 1) != 0 || fn == sn) {
      fr = hasher.Node(c, fr);
      sr = hasher.Node(c, sr);
      if ((fn & 1) == 0) SkipLevelsWithoutSibling(fn, sn);
    } else {
      sr = hasher.Node(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Status::Corruption(which + " ends below the root");  // never: the size was checked
  if (fr != old_root) {
    return Status::Corruption(
        fmt::format("{} leads to the old root {}, not to {}", which, Base64(fr), Base64(old_root)));
  }
  if (sr != new_root) {
    return Status::Corruption(
        fmt::format("{} leads to the new root {}, not to {}", which, Base64(sr), Base64(new_root)));
  }
  return Status::Ok();
}

}  // namespace tledger::merkle
