// As of D and known at T (shared/spec/rules.md): corrections (retract,
// replace, corrections of corrections) apply by transaction time; backdated
// events count only once recorded; the same (D, T) always gives the same
// Outcome. The last tests go through the real store: import, then Replay.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/store.h"
#include "projections/replay.h"
#include "projections/resolved.h"
#include "tests/ledger_builder.h"
#include "tools/cli/importer.h"

namespace tledger {
namespace {

using namespace jsonl;

const Course kPhd{.course = "C-PHD", .plan = "K", .program = "phd", .start = "2025-09-01", .end = "2028-08-31"};

// Recorded on 2025-10-01: P1 (nominated) and P2 (not) enrolled in a PhD
// course; decision QĐ-1 funds E1 with 100,000,000.
std::vector<std::string> FirstBatch() {
  return {
      Unit("u-prov", "2015-01-01", "PROV", "province"),
      Unit("u-comm", "2015-01-01", "COMM", "commune", "PROV"),
      Person("p-1", "2010-01-01", "P1", "civil_servant", "COMM", "1985-03-15"),
      Person("p-2", "2010-01-01", "P2", "cadre", "COMM", "1990-01-01"),
      Plan("k", "2025-01-15", "K", 1'000'000'000, {{"phd", "public", "domestic", 17}}, {"finance"}),
      Open("c-phd", "2025-06-01", kPhd),
      Nominate("n-1", "2025-08-01", "K", "P1", "phd"),
      Enroll("enr-1", "2025-08-20", "E1", "P1", "C-PHD"),
      Enroll("enr-2", "2025-08-20", "E2", "P2", "C-PHD"),  // seq 9: NOT_IN_PLAN
      Decide("d-1", "2025-08-25", "QĐ-1", "K", "E1", 100'000'000),
  };
}
const Timestamp kT1 = At("2025-10-01T09:00:00Z");
const Timestamp kT2 = At("2025-11-01T09:00:00Z");
const Timestamp kT3 = At("2025-12-01T09:00:00Z");
const char* const kDates[] = {"2025-08-19", "2025-08-20", "2025-08-25", "2025-12-31", "2029-01-01"};

Ledger Batches(const std::vector<std::vector<std::string>>& later) {
  Ledger l;
  l.Record(kT1, FirstBatch());
  const Timestamp at[] = {kT2, kT3};
  for (size_t i = 0; i < later.size(); ++i) l.Record(at[i], later[i]);
  return l;
}

std::vector<std::string> NotInPlanEvents(const Outcome& o) {
  std::vector<std::string> out;
  for (const Violation& v : Of(o, Rule::kNotInPlan)) out.push_back(v.event);
  return out;
}

int64_t PublicFunding(const Outcome& o) { return o.report.plans.at(0).public_funding_vnd; }

// Equal as values and as the JSON a checker reads, byte for byte.
void ExpectSameReport(const Outcome& a, const Outcome& b, const std::string& where) {
  EXPECT_EQ(a, b) << where;
  EXPECT_EQ(ReportJson(a).dump(), ReportJson(b).dump()) << where;
  EXPECT_EQ(ViolationsJson(a).dump(), ViolationsJson(b).dump()) << where;
}

TEST(BitemporalTest, KnownBeforeACorrectionEqualsTheReportBeforeIt) {
  const std::vector<std::string> corrections = {
      Retract("x-1", "2025-10-15", "enr-2"),
      Replace("x-2", "2025-10-15", "d-1", Decide("", "2025-08-25", "QĐ-1", "K", "E1", 150'000'000)),
  };
  Ledger before = Batches({});
  Ledger after = Batches({corrections});
  for (const char* d : kDates) {
    for (Timestamp t : {kT1, kT2 - 1}) {
      ExpectSameReport(after.Evaluate(Day(d), t), before.Evaluate(Day(d), t), d);
    }
  }
  // Known once the corrections were recorded, they apply, whatever their own
  // effective date (2025-10-15 is after D = 2025-08-25).
  Outcome then = before.Evaluate(Day("2025-08-25"), kT2);
  Outcome now = after.Evaluate(Day("2025-08-25"), kT2);
  EXPECT_EQ(NotInPlanEvents(then), std::vector<std::string>{"enr-2"});
  EXPECT_EQ(NotInPlanEvents(now), std::vector<std::string>{});
  EXPECT_EQ(PublicFunding(then), 100'000'000);
  EXPECT_EQ(PublicFunding(now), 150'000'000);
}

TEST(BitemporalTest, RetractRemovesTheTargetAsIfNeverRecorded) {
  Outcome o = Batches({{Retract("x-1", "2025-10-15", "enr-2")}}).Evaluate(Day("2025-12-31"));
  EXPECT_EQ(o.violations, std::vector<Violation>{});
  EXPECT_EQ(o.report.plans.at(0).cells.at(0).enrolled, 1);
  EXPECT_EQ(o.report.plans.at(0).cells.at(0).withdrawn, 0);
  EXPECT_EQ(o.report.by_level.at(3), (LevelTally{"commune", 1, 1}));
}

// The replacement's effective date counts: a fact can move past D or
// before it.
TEST(BitemporalTest, ReplaceMovesTheFactToItsNewEffectiveDate) {
  Ledger later = Batches({{Replace("x-1", "2025-10-15", "enr-2", Enroll("", "2026-02-01", "E2", "P2", "C-PHD"))}});
  EXPECT_EQ(NotInPlanEvents(later.Evaluate(Day("2025-12-31"))), std::vector<std::string>{});
  EXPECT_EQ(later.Evaluate(Day("2025-12-31")).report.plans.at(0).cells.at(0).enrolled, 1);
  EXPECT_EQ(NotInPlanEvents(later.Evaluate(Day("2026-02-01"))), std::vector<std::string>{"enr-2"});

  Ledger earlier = Batches({{Enroll("enr-3", "2026-02-01", "E3", "P2", "C-PHD")},
                            {Replace("x-1", "2025-12-15", "enr-3", Enroll("", "2025-09-01", "E3", "P2", "C-PHD"))}});
  std::vector<Flag> flags = Flags(earlier.Evaluate(Day("2025-12-31")), Rule::kNotInPlan);
  // The replacement keeps the target's id and seq (11), not the correction's (12).
  EXPECT_EQ(flags, (std::vector<Flag>{{"NOT_IN_PLAN", "violation", "enr-2", 9, "P2", "2025"},
                                      {"NOT_IN_PLAN", "violation", "enr-3", 11, "P2", "2025"}}));
  // Known before the replacement, E3 is not yet effective on 2025-12-31.
  EXPECT_EQ(NotInPlanEvents(earlier.Evaluate(Day("2025-12-31"), kT3 - 1)), std::vector<std::string>{"enr-2"});
}

TEST(BitemporalTest, ReplacementKeepsTheTargetsId) {
  Ledger l = Batches({{Replace("x-1", "2025-10-15", "enr-2", Enroll("", "2025-08-20", "E2", "P2", "C-PHD", "self_funded"))}});
  Outcome o = l.Evaluate(Day("2025-12-31"));
  EXPECT_EQ(Flags(o, Rule::kNotInPlan), (std::vector<Flag>{{"NOT_IN_PLAN", "violation", "enr-2", 9, "P2", "2025"}}));
  EXPECT_EQ(Flags(o, Rule::kQuotaExceeded),
            (std::vector<Flag>{{"QUOTA_EXCEEDED", "violation", "enr-2", 9, "K", "2025"}}));  // phd/self: quota 0
}

struct CorrectionChain {
  const char* name;
  std::vector<std::string> second, third;  // recorded at kT2, kT3
  // As of 2025-12-31, known at kT1, kT2 and kT3.
  std::vector<std::string> not_in_plan[3];
  int64_t public_funding[3];
};

TEST(BitemporalTest, CorrectionsOfCorrections) {
  const std::string fund150 = Decide("", "2025-08-25", "QĐ-1", "K", "E1", 150'000'000);
  const std::string fund175 = Decide("", "2025-08-25", "QĐ-1", "K", "E1", 175'000'000);
  const CorrectionChain chains[] = {
      {"retract the retraction: the target is back",
       {Retract("x-1", "2025-10-15", "enr-2")},
       {Retract("x-2", "2025-11-15", "x-1")},
       {{"enr-2"}, {}, {"enr-2"}},
       {100'000'000, 100'000'000, 100'000'000}},
      {"replace a replacement with another",
       {Replace("x-1", "2025-10-15", "d-1", fund150)},
       {Replace("x-2", "2025-11-15", "x-1", Replace("", "2025-10-15", "d-1", fund175))},
       {{"enr-2"}, {"enr-2"}, {"enr-2"}},
       {100'000'000, 150'000'000, 175'000'000}},
      {"retract a replacement: the original is back",
       {Replace("x-1", "2025-10-15", "d-1", fund150)},
       {Retract("x-2", "2025-11-15", "x-1")},
       {{"enr-2"}, {"enr-2"}, {"enr-2"}},
       {100'000'000, 150'000'000, 100'000'000}},
      {"replace a retraction with a replacement",
       {Retract("x-1", "2025-10-15", "d-1")},
       {Replace("x-2", "2025-11-15", "x-1", Replace("", "2025-10-15", "d-1", fund175))},
       {{"enr-2"}, {"enr-2"}, {"enr-2"}},
       {100'000'000, 0, 175'000'000}},
      {"replace a retraction with one of another target",
       {Retract("x-1", "2025-10-15", "enr-1")},
       {Replace("x-2", "2025-11-15", "x-1", Retract("", "2025-10-15", "enr-2"))},
       {{"enr-2"}, {"enr-2"}, {}},
       {100'000'000, 100'000'000, 100'000'000}},
      // Engine's choice: corrections of one target apply in seq order, so a
      // replacement recorded after a retraction brings the target back.
      {"a replacement after a retraction of the same target",
       {Retract("x-1", "2025-10-15", "d-1")},
       {Replace("x-2", "2025-11-15", "d-1", fund175)},
       {{"enr-2"}, {"enr-2"}, {"enr-2"}},
       {100'000'000, 0, 175'000'000}},
      {"a retraction after a replacement of the same target",
       {Replace("x-1", "2025-10-15", "d-1", fund150)},
       {Retract("x-2", "2025-11-15", "d-1")},
       {{"enr-2"}, {"enr-2"}, {"enr-2"}},
       {100'000'000, 150'000'000, 0}},
  };
  for (const CorrectionChain& c : chains) {
    Ledger l = Batches({c.second, c.third});
    const Timestamp at[] = {kT1, kT2, kT3};
    for (int i = 0; i < 3; ++i) {
      Outcome o = l.Evaluate(Day("2025-12-31"), at[i]);
      EXPECT_EQ(NotInPlanEvents(o), c.not_in_plan[i]) << c.name << ", known at T" << i + 1;
      EXPECT_EQ(PublicFunding(o), c.public_funding[i]) << c.name << ", known at T" << i + 1;
    }
  }
}

// events_counted: the events that count as of D and known at T. A
// correction counts by its effective date like any event (though it applies
// whatever that date); a retracted one does not count, and a replaced one
// counts by its replacement's effective date, as a replaced event does.
TEST(BitemporalTest, EventsCountedCountsWhatCounts) {
  struct Case {
    const char* name;
    std::vector<std::string> second, third;
    const char* as_of;
    uint64_t counted;
  };
  const Case cases[] = {
      {"no correction, before the enrollments", {}, {}, "2025-08-19", 7},
      {"no correction", {}, {}, "2025-08-25", 10},
      {"a retraction effective after D applies but is not counted",
       {Retract("x-1", "2025-10-15", "enr-2")}, {}, "2025-09-30", 9},
      {"a retraction counted", {Retract("x-1", "2025-10-15", "enr-2")}, {}, "2025-12-31", 10},
      {"a retracted retraction", {Retract("x-1", "2025-10-15", "enr-2")}, {Retract("x-2", "2025-11-15", "x-1")},
       "2025-12-31", 11},
      {"a replaced fact counts by its replacement's date",
       {Replace("x-1", "2025-10-15", "enr-2", Enroll("", "2026-02-01", "E2", "P2", "C-PHD"))}, {}, "2025-12-31", 10},
      {"a replaced correction counts by its replacement's date",
       {Retract("x-1", "2025-10-15", "enr-2")},
       {Replace("x-2", "2025-11-15", "x-1", Retract("", "2026-03-01", "enr-2"))},
       "2025-12-31",
       10},
      {"a replaced correction, once its replacement's date is reached",
       {Retract("x-1", "2025-10-15", "enr-2")},
       {Replace("x-2", "2025-11-15", "x-1", Retract("", "2026-03-01", "enr-2"))},
       "2026-03-01",
       11},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Batches({c.second, c.third}).Evaluate(Day(c.as_of)).report.events_counted, c.counted) << c.name;
  }
}

// A nomination recorded late with an early effective date clears the
// NOT_IN_PLAN of P2's enrollment only for reports known after it was
// recorded; as of any date, known before it, the violation stands.
TEST(BitemporalTest, BackdatedNominationClearsNotInPlanOnlyOnceRecorded) {
  Ledger l = Batches({{Nominate("n-2", "2025-08-01", "K", "P2", "phd")}});
  for (const char* d : {"2025-08-20", "2025-12-31", "2029-01-01"}) {
    EXPECT_EQ(NotInPlanEvents(l.Evaluate(Day(d), kT1)), std::vector<std::string>{"enr-2"}) << d;
    EXPECT_EQ(NotInPlanEvents(l.Evaluate(Day(d), kT2 - 1)), std::vector<std::string>{"enr-2"}) << d;
    EXPECT_EQ(NotInPlanEvents(l.Evaluate(Day(d), kT2)), std::vector<std::string>{}) << d;
  }
}

TEST(BitemporalTest, SameDAndTGiveTheSameOutcomeWhateverIsAppendedLater) {
  Ledger l = Batches({});
  std::vector<Outcome> first;
  for (const char* d : kDates) first.push_back(l.Evaluate(Day(d), kT1));
  l.Record(kT2, {Retract("x-1", "2025-10-15", "enr-2"), Nominate("n-9", "2025-01-01", "K", "P2", "phd"),
                 Withdraw("w-1", "2025-08-21", "E1"), Enroll("enr-0", "2024-01-01", "E0", "P1", "C-PHD")});
  l.Record(kT3, {Retract("x-2", "2025-11-15", "x-1"),
                 Replace("x-3", "2025-11-15", "d-1", Decide("", "2025-01-01", "QĐ-1", "K", "E2", 9))});
  for (size_t i = 0; i < std::size(kDates); ++i) {
    ExpectSameReport(l.Evaluate(Day(kDates[i]), kT1), first[i], kDates[i]);
    EXPECT_EQ(l.Evaluate(Day(kDates[i]), kT1), l.Evaluate(Day(kDates[i]), kT1));
  }
}

// ---------------------------------------------------------------- through the store

class StoreTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tledger-bitemporal-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteFile(const std::string& name, const std::vector<std::string>& lines) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path);
    for (const std::string& line : lines) out << line << "\n";
    return path;
  }

  std::filesystem::path dir_;
};

