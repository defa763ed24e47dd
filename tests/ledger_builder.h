// A test ledger made from JSON Lines, the interchange form: each line is read
// by EventFromJson exactly as `import` reads it, given seq 1..n and the
// recorded_at of its batch (an instant the test chooses), then folded by
// Timeline::Apply, resolved and evaluated by projections/.
//
//   Ledger l;
//   l.Record(At("2025-10-01T09:00:00Z"), {jsonl::Enroll("enr-1", "2025-10-20", "E1", "P1", "C-PHD")});
//   Outcome now = l.Evaluate(Day("2025-12-31"));                            // known at the end of time
//   Outcome then = l.Evaluate(Day("2025-12-31"), At("2025-10-01T12:00:00Z"));
//
// The jsonl:: helpers write one interchange line each, with every field the
// type requires: a test names the fields it is about and takes plain
// defaults for the others (names, titles, reasons, providers).
#ifndef TLEDGER_TESTS_LEDGER_BUILDER_H_
#define TLEDGER_TESTS_LEDGER_BUILDER_H_

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <capnp/message.h>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/event.capnp.h"
#include "core/store.h"
#include "projections/evaluate.h"
#include "projections/outcome.h"
#include "projections/timeline.h"

namespace tledger {

// Known at the end of time: every event recorded.
inline constexpr Timestamp kForever = std::numeric_limits<Timestamp>::max();

// A date or an instant written in a test; a malformed one aborts (a typo in
// the test, not a finding).
Date Day(std::string_view yyyy_mm_dd);
Timestamp At(std::string_view rfc3339_or_date);

class Ledger {
 public:
  Ledger() = default;
  Ledger(Ledger&&) = default;
  Ledger& operator=(Ledger&&) = default;

  // Appends one batch: the lines in order, seq continuing, every one
  // recorded at `at` (an instant not before the previous batch's, as the
  // store guarantees). A line EventFromJson refuses fails the current test
  // (naming the line and the reason) and is left out.
  Ledger& Record(Timestamp at, const std::vector<std::string>& lines);

  size_t size() const { return events_.size(); }
  // The event of seq i + 1.
  schema::Event::Reader event(size_t i) const { return events_[i]->getRoot<schema::Event>().asReader(); }
  // The seq of the event recorded under `id`; 0 when there is none.
  uint64_t SeqOf(std::string_view id) const;

  // The events recorded at or before `known_at`, folded in seq order.
  Timeline Fold(Timestamp known_at = kForever) const;
  // Fold, Resolve and Evaluate as of the end of day `as_of`.
  Outcome Evaluate(Date as_of, Timestamp known_at = kForever, bool restate_units = false) const;

  // Appends every event to `store` in one append (the store gives them its
  // own seq and recorded_at) and commits; the instant they were recorded at.
  Result<Timestamp> AppendTo(Store& store) const;

  // A fresh ledger of the events `keep` selects, in the same order and each
  // with its own recorded_at; seq renumbered 1..n, as a ledger that received
  // only those events would number them.
  Ledger Select(const std::function<bool(schema::Event::Reader)>& keep) const;

