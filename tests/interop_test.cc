// Interoperability with an independent implementation: Go's
// golang.org/x/mod/sumdb/tlog and sumdb/note, from Debian's
// golang-golang-x-mod-dev, built here by Debian's golang-go in GOPATH mode
// without network (tests/interop/tlog_interop.go; tools/install-deps.sh
// installs both, so this test always runs).
//
// tlog gets the leaf data, not hashes, and builds its own tree: its stored
// hashes must be tledger's one for one (the same stored index), its roots
// tledger's at every size from 1 to 1,000, and it must accept tledger's
// inclusion and consistency proofs (and make the same ones). note.Open must
// accept tledger's signed checkpoints, and core/note must accept what
// note.Sign signs with a key note.GenerateKey made.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <bit>
#include <memory>

#include "core/base64.h"
#include "core/checkpoint.h"
#include "core/merkle_frontier.h"
#include "core/merkle_proof.h"
#include "core/note.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::ErrorOf;
using testing::RunResult;

constexpr char kOrigin[] = "dao-tao.cantho.gov.vn/tledger";
constexpr uint64_t kLeaves = 1000;

class Interop : public ::testing::Test {
 protected:
  // Builds tests/interop/tlog_interop.go once per test program.
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    bin_ = *dir_ / "tlog_interop";
    RunResult r = testing::RunProgram(
        {TLEDGER_GO_BIN, "build", "-o", bin_, TLEDGER_SOURCE_DIR "/tests/interop/tlog_interop.go"},
        GoEnvironment());
    build_ = r;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(build_.exit_code, 0) << "go build failed (Go and golang-golang-x-mod-dev come with "
                                      "tools/install-deps.sh; go is "
                                   << TLEDGER_GO_BIN << "):\n"
                                   << build_.out << build_.err;
  }

  // GOPATH mode, offline: the x/mod sources Debian installs, nothing fetched.
  static testing::RunOptions GoEnvironment() {
    testing::RunOptions o;
    o.cwd = dir_->path();
    o.env = {"GO111MODULE=off",
             "GOPATH=" + (*dir_ / "gopath") + ":/usr/share/gocode",
             "GOPROXY=off",
             "GOFLAGS=",
             "GOENV=off",
             "CGO_ENABLED=0",
             "GOCACHE=" TLEDGER_BUILD_DIR "/tests/go-cache"};
    return o;
  }

  static RunResult Go(const std::vector<std::string>& args) {
    std::vector<std::string> argv{bin_};
    argv.insert(argv.end(), args.begin(), args.end());
    return testing::RunProgram(argv, GoEnvironment());
  }
  std::string File(const std::string& name, std::string_view content) {
    const std::string path = *dir_ / name;
    testing::WriteFile(path, content);
    return path;
  }

  static testing::TempDir* dir_;
  static std::string bin_;
  static RunResult build_;
};
testing::TempDir* Interop::dir_ = nullptr;
std::string Interop::bin_;
RunResult Interop::build_;

// Leaf i: i % 50 bytes of varied value (leaf 0 empty), then the number.
std::string LeafData(uint64_t i) {
  std::string s;
  for (uint64_t k = 0; k < i % 50; ++k) s.push_back(static_cast<char>((i * 31 + k * 7) & 0xff));
  return i == 0 ? s : s + std::to_string(i);
}

// `picks` without repeats, in order.
std::vector<uint64_t> Distinct(std::initializer_list<uint64_t> picks) {
  std::vector<uint64_t> out;
  for (uint64_t x : picks) {
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  }
  return out;
}

nlohmann::json HashesJson(const std::vector<Hash>& hashes) {
  nlohmann::json a = nlohmann::json::array();
  for (const Hash& h : hashes) a.push_back(Base64(h));
  return a;
}

note::SignerKey FixedKey(std::string_view name, note::KeyType type, uint8_t first) {
  std::array<uint8_t, 32> seed;
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(first + i);
  return testing::ValueOrDie(note::SignerKey::FromSeed(name, type, seed), "key");
}

