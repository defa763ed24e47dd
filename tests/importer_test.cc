// tools/cli/importer: JSON Lines and CSV files into the store, each file all
// or nothing. What one bad line of each refusal kind prints on the command
// line is in cli_e2e_import_test.cc; this covers the importer's own rules.
#include "tools/cli/importer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/json_codec.h"
#include "tests/test_util.h"
#include "tools/cli/line_reader.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::ErrorOf;
using testing::OpenStore;
using testing::TempDir;
using testing::WriteFile;

const char kTransferA[] = R"({"type":"person_transferred","id":"a","effective":"2025-07-01","person":"P","unit":"U"})";
const char kTransferB[] = R"({"type":"person_transferred","id":"b","effective":"2025-07-01","person":"P","unit":"V"})";
const char kBadDate[] = R"({"type":"person_transferred","id":"x","effective":"2025-02-30","person":"P","unit":"U"})";

// A fresh ledger, open for writing, and a place for the files to import.
class Importer : public ::testing::Test {
 protected:
  void SetUp() override { store_ = OpenStore(tmp_ / "db", OpenMode::kWrite); }

  // Writes `content` to `name` in the temporary directory, then imports it.
  Result<FileImport> Import(const std::string& name, std::string_view content, const std::string& csv_type = "") {
    WriteFile(tmp_ / name, content);
    return ImportPath(tmp_ / name, csv_type);
  }
  Result<FileImport> ImportPath(const std::string& path, const std::string& csv_type = "") {
    return ImportFile(*store_, path, ImportOptions{testing::kActor, csv_type});
  }
  // The refusal of importing `content` as `name`; the head must not move.
  std::string Refusal(const std::string& name, std::string_view content, const std::string& csv_type = "",
                      Status::Code code = Status::Code::kInvalidInput) {
    Head before = store_->head();
    Result<FileImport> r = Import(name, content, csv_type);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(store_->head().seq, before.seq);
    EXPECT_EQ(store_->head().hash, before.hash);
    if (r.ok()) return "";
    EXPECT_EQ(r.status().code(), code);
    return r.status().message();
  }
  // The file name as the importer prints it.
  std::string Name(const std::string& name) { return tmp_ / name; }
  // The message of a refused file: its refused lines ("LINE: field:
  // reason"), each after the file's name, then the verdict.
  std::string Refused(const std::string& name, const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += Name(name) + ":" + line + "\n";
    return out + Name(name) + ": refused; nothing of this file was imported";
  }

  TempDir tmp_;
  std::unique_ptr<Store> store_;
};

// -------------------------------------------------------------- JSON Lines

TEST_F(Importer, CountsAppendedAndRepeatedEvents) {
  Result<FileImport> first = ImportPath(DataPath("sample.jsonl"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->name, DataPath("sample.jsonl"));
  EXPECT_EQ(first->appended, 24u);
  EXPECT_EQ(first->repeats, 0u);
  EXPECT_EQ(first->head.seq, 24u);
  Result<FileImport> again = ImportPath(DataPath("sample.jsonl"));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->appended, 0u);
  EXPECT_EQ(again->repeats, 24u);
  EXPECT_EQ(again->head.seq, 24u);
  EXPECT_EQ(again->head.hash, first->head.hash);
}

TEST_F(Importer, SkipsBlankLinesAcceptsCrlfAndCountsLinesAsAnEditorDoes) {
  std::string text = "\n" + std::string(kTransferA) + "\r\n  \n" + kBadDate + "\r\n";
  EXPECT_EQ(Refusal("f.jsonl", text),
            Refused("f.jsonl", {"4: effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)"}));
  Result<FileImport> ok = Import("g.jsonl", "\n" + std::string(kTransferA) + "\r\n\n" + kTransferB);  // no final newline
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->appended, 2u);
}

TEST_F(Importer, ListsEveryRefusedLineUpToTwenty) {
  std::string text = std::string(kTransferA) + "\n";
  for (int i = 0; i < 25; ++i) text += std::string(kBadDate) + "\n";
  std::vector<std::string> lines;
  for (int line = 2; line <= 21; ++line) {
    lines.push_back(std::to_string(line) + ": effective: impossible date: \"2025-02-30\" (expected a real day, YYYY-MM-DD)");
  }
  std::string expected = Refused("f.jsonl", lines);
  expected.insert(expected.rfind('\n') + 1, Name("f.jsonl") + ": ... and more refused lines not shown\n");
  EXPECT_EQ(Refusal("f.jsonl", text), expected);
}

