// tledger-gen: writes a deterministic, realistic national ledger as JSON
// Lines. See tools/gen/README.md.
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "tools/gen/generator.h"
#include "tools/gen/output.h"

int main(int argc, char** argv) {
  CLI::App app{"tledger-gen: a deterministic generator of a realistic national training ledger (JSON Lines)"};
  uint64_t seed = 1, events = 0;
  std::string out;
  int parts = 0;
  bool stats = false;
  app.add_option("--seed", seed, "the random seed (default 1): the same seed and count give the same bytes");
  app.add_option("--events", events, "how many events (lines) to write")->required();
  app.add_option("-o,--output", out, "the file to write (default stdout); with --parts, the prefix of the part files");
  app.add_option("--parts", parts, "split the stream in order into this many files PREFIX.000.jsonl ... (needs -o)")
      ->check(CLI::Range(1, 100000));
  app.add_flag("--stats", stats, "print counts of events and injected violations to stderr");
  CLI11_PARSE(app, argc, argv);
  if (parts > 0 && out.empty()) {
    std::fprintf(stderr, "tledger-gen: --parts needs -o PREFIX\n");
    return 1;
  }
  tledger::gen::FileSink sink(out, events, parts);
  if (!sink.ok()) {
    std::fprintf(stderr, "tledger-gen: %s\n", sink.error().c_str());
    return 1;
  }
  tledger::gen::GeneratorStats s = tledger::gen::Generate({.seed = seed, .events = events}, sink);
  if (!sink.Close()) {
    std::fprintf(stderr, "tledger-gen: %s\n", sink.error().c_str());
    return 1;
  }
  if (stats) std::fputs(s.Format().c_str(), stderr);
  return 0;
}
