// What `tledger find` compares (tools/cli/search_text.h): text folded by
// ICU, case and diacritics ignored, đ/Đ as d; the match rule and its ranks.
#include "tools/cli/search_text.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

class SearchText : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<TextFolder>> f = TextFolder::Make();
    ASSERT_TRUE(f.ok()) << f.status().message();
    folder_ = std::move(*f);
  }
  std::string Fold(std::string_view s) const { return folder_->Fold(s); }
  std::unique_ptr<TextFolder> folder_;
};

TEST_F(SearchText, FoldsCaseAndEveryVietnameseDiacritic) {
  EXPECT_EQ(Fold("Hồ Thị Thủy"), "ho thi thuy");
  EXPECT_EQ(Fold("HỒ THỊ THỦY"), "ho thi thuy");
  EXPECT_EQ(Fold("Ho Thi Thuy"), "ho thi thuy");
  // đ and Đ do not decompose in Unicode: Latin-ASCII maps them.
  EXPECT_EQ(Fold("Đặng Văn Đức"), "dang van duc");
  EXPECT_EQ(Fold("đ Đ"), "d d");
  // Every vowel with each tone mark, in both cases.
  EXPECT_EQ(Fold("àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ"),
            "aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy");
  EXPECT_EQ(Fold("ÀÁẢÃẠ Ơ Ư Ă Â Ê Ô"), "aaaaa o u a a e o");
}

TEST_F(SearchText, FoldsDecomposedTextAndInvisibleCharactersAlike) {
  // "Hồ Thị" typed decomposed (o + circumflex + grave, i + dot below), as
  // the "Unicode tổ hợp" input method writes it.
  EXPECT_EQ(Fold("Ho\xCC\x82\xCC\x80 Thi\xCC\xA3"), "ho thi");
  // A zero-width space and a zero-width joiner inside a name.
  EXPECT_EQ(Fold("Th\xE2\x80\x8Bu\xE2\x80\x8Dy"), "thuy");
  // Full case folding, and other Latin letters Latin-ASCII knows.
  EXPECT_EQ(Fold("Straße Øre ＨＯ"), "strasse ore ho");
  // Other scripts keep their letters, folded in case: a Cyrillic С is not a C.
  EXPECT_EQ(Fold("СТ-2025"), "ст-2025");
  EXPECT_NE(Fold("СТ-2025"), Fold("CT-2025"));
}

TEST_F(SearchText, AsciiTakesTheFastPathWithTheSameResult) {
  EXPECT_EQ(Fold("CT-000004 Nguyen VAN a"), "ct-000004 nguyen van a");
  EXPECT_EQ(Fold(""), "");
}

TEST_F(SearchText, WordsAndTokens) {
  EXPECT_EQ(FoldedWords("  ho\tthi  thuy\n"), (std::vector<std::string>{"ho", "thi", "thuy"}));
  EXPECT_EQ(FoldedWords("   "), std::vector<std::string>{});
  EXPECT_EQ(FoldedTokens("ke hoach dao tao, boi duong (ct-2025)"),
            (std::vector<std::string>{"ke", "hoach", "dao", "tao", "boi", "duong", "ct", "2025"}));
}

TEST_F(SearchText, EveryQueryWordMustBeInTheNameOrTheIdInAnyOrder) {
  auto match = [&](std::string_view query, std::string_view name, std::string_view id) {
    return MatchOf(FoldedWords(Fold(query)), Fold(name), Fold(id));
  };
  EXPECT_EQ(match("Ho Thi Thuy", "Hồ Thị Thủy", "CT-000004"), MatchRank::kExact);
  EXPECT_EQ(match("hồ thị thủy", "Hồ Thị Thủy", "CT-000004"), MatchRank::kExact);
  EXPECT_EQ(match("thuy ho", "Hồ Thị Thủy", "CT-000004"), MatchRank::kWords);
  EXPECT_EQ(match("Ho Thi Thuy", "Hồ Thị Thùy Linh", "P3"), MatchRank::kWords);
  EXPECT_EQ(match("Ho Thi Thuy", "Phạm Thị Hồng Thủy", "P4"), MatchRank::kPartial);  // "ho" in "hong"
  EXPECT_EQ(match("thuy 000004", "Hồ Thị Thủy", "CT-000004"), MatchRank::kWords);   // a word of the id
  EXPECT_EQ(match("ct-000004", "Hồ Thị Thủy", "CT-000004"), MatchRank::kExact);
  EXPECT_EQ(match("ct-0000", "Hồ Thị Thủy", "CT-000004"), MatchRank::kPartial);
  EXPECT_EQ(match("dao tao", "Kế hoạch đào tạo, bồi dưỡng", "CT-2025"), MatchRank::kWords);
  EXPECT_EQ(match("Ho Van", "Hồ Thị Thủy", "CT-000004"), std::nullopt);
  EXPECT_EQ(match("duc", "Đặng Văn Đức", "P1"), MatchRank::kWords);
  EXPECT_EQ(match("ĐỨC", "Đặng Văn Đức", "P1"), MatchRank::kWords);
}

}  // namespace
}  // namespace tledger