TEST_F(Importer, LinesAfterARefusalAreStillCheckedOnTheirOwn) {
  std::string text = std::string(kTransferA) + "\n" +
                     R"({"type":"person_transferred","id":"a","effective":"2025-07-01","person":"P","unit":"W"})" "\n" +
                     kTransferB + "\n{\n";
  EXPECT_EQ(Refusal("f.jsonl", text, "", Status::Code::kConflict),
            Refused("f.jsonl", {"2: id: \"a\" is already used earlier in this import with other content; record a "
                                "correction instead of a new version",
                                "4: json: not valid JSON (The JSON document has an improper structure: missing or "
                                "superfluous commas, braces, missing keys, etc.)"}));
}

TEST_F(Importer, ACorrectionMayTargetAnEarlierLineButNotALaterOne) {
  const std::string correction =
      R"({"type":"correction","id":"c","effective":"2025-07-02","target":"a","action":"retract","reason":"nhầm"})";
  EXPECT_EQ(Refusal("f.jsonl", correction + "\n" + kTransferA + "\n"),
            Refused("f.jsonl", {"1: target: no event with id \"a\" in the ledger or earlier in this import"}));
  Result<FileImport> ok = Import("g.jsonl", std::string(kTransferA) + "\n" + correction + "\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->appended, 2u);
}

// The reader takes files in 8 MB blocks: lines that straddle a block
// boundary, CRLF ones included, arrive whole.
TEST_F(Importer, ReadsFilesLargerThanItsBlockWholeLineByLine) {
  constexpr int kLines = 9'000;  // of ~1 KB each: ~9 MB, a bit more than one block
  std::string text;
  for (int i = 1; i <= kLines; ++i) {
    text += R"({"type":"person_left_service","id":"l)" + std::to_string(i) + R"(","effective":"2025-07-01","person":"P)" +
            std::to_string(i) + R"(","reason":")" + std::string(900 + i % 97, 'x') + "\"}" + (i % 2 ? "\r\n" : "\n");
  }
  ASSERT_GT(text.size(), size_t{8} << 20);
  Result<FileImport> r = Import("big.jsonl", text);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->appended, static_cast<uint64_t>(kLines));
  std::string last;
  ASSERT_TRUE(store_->ScanEvents(kLines, kLines, [&](uint64_t, schema::Event::Reader ev) {
    last = *EventToJson(ev, nullptr);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(last, R"({"type":"person_left_service","id":"l9000","effective":"2025-07-01","recorded_by":"clerk","person":"P9000","reason":")" +
                      std::string(900 + 9000 % 97, 'x') + "\"}");
}

TEST_F(Importer, AMissingFileCannotBeRead) {
  Result<FileImport> r = ImportPath(tmp_ / "none.jsonl");
  EXPECT_EQ(ErrorOf(r), "invalid input: " + (tmp_ / "none.jsonl") + ": cannot be read: No such file or directory");
}

// What is not a regular file is refused before a byte of it is read
// (SECURITY.md, "Hostile lists"): a `.csv` link to /dev/zero was read into
// memory without end; a FIFO nobody writes would hang the import. The
// user's own path is followed: a link to a regular file is read.
TEST_F(Importer, OnlyRegularFilesAreReadFollowingTheUsersPath) {
  const std::string zero_csv = tmp_ / "zero.csv", zero_jsonl = tmp_ / "zero.jsonl";
  ASSERT_EQ(::symlink("/dev/zero", zero_csv.c_str()), 0);
  ASSERT_EQ(::symlink("/dev/zero", zero_jsonl.c_str()), 0);
  for (const std::string& path : {zero_csv, zero_jsonl}) {
    EXPECT_EQ(ErrorOf(ImportPath(path, "person_transferred")),
              "invalid input: " + path +
                  ": not a regular file but a character device, where it leads (/dev/zero) (import reads regular "
                  "files, or - for stdin)");
  }
  const std::string fifo = tmp_ / "fifo.jsonl";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(ErrorOf(ImportPath(fifo)),
            "invalid input: " + fifo + ": not a regular file but a pipe (FIFO) (import reads regular files, or - for stdin)");
  const std::string dir = tmp_ / "dir.csv";
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  EXPECT_EQ(ErrorOf(ImportPath(dir, "person_transferred")),
            "invalid input: " + dir + ": not a regular file but a directory (import reads regular files, or - for stdin)");
  EXPECT_EQ(store_->head().seq, 0u);

  WriteFile(tmp_ / "real.csv", "id,effective,person,unit\nt1,2025-07-01,P,U\n");
  ASSERT_EQ(::symlink((tmp_ / "real.csv").c_str(), (tmp_ / "link.csv").c_str()), 0);
  Result<FileImport> r = ImportPath(tmp_ / "link.csv", "person_transferred");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->appended, 1u);
}

