// A plan's targets (shared/spec/rules.md, "Tallies", per target): the
// target's counts as issued and amended, the trainee-turns (active
// enrollments) and classes (courses with at least one) of the plan's
// courses in that program, as of D and known at T, and "% đạt kế hoạch"
// rounded half up; with exact figures.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "projections/report_timeline.h"
#include "projections/stretches.h"
#include "tests/ledger_builder.h"

namespace tledger {

void PrintTo(const TargetTally& t, std::ostream* os) {
  auto count = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("null"); };
  *os << "{" << ProgramName(t.program) << " target " << count(t.target_trainee_turns) << " turns / "
      << count(t.target_classes) << " classes; " << t.trainee_turns << " turns, " << t.classes << " classes}";
}

namespace {

using namespace jsonl;

const Course kUpdate1{.course = "KU-1", .plan = "K", .program = "knowledge_update", .form = "semi_centralized",
                      .start = "2024-03-01", .end = "2024-03-05"};
const Course kUpdate2{.course = "KU-2", .plan = "K", .program = "knowledge_update", .form = "semi_centralized",
                      .start = "2024-09-01", .end = "2024-09-05"};
const Course kLead{.course = "LD-1", .plan = "K", .program = "leadership", .start = "2024-04-01", .end = "2024-04-10"};
// Another plan's course of the same program: not K's.
const Course kOther{.course = "KU-X", .plan = "K2", .program = "knowledge_update", .start = "2024-03-01",
                    .end = "2024-03-05"};

std::vector<std::string> Lines() {
  std::vector<std::string> l = {
      Unit("u-prov", "2015-01-01", "PROV", "province"),
      Plan("k", "2024-01-10", "K", 100'000'000, {}, {}, {},
           {{"knowledge_update", 8, 2}, {"leadership", std::nullopt, 1}, {"job_position", 200, std::nullopt}}),
      Plan("k2", "2024-01-10", "K2", 0, {}),
      Open("c-ku1", "2024-02-01", kUpdate1),
      Open("c-ku2", "2024-08-01", kUpdate2),
      Open("c-ld1", "2024-03-01", kLead),
      Open("c-kux", "2024-02-01", kOther),
      // K-1: two trainee-turns in two cells (public and self), one class.
      Enroll("e-1", "2024-02-25", "E1", "P1", "KU-1", "state_budget"),
      Enroll("e-2", "2024-02-25", "E2", "P2", "KU-1", "self_funded"),
      // KU-2: one active, one withdrawn.
      Enroll("e-3", "2024-08-25", "E3", "P3", "KU-2", "unit_fund"),
      Enroll("e-4", "2024-08-25", "E4", "P4", "KU-2"),
      Withdraw("w-4", "2024-08-30", "E4"),
      Enroll("e-5", "2024-03-25", "E5", "P2", "LD-1"),
      Enroll("e-x", "2024-02-25", "EX", "P1", "KU-X"),
  };
  for (const char* p : {"P1", "P2", "P3", "P4"}) {
    l.push_back(Person(std::string("p-") + p, "2015-01-01", p, "civil_servant", "PROV"));
  }
  return l;
}

Outcome OutcomeOf(const std::vector<std::string>& lines, std::string_view as_of, Timestamp known_at = kForever) {
  Ledger l;
  l.Record(At("2025-01-01T00:00:00Z"), lines);
  return l.Evaluate(Day(as_of), known_at);
}

const PlanTally* PlanOf(const Report& r, std::string_view plan) {
  for (const PlanTally& p : r.plans) {
    if (p.plan == plan) return &p;
  }
  return nullptr;
}

std::vector<TargetTally> TargetsOf(const Outcome& o, std::string_view plan) {
  const PlanTally* p = PlanOf(o.report, plan);
  EXPECT_NE(p, nullptr) << plan;
  return p != nullptr ? p->targets : std::vector<TargetTally>{};
}

TargetTally T(Program p, std::optional<int64_t> turns, std::optional<int64_t> classes, int64_t actual_turns,
              int64_t actual_classes) {
  return TargetTally{p, turns, classes, actual_turns, actual_classes};
}

TEST(TargetsTest, EachTargetAgainstThePlansCoursesOfItsProgram) {
  Outcome o = OutcomeOf(Lines(), "2024-12-31");
  // In program order; the withdrawn enrollment and the other plan's course
  // count for nothing.
  EXPECT_EQ(TargetsOf(o, "K"), (std::vector<TargetTally>{T(Program::LEADERSHIP, std::nullopt, 1, 1, 1),
                                                         T(Program::JOB_POSITION, 200, std::nullopt, 0, 0),
                                                         T(Program::KNOWLEDGE_UPDATE, 8, 2, 3, 2)}));
  // The trainee-turns are the plan's cells of that program added up.
  int64_t enrolled = 0;
  for (const CellTally& c : PlanOf(o.report, "K")->cells) {
    enrolled += c.program == Program::KNOWLEDGE_UPDATE ? c.enrolled : 0;
  }
  EXPECT_EQ(enrolled, 3);
  // A plan that sets no target has none.
  EXPECT_EQ(TargetsOf(o, "K2"), std::vector<TargetTally>{});
  std::vector<TargetTally> k = TargetsOf(o, "K");
  EXPECT_EQ(PercentOfTarget(k[0]), std::nullopt);  // no trainee-turns set
  EXPECT_EQ(PercentOfTarget(k[1]), 0);
  EXPECT_EQ(PercentOfTarget(k[2]), 38);  // 3 of 8: 37.5, half up
}

TEST(TargetsTest, CountedAsOfDAndKnownAtT) {
  // Before KU-2's enrollments: one class, two turns.
  EXPECT_EQ(TargetsOf(OutcomeOf(Lines(), "2024-08-24"), "K")[2], T(Program::KNOWLEDGE_UPDATE, 8, 2, 2, 1));
  // Both of KU-2's enrolled, before the withdrawal.
  EXPECT_EQ(TargetsOf(OutcomeOf(Lines(), "2024-08-29"), "K")[2], T(Program::KNOWLEDGE_UPDATE, 8, 2, 4, 2));
  // Before the plan is issued: no plan, no target.
  EXPECT_EQ(PlanOf(OutcomeOf(Lines(), "2024-01-09").report, "K"), nullptr);

  // Known at T: the enrollments recorded after T do not count.
  Ledger l;
  std::vector<std::string> lines = Lines();
  l.Record(At("2024-06-01T00:00:00Z"), lines);
  l.Record(At("2025-02-01T00:00:00Z"), {Enroll("e-6", "2024-09-01", "E6", "P4", "KU-2")});
  Outcome then = l.Evaluate(Day("2024-12-31"), At("2024-12-31T00:00:00Z"));
  Outcome now = l.Evaluate(Day("2024-12-31"));
  EXPECT_EQ(TargetsOf(then, "K")[2], T(Program::KNOWLEDGE_UPDATE, 8, 2, 3, 2));
  EXPECT_EQ(TargetsOf(now, "K")[2], T(Program::KNOWLEDGE_UPDATE, 8, 2, 4, 2));
  EXPECT_EQ(PercentOfTarget(TargetsOf(now, "K")[2]), 50);
}

// shared/spec/events.md: "targets (entries given replace the same
// program's)", applied in (effective, seq) order from their effective date.
TEST(TargetsTest, AnAmendmentReplacesTheSameProgramsTargetOnly) {
  std::vector<std::string> lines = Lines();
  lines.push_back(
      Amend("a-1", "2024-06-01", "K", {.targets = std::vector<Target>{{"knowledge_update", 3, std::nullopt}}}));
  // A later amendment, recorded first: effective order wins.
  lines.insert(lines.begin() + 2,
               Amend("a-2", "2024-10-01", "K", {.targets = std::vector<Target>{{"knowledge_update", std::nullopt, 2},
                                                                               {"digital_transformation", 10}}}));
  // An amendment of something else keeps the targets.
  lines.push_back(Amend("a-3", "2024-07-01", "K", {.budget_vnd = 90'000'000}));
  EXPECT_EQ(TargetsOf(OutcomeOf(lines, "2024-05-31"), "K")[2], T(Program::KNOWLEDGE_UPDATE, 8, 2, 2, 1));
  // From 2024-06-01 the whole entry is replaced: no class count any more.
  std::vector<TargetTally> june = TargetsOf(OutcomeOf(lines, "2024-09-30"), "K");
  EXPECT_EQ(june, (std::vector<TargetTally>{T(Program::LEADERSHIP, std::nullopt, 1, 1, 1),
                                            T(Program::JOB_POSITION, 200, std::nullopt, 0, 0),
                                            T(Program::KNOWLEDGE_UPDATE, 3, std::nullopt, 3, 2)}));
  EXPECT_EQ(PercentOfTarget(june[2]), 100);
  // From 2024-10-01: classes only, and a new program in its place.
  EXPECT_EQ(TargetsOf(OutcomeOf(lines, "2024-12-31"), "K"),
            (std::vector<TargetTally>{T(Program::LEADERSHIP, std::nullopt, 1, 1, 1),
                                      T(Program::JOB_POSITION, 200, std::nullopt, 0, 0),
                                      T(Program::KNOWLEDGE_UPDATE, std::nullopt, 2, 3, 2),
                                      T(Program::DIGITAL_TRANSFORMATION, 10, std::nullopt, 0, 0)}));
  // A program given twice in one list takes its last entry.
  std::vector<std::string> twice = Lines();
  twice.push_back(Amend("a-4", "2024-06-01", "K",
                        {.targets = std::vector<Target>{{"leadership", 5, 5}, {"leadership", 6, std::nullopt}}}));
  EXPECT_EQ(TargetsOf(OutcomeOf(twice, "2024-12-31"), "K")[0], T(Program::LEADERSHIP, 6, std::nullopt, 1, 1));
}

// "% đạt kế hoạch": actual / target x 100, rounded half up to a whole
// number; none where the target is not set or zero.
TEST(TargetsTest, PercentOfTargetRoundsHalfUp) {
  auto percent = [](int64_t actual, std::optional<int64_t> target) {
    return PercentOfTarget(TargetTally{Program::KNOWLEDGE_UPDATE, target, std::nullopt, actual, 0});
  };
  EXPECT_EQ(percent(16006, 15850), 101);  // Đầm Hà: 100.98
  EXPECT_EQ(percent(16006, 15770), 101);  // 101.497
  EXPECT_EQ(percent(16006, 15769), 102);  // 101.503
  EXPECT_EQ(percent(16006, 15926), 101);  // 100.502
  EXPECT_EQ(percent(16006, 15927), 100);  // 100.496
  EXPECT_EQ(percent(1, 200), 1);          // 0.5: half up
  EXPECT_EQ(percent(1, 201), 0);          // 0.4975
  EXPECT_EQ(percent(199, 200), 100);      // 99.5
  EXPECT_EQ(percent(3, 8), 38);           // 37.5
  EXPECT_EQ(percent(1, 3), 33);
  EXPECT_EQ(percent(2, 3), 67);
  EXPECT_EQ(percent(0, 194048), 0);
  EXPECT_EQ(percent(5, 0), std::nullopt);
  EXPECT_EQ(percent(5, std::nullopt), std::nullopt);
  EXPECT_EQ(percent(int64_t{1} << 40, 1), int64_t{100} << 40);  // no overflow
}

// The cached report's path (stretches, then the report timeline's counters
// over valid time) gives the same targets as the full evaluation on every
// date, amendments and a class that loses its last trainee included.
TEST(TargetsTest, TheStretchesGiveTheSameTargetsOnEveryDate) {
  std::vector<std::string> lines = Lines();
  lines.push_back(Amend("a-1", "2024-06-01", "K", {.targets = std::vector<Target>{{"knowledge_update", 3, 1}}}));
  lines.push_back(Withdraw("w-5", "2024-05-01", "E5"));  // LD-1 no longer a class
  Ledger l;
  l.Record(At("2025-01-01T00:00:00Z"), lines);
  Timeline t = l.Fold();
  Resolved r = Resolve(t);
  Stretches s = BuildStretches(r);
  ReportTimeline timeline = ReportTimeline::Build(r, s);
  int compared = 0;
  for (Date d = Day("2024-01-01"); d <= Day("2024-12-31"); d = d.AddDays(1)) {
    AsOf w(r, d);
    Report full = TalliesAt(w, {}, 7);
    ASSERT_EQ(TalliesFromStretches(r, s, d, {}, 7), full) << d.ToString();
    ASSERT_EQ(timeline.At(d, 7), full) << d.ToString();
    compared += PlanOf(full, "K") != nullptr && !PlanOf(full, "K")->targets.empty();
  }
  EXPECT_GT(compared, 300);
  EXPECT_EQ(TargetsOf(OutcomeOf(lines, "2024-04-30"), "K")[0], T(Program::LEADERSHIP, std::nullopt, 1, 1, 1));
  EXPECT_EQ(TargetsOf(OutcomeOf(lines, "2024-05-01"), "K")[0], T(Program::LEADERSHIP, std::nullopt, 1, 0, 0));
}

// The checker's JSON (ledger_builder.h, ReportJson): each plan's targets,
// with null where a count is not set.
TEST(TargetsTest, TheReportJsonNamesEveryMeasure) {
  nlohmann::ordered_json j = ReportJson(OutcomeOf(Lines(), "2024-12-31"));
  EXPECT_EQ(j["plans"][0]["plan"], "K");
  EXPECT_EQ(j["plans"][0]["targets"].dump(),
            R"([{"program":"leadership","target_trainee_turns":null,"target_classes":1,"trainee_turns":1,"classes":1,)"
            R"("percent_of_target":null},{"program":"job_position","target_trainee_turns":200,"target_classes":null,)"
            R"("trainee_turns":0,"classes":0,"percent_of_target":0},{"program":"knowledge_update",)"
            R"("target_trainee_turns":8,"target_classes":2,"trainee_turns":3,"classes":2,"percent_of_target":38}])");
  EXPECT_EQ(j["plans"][1]["targets"].dump(), "[]");
}

}  // namespace
}  // namespace tledger
