#include "tools/verify/bundle_check.h"

#include <climits>
#include <cstring>
#include <functional>

#include <fmt/format.h>

#include "core/base64.h"
#include "core/bundle.h"
#include "core/checkpoint.h"
#include "core/codec.h"
#include "core/merkle.h"
#include "core/merkle_frontier.h"
#include "core/printable.h"
#include "projections/rulebook_version.h"
#include "tools/verify/bundle_outputs.h"

namespace tledger {
namespace {

using bundle::Bundle;
using bundle::Statement;

kj::ArrayPtr<const kj::byte> Bytes(std::string_view s) {
  return kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(s.data()), s.size());
}

Disagreement Disagree(Disagreeing what, std::string detail) { return Disagreement{what, std::move(detail)}; }

// One event's envelope, read once.
struct Envelope {
  uint64_t seq = 0;
  Timestamp recorded_at = 0;
  Hash prev{};
  std::string id;
};

std::optional<Disagreement> ReadEnvelope(EventDecoder& decoder, std::string_view bytes, std::string_view where,
                                         Envelope* out) {
  Result<schema::Event::Reader> ev = decoder.Decode(bytes);
  if (!ev.ok()) return Disagree(Disagreeing::kEvent, fmt::format("{} does not decode: {}", where, ev.status().message()));
  try {
    auto prev = ev->getPrevHash();
    if (prev.size() != 32) {
      return Disagree(Disagreeing::kEvent, fmt::format("{}: its previous-hash field holds {} bytes, not 32", where, prev.size()));
    }
    std::memcpy(out->prev.data(), prev.begin(), 32);
    out->seq = ev->getSeq();
    out->recorded_at = ev->getRecordedAt();
    out->id = std::string(ev->getId().cStr());
  } catch (const kj::Exception& e) {
    return Disagree(Disagreeing::kEvent, fmt::format("{} does not read: {}", where, Describe(e)));
  }
  return std::nullopt;
}

std::optional<Disagreement> CheckKnownAt(const Envelope& e, Timestamp previous, const Statement& s) {
  if (e.recorded_at > s.known_at) {
    return Disagree(Disagreeing::kEvent, fmt::format("event seq {} was recorded at {}, after the bundle's known-at {}",
                                                     e.seq, FormatInstant(e.recorded_at), FormatInstant(s.known_at)));
  }
  if (e.recorded_at < previous) {
    return Disagree(Disagreeing::kEvent, fmt::format("event seq {} was recorded at {}, before the event it follows ({})",
                                                     e.seq, FormatInstant(e.recorded_at), FormatInstant(previous)));
  }
  return std::nullopt;
}

// A full bundle's events: in seq order from 1, the chain unbroken; their
// tree's root and the chain's last hash into *root and *head.
std::optional<Disagreement> CheckEvents(const bundle::BundleEvents& events, const Statement& s, Hash* root, Hash* head) {
  EventDecoder decoder;
  ChainHasher chain;
  merkle::TreeHasher tree_hasher;
  merkle::Frontier frontier;
  std::vector<Hash> completed;
  Hash h = kGenesisHash;
  Timestamp previous = INT64_MIN;
  for (size_t i = 0; i < events.size(); ++i) {
    const uint64_t seq = i + 1;
    std::string_view bytes = events.bytes(i);
    Envelope e;
    if (auto d = ReadEnvelope(decoder, bytes, fmt::format("event {} of the bundle", seq), &e)) return d;
    if (e.seq != seq) {
      return Disagree(Disagreeing::kEvent, fmt::format("event {} of the bundle carries seq {}: an event was removed, "
                                                       "added or moved",
                                                       seq, e.seq));
    }
    if (e.prev != h) {
      return Disagree(Disagreeing::kEvent,
                      fmt::format("the chain breaks between seq {} and seq {}: event {} records the previous hash {}, "
                                  "and the bytes of event {} hash to {} (one of the two was changed)",
                                  seq - 1, seq, seq, ToHex(e.prev), seq - 1, ToHex(h)));
    }
    if (auto d = CheckKnownAt(e, previous, s)) return d;
    previous = e.recorded_at;
    h = chain.Next(h, Bytes(bytes));
    frontier.Append(tree_hasher.Leaf(bytes), tree_hasher, &completed);
  }
  *root = frontier.Root(tree_hasher);
  *head = h;
  return std::nullopt;
}

// A partial bundle's events: each hashes (from its own previous hash) to
// the chain hash it carries, and is known at the known-at.
std::optional<Disagreement> CheckEvidence(const std::vector<bundle::EvidenceEvent>& events, const Statement& s,
                                          std::vector<Hash>* leaves, std::vector<std::string>* ids) {
  EventDecoder decoder;
  ChainHasher chain;
  merkle::TreeHasher tree_hasher;
  Timestamp previous = INT64_MIN;
  for (const bundle::EvidenceEvent& ev : events) {
    Envelope e;
    if (auto d = ReadEnvelope(decoder, ev.bytes, fmt::format("evidence event seq {}", ev.seq), &e)) return d;
    if (e.seq != ev.seq) {
      return Disagree(Disagreeing::kEvent, fmt::format("evidence event seq {} carries seq {}", ev.seq, e.seq));
    }
    Hash own = chain.Next(e.prev, Bytes(ev.bytes));
    if (own != ev.chain_hash) {
      return Disagree(Disagreeing::kEvent, fmt::format("evidence event seq {}: its bytes hash to the chain hash {}, "
                                                       "and the bundle gives {} (the event was changed)",
                                                       ev.seq, ToHex(own), ToHex(ev.chain_hash)));
    }
    if (auto d = CheckKnownAt(e, previous, s)) return d;
    previous = e.recorded_at;
    leaves->push_back(tree_hasher.Leaf(ev.bytes));
    ids->push_back(e.id);
  }
  return std::nullopt;
}

// Whether `note`'s text is the checkpoint a note of this form would be
// (used to tell a changed body from a changed signature).
std::optional<Checkpoint> BodyOf(std::string_view message) {
  size_t split = message.rfind("\n\n");
  if (split == std::string_view::npos) return std::nullopt;
  Result<Checkpoint> c = ParseCheckpoint(message.substr(0, split + 1));
  if (!c.ok()) return std::nullopt;
  return *c;
}

note::Policy PolicyOf(const CheckPolicy& p) {
  return p.witnesses.empty() ? note::Policy::AllOf({p.key})
                             : note::Policy::WithWitnesses({p.key}, p.witnesses, p.witnesses_needed);
}

// The checkpoint, opened against the policy. `body_agrees` says whether a
// body is the one the events imply (to name a failed signature check
// either a changed body or a changed signature). *status is set for a
// policy that cannot be used.
std::optional<Disagreement> OpenCheckpoint(const Bundle& b, const CheckPolicy& policy,
                                           const std::function<bool(const Checkpoint&)>& body_agrees,
                                           BundleFacts* facts, Checkpoint* body, Status* status) {
  Result<note::Note> parsed = note::ParseNote(b.checkpoint);
  std::optional<Checkpoint> c = BodyOf(b.checkpoint);
  if (!parsed.ok()) {
    return Disagree(c ? Disagreeing::kSignature : Disagreeing::kNoteBody,
                    "the checkpoint is not a signed note: " + parsed.status().message());
  }
  Result<Checkpoint> checkpoint = ParseCheckpoint(parsed->text);
  if (!checkpoint.ok()) return Disagree(Disagreeing::kNoteBody, "the checkpoint's text: " + checkpoint.status().message());
  *body = *checkpoint;
  Result<note::VerifiedNote> opened = note::OpenNote(b.checkpoint, PolicyOf(policy));
  if (!opened.ok()) {
    if (opened.status().code() != Status::Code::kCorruption) {
      *status = opened.status();
      return std::nullopt;
    }
    const bool agrees = body->origin == policy.key.name && body_agrees(*body);
    return Disagree(agrees ? Disagreeing::kSignature : Disagreeing::kNoteBody,
                    agrees ? "the checkpoint's text is the one the events give, and its signatures do not meet the "
                             "policy: " + opened.status().message()
                           : "the checkpoint's text is not the one that was signed (" + opened.status().message() +
                                 "), and not the one the events give");
  }
  facts->signers = opened->verified;
  if (body->origin != policy.key.name) {
    return Disagree(Disagreeing::kNoteBody,
                    fmt::format("the checkpoint names the origin {}, and is signed by {}'s key: a ledger's checkpoints "
                                "are signed by the key named after its origin",
                                Quoted(body->origin), Quoted(policy.key.name)));
  }
  return std::nullopt;
}

Hash Sha256(std::string_view bytes) {
  ChainHasher hasher;
  return hasher.Digest(Bytes(bytes));
}

// The statement against the checkpoint, and the outputs against its digests.
std::optional<Disagreement> CheckStatement(const Bundle& b, const Statement& s, const CheckPolicy& policy,
                                           const Checkpoint& body, std::optional<Hash> head) {
  Result<note::VerifiedNote> opened = note::OpenNote(b.statement, note::Policy::AllOf({policy.key}));
  if (!opened.ok()) return Disagree(Disagreeing::kSignature, "the bundle's statement: " + opened.status().message());
  if (s.origin != body.origin || s.size != body.size || s.root != body.root) {
    return Disagree(Disagreeing::kStatement, fmt::format("the statement is of {} events of {} (root {}), and the "
                                                         "checkpoint of {} of {} (root {})",
                                                         s.size, Quoted(s.origin), Base64(s.root), body.size,
                                                         Quoted(body.origin), Base64(body.root)));
  }
  if (head && *head != s.head_hash) {
    return Disagree(Disagreeing::kStatement, fmt::format("the statement gives the chain hash {} for seq {}, and the "
                                                         "events {}",
                                                         ToHex(s.head_hash), s.size, ToHex(*head)));
  }
  return std::nullopt;
}

std::optional<Disagreement> CheckDigests(const Bundle& b, const Statement& s, bool recomputed) {
  // Outputs recomputed and equal, yet not the signed bytes: the statement
  // is what disagrees.
  if (Sha256(b.report) != s.report_digest) {
    return Disagree(recomputed ? Disagreeing::kStatement : Disagreeing::kReport,
                    "the report's bytes are not the ones the ledger's statement signs");
  }
  if (Sha256(b.violations) != s.violations_digest) {
    return Disagree(recomputed ? Disagreeing::kStatement : Disagreeing::kViolations,
                    "the violations' bytes are not the ones the ledger's statement signs");
  }
  // The hook for `tledger compensation` (tools/cli/bundle_command.cc): until
  // it exists, a bundle holding a compensation list was not made by tledger.
  if (!b.compensation.empty() || s.compensation_digest) {
    return Disagree(Disagreeing::kStatement, "a compensation list, which this version neither makes nor checks");
  }
  return std::nullopt;
}

}  // namespace

