// `history ID`: every event that concerns an id, in order, with who recorded
// it, when and from which document; corrections shown against their targets.
#include <cinttypes>
#include <map>

#include "core/codec.h"
#include "core/date.h"
#include "core/json_codec.h"
#include "core/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/event_text.h"

namespace tledger {
namespace {

struct Entry {
  uint64_t seq;
  std::string bytes;
};

std::string Text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

}  // namespace

Status CmdHistory(const Globals& g, const HistoryArgs& a) {
  Timestamp known_at = INT64_MAX;
  if (!a.known_at.empty()) {
    Result<Timestamp> t = ParseInstant(a.known_at);
    if (!t.ok()) return Status::InvalidInput("--known-at: " + t.status().message());
    known_at = *t;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();

  // The subject index says where to look; every event it names is checked to
  // really concern the id, so a forged index entry cannot tell a false story.
  std::vector<Entry> entries;
  std::map<std::string, uint64_t> seq_of_id;               // event id -> seq, for corrections
  std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> corrected;  // target id -> (seq, action)
  EventDecoder decoder;
  for (uint64_t seq : (*store)->SubjectSeqs(a.id)) {
    Result<std::string> bytes = (*store)->Get(seq);
    if (!bytes.ok()) return bytes.status();
    Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + ev.status().message());
    Subjects subjects;
    auto target_bytes = [&](std::string_view target) -> Result<std::optional<std::string>> {
      std::optional<keys::IdEntry> e = (*store)->FindId(target);
      if (!e) return std::optional<std::string>();
      Result<std::string> b = (*store)->Get(e->seq);
      if (!b.ok()) return b.status();
      return std::optional<std::string>(std::move(*b));
    };
    TLEDGER_RETURN_IF_ERROR(CollectSubjects(*ev, target_bytes, &subjects));
    bool names_it = false;
    for (const auto& [subject, mask] : subjects) names_it = names_it || subject == a.id;
    if (!names_it) {
      return Status::Corruption("the subject index files seq " + std::to_string(seq) + " under \"" + a.id +
                                "\" but that event does not concern it: run `tledger verify`");
    }
    if (ev->getRecordedAt() > known_at) continue;
    seq_of_id[Text(ev->getId())] = seq;
    if (ev->getBody().isCorrection()) {
      auto c = ev->getBody().getCorrection();
      corrected[Text(c.getTarget())].emplace_back(
          seq, c.getAction() == schema::CorrectionAction::RETRACT ? "retracted" : "replaced");
    }
    entries.push_back(Entry{seq, std::move(*bytes)});
  }
  if (entries.empty()) {
    return Status::NotFound("no event concerns \"" + a.id + "\"" +
                            (a.known_at.empty() ? std::string() : " as known at " + a.known_at));
  }
  std::fprintf(g.out, "history of \"%s\": %zu event%s%s\n", a.id.c_str(), entries.size(),
               entries.size() == 1 ? "" : "s",
               a.known_at.empty() ? "" : (", as known at " + FormatInstant(known_at)).c_str());
  for (const Entry& e : entries) {
    Result<schema::Event::Reader> ev = decoder.Decode(e.bytes);
    if (!ev.ok()) return ev.status();
    std::fprintf(g.out, "%s\n", EventLine(*ev).c_str());
    std::string by = "         recorded by " + Text(ev->getRecordedBy());
    if (ev->hasSource()) by += ", source " + Text(ev->getSource());
    std::fprintf(g.out, "%s\n", by.c_str());
    if (ev->getBody().isCorrection()) {
      auto c = ev->getBody().getCorrection();
      auto t = seq_of_id.find(Text(c.getTarget()));
      std::fprintf(g.out, "         corrects %s%s: %s\n", Text(c.getTarget()).c_str(),
                   t == seq_of_id.end() ? "" : (" (seq " + std::to_string(t->second) + ")").c_str(),
                   Text(c.getReason()).c_str());
    }
    if (auto it = corrected.find(Text(ev->getId())); it != corrected.end()) {
      for (const auto& [seq, action] : it->second) {
        std::fprintf(g.out, "         %s by seq %" PRIu64 "\n", action.c_str(), seq);
      }
    }
  }
  return Status::Ok();
}

}  // namespace tledger
