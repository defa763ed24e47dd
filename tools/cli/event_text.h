// Events as one line of text, for `log` and `history`.
#ifndef TLEDGER_TOOLS_CLI_EVENT_TEXT_H_
#define TLEDGER_TOOLS_CLI_EVENT_TEXT_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/event.capnp.h"
#include "core/status.h"

namespace tledger {

// "      42  2026-11-23T10:00:00Z  2025-10-20  enrollment_recorded  enr-0001  enrollment=E1 person=P1 course=C1"
std::string EventLine(schema::Event::Reader event);

// The body's fields as `name=value` pairs in schema order ("result=passed
// certificate=ThS-2027-0456"); a correction's replacement in braces.
std::string BodyText(schema::Body::Reader body);

// The body's fields in interchange form, in schema order, without the
// envelope (type, id, effective, source, recorded_by). Corruption for a body
// this build cannot render.
Result<nlohmann::ordered_json> BodyFields(schema::Body::Reader body);

// A stored event as `history` and `log` print it in JSON: the interchange
// form, with `source` null where the event has none, then `seq` and
// `recorded_at`. Corruption naming the seq for an event that cannot render.
Result<nlohmann::ordered_json> StoredEventJson(uint64_t seq, schema::Event::Reader event);

// recorded_at to the second: "2026-11-23T10:00:00Z".
std::string ShortInstant(int64_t micros);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_EVENT_TEXT_H_
