// The national-scale benchmark (issue 4): ledgers of generated events, each
// figure next to its physical ceiling, measured in one run.
//
//   build/tools/bench/scale_bench --sizes 1000000,3000000,10000000 [--dir DIR] [--pairs 200]
//       [--markdown BENCHMARKS.md]
//
// Per size N (tledger-gen --seed 1 --events N, in 10 parts: ten imports, so
// that known-at has ten instants to cut at):
//   import      `tledger import` of the ten files, durable, whole command;
//               ceiling: the same events pre-parsed, canonicalize + SHA-256
//               chain + RocksDB append (batches of 10,000, synced);
//   verify      `tledger verify`, whole command; ceiling: scan + SHA-256;
//   rebuild     replay + resolve of every projection, in-process; ceiling:
//               scan + decode; then the report timeline of the head;
//   report      for random (as-of, known-at) pairs: in-process and whole
//               CLI command, p50 / p99 / max; and as of a random date known
//               now, warm;
//   violations  the same, a smaller sample (a full evaluation each);
//   memory      peak RSS of every command run; disk bytes per event after a
//               full compaction.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
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
#include "projections/evaluate.h"
#include "projections/replay.h"
#include "projections/report_cache.h"
#include "projections/resolved.h"
#include "projections/stretches.h"
#include "tools/bench/bench_util.h"

namespace tledger {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Run {
  double seconds = 0;
  long max_rss_kb = 0;
  int exit_code = -1;
};

// Runs a command (argv), its output to /dev/null; wall time and peak RSS.
Run RunCommand(const std::vector<std::string>& argv) {
  std::fflush(stdout);  // or the child prints our buffer again
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  wait4(pid, &status, 0, &usage);
  return Run{Since(start), usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128};
}

struct Latency {
  double p50 = 0, p99 = 0, max = 0;
  size_t samples = 0;
};
Latency Percentiles(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * static_cast<double>(ms.size())))]; };
  return Latency{at(0.50), at(0.99), ms.back(), ms.size()};
}

std::string Fixed(double v, int digits = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
std::string Rate(double events, double seconds) { return Fixed(events / seconds / 1000.0) + "k/s"; }
std::string Lat(const Latency& l) {
  return Fixed(l.p50, 1) + " / " + Fixed(l.p99, 1) + " / " + Fixed(l.max, 1) + " ms (n=" + std::to_string(l.samples) + ")";
}

// The import ceiling: the events pre-parsed (untimed, a block at a time),
// then canonicalize + chain + append, timed.
double ImportCeiling(const std::vector<std::string>& files, const std::string& dir, uint64_t* events) {
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
  simdjson::dom::parser parser;
  std::string canonical;
  double timed = 0;
  uint64_t seq = 0;
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    bool more = true;
    while (more) {
      std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> block;
      while (block.size() < 100'000 && (more = static_cast<bool>(std::getline(in, line)))) {
        simdjson::padded_string padded(line);
        simdjson::dom::element doc;
        if (parser.parse(padded).get(doc) != simdjson::SUCCESS) continue;
        auto msg = std::make_unique<capnp::MallocMessageBuilder>(64);
        TLEDGER_CHECK(EventFromJson(doc, "bench", msg->initRoot<schema::Event>()).ok());
        block.push_back(std::move(msg));
      }
      auto start = Clock::now();
      for (auto& msg : block) {
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
      if (!more && batch.Count() > 0) {
        TLEDGER_CHECK(db->Write(synced, &batch).ok());
        batch.Clear();
      }
      timed += Since(start);
    }
  }
  *events = seq;
  return timed;
}

// Scan the events, and SHA-256 chain them (verify's ceiling) or decode them
// (rebuild's ceiling).
double ScanCeiling(const Store& store, bool hash) {
  ChainHasher hasher;
  Hash chain = kGenesisHash;
  EventDecoder decoder;
  uint64_t decoded = 0;
  auto start = Clock::now();
  Status s = store.Scan(1, store.head().seq, [&](uint64_t, std::string_view bytes) -> Status {
    if (hash) {
      chain = hasher.Next(chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    } else {
      decoded += decoder.Decode(bytes).ok();
    }
    return Status::Ok();
  });
  TLEDGER_CHECK(s.ok());
  return Since(start);
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) n += e.file_size();
  }
  return n;
}

