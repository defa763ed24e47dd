// Standard base64 (RFC 4648 section 4, with padding), as signed notes,
// checkpoints and proofs write hashes, keys and signatures.
//
//   std::string text = Base64(hash);                 // "r0eB...=" (44 characters for 32 bytes)
//   std::optional<std::string> bytes = FromBase64(text);
//
// Decoding is strict: the alphabet "A-Z a-z 0-9 + /", padding to a multiple
// of four with "=", no whitespace, and the canonical encoding only (the
// unused bits of the last character zero), so that one byte string has one
// text and a signature line cannot be varied without changing its bytes.
// Pure functions; thread-safe.
#ifndef TLEDGER_CORE_BASE64_H_
#define TLEDGER_CORE_BASE64_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tledger {

std::string Base64(std::span<const uint8_t> bytes);
inline std::string Base64(std::string_view bytes) {
  return Base64(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
}

// The bytes `text` encodes; nullopt unless it is canonical standard base64
// (the rules above). The empty text decodes to no bytes.
std::optional<std::string> FromBase64(std::string_view text);

}  // namespace tledger

#endif  // TLEDGER_CORE_BASE64_H_
