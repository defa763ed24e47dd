#include "tools/cli/command_options.h"

#include "tools/cli/ledger_view.h"

namespace tledger {

Result<Date> ParseDateOption(const char* option, const std::string& text) {
  if (text.empty()) return VietnamDateOf(Now());  // today in Vietnam
  Result<Date> d = ParseDateArg(text);
  if (!d.ok()) return Status::InvalidInput(std::string(option) + ": " + d.status().message());
  return d;
}

Result<Timestamp> ParseKnownAtOption(const std::string& text) {
  if (text.empty()) return kKnownNow;
  Result<Timestamp> t = ParseInstant(text);
  if (!t.ok()) return Status::InvalidInput("--known-at: " + t.status().message());
  return t;
}

}  // namespace tledger
