// The demo ledger (tools/demo/README.md) as a user makes it: the real
// tledger-demo-data writes the files, the real tledger imports them (all
// but the late batch, then the late batch), and the engine reads the ledger
// back (Store::Open -> Replay -> Resolve -> Evaluate). Each figure the seed
// reports publish is asserted exactly, with the violations the demo carries
// on purpose, its correction and its backdated nomination.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "projections/as_of.h"
#include "projections/evaluate.h"
#include "projections/replay.h"
#include "tests/demo_fixture.h"

namespace tledger {

// Readable failures: gtest prints these through PrintTo, found by ADL.
void PrintTo(const CellTally& c, std::ostream* os) {
  *os << "{" << static_cast<int>(c.program) << "/" << static_cast<int>(c.funding_class) << "/"
      << static_cast<int>(c.location) << " quota " << (c.quota ? std::to_string(*c.quota) : "null") << " enrolled "
      << c.enrolled << " completed " << c.completed << " failed " << c.failed << " in_progress " << c.in_progress
      << " withdrawn " << c.withdrawn << "}";
}
void PrintTo(const GroupTally& g, std::ostream* os) {
  *os << "{" << g.key << " turns " << g.trainee_turns << " classes " << g.classes << "}";
}
void PrintTo(const LevelTally& l, std::ostream* os) {
  *os << "{" << l.level << " turns " << l.trainee_turns << " persons " << l.persons << "}";
}
void PrintTo(const TargetTally& t, std::ostream* os) {
  auto count = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string("null"); };
  *os << "{" << static_cast<int>(t.program) << " target " << count(t.target_trainee_turns) << " turns / "
      << count(t.target_classes) << " classes; " << t.trainee_turns << " turns, " << t.classes << " classes}";
}

