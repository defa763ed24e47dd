#include "tools/server/api_error.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "core/printable.h"
#include "tools/server/messages.h"

namespace tledger::server {

std::string ErrorBody(const ApiError& e) {
  nlohmann::ordered_json body = {{"error", {{"vi", e.vi}, {"en", e.en}}}};
  return EscapedJson(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

ApiError StatusError(int status) {
  switch (status) {
    case 400: return MakeError(400, kBadRequest);
    case 401: return MakeError(401, kUnauthorized);
    case 404: return MakeError(404, kNoSuchPath);
    case 405: return MakeError(405, kMethodNotAllowed);
    case 413: return MakeError(413, kPayloadTooLarge);
    case 414: return MakeError(414, kUriTooLong);
    case 500: return MakeError(500, kInternal);
    case 503: return MakeError(503, kBusy);
    default: return MakeError(status, kHttpError, status);
  }
}

ApiError CommandError(const Status& s, std::string_view parameter) {
  switch (s.code()) {
    case Status::Code::kNotFound: return MakeError(404, kNotFound, parameter, s.message());
    case Status::Code::kInvalidInput:
    case Status::Code::kConflict: return MakeError(400, kCommandRefused, s.message());
    case Status::Code::kCorruption:
      spdlog::error("{}", s.message());
      return MakeError(500, kIntegrityFailure);
    case Status::Code::kUnavailable:
    case Status::Code::kIoError:
    case Status::Code::kOk:
      break;
  }
  spdlog::error("{}", s.message());
  return MakeError(503, kLedgerUnavailable);
}

}  // namespace tledger::server
