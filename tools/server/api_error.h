// An HTTP error of `tledger serve`: a status and one sentence in each
// language, sent as {"error": {"vi": ..., "en": ...}} and nothing else (no
// path, no stack, no internal message: tools/server/README.md).
//
//   ApiError e = BadParameter("as_of", Quoted(text), kExpectDate);
//   res.status = e.status;
//   res.set_content(ErrorBody(e), kJsonType);
#ifndef TLEDGER_TOOLS_SERVER_API_ERROR_H_
#define TLEDGER_TOOLS_SERVER_API_ERROR_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "tools/cli/labels.h"

namespace tledger::server {

inline constexpr char kJsonType[] = "application/json; charset=utf-8";

struct ApiError {
  int status = 500;
  std::string vi;
  std::string en;
};

// The body: {"error":{"vi":"...","en":"..."}} and a newline, every text
// shown through EscapedJson (core/printable.h).
std::string ErrorBody(const ApiError& e);

// An error from a catalog entry (tools/server/messages.h), filled fmt style.
template <typename... Args>
ApiError MakeError(int status, const Bilingual& b, Args&&... args) {
  return ApiError{status, Tr(b, Lang::kVi, args...), Tr(b, Lang::kEn, args...)};
}

// The generic error of each HTTP status the server sends without a more
// specific one (404, 405, 408, 413, 414, 431, 500, 503 ...).
ApiError StatusError(int status);

// A failed command (tools/cli/commands.h) as the client may see it:
// NotFound -> 404 naming `parameter` (the command's message in English, a
// Vietnamese sentence beside it); InvalidInput -> 400; the ledger missing,
// locked or unreadable -> 503, integrity failure -> 500, each without the
// command's message (it may name files). Logs the whole Status to stderr.
ApiError CommandError(const Status& s, std::string_view parameter);

}  // namespace tledger::server

#endif  // TLEDGER_TOOLS_SERVER_API_ERROR_H_
