// tools/cli/csv_reader: RFC 4180 as spreadsheets write it.
#include "tools/cli/csv_reader.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

using Fields = std::vector<std::string>;

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

}  // namespace
}  // namespace tledger
