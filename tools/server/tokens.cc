#include "tools/server/tokens.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "core/printable.h"

namespace tledger::server {
namespace {

constexpr size_t kMaxFileBytes = 1 << 20;

std::array<uint8_t, 32> Digest(std::string_view text) {
  std::array<uint8_t, 32> out{};
  unsigned int len = 0;
  EVP_Digest(text.data(), text.size(), out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

bool AllOf(std::string_view s, bool allow_dot) {
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              (allow_dot && c == '.');
    if (!ok) return false;
  }
  return true;
}

Status Refuse(const std::string& path, const std::string& why) {
  return Status::InvalidInput("--token-file " + Quoted(path) + ": " + why);
}

}  // namespace

Result<Tokens> Tokens::Load(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Refuse(path, std::string("cannot open: ") + std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Refuse(path, std::string("cannot read: ") + std::strerror(errno));
  }
  std::string text;
  Status s;
  if (!S_ISREG(st.st_mode)) {
    s = Refuse(path, "not a regular file");
  } else if (st.st_uid != ::geteuid()) {
    s = Refuse(path, "owned by uid " + std::to_string(st.st_uid) + ", not by the user running the server (uid " +
                         std::to_string(::geteuid()) + ")");
  } else if ((st.st_mode & 077) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    s = Refuse(path, std::string("mode ") + mode + " lets others read or change the tokens (expected 0600: chmod 600)");
  } else if (st.st_size > static_cast<off_t>(kMaxFileBytes)) {
    s = Refuse(path, "larger than 1 MiB");
  } else {
    text.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (got < text.size()) {
      ssize_t n = ::read(fd, text.data() + got, text.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    text.resize(got);
  }
  ::close(fd);
  TLEDGER_RETURN_IF_ERROR(s);

  Tokens tokens;
  std::set<std::string> names;
  std::set<std::array<uint8_t, 32>> digests;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line.remove_prefix(first);
    size_t gap = line.find_first_of(" \t");
    std::string_view name = line.substr(0, gap);
    std::string_view rest = gap == std::string_view::npos ? std::string_view() : line.substr(gap);
    size_t tok_start = rest.find_first_not_of(" \t");
    std::string_view token = tok_start == std::string_view::npos ? std::string_view() : rest.substr(tok_start);
    size_t trailing = token.find_last_not_of(" \t");
    token = token.substr(0, trailing == std::string_view::npos ? 0 : trailing + 1);
    std::string where = "line " + std::to_string(line_no) + ": ";
    if (name.empty() || name.size() > 64 || !AllOf(name, true)) {
      return Refuse(path, where + "the name is not 1-64 of A-Z a-z 0-9 . _ - (expected NAME TOKEN)");
    }
    if (token.size() < 32 || token.size() > 256 || !AllOf(token, false) ||
        token.find_first_of(" \t") != std::string_view::npos) {
      return Refuse(path, where + "the token is not 32-256 of A-Z a-z 0-9 _ - (expected NAME TOKEN, e.g. a token from `openssl rand -hex 32`)");
    }
    if (!names.insert(std::string(name)).second) return Refuse(path, where + "the name " + Quoted(name) + " is given twice");
    std::array<uint8_t, 32> digest = Digest(token);
    if (!digests.insert(digest).second) return Refuse(path, where + "the same token is given twice");
    tokens.entries_.push_back(Entry{std::string(name), digest});
  }
  if (tokens.entries_.empty()) return Refuse(path, "holds no token (expected lines NAME TOKEN)");
  return tokens;
}

Tokens Tokens::FromPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Tokens tokens;
  for (const auto& [name, token] : pairs) tokens.entries_.push_back(Entry{name, Digest(token)});
  return tokens;
}

std::optional<std::string> Tokens::Match(std::string_view presented) const {
  std::array<uint8_t, 32> digest = Digest(presented);
  const Entry* found = nullptr;
  for (const Entry& e : entries_) {
    // No branch on secret data inside the loop beyond the pointer select.
    bool equal = CRYPTO_memcmp(e.digest.data(), digest.data(), digest.size()) == 0;
    found = equal ? &e : found;
  }
  if (found == nullptr) return std::nullopt;
  return found->name;
}

std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char a = authorization[i], b = kScheme[i];
    if (std::tolower(static_cast<unsigned char>(a)) != std::tolower(static_cast<unsigned char>(b))) return {};
  }
  return authorization.substr(kScheme.size());
}

}  // namespace tledger::server
