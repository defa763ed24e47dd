// Hostile input, table by table, through the real import path
// (tools/cli/importer, as `tledger import` calls it): every malformed file
// is refused with exactly the `FILE:LINE: field: reason` line(s) of
// shared/spec/cli.md and leaves the ledger as it was (same head); the few
// awkward-but-valid files (CRLF, no final newline, blank lines, a BOM) are
// accepted. Then `--known-at` values through the CLI binary. What each case
// proves is in tests/fuzz/README.md.
#include <cstdlib>

#include <gtest/gtest.h>

#include "core/json_codec.h"
#include "tests/test_util.h"
#include "tools/cli/importer.h"
#include "tools/cli/line_reader.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::OpenStore;
using testing::TempDir;
using testing::WriteFile;

struct Hostile {
  std::string name;
  std::string file;      // its name in the temporary directory: .jsonl or .csv
  std::string content;
  std::string csv_type;  // import's --type
  // The whole refusal, "FILE" standing for the file's path; empty when the
  // file must be accepted.
  std::string error;
  uint64_t appended = 0;  // when accepted
};

void PrintTo(const Hostile& h, std::ostream* os) { *os << h.name; }

const std::string kRefused = "\nFILE: refused; nothing of this file was imported";

std::string Transfer(const std::string& id) {
  return R"({"type":"person_transferred","id":")" + id + R"(","effective":"2025-08-01","person":"HG-000123","unit":"HG"})";
}
// A person_transferred line whose `person` value is the raw JSON `value`.
std::string PersonValue(const std::string& value) {
  return R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","person":)" + value + R"(,"unit":"HG"})";
}
std::string Effective(const std::string& date) {
  return R"({"type":"person_transferred","id":"h2","effective":")" + date + R"(","person":"HG-000123","unit":"HG"})";
}
// A funding decision whose amount_vnd is the raw JSON `amount`.
std::string Amount(const std::string& amount) {
  return R"({"type":"funding_decided","id":"h2","effective":"2025-08-01","decision":"QĐ 601","plan":"HG-2025","enrollment":"HG-E-0001","amount_vnd":)" +
         amount + R"(,"funding":"state_budget"})";
}
std::string Registration(const std::string& leader, const std::string& extra = "") {
  return R"({"type":"person_registered","id":"h2","effective":"2025-08-01","person":"HG-000124","name":"Lê Thị Mai","category":"cadre","unit":"HG","position":"Phó Chủ tịch","leader":)" +
         leader + extra + "}";
}
std::string Quota(const std::string& quota) {
  return R"({"type":"plan_issued","id":"h2","effective":"2025-08-01","plan":"P2","title":"T","issuer":"HG","year":2025,"budget_vnd":1,"quotas":[)" +
         quota + R"(],"priority_fields":[],"phases":[]})";
}

// One bad line between two good ones: refused at line 2.
Hostile Line(std::string name, std::string bad, std::string error) {
  return Hostile{std::move(name), "bad.jsonl", Transfer("h1") + "\n" + bad + "\n" + Transfer("h3") + "\n", "",
                 "FILE:2: " + error + kRefused};
}
Hostile Jsonl(std::string name, std::string content, std::string error) {
  return Hostile{std::move(name), "bad.jsonl", std::move(content), "", std::move(error)};
}
Hostile Csv(std::string name, std::string content, std::string type, std::string error) {
  return Hostile{std::move(name), "bad.csv", std::move(content), std::move(type), std::move(error)};
}
Hostile Accepted(std::string name, std::string file, std::string content, uint64_t appended) {
  return Hostile{std::move(name), std::move(file), std::move(content), "", "", appended};
}

// `s` with its first `from` replaced by `to`; aborts when there is none.
std::string Replaced(std::string s, std::string_view from, std::string_view to) {
  size_t at = s.find(from);
  if (at == std::string::npos) std::abort();
  return s.replace(at, from.size(), to);
}

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A merge of `n` units U0, U1, ... into HG.
std::string Merge(int n) {
  std::string from;
  for (int i = 0; i < n; ++i) from += (i > 0 ? ",\"U" : "\"U") + std::to_string(i) + "\"";
  return R"({"type":"unit_reorganized","id":"h2","effective":"2025-08-01","kind":"merge","from":[)" + from +
         R"(],"to":"HG"})";
}
// `n` copies of `item`, comma-separated.
std::string Repeated(int n, const std::string& item) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i > 0 ? "," : "") + item;
  return out;
}
const char kPhd[] = R"({"program":"phd","funding_class":"public","location":"domestic","count":1})";
// The CSV row of a merge of `n` units (import --type unit_reorganized).
std::string CsvMerge(int n) {
  std::string from;
  for (int i = 0; i < n; ++i) from += (i > 0 ? ";U" : "U") + std::to_string(i);
  return "id,effective,kind,from,to\nh1,2025-08-01,merge," + from + ",HG\n";
}
const char kIdLetters[] = ": its letters are ASCII or Vietnamese, so that no id can pass for another";
const char kOutsideAscii[] = " is not allowed in an id: outside ASCII, only Vietnamese letters are";

