#include "core/checkpoint.h"

#include <cstring>

#include <fmt/format.h>

#include "core/base64.h"
#include "core/note.h"
#include "core/printable.h"

namespace tledger {
namespace {

constexpr uint64_t kMaxSize = (uint64_t{1} << 63) - 1;

}  // namespace

Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint) {
  if (!note::IsValidKeyName(checkpoint.origin)) {
    return Status::InvalidInput(fmt::format(
        "the origin {} is not usable: tledger's origins are key names (non-empty UTF-8, no spaces, no '+'), such as "
        "dao-tao.cantho.gov.vn/tledger",
        Quoted(checkpoint.origin)));
  }
  if (checkpoint.size > kMaxSize) {
    return Status::InvalidInput(fmt::format("a checkpoint's tree size is below 2^63, not {}", checkpoint.size));
  }
  std::string text = fmt::format("{}\n{}\n{}\n", checkpoint.origin, checkpoint.size, Base64(checkpoint.root));
  for (const std::string& e : checkpoint.extensions) {
    if (e.empty()) return Status::InvalidInput("a checkpoint's extension line is not empty");
    text += e + "\n";
  }
  TLEDGER_RETURN_IF_ERROR(note::CheckText(text));
  return text;
}

Result<Checkpoint> ParseCheckpoint(std::string_view text) {
  TLEDGER_RETURN_IF_ERROR(note::CheckText(text));
  std::vector<std::string_view> lines;
  for (size_t at = 0; at < text.size();) {
    const size_t eol = text.find('\n', at);
    lines.push_back(text.substr(at, eol - at));
    at = eol + 1;
  }
  if (lines.size() < 3) {
    return Status::InvalidInput(fmt::format(
        "a checkpoint has at least three lines (origin, tree size, root hash); this text has {}", lines.size()));
  }
  Checkpoint c;
  if (lines[0].empty()) return Status::InvalidInput("checkpoint line 1: the origin is empty");
  c.origin = std::string(lines[0]);

  const std::string_view size = lines[1];
  const bool digits = !size.empty() && size.find_first_not_of("0123456789") == std::string_view::npos;
  if (!digits || (size.size() > 1 && size[0] == '0') || size.size() > 19) {
    return Status::InvalidInput(fmt::format(
        "checkpoint line 2: the tree size is a decimal number without leading zeros, not {}", Quoted(size, 60)));
  }
  c.size = std::stoull(std::string(size));
  if (c.size > kMaxSize) {
    return Status::InvalidInput(fmt::format("checkpoint line 2: the tree size {} is not below 2^63", c.size));
  }

  std::optional<std::string> root = FromBase64(lines[2]);
  if (!root || root->size() != c.root.size()) {
    return Status::InvalidInput(fmt::format(
        "checkpoint line 3: the root hash is the canonical base64 of 32 bytes (44 characters), not {}", Quoted(lines[2], 60)));
  }
  std::memcpy(c.root.data(), root->data(), c.root.size());

  for (size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      return Status::InvalidInput(fmt::format("checkpoint line {}: an extension line is not empty", i + 1));
    }
    c.extensions.emplace_back(lines[i]);
  }
  return c;
}

}  // namespace tledger
