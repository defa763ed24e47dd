#include "tests/ledger_builder.h"

#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "core/appender.h"
#include "core/json_codec.h"
#include "projections/resolved.h"
#include "projections/rules/rules.h"

namespace tledger {
namespace {

using nlohmann::ordered_json;

// Small first segments: a property test holds thousands of events.
constexpr unsigned kFirstSegmentWords = 128;

ordered_json NullIfEmpty(std::string_view s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

ordered_json QuotasJson(const std::vector<jsonl::Quota>& quotas) {
  ordered_json out = ordered_json::array();
  for (const jsonl::Quota& q : quotas) {
    out.push_back({{"program", q.program}, {"funding_class", q.funding_class}, {"location", q.location},
                   {"count", q.count}});
  }
  return out;
}

ordered_json TargetsJson(const std::vector<jsonl::Target>& targets) {
  ordered_json out = ordered_json::array();
  for (const jsonl::Target& t : targets) {
    ordered_json o = {{"program", t.program}};
    if (t.trainee_turns) o["trainee_turns"] = *t.trainee_turns;
    if (t.classes) o["classes"] = *t.classes;
    out.push_back(std::move(o));
  }
  return out;
}

ordered_json PhasesJson(const std::vector<jsonl::Phase>& phases) {
  ordered_json out = ordered_json::array();
  for (const jsonl::Phase& p : phases) out.push_back({{"fields", p.fields}, {"opens", p.opens}});
  return out;
}

}  // namespace

// A value the test wrote itself: a failure is a typo in the test.
template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) {
    std::cerr << "bad literal in a test: " << r.status().message() << "\n";
    std::abort();
  }
  return std::move(r).value();
}

Date Day(std::string_view text) { return Must(Date::Parse(text)); }
Timestamp At(std::string_view text) { return Must(ParseInstant(text)); }

void Ledger::Append(schema::Event::Reader event, Timestamp at) {
  auto msg = std::make_unique<capnp::MallocMessageBuilder>(kFirstSegmentWords);
  msg->setRoot(event);
  auto root = msg->getRoot<schema::Event>();
  root.setSeq(events_.size() + 1);
  root.setRecordedAt(at);
  events_.push_back(std::move(msg));
}

Ledger& Ledger::Record(Timestamp at, const std::vector<std::string>& lines) {
  if (!events_.empty()) {
    EXPECT_LE(event(events_.size() - 1).getRecordedAt(), at) << "batches go forward in time";
  }
  simdjson::dom::parser parser;
  for (const std::string& line : lines) {
    simdjson::dom::element doc;
    if (simdjson::error_code err = parser.parse(line).get(doc); err) {
      ADD_FAILURE() << "not JSON (" << simdjson::error_message(err) << "): " << line;
      continue;
    }
    capnp::MallocMessageBuilder msg(kFirstSegmentWords);
    auto ev = msg.initRoot<schema::Event>();
    if (Status s = EventFromJson(doc, "tester", ev); !s.ok()) {
      ADD_FAILURE() << "refused: " << s.message() << "\n  " << line;
      continue;
    }
    Append(ev.asReader(), at);
  }
  return *this;
}

uint64_t Ledger::SeqOf(std::string_view id) const {
  for (size_t i = 0; i < events_.size(); ++i) {
    if (std::string_view(event(i).getId().cStr()) == id) return i + 1;
  }
  return 0;
}

Timeline Ledger::Fold(Timestamp known_at) const {
  Timeline t;
  for (size_t i = 0; i < events_.size() && event(i).getRecordedAt() <= known_at; ++i) t.Apply(event(i));
  return t;
}

Outcome Ledger::Evaluate(Date as_of, Timestamp known_at, bool restate_units) const {
  return EvaluateFold(Fold(known_at), as_of, known_at, restate_units);
}

Ledger Ledger::Select(const std::function<bool(schema::Event::Reader)>& keep) const {
  Ledger out;
  for (size_t i = 0; i < events_.size(); ++i) {
    if (keep(event(i))) out.Append(event(i), event(i).getRecordedAt());
  }
  return out;
}

