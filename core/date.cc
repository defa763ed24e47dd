#include "core/date.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace tledger {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

year_month_day Ymd(Date d) { return year_month_day(sys_days(days(d.days()))); }

// Reads exactly `n` ASCII digits at `s[pos]`; -1 if any is not a digit.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::string Quoted(std::string_view text) {
  constexpr size_t kShown = 40;
  std::string out = "\"";
  out.append(text.substr(0, kShown));
  if (text.size() > kShown) out += "...";
  return out + "\"";
}

constexpr std::string_view kIsoForm = "YYYY-MM-DD";
constexpr std::string_view kArgForms = "YYYY-MM-DD or dd/mm/yyyy";
constexpr int64_t kVietnamOffsetMicros = kVietnamOffsetSeconds * kMicrosPerSecond;

// The date y-m-d read from `s`, or why it is not one, naming `forms`.
Result<Date> Checked(std::string_view s, int y, int m, int d, std::string_view forms) {
  if (y == 0) {
    return Status::InvalidInput("year 0000 does not exist: " + Quoted(s) + " (expected " + std::string(forms) +
                                ", year 0001-9999)");
  }
  std::optional<Date> date = Date::FromYmd(y, m, d);
  if (!date) {
    return Status::InvalidInput("impossible date: " + Quoted(s) + " (expected a real day, " + std::string(forms) + ")");
  }
  return *date;
}

// Strict YYYY-MM-DD; refusals name `forms`.
Result<Date> ParseIso(std::string_view s, std::string_view forms) {
  int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || y < 0 || m < 0 || d < 0) {
    return Status::InvalidInput("not a date: " + Quoted(s) + " (expected " + std::string(forms) + ")");
  }
  return Checked(s, y, m, d, forms);
}

// t + offset, saturating at the ends of the 64-bit range.
Timestamp Shifted(Timestamp t, int64_t offset) {
  if (offset > 0 && t > INT64_MAX - offset) return INT64_MAX;
  if (offset < 0 && t < INT64_MIN - offset) return INT64_MIN;
  return t + offset;
}

// The day an instant falls on (days since the epoch, rounded down) and the
// microseconds into it, for every 64-bit instant: no negation, no product
// that could overflow.
std::pair<int64_t, int64_t> SplitDay(Timestamp t) {
  int64_t day_index = t / kMicrosPerDay, in_day = t % kMicrosPerDay;
  if (in_day < 0) {
    in_day += kMicrosPerDay;
    --day_index;
  }
  return {day_index, in_day};
}

}  // namespace

std::optional<Date> Date::FromYmd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                     std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<int32_t>(sys_days(ymd).time_since_epoch().count()));
}

Result<Date> Date::Parse(std::string_view s) { return ParseIso(s, kIsoForm); }

Result<Date> ParseDateArg(std::string_view s) {
  if (s.find('/') == std::string_view::npos) return ParseIso(s, kArgForms);
  // d/m/yyyy: one or two digits for the day and the month, four for the year.
  size_t first = s.find('/'), second = s.find('/', first + 1);
  auto number = [&](size_t from, size_t to) { return Digits(s, from, to - from); };
  int d = second == std::string_view::npos || first < 1 || first > 2 ? -1 : number(0, first);
  int m = second == std::string_view::npos || second - first - 1 < 1 || second - first - 1 > 2
              ? -1
              : number(first + 1, second);
  int y = second == std::string_view::npos || s.size() - second - 1 != 4 ? -1 : number(second + 1, s.size());
  if (d < 0 || m < 0 || y < 0) {
    return Status::InvalidInput("not a date: " + Quoted(s) + " (expected " + std::string(kArgForms) + ")");
  }
  return Checked(s, y, m, d, kArgForms);
}

std::optional<Date> Date::FromPacked(uint32_t v) {
  return FromYmd(static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100), static_cast<int>(v % 100));
}

uint32_t Date::Packed() const {
  return static_cast<uint32_t>(year() * 10000 + month() * 100 + day());
}

int Date::year() const { return static_cast<int>(Ymd(*this).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(Ymd(*this).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(Ymd(*this).day())); }

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

int MonthsBetween(Date a, Date b) {
  int months = (b.year() - a.year()) * 12 + (b.month() - a.month());
  if (months > 0 && b.day() < a.day()) --months;
  if (months < 0 && b.day() > a.day()) ++months;
  return months;
}

int YearsBetween(Date birth, Date on) {
  int years = on.year() - birth.year();
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) --years;
  return years;
}

