#include "tools/bench/bench_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tledger::bench {

void GenerateEvents(uint64_t events, uint64_t seed, const std::string& path, int parts) {
  std::string cmd = std::string(TLEDGER_GEN_BIN) + " --seed " + std::to_string(seed) + " --events " +
                    std::to_string(events) + " -o " + path + (parts > 1 ? " --parts " + std::to_string(parts) : "");
  if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "bench: `%s` failed\n", cmd.c_str());
    std::exit(1);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace tledger::bench