Result<Timestamp> Ledger::AppendTo(Store& store) const {
  Result<std::unique_ptr<Appender>> app = store.BeginAppend();
  if (!app.ok()) return app.status();
  for (size_t i = 0; i < events_.size(); ++i) {
    capnp::MallocMessageBuilder msg(kFirstSegmentWords);
    msg.setRoot(event(i));
    Result<Appender::Outcome> added = (*app)->Add(msg.getRoot<schema::Event>());
    if (!added.ok()) return added.status();
  }
  TLEDGER_RETURN_IF_ERROR((*app)->Commit());
  return (*app)->recorded_at();
}

Outcome EvaluateFold(const Timeline& timeline, Date as_of, Timestamp known_at, bool restate_units) {
  Resolved r = Resolve(timeline);
  return tledger::Evaluate(r, EvaluateOptions{.as_of = as_of, .known_at = known_at, .restate_units = restate_units, .plan = ""});
}

std::vector<Violation> Of(const Outcome& outcome, Rule rule) {
  std::vector<Violation> out;
  for (const Violation& v : outcome.violations) {
    if (v.rule == rule) out.push_back(v);
  }
  return out;
}

std::ostream& operator<<(std::ostream& os, const Flag& f) {
  return os << "{" << f.rule << " " << f.kind << " event=" << f.event << " seq=" << f.seq
            << " subject=" << f.subject << " rulebook=" << f.rulebook << "}";
}

std::vector<Flag> Flags(const Outcome& outcome, Rule rule) {
  std::vector<Flag> out;
  for (const Violation& v : Of(outcome, rule)) {
    out.push_back(Flag{std::string(RuleName(v.rule)), std::string(KindName(v.kind)), v.event, v.seq, v.subject,
                       std::string(Info(v.rulebook).code)});
  }
  return out;
}

ordered_json ReportJson(const Outcome& o) {
  const Report& r = o.report;
  ordered_json plans = ordered_json::array();
  for (const PlanTally& p : r.plans) {
    ordered_json cells = ordered_json::array();
    for (const CellTally& c : p.cells) {
      cells.push_back({{"program", ProgramName(c.program)},
                       {"funding_class", ClassName(c.funding_class)},
                       {"location", LocationName(c.location)},
                       {"quota", c.quota ? ordered_json(*c.quota) : ordered_json(nullptr)},
                       {"enrolled", c.enrolled},
                       {"completed", c.completed},
                       {"failed", c.failed},
                       {"in_progress", c.in_progress},
                       {"withdrawn", c.withdrawn}});
    }
    ordered_json targets = ordered_json::array();
    auto nullable = [](const std::optional<int64_t>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); };
    for (const TargetTally& t : p.targets) {
      targets.push_back({{"program", ProgramName(t.program)},
                         {"target_trainee_turns", nullable(t.target_trainee_turns)},
                         {"target_classes", nullable(t.target_classes)},
                         {"trainee_turns", t.trainee_turns},
                         {"classes", t.classes},
                         {"percent_of_target", nullable(PercentOfTarget(t))}});
    }
    plans.push_back({{"plan", p.plan},
                     {"budget_vnd", p.budget_vnd},
                     {"public_funding_vnd", p.public_funding_vnd},
                     {"remaining_vnd", p.remaining_vnd},
                     {"cells", cells},
                     {"targets", targets}});
  }
  auto groups = [](const std::vector<GroupTally>& list, const char* key) {
    ordered_json out = ordered_json::array();
    for (const GroupTally& g : list) out.push_back({{key, g.key}, {"trainee_turns", g.trainee_turns}, {"classes", g.classes}});
    return out;
  };
  ordered_json levels = ordered_json::array();
  for (const LevelTally& l : r.by_level) {
    levels.push_back({{"level", l.level}, {"trainee_turns", l.trainee_turns}, {"persons", l.persons}});
  }
  return {{"as_of", r.as_of.ToString()},
          {"known_at", r.known_at == kForever ? ordered_json(nullptr) : ordered_json(FormatInstant(r.known_at))},
          {"events_counted", r.events_counted},
          {"plans", plans},
          {"by_level", levels},
          {"by_field", groups(r.by_field, "field")},
          {"by_form", groups(r.by_form, "form")},
          {"reimbursement_due_vnd", r.reimbursement_due_vnd}};
}

