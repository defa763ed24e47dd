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

#include "core/date.h"
#include "tests/report_test_util.h"
#include "tools/cli/shown.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

// Far enough in the future to know every event, and fixed, so outputs are exact.
constexpr char kKnownAt[] = "9999-12-31";
// 9999-12-31 is the end of that day in Vietnam.
constexpr char kKnownAtText[] = "9999-12-31T16:59:59.999999Z";
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
            "Báo cáo đào tạo, bồi dưỡng tính đến hết ngày 31/12/2028, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 (UTC+07:00); 24 bản ghi được tính\n"
            "\n"
            "Kế hoạch đào tạo, bồi dưỡng CB-CCVC năm 2025 (HG-2025)\n"
            "Văn bản: KH 35/KH-UBND ngày 10/02/2025; cơ quan ban hành: Tỉnh Hậu Giang\n"
            "  Dự toán kinh phí        1.800.000.000 đ\n"
            "  Kinh phí đã quyết định     95.000.000 đ\n"
            "  Còn lại                 1.705.000.000 đ\n"
            "\n"
            "  Trình độ, chương trình  Nguồn kinh phí                       Trong nước, nước ngoài  Chỉ tiêu  Đã cử đi học  % đạt kế hoạch  Hoàn thành  Không hoàn thành, không được cấp văn bằng  Đang học  Thôi học\n"
            "  Thạc sĩ                 Ngân sách/kinh phí đơn vị sự nghiệp  Trong nước                    12             1              8%           1                                          0         0         0\n"
            "\n"
            "Theo cấp hành chính của đơn vị\n"
            "  Cấp         Lượt học viên  Số người\n"
            "  Trung ương              0         0\n"
            "  Cấp tỉnh                0         0\n"
            "  Cấp huyện               0         0\n"
            "  Cấp xã                  1         1\n"
            "  Cộng                    1\n"
            "\n"
            "Theo lĩnh vực\n"
            "  Lĩnh vực   Lượt học viên  Số lớp\n"
            "  Tài chính              1       1\n"
            "\n"
            "Theo hình thức đào tạo\n"
            "  Hình thức      Lượt học viên  Số lớp\n"
            "  Tập trung                  0       0\n"
            "  Bán tập trung              1       1\n"
            "  Từ xa                      0       0\n"
            "  Trực tuyến                 0       0\n"
            "  Cộng                       1       1\n"
            "\n"
            "Chi phí đền bù còn phải nộp: 47.187.500 đ\n");
}

TEST_F(ReportCli, ReportTableInEnglish) {
  EXPECT_EQ(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--lang", "en"}),
            "Training report as of the end of 2028-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00); 24 records counted\n"
            "\n"
            "Kế hoạch đào tạo, bồi dưỡng CB-CCVC năm 2025 (HG-2025)\n"
            "Document: KH 35/KH-UBND of 2025-02-10; issued by Tỉnh Hậu Giang\n"
            "  Budget           1,800,000,000 VND\n"
            "  Funding decided     95,000,000 VND\n"
            "  Remaining        1,705,000,000 VND\n"
            "\n"
            "  Program  Funding               Location  Quota  Enrolled  % of quota  Completed  Failed  In progress  Withdrawn\n"
            "  Master   Budget or unit funds  Domestic     12         1          8%          1       0            0          0\n"
            "\n"
            "By level of the unit\n"
            "  Level     Trainee-turns  Persons\n"
            "  Central               0        0\n"
            "  Province              0        0\n"
            "  District              0        0\n"
            "  Commune               1        1\n"
            "  Total                 1\n"
            "\n"
            "By field\n"
            "  Field    Trainee-turns  Classes\n"
            "  Finance              1        1\n"
            "\n"
            "By form of training\n"
            "  Form              Trainee-turns  Classes\n"
            "  Centralized                   0        0\n"
            "  Semi-centralized              1        1\n"
            "  Distance                      0        0\n"
            "  Online                        0        0\n"
            "  Total                         1        1\n"
            "\n"
            "Training costs still to be repaid: 47,187,500 VND\n");
}

