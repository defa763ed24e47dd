// The Merkle tree over the events (RFC 9162 section 2.1): hashing, and the
// verification of inclusion and consistency proofs. Pure functions of their
// arguments: this is what a verifier without the ledger links
// (core/TREE.md; the stored layout is core/merkle_layout.h, proof
// generation core/merkle_proof.h).
//
//   TreeHasher hasher;
//   Hash leaf = hasher.Leaf(canonical);        // SHA-256(0x00 || canonical bytes of the event)
//   Status s = VerifyInclusion(seq - 1, tree_size, leaf, proof.hashes, checkpoint.root);
//   if (!s.ok()) ...                           // kCorruption: the proof does not lead to the root
//   s = VerifyConsistency(old_size, new_size, old_root, new_root, proof.hashes);
//
// leaf hash     = SHA-256(0x00 || leaf bytes)
// interior hash = SHA-256(0x01 || left hash || right hash)
// the root of n > 1 leaves = interior hash of (the root of the first k, the
//   root of the other n - k), k the largest power of two below n; of one
//   leaf, its leaf hash; of none, SHA-256 of no bytes.
//
// A TreeHasher is not thread-safe (one OpenSSL context, reused); the free
// functions make their own and are thread-safe.
#ifndef TLEDGER_CORE_MERKLE_H_
#define TLEDGER_CORE_MERKLE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger::merkle {

// The domain separation bytes of RFC 9162 (a leaf can never be taken for an
// interior node). Part of the format: never changed.
inline constexpr uint8_t kLeafPrefix = 0x00;
inline constexpr uint8_t kNodePrefix = 0x01;

// The root of the empty tree: SHA-256 of no bytes,
// e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
Hash EmptyRoot();

class TreeHasher {
 public:
  // SHA-256(0x00 || leaf).
  Hash Leaf(kj::ArrayPtr<const kj::byte> leaf);
  Hash Leaf(std::string_view leaf) {
    return Leaf(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(leaf.data()), leaf.size()));
  }
  // SHA-256(0x01 || left || right).
  Hash Node(const Hash& left, const Hash& right);
  // The root of consecutive perfect subtrees, largest (leftmost) first, as
  // a range of leaves decomposes (merkle_layout.h, RangeNodes): folded from
  // the right, Node(h[0], Node(h[1], ... Node(h[n-2], h[n-1]))). One hash
  // is itself. `hashes` must not be empty.
  Hash Fold(std::span<const Hash> hashes);

 private:
  ChainHasher sha_;
};

// The number of hashes in the inclusion proof of `leaf_index` in a tree of
// `tree_size` leaves (leaf_index < tree_size), and in the consistency proof
// from `old_size` to `new_size` (0 < old_size <= new_size).
size_t InclusionProofSize(uint64_t leaf_index, uint64_t tree_size);
size_t ConsistencyProofSize(uint64_t old_size, uint64_t new_size);

// The root that `proof` leads to from `leaf_hash` at `leaf_index` in a tree
// of `tree_size` leaves (RFC 9162 2.1.3.2). InvalidInput when leaf_index >=
// tree_size; Corruption when the proof has the wrong number of hashes.
Result<Hash> RootFromInclusionProof(uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash,
                                    std::span<const Hash> proof);

// Ok when `proof` shows that `leaf_hash` is leaf `leaf_index` of the tree of
// `tree_size` leaves whose root is `root`. InvalidInput for an impossible
// question (leaf_index >= tree_size); Corruption, naming the leaf, the
// size and the root the proof leads to, otherwise.
Status VerifyInclusion(uint64_t leaf_index, uint64_t tree_size, const Hash& leaf_hash,
                       std::span<const Hash> proof, const Hash& root);

// Ok when `proof` shows that the tree of `old_size` leaves with root
// `old_root` is the first `old_size` leaves of the tree of `new_size`
// leaves with root `new_root` (RFC 9162 2.1.4.2). Equal sizes need an empty
// proof and equal roots. InvalidInput when old_size is 0 (every tree
// extends the empty one: there is nothing to prove) or old_size >
// new_size; Corruption, naming both sizes, otherwise.
Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root, const Hash& new_root,
                         std::span<const Hash> proof);

}  // namespace tledger::merkle

#endif  // TLEDGER_CORE_MERKLE_H_