ordered_json ViolationsJson(const Outcome& o) {
  ordered_json list = ordered_json::array();
  for (const Violation& v : o.violations) {
    ordered_json args = ordered_json::object();
    ForEachArg(v.args, [&](std::string_view name, const ArgValue& value) {
      args[std::string(name)] = std::visit(
          [](const auto& x) -> ordered_json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, int64_t>) return x;
            else if constexpr (std::is_same_v<T, Date>) return x.ToString();
            else if constexpr (std::is_same_v<T, Vnd>) return x.vnd;
            else if constexpr (std::is_same_v<T, EventType>) return x.which;
            else if constexpr (std::is_same_v<T, PlanDocument>) return {x.plan, x.title, x.source, x.issued.ToString(), x.issuer, x.issuer_name};
            else return CodeName(x);
          },
          value);
    });
    list.push_back({{"rule", RuleName(v.rule)},
                    {"kind", KindName(v.kind)},
                    {"case", static_cast<int>(v.what)},
                    {"event", v.event},
                    {"seq", v.seq},
                    {"subject", v.subject},
                    {"rulebook", Info(v.rulebook).code},
                    {"basis", static_cast<int>(v.basis)},
                    {"enrollment", v.enrollment},
                    {"amount_vnd", v.amount_vnd ? ordered_json(*v.amount_vnd) : ordered_json(nullptr)},
                    {"args", std::move(args)}});
  }
  return {{"as_of", o.report.as_of.ToString()}, {"violations", list}};
}

