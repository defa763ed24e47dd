// `tledger verify` against a ledger tampered with through RocksDB directly:
// exit 0 when intact, exit 3 naming the first bad seq otherwise.
#include <cstring>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <rocksdb/db.h>

#include "core/date.h"
#include "core/keys.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

// The sample ledger (24 events), its export, and the head written down
// before anyone tampered with it.
class CliVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = MakeLedger(tmp_ / "db", {DataPath("sample.jsonl")});
    for (const std::string& line : ExportLines(db_)) exported_.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(exported_.size(), 24u);
    head_ = Checkpoint(db_);
  }

  // H_seq, as export printed it.
  Hash ChainHash(uint64_t seq) const { return *HashFromHex(exported_.at(seq - 1)["hash"].get<std::string>()); }
  std::string ChainHex(uint64_t seq) const { return ToHex(ChainHash(seq)); }

  // Runs verify; expects exit 3 and returns stderr without the error prefix.
  std::string Failure(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"verify"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult r = Tledger(db_, args);
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.substr(0, std::string(kErrorPrefix).size()), kErrorPrefix);
    return r.err.substr(std::min(r.err.size(), std::string(kErrorPrefix).size()));
  }

  // Changes one byte of the stored event `seq` at `offset`; the new bytes.
  std::string FlipByte(uint64_t seq, size_t offset) {
    RawLedger raw(db_);
    std::string bytes = raw.EventBytes(seq);
    EXPECT_LT(offset, bytes.size());
    bytes.at(offset) = static_cast<char>(bytes[offset] ^ 0x01);
    raw.PutEvent(seq, bytes);
    return bytes;
  }

  TempDir tmp_;
  std::string db_;
  std::vector<nlohmann::json> exported_;
  std::string head_;  // SEQ:HASH
};

