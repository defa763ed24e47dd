// core/text_rules: which characters an id and free text may hold (README.md,
// "Import"). The import path of each refusal is in hostile_input_test.cc.
#include "core/text_rules.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

// The letters as a Vietnamese reader lists them, written out by hand.
TEST(VietnameseLetters, AreTheAlphabetsLettersWithTheirTones) {
  const std::string lower =
      "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
  const std::string upper =
      "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
  std::string all;
  for (char32_t c : VietnameseLetters()) all += Utf8(c);
  EXPECT_EQ(VietnameseLetters().size(), 134u);
  for (const std::string& letters : {lower, upper}) {
    for (size_t i = 0; i < letters.size();) {
      size_t n = (static_cast<unsigned char>(letters[i]) >= 0xE0) ? 3 : 2;
      std::string letter = letters.substr(i, n);
      EXPECT_NE(all.find(letter), std::string::npos) << letter;
      EXPECT_EQ(IdProblem(letter), std::nullopt) << letter;
      i += n;
    }
  }
}

TEST(IdProblem, AcceptsPrintableAsciiAndVietnamese) {
  for (const char* id : {"HG-000123", "QĐ 601/QĐ-UBND", "Hậu Giang ~!@#$%^&*()_+{}|:<>?`", "Nguyễn Thị Ánh"}) {
    EXPECT_EQ(IdProblem(id), std::nullopt) << id;
  }
}

TEST(IdProblem, NamesTheFirstOffendingCharacterAndWhatItIs) {
  const std::string id = " is not allowed in an id";
  const std::string letters = ": its letters are ASCII or Vietnamese, so that no id can pass for another";
  const std::string outside = ": outside ASCII, only Vietnamese letters are";
  const std::pair<std::string, std::string> cases[] = {
      {"a\tb", "control character U+0009 is not allowed in text"},
      {"a\x7f", "control character U+007F is not allowed in text"},
      {"a\xc2\x9b", "control character U+009B is not allowed in text"},
      {"a\u202e", "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in text"},
      {"a\u2066", "bidirectional control U+2066 (LEFT-TO-RIGHT ISOLATE) is not allowed in text"},
      {"a\u061c", "bidirectional control U+061C (ARABIC LETTER MARK) is not allowed in text"},
      {"a\u2029", "paragraph separator U+2029 (PARAGRAPH SEPARATOR) is not allowed in text"},
      {"a\u00ad", "invisible character U+00AD (SOFT HYPHEN)" + id},
      {"a\u200d", "invisible character U+200D (ZERO WIDTH JOINER)" + id},
      {"a\u034f", "invisible character U+034F (COMBINING GRAPHEME JOINER)" + id},
      {"a\ufe0f", "invisible character U+FE0F (VARIATION SELECTOR-16)" + id},
      {"a\u3000", "space character U+3000 (IDEOGRAPHIC SPACE)" + id + ": its only space is U+0020"},
      {"a\u0378", "unassigned or private-use code point U+0378" + id},
      {"q\u0301", "combining mark U+0301 (COMBINING ACUTE ACCENT)" + id + ": write each letter precomposed"},
      {"\u0421T-2025", "Cyrillic letter U+0421 (CYRILLIC CAPITAL LETTER ES)" + id + letters},
      {"HG-\u0660", "Arabic letter U+0660 (ARABIC-INDIC DIGIT ZERO)" + id + letters},
      {"HG-\u4e00", "Han letter U+4E00 (CJK UNIFIED IDEOGRAPH-4E00)" + id + letters},
      {"\u00fc", "Latin letter U+00FC (LATIN SMALL LETTER U WITH DIAERESIS)" + id + outside},
      {"\ufb01", "Latin letter U+FB01 (LATIN SMALL LIGATURE FI)" + id + outside},
      {"1\uff10", "character U+FF10 (FULLWIDTH DIGIT ZERO)" + id + outside},
      {"a\u2215b", "character U+2215 (DIVISION SLASH)" + id + outside},
  };
  for (const auto& [text, why] : cases) EXPECT_EQ(IdProblem(text), why) << text;
}

TEST(FreeTextProblem, RefusesWhatATerminalObeysAndAcceptsTheRest) {
  EXPECT_EQ(FreeTextProblem("a\u202db"), "bidirectional control U+202D (LEFT-TO-RIGHT OVERRIDE) is not allowed in text");
  EXPECT_EQ(FreeTextProblem("a\xc2\x85"), "control character U+0085 is not allowed in text");
  EXPECT_EQ(FreeTextProblem("a\u2028"), "line separator U+2028 (LINE SEPARATOR) is not allowed in text");
  for (const char* text : {"Trần Thị Ngọc Hân", "Tra\u0302\u0300n (NFD)", "a\u200bb", "Ж", "\u4e00", "\ufb01"}) {
    EXPECT_EQ(FreeTextProblem(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace tledger
