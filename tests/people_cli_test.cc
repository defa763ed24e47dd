// `find` and `people` end to end (issue 11, item 6), on a small ledger
// written by the test: Đà Nẵng (a province, a district under it, a ward
// under that, a department) and Quảng Trị; four persons (Hồ Thị Thủy, Hồ
// Thị Thùy Linh, Phạm Thị Hồng Thủy, Đặng Văn Đức); plan DN-2025 with two
// quota cells and three courses, plan QT-2025 with one course; seven
// enrollments (one withdrawn, one passed, one failed, one self-funded in a
// cell of quota 0). Golden outputs in tests/data/golden/*_small*; the
// counts of `people` against the report's own cells; refusals.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/report_test_util.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kKnownAt[] = "9999-12-31";
constexpr char kErr[] = "tledger: error: ";

constexpr char kLedger[] = R"({"type":"unit_registered","id":"u-dn","effective":"2010-01-01","unit":"DN","name":"Thành phố Đà Nẵng","level":"province","parent":null}
{"type":"unit_registered","id":"u-hc","effective":"2010-01-01","unit":"DN-HC","name":"Quận Hải Châu","level":"district","parent":"DN"}
{"type":"unit_registered","id":"u-tt","effective":"2010-01-01","unit":"DN-TT","name":"Phường Thạch Thang","level":"commune","parent":"DN-HC"}
{"type":"unit_registered","id":"u-syt","effective":"2010-01-01","unit":"DN-SYT","name":"Sở Y tế","level":"province","parent":"DN"}
{"type":"unit_registered","id":"u-qt","effective":"2010-01-01","unit":"QT","name":"Tỉnh Quảng Trị","level":"province","parent":null}
{"type":"person_registered","id":"p-1","effective":"2015-01-01","person":"P1","name":"Đặng Văn Đức","category":"civil_servant","unit":"DN-TT","position":"chuyên viên","leader":false}
{"type":"person_registered","id":"p-2","effective":"2015-01-01","person":"P2","name":"Hồ Thị Thủy","category":"public_employee","unit":"DN-SYT","position":"bác sĩ","leader":false}
{"type":"person_registered","id":"p-3","effective":"2015-01-01","person":"P3","name":"Hồ Thị Thùy Linh","category":"civil_servant","unit":"DN","position":"chuyên viên","leader":false}
{"type":"person_registered","id":"p-4","effective":"2015-01-01","person":"P4","name":"Phạm Thị Hồng Thủy","category":"civil_servant","unit":"QT","position":"chuyên viên","leader":false}
{"type":"plan_issued","id":"plan-dn","effective":"2025-03-01","source":"KH 12/KH-UBND","plan":"DN-2025","title":"Kế hoạch đào tạo, bồi dưỡng năm 2025 của Đà Nẵng","issuer":"DN","year":2025,"budget_vnd":500000000,"quotas":[{"program":"phd","funding_class":"public","location":"domestic","count":2},{"program":"master","funding_class":"public","location":"domestic","count":3}],"priority_fields":["information_technology","health"],"phases":[]}
{"type":"plan_issued","id":"plan-qt","effective":"2025-03-01","plan":"QT-2025","title":"Kế hoạch bồi dưỡng năm 2025 của Quảng Trị","issuer":"QT","year":2025,"budget_vnd":100000000,"quotas":[],"priority_fields":[],"phases":[]}
{"type":"course_opened","id":"c-1","effective":"2025-08-01","course":"DN25-TS-CNTT","plan":"DN-2025","title":"Tiến sĩ Công nghệ thông tin","program":"phd","field":"information_technology","form":"centralized","location":"domestic","provider":"Đại học Đà Nẵng","start":"2025-09-01","end":"2028-08-31"}
{"type":"course_opened","id":"c-2","effective":"2025-08-01","course":"DN25-THS-YT","plan":"DN-2025","title":"Thạc sĩ Y tế công cộng","program":"master","field":"health","form":"semi_centralized","location":"domestic","provider":"Trường Đại học Y Dược","start":"2025-09-15","end":"2027-09-14"}
{"type":"course_opened","id":"c-3","effective":"2025-08-01","course":"DN25-BD-CDS","plan":"DN-2025","title":"Bồi dưỡng kỹ năng chuyển đổi số","program":"digital_transformation","field":"digital_transformation","form":"online","location":"domestic","provider":"Sở Nội vụ","start":"2025-10-01","end":"2025-10-05"}
{"type":"course_opened","id":"c-4","effective":"2025-08-01","course":"QT25-QLNN","plan":"QT-2025","title":"Bồi dưỡng ngạch chuyên viên","program":"state_mgmt_specialist","field":"state_management","form":"centralized","location":"domestic","provider":"Trường Chính trị tỉnh","start":"2025-09-01","end":"2025-10-31"}
{"type":"enrollment_recorded","id":"e-1","effective":"2025-08-20","enrollment":"E1","person":"P1","course":"DN25-TS-CNTT","funding":"state_budget"}
{"type":"enrollment_recorded","id":"e-2","effective":"2025-08-20","enrollment":"E2","person":"P2","course":"DN25-TS-CNTT","funding":"unit_fund"}
{"type":"enrollment_withdrawn","id":"w-2","effective":"2025-10-10","enrollment":"E2","reason":"chuyển công tác"}
{"type":"enrollment_recorded","id":"e-3","effective":"2025-09-01","enrollment":"E3","person":"P3","course":"DN25-THS-YT","funding":"state_budget"}
{"type":"enrollment_recorded","id":"e-4","effective":"2025-09-01","enrollment":"E4","person":"P2","course":"DN25-THS-YT","funding":"self_funded"}
{"type":"enrollment_recorded","id":"e-5","effective":"2025-09-20","enrollment":"E5","person":"P1","course":"DN25-BD-CDS","funding":"state_budget"}
{"type":"enrollment_recorded","id":"e-6","effective":"2025-09-20","enrollment":"E6","person":"P3","course":"DN25-BD-CDS","funding":"state_budget"}
{"type":"completion_recorded","id":"d-5","effective":"2025-10-06","enrollment":"E5","result":"passed"}
{"type":"completion_recorded","id":"d-6","effective":"2025-10-06","enrollment":"E6","result":"failed"}
{"type":"enrollment_recorded","id":"e-7","effective":"2025-08-25","enrollment":"E7","person":"P4","course":"QT25-QLNN","funding":"state_budget"}
)";

class PeopleCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    std::string file = dir_->path() + "/small.jsonl";
    testing::WriteFile(file, kLedger);
    ImportInto(dir_->db(), {file});
  }
  static void TearDownTestSuite() { delete dir_; }

  // `tledger --db DB ARGS --known-at 9999-12-31`, asserted to succeed with
  // nothing on stderr.
  static std::string Out(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_->db()});
    args.insert(args.end(), {"--known-at", kKnownAt});
    return RunOk(args);
  }
  static Json OutJson(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    return Json::parse(Out(args));
  }
  static CliRun Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_->db()});
    return RunTledger(args);
  }
  static std::string Golden(const std::string& name) { return testing::ReadFile(DataFile("golden/" + name)); }

  static ReportTestDir* dir_;
};
ReportTestDir* PeopleCli::dir_ = nullptr;

// ------------------------------------------------------------------ find

TEST_F(PeopleCli, FindIgnoresCaseAndDiacriticsBestMatchFirst) {
  // Hồ Thị Thủy exactly, Hồ Thị Thùy Linh by every word, Phạm Thị Hồng Thủy
  // only in part ("ho" in "hồng").
  EXPECT_EQ(Out({"find", "Ho Thi Thuy", "--as-of", "31/12/2025"}), Golden("find_small.vi.txt"));
  EXPECT_EQ(Out({"find", "Ho Thi Thuy", "--as-of", "31/12/2025", "--format", "json"}), Golden("find_small.json"));
  // Typed with its diacritics, in capitals, or in another order: the same persons.
  for (const char* query : {"hồ thị thủy", "HỒ THỊ THỦY", "thuy thi ho"}) {
    Json j = OutJson({"find", query, "--as-of", "31/12/2025"});
    ASSERT_EQ(j["matches"].size(), 3u) << query;
    EXPECT_EQ(j["matches"][0]["id"], "P2") << query;
    EXPECT_EQ(j["matches"][1]["id"], "P3") << query;
    EXPECT_EQ(j["matches"][2]["id"], "P4") << query;
    EXPECT_EQ(j["query"], query);
  }
  EXPECT_EQ(OutJson({"find", "thuy thi ho", "--as-of", "31/12/2025"})["matches"][0]["match"], "words");
}

