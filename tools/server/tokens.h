// The access tokens of `tledger serve --token-file FILE`.
//
// The file: one token a line, `NAME TOKEN` separated by spaces or tabs;
// blank lines and lines starting with `#` are skipped. NAME: 1-64 of
// A-Z a-z 0-9 . _ - (it names the caller in logs); TOKEN: 32-256 of
// A-Z a-z 0-9 _ - (e.g. `openssl rand -hex 32`). Names and tokens are
// unique. The file must be a regular file owned by the user running the
// server, with no permission for group or others (0600 or 0400): anything
// else is refused before the server starts.
//
//   Result<Tokens> tokens = Tokens::Load("/etc/tledger/tokens");
//   std::optional<std::string> who = tokens->Match(presented);  // "thanh-tra-01"
//
// Immutable once loaded; Match is thread-safe.
#ifndef TLEDGER_TOOLS_SERVER_TOKENS_H_
#define TLEDGER_TOOLS_SERVER_TOKENS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tledger::server {

class Tokens {
 public:
  // InvalidInput naming the file (and line) when it cannot be read, is not
  // private to its owner, or a line is not NAME TOKEN as above, or it holds
  // no token.
  static Result<Tokens> Load(const std::string& path);
  // For tests: tokens given as (name, token) pairs, unchecked.
  static Tokens FromPairs(const std::vector<std::pair<std::string, std::string>>& pairs);

  // The name of the token equal to `presented`, nullopt when none is. Takes
  // the same time whichever token matches, or none: every token's SHA-256
  // is compared with the presented one's, all of them, without stopping
  // early (CRYPTO_memcmp).
  std::optional<std::string> Match(std::string_view presented) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    std::array<uint8_t, 32> digest;
  };
  std::vector<Entry> entries_;
};

// The token of an `Authorization: Bearer TOKEN` header value; empty when the
// value is not of that form.
std::string_view BearerToken(std::string_view authorization);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_TOKENS_H_