// Two imports, the second a correction and a backdated nomination: a replay
// known at each import's instant equals the builder's fold of the same
// batches.
TEST_F(StoreTest, ReplayKnownAtEachImportEqualsTheFoldOfThoseBatches) {
  const std::vector<std::string> second = {
      Retract("x-1", "2025-10-15", "d-1"), Nominate("n-2", "2025-08-01", "K", "P2", "phd"),
      Replace("x-2", "2025-10-15", "enr-1", Enroll("", "2025-08-20", "E1", "P1", "C-PHD", "self_funded"))};
  Result<std::unique_ptr<Store>> store = Store::Open((dir_ / "ledger").string(), OpenMode::kWrite);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Result<FileImport> one = ImportFile(**store, WriteFile("one.jsonl", FirstBatch()), ImportOptions{.actor = "clerk", .csv_type = ""});
  ASSERT_TRUE(one.ok()) << one.status().message();
  Result<FileImport> two = ImportFile(**store, WriteFile("two.jsonl", second), ImportOptions{.actor = "clerk", .csv_type = ""});
  ASSERT_TRUE(two.ok()) << two.status().message();
  const Timestamp r1 = one->head.recorded_at, r2 = two->head.recorded_at;
  ASSERT_LT(r1, r2);
  EXPECT_EQ(two->head.seq, FirstBatch().size() + second.size());

  Ledger l;
  l.Record(r1, FirstBatch()).Record(r2, second);
  for (Timestamp t : {r1 - 1, r1, r2 - 1, r2}) {
    Result<Timeline> replayed = Replay(**store, t);
    ASSERT_TRUE(replayed.ok()) << replayed.status().message();
    for (const char* d : kDates) {
      ExpectSameReport(EvaluateFold(*replayed, Day(d), t), l.Evaluate(Day(d), t), d);
    }
  }
  Result<Timeline> at_r2 = Replay(**store, r2);
  Outcome now = EvaluateFold(*at_r2, Day("2025-12-31"), r2);
  EXPECT_EQ(NotInPlanEvents(now), std::vector<std::string>{});
  EXPECT_EQ(PublicFunding(now), 0);
  EXPECT_EQ(Flags(now, Rule::kQuotaExceeded),
            (std::vector<Flag>{{"QUOTA_EXCEEDED", "violation", "enr-1", 8, "K", "2025"}}));

  // Replay extended from a snapshot equals a full replay.
  Result<Timeline> first = Replay(**store, r1);
  ASSERT_TRUE(first.ok());
  Timeline extended = *first;
  ASSERT_TRUE(ReplayInto(**store, first->seq() + 1, r2, &extended).ok());
  ExpectSameReport(EvaluateFold(extended, Day("2025-12-31"), r2), now, "extended");
}

// The same through an Appender, and a store reopened for reading.
TEST_F(StoreTest, AppendedEventsReplayAsTheBuilderFoldsThem) {
  Ledger l;
  l.Record(kT1, FirstBatch());
  {
    Result<std::unique_ptr<Store>> store = Store::Open((dir_ / "ledger").string(), OpenMode::kWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Result<Timestamp> appended = l.AppendTo(**store);
    ASSERT_TRUE(appended.ok()) << appended.status().message();
  }
  Result<std::unique_ptr<Store>> reader = Store::Open((dir_ / "ledger").string(), OpenMode::kRead);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  Result<Timeline> replayed = Replay(**reader, kForever);
  ASSERT_TRUE(replayed.ok());
  for (const char* d : kDates) {
    ExpectSameReport(EvaluateFold(*replayed, Day(d), kForever), l.Evaluate(Day(d)), d);
  }
}

}  // namespace
}  // namespace tledger
