// Checkpoints (https://c2sp.org/tlog-checkpoint): the text of the signed
// note that states the ledger's tree at a size.
//
//   dao-tao.cantho.gov.vn/tledger          origin: names the ledger
//   3                                      tree size: events 1..3
//   Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=    the root (base64)
//   [extension lines]                      optional, opaque
//
//   std::string text = FormatCheckpoint({origin, head.seq, root, {}}).value();
//   Result<note::Signature> sig = note::Sign(text, log_key);
//   Result<Checkpoint> c = ParseCheckpoint(verified.text);
//
// Parsing follows C2SP's MUSTs strictly: at least three lines, each ending
// in LF; a non-empty origin; the size in decimal without a leading zero
// (unless it is 0) and below 2^63 (Go's tlog sizes are int64); the root
// canonical base64 of 32 bytes; extension lines non-empty. The origin may
// hold anything but control characters when read (C2SP: clients must not
// assume its form); tledger only writes origins that are key names (no
// spaces, no '+'), so that the log's key can be named after its origin.
// Pure functions; thread-safe.
#ifndef TLEDGER_CORE_CHECKPOINT_H_
#define TLEDGER_CORE_CHECKPOINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger {

struct Checkpoint {
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  std::vector<std::string> extensions;
  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// The note text. InvalidInput when the origin is not a key name or an
// extension line is empty or holds a control character, or the size is
// 2^63 or more.
Result<std::string> FormatCheckpoint(const Checkpoint& checkpoint);

// The checkpoint in a note's text; InvalidInput naming the line and what it
// should hold.
Result<Checkpoint> ParseCheckpoint(std::string_view text);

}  // namespace tledger

#endif  // TLEDGER_CORE_CHECKPOINT_H_
