// `tledger serve`'s JSON API against the CLI: for the same parameters, each
// endpoint's body is byte for byte what `tledger ... --format json` prints
// (both come from one function per command). Then its refusals: every bad
// parameter a 400 with the exact Vietnamese and English message, an unknown
// plan or id a 404, and a reader beside a running import sees each commit.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/server_util.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    db_ = MakeLedger(*tmp_ / "db", {DataPath("report_two_plans.jsonl")});
    server_ = new ServeProcess(db_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete tmp_;
  }

  // The CLI's stdout for `tledger --read-only ARGS... --format json`.
  static std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), "--read-only");
    args.insert(args.end(), {"--format", "json"});
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }

  static TempDir* tmp_;
  static std::string db_;
  static ServeProcess* server_;
};
TempDir* ServerTest::tmp_ = nullptr;
std::string ServerTest::db_;
ServeProcess* ServerTest::server_ = nullptr;

struct SameCase {
  const char* name;
  const char* target;                // the API request
  std::vector<std::string> cli;      // the same question on the command line
};

TEST_F(ServerTest, EveryEndpointIsByteForByteTheCli) {
  std::string known_at = Cli({"batches"});
  // The instant of the one batch, as a client would pass it back.
  size_t at = known_at.find("\"recorded_at\": \"") + 16;
  std::string instant = known_at.substr(at, known_at.find('"', at) - at);
  const SameCase cases[] = {
      {"report, defaults", "/api/v1/report", {"report"}},
      {"report as of", "/api/v1/report?as_of=2025-12-31", {"report", "--as-of", "2025-12-31"}},
      {"report of a plan in English", "/api/v1/report?as_of=2025-12-31&plan=CT-2025&lang=en",
       {"report", "--as-of", "2025-12-31", "--plan", "CT-2025", "--lang", "en"}},
      {"report restated", "/api/v1/report?as_of=2025-12-31&restate_units=true",
       {"report", "--as-of", "2025-12-31", "--restate-units"}},
      {"report known at", "/api/v1/report?as_of=2025-12-31&known_at=2020-01-01",
       {"report", "--as-of", "2025-12-31", "--known-at", "2020-01-01"}},
      {"violations", "/api/v1/violations?as_of=2028-12-31", {"violations", "--as-of", "2028-12-31"}},
      {"violations of one rule, any case, English", "/api/v1/violations?as_of=2028-12-31&rule=not_in_plan&lang=en",
       {"violations", "--as-of", "2028-12-31", "--rule", "not_in_plan", "--lang", "en"}},
      {"violations of a plan", "/api/v1/violations?as_of=2028-12-31&plan=BD-2025",
       {"violations", "--as-of", "2028-12-31", "--plan", "BD-2025"}},
      {"compensation", "/api/v1/compensation?as_of=2028-12-31", {"compensation", "--as-of", "2028-12-31"}},
      {"compensation of a plan in English", "/api/v1/compensation?as_of=2028-12-31&plan=CT-2025&lang=en",
       {"compensation", "--as-of", "2028-12-31", "--plan", "CT-2025", "--lang", "en"}},
      {"diff", "/api/v1/diff?from=2025-06-30&to=2025-12-31", {"diff", "--from", "2025-06-30", "--to", "2025-12-31"}},
      {"diff of a plan", "/api/v1/diff?from=2025-06-30&to=2028-12-31&plan=CT-2025&lang=en",
       {"diff", "--from", "2025-06-30", "--to", "2028-12-31", "--plan", "CT-2025", "--lang", "en"}},
      {"history", "/api/v1/history?id=P1", {"history", "P1"}},
      {"history known at", "/api/v1/history?id=P1&known_at=2030-01-01T00:00:00Z",
       {"history", "P1", "--known-at", "2030-01-01T00:00:00Z"}},
      {"log", "/api/v1/log", {"log"}},
      {"log tail", "/api/v1/log?tail=3", {"log", "--tail", "3"}},
      {"checkpoint", "/api/v1/checkpoint", {"checkpoint"}},
      {"batches", "/api/v1/batches", {"batches"}},
      {"find", "/api/v1/find?text=nguyen%20van&as_of=2025-12-31", {"find", "nguyen van", "--as-of", "2025-12-31"}},
      {"find with diacritics", "/api/v1/find?text=nguy%E1%BB%85n&as_of=2025-12-31&lang=en",
       {"find", "nguyễn", "--as-of", "2025-12-31", "--lang", "en"}},
      {"people", "/api/v1/people?plan=CT-2025&as_of=2025-12-31", {"people", "--plan", "CT-2025", "--as-of", "2025-12-31"}},
      {"people of a cell", "/api/v1/people?plan=CT-2025&as_of=2025-12-31&program=phd&funding_class=public&location=domestic",
       {"people", "--plan", "CT-2025", "--as-of", "2025-12-31", "--program", "phd", "--funding-class", "public",
        "--location", "domestic"}},
  };
  for (const SameCase& c : cases) {
    SCOPED_TRACE(c.name);
    HttpReply r = server_->Get(c.target);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    EXPECT_EQ(r.body, Cli(c.cli));
  }
  // Known at the one batch's instant: the same as known now.
  HttpReply now = server_->Get("/api/v1/report?as_of=2025-12-31");
  HttpReply then = server_->Get("/api/v1/report?as_of=2025-12-31&known_at=" + instant);
  EXPECT_EQ(now.body, then.body);
}