// A line over kMaxLineBytes is refused as `FILE:LINE: json: ...` like any
// other bad line.
TEST_F(Importer, AnOverlongLineIsNamedByFileAndLine) {
  const std::string long_line = R"({"type":"person_left_service","id":"b","effective":"2025-07-01","person":"P","reason":")" +
                                std::string(kMaxLineBytes, 'x') + "\"}";
  EXPECT_EQ(Refusal("f.jsonl", std::string(kTransferA) + "\n" + long_line + "\n"),
            Refused("f.jsonl", {"2: json: line of " + std::to_string(long_line.size()) + " bytes is too long (at most 1048576)"}));
}

// -------------------------------------------------------------- CSV

TEST_F(Importer, CsvRowsTakeTheirTypeFromATypeColumnOrFromTheOption) {
  Result<FileImport> by_option = Import("t.csv", "id,effective,person,unit\nt1,2025-07-01,P,U\n", "person_transferred");
  ASSERT_TRUE(by_option.ok()) << by_option.status().ToString();
  EXPECT_EQ(by_option->appended, 1u);
  // A `type` cell wins over the option; an empty one falls back to it.
  Result<FileImport> by_column = Import("u.CSV",
                                        "type,id,effective,person,unit,reason\n"
                                        "person_left_service,l1,2025-08-01,P,,về hưu\n"
                                        ",t2,2025-09-01,P,V,\n",
                                        "person_transferred");
  ASSERT_TRUE(by_column.ok()) << by_column.status().ToString();
  EXPECT_EQ(by_column->appended, 2u);
  EXPECT_EQ(store_->FindId("l1")->which, static_cast<uint16_t>(schema::Body::PERSON_LEFT_SERVICE));
  EXPECT_EQ(store_->FindId("t2")->which, static_cast<uint16_t>(schema::Body::PERSON_TRANSFERRED));
  EXPECT_EQ(Refusal("v.csv", "id,effective,person,unit\nt3,2025-07-01,P,U\n"),
            Refused("v.csv", {"2: type: no type for this row (add a `type` column or give --type)"}));
}

TEST_F(Importer, CsvErrorsNameTheLineAndTheColumn) {
  EXPECT_EQ(Refusal("p.csv",
                    "id,effective,person,name,category,unit,position,leader\n"
                    "p1,2025-07-01,P1,\"Lê Văn A\",cadre,U,\"Chủ tịch, UBND\",false\n"
                    "p2,2025-07-01,P2,\"Lê Văn B\",cadre,U,\"Phó chủ tịch\",no\n"
                    "p3,2025-07-01,P3,\"Lê Văn C\",mayor,U,\"Chánh VP\",true\n",
                    "person_registered"),
            Refused("p.csv", {"3: leader (column H): expected true or false, got a string",
                              "4: category (column E): unknown value \"mayor\" (expected one of: cadre, civil_servant, "
                              "public_employee)"}));
}

TEST_F(Importer, CsvRefusesRowsWiderThanTheHeaderAndDuplicateColumns) {
  EXPECT_EQ(Refusal("w.csv", "id,effective,person,unit\nt1,2025-07-01,P,U,extra\n", "person_transferred"),
            Refused("w.csv", {"2: csv: the row has 5 fields but the header has 4"}));
  EXPECT_EQ(Refusal("d.csv", "id,effective,person,id\nt1,2025-07-01,P,t1\n", "person_transferred"),
            Name("d.csv") + ":1: id (column D): duplicate column (also column A)");
}

