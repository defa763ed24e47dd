// A date-only --known-at is the end of that day in Vietnam (shared/spec/
// cli.md): a clerk in Cần Thơ who imports at 06:30 on 7 December, 23:30 UTC
// on the 6th, sees the import counted from 7 December on, not on the 6th.
// The import is made in-process with the store's clock set to that instant
// (SetClockForTesting); the reports are the real binary's.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/store.h"
#include "tests/test_util.h"
#include "tools/cli/importer.h"

namespace tledger::testing {
namespace {

using Json = nlohmann::json;

// 06:30:00 on 7 December 2026 in Vietnam: 23:30:00 UTC on the 6th.
Timestamp SixThirtyInCanTho() { return *ParseInstant("2026-12-07T06:30:00+07:00"); }

class KnownAtVietnam : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = tmp_ / "db";
    SetClockForTesting(&SixThirtyInCanTho);
    {
      std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kWrite);
      Result<FileImport> r = ImportFile(*store, DataPath("sample.jsonl"), ImportOptions{.actor = kActor, .csv_type = ""});
      SetClockForTesting(nullptr);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      ASSERT_EQ(r->head.seq, 24u);
      ASSERT_EQ(r->head.recorded_at, *ParseInstant("2026-12-06T23:30:00Z"));
    }
  }
  void TearDown() override { SetClockForTesting(nullptr); }

  // events_counted of `report --as-of 2028-12-31 --known-at KNOWN_AT`.
  int64_t Counted(const std::string& known_at) {
    RunResult r = Tledger(db_, {"report", "--as-of", "2028-12-31", "--known-at", known_at, "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? Json::parse(r.out)["events_counted"].get<int64_t>() : -1;
  }

  TempDir tmp_;
  std::string db_;
};

TEST_F(KnownAtVietnam, AnImportAtSixThirtyCountsForThatDayNotThePreviousOne) {
  EXPECT_EQ(Counted("2026-12-07"), 24);
  EXPECT_EQ(Counted("07/12/2026"), 24);
  EXPECT_EQ(Counted("2026-12-06"), 0);  // known at the end of 6 December in Vietnam: not yet imported
  EXPECT_EQ(Counted("6/12/2026"), 0);
  // The instant itself, and a second before it.
  EXPECT_EQ(Counted("2026-12-07T06:30:00+07:00"), 24);
  EXPECT_EQ(Counted("2026-12-07T06:29:59+07:00"), 0);
  // The table says which end of day it read, in Vietnam time.
  RunResult table = Tledger(db_, {"report", "--as-of", "31/12/2028", "--known-at", "2026-12-07"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(Lines(table.out).at(0),
            "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày 31/12/2028, theo dữ liệu ghi nhận đến 07/12/2026 23:59:59 "
            "(UTC+07:00); 24 bản ghi được tính");
  // Without --known-at, the ledger as it stands: its last import's instant,
  // shown in Vietnam time.
  RunResult now = Tledger(db_, {"violations", "--as-of", "2028-12-31"});
  ASSERT_EQ(now.exit_code, 0) << now.err;
  std::string header = Lines(now.out).at(0);
  EXPECT_TRUE(header.starts_with("Kết quả kiểm tra tính đến hết ngày 31/12/2028, theo dữ liệu ghi nhận đến 07/12/2026 "
                                 "06:30:00 (UTC+07:00): "))
      << header;
}

// `batches` shows each import in Vietnam time, and the exact instant to
// give --known-at, which then counts that import and nothing after it.
TEST_F(KnownAtVietnam, BatchesShowVietnamTimeAndTheExactKnownAt) {
  RunResult table = Tledger(db_, {"batches"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out,
            "Sổ cái có 1 lần nhập dữ liệu, đến sự kiện số 24\n"
            "  Thời điểm ghi nhận (giờ Việt Nam)  Giá trị cho --known-at            Từ số  Đến số  Số sự kiện  Người ghi nhận\n"
            "  07/12/2026 06:30:00 (UTC+07:00)    2026-12-07T06:30:00.000000+07:00      1      24          24  clerk\n");
  EXPECT_EQ(Counted("2026-12-07T06:30:00.000000+07:00"), 24);
  RunResult en = Tledger(db_, {"batches", "--lang", "en"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_NE(en.out.find("2026-12-07 06:30:00 (UTC+07:00)  2026-12-07T06:30:00.000000+07:00"), std::string::npos) << en.out;
}

}  // namespace
}  // namespace tledger::testing
