// The local secret key: what authenticates the state tledger derives or
// leaves beside a ledger (the report cache, the import marker) against
// someone who can write the ledger directory but not the key
// (SECURITY.md, "The local key").
//
//   Result<std::shared_ptr<const LocalKey>> key = LocalKey::ForLedger(store.dir());
//   Mac mac((*key)->Subkey(KeyPurpose::kReportCache));
//   mac.Update(bytes);
//   Hash tag = mac.Final();
//
// The key is 32 random bytes (libsodium) in the file `local.key` of the key
// directory: $TLEDGER_KEY_DIR if set, else $XDG_STATE_HOME/tledger, else
// $HOME/.local/state/tledger. It is created on first use: the directory
// with mode 0700, the file with 0600, written to a temporary made with
// O_EXCL | O_NOFOLLOW and linked into place (two processes creating it at
// once agree on one key). It is used only when it is a regular file of 32
// bytes owned by this user and readable by no one else, in a directory
// that only this user can write, outside the ledger directory.
//
// Each use has its own subkey (crypto_kdf, BLAKE2b): a MAC made for one
// purpose is never accepted for another. The MAC is HMAC-SHA-256 (OpenSSL,
// on this machine's SHA instructions: as fast as the plain SHA-256 it
// replaced in the report cache).
//
// LocalKey is immutable and thread-safe; Mac belongs to one thread.
#ifndef TLEDGER_CORE_LOCAL_KEY_H_
#define TLEDGER_CORE_LOCAL_KEY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/hash_chain.h"
#include "core/status.h"

struct evp_mac_ctx_st;

namespace tledger {

using MacKey = std::array<uint8_t, 32>;

// The subkeys: crypto_kdf subkey ids, never reused for another purpose.
enum class KeyPurpose : uint64_t {
  kKeyId = 1,         // the key's public name (its first 8 bytes)
  kReportCache = 2,   // projections/report_cache.h
  kImportMarker = 3,  // core/import_marker.h
};

class LocalKey {
 public:
  // The key directory (above). Unavailable when none can be named (no
  // TLEDGER_KEY_DIR, XDG_STATE_HOME or HOME).
  static Result<std::string> Dir();

  // The key, for work on the ledger at `ledger_dir`: read, or created on
  // first use. Unavailable, saying what is wrong and where: the key
  // directory is inside the ledger directory (an attacker who can write the
  // ledger could read it); it cannot be created or read; the file or the
  // directory is not as described above. Loaded once per process and
  // directory.
  static Result<std::shared_ptr<const LocalKey>> ForLedger(const std::string& ledger_dir);

  // A key that exists only in this process, for derived state that is never
  // kept (a private report cache when no key is readable).
  static std::shared_ptr<const LocalKey> Ephemeral();

  // The key's public name: 8 bytes derived from it, from which the key
  // cannot be found. Files made under another key say so by theirs.
  uint64_t id() const { return id_; }
  // The key directory; empty for an ephemeral key.
  const std::string& dir() const { return dir_; }
  const MacKey& Subkey(KeyPurpose purpose) const;

  explicit LocalKey(const MacKey& key, std::string dir);

 private:
  std::string dir_;
  uint64_t id_ = 0;
  MacKey cache_key_{};
  MacKey marker_key_{};
};

// HMAC-SHA-256 under a subkey. Final() returns the tag of what was
// updated since the last Final() (or construction) and starts over.
class Mac {
 public:
  explicit Mac(const MacKey& key);
  ~Mac();
  Mac(const Mac&) = delete;
  Mac& operator=(const Mac&) = delete;

  void Update(const void* data, size_t size);
  void Update(std::string_view bytes) { Update(bytes.data(), bytes.size()); }
  Hash Final();

 private:
  evp_mac_ctx_st* ctx_;
};

// Compares two tags in constant time.
bool SameTag(const Hash& a, const Hash& b);

// The 8-byte key id as 16 hex digits, as messages show it.
std::string KeyIdHex(uint64_t id);

}  // namespace tledger

#endif  // TLEDGER_CORE_LOCAL_KEY_H_
