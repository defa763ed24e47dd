#include "core/json_codec.h"

#include <cstring>

#include <capnp/dynamic.h>
#include <kj/exception.h>

#include "core/codec.h"
#include "core/date.h"
#include "core/printable.h"
#include "core/schema_info.h"
#include "core/text_rules.h"

namespace tledger {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// The top-level keys that belong to the envelope rather than the body.
constexpr std::string_view kEnvelopeKeys[] = {"type", "id", "effective", "source", "recorded_by"};
// The keys export adds and import ignores.
constexpr std::string_view kLedgerKeys[] = {"seq", "recorded_at", "hash"};

bool IsOneOf(std::string_view key, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (k == key) return true;
  }
  return false;
}

std::string_view Shape(element e) {
  switch (e.type()) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64: return "a whole number";
    case element_type::DOUBLE: return "a fractional number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "true/false";
    case element_type::NULL_VALUE: return "null";
  }
  return "something else";
}

std::string Shown(std::string_view s) { return Quoted(s, 60); }

Status Fail(const std::string& path, const std::string& reason) {
  return Status::InvalidInput(path + ": " + reason);
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

enum class TextRule { kFree, kId, kCode };

TextRule RuleOf(const FieldInfo& f) {
  if (f.ref || f.event_ref) return TextRule::kId;
  if (f.code) return TextRule::kCode;
  return TextRule::kFree;
}

// simdjson has already checked that the text is UTF-8. Which characters
// each kind of text may hold: core/text_rules.h.
Status CheckText(std::string_view s, TextRule rule, const std::string& path) {
  std::optional<std::string> problem = rule == TextRule::kId ? IdProblem(s) : FreeTextProblem(s);
  if (problem) return Fail(path, *problem);
  size_t chars = CodePoints(s);
  switch (rule) {
    case TextRule::kId:
      if (s.empty()) return Fail(path, "an id must not be empty");
      if (chars > kMaxIdChars) {
        return Fail(path, "id of " + std::to_string(chars) + " characters is too long (at most " +
                              std::to_string(kMaxIdChars) + ")");
      }
      if (s.front() == ' ' || s.back() == ' ') {
        return Fail(path, "id " + Shown(s) + " has leading or trailing spaces");
      }
      break;
    case TextRule::kCode: {
      bool ok = !s.empty() && chars <= kMaxCodeChars && s[0] >= 'a' && s[0] <= 'z';
      for (char c : s) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
      if (!ok) {
        return Fail(path, "field code " + Shown(s) +
                              " is not lowercase letters, digits and _ starting with a letter (e.g. information_technology)");
      }
      break;
    }
    case TextRule::kFree:
      if (chars > kMaxTextChars) {
        return Fail(path, "text of " + std::to_string(chars) + " characters is too long (at most " +
                              std::to_string(kMaxTextChars) + ")");
      }
      break;
  }
  return Status::Ok();
}

// Every list has a cap ($maxItems in core/event.capnp), checked before it
// is read.
Status CheckListSize(const FieldInfo& f, size_t items, const std::string& path) {
  const size_t most = f.max_items;
  if (items <= most) return Status::Ok();
  return Fail(path, "a list of " + std::to_string(items) + " items is too long (at most " + std::to_string(most) + ")");
}

void SetText(capnp::DynamicStruct::Builder b, capnp::StructSchema::Field f, std::string_view s) {
  capnp::Text::Builder t = b.init(f, static_cast<unsigned>(s.size())).as<capnp::Text>();
  if (!s.empty()) std::memcpy(t.begin(), s.data(), s.size());
}

Result<std::string_view> GetString(element e, const std::string& path) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) {
    return Fail(path, std::string("expected a string, got ") + std::string(Shape(e)));
  }
  return s;
}

Result<uint32_t> ReadDate(element e, const std::string& path) {
  Result<std::string_view> s = GetString(e, path);
  if (!s.ok()) return s.status();
  Result<Date> d = Date::Parse(*s);
  if (!d.ok()) return Fail(path, d.status().message());
  return d->Packed();
}

