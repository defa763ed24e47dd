// `verify`: recompute the chain from the first event and check every record
// the store keeps against it.
//
//   VerifyOptions opt;
//   opt.anchors = {{1200, hash_written_down_last_month}};
//   Result<VerifyReport> r = Verify(store, opt);   // Corruption names the first bad seq
//
// What it proves (core/FORMAT.md, "Verification"):
// - events 1..head are all present, in order, each canonical and decodable,
//   each carrying its own seq and the chain hash of its predecessor;
// - the chain recomputed from H_0 ends in the head record's hash;
// - every anchor (a SEQ:HASH written down earlier, e.g. by `checkpoint`)
//   matches the recomputed chain: this is what catches a rewrite that
//   recomputed every later hash consistently;
// - the id index and the subject index hold exactly the entries the events
//   imply (order-independent keyed digests; on a mismatch the culprit is
//   found and named).
#ifndef TLEDGER_CORE_VERIFY_H_
#define TLEDGER_CORE_VERIFY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash_chain.h"
#include "core/status.h"
#include "core/store.h"

namespace tledger {

// A (seq, chain hash) pair known from outside the ledger.
struct Anchor {
  uint64_t seq;
  Hash hash;
};

// Parses `SEQ:HASH` (64 hex digits); InvalidInput otherwise.
Result<Anchor> ParseAnchor(std::string_view text);
// Parses a file of anchors, one per line; blank lines and `#` comments are
// skipped. InvalidInput names the file and line.
Result<std::vector<Anchor>> ReadAnchorFile(const std::string& path);
std::string FormatAnchor(const Anchor& a);

struct VerifyOptions {
  std::vector<Anchor> anchors;  // --expect-head and --anchors alike
  bool check_indexes = true;
};

struct VerifyReport {
  Head head;
  uint64_t events = 0;
  uint64_t id_entries = 0;
  uint64_t subject_entries = 0;
  // Events read again to resolve correction targets: one per correction,
  // however deep its chain (core/subjects.h).
  uint64_t target_reads = 0;
};

// Corruption, with a message that starts "seq N: " where one seq is to blame,
// for the first failure found. IoError when the store cannot be read.
Result<VerifyReport> Verify(const Store& store, const VerifyOptions& options);

}  // namespace tledger

#endif  // TLEDGER_CORE_VERIFY_H_
