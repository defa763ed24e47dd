// `history ID`: the whole story of an id (tools/cli/history_story.h), in seq
// order, with who recorded each event, when and from which document;
// corrections shown against their targets: the target marked "retracted by
// seq N" / "replaced by seq N", the correction saying what it changed and why.
#include <algorithm>
#include <cinttypes>
#include <map>

#include "core/codec.h"
#include "core/date.h"
#include "core/json_codec.h"
#include "core/printable.h"
#include "core/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/event_text.h"
#include "tools/cli/history_story.h"
#include "tools/cli/render.h"
#include "tools/cli/render_json.h"
#include "tools/cli/report_commands.h"
#include "tools/cli/shown.h"
#include "tools/cli/names.h"
#include "core/schema_info.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

std::string Text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

struct Correcting {
  uint64_t seq;
  std::string id;
  std::string action;  // "retract" or "replace"
};

// The story decoded once, with the corrections indexed both ways.
class Telling {
 public:
  Telling(const Store& store, Story story) : store_(store), story_(std::move(story)) {}

  // Indexes the corrections; a stored event that does not decode is
  // reported when printed.
  Status Index() {
    EventDecoder decoder;
    for (const StoryEvent& e : story_.events) {
      Result<schema::Event::Reader> ev = decoder.Decode(e.bytes);
      if (!ev.ok()) continue;
      TLEDGER_RETURN_IF_ERROR(ReadingEvent(e.seq, [&] {
        seq_of_id_[Text(ev->getId())] = e.seq;
        if (!ev->getBody().isCorrection()) return Status::Ok();
        auto c = ev->getBody().getCorrection();
        corrected_by_[Text(c.getTarget())].push_back(Correcting{
            e.seq, Text(ev->getId()), c.getAction() == schema::CorrectionAction::RETRACT ? "retract" : "replace"});
        return Status::Ok();
      }));
    }
    return ResolveTargets();
  }

  const Story& story() const { return story_; }
  const std::vector<Correcting>* CorrectedBy(const std::string& id) const {
    auto it = corrected_by_.find(id);
    return it == corrected_by_.end() ? nullptr : &it->second;
  }
  // The lowest seq history reads: the story's and its corrections' targets.
  uint64_t LowestSeq() const {
    uint64_t lowest = UINT64_MAX;
    for (const auto& [id, seq] : seq_of_id_) lowest = std::min(lowest, seq);
    for (const StoryEvent& e : story_.events) lowest = std::min(lowest, e.seq);
    return lowest;
  }
  std::optional<uint64_t> SeqOf(const std::string& id) const {
    auto it = seq_of_id_.find(id);
    if (it != seq_of_id_.end()) return it->second;
    return std::nullopt;
  }

  // What a `replace` changes in its target: "Văn bằng, chứng chỉ:
  // ThS-2027-0456 → ThS-2027-0465", fields in schema order, the effective
  // date first.
  std::string Changes(schema::Correction::Reader c, Lang lang) const {
    std::optional<uint64_t> seq = SeqOf(Text(c.getTarget()));
    if (!seq) return "";
    Result<std::string> bytes = store_.Get(*seq);
    if (!bytes.ok()) return "";
    EventDecoder decoder;
    Result<schema::Event::Reader> target = decoder.Decode(*bytes);
    if (!target.ok()) return "";
    auto replacement = c.getReplacement();
    Result<Json> before = BodyFields(target->getBody()), after = BodyFields(replacement.getBody());
    if (!before.ok() || !after.ok()) return "";
    std::string out, type = TypeName(target->getBody());
    auto change = [&](const std::string& key, const Json& was, const Json& now) {
      if (was == now) return;
      auto shown = [&](const Json& v) {
        if (key == "effective") {
          Result<Date> d = v.is_string() ? Date::Parse(v.get<std::string>()) : Result<Date>(Status::InvalidInput(""));
          return d.ok() ? DateShown(*d, lang) : Tr({"(ngày không hợp lệ)", "(bad date)"}, lang);
        }
        return FieldValueText(type, key, v, lang);
      };
      out += (out.empty() ? "" : "; ") + EventFieldName(key, lang) + ": " + shown(was) + " → " + shown(now);
    };
    auto date = [](uint32_t packed) {
      std::optional<Date> d = Date::FromPacked(packed);
      return Json(d ? d->ToString() : "");
    };
    change("effective", date(target->getEffective()), date(replacement.getEffective()));
    for (auto& [key, now] : after->items()) change(key, before->value(key, Json()), now);
    for (auto& [key, was] : before->items()) {
      if (!after->contains(key)) change(key, was, Json());
    }
    return out.empty() ? Tr({"nội dung không đổi", "the same content"}, lang) : out;
  }

 private:
  // Finds the targets of the story's corrections that are not in the story
  // themselves, checking that the id index points at the event it names.
  Status ResolveTargets() {
    for (const auto& [target, corrections] : corrected_by_) {
      if (seq_of_id_.count(target) > 0) continue;
      Result<std::optional<StoryEvent>> e = EventById(store_, target);
      if (!e.ok()) return e.status();
      if (*e) seq_of_id_[target] = (*e)->seq;
    }
    return Status::Ok();
  }

  const Store& store_;
  Story story_;
  std::map<std::string, uint64_t> seq_of_id_;
  std::map<std::string, std::vector<Correcting>> corrected_by_;
};

