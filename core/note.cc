#include "core/note.h"

#include <unicode/utf8.h>

#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "core/base64.h"
#include "core/printable.h"

namespace tledger::note {
namespace {

constexpr std::string_view kDashSpace = "\xe2\x80\x94 ";  // U+2014 EM DASH, then a space
constexpr size_t kKeyIdSize = 4;
constexpr size_t kEd25519SignatureSize = 64;
constexpr size_t kTimestampSize = 8;

// Valid UTF-8 without control characters other than LF; InvalidInput naming
// the line (1-based) otherwise.
Status CheckCharacters(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int line = 1;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return Status::InvalidInput(fmt::format("line {}: not valid UTF-8 (byte {})", line, start));
    if (c == '\n') {
      ++line;
    } else if (c == '\r') {
      return Status::InvalidInput(fmt::format(
          "line {}: a carriage return (byte {}): the lines of a signed note end in LF alone, not CR LF", line, start));
    } else if (c < 0x20) {
      return Status::InvalidInput(fmt::format(
          "line {}: control character 0x{:02x} (byte {}): a signed note holds none but LF", line, c, start));
    }
  }
  return Status::Ok();
}

void PutBigEndian(uint64_t v, int bytes, std::string* out) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>(v >> (8 * i) & 0xff));
}
uint64_t GetBigEndian(std::string_view in) {
  uint64_t v = 0;
  for (char c : in) v = v << 8 | static_cast<uint8_t>(c);
  return v;
}

// Whether `signature` is `key`'s; the cosignature's time in *timestamp.
bool Verifies(const VerifierKey& key, std::string_view text, const Signature& signature,
              std::optional<uint64_t>* timestamp) {
  switch (key.type) {
    case KeyType::kEd25519:
      return VerifyBytes(key, text, signature.bytes);
    case KeyType::kCosignatureV1: {
      if (signature.bytes.size() != kTimestampSize + kEd25519SignatureSize) return false;
      const uint64_t t = GetBigEndian(std::string_view(signature.bytes).substr(0, kTimestampSize));
      if (t >= (uint64_t{1} << 63)) return false;
      if (!VerifyBytes(key, CosignatureMessage(text, t), std::string_view(signature.bytes).substr(kTimestampSize))) {
        return false;
      }
      *timestamp = t;
      return true;
    }
  }
  return false;
}

std::string Labels(const std::vector<const VerifierKey*>& keys) {
  std::string out;
  for (const VerifierKey* k : keys) out += (out.empty() ? "" : ", ") + KeyLabel(k->name, k->id);
  return out;
}

}  // namespace

std::string SignatureLine(const Signature& signature) {
  std::string raw;
  PutBigEndian(signature.key_id, kKeyIdSize, &raw);
  raw += signature.bytes;
  return std::string(kDashSpace) + signature.name + " " + Base64(raw) + "\n";
}

std::string FormatNote(const Note& note) {
  TLEDGER_CHECK(note.text.ends_with('\n') && !note.signatures.empty());
  std::string out = note.text + "\n";
  for (const Signature& s : note.signatures) out += SignatureLine(s);
  return out;
}

Result<Note> ParseNote(std::string_view message) {
  TLEDGER_RETURN_IF_ERROR(CheckCharacters(message));
  const size_t split = message.rfind("\n\n");
  if (split == std::string_view::npos) {
    return Status::InvalidInput(
        "not a signed note: no empty line before the signature lines (a note is its text, an empty line, then lines "
        "\"— <key name> <signature>\")");
  }
  Note note;
  note.text = std::string(message.substr(0, split + 1));
  std::string_view sigs = message.substr(split + 2);
  if (sigs.empty()) return Status::InvalidInput("not a signed note: no signature lines after the last empty line");
  if (!sigs.ends_with('\n')) return Status::InvalidInput("the last signature line does not end in LF");
  int line = 1;  // the empty line's number, once the text's lines are counted
  for (char c : note.text) line += c == '\n';
  while (!sigs.empty()) {
    ++line;
    const size_t eol = sigs.find('\n');
    std::string_view l = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (note.signatures.size() == kMaxSignatures) {
      return Status::InvalidInput(fmt::format("line {}: more than {} signatures", line, kMaxSignatures));
    }
    if (!l.starts_with(kDashSpace)) {
      return Status::InvalidInput(fmt::format(
          "line {}: a signature line starts with \"— \" (an em dash U+2014 and a space), not {}", line, Quoted(l, 60)));
    }
    l.remove_prefix(kDashSpace.size());
    const size_t space = l.find(' ');
    if (space == std::string_view::npos) {
      return Status::InvalidInput(fmt::format("line {}: expected \"— <key name> <signature>\", found {}", line,
                                              Quoted(std::string(kDashSpace) + std::string(l), 60)));
    }
    Signature s;
    s.name = std::string(l.substr(0, space));
    if (!IsValidKeyName(s.name)) {
      return Status::InvalidInput(
          fmt::format("line {}: {} is not a key name (non-empty, no spaces, no '+')", line, Quoted(s.name)));
    }
    std::optional<std::string> raw = FromBase64(l.substr(space + 1));
    if (!raw) {
      return Status::InvalidInput(fmt::format(
          "line {}: the signature by {} is not canonical base64 (RFC 4648 with '=' padding)", line, Quoted(s.name)));
    }
    if (raw->size() <= kKeyIdSize) {
      return Status::InvalidInput(fmt::format(
          "line {}: the signature by {} is {} bytes; expected a 4-byte key id and the signature after it", line,
          Quoted(s.name), raw->size()));
    }
    s.key_id = static_cast<uint32_t>(GetBigEndian(std::string_view(*raw).substr(0, kKeyIdSize)));
    s.bytes = raw->substr(kKeyIdSize);
    note.signatures.push_back(std::move(s));
  }
  return note;
}