namespace {

using namespace demo_testing;

const PlanTally* PlanOf(const Report& r, const std::string& plan) {
  for (const PlanTally& p : r.plans) {
    if (p.plan == plan) return &p;
  }
  return nullptr;
}

std::optional<GroupTally> Group(const std::vector<GroupTally>& groups, const std::string& key) {
  for (const GroupTally& g : groups) {
    if (g.key == key) return g;
  }
  return std::nullopt;
}

std::optional<LevelTally> Level(const Report& r, const std::string& level) {
  for (const LevelTally& l : r.by_level) {
    if (l.level == level) return l;
  }
  return std::nullopt;
}

using P = Program;
using FC = FundingClass;
using L = Location;

CellTally Cell(P program, FC funding_class, L location, std::optional<int64_t> quota, int64_t enrolled,
               int64_t completed, int64_t failed, int64_t in_progress, int64_t withdrawn) {
  return CellTally{program, funding_class, location, quota, enrolled, completed, failed, in_progress, withdrawn};
}

// Seed 000: "17 PhDs, 26 level II specialists, 138 masters, 89 level I
// specialists. For self-funded funding, domestic training has 1 PhD, 4
// masters, 4 level I specialists; foreign training has 2 PhDs, 1 master",
// and "more than 4.7 billion VND".
TEST_F(DemoLedgerTest, CanThoPlanHasThePublishedQuotaCellsAndBudget) {
  Outcome o = demo_->now.As("2025-12-31");
  const PlanTally* ct = PlanOf(o.report, "CT-2025");
  ASSERT_NE(ct, nullptr);
  EXPECT_EQ(ct->budget_vnd, 4700000000);
  EXPECT_EQ(ct->public_funding_vnd, 4320000000);
  EXPECT_EQ(ct->remaining_vnd, 380000000);
  const std::vector<CellTally> expected = {
      Cell(P::PHD, FC::PUBLIC, L::DOMESTIC, 17, 11, 0, 0, 11, 1),
      Cell(P::PHD, FC::SELF, L::DOMESTIC, 1, 1, 0, 0, 1, 0),
      Cell(P::PHD, FC::SELF, L::FOREIGN, 2, 0, 0, 0, 0, 0),
      Cell(P::MASTER, FC::PUBLIC, L::DOMESTIC, 138, 104, 0, 0, 104, 0),
      Cell(P::MASTER, FC::SELF, L::DOMESTIC, 4, 4, 0, 0, 4, 0),
      Cell(P::MASTER, FC::SELF, L::FOREIGN, 1, 0, 0, 0, 0, 0),
      Cell(P::SPECIALIST2, FC::PUBLIC, L::DOMESTIC, 26, 19, 0, 0, 19, 0),
      Cell(P::SPECIALIST1, FC::PUBLIC, L::DOMESTIC, 89, 71, 0, 0, 71, 0),
      Cell(P::SPECIALIST1, FC::SELF, L::DOMESTIC, 4, 2, 0, 0, 2, 0),
      // The fostering courses for the new commune-level cadres: no quota.
      Cell(P::JOB_POSITION, FC::PUBLIC, L::DOMESTIC, std::nullopt, 596, 596, 0, 0, 0),
  };
  EXPECT_EQ(ct->cells, expected);
}

// Seed 003: "96 classes are directly for 9,892 ... 247 online training
// classes were organized for 24,783 students", 34,675 in all, June 11-24.
TEST_F(DemoLedgerTest, BinhDinhDigitalProgramHasThePublishedClassesAndLearners) {
  for (const char* as_of : {"2025-06-24", "2025-12-31"}) {
    SCOPED_TRACE(as_of);
    Outcome o = demo_->now.As(as_of);
    EXPECT_EQ(Group(o.report.by_field, "digital_transformation"),
              (GroupTally{"digital_transformation", 34675, 343}));
    EXPECT_EQ(Group(o.report.by_form, "centralized"), (GroupTally{"centralized", 9892, 96}));
    EXPECT_EQ(Group(o.report.by_form, "online"), (GroupTally{"online", 24783, 247}));
    const PlanTally* cds = PlanOf(o.report, "BD-CDS-2025");
    ASSERT_NE(cds, nullptr);
    EXPECT_EQ(cds->cells, (std::vector<CellTally>{Cell(P::DIGITAL_TRANSFORMATION, FC::PUBLIC, L::DOMESTIC,
                                                        std::nullopt, 34675, 34675, 0, 0, 0)}));
  }
  // Nothing of it before the first enrollments, on June 8.
  Outcome before = demo_->now.As("2025-06-07");
  EXPECT_EQ(Group(before.report.by_field, "digital_transformation"), std::nullopt);
  EXPECT_EQ(Group(before.report.by_form, "online"), (GroupTally{"online", 0, 0}));
}

// Seed 002: "the district has organized 128 training classes, updating
// knowledge for 16,006 trainees" (2021 to the report of January 2025).
TEST_F(DemoLedgerTest, DamHaHasThePublishedClassesAndTraineeTurns) {
  Outcome end_2024 = demo_->now.As("2024-12-31");
  EXPECT_EQ(Group(end_2024.report.by_form, "semi_centralized"), (GroupTally{"semi_centralized", 16006, 128}));
  for (const char* as_of : {"2024-12-31", "2025-12-31"}) {
    SCOPED_TRACE(as_of);
    Outcome o = demo_->now.As(as_of);
    const PlanTally* dh = PlanOf(o.report, "DH-2021-2024");
    ASSERT_NE(dh, nullptr);
    EXPECT_EQ(dh->cells, (std::vector<CellTally>{Cell(P::KNOWLEDGE_UPDATE, FC::PUBLIC, L::DOMESTIC, std::nullopt,
                                                       16006, 16006, 0, 0, 0)}));
  }
  // The same figures counted over the plan's own courses, whatever date.
  AsOf w(demo_->now.resolved, D("2025-12-31"));
  Sym plan = w.symbols().plans.Find("DH-2021-2024");
  int64_t turns = 0;
  std::vector<Sym> classes;
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const CourseOpenedFact* c = w.Course(w.Enr(e).rec->course);
    if (c == nullptr || c->plan != plan) continue;
    ++turns;
    classes.push_back(c->course);
    EXPECT_LE(c->end, D("2024-12-31"));
  }
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  EXPECT_EQ(turns, 16006);
  EXPECT_EQ(classes.size(), 128u);
}

// Seed 002: "... updating knowledge for 16,006 trainees, reaching 101% of
// the set plan": the plan's target for its knowledge-update program (15,850
// trainee-turns in 127 classes), against its 16,006 turns in 128 classes.
TEST_F(DemoLedgerTest, DamHaReachesOneHundredAndOnePercentOfItsTarget) {
  for (const char* as_of : {"2024-12-31", "2025-12-31"}) {
    SCOPED_TRACE(as_of);
    Outcome o = demo_->now.As(as_of);
    const PlanTally* dh = PlanOf(o.report, "DH-2021-2024");
    ASSERT_NE(dh, nullptr);
    EXPECT_EQ(dh->targets, (std::vector<TargetTally>{TargetTally{P::KNOWLEDGE_UPDATE, 15850, 127, 16006, 128}}));
    EXPECT_EQ(PercentOfTarget(dh->targets.at(0)), 101);
  }
  // Before the first class: the target, nothing yet against it.
  Outcome before = demo_->now.As("2021-01-31");
  const PlanTally* dh = PlanOf(before.report, "DH-2021-2024");
  ASSERT_NE(dh, nullptr);
  EXPECT_EQ(dh->targets, (std::vector<TargetTally>{TargetTally{P::KNOWLEDGE_UPDATE, 15850, 127, 0, 0}}));
  EXPECT_EQ(PercentOfTarget(dh->targets.at(0)), 0);
}

