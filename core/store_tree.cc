#include "core/store_tree.h"

#include "core/merkle_frontier.h"

namespace tledger {

Result<std::unique_ptr<merkle::HashSource>> OpenTree(const Store& store) {
  auto tree = std::make_unique<merkle::MemoryTree>();
  const uint64_t head = store.head().seq;
  TLEDGER_RETURN_IF_ERROR(store.Scan(1, head, [&](uint64_t seq, std::string_view bytes) -> Status {
    if (seq != tree->tree_size() + 1) {
      return Status::Corruption("seq " + std::to_string(tree->tree_size() + 1) + ": the event is missing");
    }
    tree->AppendLeaf(bytes);
    return Status::Ok();
  }));
  if (tree->tree_size() != head) {
    return Status::Corruption("seq " + std::to_string(tree->tree_size() + 1) + ": the event is missing");
  }
  return std::unique_ptr<merkle::HashSource>(std::move(tree));
}

}  // namespace tledger
