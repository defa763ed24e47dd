// The fuzz harnesses without libFuzzer: a main that feeds each file named on
// the command line (or each file of a directory named) to the harness's
// LLVMFuzzerTestOneInput, once, in name order. Built with any compiler in
// every build that is not TLEDGER_FUZZ (tests/fuzz/CMakeLists.txt), so the
// checked-in corpus runs in ctest on each build, and under ASan and UBSan in
// tools/sanitize.sh's: the bounded version of tools/fuzz.sh's campaigns.
// A harness's own check (fuzz_util.h) aborts on a finding; a sanitizer
// report fails the process.
//
//   fuzz_replay_jsonl tests/fuzz/corpus/jsonl
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const fs::directory_entry& e : fs::directory_iterator(arg)) {
        if (e.is_regular_file()) inputs.push_back(e.path());
      }
    } else {
      inputs.push_back(arg);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::fprintf(stderr, "%s: no inputs (expected files or directories of them)\n", argv[0]);
    return 1;
  }
  for (const fs::path& file : inputs) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], file.c_str());
      return 1;
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  std::printf("%zu inputs replayed, no finding\n", inputs.size());
  return 0;
}
