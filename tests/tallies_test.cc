// The tallies of shared/spec/rules.md (quota cells, money, by level, field
// and form, plan amendments) and compensation (reimbursement_due_vnd and
// each violation's amount), with exact figures.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "projections/rules/rules.h"
#include "tests/ledger_builder.h"

namespace tledger {
namespace {

using namespace jsonl;

const Course kPhd{.course = "C-PHD", .plan = "K", .program = "phd", .start = "2025-09-01", .end = "2028-08-31"};
const Course kMaster{.course = "C-MS", .plan = "K", .program = "master", .start = "2025-09-01", .end = "2027-09-01"};
const Course kUpdate{.course = "C-KU", .plan = "K", .program = "knowledge_update", .start = "2025-10-01",
                     .end = "2025-10-31"};

Outcome OutcomeOf(const std::vector<std::string>& lines, std::string_view as_of, bool restate_units = false) {
  Ledger l;
  l.Record(At("2026-01-01T00:00:00Z"), lines);
  return l.Evaluate(Day(as_of), kForever, restate_units);
}

std::vector<std::string> Join(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// A person `who` in unit COMM, nominated and enrolled (`enrollment`, with
// `funding`) in `course` on 2025-08-20.
std::vector<std::string> Trainee(const std::string& who, const std::string& enrollment, const Course& course,
                                 std::string_view funding = "state_budget", std::string_view category = "civil_servant") {
  return {Person("p-" + who, "2010-01-01", who, category, "COMM", "1990-01-01"),
          Nominate("n-" + enrollment, "2025-08-01", course.plan, who, course.program),
          Enroll("enr-" + enrollment, "2025-08-20", enrollment, who, course.course, funding)};
}

std::vector<std::string> World() {
  return {Unit("u-prov", "2015-01-01", "PROV", "province"), Unit("u-comm", "2015-01-01", "COMM", "commune", "PROV")};
}

// ---------------------------------------------------------------- quota cells and money

TEST(TalliesTest, CellsQuotasAndCounts) {
  Outcome o = OutcomeOf(Join({World(),
                        {Plan("k", "2025-01-15", "K", 1'000'000'000,
                              {{"master", "public", "domestic", 2},
                               {"phd", "self", "foreign", 1},
                               {"phd", "public", "domestic", 17}}),
                         Plan("k2", "2025-01-15", "K2", 50'000'000, {{"bachelor", "public", "domestic", 3}}),
                         Open("c-phd", "2025-06-01", kPhd), Open("c-ms", "2025-06-01", kMaster),
                         Open("c-ku", "2025-06-01", kUpdate)},
                        Trainee("T1", "E1", kPhd), Trainee("T2", "E2", kPhd, "unit_fund"), Trainee("T3", "E3", kPhd),
                        Trainee("T4", "E4", kPhd, "self_funded"), Trainee("T5", "E5", kMaster),
                        Trainee("T6", "E6", kUpdate),
                        {Complete("k-1", "2028-08-31", "E1"), Complete("k-2", "2028-08-31", "E2", "failed"),
                         Withdraw("w-5", "2025-08-25", "E5"), Complete("k-6", "2025-10-31", "E6"),
                         Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 300'000'000),
                         Decide("d-2", "2025-08-25", "QĐ-2", "K", "E2", 200'000'000, "unit_fund"),
                         Decide("d-3", "2025-08-25", "QĐ-3", "K", "E4", 100'000'000, "self_funded"),
                         Decide("d-4", "2025-08-25", "QĐ-4", "K", "E3", 400'000'000),
                         RevokeFunding("r-4", "2025-09-10", "QĐ-4")}}),
                  "2028-12-31");
  using P = Program;
  using C = FundingClass;
  using L = Location;
  std::vector<PlanTally> expected = {
      {"K",
       1'000'000'000,
       500'000'000,
       500'000'000,
       {
           // (program, funding_class, location), in the schema's enumeration order.
           {P::PHD, C::PUBLIC, L::DOMESTIC, 17, 3, 1, 1, 1, 0},
           {P::PHD, C::SELF, L::DOMESTIC, 0, 1, 0, 0, 1, 0},  // the plan has PhD cells, not this one
           {P::PHD, C::SELF, L::FOREIGN, 1, 0, 0, 0, 0, 0},
           {P::MASTER, C::PUBLIC, L::DOMESTIC, 2, 0, 0, 0, 0, 1},
           {P::KNOWLEDGE_UPDATE, C::PUBLIC, L::DOMESTIC, std::nullopt, 1, 1, 0, 0, 0},  // no cells: no quota
       },
       // The plan's decision as issued, with its issuer's registered name.
       {"K", "Kế hoạch K", "", Day("2025-01-15"), "PROV", "Đơn vị PROV"}},
      {"K2", 50'000'000, 0, 50'000'000, {{P::BACHELOR, C::PUBLIC, L::DOMESTIC, 3, 0, 0, 0, 0, 0}},
       {"K2", "Kế hoạch K2", "", Day("2025-01-15"), "PROV", "Đơn vị PROV"}},
  };
  EXPECT_EQ(o.report.plans, expected);
  EXPECT_EQ(ReportJson(o)["plans"][0]["cells"][1].dump(),
            R"({"program":"phd","funding_class":"self","location":"domestic","quota":0,"enrolled":1,)"
            R"("completed":0,"failed":0,"in_progress":1,"withdrawn":0})");
  EXPECT_EQ(ReportJson(o)["plans"][0]["cells"][4]["quota"].dump(), "null");
}

// A plan's quotas, budget, priorities and phases are those issued with every
// counting amendment applied in (effective, seq) order.
TEST(TalliesTest, PlanAmendmentsApplyInEffectiveThenSeqOrder) {
  std::vector<std::string> lines = Join(
      {World(),
       {Plan("k", "2025-01-15", "K", 1'000'000'000, {{"phd", "public", "domestic", 17}}, {"finance"}),
        Amend("a-1", "2025-06-01", "K", {.budget_vnd = 2'000'000'000}),
        // Recorded after a-1, effective before it.
        Amend("a-2", "2025-03-01", "K",
              {.budget_vnd = 1'500'000'000,
               .quotas = std::vector<Quota>{{"phd", "public", "domestic", 20}, {"master", "public", "domestic", 5}}}),
        // The same day: seq decides.
        Amend("a-3", "2025-09-01", "K", {.budget_vnd = 3'000'000'000}),
        Amend("a-4", "2025-09-01", "K",
              {.budget_vnd = 2'500'000'000,
               .quotas = std::vector<Quota>{{"phd", "public", "domestic", 1}},
               .priority_fields = std::vector<std::string>{"health"}}),
        Open("c-phd", "2025-06-01", kPhd)},
       Trainee("T1", "E1", kPhd), Trainee("T2", "E2", kPhd)});
  struct Expect {
    const char* as_of;
    int64_t budget;
    std::vector<std::pair<Program, std::optional<int64_t>>> quotas;
    size_t quota_exceeded, not_priority;
  };
  const Expect table[] = {
      {"2025-02-01", 1'000'000'000, {{Program::PHD, 17}}, 0, 0},
      {"2025-04-01", 1'500'000'000, {{Program::PHD, 20}, {Program::MASTER, 5}}, 0, 0},
      {"2025-08-31", 2'000'000'000, {{Program::PHD, 20}, {Program::MASTER, 5}}, 0, 0},
      {"2025-09-01", 2'500'000'000, {{Program::PHD, 1}, {Program::MASTER, 5}}, 1, 2},
  };
  Ledger l;
  l.Record(At("2026-01-01T00:00:00Z"), lines);
  for (const Expect& e : table) {
    Outcome o = l.Evaluate(Day(e.as_of));
    ASSERT_EQ(o.report.plans.size(), 1u);
    EXPECT_EQ(o.report.plans[0].budget_vnd, e.budget) << e.as_of;
    std::vector<std::pair<Program, std::optional<int64_t>>> quotas;
    for (const CellTally& c : o.report.plans[0].cells) quotas.emplace_back(c.program, c.quota);
    EXPECT_EQ(quotas, e.quotas) << e.as_of;
    EXPECT_EQ(Of(o, Rule::kQuotaExceeded).size(), e.quota_exceeded) << e.as_of;
    EXPECT_EQ(Of(o, Rule::kNotPriorityField).size(), e.not_priority) << e.as_of;
  }
}

// A plan that declares the same cell twice: the later count replaces the
// earlier, as a plan_amended's cells replace the same cells. Whichever count
// the engine takes, the tally and QUOTA_EXCEEDED must take the same one.
TEST(TalliesTest, ACellDeclaredTwiceHasOneQuota) {
  Outcome o = OutcomeOf(Join({World(),
                              {Plan("k", "2025-01-15", "K", 0,
                                    {{"phd", "public", "domestic", 1}, {"phd", "public", "domestic", 3}}),
                               Open("c-phd", "2025-06-01", kPhd)},
                              Trainee("T1", "E1", kPhd), Trainee("T2", "E2", kPhd)}),
                        "2025-12-31");
  ASSERT_EQ(o.report.plans.at(0).cells.size(), 1u);
  EXPECT_EQ(o.report.plans[0].cells[0].quota, 3);
  EXPECT_EQ(o.report.plans[0].cells[0].enrolled, 2);
  EXPECT_EQ(Flags(o, Rule::kQuotaExceeded), std::vector<Flag>{});
}

// ---------------------------------------------------------------- by level, field and form

// PD works in district DIST, merged into the new commune COMM2 on
// 2025-07-01; PB in district DIST-B, which ends with the district level
// (no event of its own); PC in a central unit.
std::vector<std::string> Reorganisation() {
  return Join({{Unit("u-cen", "2015-01-01", "CEN", "central"), Unit("u-prov", "2015-01-01", "PROV", "province"),
                Unit("u-dist", "2015-01-01", "DIST", "district", "PROV"),
                Unit("u-distb", "2015-01-01", "DIST-B", "district", "PROV"),
                Unit("u-comm2", "2025-07-01", "COMM2", "commune", "PROV"),
                Reorganize("m-dist", "2025-07-01", "merge", {"DIST"}, "COMM2"),
                Person("p-d", "2010-01-01", "PD", "civil_servant", "DIST", "1990-01-01"),
                Person("p-b", "2010-01-01", "PB", "civil_servant", "DIST-B", "1990-01-01"),
                Person("p-c", "2010-01-01", "PC", "civil_servant", "CEN", "1990-01-01"),
                Plan("k", "2025-01-15", "K", 0, {}),
                Open("c-1", "2025-01-20", Course{.course = "C-1", .plan = "K", .program = "knowledge_update",
                                                 .start = "2025-02-01", .end = "2025-12-31"}),
                Enroll("enr-d1", "2025-03-01", "E-D1", "PD", "C-1"), Enroll("enr-d2", "2025-09-01", "E-D2", "PD", "C-1"),
                Enroll("enr-b", "2025-03-01", "E-B", "PB", "C-1"), Enroll("enr-b2", "2025-09-01", "E-B2", "PB", "C-1"),
                Enroll("enr-c", "2025-03-01", "E-C", "PC", "C-1")}});
}

TEST(TalliesTest, ByLevelKeepsHistoryAcrossTheReorganisation) {
  std::vector<LevelTally> before = {{"central", 1, 1}, {"province", 0, 0}, {"district", 2, 2}, {"commune", 0, 0}};
  EXPECT_EQ(OutcomeOf(Reorganisation(), "2025-06-30").report.by_level, before);
  EXPECT_EQ(OutcomeOf(Reorganisation(), "2025-06-30", true).report.by_level, before);
  // Enrollments before 2025-07-01 stay at district level; PD's of
  // 2025-09-01 is at the commune DIST became. Engine's choice: PB's of
  // 2025-09-01 is still at district level, DIST-B having no successor and
  // PB no recorded transfer.
  EXPECT_EQ(OutcomeOf(Reorganisation(), "2025-12-31").report.by_level,
            (std::vector<LevelTally>{{"central", 1, 1}, {"province", 0, 0}, {"district", 3, 2}, {"commune", 1, 1}}));
}

TEST(TalliesTest, ByLevelRestatedMapsEveryUnitToItsSuccessorAsOfD) {
  // DIST -> COMM2 (merged); DIST-B, ended without a successor, -> its
  // parent PROV.
  EXPECT_EQ(OutcomeOf(Reorganisation(), "2025-12-31", true).report.by_level,
            (std::vector<LevelTally>{{"central", 1, 1}, {"province", 2, 1}, {"district", 0, 0}, {"commune", 2, 1}}));
}

TEST(TalliesTest, ByLevelOfAPersonWithoutAUnitIsUnknown) {
  std::vector<std::string> lines = Reorganisation();
  lines.push_back(Enroll("enr-x", "2025-03-01", "E-X", "P-NOBODY", "C-1"));
  EXPECT_EQ(OutcomeOf(lines, "2025-06-30").report.by_level,
            (std::vector<LevelTally>{
                {"central", 1, 1}, {"province", 0, 0}, {"district", 2, 2}, {"commune", 0, 0}, {"unknown", 1, 1}}));
}

TEST(TalliesTest, ByFieldAndByFormCountActiveEnrollmentsAndClasses) {
  auto course = [](std::string id, std::string field, std::string form) {
    return Open("c-" + id, "2025-06-01",
                Course{.course = id, .plan = "K", .program = "it_skills", .field = field, .form = form,
                       .start = "2025-09-01", .end = "2025-09-30"});
  };
  Outcome o = OutcomeOf(Join({World(),
                        {Plan("k", "2025-01-15", "K", 0, {}), course("C1", "finance", "centralized"),
                         course("C2", "finance", "online"), course("C3", "health", "online"),
                         course("C4", "health", "remote")},
                        Trainee("T1", "E1", {.course = "C1", .plan = "K", .program = "it_skills"}),
                        Trainee("T2", "E2", {.course = "C1", .plan = "K", .program = "it_skills"}),
                        Trainee("T3", "E3", {.course = "C1", .plan = "K", .program = "it_skills"}),
                        Trainee("T4", "E4", {.course = "C2", .plan = "K", .program = "it_skills"}),
                        Trainee("T5", "E5", {.course = "C3", .plan = "K", .program = "it_skills"}),
                        {Withdraw("w-3", "2025-08-25", "E3"), Withdraw("w-5", "2025-08-25", "E5")}}),
                  "2025-12-31");
  // Health has no active enrollment: no line (and C3 is no class).
  EXPECT_EQ(o.report.by_field, (std::vector<GroupTally>{{"finance", 3, 2}}));
  EXPECT_EQ(o.report.by_form, (std::vector<GroupTally>{
                                  {"centralized", 2, 1}, {"semi_centralized", 0, 0}, {"remote", 0, 0}, {"online", 1, 1}}));
}

// ---------------------------------------------------------------- compensation

// F for E1 = 100,000,000 + 50,000,000 (public); a self-funded decision and a
// revoked one are not part of it.
std::vector<std::string> FailedPhd() {
  return Join({World(),
               {Plan("k", "2025-01-15", "K", 10'000'000'000, {}), Open("c-phd", "2025-06-01", kPhd)},
               Trainee("T1", "E1", kPhd),
               {Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 100'000'000),
                Decide("d-2", "2026-08-25", "QĐ-2", "K", "E1", 50'000'000, "unit_fund"),
                Decide("d-3", "2025-08-25", "QĐ-3", "K", "E1", 30'000'000, "self_funded"),
                Decide("d-4", "2025-08-26", "QĐ-4", "K", "E1", 20'000'000), RevokeFunding("r-4", "2025-09-01", "QĐ-4"),
                Complete("k-1", "2028-09-10", "E1", "failed")}});
}

struct Owed {
  std::string rule, event;
  std::optional<int64_t> amount_vnd;
  friend bool operator==(const Owed&, const Owed&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Owed& o) {
    return os << o.rule << " " << o.event << " " << (o.amount_vnd ? std::to_string(*o.amount_vnd) : "null");
  }
};

// The violations that set a compensation, with their amounts.
std::vector<Owed> Amounts(const Outcome& o) {
  std::vector<Owed> out;
  for (const Violation& v : o.violations) {
    if (v.amount_vnd) out.push_back({std::string(RuleName(v.rule)), v.event, v.amount_vnd});
  }
  return out;
}

TEST(CompensationTest, FailedOwesThePublicFunding) {
  Outcome o = OutcomeOf(FailedPhd(), "2028-12-31");
  EXPECT_EQ(Amounts(o), (std::vector<Owed>{{"FAILED", "k-1", 150'000'000}}));
  EXPECT_EQ(o.report.reimbursement_due_vnd, 150'000'000);
}

// E1 dropped out of a publicly funded PhD after its start: F = 120,000,000,
// of which 50,000,000 paid back.
std::vector<std::string> DroppedOutPhd(int64_t repaid) {
  return Join({World(),
               {Plan("k", "2025-01-15", "K", 10'000'000'000, {}), Open("c-phd", "2025-06-01", kPhd)},
               Trainee("T1", "E1", kPhd),
               {Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 120'000'000), Withdraw("w-1", "2026-03-01", "E1"),
                Repay("m-1", "2026-06-01", "T1", "E1", repaid)}});
}

TEST(CompensationTest, DroppedOutLessAPartialRepayment) {
  Outcome o = OutcomeOf(DroppedOutPhd(50'000'000), "2026-12-31");
  EXPECT_EQ(Amounts(o), (std::vector<Owed>{{"DROPPED_OUT", "w-1", 120'000'000}}));
  EXPECT_EQ(o.report.reimbursement_due_vnd, 70'000'000);
  // Before the repayment counts, the whole of F.
  EXPECT_EQ(OutcomeOf(DroppedOutPhd(50'000'000), "2026-05-31").report.reimbursement_due_vnd, 120'000'000);
}

TEST(CompensationTest, NeverBelowZero) {
  // E1 paid back 10,000,000 more than F; that does not pay for E9's F.
  Outcome o = OutcomeOf(Join({DroppedOutPhd(130'000'000), Trainee("T9", "E9", kPhd),
                        {Decide("d-9", "2025-08-25", "QĐ-9", "K", "E9", 10'000'000),
                         Withdraw("w-9", "2026-03-01", "E9")}}),
                  "2026-12-31");
  EXPECT_EQ(o.report.reimbursement_due_vnd, 10'000'000);
}

// Engine's choice: an enrollment both dropped out and failed owes F once
// (the largest amount of its violations), not twice.
TEST(CompensationTest, OneEnrollmentOwesItsLargestAmountOnce) {
  std::vector<std::string> lines = DroppedOutPhd(50'000'000);
  lines.push_back(Complete("k-1", "2026-02-20", "E1", "failed"));
  Outcome o = OutcomeOf(lines, "2026-12-31");
  EXPECT_EQ(Amounts(o), (std::vector<Owed>{{"DROPPED_OUT", "w-1", 120'000'000}, {"FAILED", "k-1", 120'000'000}}));
  EXPECT_EQ(o.report.reimbursement_due_vnd, 70'000'000);
}

// S, sent to `course` with F of public funds, completed (passed) on
// `completed` and left service on `left`.
std::vector<std::string> Breach(const Course& course, std::string_view category, int64_t f,
                                std::string_view completed, std::string_view left) {
  return Join({World(),
               {Plan("k", "2023-01-15", "K", 10'000'000'000, {}), Open("c", "2023-01-20", course),
                Person("p-s", "2010-01-01", "S", category, "COMM", "1990-01-01"),
                Nominate("n-s", "2023-02-01", "K", "S", course.program),
                Enroll("enr-s", "2023-08-20", "E-S", "S", course.course),
                Decide("d-s", "2023-08-25", "QĐ-S", "K", "E-S", f), Complete("k-s", completed, "E-S"),
                Leave("l-s", left, "S")}});
}
const Course kMaster2023{.course = "C-MS-2023", .plan = "K", .program = "master", .start = "2023-09-01",
                         .end = "2025-09-01"};  // 24 months, 2017: T1 = 48
const Course kMaster2025{.course = "C-MS-2025", .plan = "K", .program = "master", .start = "2025-09-01",
                         .end = "2027-09-01"};  // 24 months, 2025: T1 = 72

struct BreachCase {
  const char* name;
  const Course* course;
  const char* category;
  int64_t f;
  const char* completed;
  const char* left;
  int64_t t1, t2, owed;
  const char* rulebook;
};

TEST(CompensationTest, ServiceBreachUnderEachRulebook) {
  const BreachCase cases[] = {
      // months(2025-08-31, 2026-08-30) = 11: the 30th is before the 31st.
      // 200,000,000 x 37 / 48 = 154,166,666.67
      {"2017", &kMaster2023, "cadre", 200'000'000, "2025-08-31", "2026-08-30", 48, 11, 154'166'666,
       "2017"},
      // months(2025-08-31, 2026-08-31) = 12: 200,000,000 x 36 / 48
      {"2017 a day later", &kMaster2023, "cadre", 200'000'000, "2025-08-31", "2026-08-31", 48, 12, 150'000'000,
       "2017"},
      // months(2027-09-10, 2030-03-09) = 29; 300,000,000 x 43 / 72 = 179,166,666.67
      {"2025", &kMaster2025, "civil_servant", 300'000'000, "2027-09-10", "2030-03-09", 72, 29, 179'166'666,
       "2025"},
      // A public employee stays on 2017: 100,000,000 x 19 / 48 = 39,583,333.33
      {"2025 public employee", &kMaster2025, "public_employee", 100'000'000, "2027-09-10", "2030-03-09", 48, 29,
       39'583'333, "2017"},
      // Left the day of completion: T2 = 0, the whole of F.
      {"2025 at once", &kMaster2025, "cadre", 300'000'000, "2027-09-10", "2027-09-10", 72, 0, 300'000'000,
       "2025"},
  };
  for (const BreachCase& c : cases) {
    Outcome o = OutcomeOf(Breach(*c.course, c.category, c.f, c.completed, c.left), "2031-12-31");
    EXPECT_EQ(Amounts(o), (std::vector<Owed>{{"SERVICE_BREACH", "l-s", c.owed}})) << c.name;
    EXPECT_EQ(o.report.reimbursement_due_vnd, c.owed) << c.name;
    std::vector<Violation> v = Of(o, Rule::kServiceBreach);
    ASSERT_EQ(v.size(), 1u) << c.name;
    // The formula's numbers, for the words (tests/finding_catalog_test.cc).
    EXPECT_EQ(Info(v[0].rulebook).code, c.rulebook) << c.name;
    EXPECT_EQ(v[0].args.t1, c.t1) << c.name;
    EXPECT_EQ(v[0].args.t2, c.t2) << c.name;
    EXPECT_EQ(v[0].args.funding_vnd, c.f) << c.name;
    EXPECT_EQ(v[0].args.gross_vnd, c.owed) << c.name;
    EXPECT_EQ(v[0].args.repaid_vnd, 0) << c.name;
    EXPECT_EQ(v[0].args.outstanding_vnd, c.owed) << c.name;
    EXPECT_EQ(v[0].args.on, Day(c.left)) << c.name;
    EXPECT_EQ(v[0].args.completed, Day(c.completed)) << c.name;
  }
}

TEST(CompensationTest, ServiceBreachLessARepayment) {
  std::vector<std::string> lines = Breach(kMaster2023, "cadre", 200'000'000, "2025-08-31", "2026-08-30");
  lines.push_back(Repay("m-s", "2026-10-01", "S", "E-S", 4'166'666));
  Outcome o = OutcomeOf(lines, "2026-12-31");
  EXPECT_EQ(Amounts(o), (std::vector<Owed>{{"SERVICE_BREACH", "l-s", 154'166'666}}));
  EXPECT_EQ(o.report.reimbursement_due_vnd, 150'000'000);
}

// An exemption does not clear the violation: it sets its compensation to
// zero, and the finding names it. Before the exemption counts, the amount is
// owed.
TEST(CompensationTest, ExemptedOwesNothingAndTheFindingNamesTheExemption) {
  struct Case {
    std::vector<std::string> lines;
    std::string exemption, before, after;
    int64_t owed_before;
    std::string rule, event;
    int64_t gross;
    std::string exemption_id;
    schema::Ground ground;
  };
  const Case cases[] = {
      {FailedPhd(), Exempt("x-1", "2028-10-01", "T1", "E1", "disaster"), "2028-09-30", "2028-12-31", 150'000'000,
       "FAILED", "k-1", 150'000'000, "x-1", schema::Ground::DISASTER},
      {DroppedOutPhd(50'000'000), Exempt("x-1", "2026-07-01", "T1", "E1", "epidemic"), "2026-06-30", "2026-12-31",
       70'000'000, "DROPPED_OUT", "w-1", 120'000'000, "x-1", schema::Ground::EPIDEMIC},
      {Breach(kMaster2025, "civil_servant", 300'000'000, "2027-09-10", "2030-03-09"),
       Exempt("x-s", "2030-04-01", "S", "E-S", "transfer_within_system"), "2030-03-31", "2030-12-31", 179'166'666,
       "SERVICE_BREACH", "l-s", 179'166'666, "x-s", schema::Ground::TRANSFER_WITHIN_SYSTEM},
  };
  for (const Case& c : cases) {
    std::vector<std::string> lines = c.lines;
    lines.push_back(c.exemption);
    EXPECT_EQ(OutcomeOf(lines, c.before).report.reimbursement_due_vnd, c.owed_before) << c.rule;
    Outcome o = OutcomeOf(lines, c.after);
    EXPECT_EQ(o.report.reimbursement_due_vnd, 0) << c.rule;
    EXPECT_EQ(Amounts(o), (std::vector<Owed>{{c.rule, c.event, 0}}));
    std::vector<Violation> v = Of(o, *RuleByName(c.rule));
    ASSERT_EQ(v.size(), 1u) << c.rule;
    EXPECT_EQ(v[0].args.gross_vnd, c.gross) << c.rule;
    EXPECT_EQ(v[0].args.outstanding_vnd, 0) << c.rule;
    EXPECT_EQ(v[0].args.exemption, c.exemption_id) << c.rule;
    EXPECT_EQ(v[0].args.ground, c.ground) << c.rule;
  }
}

// legal.md: đền bù applies only to the training the law covers. A failed
// fostering course, a failed self-funded degree, a bachelor judged by the
// 2025 rulebook: flagged (as warnings, rules_test) with no amount, and
// nothing owed.
TEST(CompensationTest, NothingIsOwedWhereTheLawDoesNotCoverTheTraining) {
  const Course bachelor{.course = "C-BA", .plan = "K", .program = "bachelor", .start = "2025-09-01",
                        .end = "2027-09-01"};
  const Course update{.course = "C-KU", .plan = "K", .program = "knowledge_update", .start = "2025-10-01",
                      .end = "2025-10-31"};
  auto sent = [](const Course& course, std::vector<std::string> then) {
    return Join({World(),
                 {Plan("k", "2023-01-15", "K", 10'000'000'000, {}), Open("c", "2025-06-01", course),
                  Person("p-s", "2010-01-01", "S", "civil_servant", "COMM", "1990-01-01"),
                  Nominate("n-s", "2025-07-01", "K", "S", course.program),
                  Enroll("enr-s", "2025-08-20", "E-S", "S", course.course),
                  Decide("d-s", "2025-08-25", "QĐ-S", "K", "E-S", 80'000'000)},
                 then});
  };
  struct Case {
    std::string name;
    std::vector<std::string> lines;
    std::string as_of;
    Rule rule;
  };
  const Case cases[] = {
      {"failed bachelor 2025", sent(bachelor, {Complete("k-s", "2027-09-01", "E-S", "failed")}), "2027-12-31",
       Rule::kFailed},
      {"dropped-out bachelor 2025", sent(bachelor, {Withdraw("w-s", "2025-10-01", "E-S")}), "2025-12-31",
       Rule::kDroppedOut},
      {"breach after a bachelor 2025",
       sent(bachelor, {Complete("k-s", "2027-09-01", "E-S"), Leave("l-s", "2028-09-01", "S")}), "2028-12-31",
       Rule::kServiceBreach},
      {"failed fostering", sent(update, {Complete("k-s", "2025-11-01", "E-S", "failed")}), "2025-12-31",
       Rule::kFailed},
  };
  for (const Case& c : cases) {
    Outcome o = OutcomeOf(c.lines, c.as_of);
    std::vector<Violation> v = Of(o, c.rule);
    ASSERT_EQ(v.size(), 1u) << c.name;
    EXPECT_EQ(v[0].kind, Kind::kWarning) << c.name;
    EXPECT_EQ(v[0].amount_vnd, std::nullopt) << c.name;
    EXPECT_EQ(v[0].args.gross_vnd, std::nullopt) << c.name;
    EXPECT_EQ(o.report.reimbursement_due_vnd, 0) << c.name;
  }
}

TEST(CompensationTest, ReimbursementDueSumsEveryEnrollment) {
  Outcome o = OutcomeOf(Join({FailedPhd(),
                        {Person("p-9", "2010-01-01", "T9", "cadre", "COMM", "1990-01-01"),
                         Nominate("n-9", "2025-08-01", "K", "T9", "phd"),
                         Enroll("enr-9", "2025-08-20", "E9", "T9", "C-PHD"),
                         Decide("d-9", "2025-08-25", "QĐ-9", "K", "E9", 70'000'000),
                         Withdraw("w-9", "2026-03-01", "E9"), Repay("m-9", "2026-04-01", "T9", "E9", 20'000'000)}}),
                  "2028-12-31");
  EXPECT_EQ(o.report.reimbursement_due_vnd, 150'000'000 + 50'000'000);
}

}  // namespace
}  // namespace tledger
