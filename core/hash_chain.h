// The hash chain: H_n = SHA-256(H_{n-1} || canonical bytes of event n),
// H_0 = 32 zero bytes (core/FORMAT.md has a worked example).
//
//   ChainHasher hasher;                     // one per thread, reused
//   Hash h = hasher.Next(prev, canonical);  // one SHA-256, no allocation
//
// ChainHasher keeps one OpenSSL EVP_MD_CTX and a fetched SHA-256, because the
// one-shot API costs twice as much on ~200-byte events. Not thread-safe:
// give each thread its own.
#ifndef TLEDGER_CORE_HASH_CHAIN_H_
#define TLEDGER_CORE_HASH_CHAIN_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "kj/common.h"

struct evp_md_ctx_st;
struct evp_md_st;

namespace tledger {

using Hash = std::array<uint8_t, 32>;

// H_0: the hash "before" the first event.
inline constexpr Hash kGenesisHash{};

std::string ToHex(const Hash& h);
std::string ToHex(kj::ArrayPtr<const kj::byte> bytes);
// Parses 64 hex digits (either case); nullopt otherwise.
std::optional<Hash> HashFromHex(std::string_view hex);

class ChainHasher {
 public:
  ChainHasher();
  ~ChainHasher();
  ChainHasher(const ChainHasher&) = delete;
  ChainHasher& operator=(const ChainHasher&) = delete;

  // SHA-256(prev || canonical).
  Hash Next(const Hash& prev, kj::ArrayPtr<const kj::byte> canonical);
  // SHA-256(bytes).
  Hash Digest(kj::ArrayPtr<const kj::byte> bytes);
  // SHA-256 of the concatenation of `parts` (the Merkle tree's prefixed
  // hashes, core/merkle.h), without copying them together.
  Hash DigestOf(std::initializer_list<kj::ArrayPtr<const kj::byte>> parts);

 private:
  evp_md_ctx_st* ctx_;
  evp_md_st* md_;
};

}  // namespace tledger

#endif  // TLEDGER_CORE_HASH_CHAIN_H_