class BodyReader {
 public:
  // Reads the keys of `obj` that are fields of `info` into `b`; `extra` keys
  // are the caller's. Refuses unknown and duplicate keys, and missing
  // required fields.
  Status ReadStruct(const StructInfo& info, object obj, capnp::DynamicStruct::Builder b,
                    const std::string& prefix, std::initializer_list<std::string_view> extra,
                    int depth) {
    uint64_t seen = 0;
    for (auto [key, value] : obj) {
      if (IsOneOf(key, extra)) continue;
      const FieldInfo* f = info.Find(key);
      if (f == nullptr) {
        std::string expected;
        for (const FieldInfo& fi : info.fields) expected += (expected.empty() ? "" : ", ") + fi.json_name;
        // The key as the line has it, unless it is too long, unprintable or
        // empty (then as JSON writes it, so that the message names it).
        return Fail(prefix + (key.empty() ? "\"\"" : Abbreviated(key, 60)), "unknown field (expected " + expected + ")");
      }
      std::string path = prefix + std::string(key);
      uint64_t bit = uint64_t{1} << (f - info.fields.data());
      if (seen & bit) return Fail(path, "duplicate key");
      seen |= bit;
      TLEDGER_RETURN_IF_ERROR(ReadField(*f, value, b, path, depth));
    }
    for (size_t i = 0; i < info.fields.size(); ++i) {
      const FieldInfo& f = info.fields[i];
      if (!f.optional && !(seen & (uint64_t{1} << i))) return Fail(prefix + f.json_name, "required field is missing");
    }
    return Status::Ok();
  }

  // Reads a whole typed body (the top-level event's or a replacement's).
  Status ReadBody(const TypeInfo& type, object obj, capnp::DynamicStruct::Builder body,
                  const std::string& prefix, std::initializer_list<std::string_view> extra, int depth) {
    capnp::DynamicStruct::Builder fields = body.init(type.body_field).as<capnp::DynamicStruct>();
    TLEDGER_RETURN_IF_ERROR(ReadStruct(type.body, obj, fields, prefix, extra, depth));
    return CheckShape(type, fields, prefix);
  }

