#include "tools/cli/history_story.h"

#include <functional>
#include <map>
#include <optional>
#include <set>

#include <kj/exception.h>

#include "core/codec.h"
#include "core/printable.h"
#include "core/subjects.h"

namespace tledger {
namespace {

std::string Text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }

// Calls `fn` with an event's body and, for a correction, with its
// replacement's body (and a replacement correction's, in turn).
void ForEachBody(schema::Body::Reader body, const std::function<void(schema::Body::Reader)>& fn) {
  fn(body);
  if (body.isCorrection() && body.getCorrection().hasReplacement()) {
    ForEachBody(body.getCorrection().getReplacement().getBody(), fn);
  }
}

class Collector {
 public:
  Collector(const Store& store, Timestamp known_at)
      : store_(store),
        known_at_(known_at),
        subjects_(
            [this](std::string_view target) -> Result<std::optional<uint64_t>> {
              std::optional<keys::IdEntry> e = store_.FindId(target);
              return e ? std::optional<uint64_t>(e->seq) : std::nullopt;
            },
            [this](uint64_t seq, std::string_view target) -> Result<std::string> {
              Result<std::optional<StoryEvent>> e = EventById(store_, target);
              if (!e.ok()) return e.status();
              if (!*e || (*e)->seq != seq) {
                return Status::Corruption("the id index of " + Quoted(target) + " moved under history: run `tledger verify`");
              }
              return std::move((*e)->bytes);
            }) {}

  // The events the index files under `id`, recorded by known_at, each checked
  // to concern `id`; those `keep` accepts go into the story. Returns their
  // decoded bodies' relations through `fn` (called for each kept event).
  using KeepFn = std::function<bool(schema::Event::Reader)>;
  Status Add(std::string_view id, const KeepFn& keep, const std::function<void(schema::Body::Reader)>& fn) {
    for (uint64_t seq : store_.SubjectSeqs(id)) {
      Result<std::string> bytes = store_.Get(seq);
      if (!bytes.ok()) return bytes.status();
      Result<schema::Event::Reader> ev = decoder_.Decode(*bytes);
      if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + ev.status().message());
      bool kept = false;
      TLEDGER_RETURN_IF_ERROR(ReadingEvent(seq, [&] {
        TLEDGER_RETURN_IF_ERROR(CheckNames(*ev, seq, id));
        if (ev->getRecordedAt() > known_at_ || !keep(*ev)) return Status::Ok();
        ForEachBody(ev->getBody(), fn);
        kept = true;
        return Status::Ok();
      }));
      if (kept) events_.emplace(seq, std::move(*bytes));
    }
    return Status::Ok();
  }

  Story Take() {
    Story s;
    for (auto& [seq, bytes] : events_) s.events.push_back(StoryEvent{seq, std::move(bytes)});
    return s;
  }

 private:
  Status CheckNames(schema::Event::Reader ev, uint64_t seq, std::string_view id) {
    Subjects subjects;
    Result<SubjectCollector::Chain> chain = subjects_.Collect(seq, ev, &subjects);
    if (!chain.ok()) return chain.status();
    for (const auto& [subject, mask] : subjects) {
      if (subject == id) return Status::Ok();
    }
    return Status::Corruption("the subject index files seq " + std::to_string(seq) + " under " + Quoted(id) +
                              " but that event does not concern it: run `tledger verify`");
  }

  const Store& store_;
  Timestamp known_at_;
  EventDecoder decoder_;
  SubjectCollector subjects_;  // remembers the corrections met, for their chains
  std::map<uint64_t, std::string> events_;
};

}  // namespace

Status ReadingEvent(uint64_t seq, const std::function<Status()>& fn) {
  try {
    return fn();
  } catch (const kj::Exception& e) {
    return Status::Corruption("event seq " + std::to_string(seq) + ": stored event does not decode: " +
                              Describe(e));
  }
}

Result<std::optional<StoryEvent>> EventById(const Store& store, std::string_view id) {
  std::optional<keys::IdEntry> e = store.FindId(id);
  if (!e) return std::optional<StoryEvent>();
  Result<std::string> bytes = store.Get(e->seq);
  if (!bytes.ok()) return bytes.status();
  EventDecoder decoder;
  Result<schema::Event::Reader> ev = decoder.Decode(*bytes);
  if (!ev.ok()) return Status::Corruption("event seq " + std::to_string(e->seq) + ": " + ev.status().message());
  std::string found;
  TLEDGER_RETURN_IF_ERROR(ReadingEvent(e->seq, [&] {
    found = Text(ev->getId());
    return Status::Ok();
  }));
  if (found != id) {
    return Status::Corruption("the id index says " + Quoted(id) + " is seq " + std::to_string(e->seq) +
                              ", but that event is " + Quoted(found) + ": run `tledger verify`");
  }
  return std::optional<StoryEvent>(StoryEvent{e->seq, std::move(*bytes)});
}

Result<Story> CollectStory(const Store& store, std::string_view id, Timestamp known_at) {
  Collector c(store, known_at);
  auto all = [](schema::Event::Reader) { return true; };
  std::set<std::string> enrollments, persons, decisions;
  // Funding decisions of an enrollment, from the bodies of its events.
  auto decisions_of = [&](std::string_view enrollment) {
    return [&, enrollment](schema::Body::Reader b) {
      if (b.isFundingDecided() && Text(b.getFundingDecided().getEnrollment()) == enrollment) {
        decisions.insert(Text(b.getFundingDecided().getDecision()));
      }
    };
  };
  auto own_decisions = decisions_of(id);
  TLEDGER_RETURN_IF_ERROR(c.Add(id, all, [&](schema::Body::Reader b) {
    own_decisions(b);
    if (!b.isEnrollmentRecorded()) return;
    auto e = b.getEnrollmentRecorded();
    if (Text(e.getPerson()) == id) enrollments.insert(Text(e.getEnrollment()));
    if (Text(e.getEnrollment()) == id) persons.insert(Text(e.getPerson()));
  }));
  for (const std::string& e : enrollments) {
    if (e != id) TLEDGER_RETURN_IF_ERROR(c.Add(e, all, decisions_of(e)));
  }
  for (const std::string& d : decisions) {
    if (d != id) TLEDGER_RETURN_IF_ERROR(c.Add(d, all, [](schema::Body::Reader) {}));
  }
  // An enrollment's person: the registration, and the corrections of it (and
  // of those corrections), which come later in seq order.
  for (const std::string& p : persons) {
    if (p == id) continue;
    std::set<std::string> kept;
    auto registration = [&](schema::Event::Reader ev) {
      schema::Body::Reader b = ev.getBody();
      bool keep = (b.isPersonRegistered() && Text(b.getPersonRegistered().getPerson()) == p) ||
                  (b.isCorrection() && kept.count(Text(b.getCorrection().getTarget())) > 0);
      if (keep) kept.insert(Text(ev.getId()));
      return keep;
    };
    TLEDGER_RETURN_IF_ERROR(c.Add(p, registration, [](schema::Body::Reader) {}));
  }
  return c.Take();
}

}  // namespace tledger
