#include "core/schema_info.h"

#include <map>
#include <memory>

#include "core/status.h"

namespace tledger {
namespace {

// The annotation ids fixed in core/event.capnp.
constexpr uint64_t kOptionalId = 0xcb6bc55a70dee282ull;
constexpr uint64_t kNullableId = 0xbc70be16eb9af1a8ull;
constexpr uint64_t kDateId = 0xcfd88e8327bb797dull;
constexpr uint64_t kRefId = 0xe9bc4db35e1074d2ull;
constexpr uint64_t kEventRefId = 0xa950fb7fde9c3527ull;
constexpr uint64_t kCodeId = 0xdb9ea3d27b453f05ull;
constexpr uint64_t kMoneyId = 0xe4c1a9f0b27d3e58ull;
constexpr uint64_t kMaxItemsId = 0xc9d35e1f8a264b07ull;

// Owns every StructInfo and EnumInfo for the life of the process.
struct Builder {
  // Interned by schema id so that Quota or Phase are described once.
  std::map<uint64_t, std::unique_ptr<StructInfo>> structs;
  std::map<uint64_t, std::unique_ptr<EnumInfo>> enums;

  const EnumInfo* DescribeEnum(capnp::EnumSchema e) {
    auto& slot = enums[e.getProto().getId()];
    if (!slot) {
      slot = std::make_unique<EnumInfo>();
      slot->schema = e;
      for (capnp::EnumSchema::Enumerant en : e.getEnumerants()) {
        slot->names.push_back(SnakeCase(en.getProto().getName().cStr()));
        if (!slot->joined.empty()) slot->joined += ", ";
        slot->joined += slot->names.back();
      }
    }
    return slot.get();
  }

  const StructInfo* Describe(capnp::StructSchema s) {
    auto it = structs.find(s.getProto().getId());
    if (it != structs.end()) return it->second.get();
    auto info = std::make_unique<StructInfo>();
    StructInfo* raw = info.get();
    structs.emplace(s.getProto().getId(), std::move(info));
    Fill(s, raw);
    return raw;
  }

  void Fill(capnp::StructSchema s, StructInfo* info) {
    info->schema = s;
    for (capnp::StructSchema::Field f : s.getFields()) {
      FieldInfo fi;
      fi.json_name = SnakeCase(f.getProto().getName().cStr());
      fi.field = f;
      bool is_date = false;
      for (auto a : f.getProto().getAnnotations()) {
        switch (a.getId()) {
          case kOptionalId: fi.optional = true; break;
          case kNullableId: fi.nullable = true; break;
          case kDateId: is_date = true; break;
          case kRefId: fi.ref = static_cast<schema::Kind>(a.getValue().getEnum()); break;
          case kEventRefId: fi.event_ref = true; break;
          case kCodeId: fi.code = true; break;
          case kMoneyId: fi.money = true; break;
          case kMaxItemsId: fi.max_items = a.getValue().getUint32(); break;
          default: break;
        }
      }
      capnp::Type t = f.getType();
      switch (t.which()) {
        case capnp::schema::Type::TEXT: fi.kind = FieldKind::kText; break;
        case capnp::schema::Type::BOOL: fi.kind = FieldKind::kBool; break;
        case capnp::schema::Type::INT64:
          fi.kind = FieldKind::kInt;
          fi.max_value = fi.money ? kMaxMoneyVnd : INT64_MAX;
          break;
        case capnp::schema::Type::UINT16:
          fi.kind = FieldKind::kInt;
          fi.max_value = UINT16_MAX;
          break;
        case capnp::schema::Type::UINT32:
          TLEDGER_CHECK(is_date);  // the only UInt32 fields are dates
          fi.kind = FieldKind::kDate;
          break;
        case capnp::schema::Type::ENUM:
          fi.kind = FieldKind::kEnum;
          fi.enum_info = DescribeEnum(t.asEnum());
          break;
        case capnp::schema::Type::LIST: {
          capnp::Type elem = t.asList().getElementType();
          if (elem.which() == capnp::schema::Type::TEXT) {
            fi.kind = FieldKind::kTextList;
          } else {
            TLEDGER_CHECK(elem.which() == capnp::schema::Type::STRUCT);
            fi.kind = FieldKind::kStructList;
            fi.element = Describe(elem.asStruct());
          }
          break;
        }
        case capnp::schema::Type::STRUCT:
          fi.kind = FieldKind::kReplacement;
          break;
        default:
          TLEDGER_CHECK(false && "event.capnp uses a type the codec does not handle");
      }
      // Every list has a cap (core/event.capnp, $maxItems).
      TLEDGER_CHECK((fi.kind != FieldKind::kTextList && fi.kind != FieldKind::kStructList) || fi.max_items > 0);
      info->fields.push_back(std::move(fi));
    }
  }
};

Builder& Owner() {
  static Builder* builder = new Builder();
  return *builder;
}

}  // namespace

std::string SnakeCase(std::string_view camel) {
  std::string out;
  for (size_t i = 0; i < camel.size(); ++i) {
    char c = camel[i];
    bool digit_after_letter = c >= '0' && c <= '9' && i > 0 && !(camel[i - 1] >= '0' && camel[i - 1] <= '9');
    if (c >= 'A' && c <= 'Z') {
      out.push_back('_');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      if (digit_after_letter) out.push_back('_');
      out.push_back(c);
    }
  }
  return out;
}

const FieldInfo* StructInfo::Find(std::string_view json_name) const {
  for (const FieldInfo& f : fields) {
    if (f.json_name == json_name) return &f;
  }
  return nullptr;
}

std::optional<uint16_t> EnumInfo::Value(std::string_view name) const {
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<uint16_t>(i);
  }
  return std::nullopt;
}