// One event of the text form, its correction lines included.
std::string EventText(const Telling& t, schema::Event::Reader ev, Lang lang) {
  std::string out = EventLine(ev, lang) + "\n";
  out += "         " + Tr({"người ghi: {}", "recorded by {}"}, lang, Text(ev.getRecordedBy()));
  if (ev.hasSource()) out += Tr({"; văn bản: {}", ", source {}"}, lang, Text(ev.getSource()));
  out += "\n";
  if (ev.getBody().isCorrection()) {
    auto c = ev.getBody().getCorrection();
    std::string target = Text(c.getTarget());
    std::optional<uint64_t> seq = t.SeqOf(target);
    bool retract = c.getAction() == schema::CorrectionAction::RETRACT;
    std::string line = retract ? Tr({"hủy bản ghi {}", "retracts {}"}, lang, target)
                               : Tr({"thay thế bản ghi {}", "replaces {}"}, lang, target);
    if (seq) line += Tr({" (số {})", " (seq {})"}, lang, *seq);
    if (!retract) line += ": " + t.Changes(c, lang);
    out += "         " + line + Tr({"; lý do: {}", "; reason: {}"}, lang, Text(c.getReason())) + "\n";
  }
  if (const std::vector<Correcting>* by_list = t.CorrectedBy(Text(ev.getId()))) {
    for (const Correcting& c : *by_list) {
      out += "         " + (c.action == "retract" ? Tr({"đã bị hủy bởi bản ghi số {}", "retracted by seq {}"}, lang, c.seq)
                                                  : Tr({"đã được thay thế bởi bản ghi số {}", "replaced by seq {}"}, lang,
                                                       c.seq)) +
             "\n";
    }
  }
  return out;
}

Result<std::string> HistoryText(const HistoryArgs& a, Timestamp known_at, const Telling& t, Lang lang) {
  size_t n = t.story().events.size();
  std::string out = Tr({"Lịch sử của {}: {}", "History of {}: {}"}, lang, Quoted(a.id), Count(n, kRecordsNoun, lang)) +
                    (a.known_at.empty() ? "" : Tr({", theo dữ liệu ghi nhận đến {}", ", as known at {}"}, lang,
                                                  InstantShown(known_at, lang))) +
                    "\n";
  EventDecoder decoder;
  for (const StoryEvent& e : t.story().events) {
    Result<schema::Event::Reader> ev = decoder.Decode(e.bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(e.seq) + ": " + ev.status().message());
    TLEDGER_RETURN_IF_ERROR(ReadingEvent(e.seq, [&] {
      out += EventText(t, *ev, lang);
      return Status::Ok();
    }));
  }
  return Escaped(out, /*keep_newlines=*/true);
}

Result<std::string> HistoryJson(const HistoryArgs& a, Timestamp known_at, const Telling& t) {
  Json events = Json::array();
  EventDecoder decoder;
  for (const StoryEvent& e : t.story().events) {
    Result<schema::Event::Reader> ev = decoder.Decode(e.bytes);
    if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(e.seq) + ": " + ev.status().message());
    Result<Json> stored = StoredEventJson(e.seq, *ev);
    if (!stored.ok()) return stored.status();
    Json out = std::move(*stored);
    if (ev->getBody().isCorrection()) {
      std::optional<uint64_t> seq = t.SeqOf(Text(ev->getBody().getCorrection().getTarget()));
      out["target_seq"] = seq ? Json(*seq) : Json(nullptr);
    }
    Json corrected_by = Json::array();
    if (const std::vector<Correcting>* list = t.CorrectedBy(Text(ev->getId()))) {
      for (const Correcting& c : *list) corrected_by.push_back({{"seq", c.seq}, {"id", c.id}, {"action", c.action}});
    }
    out["corrected_by"] = std::move(corrected_by);
    events.push_back(std::move(out));
  }
  Json doc = {{"id", a.id},
              {"known_at", a.known_at.empty() ? Json(nullptr) : Json(FormatInstant(known_at))},
              {"events", std::move(events)}};
  return JsonText(doc);
}

}  // namespace

Result<std::string> HistoryOutput(const Globals& g, const HistoryArgs& a) {
  Result<Format> format = ParseFormat(a.format);
  if (!format.ok()) return format.status();
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return lang.status();
  if (*format == Format::kCsv) return Status::InvalidInput("--format: history prints table or json");
  Timestamp known_at = INT64_MAX;
  if (!a.known_at.empty()) {
    Result<Timestamp> t = ParseInstant(a.known_at);
    if (!t.ok()) return Status::InvalidInput("--known-at: " + t.status().message());
    known_at = *t;
  }
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  Result<Story> story = CollectStory(**store, a.id, known_at);
  if (!story.ok()) return story.status();
  if (story->events.empty()) {
    return Status::NotFound("no event concerns " + Quoted(a.id) +
                            (a.known_at.empty() ? std::string() : " as known at " + a.known_at));
  }
  Telling telling(**store, std::move(*story));
  TLEDGER_RETURN_IF_ERROR(telling.Index());
  Result<std::string> text =
      *format == Format::kJson ? HistoryJson(a, known_at, telling) : HistoryText(a, known_at, telling, *lang);
  if (!text.ok()) return text;  // an event that does not read is named as such
  // Every event shown was read through an index: it must hash to the head.
  TLEDGER_RETURN_IF_ERROR((*store)->CheckSuffix(telling.LowestSeq()));
  return text;
}

Status CmdHistory(const Globals& g, const HistoryArgs& a) { return WriteOutput(g, HistoryOutput(g, a)); }

}  // namespace tledger
