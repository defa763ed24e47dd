// Internal to the report cache (projections/report_cache.h): the layout of
// a cache file, shared by its reader and writer (report_cache.cc) and by
// what decides which files to use, evict and verify (report_cache_use.cc).
// Not for tools/.
//
// A file: the header, then the manifest (a Cap'n Proto message,
// report_cache.capnp), then the bulk (another). The header:
//
//   offset  bytes
//        0      8  kMagic, "TLRC0005" (0002 held SHA-256s where the MACs are)
//        8      8  seq, big-endian: the last event of the prefix
//       16     32  that event's chain hash
//       48      8  the local key's id (core/local_key.h), big-endian
//       56      8  the manifest's size in bytes, big-endian
//       64     32  HMAC-SHA-256 (report-cache subkey) of bytes 0..63, then
//                  the manifest
//
// Block j of the bulk (checkpoint j and the changes applied on top of it)
// is authenticated by the manifest's blockMacs[j]: the MAC of "block", three
// zero bytes, j (8 bytes, big-endian), then the checkpoint, the changes'
// counters and their values as little-endian bytes.
#ifndef TLEDGER_PROJECTIONS_REPORT_CACHE_FILE_H_
#define TLEDGER_PROJECTIONS_REPORT_CACHE_FILE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/hash_chain.h"
#include "core/local_key.h"

namespace tledger::cache_file {

// 0004: plans carry their decision; 0005: their targets, and the classes of
// each plan's program are counted.
inline constexpr char kMagic[8] = {'T', 'L', 'R', 'C', '0', '0', '0', '5'};
inline constexpr size_t kSeqAt = 8;
inline constexpr size_t kHashAt = 16;
inline constexpr size_t kKeyIdAt = 48;
inline constexpr size_t kManifestSizeAt = 56;
inline constexpr size_t kMacAt = 64;
inline constexpr size_t kHeaderBytes = 96;

// The MAC of block `block` (above), through `mac` (the report-cache subkey).
Hash BlockMac(Mac& mac, size_t block, std::span<const int64_t> checkpoint, std::span<const uint32_t> counters,
              std::span<const int64_t> values);

// "SEQ-HASH16.bin": the name of the file of (seq, hash).
std::string FileName(uint64_t seq, const Hash& hash);
// The seq a file name says, when it is such a name.
std::optional<uint64_t> SeqOfFileName(std::string_view name);
// True for a temporary of WriteFileAtomically for a cache file.
bool IsTemporaryName(std::string_view name);

// What the header of the file at `path` says, not yet authenticated
// (ReportCacheView::Open does that); nullopt when it is not a regular file
// with a header of this version.
struct Header {
  uint64_t seq = 0;
  Hash hash{};
  uint64_t key_id = 0;
};
std::optional<Header> ReadHeader(const std::string& path);

}  // namespace tledger::cache_file

#endif  // TLEDGER_PROJECTIONS_REPORT_CACHE_FILE_H_
