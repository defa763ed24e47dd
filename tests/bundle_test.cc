// Evidence bundles end to end: `tledger bundle` writes one, tledger-verify
// checks it without the ledger (from a directory holding only the bundle and
// the verifier key), and every class of byte in a bundle, changed, makes
// tledger-verify exit 3 naming that class (core/FORMAT.md, "Evidence
// bundles").
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/base64.h"
#include "core/bundle.h"
#include "core/codec.h"
#include "core/note.h"
#include "core/verify.h"
#include "projections/replay.h"
#include "projections/rulebook_version.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kOrigin[] = "dao-tao.cantho.gov.vn/tledger";
constexpr char kAsOf[] = "2028-12-31";

RunResult Verifier(const std::vector<std::string>& args, const std::string& cwd = "") {
  std::vector<std::string> argv{TLEDGER_VERIFY_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProgram(argv, {.cwd = cwd});
}

bundle::Bundle Read(const std::string& path) {
  bundle::ReadResult r = bundle::ReadBundle(ReadFile(path));
  if (r.error) DieWith("reading the bundle", r.error->status);
  return std::move(*r.bundle);
}
std::string IdOf(std::string_view bytes) {
  EventDecoder decoder;
  return std::string(ValueOrDie(decoder.Decode(bytes), "event").getId().cStr());
}

void Write(const std::string& path, const bundle::Bundle& b) { WriteFile(path, ValueOrDie(bundle::WriteBundle(b), "bundle")); }

// The sample ledger, its key and origin fixed, and its bundles.
class Bundles : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    RunResult k = Tledger(db_, {"keygen", kOrigin, "-o", key_});
    ASSERT_EQ(k.exit_code, 0) << k.err;
    vkey_ = k.out.substr(0, k.out.size() - 1);
    WriteFile(tmp_ / "ledger.vkey", k.out);
    ASSERT_EQ(Tledger(db_, {"checkpoint", "--sign", key_, "--origin", kOrigin}).exit_code, 0);
  }

  std::string MakeBundle(const std::string& name, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"bundle", "--as-of", kAsOf, "--sign", key_, "-o", tmp_ / name};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return tmp_ / name;
  }

  // tledger-verify on `path`: exit 3, and the class it names.
  std::string Disagreement(const std::string& path, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--key", vkey_, "--lang", "en"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(path);
    RunResult r = Verifier(args);
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    const std::string prefix = "tledger-verify: DISAGREEMENT [";
    EXPECT_EQ(r.err.substr(0, prefix.size()), prefix) << r.err;
    size_t end = r.err.find(']');
    return end == std::string::npos ? r.err : r.err.substr(prefix.size(), end - prefix.size());
  }

  TempDir tmp_;
  std::string db_;
  std::string key_ = tmp_ / "ledger.key";
  std::string vkey_;
};

TEST_F(Bundles, AFullBundleChecksOutFromADirectoryHoldingOnlyItAndTheKey) {
  const std::string path = MakeBundle("sample.bundle");
  TempDir empty;
  fs::copy_file(path, empty / "sample.bundle");
  fs::copy_file(tmp_ / "ledger.vkey", empty / "ledger.vkey");
  RunResult r = Verifier({"--key", "ledger.vkey", "sample.bundle"}, empty.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[0], "tledger-verify: gói bằng chứng hợp lệ, mọi kiểm tra đều khớp");
  EXPECT_EQ(lines[3], "  sự kiện: đủ 24 sự kiện, chuỗi băm liền mạch; gốc cây tính lại khớp với checkpoint đã ký");
  EXPECT_EQ(lines[5], "  vi phạm: 5, tính lại, khớp từng byte");
  EXPECT_EQ(lines[6].rfind("  bộ quy tắc " + RulebookVersion() + "; lập bởi tledger 0.1.0 git ", 0), 0u) << lines[6];
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(empty.path())) files += entry.is_regular_file();
  EXPECT_EQ(files, 2u);  // it wrote nothing beside them

  RunResult en = Verifier({"--key", vkey_, "--lang", "en", path});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_EQ(Lines(en.out)[0], "tledger-verify: the evidence bundle checks out; every check agrees");
  EXPECT_EQ(Lines(en.out)[4].substr(0, 30), "  report as of 2028-12-31, kno");
}

