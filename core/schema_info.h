// What the interchange form needs to know about each event type, read once by
// reflection from core/event.capnp (the single source of truth).
//
//   const EventSchema& es = EventSchema::Get();
//   const TypeInfo* t = es.FindType("plan_issued");
//   for (const FieldInfo& f : t->body.fields) { ... f.json_name ... }
//
// Everything here is immutable after the first Get() and safe to share
// between threads.
#ifndef TLEDGER_CORE_SCHEMA_INFO_H_
#define TLEDGER_CORE_SCHEMA_INFO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <capnp/schema.h>

#include "core/event.capnp.h"

namespace tledger {

// The largest amount of money an event may hold: a million billion dong
// (10^15 VND), about half of everything the state spends in a year, far
// beyond any training plan, funding decision or repayment. Any 9,223 such
// amounts add up within 64 bits; reports add with checked arithmetic
// beyond that (projections/money.h). README.md, "Import", says why.
inline constexpr int64_t kMaxMoneyVnd = 1'000'000'000'000'000;

enum class FieldKind : uint8_t {
  kText,        // a string
  kTextList,    // a list of strings
  kBool,
  kInt,         // a non-negative integer (money, counts, years)
  kDate,        // a civil date, stored YYYYMMDD
  kEnum,        // one of the enumeration's snake_case names
  kStructList,  // a list of objects (quotas, phases)
  kReplacement, // a correction's replacement: a typed body with its own effective date
};

struct StructInfo;

struct EnumInfo {
  capnp::EnumSchema schema;
  std::vector<std::string> names;      // snake_case, by numeric value
  std::string joined;                  // "phd, master, ...": for error messages

  // The numeric value of an enumerant by its snake_case name.
  std::optional<uint16_t> Value(std::string_view name) const;
  // nullptr for a value this build does not know (written by a newer one).
  const std::string* Name(uint16_t value) const {
    return value < names.size() ? &names[value] : nullptr;
  }
};

struct FieldInfo {
  std::string json_name;               // snake_case, as in shared/spec/events.md
  capnp::StructSchema::Field field;
  FieldKind kind = FieldKind::kText;
  bool optional = false;               // may be absent
  bool nullable = false;               // required but may be null
  std::optional<schema::Kind> ref;     // names an entity id of this kind
  bool event_ref = false;              // names another event's id
  bool code = false;                   // a field-of-study code
  bool money = false;                  // an amount in VND, at most kMaxMoneyVnd
  uint32_t max_items = 0;              // kTextList, kStructList: the most items it may hold
  int64_t max_value = 0;               // kInt: the largest value the field holds
  const EnumInfo* enum_info = nullptr;  // kEnum
  const StructInfo* element = nullptr;  // kStructList
};

struct StructInfo {
  capnp::StructSchema schema;
  std::vector<FieldInfo> fields;       // in declaration order: the export order

  // nullptr when the struct has no field of that JSON name.
  const FieldInfo* Find(std::string_view json_name) const;
};

// A field naming entity ids, located for fast reading without reflection.
struct RefSlot {
  uint16_t pointer;  // index in the struct's pointer section
  bool list;         // a List(Text), else a Text
  schema::Kind kind;
};

struct TypeInfo {
  std::string name;                    // the interchange `type`, e.g. "plan_issued"
  uint16_t which;                      // the Body union discriminant, on disk
  capnp::StructSchema::Field body_field;
  uint16_t body_pointer;               // where the member struct sits in Body's pointer section
  StructInfo body;
  std::vector<RefSlot> refs;           // the fields annotated $ref, in field order
  std::optional<uint16_t> replacement_pointer;  // a correction's replacement
};

class EventSchema {
 public:
  static const EventSchema& Get();

  const std::vector<TypeInfo>& types() const { return types_; }
  // nullptr for a name that is not an event type.
  const TypeInfo* FindType(std::string_view name) const;
  // nullptr for a discriminant this build does not know (a newer writer).
  const TypeInfo* TypeOf(uint16_t which) const;
  // "unit_registered, unit_reorganized, ...": for error messages.
  const std::string& TypeNames() const { return type_names_; }

  // The table of any enum in core/event.capnp.
  const EnumInfo& Enum(capnp::EnumSchema e) const;
  template <typename T>
  const EnumInfo& Enum() const { return Enum(capnp::Schema::from<T>()); }

  static std::string_view KindName(schema::Kind k);

 private:
  EventSchema();
  std::vector<TypeInfo> types_;
  std::string type_names_;
};

// `budgetVnd` -> `budget_vnd`, `specialist2` -> `specialist_2`.
std::string SnakeCase(std::string_view camel);

}  // namespace tledger

#endif  // TLEDGER_CORE_SCHEMA_INFO_H_
