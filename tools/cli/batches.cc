#include "tools/cli/batches.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/printable.h"
#include "tools/cli/render_json.h"
#include "tools/cli/shown.h"
#include "tools/cli/report_commands.h"
#include "tools/cli/text_table.h"

namespace tledger {

Status ExtendBatches(const Store& store, std::vector<Batch>* batches) {
  Head head = store.head();
  if (!batches->empty() && batches->back().last_seq > head.seq) batches->clear();
  uint64_t from = batches->empty() ? 1 : batches->back().last_seq + 1;
  if (from > head.seq) return Status::Ok();
  return store.ScanEvents(from, head.seq, [&](uint64_t seq, schema::Event::Reader ev) -> Status {
    Timestamp at = ev.getRecordedAt();
    if (batches->empty() || batches->back().recorded_at != at) {
      batches->push_back(Batch{.recorded_at = at, .first_seq = seq, .last_seq = seq});
    }
    Batch& b = batches->back();
    b.last_seq = seq;
    auto by = ev.getRecordedBy();
    std::string_view name(by.cStr(), by.size());
    auto it = std::lower_bound(b.recorded_by.begin(), b.recorded_by.end(), name);
    if (it == b.recorded_by.end() || *it != name) b.recorded_by.insert(it, std::string(name));
    return Status::Ok();
  });
}

std::string RenderBatches(const std::vector<Batch>& batches, const Head& head, Format format, Lang lang) {
  if (format == Format::kJson) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Batch& b : batches) {
      list.push_back({{"recorded_at", FormatInstant(b.recorded_at)},
                      {"first_seq", b.first_seq},
                      {"last_seq", b.last_seq},
                      {"events", b.last_seq - b.first_seq + 1},
                      {"recorded_by", b.recorded_by}});
    }
    nlohmann::ordered_json doc = {{"head", head.seq},
                                  {"known_at", FormatInstant(head.recorded_at)},
                                  {"batches", std::move(list)}};
    return JsonText(doc);
  }
  std::string out = Tr(kBatchesHeader, lang, Count(batches.size(), kBatchesNoun, lang), head.seq) + "\n";
  if (batches.empty()) return out;
  TextTable table({{Tr(kRecordedAtHeader, lang)},
                   {Tr(kKnownAtArgHeader, lang)},
                   {Tr(kFirstSeqHeader, lang), TextTable::kRight},
                   {Tr(kLastSeqHeader, lang), TextTable::kRight},
                   {MeasureLabel("events", lang), TextTable::kRight},
                   {Tr(kRecordedByHeader, lang)}});
  for (const Batch& b : batches) {
    std::string by;
    for (const std::string& name : b.recorded_by) by += (by.empty() ? "" : ", ") + Escaped(name);
    table.AddRow({InstantShown(b.recorded_at, lang), FormatInstantInVietnam(b.recorded_at), std::to_string(b.first_seq),
                  std::to_string(b.last_seq), Number(static_cast<int64_t>(b.last_seq - b.first_seq + 1), lang), by});
  }
  return out + table.Render("  ");
}

Result<std::string> BatchesOutput(const Globals& g, const BatchesArgs& a) {
  Result<Format> format = ParseFormat(a.format);
  if (!format.ok()) return format.status();
  if (*format == Format::kCsv) return Status::InvalidInput("--format: batches prints table or json");
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return lang.status();
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  std::vector<Batch> batches;
  TLEDGER_RETURN_IF_ERROR(ExtendBatches(**store, &batches));
  return RenderBatches(batches, (*store)->head(), *format, *lang);
}

Status CmdBatches(const Globals& g, const BatchesArgs& a) { return WriteOutput(g, BatchesOutput(g, a)); }

}  // namespace tledger
