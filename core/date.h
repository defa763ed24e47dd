// Civil dates and instants, the two clocks of a bitemporal ledger.
//
//   Result<Date> d = Date::Parse("2025-07-01");      // valid time, as stored
//   Result<Date> typed = ParseDateArg("31/12/2025");  // as a person types it
//   Result<Timestamp> t = ParseInstant("2026-01-31T23:59:59Z");  // transaction time
//   CivilTime shown = InVietnam(t);                   // what a person reads
//
// A Date is a day in the proleptic Gregorian calendar, years 0001-9999, with
// no time zone: the ledger records what a document says, never local time.
// A Timestamp is microseconds since 1970-01-01T00:00:00Z. Neither ever holds
// floating point. Both are value types, cheap to copy, thread-compatible.
// Where a person's day is meant (a date-only --known-at, "today"), it is
// the day in Vietnam (UTC+07:00, no daylight saving time).
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

// A date as a person types it on the command line: `YYYY-MM-DD`, or
// `dd/mm/yyyy` as Vietnamese documents write it (one or two digits for the
// day and the month: `1/7/2025`, `01/07/2025`). InvalidInput showing both
// forms otherwise.
Result<Date> ParseDateArg(std::string_view text);

using Timestamp = int64_t;  // microseconds since the Unix epoch, UTC

// Vietnam's offset from UTC: +07:00 all year.
inline constexpr int64_t kVietnamOffsetSeconds = 7 * 3600;

// An instant as a wall clock in Vietnam shows it.
struct CivilTime {
  Date date;
  int hour = 0, minute = 0, second = 0, micros = 0;
};
// Defined for every 64-bit instant (the date then out of the calendar).
CivilTime InVietnam(Timestamp t);

// RFC 3339 with 6 fractional digits and `Z`: 2026-11-23T10:00:00.000000Z.
// Defined for every 64-bit value, but RFC 3339 only InstantInRange.
std::string FormatInstant(Timestamp t);
// The same instant as a wall clock in Vietnam shows it, with its offset and
// every digit: 2026-11-23T17:00:00.000000+07:00 (what --known-at takes
// back, exactly).
std::string FormatInstantInVietnam(Timestamp t);
// Whether `t` falls in years 0001-9999, the instants FormatInstant writes
// and ParseInstant reads.
bool InstantInRange(Timestamp t);
// RFC 3339 (`2026-01-31T23:59:59Z`, fractions and +hh:mm offsets accepted) or
// a bare date (either form of ParseDateArg), meaning the last microsecond of
// that day in Vietnam (23:59:59.999999+07:00): a clerk in Cần Thơ who says
// "known at 7 December" means the end of her 7 December.
Result<Timestamp> ParseInstant(std::string_view text);
// The last microsecond of `d`, UTC.
Timestamp EndOfDay(Date d);
// The last microsecond of `d` in Vietnam: EndOfDay(d) - 7 hours.
Timestamp EndOfDayInVietnam(Date d);
// The UTC date an instant falls on.
Date DateOf(Timestamp t);
// The date an instant falls on in Vietnam ("today" for --as-of).
Date VietnamDateOf(Timestamp t);
// The wall clock, in microseconds (or the test clock, below).
Timestamp Now();
// Tests only: Now() returns `clock()` from here on; nullptr restores the
// wall clock. Lets a test record an import at a chosen instant (06:30 in
// Vietnam is 23:30 UTC the day before). Not for production code; not
// synchronized with concurrent Now() calls.
void SetClockForTesting(Timestamp (*clock)());

}  // namespace tledger

#endif  // TLEDGER_CORE_DATE_H_
