// Overflow must not hide a breach (SECURITY.md, "Overflow"). Amounts up to
// INT64_MAX were accepted and summed with wrapping arithmetic: five real
// over-budget decisions went unflagged, public funding printed as -9.2e18,
// `violations` said 0. Import now bounds money (kMaxMoneyVnd; the hostile
// table refuses INT64_MAX); sums are checked (projections/money.h): many
// decisions at the bound still flag every BUDGET_EXCEEDED, and a figure too
// large to add up exactly is refused, naming it, rather than printed wrong.
#include <gtest/gtest.h>

#include "core/schema_info.h"
#include "projections/money.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::Lines;
using testing::MakeLedger;
using testing::RunResult;
using testing::TempDir;
using testing::Tledger;
using testing::WriteFile;

TEST(MoneyArithmetic, AddsExactlyOrSaysItCannot) {
  EXPECT_EQ(AddVnd(kMaxMoneyVnd, kMaxMoneyVnd), 2 * kMaxMoneyVnd);
  EXPECT_EQ(AddVnd(INT64_MAX - 1, 1), kVndOverflow);  // reaching it is not representing it
  EXPECT_EQ(AddVnd(INT64_MAX - 1, 2), kVndOverflow);  // no wrap to INT64_MIN
  EXPECT_EQ(AddVnd(kVndOverflow, -5), kVndOverflow);  // sticky
  EXPECT_EQ(AddVnd(INT64_MIN, -1), kVndOverflow);
  EXPECT_EQ(AddVnd(-3, 5), 2);
  EXPECT_EQ(SubVnd(1'800'000'000, 1'900'000'000), -100'000'000);
  EXPECT_EQ(SubVnd(0, kVndOverflow), kVndOverflow);
  EXPECT_EQ(SubVnd(kVndOverflow, 1), kVndOverflow);
  EXPECT_EQ(SubVnd(INT64_MIN, 1), kVndOverflow);
}

// The sample ledger and 9,300 public decisions at the largest amount import
// accepts, all for plan HG-2025 (budget 1.8 bn VND) and enrollment
// HG-E-0001, whose person later breaches the service commitment.
class MoneyOverflow : public ::testing::Test {
 protected:
  static constexpr int kDecisions = 9300;

  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    std::string lines;
    for (int i = 0; i < kDecisions; ++i) {
      lines += R"({"type":"funding_decided","id":"big-)" + std::to_string(i) +
               R"(","effective":"2025-06-01","decision":"QĐ-BIG-)" + std::to_string(i) +
               R"(","plan":"HG-2025","enrollment":"HG-E-0001","amount_vnd":)" + std::to_string(kMaxMoneyVnd) +
               R"(,"funding":"state_budget"})" + "\n";
    }
    WriteFile(*tmp_ / "big.jsonl", lines);
    db_ = new std::string(MakeLedger(*tmp_ / "db", {DataPath("sample.jsonl"), *tmp_ / "big.jsonl"}));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete tmp_;
  }

  static TempDir* tmp_;
  static std::string* db_;
};
TempDir* MoneyOverflow::tmp_ = nullptr;
std::string* MoneyOverflow::db_ = nullptr;

const std::string kTooLarge =
    " is 9,223,372,036,854,775,807 VND or more, beyond what tledger adds up exactly (import bounds each amount at "
    "1,000,000,000,000,000 VND; only thousands of amounts near that bound reach it): nothing was printed\n";

// Every decision brings the plan over its budget; once the running sum no
// longer fits 64 bits it is still over, never a wrapped negative.
TEST_F(MoneyOverflow, EveryDecisionOverTheBudgetIsFlagged) {
  RunResult r = Tledger(*db_, {"violations", "--as-of", "2026-12-31", "--rule", "BUDGET_EXCEEDED", "--format", "csv",
                               "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u + kDecisions);  // the header, then one row a decision
  // Row k is decision big-(k-1): the 9,223rd still sums exactly, the
  // 9,224th and later are "or more".
  EXPECT_NE(lines[9223].find("big-9222,HG-2025,"), std::string::npos) << lines[9223];
  EXPECT_NE(lines[9223].find("brings the funding decided under plan HG-2025 to 9,223,000,000,095,000,000 VND, over "
                             "its budget of 1,800,000,000 VND"),
            std::string::npos)
      << lines[9223];
  EXPECT_NE(lines[kDecisions].find("big-9299,HG-2025,"), std::string::npos) << lines[kDecisions];
  EXPECT_NE(lines[kDecisions].find("brings the funding decided under plan HG-2025 to 9,223,372,036,854,775,807 VND "
                                   "or more, over its budget of 1,800,000,000 VND"),
            std::string::npos)
      << lines[kDecisions];
}

// The report cannot print the plan's public funding exactly: it refuses,
// naming it, whichever way it is computed (the cached timeline, the full
// evaluation of --plan, a private cache with --read-only, diff).
TEST_F(MoneyOverflow, AReportWhoseSumCannotBeRepresentedIsRefusedNamingIt) {
  const std::string error =
      std::string(testing::kErrorPrefix) + "the public funding of plan \"HG-2025\" as of 2026-12-31" + kTooLarge;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", "--as-of", "2026-12-31"},
        std::vector<std::string>{"report", "--as-of", "2026-12-31", "--plan", "HG-2025", "--format", "json"},
        std::vector<std::string>{"--read-only", "report", "--as-of", "2026-12-31", "--format", "csv"}}) {
    RunResult r = Tledger(*db_, args);
    EXPECT_EQ(r.exit_code, 3) << args.back();
    EXPECT_EQ(r.out, "") << args.back();
    EXPECT_EQ(r.err, error) << args.back();
  }
  RunResult diff = Tledger(*db_, {"diff", "--from", "2025-01-01", "--to", "2026-12-31"});
  EXPECT_EQ(diff.exit_code, 3);
  EXPECT_EQ(diff.out, "");
  EXPECT_EQ(diff.err, error);
  // Before the decisions, every figure is exact.
  EXPECT_EQ(Tledger(*db_, {"report", "--as-of", "2025-05-31"}).exit_code, 0);
}

// The service breach owes F x (T1 - T2) / T1 of a public funding F too
// large to add up: violations refuses naming the case, rather than print a
// wrapped amount; the other rules' cases still print.
TEST_F(MoneyOverflow, ACompensationTooLargeToAddUpIsRefusedNamingTheCase) {
  RunResult r = Tledger(*db_, {"violations", "--as-of", "2028-12-31"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string(testing::kErrorPrefix) +
                       "the amount of SERVICE_BREACH for enrollment \"HG-E-0001\" (seq 20) as of 2028-12-31" +
                       kTooLarge);
  RunResult budget = Tledger(*db_, {"violations", "--as-of", "2028-12-31", "--rule", "BUDGET_EXCEEDED", "--format", "csv"});
  EXPECT_EQ(budget.exit_code, 0) << budget.err;
  EXPECT_EQ(Lines(budget.out).size(), 1u + kDecisions);
}

}  // namespace
}  // namespace tledger
