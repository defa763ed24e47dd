// Property tests over random, valid ledgers (fixed seeds: a failure names
// its seed and reproduces). For random (D, T):
//  (a) the Outcome known at T of the whole ledger, computed from a snapshot
//      of a fold that went on past T, equals that of a fresh ledger that
//      received only the events recorded by T, in the same order;
//  (b) the Outcome as of D equals, as of D, that of a ledger holding only
//      the events effective on or before D, corrections kept whatever their
//      date.
// A few ledgers also go through the store: Replay known at each import's
// instant equals the fresh ledger of the imports up to it. And the tally
// stretches (projections/stretches.h), added up as of any date, give the
// tallies a full evaluation gives.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/json_codec.h"
#include "core/store.h"
#include "projections/replay.h"
#include "projections/report_cache.h"
#include "projections/report_timeline.h"
#include "tests/test_util.h"
#include "projections/stretches.h"
#include "tests/ledger_builder.h"

namespace tledger {
namespace {

using nlohmann::ordered_json;
using namespace jsonl;

constexpr int kLedgers = 300;
constexpr int kQueriesPerLedger = 4;

const char* const kFields[] = {"finance", "health", "construction", "information_technology", "education"};
const char* const kPrograms[] = {"phd", "master", "specialist_1", "bachelor", "political_theory_advanced",
                                 "state_mgmt_principal", "knowledge_update", "digital_transformation"};
const char* const kFundings[] = {"state_budget", "unit_fund", "self_funded", "scholarship"};
const char* const kCategories[] = {"cadre", "civil_servant", "public_employee"};
const char* const kForms[] = {"centralized", "semi_centralized", "remote", "online"};
const char* const kDistricts[] = {"DIST1", "DIST2", "DIST3"};
const char* const kGrounds[] = {"illness", "disaster", "epidemic", "transfer_within_system"};

// A random, valid ledger: batches of interchange lines, each batch with its
// own recorded_at. Units with districts and the 2025-07-01 reorganisation,
// persons, plans with cells, budgets, phases, priorities and targets,
// courses, and a stream of nominations, enrollments, withdrawals,
// completions, decisions, revocations, exemptions, repayments, leavings,
// transfers, amendments and corrections of every kind (corrections of
// corrections included), with effective dates independent of when they are
// recorded (backdated events).
class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed), target_rng_(seed ^ 0x7a12e75) {}

  struct Batch {
    Timestamp at;
    std::vector<std::string> lines;
  };
  std::vector<Batch> Make();

 private:
  // Uniform enough, and the same on every standard library (the
  // distributions of <random> are not).
  int Int(int lo, int hi) { return lo + static_cast<int>(rng_() % static_cast<uint64_t>(hi - lo + 1)); }
  bool Chance(int percent) { return Int(1, 100) <= percent; }
  template <typename T, size_t N>
  const T& Pick(const T (&list)[N]) { return list[Int(0, N - 1)]; }
  template <typename T>
  const T& Pick(const std::vector<T>& list) { return list[Int(0, static_cast<int>(list.size()) - 1)]; }
  std::string Between(const char* from, const char* to) {
    return Date::FromDays(Int(Day(from).days(), Day(to).days())).ToString();
  }
  std::string Shift(const std::string& day, int lo, int hi) { return Day(day).AddDays(Int(lo, hi)).ToString(); }
  std::string Id() { return "ev-" + std::to_string(events_.size() + 1); }

  void Emit(std::string line) {
    events_.push_back(ordered_json::parse(line));
    lines_.push_back(std::move(line));
  }

  void World();
  void Activity();
  // A plan's targets: none, or a few programs with trainee-turns, classes
  // or both. Drawn from a stream of their own, so that the rest of each
  // ledger is what it was before plans had targets.
  std::vector<Target> Targets(int percent);
  void Correction();
  // A version of `target` (not a correction) of the same type: another
  // effective date, sometimes another value of a field the rules read.
  ordered_json Mutate(ordered_json target);