TEST_F(ServerTest, LabelsAreTheCatalogOfTheCliTables) {
  HttpReply r = server_->Get("/api/v1/labels");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(R"("by_level_title": {
      "vi": "Theo cấp hành chính của đơn vị",
      "en": "By level of the unit"
    })"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("enrolled": {
      "vi": "Đã cử đi học",
      "en": "Enrolled"
    })"), std::string::npos);
  EXPECT_NE(r.body.find(R"("NOT_IN_PLAN": {
      "vi": "Cử đi học không có trong kế hoạch",
      "en": "Sent to training not in the plan",
      "severity": "error",)"), std::string::npos);
}

struct RefusalCase {
  const char* name;
  const char* target;
  int status;
  const char* body;
};

TEST_F(ServerTest, BadParametersAreRefusedNamingTheParameterAndTheForm) {
  const RefusalCase cases[] = {
      {"malformed date", "/api/v1/report?as_of=2025-02-30", 400,
       R"j({"error":{"vi":"Tham số as_of: \"2025-02-30\" không hợp lệ (cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy)","en":"Parameter as_of: \"2025-02-30\" is not valid (expected a date, YYYY-MM-DD or dd/mm/yyyy)"}})j"},
      {"not an instant", "/api/v1/violations?known_at=yesterday", 400,
       R"j({"error":{"vi":"Tham số known_at: \"yesterday\" không hợp lệ (cần một thời điểm RFC 3339 (2026-01-31T23:59:59Z) hoặc một ngày YYYY-MM-DD hoặc dd/mm/yyyy (hết ngày đó, giờ Việt Nam))","en":"Parameter known_at: \"yesterday\" is not valid (expected an RFC 3339 instant (2026-01-31T23:59:59Z) or a date, YYYY-MM-DD or dd/mm/yyyy (its end, Vietnam time))"}})j"},
      {"unknown parameter", "/api/v1/report?as_of=2025-12-31&format=csv", 400,
       R"j({"error":{"vi":"Tham số \"format\" không được hỗ trợ ở đây (các tham số nhận được: as_of, known_at, plan, restate_units, lang)","en":"Parameter \"format\" is not accepted here (accepted: as_of, known_at, plan, restate_units, lang)"}})j"},
      {"a parameter an endpoint has none of", "/api/v1/checkpoint?x=1", 400,
       R"j({"error":{"vi":"Tham số \"x\" không được hỗ trợ ở đây (các tham số nhận được: không có)","en":"Parameter \"x\" is not accepted here (accepted: none)"}})j"},
      {"repeated", "/api/v1/report?plan=CT-2025&plan=BD-2025", 400,
       R"j({"error":{"vi":"Tham số plan xuất hiện nhiều lần (chỉ được một lần)","en":"Parameter plan is given more than once (once at most)"}})j"},
      {"missing", "/api/v1/diff?from=2025-01-01", 400,
       R"j({"error":{"vi":"Thiếu tham số to (cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy)","en":"Parameter to is missing (expected a date, YYYY-MM-DD or dd/mm/yyyy)"}})j"},
      {"count out of range", "/api/v1/log?tail=1001", 400,
       R"j({"error":{"vi":"Tham số tail: \"1001\" không hợp lệ (cần một số nguyên từ 1 đến 1000)","en":"Parameter tail: \"1001\" is not valid (expected a whole number from 1 to 1000)"}})j"},
      {"not a flag", "/api/v1/report?restate_units=yes", 400,
       R"j({"error":{"vi":"Tham số restate_units: \"yes\" không hợp lệ (cần true hoặc false)","en":"Parameter restate_units: \"yes\" is not valid (expected true or false)"}})j"},
      {"an id with a control character", "/api/v1/history?id=P1%1B%5B2J", 400,
       R"j({"error":{"vi":"Tham số id: \"P1\\x1b[2J\" không hợp lệ (cần một mã dài 1 đến 128 ký tự, không có ký tự điều khiển, không có dấu cách ở đầu hay cuối)","en":"Parameter id: \"P1\\x1b[2J\" is not valid (expected an id of 1 to 128 characters, without control characters or leading or trailing spaces)"}})j"},
      {"bad escape", "/api/v1/report?as_of=%2", 400,
       R"j({"error":{"vi":"Chuỗi truy vấn sai cú pháp tại vị trí 6 (cần tên=giá trị, nối bằng &, mã hóa URL)","en":"The query string is malformed at byte 6 (expected name=value pairs joined by &, URL-encoded)"}})j"},
      {"empty pair", "/api/v1/report?as_of=2025-12-31&", 400,
       R"j({"error":{"vi":"Chuỗi truy vấn sai cú pháp tại vị trí 17 (cần tên=giá trị, nối bằng &, mã hóa URL)","en":"The query string is malformed at byte 17 (expected name=value pairs joined by &, URL-encoded)"}})j"},
      {"unknown plan", "/api/v1/report?plan=XX", 404,
       nullptr},
      {"unknown id", "/api/v1/history?id=NOBODY", 404,
       R"j({"error":{"vi":"Tham số id: không tìm thấy trong sổ cái (theo dữ liệu ghi nhận đến thời điểm đã chọn)","en":"Parameter id: no event concerns \"NOBODY\""}})j"},
      {"people: an unknown code", "/api/v1/people?plan=CT-2025&funding_class=state_budget", 400,
       R"j({"error":{"vi":"Yêu cầu không hợp lệ: --funding-class: \"state_budget\" is not a funding class (expected one of public, self)","en":"The request is not valid: --funding-class: \"state_budget\" is not a funding class (expected one of public, self)"}})j"},
      {"people: an unknown unit", "/api/v1/people?plan=CT-2025&unit=XX", 404, nullptr},
      {"find without text", "/api/v1/find", 400,
       R"j({"error":{"vi":"Thiếu tham số text (cần một mã dài 1 đến 128 ký tự, không có ký tự điều khiển, không có dấu cách ở đầu hay cuối)","en":"Parameter text is missing (expected an id of 1 to 128 characters, without control characters or leading or trailing spaces)"}})j"},
      {"unknown endpoint", "/api/v1/export", 404,
       R"j({"error":{"vi":"Không có trang hay API nào ở địa chỉ này","en":"Nothing is served at this path"}})j"},
  };
  for (const RefusalCase& c : cases) {
    SCOPED_TRACE(c.name);
    HttpReply r = server_->Get(c.target);
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    if (c.body != nullptr) {
      EXPECT_EQ(r.body, std::string(c.body) + "\n");
    }
  }
  HttpReply plan = server_->Get("/api/v1/report?plan=XX");
  EXPECT_EQ(plan.body.substr(0, 180),
            std::string(R"j({"error":{"vi":"Tham số plan: không tìm thấy trong sổ cái (theo dữ liệu ghi nhận đến thời điểm đã chọn)","en":"Parameter plan: --plan: no plan \"XX\" is issued)j")
                .substr(0, 180));
  EXPECT_NE(plan.body.find("(plans: BD-2025, CT-2025)"), std::string::npos) << plan.body;
  // A 404 of `people` names the parameter its refusal is about.
  HttpReply unit = server_->Get("/api/v1/people?plan=CT-2025&unit=XX");
  EXPECT_EQ(unit.body.substr(0, 160),
            std::string(R"j({"error":{"vi":"Tham số unit: không tìm thấy trong sổ cái (theo dữ liệu ghi nhận đến thời điểm đã chọn)","en":"Parameter unit: --unit: no unit \"XX\" is registered)j")
                .substr(0, 160));
}