 private:
  Status ReadField(const FieldInfo& f, element value, capnp::DynamicStruct::Builder b,
                   const std::string& path, int depth) {
    if (value.is_null()) {
      if (f.nullable) return Status::Ok();  // a null pointer
      return Fail(path, f.optional ? "null is not allowed: leave the field out instead"
                                   : "must not be null");
    }
    switch (f.kind) {
      case FieldKind::kText: {
        Result<std::string_view> s = GetString(value, path);
        if (!s.ok()) return s.status();
        TLEDGER_RETURN_IF_ERROR(CheckText(*s, RuleOf(f), path));
        SetText(b, f.field, *s);
        return Status::Ok();
      }
      case FieldKind::kTextList: {
        simdjson::dom::array arr;
        if (value.get_array().get(arr) != simdjson::SUCCESS) {
          return Fail(path, std::string("expected a list of strings, got ") + std::string(Shape(value)));
        }
        TLEDGER_RETURN_IF_ERROR(CheckListSize(f, arr.size(), path));
        capnp::DynamicList::Builder list = b.init(f.field, static_cast<unsigned>(arr.size())).as<capnp::DynamicList>();
        unsigned i = 0;
        for (element item : arr) {
          std::string item_path = path + "[" + std::to_string(i) + "]";
          Result<std::string_view> s = GetString(item, item_path);
          if (!s.ok()) return s.status();
          TLEDGER_RETURN_IF_ERROR(CheckText(*s, RuleOf(f), item_path));
          capnp::Text::Builder t = list.init(i, static_cast<unsigned>(s->size())).as<capnp::Text>();
          if (!s->empty()) std::memcpy(t.begin(), s->data(), s->size());
          ++i;
        }
        if (f.ref && i == 0) return Fail(path, "must name at least one id");
        return Status::Ok();
      }
      case FieldKind::kBool: {
        bool v;
        if (value.get_bool().get(v) != simdjson::SUCCESS) {
          return Fail(path, std::string("expected true or false, got ") + std::string(Shape(value)));
        }
        b.set(f.field, v);
        return Status::Ok();
      }
      case FieldKind::kInt: {
        if (value.type() == element_type::UINT64) {
          return Fail(path, "number is too large (at most " + std::to_string(f.max_value) + ")");
        }
        int64_t v;
        if (value.get_int64().get(v) != simdjson::SUCCESS) {
          return Fail(path, std::string("expected a whole number, got ") + std::string(Shape(value)));
        }
        if (v < 0) return Fail(path, "must not be negative (got " + std::to_string(v) + ")");
        if (v > f.max_value) {
          return Fail(path, "number is too large (at most " + std::to_string(f.max_value) + ")");
        }
        b.set(f.field, v);
        return Status::Ok();
      }
      case FieldKind::kDate: {
        Result<uint32_t> d = ReadDate(value, path);
        if (!d.ok()) return d.status();
        b.set(f.field, *d);
        return Status::Ok();
      }
      case FieldKind::kEnum: {
        Result<std::string_view> s = GetString(value, path);
        if (!s.ok()) return s.status();
        std::optional<uint16_t> v = f.enum_info->Value(*s);
        if (!v) return Fail(path, "unknown value " + Shown(*s) + " (expected one of: " + f.enum_info->joined + ")");
        b.set(f.field, capnp::DynamicEnum(f.enum_info->schema, *v));
        return Status::Ok();
      }
      case FieldKind::kStructList: {
        simdjson::dom::array arr;
        if (value.get_array().get(arr) != simdjson::SUCCESS) {
          return Fail(path, std::string("expected a list of objects, got ") + std::string(Shape(value)));
        }
        TLEDGER_RETURN_IF_ERROR(CheckListSize(f, arr.size(), path));
        capnp::DynamicList::Builder list = b.init(f.field, static_cast<unsigned>(arr.size())).as<capnp::DynamicList>();
        unsigned i = 0;
        for (element item : arr) {
          std::string item_path = path + "[" + std::to_string(i) + "]";
          object o;
          if (item.get_object().get(o) != simdjson::SUCCESS) {
            return Fail(item_path, std::string("expected an object, got ") + std::string(Shape(item)));
          }
          capnp::DynamicStruct::Builder element = list[i].as<capnp::DynamicStruct>();
          TLEDGER_RETURN_IF_ERROR(ReadStruct(*f.element, o, element, item_path + ".", {}, depth));
          TLEDGER_RETURN_IF_ERROR(CheckElement(*f.element, element, item_path));
          ++i;
        }
        return Status::Ok();
      }
      case FieldKind::kReplacement:
        return ReadReplacement(value, b.init(f.field).as<capnp::DynamicStruct>(), path, depth + 1);
    }
    return Fail(path, "unhandled field kind");
  }

  Status ReadReplacement(element value, capnp::DynamicStruct::Builder r, const std::string& path, int depth) {
    if (depth > kMaxReplacementDepth) {
      return Fail(path, "replacements nested more than " + std::to_string(kMaxReplacementDepth) + " deep");
    }
    object obj;
    if (value.get_object().get(obj) != simdjson::SUCCESS) {
      return Fail(path, std::string("expected an object with the target's type and fields, got ") +
                            std::string(Shape(value)));
    }
    const std::string prefix = path + ".";
    const TypeInfo* type = nullptr;
    bool have_effective = false;
    for (auto [key, v] : obj) {
      if (key == "id" || key == "source" || key == "recorded_by") {
        return Fail(prefix + std::string(key), "not allowed in a replacement: it keeps its target's");
      }
      if (key == "type") {
        if (type != nullptr) return Fail(prefix + "type", "duplicate key");
        Result<std::string_view> s = GetString(v, prefix + "type");
        if (!s.ok()) return s.status();
        type = EventSchema::Get().FindType(*s);
        if (type == nullptr) {
          return Fail(prefix + "type", "unknown event type " + Shown(*s) + " (expected one of: " +
                                           EventSchema::Get().TypeNames() + ")");
        }
      } else if (key == "effective") {
        if (have_effective) return Fail(prefix + "effective", "duplicate key");
        have_effective = true;
        Result<uint32_t> d = ReadDate(v, prefix + "effective");
        if (!d.ok()) return d.status();
        r.set("effective", *d);
      }
    }
    if (type == nullptr) return Fail(prefix + "type", "required field is missing");
    if (!have_effective) return Fail(prefix + "effective", "required field is missing");
    return ReadBody(*type, obj, r.get("body").as<capnp::DynamicStruct>(), prefix, {"type", "effective"}, depth);
  }

