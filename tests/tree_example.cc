// Prints the worked tree example of core/TREE.md: the Merkle tree over the
// three fixed events of core/FORMAT.md's hash chain example, every leaf,
// interior and root hash (hex and base64), the stored hashes in stored
// order, and every inclusion and consistency proof. Its output is kept as
// tests/data/tree_example.txt; merkle_test checks the kept file against
// this program and the figures against sha256sum's.
//
//   build/tests/tree_example > tests/data/tree_example.txt
#include <cstdio>
#include <string>
#include <vector>

#include "core/base64.h"
#include "core/codec.h"
#include "core/merkle.h"
#include "core/merkle_frontier.h"
#include "core/merkle_layout.h"
#include "core/merkle_proof.h"
#include "tests/format_example_events.h"

namespace {

using tledger::Hash;

void PrintHash(const std::string& what, const Hash& h) {
  std::printf("%s\n  = %s\n  = %s\n", what.c_str(), tledger::ToHex(h).c_str(), tledger::Base64(h).c_str());
}

}  // namespace

int main() {
  using namespace tledger;
  using namespace tledger::merkle;
  std::vector<ExampleEvent> events = FormatExampleEvents();
  TreeHasher hasher;
  MemoryTree tree;
  std::vector<Hash> leaves;
  std::printf("The tree over the three events of tests/data/format_example.txt (leaf index = seq - 1).\n\n");
  for (size_t i = 0; i < events.size(); ++i) {
    leaves.push_back(hasher.Leaf(Bytes(events[i].canonical)));
    tree.Append(leaves.back());
    PrintHash("leaf " + std::to_string(i) + " = SHA-256(0x00 || canonical bytes of event " + std::to_string(i + 1) + ")",
              leaves.back());
  }
  const Hash node = hasher.Node(leaves[0], leaves[1]);
  PrintHash("node (1,0) = SHA-256(0x01 || leaf 0 || leaf 1)", node);
  std::printf("\n");
  PrintHash("root of size 1 = leaf 0", *RootAt(1, tree));
  PrintHash("root of size 2 = node (1,0)", *RootAt(2, tree));
  PrintHash("root of size 3 = SHA-256(0x01 || node (1,0) || leaf 2)", *RootAt(3, tree));

  std::printf("\nstored hashes (stored index: node):\n");
  for (uint64_t i = 0; i < tree.stored().size(); ++i) {
    std::printf("  %llu: %s %s\n", static_cast<unsigned long long>(i), Describe(NodeAtStoredIndex(i)).c_str(),
                ToHex(tree.stored()[i]).c_str());
  }

  std::printf("\ninclusion proofs in the tree of size 3 (hashes, lowest first):\n");
  for (uint64_t i = 0; i < 3; ++i) {
    InclusionProof p = *ProveInclusion(i, 3, tree);
    std::printf("  leaf %llu:", static_cast<unsigned long long>(i));
    for (const Hash& h : p.hashes) std::printf(" %s", Base64(h).c_str());
    std::printf("\n");
  }
  std::printf("\nconsistency proofs:\n");
  for (auto [m, n] : {std::pair<uint64_t, uint64_t>{1, 2}, {1, 3}, {2, 3}}) {
    ConsistencyProof c = *ProveConsistency(m, n, tree);
    std::printf("  %llu -> %llu:", static_cast<unsigned long long>(m), static_cast<unsigned long long>(n));
    for (const Hash& h : c.hashes) std::printf(" %s", Base64(h).c_str());
    std::printf("\n");
  }
  return 0;
}
