// A JSON Lines file through import's line path: LineReader splits it (with
// small blocks, so that short inputs cross block ends), each non-blank line
// is parsed by simdjson in a padded buffer as the importer's workers do, and
// read by EventFromJson. Accepted events must export and read back
// unchanged (fuzz_util.h). Finds: crashes, sanitizer reports, refusals that
// are not "FIELD: reason", export/import drift.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "tests/fuzz/fuzz_util.h"
#include "tools/cli/line_reader.h"

namespace {

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tledger;
  int fd = memfd_create("fuzz.jsonl", MFD_CLOEXEC);
  fuzz::Check(fd >= 0, "memfd_create failed");
  for (size_t done = 0; done < size;) {
    ssize_t n = write(fd, data + done, size - done);
    fuzz::Check(n > 0, "write failed");
    done += static_cast<size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  {
    LineReader in(/*block_bytes=*/64, /*max_line_bytes=*/4096);
    Status open = in.Open("/proc/self/fd/" + std::to_string(fd));
    fuzz::Check(open.ok(), "open failed", open.ToString());
    simdjson::dom::parser parser;
    std::string text;
    std::string_view line;
    uint64_t number = 0, last = 0;
    while (in.Next(&line, &number)) {
      fuzz::Check(number == last + 1, "line numbers skip");
      last = number;
      fuzz::Check(line.size() <= 4096, "an overlong line got through");
      fuzz::Check(line.find('\n') == std::string_view::npos, "a line holds a newline");
      if (IsBlank(line)) continue;
      text.assign(line);
      text.push_back('\n');
      text.append(simdjson::SIMDJSON_PADDING, ' ');
      simdjson::dom::element doc;
      if (parser.parse(text.data(), line.size(), false).get(doc) != simdjson::SUCCESS) continue;
      fuzz::ReadEvent(doc);
    }
    if (!in.status().ok()) fuzz::Check(in.status().code() == Status::Code::kInvalidInput, "odd read error");
  }
  close(fd);
  return 0;
}
