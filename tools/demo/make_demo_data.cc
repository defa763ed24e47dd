// tledger-demo-data DIR: writes the demo ledger's JSON Lines files into DIR
// (created if missing), one file per import batch, named so that their
// order is the recording order. Prints one line: files, events, time.
// Exit 0; 1 on a usage or I/O error (named on stderr).
//
//   tledger-demo-data /tmp/demo && tledger --db /tmp/ledger import /tmp/demo/*.jsonl
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tools/demo/demo_ledger.h"

int main(int argc, char** argv) {
  if (argc != 2 || argv[1][0] == '-') {
    std::fprintf(stderr, "usage: tledger-demo-data DIR\n");
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  std::filesystem::path dir(argv[1]);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "tledger-demo-data: %s: %s\n", dir.c_str(), ec.message().c_str());
    return 1;
  }
  uint64_t events = 0;
  std::vector<tledger::demo::Batch> batches = tledger::demo::MakeDemoLedger();
  for (const tledger::demo::Batch& b : batches) {
    std::filesystem::path path = dir / b.file_name();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(b.text().data(), static_cast<std::streamsize>(b.text().size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "tledger-demo-data: %s: cannot write\n", path.c_str());
      return 1;
    }
    events += b.lines();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %zu files, %" PRIu64 " events, in %.3f s\n", batches.size(), events, seconds);
  return 0;
}
