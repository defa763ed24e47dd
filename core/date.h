// Civil dates and instants, the two clocks of a bitemporal ledger.
//
//   Result<Date> d = Date::Parse("2025-07-01");      // valid time
//   Result<Timestamp> t = ParseInstant("2026-01-31T23:59:59Z");  // transaction time
//
// A Date is a day in the proleptic Gregorian calendar, years 0001-9999, with
// no time zone: the ledger records what a document says, never local time.
// A Timestamp is microseconds since 1970-01-01T00:00:00Z. Neither ever holds
// floating point. Both are value types, cheap to copy, thread-compatible.
#ifndef TLEDGER_CORE_DATE_H_
#define TLEDGER_CORE_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tledger {

class Date {
 public:
  // 1970-01-01.
  constexpr Date() = default;

  // Strict `YYYY-MM-DD`; refuses impossible days (2025-02-30), year 0000 and
  // anything else with a message naming the expected form.
  static Result<Date> Parse(std::string_view text);
  // A checked y/m/d; nullopt when the day does not exist or the year is
  // outside 1-9999.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // The on-disk form YYYYMMDD (core/FORMAT.md); nullopt for 0 or invalid.
  static std::optional<Date> FromPacked(uint32_t yyyymmdd);
  static constexpr Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }

  uint32_t Packed() const;
  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string ToString() const;  // YYYY-MM-DD

  Date AddDays(int32_t n) const { return Date(days_ + n); }

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  explicit constexpr Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// Whole calendar months from a to b: one less when b's day of month is before
// a's (shared/spec/rules.md). Negative when b is before a.
int MonthsBetween(Date a, Date b);
// Whole years completed from `birth` to `on` (a person's age).
int YearsBetween(Date birth, Date on);

using Timestamp = int64_t;  // microseconds since the Unix epoch, UTC

// RFC 3339 with 6 fractional digits and `Z`: 2026-11-23T10:00:00.000000Z.
// Defined for every 64-bit value, but RFC 3339 only InstantInRange.
std::string FormatInstant(Timestamp t);
// Whether `t` falls in years 0001-9999, the instants FormatInstant writes
// and ParseInstant reads.
bool InstantInRange(Timestamp t);
// RFC 3339 (`2026-01-31T23:59:59Z`, fractions and +hh:mm offsets accepted) or
// a bare date, meaning the last microsecond of that day, UTC.
Result<Timestamp> ParseInstant(std::string_view text);
// The last microsecond of `d`, UTC.
Timestamp EndOfDay(Date d);
// The UTC date an instant falls on.
Date DateOf(Timestamp t);
// The wall clock, in microseconds.
Timestamp Now();

}  // namespace tledger

#endif  // TLEDGER_CORE_DATE_H_
