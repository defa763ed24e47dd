// The import marker (`meta/import`, core/FORMAT.md "Appending"): what lets
// a writer tell the leftovers of an import interrupted on this machine from
// committed events behind a rolled-back head, which it must never delete.
//
//   ImportMarker m = NewImportMarker(head, recorded_at, key);
//   std::string bytes = EncodeImportMarker(m, key);       // MAC'd under the local key
//   Status s = RecordImportUnderWay(key, ledger, bytes);  // outside the ledger, before writing it
//   ...
//   Result<ImportMarker> found = AuthenticImportMarker(stored, key, ledger);
//
// A marker proves something only with both halves: its MAC (under the
// import-marker subkey of the local key, core/local_key.h) binds the head it
// began from, its first seq, its recorded_at and a random nonce; the record
// of the nonce in the key directory (`imports/NONCE`, naming the ledger and
// holding the marker's bytes) says that this import has not committed yet,
// so that a marker copied while an import ran cannot be replayed after it
// committed. An attacker who can write the ledger directory can forge
// neither.
#ifndef TLEDGER_CORE_IMPORT_MARKER_H_
#define TLEDGER_CORE_IMPORT_MARKER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/local_key.h"
#include "core/status.h"
#include "core/store.h"

namespace tledger {

struct ImportMarker {
  uint64_t first_seq = 0;       // the first seq the import writes: head.seq + 1
  uint64_t head_seq = 0;        // the committed head it began from
  Hash head_hash{};             //   and its chain hash
  Timestamp recorded_at = 0;    // the recorded_at of every event of the import
  std::array<uint8_t, 16> nonce{};
  uint64_t key_id = 0;          // LocalKey::id() of the key that made its MAC
};

// The layout (core/FORMAT.md): "TLIM", the layout version 2 (4 bytes), then
// the fields above in order (big-endian integers), then the MAC of all of
// that. Layout 1, before it, was the first seq alone (8 bytes).
inline constexpr char kImportMarkerMagic[4] = {'T', 'L', 'I', 'M'};
inline constexpr uint32_t kImportMarkerLayout = 2;
inline constexpr size_t kImportMarkerMacOffset = 4 + 4 + 8 + 8 + 32 + 8 + 16 + 8;  // 88
inline constexpr size_t kImportMarkerBytes = kImportMarkerMacOffset + 32;         // 120
inline constexpr size_t kOldImportMarkerBytes = 8;

// A marker for an import that begins from `head`, with a fresh nonce.
ImportMarker NewImportMarker(const Head& head, Timestamp recorded_at, const LocalKey& key);
// Its stored bytes, MAC included.
std::string EncodeImportMarker(const ImportMarker& m, const LocalKey& key);

// Reads the stored bytes, without authenticating them. Corruption saying
// what is wrong: an old (layout 1) marker, or bytes of no known layout.
Result<ImportMarker> ParseImportMarker(std::string_view stored);
// True for a marker of layout 1 (an older tledger's, no MAC).
bool IsOldImportMarker(std::string_view stored);

// True when `stored` is a marker of this layout made under `key` and
// unaltered since (its MAC holds); says nothing of whether its import is
// still under way.
bool ImportMarkerMacHolds(std::string_view stored, const LocalKey& key);

// The marker, when it is authentic and its import is recorded as under way
// on this machine for `ledger` (a canonical directory path). Otherwise
// Corruption saying which check failed, in words for the operator (layout,
// another key, a MAC that fails, no record of the import here).
Result<ImportMarker> AuthenticImportMarker(std::string_view stored, const LocalKey& key, const std::string& ledger);

// The record of an import under way on this machine, in the key directory:
// written (synced) before the marker lands in the ledger, removed once the
// import has committed or its tail was discarded. IoError when it cannot
// be written.
Status RecordImportUnderWay(const LocalKey& key, const std::string& ledger, std::string_view marker);
void ForgetImport(const LocalKey& key, std::string_view marker);
// Removes every record naming `ledger`: called by its writer, under the
// lock, once nothing past the head remains.
void ForgetImportsOf(const LocalKey& key, const std::string& ledger);

}  // namespace tledger

#endif  // TLEDGER_CORE_IMPORT_MARKER_H_
