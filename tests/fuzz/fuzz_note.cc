// Signed notes, checkpoints and keys (core/note.h, core/checkpoint.h,
// core/note_key.h): what `verify --checkpoint`, a witness and the offline
// verifier read from others. Arbitrary bytes go to ParseNote, OpenNote
// (against a policy of Go's documented example key and a cosigner key),
// ParseCheckpoint, ParseVerifierKey and SignerKey::Parse. Parsing is
// strict, so what is accepted must print back byte for byte; every refusal
// has its code and a message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/checkpoint.h"
#include "core/note.h"
#include "core/note_key.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

using namespace tledger;

void CheckCode(const Status& s, Status::Code want, std::string_view what) {
  fuzz::Check(s.code() == want && !s.message().empty(), what, s.ToString());
}

const note::Policy& ThePolicy() {
  static const note::Policy* policy = [] {
    std::array<uint8_t, 32> seed{};
    note::SignerKey witness =
        note::SignerKey::FromSeed("witness.example/w", note::KeyType::kCosignatureV1, seed).value();
    return new note::Policy(note::Policy::WithWitnesses(
        {note::ParseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").value()},
        {witness.verifier()}, 0));
  }();
  return *policy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  Result<note::Note> n = note::ParseNote(text);
  if (n.ok()) {
    fuzz::Check(!n->signatures.empty() && n->signatures.size() <= note::kMaxSignatures, "a note's signature count");
    fuzz::Check(note::FormatNote(*n) == text, "a note does not print back as it was read");
  } else {
    CheckCode(n.status(), Status::Code::kInvalidInput, "a malformed note is not InvalidInput");
  }
  Result<note::VerifiedNote> v = note::OpenNote(text, ThePolicy());
  if (v.ok()) {
    fuzz::Check(n.ok() && !v->verified.empty() && v->text == n->text, "an opened note is not the parsed one");
  } else if (n.ok()) {
    CheckCode(v.status(), Status::Code::kCorruption, "a well-formed note refused for another reason than trust");
  } else {
    CheckCode(v.status(), Status::Code::kInvalidInput, "a malformed note opened or refused as another thing");
  }

  Result<Checkpoint> c = ParseCheckpoint(text);
  if (c.ok()) {
    Result<std::string> back = FormatCheckpoint(*c);
    fuzz::Check(back.ok() == note::IsValidKeyName(c->origin), "FormatCheckpoint refuses a key-name origin");
    if (back.ok()) fuzz::Check(*back == text, "a checkpoint does not print back as it was read", *back);
  } else {
    CheckCode(c.status(), Status::Code::kInvalidInput, "a malformed checkpoint is not InvalidInput");
  }

  std::string_view key = text.ends_with('\n') ? text.substr(0, text.size() - 1) : text;
  Result<note::VerifierKey> vk = note::ParseVerifierKey(text);
  if (vk.ok()) {
    fuzz::Check(note::FormatVerifierKey(*vk) == key, "a verifier key does not print back as it was read");
  } else {
    CheckCode(vk.status(), Status::Code::kInvalidInput, "a malformed verifier key is not InvalidInput");
  }
  Result<note::SignerKey> sk = note::SignerKey::Parse(text);
  if (sk.ok()) {
    fuzz::Check(sk->Format() == key, "a private key does not print back as it was read");
  } else {
    CheckCode(sk.status(), Status::Code::kInvalidInput, "a malformed private key is not InvalidInput");
  }
  return 0;
}