std::string_view Token(Disagreeing what) {
  switch (what) {
    case Disagreeing::kFormat: return "format";
    case Disagreeing::kEvent: return "event";
    case Disagreeing::kProofHash: return "proof-hash";
    case Disagreeing::kNoteBody: return "note-body";
    case Disagreeing::kSignature: return "signature";
    case Disagreeing::kRulebookVersion: return "rulebook-version";
    case Disagreeing::kReport: return "report";
    case Disagreeing::kViolations: return "violations";
    case Disagreeing::kStatement: return "statement";
  }
  return "?";
}

Result<BundleCheck> CheckBundle(std::string_view file, const CheckPolicy& policy) {
  BundleCheck out;
  auto disagree = [&](Disagreement d) -> Result<BundleCheck> {
    out.disagreement = std::move(d);
    return out;
  };
  bundle::ReadResult read = bundle::ReadBundle(file);
  if (read.error) {
    switch (read.error->failure) {
      case bundle::ReadFailure::kNotABundle: return read.error->status;
      case bundle::ReadFailure::kStructure: return disagree(Disagree(Disagreeing::kFormat, read.error->status.message()));
      case bundle::ReadFailure::kEvents: return disagree(Disagree(Disagreeing::kEvent, read.error->status.message()));
    }
  }
  const Bundle& b = *read.bundle;
  BundleFacts& facts = out.facts;
  facts.full = b.full;

  Result<note::Note> statement_note = note::ParseNote(b.statement);
  if (!statement_note.ok()) return disagree(Disagree(Disagreeing::kStatement, "the bundle's statement: " + statement_note.status().message()));
  Result<Statement> parsed = bundle::ParseStatement(statement_note->text);
  if (!parsed.ok()) return disagree(Disagree(Disagreeing::kStatement, parsed.status().message()));
  const Statement& s = *parsed;
  if (s.evidence.has_value() == b.full) {
    return disagree(Disagree(Disagreeing::kStatement, b.full ? "the statement names evidence, and the bundle holds every event"
                                                             : "the statement names no evidence, and the bundle holds only some events"));
  }
  facts.evidence = s.evidence;
  facts.as_of = s.as_of;
  facts.known_at = s.known_at;
  facts.plan = s.plan;
  facts.rulebook = s.rulebook;
  facts.made_by = fmt::format("tledger {} {}", s.tledger_version, s.tledger_build);

  Status policy_status;
  Checkpoint body;
  std::optional<Hash> head;
  if (b.full) {
    bundle::BundleEvents events(b.events);
    facts.events = events.size();
    Hash root, last;
    if (auto d = CheckEvents(events, s, &root, &last)) return disagree(*d);
    head = last;
    auto agrees = [&](const Checkpoint& c) { return c.size == events.size() && c.root == root; };
    if (auto d = OpenCheckpoint(b, policy, agrees, &facts, &body, &policy_status)) return disagree(*d);
    if (!policy_status.ok()) return policy_status;
    if (body.size != events.size() || body.root != root) {
      return disagree(Disagree(Disagreeing::kEvent,
                               fmt::format("the bundle's {} events have the tree root {}, and the signed checkpoint is "
                                           "of {} events with the root {}: events were changed, removed or added",
                                           events.size(), Base64(root), body.size, Base64(body.root))));
    }
  } else {
    std::vector<Hash> leaves;
    std::vector<std::string> ids;
    if (auto d = CheckEvidence(b.evidence, s, &leaves, &ids)) return disagree(*d);
    facts.events = b.evidence.size();
    for (const bundle::EvidenceEvent& e : b.evidence) facts.evidence_seqs.push_back(e.seq);
    // The root each proof leads to, in a tree of `size` leaves.
    auto root_of = [&](size_t i, uint64_t size) -> std::optional<Hash> {
      const bundle::EvidenceEvent& e = b.evidence[i];
      if (e.seq > size) return std::nullopt;
      Result<Hash> r = merkle::RootFromInclusionProof(e.seq - 1, size, leaves[i], e.proof);
      return r.ok() ? std::optional<Hash>(*r) : std::nullopt;
    };
    auto agrees = [&](const Checkpoint& c) {
      for (size_t i = 0; i < leaves.size(); ++i) {
        if (root_of(i, c.size) != c.root) return false;
      }
      return true;
    };
    if (auto d = OpenCheckpoint(b, policy, agrees, &facts, &body, &policy_status)) return disagree(*d);
    if (!policy_status.ok()) return policy_status;
    for (size_t i = 0; i < leaves.size(); ++i) {
      const bundle::EvidenceEvent& e = b.evidence[i];
      if (e.seq > body.size) {
        return disagree(Disagree(Disagreeing::kEvent, fmt::format("evidence event seq {} is past the checkpoint's {} "
                                                                  "events",
                                                                  e.seq, body.size)));
      }
      Status st = merkle::VerifyInclusion(e.seq - 1, body.size, leaves[i], e.proof, body.root);
      if (!st.ok()) {
        return disagree(Disagree(Disagreeing::kProofHash, fmt::format("the inclusion proof of evidence event seq {}: {}",
                                                                      e.seq, st.message())));
      }
      if (e.seq == body.size) head = e.chain_hash;
    }
  }
  facts.origin = body.origin;
  facts.size = body.size;
  facts.root = body.root;

  if (s.rulebook != RulebookVersion()) {
    return disagree(Disagree(Disagreeing::kRulebookVersion,
                             fmt::format("the bundle's outputs were computed by the rules {}, and this verifier "
                                         "reproduces the rules {}",
                                         Quoted(s.rulebook), Quoted(RulebookVersion()))));
  }
  if (auto d = CheckStatement(b, s, policy, body, head)) return disagree(*d);

  if (b.full) {
    bundle::BundleEvents events(b.events);
    if (auto d = CompareOutputs(events, s, b.report, b.violations, &facts.violations)) return disagree(*d);
  } else {
    if (auto d = CheckFinding(b, s, &facts)) return disagree(*d);
  }
  if (auto d = CheckDigests(b, s, b.full)) return disagree(*d);
  return out;
}

}  // namespace tledger
