// Signed notes (https://c2sp.org/signed-note): a text, an empty line, and
// signature lines "— <key name> <base64(4-byte key id || signature)>", in
// the form Go's golang.org/x/mod/sumdb/note writes and reads.
//
//   Result<Signature> sig = Sign(checkpoint_text, log_key);                 // type 0x01
//   std::string message = FormatNote({checkpoint_text, {*sig}});
//   Result<Signature> cosig = Sign(checkpoint_text, witness_key, now_unix);  // type 0x04, cosignature/v1
//   Result<Note> n = ParseNote(message);                                    // syntax only
//   Result<VerifiedNote> v = OpenNote(message, Policy::AllOf({log_vkey, witness_vkey}));
//
// A cosignature (C2SP tlog-cosignature, type 0x04) signs
// "cosignature/v1\ntime <T>\n" followed by the note text, T the POSIX time
// of cosigning, and its signature bytes are T (8 bytes, big-endian) then
// the 64-byte Ed25519 signature. tledger's witnesses cosign this way rather
// than with a second plain signature: the statement is the one C2SP
// witnesses make ("the largest consistent tree I have seen, as of T"), the
// time shows when, and the type byte keeps a witness key apart from the
// log's.
//
// Parsing is strict, every refusal InvalidInput naming the line and what
// was expected: valid UTF-8; no control character but LF (so CR LF line
// ends are refused); the text ends with LF and is separated from the
// signatures by the last empty line; each signature line is an em dash
// (U+2014), a space, a key name (no Unicode space, no '+'), a space and
// canonical base64 of at least 5 bytes; at most kMaxSignatures of them.
// Pure functions; thread-safe.
#ifndef TLEDGER_CORE_NOTE_H_
#define TLEDGER_CORE_NOTE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/note_key.h"
#include "core/status.h"

namespace tledger::note {

// C2SP requires accepting at least 16; Go's note package refuses more than
// 100, and so does tledger.
inline constexpr size_t kMaxSignatures = 100;

struct Signature {
  std::string name;
  uint32_t key_id = 0;
  std::string bytes;  // what follows the key id: the signature (a cosignature's timestamp first)
  friend bool operator==(const Signature&, const Signature&) = default;
};

struct Note {
  std::string text;  // ends with "\n"; the signed bytes
  std::vector<Signature> signatures;
};

// "— <name> <base64(key id || bytes)>\n".
std::string SignatureLine(const Signature& signature);
// text + "\n" + the signature lines. The note's text ends with "\n" and it
// has at least one signature (Sign and ParseNote make such notes; anything
// else is a programmer bug).
std::string FormatNote(const Note& note);
// The note in `message` (rules above); signatures are not checked.
Result<Note> ParseNote(std::string_view message);

// Ok when `text` can be a note's text: one or more lines, each ending in
// LF, valid UTF-8 without other control characters. InvalidInput naming the
// line otherwise.
Status CheckText(std::string_view text);

// What a cosignature/v1 signs: "cosignature/v1\ntime <timestamp>\n" + text.
std::string CosignatureMessage(std::string_view text, uint64_t timestamp);

// `key`'s signature of `text`: for a kEd25519 key, Ed25519 over the text
// (`timestamp` unused); for a kCosignatureV1 key, the cosignature at
// `timestamp` (POSIX seconds, below 2^63). InvalidInput when `text` could
// not be a note's text (empty, no final LF, a control character, not UTF-8).
Result<Signature> Sign(std::string_view text, const SignerKey& key, uint64_t timestamp = 0);

// Which keys must have signed: every group, by at least `threshold` of its
// keys (a key counts once however often it signed).
struct Policy {
  struct Group {
    std::vector<VerifierKey> keys;
    size_t threshold = 0;
  };
  std::vector<Group> groups;

  // Every one of `keys`.
  static Policy AllOf(std::vector<VerifierKey> keys);
  // AllOf(`required`), and `threshold` of `witnesses` besides.
  static Policy WithWitnesses(std::vector<VerifierKey> required, std::vector<VerifierKey> witnesses,
                              size_t threshold);
};

struct VerifiedSignature {
  VerifierKey key;
  std::optional<uint64_t> timestamp;  // a cosignature's
};

struct VerifiedNote {
  std::string text;
  std::vector<VerifiedSignature> verified;  // in the note's order, one per key
  std::vector<Signature> ignored;           // by keys the policy does not name
};

// Parses `message` and checks it against `policy`: every signature by a key
// the policy names (same name and key id) must verify, whatever the
// policy's thresholds; signatures by other keys are ignored (C2SP: a key
// may be rotated, a witness added); then every group must be met. Refusals:
// InvalidInput for a message that is not a note or a policy that names no
// key or one name and id twice; Corruption for a signature that does not
// verify (naming the key) or a group not met (naming the keys missing).
Result<VerifiedNote> OpenNote(std::string_view message, const Policy& policy);

}  // namespace tledger::note

#endif  // TLEDGER_CORE_NOTE_H_
