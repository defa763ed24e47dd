// The proof commands end to end (tools/cli/proof_commands.h): keygen,
// checkpoint --sign, prove, verify --checkpoint and witness cosign, run as
// a user runs them, each answer checked with core/ (the tree recomputed
// from the ledger's stored events, notes opened with core/note).
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "core/base64.h"
#include "core/checkpoint.h"
#include "core/merkle.h"
#include "core/merkle_frontier.h"
#include "core/note.h"
#include "core/proof_json.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kOrigin[] = "dao-tao.cantho.gov.vn/tledger";
constexpr char kWitness[] = "thanhtra.cantho.gov.vn/witness";

// The tree of a ledger's stored events, recomputed here.
std::unique_ptr<merkle::MemoryTree> TreeOf(const std::string& db) {
  std::unique_ptr<Store> store = OpenStore(db, OpenMode::kRead);
  auto tree = std::make_unique<merkle::MemoryTree>();
  for (uint64_t seq = 1; seq <= store->head().seq; ++seq) tree->AppendLeaf(ValueOrDie(store->Get(seq), "event"));
  return tree;
}

class ProofCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    RunResult k = Keygen({kOrigin, "-o", key_});
    ASSERT_EQ(k.exit_code, 0) << k.err;
    vkey_ = k.out.substr(0, k.out.size() - 1);
  }

  RunResult Keygen(const std::vector<std::string>& args) {
    std::vector<std::string> a{"keygen"};
    a.insert(a.end(), args.begin(), args.end());
    return Tledger(db_, a);
  }
  // `checkpoint --sign` of `db`, written to a file; aborts unless it works.
  std::string SignedCheckpoint(const std::string& db, const std::string& name, bool origin = true) {
    std::vector<std::string> args{"checkpoint", "--sign", key_};
    if (origin) args.insert(args.end(), {"--origin", kOrigin});
    RunResult r = Tledger(db, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    WriteFile(tmp_ / name, r.out);
    return tmp_ / name;
  }
  std::string Error(const RunResult& r) { return r.err.substr(std::min(r.err.size(), std::string(kErrorPrefix).size())); }

  TempDir tmp_;
  std::string db_;
  std::string key_ = tmp_ / "ledger.key";
  std::string vkey_;
};