Status CheckText(std::string_view text) {
  if (text.empty() || !text.ends_with('\n')) {
    return Status::InvalidInput("a note's text is one or more lines, each ending in LF");
  }
  return CheckCharacters(text);
}

std::string CosignatureMessage(std::string_view text, uint64_t timestamp) {
  return fmt::format("cosignature/v1\ntime {}\n", timestamp) + std::string(text);
}

Result<Signature> Sign(std::string_view text, const SignerKey& key, uint64_t timestamp) {
  TLEDGER_RETURN_IF_ERROR(CheckText(text));
  Signature s;
  s.name = key.verifier().name;
  s.key_id = key.verifier().id;
  switch (key.verifier().type) {
    case KeyType::kEd25519:
      s.bytes = key.SignBytes(text);
      break;
    case KeyType::kCosignatureV1:
      if (timestamp >= (uint64_t{1} << 63)) {
        return Status::InvalidInput(fmt::format("a cosignature's time is below 2^63, not {}", timestamp));
      }
      PutBigEndian(timestamp, kTimestampSize, &s.bytes);
      s.bytes += key.SignBytes(CosignatureMessage(text, timestamp));
      break;
  }
  return s;
}

Policy Policy::AllOf(std::vector<VerifierKey> keys) {
  Policy p;
  const size_t n = keys.size();
  p.groups.push_back(Group{std::move(keys), n});
  return p;
}

Policy Policy::WithWitnesses(std::vector<VerifierKey> required, std::vector<VerifierKey> witnesses, size_t threshold) {
  Policy p = AllOf(std::move(required));
  p.groups.push_back(Group{std::move(witnesses), threshold});
  return p;
}

Result<VerifiedNote> OpenNote(std::string_view message, const Policy& policy) {
  // The keys the policy names, by (name, id).
  std::map<std::pair<std::string, uint32_t>, const VerifierKey*> known;
  for (const Policy::Group& g : policy.groups) {
    if (g.threshold > g.keys.size()) {
      return Status::InvalidInput(
          fmt::format("the policy asks for {} signatures from a group of {} keys", g.threshold, g.keys.size()));
    }
    for (const VerifierKey& k : g.keys) {
      auto [it, added] = known.emplace(std::pair(k.name, k.id), &k);
      if (!added && !(*it->second == k)) {
        return Status::InvalidInput(
            fmt::format("the policy names two different keys {}: one name and key id, one key", KeyLabel(k.name, k.id)));
      }
    }
  }
  if (known.empty()) {
    return Status::InvalidInput("the policy names no key: a note is trusted only for the keys one expects to sign it");
  }
  Result<Note> note = ParseNote(message);
  if (!note.ok()) return note.status();

  VerifiedNote out;
  out.text = note->text;
  std::set<std::pair<std::string, uint32_t>> signed_by;
  for (const Signature& s : note->signatures) {
    auto it = known.find(std::pair(s.name, s.key_id));
    if (it == known.end()) {
      out.ignored.push_back(s);
      continue;
    }
    const VerifierKey& key = *it->second;
    std::optional<uint64_t> timestamp;
    if (!Verifies(key, note->text, s, &timestamp)) {
      return Status::Corruption(fmt::format(
          "the signature by {} does not verify: the note's text or the signature was changed", KeyLabel(key.name, key.id)));
    }
    if (signed_by.insert(it->first).second) out.verified.push_back(VerifiedSignature{key, timestamp});
  }
  if (out.verified.empty()) {
    return Status::Corruption("no key the policy names signed the note");
  }
  for (const Policy::Group& g : policy.groups) {
    std::vector<const VerifierKey*> missing;
    for (const VerifierKey& k : g.keys) {
      if (!signed_by.contains(std::pair(k.name, k.id))) missing.push_back(&k);
    }
    const size_t have = g.keys.size() - missing.size();
    if (have >= g.threshold) continue;
    if (g.threshold == g.keys.size()) {
      return Status::Corruption(fmt::format("the note is not signed by {}, which the policy requires", Labels(missing)));
    }
    return Status::Corruption(fmt::format("the note is signed by {} of the {} keys of a group where the policy "
                                          "requires {}; not by {}",
                                          have, g.keys.size(), g.threshold, Labels(missing)));
  }
  return out;
}

}  // namespace tledger::note
