// import, export, verify, checkpoint, log: the commands that deal in events
// as such, without projections.
#include <chrono>
#include <cerrno>
#include <cinttypes>
#include <cstring>

#include <spdlog/spdlog.h>

#include "core/codec.h"
#include "core/json_codec.h"
#include "core/ledger_dir.h"
#include "core/local_key.h"
#include "core/printable.h"
#include "core/schema_info.h"
#include "core/store.h"
#include "core/verify.h"
#include "projections/report_cache.h"
#include "tools/cli/commands.h"
#include "tools/cli/event_text.h"
#include "tools/cli/importer.h"
#include "tools/cli/render.h"
#include "tools/cli/render_json.h"
#include "tools/cli/report_commands.h"

namespace tledger {

Status CmdImport(const Globals& g, const ImportArgs& a) {
  if (g.read_only) return Status::InvalidInput("import writes to the ledger, but --read-only was given; leave --read-only out to import");
  auto start = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kWrite);
  if (!store.ok()) return store.status();
  ImportOptions options{g.actor, a.type};
  uint64_t appended = 0, repeats = 0;
  size_t done = 0;
  Status failure;
  for (const std::string& file : a.files) {
    Result<FileImport> r = ImportFile(**store, file, options);
    if (!r.ok()) {
      failure = r.status();
      break;
    }
    spdlog::info("{}: {} appended, {} already present; head seq {}", r->name, r->appended, r->repeats, r->head.seq);
    appended += r->appended;
    repeats += r->repeats;
    ++done;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Head head = (*store)->head();
  if (!failure.ok()) {
    if (done > 0) {
      std::string line = PartialImportSummary(done, a.files.size(), appended, repeats, head, failure);
      std::fwrite(line.data(), 1, line.size(), g.out);
    }
    if (done + 1 < a.files.size()) {
      spdlog::warn("{} later file(s) were not attempted", a.files.size() - done - 1);
    }
    return failure;
  }
  std::fprintf(g.out, "imported %zu file%s: %" PRIu64 " appended, %" PRIu64 " already present%s, in %.3f s; head seq %" PRIu64 "\n",
               done, done == 1 ? "" : "s", appended, repeats, appended == 0 ? " (nothing new)" : "", seconds, head.seq);
  return Status::Ok();
}

Status CmdExport(const Globals& g, const ExportArgs& a) {
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  Head head = (*store)->head();
  if (a.from == 0 || a.from > a.to) return Status::InvalidInput("--from must be at least 1 and not after --to");
  uint64_t to = std::min(a.to, head.seq);
  // Each event's hash is chained from the previous-hash field of the first
  // one exported: from seq 1 that is H_0, and the chain is recomputed whole.
  ChainHasher hasher;
  std::optional<Hash> chain;
  EventDecoder decoder;
  Status s = (*store)->Scan(a.from, to, [&](uint64_t seq, std::string_view bytes) -> Status {
    Result<schema::Event::Reader> ev = decoder.Decode(bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + ev.status().message());
    if (!chain) {
      // The stored pointer is read through Cap'n Proto, which throws on one
      // of the wrong kind: an integrity failure naming the seq, not a crash.
      try {
        auto prev = ev->getPrevHash();
        chain.emplace();
        if (prev.size() == 32) std::memcpy(chain->data(), prev.begin(), 32);
      } catch (const kj::Exception& e) {
        return Status::Corruption("event seq " + std::to_string(seq) + ": its previous-hash field does not read: " +
                                  Describe(e));
      }
    }
    *chain = hasher.Next(*chain, kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    Result<std::string> json = EventToJson(*ev, &*chain);
    if (!json.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + json.status().message());
    std::string text = EscapedJson(*json) + "\n";  // the same values, shown safely
    if (std::fwrite(text.data(), 1, text.size(), g.out) != text.size()) {
      return Status::IoError("cannot write the export: " + std::string(std::strerror(errno)));
    }
    return Status::Ok();
  });
  TLEDGER_RETURN_IF_ERROR(s);
  if (to == head.seq && chain && *chain != head.hash) {
    spdlog::warn("the exported chain does not end in the head record's hash: run `tledger verify`");
  }
  return Status::Ok();
}

Status CmdVerify(const Globals& g, const VerifyArgs& a) {
  VerifyOptions options;
  for (const std::string& text : a.expect_heads) {
    Result<Anchor> anchor = ParseAnchor(text);
    if (!anchor.ok()) return Status::InvalidInput("--expect-head: " + anchor.status().message());
    options.anchors.push_back(*anchor);
  }
  if (!a.anchors_file.empty()) {
    Result<std::vector<Anchor>> anchors = ReadAnchorFile(a.anchors_file);
    if (!anchors.ok()) return anchors.status();
    options.anchors.insert(options.anchors.end(), anchors->begin(), anchors->end());
  }
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead, VerifyingReader());
  if (!store.ok()) return store.status();
  auto start = std::chrono::steady_clock::now();
  Result<VerifyReport> r = Verify(**store, options);
  if (!r.ok()) return r.status();
  // And the derived state a report trusts: every report cache file made
  // under this machine's key, whole (projections/report_cache.h).
  Result<std::shared_ptr<const LocalKey>> key = (*store)->Key();
  size_t caches = 0;
  std::vector<std::string> foreign;
  if (key.ok()) {
    TLEDGER_RETURN_IF_ERROR(VerifyReportCaches(**store, **key, &caches, &foreign));
  } else {
    TLEDGER_RETURN_IF_ERROR(CheckCacheDir(g.db));
    spdlog::warn("the report cache was not checked, and no report uses it: {}", key.status().message());
  }
  for (const std::string& path : foreign) {
    spdlog::warn("{} was made under another local key or by another version: not checked; no report here uses it, "
                 "the next one replaces it", path);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  spdlog::info("verified {} events, {} id and {} subject index entries, {} report cache file(s) in {:.3f} s", r->events,
               r->id_entries, r->subject_entries, caches, seconds);
  std::fprintf(g.out, "intact: %" PRIu64 " events, %zu anchor%s matched; head %s\n", r->events,
               options.anchors.size(), options.anchors.size() == 1 ? "" : "s",
               FormatAnchor(Anchor{r->head.seq, r->head.hash}).c_str());
  return Status::Ok();
}

Result<std::string> CheckpointOutput(const Globals& g, const CheckpointArgs& a) {
  Result<Format> format = ParseFormat(a.format);
  if (!format.ok()) return format.status();
  if (*format == Format::kCsv) return Status::InvalidInput("--format: checkpoint prints table or json");
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead, VerifyingReader());
  if (!store.ok()) return store.status();
  // An anchor is only worth writing down for a ledger that verifies.
  Result<VerifyReport> r = Verify(**store, VerifyOptions{});
  if (!r.ok()) return r.status();
  std::string anchor = FormatAnchor(Anchor{r->head.seq, r->head.hash});
  if (*format == Format::kTable) return anchor + "\n";
  nlohmann::ordered_json doc = {{"seq", r->head.seq},
                                {"hash", ToHex(r->head.hash)},
                                {"recorded_at", FormatInstant(r->head.recorded_at)},
                                {"checkpoint", anchor}};
  return JsonText(doc);
}

Status CmdCheckpoint(const Globals& g, const CheckpointArgs& a) { return WriteOutput(g, CheckpointOutput(g, a)); }

Status LogOutput(const Globals& g, const LogArgs& a, const std::function<Status(std::string_view)>& sink) {
  Result<Format> format = ParseFormat(a.format);
  if (!format.ok()) return format.status();
  if (*format == Format::kCsv) return Status::InvalidInput("--format: log prints table or json");
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return lang.status();
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  uint64_t head = (*store)->head().seq;
  // A negative --tail asks for the whole ledger; so does one past its start.
  const bool all = a.tail < 0 || static_cast<uint64_t>(a.tail) >= head;
  uint64_t from = all ? 1 : head - static_cast<uint64_t>(a.tail) + 1;
  TLEDGER_RETURN_IF_ERROR((*store)->CheckSuffix(from));  // what it shows hashes to the head
  if (*format == Format::kTable) {
    return (*store)->ScanEvents(from, head, [&](uint64_t, schema::Event::Reader ev) -> Status {
      return sink(Escaped(EventLine(ev, *lang)) + "\n");
    });
  }
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  TLEDGER_RETURN_IF_ERROR((*store)->ScanEvents(from, head, [&](uint64_t seq, schema::Event::Reader ev) -> Status {
    Result<nlohmann::ordered_json> e = StoredEventJson(seq, ev);
    if (!e.ok()) return e.status();
    events.push_back(std::move(*e));
    return Status::Ok();
  }));
  nlohmann::ordered_json doc = {{"head", head}, {"tail", a.tail}, {"events", std::move(events)}};
  return sink(JsonText(doc));
}

Status CmdLog(const Globals& g, const LogArgs& a) {
  return LogOutput(g, a, [&](std::string_view text) { return WriteOut(g, text); });
}

}  // namespace tledger
