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

Result<ReadOptions> ParseReadOptions(const std::string& format, const std::string& lang, const std::string& as_of,
                                     const std::string& known_at) {
  ReadOptions o;
  Result<Format> f = ParseFormat(format);
  if (!f.ok()) return f.status();
  o.format = *f;
  Result<Lang> l = ParseLang(lang);
  if (!l.ok()) return l.status();
  o.lang = *l;
  Result<Date> d = ParseDateOption("--as-of", as_of);
  if (!d.ok()) return d.status();
  o.as_of = *d;
  Result<Timestamp> t = ParseKnownAtOption(known_at);
  if (!t.ok()) return t.status();
  o.known_at = *t;
  return o;
}

}  // namespace tledger
