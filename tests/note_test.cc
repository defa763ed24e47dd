// core/note_key, core/note: keys and signed notes byte for byte as Go's
// golang.org/x/mod/sumdb/note and C2SP signed-note write them. The keys,
// notes and signatures quoted here are published examples (sources named
// at each); the interoperability test (interop_test) checks the same
// against Go's own code.
#include "core/note.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/base64.h"
#include "core/note_key.h"
#include "tests/test_util.h"

namespace tledger::note {
namespace {

using testing::ErrorOf;

// golang.org/x/mod/sumdb/note's package documentation and note_test.go
// (x/mod v0.7.0, as Debian's golang-golang-x-mod-dev ships it).
constexpr char kPeterPrivate[] = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kPeterVerifier[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kEnochVerifier[] = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
constexpr char kPeterText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr char kPeterSig[] =
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
constexpr char kEnochSig[] =
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

VerifierKey Vkey(std::string_view text) { return testing::ValueOrDie(ParseVerifierKey(text), "verifier key"); }
std::string PeterNote() { return std::string(kPeterText) + "\n" + kPeterSig; }

// ------------------------------------------------------------ keys

TEST(NoteKey, ReadsAndWritesGosKeysByteForByte) {
  Result<SignerKey> peter = SignerKey::Parse(kPeterPrivate);
  ASSERT_TRUE(peter.ok()) << ErrorOf(peter);
  EXPECT_EQ(peter->Format(), kPeterPrivate);
  EXPECT_EQ(FormatVerifierKey(peter->verifier()), kPeterVerifier);
  EXPECT_EQ(peter->verifier(), Vkey(kPeterVerifier));
  EXPECT_EQ(peter->verifier().id, 0xc74f20a3u);
  EXPECT_EQ(KeyId("PeterNeumann", KeyType::kEd25519, peter->verifier().public_key), 0xc74f20a3u);
  EXPECT_EQ(FormatVerifierKey(Vkey(kEnochVerifier)), kEnochVerifier);
  // A key file's one trailing newline.
  EXPECT_TRUE(SignerKey::Parse(std::string(kPeterPrivate) + "\n").ok());
  EXPECT_EQ(Vkey(std::string(kPeterVerifier) + "\n"), Vkey(kPeterVerifier));
}

// C2SP signed-note's example verifier key, and a cosignature (type 0x04)
// verifier key from transparency-dev/formats note/note_cosigv1_test.go
// (commit 0b850f1a7b4a5b70deeacac6535e4b8023809d21).
TEST(NoteKey, ReadsC2spsExampleKeysOfBothTypes) {
  VerifierKey foo = Vkey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
  EXPECT_EQ(foo.type, KeyType::kEd25519);
  EXPECT_EQ(foo.name, "example.com/foo");
  VerifierKey remora = Vkey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
  EXPECT_EQ(remora.type, KeyType::kCosignatureV1);
  EXPECT_EQ(remora.id, 0xda77ade7u);
  EXPECT_EQ(FormatVerifierKey(remora), "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
  // The same public key as a type 0x01 key has another id: the type is in it.
  EXPECT_NE(KeyId(remora.name, KeyType::kEd25519, remora.public_key), remora.id);
}

TEST(NoteKey, GeneratedKeysSignAndVerify) {
  Result<SignerKey> key = SignerKey::Generate("dao-tao.cantho.gov.vn/tledger", KeyType::kEd25519);
  ASSERT_TRUE(key.ok()) << ErrorOf(key);
  Result<SignerKey> again = SignerKey::Parse(key->Format());
  ASSERT_TRUE(again.ok()) << ErrorOf(again);
  EXPECT_EQ(again->verifier(), key->verifier());
  EXPECT_EQ(Vkey(FormatVerifierKey(key->verifier())), key->verifier());
  const std::string sig = key->SignBytes("text\n");
  EXPECT_EQ(sig.size(), 64u);
  EXPECT_TRUE(VerifyBytes(key->verifier(), "text\n", sig));
  EXPECT_FALSE(VerifyBytes(key->verifier(), "text!\n", sig));
  Result<SignerKey> other = SignerKey::Generate("dao-tao.cantho.gov.vn/tledger", KeyType::kEd25519);
  EXPECT_NE(other->verifier().public_key, key->verifier().public_key);
  Result<SignerKey> witness = SignerKey::Generate("thanhtra.cantho.gov.vn/witness", KeyType::kCosignatureV1);
  EXPECT_TRUE(FormatVerifierKey(witness->verifier()).starts_with("thanhtra.cantho.gov.vn/witness+"));
  EXPECT_EQ(FromBase64(FormatVerifierKey(witness->verifier()).substr(40))->at(0), '\x04');
}

TEST(NoteKey, NamesFollowC2spsRule) {
  EXPECT_TRUE(IsValidKeyName("dao-tao.cantho.gov.vn/tledger"));
  EXPECT_TRUE(IsValidKeyName("Sở-Nội-vụ/tledger"));  // UTF-8 letters are fine
  EXPECT_FALSE(IsValidKeyName(""));
  EXPECT_FALSE(IsValidKeyName("a b"));
  EXPECT_FALSE(IsValidKeyName("a+b"));
  EXPECT_FALSE(IsValidKeyName("a\tb"));
  EXPECT_FALSE(IsValidKeyName("a\xc2\xa0" "b"));      // U+00A0 NO-BREAK SPACE
  EXPECT_FALSE(IsValidKeyName("a\xe3\x80\x80" "b"));  // U+3000 IDEOGRAPHIC SPACE
  EXPECT_FALSE(IsValidKeyName("a\xe2\x80\xa8" "b"));  // U+2028 LINE SEPARATOR
  EXPECT_FALSE(IsValidKeyName("a\x01" "b"));          // a control character no note can hold
  EXPECT_FALSE(IsValidKeyName("a\xff" "b"));          // not UTF-8
  EXPECT_FALSE(IsValidKeyName("a\xed\xa0\x80" "b"));  // a surrogate: not UTF-8
}

struct KeyCase {
  const char* name;
  const char* text;
  const char* error;
};
void PrintTo(const KeyCase& c, std::ostream* os) { *os << c.name; }

class BadVerifierKey : public ::testing::TestWithParam<KeyCase> {};
TEST_P(BadVerifierKey, IsRefusedSayingWhatIsWrong) {
  EXPECT_EQ(ErrorOf(ParseVerifierKey(GetParam().text)), std::string("invalid input: ") + GetParam().error);
}
INSTANTIATE_TEST_SUITE_P(
    Cases, BadVerifierKey,
    ::testing::Values(
        KeyCase{"two_parts", "bananas.sigstore.dev+12344556",
                "verifier key: expected three parts separated by '+' (name+id+key data)"},
        KeyCase{"empty_name", "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key: the name \"\" is not a key name (non-empty UTF-8, no spaces, no '+')"},
        KeyCase{"space_in_name", "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key: the name \"Peter Neumann\" is not a key name (non-empty UTF-8, no spaces, no '+')"},
        KeyCase{"upper_case_id", "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key of \"PeterNeumann\": the key id \"C74F20A3\" is not 8 lowercase hex digits"},
        KeyCase{"short_id", "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key of \"PeterNeumann\": the key id \"c74f20a\" is not 8 lowercase hex digits"},
        KeyCase{"not_base64", "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
                "verifier key of \"rekor.sigstore.dev\": the key data is not canonical base64 (RFC 4648 with '=' "
                "padding)"},
        KeyCase{"extra_padding", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW====",
                "verifier key of \"PeterNeumann\": the key data is not canonical base64 (RFC 4648 with '=' padding)"},
        KeyCase{"too_short", "rekor.sigstore.dev+12345678+AwEB",
                "verifier key of \"rekor.sigstore.dev\": the key data is 3 bytes; expected 33 (a type byte and a "
                "32-byte Ed25519 public key)"},
        // x/mod's note_test.go: an unknown algorithm, with the id adjusted.
        KeyCase{"unknown_type", "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key of \"PeterNeumann\": key type 0x65 is not one tledger knows (0x01 Ed25519, 0x04 "
                "Ed25519 cosignature/v1)"},
        KeyCase{"wrong_id", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key of \"PeterNeumann\": the key id c74f20a4 does not match the key (its id is c74f20a3): "
                "the key text was changed or mistyped"},
        KeyCase{"renamed", "PaulNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                "verifier key of \"PaulNeumann\": the key id c74f20a3 does not match the key (its id is 55e343b6): "
                "the key text was changed or mistyped"},
        KeyCase{"private", kPeterPrivate,
                "this is a private key (PRIVATE+KEY+...), not a verifier key: never hand it out"},
        KeyCase{"crlf", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW\r\n",
                "verifier key of \"PeterNeumann\": the key data is not canonical base64 (RFC 4648 with '=' padding)"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(NoteKey, BadPrivateKeysAreRefusedWithoutShowingTheSecret) {
  EXPECT_EQ(ErrorOf(SignerKey::Parse(kPeterVerifier)),
            "invalid input: a private key starts with PRIVATE+KEY+ (this may be a verifier key, which cannot sign)");
  EXPECT_EQ(ErrorOf(SignerKey::Parse("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")),
            "invalid input: private key of \"PeterNeumann\": the key id c74f20a4 does not match the key (its id is "
            "c74f20a3): the key text was changed or mistyped");
  // A damaged secret is not echoed in the message.
  const std::string damaged = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF";
  EXPECT_EQ(ErrorOf(SignerKey::Parse(damaged)),
            "invalid input: private key of \"PeterNeumann\": the key data is not canonical base64 (RFC 4648 with '=' "
            "padding)");
  EXPECT_EQ(ErrorOf(SignerKey::Parse("PRIVATE+KEY+PeterNeumannc74f20a3AYEKFALVFGyNhPJEMzD1QIDr")),
            "invalid input: private key: expected three parts separated by '+' (name+id+key data)");
  std::array<uint8_t, 32> seed{};
  EXPECT_EQ(ErrorOf(SignerKey::FromSeed("bad name", KeyType::kEd25519, seed)),
            "invalid input: the key name \"bad name\" is not valid (non-empty UTF-8, no spaces, no '+')");
}

// ------------------------------------------------------------ notes

TEST(Note, SignsGosDocumentedExampleToTheSameBytes) {
  SignerKey peter = testing::ValueOrDie(SignerKey::Parse(kPeterPrivate), "key");
  Result<Signature> sig = Sign(kPeterText, peter);
  ASSERT_TRUE(sig.ok()) << ErrorOf(sig);
  EXPECT_EQ(SignatureLine(*sig), kPeterSig);
  EXPECT_EQ(FormatNote(Note{kPeterText, {*sig}}), PeterNote());
}

TEST(Note, OpensC2spsExampleNote) {
  const std::string message =
      "This is an example message.\n"
      "\n"
      "— example.com/foo "
      "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
  Result<VerifiedNote> v =
      OpenNote(message, Policy::AllOf({Vkey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  EXPECT_EQ(v->text, "This is an example message.\n");
  ASSERT_EQ(v->verified.size(), 1u);
  EXPECT_EQ(v->verified[0].key.name, "example.com/foo");
  EXPECT_FALSE(v->verified[0].timestamp.has_value());
}

// As x/mod's TestOpen: a signature by a key the policy does not name is
// ignored; one by a key it names must verify.
TEST(Note, UnknownSignaturesAreIgnoredKnownOnesMustVerify) {
  const std::string both = std::string(kPeterText) + "\n" + kPeterSig + kEnochSig;
  Result<VerifiedNote> v = OpenNote(both, Policy::AllOf({Vkey(kPeterVerifier)}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  ASSERT_EQ(v->verified.size(), 1u);
  ASSERT_EQ(v->ignored.size(), 1u);
  EXPECT_EQ(v->ignored[0].name, "EnochRoot");
  EXPECT_EQ(v->ignored[0].key_id, 0xaf0cfe78u);

  v = OpenNote(both, Policy::AllOf({Vkey(kPeterVerifier), Vkey(kEnochVerifier)}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  EXPECT_EQ(v->verified.size(), 2u);
  EXPECT_EQ(v->verified[1].key.name, "EnochRoot");

  // The same key twice, both valid, counts once.
  v = OpenNote(std::string(kPeterText) + "\n" + kPeterSig + kPeterSig, Policy::AllOf({Vkey(kPeterVerifier)}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  EXPECT_EQ(v->verified.size(), 1u);

  EXPECT_EQ(ErrorOf(OpenNote(std::string(kPeterText) + "\n" + kEnochSig, Policy::AllOf({Vkey(kPeterVerifier)}))),
            "integrity failure: no key the policy names signed the note");
}

// Attacks: a changed text, a changed signature, a second (forged)
// signature by the same key, a signature moved under another name.
TEST(Note, ForgeriesAreRefused) {
  const Policy peter = Policy::AllOf({Vkey(kPeterVerifier)});
  const std::string bad_sig = "integrity failure: the signature by PeterNeumann+c74f20a3 does not verify: the note's "
                              "text or the signature was changed";
  std::string changed_text = PeterNote();
  changed_text[4] = 'u';  // "If yuu think ..."
  EXPECT_EQ(ErrorOf(OpenNote(changed_text, peter)), bad_sig);
  const std::string sig(kPeterSig);
  std::string changed_sig = std::string(kPeterText) + "\n" + sig.substr(0, 60) + "ABCD" + sig.substr(60);
  EXPECT_EQ(ErrorOf(OpenNote(changed_sig, peter)), bad_sig);
  // Go's Open skips a second signature by a known key; tledger checks it.
  EXPECT_EQ(ErrorOf(OpenNote(std::string(kPeterText) + "\n" + kPeterSig + sig.substr(0, 60) + "ABCD" + sig.substr(60),
                             peter)),
            bad_sig);
  // Peter's signature bytes under Enoch's name: not Enoch's key id, so not
  // Enoch's signature; not Peter's name, so ignored: nobody signed.
  std::string renamed = std::string(kPeterText) + "\n— EnochRoot " + sig.substr(sig.find(' ', 4) + 1);
  EXPECT_EQ(ErrorOf(OpenNote(renamed, Policy::AllOf({Vkey(kEnochVerifier)}))),
            "integrity failure: no key the policy names signed the note");
  // A text line added after the signatures' empty line is a malformed note.
  EXPECT_EQ(ErrorOf(OpenNote(PeterNote() + "Unexpected line.\n", peter)),
            "invalid input: line 5: a signature line starts with \"— \" (an em dash U+2014 and a space), not "
            "\"Unexpected line.\"");
}

TEST(Note, PolicyGroupsAndThresholds) {
  const VerifierKey peter = Vkey(kPeterVerifier), enoch = Vkey(kEnochVerifier);
  const VerifierKey foo = Vkey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
  const std::string peter_only = PeterNote();
  const std::string both = std::string(kPeterText) + "\n" + kPeterSig + kEnochSig;
  EXPECT_EQ(ErrorOf(OpenNote(peter_only, Policy::AllOf({peter, enoch}))),
            "integrity failure: the note is not signed by EnochRoot+af0cfe78, which the policy requires");
  const VerifierKey remora = Vkey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
  EXPECT_TRUE(OpenNote(both, Policy::WithWitnesses({peter}, {enoch, foo}, 1)).ok());
  EXPECT_EQ(ErrorOf(OpenNote(both, Policy::WithWitnesses({peter}, {enoch, foo}, 2))),
            "integrity failure: the note is not signed by example.com/foo+530d903a, which the policy requires");
  EXPECT_EQ(ErrorOf(OpenNote(both, Policy::WithWitnesses({peter}, {enoch, foo, remora}, 2))),
            "integrity failure: the note is signed by 1 of the 3 keys of a group where the policy requires 2; not by "
            "example.com/foo+530d903a, remora.n621.de+da77ade7");
  EXPECT_EQ(ErrorOf(OpenNote(both, Policy::WithWitnesses({peter}, {enoch}, 2))),
            "invalid input: the policy asks for 2 signatures from a group of 1 keys");
  EXPECT_EQ(ErrorOf(OpenNote(both, Policy{})),
            "invalid input: the policy names no key: a note is trusted only for the keys one expects to sign it");
  VerifierKey impostor = peter;
  impostor.public_key[0] ^= 1;  // same name and id, another key
  EXPECT_EQ(ErrorOf(OpenNote(both, Policy::AllOf({peter, impostor}))),
            "invalid input: the policy names two different keys PeterNeumann+c74f20a3: one name and key id, one key");
  EXPECT_TRUE(OpenNote(both, Policy::WithWitnesses({peter}, {peter}, 1)).ok());  // the same key twice is one key
}

// ------------------------------------------------------------ cosignatures

TEST(Note, CosignaturesAreC2spsCosignatureV1) {
  std::array<uint8_t, 32> seed;
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i);
  SignerKey witness =
      testing::ValueOrDie(SignerKey::FromSeed("thanhtra.cantho.gov.vn/witness", KeyType::kCosignatureV1, seed), "key");
  const std::string text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  EXPECT_EQ(CosignatureMessage(text, 1679315147),
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
            "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
  Result<Signature> cosig = Sign(text, witness, 1679315147);
  ASSERT_TRUE(cosig.ok()) << ErrorOf(cosig);
  ASSERT_EQ(cosig->bytes.size(), 72u);
  EXPECT_EQ(cosig->bytes.substr(0, 8), std::string("\x00\x00\x00\x00\x64\x18\x50\xcb", 8));  // 1679315147, big-endian
  EXPECT_TRUE(VerifyBytes(witness.verifier(), CosignatureMessage(text, 1679315147), cosig->bytes.substr(8)));
  EXPECT_EQ(cosig->key_id, KeyId("thanhtra.cantho.gov.vn/witness", KeyType::kCosignatureV1, witness.verifier().public_key));

  SignerKey log = testing::ValueOrDie(SignerKey::FromSeed("example.com/behind-the-sofa", KeyType::kEd25519, seed), "key");
  const std::string message = FormatNote(Note{text, {*Sign(text, log), *cosig}});
  Result<VerifiedNote> v = OpenNote(message, Policy::AllOf({log.verifier(), witness.verifier()}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  ASSERT_EQ(v->verified.size(), 2u);
  EXPECT_FALSE(v->verified[0].timestamp.has_value());
  EXPECT_EQ(v->verified[1].timestamp, 1679315147u);

  // The time is signed: moved by a second, the cosignature fails.
  Signature moved = *cosig;
  moved.bytes[7] = static_cast<char>(moved.bytes[7] + 1);
  EXPECT_EQ(ErrorOf(OpenNote(FormatNote(Note{text, {*Sign(text, log), moved}}),
                             Policy::AllOf({log.verifier(), witness.verifier()}))),
            "integrity failure: the signature by thanhtra.cantho.gov.vn/witness+" +
                fmt::format("{:08x}", witness.verifier().id) +
                " does not verify: the note's text or the signature was changed");
  // A plain Ed25519 signature by the witness's key is not a cosignature.
  Signature plain{witness.verifier().name, witness.verifier().id, witness.SignBytes(text)};
  EXPECT_FALSE(OpenNote(FormatNote(Note{text, {plain}}), Policy::AllOf({witness.verifier()})).ok());
  EXPECT_EQ(ErrorOf(Sign(text, witness, uint64_t{1} << 63)),
            "invalid input: a cosignature's time is below 2^63, not 9223372036854775808");
}

// ------------------------------------------------------------ strict parsing

class BadNote : public ::testing::TestWithParam<KeyCase> {};
TEST_P(BadNote, IsRefusedNamingTheLine) {
  EXPECT_EQ(ErrorOf(ParseNote(GetParam().text)), std::string("invalid input: ") + GetParam().error);
}
#define PETER_TEXT "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
#define PETER_B64 "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
INSTANTIATE_TEST_SUITE_P(
    Cases, BadNote,
    ::testing::Values(
        // x/mod's TestOpen "invalid encoded message syntax" cases.
        KeyCase{"text_only", PETER_TEXT,
                "not a signed note: no empty line before the signature lines (a note is its text, an empty line, "
                "then lines \"— <key name> <signature>\")"},
        KeyCase{"no_signatures", PETER_TEXT "\n", "not a signed note: no signature lines after the last empty line"},
        KeyCase{"unterminated", PETER_TEXT "\n— PeterNeumann " PETER_B64,
                "the last signature line does not end in LF"},
        KeyCase{"control_character", "\x01" PETER_TEXT "\n— PeterNeumann " PETER_B64 "\n",
                "line 1: control character 0x01 (byte 0): a signed note holds none but LF"},
        KeyCase{"not_utf8", "\xff" PETER_TEXT "\n— PeterNeumann " PETER_B64 "\n",
                "line 1: not valid UTF-8 (byte 0)"},
        KeyCase{"bad_name", PETER_TEXT "\n— Bad Name " PETER_B64 "\n",
                "line 4: the signature by \"Bad\" is not canonical base64 (RFC 4648 with '=' padding)"},
        // Beyond them.
        KeyCase{"crlf", "If you think\r\nthen\n\n— PeterNeumann " PETER_B64 "\n",
                "line 1: a carriage return (byte 12): the lines of a signed note end in LF alone, not CR LF"},
        KeyCase{"hyphen_not_em_dash", PETER_TEXT "\n- PeterNeumann " PETER_B64 "\n",
                "line 4: a signature line starts with \"— \" (an em dash U+2014 and a space), not \"- PeterNeumann "
                "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInN...\""},
        KeyCase{"no_space", PETER_TEXT "\n— PeterNeumann\n",
                "line 4: expected \"— <key name> <signature>\", found \"— PeterNeumann\""},
        KeyCase{"plus_in_name", PETER_TEXT "\n— Peter+Neumann " PETER_B64 "\n",
                "line 4: \"Peter+Neumann\" is not a key name (non-empty, no spaces, no '+')"},
        KeyCase{"two_spaces", PETER_TEXT "\n— PeterNeumann  " PETER_B64 "\n",
                "line 4: the signature by \"PeterNeumann\" is not canonical base64 (RFC 4648 with '=' padding)"},
        KeyCase{"unpadded", PETER_TEXT "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
                "line 4: the signature by \"PeterNeumann\" is not canonical base64 (RFC 4648 with '=' padding)"},
        KeyCase{"short_signature", PETER_TEXT "\n— PeterNeumann x08gow==\n",
                "line 4: the signature by \"PeterNeumann\" is 4 bytes; expected a 4-byte key id and the signature "
                "after it"},
        KeyCase{"blank_lines_only", "\n\n", "not a signed note: no signature lines after the last empty line"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Note, AtMostAHundredSignatures) {
  std::string many = std::string(kPeterText) + "\n";
  for (int i = 0; i < 100; ++i) many += kPeterSig;
  Result<Note> n = ParseNote(many);
  ASSERT_TRUE(n.ok()) << ErrorOf(n);
  EXPECT_EQ(n->signatures.size(), 100u);
  EXPECT_EQ(ErrorOf(ParseNote(many + kPeterSig)), "invalid input: line 104: more than 100 signatures");
}

// C2SP: the text may hold empty lines; the last empty line separates it.
TEST(Note, TextMayHoldEmptyLines) {
  SignerKey peter = testing::ValueOrDie(SignerKey::Parse(kPeterPrivate), "key");
  const std::string text = "first\n\nthird\n\n";
  const std::string message = FormatNote(Note{text, {*Sign(text, peter)}});
  Result<VerifiedNote> v = OpenNote(message, Policy::AllOf({peter.verifier()}));
  ASSERT_TRUE(v.ok()) << ErrorOf(v);
  EXPECT_EQ(v->text, text);
  EXPECT_EQ(ErrorOf(Sign("no newline", peter)), "invalid input: a note's text is one or more lines, each ending in LF");
  EXPECT_EQ(ErrorOf(Sign("", peter)), "invalid input: a note's text is one or more lines, each ending in LF");
  EXPECT_EQ(ErrorOf(Sign("tab\there\n", peter)),
            "invalid input: line 1: control character 0x09 (byte 3): a signed note holds none but LF");
}

}  // namespace
}  // namespace tledger::note
