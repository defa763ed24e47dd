#include "tools/cli/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "tools/cli/interim_files.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxKeyFile = 4096;

std::string_view TypeName(note::KeyType type) {
  return type == note::KeyType::kEd25519 ? "a ledger key (made by `tledger keygen NAME`)"
                                         : "a witness key (made by `tledger keygen NAME --witness`)";
}

// The directory at or above `dir` that holds a ledger, if any.
std::optional<fs::path> EnclosingLedger(const fs::path& dir) {
  std::error_code ec;
  fs::path at = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (ec) return std::nullopt;
  while (true) {
    if (fs::exists(at / "tledger.lock", ec) || fs::exists(at / "CURRENT", ec)) return at;
    if (!at.has_parent_path() || at.parent_path() == at) return std::nullopt;
    at = at.parent_path();
  }
}

}  // namespace

Status WriteNewKeyFile(const std::string& path, std::string_view text) {
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (std::optional<fs::path> ledger = EnclosingLedger(parent)) {
    return Status::InvalidInput(fmt::format(
        "-o {}: that is inside the ledger directory {}; keep the key apart from the ledger (a copy of the ledger "
        "would carry the key that signs for it)",
        Quoted(path), Quoted(ledger->string())));
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Status::InvalidInput(
          fmt::format("-o {}: the file exists; a key file is never overwritten (choose another name)", Quoted(path)));
    }
    return Status::IoError(fmt::format("cannot create {}: {}", Quoted(path), std::strerror(errno)));
  }
  std::string_view rest = text;
  bool ok = true;
  while (ok && !rest.empty()) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) rest.remove_prefix(static_cast<size_t>(n));
  }
  ok = ok && ::fsync(fd) == 0;
  std::string reason = ok ? "" : std::strerror(errno);
  ok = ::close(fd) == 0 && ok;
  if (!ok) {
    ::unlink(path.c_str());
    return Status::IoError(fmt::format("cannot write {}: {}", Quoted(path), reason));
  }
  return Status::Ok();
}

Result<note::SignerKey> ReadSignerKey(const char* option, const std::string& path, note::KeyType type) {
  Result<std::string> text = interim::ReadSmallFile(path, kMaxKeyFile);
  if (!text.ok()) {
    Status s = text.status();
    if (s.code() == Status::Code::kNotFound) return Status::NotFound(fmt::format("{}: {}", option, s.message()));
    return Status::InvalidInput(fmt::format("{} {}: {}", option, Quoted(path), s.message()));
  }
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
    spdlog::warn("{} {}: others may read this private key (mode {:04o}); chmod 600 it", option, Quoted(path),
                 st.st_mode & 07777);
  }
  Result<note::SignerKey> key = note::SignerKey::Parse(*text);
  if (!key.ok()) return Status::InvalidInput(fmt::format("{} {}: {}", option, Quoted(path), key.status().message()));
  if (key->verifier().type != type) {
    return Status::InvalidInput(fmt::format("{} {}: this is {}, and {} is needed here", option, Quoted(path),
                                            TypeName(key->verifier().type), TypeName(type)));
  }
  return key;
}

Result<note::VerifierKey> VerifierKeyArg(const char* option, const std::string& text_or_path) {
  Result<note::VerifierKey> key = note::ParseVerifierKey(text_or_path);
  if (key.ok()) return key;
  Result<std::string> text = interim::ReadSmallFile(text_or_path, kMaxKeyFile);
  if (!text.ok()) {
    return Status::InvalidInput(fmt::format("{}: {} is neither a verifier key (name+id+key, as `tledger keygen` "
                                            "prints it) nor a file holding one ({})",
                                            option, Quoted(text_or_path), key.status().message()));
  }
  key = note::ParseVerifierKey(*text);
  if (!key.ok()) {
    return Status::InvalidInput(fmt::format("{} {}: {}", option, Quoted(text_or_path), key.status().message()));
  }
  return key;
}

}  // namespace tledger
