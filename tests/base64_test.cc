// core/base64: RFC 4648 standard base64, decoded strictly (one text per byte
// string). Expected texts from `printf ... | base64`.
#include "core/base64.h"

#include <gtest/gtest.h>

namespace tledger {
namespace {

TEST(Base64, EncodesWithPadding) {
  EXPECT_EQ(Base64(std::string_view("")), "");
  EXPECT_EQ(Base64(std::string_view("A")), "QQ==");
  EXPECT_EQ(Base64(std::string_view("AB")), "QUI=");
  EXPECT_EQ(Base64(std::string_view("ABC")), "QUJD");
  EXPECT_EQ(Base64(std::string_view("\xfb\xff", 2)), "+/8=");  // the two characters past the letters and digits
}

TEST(Base64, DecodesOnlyTheCanonicalText) {
  EXPECT_EQ(FromBase64(""), "");
  EXPECT_EQ(FromBase64("QQ=="), "A");
  EXPECT_EQ(FromBase64("QUI="), "AB");
  EXPECT_EQ(FromBase64("+/8="), std::string("\xfb\xff", 2));
  EXPECT_EQ(FromBase64("QR=="), std::nullopt);   // the unused bits of the last character are not zero
  EXPECT_EQ(FromBase64("QUJ="), std::nullopt);
  EXPECT_EQ(FromBase64("QQ"), std::nullopt);     // no padding
  EXPECT_EQ(FromBase64("QQ="), std::nullopt);
  EXPECT_EQ(FromBase64("QQ==QQ=="), std::nullopt);
  EXPECT_EQ(FromBase64("QUJD\n"), std::nullopt);  // no whitespace
  EXPECT_EQ(FromBase64(" QUJD"), std::nullopt);
  EXPECT_EQ(FromBase64("QU-D"), std::nullopt);    // not the URL alphabet
  EXPECT_EQ(FromBase64("QU_D"), std::nullopt);
  EXPECT_EQ(FromBase64("===="), std::nullopt);
}

}  // namespace
}  // namespace tledger
