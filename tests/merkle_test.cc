// core/merkle*: RFC 9162 hashing, the stored-hash layout, proofs made from
// stored hashes and their verification. Every expected hash of the worked
// example was computed outside tledger with `xxd -r -p | sha256sum` on the
// bytes of tests/data/format_example.txt; the proofs are checked against a
// direct transcription of RFC 9162's recursive definitions (MTH, PATH,
// SUBPROOF) below, written apart from the layout code.
#include <bit>
#include <functional>

#include <gtest/gtest.h>

#include "core/base64.h"
#include "core/codec.h"
#include "core/merkle.h"
#include "core/merkle_frontier.h"
#include "core/merkle_layout.h"
#include "core/merkle_proof.h"
#include "tests/format_example_events.h"
#include "tests/test_util.h"

namespace tledger::merkle {
namespace {

using testing::ErrorOf;
using testing::RunResult;

std::string Hex(const Hash& h) { return ToHex(h); }
std::vector<std::string> Hexes(std::span<const Hash> hashes) {
  std::vector<std::string> out;
  for (const Hash& h : hashes) out.push_back(ToHex(h));
  return out;
}
Hash H(std::string_view hex) { return *HashFromHex(hex); }

// ------------------------------------------------------------ RFC 9162, transcribed

// MTH(D[lo:hi]) over leaf hashes.
Hash Mth(const std::vector<Hash>& leaves, uint64_t lo, uint64_t hi, TreeHasher& hasher) {
  if (hi - lo == 1) return leaves[lo];
  uint64_t k = 1;
  while (k * 2 < hi - lo) k *= 2;
  return hasher.Node(Mth(leaves, lo, lo + k, hasher), Mth(leaves, lo + k, hi, hasher));
}

// PATH(m, D[lo:hi]).
std::vector<Hash> Path(const std::vector<Hash>& leaves, uint64_t m, uint64_t lo, uint64_t hi, TreeHasher& hasher) {
  if (hi - lo == 1) return {};
  uint64_t k = 1;
  while (k * 2 < hi - lo) k *= 2;
  std::vector<Hash> p;
  if (m < k) {
    p = Path(leaves, m, lo, lo + k, hasher);
    p.push_back(Mth(leaves, lo + k, hi, hasher));
  } else {
    p = Path(leaves, m - k, lo + k, hi, hasher);
    p.push_back(Mth(leaves, lo, lo + k, hasher));
  }
  return p;
}

// SUBPROOF(m, D[lo:hi], b).
std::vector<Hash> Subproof(const std::vector<Hash>& leaves, uint64_t m, uint64_t lo, uint64_t hi, bool b,
                           TreeHasher& hasher) {
  const uint64_t n = hi - lo;
  if (m == n) {
    if (b) return {};
    return {Mth(leaves, lo, hi, hasher)};
  }
  uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  std::vector<Hash> p;
  if (m <= k) {
    p = Subproof(leaves, m, lo, lo + k, b, hasher);
    p.push_back(Mth(leaves, lo + k, hi, hasher));
  } else {
    p = Subproof(leaves, m - k, lo + k, hi, false, hasher);
    p.push_back(Mth(leaves, lo, lo + k, hasher));
  }
  return p;
}

// Leaf data of varied lengths, the empty one included.
std::string LeafData(uint64_t i) { return std::string(i % 7, static_cast<char>('a' + i % 26)) + std::to_string(i); }

struct Trees {
  std::vector<Hash> leaves;
  MemoryTree tree;
  explicit Trees(uint64_t n) {
    TreeHasher hasher;
    for (uint64_t i = 0; i < n; ++i) {
      leaves.push_back(hasher.Leaf(LeafData(i)));
      tree.Append(leaves.back());
    }
  }
};

// ------------------------------------------------------------ hashing

TEST(Merkle, HashesAreRfc9162s) {
  TreeHasher hasher;
  // printf '' | sha256sum
  EXPECT_EQ(Hex(EmptyRoot()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // printf '\x00' | sha256sum (RFC 6962's empty leaf)
  EXPECT_EQ(Hex(hasher.Leaf("")), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  // printf '\x00abc' | sha256sum
  EXPECT_EQ(Hex(hasher.Leaf("abc")), "609f6e36d2405585188d5cfd761f407c7cc46a7d3f314c88270469dde315fcd1");
  // (printf '\x01'; head -c 64 /dev/zero) | sha256sum
  EXPECT_EQ(Hex(hasher.Node(Hash{}, Hash{})), "ae0798d0ecaed2b778eddebf18f071a561c53658c05e76cedecc27cafbdbc577");
  const Hash a = hasher.Leaf("a"), b = hasher.Leaf("b"), c = hasher.Leaf("c");
  EXPECT_EQ(hasher.Fold(std::vector<Hash>{a}), a);
  EXPECT_EQ(hasher.Fold(std::vector<Hash>{a, b, c}), hasher.Node(a, hasher.Node(b, c)));
}

// ------------------------------------------------------------ the layout

TEST(MerkleLayout, StoredCountIsTwiceTheLeavesLessTheirOneBits) {
  std::vector<uint64_t> counts;
  for (uint64_t n = 0; n <= 9; ++n) counts.push_back(StoredCount(n));
  EXPECT_EQ(counts, (std::vector<uint64_t>{0, 1, 3, 4, 7, 8, 10, 11, 15, 16}));
  EXPECT_EQ(StoredCount(1'000'000), 1'999'993u);  // popcount(1,000,000) = 7
  EXPECT_EQ(StoredCount(10'000'000), 19'999'992u);
}

// Appending leaves 0, 1, 2, ... stores the nodes each completes at indexes
// 0, 1, 2, ... without a gap: the stored index is the append order.
TEST(MerkleLayout, StoredIndexIsTheOrderOfAppending) {
  uint64_t next = 0;
  for (uint64_t leaf = 0; leaf < 5000; ++leaf) {
    ASSERT_EQ(StoredCount(leaf), next) << leaf;
    for (NodeId node : NodesCompletedBy(leaf)) {
      ASSERT_EQ(node.end(), leaf + 1) << leaf;  // completed by this leaf
      ASSERT_EQ(StoredIndex(node), next) << Describe(node);
      ASSERT_EQ(NodeAtStoredIndex(next), node) << next;
      ++next;
    }
  }
  EXPECT_EQ(next, StoredCount(5000));
}

// The numbering is Go's golang.org/x/mod/sumdb/tlog StoredHashIndex (also
// checked against tlog itself in interop_test), restated here from its
// definition: level L's n-th hash comes right after level L+1's (2n+1)-th;
// level 0's n-th at n + n/2 + n/4 + ...
TEST(MerkleLayout, StoredIndexIsTlogsStoredHashIndex) {
  auto tlog_index = [](int level, uint64_t n) {
    for (int l = level; l > 0; --l) n = 2 * n + 1;
    uint64_t i = 0;
    for (; n > 0; n >>= 1) i += n;
    return i + static_cast<uint64_t>(level);
  };
  for (int level = 0; level < 12; ++level) {
    for (uint64_t n = 0; n < 300; ++n) {
      ASSERT_EQ(StoredIndex(NodeId{static_cast<uint8_t>(level), n}), tlog_index(level, n)) << level << " " << n;
    }
  }
  EXPECT_EQ(StoredIndex(NodeId{40, 3}), tlog_index(40, 3));
}

TEST(MerkleLayout, NodesAndRanges) {
  EXPECT_EQ(Describe(NodeId{0, 5}), "(level 0, index 5: leaf 5)");
  EXPECT_EQ(Describe(NodeId{2, 1}), "(level 2, index 1: leaves 4..7)");
  EXPECT_EQ(NodesCompletedBy(4), (std::vector<NodeId>{{0, 4}}));
  EXPECT_EQ(NodesCompletedBy(5), (std::vector<NodeId>{{0, 5}, {1, 2}}));
  EXPECT_EQ(NodesCompletedBy(7), (std::vector<NodeId>{{0, 7}, {1, 3}, {2, 1}, {3, 0}}));
  EXPECT_EQ(StoredIndex(NodeId{0, 5}), 8u);
  EXPECT_EQ(StoredIndex(NodeId{1, 2}), 9u);
  EXPECT_EQ(RootNodes(0), std::vector<NodeId>{});
  EXPECT_EQ(RootNodes(1), (std::vector<NodeId>{{0, 0}}));
  EXPECT_EQ(RootNodes(6), (std::vector<NodeId>{{2, 0}, {1, 2}}));
  EXPECT_EQ(RootNodes(7), (std::vector<NodeId>{{2, 0}, {1, 2}, {0, 6}}));
  EXPECT_EQ(RootNodes(8), (std::vector<NodeId>{{3, 0}}));
  EXPECT_EQ(RootNodes(1'000'000).size(), 7u);
  EXPECT_EQ(RangeNodes(4, 7), (std::vector<NodeId>{{1, 2}, {0, 6}}));
}

// The nodes of the RFC 6962 example tree of 7 leaves (transparency-dev's
// proof_test.go draws it: a..j the leaves' nodes, g h i at level 1, k l at
// level 2): each proof hash with the nodes it folds.
TEST(MerkleLayout, InclusionPlansOfTheSevenLeafTree) {
  auto plan = [](uint64_t i, uint64_t n) {
    ProofPlan p = InclusionPlan(i, n);
    std::vector<std::vector<NodeId>> hashes;
    size_t begin = 0;
    for (size_t end : p.ends) {
      hashes.emplace_back(p.nodes.begin() + static_cast<long>(begin), p.nodes.begin() + static_cast<long>(end));
      begin = end;
    }
    return hashes;
  };
  using V = std::vector<std::vector<NodeId>>;
  EXPECT_EQ(plan(0, 1), V{});
  EXPECT_EQ(plan(0, 2), (V{{{0, 1}}}));
  EXPECT_EQ(plan(1, 3), (V{{{0, 0}}, {{0, 2}}}));
  EXPECT_EQ(plan(0, 7), (V{{{0, 1}}, {{1, 1}}, {{1, 2}, {0, 6}}}));  // b, h, l = (i, j)
  EXPECT_EQ(plan(4, 7), (V{{{0, 5}}, {{0, 6}}, {{2, 0}}}));           // f, j, k
  EXPECT_EQ(plan(6, 7), (V{{{1, 2}}, {{2, 0}}}));                     // i, k
  EXPECT_EQ(plan(3, 5), (V{{{0, 2}}, {{1, 0}}, {{0, 4}}}));           // c, g, e
  EXPECT_EQ(plan(10, 15), (V{{{0, 11}}, {{1, 4}}, {{1, 6}, {0, 14}}, {{3, 0}}}));
}

TEST(MerkleLayout, ConsistencyPlans) {
  auto nodes = [](uint64_t m, uint64_t n) { return ConsistencyPlan(m, n).nodes; };
  using V = std::vector<NodeId>;
  EXPECT_EQ(ConsistencyPlan(3, 3).size(), 0u);
  EXPECT_EQ(nodes(1, 2), (V{{0, 1}}));
  EXPECT_EQ(nodes(1, 3), (V{{0, 1}, {0, 2}}));
  EXPECT_EQ(nodes(2, 3), (V{{0, 2}}));
  EXPECT_EQ(nodes(3, 7), (V{{0, 2}, {0, 3}, {1, 0}, {1, 2}, {0, 6}}));  // c d g (i j)
  EXPECT_EQ(ConsistencyPlan(3, 7).ends, (std::vector<size_t>{1, 2, 3, 5}));
  EXPECT_EQ(nodes(4, 7), (V{{1, 2}, {0, 6}}));  // the old tree is k itself: left out
  EXPECT_EQ(nodes(6, 8), (V{{1, 2}, {1, 3}, {2, 0}}));
}

// Every proof the plans make has the size the verifier expects, and reads
// only nodes the tree at that size has stored.
TEST(MerkleLayout, PlanSizesAndReachOverEverySmallTree) {
  for (uint64_t n = 1; n <= 130; ++n) {
    for (uint64_t i = 0; i < n; ++i) {
      ProofPlan p = InclusionPlan(i, n);
      ASSERT_EQ(p.size(), InclusionProofSize(i, n)) << i << " " << n;
      for (NodeId node : p.nodes) ASSERT_LE(node.end(), n);
    }
    for (uint64_t m = 1; m <= n; ++m) {
      ProofPlan p = ConsistencyPlan(m, n);
      ASSERT_EQ(p.size(), ConsistencyProofSize(m, n)) << m << " " << n;
      for (NodeId node : p.nodes) ASSERT_LE(node.end(), n);
    }
  }
  // O(log n) reads at ten million leaves.
  EXPECT_EQ(InclusionPlan(1'234'567, 10'000'000).size(), 24u);
  EXPECT_LE(InclusionPlan(1'234'567, 10'000'000).nodes.size(), 48u);
  EXPECT_LE(ConsistencyPlan(7'654'321, 10'000'000).nodes.size(), 48u);
}

// ------------------------------------------------------------ appending

TEST(MerkleFrontier, StoresEveryPerfectSubtreeOnceAndGivesTheRoot) {
  Trees t(300);
  TreeHasher hasher;
  ASSERT_EQ(t.tree.stored().size(), StoredCount(300));
  for (uint64_t index = 0; index < t.tree.stored().size(); ++index) {
    NodeId node = NodeAtStoredIndex(index);
    ASSERT_EQ(Hex(t.tree.stored()[index]), Hex(Mth(t.leaves, node.begin(), node.end(), hasher))) << Describe(node);
  }
  EXPECT_EQ(Hex(t.tree.Root()), Hex(Mth(t.leaves, 0, 300, hasher)));
  MemoryTree empty;
  EXPECT_EQ(Hex(empty.Root()), Hex(EmptyRoot()));
}

// A writer that opens a ledger loads the frontier from the stored hashes
// and goes on appending: the same stored hashes as one that never stopped.
TEST(MerkleFrontier, LoadedFromStoredHashesGoesOnAsIfNeverStopped) {
  Trees whole(200);
  TreeHasher hasher;
  for (uint64_t stop : {0u, 1u, 2u, 3u, 64u, 127u, 128u, 199u}) {
    Trees head(stop);
    Result<Frontier> f = Frontier::Load(stop, head.tree);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    EXPECT_EQ(f->size(), stop);
    std::vector<Hash> stored(head.tree.stored()), completed;
    for (uint64_t i = stop; i < 200; ++i) {
      f->Append(whole.leaves[i], hasher, &completed);
      ASSERT_EQ(completed.size(), NodesCompletedBy(i).size());
      stored.insert(stored.end(), completed.begin(), completed.end());
    }
    EXPECT_EQ(Hexes(stored), Hexes(whole.tree.stored())) << stop;
    EXPECT_EQ(Hex(f->Root(hasher)), Hex(whole.tree.Root()));
  }
  Trees small(3);
  EXPECT_EQ(ErrorOf(Frontier::Load(4, small.tree)), "not found: there is no tree of size 4 yet: the ledger holds 3 events");
}

// ------------------------------------------------------------ proofs

TEST(MerkleProof, RootsInclusionAndConsistencyAreRfc9162s) {
  TreeHasher hasher;
  Trees t(70);
  for (uint64_t n = 1; n <= 70; ++n) {
    Result<Hash> root = RootAt(n, t.tree);
    ASSERT_TRUE(root.ok());
    ASSERT_EQ(Hex(*root), Hex(Mth(t.leaves, 0, n, hasher))) << n;
    for (uint64_t i = 0; i < n; ++i) {
      Result<InclusionProof> p = ProveInclusion(i, n, t.tree);
      ASSERT_TRUE(p.ok()) << p.status().ToString();
      ASSERT_EQ(Hexes(p->hashes), Hexes(Path(t.leaves, i, 0, n, hasher))) << i << " " << n;
      ASSERT_EQ(p->leaf_hash, t.leaves[i]);
      ASSERT_EQ(p->root, *root);
      ASSERT_TRUE(VerifyInclusion(i, n, p->leaf_hash, p->hashes, p->root).ok());
    }
    for (uint64_t m = 1; m <= n; ++m) {
      Result<ConsistencyProof> c = ProveConsistency(m, n, t.tree);
      ASSERT_TRUE(c.ok()) << c.status().ToString();
      ASSERT_EQ(Hexes(c->hashes), Hexes(Subproof(t.leaves, m, 0, n, true, hasher))) << m << " " << n;
      ASSERT_EQ(Hex(c->old_root), Hex(Mth(t.leaves, 0, m, hasher)));
      ASSERT_EQ(c->new_root, *root);
      ASSERT_TRUE(VerifyConsistency(m, n, c->old_root, c->new_root, c->hashes).ok());
    }
  }
  Result<Hash> empty = RootAt(0, t.tree);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, EmptyRoot());
}

// Larger trees, sampled: every proof still verifies, every changed one not.
TEST(MerkleProof, EveryChangedHashOrIndexIsRefused) {
  Trees t(1026);
  for (uint64_t n : {255u, 256u, 257u, 1000u, 1025u}) {
    for (uint64_t i : {uint64_t{0}, n / 3, n / 2, n - 2, n - 1}) {
      InclusionProof p = *ProveInclusion(i, n, t.tree);
      ASSERT_TRUE(VerifyInclusion(i, n, p.leaf_hash, p.hashes, p.root).ok());
      for (size_t k = 0; k < p.hashes.size(); ++k) {
        std::vector<Hash> bad = p.hashes;
        bad[k][31] ^= 1;
        ASSERT_EQ(VerifyInclusion(i, n, p.leaf_hash, bad, p.root).code(), Status::Code::kCorruption) << i << " " << k;
      }
      if (i + 1 < n) {
        ASSERT_FALSE(VerifyInclusion(i + 1, n, p.leaf_hash, p.hashes, p.root).ok());
      }
      // Passed off as a proof in the next larger tree, against its root.
      ASSERT_FALSE(VerifyInclusion(i, n + 1, p.leaf_hash, p.hashes, *RootAt(n + 1, t.tree)).ok());
      ASSERT_FALSE(VerifyInclusion(i, n, t.leaves[(i + 1) % n], p.hashes, p.root).ok());
    }
    for (uint64_t m : {uint64_t{1}, uint64_t{2}, n / 3, n - 1}) {
      ConsistencyProof c = *ProveConsistency(m, n, t.tree);
      for (size_t k = 0; k < c.hashes.size(); ++k) {
        std::vector<Hash> bad = c.hashes;
        bad[k][0] ^= 0x80;
        ASSERT_EQ(VerifyConsistency(m, n, c.old_root, c.new_root, bad).code(), Status::Code::kCorruption)
            << m << " " << n << " " << k;
      }
      ASSERT_FALSE(VerifyConsistency(m, n, c.new_root, c.new_root, c.hashes).ok());
      ASSERT_FALSE(VerifyConsistency(m, n, c.old_root, c.old_root, c.hashes).ok());
    }
  }
}

TEST(MerkleProof, RefusalsSayWhatIsWrong) {
  Trees t(8);
  InclusionProof p = *ProveInclusion(2, 5, t.tree);
  ASSERT_EQ(p.hashes.size(), 3u);
  EXPECT_EQ(ErrorOf(VerifyInclusion(5, 5, p.leaf_hash, p.hashes, p.root)),
            "invalid input: leaf index 5 is not in a tree of 5 leaves (indexes run from 0 to size - 1)");
  EXPECT_EQ(ErrorOf(VerifyInclusion(2, 5, p.leaf_hash, std::span(p.hashes).first(2), p.root)),
            "integrity failure: the inclusion proof of leaf 2 in the tree of size 5 has 2 hashes; it needs 3");
  std::vector<Hash> bad = p.hashes;
  bad[1] = Hash{};
  Hash led_to = *RootFromInclusionProof(2, 5, p.leaf_hash, bad);
  EXPECT_EQ(ErrorOf(VerifyInclusion(2, 5, p.leaf_hash, bad, p.root)),
            "integrity failure: the inclusion proof of leaf 2 (leaf hash " + Base64(p.leaf_hash) +
                ") in the tree of size 5 leads to the root " + Base64(led_to) + ", not to " + Base64(p.root));

  ConsistencyProof c = *ProveConsistency(3, 8, t.tree);
  EXPECT_EQ(ErrorOf(VerifyConsistency(0, 8, c.old_root, c.new_root, {})),
            "invalid input: a consistency proof starts from a tree of at least one leaf (every tree extends the empty one)");
  EXPECT_EQ(ErrorOf(VerifyConsistency(8, 3, c.new_root, c.old_root, c.hashes)),
            "invalid input: a consistency proof goes from a smaller tree to a larger one, not from size 8 to size 3");
  EXPECT_EQ(ErrorOf(VerifyConsistency(3, 8, c.old_root, c.new_root, std::span(c.hashes).first(1))),
            "integrity failure: the consistency proof from size 3 to size 8 has 1 hashes; it needs 4");
  EXPECT_EQ(ErrorOf(VerifyConsistency(3, 3, c.old_root, c.new_root, {})),
            "integrity failure: two roots for the tree of size 3: " + Base64(c.old_root) + " and " + Base64(c.new_root));
  EXPECT_EQ(ErrorOf(VerifyConsistency(3, 8, Hash{}, c.new_root, c.hashes)),
            "integrity failure: the consistency proof from size 3 to size 8 leads to the old root " +
                Base64(c.old_root) + ", not to AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
  EXPECT_EQ(ErrorOf(VerifyConsistency(3, 8, c.old_root, Hash{}, c.hashes)),
            "integrity failure: the consistency proof from size 3 to size 8 leads to the new root " +
                Base64(c.new_root) + ", not to AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

  EXPECT_EQ(ErrorOf(ProveInclusion(8, 8, t.tree)),
            "invalid input: leaf 8 is not in the tree of size 8 (leaf indexes run from 0 to 7)");
  EXPECT_EQ(ErrorOf(ProveInclusion(0, 9, t.tree)), "not found: there is no tree of size 9 yet: the ledger holds 8 events");
  EXPECT_EQ(ErrorOf(ProveConsistency(0, 8, t.tree)),
            "invalid input: a consistency proof goes from a tree of at least one leaf to one at least as large, not "
            "from size 0 to size 8");
  EXPECT_EQ(ErrorOf(ProveConsistency(5, 4, t.tree)),
            "invalid input: a consistency proof goes from a tree of at least one leaf to one at least as large, not "
            "from size 5 to size 4");
  EXPECT_EQ(ErrorOf(RootAt(9, t.tree)), "not found: there is no tree of size 9 yet: the ledger holds 8 events");
  std::vector<Hash> out;
  EXPECT_EQ(ErrorOf(t.tree.ReadHashes(std::vector<NodeId>{{2, 2}}, &out)),
            "integrity failure: no stored hash for (level 2, index 2: leaves 8..11): the tree has 8 leaves");
}

// A source whose stored hashes were tampered with (one changed) gives no
// proof at all rather than one that fails elsewhere.
class TamperedSource : public HashSource {
 public:
  TamperedSource(const MemoryTree& tree, NodeId changed) : tree_(tree), changed_(changed) {}
  uint64_t tree_size() const override { return tree_.tree_size(); }
  Status ReadHashes(std::span<const NodeId> nodes, std::vector<Hash>* out) const override {
    TLEDGER_RETURN_IF_ERROR(tree_.ReadHashes(nodes, out));
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (nodes[i] == changed_) (*out)[i][0] ^= 1;
    }
    return Status::Ok();
  }

 private:
  const MemoryTree& tree_;
  NodeId changed_;
};

TEST(MerkleProof, StoredHashesThatDisagreeGiveNoProof) {
  Trees t(7);
  TamperedSource source(t.tree, NodeId{0, 1});  // leaf b: the sibling in leaf 0's proof
  Result<InclusionProof> p = ProveInclusion(0, 7, source);
  // What the tampered source's proof leads to.
  InclusionProof honest = *ProveInclusion(0, 7, t.tree);
  std::vector<Hash> tampered = honest.hashes;
  tampered[0][0] ^= 1;
  const Hash led_to = *RootFromInclusionProof(0, 7, honest.leaf_hash, tampered);
  EXPECT_EQ(ErrorOf(p), "integrity failure: the stored tree hashes disagree with each other (the inclusion proof of "
                        "leaf 0 (leaf hash " + Base64(honest.leaf_hash) + ") in the tree of size 7 leads to the root " +
                            Base64(led_to) + ", not to " + Base64(honest.root) + "): run `tledger verify`");
  EXPECT_EQ(ProveConsistency(1, 7, source).status().code(), Status::Code::kCorruption);
  // A proof that reads no changed node is still given.
  EXPECT_TRUE(ProveInclusion(6, 7, source).ok());
}

// ------------------------------------------------------------ the worked example

// core/TREE.md's example: the three events of core/FORMAT.md's hash chain
// example as the leaves. Every hash here computed with sha256sum:
//   (printf '\x00'; echo -n "<event hex>" | xxd -r -p) | sha256sum
//   (printf '\x01'; echo -n "<left><right>" | xxd -r -p) | sha256sum
TEST(MerkleExample, ThreeEventsEveryHashWrittenOut) {
  std::vector<ExampleEvent> events = FormatExampleEvents();
  ASSERT_EQ(events.size(), 3u);
  TreeHasher hasher;
  MemoryTree tree;
  std::vector<Hash> leaves;
  for (const ExampleEvent& e : events) {
    leaves.push_back(hasher.Leaf(Bytes(e.canonical)));
    tree.Append(leaves.back());
  }
  const Hash l0 = H("73e19286b72fc0acd4f67c0d4a144b177325a8e0fbe0ae490e99dbd8f9983e77");
  const Hash l1 = H("0c2b1080d4ce5d82c9b0dfe8632c7d23c26e5a84e1e5b94469eb5aba528f57f9");
  const Hash l2 = H("19ce0e8a92ca8582c6a5ad40a391f332b8bc30526ce0c769ef788fab7d7c43b2");
  const Hash n01 = H("4ba59a99e55f0a9dbb9ba78a4d76f5f989b1b7fcb4dbf5131151a0b10f8d1e11");
  const Hash root3 = H("0e19bad20f93f82742237f959bcfc8fe6dc5d463e9d49cac35c4e8aac50e7014");
  EXPECT_EQ(Hexes(leaves), Hexes(std::vector<Hash>{l0, l1, l2}));
  EXPECT_EQ(Hex(hasher.Node(l0, l1)), Hex(n01));
  EXPECT_EQ(Hex(hasher.Node(n01, l2)), Hex(root3));
  // Stored in append order: leaf 0; leaf 1 and the node it completes; leaf 2.
  EXPECT_EQ(Hexes(tree.stored()), Hexes(std::vector<Hash>{l0, l1, n01, l2}));
  EXPECT_EQ(Hex(*RootAt(1, tree)), Hex(l0));
  EXPECT_EQ(Hex(*RootAt(2, tree)), Hex(n01));
  EXPECT_EQ(Hex(*RootAt(3, tree)), Hex(root3));
  // Checkpoints and proofs write hashes in base64.
  EXPECT_EQ(Base64(root3), "Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=");
  EXPECT_EQ(Base64(l0), "c+GShrcvwKzU9nwNShRLF3MlqOD74K5JDpnb2PmYPnc=");
  EXPECT_EQ(Base64(l1), "DCsQgNTOXYLJsN/oYyx9I8JuWoTh5blEaetaulKPV/k=");
  EXPECT_EQ(Base64(l2), "Gc4OipLKhYLGpa1Ao5HzMri8MFJs4Mdp73iPq318Q7I=");
  EXPECT_EQ(Base64(n01), "S6WameVfCp27m6eKTXb1+Ymxt/y02/UTEVGgsQ+NHhE=");

  EXPECT_EQ(Hexes(ProveInclusion(0, 3, tree)->hashes), Hexes(std::vector<Hash>{l1, l2}));
  EXPECT_EQ(Hexes(ProveInclusion(1, 3, tree)->hashes), Hexes(std::vector<Hash>{l0, l2}));
  EXPECT_EQ(Hexes(ProveInclusion(2, 3, tree)->hashes), Hexes(std::vector<Hash>{n01}));
  EXPECT_EQ(Hexes(ProveConsistency(1, 2, tree)->hashes), Hexes(std::vector<Hash>{l1}));
  EXPECT_EQ(Hexes(ProveConsistency(1, 3, tree)->hashes), Hexes(std::vector<Hash>{l1, l2}));
  EXPECT_EQ(Hexes(ProveConsistency(2, 3, tree)->hashes), Hexes(std::vector<Hash>{l2}));
}

// tests/data/tree_example.txt, which core/TREE.md quotes, is the output of
// tests/tree_example for the same events: the same figures.
TEST(MerkleExample, TheKeptExampleOutputIsTheProgramsOutput) {
  RunResult r = testing::RunProgram({TLEDGER_BUILD_DIR "/tests/tree_example"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, testing::ReadFile(testing::DataPath("tree_example.txt")));
  EXPECT_NE(r.out.find("root of size 3 = SHA-256(0x01 || node (1,0) || leaf 2)\n"
                       "  = 0e19bad20f93f82742237f959bcfc8fe6dc5d463e9d49cac35c4e8aac50e7014\n"
                       "  = Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace tledger::merkle