  // An element whose fields are each optional but not all at once: a
  // target sets a count of trainee-turns, of classes, or both.
  Status CheckElement(const StructInfo& element, capnp::DynamicStruct::Builder item, const std::string& path) {
    if (element.schema != capnp::Schema::from<schema::Target>()) return Status::Ok();
    auto t = item.as<schema::Target>();
    if (t.getTraineeTurns() < 0 && t.getClasses() < 0) {
      return Fail(path, "a target sets trainee_turns, classes or both (it has neither)");
    }
    return Status::Ok();
  }

  // The few rules of shape that tie one field to another: which fields a
  // correction or a reorganisation needs depends on its action or kind.
  Status CheckShape(const TypeInfo& type, capnp::DynamicStruct::Builder fields, const std::string& prefix) {
    if (type.which == static_cast<uint16_t>(schema::Body::CORRECTION)) {
      auto c = fields.as<schema::Correction>();
      if (c.getAction() == schema::CorrectionAction::REPLACE && !c.hasReplacement()) {
        return Fail(prefix + "replacement", "required when action is replace");
      }
      if (c.getAction() == schema::CorrectionAction::RETRACT && c.hasReplacement()) {
        return Fail(prefix + "replacement", "not allowed when action is retract");
      }
    } else if (type.which == static_cast<uint16_t>(schema::Body::UNIT_REORGANIZED)) {
      auto u = fields.as<schema::UnitReorganized>();
      bool dissolve = u.getKind() == schema::ReorgKind::DISSOLVE;
      if (dissolve && u.hasTo()) return Fail(prefix + "to", "must be null when kind is dissolve");
      if (!dissolve && !u.hasTo()) return Fail(prefix + "to", "required (a unit id) when kind is merge or rename");
      if (u.getKind() == schema::ReorgKind::RENAME) {
        if (!u.hasName()) return Fail(prefix + "name", "required when kind is rename");
        if (u.getFrom().size() != 1) return Fail(prefix + "from", "a rename names exactly one unit");
      }
    }
    return Status::Ok();
  }
};

// ------------------------------------------------------------------ export

using Json = nlohmann::ordered_json;

Result<Json> DateJson(uint32_t packed, const char* what) {
  std::optional<Date> d = Date::FromPacked(packed);
  if (!d) return Status::Corruption(std::string(what) + " holds an impossible date " + std::to_string(packed));
  return Json(d->ToString());
}

std::string_view View(capnp::Text::Reader t) { return std::string_view(t.cStr(), t.size()); }

Result<const TypeInfo*> KnownType(schema::Body::Reader body) {
  const TypeInfo* type = EventSchema::Get().TypeOf(static_cast<uint16_t>(body.which()));
  if (type == nullptr) {
    return Status::Corruption("event type " + std::to_string(static_cast<unsigned>(body.which())) +
                              " is unknown to this build of tledger (written by a newer one?)");
  }
  return type;
}