TEST_F(ReportCli, ReportJsonHasTheSpecKeysInOrderAndExactValues) {
  Json j = Json::parse(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--format", "json"}));
  std::vector<std::string> keys;
  for (auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"as_of", "known_at", "events_counted", "plans", "by_level", "by_field",
                                            "by_form", "reimbursement_due_vnd", "plan", "restate_units"}));
  // The codes stay the interchange ones; each plan gains its totals, its
  // targets (none here) and its decision, each cell its "% đạt kế hoạch".
  EXPECT_EQ(j, Json::parse(R"json({
 "as_of": "2028-12-31",
 "known_at": "9999-12-31T16:59:59.999999Z",
 "events_counted": 24,
 "plans": [
  {
   "plan": "HG-2025",
   "budget_vnd": 1800000000,
   "public_funding_vnd": 95000000,
   "remaining_vnd": 1705000000,
   "cells": [
    {
     "program": "master",
     "funding_class": "public",
     "location": "domestic",
     "quota": 12,
     "enrolled": 1,
     "completed": 1,
     "failed": 0,
     "in_progress": 0,
     "withdrawn": 0,
     "percent_of_quota": 8
    }
   ],
   "totals": {
    "quota": 12,
    "enrolled": 1,
    "completed": 1,
    "failed": 0,
    "in_progress": 0,
    "withdrawn": 0,
    "percent_of_quota": 8
   },
   "targets": [],
   "document": {
    "plan": "HG-2025",
    "title": "Kế hoạch đào tạo, bồi dưỡng CB-CCVC năm 2025",
    "source": "KH 35/KH-UBND",
    "issued": "2025-02-10",
    "issuer": "HG",
    "issuer_name": "Tỉnh Hậu Giang"
   }
  }
 ],
 "by_level": [
  {
   "level": "central",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "province",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "district",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "commune",
   "trainee_turns": 1,
   "persons": 1
  }
 ],
 "by_field": [
  {
   "field": "finance",
   "trainee_turns": 1,
   "classes": 1
  }
 ],
 "by_form": [
  {
   "form": "centralized",
   "trainee_turns": 0,
   "classes": 0
  },
  {
   "form": "semi_centralized",
   "trainee_turns": 1,
   "classes": 1
  },
  {
   "form": "remote",
   "trainee_turns": 0,
   "classes": 0
  },
  {
   "form": "online",
   "trainee_turns": 0,
   "classes": 0
  }
 ],
 "reimbursement_due_vnd": 47187500,
 "plan": null,
 "restate_units": false
})json"));
}

TEST_F(ReportCli, ReportJsonQuotaIsNullWhereThePlanSetsNone) {
  Json j = Json::parse(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--format", "json"}));
  ASSERT_EQ(j["plans"].size(), 2u);
  EXPECT_EQ(j["plans"][0]["plan"], "BD-2025");
  EXPECT_EQ(j["plans"][0]["cells"], Json::parse(R"json([{"program":"digital_transformation","funding_class":"public",
    "location":"domestic","quota":null,"enrolled":1,"completed":1,"failed":0,"in_progress":0,"withdrawn":0,
    "percent_of_quota":null}])json"));
  EXPECT_EQ(j["plans"][1]["remaining_vnd"], -50000000);
}

