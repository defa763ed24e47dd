#include "projections/tallies.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/schema_info.h"
#include "projections/compensation.h"
#include "projections/money.h"

namespace tledger {
namespace {

constexpr uint8_t kUnknownLevel = 4;  // the fifth row of by_level
constexpr const char* kLevelNames[] = {"central", "province", "district", "commune", "unknown"};

}  // namespace

uint64_t CellId(Sym plan, const AsOf::CellKey& k) {
  return static_cast<uint64_t>(plan) << 32 | static_cast<uint64_t>(k.program) << 16 |
         static_cast<uint64_t>(k.funding_class) << 8 | static_cast<uint64_t>(k.location);
}

uint64_t ProgramId(Sym plan, Program program) {
  return static_cast<uint64_t>(plan) << 32 | static_cast<uint64_t>(program) << 16;
}

TallyNames NamesOf(const Symbols& s) {
  TallyNames n;
  n.plans.reserve(s.plans.size());
  for (Sym p = 0; p < s.plans.size(); ++p) n.plans.push_back(s.plans.Name(p));
  n.fields.reserve(s.fields.size());
  for (Sym f = 0; f < s.fields.size(); ++f) n.fields.push_back(s.fields.Name(f));
  return n;
}

std::optional<EnrollmentTally> TallyOf(const AsOf& w, Sym e) {
  AsOf::Enrollment en = w.Enr(e);
  if (en.rec == nullptr) return std::nullopt;
  EnrollmentTally t;
  t.enrollment = e;
  t.person = en.rec->person;
  t.active = en.withdrawal == nullptr;
  t.funding_class = ClassOf(en.rec->funding);
  if (const CourseOpenedFact* course = w.Course(en.rec->course)) {
    t.course = en.rec->course;
    t.field = course->field;
    t.form = course->form;
    t.program = course->program;
    t.location = course->location;
    if (w.PlanOf(course->plan) != nullptr) t.plan = course->plan;
  }
  if (en.completion != nullptr) {
    t.status = en.completion->passed ? EnrollmentTally::Status::kCompleted : EnrollmentTally::Status::kFailed;
  }
  Date on = en.rec->stamp.effective;
  t.unit = w.UnitAt(t.person, on);
  if (t.unit != kNoSym) {
    if (std::optional<Level> level = w.LevelOf(t.unit, on)) t.level = static_cast<uint8_t>(*level);
  }
  return t;
}

Sym PlanOfEnrollment(const AsOf& w, Sym e) {
  AsOf::Enrollment en = w.Enr(e);
  if (en.rec == nullptr) return kNoSym;
  const CourseOpenedFact* course = w.Course(en.rec->course);
  return course != nullptr ? course->plan : kNoSym;
}

void CountInCell(const EnrollmentTally& t, CellTally* cell) {
  if (!t.active) {
    ++cell->withdrawn;
    return;
  }
  ++cell->enrolled;
  switch (t.status) {
    case EnrollmentTally::Status::kInProgress: ++cell->in_progress; break;
    case EnrollmentTally::Status::kCompleted: ++cell->completed; break;
    case EnrollmentTally::Status::kFailed: ++cell->failed; break;
  }
}

std::vector<EnrollmentTally> TalliesOfPlan(const AsOf& w, Sym plan) {
  std::vector<EnrollmentTally> out;
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (std::optional<EnrollmentTally> t = TallyOf(w, e); t && CountsForPlan(*t, plan)) out.push_back(*t);
  }
  return out;
}

bool TallySum::Distinct::Insert(Sym s) {
  size_t word = s / 64;
  if (word >= bits.size()) bits.resize(word + 1, 0);
  uint64_t bit = uint64_t{1} << (s % 64);
  if (bits[word] & bit) return false;
  bits[word] |= bit;
  ++count;
  return true;
}

TallySum::TallySum(const AsOf& w, const TallyOptions& options) : w_(w), options_(options), unit_(w, options.unit) {
  counts_.public_funding.resize(w.symbols().plans.size(), 0);
  counts_.field_turns.resize(w.symbols().fields.size(), 0);
  counts_.field_classes.resize(w.symbols().fields.size(), 0);
}

uint8_t TallySum::LevelOf(const EnrollmentTally& t) {
  if (t.unit == kNoSym) return kUnknownLevel;
  if (!options_.restate_units) return t.level == EnrollmentTally::kNoLevel ? kUnknownLevel : t.level;
  // Restated: the unit's successor as of D, and its level then.
  if (restated_.size() <= t.unit) restated_.resize(w_.symbols().units.size(), 0);
  Sym& to = restated_[t.unit];
  if (to == 0) {
    Sym unit = w_.Restate(t.unit);
    if (restated_level_.size() <= unit) restated_level_.resize(w_.symbols().units.size(), 0xff);
    if (restated_level_[unit] == 0xff) {
      std::optional<Level> level = w_.LevelOf(unit, w_.date());
      restated_level_[unit] = level ? static_cast<uint8_t>(*level) : kUnknownLevel;
    }
    to = unit + 1;
  }
  return restated_level_[to - 1];
}