TEST_F(Interop, TlogAgreesWithTledgersTreesOfOneToAThousandLeaves) {
  merkle::MemoryTree tree;
  nlohmann::json file;
  file["leaves"] = nlohmann::json::array();
  for (uint64_t i = 0; i < kLeaves; ++i) {
    tree.AppendLeaf(LeafData(i));
    file["leaves"].push_back(Base64(LeafData(i)));
  }
  file["stored"] = HashesJson(tree.stored());
  file["trees"] = nlohmann::json::array();
  size_t inclusions = 0, consistencies = 0, nonempty = 0;
  for (uint64_t n = 1; n <= kLeaves; ++n) {
    nlohmann::json t;
    t["size"] = n;
    t["root"] = Base64(*merkle::RootAt(n, tree));
    // Small trees: every leaf and every older size. Larger: the edges, the
    // middle, the power-of-two boundaries and a spread of others.
    std::vector<uint64_t> leaves, olds;
    if (n <= 64) {
      for (uint64_t i = 0; i < n; ++i) leaves.push_back(i);
      for (uint64_t m = 1; m <= n; ++m) olds.push_back(m);
    } else {
      const uint64_t spread1 = (n * 2654435761u + 12345) % 1000003, spread2 = (n * 2654435761u + 777) % 1000033;
      leaves = Distinct({0, 1, n / 2, std::bit_floor(n - 1) - 1, std::bit_floor(n - 1), n - 2, n - 1, spread1 % n,
                         spread2 % n});
      olds = Distinct({1, 2, n / 3, std::bit_floor(n - 1), n - 1, n, spread1 % (n - 1) + 1, spread2 % (n - 1) + 1});
    }
    t["inclusion"] = nlohmann::json::array();
    for (uint64_t i : leaves) {
      merkle::InclusionProof p = *merkle::ProveInclusion(i, n, tree);
      t["inclusion"].push_back({{"index", i}, {"hashes", HashesJson(p.hashes)}});
      ++inclusions;
      nonempty += !p.hashes.empty();
    }
    t["consistency"] = nlohmann::json::array();
    for (uint64_t m : olds) {
      merkle::ConsistencyProof c = *merkle::ProveConsistency(m, n, tree);
      t["consistency"].push_back({{"old", m}, {"old_root", Base64(c.old_root)}, {"hashes", HashesJson(c.hashes)}});
      ++consistencies;
      nonempty += !c.hashes.empty();
    }
    file["trees"].push_back(std::move(t));
  }
  RunResult r = Go({"merkle", File("merkle.json", file.dump())});
  EXPECT_EQ(r.err, "");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(inclusions, 10'000u);
  EXPECT_GT(consistencies, 8'000u);
  EXPECT_EQ(r.out, fmt::format("merkle: 1000 leaves, 1994 stored hashes, 1000 roots, {} inclusion proofs, {} "
                               "consistency proofs agree with tlog; {} changed proofs refused\n",
                               inclusions, consistencies, nonempty));
}

// A tree tledger got wrong would be caught: one stored hash changed.
TEST_F(Interop, TlogNoticesAStoredHashTledgerGotWrong) {
  merkle::MemoryTree tree;
  nlohmann::json file;
  for (uint64_t i = 0; i < 10; ++i) {
    tree.AppendLeaf(LeafData(i));
    file["leaves"].push_back(Base64(LeafData(i)));
  }
  std::vector<Hash> stored = tree.stored();
  stored[9][0] ^= 1;  // (1,2): leaves 4..5
  file["stored"] = HashesJson(stored);
  file["trees"] = nlohmann::json::array();
  RunResult r = Go({"merkle", File("wrong.json", file.dump())});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tlog_interop: stored hash 9 (level 1, index 2) differs from tledger's\n");
}

TEST_F(Interop, GoOpensTledgersSignedCheckpoints) {
  merkle::MemoryTree tree;
  for (uint64_t i = 0; i < kLeaves; ++i) tree.AppendLeaf(LeafData(i));
  const std::string text = *FormatCheckpoint({kOrigin, kLeaves, tree.Root(), {}});
  for (bool fixed : {true, false}) {
    note::SignerKey key = fixed ? FixedKey(kOrigin, note::KeyType::kEd25519, 0)
                                : testing::ValueOrDie(note::SignerKey::Generate(kOrigin, note::KeyType::kEd25519), "key");
    const std::string vkey = note::FormatVerifierKey(key.verifier());
    const std::string message = note::FormatNote({text, {*note::Sign(text, key)}});
    RunResult r = Go({"open", vkey, File("checkpoint.note", message)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "verified " + note::KeyLabel(kOrigin, key.verifier().id) + "\ntext:\n" + text);
    if (fixed) {
      EXPECT_EQ(vkey, "dao-tao.cantho.gov.vn/tledger+6ca9850b+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4");
    }

    // A changed root: Go refuses the note as tledger does.
    std::string forged = message;
    forged[forged.find('\n', forged.find('\n') + 1) + 1] ^= 1;
    r = Go({"open", vkey, File("forged.note", forged)});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "tlog_interop: note.Open: invalid signature for key " +
                         note::KeyLabel(kOrigin, key.verifier().id) + "\n");
    EXPECT_EQ(note::OpenNote(forged, note::Policy::AllOf({key.verifier()})).status().code(),
              Status::Code::kCorruption);
  }
}

TEST_F(Interop, GoChecksTledgersCosignatures) {
  note::SignerKey log = FixedKey(kOrigin, note::KeyType::kEd25519, 0);
  note::SignerKey witness = FixedKey("thanhtra.cantho.gov.vn/witness", note::KeyType::kCosignatureV1, 100);
  const std::string text = *FormatCheckpoint({kOrigin, 3, *HashFromHex(std::string(64, 'a')), {}});
  const uint64_t kTime = 1'767'225'600;  // 2026-01-01T00:00:00Z
  const std::string message =
      note::FormatNote({text, {*note::Sign(text, log), *note::Sign(text, witness, kTime)}});
  const std::string path = File("cosigned.note", message);
  const std::string witness_label = note::KeyLabel(witness.verifier().name, witness.verifier().id);

  // x/mod's note.Open knows only type 0x01: the log's signature verifies,
  // the cosignature is a signature by a key it does not know.
  RunResult r = Go({"open", note::FormatVerifierKey(log.verifier()), path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "verified dao-tao.cantho.gov.vn/tledger+6ca9850b\nunverified " + witness_label + "\ntext:\n" + text);
  // The cosignature, checked from C2SP tlog-cosignature with crypto/ed25519.
  r = Go({"cosignature", note::FormatVerifierKey(witness.verifier()), path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "cosignature by " + witness_label + " at 1767225600 verifies\n");

  // A cosignature whose time was moved does not verify there either.
  note::Signature moved = *note::Sign(text, witness, kTime);
  moved.bytes[7] ^= 1;
  r = Go({"cosignature", note::FormatVerifierKey(witness.verifier()),
          File("moved.note", note::FormatNote({text, {*note::Sign(text, log), moved}}))});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "tlog_interop: the cosignature by " + witness_label + " does not verify\n");
}

// The reverse: a key made by note.GenerateKey and a note made by note.Sign.
TEST_F(Interop, TledgerOpensNotesGoSigned) {
  const std::string text = "dao-tao.cantho.gov.vn/tledger\n3\nDhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=\n";
  const std::string text_path = File("text", text);
  for (std::string seed : {"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "random"}) {
    RunResult r = Go({"sign", seed, kOrigin, text_path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> lines = testing::Lines(r.out);
    ASSERT_EQ(lines.size(), 7u) << r.out;  // the keys, three lines of text, an empty line, a signature
    const std::string skey = lines[0], vkey = lines[1];
    const std::string message = r.out.substr(skey.size() + vkey.size() + 2);

    Result<note::VerifierKey> v = note::ParseVerifierKey(vkey);
    ASSERT_TRUE(v.ok()) << ErrorOf(v);
    Result<note::VerifiedNote> opened = note::OpenNote(message, note::Policy::AllOf({*v}));
    ASSERT_TRUE(opened.ok()) << ErrorOf(opened);
    EXPECT_EQ(opened->text, text);
    Result<Checkpoint> c = ParseCheckpoint(opened->text);
    ASSERT_TRUE(c.ok()) << ErrorOf(c);
    EXPECT_EQ(c->size, 3u);
    EXPECT_EQ(Base64(c->root), "Dhm60g+T+CdCI3+Vm8/I/m3F1GPp1JysNcToqsUOcBQ=");

    // Go's private key reads too, and signs the same bytes (Ed25519 is
    // deterministic).
    Result<note::SignerKey> k = note::SignerKey::Parse(skey);
    ASSERT_TRUE(k.ok()) << ErrorOf(k);
    EXPECT_EQ(k->Format(), skey);
    EXPECT_EQ(note::FormatVerifierKey(k->verifier()), vkey);
    EXPECT_EQ(note::FormatNote({text, {*note::Sign(text, *k)}}), message);
    if (seed != "random") {
      EXPECT_EQ(message, text + "\n— dao-tao.cantho.gov.vn/tledger "
                                "bKmFC+wr85+uQETgy8iBfZIiWDO8VjKvk6sLNurdM2MeD5KsQefDqamiwVoPQvxBr/OIHZZrJ6n50+R2LpIvZ8Rd0QY=\n");
    }
  }
}

}  // namespace
}  // namespace tledger
