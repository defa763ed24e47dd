// What a person reads of the demo ledger (tests/demo_fixture.h), through
// the real binary: golden outputs per format of Cần Thơ's plan and of the
// findings as of 31/12/2025 (tests/data/golden/), in Vietnamese and
// English; no interchange code in anything a person reads; dd/mm/yyyy and
// ISO dates giving the same bytes; the money a finding owes.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/schema_info.h"
#include "tests/demo_fixture.h"
#include "tests/doc_blocks.h"

namespace tledger::demo_testing {
namespace {

using Json = nlohmann::json;

// Every report here is known at the end of time: the same bytes every run.
constexpr char kKnownAt[] = "9999-12-31";

std::string Golden(const std::string& name) { return ReadFile(fs::path(TLEDGER_GOLDEN_DIR) / name); }

// Issue 11's acceptance: the Vietnamese table of Cần Thơ's plan as of
// 31/12/2025 names no code and shows its quotas, its budget and how far
// each quota is reached; the same in English; each format as its golden.
TEST_F(DemoLedgerTest, CanThoPlanInEveryFormatAndBothLanguages) {
  std::string vi = Printed({"report", "--plan", "CT-2025", "--as-of", "31/12/2025"});
  for (const char* shown : {" 17 ", " 138 ", "4.700.000.000 đ", "% đạt kế hoạch", "KH 245/KH-UBND ngày 02/10/2025",
                            "Thành phố Cần Thơ", "Tiến sĩ", "Bồi dưỡng theo vị trí việc làm"}) {
    EXPECT_NE(vi.find(shown), std::string::npos) << shown << "\n" << vi;
  }
  EXPECT_EQ(RawCodes(vi, Codes(demo_->now.resolved, false)), std::vector<std::string>{}) << vi;
  EXPECT_EQ(vi, Golden("report_CT-2025.vi.txt"));

  std::string en = Printed({"report", "--plan", "CT-2025", "--as-of", "2025-12-31", "--lang", "en"});
  for (const char* shown : {" 17 ", " 138 ", "4,700,000,000 VND", "% of quota", "PhD"}) {
    EXPECT_NE(en.find(shown), std::string::npos) << shown << "\n" << en;
  }
  EXPECT_EQ(RawCodes(en, Codes(demo_->now.resolved, true)), std::vector<std::string>{}) << en;
  EXPECT_EQ(en, Golden("report_CT-2025.en.txt"));

  EXPECT_EQ(Printed({"report", "--plan", "CT-2025", "--as-of", "31/12/2025", "--format", "csv"}),
            Golden("report_CT-2025.vi.csv"));
  EXPECT_EQ(Printed({"report", "--plan", "CT-2025", "--as-of", "31/12/2025", "--format", "csv", "--lang", "en"}),
            Golden("report_CT-2025.en.csv"));
  std::string json = Printed({"report", "--plan", "CT-2025", "--as-of", "31/12/2025", "--format", "json"});
  EXPECT_EQ(json, Golden("report_CT-2025.json"));
  // JSON keeps the codes.
  Json j = Json::parse(json);
  EXPECT_EQ(j["plans"][0]["cells"][0]["program"], "phd");
  EXPECT_EQ(j["plans"][0]["cells"][0]["quota"], 17);
  EXPECT_EQ(j["plans"][0]["cells"][0]["percent_of_quota"], 65);  // 11 of 17
  EXPECT_EQ(j["plans"][0]["budget_vnd"], 4700000000);
  EXPECT_EQ(j["plans"][0]["document"]["source"], "KH 245/KH-UBND");
}

// Issue 11, item 5: Đầm Hà's 16,006 trainee-turns are 101% of its plan's
// target, read in every format; Hồ Chí Minh City's plan shows its target of
// 194,048 trainee-turns and its budget of 900 billion VND.
TEST_F(DemoLedgerTest, TargetsInEveryFormatAndBothLanguages) {
  Json j = Json::parse(Printed({"report", "--as-of", "31/12/2024", "--format", "json"}));
  std::map<std::string, Json> plans;
  for (const Json& p : j["plans"]) plans[p["plan"]] = p;
  ASSERT_EQ(plans.count("DH-2021-2024"), 1u);
  ASSERT_EQ(plans.count("HCM-2016-2020"), 1u);
  EXPECT_EQ(plans["DH-2021-2024"]["targets"], Json::parse(R"([{"program":"knowledge_update","target_trainee_turns":15850,
      "target_classes":127,"trainee_turns":16006,"classes":128,"percent_of_target":101}])"));
  EXPECT_EQ(plans["HCM-2016-2020"]["budget_vnd"], 900000000000);
  EXPECT_EQ(plans["HCM-2016-2020"]["targets"], Json::parse(R"([{"program":"job_position","target_trainee_turns":194048,
      "target_classes":null,"trainee_turns":0,"classes":0,"percent_of_target":0}])"));
  EXPECT_EQ(plans["QN-2021"]["targets"], Json::array());

