// tools/cli/csv_reader: RFC 4180 as spreadsheets write it.
#include "tools/cli/csv_reader.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger {
namespace {

using Fields = std::vector<std::string>;
using testing::ErrorOf;

std::vector<CsvRecord> Parse(std::string_view text) {
  Result<std::vector<CsvRecord>> r = ParseCsv(text, "sheet.csv");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<CsvRecord>();
}

std::string ParseError(std::string_view text) {
  Result<std::vector<CsvRecord>> r = ParseCsv(text, "sheet.csv");
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidInput);
  return r.status().message();
}

TEST(CsvReader, SplitsRecordsAndFields) {
  std::vector<CsvRecord> rows = Parse("id,name\np1,An\np2,Bình\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name"}));
  EXPECT_EQ(rows[1].fields, (Fields{"p1", "An"}));
  EXPECT_EQ(rows[2].fields, (Fields{"p2", "Bình"}));
  EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvReader, SkipsAUtf8ByteOrderMark) {
  std::vector<CsvRecord> rows = Parse("\xEF\xBB\xBFid,name\r\np1,An\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"id", "name"}));  // "id", not "\xEF\xBB\xBFid"
}

TEST(CsvReader, AcceptsCrlfLfAndLoneCrLineEnds) {
  std::vector<CsvRecord> rows = Parse("a,b\r\nc,d\ne,f\rg,h");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
  EXPECT_EQ(rows[2].fields, (Fields{"e", "f"}));
  EXPECT_EQ(rows[3].fields, (Fields{"g", "h"}));  // no line end after the last record
  EXPECT_EQ(rows[3].line, 4u);
}

TEST(CsvReader, QuotedFieldsHoldCommasDoubledQuotesAndLineBreaks) {
  std::vector<CsvRecord> rows =
      Parse("id,position,note\r\n"
            "p1,\"Chuyên viên, phòng \"\"Nội vụ\"\"\",\"dòng 1\r\ndòng 2\"\r\n"
            "p2,\"\",\"\"\"\"\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (Fields{"p1", "Chuyên viên, phòng \"Nội vụ\"", "dòng 1\r\ndòng 2"}));
  EXPECT_EQ(rows[1].line, 2u);
  // The record after a two-line field starts on line 4.
  EXPECT_EQ(rows[2].fields, (Fields{"p2", "", "\""}));
  EXPECT_EQ(rows[2].line, 4u);
}