TEST_F(ProofCli, KeygenWritesAPrivateKeyOnlyItsOwnerReadsAndPrintsTheVerifierKey) {
  struct stat st;
  ASSERT_EQ(::stat(key_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  note::SignerKey key = ValueOrDie(note::SignerKey::Parse(ReadFile(key_)), "key");
  EXPECT_EQ(ReadFile(key_), key.Format() + "\n");
  EXPECT_EQ(vkey_, note::FormatVerifierKey(key.verifier()));
  EXPECT_EQ(key.verifier().name, kOrigin);
  EXPECT_EQ(key.verifier().type, note::KeyType::kEd25519);

  RunResult w = Keygen({kWitness, "-o", tmp_ / "witness.key", "--witness"});
  ASSERT_EQ(w.exit_code, 0) << w.err;
  note::VerifierKey wv = ValueOrDie(note::ParseVerifierKey(w.out.substr(0, w.out.size() - 1)), "witness key");
  EXPECT_EQ(wv.type, note::KeyType::kCosignatureV1);
  EXPECT_EQ(wv.name, kWitness);
}

TEST_F(ProofCli, KeygenNeverOverwritesNorFollowsALinkNorWritesInsideALedger) {
  const std::string before = ReadFile(key_);
  RunResult r = Keygen({kOrigin, "-o", key_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "-o \"" + key_ + "\": the file exists; a key file is never overwritten (choose another name)\n");
  EXPECT_EQ(ReadFile(key_), before);

  // A link planted where the key would go, pointing at a file to clobber.
  WriteFile(tmp_ / "victim", "keep me");
  fs::create_symlink(tmp_ / "victim", tmp_ / "planted.key");
  r = Keygen({kOrigin, "-o", tmp_ / "planted.key"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(ReadFile(tmp_ / "victim"), "keep me");

  for (const std::string& inside : {db_ + "/ledger.key", db_ + "/sub/ledger.key"}) {
    fs::create_directories(db_ + "/sub");
    r = Keygen({kOrigin, "-o", inside});
    EXPECT_EQ(r.exit_code, 1) << inside;
    EXPECT_NE(r.err.find("is inside the ledger directory"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(inside));
  }
  r = Keygen({"bad name", "-o", tmp_ / "bad.key"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(tmp_ / "bad.key"));
}

TEST_F(ProofCli, ASignedCheckpointStatesTheTreeOfTheLedgersEvents) {
  RunResult first = Tledger(db_, {"checkpoint", "--sign", key_});
  EXPECT_EQ(first.exit_code, 1);
  EXPECT_EQ(Error(first), "the ledger has no origin yet: give --origin ORIGIN (such as dao-tao.cantho.gov.vn/tledger) "
                          "the first time; it is then fixed\n");

  const std::string path = SignedCheckpoint(db_, "cp.note");
  std::unique_ptr<merkle::MemoryTree> tree = TreeOf(db_);
  const std::string text = std::string(kOrigin) + "\n24\n" + Base64(tree->Root()) + "\n";
  note::VerifiedNote opened =
      ValueOrDie(note::OpenNote(ReadFile(path), note::Policy::AllOf({*note::ParseVerifierKey(vkey_)})), "note");
  EXPECT_EQ(opened.text, text);
  EXPECT_EQ(ReadFile(path).substr(0, text.size() + 1), text + "\n");

  // The origin is fixed now: --origin may be left out, never changed.
  RunResult again = Tledger(db_, {"checkpoint", "--sign", key_});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, ReadFile(path));  // Ed25519 is deterministic
  RunResult other = Tledger(db_, {"checkpoint", "--sign", key_, "--origin", "other.gov.vn/tledger"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(Error(other), "--origin \"other.gov.vn/tledger\": the ledger's origin is fixed already as "
                          "\"dao-tao.cantho.gov.vn/tledger\", and never changes\n");
  // Only a key named after the origin signs for it; a witness key never.
  ASSERT_EQ(Keygen({"other.gov.vn/tledger", "-o", tmp_ / "other.key"}).exit_code, 0);
  RunResult wrong = Tledger(db_, {"checkpoint", "--sign", tmp_ / "other.key"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(Error(wrong).find("the key is \"other.gov.vn/tledger\"'s"), std::string::npos) << wrong.err;
  ASSERT_EQ(Keygen({kOrigin, "-o", tmp_ / "w.key", "--witness"}).exit_code, 0);
  RunResult witness = Tledger(db_, {"checkpoint", "--sign", tmp_ / "w.key"});
  EXPECT_EQ(witness.exit_code, 1);
  EXPECT_NE(Error(witness).find("this is a witness key"), std::string::npos) << witness.err;
  // Plain checkpoint is unchanged.
  EXPECT_EQ(Tledger(db_, {"checkpoint"}).out, Checkpoint(db_) + "\n");
}

TEST_F(ProofCli, FixingTheOriginIsAWriteThatReadOnlyRefuses) {
  RunResult r = Tledger(db_, {"--read-only", "checkpoint", "--sign", key_, "--origin", kOrigin});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--origin: fixing the ledger's origin writes to the ledger, but --read-only was given\n");
  SignedCheckpoint(db_, "cp.note");
  r = Tledger(db_, {"--read-only", "checkpoint", "--sign", key_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ProofCli, InclusionProofsLeadFromEachEventToTheRoot) {
  std::unique_ptr<merkle::MemoryTree> tree = TreeOf(db_);
  for (uint64_t size : {24u, 13u, 1u}) {
    for (uint64_t seq = 1; seq <= size; ++seq) {
      std::vector<std::string> args{"prove", std::to_string(seq)};
      if (size != 24) args.insert(args.end(), {"--size", std::to_string(size)});
      RunResult r = Tledger(db_, args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      merkle::InclusionProof p = ValueOrDie(ParseInclusionProofJson(r.out), "proof");
      EXPECT_EQ(p.leaf_index, seq - 1);
      EXPECT_EQ(p.tree_size, size);
      EXPECT_EQ(p.root, *merkle::RootAt(size, *tree));
      EXPECT_EQ(p.leaf_hash, tree->stored()[merkle::StoredIndex(merkle::NodeId{0, seq - 1})]);
      EXPECT_TRUE(merkle::VerifyInclusion(p.leaf_index, size, p.leaf_hash, p.hashes, p.root).ok());
      EXPECT_EQ(r.out, InclusionProofJson(*merkle::ProveInclusion(seq - 1, size, *tree)));
    }
  }
  RunResult r = Tledger(db_, {"prove", "3", "--size", "2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "SEQ 3: not in the tree of 2 events (give --size N of at least 3)\n");
  r = Tledger(db_, {"prove", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "SEQ: events are numbered from 1\n");
  r = Tledger(db_, {"prove", "1", "--size", "25"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--size: the ledger holds 24 events, so there is no tree of 25 yet\n");
  r = Tledger(db_, {"prove"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "prove: give SEQ (an inclusion proof) or --consistency M N, one of the two\n");
}

TEST_F(ProofCli, ConsistencyProofsShowEachTreeInsideTheLater) {
  std::unique_ptr<merkle::MemoryTree> tree = TreeOf(db_);
  for (uint64_t n = 1; n <= 24; ++n) {
    for (uint64_t m = 1; m <= n; m += (n > 8 ? 3 : 1)) {
      RunResult r = Tledger(db_, {"prove", "--consistency", std::to_string(m), std::to_string(n)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      merkle::ConsistencyProof p = ValueOrDie(ParseConsistencyProofJson(r.out), "proof");
      EXPECT_EQ(p.old_root, *merkle::RootAt(m, *tree));
      EXPECT_EQ(p.new_root, *merkle::RootAt(n, *tree));
      EXPECT_TRUE(merkle::VerifyConsistency(m, n, p.old_root, p.new_root, p.hashes).ok()) << m << " " << n;
    }
  }
  RunResult r = Tledger(db_, {"prove", "--consistency", "0", "5"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--consistency 0 5: expected 0 < M <= N (every tree extends the empty one; there is nothing to "
                      "prove from size 0)\n");
  r = Tledger(db_, {"prove", "--consistency", "5", "30"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--consistency: the ledger holds 24 events, so there is no tree of 30 yet\n");
}

TEST_F(ProofCli, VerifyChecksACheckpointAgainstTheLedger) {
  const std::string note = SignedCheckpoint(db_, "cp.note");
  RunResult r = Tledger(db_, {"verify", "--checkpoint", note, "--key", vkey_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string label = note::KeyLabel(kOrigin, note::ParseVerifierKey(vkey_)->id);
  EXPECT_EQ(r.out, "intact: 24 events, 0 anchors matched; head " + Checkpoint(db_).substr(0, 67) +
                       "\ncheckpoint 24 verified (signed by " + label + ")\n");
  // The key may be given as a file.
  WriteFile(tmp_ / "ledger.vkey", vkey_ + "\n");
  EXPECT_EQ(Tledger(db_, {"verify", "--checkpoint", note, "--key", tmp_ / "ledger.vkey"}).out, r.out);

  // The ledger grows: the old checkpoint still holds (its tree is a prefix).
  MakeLedger(db_, {DataPath("persons.jsonl")});
  r = Tledger(db_, {"verify", "--checkpoint", note, "--key", vkey_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("checkpoint 24 verified"), std::string::npos);

  // A changed root, a key that did not sign.
  std::string forged = ReadFile(note);
  forged[std::string(kOrigin).size() + 4] ^= 1;
  WriteFile(tmp_ / "forged.note", forged);
  r = Tledger(db_, {"verify", "--checkpoint", tmp_ / "forged.note", "--key", vkey_});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r), "--checkpoint: the signature by " + label +
                          " does not verify: the note's text or the signature was changed\n");
  RunResult other = Keygen({kOrigin, "-o", tmp_ / "other.key"});
  r = Tledger(db_, {"verify", "--checkpoint", note, "--key", other.out.substr(0, other.out.size() - 1)});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r), "--checkpoint: no key the policy names signed the note\n");
}

TEST_F(ProofCli, VerifyRefusesTheCheckpointOfAnotherLedgerOrOfARolledBackOne) {
  const std::string note = SignedCheckpoint(db_, "cp.note");
  // Another ledger: the first 10 events of the same file, imported apart.
  std::vector<std::string> lines = Lines(ReadFile(DataPath("sample.jsonl")));
  std::string ten;
  for (size_t i = 0; i < 10; ++i) ten += lines[i] + "\n";
  WriteFile(tmp_ / "ten.jsonl", ten);
  const std::string short_db = MakeLedger(tmp_ / "short", {tmp_ / "ten.jsonl"});
  RunResult r = Tledger(short_db, {"verify", "--checkpoint", note, "--key", vkey_});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r), "--checkpoint: the checkpoint is of 24 events, and the ledger holds 10: events signed for are gone "
                      "(a rolled-back ledger), or it is another ledger's checkpoint\n");
  // The same events imported again have other recorded_at: another tree.
  const std::string again = MakeLedger(tmp_ / "again", {DataPath("sample.jsonl")});
  r = Tledger(again, {"verify", "--checkpoint", note, "--key", vkey_});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(Error(r).find("--checkpoint: the ledger's tree of 24 events has the root "), std::string::npos) << r.err;
  // A ledger with another origin fixed.
  ASSERT_EQ(Keygen({"other.gov.vn/tledger", "-o", tmp_ / "other.key"}).exit_code, 0);
  ASSERT_EQ(Tledger(again, {"checkpoint", "--sign", tmp_ / "other.key", "--origin", "other.gov.vn/tledger"}).exit_code, 0);
  r = Tledger(again, {"verify", "--checkpoint", note, "--key", vkey_});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r), "--checkpoint: the checkpoint is of \"dao-tao.cantho.gov.vn/tledger\", and this ledger is "
                      "\"other.gov.vn/tledger\"\n");
}

// The witness: a first checkpoint on trust, then only consistent growth.
class Witness : public ProofCli {
 protected:
  void SetUp() override {
    ProofCli::SetUp();
    RunResult w = Keygen({kWitness, "-o", witness_key_, "--witness"});
    ASSERT_EQ(w.exit_code, 0) << w.err;
    witness_vkey_ = w.out.substr(0, w.out.size() - 1);
  }
  RunResult Cosign(const std::string& note, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"witness", "cosign", "--key", witness_key_, "--state", state_, note};
    args.insert(args.end(), extra.begin(), extra.end());
    return Tledger(db_, args);
  }
  std::string ProofFile(const std::string& db, uint64_t m, uint64_t n, const std::string& name) {
    RunResult r = Tledger(db, {"prove", "--consistency", std::to_string(m), std::to_string(n)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    WriteFile(tmp_ / name, r.out);
    return tmp_ / name;
  }

  std::string witness_key_ = tmp_ / "witness.key";
  std::string witness_vkey_;
  std::string state_ = tmp_ / "witness-state";
};

TEST_F(Witness, CosignsTheFirstCheckpointOnTrustThenOnlyConsistentGrowth) {
  const std::string cp24 = SignedCheckpoint(db_, "cp24.note");
  RunResult r = Cosign(cp24);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "this witness has never cosigned for \"dao-tao.cantho.gov.vn/tledger\": give the ledger's "
                      "verifier key with --log-key the first time\n");

  r = Cosign(cp24, {"--log-key", vkey_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("accepted on trust"), std::string::npos) << r.err;
  note::VerifierKey log = *note::ParseVerifierKey(vkey_), witness = *note::ParseVerifierKey(witness_vkey_);
  note::VerifiedNote opened = ValueOrDie(note::OpenNote(r.out, note::Policy::AllOf({log, witness})), "cosigned");
  ASSERT_EQ(opened.verified.size(), 2u);
  ASSERT_TRUE(opened.verified[1].timestamp.has_value());
  const uint64_t now = static_cast<uint64_t>(::time(nullptr));
  EXPECT_LE(*opened.verified[1].timestamp, now);
  EXPECT_GE(*opened.verified[1].timestamp + 600, now);
  const std::string dir = state_ + "/dao-tao.cantho.gov.vn%2Ftledger";
  EXPECT_EQ(ReadFile(dir + "/log.vkey"), vkey_ + "\n");
  EXPECT_EQ(ReadFile(dir + "/checkpoint.note"), r.out);
  struct stat st;
  ASSERT_EQ(::stat((dir + "/checkpoint.note").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  // verify --checkpoint with the witness in the policy.
  WriteFile(tmp_ / "cosigned.note", r.out);
  RunResult v = Tledger(db_, {"verify", "--checkpoint", tmp_ / "cosigned.note", "--key", vkey_, "--witness", witness_vkey_});
  ASSERT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.out.find("checkpoint 24 verified (signed by " + note::KeyLabel(kOrigin, log.id) + "; cosigned by " +
                       note::KeyLabel(kWitness, witness.id) + " at "),
            std::string::npos)
      << v.out;
  v = Tledger(db_, {"verify", "--checkpoint", cp24, "--key", vkey_, "--witness", witness_vkey_});
  EXPECT_EQ(v.exit_code, 3);
  EXPECT_EQ(Error(v), "--checkpoint: the note is not signed by " + note::KeyLabel(kWitness, witness.id) +
                          ", which the policy requires\n");

  // The same checkpoint again: cosigned again, no proof needed.
  r = Cosign(cp24);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The ledger grows: cosigned with the consistency proof, refused without.
  MakeLedger(db_, {DataPath("persons.jsonl")});
  const std::string cp26 = SignedCheckpoint(db_, "cp26.note", false);
  r = Cosign(cp26);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--proof: the tree grew from 24 to 26 events since this witness cosigned: give the consistency "
                      "proof (tledger prove --consistency 24 26)\n");
  r = Cosign(cp26, {"--proof", ProofFile(db_, 20, 26, "p20.json")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(Error(r), "--proof: the proof goes from size 20 to size 26, and this witness needs one from 24 to 26 "
                      "(tledger prove --consistency 24 26)\n");
  r = Cosign(cp26, {"--proof", ProofFile(db_, 24, 26, "p24.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(dir + "/checkpoint.note"), r.out);
  // Another log key for the same origin is refused.
  RunResult other = Keygen({kOrigin, "-o", tmp_ / "other.key"});
  r = Cosign(cp26, {"--log-key", other.out.substr(0, other.out.size() - 1)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(Error(r).find("this witness has fixed"), std::string::npos) << r.err;
}

TEST_F(Witness, RefusesARollbackPrintingBothCheckpoints) {
  const std::string cp24 = SignedCheckpoint(db_, "cp24.note");
  MakeLedger(db_, {DataPath("persons.jsonl")});
  const std::string cp26 = SignedCheckpoint(db_, "cp26.note", false);
  RunResult r = Cosign(cp26, {"--log-key", vkey_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string cosigned = r.out;
  r = Cosign(cp24);
  EXPECT_EQ(r.exit_code, 3);
  std::string old_note = cosigned.substr(0, cosigned.size() - 1), new_note = ReadFile(cp24);
  new_note.pop_back();
  EXPECT_EQ(Error(r), "refused: a rollback: the checkpoint offered is of 24 events, and this witness cosigned 26 events "
                      "of \"dao-tao.cantho.gov.vn/tledger\" before; a ledger never shrinks\nthe checkpoint this witness "
                      "cosigned before:\n" + old_note + "\nthe checkpoint offered now:\n" + new_note + "\n");
  EXPECT_EQ(ReadFile(state_ + "/dao-tao.cantho.gov.vn%2Ftledger/checkpoint.note"), cosigned);  // unchanged
}

TEST_F(Witness, RefusesAForkAtTheSameSizeAndAtALargerOne) {
  const std::string cp24 = SignedCheckpoint(db_, "cp24.note");
  ASSERT_EQ(Cosign(cp24, {"--log-key", vkey_}).exit_code, 0);
  // The operator keeps a second ledger under the same origin and key: the
  // same events imported again (other recorded_at), a different tree.
  const std::string fork = MakeLedger(tmp_ / "fork", {DataPath("sample.jsonl")});
  const std::string fork24 = SignedCheckpoint(fork, "fork24.note");
  RunResult r = Cosign(fork24);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r).rfind("refused: a fork: another root for the tree of 24 events this witness cosigned\n", 0), 0u)
      << r.err;
  EXPECT_NE(r.err.find(ReadFile(fork24).substr(0, 60)), std::string::npos);

  MakeLedger(fork, {DataPath("persons.jsonl")});
  const std::string fork26 = SignedCheckpoint(fork, "fork26.note", false);
  r = Cosign(fork26, {"--proof", ProofFile(fork, 24, 26, "fork-proof.json")});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Error(r).rfind("refused: a fork: the proof gives the tree of size 24 another root than the one this "
                           "witness cosigned\nthe checkpoint",
                           0),
            0u)
      << r.err;
  // A proof doctored to name the witnessed root does not verify.
  std::string doctored = ReadFile(tmp_ / "fork-proof.json");
  merkle::ConsistencyProof p = *ParseConsistencyProofJson(doctored);
  p.old_root = ParseCheckpoint(note::ParseNote(ReadFile(cp24))->text)->root;
  WriteFile(tmp_ / "doctored.json", ConsistencyProofJson(p));
  r = Cosign(fork26, {"--proof", tmp_ / "doctored.json"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(Error(r).find("refused: a fork: the tree of size 26 does not contain the one of size 24"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace tledger::testing