TEST_F(Importer, CsvRefusesStructuredColumnsEmptyFilesAndBadUtf8) {
  EXPECT_EQ(Refusal("q.csv", "id,effective,plan,quotas\na1,2025-07-01,P,x\n", "plan_amended"),
            Refused("q.csv", {"2: quotas (column D): not importable from CSV (use JSON Lines for this field)"}));
  EXPECT_EQ(Refusal("e.csv", "\xEF\xBB\xBF\r\n", "person_transferred"),
            Name("e.csv") + ":1: csv: the file is empty (expected a header row)");
  EXPECT_EQ(Refusal("u.csv", "id,effective,person,unit\nt1,2025-07-01,P\xC3,U\n", "person_transferred"),
            Refused("u.csv", {"2: person (column C): not valid UTF-8 text (save the sheet as CSV UTF-8)"}));
  EXPECT_EQ(Refusal("c.csv", "id,effective,person,unit\nt1,\"2025-07-01,P,U\n", "person_transferred"),
            Name("c.csv") + ":2: csv: quoted field in column B is never closed");
}

TEST_F(Importer, CsvListsAreSemicolonSeparatedAndEmptyNullableCellsAreNull) {
  Result<FileImport> r = Import("r.csv",
                                "type,id,effective,kind,from,to,unit,name,level,parent\n"
                                "unit_registered,u1,2015-01-01,,,,HG,Tỉnh Hậu Giang,province,\n"
                                "unit_reorganized,r1,2025-07-01,merge,HG ; HG-VT,CT,,,,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> lines;
  Status s = store_->ScanEvents(1, 2, [&](uint64_t, schema::Event::Reader ev) {
    lines.push_back(*EventToJson(ev, nullptr));
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(lines, (std::vector<std::string>{
                       R"({"type":"unit_registered","id":"u1","effective":"2015-01-01","recorded_by":"clerk","unit":"HG","name":"Tỉnh Hậu Giang","level":"province","parent":null})",
                       R"({"type":"unit_reorganized","id":"r1","effective":"2025-07-01","recorded_by":"clerk","kind":"merge","from":["HG","HG-VT"],"to":"CT"})",
                   }));
}

// An integer cell too large for the field gets the message the same number
// gets in JSON Lines, not a misleading "got a string".
TEST_F(Importer, CsvIntegerTooLargeSaysSo) {
  EXPECT_EQ(Refusal("m.csv",
                    "id,effective,person,enrollment,amount_vnd\n"
                    "m1,2025-07-01,P,E,9223372036854775808\n",
                    "reimbursement_recorded"),
            Refused("m.csv", {"2: amount_vnd (column E): number is too large (at most 1000000000000000)"}));
}

TEST_F(Importer, CsvNumbersMustBeWholeAndNotNegative) {
  EXPECT_EQ(Refusal("n.csv",
                    "id,effective,person,enrollment,amount_vnd\n"
                    "m1,2025-07-01,P,E,-5\n"
                    "m2,2025-07-01,P,E,3.5\n"
                    "m3,2025-07-01,P,E,30000000\n",
                    "reimbursement_recorded"),
            Refused("n.csv", {"2: amount_vnd (column E): must not be negative (got -5)",
                              "3: amount_vnd (column E): expected a whole number, got a string"}));
}

// What `import` prints when a later file is not imported: a refusal of the
// file's content, or a failure of the machine under it (a full disk).
TEST(PartialImportSummary, SaysWhetherTheFileWasRefusedOrTheStoreFailed) {
  Head head;
  head.seq = 25;
  EXPECT_EQ(PartialImportSummary(1, 3, 1, 0, head, Status::InvalidInput("a.jsonl:2: id: missing")),
            "imported 1 of 3 files before the refusal: 1 appended, 0 already present; head seq 25\n");
  EXPECT_EQ(PartialImportSummary(1, 3, 1, 0, head, Status::Conflict("a.jsonl:2: id: conflict")),
            "imported 1 of 3 files before the refusal: 1 appended, 0 already present; head seq 25\n");
  EXPECT_EQ(PartialImportSummary(2, 3, 200000, 4, head, Status::IoError("c.jsonl: not imported: the disk is full")),
            "imported 2 of 3 files before the failure: 200000 appended, 4 already present; head seq 25\n");
}

}  // namespace
}  // namespace tledger