  std::string vi = Printed({"report", "--plan", "DH-2021-2024", "--as-of", "31/12/2024"});
  EXPECT_NE(vi.find("\n  Chỉ tiêu\n"
                    "  Trình độ, chương trình        Kế hoạch (lượt học viên)  Lượt học viên  % đạt kế hoạch  Kế hoạch (số lớp)  Số lớp\n"
                    "  Bồi dưỡng cập nhật kiến thức                    15.850         16.006            101%                127     128\n"),
            std::string::npos)
      << vi;
  std::string en = Printed({"report", "--plan", "DH-2021-2024", "--as-of", "2024-12-31", "--lang", "en"});
  EXPECT_NE(en.find("\n  Targets\n"
                    "  Program           Target trainee-turns  Trainee-turns  % of target  Target classes  Classes\n"
                    "  Knowledge update                15,850         16,006         101%             127      128\n"),
            std::string::npos)
      << en;
  std::string csv = Printed({"report", "--plan", "DH-2021-2024", "--as-of", "31/12/2024", "--format", "csv"});
  EXPECT_NE(csv.find("\r\nChỉ tiêu,DH-2021-2024,Bồi dưỡng cập nhật kiến thức,,,,,101,,,,,,16006,,128,,15850,127,2024-12-31,"),
            std::string::npos)
      << csv;
  std::string hcm = Printed({"report", "--plan", "HCM-2016-2020", "--as-of", "31/12/2020"});
  for (const char* shown : {"Thành phố Hồ Chí Minh giai đoạn 2016-2020 (HCM-2016-2020)\n",
                            "Ban hành ngày 13/04/2017; cơ quan ban hành: Thành phố Hồ Chí Minh\n",
                            "  Dự toán kinh phí        900.000.000.000 đ\n",
                            "  Bồi dưỡng theo vị trí việc làm                   194.048              0              0%                  -       0\n"}) {
    EXPECT_NE(hcm.find(shown), std::string::npos) << shown << "\n" << hcm;
  }
  EXPECT_EQ(RawCodes(vi + hcm, Codes(demo_->now.resolved, false)), std::vector<std::string>{});
  EXPECT_EQ(RawCodes(en, Codes(demo_->now.resolved, true)), std::vector<std::string>{});
}

TEST_F(DemoLedgerTest, FindingsInEveryFormatAndBothLanguages) {
  EXPECT_EQ(Printed({"violations", "--as-of", "31/12/2025"}), Golden("violations.vi.txt"));
  EXPECT_EQ(Printed({"violations", "--as-of", "31/12/2025", "--lang", "en"}), Golden("violations.en.txt"));
  EXPECT_EQ(Printed({"violations", "--as-of", "31/12/2025", "--format", "csv"}), Golden("violations.vi.csv"));
  EXPECT_EQ(Printed({"violations", "--as-of", "31/12/2025", "--format", "json"}), Golden("violations.json"));
}

