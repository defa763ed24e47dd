// The format library, the projections and the offline verifier link no
// RocksDB (core/TREE.md, "The format library"): a verifier that a court or
// an inspectorate runs must not need the database. Each probe
// (tests/link_probe.cc) links one library with --no-as-needed, so any
// shared library that library drags onto a link line shows in its
// DT_NEEDED entries; and no probe or verifier may hold a RocksDB symbol.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace tledger::testing {
namespace {

// What of RocksDB `binary` holds: its shared library's name (a DT_NEEDED
// entry's string) or a mangled name of its namespace. Empty when none.
std::string RocksDbIn(const std::string& binary) {
  const std::string bytes = ReadFile(binary);
  for (std::string_view mark : {"librocksdb", "_ZN7rocksdb", "_ZNK7rocksdb"}) {
    if (bytes.find(mark) != std::string::npos) return std::string(mark);
  }
  return "";
}

TEST(LinkCheck, TheFormatLibraryLinksNoRocksDb) {
  EXPECT_EQ(RocksDbIn(TLEDGER_LINK_PROBE_FORMAT), "") << TLEDGER_LINK_PROBE_FORMAT;
}

TEST(LinkCheck, TheProjectionsLinkNoRocksDb) {
  EXPECT_EQ(RocksDbIn(TLEDGER_LINK_PROBE_PROJECTIONS), "") << TLEDGER_LINK_PROBE_PROJECTIONS;
}

// The offline verifier: what a court or an inspectorate runs.
TEST(LinkCheck, TledgerVerifyLinksNoRocksDb) {
  EXPECT_EQ(RocksDbIn(TLEDGER_VERIFY_BIN), "") << TLEDGER_VERIFY_BIN;
}

// The check itself sees RocksDB where it is: the tledger binary links it.
TEST(LinkCheck, SeesRocksDbInTheLedgersOwnBinary) {
  EXPECT_EQ(RocksDbIn(TLEDGER_BIN), "librocksdb");
}

}  // namespace
}  // namespace tledger::testing
