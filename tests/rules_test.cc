// Every compliance rule of shared/spec/rules.md: for each, cases that must be
// flagged and near misses that must not, on a small base ledger. Each case
// asserts the exact findings of its rule: rule, kind (shared/spec/legal.md),
// evidence event id and seq, subject and the rulebook the case was judged by.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/ledger_builder.h"

namespace tledger {
namespace {

using namespace jsonl;

// Courses of plan K, each named for what it is used for.
const Course kPhd{.course = "C-PHD", .plan = "K", .program = "phd", .start = "2025-09-01", .end = "2028-08-31"};
const Course kPhdHealth{.course = "C-PHD-H", .plan = "K", .program = "phd", .field = "health",
                        .start = "2025-09-01", .end = "2028-08-31"};
const Course kUpdate{.course = "C-KU", .plan = "K", .program = "knowledge_update", .start = "2025-10-01",
                     .end = "2025-10-31"};
const Course kUpdateHealth{.course = "C-KU-H", .plan = "K", .program = "knowledge_update", .field = "health",
                           .start = "2025-10-01", .end = "2025-10-31"};
const Course kBuildEarly{.course = "C-CON-0630", .plan = "K", .program = "master", .field = "construction",
                         .start = "2025-06-30", .end = "2027-06-30"};
const Course kBuildOnTime{.course = "C-CON-0701", .plan = "K", .program = "master", .field = "construction",
                          .start = "2025-07-01", .end = "2027-07-01"};
const Course kFinanceEarly{.course = "C-FIN-0101", .plan = "K", .program = "master", .start = "2025-01-01",
                           .end = "2027-01-01"};
// Masters starting either side of 2025-07-01 (the 2017 and 2025 rulebooks),
// and around a 29 February birthday.
const Course kMaster0630{.course = "C-MS-0630", .plan = "K", .program = "master", .start = "2025-06-30",
                         .end = "2027-06-30"};
const Course kMaster0701{.course = "C-MS-0701", .plan = "K", .program = "master", .start = "2025-07-01",
                         .end = "2027-07-01"};
const Course kMaster0228{.course = "C-MS-0228", .plan = "K", .program = "master", .start = "2025-02-28",
                         .end = "2027-02-28"};
const Course kMaster0301{.course = "C-MS-0301", .plan = "K", .program = "master", .start = "2025-03-01",
                         .end = "2027-03-01"};
// 24 months each: T1 = 48 months (2017) or 72 (2025).
const Course kMaster2023{.course = "C-MS-2023", .plan = "K", .program = "master", .start = "2023-09-01",
                         .end = "2025-09-01"};
const Course kMaster2025{.course = "C-MS-2025", .plan = "K", .program = "master", .start = "2025-09-01",
                         .end = "2027-09-01"};
// Bachelor degrees either side of 2025-07-01: the law's đền bù covers them
// under 2017 only (legal.md).
const Course kBachelor2023{.course = "C-BA-2023", .plan = "K", .program = "bachelor", .start = "2023-09-01",
                           .end = "2025-09-01"};
const Course kBachelor2025{.course = "C-BA-2025", .plan = "K", .program = "bachelor", .start = "2025-09-01",
                           .end = "2027-09-01"};

// The world every case starts from: a province, a district and a commune
// under it; two civil servants; plan K (17 publicly funded domestic PhDs,
// 5 masters, a 1 billion VND budget, two priority fields, construction
// opening on 2025-07-01); a PhD course; P1 nominated for it. It breaks no
// rule (BaseLedgerIsClean).
std::vector<std::string> Base() {
  return {
      Unit("u-prov", "2015-01-01", "PROV", "province"),
      Unit("u-dist", "2015-01-01", "DIST", "district", "PROV"),
      Unit("u-comm", "2015-01-01", "COMM", "commune", "DIST"),
      Person("p-1", "2010-01-01", "P1", "civil_servant", "COMM", "1985-03-15"),
      Person("p-2", "2010-01-01", "P2", "cadre", "COMM", "1990-01-01"),
      Plan("k", "2025-01-15", "K", 1'000'000'000,
           {{"phd", "public", "domestic", 17}, {"master", "public", "domestic", 5}},
           {"finance", "information_technology"}, {{{"construction"}, "2025-07-01"}}),
      Open("c-phd", "2025-06-01", kPhd),
      Nominate("n-1", "2025-08-01", "K", "P1", "phd"),
  };
}
constexpr uint64_t kBase = 8;  // events in Base(); a case's lines start at seq kBase + 1

Outcome OutcomeOf(const std::vector<std::string>& lines, std::string_view as_of) {
  Ledger l;
  l.Record(At("2026-01-01T00:00:00Z"), Base());
  l.Record(At("2026-01-02T00:00:00Z"), lines);
  return l.Evaluate(Day(as_of));
}

TEST(RulesTest, BaseLedgerIsClean) {
  for (const char* d : {"2025-06-30", "2025-12-31", "2030-12-31"}) {
    EXPECT_EQ(OutcomeOf({}, d).violations, std::vector<Violation>{}) << d;
  }
}

// `n` civil servants Q1..Qn, each nominated for and enrolled in the PhD
// course with public funds on 2025-08-01, in that order: enrollment i is at
// seq kBase + 3i.
std::vector<std::string> Phds(int n) {
  std::vector<std::string> out;
  for (int i = 1; i <= n; ++i) {
    std::string q = "Q" + std::to_string(i);
    out.push_back(Person("p-" + q, "2010-01-01", q, "civil_servant", "COMM", "1990-01-01"));
    out.push_back(Nominate("n-" + q, "2025-07-01", "K", q, "phd"));
    out.push_back(Enroll("enr-" + q, "2025-08-01", "E-" + q, q, "C-PHD"));
  }
  return out;
}

template <typename T>
std::vector<T> Join(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

struct RuleCase {
  std::string name;
  std::vector<std::string> lines;  // after Base(): seq kBase + 1, kBase + 2, ...
  Rule rule;
  std::vector<Flag> flagged;       // exactly the violations of `rule`, in report order
  std::string as_of = "2025-12-31";
};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

class RuleCaseTest : public testing::TestWithParam<RuleCase> {};

TEST_P(RuleCaseTest, FlagsExactlyTheExpectedViolations) {
  const RuleCase& c = GetParam();
  Outcome o = OutcomeOf(c.lines, c.as_of);
  EXPECT_EQ(Flags(o, c.rule), c.flagged);
}

// A person of category `category` born on `born`, enrolled with public funds
// (or `funding`) in `course`, opened just before: three events from kBase + 1.
std::vector<std::string> Sent(const Course& course, std::string_view category, std::string_view born,
                              std::string_view funding = "state_budget") {
  return {Open("c", "2025-01-20", course), Person("p-a", "2010-01-01", "A", category, "COMM", born),
          Enroll("enr-a", "2025-01-25", "E-A", "A", course.course, funding)};
}

// Person S sent to `course` with 200,000,000 VND of public funds, completed
// (passed) on `completed`, left service on `left`: the leaving is at seq
// kBase + 7.
std::vector<std::string> Served(const Course& course, std::string_view category, std::string_view completed,
                                std::string_view left, std::string_view funding = "state_budget") {
  return {Open("c", "2023-01-01", course),
          Person("p-s", "2010-01-01", "S", category, "COMM", "1990-01-01"),
          Enroll("enr-s", "2023-08-20", "E-S", "S", course.course, funding),
          Decide("d-s", "2023-08-25", "QĐ-S", "K", "E-S", 200'000'000, funding),
          Complete("k-s", completed, "E-S"),
          Nominate("n-s", "2023-01-02", "K", "S", course.program),
          Leave("l-s", left, "S")};
}

const RuleCase kCases[] = {
    // ---------------------------------------------------------------- NOT_IN_PLAN
    {"NotInPlanWithoutNominationEvenSelfFunded",
     {Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD", "self_funded")},
     Rule::kNotInPlan,
     {{"NOT_IN_PLAN", "violation", "enr-2", kBase + 1, "P2", "2025"}}},
    {"NotInPlanNominatedIsClear",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD")},
     Rule::kNotInPlan,
     {}},
    {"NotInPlanRevokedBeforeTheEnrollmentDoesNotCount",
     {RevokeNomination("nr-1", "2025-08-10", "K", "P1", "phd"), Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD")},
     Rule::kNotInPlan,
     {{"NOT_IN_PLAN", "violation", "enr-1", kBase + 2, "P1", "2025"}}},
    {"NotInPlanApprovedRevokedApprovedAgainCounts",
     {RevokeNomination("nr-1", "2025-08-05", "K", "P1", "phd"), Nominate("n-1b", "2025-08-10", "K", "P1", "phd"),
      Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD")},
     Rule::kNotInPlan,
     {}},
    {"NotInPlanRevokedAfterTheEnrollmentIsClear",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), RevokeNomination("nr-1", "2025-08-21", "K", "P1", "phd")},
     Rule::kNotInPlan,
     {}},
    // Engine's choice: "as of the enrollment's effective date" is the end of
    // that day, so a revocation that day counts even when recorded after.
    {"NotInPlanRevokedLaterTheSameDayCounts",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), RevokeNomination("nr-1", "2025-08-20", "K", "P1", "phd")},
     Rule::kNotInPlan,
     {{"NOT_IN_PLAN", "violation", "enr-1", kBase + 1, "P1", "2025"}}},
    {"NotInPlanNominatedForAnotherProgram",
     {Nominate("n-2", "2025-08-01", "K", "P2", "master"), Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD")},
     Rule::kNotInPlan,
     {{"NOT_IN_PLAN", "violation", "enr-2", kBase + 2, "P2", "2025"}}},
    {"NotInPlanNominatedOnlyAfterTheEnrollment",
     {Nominate("n-2", "2025-08-21", "K", "P2", "phd"), Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD")},
     Rule::kNotInPlan,
     {{"NOT_IN_PLAN", "violation", "enr-2", kBase + 2, "P2", "2025"}}},
    {"NotInPlanWithdrawnIsNotActive",
     {Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD"), Withdraw("w-2", "2025-08-25", "E2")},
     Rule::kNotInPlan,
     {}},

    // ---------------------------------------------------------------- QUOTA_EXCEEDED
    {"Quota17thPhdIsWithin", Phds(17), Rule::kQuotaExceeded, {}},
    {"Quota18thPhdIsOver",
     Phds(18),
     Rule::kQuotaExceeded,
     {{"QUOTA_EXCEEDED", "violation", "enr-Q18", kBase + 54, "K", "2025"}}},
    // The 18th in (effective, seq) order, not in seq order: Q0 enrolled
    // earlier but was recorded last.
    {"QuotaCountsInEffectiveOrder",
     Join(Phds(17), {Person("p-Q0", "2010-01-01", "Q0", "cadre", "COMM", "1990-01-01"),
                     Nominate("n-Q0", "2025-07-01", "K", "Q0", "phd"),
                     Enroll("enr-Q0", "2025-07-15", "E-Q0", "Q0", "C-PHD")}),
     Rule::kQuotaExceeded,
     {{"QUOTA_EXCEEDED", "violation", "enr-Q17", kBase + 51, "K", "2025"}}},
    {"QuotaZeroWhereTheProgramHasOtherCells",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD", "self_funded")},
     Rule::kQuotaExceeded,
     {{"QUOTA_EXCEEDED", "violation", "enr-1", kBase + 1, "K", "2025"}}},
    {"QuotaNullWhereTheProgramHasNoCells",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU")},
     Rule::kQuotaExceeded,
     {}},

    // ---------------------------------------------------------------- BUDGET_EXCEEDED
    {"BudgetExactlySpentIsWithin",
     {Decide("d-1", "2025-09-01", "QĐ-1", "K", "", 600'000'000),
      Decide("d-2", "2025-09-05", "QĐ-2", "K", "", 400'000'000, "unit_fund")},
     Rule::kBudgetExceeded,
     {}},
    {"BudgetSelfFundedDecisionDoesNotCount",
     {Decide("d-1", "2025-09-01", "QĐ-1", "K", "", 600'000'000),
      Decide("d-self", "2025-09-02", "QĐ-S", "K", "", 500'000'000, "self_funded")},
     Rule::kBudgetExceeded,
     {}},
    // Self-funded and revoked decisions do not count; every decision whose
    // running sum is over is flagged.
    {"BudgetEachDecisionOverIsFlagged",
     {Decide("d-1", "2025-09-01", "QĐ-1", "K", "", 600'000'000),
      Decide("d-self", "2025-09-02", "QĐ-S", "K", "", 300'000'000, "self_funded"),
      Decide("d-rev", "2025-09-03", "QĐ-R", "K", "", 500'000'000), RevokeFunding("r-rev", "2025-09-04", "QĐ-R"),
      Decide("d-2", "2025-09-05", "QĐ-2", "K", "", 400'000'000, "unit_fund"),
      Decide("d-3", "2025-09-06", "QĐ-3", "K", "", 1),
      Decide("d-4", "2025-09-07", "QĐ-4", "K", "", 100'000'000)},
     Rule::kBudgetExceeded,
     {{"BUDGET_EXCEEDED", "violation", "d-3", kBase + 6, "K", "2025"},
      {"BUDGET_EXCEEDED", "violation", "d-4", kBase + 7, "K", "2025"}}},
    {"BudgetRunsInEffectiveOrder",
     {Decide("d-early", "2025-09-01", "QĐ-E", "K", "", 500'000'000),
      Decide("d-late", "2025-06-01", "QĐ-L", "K", "", 600'000'000)},
     Rule::kBudgetExceeded,
     {{"BUDGET_EXCEEDED", "violation", "d-early", kBase + 1, "K", "2025"}}},
    {"BudgetRevokedAfterDStillCounts",
     {Decide("d-1", "2025-09-01", "QĐ-1", "K", "", 1'200'000'000), RevokeFunding("r-1", "2026-01-10", "QĐ-1")},
     Rule::kBudgetExceeded,
     {{"BUDGET_EXCEEDED", "violation", "d-1", kBase + 1, "K", "2025"}}},

    // ---------------------------------------------------------------- OVERDUE (C-KU ends 2025-10-31)
    {"OverdueOnEndPlus31",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU")},
     Rule::kOverdue,
     {{"OVERDUE", "data_quality", "enr-3", kBase + 2, "P1", "2025"}},
     "2025-12-01"},
    {"OverdueNotOnEndPlus30",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU")},
     Rule::kOverdue,
     {},
     "2025-11-30"},
    {"OverdueNotWhenCompleted",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU"),
      Complete("k-3", "2025-12-15", "E3", "failed")},
     Rule::kOverdue,
     {}},
    {"OverdueNotWhenWithdrawn",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU"),
      Withdraw("w-3", "2025-10-15", "E3")},
     Rule::kOverdue,
     {}},

    // ---------------------------------------------------------------- FAILED
    {"FailedCompletion",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Complete("k-1", "2028-09-10", "E1", "failed")},
     Rule::kFailed,
     {{"FAILED", "violation", "k-1", kBase + 2, "P1", "2025"}},
     "2028-12-31"},
    {"FailedNotWhenPassed",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Complete("k-1", "2028-09-10", "E1")},
     Rule::kFailed,
     {},
     "2028-12-31"},
    // legal.md: a failure the law's đền bù does not cover is a warning (with
    // no amount: tallies_test): fostering, a self-funded degree, a bachelor
    // judged by the 2025 rulebook. A bachelor under 2017 is covered.
    {"FailedFosteringIsAWarning",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU"),
      Complete("k-3", "2025-11-01", "E3", "failed")},
     Rule::kFailed,
     {{"FAILED", "warning", "k-3", kBase + 3, "P1", "2025"}}},
    {"FailedSelfFundedDegreeIsAWarning",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD", "self_funded"), Complete("k-1", "2028-09-10", "E1", "failed")},
     Rule::kFailed,
     {{"FAILED", "warning", "k-1", kBase + 2, "P1", "2025"}},
     "2028-12-31"},
    {"FailedBachelorUnder2025IsAWarning",
     {Open("c-ba", "2025-06-01", kBachelor2025), Enroll("enr-b", "2025-08-20", "E-B", "P1", "C-BA-2025"),
      Complete("k-b", "2027-09-01", "E-B", "failed")},
     Rule::kFailed,
     {{"FAILED", "warning", "k-b", kBase + 3, "P1", "2025"}},
     "2027-12-31"},
    {"FailedBachelorUnder2017IsAViolation",
     {Open("c-ba", "2023-06-01", kBachelor2023), Enroll("enr-b", "2023-08-20", "E-B", "P1", "C-BA-2023"),
      Complete("k-b", "2025-09-01", "E-B", "failed")},
     Rule::kFailed,
     {{"FAILED", "violation", "k-b", kBase + 3, "P1", "2017"}},
     "2025-12-31"},
    // Engine's choice: a later passed completion (a retake) supersedes.
    {"FailedThenPassedRetakeIsClear",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Complete("k-1", "2028-09-10", "E1", "failed"),
      Complete("k-1b", "2028-11-10", "E1")},
     Rule::kFailed,
     {},
     "2028-12-31"},