class BodyWriter {
 public:
  Status WriteStruct(const StructInfo& info, capnp::DynamicStruct::Reader r, Json& out) {
    for (const FieldInfo& f : info.fields) {
      bool has_pointer = r.has(f.field);
      switch (f.kind) {
        case FieldKind::kText:
          if (!has_pointer) {
            if (f.nullable) out[f.json_name] = nullptr;
            else if (!f.optional) out[f.json_name] = "";
            break;
          }
          out[f.json_name] = View(r.get(f.field).as<capnp::Text>());
          break;
        case FieldKind::kTextList: {
          if (!has_pointer && f.optional) break;
          Json arr = Json::array();
          for (auto item : r.get(f.field).as<capnp::DynamicList>()) arr.push_back(View(item.as<capnp::Text>()));
          out[f.json_name] = std::move(arr);
          break;
        }
        case FieldKind::kBool:
          out[f.json_name] = r.get(f.field).as<bool>();
          break;
        case FieldKind::kInt: {
          int64_t v = r.get(f.field).as<int64_t>();
          if (f.optional && v == -1) break;
          out[f.json_name] = v;
          break;
        }
        case FieldKind::kDate: {
          uint32_t v = r.get(f.field).as<uint32_t>();
          if (f.optional && v == 0) break;
          Result<Json> d = DateJson(v, f.json_name.c_str());
          if (!d.ok()) return d.status();
          out[f.json_name] = std::move(*d);
          break;
        }
        case FieldKind::kEnum: {
          uint16_t v = r.get(f.field).as<capnp::DynamicEnum>().getRaw();
          const std::string* name = f.enum_info->Name(v);
          if (name == nullptr) {
            return Status::Corruption(f.json_name + " holds value " + std::to_string(v) +
                                      ", unknown to this build of tledger (written by a newer one?)");
          }
          out[f.json_name] = *name;
          break;
        }
        case FieldKind::kStructList: {
          if (!has_pointer && f.optional) break;
          Json arr = Json::array();
          for (auto item : r.get(f.field).as<capnp::DynamicList>()) {
            Json o = Json::object();
            TLEDGER_RETURN_IF_ERROR(WriteStruct(*f.element, item.as<capnp::DynamicStruct>(), o));
            arr.push_back(std::move(o));
          }
          out[f.json_name] = std::move(arr);
          break;
        }
        case FieldKind::kReplacement: {
          if (!has_pointer) break;
          auto rep = r.get(f.field).as<schema::Replacement>();
          Result<const TypeInfo*> type = KnownType(rep.getBody());
          if (!type.ok()) return type.status();
          Result<Json> eff = DateJson(rep.getEffective(), "replacement.effective");
          if (!eff.ok()) return eff.status();
          Json o = Json::object();
          o["type"] = (*type)->name;
          o["effective"] = std::move(*eff);
          TLEDGER_RETURN_IF_ERROR(WriteBody(**type, rep.getBody(), o));
          out[f.json_name] = std::move(o);
          break;
        }
      }
    }
    return Status::Ok();
  }

  // The fields of a typed body, after the keys the caller has placed.
  Status WriteBody(const TypeInfo& type, schema::Body::Reader body, Json& out) {
    capnp::DynamicStruct::Reader dyn = capnp::toDynamic(body);
    return WriteStruct(type.body, dyn.get(type.body_field).as<capnp::DynamicStruct>(), out);
  }
};

}  // namespace

