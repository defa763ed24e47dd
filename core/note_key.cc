#include "core/note_key.h"

#include <sodium.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

#include <fmt/format.h>

#include "core/base64.h"
#include "core/hash_chain.h"
#include "core/printable.h"

namespace tledger::note {
namespace {

constexpr std::string_view kPrivatePrefix = "PRIVATE+KEY+";

Status InitSodium() {
  if (sodium_init() < 0) return Status::IoError("libsodium failed to initialise");
  return Status::Ok();
}

bool KnownType(uint8_t type) {
  return type == static_cast<uint8_t>(KeyType::kEd25519) || type == static_cast<uint8_t>(KeyType::kCosignatureV1);
}

std::string_view WithoutKeyFileNewline(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  return text;
}

// The three '+'-separated parts of "<name>+<id>+<base64>" (the base64 may
// itself hold '+'), checked and decoded: the name, the id, the type byte and
// the 32 bytes after it. `what` names the key kind in messages, which never
// quote the key data (a private key's is the secret).
struct KeyParts {
  std::string name;
  uint32_t id = 0;
  uint8_t type = 0;
  std::array<uint8_t, 32> material{};
};
Result<KeyParts> SplitKey(std::string_view text, std::string_view what, std::string_view material_name) {
  const size_t plus1 = text.find('+');
  const size_t plus2 = plus1 == std::string_view::npos ? plus1 : text.find('+', plus1 + 1);
  if (plus2 == std::string_view::npos) {
    // The text is not quoted: for a private key it would be the secret.
    return Status::InvalidInput(fmt::format("{}: expected three parts separated by '+' (name+id+key data)", what));
  }
  KeyParts parts;
  parts.name = std::string(text.substr(0, plus1));
  const std::string_view id_hex = text.substr(plus1 + 1, plus2 - plus1 - 1);
  const std::string_view key64 = text.substr(plus2 + 1);
  if (!IsValidKeyName(parts.name)) {
    return Status::InvalidInput(fmt::format(
        "{}: the name {} is not a key name (non-empty UTF-8, no spaces, no '+')", what, Quoted(parts.name)));
  }
  if (id_hex.size() != 8 || id_hex.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return Status::InvalidInput(
        fmt::format("{} of {}: the key id {} is not 8 lowercase hex digits", what, Quoted(parts.name), Quoted(id_hex)));
  }
  parts.id = static_cast<uint32_t>(std::stoul(std::string(id_hex), nullptr, 16));
  std::optional<std::string> key = FromBase64(key64);
  if (!key) {
    return Status::InvalidInput(
        fmt::format("{} of {}: the key data is not canonical base64 (RFC 4648 with '=' padding)", what,
                    Quoted(parts.name)));
  }
  if (key->size() != 33) {
    return Status::InvalidInput(fmt::format("{} of {}: the key data is {} bytes; expected 33 (a type byte and a "
                                            "32-byte {})",
                                            what, Quoted(parts.name), key->size(), material_name));
  }
  parts.type = static_cast<uint8_t>((*key)[0]);
  if (!KnownType(parts.type)) {
    return Status::InvalidInput(fmt::format(
        "{} of {}: key type 0x{:02x} is not one tledger knows (0x01 Ed25519, 0x04 Ed25519 cosignature/v1)", what,
        Quoted(parts.name), parts.type));
  }
  std::memcpy(parts.material.data(), key->data() + 1, 32);
  return parts;
}

Status CheckId(const KeyParts& parts, const PublicKey& public_key, std::string_view what) {
  const uint32_t want = KeyId(parts.name, static_cast<KeyType>(parts.type), public_key);
  if (parts.id != want) {
    return Status::InvalidInput(fmt::format("{} of {}: the key id {:08x} does not match the key (its id is {:08x}): "
                                            "the key text was changed or mistyped",
                                            what, Quoted(parts.name), parts.id, want));
  }
  return Status::Ok();
}

}  // namespace

bool IsValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0x20 || c == '+' || u_isUWhiteSpace(c)) return false;  // < 0: not UTF-8
  }
  return true;
}

uint32_t KeyId(std::string_view name, KeyType type, const PublicKey& public_key) {
  const kj::byte separator_and_type[2] = {'\n', static_cast<kj::byte>(type)};
  ChainHasher sha;
  Hash h = sha.DigestOf({kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(name.data()), name.size()),
                         kj::ArrayPtr<const kj::byte>(separator_and_type, 2),
                         kj::ArrayPtr<const kj::byte>(public_key.data(), public_key.size())});
  return static_cast<uint32_t>(h[0]) << 24 | static_cast<uint32_t>(h[1]) << 16 | static_cast<uint32_t>(h[2]) << 8 | h[3];
}

