#include "tests/corpus.h"

#include <sys/syscall.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <simdjson.h>

#include "tools/gen/generator.h"

namespace tledger::testing {
namespace {

struct Collect : gen::EventSink {
  std::vector<std::string> lines;
  void Line(std::string_view l) override { lines.emplace_back(l); }
};

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

Corpus WriteCorpus(const TempDir& tmp, uint64_t seed, const std::vector<size_t>& sizes) {
  size_t total = 0;
  for (size_t n : sizes) total += n;
  Collect sink;
  gen::Generate({.seed = seed, .events = total}, sink);
  Corpus c;
  c.boundaries.push_back(0);
  simdjson::dom::parser parser;
  size_t next = 0;
  for (size_t f = 0; f < sizes.size(); ++f) {
    std::string text;
    std::vector<std::string> ids;
    for (size_t i = 0; i < sizes[f]; ++i, ++next) {
      const std::string& line = sink.lines[next];
      text += line;
      simdjson::padded_string json(line);
      std::string_view id;
      if (parser.parse(json)["id"].get(id) != simdjson::SUCCESS) {
        std::fprintf(stderr, "test setup failed: a generated line has no id: %s", line.c_str());
        std::abort();
      }
      ids.emplace_back(id);
    }
    c.paths.push_back(tmp / ("part-" + std::to_string(f) + ".jsonl"));
    WriteFile(c.paths.back(), text);
    c.ids.push_back(std::move(ids));
    c.boundaries.push_back(c.boundaries.back() + sizes[f]);
  }
  return c;
}

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  uint64_t n = std::strtoull(v, &end, 10);
  if (*end != '\0') {
    std::fprintf(stderr, "test setup failed: %s=%s is not a number\n", name, v);
    std::abort();
  }
  return n;
}

bool ThreadBusy(pid_t pid, std::string_view name) {
  std::error_code ec;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
    std::string comm = FirstLine(task.path() / "comm");
    if (comm != name) continue;
    // The first field is the number of the system call the thread is
    // blocked in, or "running".
    std::string call = FirstLine(task.path() / "syscall");
    if (!call.empty() && call.rfind(std::to_string(SYS_futex) + " ", 0) != 0) return true;
  }
  return false;
}

}  // namespace tledger::testing
