#include "tools/server/assets.h"

#include <algorithm>

namespace tledger::server {

const Asset* FindAsset(std::string_view path) {
  std::span<const Asset> all = WebAssets();
  auto it = std::lower_bound(all.begin(), all.end(), path, [](const Asset& a, std::string_view p) { return a.path < p; });
  return it != all.end() && it->path == path ? &*it : nullptr;
}

}  // namespace tledger::server
