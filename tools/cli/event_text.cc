#include "tools/cli/event_text.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

#include <capnp/message.h>

#include "core/date.h"
#include "core/json_codec.h"
#include "core/schema_info.h"
#include "tools/cli/names.h"
#include "tools/cli/shown.h"
#include "tools/cli/text_table.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

// The width of the type column: the longest event type's name.
size_t TypeWidth(Lang lang) {
  size_t width = 0;
  for (const TypeInfo& t : EventSchema::Get().types()) width = std::max(width, CodePoints(EventTypeName(t.which, lang)));
  return width;
}

std::string DateText(const Json& v, Lang lang) {
  if (!v.is_string()) return v.dump();
  Result<Date> d = Date::Parse(v.get<std::string>());
  return d.ok() ? DateShown(*d, lang) : v.get<std::string>();
}

std::string ValueText(const FieldInfo* f, std::string_view key, const Json& v, Lang lang);

// The fields of an object (a body, a quota, a phase) as "Name: value"
// pairs, `sep` apart.
std::string Fields(const StructInfo* s, const Json& object, Lang lang, std::string_view sep) {
  std::string out;
  for (auto& [key, value] : object.items()) {
    if (key == "type" || key == "effective") continue;
    const FieldInfo* f = s != nullptr ? s->Find(key) : nullptr;
    if (!out.empty()) out += sep;
    out += EventFieldName(key, lang) + ": " + ValueText(f, key, value, lang);
  }
  return out;
}

// An element of a list of objects: its names " / " apart, then its number
// or date: "Tiến sĩ / Ngân sách/kinh phí đơn vị sự nghiệp / Trong nước: 17".
// Where a number may be left out (a target's trainee-turns or classes),
// each says what it counts: "Bồi dưỡng cập nhật kiến thức: Lượt học viên
// 15.850, Số lớp 127".
std::string Element(const StructInfo* s, const Json& object, Lang lang) {
  bool named = false;
  for (const FieldInfo& f : s != nullptr ? s->fields : std::vector<FieldInfo>{}) {
    named = named || (f.optional && (f.kind == FieldKind::kInt || f.kind == FieldKind::kDate));
  }
  std::string names, amounts;
  for (auto& [key, value] : object.items()) {
    const FieldInfo* f = s != nullptr ? s->Find(key) : nullptr;
    bool amount = f != nullptr && (f->kind == FieldKind::kInt || f->kind == FieldKind::kDate);
    std::string& into = amount ? amounts : names;
    into += (into.empty() ? "" : amount ? ", " : " / ");
    if (amount && named) into += EventFieldName(key, lang) + " ";
    into += ValueText(f, key, value, lang);
  }
  return amounts.empty() ? names : names + ": " + amounts;
}

std::string ValueText(const FieldInfo* f, std::string_view key, const Json& v, Lang lang) {
  if (v.is_null()) return Tr({"(không có)", "(none)"}, lang);
  if (f == nullptr) return v.is_string() ? v.get<std::string>() : v.dump();
  switch (f->kind) {
    case FieldKind::kText: return f->code ? FieldName(v.get<std::string>(), lang) : v.get<std::string>();
    case FieldKind::kTextList: {
      std::string out;
      for (const Json& x : v) out += (out.empty() ? "" : ", ") + (f->code ? FieldName(x.get<std::string>(), lang) : x.get<std::string>());
      return "[" + out + "]";
    }
    case FieldKind::kBool: return v.get<bool>() ? Tr({"có", "yes"}, lang) : Tr({"không", "no"}, lang);
    case FieldKind::kInt:
      if (key.ends_with("_vnd")) return Money(v.get<int64_t>(), lang);
      return key == "year" ? v.dump() : Number(v.get<int64_t>(), lang);
    case FieldKind::kDate: return DateText(v, lang);
    case FieldKind::kEnum: return f->enum_info != nullptr ? EnumValueName(*f->enum_info, v.get<std::string>(), lang) : v.dump();
    case FieldKind::kStructList: {
      std::string out;
      for (const Json& x : v) out += (out.empty() ? "" : "; ") + Element(f->element, x, lang);
      return "[" + out + "]";
    }
    case FieldKind::kReplacement: {
      std::string type = v.value("type", "");
      const TypeInfo* t = EventSchema::Get().FindType(type);
      return "[" + EventTypeName(type, lang) + Tr({" ngày ", " of "}, lang) + DateText(v.value("effective", Json()), lang) +
             ": " + Fields(t != nullptr ? &t->body : nullptr, v, lang, "; ") + "]";
    }
  }
  return v.dump();
}

}  // namespace

Result<Json> BodyFields(schema::Body::Reader body) {
  // The interchange form is the one rendering of every field.
  capnp::MallocMessageBuilder msg;
  auto ev = msg.initRoot<schema::Event>();
  ev.setBody(body);
  ev.setEffective(19700101);
  Result<Json> j = EventToJsonValue(ev.asReader(), nullptr);
  if (!j.ok()) return j.status();
  for (const char* envelope : {"type", "id", "effective", "source", "recorded_by"}) j->erase(envelope);
  return j;
}

std::string FieldValueText(std::string_view type, std::string_view key, const Json& value, Lang lang) {
  const TypeInfo* t = EventSchema::Get().FindType(type);
  return ValueText(t != nullptr ? t->body.Find(key) : nullptr, key, value, lang);
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

std::string BodyText(schema::Body::Reader body, Lang lang) {
  Result<Json> j = BodyFields(body);
  if (!j.ok()) return "(" + j.status().message() + ")";
  const TypeInfo* t = EventSchema::Get().TypeOf(static_cast<uint16_t>(body.which()));
  return Fields(t != nullptr ? &t->body : nullptr, *j, lang, "; ");
}

std::string EventLine(schema::Event::Reader event, Lang lang) {
  std::optional<Date> eff = Date::FromPacked(event.getEffective());
  char seq[32];
  std::snprintf(seq, sizeof seq, "%8" PRIu64, event.getSeq());
  std::string line = std::string(seq) + "  " + InstantShown(event.getRecordedAt(), lang) + "  " +
                     (eff ? DateShown(*eff, lang) : Tr({"(ngày không hợp lệ)", "(bad date)"}, lang)) + "  ";
  static const size_t kWidth[] = {TypeWidth(Lang::kVi), TypeWidth(Lang::kEn)};
  line += PadRight(EventTypeName(static_cast<uint16_t>(event.getBody().which()), lang), kWidth[lang == Lang::kEn]);
  line += "  " + std::string(event.getId().cStr()) + "  " + BodyText(event.getBody(), lang);
  return line;
}

}  // namespace tledger
