#include "core/status.h"

#include <cstdio>

namespace tledger {

std::string Status::ToString() const {
  const char* kind = "ok";
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kInvalidInput: kind = "invalid input"; break;
    case Code::kConflict: kind = "conflict"; break;
    case Code::kNotFound: kind = "not found"; break;
    case Code::kUnavailable: kind = "unavailable"; break;
    case Code::kCorruption: kind = "integrity failure"; break;
    case Code::kIoError: kind = "I/O error"; break;
  }
  return std::string(kind) + ": " + message_;
}

int Status::ExitCode() const {
  switch (code_) {
    case Code::kOk: return 0;
    case Code::kInvalidInput:
    case Code::kConflict:
    case Code::kNotFound: return 1;
    case Code::kUnavailable:
    case Code::kIoError: return 2;
    case Code::kCorruption: return 3;
  }
  return 1;
}

void CheckFailed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "tledger: internal check failed: %s at %s:%d\n", expr, file, line);
  std::abort();
}

}  // namespace tledger
