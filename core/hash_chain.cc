#include "core/hash_chain.h"

#include <openssl/evp.h>

#include "core/status.h"

namespace tledger {

std::string ToHex(kj::ArrayPtr<const kj::byte> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (kj::byte b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

std::string ToHex(const Hash& h) { return ToHex(kj::ArrayPtr<const kj::byte>(h.data(), h.size())); }

std::optional<Hash> HashFromHex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  Hash h;
  for (size_t i = 0; i < 32; ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    h[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return h;
}

ChainHasher::ChainHasher() : ctx_(EVP_MD_CTX_new()), md_(EVP_MD_fetch(nullptr, "SHA256", nullptr)) {
  TLEDGER_CHECK(ctx_ != nullptr && md_ != nullptr);
}

ChainHasher::~ChainHasher() {
  EVP_MD_free(md_);
  EVP_MD_CTX_free(ctx_);
}

Hash ChainHasher::Next(const Hash& prev, kj::ArrayPtr<const kj::byte> canonical) {
  return DigestOf({kj::ArrayPtr<const kj::byte>(prev.data(), prev.size()), canonical});
}

Hash ChainHasher::Digest(kj::ArrayPtr<const kj::byte> bytes) { return DigestOf({bytes}); }

Hash ChainHasher::DigestOf(std::initializer_list<kj::ArrayPtr<const kj::byte>> parts) {
  Hash out;
  unsigned int len = 0;
  TLEDGER_CHECK(EVP_DigestInit_ex(ctx_, md_, nullptr) == 1);
  for (kj::ArrayPtr<const kj::byte> part : parts) {
    TLEDGER_CHECK(EVP_DigestUpdate(ctx_, part.begin(), part.size()) == 1);
  }
  TLEDGER_CHECK(EVP_DigestFinal_ex(ctx_, out.data(), &len) == 1 && len == out.size());
  return out;
}

}  // namespace tledger
