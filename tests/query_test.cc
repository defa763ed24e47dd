// The strict query-string parser of `tledger serve` (tools/server/query.h):
// what it accepts, decoded, and the exact refusal of each malformed query.
#include "tools/server/query.h"

#include <gtest/gtest.h>

namespace tledger::server {
namespace {

constexpr ParamSpec kSpecs[] = {{"as_of", ParamKind::kDate},
                                {"known_at", ParamKind::kInstant},
                                {"id", ParamKind::kId, true},
                                {"rule", ParamKind::kRule},
                                {"lang", ParamKind::kLang},
                                {"tail", ParamKind::kCount, false, 1000},
                                {"restate_units", ParamKind::kBool}};

std::string Refusal(std::string_view query) {
  ParsedQuery q = ParseQuery(query, kSpecs);
  if (!q.error) return "accepted";
  return std::to_string(q.error->status) + " " + q.error->en;
}

TEST(ParseQuery, DecodesAndChecksEveryKind) {
  ParsedQuery q = ParseQuery(
      "id=H%E1%BB%93+Th%E1%BB%8B+Th%E1%BB%A7y&as_of=2025-12-31&known_at=2026-02-01T06%3A59%3A59%2B07%3A00&rule=not_in_plan&"
      "lang=en&tail=1000&restate_units=false",
      kSpecs);
  ASSERT_FALSE(q.error) << q.error->en;
  EXPECT_EQ(q.Get("id"), "Hồ Thị Thủy");
  EXPECT_EQ(q.Get("known_at"), "2026-02-01T06:59:59+07:00");
  EXPECT_EQ(q.Get("rule"), "not_in_plan");
  EXPECT_EQ(q.Get("tail"), "1000");
  EXPECT_EQ(q.Get("plan"), "");
  EXPECT_FALSE(q.Has("plan"));
  EXPECT_EQ(q.params.size(), 7u);
}

TEST(ParseQuery, RefusesWhatIsNotExactlyRight) {
  EXPECT_EQ(Refusal("id=P1"), "accepted");
  EXPECT_EQ(Refusal(""), "400 Parameter id is missing (expected an id of 1 to 128 characters, without control characters or leading or trailing spaces)");
  EXPECT_EQ(Refusal("id=P1&"), "400 The query string is malformed at byte 6 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("&id=P1"), "400 The query string is malformed at byte 0 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id"), "400 The query string is malformed at byte 0 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("=P1"), "400 The query string is malformed at byte 0 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id=P%4"), "400 The query string is malformed at byte 4 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id=P%zz"), "400 The query string is malformed at byte 4 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id=P 1"), "400 The query string is malformed at byte 4 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id=P\xc3\xa9"), "400 The query string is malformed at byte 4 (expected name=value pairs joined by &, URL-encoded)");
  EXPECT_EQ(Refusal("id=P1&id=P2"), "400 Parameter id is given more than once (once at most)");
  EXPECT_EQ(Refusal("id=P1&ID=P2"), "400 Parameter \"ID\" is not accepted here (accepted: as_of, known_at, id, rule, lang, tail, restate_units)");
  EXPECT_EQ(Refusal("id=%20P1"), "400 Parameter id: \" P1\" is not valid (expected an id of 1 to 128 characters, without control characters or leading or trailing spaces)");
  EXPECT_EQ(Refusal("id=%FF"), "400 Parameter id: \"\\xff\" is not valid (expected an id of 1 to 128 characters, without control characters or leading or trailing spaces)");
  EXPECT_EQ(Refusal("id=" + std::string(129, 'x')),
            "400 Parameter id: \"" + std::string(60, 'x') +
                "...\" is not valid (expected an id of 1 to 128 characters, without control characters or leading or "
                "trailing spaces)");
  EXPECT_EQ(Refusal("id=" + std::string(128, 'x')), "accepted");
  EXPECT_EQ(Refusal("id=P1&tail=0"), "400 Parameter tail: \"0\" is not valid (expected a whole number from 1 to 1000)");
  EXPECT_EQ(Refusal("id=P1&tail=-1"), "400 Parameter tail: \"-1\" is not valid (expected a whole number from 1 to 1000)");
  EXPECT_EQ(Refusal("id=P1&tail=99999999999999999999"), "400 Parameter tail: \"99999999999999999999\" is not valid (expected a whole number from 1 to 1000)");
  EXPECT_EQ(Refusal("id=P1&lang=fr"), "400 Parameter lang: \"fr\" is not valid (expected vi or en)");
  EXPECT_EQ(Refusal("id=P1&rule=NOPE"),
            "400 Parameter rule: \"NOPE\" is not valid (expected a rule name (AGE_LIMIT, BUDGET_EXCEEDED, "
            "DATE_INCONSISTENT, DROPPED_OUT, DUPLICATE_FUNDING, FAILED, FUNDING_WITHOUT_ENROLLMENT, MISSING_REFERENCE, "
            "NOT_IN_PLAN, NOT_PRIORITY_FIELD, OUTSIDE_PHASE, OVERDUE, QUOTA_EXCEEDED, SERVICE_BREACH, UNIT_DISSOLVED))");
  EXPECT_EQ(Refusal("id=P1&as_of=2025-12-32"), "400 Parameter as_of: \"2025-12-32\" is not valid (expected a date, YYYY-MM-DD or dd/mm/yyyy)");
  EXPECT_EQ(Refusal("id=P1&restate_units=1"), "400 Parameter restate_units: \"1\" is not valid (expected true or false)");
  EXPECT_EQ(Refusal("id=P1&x=" + std::string(2100, 'y')), "414 The query string is too long (at most 2048 bytes)");
}

TEST(ParseQuery, AnEndpointWithoutParametersTakesNone) {
  EXPECT_FALSE(ParseQuery("", {}).error);
  ParsedQuery q = ParseQuery("a=b", {});
  ASSERT_TRUE(q.error);
  EXPECT_EQ(q.error->vi, "Tham số \"a\" không được hỗ trợ ở đây (các tham số nhận được: không có)");
}

}  // namespace
}  // namespace tledger::server