TEST_F(Bundles, HoldsTheOutputsExactlyAsTheLedgerPrintsThem) {
  const std::string path = MakeBundle("sample.bundle");
  bundle::Bundle b = Read(path);
  bundle::Statement s = ValueOrDie(bundle::ParseStatement(note::ParseNote(b.statement)->text), "statement");
  const std::string known = FormatInstant(s.known_at);
  RunResult report = Tledger(db_, {"report", "--as-of", kAsOf, "--known-at", known, "--format", "json"});
  RunResult violations = Tledger(db_, {"violations", "--as-of", kAsOf, "--known-at", known, "--format", "json"});
  EXPECT_EQ(b.report, report.out);
  EXPECT_EQ(b.violations, violations.out);
  // Without --known-at: the recorded_at of the last event, as report prints.
  EXPECT_EQ(b.report, Tledger(db_, {"report", "--as-of", kAsOf, "--format", "json"}).out);
  EXPECT_EQ(b.compensation, "");
  EXPECT_TRUE(b.full);
  bundle::BundleEvents events(b.events);
  ASSERT_EQ(events.size(), 24u);
  RawLedger raw(db_);
  for (uint64_t seq = 1; seq <= 24; ++seq) EXPECT_EQ(events.bytes(seq - 1), raw.EventBytes(seq));
  EXPECT_EQ(s.origin, kOrigin);
  EXPECT_EQ(s.size, 24u);
  EXPECT_EQ(s.as_of.ToString(), kAsOf);
  EXPECT_EQ(s.rulebook, RulebookVersion());
  EXPECT_EQ(s.tledger_version, "0.1.0");
  EXPECT_EQ(s.tledger_build.substr(0, 4), "git ");
  EXPECT_EQ(FormatAnchor(Anchor{s.size, s.head_hash}), Checkpoint(db_));
}

