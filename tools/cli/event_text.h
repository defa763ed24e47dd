// Events as one line of text, for `log` and `history`, in the language a
// person reads: the event type's name, each field's name and value (codes
// named, dates dd/mm/yyyy, money grouped), recorded_at in Vietnam time.
//
//   std::string line = EventLine(event, Lang::kVi);
//   // "  185318  07/12/2026 10:18:33 (UTC+07:00)  12/10/2025  Cử đi học  enr-CT25-TS-HTTT-04  Học viên: ...; ..."
#ifndef TLEDGER_TOOLS_CLI_EVENT_TEXT_H_
#define TLEDGER_TOOLS_CLI_EVENT_TEXT_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/event.capnp.h"
#include "core/status.h"
#include "tools/cli/labels.h"

namespace tledger {

// Seq, recorded_at, effective date, type, id and fields of an event.
std::string EventLine(schema::Event::Reader event, Lang lang);

// The body's fields as "Name: value" pairs in schema order, "; " apart; a
// correction's replacement in brackets.
std::string BodyText(schema::Body::Reader body, Lang lang);

// The body's fields in interchange form, in schema order, without the
// envelope (type, id, effective, source, recorded_by). Corruption for a body
// this build cannot render.
Result<nlohmann::ordered_json> BodyFields(schema::Body::Reader body);

// One field's interchange value as a person reads it ("state_budget" ->
// "Ngân sách nhà nước", "2025-10-20" -> "20/10/2025"), for an event of
// `type` (its interchange name).
std::string FieldValueText(std::string_view type, std::string_view key, const nlohmann::ordered_json& value,
                           Lang lang);

// A stored event as `history` and `log` print it in JSON: the interchange
// form, with `source` null where the event has none, then `seq` and
// `recorded_at`. Corruption naming the seq for an event that cannot render.
Result<nlohmann::ordered_json> StoredEventJson(uint64_t seq, schema::Event::Reader event);

}  // namespace tledger

#endif  // TLEDGER_TOOLS_CLI_EVENT_TEXT_H_