TEST_F(PeopleCli, FindFoldsDToD) {
  for (const char* query : {"duc", "ĐỨC", "dang van duc", "Đặng"}) {
    Json j = OutJson({"find", query, "--as-of", "31/12/2025"});
    ASSERT_EQ(j["matches"].size(), 1u) << query;
    EXPECT_EQ(j["matches"][0]["id"], "P1");
    EXPECT_EQ(j["matches"][0]["name"], "Đặng Văn Đức");
    EXPECT_EQ(j["matches"][0]["unit"], "DN-TT");
    EXPECT_EQ(j["matches"][0]["unit_name"], "Phường Thạch Thang");
    EXPECT_EQ(j["matches"][0]["category"], "civil_servant");
  }
}

TEST_F(PeopleCli, FindUnitsPlansAndCoursesByNameAndId) {
  Json j = OutJson({"find", "da nang", "--as-of", "31/12/2025"});
  EXPECT_EQ(j["matches"], Json::parse(R"([
    {"id":"DN","kind":"unit","name":"Thành phố Đà Nẵng","match":"words","level":"province","parent":null,"parent_name":null},
    {"id":"DN-2025","kind":"plan","name":"Kế hoạch đào tạo, bồi dưỡng năm 2025 của Đà Nẵng","match":"words",
     "source":"KH 12/KH-UBND","issued":"2025-03-01","issuer":"DN","issuer_name":"Thành phố Đà Nẵng"}])"));
  j = OutJson({"find", "thach thang", "--as-of", "31/12/2025"});
  EXPECT_EQ(j["matches"], Json::parse(R"([
    {"id":"DN-TT","kind":"unit","name":"Phường Thạch Thang","match":"words","level":"commune","parent":"DN-HC",
     "parent_name":"Quận Hải Châu"}])"));
  j = OutJson({"find", "DN25-TS-CNTT", "--as-of", "31/12/2025"});
  EXPECT_EQ(j["matches"], Json::parse(R"([
    {"id":"DN25-TS-CNTT","kind":"course","name":"Tiến sĩ Công nghệ thông tin","match":"exact","plan":"DN-2025",
     "program":"phd","field":"information_technology","form":"centralized","start":"2025-09-01","end":"2028-08-31"}])"));
  // A course by a word of its title.
  j = OutJson({"find", "cong nghe", "--as-of", "31/12/2025"});
  ASSERT_EQ(j["matches"].size(), 1u);
  EXPECT_EQ(j["matches"][0]["id"], "DN25-TS-CNTT");
  EXPECT_EQ(Out({"find", "dn25", "--as-of", "31/12/2025", "--lang", "en"}), Golden("find_small_courses.en.txt"));
  EXPECT_EQ(Out({"find", "dn25", "--as-of", "31/12/2025", "--format", "csv"}), Golden("find_small_courses.vi.csv"));
}

TEST_F(PeopleCli, FindListsWhatExistsAsOfTheDate) {
  // Before the persons were registered (2015) and the plans issued (2025).
  Json j = OutJson({"find", "thuy", "--as-of", "31/12/2014"});
  EXPECT_EQ(j["matches"], Json::array());
  EXPECT_EQ(Out({"find", "thuy", "--as-of", "31/12/2014"}),
            "Tìm \"thuy\" tính đến hết ngày 31/12/2014, theo dữ liệu ghi nhận đến 31/12/9999 23:59:59 (UTC+07:00): "
            "0 kết quả\n\n  (không có)\n");
  EXPECT_EQ(OutJson({"find", "2025", "--as-of", "28/02/2025"})["matches"], Json::array());
  EXPECT_EQ(OutJson({"find", "2025", "--as-of", "01/03/2025"})["matches"].size(), 2u);  // the two plans
}

