// core/date: civil dates (valid time) and instants (transaction time).
#include "core/date.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

Date D(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text << ": " << d.status().ToString();
  return d.ok() ? *d : Date();
}

std::string ParseError(std::string_view text) {
  Result<Date> d = Date::Parse(text);
  EXPECT_FALSE(d.ok()) << text << " parsed as " << (d.ok() ? d->ToString() : "");
  return d.ok() ? "" : d.status().message();
}

// -------------------------------------------------------------- Date::Parse

TEST(DateParse, ReadsDaysSinceTheEpoch) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("1969-12-31").days(), -1);
  EXPECT_EQ(D("2000-01-01").days(), 10957);
  EXPECT_EQ(D("0001-01-01").days(), -719162);
  EXPECT_EQ(D("9999-12-31").days(), 2932896);
}

TEST(DateParse, AcceptsLeapDaysOfLeapYearsOnly) {
  EXPECT_EQ(D("2024-02-29").days(), 19782);  // divisible by 4
  EXPECT_EQ(D("2000-02-29").ToString(), "2000-02-29");  // divisible by 400
  EXPECT_EQ(ParseError("1900-02-29"), "impossible date: \"1900-02-29\" (expected a real day, YYYY-MM-DD)");  // by 100 only
  EXPECT_EQ(ParseError("2025-02-29"), "impossible date: \"2025-02-29\" (expected a real day, YYYY-MM-DD)");
}

TEST(DateParse, RefusesImpossibleDaysNamingTheExpectedForm) {
  EXPECT_EQ(ParseError("2025-02-30"), "impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)");
  EXPECT_EQ(ParseError("2025-04-31"), "impossible date: \"2025-04-31\" (expected a real day, YYYY-MM-DD)");
  EXPECT_EQ(ParseError("2025-13-01"), "impossible date: \"2025-13-01\" (expected a real day, YYYY-MM-DD)");
  EXPECT_EQ(ParseError("2025-00-10"), "impossible date: \"2025-00-10\" (expected a real day, YYYY-MM-DD)");
  EXPECT_EQ(ParseError("2025-01-00"), "impossible date: \"2025-01-00\" (expected a real day, YYYY-MM-DD)");
  EXPECT_EQ(ParseError("2025-01-32"), "impossible date: \"2025-01-32\" (expected a real day, YYYY-MM-DD)");
}

TEST(DateParse, RefusesYearZeroAndFiveDigitYears) {
  EXPECT_EQ(ParseError("0000-01-01"), "year 0000 does not exist: \"0000-01-01\" (expected YYYY-MM-DD, year 0001-9999)");
  EXPECT_EQ(ParseError("10000-01-01"), "not a date: \"10000-01-01\" (expected YYYY-MM-DD)");
}

TEST(DateParse, RefusesEveryOtherShape) {
  for (std::string_view bad : {"", "2025-7-01", "2025-07-1", "25-07-01", "2025/07/01", "2025-07-01 ", " 2025-07-01",
                               "2025-07-01T00:00:00Z", "20250701", "2025_07_01", "+025-07-01", "2025-0a-01",
                               "２０２５-07-01"}) {
    EXPECT_EQ(ParseError(bad), "not a date: \"" + std::string(bad) + "\" (expected YYYY-MM-DD)") << bad;
  }
}

TEST(DateParse, ShowsAtMostFortyCharactersOfTheInput) {
  EXPECT_EQ(ParseError(std::string(50, '9')), "not a date: \"" + std::string(40, '9') + "...\" (expected YYYY-MM-DD)");
}

// -------------------------------------------------------------- ParseDateArg

std::string ArgError(std::string_view text) {
  Result<Date> d = ParseDateArg(text);
  EXPECT_FALSE(d.ok()) << text << " parsed as " << (d.ok() ? d->ToString() : "");
  return d.ok() ? "" : d.status().message();
}