struct SizeResult {
  uint64_t events = 0;
  double import_s = 0, import_ceiling_s = 0, close_s = 0;
  long import_rss = 0;
  double verify_s = 0, verify_ceiling_s = 0;
  long verify_rss = 0;
  double rebuild_s = 0, rebuild_ceiling_s = 0, timeline_s = 0;
  double compact_s = 0;
  uint64_t disk_bytes = 0;
  Latency report_now_warm, report_pairs, report_cli_now, report_cli_pairs;
  long report_cold_rss = 0;
  double report_cold_s = 0;
  Latency violations_pairs, violations_cli;
  long violations_rss = 0;
};

SizeResult Measure(uint64_t n, const std::string& root, const std::string& bin, size_t pairs, size_t violation_pairs) {
  SizeResult r;
  const std::string dir = root + "/n" + std::to_string(n);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::printf("== %llu events\n", static_cast<unsigned long long>(n));
  std::fflush(stdout);
  const std::string gen_prefix = dir + "/gen";
  bench::GenerateEvents(n, 1, gen_prefix, 10);
  std::vector<std::string> files;
  for (int p = 0; p < 10; ++p) {
    char name[32];
    std::snprintf(name, sizeof name, ".%03d.jsonl", p);
    files.push_back(gen_prefix + name);
  }

  r.import_ceiling_s = ImportCeiling(files, dir + "/ceiling", &r.events);
  fs::remove_all(dir + "/ceiling");
  std::printf("  import ceiling: %s\n", Rate(static_cast<double>(r.events), r.import_ceiling_s).c_str());

  const std::string db = dir + "/ledger";
  std::vector<std::string> import = {bin, "-q", "--db", db, "--actor", "bench", "import"};
  import.insert(import.end(), files.begin(), files.end());
  Run imported = RunCommand(import);
  TLEDGER_CHECK(imported.exit_code == 0);
  r.import_s = imported.seconds;
  r.import_rss = imported.max_rss_kb;
  std::printf("  import: %s (%.1f s)\n", Rate(static_cast<double>(r.events), r.import_s).c_str(), r.import_s);
  std::fflush(stdout);

  {
    auto start = Clock::now();
    Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kWrite);
    TLEDGER_CHECK(store.ok());
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    Store::Raw raw = (*store)->raw();
    for (auto* cf : {raw.events, raw.ids, raw.subjects, raw.meta}) TLEDGER_CHECK(raw.db->CompactRange(options, cf, nullptr, nullptr).ok());
    r.compact_s = Since(start);
  }
  r.disk_bytes = DirBytes(db);
  std::printf("  disk after compaction: %.1f bytes/event (compaction %.1f s)\n",
              static_cast<double>(r.disk_bytes) / static_cast<double>(r.events), r.compact_s);

  Run verified = RunCommand({bin, "-q", "--db", db, "verify"});
  TLEDGER_CHECK(verified.exit_code == 0);
  r.verify_s = verified.seconds;
  r.verify_rss = verified.max_rss_kb;

  Result<std::unique_ptr<Store>> store = Store::Open(db, OpenMode::kRead);
  TLEDGER_CHECK(store.ok());
  r.verify_ceiling_s = ScanCeiling(**store, true);
  r.rebuild_ceiling_s = ScanCeiling(**store, false);
  std::printf("  verify: %s (ceiling %s)\n", Rate(static_cast<double>(r.events), r.verify_s).c_str(),
              Rate(static_cast<double>(r.events), r.verify_ceiling_s).c_str());

  Timestamp head_at = (*store)->head().recorded_at;
  {
    auto start = Clock::now();
    Result<Timeline> timeline = Replay(**store, head_at);
    TLEDGER_CHECK(timeline.ok());
    Resolved resolved = Resolve(*timeline);
    r.rebuild_s = Since(start);
    auto t2 = Clock::now();
    ReportTimeline built = ReportTimeline::Build(resolved, BuildStretches(resolved));
    r.timeline_s = Since(t2);
  }
  std::printf("  rebuild: %s (ceiling %s); report timeline %.1f s\n", Rate(static_cast<double>(r.events), r.rebuild_s).c_str(),
              Rate(static_cast<double>(r.events), r.rebuild_ceiling_s).c_str(), r.timeline_s);
  std::fflush(stdout);

  // The ten import instants, for known-at.
  std::vector<Timestamp> instants;
  {
    Timestamp last = -1;
    Status s = (*store)->ScanEvents(1, (*store)->head().seq, [&](uint64_t, schema::Event::Reader ev) -> Status {
      if (ev.getRecordedAt() != last) instants.push_back(last = ev.getRecordedAt());
      return Status::Ok();
    });
    TLEDGER_CHECK(s.ok());
  }
  std::mt19937_64 rng(42);
  const Date first_day = *Date::Parse("2016-01-01"), last_day = *Date::Parse("2031-12-31");
  auto random_day = [&] {
    return Date::FromDays(first_day.days() + static_cast<int32_t>(rng() % static_cast<uint64_t>(last_day.days() - first_day.days() + 1)));
  };
  struct Pair {
    Date as_of;
    Timestamp known_at;
  };
  std::vector<Pair> random_pairs;
  for (size_t i = 0; i < pairs; ++i) {
    Timestamp t = rng() % 2 == 0 ? head_at : instants[rng() % instants.size()];
    random_pairs.push_back(Pair{random_day(), t});
  }

  // The CLI, cold: the first report builds and caches the head's timeline.
  Run cold = RunCommand({bin, "-q", "--db", db, "report", "--as-of", "2025-12-31", "--format", "json"});
  TLEDGER_CHECK(cold.exit_code == 0);
  r.report_cold_s = cold.seconds;
  r.report_cold_rss = cold.max_rss_kb;

  // In-process: one view per prefix, kept.
  std::map<uint64_t, std::unique_ptr<ReportCacheView>> views;
  auto view_for = [&](Timestamp t) -> ReportCacheView& {
    Result<Prefix> p = PrefixKnownAt(**store, t);
    TLEDGER_CHECK(p.ok());
    auto& v = views[p->seq];
    if (!v) {
      Result<std::unique_ptr<ReportCacheView>> opened = TimelineKnownAt(**store, t, true);
      TLEDGER_CHECK(opened.ok());
      v = std::move(*opened);
    }
    return *v;
  };
  std::vector<double> now_ms, pairs_ms;
  view_for(head_at);  // warm
  for (size_t i = 0; i < pairs; ++i) {
    auto start = Clock::now();
    Result<Report> rep = view_for(head_at).At(random_day(), head_at);
    TLEDGER_CHECK(rep.ok());
    now_ms.push_back(Since(start) * 1000);
  }
  for (const Pair& p : random_pairs) {
    auto start = Clock::now();
    Result<Report> rep = view_for(p.known_at).At(p.as_of, p.known_at);
    TLEDGER_CHECK(rep.ok());
    pairs_ms.push_back(Since(start) * 1000);
  }
  r.report_now_warm = Percentiles(now_ms);
  r.report_pairs = Percentiles(pairs_ms);
  std::vector<double> cli_now, cli_pairs;
  for (size_t i = 0; i < pairs; ++i) {
    Run run = RunCommand({bin, "-q", "--db", db, "report", "--as-of", random_day().ToString(), "--format", "json"});
    TLEDGER_CHECK(run.exit_code == 0);
    cli_now.push_back(run.seconds * 1000);
  }
  for (const Pair& p : random_pairs) {
    Run run = RunCommand({bin, "-q", "--db", db, "report", "--as-of", p.as_of.ToString(), "--known-at",
                          FormatInstant(p.known_at), "--format", "json"});
    TLEDGER_CHECK(run.exit_code == 0);
    cli_pairs.push_back(run.seconds * 1000);
  }
  r.report_cli_now = Percentiles(cli_now);
  r.report_cli_pairs = Percentiles(cli_pairs);
  std::printf("  report in-process now %s; pairs %s\n  report CLI now %s; pairs %s\n", Lat(r.report_now_warm).c_str(),
              Lat(r.report_pairs).c_str(), Lat(r.report_cli_now).c_str(), Lat(r.report_cli_pairs).c_str());
  std::fflush(stdout);

  // Violations: a full evaluation each; pairs grouped by known-at so that
  // each prefix is replayed once.
  std::vector<Pair> vpairs(random_pairs.begin(), random_pairs.begin() + static_cast<std::ptrdiff_t>(std::min(violation_pairs, random_pairs.size())));
  std::sort(vpairs.begin(), vpairs.end(), [](const Pair& a, const Pair& b) { return a.known_at < b.known_at; });
  std::vector<double> v_ms;
  {
    Timeline timeline;
    uint64_t folded = 0;
    Timestamp resolved_at = -1;
    std::optional<Resolved> resolved;
    for (const Pair& p : vpairs) {
      if (p.known_at != resolved_at) {
        Result<Prefix> prefix = PrefixKnownAt(**store, p.known_at);
        TLEDGER_CHECK(prefix.ok());
        TLEDGER_CHECK(ReplayInto(**store, folded + 1, p.known_at, &timeline).ok());
        folded = prefix->seq;
        resolved.reset();
        resolved.emplace(Resolve(timeline));
        resolved_at = p.known_at;
      }
      auto start = Clock::now();
      Outcome o = Evaluate(*resolved, {.as_of = p.as_of, .known_at = p.known_at, .restate_units = false, .plan = ""});
      v_ms.push_back(Since(start) * 1000);
    }
  }
  r.violations_pairs = Percentiles(v_ms);
  std::vector<double> v_cli;
  for (size_t i = 0; i < std::min<size_t>(vpairs.size(), 10); ++i) {
    Run run = RunCommand({bin, "-q", "--db", db, "violations", "--as-of", vpairs[i].as_of.ToString(), "--known-at",
                          FormatInstant(vpairs[i].known_at), "--format", "json"});
    TLEDGER_CHECK(run.exit_code == 0);
    v_cli.push_back(run.seconds * 1000);
    r.violations_rss = std::max(r.violations_rss, run.max_rss_kb);
  }
  r.violations_cli = Percentiles(v_cli);
  std::printf("  violations in-process %s; CLI %s\n", Lat(r.violations_pairs).c_str(), Lat(r.violations_cli).c_str());
  std::fflush(stdout);
  store->reset();
  fs::remove_all(dir);
  return r;
}

