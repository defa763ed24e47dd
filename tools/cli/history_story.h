// The events `history ID` tells, gathered through the subject index and
// checked against it.
//
//   Result<Story> story = CollectStory(store, "HG-000123", known_at);
//   for (const StoryEvent& e : story->events) ...   // seq order
//
// The story of an id is every event that names it, plus:
// - for a person: every event naming any of the person's enrollments (those
//   an enrollment_recorded names for the person), and every event naming a
//   funding decision of those enrollments (its revocation);
// - for an enrollment: the events naming its funding decisions, and the
//   registration(s) of its person;
// corrections included wherever their targets are (the subject index files a
// correction under whatever its target concerns). Relations are read from
// the events known at `known_at` only: the story is the one the ledger could
// tell then.
#ifndef TLEDGER_TOOLS_CLI_HISTORY_STORY_H_
#define TLEDGER_TOOLS_CLI_HISTORY_STORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "core/store.h"

namespace tledger {

struct StoryEvent {
  uint64_t seq = 0;
  std::string bytes;  // as stored; decode with EventDecoder
};

struct Story {
  std::vector<StoryEvent> events;  // recorded_at <= known_at, in seq order, each once
};

// Corruption when an event the subject index files under an id does not
// concern that id (a forged or damaged index must not tell a false story),
// or when a stored event does not decode. An empty story is not an error.
Result<Story> CollectStory(const Store& store, std::string_view id, Timestamp known_at);

// Runs `fn`, which reads the decoded event `seq`. Corruption "event seq N:
// stored event does not decode: ..." when Cap'n Proto refuses what `fn`
// reads: Decode's canonical walk checks the layout, not every text's NUL
// terminator, so altered bytes can still throw when a field is read.
Status ReadingEvent(uint64_t seq, const std::function<Status()>& fn);

// The committed event recorded under `id` (a correction's target), through
// the id index; nullopt when there is none. Corruption when the entry points
// at an event with another id: a forged or damaged index must not put
// another event in its place.
Result<std::optional<StoryEvent>> EventById(const Store& store, std::string_view id);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_HISTORY_STORY_H_