// Seed 004 (13/04/2017): "... các lớp đào tạo, bồi dưỡng cho hơn 194.048 lượt
// CB-CCVC ... Tổng dự toán kinh phí ... là gần 900 tỉ đồng": the plan alone
// (tools/demo/README.md, "Choices"), its target and its budget.
TEST_F(DemoLedgerTest, HoChiMinhCityPlanHasItsTargetAndBudget) {
  EXPECT_EQ(PlanOf(demo_->now.As("2017-04-12").report, "HCM-2016-2020"), nullptr);
  for (const char* as_of : {"2017-04-13", "2020-12-31", "2025-12-31"}) {
    SCOPED_TRACE(as_of);
    Outcome o = demo_->now.As(as_of);
    const PlanTally* hcm = PlanOf(o.report, "HCM-2016-2020");
    ASSERT_NE(hcm, nullptr);
    EXPECT_EQ(hcm->budget_vnd, 900000000000);
    EXPECT_EQ(hcm->public_funding_vnd, 0);
    EXPECT_EQ(hcm->remaining_vnd, 900000000000);
    EXPECT_EQ(hcm->cells, std::vector<CellTally>{});
    EXPECT_EQ(hcm->targets,
              (std::vector<TargetTally>{TargetTally{P::JOB_POSITION, 194048, std::nullopt, 0, 0}}));
    EXPECT_EQ(PercentOfTarget(hcm->targets.at(0)), 0);
    EXPECT_EQ(hcm->document.title,
              "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức Thành phố Hồ Chí Minh giai đoạn 2016-2020");
    EXPECT_EQ(hcm->document.issuer, "HCM");
    EXPECT_EQ(hcm->document.issuer_name, "Thành phố Hồ Chí Minh");
    EXPECT_EQ(hcm->document.source, "");
  }
}

// Seed 003: "Phase 1 started from June 18, including the fields:
// Agriculture and Environment, Construction, Justice, Finance, Office,
// Statistics. Round 2 will be implemented after July 1, including the
// fields: Industry and Trade, Home Affairs, Health, Education and Training,
// Culture - Sports and Tourism."
TEST_F(DemoLedgerTest, BinhDinhCommunePlanOpensItsFieldsInTwoPhases) {
  AsOf w(demo_->now.resolved, D("2025-12-31"));
  const AsOf::Plan* plan = w.PlanOf(w.symbols().plans.Find("BD-2025"));
  ASSERT_NE(plan, nullptr);
  std::vector<std::pair<std::string, std::vector<std::string>>> phases;
  for (const PhaseSpec& p : plan->phases) {
    std::vector<std::string> fields;
    for (Sym f : p.fields) fields.emplace_back(w.symbols().fields.Name(f));
    phases.emplace_back(p.opens.ToString(), fields);
  }
  EXPECT_EQ(phases, (std::vector<std::pair<std::string, std::vector<std::string>>>{
                        {"2025-06-18",
                         {"agriculture_environment", "construction", "justice", "finance", "office", "statistics"}},
                        {"2025-07-01",
                         {"industry_trade", "home_affairs", "health", "education_training", "culture_sports_tourism"}},
                    }));
  // Every course starts on or after its field's opening but the one that a
  // district began early; courses on the opening day itself pass.
  int on_opening_day = 0;
  for (const CourseOpenedFact& c : demo_->now.resolved.courses.all()) {
    if (c.plan != w.symbols().plans.Find("BD-2025")) continue;
    std::string field(w.symbols().fields.Name(c.field));
    bool phase1 = std::find(phases[0].second.begin(), phases[0].second.end(), field) != phases[0].second.end();
    Date opens = D(phase1 ? "2025-06-18" : "2025-07-01");
    on_opening_day += c.start == opens;
    if (w.symbols().courses.Name(c.course) == "BD25-P2-00") {
      EXPECT_EQ(c.start, D("2025-06-25"));
    } else {
      EXPECT_GE(c.start, opens) << w.symbols().courses.Name(c.course);
    }
  }
  EXPECT_EQ(on_opening_day, 3);
  std::vector<std::string> outside;
  for (const Violation& v : demo_->now.As("2025-12-31").violations) {
    if (v.rule == Rule::kOutsidePhase) outside.push_back(v.event + " " + v.subject);
  }
  EXPECT_EQ(outside, (std::vector<std::string>{"enr-BD25-P2-00-01 BD-2025", "enr-BD25-P2-00-02 BD-2025",
                                               "enr-BD25-P2-00-03 BD-2025"}));
}

