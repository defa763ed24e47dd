#include "tools/cli/bundle_command.h"

#include <filesystem>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/base64.h"
#include "core/bundle.h"
#include "core/checkpoint.h"
#include "core/codec.h"
#include "core/ledger_origin.h"
#include "core/merkle_proof.h"
#include "core/note.h"
#include "core/printable.h"
#include "core/store.h"
#include "core/store_tree.h"
#include "core/verify.h"
#include "projections/report_cache.h"
#include "projections/rulebook_version.h"
#include "tools/cli/build_info.h"
#include "tools/cli/interim_files.h"
#include "tools/cli/key_file.h"
#include "tools/cli/ledger_view.h"
#include "tools/cli/report_commands.h"

namespace tledger {
namespace {

constexpr size_t kMaxNoteFile = 1 << 20;

Hash Sha256(std::string_view bytes) {
  ChainHasher hasher;
  return hasher.Digest(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
}

// The checkpoint the bundle carries: --checkpoint's, checked to be of
// exactly (size, root), or a fresh one.
Result<std::string> CheckpointNote(const BundleArgs& a, const note::SignerKey& key, const std::string& origin,
                                   uint64_t size, const Hash& root) {
  if (a.checkpoint.empty()) {
    Result<std::string> text = FormatCheckpoint({origin, size, root, {}});
    if (!text.ok()) return text.status();
    Result<note::Signature> signature = note::Sign(*text, key);
    if (!signature.ok()) return signature.status();
    return note::FormatNote({*text, {*signature}});
  }
  Result<std::string> message = interim::ReadSmallFile(a.checkpoint, kMaxNoteFile);
  if (!message.ok()) return Status::InvalidInput("--checkpoint: " + message.status().message());
  Result<note::VerifiedNote> opened = note::OpenNote(*message, note::Policy::AllOf({key.verifier()}));
  if (!opened.ok()) return Status::InvalidInput("--checkpoint: " + opened.status().message());
  Result<Checkpoint> c = ParseCheckpoint(opened->text);
  if (!c.ok()) return Status::InvalidInput("--checkpoint: " + c.status().message());
  if (c->origin != origin || c->size != size || c->root != root) {
    return Status::InvalidInput(fmt::format("--checkpoint: it is of {} events of {} (root {}), and the bundle needs the "
                                            "checkpoint of the {} events known at the bundle's known-at (root {})",
                                            c->size, Quoted(c->origin), Base64(c->root), size, Base64(root)));
  }
  return *message;
}

// The seqs of a partial bundle: the evidence events of the findings whose
// evidence is `event`, and the histories of their subjects and enrollments.
Result<std::set<uint64_t>> EvidenceSeqs(const Globals& g, const Store& store, const BundleArgs& a, Date as_of,
                                        Timestamp known_at, uint64_t size) {
  Result<std::unique_ptr<LedgerView>> view = LedgerView::Open(g.db, known_at);
  if (!view.ok()) return view.status();
  TLEDGER_RETURN_IF_ERROR((*view)->CheckPlan(a.plan));
  Outcome o = (*view)->Evaluate(ViewOptions{.as_of = as_of, .plan = a.plan});
  std::set<uint64_t> seqs;
  for (const Violation& v : o.violations) {
    if (v.event != a.evidence) continue;
    seqs.insert(v.seq);
    for (const std::string* id : {&v.subject, &v.enrollment}) {
      if (id->empty()) continue;
      for (uint64_t seq : store.SubjectSeqs(*id)) {
        if (seq <= size) seqs.insert(seq);
      }
    }
  }
  if (seqs.empty()) {
    return Status::NotFound(fmt::format("--evidence {}: no violation as of {} (known at {}) has this event as its "
                                        "evidence (`tledger violations --as-of {} --known-at {}` lists them)",
                                        Quoted(a.evidence), as_of.ToString(), FormatInstant(known_at),
                                        as_of.ToString(), FormatInstant(known_at)));
  }
  return seqs;
}

Result<bundle::EvidenceEvent> MakeEvidenceEvent(const Store& store, uint64_t seq, uint64_t size,
                                            const merkle::HashSource& tree) {
  Result<std::string> bytes = store.Get(seq);
  if (!bytes.ok()) return bytes.status();
  EventDecoder decoder;
  Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
  if (!ev.ok()) return Status::Corruption(fmt::format("event seq {}: {}", seq, ev.status().message()));
  Hash prev{};
  auto field = ev->getPrevHash();
  if (field.size() == 32) std::copy(field.begin(), field.end(), prev.begin());
  ChainHasher hasher;
  Result<merkle::InclusionProof> proof = merkle::ProveInclusion(seq - 1, size, tree);
  if (!proof.ok()) return proof.status();
  return bundle::EvidenceEvent{
      seq,
      hasher.Next(prev, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes->data()), bytes->size())),
      std::move(*bytes), std::move(proof->hashes)};
}

}  // namespace