TEST(ParseDateArg, ReadsIsoAndTheVietnameseDayMonthYear) {
  EXPECT_EQ(ParseDateArg("2025-12-31")->ToString(), "2025-12-31");
  EXPECT_EQ(ParseDateArg("31/12/2025")->ToString(), "2025-12-31");
  EXPECT_EQ(ParseDateArg("01/07/2025")->ToString(), "2025-07-01");
  EXPECT_EQ(ParseDateArg("1/7/2025")->ToString(), "2025-07-01");  // as documents write it: 01/7/2025 too
  EXPECT_EQ(ParseDateArg("01/7/2025")->ToString(), "2025-07-01");
  EXPECT_EQ(ParseDateArg("29/02/2024")->ToString(), "2024-02-29");
}

TEST(ParseDateArg, RefusesNamingBothForms) {
  EXPECT_EQ(ArgError("31/02/2025"), "impossible date: \"31/02/2025\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(ArgError("2025-02-30"), "impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(ArgError("13/13/2025"), "impossible date: \"13/13/2025\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(ArgError("1/1/0000"), "year 0000 does not exist: \"1/1/0000\" (expected YYYY-MM-DD or dd/mm/yyyy, year "
                                  "0001-9999)");
  for (std::string_view bad : {"", "31/12/25", "31/12/02025", "/12/2025", "31//2025", "031/12/2025", "31/012/2025",
                               "31-12-2025", "31/12/2025 ", "a1/12/2025", "31/12/2025/1", "2025/12/31", "yesterday"}) {
    EXPECT_EQ(ArgError(bad), "not a date: \"" + std::string(bad) + "\" (expected YYYY-MM-DD or dd/mm/yyyy)") << bad;
  }
}

// -------------------------------------------------------------- Date

TEST(Date, FromYmdChecksTheDayAndTheYearRange) {
  EXPECT_EQ(Date::FromYmd(2025, 7, 1)->ToString(), "2025-07-01");
  EXPECT_FALSE(Date::FromYmd(2025, 2, 30).has_value());
  EXPECT_FALSE(Date::FromYmd(0, 1, 1).has_value());
  EXPECT_FALSE(Date::FromYmd(10000, 1, 1).has_value());
  EXPECT_FALSE(Date::FromYmd(2025, 0, 1).has_value());
  EXPECT_FALSE(Date::FromYmd(2025, 1, -1).has_value());
}

TEST(Date, PackedFormIsYyyymmddBothWays) {
  EXPECT_EQ(D("2025-07-01").Packed(), 20250701u);
  EXPECT_EQ(D("0001-01-01").Packed(), 10101u);
  EXPECT_EQ(Date::FromPacked(20240229)->ToString(), "2024-02-29");
  EXPECT_FALSE(Date::FromPacked(0).has_value());         // absent
  EXPECT_FALSE(Date::FromPacked(20250230).has_value());  // impossible
  EXPECT_EQ(D("2025-07-01").year(), 2025);
  EXPECT_EQ(D("2025-07-01").month(), 7);
  EXPECT_EQ(D("2025-07-01").day(), 1);
  EXPECT_EQ(D("2024-12-31").AddDays(1).ToString(), "2025-01-01");
  EXPECT_EQ(D("2024-03-01").AddDays(-1).ToString(), "2024-02-29");
  EXPECT_LT(D("2024-12-31"), D("2025-01-01"));
}

// -------------------------------------------------------------- MonthsBetween

TEST(MonthsBetween, CountsWholeCalendarMonths) {
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-03-15")), 0);
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2027-03-15")), 24);
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-04-15")), 1);
  EXPECT_EQ(MonthsBetween(D("2024-12-01"), D("2025-01-31")), 1);  // across a year end
}

TEST(MonthsBetween, IsOneLessWhenTheEndDayOfMonthIsBeforeTheStartDay) {
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-04-14")), 0);
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2027-03-14")), 23);
  // A month end does not count as "the same day" of a shorter month.
  EXPECT_EQ(MonthsBetween(D("2025-01-31"), D("2025-02-28")), 0);
  EXPECT_EQ(MonthsBetween(D("2024-01-31"), D("2024-02-29")), 0);
  EXPECT_EQ(MonthsBetween(D("2025-01-31"), D("2025-03-01")), 1);
}

TEST(MonthsBetween, IsNegativeWhenTheEndIsBeforeTheStart) {
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-01-15")), -2);
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-01-16")), -1);
  EXPECT_EQ(MonthsBetween(D("2025-03-15"), D("2025-03-01")), 0);
}

// -------------------------------------------------------------- YearsBetween

TEST(YearsBetween, IsTheAgeInWholeYears) {
  EXPECT_EQ(YearsBetween(D("1990-07-14"), D("2025-07-13")), 34);
  EXPECT_EQ(YearsBetween(D("1990-07-14"), D("2025-07-14")), 35);  // the birthday itself
  EXPECT_EQ(YearsBetween(D("1990-07-14"), D("1990-07-14")), 0);
  EXPECT_EQ(YearsBetween(D("1990-12-31"), D("1991-01-01")), 0);
}

TEST(YearsBetween, ALeapDayBirthdayIsReachedOnTheFirstOfMarchInOtherYears) {
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2025-02-28")), 24);
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2025-03-01")), 25);
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2024-02-29")), 24);
}

// -------------------------------------------------------------- instants

constexpr Timestamp kSecond = 1'000'000;

TEST(ParseInstant, ReadsUtc) {
  EXPECT_EQ(*ParseInstant("2026-01-31T23:59:59Z"), 1'769'903'999 * kSecond);
  EXPECT_EQ(*ParseInstant("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*ParseInstant("2026-01-31t23:59:59z"), 1'769'903'999 * kSecond);  // RFC 3339 allows lowercase
}

TEST(ParseInstant, AppliesOffsets) {
  // 23:59:59 in Hanoi (UTC+7) is 16:59:59 UTC.
  EXPECT_EQ(*ParseInstant("2026-01-31T23:59:59+07:00"), 1'769'878'799 * kSecond);
  EXPECT_EQ(*ParseInstant("2026-01-31T16:59:59-07:00"), 1'769'903'999 * kSecond);
  EXPECT_EQ(*ParseInstant("2026-01-31T23:59:59+00:00"), 1'769'903'999 * kSecond);
  // An offset can move the instant into the previous day.
  EXPECT_EQ(*ParseInstant("1970-01-01T00:00:00+00:30"), -1800 * kSecond);
}

TEST(ParseInstant, KeepsMicrosecondsOfFractions) {
  EXPECT_EQ(*ParseInstant("1970-01-01T00:00:01.5Z"), 1'500'000);
  EXPECT_EQ(*ParseInstant("1970-01-01T00:00:01.000001Z"), 1'000'001);
  EXPECT_EQ(*ParseInstant("1970-01-01T00:00:01.123456789Z"), 1'123'456);  // nanoseconds truncated
}

// A clerk in Vietnam who says "known at 31 January" means the end of her
// day: 23:59:59.999999+07:00, 16:59:59.999999Z.
TEST(ParseInstant, ABareDateMeansTheLastMicrosecondOfThatDayInVietnam) {
  EXPECT_EQ(*ParseInstant("2026-01-31"), *ParseInstant("2026-01-31T23:59:59.999999+07:00"));
  EXPECT_EQ(*ParseInstant("2026-01-31"), 1'769'878'799 * kSecond + 999'999);
  EXPECT_EQ(*ParseInstant("1970-01-01"), (86'400 - 7 * 3600) * kSecond - 1);
  EXPECT_EQ(*ParseInstant("2026-01-31"), EndOfDayInVietnam(D("2026-01-31")));
  EXPECT_EQ(EndOfDayInVietnam(D("2026-01-31")), EndOfDay(D("2026-01-31")) - 7 * 3600 * kSecond);
  // Either form of a date.
  EXPECT_EQ(*ParseInstant("31/01/2026"), *ParseInstant("2026-01-31"));
  EXPECT_EQ(*ParseInstant("1/7/2025"), *ParseInstant("2025-07-01"));
  // The calendar's ends stay inside it.
  EXPECT_TRUE(InstantInRange(*ParseInstant("0001-01-01")));
  EXPECT_TRUE(InstantInRange(*ParseInstant("9999-12-31")));
}

TEST(ParseInstant, RefusesBadInstantsShowingTheExpectedForm) {
  const std::string expected =
      " (expected RFC 3339 such as 2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of "
      "that day in Vietnam)";
  auto error = [](std::string_view text) {
    Result<Timestamp> t = ParseInstant(text);
    EXPECT_FALSE(t.ok()) << text;
    return t.ok() ? std::string() : t.status().message();
  };
  EXPECT_EQ(error("2026-01-31T23:59:59"), "not an instant: \"2026-01-31T23:59:59\"" + expected);  // no zone at all
  EXPECT_EQ(error("2026-01-31T23:59:59.5"), "missing or bad time zone in \"2026-01-31T23:59:59.5\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59:59+0700"), "missing or bad time zone in \"2026-01-31T23:59:59+0700\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59:59+24:00"), "missing or bad time zone in \"2026-01-31T23:59:59+24:00\"" + expected);
  EXPECT_EQ(error("2026-01-31T24:00:00Z"), "impossible time of day: \"2026-01-31T24:00:00Z\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:60:00Z"), "impossible time of day: \"2026-01-31T23:60:00Z\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59:60Z"), "impossible time of day: \"2026-01-31T23:59:60Z\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59:59.Z"), "bad fraction of a second: \"2026-01-31T23:59:59.Z\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59:59.1234567890Z"),
            "bad fraction of a second: \"2026-01-31T23:59:59.1234567890Z\"" + expected);
  EXPECT_EQ(error("2026-01-31 23:59:59Z"), "not an instant: \"2026-01-31 23:59:59Z\"" + expected);
  EXPECT_EQ(error("2026-02-30T00:00:00Z"), "not an instant: \"2026-02-30T00:00:00Z\"" + expected);
  EXPECT_EQ(error("2026-01-31T23:59Z"), "not an instant: \"2026-01-31T23:59Z\"" + expected);
  EXPECT_EQ(error("yesterday"), "not an instant: \"yesterday\"" + expected);
  // A bare date says what is wrong with the date.
  EXPECT_EQ(error("2025-02-30"), "impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(error("30/02/2025"), "impossible date: \"30/02/2025\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(error("1/2/25"), "not a date: \"1/2/25\" (expected YYYY-MM-DD or dd/mm/yyyy)");
}

TEST(FormatInstant, WritesSixFractionalDigitsAndZ) {
  EXPECT_EQ(FormatInstant(0), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatInstant(1'769'903'999 * kSecond + 42), "2026-01-31T23:59:59.000042Z");
  EXPECT_EQ(FormatInstant(-1), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatInstant(-86'400 * kSecond), "1969-12-31T00:00:00.000000Z");
}

TEST(FormatInstant, RoundTripsThroughParseInstant) {
  for (Timestamp t : {Timestamp{0}, Timestamp{1}, Timestamp{-1}, 1'769'903'999 * kSecond + 123'456}) {
    EXPECT_EQ(*ParseInstant(FormatInstant(t)), t) << t;
  }
}

// The batches table's exact instant: Vietnam's wall clock with its offset,
// read back by --known-at to the microsecond.
TEST(FormatInstantInVietnam, WritesTheWallClockWithItsOffsetAndRoundTrips) {
  EXPECT_EQ(FormatInstantInVietnam(*ParseInstant("2026-12-06T23:30:00.000042Z")), "2026-12-07T06:30:00.000042+07:00");
  EXPECT_EQ(FormatInstantInVietnam(0), "1970-01-01T07:00:00.000000+07:00");
  for (Timestamp t : {Timestamp{0}, Timestamp{1}, 1'769'903'999 * kSecond + 123'456}) {
    EXPECT_EQ(*ParseInstant(FormatInstantInVietnam(t)), t) << t;
  }
}

TEST(InVietnam, IsTheWallClockAtUtcPlusSeven) {
  // 23:30 UTC on 6 December is 06:30 on 7 December in Vietnam.
  CivilTime t = InVietnam(*ParseInstant("2026-12-06T23:30:00.25Z"));
  EXPECT_EQ(t.date.ToString(), "2026-12-07");
  EXPECT_EQ(t.hour, 6);
  EXPECT_EQ(t.minute, 30);
  EXPECT_EQ(t.second, 0);
  EXPECT_EQ(t.micros, 250'000);
  EXPECT_EQ(VietnamDateOf(*ParseInstant("2026-12-06T23:30:00Z")).ToString(), "2026-12-07");
  EXPECT_EQ(VietnamDateOf(*ParseInstant("2026-12-06T16:59:59.999999Z")).ToString(), "2026-12-06");
  EXPECT_EQ(VietnamDateOf(*ParseInstant("2026-12-06T17:00:00Z")).ToString(), "2026-12-07");
  // Every 64-bit instant: saturated, not overflowed (the sanitizer run checks).
  EXPECT_EQ(InVietnam(INT64_MAX).date, DateOf(INT64_MAX));
  EXPECT_EQ(InVietnam(INT64_MIN).date, DateOf(INT64_MIN + 7 * 3600 * kSecond));
}

Timestamp FixedClock() { return 1'769'878'800 * kSecond; }  // 2026-02-01T00:00:00+07:00

TEST(Now, FollowsTheTestClockUntilReset) {
  SetClockForTesting(&FixedClock);
  EXPECT_EQ(Now(), 1'769'878'800 * kSecond);
  SetClockForTesting(nullptr);
  EXPECT_GT(Now(), 1'769'878'800 * kSecond);
}

TEST(DateOf, IsTheUtcDayOfAnInstant) {
  EXPECT_EQ(DateOf(0).ToString(), "1970-01-01");
  EXPECT_EQ(DateOf(-1).ToString(), "1969-12-31");
  EXPECT_EQ(DateOf(EndOfDay(D("2026-01-31"))).ToString(), "2026-01-31");
  EXPECT_EQ(DateOf(EndOfDay(D("2026-01-31")) + 1).ToString(), "2026-02-01");
}

// Any stored recorded_at reaches these (a damaged event): no overflow for
// the extremes (the sanitizer run checks), the day rounded down.
TEST(DateOf, IsDefinedForEverySixtyFourBitInstant) {
  EXPECT_EQ(DateOf(INT64_MIN).days(), -106'751'992);
  EXPECT_EQ(DateOf(INT64_MAX).days(), 106'751'991);
  // The time of day is exact; the year is out of the calendar's range.
  auto time_of_day = [](const std::string& s) { return s.substr(s.rfind('T')); };
  EXPECT_EQ(time_of_day(FormatInstant(INT64_MIN)), "T19:59:05.224192Z");
  EXPECT_EQ(time_of_day(FormatInstant(INT64_MAX)), "T04:00:54.775807Z");
}

TEST(InstantInRange, IsYearsOneToNineThousandNineHundredNinetyNineUtc) {
  const Timestamp first = *ParseInstant("0001-01-01T00:00:00Z"), last = *ParseInstant("9999-12-31T23:59:59.999999Z");
  EXPECT_TRUE(InstantInRange(first));
  EXPECT_TRUE(InstantInRange(last));
  EXPECT_FALSE(InstantInRange(first - 1));
  EXPECT_FALSE(InstantInRange(last + 1));
  EXPECT_FALSE(InstantInRange(INT64_MIN));
  EXPECT_FALSE(InstantInRange(INT64_MAX));
  EXPECT_EQ(FormatInstant(first), "0001-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatInstant(last), "9999-12-31T23:59:59.999999Z");
}

// Found by tests/fuzz (fuzz_date): an offset carried the first or last day
// past the calendar, and FormatInstant then wrote what ParseInstant refuses.
TEST(ParseInstant, RefusesInstantsOutsideTheCalendarInUtc) {
  const std::string expected =
      " (expected RFC 3339 such as 2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of "
      "that day in Vietnam)";
  EXPECT_EQ(ParseInstant("0001-01-01T00:30:00+01:00").status().ToString(),
            "invalid input: instant outside years 0001-9999 UTC: \"0001-01-01T00:30:00+01:00\"" + expected);
  EXPECT_EQ(ParseInstant("9999-12-31T23:30:00-01:00").status().ToString(),
            "invalid input: instant outside years 0001-9999 UTC: \"9999-12-31T23:30:00-01:00\"" + expected);
  EXPECT_EQ(*ParseInstant("0001-01-01T01:00:00+01:00"), *ParseInstant("0001-01-01T00:00:00Z"));
}

}  // namespace
}  // namespace tledger
