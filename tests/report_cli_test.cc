// `report` and `violations` end to end, as an inspector runs them: every
// format, both languages, --plan, --rule, refusals of bad values, defaults,
// and --known-at reproducing an earlier report byte for byte.
//
// Ledgers: tests/data/sample.jsonl (shared/examples), and
// tests/data/report_two_plans.jsonl: two plans (CT-2025 with quotas and a
// 200,000,000 VND budget; BD-2025 with a phase opening 2025-07-01), four
// persons, four enrollments, three decisions, and seven violations as of
// 2025-12-31 (a budget overrun, a second PhD over a quota of 1, three
// enrollments without a nomination, a course before its phase, a person
// registered in a district after districts ceased). P1 is exactly 45 on his
// course start: the 2025 age limit, a near miss.
#include <chrono>
#include <ctime>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/report_test_util.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

// Far enough in the future to know every event, and fixed, so outputs are exact.
constexpr char kKnownAt[] = "9999-12-31";
constexpr char kKnownAtText[] = "9999-12-31T23:59:59.999999Z";
constexpr char kErr[] = "tledger: error: ";

class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(SampleDb(), {DataFile("sample.jsonl")});
    ImportInto(PlansDb(), {DataFile("report_two_plans.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string SampleDb() { return dir_->path() + "/sample"; }
  static std::string PlansDb() { return dir_->path() + "/plans"; }

  // `tledger --db DB args... --known-at 9999-12-31`, asserted to succeed
  // with nothing on stderr.
  static std::string Out(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    args.insert(args.end(), {"--known-at", kKnownAt});
    return RunOk(args);
  }

  static ReportTestDir* dir_;
};
ReportTestDir* ReportCli::dir_ = nullptr;

// ------------------------------------------------------------------ report

TEST_F(ReportCli, ReportTableIsVietnameseByDefaultWithMoneyGroupedAndColumnsAligned) {
  EXPECT_EQ(Out(SampleDb(), {"report", "--as-of", "2028-12-31"}),
            "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày 2028-12-31, theo dữ liệu ghi nhận đến "
            "9999-12-31T23:59:59.999999Z; 24 sự kiện được tính\n"
            "\n"
            "Kế hoạch HG-2025\n"
            "  Dự toán                      1.800.000.000 đ\n"
            "  Kinh phí công đã quyết định     95.000.000 đ\n"
            "  Còn lại                      1.705.000.000 đ\n"
            "\n"
            "  Chương trình  Nguồn kinh phí  Nơi đào tạo  Chỉ tiêu  Ghi danh  Hoàn thành  Không đạt  Đang học  Đã rút\n"
            "  master        public          domestic           12         1           1          0         0       0\n"
            "\n"
            "Theo cấp hành chính của đơn vị\n"
            "  Cấp       Lượt học viên  Số người\n"
            "  central               0         0\n"
            "  province              0         0\n"
            "  district              0         0\n"
            "  commune               1         1\n"
            "\n"
            "Theo lĩnh vực\n"
            "  Lĩnh vực  Lượt học viên  Số lớp\n"
            "  finance               1       1\n"
            "\n"
            "Theo hình thức đào tạo\n"
            "  Hình thức         Lượt học viên  Số lớp\n"
            "  centralized                   0       0\n"
            "  semi_centralized              1       1\n"
            "  remote                        0       0\n"
            "  online                        0       0\n"
            "\n"
            "Kinh phí phải bồi hoàn: 47.187.500 đ\n");
}

TEST_F(ReportCli, ReportTableInEnglish) {
  EXPECT_EQ(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--lang", "en"}),
            "Training report as of the end of 2028-12-31, as known at 9999-12-31T23:59:59.999999Z; 24 events counted\n"
            "\n"
            "Plan HG-2025\n"
            "  Budget                  1,800,000,000 VND\n"
            "  Public funding decided     95,000,000 VND\n"
            "  Remaining               1,705,000,000 VND\n"
            "\n"
            "  Program  Funding  Location  Quota  Enrolled  Completed  Failed  In progress  Withdrawn\n"
            "  master   public   domestic     12         1          1       0            0          0\n"
            "\n"
            "By level of the unit\n"
            "  Level     Trainee-turns  Persons\n"
            "  central               0        0\n"
            "  province              0        0\n"
            "  district              0        0\n"
            "  commune               1        1\n"
            "\n"
            "By field\n"
            "  Field    Trainee-turns  Classes\n"
            "  finance              1        1\n"
            "\n"
            "By form of training\n"
            "  Form              Trainee-turns  Classes\n"
            "  centralized                   0        0\n"
            "  semi_centralized              1        1\n"
            "  remote                        0        0\n"
            "  online                        0        0\n"
            "\n"
            "Compensation due: 47,187,500 VND\n");
}

TEST_F(ReportCli, ReportJsonHasTheSpecKeysInOrderAndExactValues) {
  Json j = Json::parse(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--format", "json"}));
  std::vector<std::string> keys;
  for (auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"as_of", "known_at", "events_counted", "plans", "by_level", "by_field",
                                            "by_form", "reimbursement_due_vnd", "plan", "restate_units"}));
  EXPECT_EQ(j, Json::parse(R"json({"as_of":"2028-12-31","known_at":"9999-12-31T23:59:59.999999Z","events_counted":24,
    "plans":[{"plan":"HG-2025","budget_vnd":1800000000,"public_funding_vnd":95000000,"remaining_vnd":1705000000,
      "cells":[{"program":"master","funding_class":"public","location":"domestic","quota":12,
                "enrolled":1,"completed":1,"failed":0,"in_progress":0,"withdrawn":0}]}],
    "by_level":[{"level":"central","trainee_turns":0,"persons":0},{"level":"province","trainee_turns":0,"persons":0},
                {"level":"district","trainee_turns":0,"persons":0},{"level":"commune","trainee_turns":1,"persons":1}],
    "by_field":[{"field":"finance","trainee_turns":1,"classes":1}],
    "by_form":[{"form":"centralized","trainee_turns":0,"classes":0},{"form":"semi_centralized","trainee_turns":1,"classes":1},
               {"form":"remote","trainee_turns":0,"classes":0},{"form":"online","trainee_turns":0,"classes":0}],
    "reimbursement_due_vnd":47187500,"plan":null,"restate_units":false})json"));
}

TEST_F(ReportCli, ReportJsonQuotaIsNullWhereThePlanSetsNone) {
  Json j = Json::parse(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--format", "json"}));
  ASSERT_EQ(j["plans"].size(), 2u);
  EXPECT_EQ(j["plans"][0]["plan"], "BD-2025");
  EXPECT_EQ(j["plans"][0]["cells"], Json::parse(R"json([{"program":"digital_transformation","funding_class":"public",
    "location":"domestic","quota":null,"enrolled":1,"completed":1,"failed":0,"in_progress":0,"withdrawn":0}])json"));
  EXPECT_EQ(j["plans"][1]["remaining_vnd"], -50000000);
}

TEST_F(ReportCli, ReportCsvHasOneHeaderAndASectionPerRow) {
  EXPECT_EQ(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--format", "csv"}),
            "section,plan,program,funding_class,location,quota,enrolled,completed,failed,in_progress,withdrawn,key,"
            "trainee_turns,persons,classes,value,as_of,known_at\r\n"
            "plan,HG-2025,,,,,,,,,,budget_vnd,,,,1800000000,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "plan,HG-2025,,,,,,,,,,public_funding_vnd,,,,95000000,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "plan,HG-2025,,,,,,,,,,remaining_vnd,,,,1705000000,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "cell,HG-2025,master,public,domestic,12,1,1,0,0,0,,,,,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_level,,,,,,,,,,,central,0,0,,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_level,,,,,,,,,,,province,0,0,,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_level,,,,,,,,,,,district,0,0,,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_level,,,,,,,,,,,commune,1,1,,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_field,,,,,,,,,,,finance,1,,1,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_form,,,,,,,,,,,centralized,0,,0,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_form,,,,,,,,,,,semi_centralized,1,,1,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_form,,,,,,,,,,,remote,0,,0,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "by_form,,,,,,,,,,,online,0,,0,,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "total,,,,,,,,,,,events_counted,,,,24,2028-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "total,,,,,,,,,,,reimbursement_due_vnd,,,,47187500,2028-12-31,9999-12-31T23:59:59.999999Z\r\n");
}

TEST_F(ReportCli, ReportCsvLeavesANullQuotaEmpty) {
  std::vector<std::string> lines = SplitLines(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--format", "csv"}));
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[4], "cell,BD-2025,digital_transformation,public,domestic,,1,1,0,0,0,,,,,,2025-12-31,"
                      "9999-12-31T23:59:59.999999Z\r");
}

TEST_F(ReportCli, RestateUnitsIsSaidInEveryFormat) {
  EXPECT_EQ(SplitLines(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--restate-units"})).at(1),
            "Cấp hành chính theo đơn vị kế thừa tại ngày báo cáo");
  Json j = Json::parse(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--restate-units", "--format", "json"}));
  EXPECT_EQ(j["restate_units"], true);
}

// ------------------------------------------------------------------ --plan

TEST_F(ReportCli, PlanNarrowsCellsTalliesAndMoneyToThatPlan) {
  Json j = Json::parse(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--plan", "BD-2025", "--format", "json"}));
  EXPECT_EQ(j, Json::parse(R"json({"as_of":"2025-12-31","known_at":"9999-12-31T23:59:59.999999Z","events_counted":22,
    "plans":[{"plan":"BD-2025","budget_vnd":50000000,"public_funding_vnd":5000000,"remaining_vnd":45000000,
      "cells":[{"program":"digital_transformation","funding_class":"public","location":"domestic","quota":null,
                "enrolled":1,"completed":1,"failed":0,"in_progress":0,"withdrawn":0}]}],
    "by_level":[{"level":"central","trainee_turns":0,"persons":0},{"level":"province","trainee_turns":0,"persons":0},
                {"level":"district","trainee_turns":0,"persons":0},{"level":"commune","trainee_turns":1,"persons":1}],
    "by_field":[{"field":"digital","trainee_turns":1,"classes":1}],
    "by_form":[{"form":"centralized","trainee_turns":0,"classes":0},{"form":"semi_centralized","trainee_turns":0,"classes":0},
               {"form":"remote","trainee_turns":0,"classes":0},{"form":"online","trainee_turns":1,"classes":1}],
    "reimbursement_due_vnd":0,"plan":"BD-2025","restate_units":false})json"));
  // The table says what it is narrowed to, under its header line.
  EXPECT_EQ(SplitLines(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--plan", "CT-2025", "--lang", "en"})).at(1),
            "Only what concerns plan CT-2025");
}

TEST_F(ReportCli, PlanNarrowsViolationsToThoseThatConcernIt) {
  auto events = [&](const std::string& db, const std::string& as_of, const std::string& plan) {
    Json j = Json::parse(Out(db, {"violations", "--as-of", as_of, "--plan", plan, "--format", "json"}));
    EXPECT_EQ(j["plan"], plan);
    std::vector<std::string> out;
    for (const Json& v : j["violations"]) out.push_back(v["rule"].get<std::string>() + " " + v["event"].get<std::string>());
    return out;
  };
  // The registration of P4 in a district concerns no plan: it is in neither.
  EXPECT_EQ(events(PlansDb(), "2025-12-31", "CT-2025"),
            (std::vector<std::string>{"BUDGET_EXCEEDED f-2", "NOT_IN_PLAN e-2", "NOT_IN_PLAN e-3", "QUOTA_EXCEEDED e-2"}));
  EXPECT_EQ(events(PlansDb(), "2025-12-31", "BD-2025"), (std::vector<std::string>{"NOT_IN_PLAN e-4", "OUTSIDE_PHASE e-4"}));
  // A leaving is about a person, but the breach names an enrollment in the
  // plan; the revoked nomination of an unknown person is under the plan. The
  // withdrawal and exemption of unknown enrollments concern no plan.
  EXPECT_EQ(events(SampleDb(), "2028-12-31", "HG-2025"),
            (std::vector<std::string>{"MISSING_REFERENCE s-n0", "SERVICE_BREACH s-l1"}));
}

TEST_F(ReportCli, AnUnknownPlanIsRefusedListingThePlans) {
  for (const char* command : {"report", "violations"}) {
    CliRun run = RunTledger({"--db", PlansDb(), command, "--plan", "CT-2052", "--known-at", kKnownAt});
    EXPECT_EQ(run.exit_code, 1) << command;
    EXPECT_EQ(run.out, "") << command;
    EXPECT_EQ(run.err, std::string(kErr) + "--plan: no plan \"CT-2052\" is issued in the ledger as known at " +
                           kKnownAtText + " (plans: BD-2025, CT-2025)\n")
        << command;
  }
}

// ------------------------------------------------------------------ violations

TEST_F(ReportCli, ViolationsTableGroupsByRuleWithDescriptionsInVietnamese) {
  EXPECT_EQ(
      Out(PlansDb(), {"violations", "--as-of", "2025-12-31"}),
      "Vi phạm tính đến hết ngày 2025-12-31, theo dữ liệu ghi nhận đến 9999-12-31T23:59:59.999999Z: 7 vi phạm (7 lỗi, 0 cảnh báo)\n"
      "\n"
      "BUDGET_EXCEEDED: Vượt dự toán kinh phí của kế hoạch (lỗi, 1 trường hợp)\n"
      "  Sự kiện  Đối tượng  Chi tiết\n"
      "  f-2      CT-2025    quyết định QĐ-502 (100.000.000 đ) đưa tổng kinh phí công lên 250.000.000 đ, vượt dự toán "
      "200.000.000 đ (theo Nghị định 171/2025/NĐ-CP)\n"
      "\n"
      "NOT_IN_PLAN: Cử đi học không có trong kế hoạch (lỗi, 3 trường hợp)\n"
      "  Sự kiện  Đối tượng  Chi tiết\n"
      "  e-2      P2         ghi danh E2 vào C-PHD-IT (phd) ngày 2025-09-02 nhưng không có quyết định cử đi học theo kế "
      "hoạch CT-2025 (theo Nghị định 171/2025/NĐ-CP)\n"
      "  e-3      P2         ghi danh E3 vào C-MS-FIN (master) ngày 2025-10-01 nhưng không có quyết định cử đi học theo "
      "kế hoạch CT-2025 (theo Nghị định 171/2025/NĐ-CP)\n"
      "  e-4      P3         ghi danh E4 vào C-DX (digital_transformation) ngày 2025-06-15 nhưng không có quyết định cử "
      "đi học theo kế hoạch BD-2025 (theo Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP))\n"
      "\n"
      "OUTSIDE_PHASE: Khai giảng trước khi mở đợt (lỗi, 1 trường hợp)\n"
      "  Sự kiện  Đối tượng  Chi tiết\n"
      "  e-4      BD-2025    khóa C-DX lĩnh vực digital bắt đầu 2025-06-15, trước ngày mở đợt 2025-07-01 (ghi danh E4) "
      "(theo Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP))\n"
      "\n"
      "QUOTA_EXCEEDED: Vượt chỉ tiêu (lỗi, 1 trường hợp)\n"
      "  Sự kiện  Đối tượng  Chi tiết\n"
      "  e-2      CT-2025    ghi danh thứ 2 (E2) trong ô phd/public/domestic vượt chỉ tiêu 1 (theo Nghị định "
      "171/2025/NĐ-CP)\n"
      "\n"
      "UNIT_DISSOLVED: Đơn vị đã sáp nhập hoặc giải thể (lỗi, 1 trường hợp)\n"
      "  Sự kiện  Đối tượng  Chi tiết\n"
      "  p-4      HG-VT      đăng ký P4 ngày 2025-08-01 ghi đơn vị HG-VT, đơn vị này là đơn vị cấp huyện, cấp hành chính "
      "này chấm dứt từ 2025-07-01 (theo Nghị định 171/2025/NĐ-CP)\n");
}

TEST_F(ReportCli, ViolationsTableInEnglish) {
  EXPECT_EQ(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--lang", "en"}),
            "Violations as of the end of 2028-12-31, as known at 9999-12-31T23:59:59.999999Z: 5 violations (5 errors, "
            "0 warnings)\n"
            "\n"
            "MISSING_REFERENCE: Reference to an unregistered id (error, 4 cases)\n"
            "  Event  Subject    Detail\n"
            "  s-w0   HG-E-0099  the event names enrollment HG-E-0099, which no event registers (judged by Decree "
            "101/2017/ND-CP as amended by Decree 89/2021/ND-CP)\n"
            "  s-z0   HG-000999  the event names person HG-000999, which no event registers (judged by Decree "
            "171/2025/ND-CP)\n"
            "  s-z0   HG-E-0999  the event names enrollment HG-E-0999, which no event registers (judged by Decree "
            "171/2025/ND-CP)\n"
            "  s-n0   HG-000999  the event names person HG-000999, which no event registers (judged by Decree "
            "101/2017/ND-CP as amended by Decree 89/2021/ND-CP)\n"
            "\n"
            "SERVICE_BREACH: Left service before the commitment ended (error, 1 case)\n"
            "  Event  Subject    Detail\n"
            "  s-l1   HG-000123  HG-E-0001: left service 2028-01-31 after 9 months of service since completing "
            "2027-04-02, short of the 48 months committed; compensation 95,000,000 VND x (48 - 9) / 48 = 77,187,500 "
            "VND (judged by Decree 101/2017/ND-CP as amended by Decree 89/2021/ND-CP)\n");
}

TEST_F(ReportCli, ViolationsJsonHasTheSpecKeysAndTheDetailInTheChosenLanguage) {
  Json j = Json::parse(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--format", "json", "--rule", "SERVICE_BREACH"}));
  EXPECT_EQ(j, Json::parse(R"json({"as_of":"2028-12-31","known_at":"9999-12-31T23:59:59.999999Z","violations":[
    {"rule":"SERVICE_BREACH","severity":"error","event":"s-l1","subject":"HG-000123",
     "detail":"HG-E-0001: nghỉ việc 2028-01-31 sau 9 tháng công tác kể từ khi hoàn thành 2027-04-02, chưa đủ 48 tháng cam kết; bồi hoàn 95.000.000 đ x (48 - 9) / 48 = 77.187.500 đ (theo Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP))",
     "seq":20,"rulebook":"2017","enrollment":"HG-E-0001","amount_vnd":77187500}],
    "plan":null,"rule":"SERVICE_BREACH"})json"));
  Json en = Json::parse(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--format", "json", "--lang", "en"}));
  ASSERT_EQ(en["violations"].size(), 5u);
  EXPECT_EQ(en["violations"][0], Json::parse(R"json({"rule":"MISSING_REFERENCE","severity":"error","event":"s-w0",
    "subject":"HG-E-0099","detail":"the event names enrollment HG-E-0099, which no event registers (judged by Decree 101/2017/ND-CP as amended by Decree 89/2021/ND-CP)",
    "seq":22,"rulebook":"2017","enrollment":null,"amount_vnd":null})json"));
}

TEST_F(ReportCli, ViolationsCsvQuotesDetailsThatHoldCommas) {
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--plan", "CT-2025", "--format", "csv", "--lang", "en"}),
            "rule,severity,event,subject,rulebook,detail,enrollment,amount_vnd,seq,as_of,known_at\r\n"
            "BUDGET_EXCEEDED,error,f-2,CT-2025,2025,\"decision QĐ-502 (100,000,000 VND) brings public funding to "
            "250,000,000 VND, over the budget of 200,000,000 VND (judged by Decree 171/2025/ND-CP)\",,,21,2025-12-31,"
            "9999-12-31T23:59:59.999999Z\r\n"
            "NOT_IN_PLAN,error,e-2,P2,2025,enrollment E2 in C-PHD-IT (phd) on 2025-09-02 without an approved nomination "
            "under plan CT-2025 (judged by Decree 171/2025/ND-CP),E2,,16,2025-12-31,9999-12-31T23:59:59.999999Z\r\n"
            "NOT_IN_PLAN,error,e-3,P2,2025,enrollment E3 in C-MS-FIN (master) on 2025-10-01 without an approved "
            "nomination under plan CT-2025 (judged by Decree 171/2025/ND-CP),E3,,17,2025-12-31,"
            "9999-12-31T23:59:59.999999Z\r\n"
            "QUOTA_EXCEEDED,error,e-2,CT-2025,2025,enrollment number 2 (E2) in cell phd/public/domestic exceeds the "
            "quota of 1 (judged by Decree 171/2025/ND-CP),E2,,16,2025-12-31,9999-12-31T23:59:59.999999Z\r\n");
}

TEST_F(ReportCli, RuleKeepsOneRuleAndAnyCaseOfItsName) {
  Json j = Json::parse(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--rule", "not_in_plan", "--format", "json"}));
  EXPECT_EQ(j["rule"], "NOT_IN_PLAN");
  ASSERT_EQ(j["violations"].size(), 3u);
  for (const Json& v : j["violations"]) EXPECT_EQ(v["rule"], "NOT_IN_PLAN");
}

TEST_F(ReportCli, NoViolationsIsStillExitZero) {
  // P1 is exactly 45 on his course start: within the 2025 limit.
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--rule", "AGE_LIMIT", "--lang", "en"}),
            "Violations as of the end of 2025-12-31, as known at 9999-12-31T23:59:59.999999Z: 0 violations (0 errors, "
            "0 warnings)\n"
            "Only rule AGE_LIMIT\n"
            "\n"
            "No violations.\n");
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--rule", "AGE_LIMIT", "--format", "csv"}),
            "rule,severity,event,subject,rulebook,detail,enrollment,amount_vnd,seq,as_of,known_at\r\n");
}

TEST_F(ReportCli, AnUnknownRuleIsRefusedListingTheRules) {
  CliRun run = RunTledger({"--db", PlansDb(), "violations", "--rule", "NOT_IN_BUDGET"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, std::string(kErr) +
                         "--rule: \"NOT_IN_BUDGET\" is not a rule (expected one of AGE_LIMIT, BUDGET_EXCEEDED, "
                         "DATE_INCONSISTENT, DROPPED_OUT, DUPLICATE_FUNDING, FAILED, FUNDING_WITHOUT_ENROLLMENT, "
                         "MISSING_REFERENCE, NOT_IN_PLAN, NOT_PRIORITY_FIELD, OUTSIDE_PHASE, OVERDUE, QUOTA_EXCEEDED, "
                         "SERVICE_BREACH, UNIT_DISSOLVED)\n");
}

// ------------------------------------------------------------------ refusals, defaults

TEST_F(ReportCli, BadValuesAreRefusedWithTheExpectedForm) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::string instant_form =
      " (expected RFC 3339 such as 2026-01-31T23:59:59Z, or a date YYYY-MM-DD meaning the end of that day)";
  const std::vector<Case> cases = {
      {{"report", "--as-of", "2025-02-30"}, "--as-of: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"},
      {{"violations", "--as-of", "31/12/2025"}, "--as-of: not a date: \"31/12/2025\" (expected YYYY-MM-DD)"},
      {{"report", "--known-at", "2026-01-31T25:00:00Z"}, "--known-at: impossible time of day: \"2026-01-31T25:00:00Z\"" + instant_form},
      {{"violations", "--known-at", "yesterday"}, "--known-at: not an instant: \"yesterday\"" + instant_form},
      {{"diff", "--from", "2025-13-01", "--to", "2025-12-31"}, "--from: impossible date: \"2025-13-01\" (expected a real day, YYYY-MM-DD)"},
      {{"diff", "--from", "2025-01-01", "--to", "end"}, "--to: not a date: \"end\" (expected YYYY-MM-DD)"},
      {{"report", "--format", "xml"}, "--format: \"xml\" is not a format (expected table, json or csv)"},
      {{"violations", "--lang", "fr"}, "--lang: \"fr\" is not a language (expected vi or en)"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"--db", PlansDb()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CliRun run = RunTledger(args);
    EXPECT_EQ(run.exit_code, 1) << c.args[1];
    EXPECT_EQ(run.out, "") << c.args[1];
    EXPECT_EQ(run.err, kErr + c.message + "\n");
  }
}

TEST_F(ReportCli, BadValuesAreRefusedBeforeTheLedgerIsOpened) {
  CliRun run = RunTledger({"--db", dir_->path() + "/none", "report", "--as-of", "2025-02-30"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, std::string(kErr) + "--as-of: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)\n");
}

TEST_F(ReportCli, AMissingLedgerExitsTwo) {
  for (const char* command : {"report", "violations"}) {
    CliRun run = RunTledger({"--db", dir_->path() + "/none", command});
    EXPECT_EQ(run.exit_code, 2) << command;
    EXPECT_EQ(run.out, "") << command;
  }
}

// known_at left out is the ledger as it stands, printed as the recorded_at
// of its last event rather than the clock (an import under way carries an
// earlier instant than the clock's: see REPORTS.md).
TEST_F(ReportCli, DefaultsAreTodayUtcAndTheLastRecordedEvent) {
  using std::chrono::system_clock;
  auto today = [] {
    std::time_t now = system_clock::to_time_t(system_clock::now());
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
    return std::string(text);
  };
  std::string day_before = today();
  CliRun run = RunTledger({"--db", SampleDb(), "report", "--format", "json"});
  std::string day_after = today();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  // The UTC date it ran on (either, should it run across midnight).
  EXPECT_TRUE(j["as_of"] == day_before || j["as_of"] == day_after) << j["as_of"];
  std::string last = testing::ExportLines(SampleDb()).back();
  EXPECT_EQ(j["known_at"], Json::parse(last)["recorded_at"]);
}

// ------------------------------------------------------------------ known-at

TEST(ReportCliKnownAt, AReportKnownBeforeAnImportIsTheReportPrintedBeforeIt) {
  ReportTestDir dir;
  ImportInto(dir.db(), {DataFile("report_two_plans.jsonl")});
  CliRun exported = RunTledger({"--db", dir.db(), "export"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string first_import = Json::parse(SplitLines(exported.out).back())["recorded_at"];
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir.db()});
    return RunOk(args);
  };
  const std::vector<std::vector<std::string>> commands = {
      {"report", "--as-of", "2025-12-31"},
      {"report", "--as-of", "2025-12-31", "--format", "json", "--plan", "CT-2025"},
      {"report", "--as-of", "2025-12-31", "--format", "csv"},
      {"violations", "--as-of", "2025-12-31", "--lang", "en"},
      {"violations", "--as-of", "2025-12-31", "--format", "json"},
      {"diff", "--from", "2025-06-30", "--to", "2025-12-31", "--format", "csv"},
  };
  std::vector<std::string> before, before_now;
  for (std::vector<std::string> c : commands) {
    before_now.push_back(run(c));
    c.insert(c.end(), {"--known-at", first_import});
    before.push_back(run(c));
  }
  ImportInto(dir.db(), {DataFile("report_two_plans_more.jsonl")});
  // The one RFC 3339 instant in a report's output is the known-at it names.
  auto without_instant = [](const std::string& text) {
    return std::regex_replace(text, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)"), "<T>");
  };
  for (size_t i = 0; i < commands.size(); ++i) {
    std::vector<std::string> c = commands[i];
    c.insert(c.end(), {"--known-at", first_import});
    std::string after = run(c);
    EXPECT_EQ(after, before[i]) << "command " << i;
    // What was printed before the import with the default known-at (then:
    // now) is the same report, but for the instant it names.
    EXPECT_EQ(without_instant(after), without_instant(before_now[i])) << "command " << i;
    EXPECT_NE(after.find(first_import), std::string::npos) << "command " << i;
  }
  // And the later ledger does tell another story when known now.
  EXPECT_NE(run({"violations", "--as-of", "2025-12-31", "--lang", "en", "--known-at", kKnownAt}),
            run({"violations", "--as-of", "2025-12-31", "--lang", "en", "--known-at", first_import}));
}

}  // namespace
}  // namespace tledger::report_testing