// Every output a person reads, of every command, in both languages: no
// interchange code shows as a word.
TEST_F(DemoLedgerTest, NoOutputAPersonReadsShowsARawCode) {
  const std::vector<std::vector<std::string>> commands = {
      {"report", "--as-of", "31/12/2025"},
      {"report", "--as-of", "31/12/2025", "--format", "csv"},
      {"report", "--as-of", "31/12/2024", "--plan", "DH-2021-2024"},
      {"report", "--as-of", "31/12/2025", "--restate-units"},
      {"violations", "--as-of", "31/12/2025"},
      {"violations", "--as-of", "31/12/2025", "--format", "csv"},
      {"violations", "--as-of", "31/12/2026"},
      {"compensation", "--as-of", "31/12/2025"},
      {"compensation", "--as-of", "31/12/2025", "--format", "csv"},
      {"diff", "--from", "30/06/2025", "--to", "31/12/2025"},
      {"diff", "--from", "30/06/2025", "--to", "31/12/2025", "--format", "csv"},
      {"history", "CT-000004"},
      {"history", "CT-000156"},
      {"history", "BD25-P1-02-01"},
      {"history", "QN-000186"},
      {"history", "BD-TPH"},
      {"log", "--tail", "40"},
  };
  for (bool english : {false, true}) {
    std::set<std::string> codes = Codes(demo_->now.resolved, english);
    for (std::vector<std::string> c : commands) {
      if (english) c.insert(c.end(), {"--lang", "en"});
      // log takes no --known-at.
      RunResult r = c[0] == "log" ? Tledger(c) : Tledger([&] {
        std::vector<std::string> a = c;
        a.insert(a.end(), {"--known-at", kKnownAt});
        return a;
      }());
      ASSERT_EQ(r.exit_code, 0) << c[0] << ": " << r.output;
      EXPECT_EQ(RawCodes(r.output, codes), std::vector<std::string>{}) << c[0] << " " << c[1] << " " << english;
    }
  }
}

// --as-of 31/12/2025 is --as-of 2025-12-31: the same bytes, in every format.
TEST_F(DemoLedgerTest, AsOfInEitherFormGivesTheSameBytes) {
  for (const char* format : {"table", "csv", "json"}) {
    EXPECT_EQ(Printed({"report", "--as-of", "31/12/2025", "--format", format}),
              Printed({"report", "--as-of", "2025-12-31", "--format", format}))
        << format;
    EXPECT_EQ(Printed({"violations", "--as-of", "31/12/2025", "--format", format}),
              Printed({"violations", "--as-of", "2025-12-31", "--format", format}))
        << format;
    EXPECT_EQ(Printed({"compensation", "--as-of", "31/12/2025", "--format", format}),
              Printed({"compensation", "--as-of", "2025-12-31", "--format", format}))
        << format;
    EXPECT_EQ(Printed({"diff", "--from", "1/7/2025", "--to", "31/12/2025", "--format", format}),
              Printed({"diff", "--from", "2025-07-01", "--to", "2025-12-31", "--format", format}))
        << format;
  }
  // --known-at in either form too.
  RunResult dmy = Tledger({"report", "--as-of", "31/12/2025", "--known-at", "31/12/9999"});
  ASSERT_EQ(dmy.exit_code, 0) << dmy.output;
  EXPECT_EQ(dmy.output, Printed({"report", "--as-of", "31/12/2025"}));
}

// A finding that owes money shows the gross amount, what was repaid and
// what is outstanding; the outstanding amounts add up to the report's
// reimbursement due. CT-000004 (Hồ Thị Thủy) dropped out of a PhD funded
// with 38,000,000 VND and repaid 10,000,000.
TEST_F(DemoLedgerTest, FindingsShowGrossRepaidAndOutstanding) {
  Json j = Json::parse(Printed({"violations", "--as-of", "31/12/2025", "--format", "json"}));
  int64_t outstanding = 0;
  const Json* dropped = nullptr;
  for (const Json& v : j["violations"]) {
    if (!v["outstanding_vnd"].is_null()) outstanding += v["outstanding_vnd"].get<int64_t>();
    if (v["rule"] == "DROPPED_OUT") dropped = &v;
  }
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ((*dropped)["params"]["person_name"], "Hồ Thị Thủy");
  EXPECT_EQ((*dropped)["params"]["gross_vnd"], 38000000);
  EXPECT_EQ((*dropped)["params"]["repaid_vnd"], 10000000);
  EXPECT_EQ((*dropped)["params"]["outstanding_vnd"], 28000000);
  // A public employee: NĐ 101/2017 still governs her, and its clause is cited.
  EXPECT_EQ((*dropped)["basis"]["citation"], "khoản 1 Điều 7 NĐ 101/2017; mức đền bù: điểm a khoản 2 Điều 8 NĐ 101/2017");
  EXPECT_NE((*dropped)["detail"].get<std::string>().find(
                "phải đền bù chi phí đào tạo 38.000.000 đ, đã nộp 10.000.000 đ, còn phải nộp 28.000.000 đ"),
            std::string::npos);
  Json report = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--format", "json"}));
  EXPECT_EQ(report["reimbursement_due_vnd"], 82310344);
  EXPECT_EQ(outstanding, 82310344);
  EXPECT_EQ(j["counts"], Json::parse(R"({"violation":8,"warning":0,"data_quality":2})"));
}

