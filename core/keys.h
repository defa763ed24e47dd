// The key grammar of the store (core/FORMAT.md, "Keys"). Pure functions.
#ifndef TLEDGER_CORE_KEYS_H_
#define TLEDGER_CORE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tledger::keys {

// Column families.
inline constexpr char kEvents[] = "events";      // seq -> canonical event bytes
inline constexpr char kIds[] = "ids";            // event id -> seq, type
inline constexpr char kSubjects[] = "subjects";  // subject id 0x00 seq -> role bits
inline constexpr char kMeta[] = "meta";          // name -> value

// Keys of the meta column family.
inline constexpr char kFormatKey[] = "format";
inline constexpr char kHeadKey[] = "head";
// Present while an import has written past the head and not yet committed:
// the big-endian seq of its first event. Written (synced) before anything
// lands past the head, removed with the commit or the discard, so that
// events past the head without it were committed once (core/FORMAT.md).
inline constexpr char kImportKey[] = "import";
// The checkpoint origin, UTF-8, once fixed (core/ledger_origin.h).
inline constexpr char kOriginKey[] = "origin";

inline void PutBigEndian64(uint64_t v, char* out) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

inline uint64_t GetBigEndian64(const char* in) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | static_cast<uint8_t>(in[i]);
  return v;
}

// Events: the big-endian seq, so that byte order is seq order.
inline std::string EventKey(uint64_t seq) {
  std::string k(8, '\0');
  PutBigEndian64(seq, k.data());
  return k;
}
inline std::optional<uint64_t> SeqOfEventKey(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  return GetBigEndian64(key.data());
}

// Ids: the value is seq (8 bytes, big-endian) then the Body discriminant
// (2 bytes, big-endian).
inline std::string IdValue(uint64_t seq, uint16_t which) {
  std::string v(10, '\0');
  PutBigEndian64(seq, v.data());
  v[8] = static_cast<char>(which >> 8);
  v[9] = static_cast<char>(which & 0xff);
  return v;
}
struct IdEntry {
  uint64_t seq;
  uint16_t which;
};
inline std::optional<IdEntry> ParseIdValue(std::string_view v) {
  if (v.size() != 10) return std::nullopt;
  return IdEntry{GetBigEndian64(v.data()),
                 static_cast<uint16_t>(static_cast<uint8_t>(v[8]) << 8 | static_cast<uint8_t>(v[9]))};
}

// Subjects: the id, a 0x00 separator (ids never hold control characters),
// the big-endian seq. All seqs of one id are one prefix scan, in order.
inline std::string SubjectPrefix(std::string_view id) {
  std::string k(id);
  k.push_back('\0');
  return k;
}
// The subject key of (id, seq), into `out` (its buffer reused).
inline void SubjectKeyInto(std::string_view id, uint64_t seq, std::string* out) {
  out->assign(id);
  out->push_back('\0');
  out->resize(out->size() + 8);
  PutBigEndian64(seq, out->data() + out->size() - 8);
}
inline std::string SubjectKey(std::string_view id, uint64_t seq) {
  std::string k;
  SubjectKeyInto(id, seq, &k);
  return k;
}
struct SubjectEntry {
  std::string_view id;
  uint64_t seq;
};
inline std::optional<SubjectEntry> ParseSubjectKey(std::string_view key) {
  if (key.size() < 10 || key[key.size() - 9] != '\0') return std::nullopt;
  return SubjectEntry{key.substr(0, key.size() - 9), GetBigEndian64(key.data() + key.size() - 8)};
}

}  // namespace tledger::keys

#endif  // TLEDGER_CORE_KEYS_H_
