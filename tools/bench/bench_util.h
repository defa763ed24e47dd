// Shared pieces of the benchmark programs.
#ifndef TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_
#define TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_

#include <cstdint>
#include <string>

namespace tledger::bench {

// Writes `events` generated events (tledger-gen, seed `seed`) to `path`.
void GenerateEvents(uint64_t events, uint64_t seed, const std::string& path);

// The whole file; aborts with a message when it cannot be read.
std::string ReadFile(const std::string& path);

}  // namespace tledger::bench

#endif  // TLEDGER_TOOLS_BENCH_BENCH_UTIL_H_