// The đền bù list (danh sách đền bù) of the demo: golden in each format.
TEST_F(DemoLedgerTest, CompensationListInEveryFormatAndBothLanguages) {
  EXPECT_EQ(Printed({"compensation", "--as-of", "31/12/2025"}), Golden("compensation.vi.txt"));
  EXPECT_EQ(Printed({"compensation", "--as-of", "31/12/2025", "--lang", "en"}), Golden("compensation.en.txt"));
  EXPECT_EQ(Printed({"compensation", "--as-of", "31/12/2025", "--format", "csv"}), Golden("compensation.vi.csv"));
  EXPECT_EQ(Printed({"compensation", "--as-of", "31/12/2025", "--format", "json"}), Golden("compensation.json"));
}

// Issue 11's acceptance: CT-000004 owes 38.000.000 đ, repaid 10.000.000 đ,
// 28.000.000 đ outstanding; the list's total is the report's
// reimbursement_due_vnd, for the whole ledger and for each plan.
TEST_F(DemoLedgerTest, CompensationTotalIsTheReportsReimbursementDue) {
  Json j = Json::parse(Printed({"compensation", "--as-of", "31/12/2025", "--format", "json"}));
  std::vector<std::string> persons;
  const Json* thuy = nullptr;
  for (const Json& c : j["cases"]) {
    persons.push_back(c["person"]);
    if (c["person"] == "CT-000004") thuy = &c;
  }
  EXPECT_EQ(persons, (std::vector<std::string>{"CT-000004", "QN-000187", "QN-000186"}));
  ASSERT_NE(thuy, nullptr);
  EXPECT_EQ((*thuy)["person_name"], "Hồ Thị Thủy");
  EXPECT_EQ((*thuy)["enrollment"], "CT25-TS-HTTT-04");
  EXPECT_EQ((*thuy)["rule"], "DROPPED_OUT");
  EXPECT_EQ((*thuy)["gross_vnd"], 38000000);
  EXPECT_EQ((*thuy)["repaid_vnd"], 10000000);
  EXPECT_EQ((*thuy)["outstanding_vnd"], 28000000);
  EXPECT_EQ(j["total_outstanding_vnd"], 82310344);
  Json report = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--format", "json"}));
  EXPECT_EQ(j["total_outstanding_vnd"], report["reimbursement_due_vnd"]);
  for (const char* plan : {"CT-2025", "QN-2021"}) {
    Json list = Json::parse(Printed({"compensation", "--as-of", "31/12/2025", "--plan", plan, "--format", "json"}));
    Json narrowed = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--plan", plan, "--format", "json"}));
    EXPECT_EQ(list["total_outstanding_vnd"], narrowed["reimbursement_due_vnd"]) << plan;
  }
  std::string table = Printed({"compensation", "--as-of", "31/12/2025", "--plan", "CT-2025"});
  EXPECT_NE(table.find("  Phải đền bù              38.000.000 đ\n"
                       "  Đã nộp                   10.000.000 đ\n"
                       "  Còn phải nộp             28.000.000 đ\n"),
            std::string::npos)
      << table;
}