std::string FormatInstant(Timestamp t) {
  auto [day_index, in_day] = SplitDay(t);
  Date d = Date::FromDays(static_cast<int32_t>(day_index));
  int64_t secs = in_day / kMicrosPerSecond;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%06dZ", d.ToString().c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), static_cast<int>(in_day % kMicrosPerSecond));
  return buf;
}

std::string FormatInstantInVietnam(Timestamp t) {
  CivilTime c = InVietnam(t);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%06d+07:00", c.date.ToString().c_str(), c.hour, c.minute, c.second,
                c.micros);
  return buf;
}

Timestamp EndOfDay(Date d) { return (static_cast<int64_t>(d.days()) + 1) * kMicrosPerDay - 1; }

Timestamp EndOfDayInVietnam(Date d) { return EndOfDay(d) - kVietnamOffsetMicros; }

Date DateOf(Timestamp t) { return Date::FromDays(static_cast<int32_t>(SplitDay(t).first)); }

Date VietnamDateOf(Timestamp t) { return InVietnam(t).date; }

CivilTime InVietnam(Timestamp t) {
  auto [day_index, in_day] = SplitDay(Shifted(t, kVietnamOffsetMicros));
  int64_t secs = in_day / kMicrosPerSecond;
  return CivilTime{Date::FromDays(static_cast<int32_t>(day_index)), static_cast<int>(secs / 3600),
                   static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60),
                   static_cast<int>(in_day % kMicrosPerSecond)};
}

bool InstantInRange(Timestamp t) {
  return t >= EndOfDay(*Date::FromYmd(1, 1, 1)) - (kMicrosPerDay - 1) && t <= EndOfDay(*Date::FromYmd(9999, 12, 31));
}

Result<Timestamp> ParseInstant(std::string_view s) {
  const std::string expected =
      " (expected RFC 3339 such as 2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of "
      "that day in Vietnam)";
  // A bare date: `YYYY-MM-DD` or `d/m/yyyy`.
  if ((s.size() == 10 && s[4] == '-') || (s.size() <= 10 && s.find('/') != std::string_view::npos)) {
    Result<Date> d = ParseDateArg(s);
    if (!d.ok()) return Status::InvalidInput(d.status().message());
    return EndOfDayInVietnam(*d);
  }
  Result<Date> d = Date::Parse(s.substr(0, 10));
  if (!d.ok() || s.size() < 20 || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') {
    return Status::InvalidInput("not an instant: " + Quoted(s) + expected);
  }
  int hh = Digits(s, 11, 2), mi = Digits(s, 14, 2), ss = Digits(s, 17, 2);
  if (hh < 0 || mi < 0 || ss < 0 || hh > 23 || mi > 59 || ss > 59) {
    return Status::InvalidInput("impossible time of day: " + Quoted(s) + expected);
  }
  size_t pos = 19;
  int64_t micros = 0;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    size_t n = pos - start;
    if (n == 0 || n > 9) return Status::InvalidInput("bad fraction of a second: " + Quoted(s) + expected);
    for (size_t i = 0; i < 6; ++i) micros = micros * 10 + (i < n ? s[start + i] - '0' : 0);
  }
  int64_t offset_seconds = 0;
  std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone == "z") {
    // UTC
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' &&
             Digits(zone, 1, 2) >= 0 && Digits(zone, 1, 2) <= 23 && Digits(zone, 4, 2) >= 0 &&
             Digits(zone, 4, 2) <= 59) {
    offset_seconds = (Digits(zone, 1, 2) * 3600 + Digits(zone, 4, 2) * 60) * (zone[0] == '+' ? 1 : -1);
  } else {
    return Status::InvalidInput("missing or bad time zone in " + Quoted(s) + expected);
  }
  int64_t seconds = static_cast<int64_t>(d->days()) * 86'400 + hh * 3600 + mi * 60 + ss - offset_seconds;
  Timestamp t = seconds * kMicrosPerSecond + micros;
  // An offset can carry the first or last day across the calendar's ends.
  if (!InstantInRange(t)) return Status::InvalidInput("instant outside years 0001-9999 UTC: " + Quoted(s) + expected);
  return t;
}

namespace {
std::atomic<Timestamp (*)()> test_clock{nullptr};
}  // namespace

Timestamp Now() {
  if (Timestamp (*clock)() = test_clock.load(std::memory_order_relaxed)) return clock();
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void SetClockForTesting(Timestamp (*clock)()) { test_clock.store(clock, std::memory_order_relaxed); }

}  // namespace tledger
