// Evidence bundles (core/FORMAT.md, "Evidence bundles"): one file that lets
// someone without the ledger check a report against a signed checkpoint.
//
//   tledger-bundle/v1\n
//   checkpoint <n>\n <the signed (and cosigned) checkpoint note> \n
//   statement <n>\n  <the ledger's signed statement: parameters, provenance, digests> \n
//   events <n>\n     <a zstd frame: every event 1..size, each 4-byte big-endian length + canonical bytes> \n
//     or evidence <n>\n <a zstd frame: some events, each with its seq, chain hash and inclusion proof> \n
//   report <n>\n     <`tledger report --format json`'s output> \n
//   violations <n>\n <`tledger violations --format json`'s output> \n
//   compensation <n>\n <`tledger compensation --format json`'s output; empty: none in this version> \n
//
//   std::string file = WriteBundle(bundle).value();
//   Result<Bundle> b = ReadBundle(file);            // the structure only: nothing is trusted yet
//   BundleEvents events(b->events);                 // an EventSource for the projections
//
// Reading checks the form (sections, lengths, the zstd frames, the records)
// and nothing else: signatures, the tree and the outputs are checked by
// tledger-verify (tools/verify/). Pure functions; thread-safe.
#ifndef TLEDGER_CORE_BUNDLE_H_
#define TLEDGER_CORE_BUNDLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/event_source.h"
#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger::bundle {

// The first line of every bundle, and of every bundle statement.
inline constexpr char kMagic[] = "tledger-bundle/v1";
// The most decompressed bytes a section may hold (a bundle is read whole).
inline constexpr uint64_t kMaxSectionBytes = uint64_t{4} << 30;

// The statement: the text of a signed note, one "key value" per line, in
// this order ((opt): present only when it applies).
//
//   tledger-bundle/v1
//   origin <the checkpoint's origin>
//   size <the checkpoint's size: the events known at known-at>
//   root <the checkpoint's root, base64>
//   head <size>:<chain hash of event size, hex>       (as `tledger checkpoint` prints it)
//   evidence <event id>                               (opt: a partial bundle)
//   as-of <YYYY-MM-DD>
//   known-at <RFC 3339>
//   plan <plan id>                                    (opt: --plan)
//   lang <vi|en>                                      (the violations' detail)
//   rulebook <the rules' version: projections/rulebook_version.h>
//   tledger <version> <build>
//   report <SHA-256 of the report section, base64>
//   violations <SHA-256 of the violations section, base64>
//   compensation <SHA-256 of the compensation section, base64, or "none">
struct Statement {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  Hash head_hash{};
  std::optional<std::string> evidence;
  Date as_of;
  Timestamp known_at = 0;
  std::optional<std::string> plan;
  std::string lang = "vi";
  std::string rulebook;
  std::string tledger_version;
  std::string tledger_build;
  Hash report_digest{};
  Hash violations_digest{};
  std::optional<Hash> compensation_digest;
  friend bool operator==(const Statement&, const Statement&) = default;
};

// The text. InvalidInput when a value could not be read back (empty, a
// control character, a line break).
Result<std::string> FormatStatement(const Statement& statement);
// InvalidInput naming the line and what it should hold.
Result<Statement> ParseStatement(std::string_view text);

// An event of a partial bundle, with its chain hash H_seq and its inclusion
// proof in the checkpoint's tree.
struct EvidenceEvent {
  uint64_t seq = 0;
  Hash chain_hash{};
  std::string bytes;
  std::vector<Hash> proof;
  friend bool operator==(const EvidenceEvent&, const EvidenceEvent&) = default;
};

struct Bundle {
  std::string checkpoint;  // the signed note
  std::string statement;   // the signed note
  bool full = true;        // events, or evidence
  // full: the events section decompressed: per event, a 4-byte big-endian
  // length then the canonical bytes (EventListAppend).
  std::string events;
  std::vector<EvidenceEvent> evidence;  // partial: in increasing seq order
  std::string report;
  std::string violations;
  std::string compensation;
};

// Adds one event to a full bundle's event list.
void EventListAppend(std::string_view canonical, std::string* events);

// The file. InvalidInput when a section cannot be written (an event over
// 4 GiB, a proof over 255 hashes, a section over kMaxSectionBytes).
Result<std::string> WriteBundle(const Bundle& bundle);

// What ReadBundle refuses, so that tledger-verify can name it.
enum class ReadFailure : uint8_t {
  kNotABundle,  // no magic line: some other file (InvalidInput)
  kStructure,   // the sections, their names, order or lengths (Corruption)
  kEvents,      // the events or evidence section does not decompress or parse (Corruption)
};
struct ReadError {
  ReadFailure failure;
  Status status;
};
// The bundle in `file`, or what is wrong with its form.
struct ReadResult {
  std::optional<Bundle> bundle;
  std::optional<ReadError> error;
};
ReadResult ReadBundle(std::string_view file);

// A full bundle's events as an EventSource: ScanEvents decodes them in
// order (Corruption naming the seq when one does not decode). head() is the
// last event's seq, its chain hash (recomputed from its own prevHash field
// and bytes) and recorded_at; for an empty list, seq 0. `events` must
// outlive the object and be a well-formed event list (ReadBundle checks).
class BundleEvents : public EventSource {
 public:
  explicit BundleEvents(std::string_view events);

  // The number of events and their canonical bytes, by position.
  size_t size() const { return offsets_.size(); }
  std::string_view bytes(size_t i) const;

  Head head() const override;
  Status ScanEvents(uint64_t from, uint64_t to, const EventFn& fn) const override;
  // ScanEvents from seq 1 with the chain recomputed from H_0, ending at
  // head().hash (EventSource::ScanChain). head() is derived from the last
  // event itself, so an altered last event chains here: tledger-verify
  // checks it against the signed tree root and the statement's head.
  Status ScanChain(const EventFn& fn) const override;

 private:
  std::string_view events_;
  std::vector<size_t> offsets_;  // of each event's length prefix
};

}  // namespace tledger::bundle

#endif  // TLEDGER_CORE_BUNDLE_H_