// Headers and names in the language, numbers plain, dates ISO; a byte
// order mark so that Excel keeps the Vietnamese letters.
TEST_F(ReportCli, ReportCsvHasOneHeaderAndASectionPerRow) {
  EXPECT_EQ(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--format", "csv"}),
            "\xEF\xBB\xBF"
            "Mục,Kế hoạch,\"Trình độ, chương trình\",Nguồn kinh phí,\"Trong nước, nước ngoài\",Chỉ tiêu,Đã cử đi học,% đạt kế hoạch,Hoàn thành,\"Không hoàn thành, không được cấp văn bằng\",Đang học,Thôi học,Chỉ số,Lượt học viên,Số người,Số lớp,Giá trị,Kế hoạch (lượt học viên),Kế hoạch (số lớp),Tính đến hết ngày,Dữ liệu ghi nhận đến\r\n"
            "Kinh phí kế hoạch,HG-2025,,,,,,,,,,,Dự toán kinh phí,,,,1800000000,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Kinh phí kế hoạch,HG-2025,,,,,,,,,,,Kinh phí đã quyết định,,,,95000000,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Kinh phí kế hoạch,HG-2025,,,,,,,,,,,Còn lại,,,,1705000000,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo trình độ,HG-2025,Thạc sĩ,Ngân sách/kinh phí đơn vị sự nghiệp,Trong nước,12,1,8,1,0,0,0,,,,,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo cấp,,,,,,,,,,,,Trung ương,0,0,,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo cấp,,,,,,,,,,,,Cấp tỉnh,0,0,,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo cấp,,,,,,,,,,,,Cấp huyện,0,0,,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo cấp,,,,,,,,,,,,Cấp xã,1,1,,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo lĩnh vực,,,,,,,,,,,,Tài chính,1,,1,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo hình thức,,,,,,,,,,,,Tập trung,0,,0,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo hình thức,,,,,,,,,,,,Bán tập trung,1,,1,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo hình thức,,,,,,,,,,,,Từ xa,0,,0,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Theo hình thức,,,,,,,,,,,,Trực tuyến,0,,0,,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Tổng hợp,,,,,,,,,,,,Số bản ghi được tính,,,,24,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Tổng hợp,,,,,,,,,,,,Chi phí đền bù còn phải nộp,,,,47187500,,,2028-12-31,9999-12-31T16:59:59.999999Z\r\n");
}