std::string Machine() {
  std::ifstream cpu("/proc/cpuinfo");
  std::string line, model = "unknown CPU";
  while (std::getline(cpu, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return std::to_string(sysconf(_SC_NPROCESSORS_ONLN)) + " cores (" + model + "), " +
         Fixed(static_cast<double>(pages) * static_cast<double>(page) / (1 << 30), 0) + " GiB";
}

std::string Table(const std::vector<SizeResult>& rs, const std::string& command) {
  std::ostringstream out;
  auto mib = [](long kb) { return Fixed(static_cast<double>(kb) / 1024.0, 0) + " MiB"; };
  out << "| figure | target |";
  for (const SizeResult& r : rs) out << " " << r.events / 1000000.0 << "M events |";
  out << "\n|---|---|";
  for (size_t i = 0; i < rs.size(); ++i) out << "---|";
  out << "\n";
  auto row = [&](const std::string& name, const std::string& target, auto cell) {
    out << "| " << name << " | " << target << " |";
    for (const SizeResult& r : rs) out << " " << cell(r) << " |";
    out << "\n";
  };
  double ev;
  row("import, durable (whole command)", ">= 400k/s", [&](const SizeResult& r) { ev = static_cast<double>(r.events); return Rate(ev, r.import_s); });
  row("import ceiling: canonicalize + chain + append", "", [&](const SizeResult& r) { return Rate(static_cast<double>(r.events), r.import_ceiling_s); });
  row("import / ceiling", ">= 60%", [&](const SizeResult& r) { return Fixed(100.0 * r.import_ceiling_s / r.import_s) + "%"; });
  row("verify (whole command)", ">= 1.5M/s", [&](const SizeResult& r) { return Rate(static_cast<double>(r.events), r.verify_s); });
  row("verify ceiling: scan + SHA-256", "", [&](const SizeResult& r) { return Rate(static_cast<double>(r.events), r.verify_ceiling_s); });
  row("full rebuild: replay + resolve", ">= 1.5M/s", [&](const SizeResult& r) { return Rate(static_cast<double>(r.events), r.rebuild_s); });
  row("rebuild ceiling: scan + decode", "", [&](const SizeResult& r) { return Rate(static_cast<double>(r.events), r.rebuild_ceiling_s); });
  row("report timeline of the head (built once)", "", [&](const SizeResult& r) { return Fixed(r.timeline_s, 1) + " s"; });
  row("report, random date, known now, warm, in-process p50 / p99 / max", "<= 100 / 500 ms",
      [&](const SizeResult& r) { return Lat(r.report_now_warm); });
  row("report, random date, known now, whole CLI p50 / p99 / max", "p50 <= 300 ms",
      [&](const SizeResult& r) { return Lat(r.report_cli_now); });
  row("report, random (as-of, known-at), in-process", "", [&](const SizeResult& r) { return Lat(r.report_pairs); });
  row("report, random (as-of, known-at), whole CLI", "", [&](const SizeResult& r) { return Lat(r.report_cli_pairs); });
  row("report, first after import (builds the cache), whole CLI", "", [&](const SizeResult& r) { return Fixed(r.report_cold_s, 1) + " s"; });
  row("violations, random (as-of, known-at), in-process", "", [&](const SizeResult& r) { return Lat(r.violations_pairs); });
  row("violations, whole CLI (replays the ledger)", "", [&](const SizeResult& r) { return Lat(r.violations_cli); });
  row("peak RSS: import / verify / first report / violations", "<= 4 GiB", [&](const SizeResult& r) {
    return mib(r.import_rss) + " / " + mib(r.verify_rss) + " / " + mib(r.report_cold_rss) + " / " + mib(r.violations_rss);
  });
  row("disk after compaction", "<= 150 B/event", [&](const SizeResult& r) {
    return Fixed(static_cast<double>(r.disk_bytes) / static_cast<double>(r.events), 1) + " B/event";
  });
  (void)ev;
  (void)command;
  return out.str();
}

}  // namespace
}  // namespace tledger

