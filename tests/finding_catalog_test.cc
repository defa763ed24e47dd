// The catalog of findings (tools/cli/finding_catalog.h) against
// shared/spec/legal.md: for every rule, a case judged by the 2017 rulebook
// and one judged by the 2025 rulebook (where the rule reaches both), its
// kind and the exact citation legal.md gives, in the citation form it shows
// (point, clause, article, instrument; the full title at the first mention
// of a document, the short form after). Plan-based rules cite the plan's own
// decision; data-quality findings cite nothing and are counted apart. The
// law's words: "đền bù chi phí đào tạo", never "bồi hoàn"; "vi phạm",
// "cảnh báo", "sai sót dữ liệu", never "lỗi"; money only where đền bù
// applies.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/ledger_builder.h"
#include "tools/cli/finding_catalog.h"
#include "tools/cli/render.h"

namespace tledger {
namespace {

using namespace jsonl;

// An interchange line with a `source` document.
std::string WithSource(const std::string& line, std::string_view source) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(line);
  j["source"] = source;
  return j.dump();
}

const Course kPhd2023{.course = "C-PHD-23", .plan = "K", .program = "phd", .start = "2023-09-01", .end = "2026-08-31"};
const Course kPhd2025{.course = "C-PHD-25", .plan = "K", .program = "phd", .start = "2025-09-01", .end = "2028-08-31"};
const Course kMs2023{.course = "C-MS-23", .plan = "K", .program = "master", .start = "2023-09-01", .end = "2025-09-01"};
const Course kMs2025{.course = "C-MS-25", .plan = "K", .program = "master", .start = "2025-09-01", .end = "2027-09-01"};
const Course kMsHealth2023{.course = "C-MS-H-23", .plan = "K", .program = "master", .field = "health",
                           .start = "2023-09-01", .end = "2025-09-01"};
const Course kMsHealth2025{.course = "C-MS-H-25", .plan = "K", .program = "master", .field = "health",
                           .start = "2025-09-01", .end = "2027-09-01"};
const Course kBa2025{.course = "C-BA-25", .plan = "K", .program = "bachelor", .start = "2025-09-01", .end = "2027-09-01"};
const Course kUpdate{.course = "C-KU", .plan = "K", .program = "knowledge_update", .start = "2025-10-01",
                     .end = "2025-10-31"};
const Course kUpdate2024{.course = "C-KU-24", .plan = "K", .program = "knowledge_update", .start = "2024-10-01",
                         .end = "2024-10-31"};
// Construction opens on 2025-08-01: one course before it under each rulebook.
const Course kBuild2017{.course = "C-XD-17", .plan = "K", .program = "master", .field = "construction",
                        .start = "2025-06-30", .end = "2027-06-30"};
const Course kBuild2025{.course = "C-XD-25", .plan = "K", .program = "master", .field = "construction",
                        .start = "2025-07-15", .end = "2027-07-15"};

// A province, a district and a commune under it (and a commune merged into
// it in 2024); civil servant P1, cadre P2, public employee PE, and two who
// are older; plan K, decision KH 1/KH-UBND of 2023-01-10 by the province: one
// publicly funded PhD, five masters, a billion VND, finance first,
// construction from 2025-08-01.
std::vector<std::string> Base() {
  return {
      Unit("u-prov", "2015-01-01", "PROV", "province"),
      Unit("u-dist", "2015-01-01", "DIST", "district", "PROV"),
      Unit("u-comm", "2015-01-01", "COMM", "commune", "DIST"),
      Unit("u-old", "2015-01-01", "OLD", "commune", "DIST"),
      Person("p-1", "2010-01-01", "P1", "civil_servant", "COMM", "1985-03-15"),
      Person("p-2", "2010-01-01", "P2", "cadre", "COMM", "1990-01-01"),
      Person("p-e", "2010-01-01", "PE", "public_employee", "COMM", "1980-01-01"),
      Person("p-o", "2010-01-01", "PO", "cadre", "COMM", "1980-01-01"),
      Person("p-v", "2010-01-01", "PV", "civil_servant", "COMM", "1975-01-01"),
      WithSource(Plan("k", "2023-01-10", "K", 1'000'000'000,
                      {{"phd", "public", "domestic", 1}, {"master", "public", "domestic", 5}}, {"finance"},
                      {{{"construction"}, "2025-08-01"}}),
                 "KH 1/KH-UBND"),
  };
}

Outcome OutcomeOf(const std::vector<std::string>& lines, std::string_view as_of) {
  Ledger l;
  l.Record(At("2026-01-01T00:00:00Z"), Base());
  l.Record(At("2026-01-02T00:00:00Z"), lines);
  return l.Evaluate(Day(as_of));
}

struct CitationCase {
  std::string name;
  std::vector<std::string> lines;
  std::string as_of;
  Rule rule;
  Kind kind;
  std::string rulebook;
  std::string vi, en;  // the citation, short form; "" for none
};

void PrintTo(const CitationCase& c, std::ostream* os) { *os << c.name; }

// The citations of legal.md's table.
const std::string kD101 = "NĐ 101/2017";
const CitationCase kCases[] = {
    {"NotInPlan2017", {Open("c", "2023-06-01", kMs2023), Enroll("e", "2023-08-20", "E1", "P1", "C-MS-23")},
     "2023-12-31", Rule::kNotInPlan, Kind::kViolation, "2017", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"NotInPlan2025", {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-25")},
     "2025-12-31", Rule::kNotInPlan, Kind::kViolation, "2025", "KH 1/KH-UBND; khoản 1 Điều 2 NĐ 171/2025",
     "KH 1/KH-UBND; Clause 1, Article 2 of Decree 171/2025"},
    {"QuotaExceeded2017",
     {Open("c", "2023-06-01", kPhd2023), Nominate("n1", "2023-07-01", "K", "P1", "phd"),
      Nominate("n2", "2023-07-01", "K", "P2", "phd"), Enroll("e1", "2023-08-20", "E1", "P1", "C-PHD-23"),
      Enroll("e2", "2023-08-21", "E2", "P2", "C-PHD-23")},
     "2023-12-31", Rule::kQuotaExceeded, Kind::kViolation, "2017", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"QuotaExceeded2025",
     {Open("c", "2025-06-01", kPhd2025), Nominate("n1", "2025-07-01", "K", "P1", "phd"),
      Nominate("n2", "2025-07-01", "K", "P2", "phd"), Enroll("e1", "2025-08-20", "E1", "P1", "C-PHD-25"),
      Enroll("e2", "2025-08-21", "E2", "P2", "C-PHD-25")},
     "2025-12-31", Rule::kQuotaExceeded, Kind::kViolation, "2025", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"BudgetExceeded2017", {Decide("d", "2024-03-01", "QĐ-1", "K", "", 1'200'000'000)}, "2024-12-31",
     Rule::kBudgetExceeded, Kind::kViolation, "2017", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"BudgetExceeded2025", {Decide("d", "2025-09-01", "QĐ-1", "K", "", 1'200'000'000)}, "2025-12-31",
     Rule::kBudgetExceeded, Kind::kViolation, "2025", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"OutsidePhase2017", {Open("c", "2025-05-01", kBuild2017), Enroll("e", "2025-06-20", "E1", "P1", "C-XD-17")},
     "2025-12-31", Rule::kOutsidePhase, Kind::kViolation, "2017", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"OutsidePhase2025", {Open("c", "2025-05-01", kBuild2025), Enroll("e", "2025-07-10", "E1", "P1", "C-XD-25")},
     "2025-12-31", Rule::kOutsidePhase, Kind::kViolation, "2025", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"NotPriorityField2017",
     {Open("c", "2023-06-01", kMsHealth2023), Enroll("e", "2023-08-20", "E1", "P1", "C-MS-H-23")}, "2023-12-31",
     Rule::kNotPriorityField, Kind::kWarning, "2017", "KH 1/KH-UBND", "KH 1/KH-UBND"},
    {"NotPriorityField2025",
     {Open("c", "2025-06-01", kMsHealth2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-H-25")}, "2025-12-31",
     Rule::kNotPriorityField, Kind::kWarning, "2025", "KH 1/KH-UBND; Điều 4 NĐ 171/2025",
     "KH 1/KH-UBND; Article 4 of Decree 171/2025"},
    {"FailedDegree2017",
     {Open("c", "2023-06-01", kPhd2023), Enroll("e", "2023-08-20", "E1", "P1", "C-PHD-23"),
      Decide("d", "2023-08-25", "QĐ-1", "K", "E1", 90'000'000), Complete("k", "2025-06-01", "E1", "failed")},
     "2025-12-31", Rule::kFailed, Kind::kViolation, "2017",
     "khoản 2 Điều 7 NĐ 101/2017; mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017",
     "Clause 2, Article 7 of Decree 101/2017; amount: Point a, Clause 2, Article 8 of Decree 101/2017"},
    {"FailedPostgraduate2025",
     {Open("c", "2025-06-01", kPhd2025), Enroll("e", "2025-08-20", "E1", "P1", "C-PHD-25"),
      Decide("d", "2025-08-25", "QĐ-1", "K", "E1", 90'000'000), Complete("k", "2028-09-01", "E1", "failed")},
     "2028-12-31", Rule::kFailed, Kind::kViolation, "2025", "Điều 6 NĐ 171/2025", "Article 6 of Decree 171/2025"},
    // "Anything else": fostering (Điều 7 NĐ 101/2017 covers "từ trình độ
    // trung cấp trở lên"); a bachelor under 2025 ("đào tạo sau đại học").
    {"FailedFostering2025",
     {Open("c", "2025-06-01", kUpdate), Enroll("e", "2025-09-20", "E1", "P1", "C-KU"),
      Complete("k", "2025-11-01", "E1", "failed")},
     "2025-12-31", Rule::kFailed, Kind::kWarning, "2025", "", ""},
    {"FailedBachelor2025",
     {Open("c", "2025-06-01", kBa2025), Enroll("e", "2025-08-20", "E1", "P1", "C-BA-25"),
      Complete("k", "2027-09-01", "E1", "failed")},
     "2027-12-31", Rule::kFailed, Kind::kWarning, "2025", "", ""},
    {"DroppedOut2017",
     {Open("c", "2023-06-01", kPhd2023), Enroll("e", "2023-08-20", "E1", "P1", "C-PHD-23"),
      Withdraw("w", "2024-01-10", "E1")},
     "2024-12-31", Rule::kDroppedOut, Kind::kViolation, "2017",
     "khoản 1 Điều 7 NĐ 101/2017; mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017",
     "Clause 1, Article 7 of Decree 101/2017; amount: Point a, Clause 2, Article 8 of Decree 101/2017"},
    {"DroppedOut2025",
     {Open("c", "2025-06-01", kPhd2025), Enroll("e", "2025-08-20", "E1", "P1", "C-PHD-25"),
      Withdraw("w", "2025-11-10", "E1")},
     "2025-12-31", Rule::kDroppedOut, Kind::kViolation, "2025", "Điều 6 NĐ 171/2025", "Article 6 of Decree 171/2025"},
    {"DroppedOutBachelor2025",
     {Open("c", "2025-06-01", kBa2025), Enroll("e", "2025-08-20", "E1", "P1", "C-BA-25"),
      Withdraw("w", "2025-11-10", "E1")},
     "2025-12-31", Rule::kDroppedOut, Kind::kWarning, "2025", "", ""},
    {"AgeLimit2017", {Open("c", "2023-06-01", kMs2023), Enroll("e", "2023-08-20", "E1", "PO", "C-MS-23")},
     "2023-12-31", Rule::kAgeLimit, Kind::kViolation, "2017", "điểm b khoản 1 Điều 6 NĐ 101/2017",
     "Point b, Clause 1, Article 6 of Decree 101/2017"},
    {"AgeLimit2025", {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "PV", "C-MS-25")},
     "2025-12-31", Rule::kAgeLimit, Kind::kViolation, "2025", "Điều 5 NĐ 171/2025", "Article 5 of Decree 171/2025"},
    {"ServiceBreach2017",
     {Open("c", "2023-06-01", kMs2023), Enroll("e", "2023-08-20", "E1", "P1", "C-MS-23"),
      Decide("d", "2023-08-25", "QĐ-1", "K", "E1", 100'000'000), Complete("k", "2025-09-01", "E1"),
      Leave("l", "2026-09-01", "P1")},
     "2026-12-31", Rule::kServiceBreach, Kind::kViolation, "2017",
     "khoản 3 Điều 7 NĐ 101/2017; mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm c khoản 1 "
     "Điều 6 NĐ 101/2017",
     "Clause 3, Article 7 of Decree 101/2017; amount: Point b, Clause 2, Article 8 of Decree 101/2017; commitment: "
     "Point c, Clause 1, Article 6 of Decree 101/2017"},
    // A public employee's commitment is điểm b khoản 2 Điều 6, and stays on
    // 2017 after 2025-07-01.
    {"ServiceBreachPublicEmployee",
     {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "PE", "C-MS-25"),
      Decide("d", "2025-08-25", "QĐ-1", "K", "E1", 100'000'000), Complete("k", "2027-09-01", "E1"),
      Leave("l", "2028-09-01", "PE")},
     "2028-12-31", Rule::kServiceBreach, Kind::kViolation, "2017",
     "khoản 3 Điều 7 NĐ 101/2017; mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm b khoản 2 "
     "Điều 6 NĐ 101/2017",
     "Clause 3, Article 7 of Decree 101/2017; amount: Point b, Clause 2, Article 8 of Decree 101/2017; commitment: "
     "Point b, Clause 2, Article 6 of Decree 101/2017"},
    {"ServiceBreach2025",
     {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-25"),
      Decide("d", "2025-08-25", "QĐ-1", "K", "E1", 100'000'000), Complete("k", "2027-09-01", "E1"),
      Leave("l", "2028-09-01", "P1")},
     "2028-12-31", Rule::kServiceBreach, Kind::kViolation, "2025",
     "Điều 6, Điều 7 NĐ 171/2025; thời gian cam kết: Điều 5 NĐ 171/2025; miễn đền bù: Điều 8 NĐ 171/2025",
     "Article 6, Article 7 of Decree 171/2025; commitment: Article 5 of Decree 171/2025; exemptions: Article 8 of "
     "Decree 171/2025"},
    {"FundingWithoutEnrollment2017", {Decide("d", "2024-03-01", "QĐ-1", "K", "E-X", 10'000'000)}, "2024-12-31",
     Rule::kFundingWithoutEnrollment, Kind::kDataQuality, "2017", "", ""},
    {"FundingWithoutEnrollment2025", {Decide("d", "2025-09-01", "QĐ-1", "K", "E-X", 10'000'000)}, "2025-12-31",
     Rule::kFundingWithoutEnrollment, Kind::kDataQuality, "2025", "", ""},
    {"DuplicateFunding2017",
     {Open("c", "2023-06-01", kMs2023), Enroll("e", "2023-08-20", "E1", "P1", "C-MS-23"),
      Decide("d1", "2023-08-25", "QĐ-1", "K", "E1", 10'000'000), Decide("d2", "2023-08-26", "QĐ-2", "K", "E1", 10'000'000)},
     "2023-12-31", Rule::kDuplicateFunding, Kind::kDataQuality, "2017", "", ""},
    {"DuplicateFunding2025",
     {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-25"),
      Decide("d1", "2025-08-25", "QĐ-1", "K", "E1", 10'000'000), Decide("d2", "2025-08-26", "QĐ-2", "K", "E1", 10'000'000)},
     "2025-12-31", Rule::kDuplicateFunding, Kind::kDataQuality, "2025", "", ""},
    {"DateInconsistent2017", {Open("c", "2023-06-01", kMs2023), Enroll("e", "2025-10-01", "E1", "P1", "C-MS-23")},
     "2025-12-31", Rule::kDateInconsistent, Kind::kDataQuality, "2017", "", ""},
    {"DateInconsistent2025",
     {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-25"),
      Complete("k", "2025-08-25", "E1")},
     "2025-12-31", Rule::kDateInconsistent, Kind::kDataQuality, "2025", "", ""},
    {"MissingReference2017", {Open("c", "2023-06-01", kMs2023), Enroll("e", "2024-08-20", "E1", "P-X", "C-MS-23")},
     "2024-12-31", Rule::kMissingReference, Kind::kDataQuality, "2017", "", ""},
    {"MissingReference2025", {Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P-X", "C-MS-25")},
     "2025-12-31", Rule::kMissingReference, Kind::kDataQuality, "2025", "", ""},
    // OVERDUE cites Điều 19 NĐ 27/2026 from the day it takes effect.
    {"Overdue2017", {Open("c", "2024-06-01", kUpdate2024), Enroll("e", "2024-09-20", "E1", "P1", "C-KU-24")},
     "2024-12-31", Rule::kOverdue, Kind::kDataQuality, "2017", "", ""},
    {"OverdueBefore2026", {Open("c", "2025-06-01", kUpdate), Enroll("e", "2025-09-20", "E1", "P1", "C-KU")},
     "2026-06-30", Rule::kOverdue, Kind::kDataQuality, "2025", "", ""},
    {"OverdueFrom2026", {Open("c", "2025-06-01", kUpdate), Enroll("e", "2025-09-20", "E1", "P1", "C-KU")},
     "2026-07-01", Rule::kOverdue, Kind::kDataQuality, "2025", "Điều 19 NĐ 27/2026", "Article 19 of Decree 27/2026"},
    // A merger cites nothing; the district level's end cites Luật 72/2025/QH15.
    {"UnitMerged2017",
     {Reorganize("r", "2024-01-01", "merge", {"OLD"}, "COMM"), Transfer("t", "2024-06-01", "P1", "OLD")},
     "2024-12-31", Rule::kUnitDissolved, Kind::kDataQuality, "2017", "", ""},
    {"DistrictEnded2025", {Transfer("t", "2025-08-01", "P1", "DIST")}, "2025-12-31", Rule::kUnitDissolved,
     Kind::kDataQuality, "2025", "khoản 3 Điều 51 Luật 72/2025/QH15", "Clause 3, Article 51 of Law 72/2025/QH15"},
};

class CitationTest : public testing::TestWithParam<CitationCase> {};

TEST_P(CitationTest, CitesExactlyWhatLegalMdGives) {
  const CitationCase& c = GetParam();
  std::vector<Violation> found = Of(OutcomeOf(c.lines, c.as_of), c.rule);
  ASSERT_EQ(found.size(), 1u);
  const Violation& v = found[0];
  EXPECT_EQ(v.kind, c.kind);
  EXPECT_EQ(Info(v.rulebook).code, c.rulebook);
  EXPECT_EQ(CitationText(v, Lang::kVi, nullptr), c.vi);
  EXPECT_EQ(CitationText(v, Lang::kEn, nullptr), c.en);
  // Its words name nothing it lacks, and use the law's.
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    std::string text = FindingText(v, lang);
    EXPECT_EQ(text.find('?'), std::string::npos) << text;
    EXPECT_EQ(text.find('{'), std::string::npos) << text;
    EXPECT_EQ(text.find("bồi hoàn"), std::string::npos) << text;
    EXPECT_EQ(text.find("lỗi"), std::string::npos) << text;
    // Money owed only where đền bù applies: never for a warning or a record.
    if (c.kind != Kind::kViolation) {
      for (const char* owed : {"đền bù", "đã nộp", "repay"}) EXPECT_EQ(text.find(owed), std::string::npos) << text;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, CitationTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<CitationCase>& info) { return info.param.name; });

// Every rule has a case above under each rulebook it reaches.
TEST(CitationTest, EveryRuleIsCitedUnderBothRulebooks) {
  for (Rule rule : kAllRules) {
    bool y2017 = false, y2025 = false;
    for (const CitationCase& c : kCases) {
      if (c.rule != rule) continue;
      (c.rulebook == "2017" ? y2017 : y2025) = true;
    }
    EXPECT_TRUE(y2017) << RuleName(rule);
    EXPECT_TRUE(y2025) << RuleName(rule);
  }
}

const CitationCase& CaseNamed(std::string_view name) {
  for (const CitationCase& c : kCases) {
    if (c.name == name) return c;
  }
  ADD_FAILURE() << name;
  return kCases[0];
}

Violation Found(std::string_view name) {
  const CitationCase& c = CaseNamed(name);
  std::vector<Violation> found = Of(OutcomeOf(c.lines, c.as_of), c.rule);
  EXPECT_EQ(found.size(), 1u) << name;
  return found.empty() ? Violation{} : found[0];
}

// The full title at an instrument's first mention in a document, the short
// form after; the plan decision likewise, with its date and issuer.
TEST(CitationTest, FullTitleAtTheFirstMentionShortAfter) {
  Violation dropped = Found("DroppedOut2017");
  CitationMemory doc;
  EXPECT_EQ(CitationText(dropped, Lang::kVi, &doc),
            "khoản 1 Điều 7 Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng "
            "cán bộ, công chức, viên chức (được sửa đổi, bổ sung bởi Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 năm "
            "2021 của Chính phủ); mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017");
  EXPECT_EQ(CitationText(dropped, Lang::kVi, &doc),
            "khoản 1 Điều 7 NĐ 101/2017; mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017");
  Violation not_in_plan = Found("NotInPlan2025");
  EXPECT_EQ(CitationText(not_in_plan, Lang::kVi, &doc),
            "KH 1/KH-UBND ngày 10/01/2023 của Đơn vị PROV (Kế hoạch K); khoản 1 Điều 2 Nghị định số 171/2025/NĐ-CP "
            "ngày 30 tháng 6 năm 2025 của Chính phủ quy định về đào tạo, bồi dưỡng công chức");
  EXPECT_EQ(CitationText(not_in_plan, Lang::kVi, &doc), "KH 1/KH-UBND; khoản 1 Điều 2 NĐ 171/2025");
  CitationMemory en;
  EXPECT_EQ(CitationText(Found("DistrictEnded2025"), Lang::kEn, &en),
            "Clause 3, Article 51 of Law on the Organization of Local Government No. 72/2025/QH15");
}

// A plan-based finding carries the plan's decision: its number and date
// from plan_issued, its title, its issuer's name; without a number, the
// plan is cited by its id and date.
TEST(CitationTest, APlanRuleCitesThePlansDecision) {
  Violation v = Found("QuotaExceeded2025");
  EXPECT_EQ(v.basis, Basis::kPlanDecision);
  ASSERT_TRUE(v.args.plan_document.has_value());
  EXPECT_EQ(*v.args.plan_document,
            (PlanDocument{"K", "Kế hoạch K", "KH 1/KH-UBND", Day("2023-01-10"), "PROV", "Đơn vị PROV"}));
  std::vector<CitationPart> parts = CitationParts(v, Lang::kVi);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].instrument, "plan_decision");
  EXPECT_EQ(parts[0].citation, "KH 1/KH-UBND");
  EXPECT_EQ(parts[0].full, "KH 1/KH-UBND ngày 10/01/2023 của Đơn vị PROV (Kế hoạch K)");

  Ledger l;
  std::vector<std::string> base = Base();
  base.back() = Plan("k", "2023-01-10", "K", 1'000'000'000, {{"phd", "public", "domestic", 1}});  // no source
  l.Record(At("2026-01-01T00:00:00Z"), base);
  l.Record(At("2026-01-02T00:00:00Z"), {Decide("d", "2024-03-01", "QĐ-1", "K", "", 1'200'000'000)});
  std::vector<Violation> over = Of(l.Evaluate(Day("2024-12-31")), Rule::kBudgetExceeded);
  ASSERT_EQ(over.size(), 1u);
  CitationMemory doc;
  EXPECT_EQ(CitationText(over[0], Lang::kVi, &doc), "kế hoạch K ngày 10/01/2023 của Đơn vị PROV (Kế hoạch K)");
  EXPECT_EQ(CitationText(over[0], Lang::kEn, nullptr), "plan K");
}

// Data-quality findings cite nothing, and a report counts and shows them
// apart from violations and warnings, under their own heading.
TEST(CitationTest, DataQualityIsCountedApartAndCitesNothing) {
  Outcome o = OutcomeOf({Open("c", "2025-06-01", kMs2025), Enroll("e", "2025-08-20", "E1", "P1", "C-MS-25"),
                         Decide("d1", "2025-08-25", "QĐ-1", "K", "E1", 10'000'000),
                         Decide("d2", "2025-08-26", "QĐ-2", "K", "E1", 10'000'000)},
                        "2025-12-31");
  std::vector<std::string> kinds;
  for (const Violation& v : o.violations) {
    kinds.push_back(std::string(RuleName(v.rule)) + " " + std::string(KindName(v.kind)));
    if (v.kind == Kind::kDataQuality) {
      EXPECT_EQ(v.basis, Basis::kNone);
    }
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"DUPLICATE_FUNDING data_quality", "NOT_IN_PLAN violation"}));
  std::string table = RenderViolations(o, RenderScope{}, Format::kTable);
  std::string header = table.substr(0, table.find('\n'));
  EXPECT_TRUE(header.starts_with("Kết quả kiểm tra tính đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến ")) << header;
  EXPECT_TRUE(header.ends_with(": 1 vi phạm, 0 cảnh báo, 1 sai sót dữ liệu")) << header;
  size_t violations = table.find("\nVI PHẠM: 1\n"), data = table.find("\nSAI SÓT DỮ LIỆU (không phải vi phạm pháp luật): 1\n");
  ASSERT_NE(violations, std::string::npos) << table;
  ASSERT_NE(data, std::string::npos) << table;
  EXPECT_LT(violations, data);
  // The data-quality section has no basis line.
  EXPECT_EQ(table.find("Căn cứ", data), std::string::npos) << table;
  nlohmann::json j = nlohmann::json::parse(RenderViolations(o, RenderScope{}, Format::kJson));
  EXPECT_EQ(j["counts"], nlohmann::json::parse(R"({"violation":1,"warning":0,"data_quality":1})"));
  EXPECT_EQ(j["violations"][0]["kind"], "data_quality");
  EXPECT_EQ(j["violations"][0]["severity"], "warning");
  EXPECT_EQ(j["violations"][0]["basis"], nullptr);
}

// Where đền bù applies, the words show the gross amount, what was repaid and
// what is outstanding; an exemption is named instead of an amount owed.
TEST(CitationTest, MoneyIsGrossRepaidAndOutstanding) {
  const CitationCase& c = CaseNamed("DroppedOut2017");
  std::vector<std::string> lines = c.lines;
  lines.push_back(Decide("d", "2023-08-25", "QĐ-1", "K", "E1", 38'000'000));
  lines.push_back(Repay("m", "2024-02-01", "P1", "E1", 10'000'000));
  std::vector<Violation> v = Of(OutcomeOf(lines, "2024-12-31"), Rule::kDroppedOut);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(FindingText(v[0], Lang::kVi),
            "Nguyễn Văn P1 (P1), học viên E1, lớp C-PHD-23 (Tiến sĩ), tự ý bỏ học trong thời gian đào tạo: thôi học "
            "ngày 10/01/2024, sau ngày khai giảng 01/09/2023; phải đền bù chi phí đào tạo 38.000.000 đ, đã nộp "
            "10.000.000 đ, còn phải nộp 28.000.000 đ");
  EXPECT_EQ(FindingText(v[0], Lang::kEn),
            "Nguyễn Văn P1 (P1), enrollment E1, course C-PHD-23 (PhD), dropped out during the training: withdrawn on "
            "2024-01-10, after the course began on 2023-09-01; training costs to repay 38,000,000 VND, repaid "
            "10,000,000 VND, outstanding 28,000,000 VND");
  EXPECT_EQ(v[0].args.gross_vnd, 38'000'000);
  EXPECT_EQ(v[0].args.repaid_vnd, 10'000'000);
  EXPECT_EQ(v[0].args.outstanding_vnd, 28'000'000);

  lines.push_back(Exempt("x", "2024-03-01", "P1", "E1", "illness"));
  v = Of(OutcomeOf(lines, "2024-12-31"), Rule::kDroppedOut);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(FindingText(v[0], Lang::kVi),
            "Nguyễn Văn P1 (P1), học viên E1, lớp C-PHD-23 (Tiến sĩ), tự ý bỏ học trong thời gian đào tạo: thôi học "
            "ngày 10/01/2024, sau ngày khai giảng 01/09/2023; phải đền bù chi phí đào tạo 38.000.000 đ; được miễn đền "
            "bù chi phí đào tạo (lý do: Ốm đau; bản ghi x)");
  EXPECT_EQ(v[0].args.outstanding_vnd, 0);
  EXPECT_EQ(v[0].amount_vnd, 0);
}

// SERVICE_BREACH shows its formula with the numbers, before any reduction;
// under 2025, that the formula is NĐ 101/2017's with the 3x commitment.
TEST(CitationTest, ServiceBreachShowsTheFormula) {
  EXPECT_EQ(FindingText(Found("ServiceBreach2025"), Lang::kVi),
            "Nguyễn Văn P1 (P1), học viên E1, lớp C-MS-25 (Thạc sĩ), nghỉ việc ngày 01/09/2028, sau 12 tháng công tác "
            "kể từ khi hoàn thành khóa học ngày 01/09/2027; chưa phục vụ đủ 72 tháng đã cam kết (3 lần thời gian đào "
            "tạo); chi phí đền bù 100.000.000 đ x (72 - 12) / 72 = 83.333.333 đ (chưa tính giảm trừ, nếu có), đã nộp "
            "0 đ, còn phải nộp 83.333.333 đ; công thức của NĐ 101/2017 với thời gian cam kết gấp 3 lần, do chưa tìm "
            "thấy công thức riêng của NĐ 171/2025");
}

// Districts "kết thúc hoạt động" on 01/07/2025: they were not "giải thể".
TEST(CitationTest, ADistrictEndedItWasNotDissolved) {
  Violation v = Found("DistrictEnded2025");
  EXPECT_EQ(v.what, Case::kDistrictEnded);
  EXPECT_EQ(FindingText(v, Lang::kVi),
            "Chuyển công tác của Nguyễn Văn P1 (P1) ngày 01/08/2025 ghi đơn vị Đơn vị DIST (DIST), đơn vị cấp huyện "
            "này đã kết thúc hoạt động từ ngày 01/07/2025");
}

}  // namespace
}  // namespace tledger
