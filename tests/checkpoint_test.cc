// core/checkpoint: C2SP tlog-checkpoint note texts, written and read
// strictly, and signed end to end with core/note.
#include "core/checkpoint.h"

#include <gtest/gtest.h>

#include "core/base64.h"
#include "core/note.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::ErrorOf;

// The root of core/TREE.md's three-event example.
Hash ExampleRoot() { return *HashFromHex("0e19bad20f93f82742237f959bcfc8fe6dc5d463e9d49cac35c4e8aac50e7014"); }
constexpr char kExampleText[] = "dao-tao.cantho.gov.vn/tledger\n3\nDhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=\n";

TEST(Checkpoint, WritesTheThreeLines) {
  Result<std::string> text = FormatCheckpoint({"dao-tao.cantho.gov.vn/tledger", 3, ExampleRoot(), {}});
  ASSERT_TRUE(text.ok()) << ErrorOf(text);
  EXPECT_EQ(*text, kExampleText);
  Result<std::string> with_ext = FormatCheckpoint({"o.example/log", 0, Hash{}, {"ext one", "ext two"}});
  EXPECT_EQ(*with_ext, "o.example/log\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\next two\n");
}

TEST(Checkpoint, ReadsC2spsExampleAndItsOwn) {
  Result<Checkpoint> c =
      ParseCheckpoint("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
  ASSERT_TRUE(c.ok()) << ErrorOf(c);
  EXPECT_EQ(c->origin, "example.com/behind-the-sofa");
  EXPECT_EQ(c->size, 20852163u);
  EXPECT_EQ(Base64(c->root), "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  EXPECT_TRUE(c->extensions.empty());

  const Checkpoint mine{"dao-tao.cantho.gov.vn/tledger", 9'223'372'036'854'775'807u, ExampleRoot(), {"x"}};
  Result<Checkpoint> back = ParseCheckpoint(*FormatCheckpoint(mine));
  ASSERT_TRUE(back.ok()) << ErrorOf(back);
  EXPECT_EQ(*back, mine);
  // C2SP: a client does not assume the origin's form.
  Result<Checkpoint> spaced = ParseCheckpoint("Sở Nội vụ Cần Thơ\n1\nDhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=\n");
  ASSERT_TRUE(spaced.ok()) << ErrorOf(spaced);
  EXPECT_EQ(spaced->origin, "Sở Nội vụ Cần Thơ");
}

struct Case {
  const char* name;
  const char* text;
  const char* error;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class BadCheckpoint : public ::testing::TestWithParam<Case> {};
TEST_P(BadCheckpoint, IsRefusedNamingTheLine) {
  EXPECT_EQ(ErrorOf(ParseCheckpoint(GetParam().text)), std::string("invalid input: ") + GetParam().error);
}
#define ROOT "Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ="
INSTANTIATE_TEST_SUITE_P(
    Cases, BadCheckpoint,
    ::testing::Values(
        Case{"two_lines", "o\n3\n",
             "a checkpoint has at least three lines (origin, tree size, root hash); this text has 2"},
        Case{"no_final_newline", "o\n3\n" ROOT, "a note's text is one or more lines, each ending in LF"},
        Case{"empty_origin", "\n3\n" ROOT "\n", "checkpoint line 1: the origin is empty"},
        Case{"leading_zero", "o\n03\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not \"03\""},
        Case{"negative", "o\n-3\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not \"-3\""},
        Case{"plus", "o\n+3\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not \"+3\""},
        Case{"empty_size", "o\n\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not \"\""},
        Case{"spaces", "o\n 3\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not \" 3\""},
        Case{"two_to_the_63", "o\n9223372036854775808\n" ROOT "\n",
             "checkpoint line 2: the tree size 9223372036854775808 is not below 2^63"},
        Case{"twenty_digits", "o\n18446744073709551616\n" ROOT "\n",
             "checkpoint line 2: the tree size is a decimal number without leading zeros, not "
             "\"18446744073709551616\""},
        Case{"root_not_base64", "o\n3\nnot-base64\n",
             "checkpoint line 3: the root hash is the canonical base64 of 32 bytes (44 characters), not "
             "\"not-base64\""},
        Case{"root_31_bytes", "o\n3\nDhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcA==\n",
             "checkpoint line 3: the root hash is the canonical base64 of 32 bytes (44 characters), not "
             "\"Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcA==\""},
        Case{"root_non_canonical", "o\n3\nDhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBR=\n",
             "checkpoint line 3: the root hash is the canonical base64 of 32 bytes (44 characters), not "
             "\"Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBR=\""},
        Case{"empty_extension", "o\n3\n" ROOT "\n\nx\n", "checkpoint line 4: an extension line is not empty"},
        Case{"crlf", "o\r\n3\n" ROOT "\n",
             "line 1: a carriage return (byte 1): the lines of a signed note end in LF alone, not CR LF"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Checkpoint, WritesOnlyOriginsThatAreKeyNames) {
  EXPECT_EQ(ErrorOf(FormatCheckpoint({"Sở Nội vụ", 1, Hash{}, {}})),
            "invalid input: the origin \"Sở Nội vụ\" is not usable: tledger's origins are key names (non-empty UTF-8, "
            "no spaces, no '+'), such as dao-tao.cantho.gov.vn/tledger");
  EXPECT_EQ(ErrorOf(FormatCheckpoint({"o", uint64_t{1} << 63, Hash{}, {}})),
            "invalid input: a checkpoint's tree size is below 2^63, not 9223372036854775808");
  EXPECT_EQ(ErrorOf(FormatCheckpoint({"o", 1, Hash{}, {""}})),
            "invalid input: a checkpoint's extension line is not empty");
  EXPECT_EQ(ErrorOf(FormatCheckpoint({"o", 1, Hash{}, {"a\rb"}})),
            "invalid input: line 4: a carriage return (byte 50): the lines of a signed note end in LF alone, not CR LF");
}

// The signed checkpoint of the worked example with a fixed key (seed bytes
// 0..31): Ed25519 is deterministic, so these are the exact bytes. Computed
// outside tledger with OpenSSL's Ed25519 (`openssl pkeyutl -sign -rawin`
// with the seed as a PKCS#8 key; `openssl pkey -pubout` for the public
// key; Python's hashlib for the key id). interop_test has Go's note.Open
// verify tledger's notes too.
TEST(Checkpoint, SignedExampleCheckpoint) {
  std::array<uint8_t, 32> seed;
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i);
  note::SignerKey key = testing::ValueOrDie(
      note::SignerKey::FromSeed("dao-tao.cantho.gov.vn/tledger", note::KeyType::kEd25519, seed), "key");
  EXPECT_EQ(note::FormatVerifierKey(key.verifier()),
            "dao-tao.cantho.gov.vn/tledger+6ca9850b+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4");
  const std::string text = *FormatCheckpoint({"dao-tao.cantho.gov.vn/tledger", 3, ExampleRoot(), {}});
  const std::string message = note::FormatNote(note::Note{text, {*note::Sign(text, key)}});
  EXPECT_EQ(message, std::string(kExampleText) + "\n— dao-tao.cantho.gov.vn/tledger bKmFC+wr85+uQETgy8iBfZIiWDO8VjKvk6sLNurdM2MeD5KsQefDqamiwVoPQvxBr/OIHZZrJ6n50+R2LpIvZ8Rd0QY=\n");
  Result<note::VerifiedNote> v = note::OpenNote(message, note::Policy::AllOf({key.verifier()}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  EXPECT_EQ(*ParseCheckpoint(v->text), (Checkpoint{"dao-tao.cantho.gov.vn/tledger", 3, ExampleRoot(), {}}));
}

}  // namespace
}  // namespace tledger