Status EventFromJson(element json, std::string_view default_actor, schema::Event::Builder event) {
  object obj;
  if (json.get_object().get(obj) != simdjson::SUCCESS) {
    return Fail("json", std::string("expected one JSON object per line, got ") + std::string(Shape(json)));
  }
  const TypeInfo* type = nullptr;
  bool seen[std::size(kEnvelopeKeys)] = {};
  bool seen_ledger[std::size(kLedgerKeys)] = {};
  for (auto [key, value] : obj) {
    size_t k = 0;
    while (k < std::size(kEnvelopeKeys) && kEnvelopeKeys[k] != key) ++k;
    if (k == std::size(kEnvelopeKeys)) {
      // The ledger's own keys are ignored, but not twice: no key may repeat.
      for (size_t l = 0; l < std::size(kLedgerKeys); ++l) {
        if (kLedgerKeys[l] != key) continue;
        if (seen_ledger[l]) return Fail(std::string(key), "duplicate key");
        seen_ledger[l] = true;
      }
      continue;
    }
    std::string path(key);
    if (seen[k]) return Fail(path, "duplicate key");
    seen[k] = true;
    if (key == "type") {
      Result<std::string_view> s = GetString(value, path);
      if (!s.ok()) return s.status();
      type = EventSchema::Get().FindType(*s);
      if (type == nullptr) {
        return Fail(path, "unknown event type " + Shown(*s) + " (expected one of: " +
                              EventSchema::Get().TypeNames() + ")");
      }
    } else if (key == "effective") {
      Result<uint32_t> d = ReadDate(value, path);
      if (!d.ok()) return d.status();
      event.setEffective(*d);
    } else {
      Result<std::string_view> s = GetString(value, path);
      if (!s.ok()) return s.status();
      TLEDGER_RETURN_IF_ERROR(CheckText(*s, key == "id" ? TextRule::kId : TextRule::kFree, path));
      unsigned n = static_cast<unsigned>(s->size());
      capnp::Text::Builder t = key == "id" ? event.initId(n) : key == "source" ? event.initSource(n) : event.initRecordedBy(n);
      if (n > 0) std::memcpy(t.begin(), s->data(), n);
    }
  }
  if (!seen[0]) return Fail("type", "required field is missing");
  if (!seen[1]) return Fail("id", "required field is missing");
  if (!seen[2]) return Fail("effective", "required field is missing");
  if (!seen[4]) {
    TLEDGER_RETURN_IF_ERROR(CheckText(default_actor, TextRule::kFree, "recorded_by"));
    capnp::Text::Builder t = event.initRecordedBy(static_cast<unsigned>(default_actor.size()));
    if (!default_actor.empty()) std::memcpy(t.begin(), default_actor.data(), default_actor.size());
  }
  return BodyReader().ReadBody(*type, obj, capnp::toDynamic(event.initBody()), "",
                               {"type", "id", "effective", "source", "recorded_by",  // the envelope
                                "seq", "recorded_at", "hash"},                        // the ledger's own
                               0);
}

namespace {

Result<Json> EventToJsonValueUnguarded(schema::Event::Reader event, const Hash* chain_hash) {
  Result<const TypeInfo*> type = KnownType(event.getBody());
  if (!type.ok()) return type.status();
  Result<Json> effective = DateJson(event.getEffective(), "effective");
  if (!effective.ok()) return effective.status();
  Json out = Json::object();
  out["type"] = (*type)->name;
  out["id"] = View(event.getId());
  out["effective"] = std::move(*effective);
  if (event.hasSource()) out["source"] = View(event.getSource());
  out["recorded_by"] = View(event.getRecordedBy());
  TLEDGER_RETURN_IF_ERROR(BodyWriter().WriteBody(**type, event.getBody(), out));
  if (chain_hash != nullptr) {
    if (!InstantInRange(event.getRecordedAt())) {
      return Status::Corruption("recorded_at holds an impossible instant " + std::to_string(event.getRecordedAt()) +
                                " (microseconds since 1970)");
    }
    out["seq"] = event.getSeq();
    out["recorded_at"] = FormatInstant(event.getRecordedAt());
    out["hash"] = ToHex(*chain_hash);
  }
  return out;
}

}  // namespace

Result<Json> EventToJsonValue(schema::Event::Reader event, const Hash* chain_hash) {
  // Cap'n Proto checks a text (its NUL terminator) or a list's element type
  // only when it is read: bytes that decode and are canonical can still
  // throw here.
  try {
    return EventToJsonValueUnguarded(event, chain_hash);
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("stored event does not decode: ") + Describe(e));
  }
}

Result<std::string> EventToJson(schema::Event::Reader event, const Hash* chain_hash) {
  Result<Json> j = EventToJsonValue(event, chain_hash);
  if (!j.ok()) return j.status();
  try {
    return j->dump(-1, ' ', false, Json::error_handler_t::strict);
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(std::string("event holds text that is not UTF-8: ") + e.what());
  }
}

std::string TypeName(schema::Body::Reader body) {
  Result<const TypeInfo*> type = KnownType(body);
  if (!type.ok()) return "unknown type " + std::to_string(static_cast<unsigned>(body.which()));
  return (*type)->name;
}

}  // namespace tledger
