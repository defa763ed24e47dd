// The JSON Lines interchange form of an event (shared/spec/events.md), both
// ways, driven by reflection over core/event.capnp.
//
//   simdjson::dom::element line = ...;
//   capnp::MallocMessageBuilder msg;
//   auto event = msg.initRoot<schema::Event>();
//   Status s = EventFromJson(line, "clerk", event);   // "quotas[1].count: ..." on failure
//
//   Result<std::string> text = EventToJson(reader, &chain_hash);
//
// Stateless and thread-safe.
#ifndef TLEDGER_CORE_JSON_CODEC_H_
#define TLEDGER_CORE_JSON_CODEC_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "core/event.capnp.h"
#include "core/hash_chain.h"
#include "core/status.h"

namespace tledger {

// Limits of the interchange form, in Unicode code points.
inline constexpr size_t kMaxIdChars = 128;     // event ids and entity ids
inline constexpr size_t kMaxCodeChars = 64;    // field-of-study codes
inline constexpr size_t kMaxTextChars = 1000;  // names, titles, reasons, documents
// A correction may replace a correction, which may replace ...: this deep.
inline constexpr int kMaxReplacementDepth = 4;

// Reads one interchange object into `event`: its id, effective date, source,
// recorded_by (`default_actor` when the line has none) and body. Leaves seq,
// recordedAt and prevHash for the store. The ledger's own `seq`,
// `recorded_at` and `hash` keys are ignored.
//
// Returns InvalidInput with a message "FIELD: reason" (FIELD a path such as
// `quotas[1].count`) for every refusal of shared/spec/events.md that one line
// can show on its own: wrong shape, missing or unknown field, wrong type,
// unknown type or enumeration value, impossible date, negative amount.
// Checks that need the ledger (id conflicts, correction targets) are the
// importer's.
Status EventFromJson(simdjson::dom::element json, std::string_view default_actor,
                     schema::Event::Builder event);

// The interchange form of a stored event, keys in schema order. With
// `chain_hash`, the ledger's `seq`, `recorded_at` and `hash` follow.
// Returns Corruption when the event holds what this build cannot render
// (a type or enumeration value from a newer writer, an impossible date), or
// bytes Cap'n Proto refuses when a field is read (a text without its NUL).
Result<nlohmann::ordered_json> EventToJsonValue(schema::Event::Reader event, const Hash* chain_hash);
// The same as one line of JSON, without the newline.
Result<std::string> EventToJson(schema::Event::Reader event, const Hash* chain_hash);

// The interchange name of an event's type ("plan_issued"), or
// "unknown type N" for a newer writer's.
std::string TypeName(schema::Body::Reader body);

}  // namespace tledger

#endif  // TLEDGER_CORE_JSON_CODEC_H_