TEST(CsvReader, KeepsEmptyFieldsIncludingATrailingOne) {
  std::vector<CsvRecord> rows = Parse("a,,c,\n,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "", "c", ""}));
  EXPECT_EQ(rows[1].fields, (Fields{"", ""}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  std::vector<CsvRecord> rows = Parse("h\n\n\r\nv\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"v"}));
  EXPECT_EQ(rows[1].line, 4u);
  EXPECT_TRUE(Parse("").empty());
  EXPECT_TRUE(Parse("\xEF\xBB\xBF").empty());
}

TEST(CsvReader, AnUnclosedQuoteIsReportedWhereItOpened) {
  EXPECT_EQ(ParseError("id,name\np1,\"An\np2,Bình\n"), "sheet.csv:2: csv: quoted field in column B is never closed");
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsRefused) {
  EXPECT_EQ(ParseError("id,name\n\np1,Lê \"Bé\" An\n"),
            "sheet.csv:3: csv: a quote inside an unquoted field in column B (quote the whole field and double the quote)");
}

TEST(CsvReader, TextAfterAClosingQuoteIsRefused) {
  EXPECT_EQ(ParseError("a,b,c\nx,y,\"z\"w\n"), "sheet.csv:2: csv: unexpected text after the closing quote in column C");
}

TEST(CsvReader, NulBytesAreRefused) {
  EXPECT_EQ(ParseError(std::string("a,b\nx,y\0z\n", 10)), "sheet.csv:2: csv: NUL byte in column B");
  EXPECT_EQ(ParseError(std::string("a\n\"x\0\"\n", 7)), "sheet.csv:2: csv: NUL byte in column A");
}

TEST(CsvReader, ErrorsAfterAMultiLineFieldNameTheRightLine) {
  EXPECT_EQ(ParseError("a,b\n\"1\n2\n3\",ok\nx,y\"\n"),
            "sheet.csv:5: csv: a quote inside an unquoted field in column B (quote the whole field and double the quote)");
}

TEST(ColumnLetter, NamesColumnsAsSpreadsheetsDo) {
  EXPECT_EQ(ColumnLetter(0), "A");
  EXPECT_EQ(ColumnLetter(25), "Z");
  EXPECT_EQ(ColumnLetter(26), "AA");
  EXPECT_EQ(ColumnLetter(27), "AB");
  EXPECT_EQ(ColumnLetter(701), "ZZ");
  EXPECT_EQ(ColumnLetter(702), "AAA");
}


// The file is read a block at a time: records and quoted fields that cross
// the reader's 64 KiB blocks come out as from memory.
TEST(CsvReaderStream, AFileReadInBlocksGivesTheRecordsOfTheText) {
  std::string text = "\xEF\xBB\xBFid,note\r\n";
  for (int i = 0; i < 5000; ++i) {
    text += "p" + std::to_string(i) + ",\"dòng " + std::to_string(i) + "\r\n\"\"tiếp\"\", " + std::string(i % 53, 'x') +
            "\"\r\n" + (i % 7 == 0 ? "\n" : "");
  }
  ASSERT_GT(text.size(), size_t{4} * (64 << 10));
  testing::TempDir tmp;
  testing::WriteFile(tmp / "big.csv", text);
  CsvReader in;
  ASSERT_TRUE(in.Open(tmp / "big.csv").ok());
  std::vector<CsvRecord> streamed;
  CsvRecord rec;
  while (in.Next(&rec)) streamed.push_back(rec);
  ASSERT_TRUE(in.status().ok()) << in.status().ToString();
  std::vector<CsvRecord> whole = Parse(text);
  ASSERT_EQ(streamed.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(streamed[i].fields, whole[i].fields) << i;
    EXPECT_EQ(streamed[i].line, whole[i].line) << i;
  }
}

// The size limit is checked as the bytes arrive: the reader stops within a
// block of it, not once the file is read (a link to /dev/zero, refused
// earlier as not a regular file, would otherwise grow without bound).
TEST(CsvReaderStream, StopsAtTheSizeLimitAsTheBytesArrive) {
  testing::TempDir tmp;
  std::string row = "a,b,c\n";
  std::string text;
  while (text.size() < (size_t{3} << 20)) text += row;
  testing::WriteFile(tmp / "big.csv", text);
  CsvReader in(/*max_bytes=*/1 << 20);
  ASSERT_TRUE(in.Open(tmp / "big.csv").ok());
  CsvRecord rec;
  size_t records = 0;
  while (in.Next(&rec)) ++records;
  EXPECT_EQ(ErrorOf(in.status()), "invalid input: " + (tmp / "big.csv") +
                                      ": a CSV file may hold at most 1 MiB; use JSON Lines for bulk loads");
  EXPECT_LE(in.bytes_read(), (size_t{1} << 20) + (64 << 10));
  EXPECT_LE(records * row.size(), size_t{1} << 20);
}

// A record is at most 1 MiB, as a JSON line is: a row of 200,000 ids is
// refused when its first MiB has been read, naming its line.
TEST(CsvReaderStream, RefusesARecordLongerThanTheLimit) {
  std::string ids;
  for (int i = 0; i < 200'000; ++i) ids += (i ? ";U" : "U") + std::to_string(i);
  EXPECT_EQ(ParseError("id,from\nx,y\nh1," + ids + "\n"), "sheet.csv:3: csv: record is too long (at most 1048576 bytes)");
  // A quoted field spanning lines counts whole, from the record's first line.
  EXPECT_EQ(ParseError("id,note\nh1,\"" + std::string(600'000, 'a') + "\n" + std::string(600'000, 'b') + "\"\n"),
            "sheet.csv:2: csv: record is too long (at most 1048576 bytes)");
}

}  // namespace
}  // namespace tledger
