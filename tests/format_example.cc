// Prints the worked hash example of core/FORMAT.md: for each of three fixed
// events, the interchange line, the canonical bytes (hex, 32 bytes a line)
// and the chain hash. Its output is kept as tests/data/format_example.txt;
// hash_chain_test asserts the same figures.
//
//   build/tests/format_example > tests/data/format_example.txt
#include <cstdio>
#include <string>

#include "core/codec.h"
#include "tests/format_example_events.h"

int main() {
  using namespace tledger;
  std::printf("H_0 = %s\n", ToHex(kGenesisHash).c_str());
  std::printf("recorded_at of all three = %lld (2026-01-01T00:00:00.000000Z), recorded_by = %s\n",
              static_cast<long long>(kExampleRecordedAt), kExampleActor);
  int seq = 0;
  for (const ExampleEvent& e : FormatExampleEvents()) {
    ++seq;
    auto bytes = Bytes(e.canonical);
    std::printf("\nevent %d: %s\ncanonical bytes (%zu):\n", seq, e.json.c_str(), bytes.size());
    std::string hex = ToHex(bytes);
    for (size_t i = 0; i < hex.size(); i += 64) std::printf("  %s\n", hex.substr(i, 64).c_str());
    std::printf("H_%d = SHA-256(H_%d || canonical bytes) = %s\n", seq, seq - 1, ToHex(e.hash).c_str());
  }
  return 0;
}