    // ---------------------------------------------------------------- DROPPED_OUT (C-PHD starts 2025-09-01)
    {"DroppedOutOnTheStartDay",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Withdraw("w-1", "2025-09-01", "E1")},
     Rule::kDroppedOut,
     {{"DROPPED_OUT", "violation", "w-1", kBase + 2, "P1", "2025"}}},
    {"DroppedOutBachelorUnder2025IsAWarning",
     {Open("c-ba", "2025-06-01", kBachelor2025), Enroll("enr-b", "2025-08-20", "E-B", "P1", "C-BA-2025"),
      Withdraw("w-b", "2025-10-01", "E-B")},
     Rule::kDroppedOut,
     {{"DROPPED_OUT", "warning", "w-b", kBase + 3, "P1", "2025"}}},
    {"DroppedOutBachelorUnder2017IsAViolation",
     {Open("c-ba", "2023-06-01", kBachelor2023), Enroll("enr-b", "2023-08-20", "E-B", "P1", "C-BA-2023"),
      Withdraw("w-b", "2024-10-01", "E-B")},
     Rule::kDroppedOut,
     {{"DROPPED_OUT", "violation", "w-b", kBase + 3, "P1", "2017"}}},
    {"DroppedOutNotTheDayBeforeTheStart",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Withdraw("w-1", "2025-08-31", "E1")},
     Rule::kDroppedOut,
     {}},
    {"DroppedOutNotWhenSelfFunded",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD", "scholarship"), Withdraw("w-1", "2025-10-01", "E1")},
     Rule::kDroppedOut,
     {}},
    {"DroppedOutNotFromAFosteringCourse",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-09-20", "E3", "P1", "C-KU"),
      Withdraw("w-3", "2025-10-15", "E3")},
     Rule::kDroppedOut,
     {}},

    // ---------------------------------------------------------------- OUTSIDE_PHASE (construction opens 2025-07-01)
    {"OutsidePhaseStartingTheDayBefore",
     {Open("c-con", "2025-06-01", kBuildEarly), Enroll("enr-1", "2025-06-20", "E1", "P1", "C-CON-0630")},
     Rule::kOutsidePhase,
     {{"OUTSIDE_PHASE", "violation", "enr-1", kBase + 2, "K", "2017"}}},
    {"OutsidePhaseNotOnTheOpeningDay",
     {Open("c-con", "2025-06-01", kBuildOnTime), Enroll("enr-1", "2025-06-20", "E1", "P1", "C-CON-0701")},
     Rule::kOutsidePhase,
     {}},
    // Engine's choice: a field in several phases opens at the earliest.
    {"OutsidePhaseAFieldInTwoPhasesOpensAtTheEarliest",
     {Amend("a-ph", "2025-01-20", "K", {.phases = std::vector<Phase>{{{"construction"}, "2025-09-01"},
                                                                     {{"construction"}, "2025-06-15"}}}),
      Open("c-con", "2025-06-01", Course{.course = "C-CON-0620", .plan = "K", .program = "master",
                                         .field = "construction", .start = "2025-06-20", .end = "2027-06-20"}),
      Enroll("enr-1", "2025-06-10", "E1", "P1", "C-CON-0620")},
     Rule::kOutsidePhase,
     {}},
    {"OutsidePhaseNotForAFieldWithoutPhase",
     {Open("c-fin", "2024-12-01", kFinanceEarly), Enroll("enr-1", "2024-12-20", "E1", "P1", "C-FIN-0101")},
     Rule::kOutsidePhase,
     {}},

    // ---------------------------------------------------------------- AGE_LIMIT
    {"AgeOver40Under2017",
     Sent(kMaster0630, "cadre", "1984-06-30"),  // 41 on 2025-06-30
     Rule::kAgeLimit,
     {{"AGE_LIMIT", "violation", "enr-a", kBase + 3, "A", "2017"}}},
    {"AgeExactly40Under2017Passes",
     Sent(kMaster0630, "civil_servant", "1984-07-01"),  // 40 on 2025-06-30, 41 the day after
     Rule::kAgeLimit,
     {}},
    {"Age42Under2017IsOver",
     Sent(kMaster0630, "civil_servant", "1983-01-01"),
     Rule::kAgeLimit,
     {{"AGE_LIMIT", "violation", "enr-a", kBase + 3, "A", "2017"}}},
    {"Age42InACourseStarting20250701IsJudgedBy2025",
     Sent(kMaster0701, "civil_servant", "1983-01-01"),
     Rule::kAgeLimit,
     {}},
    {"AgeExactly45Under2025Passes",
     Sent(kMaster0701, "cadre", "1980-07-01"),
     Rule::kAgeLimit,
     {}},
    {"AgeOver45Under2025",
     Sent(kMaster0701, "cadre", "1979-07-01"),  // 46 on 2025-07-01
     Rule::kAgeLimit,
     {{"AGE_LIMIT", "violation", "enr-a", kBase + 3, "A", "2025"}}},
    {"AgePublicEmployeeIsNeverFlagged", Sent(kMaster0630, "public_employee", "1960-01-01"), Rule::kAgeLimit, {}},
    {"AgeSelfFundedIsNotFlagged",
     Sent(kMaster0630, "cadre", "1960-01-01", "self_funded"),
     Rule::kAgeLimit,
     {}},
    {"AgeUnknownBirthDateIsSkipped", Sent(kMaster0630, "cadre", ""), Rule::kAgeLimit, {}},
    {"AgeOfAFosteringCourseIsNotFlagged",
     {Open("c-ku", "2025-09-01", kUpdate), Person("p-a", "2010-01-01", "A", "cadre", "COMM", "1960-01-01"),
      Enroll("enr-a", "2025-09-20", "E-A", "A", "C-KU")},
     Rule::kAgeLimit,
     {}},
    // Engine's choice: born on 29 February, one turns a year older on
    // 1 March in a common year.
    {"AgeBornFeb29Is40OnFeb28",
     Sent(kMaster0228, "cadre", "1984-02-29"),
     Rule::kAgeLimit,
     {}},
    {"AgeBornFeb29Is41OnMar1",
     Sent(kMaster0301, "cadre", "1984-02-29"),
     Rule::kAgeLimit,
     {{"AGE_LIMIT", "violation", "enr-a", kBase + 3, "A", "2017"}}},
    // Only the first publicly funded postgraduate enrollment is judged: at
    // 42 in a 2025 course it passes, and the later one is not "first sent".
    {"AgeOnlyTheFirstPostgraduateEnrollmentIsJudged",
     Join(Sent(kMaster0701, "cadre", "1983-01-01"),
          {Open("c-2", "2025-01-20", kMaster0630), Enroll("enr-a2", "2025-02-25", "E-A2", "A", "C-MS-0630")}),
     Rule::kAgeLimit,
     {}},

    // ---------------------------------------------------------------- SERVICE_BREACH
    // 2017: T1 = 2 x 24 = 48 months. Completed 2025-08-31: by 2029-08-30
    // 47 months served (the 30th is before the 31st), by 2029-08-31, 48.
    {"ServiceBreachUnder2017OneMonthShort",
     Served(kMaster2023, "cadre", "2025-08-31", "2029-08-30"),
     Rule::kServiceBreach,
     {{"SERVICE_BREACH", "violation", "l-s", kBase + 7, "S", "2017"}},
     "2030-01-01"},
    {"ServiceBreachUnder2017ServedInFull",
     Served(kMaster2023, "cadre", "2025-08-31", "2029-08-31"),
     Rule::kServiceBreach,
     {},
     "2030-01-01"},
    // 2025: T1 = 3 x 24 = 72 months; 48 months would have cleared 2017.
    {"ServiceBreachUnder2025NotClearedByTwiceTheLength",
     Served(kMaster2025, "civil_servant", "2027-09-10", "2031-09-10"),
     Rule::kServiceBreach,
     {{"SERVICE_BREACH", "violation", "l-s", kBase + 7, "S", "2025"}},
     "2034-01-01"},
    {"ServiceBreachUnder2025OneMonthShort",
     Served(kMaster2025, "civil_servant", "2027-09-10", "2033-09-09"),
     Rule::kServiceBreach,
     {{"SERVICE_BREACH", "violation", "l-s", kBase + 7, "S", "2025"}},
     "2034-01-01"},
    {"ServiceBreachBachelorUnder2025IsAWarning",
     Served(kBachelor2025, "civil_servant", "2027-09-10", "2031-09-10"),
     Rule::kServiceBreach,
     {{"SERVICE_BREACH", "warning", "l-s", kBase + 7, "S", "2025"}},
     "2034-01-01"},
    {"ServiceBreachUnder2025ServedInFull",
     Served(kMaster2025, "civil_servant", "2027-09-10", "2033-09-10"),
     Rule::kServiceBreach,
     {},
     "2034-01-01"},
    {"ServiceBreachPublicEmployeeStaysOn2017",
     Served(kMaster2025, "public_employee", "2027-09-10", "2031-09-10"),
     Rule::kServiceBreach,
     {},
     "2034-01-01"},
    {"ServiceBreachNotAfterSelfFundedTraining",
     Served(kMaster2025, "cadre", "2027-09-10", "2028-01-10", "self_funded"),
     Rule::kServiceBreach,
     {},
     "2034-01-01"},
    // Engine's choice: leaving before the completion's date is no breach of
    // a commitment that had not begun.
    {"ServiceBreachNotWhenLeftBeforeCompleting",
     Served(kMaster2025, "cadre", "2027-09-10", "2027-06-01"),
     Rule::kServiceBreach,
     {},
     "2034-01-01"},
    {"ServiceBreachNotBeforeTheLeavingCounts",
     Served(kMaster2025, "cadre", "2027-09-10", "2028-01-10"),
     Rule::kServiceBreach,
     {},
     "2028-01-09"},

    // ---------------------------------------------------------------- FUNDING_WITHOUT_ENROLLMENT
    {"FundingWithoutEnrollmentUnknownAnyClass",
     {Decide("d-g", "2025-09-01", "QĐ-G", "K", "E-GHOST", 50'000'000),
      Decide("d-gs", "2025-09-02", "QĐ-GS", "K", "E-GHOST2", 10'000'000, "self_funded")},
     Rule::kFundingWithoutEnrollment,
     {{"FUNDING_WITHOUT_ENROLLMENT", "data_quality", "d-g", kBase + 1, "QĐ-G", "2025"},
      {"FUNDING_WITHOUT_ENROLLMENT", "data_quality", "d-gs", kBase + 2, "QĐ-GS", "2025"}}},
    {"FundingWithoutEnrollmentAlreadyWithdrawn",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Withdraw("w-1", "2025-08-25", "E1"),
      Decide("d-1", "2025-09-01", "QĐ-1", "K", "E1", 50'000'000)},
     Rule::kFundingWithoutEnrollment,
     {{"FUNDING_WITHOUT_ENROLLMENT", "data_quality", "d-1", kBase + 3, "QĐ-1", "2025"}}},
    {"FundingWithoutEnrollmentNotWhenDecidedBeforeTheWithdrawal",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Withdraw("w-1", "2025-08-25", "E1"),
      Decide("d-1", "2025-08-22", "QĐ-1", "K", "E1", 50'000'000)},
     Rule::kFundingWithoutEnrollment,
     {}},
    {"FundingWithoutEnrollmentDecidedTheDayBeforeTheEnrollment",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Decide("d-1", "2025-08-19", "QĐ-1", "K", "E1", 50'000'000)},
     Rule::kFundingWithoutEnrollment,
     {{"FUNDING_WITHOUT_ENROLLMENT", "data_quality", "d-1", kBase + 2, "QĐ-1", "2025"}}},
    {"FundingWithoutEnrollmentNotOnTheEnrollmentDay",
     {Decide("d-1", "2025-08-20", "QĐ-1", "K", "E1", 50'000'000), Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD")},
     Rule::kFundingWithoutEnrollment,
     {}},
    {"FundingWithoutEnrollmentNotWhenRevoked",
     {Decide("d-g", "2025-09-01", "QĐ-G", "K", "E-GHOST", 50'000'000), RevokeFunding("r-g", "2025-09-10", "QĐ-G")},
     Rule::kFundingWithoutEnrollment,
     {}},

    // ---------------------------------------------------------------- DUPLICATE_FUNDING
    {"DuplicateFundingSecondAndLater",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 50'000'000),
      Decide("d-2", "2025-08-26", "QĐ-2", "K", "E1", 50'000'000, "unit_fund"),
      Decide("d-3", "2025-08-27", "QĐ-3", "K", "E1", 10'000'000)},
     Rule::kDuplicateFunding,
     {{"DUPLICATE_FUNDING", "data_quality", "d-2", kBase + 3, "E1", "2025"},
      {"DUPLICATE_FUNDING", "data_quality", "d-3", kBase + 4, "E1", "2025"}}},
    {"DuplicateFundingNotForASelfFundedSecond",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 50'000'000),
      Decide("d-2", "2025-08-26", "QĐ-2", "K", "E1", 50'000'000, "scholarship")},
     Rule::kDuplicateFunding,
     {}},
    {"DuplicateFundingNotAfterTheFirstIsRevoked",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 50'000'000),
      RevokeFunding("r-1", "2025-08-26", "QĐ-1"), Decide("d-2", "2025-08-27", "QĐ-2", "K", "E1", 50'000'000)},
     Rule::kDuplicateFunding,
     {}},

    // ---------------------------------------------------------------- DATE_INCONSISTENT
    {"DateInconsistentCompletionBeforeTheStart",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Complete("k-1", "2025-08-31", "E1")},
     Rule::kDateInconsistent,
     {{"DATE_INCONSISTENT", "data_quality", "k-1", kBase + 2, "E1", "2025"}}},
    {"DateInconsistentNotForACompletionOnTheStartDay",
     {Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"), Complete("k-1", "2025-09-01", "E1")},
     Rule::kDateInconsistent,
     {}},
    {"DateInconsistentEnrollmentAfterTheEnd",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-11-01", "E3", "P1", "C-KU")},
     Rule::kDateInconsistent,
     {{"DATE_INCONSISTENT", "data_quality", "enr-3", kBase + 2, "E3", "2025"}}},
    {"DateInconsistentNotForAnEnrollmentOnTheEndDay",
     {Open("c-ku", "2025-09-01", kUpdate), Enroll("enr-3", "2025-10-31", "E3", "P1", "C-KU")},
     Rule::kDateInconsistent,
     {}},

    // ---------------------------------------------------------------- UNIT_DISSOLVED
    {"UnitDissolvedMergedAway",
     {Unit("u-a", "2015-01-01", "A", "commune", "PROV"), Unit("u-b", "2015-01-01", "B", "commune", "PROV"),
      Reorganize("m-ab", "2025-03-01", "merge", {"A"}, "B"), Person("p-x", "2025-03-01", "X", "cadre", "A")},
     Rule::kUnitDissolved,
     {{"UNIT_DISSOLVED", "data_quality", "p-x", kBase + 4, "A", "2017"}}},
    {"UnitDissolvedNotTheDayBeforeTheMerge",
     {Unit("u-a", "2015-01-01", "A", "commune", "PROV"), Unit("u-b", "2015-01-01", "B", "commune", "PROV"),
      Reorganize("m-ab", "2025-03-01", "merge", {"A"}, "B"), Person("p-x", "2025-02-28", "X", "cadre", "A")},
     Rule::kUnitDissolved,
     {}},
    // A merge may list the unit that absorbs the others among `from`: that
    // unit is not merged away.
    {"UnitDissolvedNotTheUnitAMergeKeeps",
     {Unit("u-a", "2015-01-01", "A", "commune", "PROV"), Unit("u-b", "2015-01-01", "B", "commune", "PROV"),
      Reorganize("m-ab", "2025-03-01", "merge", {"A", "B"}, "B"), Person("p-x", "2025-04-01", "X", "cadre", "B"),
      Person("p-y", "2025-04-01", "Y", "cadre", "A")},
     Rule::kUnitDissolved,
     {{"UNIT_DISSOLVED", "data_quality", "p-y", kBase + 5, "A", "2017"}}},
    {"UnitDissolvedDissolved",
     {Unit("u-x", "2015-01-01", "X", "commune", "PROV"), Reorganize("d-x", "2025-05-01", "dissolve", {"X"}),
      Transfer("t-1", "2025-05-01", "P1", "X")},
     Rule::kUnitDissolved,
     {{"UNIT_DISSOLVED", "data_quality", "t-1", kBase + 3, "X", "2017"}}},
    {"UnitDissolvedNotTheDayBeforeTheDissolution",
     {Unit("u-x", "2015-01-01", "X", "commune", "PROV"), Reorganize("d-x", "2025-05-01", "dissolve", {"X"}),
      Transfer("t-1", "2025-04-30", "P1", "X")},
     Rule::kUnitDissolved,
     {}},
    {"UnitDissolvedDistrictFrom20250701WithoutAnEvent",
     {Open("c-ku", "2025-07-01", Course{.course = "C-KU", .plan = "K", .program = "knowledge_update",
                                        .start = "2025-10-01", .end = "2025-10-31", .unit = "DIST"})},
     Rule::kUnitDissolved,
     {{"UNIT_DISSOLVED", "data_quality", "c-ku", kBase + 1, "DIST", "2025"}}},
    {"UnitDissolvedNotADistrictOn20250630",
     {Open("c-ku", "2025-06-30", Course{.course = "C-KU", .plan = "K", .program = "knowledge_update",
                                        .start = "2025-10-01", .end = "2025-10-31", .unit = "DIST"})},
     Rule::kUnitDissolved,
     {}},
    // Engine's choice: a unit renamed to a new id is gone under its old id.
    {"UnitDissolvedRenamedAwayOldIdOnly",
     {Unit("u-a", "2015-01-01", "A", "commune", "PROV"), Reorganize("rn-a", "2025-03-01", "rename", {"A"}, "A2"),
      Unit("u-a2", "2025-03-01", "A2", "commune", "PROV"), Person("p-x", "2025-04-01", "X", "cadre", "A"),
      Person("p-y", "2025-04-01", "Y", "cadre", "A2")},
     Rule::kUnitDissolved,
     {{"UNIT_DISSOLVED", "data_quality", "p-x", kBase + 4, "A", "2017"}}},

    {"UnitDissolvedNotARenameThatKeepsTheId",
     {Unit("u-a", "2015-01-01", "A", "commune", "PROV"), Reorganize("rn-a", "2025-03-01", "rename", {"A"}, "A"),
      Person("p-x", "2025-04-01", "X", "cadre", "A")},
     Rule::kUnitDissolved,
     {}},

    // ---------------------------------------------------------------- NOT_PRIORITY_FIELD (finance, IT)
    {"NotPriorityFieldIsAWarning",
     {Open("c-h", "2025-06-01", kPhdHealth), Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD-H", "unit_fund")},
     Rule::kNotPriorityField,
     {{"NOT_PRIORITY_FIELD", "warning", "enr-1", kBase + 2, "K", "2025"}}},
    {"NotPriorityFieldNotWhenSelfFunded",
     {Open("c-h", "2025-06-01", kPhdHealth), Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD-H", "self_funded")},
     Rule::kNotPriorityField,
     {}},
    {"NotPriorityFieldNotForFostering",
     {Open("c-h", "2025-09-01", kUpdateHealth), Enroll("enr-1", "2025-09-20", "E1", "P1", "C-KU-H")},
     Rule::kNotPriorityField,
     {}},
    {"NotPriorityFieldNotWhenThePlanListsNone",
     {Plan("k2", "2025-01-15", "K2", 0, {}),
      Open("c-h", "2025-06-01", Course{.course = "C-PHD-H", .plan = "K2", .field = "health", .start = "2025-09-01",
                                       .end = "2028-08-31"}),
      Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD-H")},
     Rule::kNotPriorityField,
     {}},

    // ---------------------------------------------------------------- MISSING_REFERENCE
    {"MissingReferenceOnePerEventAndId",
     {Enroll("enr-9", "2025-08-20", "E9", "P-GHOST", "C-GHOST"),
      Withdraw("w-9", "2025-08-21", "E-GHOST")},
     Rule::kMissingReference,
     {{"MISSING_REFERENCE", "data_quality", "enr-9", kBase + 1, "C-GHOST", "2025"},
      {"MISSING_REFERENCE", "data_quality", "enr-9", kBase + 1, "P-GHOST", "2025"},
      {"MISSING_REFERENCE", "data_quality", "w-9", kBase + 2, "E-GHOST", "2025"}}},
    {"MissingReferenceNotWhenRegisteredLaterInTheLedger",
     {Enroll("enr-9", "2025-08-20", "E9", "P9", "C-PHD"), Person("p-9", "2025-08-25", "P9", "cadre", "COMM")},
     Rule::kMissingReference,
     {}},
    {"MissingReferenceWhenTheRegistrationIsAfterD",
     {Enroll("enr-9", "2025-08-20", "E9", "P9", "C-PHD"), Person("p-9", "2026-01-05", "P9", "cadre", "COMM")},
     Rule::kMissingReference,
     {{"MISSING_REFERENCE", "data_quality", "enr-9", kBase + 1, "P9", "2025"}}},
    {"MissingReferenceLeavesAMissingEnrollmentToFunding",
     {Decide("d-g", "2025-09-01", "QĐ-G", "K", "E-GHOST", 50'000'000)},
     Rule::kMissingReference,
     {}},
    // Engine's choice: a revoked decision naming a missing enrollment is
    // reported by neither rule (FUNDING_WITHOUT_ENROLLMENT skips revoked
    // decisions; MISSING_REFERENCE leaves a decision's enrollment to it).
    {"MissingReferenceNotForARevokedDecisionsEnrollment",
     {Decide("d-g", "2025-09-01", "QĐ-G", "K", "E-GHOST", 50'000'000), RevokeFunding("r-g", "2025-09-10", "QĐ-G")},
     Rule::kMissingReference,
     {}},
    {"MissingReferenceForAFundingDecisionsPlan",
     {Decide("d-g", "2025-09-01", "QĐ-G", "K-GHOST", "", 50'000'000)},
     Rule::kMissingReference,
     {{"MISSING_REFERENCE", "data_quality", "d-g", kBase + 1, "K-GHOST", "2025"}}},
};

INSTANTIATE_TEST_SUITE_P(Rules, RuleCaseTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<RuleCase>& info) { return info.param.name; });

// Every rule has a flagged case and a near miss above.
TEST(RulesTest, EveryRuleHasAFlaggedCaseAndANearMiss) {
  for (Rule rule : kAllRules) {
    int flagged = 0, clear = 0;
    for (const RuleCase& c : kCases) {
      if (c.rule == rule) ++(c.flagged.empty() ? clear : flagged);
    }
    EXPECT_GT(flagged, 0) << RuleName(rule);
    EXPECT_GT(clear, 0) << RuleName(rule);
  }
}

// A finding carries the rulebook it was judged by, its typed arguments and
// the legal basis of that rulebook (legal.md); the words are the catalog's
// (tests/finding_catalog_test.cc).
TEST(RulesTest, ArgumentsAndBasisFollowTheRulebook) {
  Outcome o2017 = OutcomeOf(Sent(kMaster0630, "cadre", "1984-06-30"), "2025-12-31");
  std::vector<Violation> v = Of(o2017, Rule::kAgeLimit);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rulebook, Rulebook::k2017);
  EXPECT_EQ(v[0].basis, Basis::kAgeLimit2017);
  EXPECT_EQ(v[0].kind, Kind::kViolation);
  EXPECT_EQ(v[0].what, Case::kAgeLimit);
  EXPECT_EQ(v[0].args.person, "A");
  EXPECT_EQ(v[0].args.person_name, "Nguyễn Văn A");
  EXPECT_EQ(v[0].args.enrollment, "E-A");
  EXPECT_EQ(v[0].args.course, "C-MS-0630");
  EXPECT_EQ(v[0].args.program, Program::MASTER);
  EXPECT_EQ(v[0].args.start, Day("2025-06-30"));
  EXPECT_EQ(v[0].args.age, 41);
  EXPECT_EQ(v[0].args.limit, 40);
  EXPECT_FALSE(v[0].args.plan_document.has_value());  // a law, not the plan, is cited

  Outcome o2025 = OutcomeOf(Sent(kMaster0701, "cadre", "1979-07-01"), "2025-12-31");
  v = Of(o2025, Rule::kAgeLimit);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rulebook, Rulebook::k2025);
  EXPECT_EQ(v[0].basis, Basis::kAgeLimit2025);
  EXPECT_EQ(v[0].args.age, 46);
  EXPECT_EQ(v[0].args.limit, 45);
}

// Violations are listed in (rule, evidence seq) order, whatever order the
// rules found them in.
TEST(RulesTest, ViolationsAreInRuleThenSeqOrder) {
  Outcome o = OutcomeOf({Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD", "self_funded"),
                   Decide("d-g", "2025-09-01", "QĐ-G", "K", "E-GHOST", 50'000'000),
                   Enroll("enr-9", "2025-08-20", "E9", "P-GHOST", "C-PHD")},
                  "2025-12-31");
  std::vector<std::pair<std::string, uint64_t>> order;
  for (const Violation& v : o.violations) order.emplace_back(RuleName(v.rule), v.seq);
  EXPECT_EQ(order, (std::vector<std::pair<std::string, uint64_t>>{{"FUNDING_WITHOUT_ENROLLMENT", kBase + 2},
                                                                  {"MISSING_REFERENCE", kBase + 3},
                                                                  {"NOT_IN_PLAN", kBase + 1},
                                                                  {"NOT_IN_PLAN", kBase + 3},
                                                                  {"QUOTA_EXCEEDED", kBase + 1}}));
}

}  // namespace
}  // namespace tledger