// report --unit: a province and everything under it. Cần Thơ's 808
// trainee-turns (213 degree enrollees less one withdrawn, 596 fostered) in
// its one plan, and only the money its own people owe; Quảng Ninh's 16,006
// in Đầm Hà and 3 in the law degree, and what its two cases owe.
TEST_F(DemoLedgerTest, ReportForAUnitCountsItsPeopleAndItsPlans) {
  auto turns = [](const Json& j) {
    int64_t n = 0;
    for (const Json& l : j["by_level"]) n += l["trainee_turns"].get<int64_t>();
    return n;
  };
  auto plans = [](const Json& j) {
    std::vector<std::string> out;
    for (const Json& p : j["plans"]) out.push_back(p["plan"]);
    return out;
  };
  Json ct = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--unit", "CT", "--format", "json"}));
  EXPECT_EQ(plans(ct), std::vector<std::string>{"CT-2025"});
  EXPECT_EQ(turns(ct), 808);
  EXPECT_EQ(ct["reimbursement_due_vnd"], 28000000);
  EXPECT_EQ(ct["unit"], "CT");
  // Every trainee of Cần Thơ's plan is Cần Thơ's: the plan's cells as without --unit.
  Json whole = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--plan", "CT-2025", "--format", "json"}));
  EXPECT_EQ(ct["plans"][0]["cells"], whole["plans"][0]["cells"]);
  EXPECT_FALSE(whole.contains("unit"));

  Json qn = Json::parse(Printed({"report", "--as-of", "31/12/2025", "--unit", "QN", "--format", "json"}));
  EXPECT_EQ(plans(qn), (std::vector<std::string>{"DH-2021-2024", "QN-2021"}));
  EXPECT_EQ(turns(qn), 16009);
  EXPECT_EQ(qn["reimbursement_due_vnd"], 30000000 + 24310344);

  std::string table = Printed({"report", "--as-of", "31/12/2025", "--unit", "CT"});
  EXPECT_EQ(table.substr(table.find('\n') + 1, table.find('\n', table.find('\n') + 1) - table.find('\n') - 1),
            "Chỉ học viên và kế hoạch của Thành phố Cần Thơ (CT) và các đơn vị trực thuộc");
  RunResult unknown = Tledger({"report", "--as-of", "31/12/2025", "--unit", "XX", "--known-at", kKnownAt});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("--unit: no unit \"XX\" is registered in the ledger as known at"), std::string::npos)
      << unknown.output;
}