std::string KeyLabel(std::string_view name, uint32_t id) { return fmt::format("{}+{:08x}", name, id); }

std::string FormatVerifierKey(const VerifierKey& key) {
  std::string data(1, static_cast<char>(key.type));
  data.append(reinterpret_cast<const char*>(key.public_key.data()), key.public_key.size());
  return KeyLabel(key.name, key.id) + "+" + Base64(data);
}

Result<VerifierKey> ParseVerifierKey(std::string_view text) {
  text = WithoutKeyFileNewline(text);
  if (text.starts_with(kPrivatePrefix)) {
    return Status::InvalidInput("this is a private key (PRIVATE+KEY+...), not a verifier key: never hand it out");
  }
  Result<KeyParts> parts = SplitKey(text, "verifier key", "Ed25519 public key");
  if (!parts.ok()) return parts.status();
  VerifierKey key{parts->name, parts->id, static_cast<KeyType>(parts->type), parts->material};
  TLEDGER_RETURN_IF_ERROR(CheckId(*parts, key.public_key, "verifier key"));
  return key;
}

Result<SignerKey> SignerKey::Generate(std::string_view name, KeyType type) {
  TLEDGER_RETURN_IF_ERROR(InitSodium());
  std::array<uint8_t, 32> seed;
  randombytes_buf(seed.data(), seed.size());
  Result<SignerKey> key = FromSeed(name, type, seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

Result<SignerKey> SignerKey::FromSeed(std::string_view name, KeyType type, std::span<const uint8_t, 32> seed) {
  TLEDGER_RETURN_IF_ERROR(InitSodium());
  if (!IsValidKeyName(name)) {
    return Status::InvalidInput(
        fmt::format("the key name {} is not valid (non-empty UTF-8, no spaces, no '+')", Quoted(name)));
  }
  SignerKey key;
  key.verifier_.name = std::string(name);
  key.verifier_.type = type;
  TLEDGER_CHECK(crypto_sign_seed_keypair(key.verifier_.public_key.data(), key.secret_.data(), seed.data()) == 0);
  key.verifier_.id = KeyId(name, type, key.verifier_.public_key);
  return key;
}

Result<SignerKey> SignerKey::Parse(std::string_view text) {
  text = WithoutKeyFileNewline(text);
  if (!text.starts_with(kPrivatePrefix)) {
    return Status::InvalidInput("a private key starts with PRIVATE+KEY+ (this may be a verifier key, which cannot sign)");
  }
  Result<KeyParts> parts = SplitKey(text.substr(kPrivatePrefix.size()), "private key", "Ed25519 seed");
  if (!parts.ok()) return parts.status();
  Result<SignerKey> key = FromSeed(parts->name, static_cast<KeyType>(parts->type), parts->material);
  sodium_memzero(parts->material.data(), parts->material.size());
  if (!key.ok()) return key.status();
  TLEDGER_RETURN_IF_ERROR(CheckId(*parts, key->verifier_.public_key, "private key"));
  return key;
}

SignerKey::SignerKey(SignerKey&& other) noexcept : verifier_(std::move(other.verifier_)), secret_(other.secret_) {
  sodium_memzero(other.secret_.data(), other.secret_.size());
}

SignerKey& SignerKey::operator=(SignerKey&& other) noexcept {
  verifier_ = std::move(other.verifier_);
  secret_ = other.secret_;
  sodium_memzero(other.secret_.data(), other.secret_.size());
  return *this;
}

SignerKey::~SignerKey() { sodium_memzero(secret_.data(), secret_.size()); }

std::string SignerKey::Format() const {
  std::string data(1, static_cast<char>(verifier_.type));
  data.append(reinterpret_cast<const char*>(secret_.data()), 32);  // the seed
  std::string text = std::string(kPrivatePrefix) + KeyLabel(verifier_.name, verifier_.id) + "+" + Base64(data);
  sodium_memzero(data.data(), data.size());
  return text;
}

std::string SignerKey::SignBytes(std::string_view message) const {
  std::string signature(crypto_sign_BYTES, '\0');
  TLEDGER_CHECK(crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     secret_.data()) == 0);
  return signature;
}

bool VerifyBytes(const VerifierKey& key, std::string_view message, std::string_view signature) {
  if (sodium_init() < 0 || signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     key.public_key.data()) == 0;
}

}  // namespace tledger::note