  std::mt19937_64 rng_;
  std::mt19937_64 target_rng_;
  std::vector<std::string> lines_;
  std::vector<ordered_json> events_;  // the same, parsed: targets for corrections
  std::vector<std::string> units_, persons_, plans_, enrollments_, decisions_;
  struct CourseInfo {
    std::string id, plan, program, start, end;
  };
  std::vector<CourseInfo> courses_;
  std::map<std::string, std::pair<std::string, std::string>> enrolled_;  // enrollment -> (person, course start)
};

std::vector<Target> Generator::Targets(int percent) {
  auto draw = [&](int lo, int hi) { return lo + static_cast<int>(target_rng_() % static_cast<uint64_t>(hi - lo + 1)); };
  std::vector<Target> out;
  if (draw(1, 100) > percent) return out;
  for (int i = 0, n = draw(1, 3); i < n; ++i) {
    Target t{kPrograms[draw(0, static_cast<int>(std::size(kPrograms)) - 1)]};
    int which = draw(0, 2);  // turns, classes, or both
    if (which != 1) t.trainee_turns = draw(0, 12);
    if (which != 0) t.classes = draw(0, 4);
    out.push_back(t);
  }
  return out;
}

void Generator::World() {
  Emit(Unit(Id(), "2015-01-01", "CEN", "central"));
  for (const char* p : {"PROV1", "PROV2"}) Emit(Unit(Id(), "2015-01-01", p, "province"));
  for (const char* d : {"DIST1", "DIST2", "DIST3"}) Emit(Unit(Id(), "2015-01-01", d, "district", Chance(50) ? "PROV1" : "PROV2"));
  for (const char* c : {"COMM1", "COMM2", "COMM3", "COMM4", "COMM5"}) {
    Emit(Unit(Id(), "2015-01-01", c, "commune", Pick(kDistricts)));
  }
  Emit(Unit(Id(), "2025-07-01", "NEWC", "commune", "PROV1"));
  units_ = {"CEN", "PROV1", "PROV2", "DIST1", "DIST2", "DIST3", "COMM1", "COMM2", "COMM3", "COMM4", "COMM5", "NEWC"};
  // The reorganisation, around 2025-07-01.
  if (Chance(70)) Emit(Reorganize(Id(), Shift("2025-07-01", -3, 3), "merge", {"PROV2"}, "PROV1"));
  if (Chance(70)) Emit(Reorganize(Id(), "2025-07-01", "merge", {"DIST1", "COMM1"}, "NEWC"));
  if (Chance(50)) Emit(Reorganize(Id(), Shift("2025-07-01", -60, 60), "dissolve", {"DIST2"}));
  if (Chance(50)) {
    Emit(Reorganize(Id(), Between("2024-06-01", "2026-06-01"), "rename", {"COMM3"}, "COMM3N"));
    Emit(Unit(Id(), "2024-06-01", "COMM3N", "commune", "PROV1"));
    units_.push_back("COMM3N");
  }
  if (Chance(50)) Emit(Reorganize(Id(), Between("2024-06-01", "2026-06-01"), "merge", {"COMM4", "COMM5"}, "COMM5"));

  for (int i = 1, n = Int(4, 25); i <= n; ++i) {
    std::string p = "P" + std::to_string(i);
    persons_.push_back(p);
    std::string born = Chance(85) ? Between("1965-01-01", "2000-12-31") : "";
    Emit(Person(Id(), Between("2015-01-01", "2026-06-01"), p, Pick(kCategories), Chance(95) ? Pick(units_) : "U-GHOST",
                born));
  }
  for (int i = 1, n = Int(1, 3); i <= n; ++i) {
    std::string k = "K" + std::to_string(i);
    plans_.push_back(k);
    std::vector<Quota> quotas;
    for (int c = 0, m = Int(0, 5); c < m; ++c) {
      quotas.push_back({Pick(kPrograms), Chance(70) ? "public" : "self", Chance(80) ? "domestic" : "foreign", Int(0, 4)});
    }
    std::vector<std::string> priority;
    if (Chance(60)) priority = {Pick(kFields), Pick(kFields)};
    std::vector<Phase> phases;
    if (Chance(50)) phases.push_back({{Pick(kFields)}, Between("2024-06-01", "2026-06-01")});
    if (Chance(30)) phases.push_back({{Pick(kFields), Pick(kFields)}, Between("2024-06-01", "2026-06-01")});
    static const int64_t kBudgets[] = {0, 100'000'000, 500'000'000, 1'000'000'000, 4'700'000'000};
    Emit(Plan(Id(), Between("2024-01-01", "2025-06-01"), k, Pick(kBudgets), quotas, priority, phases, Targets(60)));
  }
  plans_.push_back("K-GHOST");
  for (int i = 1, n = Int(3, 10); i <= n; ++i) {
    CourseInfo c{"C" + std::to_string(i), Chance(95) ? Pick(plans_) : "K-GHOST", Pick(kPrograms),
                 Between("2024-01-01", "2027-06-30"), ""};
    c.end = Shift(c.start, 20, 1100);
    courses_.push_back(c);
    Emit(Open(Id(), Shift(c.start, -120, 0),
              Course{.course = c.id, .plan = c.plan, .program = c.program, .field = Pick(kFields),
                     .form = Pick(kForms), .location = Chance(85) ? "domestic" : "foreign", .start = c.start,
                     .end = c.end, .unit = Chance(40) ? Pick(units_) : ""}));
  }
}

