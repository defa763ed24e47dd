// Civil dates and RFC 3339 instants: Date::Parse and ParseInstant on
// arbitrary text, and FormatInstant on an arbitrary 64-bit instant (a
// stored recorded_at). What parses must print back as it was read (dates)
// or parse back to the same instant (instants).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/date.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

// A refusal is InvalidInput showing the expected form (shared/spec/cli.md).
void CheckShowsTheForm(const tledger::Status& s) {
  tledger::fuzz::Check(s.code() == tledger::Status::Code::kInvalidInput, "a refusal is not InvalidInput", s.ToString());
  tledger::fuzz::Check(s.message().find("(expected ") != std::string::npos, "a refusal shows no expected form",
                       s.message());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tledger;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<Date> d = Date::Parse(text);
  if (d.ok()) {
    fuzz::Check(d->ToString() == text, "a date does not print as it was read", d->ToString());
    std::optional<Date> packed = Date::FromPacked(d->Packed());
    fuzz::Check(packed && *packed == *d, "a date does not survive its packed form");
    fuzz::Check(DateOf(EndOfDay(*d)) == *d, "the end of a day falls on another day");
  } else {
    CheckShowsTheForm(d.status());
  }
  Result<Timestamp> t = ParseInstant(text);
  if (t.ok()) {
    std::string shown = FormatInstant(*t);
    Result<Timestamp> again = ParseInstant(shown);
    fuzz::Check(again.ok() && *again == *t, "an instant does not survive FormatInstant", shown);
  } else {
    CheckShowsTheForm(t.status());
  }
  if (size >= sizeof(Timestamp)) {
    Timestamp any;
    std::memcpy(&any, data, sizeof any);
    (void)FormatInstant(any);
    (void)DateOf(any);
  }
  return 0;
}
