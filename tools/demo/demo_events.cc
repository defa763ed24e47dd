#include "tools/demo/demo_events.h"

namespace tledger::demo {

Json NewEvent(std::string_view type, std::string id, Date effective, std::string_view source) {
  Json e;
  e["type"] = type;
  e["id"] = std::move(id);
  e["effective"] = effective.ToString();
  if (!source.empty()) e["source"] = source;
  return e;
}

void Batch::Add(const Json& event) {
  text_ += event.dump();
  text_ += '\n';
  ++lines_;
}

void AddPlan(Batch& b, const Plan& p) {
  Json e = NewEvent("plan_issued", "plan-" + p.id, p.issued, p.source);
  e["plan"] = p.id;
  e["title"] = p.title;
  e["issuer"] = p.issuer;
  e["year"] = p.year;
  e["budget_vnd"] = p.budget_vnd;
  e["quotas"] = Json::array();
  for (const Quota& q : p.quotas) {
    e["quotas"].push_back(
        Json{{"program", q.program}, {"funding_class", q.funding_class}, {"location", q.location}, {"count", q.count}});
  }
  e["priority_fields"] = p.priority_fields;
  e["phases"] = p.phases;
  if (!p.targets.empty()) {
    e["targets"] = Json::array();
    for (const Target& t : p.targets) {
      Json target{{"program", t.program}};
      if (t.trainee_turns > 0) target["trainee_turns"] = t.trainee_turns;
      if (t.classes > 0) target["classes"] = t.classes;
      e["targets"].push_back(std::move(target));
    }
  }
  b.Add(e);
}

void AddCourse(Batch& b, const Course& c) {
  Json e = NewEvent("course_opened", "course-" + c.id, c.opened);
  e["course"] = c.id;
  e["plan"] = c.plan;
  e["title"] = c.title;
  e["program"] = c.program;
  e["field"] = c.field;
  e["form"] = c.form;
  e["location"] = c.location;
  e["provider"] = c.provider;
  e["start"] = c.start.ToString();
  e["end"] = c.end.ToString();
  if (c.capacity > 0) e["capacity"] = c.capacity;
  if (!c.unit.empty()) e["unit"] = c.unit;
  b.Add(e);
}

void AddNomination(Batch& b, const std::string& plan, const std::string& person, const std::string& program,
                   Date effective, std::string_view source) {
  Json e = NewEvent("nomination_approved", "nom-" + plan + "-" + person + "-" + program, effective, source);
  e["plan"] = plan;
  e["person"] = person;
  e["program"] = program;
  b.Add(e);
}

void AddEnrollment(Batch& b, const std::string& enrollment, const std::string& person, const std::string& course,
                   const std::string& funding, Date effective) {
  Json e = NewEvent("enrollment_recorded", "enr-" + enrollment, effective);
  e["enrollment"] = enrollment;
  e["person"] = person;
  e["course"] = course;
  e["funding"] = funding;
  b.Add(e);
}

std::string CompletionEventId(const std::string& enrollment) { return "done-" + enrollment; }

void AddCompletion(Batch& b, const std::string& enrollment, std::string_view result, Date effective,
                   std::string_view certificate) {
  Json e = NewEvent("completion_recorded", CompletionEventId(enrollment), effective);
  e["enrollment"] = enrollment;
  e["result"] = result;
  if (!certificate.empty()) e["certificate"] = certificate;
  b.Add(e);
}

void AddDecision(Batch& b, const Decision& d) {
  Json e = NewEvent("funding_decided", "fund-" + d.id, d.effective, d.id);
  e["decision"] = d.id;
  e["plan"] = d.plan;
  if (!d.enrollment.empty()) e["enrollment"] = d.enrollment;
  if (!d.course.empty()) e["course"] = d.course;
  e["amount_vnd"] = d.amount_vnd;
  e["funding"] = d.funding;
  b.Add(e);
}

void AddTransfer(Batch& b, const std::string& person, const std::string& unit, Date effective,
                 std::string_view source) {
  Json e = NewEvent("person_transferred", "transfer-" + person, effective, source);
  e["person"] = person;
  e["unit"] = unit;
  b.Add(e);
}

}  // namespace tledger::demo
