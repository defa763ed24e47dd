#include "tools/gen/simulation.h"

#include <algorithm>
#include <cmath>

#include "core/date.h"

namespace tledger::gen {
namespace {

// About 1% of all events are recorded months late; these types can be.
constexpr double kBackdateRate = 0.03;
// About 0.5% of all events are corrections.
constexpr double kCorrectRate = 0.0062;
// An injection that has not happened yet is forced at this opportunity, so
// that every kind shows up even in small ledgers.
constexpr uint64_t kForceAt = 2;
constexpr uint64_t kMaxForced = 3;

constexpr std::string_view kEventTypeNames[kEventTypeCount] = {
    "unit_registered", "unit_reorganized", "person_registered", "person_transferred",
    "person_left_service", "qualification_recorded", "plan_issued", "plan_amended",
    "nomination_approved", "nomination_revoked", "course_opened", "enrollment_recorded",
    "enrollment_withdrawn", "completion_recorded", "funding_decided", "funding_revoked",
    "compensation_exempted", "reimbursement_recorded", "correction"};

constexpr std::string_view kRuleNames[kInjectedCount] = {
    "NOT_IN_PLAN", "QUOTA_EXCEEDED", "BUDGET_EXCEEDED", "OVERDUE", "FAILED", "DROPPED_OUT",
    "OUTSIDE_PHASE", "AGE_LIMIT", "AGE_LIMIT", "SERVICE_BREACH", "FUNDING_WITHOUT_ENROLLMENT",
    "DUPLICATE_FUNDING", "DATE_INCONSISTENT", "UNIT_DISSOLVED", "NOT_PRIORITY_FIELD",
    "MISSING_REFERENCE"};

bool Backdatable(Act k) {
  switch (k) {
    case Act::kCompletion:
    case Act::kWithdrawal:
    case Act::kQualification:
    case Act::kPersonTransferred:
    case Act::kPersonLeft:
    case Act::kReimbursement:
    case Act::kExemption:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string_view EventTypeName(EventType t) { return kEventTypeNames[static_cast<size_t>(t)]; }
std::string_view RuleName(Injected i) { return kRuleNames[static_cast<size_t>(i)]; }

std::string GeneratorStats::Format() const {
  std::string s;
  auto line = [&s](std::string_view k, uint64_t v) {
    s += k;
    s += ' ';
    s += std::to_string(v);
    s += '\n';
  };
  line("events", events);
  s += "plan years " + std::to_string(first_year) + ".." + std::to_string(last_year) + "\n";
  line("provinces", provinces);
  line("units", units);
  line("persons", persons);
  line("plans", plans);
  line("courses", courses);
  line("enrollments", enrollments);
  line("backdated", backdated);
  line("corrections_replace", corrections_replace);
  line("corrections_retract", corrections_retract);
  line("filler", filler);
  for (size_t i = 0; i < kEventTypeCount; ++i) line("type " + std::string(kEventTypeNames[i]), by_type.n[i]);
  for (size_t i = 0; i < kInjectedCount; ++i) {
    std::string name(kRuleNames[i]);
    if (static_cast<Injected>(i) == Injected::kAgeLimit2017) name += " (2017 rulebook)";
    if (static_cast<Injected>(i) == Injected::kAgeLimit2025) name += " (2025 rulebook)";
    line("injected " + name, injected.n[i]);
  }
  return s;
}

GeneratorStats Generate(const GeneratorOptions& options, EventSink& sink) {
  return Simulation(options, sink).Run();
}

Simulation::Simulation(const GeneratorOptions& options, EventSink& sink)
    : target_(options.events), sink_(sink), rng_(options.seed) {}

int32_t Simulation::Day(int y, int m, int d) const { return Date::FromYmd(y, m, d)->days(); }

bool Simulation::ShouldInject(Injected kind, double rate) {
  const auto k = static_cast<size_t>(kind);
  bool yes = rng_.Chance(rate);
  // Until one has happened, force a few early ones (some take effect
  // later, some find nobody who fits).
  if (++opportunities_[k] >= kForceAt && stats_.injected[kind] == 0 && forced_[k] < kMaxForced) {
    yes = true;
    ++forced_[k];
  }
  return yes;
}

void Simulation::Schedule(int32_t day, const Action& a) {
  size_t index = static_cast<size_t>(std::max(day, today_) - start_day_);
  if (index >= calendar_.size()) calendar_.resize(index + 1);
  calendar_[index].push_back(a);
  if (IsEvent(a.kind)) {
    ++pending_;
    TLEDGER_CHECK(emitted_ + pending_ <= target_);  // callers ask Fits() first
  }
}

void Simulation::Setup() {
  // The span of yearly plans grows with the ledger; it always holds both
  // rulebooks and the reorganisation of 2025-07-01.
  const uint64_t n = target_;
  if (n < 30'000) first_year_ = 2023, last_year_ = 2026;
  else if (n < 300'000) first_year_ = 2021, last_year_ = 2028;
  else if (n < 3'000'000) first_year_ = 2018, last_year_ = 2029;
  else first_year_ = 2016, last_year_ = 2030;
  stats_.first_year = first_year_;
  stats_.last_year = last_year_;
  start_day_ = Day(first_year_, 1, 1);
  active_end_ = Day(last_year_, 12, 31);
  reorg_day_ = Day(2025, 7, 1);
  today_ = start_day_;

  const double scale = std::min(1.0, static_cast<double>(n) / 2e6);
  const int groups = static_cast<int>(std::clamp<uint64_t>(n / 5000, 4, 34));
  geo_ = BuildGeography({.scale = scale, .groups = groups}, rng_);
  stats_.provinces = geo_.provinces.size() - 1;
  pools_.resize(geo_.provinces.size());
  person_counters_.resize(geo_.provinces.size());

  for (std::string_view s : kUniversities) providers_.emplace_back(s);
  for (std::string_view s : kMedicalSchools) providers_.emplace_back(s);
  for (std::string_view s : kForeignSchools) providers_.emplace_back(s);
  for (std::string_view s : kPoliticalAcademies) providers_.emplace_back(s);
  for (std::string_view s : kNapaSites) providers_.emplace_back(s);
  for (std::string_view s : kTechnologySchools) providers_.emplace_back(s);
  province_providers_ = static_cast<uint16_t>(providers_.size());
  for (const Province& p : geo_.provinces) {
    std::string lower = ProvinceLowerName(p);
    if (p.central) {
      providers_.push_back("Trường Bồi dưỡng cán bộ, công chức Bộ Nội vụ");
      providers_.push_back("Vụ Công chức - Viên chức, Bộ Nội vụ");
      providers_.push_back("Học viện Quốc phòng");
    } else {
      providers_.push_back(p.code == "QNI"   ? std::string("Trường Đào tạo cán bộ Nguyễn Văn Cừ")
                           : p.code == "HCM" ? std::string("Trường Cán bộ Thành phố Hồ Chí Minh")
                                             : "Trường Chính trị " + lower);
      providers_.push_back("Sở Nội vụ " + lower);
      providers_.push_back("Bộ Chỉ huy Quân sự " + lower);
    }
  }

  // Every unit that exists before the reorganisation, parents first.
  for (size_t u = 0; u < geo_.units.size(); ++u) {
    if (geo_.units[u].created_2025 || !Fits(1)) continue;
    Schedule(start_day_, Action{.effective = start_day_, .kind = Act::kUnitRegistered, .a = static_cast<int32_t>(u)});
  }
  stats_.units = geo_.units.size();
  SeedPopulation();
  for (size_t r = 0; r < geo_.reorgs.size(); ++r) {
    const Reorg& reorg = geo_.reorgs[r];
    if (reorg.effective != reorg_day_ && Fits(1)) {  // the Huế rename of 2025-01-01
      Schedule(reorg.effective, Action{.effective = reorg.effective, .kind = Act::kUnitReorganized,
                                       .a = static_cast<int32_t>(r), .doc = 175});
    }
  }
  for (int y = first_year_; y <= last_year_; ++y) {
    Schedule(Day(y, 1, 1), Action{.kind = Act::kPlanRound, .a = y, .b = 0});
    if (y == 2025) Schedule(reorg_day_, Action{.kind = Act::kPlanRound, .a = y, .b = 1});
  }
}

GeneratorStats Simulation::Run() {
  Setup();
  int32_t day = start_day_;
  for (;; ++day) {
    size_t index = static_cast<size_t>(day - start_day_);
    if (index >= calendar_.size() && day > active_end_) break;
    today_ = day;
    if (day == reorg_day_) Reorganize(day);
    if (day <= active_end_) DailyPopulation(day);
    if (index < calendar_.size()) {
      // Actions may schedule more for today: index, not iterators.
      for (size_t i = 0; i < calendar_[index].size(); ++i) {
        Action a = calendar_[index][i];
        Execute(a, day);
      }
      std::vector<Action>().swap(calendar_[index]);
    }
  }
  Fill(day);
  stats_.events = emitted_;
  stats_.persons = persons_.size();
  stats_.plans = plans_.size();
  stats_.courses = courses_.size();
  return stats_;
}

void Simulation::Execute(const Action& a, int32_t day) {
  if (IsEvent(a.kind)) {
    --pending_;
    Emit(a, day);
    return;
  }
  switch (a.kind) {
    case Act::kOpenCourse: OpenCourse(a.a, day); break;
    case Act::kPlanRound: PlanRound(a.a, a.b, day); break;
    case Act::kRetireCheck: RetireCheck(a.a, day); break;
    case Act::kBudgetOverrun:
      --reserved_;
      BudgetOverrun(a.a, day);
      break;
    default: break;
  }
}

void Simulation::Emit(Action a, int32_t day) {
  if (!(a.flags & kBackdated) && Backdatable(a.kind) && day <= active_end_ && rng_.Chance(kBackdateRate)) {
    a.flags |= kBackdated;
    Schedule(day + rng_.Between(60, 240), a);
    return;
  }
  if (a.flags & kBackdated) ++stats_.backdated;
  if (a.kind == Act::kPlanAmended) {
    // Budgets only grow, in recording order: a top-up never undoes a raise.
    Plan& p = plans_[static_cast<size_t>(a.a)];
    Amendment& am = p.amendments[static_cast<size_t>(a.b)];
    int64_t raised = am.budget_factor > 0 ? RoundUp(static_cast<int64_t>(static_cast<double>(p.budget_now) * am.budget_factor), 100'000'000)
                                          : a.amount;
    am.budget = std::max(p.budget_now, raised);
    p.budget_now = am.budget;
  }
  ++emitted_;  // counted before anything this line spawns asks for room
  bool correct = Correctable(a) && rng_.Chance(kCorrectRate) && Fits(1);
  bool retract = false;
  if (correct && a.kind == Act::kQualification && rng_.Chance(0.3)) {
    correct = false;  // recorded by mistake: retracted rather than fixed
    retract = true;
  } else if (a.flags & kRetractLater) {
    retract = Fits(correct ? 2 : 1);
  }
  if (correct) {
    // The event goes out with a clerk's slip; the correction that follows
    // carries the right content.
    SpawnCorrection(a, day, false);
  }
  ++event_no_;
  Render(a, event_no_, correct);
  sink_.Line(line_.view());
  ++stats_.by_type.n[static_cast<size_t>(a.kind)];
  if (correct) slots_[static_cast<size_t>(last_slot_)].target = event_no_;
  if (retract) {
    SpawnCorrection(a, day, true);
    slots_[static_cast<size_t>(last_slot_)].target = event_no_;
  }
  if (a.kind == Act::kCorrection) {
    slots_[static_cast<size_t>(a.a)] = CorrectionSlot{};
    free_slots_.push_back(a.a);
  }
}

void Simulation::SpawnCorrection(const Action& a, int32_t day, bool retract) {
  int32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<int32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  CorrectionSlot& s = slots_[static_cast<size_t>(slot)];
  s.retract = retract;
  if (retract) {
    s.reason = a.kind == Act::kQualification ? kReasonMistaken : kReasonDuplicate;
    ++stats_.corrections_retract;
  } else {
    scratch_.Begin();
    scratch_.Plain("type", kEventTypeNames[static_cast<size_t>(a.kind)]);
    scratch_.Date("effective", a.effective);
    RenderBody(scratch_, a, false);
    s.replacement.assign(scratch_.view());
    s.replacement.push_back('}');
    s.reason = CorrectionReason(a.kind);
    ++stats_.corrections_replace;
  }
  last_slot_ = slot;
  ++other_events_;
  Schedule(day + rng_.Between(3, 120), Action{.effective = day, .kind = Act::kCorrection, .a = slot, .doc = Doc()});
}

void Simulation::Fill(int32_t day) {
  // Harmless padding: a qualification of someone already registered.
  day = std::max(day - 1, start_day_);
  while (emitted_ < target_) {
    Action a{.effective = day, .kind = Act::kQualification};
    if (persons_.empty()) {
      a.kind = Act::kUnitRegistered;
      a.a = geo_.central_unit;
    } else {
      a.a = static_cast<int32_t>(rng_.Below(static_cast<uint32_t>(persons_.size())));
      a.small = static_cast<uint16_t>(rng_.Between(kLeadership, kDefense));
    }
    ++event_no_;
    Render(a, event_no_, false);
    sink_.Line(line_.view());
    ++emitted_;
    ++stats_.filler;
    ++stats_.by_type.n[static_cast<size_t>(a.kind)];
  }
}

}  // namespace tledger::gen
