#include "tools/cli/proof_commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/base64.h"
#include "core/checkpoint.h"
#include "core/ledger_origin.h"
#include "core/merkle_proof.h"
#include "core/note.h"
#include "core/printable.h"
#include "core/proof_json.h"
#include "core/store.h"
#include "core/store_tree.h"
#include "core/verify.h"
#include "tools/cli/interim_files.h"
#include "tools/cli/key_file.h"
#include "tools/cli/report_commands.h"
#include "tools/cli/witness.h"

namespace tledger {
namespace {

constexpr size_t kMaxInputFile = 1 << 20;

// A note or proof file named on the command line.
Result<std::string> ReadInput(const char* option, const std::string& path) {
  Result<std::string> text = interim::ReadSmallFile(path, kMaxInputFile);
  if (!text.ok()) return Status::InvalidInput(fmt::format("{}: {}", option, text.status().message()));
  return text;
}

// Corruption and InvalidInput keep their code; the message gets a prefix.
Status Prefixed(const Status& s, std::string_view prefix) {
  std::string message = fmt::format("{}{}", prefix, s.message());
  switch (s.code()) {
    case Status::Code::kCorruption: return Status::Corruption(message);
    case Status::Code::kNotFound: return Status::NotFound(message);
    case Status::Code::kConflict: return Status::Conflict(message);
    case Status::Code::kUnavailable: return Status::Unavailable(message);
    case Status::Code::kIoError: return Status::IoError(message);
    default: return Status::InvalidInput(message);
  }
}

// The origin to sign under: the fixed one, or --origin fixed now.
Result<std::string> SigningOrigin(const Globals& g, const Store& store, const std::string& wanted) {
  Result<std::optional<std::string>> fixed = ReadOrigin(store);
  if (!fixed.ok()) return fixed.status();
  if (*fixed) {
    if (!wanted.empty() && wanted != **fixed) {
      return Status::Conflict(fmt::format("--origin {}: the ledger's origin is fixed already as {}, and never changes",
                                          Quoted(wanted), Quoted(**fixed)));
    }
    return **fixed;
  }
  if (wanted.empty()) {
    return Status::InvalidInput("the ledger has no origin yet: give --origin ORIGIN (such as "
                                "dao-tao.cantho.gov.vn/tledger) the first time; it is then fixed");
  }
  if (g.read_only) {
    return Status::InvalidInput("--origin: fixing the ledger's origin writes to the ledger, but --read-only was given");
  }
  Result<std::unique_ptr<Store>> writer = Store::Open(g.db, OpenMode::kWrite);
  if (!writer.ok()) return writer.status();
  TLEDGER_RETURN_IF_ERROR(FixOrigin(**writer, wanted));
  spdlog::info("the ledger's origin is now {}", Quoted(wanted));
  return wanted;
}

std::string SignerLabels(const note::VerifiedNote& v) {
  std::string signed_by, cosigned_by;
  for (const note::VerifiedSignature& s : v.verified) {
    std::string label = note::KeyLabel(s.key.name, s.key.id);
    if (s.timestamp) {
      std::string when = std::to_string(*s.timestamp);
      if (*s.timestamp < static_cast<uint64_t>(INT64_MAX / 1'000'000) &&
          InstantInRange(static_cast<Timestamp>(*s.timestamp) * 1'000'000)) {
        when = FormatInstant(static_cast<Timestamp>(*s.timestamp) * 1'000'000);
      }
      label += " at " + when;
      cosigned_by += (cosigned_by.empty() ? "" : ", ") + label;
    } else {
      signed_by += (signed_by.empty() ? "" : ", ") + label;
    }
  }
  return "signed by " + signed_by + (cosigned_by.empty() ? "" : "; cosigned by " + cosigned_by);
}

}  // namespace

Status CmdKeygen(const Globals& g, const KeygenArgs& a) {
  Result<note::SignerKey> key =
      note::SignerKey::Generate(a.name, a.witness ? note::KeyType::kCosignatureV1 : note::KeyType::kEd25519);
  if (!key.ok()) return Prefixed(key.status(), "NAME: ");
  TLEDGER_RETURN_IF_ERROR(WriteNewKeyFile(a.out, key->Format() + "\n"));
  spdlog::info("wrote the private key of {} to {} (mode 0600); publish the verifier key printed",
               note::KeyLabel(key->verifier().name, key->verifier().id), Quoted(a.out));
  return WriteOut(g, note::FormatVerifierKey(key->verifier()) + "\n");
}

Status CmdSignedCheckpoint(const Globals& g, const CheckpointArgs& c, const SignArgs& a) {
  if (c.format != "table") return Status::InvalidInput("--format: checkpoint --sign prints a signed note; leave --format out");
  Result<note::SignerKey> key = ReadSignerKey("--sign", a.key_file, note::KeyType::kEd25519);
  if (!key.ok()) return key.status();
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  // A checkpoint is only worth signing for a ledger that verifies.
  Result<VerifyReport> verified = Verify(**store, VerifyOptions{});
  if (!verified.ok()) return verified.status();
  Result<std::string> origin = SigningOrigin(g, **store, a.origin);
  if (!origin.ok()) return origin.status();
  if (key->verifier().name != *origin) {
    return Status::InvalidInput(fmt::format("--sign: the key is {}'s, and this ledger's checkpoints are signed by a key "
                                            "named after its origin {} (tledger keygen {} -o KEYFILE)",
                                            Quoted(key->verifier().name), Quoted(*origin), *origin));
  }
  Result<std::unique_ptr<merkle::HashSource>> tree = OpenTree(**store);
  if (!tree.ok()) return tree.status();
  Result<Hash> root = merkle::RootAt((*store)->head().seq, **tree);
  if (!root.ok()) return root.status();
  Result<std::string> text = FormatCheckpoint({*origin, (*store)->head().seq, *root, {}});
  if (!text.ok()) return text.status();
  Result<note::Signature> signature = note::Sign(*text, *key);
  if (!signature.ok()) return signature.status();
  return WriteOut(g, note::FormatNote({*text, {*signature}}));
}

Status CmdProve(const Globals& g, const ProveArgs& a) {
  const bool consistency = !a.consistency.empty();
  if (consistency == !a.seq.empty()) {
    return Status::InvalidInput("prove: give SEQ (an inclusion proof) or --consistency M N, one of the two");
  }
  if (consistency && !a.size.empty()) return Status::InvalidInput("--size: goes with SEQ; --consistency names both sizes");
  if (!consistency && a.seq[0] == 0) return Status::InvalidInput("SEQ: events are numbered from 1");
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  const uint64_t head = (*store)->head().seq;
  const uint64_t size = consistency ? a.consistency[1] : a.size.empty() ? head : a.size[0];
  if (size > head) {
    return Status::InvalidInput(fmt::format("{}: the ledger holds {} events, so there is no tree of {} yet",
                                            consistency ? "--consistency" : "--size", head, size));
  }
  if (consistency && (a.consistency[0] == 0 || a.consistency[0] > size)) {
    return Status::InvalidInput(fmt::format("--consistency {} {}: expected 0 < M <= N (every tree extends the empty "
                                            "one; there is nothing to prove from size 0)",
                                            a.consistency[0], size));
  }
  if (!consistency && a.seq[0] > size) {
    return Status::InvalidInput(
        fmt::format("SEQ {}: not in the tree of {} events (give --size N of at least {})", a.seq[0], size, a.seq[0]));
  }
  Result<std::unique_ptr<merkle::HashSource>> tree = OpenTree(**store);
  if (!tree.ok()) return tree.status();
  if (consistency) {
    Result<merkle::ConsistencyProof> p = merkle::ProveConsistency(a.consistency[0], size, **tree);
    if (!p.ok()) return p.status();
    return WriteOut(g, ConsistencyProofJson(*p));
  }
  Result<merkle::InclusionProof> p = merkle::ProveInclusion(a.seq[0] - 1, size, **tree);
  if (!p.ok()) return p.status();
  return WriteOut(g, InclusionProofJson(*p));
}

Status CmdVerifyCheckpoint(const Globals& g, const VerifyArgs& v, const CheckpointCheckArgs& a) {
  if (a.key.empty()) return Status::InvalidInput("--checkpoint: give the ledger's verifier key with --key");
  Result<note::VerifierKey> key = VerifierKeyArg("--key", a.key);
  if (!key.ok()) return key.status();
  std::vector<note::VerifierKey> witnesses;
  for (const std::string& w : a.witnesses) {
    Result<note::VerifierKey> wk = VerifierKeyArg("--witness", w);
    if (!wk.ok()) return wk.status();
    witnesses.push_back(*wk);
  }
  const size_t needed = a.needed.empty() ? witnesses.size() : a.needed[0];
  if (needed > witnesses.size()) {
    return Status::InvalidInput(fmt::format("--witnesses-needed {}: only {} --witness key{} given", needed,
                                            witnesses.size(), witnesses.size() == 1 ? "" : "s"));
  }
  Result<std::string> message = ReadInput("--checkpoint", a.note_file);
  if (!message.ok()) return message.status();
  note::Policy policy = witnesses.empty() ? note::Policy::AllOf({*key})
                                          : note::Policy::WithWitnesses({*key}, witnesses, needed);
  Result<note::VerifiedNote> opened = note::OpenNote(*message, policy);
  if (!opened.ok()) return Prefixed(opened.status(), "--checkpoint: ");
  Result<Checkpoint> c = ParseCheckpoint(opened->text);
  if (!c.ok()) return Prefixed(c.status(), "--checkpoint: the note is not a checkpoint: ");
  if (c->origin != key->name) {
    return Status::Corruption(fmt::format("--checkpoint: the checkpoint names the origin {}, and is signed by {}'s key: "
                                          "a ledger's checkpoints are signed by the key named after its origin",
                                          Quoted(c->origin), Quoted(key->name)));
  }

  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  Result<std::optional<std::string>> origin = ReadOrigin(**store);
  if (!origin.ok()) return origin.status();
  if (*origin && **origin != c->origin) {
    return Status::Corruption(fmt::format("--checkpoint: the checkpoint is of {}, and this ledger is {}",
                                          Quoted(c->origin), Quoted(**origin)));
  }
  const uint64_t head = (*store)->head().seq;
  if (c->size > head) {
    return Status::Corruption(fmt::format("--checkpoint: the checkpoint is of {} events, and the ledger holds {}: "
                                          "events signed for are gone (a rolled-back ledger), or it is another "
                                          "ledger's checkpoint",
                                          c->size, head));
  }
  Result<std::unique_ptr<merkle::HashSource>> tree = OpenTree(**store);
  if (!tree.ok()) return tree.status();
  Result<Hash> root = merkle::RootAt(c->size, **tree);
  if (!root.ok()) return root.status();
  if (*root != c->root) {
    return Status::Corruption(fmt::format("--checkpoint: the ledger's tree of {} events has the root {}, and the "
                                          "signed checkpoint {}: the ledger's first {} events are not the ones signed "
                                          "for",
                                          c->size, Base64(*root), Base64(c->root), c->size));
  }
  // The head's tree extends the checkpoint's: both roots come from the same
  // events (core/TREE.md, "How verify checks it"); the full verify then
  // checks those events and the rest of the ledger.
  TLEDGER_RETURN_IF_ERROR(CmdVerify(g, v));
  return WriteOut(g, fmt::format("checkpoint {} verified ({})\n", c->size, SignerLabels(*opened)));
}

Status CmdWitnessCosign(const Globals& g, const WitnessArgs& a) {
  Result<note::SignerKey> key = ReadSignerKey("--key", a.key_file, note::KeyType::kCosignatureV1);
  if (!key.ok()) return key.status();
  CosignRequest request;
  Result<std::string> message = ReadInput("NOTEFILE", a.note_file);
  if (!message.ok()) return message.status();
  request.note = std::move(*message);
  if (!a.proof_file.empty()) {
    Result<std::string> proof = ReadInput("--proof", a.proof_file);
    if (!proof.ok()) return proof.status();
    request.proof = std::move(*proof);
  }
  if (!a.log_key.empty()) {
    Result<note::VerifierKey> log_key = VerifierKeyArg("--log-key", a.log_key);
    if (!log_key.ok()) return log_key.status();
    request.log_key = *log_key;
  }
  request.now = static_cast<uint64_t>(Now() / 1'000'000);
  Result<CosignResult> r = Cosign(a.state, *key, request);
  if (!r.ok()) return r.status();
  spdlog::info("cosigned {} events of {}{}", r->size, Quoted(r->origin),
               r->previous_size ? fmt::format(" (cosigned {} before)", *r->previous_size) : "");
  return WriteOut(g, r->note);
}

void AddProofCommands(CLI::App& app, const Globals& g, ProofArgs& a, std::function<Status()>& run) {
  CLI::App* keygen = app.add_subcommand("keygen", "make a signing key; writes the private key (mode 0600), prints the verifier key");
  keygen->add_option("name", a.keygen.name, "the key's name: a ledger's key is named after its origin")->required();
  keygen->add_option("-o", a.keygen.out, "the private key file to create (never overwritten)")->required();
  keygen->add_flag("--witness", a.keygen.witness, "a witness's key (C2SP cosignature/v1) rather than a ledger's");
  keygen->callback([&] { run = [&] { return CmdKeygen(g, a.keygen); }; });

  CLI::App* prove = app.add_subcommand("prove", "an inclusion proof of event SEQ, or a consistency proof between two sizes (JSON)");
  prove->add_option("seq", a.prove.seq, "the event's seq")->expected(0, 1);
  prove->add_option("--size", a.prove.size, "the tree's size (default: the head)")->expected(1);
  prove->add_option("--consistency", a.prove.consistency, "M N: the tree of M events inside the one of N")->expected(2);
  prove->callback([&] { run = [&] { return CmdProve(g, a.prove); }; });

  CLI::App* witness = app.add_subcommand("witness", "a witness's commands");
  witness->require_subcommand(1);
  CLI::App* cosign = witness->add_subcommand("cosign", "cosign a signed checkpoint that extends the last one cosigned; refuse a rollback or a fork");
  cosign->add_option("--key", a.witness.key_file, "the witness's private key (keygen --witness)")->required();
  cosign->add_option("--state", a.witness.state, "the witness's state directory (created if missing)")->required();
  cosign->add_option("--log-key", a.witness.log_key, "the ledger's verifier key (or a file), the first time");
  cosign->add_option("note", a.witness.note_file, "the signed checkpoint to cosign")->required();
  cosign->add_option("--proof", a.witness.proof_file, "`tledger prove --consistency OLD NEW`'s output, when the tree grew");
  cosign->callback([&] { run = [&] { return CmdWitnessCosign(g, a.witness); }; });
}

}  // namespace tledger