namespace jsonl {

std::string Line(std::string_view type, std::string_view id, std::string_view effective, ordered_json fields) {
  ordered_json line = {{"type", type}, {"id", id}, {"effective", effective}};
  for (auto& [key, value] : fields.items()) line[key] = value;
  return line.dump();
}

std::string Unit(std::string_view id, std::string_view effective, std::string_view unit, std::string_view level,
                 std::string_view parent) {
  return Line("unit_registered", id, effective,
              {{"unit", unit}, {"name", "Đơn vị " + std::string(unit)}, {"level", level}, {"parent", NullIfEmpty(parent)}});
}

std::string Reorganize(std::string_view id, std::string_view effective, std::string_view kind,
                       const std::vector<std::string>& from, std::string_view to) {
  ordered_json f = {{"kind", kind}, {"from", from}, {"to", NullIfEmpty(to)}};
  if (kind == "rename") f["name"] = "Đơn vị " + std::string(to);
  return Line("unit_reorganized", id, effective, f);
}

std::string Person(std::string_view id, std::string_view effective, std::string_view person,
                   std::string_view category, std::string_view unit, std::string_view birth_date) {
  ordered_json f = {{"person", person}, {"name", "Nguyễn Văn " + std::string(person)}, {"category", category},
                    {"unit", unit},     {"position", "chuyên viên"},                  {"leader", false}};
  if (!birth_date.empty()) f["birth_date"] = birth_date;
  return Line("person_registered", id, effective, f);
}

std::string Transfer(std::string_view id, std::string_view effective, std::string_view person, std::string_view unit) {
  return Line("person_transferred", id, effective, {{"person", person}, {"unit", unit}});
}

std::string Leave(std::string_view id, std::string_view effective, std::string_view person) {
  return Line("person_left_service", id, effective, {{"person", person}, {"reason", "thôi việc"}});
}

std::string Plan(std::string_view id, std::string_view effective, std::string_view plan, int64_t budget_vnd,
                 const std::vector<Quota>& quotas, const std::vector<std::string>& priority_fields,
                 const std::vector<Phase>& phases, const std::vector<Target>& targets) {
  ordered_json f = {{"plan", plan},
                    {"title", "Kế hoạch " + std::string(plan)},
                    {"issuer", "PROV"},
                    {"year", 2025},
                    {"budget_vnd", budget_vnd},
                    {"quotas", QuotasJson(quotas)},
                    {"priority_fields", priority_fields},
                    {"phases", PhasesJson(phases)}};
  if (!targets.empty()) f["targets"] = TargetsJson(targets);
  return Line("plan_issued", id, effective, f);
}

std::string Amend(std::string_view id, std::string_view effective, std::string_view plan, const Amendment& a) {
  ordered_json f = {{"plan", plan}};
  if (a.budget_vnd) f["budget_vnd"] = *a.budget_vnd;
  if (a.quotas) f["quotas"] = QuotasJson(*a.quotas);
  if (a.priority_fields) f["priority_fields"] = *a.priority_fields;
  if (a.phases) f["phases"] = PhasesJson(*a.phases);
  if (a.targets) f["targets"] = TargetsJson(*a.targets);
  return Line("plan_amended", id, effective, f);
}

std::string Nominate(std::string_view id, std::string_view effective, std::string_view plan, std::string_view person,
                     std::string_view program) {
  return Line("nomination_approved", id, effective, {{"plan", plan}, {"person", person}, {"program", program}});
}

std::string RevokeNomination(std::string_view id, std::string_view effective, std::string_view plan,
                             std::string_view person, std::string_view program) {
  return Line("nomination_revoked", id, effective, {{"plan", plan}, {"person", person}, {"program", program}});
}

std::string Open(std::string_view id, std::string_view effective, const Course& c) {
  ordered_json f = {{"course", c.course},     {"plan", c.plan},         {"title", "Khóa " + c.course},
                    {"program", c.program},   {"field", c.field},       {"form", c.form},
                    {"location", c.location}, {"provider", "Học viện"}, {"start", c.start},
                    {"end", c.end}};
  if (!c.unit.empty()) f["unit"] = c.unit;
  return Line("course_opened", id, effective, f);
}

std::string Enroll(std::string_view id, std::string_view effective, std::string_view enrollment,
                   std::string_view person, std::string_view course, std::string_view funding) {
  return Line("enrollment_recorded", id, effective,
              {{"enrollment", enrollment}, {"person", person}, {"course", course}, {"funding", funding}});
}

std::string Withdraw(std::string_view id, std::string_view effective, std::string_view enrollment) {
  return Line("enrollment_withdrawn", id, effective, {{"enrollment", enrollment}, {"reason", "xin thôi học"}});
}

std::string Complete(std::string_view id, std::string_view effective, std::string_view enrollment,
                     std::string_view result) {
  return Line("completion_recorded", id, effective, {{"enrollment", enrollment}, {"result", result}});
}

std::string Decide(std::string_view id, std::string_view effective, std::string_view decision, std::string_view plan,
                   std::string_view enrollment, int64_t amount_vnd, std::string_view funding) {
  ordered_json f = {{"decision", decision}, {"plan", plan}};
  if (!enrollment.empty()) f["enrollment"] = enrollment;
  f["amount_vnd"] = amount_vnd;
  f["funding"] = funding;
  return Line("funding_decided", id, effective, f);
}

std::string RevokeFunding(std::string_view id, std::string_view effective, std::string_view decision) {
  return Line("funding_revoked", id, effective, {{"decision", decision}, {"reason", "thu hồi"}});
}

std::string Exempt(std::string_view id, std::string_view effective, std::string_view person,
                   std::string_view enrollment, std::string_view ground) {
  return Line("compensation_exempted", id, effective,
              {{"person", person}, {"enrollment", enrollment}, {"ground", ground}});
}

std::string Repay(std::string_view id, std::string_view effective, std::string_view person,
                  std::string_view enrollment, int64_t amount_vnd) {
  return Line("reimbursement_recorded", id, effective,
              {{"person", person}, {"enrollment", enrollment}, {"amount_vnd", amount_vnd}});
}

std::string Retract(std::string_view id, std::string_view effective, std::string_view target) {
  return Line("correction", id, effective, {{"target", target}, {"action", "retract"}, {"reason", "ghi nhầm"}});
}

std::string Replace(std::string_view id, std::string_view effective, std::string_view target,
                    std::string_view replacement) {
  ordered_json r = ordered_json::parse(replacement);
  r.erase("id");
  return Line("correction", id, effective,
              {{"target", target}, {"action", "replace"}, {"replacement", r}, {"reason", "sửa sai"}});
}

}  // namespace jsonl
}  // namespace tledger