EventSchema::EventSchema() {
  Builder& builder = Owner();
  capnp::StructSchema body = capnp::Schema::from<schema::Body>();
  for (capnp::StructSchema::Field f : body.getUnionFields()) {
    TypeInfo t;
    t.name = SnakeCase(f.getProto().getName().cStr());
    t.which = f.getProto().getDiscriminantValue();
    t.body_field = f;
    t.body_pointer = static_cast<uint16_t>(f.getProto().getSlot().getOffset());
    builder.Fill(f.getType().asStruct(), &t.body);
    for (const FieldInfo& fi : t.body.fields) {
      uint16_t ptr = static_cast<uint16_t>(fi.field.getProto().getSlot().getOffset());
      if (fi.ref) t.refs.push_back(RefSlot{ptr, fi.kind == FieldKind::kTextList, *fi.ref});
      if (fi.kind == FieldKind::kReplacement) t.replacement_pointer = ptr;
    }
    types_.push_back(std::move(t));
  }
  for (const TypeInfo& t : types_) {
    if (!type_names_.empty()) type_names_ += ", ";
    type_names_ += t.name;
  }
}

const EventSchema& EventSchema::Get() {
  static const EventSchema* instance = new EventSchema();
  return *instance;
}

const TypeInfo* EventSchema::FindType(std::string_view name) const {
  for (const TypeInfo& t : types_) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const TypeInfo* EventSchema::TypeOf(uint16_t which) const {
  for (const TypeInfo& t : types_) {
    if (t.which == which) return &t;
  }
  return nullptr;
}

const EnumInfo& EventSchema::Enum(capnp::EnumSchema e) const {
  return *Owner().DescribeEnum(e);
}

std::string_view EventSchema::KindName(schema::Kind k) {
  switch (k) {
    case schema::Kind::UNIT: return "unit";
    case schema::Kind::PERSON: return "person";
    case schema::Kind::PLAN: return "plan";
    case schema::Kind::COURSE: return "course";
    case schema::Kind::ENROLLMENT: return "enrollment";
    case schema::Kind::DECISION: return "decision";
  }
  return "?";
}

}  // namespace tledger
