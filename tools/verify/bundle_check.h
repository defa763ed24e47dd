// What tledger-verify checks in an evidence bundle (core/bundle.h), and the
// first disagreement it finds, by class (core/FORMAT.md, "Evidence bundles",
// "What tledger-verify checks").
//
//   Result<BundleCheck> c = CheckBundle(file, {.key = ledger_key});
//   if (!c.ok()) ...                        // not a bundle, or a policy that names no key: exit 1
//   if (c->disagreement) ...                // exit 3, naming c->disagreement->what
//   else summary(c->facts)                  // exit 0
//
// The checks, in this order, so that one changed byte is named by its
// class: the bundle's form; the events (each decodes, in seq order, known
// at the known-at, the chain unbroken; a partial bundle's each hashing to
// the chain hash it carries); the checkpoint (its body against the events'
// tree, its signatures against the policy; a partial bundle's inclusion
// proofs); the rulebook version against this build's; the statement's
// signature and its agreement with the checkpoint; the outputs (a full
// bundle's recomputed from the events and compared byte for byte; a
// partial one's finding found in the signed violations); the outputs
// against the digests the statement signs. Pure: no I/O.
#ifndef TLEDGER_TOOLS_VERIFY_BUNDLE_CHECK_H_
#define TLEDGER_TOOLS_VERIFY_BUNDLE_CHECK_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/hash_chain.h"
#include "core/note.h"
#include "core/status.h"

namespace tledger {

// The classes of disagreement (core/FORMAT.md lists what each covers).
enum class Disagreeing : uint8_t {
  kFormat,           // the bundle's sections
  kEvent,            // an event (or the events section)
  kProofHash,        // a hash of an inclusion proof
  kNoteBody,         // the checkpoint's text
  kSignature,        // a signature (the checkpoint's, a witness's, the statement's)
  kRulebookVersion,  // the rules the report was computed by
  kReport,           // the report's numbers
  kViolations,       // the violations
  kStatement,        // the statement's parameters, provenance and digests
};
// "event", "proof-hash", ...: the class as tledger-verify names it in both
// languages (a fixed token that scripts can match).
std::string_view Token(Disagreeing what);

struct Disagreement {
  Disagreeing what;
  std::string detail;  // English, what differs and where
};

struct CheckPolicy {
  note::VerifierKey key;                   // the ledger's
  std::vector<note::VerifierKey> witnesses;
  size_t witnesses_needed = 0;
};

// What a bundle that checks out says, for the summary.
struct BundleFacts {
  bool full = true;
  std::string origin;
  uint64_t size = 0;
  Hash root{};
  std::vector<note::VerifiedSignature> signers;  // the checkpoint's, in its order
  uint64_t events = 0;                           // held by the bundle
  std::optional<std::string> evidence;
  std::vector<uint64_t> evidence_seqs;
  std::vector<std::string> evidence_rules;       // the findings of that evidence, as the violations name them
  Date as_of;
  Timestamp known_at = 0;
  std::optional<std::string> plan;
  size_t violations = 0;                         // in the (recomputed, or signed) violations
  std::string rulebook;
  std::string made_by;                           // "tledger VERSION BUILD"
};

struct BundleCheck {
  std::optional<Disagreement> disagreement;
  BundleFacts facts;  // as far as the checks got
};

// InvalidInput when `file` is not a bundle at all or the policy cannot be
// used (core/note.h OpenNote); otherwise the outcome above.
Result<BundleCheck> CheckBundle(std::string_view file, const CheckPolicy& policy);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_VERIFY_BUNDLE_CHECK_H_