int main(int argc, char** argv) {
  using namespace tledger;
  CLI::App app{"tledger at national scale, each figure next to its ceiling"};
  std::string sizes_text = "1000000,3000000,10000000", dir = "/tmp/tledger-scale-bench", markdown;
  size_t pairs = 200, violation_pairs = 200;
  app.add_option("--sizes", sizes_text, "comma-separated event counts");
  app.add_option("--dir", dir, "scratch directory");
  app.add_option("--pairs", pairs, "random (as-of, known-at) pairs for report latency (default 200)");
  app.add_option("--violation-pairs", violation_pairs, "pairs for violations latency (default 200)");
  app.add_option("--markdown", markdown, "write the table into this file (between scale markers)");
  CLI11_PARSE(app, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  std::vector<uint64_t> sizes;
  std::stringstream ss(sizes_text);
  for (std::string item; std::getline(ss, item, ',');) sizes.push_back(std::stoull(item));
  const std::string bin = std::string(TLEDGER_BIN_PATH);

  std::vector<SizeResult> results;
  for (uint64_t n : sizes) results.push_back(Measure(n, dir, bin, pairs, violation_pairs));

  std::string command = "build/tools/bench/scale_bench --sizes " + sizes_text + " --pairs " + std::to_string(pairs) +
                        " --violation-pairs " + std::to_string(violation_pairs);
  std::string table = Table(results, command);
  std::printf("\n%s", table.c_str());
  if (!markdown.empty()) {
    std::ifstream in(markdown);
    std::stringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    const std::string begin = "<!-- scale:begin -->", end = "<!-- scale:end -->";
    char today[16];
    time_t now = time(nullptr);
    strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
    std::string section = begin + "\nMeasured " + today + " on " + Machine() + " by `" + command + "`.\n\n" + table + end;
    size_t b = text.find(begin), e = text.find(end);
    if (b != std::string::npos && e != std::string::npos) {
      text.replace(b, e + end.size() - b, section);
    } else {
      text += "\n" + section + "\n";
    }
    std::ofstream(markdown) << text;
  }
  return 0;
}