// Resolution 202/2025/QH15: from 2025-07-01 no district level; Bình Định
// merged into Gia Lai; communes merged into new ones.
TEST_F(DemoLedgerTest, ReorganisationEndsTheDistrictLevelOnJulyFirst) {
  const Resolved& r = demo_->now.resolved;
  AsOf before(r, D("2025-06-30")), after(r, D("2025-07-01"));
  const Symbols& s = *r.symbols;
  int districts = 0;
  for (const UnitRegisteredFact& u : r.unit_registrations.all()) {
    if (u.level != Level::DISTRICT) continue;
    ++districts;
    std::string name(s.units.Name(u.unit));
    EXPECT_FALSE(before.Ceased(u.unit).has_value()) << name;
    ASSERT_TRUE(after.Ceased(u.unit).has_value()) << name;
    EXPECT_EQ(after.Ceased(u.unit)->date, D("2025-07-01")) << name;
    EXPECT_EQ(after.Ceased(u.unit)->how, "dissolve") << name;
  }
  EXPECT_EQ(districts, 21);  // 9 of Cần Thơ, Đầm Hà, 11 of Bình Định
  EXPECT_EQ(s.units.Name(after.Follow(s.units.Find("BD"), D("2025-07-01"))), "GL");
  EXPECT_EQ(s.units.Name(after.Follow(s.units.Find("BD-TPH-01"), D("2025-07-01"))), "GL-TUYPHUOC");
  EXPECT_EQ(s.units.Name(after.Follow(s.units.Find("QN-DH-01"), D("2025-07-01"))), "QN-DAMHA");
  EXPECT_EQ(r.transfers.all().size(), 3382u);

  // No district trainee-turns after the day: July to December adds none.
  std::optional<LevelTally> june = Level(demo_->now.As("2025-06-30").report, "district");
  std::optional<LevelTally> december = Level(demo_->now.As("2025-12-31").report, "district");
  EXPECT_EQ(june, (LevelTally{"district", 6666, 3120}));
  EXPECT_EQ(december, june);
  EXPECT_EQ(Level(demo_->now.As("2025-12-31").report, "commune"), (LevelTally{"commune", 35176, 23143}));
  EXPECT_EQ(Level(demo_->now.As("2025-12-31").report, "province"), (LevelTally{"province", 11558, 11558}));
  // Restated to today's units (--restate-units), no district is left.
  Outcome restated = Evaluate(r, {.as_of = D("2025-12-31"), .restate_units = true});
  EXPECT_EQ(Level(restated.report, "district"), (LevelTally{"district", 0, 0}));
}

struct Seen {
  std::string rule, event, subject;
  friend bool operator==(const Seen&, const Seen&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Seen& v) {
    return os << v.rule << " " << v.event << " " << v.subject;
  }
};
std::vector<Seen> Listed(const Outcome& o) {
  std::vector<Seen> out;
  for (const Violation& v : o.violations) out.push_back({std::string(RuleName(v.rule)), v.event, v.subject});
  return out;
}

// Every violation the demo carries is there on purpose, with its evidence.
TEST_F(DemoLedgerTest, ViolationsAreExactlyTheInjectedOnes) {
  Outcome o = demo_->now.As("2025-12-31");
  EXPECT_EQ(Listed(o), (std::vector<Seen>{
                           {"DROPPED_OUT", "withdrawn-CT25-TS-HTTT-04", "CT-000004"},
                           {"FAILED", "done-QN-2021-LUAT-02", "QN-000187"},
                           {"NOT_IN_PLAN", "enr-CT25-THS-QLC-04", "CT-000140"},
                           {"OUTSIDE_PHASE", "enr-BD25-P2-00-01", "BD-2025"},
                           {"OUTSIDE_PHASE", "enr-BD25-P2-00-02", "BD-2025"},
                           {"OUTSIDE_PHASE", "enr-BD25-P2-00-03", "BD-2025"},
                           {"OVERDUE", "enr-BD25-P1-05-70", "BD-001099"},
                           {"QUOTA_EXCEEDED", "enr-QN-2021-LUAT-03", "QN-2021"},
                           {"SERVICE_BREACH", "left-QN-000186", "QN-000186"},
                           {"UNIT_DISSOLVED", "course-BD25-P2-04", "BD-TPH"},
                       }));
  // Owed: the failed degree's 30,000,000; the breach, 30,000,000 x (58 - 11)
  // / 58 = 24,310,344; the drop-out's 38,000,000 less 10,000,000 repaid.
  EXPECT_EQ(o.report.reimbursement_due_vnd, 30000000 + 24310344 + 28000000);
  std::vector<std::optional<int64_t>> amounts;
  for (const Violation& v : o.violations) {
    if (v.amount_vnd) amounts.push_back(v.amount_vnd);
  }
  EXPECT_EQ(amounts, (std::vector<std::optional<int64_t>>{38000000, 30000000, 24310344}));
  // As of today the same: nothing the demo records happens after 2025.
  EXPECT_EQ(Listed(Evaluate(demo_->now.resolved, {.as_of = DateOf(Now())})), Listed(o));
}

