#include "core/local_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "core/files.h"
#include "core/keys.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

constexpr char kKeyFile[] = "local.key";
// crypto_kdf's context: 8 bytes naming the application and this scheme.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'t', 'l', 'e', 'd', 'g', 'e', 'r', '1'};

std::string Errno(int e) { return std::strerror(e); }

MacKey Derive(const MacKey& key, KeyPurpose purpose) {
  static_assert(crypto_kdf_KEYBYTES == 32 && sizeof(MacKey) == 32);
  MacKey sub;
  TLEDGER_CHECK(crypto_kdf_derive_from_key(sub.data(), sub.size(), static_cast<uint64_t>(purpose), kKdfContext,
                                           key.data()) == 0);
  return sub;
}

// Whether `path` is inside `dir` (or is it), by their canonical forms.
bool Inside(const std::string& path, const std::string& dir) {
  fs::path p = CanonicalPath(path), d = CanonicalPath(dir);
  auto [pi, di] = std::mismatch(p.begin(), p.end(), d.begin(), d.end());
  return di == d.end();
}

// Creates `dir` (and its missing parents) with mode 0700; checks that only
// this user can write it.
Status MakeKeyDir(const std::string& dir) {
  std::error_code ec;
  fs::path p(dir);
  std::vector<fs::path> missing;
  for (fs::path q = p; !q.empty() && !fs::exists(q, ec); q = q.parent_path()) {
    missing.push_back(q);
    if (q == q.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      return Status::Unavailable("cannot create the key directory " + dir + ": " + Errno(errno));
    }
  }
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return Status::Unavailable("cannot read the key directory " + dir + ": " + Errno(errno));
  if (!S_ISDIR(st.st_mode)) return Status::Unavailable("the key directory " + dir + " is not a directory");
  if (st.st_uid != geteuid()) {
    return Status::Unavailable("the key directory " + dir + " belongs to another user (uid " + std::to_string(st.st_uid) + ")");
  }
  if ((st.st_mode & 022) != 0) {
    return Status::Unavailable("the key directory " + dir + " can be written by others (mode " +
                               fmt::format("{:o}", st.st_mode & 0777) + "); make it private: chmod 700 " + dir);
  }
  return Status::Ok();
}

// Reads the key file; NotFound when there is none.
Result<MacKey> ReadKey(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT) return Status::NotFound(path);
    if (e == ELOOP) return Status::Unavailable("the local key " + path + " is a symbolic link");
    return Status::Unavailable("cannot read the local key " + path + ": " + Errno(e));
  }
  struct stat st;
  MacKey key;
  Status why;
  if (fstat(fd, &st) != 0) {
    why = Status::Unavailable("cannot read the local key " + path + ": " + Errno(errno));
  } else if (!S_ISREG(st.st_mode)) {
    why = Status::Unavailable("the local key " + path + " is not a regular file");
  } else if (st.st_uid != geteuid()) {
    why = Status::Unavailable("the local key " + path + " belongs to another user (uid " + std::to_string(st.st_uid) + ")");
  } else if ((st.st_mode & 077) != 0) {
    why = Status::Unavailable("the local key " + path + " can be read or written by others (mode " +
                              fmt::format("{:o}", st.st_mode & 0777) + "); make it private: chmod 600 " + path);
  } else if (st.st_size != static_cast<off_t>(key.size()) ||
             ::read(fd, key.data(), key.size()) != static_cast<ssize_t>(key.size())) {
    why = Status::Unavailable("the local key " + path + " is not 32 bytes long");
  }
  ::close(fd);
  if (!why.ok()) return why;
  return key;
}

// Writes a new random key as `path`, unless another process got there
// first (then theirs is the key).
Status CreateKey(const std::string& dir, const std::string& path) {
  std::string tmp = dir + "/" + TemporaryPrefix(kKeyFile) + RandomHex(8);
  MacKey key;
  randombytes_buf(key.data(), key.size());
  Result<bool> made = CreateExclusive(tmp, std::string_view(reinterpret_cast<const char*>(key.data()), key.size()), 0600);
  sodium_memzero(key.data(), key.size());
  if (!made.ok()) return Status::Unavailable("cannot create the local key in " + dir + ": " + made.status().message());
  // link(2) never replaces: the first key made is the key.
  int e = ::link(tmp.c_str(), path.c_str()) == 0 ? 0 : errno;
  ::unlink(tmp.c_str());
  if (e != 0 && e != EEXIST) return Status::Unavailable("cannot create the local key " + path + ": " + Errno(e));
  return Status::Ok();
}

