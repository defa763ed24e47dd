#include "tools/cli/event_text.h"

#include <cinttypes>
#include <cstdio>

#include <capnp/message.h>

#include "core/date.h"
#include "core/json_codec.h"

namespace tledger {

std::string ShortInstant(int64_t micros) {
  std::string s = FormatInstant(micros);  // ...T10:00:00.000000Z
  return s.substr(0, 19) + "Z";
}

Result<nlohmann::ordered_json> BodyFields(schema::Body::Reader body) {
  // The interchange form is the one rendering of every field.
  capnp::MallocMessageBuilder msg;
  auto ev = msg.initRoot<schema::Event>();
  ev.setBody(body);
  ev.setEffective(19700101);
  Result<nlohmann::ordered_json> j = EventToJsonValue(ev.asReader(), nullptr);
  if (!j.ok()) return j.status();
  for (const char* envelope : {"type", "id", "effective", "source", "recorded_by"}) j->erase(envelope);
  return j;
}

Result<nlohmann::ordered_json> StoredEventJson(uint64_t seq, schema::Event::Reader event) {
  Result<nlohmann::ordered_json> interchange = EventToJsonValue(event, nullptr);
  if (!interchange.ok()) return Status::Corruption("event seq " + std::to_string(seq) + ": " + interchange.status().message());
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (auto& [key, value] : interchange->items()) {
    out[key] = value;
    if (key == "effective" && !interchange->contains("source")) out["source"] = nullptr;
  }
  out["seq"] = seq;
  out["recorded_at"] = FormatInstant(event.getRecordedAt());
  return out;
}

std::string BodyText(schema::Body::Reader body) {
  Result<nlohmann::ordered_json> j = BodyFields(body);
  if (!j.ok()) return "(" + j.status().message() + ")";
  std::string out;
  for (auto& [key, value] : j->items()) {
    if (!out.empty()) out += ' ';
    out += key + "=" + (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return out;
}

std::string EventLine(schema::Event::Reader event) {
  std::optional<Date> eff = Date::FromPacked(event.getEffective());
  char head[96];
  std::snprintf(head, sizeof head, "%8" PRIu64 "  %s  %s  ", event.getSeq(), ShortInstant(event.getRecordedAt()).c_str(),
                eff ? eff->ToString().c_str() : "(bad date)");
  std::string line = head;
  std::string type = TypeName(event.getBody());
  type.resize(std::max<size_t>(type.size(), 22), ' ');
  line += type + "  " + std::string(event.getId().cStr()) + "  " + BodyText(event.getBody());
  return line;
}

}  // namespace tledger
