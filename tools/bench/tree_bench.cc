// What keeping the Merkle tree costs an import, per event, beside what the
// import already does (issue 13; core/TREE.md, "How the appender writes
// it"). The figures decide how the stored hashes are laid out in RocksDB.
//
//   build/tools/bench/tree_bench [--events N] [--dir DIR]
//
// On N events of 200 bytes, medians of three runs, each as events/s:
//   chain:         ChainHasher::Next, what the appender does today;
//   tree:          a leaf hash and Frontier::Append per event (every stored
//                  hash computed);
//   events SST:    an SST of the events (LZ4), as a large chunk writes;
//   tree SST, one key per hash: every stored hash its own key;
//   tree SST, runs of 256: the stored hashes in values of 256, keyed by
//                  the first one's stored index.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <rocksdb/env.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>

#include "core/hash_chain.h"
#include "core/keys.h"
#include "core/merkle.h"
#include "core/merkle_frontier.h"

namespace tledger {
namespace {

constexpr size_t kEventBytes = 200;
constexpr size_t kRun = 256;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void WriteSst(const std::string& path, rocksdb::CompressionType compression,
              const std::function<void(rocksdb::SstFileWriter&)>& fill) {
  rocksdb::Options options;
  options.compression = compression;
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  TLEDGER_CHECK(writer.Open(path).ok());
  fill(writer);
  TLEDGER_CHECK(writer.Finish().ok());
  std::filesystem::remove(path);
}

rocksdb::Slice SliceOf(const Hash* h, size_t count) {
  return rocksdb::Slice(reinterpret_cast<const char*>(h->data()), 32 * count);
}

}  // namespace
}  // namespace tledger

int main(int argc, char** argv) {
  using namespace tledger;
  CLI::App app{"tree_bench: the cost of the Merkle tree per imported event"};
  uint64_t n = 1'000'000;
  std::string dir = std::filesystem::temp_directory_path() / "tledger-tree-bench";
  app.add_option("--events", n, "events per run")->check(CLI::PositiveNumber);
  app.add_option("--dir", dir, "scratch directory (removed)");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(dir);

  std::vector<std::string> events(n, std::string(kEventBytes, '\0'));
  for (uint64_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < kEventBytes; ++k) events[i][k] = static_cast<char>(i * 131 + k * 7);
  }
  auto bytes = [&](uint64_t i) {
    return kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(events[i].data()), kEventBytes);
  };
  std::vector<double> chain_s, tree_s, events_s, keys_s, runs_s;
  std::vector<Hash> stored;
  for (int run = 0; run < 3; ++run) {
    ChainHasher chain;
    Hash h = kGenesisHash;
    auto t = std::chrono::steady_clock::now();
    for (uint64_t i = 0; i < n; ++i) h = chain.Next(h, bytes(i));
    chain_s.push_back(Seconds(t));

    merkle::TreeHasher hasher;
    merkle::Frontier frontier;
    std::vector<Hash> completed;
    stored.clear();
    stored.reserve(2 * n);
    t = std::chrono::steady_clock::now();
    for (uint64_t i = 0; i < n; ++i) {
      frontier.Append(hasher.Leaf(bytes(i)), hasher, &completed);
      stored.insert(stored.end(), completed.begin(), completed.end());
    }
    tree_s.push_back(Seconds(t));

    t = std::chrono::steady_clock::now();
    WriteSst(dir + "/events.sst", rocksdb::kLZ4Compression, [&](rocksdb::SstFileWriter& w) {
      for (uint64_t i = 0; i < n; ++i) TLEDGER_CHECK(w.Put(keys::EventKey(i + 1), events[i]).ok());
    });
    events_s.push_back(Seconds(t));

    t = std::chrono::steady_clock::now();
    WriteSst(dir + "/keys.sst", rocksdb::kNoCompression, [&](rocksdb::SstFileWriter& w) {
      for (size_t i = 0; i < stored.size(); ++i) TLEDGER_CHECK(w.Put(keys::EventKey(i), SliceOf(&stored[i], 1)).ok());
    });
    keys_s.push_back(Seconds(t));

    t = std::chrono::steady_clock::now();
    WriteSst(dir + "/runs.sst", rocksdb::kNoCompression, [&](rocksdb::SstFileWriter& w) {
      for (size_t i = 0; i < stored.size(); i += kRun) {
        TLEDGER_CHECK(w.Put(keys::EventKey(i), SliceOf(&stored[i], std::min(kRun, stored.size() - i))).ok());
      }
    });
    runs_s.push_back(Seconds(t));
  }
  std::filesystem::remove_all(dir);
  auto rate = [&](const std::vector<double>& s) { return static_cast<uint64_t>(n / Median(s)); };
  std::printf("events                           %llu (%zu bytes each), %zu stored hashes\n",
              static_cast<unsigned long long>(n), kEventBytes, stored.size());
  std::printf("chain (SHA-256 per event)        %llu events/s\n", static_cast<unsigned long long>(rate(chain_s)));
  std::printf("tree (leaf + interior hashes)    %llu events/s\n", static_cast<unsigned long long>(rate(tree_s)));
  std::printf("events SST (LZ4)                 %llu events/s\n", static_cast<unsigned long long>(rate(events_s)));
  std::printf("tree SST, one key per hash       %llu events/s\n", static_cast<unsigned long long>(rate(keys_s)));
  std::printf("tree SST, runs of 256 hashes     %llu events/s\n", static_cast<unsigned long long>(rate(runs_s)));
  return 0;
}