bool TallySum::InUnit(const EnrollmentTally& t) {
  if (options_.unit == kNoSym) return true;
  if (t.unit == kNoSym) return false;
  return unit_.Contains(options_.restate_units ? w_.Restate(t.unit) : t.unit);
}

void TallySum::Add(const EnrollmentTally& t) {
  if (options_.plan != kNoSym && !CountsForPlan(t, options_.plan)) return;
  if (!InUnit(t)) return;
  if (CountsForPlan(t, t.plan)) {
    AsOf::CellKey key = CellKeyOf(t);
    auto [it, added] = counts_.cells.try_emplace(CellId(t.plan, key));
    CellTally& cell = it->second;
    if (added) {
      cell = CellTally{key.program, key.funding_class, key.location, AsOf::QuotaOf(*w_.PlanOf(t.plan), key)};
    }
    CountInCell(t, &cell);
  }
  if (!t.active) return;
  uint8_t level = LevelOf(t);
  ++counts_.level_turns[level];
  if (level_persons_[level].Insert(t.person)) ++counts_.level_persons[level];
  if (t.course == kNoSym) return;
  ++counts_.field_turns[t.field];
  size_t form = static_cast<size_t>(t.form);
  if (form < 4) ++counts_.form_turns[form];
  if (courses_.Insert(t.course)) {
    ++counts_.field_classes[t.field];
    if (form < 4) ++counts_.form_classes[form];
    if (CountsForPlan(t, t.plan)) ++counts_.classes[ProgramId(t.plan, t.program)];
  }
}

void TallySum::AddPublicFunding(Sym plan, int64_t amount_vnd) {
  if (options_.plan != kNoSym && plan != options_.plan) return;
  if (plan < counts_.public_funding.size()) counts_.public_funding[plan] = AddVnd(counts_.public_funding[plan], amount_vnd);
}

void TallySum::AddOwed(Sym plan, int64_t owed_vnd) {
  if (options_.plan != kNoSym && plan != options_.plan) return;
  counts_.owed = AddVnd(counts_.owed, owed_vnd);
}

Report TallySum::Finish(Timestamp known_at, uint64_t events_counted) {
  counts_.events_counted = events_counted;
  std::function<bool(const AsOf::Plan&)> list_plan;
  if (options_.unit != kNoSym) {
    list_plan = [this](const AsOf::Plan& plan) { return unit_.Contains(w_.symbols().units.Find(plan.issuer)); };
  }
  return LayOut(counts_, w_.date(), known_at, NamesOf(w_.symbols()), [this](Sym p) { return w_.PlanOf(p); },
                options_.plan, list_plan);
}

Report LayOut(const TallyCounts& c, Date as_of, Timestamp known_at, const TallyNames& names,
              const std::function<const AsOf::Plan*(Sym)>& plan_at, Sym only_plan,
              const std::function<bool(const AsOf::Plan&)>& list_plan) {
  Report report;
  report.as_of = as_of;
  report.known_at = known_at;
  report.events_counted = c.events_counted;

  std::map<std::string_view, Sym> plans;  // by id: the listing order
  for (Sym p = 1; p < names.plans.size(); ++p) {
    const AsOf::Plan* plan = plan_at(p);
    if ((only_plan == kNoSym || p == only_plan) && plan != nullptr && (!list_plan || list_plan(*plan))) {
      plans.emplace(names.plans[p], p);
    }
  }
  std::map<Sym, std::map<AsOf::CellKey, CellTally>> cells;  // by plan: declared, and with enrollments
  for (const auto& [name, p] : plans) {
    for (const QuotaCell& q : plan_at(p)->quotas) {
      cells[p][AsOf::CellKey{q.program, q.funding_class, q.location}] =
          CellTally{q.program, q.funding_class, q.location, q.count};
    }
  }
  for (const auto& [id, cell] : c.cells) {
    cells[static_cast<Sym>(id >> 32)][AsOf::CellKey{cell.program, cell.funding_class, cell.location}] = cell;
  }
  for (const auto& [name, p] : plans) {
    const AsOf::Plan& plan = *plan_at(p);
    PlanTally t;
    t.plan = std::string(name);
    t.document = PlanDocument{t.plan, plan.title, plan.source, plan.issued, plan.issuer, plan.issuer_name};
    t.budget_vnd = plan.budget_vnd;
    t.public_funding_vnd = p < c.public_funding.size() ? c.public_funding[p] : 0;
    t.remaining_vnd = SubVnd(t.budget_vnd, t.public_funding_vnd);
    for (auto& [key, cell] : cells[p]) t.cells.push_back(cell);
    for (const TargetSpec& target : plan.targets) {
      TargetTally tt{target.program, target.trainee_turns, target.classes};
      for (const CellTally& cell : t.cells) tt.trainee_turns += cell.program == target.program ? cell.enrolled : 0;
      auto classes = c.classes.find(ProgramId(p, target.program));
      if (classes != c.classes.end()) tt.classes = classes->second;
      t.targets.push_back(tt);
    }
    report.plans.push_back(std::move(t));
  }

  for (uint8_t l = 0; l < 5; ++l) {
    if (l == kUnknownLevel && c.level_turns[l] == 0) continue;
    report.by_level.push_back(LevelTally{kLevelNames[l], c.level_turns[l], c.level_persons[l]});
  }
  std::map<std::string_view, Sym> fields;
  for (Sym f = 1; f < c.field_turns.size(); ++f) {
    if (c.field_turns[f] > 0) fields.emplace(names.fields[f], f);
  }
  for (const auto& [name, f] : fields) {
    report.by_field.push_back(GroupTally{std::string(name), c.field_turns[f], c.field_classes[f]});
  }
  const EnumInfo& form_names = EventSchema::Get().Enum<schema::Form>();
  for (size_t f = 0; f < 4; ++f) {
    report.by_form.push_back(GroupTally{form_names.names[f], c.form_turns[f], c.form_classes[f]});
  }
  report.reimbursement_due_vnd = c.owed;
  return report;
}