uint64_t IdOf(const MacKey& key) {
  MacKey sub = Derive(key, KeyPurpose::kKeyId);
  return keys::GetBigEndian64(reinterpret_cast<const char*>(sub.data()));
}

}  // namespace

LocalKey::LocalKey(const MacKey& key, std::string dir)
    : dir_(std::move(dir)),
      id_(IdOf(key)),
      cache_key_(Derive(key, KeyPurpose::kReportCache)),
      marker_key_(Derive(key, KeyPurpose::kImportMarker)) {}

const MacKey& LocalKey::Subkey(KeyPurpose purpose) const {
  TLEDGER_CHECK(purpose == KeyPurpose::kReportCache || purpose == KeyPurpose::kImportMarker);
  return purpose == KeyPurpose::kReportCache ? cache_key_ : marker_key_;
}

Result<std::string> LocalKey::Dir() {
  auto set = [](const char* name) -> const char* {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? v : nullptr;
  };
  if (const char* d = set("TLEDGER_KEY_DIR")) return std::string(d);
  if (const char* d = set("XDG_STATE_HOME")) return std::string(d) + "/tledger";
  if (const char* d = set("HOME")) return std::string(d) + "/.local/state/tledger";
  return Status::Unavailable("no key directory: set TLEDGER_KEY_DIR (or HOME)");
}

Result<std::shared_ptr<const LocalKey>> LocalKey::ForLedger(const std::string& ledger_dir) {
  TLEDGER_CHECK(sodium_init() >= 0);
  Result<std::string> dir = Dir();
  if (!dir.ok()) return dir.status();
  if (Inside(*dir, ledger_dir)) {
    return Status::Unavailable("the key directory " + *dir + " is inside the ledger directory " + ledger_dir +
                               ", where whoever can write the ledger could read it; set TLEDGER_KEY_DIR to a "
                               "directory outside it");
  }
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const LocalKey>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = loaded.find(*dir); it != loaded.end()) return it->second;
  TLEDGER_RETURN_IF_ERROR(MakeKeyDir(*dir));
  const std::string path = *dir + "/" + kKeyFile;
  Result<MacKey> key = ReadKey(path);
  if (!key.ok() && key.status().code() == Status::Code::kNotFound) {
    TLEDGER_RETURN_IF_ERROR(CreateKey(*dir, path));
    key = ReadKey(path);
  }
  if (!key.ok()) return key.status();
  auto made = std::make_shared<const LocalKey>(*key, *dir);
  sodium_memzero(key->data(), key->size());
  loaded.emplace(*dir, made);
  return std::shared_ptr<const LocalKey>(made);
}

std::shared_ptr<const LocalKey> LocalKey::Ephemeral() {
  TLEDGER_CHECK(sodium_init() >= 0);
  MacKey key;
  randombytes_buf(key.data(), key.size());
  auto made = std::make_shared<const LocalKey>(key, "");
  sodium_memzero(key.data(), key.size());
  return made;
}

Mac::Mac(const MacKey& key) {
  // Fetched once: EVP_MAC_fetch walks the provider tables.
  static EVP_MAC* const kHmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  TLEDGER_CHECK(kHmac != nullptr);
  ctx_ = EVP_MAC_CTX_new(kHmac);
  TLEDGER_CHECK(ctx_ != nullptr);
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_construct_end()};
  TLEDGER_CHECK(EVP_MAC_init(ctx_, key.data(), key.size(), params) == 1);
}

Mac::~Mac() { EVP_MAC_CTX_free(ctx_); }

void Mac::Update(const void* data, size_t size) {
  TLEDGER_CHECK(EVP_MAC_update(ctx_, static_cast<const unsigned char*>(data), size) == 1);
}

Hash Mac::Final() {
  Hash out;
  size_t len = 0;
  TLEDGER_CHECK(EVP_MAC_final(ctx_, out.data(), &len, out.size()) == 1 && len == out.size());
  // The same key again, for the next message.
  TLEDGER_CHECK(EVP_MAC_init(ctx_, nullptr, 0, nullptr) == 1);
  return out;
}

bool SameTag(const Hash& a, const Hash& b) { return sodium_memcmp(a.data(), b.data(), a.size()) == 0; }

std::string KeyIdHex(uint64_t id) { return fmt::format("{:016x}", id); }

}  // namespace tledger
