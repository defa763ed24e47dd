// The command blocks of README.md and HUONG-DAN.md, for the tests that run
// them as shown (readme_test, demo_output_test).
#ifndef TLEDGER_TESTS_DOC_BLOCKS_H_
#define TLEDGER_TESTS_DOC_BLOCKS_H_

#include <string>
#include <vector>

namespace tledger::doc_testing {

// The lines of the first ``` block after the line `heading` (from the start
// when empty); empty when there is none.
inline std::vector<std::string> Block(const std::string& doc, const std::string& heading) {
  size_t at = heading.empty() ? 0 : doc.find("\n" + heading + "\n");
  if (at == std::string::npos) return {};
  size_t open = doc.find("```\n", at);
  if (open == std::string::npos) return {};
  size_t close = doc.find("\n```", open + 4);
  if (close == std::string::npos) return {};
  std::vector<std::string> lines;
  std::string text = doc.substr(open + 4, close - open - 4);
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace tledger::doc_testing

#endif  // TLEDGER_TESTS_DOC_BLOCKS_H_