// The server takes a date or an instant exactly when the CLI does: both call
// the same parsers (a change to the CLI's forms that the server does not
// follow fails here).
TEST_F(ServerTest, DatesAndInstantsAreTakenInTheFormsTheCliTakes) {
  const char* dates[] = {"2025-12-31", "2024-02-29", "2025-02-29", "31/12/2025", "2025-1-1", "20251231", "0000-01-01", " 2025-12-31"};
  for (const char* d : dates) {
    SCOPED_TRACE(d);
    RunResult cli = Tledger(db_, {"--read-only", "report", "--as-of", d, "--format", "json"});
    std::string encoded;
    for (char c : std::string(d)) encoded += c == ' ' ? std::string("%20") : c == '/' ? std::string("%2F") : std::string(1, c);
    HttpReply api = server_->Get("/api/v1/report?as_of=" + encoded);
    EXPECT_EQ(cli.exit_code == 0, api.status == 200) << cli.err << api.body;
  }
  const char* instants[] = {"2026-01-31T23:59:59Z", "2026-02-01T06:59:59+07:00", "2026-01-31", "2026-01-31T23:59:59",
                            "2026-13-01T00:00:00Z", "0001-01-01T00:30:00+01:00"};
  for (const char* t : instants) {
    SCOPED_TRACE(t);
    RunResult cli = Tledger(db_, {"--read-only", "report", "--as-of", "2025-12-31", "--known-at", t, "--format", "json"});
    std::string encoded;
    for (char c : std::string(t)) encoded += c == '+' ? std::string("%2B") : c == ':' ? std::string("%3A") : std::string(1, c);
    HttpReply api = server_->Get("/api/v1/report?as_of=2025-12-31&known_at=" + encoded);
    EXPECT_EQ(cli.exit_code == 0, api.status == 200) << cli.err << api.body;
    if (cli.exit_code == 0) {
      EXPECT_EQ(api.body, cli.out);
    }
  }
}

TEST(ServerReads, EachRequestSeesWhatAnImportCommittedSince) {
  TempDir tmp;
  std::string db = MakeLedger(tmp / "db", {DataPath("report_two_plans.jsonl")});
  ServeProcess server(db);
  HttpReply before = server.Get("/api/v1/checkpoint");
  ASSERT_EQ(before.status, 200);
  RunResult import = Tledger(db, {"import", DataPath("report_two_plans_more.jsonl")});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  HttpReply after = server.Get("/api/v1/checkpoint");
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(before.body, after.body);
  EXPECT_EQ(after.body, Tledger(db, {"checkpoint", "--format", "json"}).out);
  HttpReply batches = server.Get("/api/v1/batches");
  EXPECT_EQ(batches.body, Tledger(db, {"batches", "--format", "json"}).out);
  EXPECT_NE(batches.body.find("\"first_seq\": 23"), std::string::npos) << batches.body;
  // The server never wrote the ledger: a writer can still open it at once.
  EXPECT_EQ(server.Stop(), 0);
}

}  // namespace
}  // namespace tledger::testing