Report TalliesAt(const AsOf& w, const TallyOptions& options, Timestamp known_at) {
  TallySum sum(w, options);
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    std::optional<EnrollmentTally> t = TallyOf(w, e);
    if (t) sum.Add(*t);
    if (options.unit != kNoSym && !(t && sum.InUnit(*t))) continue;
    if (int64_t owed = CompensationOwed(w, e); owed > 0) sum.AddOwed(PlanOfEnrollment(w, e), owed);
  }
  for (const FundingDecidedFact* f : w.LiveDecisions()) {
    if (ClassOf(f->funding) == FundingClass::PUBLIC) sum.AddPublicFunding(f->plan, f->amount_vnd);
  }
  uint64_t counted = options.plan == kNoSym ? EventsCounted(w.resolved(), w.date()) : EventsCountedFor(w, options.plan);
  return sum.Finish(known_at, counted);
}

uint64_t EventsCounted(const Resolved& r, Date d) {
  uint64_t n = 0;
  auto count = [&](const auto& facts) {
    for (const auto& f : facts) n += !(d < f.stamp.effective);
  };
  count(r.unit_registrations.all());
  count(r.reorganizations);
  count(r.person_registrations.all());
  count(r.transfers.all());
  count(r.leavings.all());
  count(r.qualifications.all());
  count(r.plans_issued.all());
  count(r.plan_amendments.all());
  count(r.nominations.all());
  count(r.courses.all());
  count(r.enrollments.all());
  count(r.withdrawals.all());
  count(r.completions.all());
  count(r.decisions.all());
  count(r.revocations.all());
  count(r.exemptions.all());
  count(r.reimbursements.all());
  for (Date c : r.live_corrections) n += !(d < c);
  return n;
}

uint64_t EventsCountedFor(const AsOf& w, Sym plan) {
  const Resolved& r = w.resolved();
  const Date d = w.date();
  std::unordered_set<Sym> counted;  // the events' ids
  auto count = [&](const auto& facts, auto&& concerns) {
    for (const auto& f : facts) {
      if (!(d < f.stamp.effective) && concerns(f)) counted.insert(f.stamp.event);
    }
  };
  auto always = [](const auto&) { return true; };
  count(r.plans_issued.Of(plan), always);
  count(r.plan_amendments.Of(plan), always);
  count(r.nominations.all(), [&](const NominationFact& f) { return f.plan == plan; });
  count(r.courses.all(), [&](const CourseOpenedFact& f) { return f.plan == plan; });
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (PlanOfEnrollment(w, e) != plan) continue;
    count(r.enrollments.Of(e), always);
    count(r.withdrawals.Of(e), always);
    count(r.completions.Of(e), always);
    count(r.exemptions.Of(e), always);
    count(r.reimbursements.Of(e), always);
  }
  count(r.decisions.all(), [&](const FundingDecidedFact& f) { return f.plan == plan; });
  count(r.revocations.all(), [&](const FundingRevokedFact& f) {
    const FundingDecidedFact* decided = w.Decision(f.decision);
    return decided != nullptr && decided->plan == plan;
  });
  uint64_t n = counted.size();
  for (size_t i = 0; i < r.live_corrections.size(); ++i) {
    n += !(d < r.live_corrections[i]) && counted.count(r.live_correction_targets[i]) > 0;
  }
  return n;
}

}  // namespace tledger