TEST_F(ReportCli, ReportCsvLeavesANullQuotaEmpty) {
  std::vector<std::string> lines = SplitLines(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--format", "csv"}));
  ASSERT_GE(lines.size(), 5u);
  EXPECT_EQ(lines[4], "Theo trình độ,BD-2025,\"Bồi dưỡng kiến thức, kỹ năng chuyển đổi số\",Ngân sách/kinh phí đơn vị "
                      "sự nghiệp,Trong nước,,1,,1,0,0,0,,,,,,,,2025-12-31,9999-12-31T16:59:59.999999Z\r");
}

TEST_F(ReportCli, RestateUnitsIsSaidInEveryFormat) {
  EXPECT_EQ(SplitLines(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--restate-units"})).at(1),
            "Cấp hành chính theo đơn vị kế thừa tại ngày báo cáo");
  Json j = Json::parse(Out(SampleDb(), {"report", "--as-of", "2028-12-31", "--restate-units", "--format", "json"}));
  EXPECT_EQ(j["restate_units"], true);
}

// ------------------------------------------------------------------ --plan

// events_counted counts the plan's own events: its issue, its course, the
// enrollment in it, that enrollment's completion and the decision funding
// it (5 of the ledger's 22).
TEST_F(ReportCli, PlanNarrowsCellsTalliesAndMoneyToThatPlan) {
  Json j = Json::parse(Out(PlansDb(), {"report", "--as-of", "2025-12-31", "--plan", "BD-2025", "--format", "json"}));
  EXPECT_EQ(j, Json::parse(R"json({
 "as_of": "2025-12-31",
 "known_at": "9999-12-31T16:59:59.999999Z",
 "events_counted": 5,
 "plans": [
  {
   "plan": "BD-2025",
   "budget_vnd": 50000000,
   "public_funding_vnd": 5000000,
   "remaining_vnd": 45000000,
   "cells": [
    {
     "program": "digital_transformation",
     "funding_class": "public",
     "location": "domestic",
     "quota": null,
     "enrolled": 1,
     "completed": 1,
     "failed": 0,
     "in_progress": 0,
     "withdrawn": 0,
     "percent_of_quota": null
    }
   ],
   "totals": {
    "quota": null,
    "enrolled": 1,
    "completed": 1,
    "failed": 0,
    "in_progress": 0,
    "withdrawn": 0,
    "percent_of_quota": null
   },
   "targets": [],
   "document": {
    "plan": "BD-2025",
    "title": "Kế hoạch bồi dưỡng cấp xã năm 2025",
    "source": null,
    "issued": "2025-03-01",
    "issuer": "BD",
    "issuer_name": "Tỉnh Bình Định"
   }
  }
 ],
 "by_level": [
  {
   "level": "central",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "province",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "district",
   "trainee_turns": 0,
   "persons": 0
  },
  {
   "level": "commune",
   "trainee_turns": 1,
   "persons": 1
  }
 ],
 "by_field": [
  {
   "field": "digital",
   "trainee_turns": 1,
   "classes": 1
  }
 ],
 "by_form": [
  {
   "form": "centralized",
   "trainee_turns": 0,
   "classes": 0
  },
  {
   "form": "semi_centralized",
   "trainee_turns": 0,
   "classes": 0
  },
  {
   "form": "remote",
   "trainee_turns": 0,
   "classes": 0
  },
  {
   "form": "online",
   "trainee_turns": 1,
   "classes": 1
  }
 ],
 "reimbursement_due_vnd": 0,
 "plan": "BD-2025",
 "restate_units": false
})json"));
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

// By kind (violations, warnings, data-quality findings apart), then by
// rule; each group of cases under the legal basis it cites, the full title
// at the first mention of an instrument, the short form after.
TEST_F(ReportCli, ViolationsTableGroupsByRuleWithDescriptionsInVietnamese) {
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31"}),
            "Kết quả kiểm tra tính đến hết ngày 31/12/2025, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 (UTC+07:00): 6 vi phạm, 0 cảnh báo, 1 sai sót dữ liệu\n"
            "\n"
            "VI PHẠM: 6\n"
            "\n"
            "1. Vượt dự toán kinh phí của kế hoạch (1 trường hợp)\n"
            "Căn cứ: KH 12/KH-UBND ngày 01/02/2025 của Thành phố Cần Thơ (Kế hoạch đào tạo CB-CCVC năm 2025)\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  f-2             CT-2025    Quyết định QĐ-502 ngày 06/09/2025 (100.000.000 đ) đưa tổng kinh phí đã quyết định của kế hoạch CT-2025 lên 250.000.000 đ, vượt dự toán 200.000.000 đ\n"
            "\n"
            "2. Cử đi học không có trong kế hoạch (3 trường hợp)\n"
            "Căn cứ: KH 12/KH-UBND; khoản 1 Điều 2 Nghị định số 171/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ quy định về đào tạo, bồi dưỡng công chức\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  e-2             P2         Lê Thị Bích (P2), học viên E2, được cử đi học lớp C-PHD-IT (Tiến sĩ) ngày 02/09/2025, nhưng không có trong danh sách được duyệt cử đi đào tạo, bồi dưỡng theo kế hoạch CT-2025\n"
            "  e-3             P2         Lê Thị Bích (P2), học viên E3, được cử đi học lớp C-MS-FIN (Thạc sĩ) ngày 01/10/2025, nhưng không có trong danh sách được duyệt cử đi đào tạo, bồi dưỡng theo kế hoạch CT-2025\n"
            "Căn cứ: kế hoạch BD-2025 ngày 01/03/2025 của Tỉnh Bình Định (Kế hoạch bồi dưỡng cấp xã năm 2025)\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  e-4             P3         Phạm Đức (P3), học viên E4, được cử đi học lớp C-DX (Bồi dưỡng kiến thức, kỹ năng chuyển đổi số) ngày 15/06/2025, nhưng không có trong danh sách được duyệt cử đi đào tạo, bồi dưỡng theo kế hoạch BD-2025\n"
            "\n"
            "3. Khai giảng trước khi mở đợt (1 trường hợp)\n"
            "Căn cứ: kế hoạch BD-2025\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  e-4             BD-2025    Lớp C-DX (lĩnh vực digital) khai giảng ngày 15/06/2025, trước ngày mở đợt 01/07/2025; học viên E4: Phạm Đức (P3)\n"
            "\n"
            "4. Vượt chỉ tiêu (1 trường hợp)\n"
            "Căn cứ: KH 12/KH-UBND\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  e-2             CT-2025    Lê Thị Bích (P2), học viên E2, là người thứ 2 được cử đi học theo chỉ tiêu Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước của kế hoạch CT-2025, vượt chỉ tiêu 1\n"
            "\n"
            "CẢNH BÁO: 0\n"
            "  (không có)\n"
            "\n"
            "SAI SÓT DỮ LIỆU (không phải vi phạm pháp luật): 1\n"
            "\n"
            "1. Đơn vị không còn hoạt động (1 trường hợp)\n"
            "Căn cứ: khoản 3 Điều 51 Luật Tổ chức chính quyền địa phương số 72/2025/QH15\n"
            "  Bản ghi căn cứ  Đối tượng  Nội dung\n"
            "  p-4             HG-VT      Khai báo hồ sơ CB-CCVC của Võ Minh (P4) ngày 01/08/2025 ghi đơn vị Thành phố Vị Thanh (HG-VT), đơn vị cấp huyện này đã kết thúc hoạt động từ ngày 01/07/2025\n");
}

TEST_F(ReportCli, ViolationsTableInEnglish) {
  EXPECT_EQ(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--lang", "en"}),
            "Findings as of the end of 2028-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00): 1 violation, 0 warnings, 4 data-quality findings\n"
            "\n"
            "VIOLATIONS: 1\n"
            "\n"
            "1. Left before serving the committed time (1 case)\n"
            "Basis: Clause 3, Article 7 of Decree No. 101/2017/ND-CP of 1 September 2017 of the Government on the training and fostering of cadres, civil servants and public employees (as amended and supplemented by Decree No. 89/2021/ND-CP of 18 October 2021 of the Government); amount: Point b, Clause 2, Article 8 of Decree 101/2017; commitment: Point c, Clause 1, Article 6 of Decree 101/2017\n"
            "  Record  Subject    Detail\n"
            "  s-l1    HG-000123  Trần Thị Ngọc Hân (HG-000123), enrollment HG-E-0001, course HG-MS-FIN-25 (Master), left service on 2028-01-31, 9 months after completing on 2027-04-02; short of the 48 months committed (2 times the training time); to repay 95,000,000 VND x (48 - 9) / 48 = 77,187,500 VND (before any reduction), repaid 30,000,000 VND, outstanding 47,187,500 VND\n"
            "\n"
            "WARNINGS: 0\n"
            "  (none)\n"
            "\n"
            "DATA-QUALITY FINDINGS (not breaches of law): 4\n"
            "\n"
            "1. Missing record (4 cases)\n"
            "  Record  Subject    Detail\n"
            "  s-w0    HG-E-0099  The record “Withdrawn” of 2025-03-11 names enrollment HG-E-0099, which no record registers\n"
            "  s-z0    HG-000999  The record “Exempted from repaying training costs” of 2028-02-01 names person HG-000999, which no record registers\n"
            "  s-z0    HG-E-0999  The record “Exempted from repaying training costs” of 2028-02-01 names enrollment HG-E-0999, which no record registers\n"
            "  s-n0    HG-000999  The record “Nomination revoked” of 2025-04-01 names person HG-000999, which no record registers\n");
}

// The spec's keys, then `kind`, the structured `basis`, the typed `params`;
// codes stay the interchange ones, the detail follows --lang.
TEST_F(ReportCli, ViolationsJsonHasTheSpecKeysAndTheDetailInTheChosenLanguage) {
  Json j = Json::parse(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--format", "json", "--rule", "SERVICE_BREACH"}));
  EXPECT_EQ(j, Json::parse(R"json({
 "as_of": "2028-12-31",
 "known_at": "9999-12-31T16:59:59.999999Z",
 "violations": [
  {
   "rule": "SERVICE_BREACH",
   "severity": "error",
   "event": "s-l1",
   "subject": "HG-000123",
   "detail": "Trần Thị Ngọc Hân (HG-000123), học viên HG-E-0001, lớp HG-MS-FIN-25 (Thạc sĩ), nghỉ việc ngày 31/01/2028, sau 9 tháng công tác kể từ khi hoàn thành khóa học ngày 02/04/2027; chưa phục vụ đủ 48 tháng đã cam kết (2 lần thời gian đào tạo); chi phí đền bù 95.000.000 đ x (48 - 9) / 48 = 77.187.500 đ (chưa tính giảm trừ, nếu có), đã nộp 30.000.000 đ, còn phải nộp 47.187.500 đ",
   "kind": "violation",
   "basis": {
    "instrument": "decree_101_2017",
    "article": 7,
    "clause": 3,
    "point": null,
    "confidence": "checked",
    "citation": "khoản 3 Điều 7 NĐ 101/2017; mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm c khoản 1 Điều 6 NĐ 101/2017",
    "citation_full": "khoản 3 Điều 7 Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đào tạo, bồi dưỡng cán bộ, công chức, viên chức (được sửa đổi, bổ sung bởi Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 năm 2021 của Chính phủ); mức đền bù: điểm b khoản 2 Điều 8 NĐ 101/2017; thời gian cam kết: điểm c khoản 1 Điều 6 NĐ 101/2017",
    "provisions": [
     {
      "instrument": "decree_101_2017",
      "article": 7,
      "clause": 3,
      "point": null,
      "role": "obligation",
      "confidence": "checked",
      "citation": "khoản 3 Điều 7 NĐ 101/2017",
      "quote": null
     },
     {
      "instrument": "decree_101_2017",
      "article": 8,
      "clause": 2,
      "point": "b",
      "role": "amount",
      "confidence": "checked",
      "citation": "điểm b khoản 2 Điều 8 NĐ 101/2017",
      "quote": null
     },
     {
      "instrument": "decree_101_2017",
      "article": 6,
      "clause": 1,
      "point": "c",
      "role": "commitment",
      "confidence": "checked",
      "citation": "điểm c khoản 1 Điều 6 NĐ 101/2017",
      "quote": null
     }
    ]
   },
   "params": {
    "enrollment": "HG-E-0001",
    "person": "HG-000123",
    "person_name": "Trần Thị Ngọc Hân",
    "course": "HG-MS-FIN-25",
    "program": "master",
    "category": "civil_servant",
    "on": "2028-01-31",
    "start": "2025-03-15",
    "end": "2027-03-15",
    "completed": "2027-04-02",
    "t1": 48,
    "t2": 9,
    "factor": 2,
    "funding_vnd": 95000000,
    "gross_vnd": 77187500,
    "repaid_vnd": 30000000,
    "outstanding_vnd": 47187500
   },
   "seq": 20,
   "rulebook": "2017",
   "enrollment": "HG-E-0001",
   "amount_vnd": 77187500,
   "repaid_vnd": 30000000,
   "outstanding_vnd": 47187500
  }
 ],
 "counts": {
  "violation": 1,
  "warning": 0,
  "data_quality": 0
 },
 "plan": null,
 "rule": "SERVICE_BREACH"
})json"));
  Json en = Json::parse(Out(SampleDb(), {"violations", "--as-of", "2028-12-31", "--format", "json", "--lang", "en"}));
  ASSERT_EQ(en["violations"].size(), 5u);
  EXPECT_EQ(en["violations"][0], Json::parse(R"json({
 "rule": "MISSING_REFERENCE",
 "severity": "warning",
 "event": "s-w0",
 "subject": "HG-E-0099",
 "detail": "The record “Withdrawn” of 2025-03-11 names enrollment HG-E-0099, which no record registers",
 "kind": "data_quality",
 "basis": null,
 "params": {
  "missing": "HG-E-0099",
  "missing_kind": "enrollment",
  "event_type": "enrollment_withdrawn",
  "on": "2025-03-11"
 },
 "seq": 22,
 "rulebook": "2017",
 "enrollment": null,
 "amount_vnd": null,
 "repaid_vnd": null,
 "outstanding_vnd": null
})json"));
  EXPECT_EQ(en["counts"], Json::parse(R"json({"violation":1,"warning":0,"data_quality":4})json"));
}

TEST_F(ReportCli, ViolationsCsvQuotesDetailsThatHoldCommas) {
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--plan", "CT-2025", "--format", "csv", "--lang", "en"}),
            "\xEF\xBB\xBF"
            "Check,Kind,Record,Subject,Rulebook,Detail,Legal basis,Enrollment,Training costs to repay,Repaid,Outstanding,Seq,As of,Known at\r\n"
            "Over the plan's budget,violation,f-2,CT-2025,Decree 171/2025,\"Decision QĐ-502 of 2025-09-06 (100,000,000 VND) brings the funding decided under plan CT-2025 to 250,000,000 VND, over its budget of 200,000,000 VND\",KH 12/KH-UBND,,,,,21,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Sent to training not in the plan,violation,e-2,P2,Decree 171/2025,\"Lê Thị Bích (P2), enrollment E2, sent to course C-PHD-IT (PhD) on 2025-09-02, but not on the list approved under plan CT-2025\",\"KH 12/KH-UBND; Clause 1, Article 2 of Decree 171/2025\",E2,,,,16,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Sent to training not in the plan,violation,e-3,P2,Decree 171/2025,\"Lê Thị Bích (P2), enrollment E3, sent to course C-MS-FIN (Master) on 2025-10-01, but not on the list approved under plan CT-2025\",\"KH 12/KH-UBND; Clause 1, Article 2 of Decree 171/2025\",E3,,,,17,2025-12-31,9999-12-31T16:59:59.999999Z\r\n"
            "Over the quota,violation,e-2,CT-2025,Decree 171/2025,\"Lê Thị Bích (P2), enrollment E2, is number 2 sent under the PhD / Budget or unit funds / Domestic quota of plan CT-2025, over the quota of 1\",KH 12/KH-UBND,E2,,,,16,2025-12-31,9999-12-31T16:59:59.999999Z\r\n");
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
            "Findings as of the end of 2025-12-31, as known at 9999-12-31 23:59:59 (UTC+07:00): 0 violations, 0 warnings, 0 data-quality findings\n"
            "Only: Over the age limit for postgraduate training\n"
            "\n"
            "No violations, warnings or data-quality findings.\n");
  EXPECT_EQ(Out(PlansDb(), {"violations", "--as-of", "2025-12-31", "--rule", "AGE_LIMIT", "--format", "csv"}),
            "\xEF\xBB\xBF"
            "Nội dung kiểm tra,Loại,Bản ghi căn cứ,Đối tượng,Văn bản áp dụng,Nội dung,Căn cứ pháp lý,Học viên,Chi phí đền bù,Đã nộp,Còn phải nộp,Số thứ tự bản ghi,Tính đến hết ngày,Dữ liệu ghi nhận đến\r\n");
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
      " (expected RFC 3339 such as 2026-01-31T23:59:59+07:00, or a date YYYY-MM-DD or dd/mm/yyyy meaning the end of "
      "that day in Vietnam)";
  const std::string date_forms = "YYYY-MM-DD or dd/mm/yyyy";
  const std::vector<Case> cases = {
      {{"report", "--as-of", "2025-02-30"}, "--as-of: impossible date: \"2025-02-30\" (expected a real day, " + date_forms + ")"},
      {{"violations", "--as-of", "31/02/2025"}, "--as-of: impossible date: \"31/02/2025\" (expected a real day, " + date_forms + ")"},
      {{"violations", "--as-of", "2025/12/31"}, "--as-of: not a date: \"2025/12/31\" (expected " + date_forms + ")"},
      {{"report", "--known-at", "2026-01-31T25:00:00Z"}, "--known-at: impossible time of day: \"2026-01-31T25:00:00Z\"" + instant_form},
      {{"violations", "--known-at", "yesterday"}, "--known-at: not an instant: \"yesterday\"" + instant_form},
      {{"diff", "--from", "2025-13-01", "--to", "2025-12-31"}, "--from: impossible date: \"2025-13-01\" (expected a real day, " + date_forms + ")"},
      {{"diff", "--from", "2025-01-01", "--to", "end"}, "--to: not a date: \"end\" (expected " + date_forms + ")"},
      {{"report", "--format", "xml"}, "--format: \"xml\" is not a format (expected table, json, csv, xlsx or pdf)"},
      {{"diff", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xml"},
       "--format: \"xml\" is not a format (expected table, json or csv)"},
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
  EXPECT_EQ(run.err, std::string(kErr) +
                         "--as-of: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)\n");
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
TEST_F(ReportCli, DefaultsAreTodayInVietnamAndTheLastRecordedEvent) {
  using std::chrono::system_clock;
  auto today = [] {
    std::time_t now = system_clock::to_time_t(system_clock::now()) + 7 * 3600;  // UTC+07:00
    char text[11];
    std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
    return std::string(text);
  };
  std::string day_before = today();
  CliRun run = RunTledger({"--db", SampleDb(), "report", "--format", "json"});
  std::string day_after = today();
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  // The date in Vietnam it ran on (either, should it run across midnight).
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
  // Each command, and how it names the known-at instant: exact (RFC 3339,
  // UTC) in JSON and CSV, in Vietnam time to the second in a table.
  const Timestamp first = *ParseInstant(first_import);
  const std::vector<std::pair<std::vector<std::string>, std::string>> commands = {
      {{"report", "--as-of", "2025-12-31"}, InstantShown(first, Lang::kVi)},
      {{"report", "--as-of", "2025-12-31", "--format", "json", "--plan", "CT-2025"}, first_import},
      {{"report", "--as-of", "2025-12-31", "--format", "csv"}, first_import},
      {{"violations", "--as-of", "2025-12-31", "--lang", "en"}, InstantShown(first, Lang::kEn)},
      {{"violations", "--as-of", "2025-12-31", "--format", "json"}, first_import},
      {{"diff", "--from", "2025-06-30", "--to", "2025-12-31", "--format", "csv"}, first_import},
  };
  std::vector<std::string> before, before_now;
  for (auto [c, instant] : commands) {
    before_now.push_back(run(c));
    c.insert(c.end(), {"--known-at", first_import});
    before.push_back(run(c));
  }
  ImportInto(dir.db(), {DataFile("report_two_plans_more.jsonl")});
  // The one instant in a report's output is the known-at it names.
  auto without_instant = [](const std::string& text) { return testing::Normalized(text); };
  for (size_t i = 0; i < commands.size(); ++i) {
    std::vector<std::string> c = commands[i].first;
    c.insert(c.end(), {"--known-at", first_import});
    std::string after = run(c);
    EXPECT_EQ(after, before[i]) << "command " << i;
    // What was printed before the import with the default known-at (then:
    // now) is the same report, but for the instant it names.
    EXPECT_EQ(without_instant(after), without_instant(before_now[i])) << "command " << i;
    EXPECT_NE(after.find(commands[i].second), std::string::npos) << "command " << i;
  }
  // And the later ledger does tell another story when known now.
  EXPECT_NE(run({"violations", "--as-of", "2025-12-31", "--lang", "en", "--known-at", kKnownAt}),
            run({"violations", "--as-of", "2025-12-31", "--lang", "en", "--known-at", first_import}));
}

}  // namespace
}  // namespace tledger::report_testing
