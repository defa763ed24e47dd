// Keys of signed notes (https://c2sp.org/signed-note), in the text form of
// Go's golang.org/x/mod/sumdb/note, so that its tools and tledger read each
// other's keys:
//
//   private key   PRIVATE+KEY+<name>+<key id>+<base64(type || 32-byte Ed25519 seed)>
//   verifier key  <name>+<key id>+<base64(type || 32-byte Ed25519 public key)>
//   key id        the first 4 bytes of SHA-256(name || "\n" || type || public key),
//                 as 8 lowercase hex digits
//
//   Result<SignerKey> key = SignerKey::Generate("dao-tao.cantho.gov.vn/tledger", KeyType::kEd25519);
//   WriteFile(path, key->Format() + "\n");                  // secret: mode 0600
//   std::string vkey = FormatVerifierKey(key->verifier());  // publish this one
//   Result<VerifierKey> v = ParseVerifierKey(vkey);
//
// Two key types: 0x01, Ed25519 signatures of the note text (a log signing
// its checkpoints; the only type Go's note package knows), and 0x04, the
// timestamped Ed25519 cosignatures of https://c2sp.org/tlog-cosignature (a
// witness). A witness key is its own key: the type is part of the key id,
// so a log key cannot be taken for a witness key or the reverse.
//
// Parsing is strict (every refusal names the part that is wrong): the name
// non-empty, UTF-8, without Unicode white space or '+'; the key id exactly 8
// lowercase hex digits and equal to the one the key implies; canonical
// base64 of a known type byte and 32 bytes. One trailing newline (a key
// file's) is accepted. Value types; thread-safe.
#ifndef TLEDGER_CORE_NOTE_KEY_H_
#define TLEDGER_CORE_NOTE_KEY_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tledger::note {

// The signature type byte (C2SP signed-note, "Signature types"). Written
// into keys and key ids: never renumbered.
enum class KeyType : uint8_t {
  kEd25519 = 0x01,        // Ed25519 over the note text
  kCosignatureV1 = 0x04,  // timestamped Ed25519 checkpoint cosignature (cosignature/v1)
};

using PublicKey = std::array<uint8_t, 32>;

// Non-empty, valid UTF-8, no Unicode White_Space character, no '+' (C2SP),
// and no control character below U+0020 (a note could not hold it).
bool IsValidKeyName(std::string_view name);

// SHA-256(name || "\n" || type || public_key), its first 4 bytes big-endian.
uint32_t KeyId(std::string_view name, KeyType type, const PublicKey& public_key);

struct VerifierKey {
  std::string name;
  uint32_t id = 0;
  KeyType type = KeyType::kEd25519;
  PublicKey public_key{};
  friend bool operator==(const VerifierKey&, const VerifierKey&) = default;
};

// "<name>+<id>+<base64(type || public key)>".
std::string FormatVerifierKey(const VerifierKey& key);
// InvalidInput naming what is wrong (the part, and what was expected).
Result<VerifierKey> ParseVerifierKey(std::string_view text);
// "name+1234abcd", how messages name a key.
std::string KeyLabel(std::string_view name, uint32_t id);

// A private key. Move-only; the secret is wiped when the object goes.
class SignerKey {
 public:
  // A fresh key from the operating system's randomness. InvalidInput for a
  // bad name; IoError if libsodium cannot start.
  static Result<SignerKey> Generate(std::string_view name, KeyType type);
  // The key of a given 32-byte Ed25519 seed (tests; Go's keys of a seed).
  static Result<SignerKey> FromSeed(std::string_view name, KeyType type, std::span<const uint8_t, 32> seed);
  // "PRIVATE+KEY+..."; InvalidInput naming what is wrong.
  static Result<SignerKey> Parse(std::string_view text);

  SignerKey(SignerKey&& other) noexcept;
  SignerKey& operator=(SignerKey&& other) noexcept;
  SignerKey(const SignerKey&) = delete;
  SignerKey& operator=(const SignerKey&) = delete;
  ~SignerKey();

  // "PRIVATE+KEY+<name>+<id>+<base64(type || seed)>".
  std::string Format() const;
  const VerifierKey& verifier() const { return verifier_; }
  // The 64-byte Ed25519 signature of `message` (RFC 8032, deterministic).
  std::string SignBytes(std::string_view message) const;

 private:
  SignerKey() = default;
  VerifierKey verifier_;
  std::array<uint8_t, 64> secret_{};  // libsodium's form: seed || public key
};

// Whether `signature` is `key`'s Ed25519 signature of `message`.
bool VerifyBytes(const VerifierKey& key, std::string_view message, std::string_view signature);

}  // namespace tledger::note

#endif  // TLEDGER_CORE_NOTE_KEY_H_