TEST_F(Bundles, AKnownAtBeforeTheLastImportBundlesThePrefixKnownThen) {
  bundle::Statement before = ValueOrDie(
      bundle::ParseStatement(note::ParseNote(Read(MakeBundle("a.bundle")).statement)->text), "statement");
  MakeLedger(db_, {DataPath("persons.jsonl")});
  const std::string path = MakeBundle("b.bundle", {"--known-at", FormatInstant(before.known_at)});
  bundle::Bundle b = Read(path);
  EXPECT_EQ(bundle::BundleEvents(b.events).size(), 24u);
  RunResult r = Verifier({"--key", vkey_, path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // And the whole ledger now: 26 events.
  EXPECT_EQ(bundle::BundleEvents(Read(MakeBundle("c.bundle")).events).size(), 26u);
  EXPECT_EQ(Verifier({"--key", vkey_, tmp_ / "c.bundle"}).exit_code, 0);
}

TEST_F(Bundles, APlanBundleChecksOut) {
  const std::string path = MakeBundle("plan.bundle", {"--plan", "HG-2025"});
  RunResult r = Verifier({"--key", vkey_, "--lang", "en", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(", plan \"HG-2025\", known at "), std::string::npos) << r.out;
}

TEST_F(Bundles, APartialBundleProvesItsEventsAndSaysWhatItCannot) {
  const std::string path = MakeBundle("finding.bundle", {"--evidence", "s-l1"});
  bundle::Bundle b = Read(path);
  EXPECT_FALSE(b.full);
  ASSERT_GE(b.evidence.size(), 2u);
  TempDir empty;
  fs::copy_file(path, empty / "finding.bundle");
  fs::copy_file(tmp_ / "ledger.vkey", empty / "ledger.vkey");
  RunResult r = Verifier({"--key", "ledger.vkey", "--lang", "en", "finding.bundle"}, empty.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;
  EXPECT_EQ(lines[0], "tledger-verify: the partial evidence bundle checks out; every check agrees");
  EXPECT_EQ(lines[4], "  findings on that evidence: SERVICE_BREACH (among the 5 violations as of 2028-12-31 the ledger signs)");
  EXPECT_EQ(lines[5], "  note: a partial bundle proves that the events above are in the ledger at this checkpoint, unaltered; it "
                      "cannot prove that no other event bears on them (completeness). The report and violations are the "
                      "ledger's signed statement, not recomputed; a full bundle (without --evidence) recomputes them");

  RunResult missing = Tledger(db_, {"bundle", "--as-of", kAsOf, "--evidence", "s-u1", "--sign", key_, "-o", tmp_ / "x"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("--evidence \"s-u1\": no violation as of 2028-12-31"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(tmp_ / "x"));
}

TEST_F(Bundles, AWitnessPolicyIsEnforcedOnTheBundlesCheckpoint) {
  RunResult w = Tledger(db_, {"keygen", "thanhtra.cantho.gov.vn/witness", "-o", tmp_ / "w.key", "--witness"});
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const std::string witness = w.out.substr(0, w.out.size() - 1);
  RunResult cp = Tledger(db_, {"checkpoint", "--sign", key_});
  WriteFile(tmp_ / "cp.note", cp.out);
  RunResult cosigned = Tledger(db_, {"witness", "cosign", "--key", tmp_ / "w.key", "--state", tmp_ / "state",
                                     "--log-key", vkey_, tmp_ / "cp.note"});
  ASSERT_EQ(cosigned.exit_code, 0) << cosigned.err;
  WriteFile(tmp_ / "cosigned.note", cosigned.out);

  const std::string plain = MakeBundle("plain.bundle");
  EXPECT_EQ(Disagreement(plain, {"--witness", witness}), "signature");
  const std::string with = MakeBundle("cosigned.bundle", {"--checkpoint", tmp_ / "cosigned.note"});
  RunResult r = Verifier({"--key", vkey_, "--witness", witness, "--lang", "en", with});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("; cosigned (witnesses) by thanhtra.cantho.gov.vn/witness+"), std::string::npos) << r.out;
}

// ------------------------------------------------------------ tampering

// Changes the first occurrence of `from` in section bytes to `to` (same length).
void Replace(std::string* s, std::string_view from, std::string_view to) {
  ASSERT_EQ(from.size(), to.size());
  size_t at = s->find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s->replace(at, from.size(), to);
}

// A replay over a bundle's events recomputes their chain, as over the store.
TEST_F(Bundles, ReplayingABundlesEventsRecomputesTheChain) {
  bundle::Bundle b = Read(MakeBundle("t.bundle"));
  {
    bundle::BundleEvents events(b.events);
    ASSERT_TRUE(Replay(events, INT64_MAX).ok());
  }
  const std::string name = "Thành phố Vị Thanh";
  size_t altered = 0;
  {
    bundle::BundleEvents events(b.events);
    while (altered < events.size() && events.bytes(altered).find(name) == std::string_view::npos) ++altered;
    ASSERT_LT(altered + 1, events.size());  // not the last event
  }
  Replace(&b.events, name, "Thành phố Vị Thanx");
  bundle::BundleEvents events(b.events);
  Result<Timeline> replayed = Replay(events, INT64_MAX);
  ASSERT_FALSE(replayed.ok());
  EXPECT_EQ(replayed.status().code(), Status::Code::kCorruption);
  EXPECT_EQ(replayed.status().message(), "event seq " + std::to_string(altered + 2) +
                                             " does not chain: its previous hash is not the hash of the events before it");
}

TEST_F(Bundles, AChangedEventIsNamed) {
  const std::string path = MakeBundle("t.bundle");
  bundle::Bundle b = Read(path);
  Replace(&b.events, "Thành phố Vị Thanh", "Thành phố Vị Thanx");
  Write(tmp_ / "event.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "event.bundle"), "event");
  // The last event: no later event records its hash, the tree shows it.
  b = Read(path);
  bundle::BundleEvents events(b.events);
  std::string last(events.bytes(23));
  std::string changed = last;
  changed[changed.size() - 2] ^= 1;
  Replace(&b.events, last, changed);
  Write(tmp_ / "last.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "last.bundle"), "event");
  // The last event made another valid one (another person): it decodes and
  // its chain link holds; the tree root the checkpoint signs shows it.
  b = Read(path);
  std::string other_person = last;
  Replace(&other_person, "HG-000999", "HG-000998");
  Replace(&b.events, last, other_person);
  Write(tmp_ / "last-valid.bundle", b);
  RunResult r = Verifier({"--key", vkey_, "--lang", "en", tmp_ / "last-valid.bundle"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.rfind("tledger-verify: DISAGREEMENT [event] an event: the bundle's 24 events have the tree root ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(": events were changed, removed or added"), std::string::npos) << r.err;
  // A byte of the compressed section.
  std::string file = ReadFile(path);
  size_t at = file.find("\nevents ");
  at = file.find('\n', at + 1) + 40;
  file[at] ^= 0x10;
  WriteFile(tmp_ / "zstd.bundle", file);
  EXPECT_EQ(Disagreement(tmp_ / "zstd.bundle"), "event");
  // An event removed.
  b = Read(path);
  b.events.erase(0, 4 + bundle::BundleEvents(b.events).bytes(0).size());
  Write(tmp_ / "removed.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "removed.bundle"), "event");
}

TEST_F(Bundles, AChangedNoteBodyOrSignatureIsNamed) {
  const std::string path = MakeBundle("t.bundle");
  bundle::Bundle b = Read(path);
  const std::string note = b.checkpoint;
  // The body: the size, then the root.
  Replace(&b.checkpoint, "\n24\n", "\n23\n");
  Write(tmp_ / "size.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "size.bundle"), "note-body");
  b.checkpoint = note;
  size_t root = note.find("\n24\n") + 4;
  b.checkpoint[root + 3] = note[root + 3] == 'A' ? 'B' : 'A';
  Write(tmp_ / "root.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "root.bundle"), "note-body");
  // The signature.
  b.checkpoint = note;
  size_t sig = note.rfind(' ') + 10;
  b.checkpoint[sig] = note[sig] == 'A' ? 'B' : 'A';
  Write(tmp_ / "sig.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "sig.bundle"), "signature");
  // The statement's signature.
  b = Read(path);
  sig = b.statement.rfind(' ') + 10;
  b.statement[sig] = b.statement[sig] == 'A' ? 'B' : 'A';
  Write(tmp_ / "statement-sig.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "statement-sig.bundle"), "signature");
  // Checked with another key of the same name: the signature is not its.
  RunResult other = Tledger(db_, {"keygen", kOrigin, "-o", tmp_ / "other.key"});
  RunResult r = Verifier({"--key", other.out.substr(0, other.out.size() - 1), "--lang", "en", path});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "tledger-verify: DISAGREEMENT [signature] a signature: the checkpoint's text is the one the events "
                   "give, and its signatures do not meet the policy: no key the policy names signed the note\n");
}

TEST_F(Bundles, ChangedReportNumbersViolationsOrRulebookVersionAreNamed) {
  const std::string path = MakeBundle("t.bundle");
  bundle::Bundle b = Read(path);
  Replace(&b.report, "\"enrolled\": 1", "\"enrolled\": 2");
  Write(tmp_ / "report.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "report.bundle"), "report");
  b = Read(path);
  Replace(&b.violations, "SERVICE_BREACH", "SERVICE_BREECH");
  Write(tmp_ / "violations.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "violations.bundle"), "violations");
  b = Read(path);
  Replace(&b.statement, "rulebook " + RulebookVersion(), "rulebook " + RulebookVersion().substr(0, RulebookVersion().size() - 1) + "9");
  Write(tmp_ / "rulebook.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "rulebook.bundle"), "rulebook-version");
  // The statement's as-of: its signature no longer holds.
  b = Read(path);
  Replace(&b.statement, "as-of 2028-12-31", "as-of 2027-12-31");
  Write(tmp_ / "as-of.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "as-of.bundle"), "signature");
  // The structure: the report section's header (the statement, before
  // it, has a line "report ..." too).
  std::string file = ReadFile(path);
  file[file.rfind("\nreport ") + 4] = 'x';
  WriteFile(tmp_ / "format.bundle", file);
  EXPECT_EQ(Disagreement(tmp_ / "format.bundle"), "format");
}

TEST_F(Bundles, APartialBundlesChangedEventProofHashOrFindingIsNamed) {
  const std::string path = MakeBundle("finding.bundle", {"--evidence", "s-l1"});
  bundle::Bundle b = Read(path);
  ASSERT_FALSE(b.evidence.empty());
  b.evidence[0].bytes[b.evidence[0].bytes.size() - 3] ^= 1;
  Write(tmp_ / "event.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "event.bundle"), "event");
  b = Read(path);
  ASSERT_FALSE(b.evidence[0].proof.empty());
  b.evidence[0].proof[0][5] ^= 1;
  Write(tmp_ / "proof.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "proof.bundle"), "proof-hash");
  b = Read(path);
  size_t root = b.checkpoint.find("\n24\n") + 4;
  b.checkpoint[root + 3] = b.checkpoint[root + 3] == 'A' ? 'B' : 'A';
  Write(tmp_ / "body.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "body.bundle"), "note-body");
  b = Read(path);
  size_t sig = b.checkpoint.rfind(' ') + 10;
  b.checkpoint[sig] = b.checkpoint[sig] == 'A' ? 'B' : 'A';
  Write(tmp_ / "sig.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "sig.bundle"), "signature");
  // Numbers of a partial bundle are not recomputed: the statement's digest shows them changed.
  b = Read(path);
  Replace(&b.report, "\"enrolled\": 1", "\"enrolled\": 2");
  Write(tmp_ / "report.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "report.bundle"), "report");
  // The evidence event itself left out: the signed finding names it.
  b = Read(path);
  std::erase_if(b.evidence, [](const bundle::EvidenceEvent& e) { return IdOf(e.bytes) == "s-l1"; });
  ASSERT_EQ(b.evidence.size() + 1, Read(path).evidence.size());
  Write(tmp_ / "dropped.bundle", b);
  EXPECT_EQ(Disagreement(tmp_ / "dropped.bundle"), "violations");
}

// What a partial bundle cannot show (SECURITY.md, "Proofs"): an event of the
// history left out by whoever made it goes unnoticed; the full bundle
// notices any event left out.
TEST_F(Bundles, APartialBundleCannotShowThatAnEventWasLeftOutAndAFullOneCan) {
  const std::string path = MakeBundle("finding.bundle", {"--evidence", "s-l1"});
  bundle::Bundle b = Read(path);
  auto other = std::find_if(b.evidence.begin(), b.evidence.end(),
                            [](const bundle::EvidenceEvent& e) { return IdOf(e.bytes) != "s-l1"; });
  ASSERT_NE(other, b.evidence.end());
  b.evidence.erase(other);
  Write(tmp_ / "fewer.bundle", b);
  EXPECT_EQ(Verifier({"--key", vkey_, tmp_ / "fewer.bundle"}).exit_code, 0);

  bundle::Bundle full = Read(MakeBundle("full.bundle"));
  bundle::BundleEvents events(full.events);
  std::string without;
  for (size_t i = 0; i < events.size(); ++i) {
    if (i != 11) bundle::EventListAppend(events.bytes(i), &without);
  }
  full.events = without;
  Write(tmp_ / "full-fewer.bundle", full);
  EXPECT_EQ(Disagreement(tmp_ / "full-fewer.bundle"), "event");
}

TEST_F(Bundles, SomethingElseIsNotABundle) {
  WriteFile(tmp_ / "other", "hello\n");
  RunResult r = Verifier({"--key", vkey_, tmp_ / "other"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tledger-verify: this is not an evidence bundle (it does not start with \"tledger-bundle/v1\")\n");
  r = Verifier({"--key", "nonsense", tmp_ / "other"});
  EXPECT_EQ(r.exit_code, 1);
}

}  // namespace
}  // namespace tledger::testing