TEST_F(CliVerify, AnIntactLedgerExitsZeroPrintingItsHead) {
  RunResult r = Tledger(db_, {"verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(head_, "24:" + ChainHex(24));
  EXPECT_EQ(r.out, "intact: 24 events, 0 anchors matched; head " + head_ + "\n");

  // With the head written down earlier, and an anchors file.
  WriteFile(tmp_ / "anchors.txt", "# last inspection\n12:" + ChainHex(12) + "\n" + head_ + "\n");
  RunResult anchored = Tledger(db_, {"verify", "--expect-head", head_, "--anchors", tmp_ / "anchors.txt"});
  EXPECT_EQ(anchored.exit_code, 0) << anchored.err;
  EXPECT_EQ(anchored.out, "intact: 24 events, 3 anchors matched; head " + head_ + "\n");
}

// One byte inside an event's body (a letter of the person's id in seq 5):
// its own hash changes, so seq 6's previous-hash field no longer matches.
TEST_F(CliVerify, AChangedByteInAnEventBodyNamesThatSeq) {
  const size_t at = FindOnce(RawLedger(db_).EventBytes(5), "HG-000123");
  FlipByte(5, at);
  EXPECT_EQ(Failure(), "seq 5: its bytes do not match the chain hash that seq 6 recorded: the event was altered\n");
}

// One byte inside the previous-hash field of seq 5 (the 32 bytes of H_4).
TEST_F(CliVerify, AChangedByteInThePreviousHashFieldNamesThatSeq) {
  Hash h4 = ChainHash(4);
  size_t at = FindOnce(RawLedger(db_).EventBytes(5), std::string_view(reinterpret_cast<const char*>(h4.data()), h4.size()));
  FlipByte(5, at + 17);
  EXPECT_EQ(Failure(), "seq 5: its previous-hash field does not match the chain: the event was altered or inserted\n");
}

TEST_F(CliVerify, AChangedByteInTheLastEventNamesIt) {
  const size_t at = FindOnce(RawLedger(db_).EventBytes(24), "HG-000999");
  std::string bytes = FlipByte(24, at);
  Hash altered = ChainHasher().Next(
      ChainHash(23), kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
  EXPECT_EQ(Failure(), "seq 24: the recomputed chain hash " + ToHex(altered) + " differs from the head record " +
                           ChainHex(24) + ": the last event or the head record was altered\n");
}

// The message names the seq in verify's own form, "seq N: ...".
TEST_F(CliVerify, ADeletedEventNamesItsSeq) {
  RawLedger(db_).DeleteEvent(7);
  EXPECT_EQ(Failure(), "seq 7: missing from the store: the event was deleted or moved\n");
}

TEST_F(CliVerify, TwoSwappedEventsNameTheFirst) {
  {
    RawLedger raw(db_);
    std::string five = raw.EventBytes(5), six = raw.EventBytes(6);
    raw.PutEvent(5, six);
    raw.PutEvent(6, five);
  }
  EXPECT_EQ(Failure(), "seq 5: holds the event recorded as seq 6: events were moved, swapped or inserted\n");
}

// The last event removed and the head rolled back to the one before: the
// chain is consistent again, so only the head written down before (the
// test's checkpoint) shows it.
TEST_F(CliVerify, ARemovedLastEventWithTheHeadRolledBackFailsTheExpectedHead) {
  {
    RawLedger raw(db_);
    raw.DeleteEvent(24);
    raw.PutHead(23, ChainHash(23), *ParseInstant(exported_[22]["recorded_at"].get<std::string>()));
  }
  RunResult unanchored = Tledger(db_, {"verify"});
  EXPECT_EQ(unanchored.exit_code, 0) << unanchored.err;
  EXPECT_EQ(unanchored.out, "intact: 23 events, 0 anchors matched; head 23:" + ChainHex(23) + "\n");

  EXPECT_EQ(Failure({"--expect-head", head_}), "the ledger ends at seq 23 but an anchor names seq 24 (" + ChainHex(24) +
                                                   "): events 24..24 were removed and the head rolled back\n");
}

// The same roll-back by a tamperer who forgot the head its writer published
// beside the database: every reader notices, anchor or not.
TEST_F(CliVerify, ARolledBackHeadBehindThePublishedHeadIsAnIntegrityFailure) {
  {
    RawLedger raw(db_);
    raw.DeleteEvent(24);
    raw.PutHead(23, ChainHash(23), *ParseInstant(exported_[22]["recorded_at"].get<std::string>()),
                /*cover_tracks=*/false);
  }
  EXPECT_EQ(Failure(), "the ledger at " + db_ + " ends at seq 23 but its last writer published seq 24 (in " + db_ +
                           "/HEAD): events were removed and the head rolled back, or a writer is still recovering; "
                           "run `tledger verify` again\n");
}

// The head record rolled back with the events left in place (and the HEAD
// file rewritten to match, or deleted with the record): those events were
// committed once. Every reader refuses the ledger, and a writer, which
// would have discarded them as the leftovers of an interrupted import,
// refuses it too and deletes nothing.
std::string UnclaimedTail(const std::string& db, uint64_t first, uint64_t head) {
  return "the ledger at " + db + " holds events past its head record (seq " + std::to_string(head) + "), seqs " +
         std::to_string(first) +
         " to 24, and nothing proves them the leftovers of an import interrupted on this machine: no import marker "
         "claims them. Nothing was changed: an event that may have been committed is never deleted. If an import run "
         "by another user or on another machine was interrupted, run it again there, which removes them; otherwise "
         "the head record was rolled back: restore the ledger directory from a backup and check it with `tledger "
         "verify --expect-head` and a written-down checkpoint (SECURITY.md, \"Events past the head\")\n";
}

TEST_F(CliVerify, AHeadRecordRolledBackOverItsEventsIsRefusedByReadersAndWriters) {
  const Timestamp at20 = *ParseInstant(exported_[19]["recorded_at"].get<std::string>());
  RawLedger(db_).PutHead(20, ChainHash(20), at20);
  EXPECT_EQ(Failure(), UnclaimedTail(db_, 21, 20));
  RunResult report = Tledger(db_, {"report", "--as-of", "2025-12-31"});
  EXPECT_EQ(report.exit_code, 3);
  EXPECT_EQ(report.err, kErrorPrefix + UnclaimedTail(db_, 21, 20));

  RunResult import = Tledger(db_, {"import", DataPath("persons.csv"), "--type", "person_registered"});
  EXPECT_EQ(import.exit_code, 3) << import.out;
  EXPECT_EQ(import.err, kErrorPrefix + UnclaimedTail(db_, 21, 20));
  {
    RawLedger raw(db_);
    EXPECT_EQ(ColumnKeys(raw.raw().db, raw.raw().events).size(), 24u);  // nothing deleted
    EXPECT_EQ(raw.head().seq, 20u);
    // The head restored from the checkpoint written down before.
    const Timestamp at24 = *ParseInstant(exported_[23]["recorded_at"].get<std::string>());
    raw.PutHead(24, ChainHash(24), at24);
  }
  RunResult r = Tledger(db_, {"verify", "--expect-head", head_});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "intact: 24 events, 1 anchor matched; head " + head_ + "\n");
}

// Deleted with the HEAD file: a ledger with events and no HEAD is itself
// the finding (it was "no import under way" before issue 10).
TEST_F(CliVerify, ADeletedHeadRecordAndHeadFileAreAnIntegrityFailure) {
  {
    RawLedger raw(db_);
    ASSERT_TRUE(raw.raw().db->Delete(rocksdb::WriteOptions(), raw.raw().meta, keys::kHeadKey).ok());
  }
  ASSERT_TRUE(std::filesystem::remove(db_ + "/HEAD"));
  const std::string missing = "the ledger at " + db_ + " holds events (its head record says seq 0) but has no " + db_ +
                              "/HEAD, which its writer always keeps: it was deleted. Nothing was changed; write the "
                              "head you last wrote down (`tledger checkpoint` printed it) into " + db_ +
                              "/HEAD as SEQ:HASH and a newline, then run `tledger verify --expect-head SEQ:HASH`\n";
  EXPECT_EQ(Failure(), missing);
  RunResult import = Tledger(db_, {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(import.exit_code, 3) << import.out;
  EXPECT_EQ(import.err, kErrorPrefix + missing);
  RawLedger raw(db_);
  EXPECT_EQ(ColumnKeys(raw.raw().db, raw.raw().events).size(), 24u);
}

// Rolled back behind the head its last writer published (HEAD left alone):
// a writer refuses before looking further, and deletes nothing.
TEST_F(CliVerify, AWriterRefusesAHeadRecordBehindThePublishedHead) {
  const Timestamp at20 = *ParseInstant(exported_[19]["recorded_at"].get<std::string>());
  RawLedger(db_).PutHead(20, ChainHash(20), at20, /*cover_tracks=*/false);
  RunResult import = Tledger(db_, {"import", DataPath("sample.jsonl")});
  EXPECT_EQ(import.exit_code, 3) << import.out;
  EXPECT_EQ(import.err, std::string(kErrorPrefix) + "the ledger at " + db_ + " has its head record at seq 20 but its last writer published seq 24 (in " + db_ + "/HEAD): the head record was rolled back. Nothing was changed\n");
  EXPECT_EQ(ReadFile(db_ + "/HEAD"), head_ + "\n");
  RawLedger raw(db_);
  EXPECT_EQ(ColumnKeys(raw.raw().db, raw.raw().events).size(), 24u);
}

// A byte that breaks the message's structure (the root pointer of seq 5):
// verify names the seq; export, which does not verify, still never prints
// an event it cannot decode, and stops with exit 3.
TEST_F(CliVerify, AnEventThatNoLongerDecodesIsNamed) {
  FlipByte(5, 0);
  const std::string why =
      "stored event does not decode: expected boundsCheck(segment, ptr, wordCount); Message contains out-of-bounds "
      "list pointer.\n";
  EXPECT_EQ(Failure(), "seq 5: " + why);
  RunResult r = Tledger(db_, {"export"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(Lines(r.out).size(), 4u);
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "event seq 5: " + why);
}

// The previous-hash pointer of seq 5 turned from a list of 32 bytes into a
// struct of 4 data words over the same bytes: the message is still
// canonical, so it decodes, but the field no longer reads as Data. Export
// starting there reads that field first: exit 3 naming the seq, nothing
// printed; verify names the seq too.
TEST_F(CliVerify, APreviousHashPointerOfTheWrongKindIsNamedByExport) {
  {
    RawLedger raw(db_);
    std::string bytes = raw.EventBytes(5);
    const Hash prev = ChainHash(4);
    const size_t data = FindOnce(bytes, std::string_view(reinterpret_cast<const char*>(prev.data()), prev.size()));
    size_t changed = 0;
    for (size_t at = 8; at + 8 <= bytes.size(); at += 8) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + at, 8);
      const uint32_t lo = static_cast<uint32_t>(word), hi = static_cast<uint32_t>(word >> 32);
      const int64_t offset = static_cast<int32_t>(lo) >> 2;
      // A list pointer (kind 1) of 32 one-byte elements (size 2) to the hash.
      if ((lo & 3) == 1 && hi == (32u << 3 | 2) && at + 8 + offset * 8 == data) {
        word = static_cast<uint64_t>(4) << 32 | (lo & ~3u);  // a struct pointer: 4 data words, no pointers
        std::memcpy(bytes.data() + at, &word, 8);
        ++changed;
      }
    }
    ASSERT_EQ(changed, 1u);
    raw.PutEvent(5, bytes);
  }
  RunResult r = Tledger(db_, {"export", "--from", "5"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  const std::string why =
      "expected ref->kind() == WirePointer::LIST [0 == 1]; Message contains non-list pointer where data was "
      "expected.\n";
  EXPECT_EQ(r.err, std::string(kErrorPrefix) + "event seq 5: its previous-hash field does not read: " + why);
  EXPECT_EQ(Failure(), "seq 5: stored event does not decode: " + why);
}

// -------------------------------------------------------------- meta records

// The format version record: another version, a malformed one, or none at
// all beside a head. Each is named with the ledger it belongs to, and every
// command refuses the ledger (verify with exit 3, or 2 for a newer format,
// which cli_e2e_test covers).
TEST_F(CliVerify, AFormatRecordOfVersionZeroIsAnIntegrityFailure) {
  RawLedger(db_).PutMeta(keys::kFormatKey, std::string("\0\0\0\0", 4));
  EXPECT_EQ(Failure(), "the format record of " + db_ + " says format 0, which no tledger writes\n");
}

TEST_F(CliVerify, AMalformedFormatRecordIsAnIntegrityFailure) {
  RawLedger(db_).PutMeta(keys::kFormatKey, std::string("\0\0\1", 3));
  EXPECT_EQ(Failure(), "the format record of " + db_ + " is malformed\n");
}

TEST_F(CliVerify, ADeletedFormatRecordIsAnIntegrityFailure) {
  {
    RawLedger raw(db_);
    ASSERT_TRUE(raw.raw().db->Delete(rocksdb::WriteOptions(), raw.raw().meta, keys::kFormatKey).ok());
  }
  EXPECT_EQ(Failure(), "the ledger at " + db_ + " has a head but no format record\n");
}

// The head record (seq, chain hash, recorded_at): each part altered alone,
// the HEAD file beside the database rewritten to match as a careful
// tamperer would.
TEST_F(CliVerify, AChangedHashInTheHeadRecordNamesTheHeadSeq) {
  const Timestamp at = *ParseInstant(exported_[23]["recorded_at"].get<std::string>());
  RawLedger(db_).PutHead(24, ChainHash(23), at);
  EXPECT_EQ(Failure(), "seq 24: the recomputed chain hash " + ChainHex(24) + " differs from the head record " +
                           ChainHex(23) + ": the last event or the head record was altered\n");
}

TEST_F(CliVerify, AChangedRecordedAtInTheHeadRecordNamesTheHeadSeq) {
  const std::string last = exported_[23]["recorded_at"].get<std::string>();
  const Timestamp at = *ParseInstant(last);
  RawLedger(db_).PutHead(24, ChainHash(24), at + 3'600'000'000);
  EXPECT_EQ(Failure(), "seq 24: the head record says recorded_at " + FormatInstant(at + 3'600'000'000) +
                           ", but the event was recorded at " + last + ": the head record was altered\n");
}

TEST_F(CliVerify, AHeadRecordAheadOfTheEventsNamesTheFirstMissingSeq) {
  const Timestamp at = *ParseInstant(exported_[23]["recorded_at"].get<std::string>());
  RawLedger(db_).PutHead(25, ChainHash(24), at);
  EXPECT_EQ(Failure(), "seq 25: missing from the store: the event was deleted or moved\n");
}

TEST_F(CliVerify, AMalformedHeadRecordIsAnIntegrityFailure) {
  RawLedger(db_).PutMeta(keys::kHeadKey, std::string(47, '\1'));
  EXPECT_EQ(Failure(), "the head record is malformed (47 bytes)\n");
}

// -------------------------------------------------------------- history

// An event that still decodes but whose text lost its NUL terminator (the
// last byte of seq 19's reason): history names the seq with exit 3 instead
// of aborting on Cap'n Proto's exception, and prints nothing of the story.
TEST_F(CliVerify, HistoryNamesAnEventWhoseTextNoLongerReads) {
  const std::string reason = "sai số hiệu văn bằng";
  const size_t nul = FindOnce(RawLedger(db_).EventBytes(19), reason) + reason.size();
  FlipByte(19, nul);
  for (const char* format : {"table", "json"}) {
    RunResult r = Tledger(db_, {"history", "HG-E-0001", "--format", format});
    EXPECT_EQ(r.exit_code, 3) << format;
    EXPECT_EQ(r.out, "") << format;
    EXPECT_EQ(r.err, std::string(kErrorPrefix) + "event seq 19: stored event does not decode: expected cptr[unboundedSize] == '\\0' [\\x01 == \\x00]; "
                         "Message contains text that is not NUL-terminated.\n")
        << format;
  }
}

// A correction whose target is not in the story (the replacement names a
// unit its target does not): history finds the target through the id
// index. An entry forged to point at another event must not make history
// show that event's fields as what the correction changed.
TEST_F(CliVerify, HistoryRefusesAnIdEntryPointingAtAnotherEvent) {
  WriteFile(tmp_ / "more.jsonl",
            R"({"type":"person_registered","id":"t-p1","effective":"2025-01-01","person":"TP-1","name":"Phạm Văn Tâm","category":"cadre","unit":"HG","position":"Chuyên viên","leader":false})"
            "\n"
            R"({"type":"correction","id":"t-x1","effective":"2025-01-01","target":"t-p1","action":"replace","replacement":{"type":"person_registered","effective":"2025-01-01","person":"TP-1","name":"Phạm Văn Tâm","category":"cadre","unit":"CT-NK","position":"Chuyên viên","leader":false},"reason":"sai đơn vị"})"
            "\n");
  MakeLedger(db_, {tmp_ / "more.jsonl"});
  RunResult honest = Tledger(db_, {"history", "CT-NK"});
  EXPECT_EQ(honest.exit_code, 0) << honest.err;
  EXPECT_EQ(Lines(Normalized(honest.out)),
            (std::vector<std::string>{
                "Lịch sử của \"CT-NK\": 1 bản ghi",
                "      26  <time>  01/01/2025  Đính chính dữ liệu                        t-x1  Bản ghi được đính chính: "
                "t-p1; Cách đính chính: Thay thế bản ghi; Thay bằng: [Khai báo hồ sơ CB-CCVC ngày 01/01/2025: Cá nhân: "
                "TP-1; Tên: Phạm Văn Tâm; Đối tượng: Cán bộ; Đơn vị: CT-NK; Chức vụ, vị trí việc làm: Chuyên viên; "
                "Lãnh đạo, quản lý: không]; Lý do: sai đơn vị",
                "         người ghi: clerk",
                "         thay thế bản ghi t-p1 (số 25): Đơn vị: HG → CT-NK; lý do: sai đơn vị",
            }));

  // t-p1's entry pointed at seq 5, another person's registration.
  RawLedger(db_).PutId("t-p1", keys::IdValue(5, static_cast<uint16_t>(schema::Body::PERSON_REGISTERED)));
  for (const char* format : {"table", "json"}) {
    RunResult r = Tledger(db_, {"history", "CT-NK", "--format", format});
    EXPECT_EQ(r.exit_code, 3) << format;
    EXPECT_EQ(r.out, "") << format;
    EXPECT_EQ(r.err, std::string(kErrorPrefix) +
                         "the id index says \"t-p1\" is seq 5, but that event is \"s-p1\": run `tledger verify`\n")
        << format;
  }
  EXPECT_EQ(Failure(), "id index: \"t-p1\" points at seq 5, which is not that event\n");
}

}  // namespace
}  // namespace tledger::testing
