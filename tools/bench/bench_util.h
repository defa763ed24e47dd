// Shared pieces of the benchmark programs.
#ifndef TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_
#define TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_

#include <cstdint>
#include <string>

namespace tledger::bench {

// Writes `events` generated events (tledger-gen, seed `seed`) to `path`, or,
// with `parts` > 1, to path.000.jsonl .. in that many files.
void GenerateEvents(uint64_t events, uint64_t seed, const std::string& path, int parts = 1);

// The whole file; aborts with a message when it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace tledger::bench

#endif  // TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_