Status CmdBundle(const Globals& g, const BundleArgs& a) {
  Result<Date> as_of = ParseDateArg(a.as_of);
  if (!as_of.ok()) return Status::InvalidInput("--as-of: " + as_of.status().message());
  std::optional<Timestamp> known_at_given;
  if (!a.known_at.empty()) {
    Result<Timestamp> t = ParseInstant(a.known_at);
    if (!t.ok()) return Status::InvalidInput("--known-at: " + t.status().message());
    known_at_given = *t;
  }
  Result<note::SignerKey> key = ReadSignerKey("--sign", a.key_file, note::KeyType::kEd25519);
  if (!key.ok()) return key.status();

  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  // Evidence is only worth handing over from a ledger that verifies.
  Result<VerifyReport> verified = Verify(**store, VerifyOptions{});
  if (!verified.ok()) return verified.status();
  Result<std::optional<std::string>> origin = ReadOrigin(**store);
  if (!origin.ok()) return origin.status();
  if (!*origin) {
    return Status::InvalidInput("the ledger has no origin yet: fix it once with `tledger checkpoint --sign KEYFILE "
                                "--origin ORIGIN`");
  }
  if (key->verifier().name != **origin) {
    return Status::InvalidInput(fmt::format("--sign: the key is {}'s, and this ledger's origin is {}",
                                            Quoted(key->verifier().name), Quoted(**origin)));
  }
  const Timestamp known_at = known_at_given.value_or((*store)->head().recorded_at);
  Result<Prefix> prefix = PrefixKnownAt(**store, known_at);
  if (!prefix.ok()) return prefix.status();
  const uint64_t size = prefix->seq;
  Result<std::unique_ptr<merkle::HashSource>> tree = OpenTree(**store);
  if (!tree.ok()) return tree.status();
  Result<Hash> root = merkle::RootAt(size, **tree);
  if (!root.ok()) return root.status();
  Result<std::string> checkpoint = CheckpointNote(a, *key, **origin, size, *root);
  if (!checkpoint.ok()) return checkpoint.status();

  // The outputs, exactly as `report` and `violations --format json` print
  // them for these options.
  ReportArgs ra{.as_of = as_of->ToString(), .known_at = FormatInstant(known_at), .plan = a.plan, .format = "json",
                .lang = "vi"};
  Result<std::string> report = ReportOutput(g, ra);
  if (!report.ok()) return report.status();
  Result<std::string> violations = ViolationsOutput(g, ra);
  if (!violations.ok()) return violations.status();

  bundle::Bundle b;
  b.checkpoint = *checkpoint;
  b.full = a.evidence.empty();
  if (b.full) {
    TLEDGER_RETURN_IF_ERROR((*store)->Scan(1, size, [&](uint64_t, std::string_view bytes) {
      bundle::EventListAppend(bytes, &b.events);
      return Status::Ok();
    }));
  } else {
    Result<std::set<uint64_t>> seqs = EvidenceSeqs(g, **store, a, *as_of, known_at, size);
    if (!seqs.ok()) return seqs.status();
    for (uint64_t seq : *seqs) {
      Result<bundle::EvidenceEvent> e = MakeEvidenceEvent(**store, seq, size, **tree);
      if (!e.ok()) return e.status();
      b.evidence.push_back(std::move(*e));
    }
  }
  b.report = std::move(*report);
  b.violations = std::move(*violations);
  // The compensation list (issue 13, item 5) stays empty until `tledger
  // compensation` exists: then b.compensation = its `--format json` output
  // for these options, s.compensation_digest = Sha256(b.compensation), and
  // tools/verify/bundle_outputs.cc recomputes it as it does the report
  // (core/TREE.md, "Where the second part stands").

  bundle::Statement s{.origin = **origin,
                      .size = size,
                      .root = *root,
                      .head_hash = prefix->hash,
                      .as_of = *as_of,
                      .known_at = known_at,
                      .lang = ra.lang,
                      .rulebook = RulebookVersion(),
                      .tledger_version = std::string(TledgerVersion()),
                      .tledger_build = std::string(TledgerBuild()),
                      .report_digest = Sha256(b.report),
                      .violations_digest = Sha256(b.violations)};
  if (!b.full) s.evidence = a.evidence;
  if (!a.plan.empty()) s.plan = a.plan;
  Result<std::string> text = bundle::FormatStatement(s);
  if (!text.ok()) return text.status();
  Result<note::Signature> signature = note::Sign(*text, *key);
  if (!signature.ok()) return signature.status();
  b.statement = note::FormatNote({*text, {*signature}});

  // The outputs were computed from their own reads of the ledger: they are
  // of these `size` events only if no import known at T landed meanwhile.
  Result<std::unique_ptr<Store>> again = Store::Open(g.db, OpenMode::kRead);
  if (!again.ok()) return again.status();
  Result<Prefix> after = PrefixKnownAt(**again, known_at);
  if (!after.ok()) return after.status();
  if (after->seq != size || after->hash != prefix->hash) {
    return Status::Unavailable(fmt::format("an import recorded at or before {} committed while the bundle was made "
                                           "({} events known then, now {}): run bundle again",
                                           FormatInstant(known_at), size, after->seq));
  }

  Result<std::string> file = bundle::WriteBundle(b);
  if (!file.ok()) return file.status();
  std::filesystem::path out(a.out);
  std::string dir = out.has_parent_path() ? out.parent_path().string() : ".";
  TLEDGER_RETURN_IF_ERROR(interim::WriteFileAtomically(nullptr, dir, out.filename().string(), {*file}, 0644));
  std::string holds = b.full ? fmt::format("all {} events", size)
                             : fmt::format("{} events of the evidence of {}, with their inclusion proofs",
                                           b.evidence.size(), Quoted(a.evidence));
  return WriteOut(g, fmt::format("bundle {}: {} known at {}, checkpoint {} of {}; report and violations as of {}{}\n",
                                 a.out, holds, FormatInstant(known_at), size, **origin, as_of->ToString(),
                                 a.plan.empty() ? "" : " for plan " + Quoted(a.plan)));
}

void AddBundleCommand(CLI::App& app, const Globals& g, BundleArgs& a, std::function<Status()>& run) {
  CLI::App* cmd = app.add_subcommand("bundle", "write an evidence bundle: the events, a signed checkpoint and the "
                                               "report, checked offline by tledger-verify");
  cmd->add_option("--as-of", a.as_of, "the report's as-of date, YYYY-MM-DD or dd/mm/yyyy")->required();
  cmd->add_option("--known-at", a.known_at, "the ledger as known at this instant (default: its last recorded event)");
  cmd->add_option("--plan", a.plan, "only what concerns this plan");
  cmd->add_option("--evidence", a.evidence, "a partial bundle: the evidence and history of the violation(s) whose "
                                            "evidence is this event, with inclusion proofs");
  cmd->add_option("--sign", a.key_file, "the ledger's key file (its name the ledger's origin)")->required();
  cmd->add_option("--checkpoint", a.checkpoint, "a signed (cosigned) checkpoint of the known-at head to carry");
  cmd->add_option("-o", a.out, "the bundle file to write")->required();
  cmd->callback([&] { run = [&] { return CmdBundle(g, a); }; });
}

}  // namespace tledger