// The late batch (10_late_entries.jsonl) replaces a completion keyed as
// failed and records a nomination decided on 2025-10-10: reports known
// before it are unchanged, reports known after it apply both.
TEST_F(DemoLedgerTest, LateCorrectionAndBackdatedNominationApplyOnlyToReportsKnownAfterThem) {
  Outcome before = demo_->before.As("2025-12-31");
  Outcome now = demo_->now.As("2025-12-31");
  // Known at the instant before the late batch: what the ledger said then.
  EXPECT_EQ(before, demo_->computed_before_late);

  std::vector<Seen> only_before;
  for (const Seen& v : Listed(before)) {
    std::vector<Seen> after = Listed(now);
    if (std::find(after.begin(), after.end(), v) == after.end()) only_before.push_back(v);
  }
  EXPECT_EQ(only_before, (std::vector<Seen>{
                             {"FAILED", "done-BD25-P1-02-01", "BD-000746"},
                             {"NOT_IN_PLAN", "enr-CT25-CK1-NHI-01", "CT-000156"},
                         }));
  EXPECT_EQ(before.violations.size(), now.violations.size() + 2);

  const PlanTally* bd_before = PlanOf(before.report, "BD-2025");
  const PlanTally* bd_now = PlanOf(now.report, "BD-2025");
  ASSERT_NE(bd_before, nullptr);
  ASSERT_NE(bd_now, nullptr);
  EXPECT_EQ(bd_before->cells, (std::vector<CellTally>{Cell(P::JOB_POSITION, FC::PUBLIC, L::DOMESTIC, std::nullopt,
                                                             1908, 1906, 1, 1, 0)}));
  EXPECT_EQ(bd_now->cells, (std::vector<CellTally>{Cell(P::JOB_POSITION, FC::PUBLIC, L::DOMESTIC, std::nullopt,
                                                          1908, 1907, 0, 1, 0)}));
  // The backdated nomination counts from its effective date (2025-10-10),
  // for reports known after it was recorded: as of the enrollment's day it
  // clears the enrollment, but not in the report known before.
  auto flagged = [](const Outcome& o) {
    for (const Violation& v : o.violations) {
      if (v.event == "enr-CT25-CK1-NHI-01") return true;
    }
    return false;
  };
  EXPECT_TRUE(flagged(demo_->before.As("2025-10-20")));
  EXPECT_FALSE(flagged(demo_->now.As("2025-10-20")));
}

TEST_F(DemoLedgerTest, LedgerHasEveryEventAndVerifies) {
  EXPECT_EQ(demo_->head_seq, 187385u);
  RunResult verify = RunCommand(std::string(TLEDGER_BIN) + " --db " + (demo_->dir / "ledger").string() + " verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_EQ(verify.output.rfind("intact: 187385 events", 0), 0u) << verify.output;
}

// The same files, byte for byte, every run.
TEST_F(DemoLedgerTest, GeneratorIsDeterministic) {
  const fs::path again = demo_->dir / "again";
  RunResult made = RunCommand(std::string(TLEDGER_DEMO_DATA_BIN) + " " + again.string());
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_EQ(made.output.rfind("wrote 10 files, 187385 events, in ", 0), 0u) << made.output;
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(again)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, std::vector<std::string>(std::begin(kFiles), std::end(kFiles)));
  const size_t lines[] = {130, 37565, 1, 33772, 3263, 104370, 3470, 2529, 2283, 2};
  for (size_t i = 0; i < std::size(kFiles); ++i) {
    std::string first = ReadFile(demo_->dir / "data" / kFiles[i]);
    EXPECT_TRUE(first == ReadFile(again / kFiles[i])) << kFiles[i];
    EXPECT_EQ(static_cast<size_t>(std::count(first.begin(), first.end(), '\n')), lines[i]) << kFiles[i];
  }
}

}  // namespace
}  // namespace tledger
