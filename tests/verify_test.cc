// core/verify: anchors, the chain against anchors, and the indexes. The
// tampering that `tledger verify` must catch on the command line (a changed
// byte, a deleted, swapped or removed event) is in cli_e2e_verify_test.cc.
#include "core/verify.h"

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "core/codec.h"
#include "core/keys.h"
#include "tests/test_util.h"

namespace tledger {
namespace {

using testing::DataPath;
using testing::ErrorOf;
using testing::MakeLedger;
using testing::OpenStore;
using testing::RawLedger;
using testing::TempDir;

const std::string kHashA = "365aa7d8f7f9402c4b9434502b4cc89ddb09fe50d7cd95b493b834c62d5a5370";
const std::string kExpectedForm =
    " (expected SEQ:HASH, e.g. 1200:0000000000000000000000000000000000000000000000000000000000000000, as "
    "`tledger checkpoint` prints)";

// -------------------------------------------------------------- anchors

TEST(ParseAnchor, ReadsSeqColonHash) {
  Result<Anchor> a = ParseAnchor("1200:" + kHashA);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->seq, 1200u);
  EXPECT_EQ(ToHex(a->hash), kHashA);
  EXPECT_EQ(FormatAnchor(*a), "1200:" + kHashA);
  std::string upper = "7:365AA7D8F7F9402C4B9434502B4CC89DDB09FE50D7CD95B493B834C62D5A5370";
  EXPECT_EQ(FormatAnchor(*ParseAnchor(upper)), "7:" + kHashA);
}

TEST(ParseAnchor, RefusesAnythingElseShowingTheExpectedForm) {
  for (const std::string& bad : {std::string(""), std::string("1200"), ":" + kHashA, "0:" + kHashA, "x1:" + kHashA,
                                 "-1:" + kHashA, " 1:" + kHashA, "1:" + kHashA.substr(1), "1:" + kHashA + "0",
                                 "1:" + kHashA + " ", "1: " + kHashA.substr(1), "99999999999999999999:" + kHashA}) {
    Result<Anchor> a = ParseAnchor(bad);
    EXPECT_EQ(ErrorOf(a), "invalid input: not an anchor: \"" + bad + "\"" + kExpectedForm) << bad;
  }
}

TEST(ReadAnchorFile, SkipsBlankLinesAndCommentsAndTrimsSpaces) {
  TempDir tmp;
  testing::WriteFile(tmp / "anchors.txt",
                     "# written down at the inspection of 2026-01-31\n"
                     "\n"
                     "12:" + kHashA + "\r\n"
                     "   # indented comment\n"
                     "\t24:" + kHashA + "  \n"
                     "   \n");
  Result<std::vector<Anchor>> anchors = ReadAnchorFile(tmp / "anchors.txt");
  ASSERT_TRUE(anchors.ok()) << anchors.status().ToString();
  ASSERT_EQ(anchors->size(), 2u);
  EXPECT_EQ(FormatAnchor((*anchors)[0]), "12:" + kHashA);
  EXPECT_EQ(FormatAnchor((*anchors)[1]), "24:" + kHashA);
}

TEST(ReadAnchorFile, NamesTheFileAndLineOfABadAnchor) {
  TempDir tmp;
  testing::WriteFile(tmp / "anchors.txt", "# ok\n12:" + kHashA + "\n12 " + kHashA + "\n");
  Result<std::vector<Anchor>> anchors = ReadAnchorFile(tmp / "anchors.txt");
  EXPECT_EQ(ErrorOf(anchors), "invalid input: " + (tmp / "anchors.txt") + ":3: not an anchor: \"12 " + kHashA + "\"" + kExpectedForm);
}

TEST(ReadAnchorFile, AMissingFileCannotBeRead) {
  TempDir tmp;
  Result<std::vector<Anchor>> anchors = ReadAnchorFile(tmp / "none.txt");
  EXPECT_EQ(ErrorOf(anchors), "invalid input: " + (tmp / "none.txt") + ": cannot be read");
}

TEST(ReadAnchorFile, ADirectoryCannotBeRead) {
  // Silently reading no anchors from it would make `verify --anchors DIR`
  // check nothing while saying it checked.
  TempDir tmp;
  Result<std::vector<Anchor>> anchors = ReadAnchorFile(tmp.path());
  EXPECT_EQ(ErrorOf(anchors), "invalid input: " + tmp.path() + ": cannot be read");
}

// -------------------------------------------------------------- the ledger

// The sample ledger (24 events) and its chain hashes H_1..H_24, recomputed
// here from the stored bytes.
class VerifySample : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kRead);
    ChainHasher hasher;
    Hash h = kGenesisHash;
    hashes_.push_back(h);
    Status s = store->Scan(1, store->head().seq, [&](uint64_t, std::string_view bytes) {
      h = hasher.Next(h, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
      hashes_.push_back(h);
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(hashes_.size(), 25u);
  }

  Result<VerifyReport> Run(std::vector<Anchor> anchors = {}, bool check_indexes = true) {
    std::unique_ptr<Store> store = OpenStore(db_, OpenMode::kRead);
    VerifyOptions options;
    options.anchors = std::move(anchors);
    options.check_indexes = check_indexes;
    return Verify(*store, options);
  }

  std::string Failure(std::vector<Anchor> anchors = {}) {
    Result<VerifyReport> r = Run(std::move(anchors));
    EXPECT_FALSE(r.ok());
    if (r.ok()) return "";
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    return r.status().message();
  }

  TempDir tmp_;
  std::string db_;
  std::vector<Hash> hashes_;  // hashes_[n] = H_n
};

TEST_F(VerifySample, AnIntactLedgerVerifiesAndCountsItsIndexEntries) {
  Result<VerifyReport> r = Run({Anchor{24, hashes_[24]}, Anchor{1, hashes_[1]}, Anchor{12, hashes_[12]}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->events, 24u);
  EXPECT_EQ(r->head.seq, 24u);
  EXPECT_EQ(ToHex(r->head.hash), ToHex(hashes_[24]));
  EXPECT_EQ(r->id_entries, 24u);
  // Counted by hand from sample.jsonl: every id each event names, once per
  // event (a correction adds what its target names).
  EXPECT_EQ(r->subject_entries, 42u);
}

TEST_F(VerifySample, AnAnchorThatDisagreesNamesItsSeq) {
  EXPECT_EQ(Failure({Anchor{10, hashes_[9]}}), "seq 10: the chain hash " + ToHex(hashes_[10]) + " differs from the anchor " +
                                                   ToHex(hashes_[9]) + ": the history up to this seq was rewritten");
}

// Two anchors for one seq are both checked, whatever their order: the
// output counts every anchor as matched.
TEST_F(VerifySample, TwoAnchorsForOneSeqMustBothMatch) {
  const std::string expected = "seq 24: the chain hash " + ToHex(hashes_[24]) + " differs from the anchor " +
                               ToHex(hashes_[23]) + ": the history up to this seq was rewritten";
  EXPECT_EQ(Failure({Anchor{24, hashes_[24]}, Anchor{24, hashes_[23]}}), expected);
  EXPECT_EQ(Failure({Anchor{24, hashes_[23]}, Anchor{24, hashes_[24]}}), expected);
  Result<VerifyReport> same = Run({Anchor{24, hashes_[24]}, Anchor{24, hashes_[24]}});
  EXPECT_TRUE(same.ok()) << same.status().ToString();
}

// Someone who rewrites event 5 and recomputes every later previous-hash
// field and the head leaves a chain that is consistent in itself: only a
// hash written down before (an anchor) shows it.
TEST_F(VerifySample, AConsistentRewriteIsCaughtOnlyByAnAnchor) {
  {
    RawLedger raw(db_);
    Head head = raw.head();
    ChainHasher hasher;
    Hash chain = hashes_[4];
    EventDecoder decoder;
    for (uint64_t seq = 5; seq <= 24; ++seq) {
      std::string bytes = raw.EventBytes(seq);
      Result<schema::Event::Reader> ev = decoder.Decode(bytes);
      ASSERT_TRUE(ev.ok()) << ev.status().ToString();
      capnp::MallocMessageBuilder msg;
      msg.setRoot(*ev);
      auto b = msg.getRoot<schema::Event>();
      if (seq == 5) b.getBody().getPersonRegistered().setName("Trần Thị Ngọc Hàn");
      b.setPrevHash(capnp::Data::Reader(chain.data(), chain.size()));
      kj::Array<capnp::word> canonical = Canonicalize(b.asReader());
      chain = hasher.Next(chain, Bytes(canonical));
      raw.PutEvent(seq, std::string_view(reinterpret_cast<const char*>(Bytes(canonical).begin()), Bytes(canonical).size()));
    }
    raw.PutHead(24, chain, head.recorded_at);
  }
  Result<VerifyReport> unanchored = Run();
  ASSERT_TRUE(unanchored.ok()) << unanchored.status().ToString();
  EXPECT_NE(ToHex(unanchored->head.hash), ToHex(hashes_[24]));

  EXPECT_EQ(Failure({Anchor{4, hashes_[4]}, Anchor{24, hashes_[24]}}),
            "seq 24: the chain hash " + ToHex(unanchored->head.hash) + " differs from the anchor " + ToHex(hashes_[24]) +
                ": the history up to this seq was rewritten");
}

// The indexes are checked against what the events imply; a wrong entry is
// named by the seq it concerns.
TEST_F(VerifySample, AMissingIdEntryIsNamed) {
  RawLedger(db_).DeleteId("s-plan");
  EXPECT_EQ(Failure(), "seq 7: the id index has no entry for its id \"s-plan\"");
}

TEST_F(VerifySample, AnIdEntryPointingAtAnotherEventIsNamed) {
  RawLedger(db_).PutId("s-plan", keys::IdValue(8, static_cast<uint16_t>(schema::Body::PLAN_ISSUED)));
  EXPECT_EQ(Failure(), "seq 8: the id index says \"s-plan\" is here, but the event here is another");
}

TEST_F(VerifySample, AForgedSubjectEntryIsNamed) {
  // Filing seq 5 (person HG-000123) under another person would put a
  // stranger's registration into their history.
  RawLedger(db_).PutSubject(keys::SubjectKey("HG-000999", 5), std::string(1, 1 << static_cast<int>(schema::Kind::PERSON)));
  EXPECT_EQ(Failure(), "seq 5: the subject index files this event under \"HG-000999\", but the event does not name it so");
}

TEST_F(VerifySample, AMissingSubjectEntryIsNamed) {
  {
    RawLedger raw(db_);
    ASSERT_TRUE(raw.raw().db->Delete(rocksdb::WriteOptions(), raw.raw().subjects, keys::SubjectKey("HG-2025", 7)).ok());
  }
  EXPECT_EQ(Failure(), "seq 7: the subject index has no entry for \"HG-2025\"");
}

TEST_F(VerifySample, IndexChecksCanBeLeftOut) {
  RawLedger(db_).DeleteId("s-plan");
  Result<VerifyReport> r = Run({}, /*check_indexes=*/false);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->events, 24u);
}

}  // namespace
}  // namespace tledger