void Generator::Activity() {
  const CourseInfo& c = Pick(courses_);
  const std::string& p = Pick(persons_);
  switch (Int(0, 14)) {
    case 0:
    case 1:
      Emit(Nominate(Id(), Shift(c.start, -150, 10), c.plan, p, c.program));
      break;
    case 2:
      Emit(RevokeNomination(Id(), Shift(c.start, -100, 30), c.plan, p, c.program));
      break;
    case 3:
    case 4:
    case 5: {
      std::string e = "E" + std::to_string(enrollments_.size() + 1);
      enrollments_.push_back(e);
      std::string on = Chance(90) ? Shift(c.start, -90, 20) : Between("2023-06-01", "2029-06-01");
      enrolled_[e] = {Chance(97) ? p : "P-GHOST", c.start};
      Emit(Enroll(Id(), on, e, enrolled_[e].first, c.id, Pick(kFundings)));
      break;
    }
    case 6:
      if (!enrollments_.empty()) {
        const std::string& e = Pick(enrollments_);
        Emit(Withdraw(Id(), Shift(enrolled_[e].second, -30, 300), Chance(95) ? e : "E-GHOST"));
      }
      break;
    case 7:
      if (!enrollments_.empty()) Emit(Complete(Id(), Shift(c.end, -40, 90), Pick(enrollments_), Chance(70) ? "passed" : "failed"));
      break;
    case 8:
    case 9: {
      std::string d = "QĐ " + std::to_string(decisions_.size() + 1) + "/QĐ-UBND";
      decisions_.push_back(d);
      std::string e = enrollments_.empty() || Chance(10) ? (Chance(50) ? "E-GHOST" : "") : Pick(enrollments_);
      Emit(Decide(Id(), Shift(c.start, -60, 200), d, Chance(90) ? c.plan : Pick(plans_), e,
                  Int(1, 300) * 1'000'000 + (Chance(20) ? Int(1, 999'999) : 0), Pick(kFundings)));
      break;
    }
    case 10:
      if (!decisions_.empty()) Emit(RevokeFunding(Id(), Between("2024-01-01", "2028-12-31"), Pick(decisions_)));
      break;
    case 11:
      if (!enrollments_.empty()) {
        const std::string& e = Pick(enrollments_);
        if (Chance(50)) {
          Emit(Exempt(Id(), Between("2025-01-01", "2031-12-31"), enrolled_[e].first, e,
                      Pick(kGrounds)));
        } else {
          Emit(Repay(Id(), Between("2025-01-01", "2031-12-31"), enrolled_[e].first, e, Int(1, 200) * 1'000'000));
        }
      }
      break;
    case 12:
      Emit(Chance(60) ? Leave(Id(), Between("2025-01-01", "2032-12-31"), p)
                      : Transfer(Id(), Between("2020-01-01", "2027-12-31"), p, Pick(units_)));
      break;
    case 13: {
      Amendment a;
      if (Chance(50)) a.budget_vnd = int64_t{Int(0, 50)} * 100'000'000;
      if (Chance(40)) a.quotas = std::vector<Quota>{{c.program, Chance(70) ? "public" : "self", "domestic", Int(0, 5)}};
      if (Chance(30)) a.priority_fields = std::vector<std::string>{Pick(kFields)};
      if (Chance(20)) a.phases = std::vector<Phase>{{{Pick(kFields)}, Between("2024-06-01", "2026-06-01")}};
      if (std::vector<Target> targets = Targets(40); !targets.empty()) a.targets = targets;
      Emit(Amend(Id(), Between("2024-06-01", "2027-06-01"), c.plan, a));
      break;
    }
    case 14:
      Correction();
      break;
  }
}

ordered_json Generator::Mutate(ordered_json v) {
  v.erase("id");
  v.erase("source");
  v.erase("recorded_by");
  if (Chance(70)) v["effective"] = Shift(v["effective"].get<std::string>(), -400, 400);
  const std::string type = v["type"].get<std::string>();
  if (type == "enrollment_recorded" && Chance(50)) v["funding"] = Pick(kFundings);
  if (type == "enrollment_recorded" && Chance(30)) v["course"] = Pick(courses_).id;
  if (type == "funding_decided" && Chance(60)) v["amount_vnd"] = Int(1, 300) * 1'000'000;
  if (type == "completion_recorded") v["result"] = v["result"] == "passed" ? "failed" : "passed";
  if (type == "person_registered" && Chance(50)) v["category"] = Pick(kCategories);
  if (type == "person_registered" && Chance(50)) v["unit"] = Pick(units_);
  if (type == "course_opened" && Chance(50)) v["start"] = Shift(v["start"].get<std::string>(), -40, 40);
  if (type == "nomination_approved" && Chance(30)) v["program"] = Pick(kPrograms);
  return v;
}

void Generator::Correction() {
  size_t target = static_cast<size_t>(Int(0, static_cast<int>(events_.size()) - 1));
  const ordered_json& t = events_[target];
  const std::string id = t["id"].get<std::string>();
  const std::string on = Between("2024-01-01", "2030-12-31");
  if (t["type"] != "correction") {
    if (Chance(35)) {
      Emit(Retract(Id(), on, id));
    } else {
      Emit(Replace(Id(), on, id, Mutate(t).dump()));
    }
    return;
  }
  // A correction of a correction: retract it (its target is back), or
  // replace it with another correction of the same or an earlier event.
  if (Chance(50)) {
    Emit(Retract(Id(), on, id));
    return;
  }
  std::string aim = t["target"].get<std::string>();
  if (Chance(30)) {
    const ordered_json& other = events_[static_cast<size_t>(Int(0, static_cast<int>(target)))];
    if (other["type"] != "correction") aim = other["id"].get<std::string>();
  }
  size_t aim_index = 0;
  while (events_[aim_index]["id"] != aim) ++aim_index;
  std::string inner = Chance(40) || events_[aim_index]["type"] == "correction"
                          ? Retract("", on, aim)
                          : Replace("", on, aim, Mutate(events_[aim_index]).dump());
  Emit(Replace(Id(), on, id, inner));
}

std::vector<Generator::Batch> Generator::Make() {
  World();
  int total = Int(50, 397);
  while (static_cast<int>(events_.size()) < total) Activity();
  // The last events recorded are corrections: of anything before them.
  for (int i = 0; i < 3; ++i) Correction();

  std::vector<Batch> batches;
  Timestamp at = At("2024-01-01T08:00:00Z");
  for (size_t i = 0; i < lines_.size();) {
    // Sometimes two imports share an instant: recorded_at never decreases.
    if (!batches.empty() && !Chance(10)) at += static_cast<Timestamp>(Int(1, 60 * 24 * 3600)) * 1'000'000;
    size_t n = std::min(lines_.size() - i, static_cast<size_t>(Int(1, 40)));
    batches.push_back({at, {lines_.begin() + static_cast<std::ptrdiff_t>(i), lines_.begin() + static_cast<std::ptrdiff_t>(i + n)}});
    i += n;
  }
  return batches;
}

Ledger Build(const std::vector<Generator::Batch>& batches) {
  Ledger l;
  for (const Generator::Batch& b : batches) l.Record(b.at, b.lines);
  return l;
}

// ---------------------------------------------------------------- the oracle for (b)

// The final version of each event of `events` (seq order) once every
// correction among them is applied: nullopt for a retracted event. Written
// from the spec on the interchange form, independently of resolved.cc: a
// correction's own final version is that left by the corrections aimed at
// it, and only corrections of an earlier event apply, in seq order.
std::vector<std::optional<ordered_json>> FinalVersions(const std::vector<ordered_json>& events) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < events.size(); ++i) index[events[i]["id"].get<std::string>()] = i;
  std::vector<std::map<size_t, ordered_json>> aimed(events.size());  // target -> (correction index -> its final version)
  std::vector<std::optional<ordered_json>> final_version(events.size());
  for (size_t i = events.size(); i-- > 0;) {
    std::optional<ordered_json> v = events[i];
    for (const auto& [by, c] : aimed[i]) {
      if (c["action"] == "retract") {
        v.reset();
      } else {
        v = c["replacement"];
        (*v)["id"] = events[i]["id"];
      }
    }
    final_version[i] = v;
    if (!v || (*v)["type"] != "correction") continue;
    auto target = index.find((*v)["target"].get<std::string>());
    if (target != index.end() && target->second < i) aimed[target->second].emplace(i, *v);
  }
  return final_version;
}

// Violations name their evidence by seq; a ledger of fewer events numbers
// them otherwise. Puts back the seqs of `full` by event id.
Outcome WithSeqsOf(Outcome o, const std::map<std::string, uint64_t>& seq_of_id) {
  for (Violation& v : o.violations) v.seq = seq_of_id.at(v.event);
  return o;
}

// How often the interesting cases came up, so that the properties are known
// not to hold vacuously.
struct Coverage {
  std::map<Rule, int> rules;
  int moved_before_d = 0;   // kept for (b): effective after D as recorded, on or before D once replaced
  int moved_after_d = 0;    // dropped for (b): on or before D as recorded, after D once replaced
  int dropped = 0, kept_corrections = 0, nested_corrections = 0, known_at_cuts = 0;
};

void CheckLedger(uint64_t seed, Coverage* cov) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::vector<Generator::Batch> batches = Generator(seed).Make();
  Ledger full = Build(batches);
  ASSERT_GE(full.size(), 50u);
  ASSERT_LE(full.size(), 400u);

  std::mt19937_64 rng(seed * 7919 + 1);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  struct Query {
    Timestamp t;
    Date d;
    bool restate;
  };
  std::vector<Query> queries;
  for (int q = 0; q < kQueriesPerLedger; ++q) {
    const Generator::Batch& b = batches[static_cast<size_t>(pick(static_cast<int>(batches.size())))];
    Query query{b.at, Date::FromDays(Day("2023-01-01").days() + pick(8 * 365)), pick(4) == 0};
    switch (pick(6)) {
      case 0: query.t = kForever; break;
      case 1: query.t = batches.front().at - 1; break;  // nothing known yet
      case 2: query.t = b.at - 1; break;                 // just before an import
      default: break;                                    // the instant of an import
    }
    switch (pick(5)) {
      case 0: query.d = Day("2025-06-30"); break;
      case 1: query.d = Day("2025-07-01"); break;
      default: break;
    }
    queries.push_back(query);
  }
  std::sort(queries.begin(), queries.end(), [](const Query& a, const Query& b) { return a.t < b.t; });

  // (a): snapshots of one fold that goes on past each T, taken in T order
  // and evaluated only once the fold is complete.
  std::vector<Timeline> snapshots;
  Timeline running;
  size_t next = 0;
  for (const Query& q : queries) {
    while (next < full.size() && full.event(next).getRecordedAt() <= q.t) running.Apply(full.event(next++));
    snapshots.push_back(running);
  }
  while (next < full.size()) running.Apply(full.event(next++));

  for (size_t qi = 0; qi < queries.size(); ++qi) {
    const Query& q = queries[qi];
    SCOPED_TRACE("as of " + q.d.ToString() + ", known at " + (q.t == kForever ? "forever" : FormatInstant(q.t)) +
                 (q.restate ? ", restated" : ""));
    Outcome whole = EvaluateFold(snapshots[qi], q.d, q.t, q.restate);
    Ledger known = full.Select([&](schema::Event::Reader e) { return e.getRecordedAt() <= q.t; });
    cov->known_at_cuts += known.size() < full.size();
    Outcome fresh = known.Evaluate(q.d, q.t, q.restate);
    ASSERT_EQ(whole, fresh) << "(a) known at T";
    ASSERT_EQ(whole, full.Evaluate(q.d, q.t, q.restate)) << "(a) direct fold";
    for (const Violation& v : whole.violations) ++cov->rules[v.rule];

    // (b): "effective on or before D" of an event a correction replaced is
    // that of its final version. Read literally (the date as recorded), it
    // would drop a target recorded as after D whose replacement moves it on
    // or before D: the full ledger counts it as of D, the smaller one would
    // not, a difference the spec does not intend. A retracted event is kept:
    // it counts on neither side.
    std::vector<ordered_json> events;
    std::map<std::string, uint64_t> seq_of_id;
    for (size_t i = 0; i < known.size(); ++i) {
      Result<ordered_json> j = EventToJsonValue(known.event(i), nullptr);
      ASSERT_TRUE(j.ok()) << j.status().message();
      events.push_back(*j);
      seq_of_id[(*j)["id"].get<std::string>()] = i + 1;
    }
    std::vector<std::optional<ordered_json>> finals = FinalVersions(events);
    std::set<std::string> keep;
    for (size_t i = 0; i < events.size(); ++i) {
      const bool correction = events[i]["type"] == "correction";
      const Date recorded_as = Day(events[i]["effective"].get<std::string>());
      const bool kept = correction || !finals[i] || !(q.d < Day((*finals[i])["effective"].get<std::string>()));
      if (correction) {
        ++cov->kept_corrections;
        cov->nested_corrections += events[i].contains("replacement") && events[i]["replacement"].contains("target");
      } else if (finals[i]) {
        cov->moved_before_d += kept && q.d < recorded_as;
        cov->moved_after_d += !kept && !(q.d < recorded_as);
      }
      cov->dropped += !kept;
      if (kept) keep.insert(events[i]["id"].get<std::string>());
    }
    Ledger by_d = known.Select([&](schema::Event::Reader e) { return keep.count(e.getId().cStr()) > 0; });
    ASSERT_EQ(whole, WithSeqsOf(by_d.Evaluate(q.d, q.t, q.restate), seq_of_id)) << "(b) as of D";
  }
}

TEST(PropertyTest, KnownAtAndAsOfAgreeWithSmallerLedgers) {
  Coverage cov;
  for (uint64_t seed = 1; seed <= kLedgers; ++seed) {
    CheckLedger(seed, &cov);
    if (HasFatalFailure()) return;
  }
  // Not vacuous: every rule fired, and every kind of case (b) is about came up.
  for (Rule r : kAllRules) EXPECT_GT(cov.rules[r], 0) << RuleName(r);
  EXPECT_GT(cov.moved_before_d, 0);
  EXPECT_GT(cov.moved_after_d, 0);
  EXPECT_GT(cov.dropped, 0);
  EXPECT_GT(cov.nested_corrections, 0);
  EXPECT_GT(cov.known_at_cuts, 0);
}

// The stretches hold for every date: each date an event takes effect, the
// day before and after it, and a few more, with and without restating and
// the --plan narrowing.
TEST(PropertyTest, StretchesGiveTheTalliesOfEveryDate) {
  int compared = 0;
  int targets_reached = 0;  // targets with a class of their program, as of some date
  for (uint64_t seed = 1; seed <= kLedgers; seed += 3) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Ledger full = Build(Generator(seed).Make());
    Timeline t = full.Fold();
    Resolved r = Resolve(t);
    Stretches stretches = BuildStretches(r);
    std::set<Date> dates = {Day("2025-06-30"), Day("2025-07-01"), Day("2031-01-01")};
    for (Date d : stretches.counted) {
      dates.insert(d);
      dates.insert(d.AddDays(-1));
      dates.insert(d.AddDays(1));
    }
    // The report timeline of the default report, in memory and as cached.
    ReportTimeline timeline = ReportTimeline::Build(r, stretches);
    testing::TempDir cache;
    const Hash hash = ChainHasher().Digest(kj::ArrayPtr<const kj::byte>(reinterpret_cast<const kj::byte*>(&seed), 8));
    std::shared_ptr<const LocalKey> key = LocalKey::Ephemeral();
    ASSERT_TRUE(SaveReportCache(nullptr, cache.path(), full.size(), hash, timeline, *key).ok());
    Result<std::unique_ptr<ReportCacheView>> view = ReportCacheView::Open(
        cache / ("report-cache/" + std::to_string(full.size()) + "-" + ToHex(hash).substr(0, 16) + ".bin"), full.size(),
        hash, *key);
    ASSERT_TRUE(view.ok() && *view) << (view.ok() ? "missing" : view.status().message());
    ASSERT_TRUE((*view)->index() == timeline.index());
    for (Date d : dates) {
      AsOf w(r, d);
      Report expected = TalliesAt(w, {}, 7);
      for (const PlanTally& p : expected.plans) {
        for (const TargetTally& t : p.targets) targets_reached += t.classes > 0;
      }
      ASSERT_EQ(timeline.At(d, 7), expected) << "timeline as of " << d.ToString();
      Result<Report> cached = (*view)->At(d, 7);
      ASSERT_TRUE(cached.ok()) << cached.status().message();
      ASSERT_EQ(*cached, expected) << "cached timeline as of " << d.ToString();
    }
    std::vector<Sym> plans = {kNoSym};
    for (Sym p = 1; p < r.symbols->plans.size() && plans.size() < 3; ++p) plans.push_back(p);
    for (Date d : dates) {
      for (Sym plan : plans) {
        for (bool restate : {false, true}) {
          TallyOptions options{restate, plan};
          AsOf w(r, d);
          ASSERT_EQ(TalliesFromStretches(r, stretches, d, options, 7), TalliesAt(w, options, 7))
              << "as of " << d.ToString() << (restate ? ", restated" : "") << ", plan " << plan;
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 10000);
  EXPECT_GT(targets_reached, 100);
}

// Through the store: each batch one append; Replay known at each append's
// instant (and just before it) equals a fresh ledger of the batches up to it.
TEST(PropertyTest, ReplayKnownAtEachAppendEqualsAFreshLedger) {
  for (uint64_t seed : {11u, 12u, 13u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::vector<Generator::Batch> batches = Generator(seed).Make();
    std::string dir = (std::filesystem::temp_directory_path() / "tledger-property-XXXXXX").string();
    ASSERT_NE(mkdtemp(dir.data()), nullptr);
    Result<std::unique_ptr<Store>> store = Store::Open(dir + "/ledger", OpenMode::kWrite);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Ledger mirror;  // the batches with the instants the store gave them
    for (const Generator::Batch& b : batches) {
      Result<Timestamp> at = Build({b}).AppendTo(**store);
      ASSERT_TRUE(at.ok()) << at.status().message();
      mirror.Record(*at, b.lines);
    }
    for (size_t i = 0; i < mirror.size(); i += 1 + i / 3) {
      Timestamp t = mirror.event(i).getRecordedAt();
      for (Timestamp known_at : {t - 1, t}) {
        Result<Timeline> replayed = Replay(**store, known_at);
        ASSERT_TRUE(replayed.ok()) << replayed.status().message();
        Ledger fresh = mirror.Select([&](schema::Event::Reader e) { return e.getRecordedAt() <= known_at; });
        EXPECT_EQ(replayed->events(), fresh.size());
        for (const char* d : {"2025-06-30", "2026-12-31"}) {
          ASSERT_EQ(EvaluateFold(*replayed, Day(d), known_at), fresh.Evaluate(Day(d), known_at)) << d;
        }
      }
    }
    store->reset();
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace tledger