 private:
  void Append(schema::Event::Reader event, Timestamp at);
  std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> events_;
};

// Resolve and Evaluate of one fold (which must outlive nothing: the Outcome
// is a plain value).
Outcome EvaluateFold(const Timeline& timeline, Date as_of, Timestamp known_at, bool restate_units = false);

// The violations of one rule, in the order of the report.
std::vector<Violation> Of(const Outcome& outcome, Rule rule);

// What a test asserts of a violation: the rule and its severity, the
// evidence event's id and seq, the subject, and the rulebook's code ("2017",
// "2025").
struct Flag {
  std::string rule, kind, event;
  uint64_t seq = 0;
  std::string subject, rulebook;
  friend bool operator==(const Flag&, const Flag&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Flag& f);
};
// The violations of one rule as Flags, in the order of the report.
std::vector<Flag> Flags(const Outcome& outcome, Rule rule);

// The keys of the JSON output of shared/spec/rules.md (`report` and
// `violations`), built from an Outcome: what a checker compares.
nlohmann::ordered_json ReportJson(const Outcome& outcome);
nlohmann::ordered_json ViolationsJson(const Outcome& outcome);

// One interchange line per call, arguments in the order (event id,
// effective date, then the fields of the type). An empty optional id or date
// argument ("") writes JSON null where the type allows one, and leaves an
// optional field out otherwise.
namespace jsonl {

struct Quota {
  std::string program, funding_class, location;
  int64_t count;
};
struct Phase {
  std::vector<std::string> fields;
  std::string opens;
};
// A plan's target for a program; a count left empty is left out.
struct Target {
  std::string program;
  std::optional<int64_t> trainee_turns = {};
  std::optional<int64_t> classes = {};
};
struct Amendment {
  std::optional<int64_t> budget_vnd = {};
  std::optional<std::vector<Quota>> quotas = {};
  std::optional<std::vector<std::string>> priority_fields = {};
  std::optional<std::vector<Phase>> phases = {};
  std::optional<std::vector<Target>> targets = {};
};
struct Course {
  std::string course = {}, plan = {};
  std::string program = "phd";
  std::string field = "finance";
  std::string form = "centralized";
  std::string location = "domestic";
  std::string start = {}, end = {};
  std::string unit = {};  // organising unit; "" leaves it out
};

// Any event: the envelope plus `fields` as given.
std::string Line(std::string_view type, std::string_view id, std::string_view effective, nlohmann::ordered_json fields);

std::string Unit(std::string_view id, std::string_view effective, std::string_view unit, std::string_view level,
                 std::string_view parent = "");
// kind: merge, rename (named for `to`), dissolve; `to` "" for a dissolution.
std::string Reorganize(std::string_view id, std::string_view effective, std::string_view kind,
                       const std::vector<std::string>& from, std::string_view to = "");
std::string Person(std::string_view id, std::string_view effective, std::string_view person,
                   std::string_view category, std::string_view unit, std::string_view birth_date = "");
std::string Transfer(std::string_view id, std::string_view effective, std::string_view person, std::string_view unit);
std::string Leave(std::string_view id, std::string_view effective, std::string_view person);
// `targets` empty leaves the field out (as a plan written before targets).
std::string Plan(std::string_view id, std::string_view effective, std::string_view plan, int64_t budget_vnd,
                 const std::vector<Quota>& quotas, const std::vector<std::string>& priority_fields = {},
                 const std::vector<Phase>& phases = {}, const std::vector<Target>& targets = {});
std::string Amend(std::string_view id, std::string_view effective, std::string_view plan, const Amendment& a);
std::string Nominate(std::string_view id, std::string_view effective, std::string_view plan, std::string_view person,
                     std::string_view program);
std::string RevokeNomination(std::string_view id, std::string_view effective, std::string_view plan,
                             std::string_view person, std::string_view program);
std::string Open(std::string_view id, std::string_view effective, const Course& c);
std::string Enroll(std::string_view id, std::string_view effective, std::string_view enrollment,
                   std::string_view person, std::string_view course, std::string_view funding = "state_budget");
std::string Withdraw(std::string_view id, std::string_view effective, std::string_view enrollment);
std::string Complete(std::string_view id, std::string_view effective, std::string_view enrollment,
                     std::string_view result = "passed");
// `enrollment` "" leaves it out.
std::string Decide(std::string_view id, std::string_view effective, std::string_view decision, std::string_view plan,
                   std::string_view enrollment, int64_t amount_vnd, std::string_view funding = "state_budget");
std::string RevokeFunding(std::string_view id, std::string_view effective, std::string_view decision);
std::string Exempt(std::string_view id, std::string_view effective, std::string_view person,
                   std::string_view enrollment, std::string_view ground = "illness");
std::string Repay(std::string_view id, std::string_view effective, std::string_view person,
                  std::string_view enrollment, int64_t amount_vnd);
std::string Retract(std::string_view id, std::string_view effective, std::string_view target);
// `replacement`: a line of the target's type (any helper above, or Retract /
// Replace for a correction); its id is dropped, its effective date kept.
std::string Replace(std::string_view id, std::string_view effective, std::string_view target,
                    std::string_view replacement);

}  // namespace jsonl
}  // namespace tledger

#endif  // TLEDGER_TESTS_LEDGER_BUILDER_H_