// ------------------------------------------------------------------ people

TEST_F(PeopleCli, PeopleListsEveryEnrollmentThePlanCounts) {
  EXPECT_EQ(Out({"people", "--plan", "DN-2025", "--as-of", "31/12/2025"}), Golden("people_small.vi.txt"));
  EXPECT_EQ(Out({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--program", "master", "--format", "json"}),
            Golden("people_small_master.json"));
  EXPECT_EQ(Out({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--field", "health", "--form",
                 "semi_centralized", "--format", "csv"}),
            Golden("people_small_health.vi.csv"));
  // QT-2025's one enrollment is not DN-2025's.
  Json j = OutJson({"people", "--plan", "QT-2025", "--as-of", "31/12/2025"});
  ASSERT_EQ(j["enrollments"].size(), 1u);
  EXPECT_EQ(j["enrollments"][0]["enrollment"], "E7");
}

TEST_F(PeopleCli, PeopleStatusIsAsOfTheDate) {
  // On 30/09/2025 nobody had withdrawn or finished yet.
  Json j = OutJson({"people", "--plan", "DN-2025", "--as-of", "30/09/2025"});
  EXPECT_EQ(j["counts"], Json::parse(R"({"enrolled":6,"completed":0,"failed":0,"in_progress":6,"withdrawn":0})"));
  // On 31/08/2025 only the two PhD enrollments (20/08) and E7 of QT existed.
  j = OutJson({"people", "--plan", "DN-2025", "--as-of", "31/08/2025"});
  ASSERT_EQ(j["enrollments"].size(), 2u);
  EXPECT_EQ(j["enrollments"][0]["enrollment"], "E1");
  EXPECT_EQ(j["enrollments"][1]["enrollment"], "E2");
}

// Every cell of the report, by the report's own JSON: `people` with the
// cell's three filters lists as many enrollments under each measure.
TEST_F(PeopleCli, PeopleCountsAreTheReportCells) {
  Json report = OutJson({"report", "--plan", "DN-2025", "--as-of", "31/12/2025"});
  ASSERT_EQ(report["plans"].size(), 1u);
  const Json& cells = report["plans"][0]["cells"];
  ASSERT_EQ(cells.size(), 4u);  // phd/public, master/public, master/self (quota 0), digital_transformation
  for (const Json& cell : cells) {
    std::string program = cell["program"], funding_class = cell["funding_class"], location = cell["location"];
    Json j = OutJson({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--program", program, "--funding-class",
                      funding_class, "--location", location});
    for (const char* measure : {"enrolled", "completed", "failed", "in_progress", "withdrawn"}) {
      EXPECT_EQ(j["counts"][measure], cell[measure]) << program << "/" << funding_class << " " << measure;
    }
    EXPECT_EQ(j["enrollments"].size(), cell["enrolled"].get<size_t>() + cell["withdrawn"].get<size_t>());
  }
  // By field and by form: the active enrollments are the report's trainee-turns.
  for (const Json& g : report["by_field"]) {
    Json j = OutJson({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--field", g["field"]});
    EXPECT_EQ(j["counts"]["enrolled"], g["trainee_turns"]) << g["field"];
  }
  for (const Json& g : report["by_form"]) {
    Json j = OutJson({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--form", g["form"]});
    EXPECT_EQ(j["counts"]["enrolled"], g["trainee_turns"]) << g["form"];
  }
}

TEST_F(PeopleCli, PeopleByUnitTakesTheUnitAndEveryUnitUnderIt) {
  auto enrollments = [&](const char* unit) {
    Json j = OutJson({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--unit", unit});
    std::vector<std::string> out;
    for (const Json& e : j["enrollments"]) out.push_back(e["enrollment"]);
    return out;
  };
  EXPECT_EQ(enrollments("DN"), (std::vector<std::string>{"E1", "E5", "E2", "E4", "E3", "E6"}));
  EXPECT_EQ(enrollments("DN-HC"), (std::vector<std::string>{"E1", "E5"}));  // the ward under the district
  EXPECT_EQ(enrollments("DN-TT"), (std::vector<std::string>{"E1", "E5"}));
  EXPECT_EQ(enrollments("DN-SYT"), (std::vector<std::string>{"E2", "E4"}));
  EXPECT_EQ(enrollments("QT"), std::vector<std::string>{});
  EXPECT_EQ(Out({"people", "--plan", "DN-2025", "--as-of", "31/12/2025", "--unit", "DN-HC", "--lang", "en"}),
            Golden("people_small_unit.en.txt"));
}

// ------------------------------------------------------------------ refusals

TEST_F(PeopleCli, BadOptionsAreRefusedNamingTheOptionAndWhatIsAllowed) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  const std::vector<Case> cases = {
      {{"people", "--plan", "DN-2025", "--program", "PhD"},
       "--program: \"PhD\" is not a program (expected one of phd, master, specialist_2, specialist_1, bachelor, "
       "political_theory_elementary, political_theory_intermediate, political_theory_advanced, state_mgmt_specialist, "
       "state_mgmt_principal, state_mgmt_senior, leadership, job_position, knowledge_update, digital_transformation, "
       "foreign_language, it_skills, defense_security)"},
      {{"people", "--plan", "DN-2025", "--funding-class", "state_budget"},
       "--funding-class: \"state_budget\" is not a funding class (expected one of public, self)"},
      {{"people", "--plan", "DN-2025", "--location", "abroad"},
       "--location: \"abroad\" is not a location (expected one of domestic, foreign)"},
      {{"people", "--plan", "DN-2025", "--form", "tap_trung"},
       "--form: \"tap_trung\" is not a form (expected one of centralized, semi_centralized, remote, online)"},
      {{"people", "--plan", "DN-2025", "--field", "medicine"},
       "--field: the ledger as known at 9999-12-31T16:59:59.999999Z names no field \"medicine\" (fields: "
       "digital_transformation, health, information_technology, state_management)"},
      {{"people", "--plan", "DN-2025", "--unit", "DN-XX"},
       "--unit: no unit \"DN-XX\" is registered in the ledger as known at 9999-12-31T16:59:59.999999Z "
       "(`tledger find NAME` finds a unit's id by its name)"},
      {{"people", "--plan", "DN-2026"},
       "--plan: no plan \"DN-2026\" is issued in the ledger as known at 9999-12-31T16:59:59.999999Z (plans: "
       "DN-2025, QT-2025)"},
      {{"people", "--plan", "DN-2025", "--format", "xml"}, "--format: \"xml\" is not a format (expected table, json or csv)"},
      {{"people", "--plan", "DN-2025", "--lang", "fr"}, "--lang: \"fr\" is not a language (expected vi or en)"},
      {{"people", "--plan", "DN-2025", "--as-of", "31/02/2025"},
       "--as-of: impossible date: \"31/02/2025\" (expected a real day, YYYY-MM-DD or dd/mm/yyyy)"},
      {{"find", "  "}, "TEXT: \"  \" has no word to find (expected a name or an id, or part of one)"},
      {{"find", "thuy", "--format", "pdf"}, "--format: \"pdf\" is not a format (expected table, json or csv)"},
      {{"find", "thuy", "--lang", "vn"}, "--lang: \"vn\" is not a language (expected vi or en)"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"--known-at", kKnownAt});
    CliRun run = Run(args);
    EXPECT_EQ(run.exit_code, 1) << c.error;
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, std::string(kErr) + c.error + "\n");
  }
  // --plan is required.
  CliRun run = Run({"people"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("--plan is required"), std::string::npos) << run.err;
}

TEST_F(PeopleCli, NoLedgerIsExitTwo) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"find", "thuy"}, std::vector<std::string>{"people", "--plan", "DN-2025"}}) {
    std::vector<std::string> argv = {"--db", dir_->path() + "/missing"};
    argv.insert(argv.end(), args.begin(), args.end());
    CliRun run = RunTledger(argv);
    EXPECT_EQ(run.exit_code, 2) << run.err;
    EXPECT_EQ(run.out, "");
  }
}

}  // namespace
}  // namespace tledger::report_testing
