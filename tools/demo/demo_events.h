// The demo's events as JSON Lines (shared/spec/events.md), batch by batch:
// each Batch becomes one file, and `tledger import` appends each file as one
// transaction, so the batches are the demo's steps in transaction time.
//
//   Batch b("01_units.jsonl");
//   Json e = NewEvent("unit_registered", "unit-CT", Day(2004, 1, 1));
//   e["unit"] = "CT"; ...
//   b.Add(e);
//
// Keys are written in the order they are set (nlohmann::ordered_json), so
// the bytes depend only on the demo's code. Value types.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_EVENTS_H_
#define TLEDGER_TOOLS_DEMO_DEMO_EVENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/date.h"

namespace tledger::demo {

using Json = nlohmann::ordered_json;

// An event's common fields: type, id, effective and, when given, source.
Json NewEvent(std::string_view type, std::string id, Date effective, std::string_view source = {});

class Batch {
 public:
  explicit Batch(std::string file_name) : file_name_(std::move(file_name)) {}

  // Appends one event as one line.
  void Add(const Json& event);

  const std::string& file_name() const { return file_name_; }
  const std::string& text() const { return text_; }
  uint64_t lines() const { return lines_; }

 private:
  std::string file_name_;
  std::string text_;
  uint64_t lines_ = 0;
};

// --- the event types the demo writes, fields in the spec's order

struct Quota {
  std::string program, funding_class, location;
  int64_t count;
};
// A goal for a program: trainee-turns, classes, or both (0: not set).
struct Target {
  std::string program;
  int64_t trainee_turns = 0;
  int64_t classes = 0;
};
struct Plan {
  std::string id, title, issuer, source;
  Date issued;
  int year = 0;
  int64_t budget_vnd = 0;
  std::vector<Quota> quotas;
  std::vector<std::string> priority_fields;
  Json phases = Json::array();  // [{"fields": [...], "opens": "YYYY-MM-DD"}]
  std::vector<Target> targets;  // written only when there are some
};
// plan_issued, event id "plan-<id>"; without `source` when it is empty.
void AddPlan(Batch& b, const Plan& p);

struct Course {
  std::string id, plan, title, program, field, form, provider, unit;
  std::string location = "domestic";
  Date start, end;
  Date opened;  // the course_opened event's effective date
  int capacity = 0;
};
void AddCourse(Batch& b, const Course& c);

// A nomination (plan, person, program) approved on `effective` by `source`.
void AddNomination(Batch& b, const std::string& plan, const std::string& person, const std::string& program,
                   Date effective, std::string_view source);

// An enrollment (event id "enr-<enrollment>") and its completion (event id
// "done-<enrollment>", `certificate` left out when empty).
void AddEnrollment(Batch& b, const std::string& enrollment, const std::string& person, const std::string& course,
                   const std::string& funding, Date effective);
void AddCompletion(Batch& b, const std::string& enrollment, std::string_view result, Date effective,
                   std::string_view certificate = {});
// The event id of an enrollment's completion.
std::string CompletionEventId(const std::string& enrollment);

// A public or self funding decision for a plan, optionally naming an
// enrollment or a course.
struct Decision {
  std::string id, plan, enrollment, course, funding = "state_budget";
  int64_t amount_vnd = 0;
  Date effective;
};
void AddDecision(Batch& b, const Decision& d);

void AddTransfer(Batch& b, const std::string& person, const std::string& unit, Date effective, std::string_view source);

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_EVENTS_H_
