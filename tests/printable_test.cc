// core/printable.h: what a terminal would obey is shown, not obeyed.
#include "core/printable.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

TEST(Printable, VietnameseAndPlainTextPassUnchanged) {
  EXPECT_EQ(Escaped("Hồ Thị Thủy, CT-000004 (Đầm Hà)"), "Hồ Thị Thủy, CT-000004 (Đầm Hà)");
  EXPECT_EQ(Escaped("a\\x1b"), "a\\x1b");
}

TEST(Printable, TheForgedSuccessLineOfAnIndexKeyIsShownNotObeyed) {
  // A raw index key planted to repaint the terminal: carriage return, erase
  // line, a fake verdict, then "hide the rest".
  std::string key = "P1\r\x1b[2Kintact: 3000 events\x1b[8m";
  EXPECT_EQ(Escaped(key), "P1\\x0d\\x1b[2Kintact: 3000 events\\x1b[8m");
}

TEST(Printable, C0DelC1BidiMarksAndSeparatorsAreEscaped) {
  EXPECT_EQ(Escaped(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(Escaped("\t\n\x7f"), "\\x09\\x0a\\x7f");
  EXPECT_EQ(Escaped("\xc2\x9b" "31m"), "\\u{009b}31m");              // C1 CSI
  EXPECT_EQ(Escaped("\xe2\x80\xae" "5202-TC"), "\\u{202e}5202-TC");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(Escaped("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9"), "\\u{202a}\\u{2066}\\u{2069}");
  EXPECT_EQ(Escaped("\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c"), "\\u{200e}\\u{200f}\\u{061c}");
  EXPECT_EQ(Escaped("a\xe2\x80\xa8" "b\xe2\x80\xa9"), "a\\u{2028}b\\u{2029}");
}

TEST(Printable, BytesThatAreNotUtf8AreShownAsBytes) {
  EXPECT_EQ(Escaped("a\xff" "b"), "a\\xffb");
  EXPECT_EQ(Escaped("\xe1\xbb"), "\\xe1\\xbb");  // a cut sequence
  EXPECT_EQ(Escaped("\xc0\xaf"), "\\xc0\\xaf");  // an overlong '/'
}

TEST(Printable, NewlinesKeptOnlyWhenAsked) {
  EXPECT_EQ(Escaped("line 1\nline\r2", /*keep_newlines=*/true), "line 1\nline\\x0d2");
}

TEST(Printable, AbbreviatedCutsBetweenCodePoints) {
  EXPECT_EQ(Abbreviated("Thủy", 3), "Thủ...");
  EXPECT_EQ(Abbreviated("Thủy", 4), "Thủy");
  EXPECT_EQ(Abbreviated("\x1b\x1b\x1b", 2), "\\x1b\\x1b...");
  EXPECT_EQ(Quoted("CT-2025\n"), "\"CT-2025\\x0a\"");
}

}  // namespace
}  // namespace tledger
