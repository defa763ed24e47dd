// Where tledger-gen's lines go: stdout, one file, or K files that split the
// same stream in order (PREFIX.000.jsonl, PREFIX.001.jsonl, ...), each a
// later import batch.
//
//   FileSink out("/tmp/g", /*total=*/1000000, /*parts=*/4);
//   if (!out.ok()) ...;
//   Generate(options, out);
//   if (!out.Close()) ... out.error() ...;
//
// Part k holds lines [k*N/K, (k+1)*N/K). Lines are buffered and written in
// large blocks. Not thread-safe.
#ifndef TLEDGER_TOOLS_GEN_OUTPUT_H_
#define TLEDGER_TOOLS_GEN_OUTPUT_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "tools/gen/generator.h"

namespace tledger::gen {

class FileSink : public EventSink {
 public:
  // `path` empty: stdout. `parts` 0: one output; otherwise `path` is the
  // prefix of `parts` files.
  FileSink(std::string path, uint64_t total, int parts);
  ~FileSink() override;
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  void Line(std::string_view line) override;
  // Flushes and closes; false (with error()) if anything could not be written.
  bool Close();
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  // The name of part `k` of `prefix`: "PREFIX.007.jsonl".
  static std::string PartName(const std::string& prefix, int k);

 private:
  void Flush();
  void OpenNext();

  std::string path_;
  uint64_t total_;
  int parts_;
  int part_ = -1;            // the part being written
  uint64_t next_start_ = 0;  // line index where the next part begins
  uint64_t index_ = 0;
  FILE* file_ = nullptr;
  bool owned_ = false;       // file_ is ours to close (not stdout)
  std::string buf_;
  std::string error_;
};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_OUTPUT_H_
