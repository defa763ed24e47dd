// Import throughput against its physical ceiling (issue 2, item 6).
//
//   build/tools/bench/import_bench [--events N] [--input FILE.jsonl] [--dir DIR]
//
// Measures, in one run and on the same events:
//   ceiling: the events already parsed into Cap'n Proto messages in memory,
//            then canonicalize (the import's own fast path) + SHA-256 chain +
//            RocksDB append of the events alone (WriteBatch of 10,000, WAL
//            on, synced per batch), on one thread;
//   import:  `tledger import` of the JSON Lines file in-process, durable:
//            parse, validate, id checks, chain, indexes, commit.
// and prints events/s for both and their ratio.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <capnp/message.h>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>
#include <simdjson.h>
#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/hash_chain.h"
#include "core/json_codec.h"
#include "core/keys.h"
#include "core/store.h"
#include "tools/bench/bench_util.h"
#include "tools/cli/importer.h"

namespace tledger {
namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// The raw ceiling: canonicalize + chain + append of pre-built messages.
double MeasureCeiling(const std::string& jsonl, const std::string& dir) {
  std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> messages;
  {
    simdjson::dom::parser parser;
    size_t pos = 0;
    while (pos < jsonl.size()) {
      size_t nl = jsonl.find('\n', pos);
      if (nl == std::string::npos) nl = jsonl.size();
      simdjson::padded_string line(jsonl.data() + pos, nl - pos);
      pos = nl + 1;
      simdjson::dom::element doc;
      if (parser.parse(line).get(doc) != simdjson::SUCCESS) continue;
      auto msg = std::make_unique<capnp::MallocMessageBuilder>(64);
      TLEDGER_CHECK(EventFromJson(doc, "bench", msg->initRoot<schema::Event>()).ok());
      messages.push_back(std::move(msg));
    }
  }
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  TLEDGER_CHECK(rocksdb::DB::Open(options, dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  ChainHasher hasher;
  Hash chain = kGenesisHash;
  rocksdb::WriteBatch batch;
  rocksdb::WriteOptions synced;
  synced.sync = true;
  std::string canonical;
  auto start = std::chrono::steady_clock::now();
  uint64_t seq = 0;
  for (auto& msg : messages) {
    auto ev = msg->getRoot<schema::Event>();
    ev.setSeq(++seq);
    ev.setRecordedAt(1);
    ev.setPrevHash(capnp::Data::Reader(chain.data(), chain.size()));
    CanonicalizeInto(ev.asReader(), &canonical);
    chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(canonical.data()),
                                                           canonical.size()));
    batch.Put(keys::EventKey(seq), canonical);
    if (batch.Count() == 10'000) {
      TLEDGER_CHECK(db->Write(synced, &batch).ok());
      batch.Clear();
    }
  }
  if (batch.Count() > 0) TLEDGER_CHECK(db->Write(synced, &batch).ok());
  return static_cast<double>(messages.size()) / Seconds(start);
}

double MeasureImport(const std::string& path, const std::string& dir, uint64_t expected) {
  auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Store>> store = Store::Open(dir, OpenMode::kWrite);
  TLEDGER_CHECK(store.ok());
  Result<FileImport> r = ImportFile(**store, path, ImportOptions{"bench", ""});
  if (!r.ok()) {
    std::fprintf(stderr, "import failed: %s\n", r.status().message().c_str());
    std::exit(1);
  }
  TLEDGER_CHECK(r->appended == expected);
  return static_cast<double>(expected) / Seconds(start);
}

}  // namespace
}  // namespace tledger

int main(int argc, char** argv) {
  using namespace tledger;
  CLI::App app{"import throughput against the raw encode+hash+append ceiling"};
  uint64_t events = 1'000'000;
  std::string input, dir = "/tmp/tledger-import-bench";
  app.add_option("--events", events, "events to generate (default 1,000,000)");
  app.add_option("--input", input, "a JSON Lines file to use instead of generating");
  app.add_option("--dir", dir, "scratch directory (removed and recreated)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);

  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (input.empty()) {
    input = dir + "/events.jsonl";
    bench::GenerateEvents(events, 1, input);
  }
  std::string jsonl = bench::ReadFile(input);
  uint64_t lines = static_cast<uint64_t>(std::count(jsonl.begin(), jsonl.end(), '\n'));

  double ceiling = MeasureCeiling(jsonl, dir + "/ceiling");
  jsonl.clear();
  jsonl.shrink_to_fit();
  double import = MeasureImport(input, dir + "/ledger", lines);
  std::printf("events                 %10llu\n", static_cast<unsigned long long>(lines));
  std::printf("raw ceiling            %10.0f events/s  (canonicalize + SHA-256 chain + RocksDB append, batches of 10,000, synced)\n", ceiling);
  std::printf("tledger import         %10.0f events/s  (JSONL parse + validate + id checks + chain + indexes, durable)\n", import);
  std::printf("ratio                  %10.1f %%\n", 100.0 * import / ceiling);
  std::filesystem::remove_all(dir);
  return 0;
}
