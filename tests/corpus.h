// What the reliability tests (crash, disk full, concurrent readers) share: a
// generated ledger cut into files of chosen sizes, and a look at the RocksDB
// background threads of a running tledger.
//
//   Corpus corpus = WriteCorpus(tmp, /*seed=*/5, {2'000, 120'000, 300});
//   MakeLedger(tmp / "db", {corpus.paths[0]});   // each prefix of files is a valid ledger
//   corpus.boundaries[1] == 2'000                  // the head after the first file
#ifndef TLEDGER_TESTS_CORPUS_H_
#define TLEDGER_TESTS_CORPUS_H_

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tests/test_util.h"

namespace tledger::testing {

struct Corpus {
  std::vector<std::string> paths;             // the files, in import order
  std::vector<std::vector<std::string>> ids;  // the event ids of each file, in line order
  // boundaries[i]: the head seq once files 0..i-1 are imported (boundaries[0] == 0).
  std::vector<uint64_t> boundaries;
};

// One ledger from tools/gen (seed `seed`), cut in order into files of
// `sizes` events: every reference points backwards, so each prefix of the
// files imports cleanly. Files are `tmp`/part-N.jsonl.
Corpus WriteCorpus(const TempDir& tmp, uint64_t seed, const std::vector<size_t>& sizes);

// A number from the environment (soak runs raise counts), else `fallback`;
// aborts on a value that is not a number.
uint64_t EnvNumber(const char* name, uint64_t fallback);

// Whether a thread of `pid` named `name` is at work rather than waiting on a
// condition variable. RocksDB names its flush thread "rocksdb:high" and its
// compaction thread "rocksdb:low".
bool ThreadBusy(pid_t pid, std::string_view name);

}  // namespace tledger::testing

#endif  // TLEDGER_TESTS_CORPUS_H_