// HUONG-DAN.md, the sections on the demo ledger: every command of each
// block runs as shown, in order (`./demo-ledger` being this test's demo
// ledger, in a fresh directory), and prints what the guide says it does.
TEST_F(DemoLedgerTest, EveryCommandOfTheGuidesDemoSectionsRuns) {
  const std::string guide = ReadFile(fs::path(TLEDGER_SOURCE_DIR) / "HUONG-DAN.md");
  // Run by demo_script_test, as the README's first command.
  EXPECT_EQ(doc_testing::Block(guide, "## Bắt đầu với sổ mẫu"), std::vector<std::string>{"tools/demo.sh"});
  const std::vector<std::string> sections = {
      "## Dựng lại báo cáo của một kế hoạch tại một ngày đã qua",
      "## Lập danh sách phải đền bù, đã nộp và còn phải nộp",
      "## Lần từ một phát hiện đến các quyết định",
      "## Xem điều đã biết trước một lần đính chính",
      "## Trao một tài liệu: sổ tính Excel cho lãnh đạo",
      "## Trao một tài liệu: văn bản PDF để ký và trình lãnh đạo",
      "## Trao một tài liệu: gói bằng chứng của báo cáo",
  };
  const fs::path tmp = demo_->dir / "guide";
  fs::create_directories(tmp);
  const std::string ledger = (demo_->dir / "ledger").string();
  const std::string path = fs::path(TLEDGER_BIN).parent_path().string();
  // THỜI-ĐIỂM: the instant of the 9th import (the one before the late
  // batch), as `batches` shows it.
  RunResult listed = Tledger({"batches", "--format", "json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  Json batches = Json::parse(listed.output);
  ASSERT_EQ(batches["batches"].size(), 10u);
  const std::string ninth = batches["batches"][8]["recorded_at"];
  int ran = 0;
  for (const std::string& section : sections) {
    std::vector<std::string> commands = doc_testing::Block(guide, section);
    ASSERT_FALSE(commands.empty()) << section;
    for (std::string command : commands) {
      SCOPED_TRACE(command);
      ASSERT_TRUE(command.rfind("tledger ", 0) == 0 || command.rfind("tledger-verify ", 0) == 0);
      const std::string shown = command;
      for (size_t at; (at = command.find("./demo-ledger")) != std::string::npos;) command.replace(at, 13, ledger);
      if (size_t at = command.find("THỜI-ĐIỂM"); at != std::string::npos) command.replace(at, strlen("THỜI-ĐIỂM"), ninth);
      RunResult r = RunCommand("cd '" + tmp.string() + "' && PATH='" + path + "':\"$PATH\" " + command);
      ASSERT_EQ(r.exit_code, 0) << r.output;
      ++ran;
      const std::string& out = r.output;
      if (shown.find(" > ") != std::string::npos) {
        EXPECT_EQ(out, "");  // written to the file named
        const std::string file = shown.substr(shown.find(" > ") + 3);
        if (file.ends_with(".csv")) {
          EXPECT_EQ(ReadFile(tmp / file).substr(0, 3), "\xEF\xBB\xBF") << file;
        }
      } else if (shown.ends_with(".xlsx")) {
        EXPECT_EQ(out, "");  // the workbook, written to the file named (a zip: "PK")
        EXPECT_EQ(ReadFile(tmp / shown.substr(shown.rfind(' ') + 1)).substr(0, 2), "PK") << shown;
      } else if (shown.ends_with(".pdf")) {
        EXPECT_EQ(out, "");  // the document, written to the file named
        EXPECT_EQ(ReadFile(tmp / shown.substr(shown.rfind(' ') + 1)).substr(0, 5), "%PDF-") << shown;
      } else if (shown.find(" report --plan CT-2025") != std::string::npos) {
        EXPECT_NE(out.find("Văn bản: KH 245/KH-UBND ngày 02/10/2025"), std::string::npos) << out;
        EXPECT_NE(out.find("4.700.000.000 đ"), std::string::npos) << out;
        EXPECT_NE(out.find("% đạt kế hoạch"), std::string::npos) << out;
      } else if (shown.find(" compensation ") != std::string::npos) {
        EXPECT_NE(out.find("\nCộng: phải đền bù 92.310.344 đ; đã nộp 10.000.000 đ; còn phải nộp 82.310.344 đ\n"),
                  std::string::npos)
            << out;
      } else if (shown.find(" --rule FAILED --known-at ") != std::string::npos) {
        EXPECT_NE(out.find("BD25-P1-02-01"), std::string::npos) << out;  // before the correction
      } else if (shown.find(" --rule FAILED") != std::string::npos) {
        EXPECT_EQ(out.find("BD25-P1-02-01"), std::string::npos) << out;  // corrected
        EXPECT_NE(out.find("QN-000187"), std::string::npos) << out;      // the other failure stays
      } else if (shown.find(" history BD25-P1-02-01") != std::string::npos) {
        EXPECT_NE(out.find("nhập nhầm kết quả: sổ điểm của lớp ghi Đạt"), std::string::npos) << out;
      } else if (shown.ends_with(" batches")) {
        EXPECT_EQ(out.substr(0, out.find('\n')), "Sổ cái có 10 lần nhập dữ liệu, đến sự kiện số " + std::to_string(demo_->head_seq));
      } else if (shown.find(" violations ") != std::string::npos) {
        EXPECT_NE(out.find("Hồ Thị Thủy (CT-000004)"), std::string::npos) << out;
        EXPECT_NE(out.find("còn phải nộp 28.000.000 đ"), std::string::npos) << out;
      } else if (shown.find(" history CT-000004") != std::string::npos) {
        EXPECT_EQ(out.substr(0, out.find('\n')), "Lịch sử của \"CT-000004\": 6 bản ghi");
      } else if (shown.find(" history CT25-TS-HTTT-04") != std::string::npos) {
        EXPECT_EQ(out.substr(0, out.find('\n')), "Lịch sử của \"CT25-TS-HTTT-04\": 5 bản ghi");
        EXPECT_NE(out.find("Nộp tiền đền bù chi phí đào tạo"), std::string::npos) << out;
      } else if (shown.find(" checkpoint --sign") != std::string::npos) {
        EXPECT_EQ(out.substr(0, out.find('\n')), "so-demo.cantho.gov.vn/tledger") << out;
      } else if (shown.find(" bundle ") != std::string::npos) {
        EXPECT_EQ(out.substr(0, 7), "bundle ") << out;
      } else if (shown.rfind("tledger-verify ", 0) == 0) {
        EXPECT_EQ(out.substr(0, out.find('\n')), "tledger-verify: gói bằng chứng hợp lệ, mọi kiểm tra đều khớp");
      } else {
        ADD_FAILURE() << "a command the test does not know: " << shown;
      }
    }
  }
  EXPECT_EQ(ran, 18);
}

}  // namespace
}  // namespace tledger::demo_testing