const char kTypes[] = "(expected one of: " TLEDGER_TEST_EVENT_TYPES ")";
const char kNotUtf8[] = "json: not valid JSON (The input is not valid UTF-8)";
const char kUnescaped[] =
    "json: not valid JSON (Within strings, some characters must be escaped, we found unescaped characters)";
const char kStructure[] =
    "json: not valid JSON (The JSON document has an improper structure: missing or superfluous commas, braces, missing "
    "keys, etc.)";
const char kTooDeep[] = "json: not valid JSON (The JSON document was too deep (too many nested objects and arrays))";
const char kNotADate[] = " (expected YYYY-MM-DD)";
const char kCsvHeader[] = "id,effective,person,unit\n";

std::vector<Hostile> Cases() {
  const std::string big_id(10 << 20, 'x');
  const std::string csv_big_id = std::string(kCsvHeader) + big_id + ",2025-08-01,HG-000123,HG\n";
  std::vector<Hostile> c = {
      // ---------------------------------------------------------- lines
      Line("OverlongLine", PersonValue("\"" + std::string(kMaxLineBytes, 'p') + "\""),
           "json: line of " + std::to_string(PersonValue("\"" + std::string(kMaxLineBytes, 'p') + "\"").size()) +
               " bytes is too long (at most 1048576)"),
      // Longer than the reader's block: the line's end is never seen.
      Line("IdOf10MiB", R"({"type":"person_transferred","id":")" + big_id + R"(","effective":"2025-08-01"})",
           "json: line is too long (at most 1048576 bytes)"),
      Line("IdOf129Characters", R"({"type":"person_transferred","id":")" + std::string(129, 'i') +
                                    R"(","effective":"2025-08-01","person":"HG-000123","unit":"HG"})",
           "id: id of 129 characters is too long (at most 128)"),
      Line("NameOf1001Characters", R"({"type":"person_left_service","id":"h2","effective":"2025-08-01","person":"HG-000123","reason":")" +
                                       std::string(1001, 'r') + "\"}",
           "reason: text of 1001 characters is too long (at most 1000)"),
      Jsonl("TruncatedLastLineWithoutNewline", Transfer("h1") + "\n" + Transfer("h2").substr(0, 40),
            "FILE:2: json: not valid JSON (A string is opened, but never closed.)" + kRefused),
      Jsonl("LoneCarriageReturnsAreNoLineEnds", Transfer("h1") + "\r" + Transfer("h2") + "\r",
            std::string("FILE:1: ") + kStructure + kRefused),
      Line("TwoObjectsOnOneLine", Transfer("h2") + Transfer("h4"), kStructure),
      Line("TrailingComma", Replaced(Transfer("h2"), R"("HG"})", R"("HG",})"), kStructure),
      Jsonl("ByteOrderMarkOnALaterLine", Transfer("h1") + "\n\xEF\xBB\xBF" + Transfer("h2") + "\n",
            "FILE:2: json: not valid JSON (The JSON document has an improper structure: missing or superfluous "
            "commas, braces, missing keys, etc.)" + kRefused),
      // ---------------------------------------------------------- bytes
      Line("InvalidUtf8InAValue", PersonValue("\"HG-\xC3\x28\""), kNotUtf8),
      Line("InvalidUtf8InAKey", "{\"type\":\"person_transferred\",\"id\":\"h2\",\"effective\":\"2025-08-01\",\"pers\xFFon\":\"HG-000123\",\"unit\":\"HG\"}",
           kNotUtf8),
      Line("OverlongUtf8Encoding", PersonValue("\"\xC0\xAF\""), kNotUtf8),
      Line("Utf8EncodedSurrogate", PersonValue("\"\xED\xA0\x80\""), kNotUtf8),
      Line("EscapedLoneSurrogate", PersonValue(R"("\ud800")"),
           "json: not valid JSON (Problem while parsing a string)"),
      Line("RawNulInAString", PersonValue(std::string("\"HG-\0-1\"", 8)), kUnescaped),
      Line("RawNulBetweenTokens", std::string("{\"type\":\0\"person_transferred\"}", 30), kStructure),
      Line("EscapedNulInAValue", PersonValue(R"("HG-\u0000")"),
           "person: control character U+0000 is not allowed in text"),
      Line("EscapedNulInAKey", R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","per\u0000son":"HG-000123","unit":"HG"})",
           "per\\x00son: unknown field (expected person, unit)"),
      Line("TabInAName", Replaced(Registration("false"), "Lê Thị Mai", "Lê\\tThị Mai"),
           "name: control character U+0009 is not allowed in text"),
      // ---------------------------------------------------------- nesting
      Line("NestedTenThousandDeepInAValue", PersonValue(Nested(10'000)), kTooDeep),
      Line("NestedTenThousandDeepAlone", Nested(10'000), kTooDeep),
      Line("ReplacementsNestedFiveDeep",
           R"({"type":"correction","id":"h2","effective":"2025-08-01","target":"s-k1","action":"replace","reason":"r","replacement":)"
           R"({"type":"correction","effective":"2025-08-01","target":"a","action":"replace","reason":"r","replacement":)"
           R"({"type":"correction","effective":"2025-08-01","target":"a","action":"replace","reason":"r","replacement":)"
           R"({"type":"correction","effective":"2025-08-01","target":"a","action":"replace","reason":"r","replacement":)"
           R"({"type":"correction","effective":"2025-08-01","target":"a","action":"replace","reason":"r","replacement":)"
           R"({"type":"person_left_service","effective":"2025-08-01","person":"P","reason":"r"}}}}}})",
           "replacement.replacement.replacement.replacement.replacement: replacements nested more than 4 deep"),
      // ---------------------------------------------------------- numbers
      Line("AmountTwoToThe63", Amount("9223372036854775808"),
           "amount_vnd: number is too large (at most 1000000000000000)"),
      // Money is bounded (README.md, "Import"): a sum of amounts must not wrap.
      Line("AmountInt64Max", Amount("9223372036854775807"), "amount_vnd: number is too large (at most 1000000000000000)"),
      Line("AmountJustAboveTheBound", Amount("1000000000000001"),
           "amount_vnd: number is too large (at most 1000000000000000)"),
      Line("BudgetAboveTheBound", Replaced(Quota(kPhd), R"("budget_vnd":1)", R"("budget_vnd":1000000000000001)"),
           "budget_vnd: number is too large (at most 1000000000000000)"),
      Line("AmendedBudgetInt64Max",
           R"({"type":"plan_amended","id":"h2","effective":"2025-08-01","plan":"HG-2025","budget_vnd":9223372036854775807})",
           "budget_vnd: number is too large (at most 1000000000000000)"),
      Line("ReimbursementAboveTheBound",
           R"({"type":"reimbursement_recorded","id":"h2","effective":"2025-08-01","person":"HG-000123","enrollment":"HG-E-0001","amount_vnd":4611686018427387904})",
           "amount_vnd: number is too large (at most 1000000000000000)"),
      // simdjson refuses an integer beyond 64 bits before the codec sees it.
      Line("AmountTwoToThe64", Amount("18446744073709551616"), "json: not valid JSON (Problem while parsing a number)"),
      Line("AmountNegative", Amount("-1"), "amount_vnd: must not be negative (got -1)"),
      Line("AmountMinusZeroPointZero", Amount("-0.0"), "amount_vnd: expected a whole number, got a fractional number"),
      Line("AmountFraction", Amount("1.5"), "amount_vnd: expected a whole number, got a fractional number"),
      Line("AmountWholeFloat", Amount("95000000.0"), "amount_vnd: expected a whole number, got a fractional number"),
      Line("AmountExponent", Amount("1e9"), "amount_vnd: expected a whole number, got a fractional number"),
      Line("AmountAsString", Amount("\"95000000\""), "amount_vnd: expected a whole number, got a string"),
      Line("YearAbove65535", Replaced(Quota(R"({"program":"phd","funding_class":"public","location":"domestic","count":1})"),
                                          R"("year":2025)", R"("year":65536)"),
           "year: number is too large (at most 65535)"),
      Line("NegativeCountInAQuota", Quota(R"({"program":"phd","funding_class":"public","location":"domestic","count":-3})"),
           "quotas[0].count: must not be negative (got -3)"),
      // ---------------------------------------------------------- dates
      Line("YearZero", Effective("0000-07-01"),
           "effective: year 0000 does not exist: \"0000-07-01\" (expected YYYY-MM-DD, year 0001-9999)"),
      Line("Year10000", Effective("10000-01-01"), "effective: not a date: \"10000-01-01\"" + std::string(kNotADate)),
      Line("February30", Effective("2025-02-30"),
           "effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"),
      Line("February29OfACommonYear", Effective("2025-02-29"),
           "effective: impossible date: \"2025-02-29\" (expected a real day, YYYY-MM-DD)"),
      Line("Month13", Effective("2025-13-01"),
           "effective: impossible date: \"2025-13-01\" (expected a real day, YYYY-MM-DD)"),
      Line("DateWithATime", Effective("2025-08-01T00:00:00Z"),
           "effective: not a date: \"2025-08-01T00:00:00Z\"" + std::string(kNotADate)),
      Line("DateWithoutLeadingZeros", Effective("2025-8-1"), "effective: not a date: \"2025-8-1\"" + std::string(kNotADate)),
      Line("DateAsANumber", R"({"type":"person_transferred","id":"h2","effective":20250801,"person":"HG-000123","unit":"HG"})",
           "effective: expected a string, got a whole number"),
      // ---------------------------------------------------------- keys
      Line("DuplicateEnvelopeKey", R"({"type":"person_transferred","id":"h2","id":"h9","effective":"2025-08-01","person":"HG-000123","unit":"HG"})",
           "id: duplicate key"),
      Line("DuplicateBodyKey", R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","person":"HG-000123","unit":"HG","unit":"CT"})",
           "unit: duplicate key"),
      Line("DuplicateKeyInAQuota",
           Quota(R"({"program":"phd","funding_class":"public","location":"domestic","count":1,"count":2})"),
           "quotas[0].count: duplicate key"),
      Line("DuplicateLedgerKey", R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","person":"HG-000123","unit":"HG","seq":1,"seq":2})",
           "seq: duplicate key"),
      Line("UnknownField", Replaced(Transfer("h2"), R"("HG"})", R"("HG","unti":"CT"})"),
           "unti: unknown field (expected person, unit)"),
      Line("UnknownFieldInAQuota", Quota(R"({"program":"phd","funding_class":"public","location":"domestic","cnt":1})"),
           "quotas[0].cnt: unknown field (expected program, funding_class, location, count)"),
      Line("IdInAReplacement",
           R"({"type":"correction","id":"h2","effective":"2025-08-01","target":"s-k1","action":"replace","reason":"r","replacement":{"type":"completion_recorded","id":"x","effective":"2027-04-02","enrollment":"HG-E-0001","result":"passed"}})",
           "replacement.id: not allowed in a replacement: it keeps its target's"),
      Line("EmptyKey", Replaced(Transfer("h2"), R"("HG"})", R"("HG","":"CT"})"),
           "\"\": unknown field (expected person, unit)"),
      Line("AnOverlongUnknownKeyIsShortened",
           Replaced(Transfer("h2"), R"("HG"})", "\"HG\",\"" + std::string(200, 'k') + "\":1}"),
           std::string(60, 'k') + "...: unknown field (expected person, unit)"),
      // ---------------------------------------------------------- types
      Line("BoolAsString", Registration("\"có\""), "leader: expected true or false, got a string"),
      Line("BoolAsNumber", Registration("1"), "leader: expected true or false, got a whole number"),
      Line("IdAsNumber", R"({"type":"person_transferred","id":7,"effective":"2025-08-01","person":"HG-000123","unit":"HG"})",
           "id: expected a string, got a whole number"),
      Line("TypeAsNumber", R"({"type":3,"id":"h2","effective":"2025-08-01"})", "type: expected a string, got a whole number"),
      Line("ListAsString", R"({"type":"unit_reorganized","id":"h2","effective":"2025-08-01","kind":"merge","from":"HG","to":"CT"})",
           "from: expected a list of strings, got a string"),
      Line("QuotasAsObject", Replaced(Quota(""), R"("quotas":[])", R"("quotas":{})"),
           "quotas: expected a list of objects, got an object"),
      Line("ArrayForAnEvent", R"([{"type":"person_transferred"}])", "json: expected one JSON object per line, got an array"),
      Line("StringForAnEvent", R"("person_transferred")", "json: expected one JSON object per line, got a string"),
      Line("EmptyObject", "{}", "type: required field is missing"),
      // ---------------------------------------------------------- values
      Line("UnknownEventType", R"({"type":"person_promoted","id":"h2","effective":"2025-08-01"})",
           "type: unknown event type \"person_promoted\" " + std::string(kTypes)),
      Line("EventTypeInCapitals", R"({"type":"Person_Transferred","id":"h2","effective":"2025-08-01"})",
           "type: unknown event type \"Person_Transferred\" " + std::string(kTypes)),
      Line("UnknownEnumValue", R"({"type":"unit_registered","id":"h2","effective":"2025-08-01","unit":"W","name":"Phường 1","level":"ward","parent":"HG"})",
           "level: unknown value \"ward\" (expected one of: central, province, district, commune)"),
      Line("FieldCodeInCapitals", Replaced(Quota(""), R"("priority_fields":[])", R"("priority_fields":["Finance"])"),
           "priority_fields[0]: field code \"Finance\" is not lowercase letters, digits and _ starting with a letter (e.g. "
           "information_technology)"),
      Line("EmptyId", R"({"type":"person_transferred","id":"","effective":"2025-08-01","person":"HG-000123","unit":"HG"})",
           "id: an id must not be empty"),
      Line("IdWithATrailingSpace", PersonValue("\"HG-000123 \""), "person: id \"HG-000123 \" has leading or trailing spaces"),
      // ---------------------------------------------------------- look-alike ids (SECURITY.md)
      Line("IdWithAC1Control", PersonValue(R"("HG-\u009b000123")"), "person: control character U+009B is not allowed in text"),
      Line("IdWithARightToLeftOverride", PersonValue(R"("HG-\u202e321000")"),
           "person: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in text"),
      Line("IdWithAZeroWidthSpace", PersonValue(R"("HG-000123\u200b")"),
           "person: invisible character U+200B (ZERO WIDTH SPACE) is not allowed in an id"),
      Line("IdWithALineSeparator", PersonValue(R"("HG-\u2028000123")"),
           "person: line separator U+2028 (LINE SEPARATOR) is not allowed in text"),
      Line("PlanIdWithACyrillicEs", Replaced(Amount("1"), R"("plan":"HG-2025")", "\"plan\":\"\u0421T-2025\""),
           "plan: Cyrillic letter U+0421 (CYRILLIC CAPITAL LETTER ES) is not allowed in an id" + std::string(kIdLetters)),
      Line("PlanIdAllInCyrillic", Replaced(Amount("1"), R"("plan":"HG-2025")", "\"plan\":\"\u0421\u0422-2025\""),
           "plan: Cyrillic letter U+0421 (CYRILLIC CAPITAL LETTER ES) is not allowed in an id" + std::string(kIdLetters)),
      Line("UnitIdInDecomposedForm", Replaced(Transfer("h2"), R"("unit":"HG")", "\"unit\":\"Ha\u0323\u0302u Giang\""),
           "unit: combining mark U+0323 (COMBINING DOT BELOW) is not allowed in an id: the id is not in composed form "
           "(NFC); write each letter precomposed, as Vietnamese keyboards set to Unicode dựng sẵn do"),
      Line("EventIdWithAZeroWidthSpace", Transfer("h\u200b2"),
           "id: invisible character U+200B (ZERO WIDTH SPACE) is not allowed in an id"),
      Line("TargetWithARightToLeftMark",
           R"({"type":"correction","id":"h2","effective":"2025-08-01","target":"s-k1\u200f","action":"retract","reason":"r"})",
           "target: bidirectional control U+200F (RIGHT-TO-LEFT MARK) is not allowed in text"),
      Line("IdWithANoBreakSpace", PersonValue(R"("HG\u00a0000123")"),
           "person: space character U+00A0 (NO-BREAK SPACE) is not allowed in an id: its only space is U+0020"),
      Line("IdWithAWordJoiner", PersonValue(R"("HG-\u2060000123")"),
           "person: invisible character U+2060 (WORD JOINER) is not allowed in an id"),
      Line("IdWithAByteOrderMark", PersonValue(R"("\ufeffHG-000123")"),
           "person: invisible character U+FEFF (ZERO WIDTH NO-BREAK SPACE) is not allowed in an id"),
      Line("IdWithAHangulFiller", PersonValue(R"("HG-000123\u3164")"),
           "person: invisible character U+3164 (HANGUL FILLER) is not allowed in an id"),
      Line("IdWithAGreekOmicron", PersonValue(R"("HG-\u039f00123")"),
           "person: Greek letter U+039F (GREEK CAPITAL LETTER OMICRON) is not allowed in an id" + std::string(kIdLetters)),
      Line("IdWithAFullwidthLetter", PersonValue(R"("\uff28G-000123")"),
           "person: Latin letter U+FF28 (FULLWIDTH LATIN CAPITAL LETTER H)" + std::string(kOutsideAscii)),
      Line("IdWithALatinLetterNotVietnamese", PersonValue(R"("HG-\u0261")"),
           "person: Latin letter U+0261 (LATIN SMALL LETTER SCRIPT G)" + std::string(kOutsideAscii)),
      Line("IdWithAnEnDash", PersonValue(R"("HG\u2013000123")"),
           "person: character U+2013 (EN DASH)" + std::string(kOutsideAscii)),
      Line("IdWithAPrivateUseCharacter", PersonValue(R"("HG-\ue000")"),
           "person: unassigned or private-use code point U+E000 is not allowed in an id"),
      // Free text refuses what a terminal obeys, not what it merely shows.
      Line("NameWithARightToLeftOverride", Replaced(Registration("false"), "Lê Thị Mai", "Lê\\u202eThị Mai"),
           "name: bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in text"),
      Line("NameWithAC1Control", Replaced(Registration("false"), "Lê Thị Mai", "Lê\\u0085Thị Mai"),
           "name: control character U+0085 is not allowed in text"),
      Line("ReasonWithAParagraphSeparator",
           R"({"type":"person_left_service","id":"h2","effective":"2025-08-01","person":"HG-000123","reason":"a\u2029b"})",
           "reason: paragraph separator U+2029 (PARAGRAPH SEPARATOR) is not allowed in text"),
      Line("SourceWithALeftToRightEmbedding",
           R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","source":"QĐ \u202a12","person":"HG-000123","unit":"HG"})",
           "source: bidirectional control U+202A (LEFT-TO-RIGHT EMBEDDING) is not allowed in text"),
      // ---------------------------------------------------------- lists (README.md, "Import")
      Line("FromOf100000Units", Merge(100'000), "from: a list of 100000 items is too long (at most 10000)"),
      Line("FromOf10001Units", Merge(10'001), "from: a list of 10001 items is too long (at most 10000)"),
      Line("QuotasOf101", Quota(Repeated(101, kPhd)), "quotas: a list of 101 items is too long (at most 100)"),
      Line("PriorityFieldsOf101", Replaced(Quota(kPhd), R"("priority_fields":[])", R"("priority_fields":[)" + Repeated(101, "\"finance\"") + "]"),
           "priority_fields: a list of 101 items is too long (at most 100)"),
      Line("PhasesOf21", Replaced(Quota(kPhd), R"("phases":[])", R"("phases":[)" + Repeated(21, R"({"fields":["finance"],"opens":"2025-03-01"})") + "]"),
           "phases: a list of 21 items is too long (at most 20)"),
      Line("PhaseFieldsOf101", Replaced(Quota(kPhd), R"("phases":[])", R"("phases":[{"fields":[)" + Repeated(101, "\"finance\"") + R"(],"opens":"2025-03-01"}])"),
           "phases[0].fields: a list of 101 items is too long (at most 100)"),
      Line("AmendedQuotasOf101",
           R"({"type":"plan_amended","id":"h2","effective":"2025-08-01","plan":"HG-2025","quotas":[)" + Repeated(101, kPhd) + "]}",
           "quotas: a list of 101 items is too long (at most 100)"),
      // ---------------------------------------------------------- missing, null
      Line("MissingType", R"({"id":"h2","effective":"2025-08-01","person":"HG-000123","unit":"HG"})", "type: required field is missing"),
      Line("MissingId", R"({"type":"person_transferred","effective":"2025-08-01","person":"HG-000123","unit":"HG"})",
           "id: required field is missing"),
      Line("MissingEffective", R"({"type":"person_transferred","id":"h2","person":"HG-000123","unit":"HG"})",
           "effective: required field is missing"),
      Line("MissingBodyField", R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","person":"HG-000123"})",
           "unit: required field is missing"),
      Line("NullForARequiredField", PersonValue("null"), "person: must not be null"),
      Line("NullForAnOptionalField", Registration("false", R"(,"birth_date":null)"),
           "birth_date: null is not allowed: leave the field out instead"),
      Line("NullForTheSource", R"({"type":"person_transferred","id":"h2","effective":"2025-08-01","source":null,"person":"HG-000123","unit":"HG"})",
           "source: expected a string, got null"),
      Line("DissolveWithATarget", R"({"type":"unit_reorganized","id":"h2","effective":"2025-08-01","kind":"dissolve","from":["HG"],"to":"CT"})",
           "to: must be null when kind is dissolve"),
      // ---------------------------------------------------------- CSV
      Csv("CsvUnbalancedQuote", std::string(kCsvHeader) + "h1,\"2025-08-01,HG-000123,HG\n", "person_transferred",
          "FILE:2: csv: quoted field in column B is never closed"),
      Csv("CsvQuoteInsideAnUnquotedField", std::string(kCsvHeader) + "h1,2025-08-01,HG\"000123,HG\n", "person_transferred",
          "FILE:2: csv: a quote inside an unquoted field in column C (quote the whole field and double the quote)"),
      Csv("CsvTextAfterAClosingQuote", std::string(kCsvHeader) + "h1,\"2025-08-01\"x,HG-000123,HG\n", "person_transferred",
          "FILE:2: csv: unexpected text after the closing quote in column B"),
      Csv("CsvTooManyColumns", std::string(kCsvHeader) + "h1,2025-08-01,HG-000123,HG\nh2,2025-08-01,HG-000123,HG,CT\n",
          "person_transferred", "FILE:3: csv: the row has 5 fields but the header has 4" + kRefused),
      Csv("CsvNulByte", std::string(kCsvHeader) + std::string("h1,2025-08-01,HG-\0,HG\n", 21), "person_transferred",
          "FILE:2: csv: NUL byte in column C"),
      Csv("CsvInvalidUtf8InACell", std::string(kCsvHeader) + "h1,2025-08-01,HG-\xC3,HG\n", "person_transferred",
          "FILE:2: person (column C): not valid UTF-8 text (save the sheet as CSV UTF-8)" + kRefused),
      Csv("CsvInvalidUtf8InAColumnName", "id,effective,pers\xFFon,unit\nh1,2025-08-01,HG-000123,HG\n", "person_transferred",
          "FILE:1: csv: the name of column C: not valid UTF-8 text (save the sheet as CSV UTF-8)"),
      Csv("CsvInvalidUtf8InTheTypeColumn", "type,id,effective,person,unit\nperson_\xE1transferred,h1,2025-08-01,HG-000123,HG\n", "",
          "FILE:2: type (column A): not valid UTF-8 text (save the sheet as CSV UTF-8)" + kRefused),
      Csv("CsvDuplicateColumn", "id,effective,person,unit,person\nh1,2025-08-01,HG-000123,HG,HG-1\n", "person_transferred",
          "FILE:1: person (column E): duplicate column (also column C)"),
      Csv("CsvInvalidUtf8UnderAnUnnamedColumn", "id,effective,person,unit,\nh1,2025-08-01,HG-000123,HG,\xC3\n", "person_transferred",
          "FILE:2: \"\" (column E): not valid UTF-8 text (save the sheet as CSV UTF-8)" + kRefused),
      Csv("CsvEmptyFile", "", "person_transferred", "FILE:1: csv: the file is empty (expected a header row)"),
      Csv("CsvUnknownColumn", "id,effective,person,unit,unti\nh1,2025-08-01,HG-000123,HG,CT\n", "person_transferred",
          "FILE:2: unti (column E): unknown field (expected person, unit)" + kRefused),
      Csv("CsvUnknownType", "type,id,effective,person,unit\nperson_promoted,h1,2025-08-01,HG-000123,HG\n", "",
          "FILE:2: type (column A): unknown event type \"person_promoted\" " + std::string(kTypes) + kRefused),
      // A record is at most 1 MiB, as a JSON line is; the reader stops there.
      Csv("CsvIdOf10MiB", csv_big_id, "person_transferred", "FILE:2: csv: record is too long (at most 1048576 bytes)"),
      Csv("CsvRowOf200000Ids", CsvMerge(200'000), "unit_reorganized",
          "FILE:2: csv: record is too long (at most 1048576 bytes)"),
      Csv("CsvFromOf10001Units", CsvMerge(10'001), "unit_reorganized",
          "FILE:2: from (column D): a list of 10001 items is too long (at most 10000)" + kRefused),
      Csv("CsvIdWithACyrillicEs", std::string(kCsvHeader) + "h1,2025-08-01,\u0421T-000123,HG\n", "person_transferred",
          "FILE:2: person (column C): Cyrillic letter U+0421 (CYRILLIC CAPITAL LETTER ES) is not allowed in an id" +
              std::string(kIdLetters) + kRefused),
      Csv("CsvAmountTwoToThe64", "id,effective,decision,plan,enrollment,amount_vnd,funding\nh1,2025-08-01,QĐ 601,HG-2025,HG-E-0001,18446744073709551616,state_budget\n",
          "funding_decided", "FILE:2: amount_vnd (column F): number is too large (at most 1000000000000000)" + kRefused),
      Csv("CsvLineNumbersCountLinesInsideQuotes",
          std::string(kCsvHeader) + "h1,2025-08-01,\"HG-\n000123\",HG\nh2,2025-02-30,HG-000123,HG\n", "person_transferred",
          "FILE:2: person (column C): control character U+000A is not allowed in text\n"
          "FILE:4: effective (column B): impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)" + kRefused),
      Csv("CsvStructuredColumn", "id,effective,plan,quotas\nh1,2025-08-01,HG-2025,x\n", "plan_amended",
          "FILE:2: quotas (column D): not importable from CSV (use JSON Lines for this field)" + kRefused),
      // ---------------------------------------------------------- accepted
      // -0 is the integer 0 (as in a CSV cell): not negative.
      Accepted("AmountMinusZeroIsZero", "ok.jsonl", Transfer("h1") + "\n" + Amount("-0") + "\n", 2),
      Accepted("AmountAtTheBound", "ok.jsonl", Transfer("h1") + "\n" + Amount("1000000000000000") + "\n", 2),
      Accepted("FromOf10000Units", "ok.jsonl", Transfer("h1") + "\n" + Merge(10'000) + "\n", 2),
      Hostile{"CsvFromOf10000Units", "ok.csv", CsvMerge(10'000), "unit_reorganized", "", 1},
      // Vietnamese letters in ids; a name in decomposed form, or with a
      // zero-width joiner, is shown as it is and never matched.
      Accepted("VietnameseIdsAndDecomposedNames", "ok.jsonl",
               Transfer("h1") + "\n" +
                   Replaced(Registration("false"), R"("person":"HG-000124")", R"("person":"Hậu Giang-Đắk Lắk-ƯỚC-ỹ")") +
                   "\n" +
                   Replaced(Replaced(Registration("false"), R"("id":"h2")", R"("id":"h3")"), "Lê Thị Mai",
                            "Le\\u0302\\u0300 Thi\\u0323 Mai\\u200d") +
                   "\n",
               3),
      Accepted("CrlfLineEnds", "ok.jsonl", Transfer("h1") + "\r\n" + Transfer("h2") + "\r\n", 2),
      Accepted("NoNewlineAtTheEnd", "ok.jsonl", Transfer("h1") + "\n" + Transfer("h2"), 2),
      Accepted("BlankAndWhitespaceLines", "ok.jsonl", "\n \t\n" + Transfer("h1") + "\n\r\n\n" + Transfer("h2") + "\n\n", 2),
      Accepted("ByteOrderMarkAtTheStart", "ok.jsonl", "\xEF\xBB\xBF" + Transfer("h1") + "\n" + Transfer("h2") + "\n", 2),
      Accepted("CsvWithBomAndCrlf", "ok.csv", "\xEF\xBB\xBFtype,id,effective,person,unit\r\nperson_transferred,h1,2025-08-01,HG-000123,HG\r\n", 1),
  };
  // Errors are counted from the line the reader reports, blank lines included.
  c.push_back(Jsonl("LineNumbersCountBlankLines", "\n\r\n" + Transfer("h1") + "\n\n" + Effective("2025-02-30") + "\n",
                    "FILE:5: effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)" + kRefused));
  return c;
}

// The sample ledger (24 events), open for writing as `tledger import` has it.
class HostileInput : public ::testing::TestWithParam<Hostile> {
 protected:
  void SetUp() override {
    store_ = OpenStore(tmp_ / "db", OpenMode::kWrite);
    Result<FileImport> r = ImportFile(*store_, DataPath("sample.jsonl"), ImportOptions{testing::kActor, ""});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(store_->head().seq, 24u);
  }

  TempDir tmp_;
  std::unique_ptr<Store> store_;
};

TEST_P(HostileInput, IsRefusedNamingFileLineAndFieldOrAcceptedWhole) {
  const Hostile& h = GetParam();
  const std::string path = tmp_ / h.file;
  WriteFile(path, h.content);
  const Head before = store_->head();
  Result<FileImport> r = ImportFile(*store_, path, ImportOptions{testing::kActor, h.csv_type});
  if (h.error.empty()) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->appended, h.appended);
    EXPECT_EQ(store_->head().seq, before.seq + h.appended);
    EXPECT_TRUE(store_->FindId("h1").has_value());
    return;
  }
  std::string expected = h.error;
  for (size_t at; (at = expected.find("FILE")) != std::string::npos;) expected.replace(at, 4, path);
  EXPECT_EQ(testing::ErrorOf(r), "invalid input: " + expected);
  EXPECT_EQ(store_->head().seq, before.seq);
  EXPECT_EQ(ToHex(store_->head().hash), ToHex(before.hash));
  EXPECT_EQ(store_->head().recorded_at, before.recorded_at);
  // Nothing of the file, not even its good first line.
  EXPECT_FALSE(store_->FindId("h1").has_value());
}

INSTANTIATE_TEST_SUITE_P(Table, HostileInput, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Hostile>& info) { return info.param.name; });

// The table is what tests/fuzz/README.md counts.
TEST(HostileInputTable, HasAtLeastFortyCases) { EXPECT_EQ(Cases().size(), 137u); }

// ------------------------------------------------------------ --known-at

struct BadInstant {
  const char* name;
  const char* value;
  const char* error;  // after "tledger: error: --known-at: "
};

const char kExpectedInstant[] =
    " (expected RFC 3339 such as 2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of "
    "that day in Vietnam)";

const BadInstant kBadInstants[] = {
    {"Hour24", "2026-01-31T24:00:00Z", "impossible time of day: \"2026-01-31T24:00:00Z\""},
    {"LeapSecond", "2026-01-31T23:59:60Z", "impossible time of day: \"2026-01-31T23:59:60Z\""},
    {"Minute60", "2026-01-31T23:60:00Z", "impossible time of day: \"2026-01-31T23:60:00Z\""},
    {"NoTimeZone", "2026-01-31T23:59:59", "not an instant: \"2026-01-31T23:59:59\""},
    {"OffsetWithoutColon", "2026-01-31T23:59:59+0700", "missing or bad time zone in \"2026-01-31T23:59:59+0700\""},
    {"Offset24Hours", "2026-01-31T23:59:59+24:00", "missing or bad time zone in \"2026-01-31T23:59:59+24:00\""},
    {"ZoneName", "2026-01-31T23:59:59 ICT", "missing or bad time zone in \"2026-01-31T23:59:59 ICT\""},
    {"TrailingSpace", "2026-01-31T23:59:59Z ", "missing or bad time zone in \"2026-01-31T23:59:59Z \""},
    {"TenFractionDigits", "2026-01-31T23:59:59.0123456789Z", "bad fraction of a second: \"2026-01-31T23:59:59.0123456789Z\""},
    {"SpaceForT", "2026-01-31 23:59:59Z", "not an instant: \"2026-01-31 23:59:59Z\""},
    {"February30", "2026-02-30T00:00:00Z", "not an instant: \"2026-02-30T00:00:00Z\""},
    {"BeforeYear1InUtc", "0001-01-01T00:30:00+01:00", "instant outside years 0001-9999 UTC: \"0001-01-01T00:30:00+01:00\""},
    {"AfterYear9999InUtc", "9999-12-31T23:30:00-01:00", "instant outside years 0001-9999 UTC: \"9999-12-31T23:30:00-01:00\""},
    {"YearZeroDate", "0000-01-01",
     "year 0000 does not exist: \"0000-01-01\" (expected YYYY-MM-DD or dd/mm/yyyy, year 0001-9999)"},
    {"DayMonthYearFebruary30", "30/02/2026",
     "impossible date: \"30/02/2026\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)"},
    {"DayMonthShortYear", "31/1/26", "not a date: \"31/1/26\" (expected YYYY-MM-DD or dd/mm/yyyy)"},
};

void PrintTo(const BadInstant& b, std::ostream* os) { *os << b.name; }

class HostileKnownAt : public ::testing::TestWithParam<BadInstant> {};

// Through the binary: exit 1, the message, nothing on stdout.
TEST_P(HostileKnownAt, IsRefusedShowingTheExpectedForm) {
  static TempDir tmp;
  static const std::string db = testing::MakeLedger(tmp / "db", {DataPath("sample.jsonl")});
  const BadInstant& b = GetParam();
  testing::RunResult r = testing::Tledger(db, {"report", "--known-at", b.value});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  std::string error = b.error;
  if (error.find("(expected") == std::string::npos) error += kExpectedInstant;
  EXPECT_EQ(r.err, std::string(testing::kErrorPrefix) + "--known-at: " + error + "\n");
}

INSTANTIATE_TEST_SUITE_P(Table, HostileKnownAt, ::testing::ValuesIn(kBadInstants),
                         [](const ::testing::TestParamInfo<BadInstant>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace tledger
