// Yearly plans: quotas, budgets, priority fields, phases, and the courses
// each plan will open.
#include <algorithm>
#include <cmath>

#include "tools/gen/simulation.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {
namespace {

// Events a trainee-turn brings on average (nomination, enrollment, outcome,
// funding, qualification ...): turns a plan's share of the stream into a
// number of trainees.
constexpr double kEventsPerTurn = 3.15;

// Can Tho 2025's quota cells and their share (per 10,000) of a plan's degree
// trainees; `chance` is the share of plans (percent) that declare the cell.
struct CellTemplate {
  uint8_t program, klass, location;
  uint16_t share;
  uint8_t chance;
};
constexpr CellTemplate kCellTemplates[] = {
    {kPhd, 0, 0, 600, 100},       {kSpecialist2, 0, 0, 900, 90}, {kMaster, 0, 0, 4900, 100},
    {kSpecialist1, 0, 0, 3100, 90}, {kPhd, 1, 0, 40, 60},        {kMaster, 1, 0, 140, 80},
    {kSpecialist1, 1, 0, 140, 60}, {kPhd, 1, 1, 70, 50},         {kMaster, 1, 1, 40, 50},
    {kBachelor, 0, 0, 1000, 40},   {kMaster, 0, 1, 60, 10},
};

// Can Tho's 2025 plan as the news reports it (shared/seeds/000_*.txt):
// issued 2 October, 4.7 billion VND, these exact cells and priority fields.
// Its planned trainees still follow the size of the ledger.
constexpr CellTemplate kCanThoCells[] = {
    {kPhd, 0, 0, 17, 100},  {kSpecialist2, 0, 0, 26, 100}, {kMaster, 0, 0, 138, 100},
    {kSpecialist1, 0, 0, 89, 100}, {kPhd, 1, 0, 1, 100}, {kMaster, 1, 0, 4, 100},
    {kSpecialist1, 1, 0, 4, 100}, {kPhd, 1, 1, 2, 100}, {kMaster, 1, 1, 1, 100},
};
constexpr uint8_t kCanThoPriority[] = {15, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
constexpr int64_t kCanThoBudget = 4'700'000'000;

constexpr std::string_view kSpecialties[] = {
    "Nội khoa", "Ngoại khoa", "Sản phụ khoa", "Nhi khoa", "Y học cổ truyền", "Chẩn đoán hình ảnh",
    "Gây mê hồi sức", "Y tế công cộng", "Truyền nhiễm", "Tim mạch"};
constexpr uint8_t kKnowledgeFields[] = {kFieldStateMgmt, kFieldLaw, kFieldHomeAffairs, kFieldLocalGov, kFieldEconomics};
constexpr uint8_t kNotPriorityFields[] = {kFieldLaw, kFieldPublicAdmin, kFieldEconomics};

// floor(x), plus one with probability frac(x).
int32_t RoundRandom(Rng& rng, double x) {
  double f = std::floor(x);
  return static_cast<int32_t>(f) + (rng.Chance(x - f) ? 1 : 0);
}


}  // namespace

void Simulation::PlanRound(int year, int round, int32_t day) {
  // Who issues plans: every province (and the central unit) before the
  // reorganisation, the 34 survivors after it.
  std::vector<int16_t> issuers;
  std::vector<double> weights;
  double total = 0;
  for (size_t i = 0; i < geo_.provinces.size(); ++i) {
    const Province& p = geo_.provinces[i];
    double w;
    if (p.central || !AfterReorg(day)) {
      w = active_in_[i];
    } else if (geo_.groups[static_cast<size_t>(p.group)].survivor == static_cast<int16_t>(i)) {
      w = 0;
      for (int16_t m : geo_.groups[static_cast<size_t>(p.group)].members) w += active_in_[static_cast<size_t>(m)];
    } else {
      continue;
    }
    issuers.push_back(static_cast<int16_t>(i));
    weights.push_back(w);
    total += w;
  }
  if (total <= 0) return;
  // This round's share of what is left of the stream, after what people's
  // careers and the reorganisation will still take.
  const double this_round = year == 2025 ? (round == 0 ? 0.55 : 0.45) : 1.0;
  const double rest = this_round + (year == 2025 && round == 0 ? 0.45 : 0.0) + (last_year_ - year);
  const double elapsed = day - start_day_;
  const double other_rate = elapsed > 200 ? static_cast<double>(other_events_) / elapsed
                                          : static_cast<double>(active_persons_) * 0.10 / 365;
  const double other = other_rate * (active_end_ - day + 1) * 0.9;
  const double reorg = reorganized_ ? 0.0
                                    : static_cast<double>(geo_.new_units.size() + geo_.reorgs.size()) +
                                          0.45 * static_cast<double>(active_persons_);
  const double free = static_cast<double>(target_) - static_cast<double>(Committed()) - other - reorg;
  if (free <= 0) return;
  const double budget = free * this_round / rest;
  for (size_t i = 0; i < issuers.size(); ++i) CreatePlan(issuers[i], year, round, budget * weights[i] / total, day);
}

void Simulation::CreatePlan(int16_t issuer, int year, int round, double events, int32_t day) {
  if (events < 25 || !Fits(1)) return;
  const auto index = static_cast<int32_t>(plans_.size());
  Plan& p = plans_.emplace_back();
  const Province& province = geo_.provinces[static_cast<size_t>(issuer)];
  p.id = province.code + "-" + std::to_string(year) + (round ? "-B" : "");
  p.issuer = issuer;
  p.year = year;
  p.round = round;
  if (province.central || !AfterReorg(day)) {
    p.territory = {issuer};
  } else {
    p.territory = geo_.groups[static_cast<size_t>(province.group)].members;
  }
  // Round B: the survivors' plans for the rest of 2025 (Can Tho issued its
  // own on 2 October).
  const bool can_tho = province.code == "CT" && year == 2025 && round == 1;
  p.issued = can_tho ? Day(2025, 10, 2) : round ? day + rng_.Between(31, 100) : day + rng_.Between(4, 78);
  p.next_decision = static_cast<uint32_t>(rng_.Between(100, 900));
  Schedule(p.issued, Action{.effective = p.issued, .kind = Act::kPlanIssued, .a = index, .doc = Doc()});

  if (can_tho) {
    p.priority.assign(std::begin(kCanThoPriority), std::end(kCanThoPriority));
  } else if (rng_.Chance(0.75)) {
    std::vector<uint8_t> pool(std::begin(kPriorityPool), std::end(kPriorityPool));
    int k = rng_.Between(5, 12);
    for (int i = 0; i < k; ++i) {
      size_t j = i + rng_.Below(static_cast<uint32_t>(pool.size() - static_cast<size_t>(i)));
      std::swap(pool[static_cast<size_t>(i)], pool[j]);
      p.priority.push_back(pool[static_cast<size_t>(i)]);
    }
  }
  // Binh Dinh 2025: fields opened in two phases (18 June, 1 July); its own
  // 2025 plan always, others now and then.
  if (round == 0 && (rng_.Chance(year == 2025 ? 0.5 : 0.15) || (year == 2025 && province.code == "BDI"))) {
    int32_t first = year == 2025 ? Day(2025, 6, 18) : Day(year, rng_.Between(3, 6), rng_.Between(1, 28));
    int32_t second = year == 2025 ? Day(2025, 7, 1) : first + rng_.Between(30, 90);
    p.phases.push_back(Phase{{std::begin(kPhase1Fields), std::end(kPhase1Fields)}, first});
    p.phases.push_back(Phase{{std::begin(kPhase2Fields), std::end(kPhase2Fields)}, second});
    for (const Phase& ph : p.phases) {
      for (uint8_t f : ph.fields) p.phase_open[f] = ph.opens;
    }
  }
  const double turns = events / kEventsPerTurn;
  PlanDegreeCourses(p, index, turns * kDegreeShare / 1000.0, province.central, can_tho);
  PlanOtherCourses(p, index, turns);

  int64_t planned = 0;
  for (int32_t c = p.first_course; c >= 0 && c < p.first_course + p.course_count; ++c) {
    planned += courses_[static_cast<size_t>(c)].cost * courses_[static_cast<size_t>(c)].planned_public;
  }
  p.budget = can_tho ? kCanThoBudget
                     : std::max<int64_t>(100'000'000, RoundUp(static_cast<int64_t>(static_cast<double>(planned) * rng_.Uniform(1.05, 1.3)), 100'000'000));
  p.budget_now = p.budget_guard = p.budget;

  if (ShouldInject(Injected::kBudgetExceeded, 0.05)) {
    // One supplementary decision after the plan's last funding tips it over.
    ++reserved_;
    Schedule(round ? Day(2026, 9, 30) : Day(year + 1, 6, 30), Action{.kind = Act::kBudgetOverrun, .a = index});
  }
  if (rng_.Chance(0.2) && Fits(1)) {
    Amendment am;
    am.budget_factor = rng_.Uniform(1.05, 1.3);
    if (!p.priority.empty() && rng_.Chance(0.5)) {
      am.priority = p.priority;
      for (uint8_t f : kPriorityPool) {
        if (std::find(am.priority.begin(), am.priority.end(), f) == am.priority.end()) {
          am.priority.push_back(f);
          break;
        }
      }
    }
    for (const QuotaCell& cell : p.cells) {
      if (!cell.inject_over && cell.planned > 0 && rng_.Chance(0.3)) {
        QuotaCell raised = cell;
        raised.quota += rng_.Between(1, 5);
        am.cells.push_back(raised);
        break;
      }
    }
    p.amendments.push_back(std::move(am));
    int32_t when = p.issued + rng_.Between(45, 200);
    Schedule(when, Action{.effective = when, .kind = Act::kPlanAmended, .a = index,
                          .b = static_cast<int32_t>(p.amendments.size() - 1), .doc = Doc()});
  }
}

void Simulation::PlanDegreeCourses(Plan& p, int32_t index, double degree_turns, bool central, bool can_tho) {
  if (can_tho) {
    int32_t total = 0;
    for (const CellTemplate& t : kCanThoCells) total += t.share;
    for (const CellTemplate& t : kCanThoCells) {
      QuotaCell cell{.program = t.program, .klass = t.klass, .location = t.location, .quota = t.share};
      cell.planned = std::min(cell.quota, RoundRandom(rng_, degree_turns * t.share / total));
      p.cells.push_back(cell);
    }
  } else {
    for (const CellTemplate& t : kCellTemplates) {
      if (central && (t.program == kSpecialist1 || t.program == kSpecialist2)) continue;
      if (!rng_.Chance(t.chance / 100.0)) continue;
      QuotaCell cell{.program = t.program, .klass = t.klass, .location = t.location};
      cell.planned = RoundRandom(rng_, degree_turns * t.share / 10000.0 * rng_.Uniform(0.7, 1.3));
      cell.quota = cell.planned == 0 ? rng_.Between(1, 2)
                                     : static_cast<int32_t>(std::ceil(cell.planned / rng_.Uniform(0.85, 1.0)));
      p.cells.push_back(cell);
    }
  }
  if (p.cells.empty()) return;
  // QUOTA_EXCEEDED: a cell planned exactly full, to receive one more.
  std::vector<size_t> filled;
  for (size_t i = 0; i < p.cells.size(); ++i) {
    if (p.cells[i].planned > 0) filled.push_back(i);
  }
  if (!filled.empty() && !can_tho && ShouldInject(Injected::kQuotaExceeded, 0.04)) {
    QuotaCell& cell = p.cells[rng_.Pick(filled)];
    cell.quota = cell.planned;
    cell.inject_over = true;
  }
  if (ShouldInject(Injected::kQuotaExceeded, 0.02)) p.quota_zero = true;
  // Specialist training is medical: a plan that prioritises fields lists health.
  for (const QuotaCell& cell : p.cells) {
    if ((cell.program == kSpecialist1 || cell.program == kSpecialist2) && !p.priority.empty() &&
        std::find(p.priority.begin(), p.priority.end(), kFieldHealth) == p.priority.end()) {
      p.priority.push_back(kFieldHealth);
    }
  }
  // One run of courses per (program, location), mixing public and self-funded trainees.
  for (QuotaCell& cell : p.cells) {
    if (cell.klass != 0 && std::any_of(p.cells.begin(), p.cells.end(), [&](const QuotaCell& o) {
          return o.klass == 0 && o.program == cell.program && o.location == cell.location;
        })) {
      continue;  // handled with its public sibling
    }
    int32_t pub = 0, self = 0;
    bool no_withdraw = false;
    for (const QuotaCell& o : p.cells) {
      if (o.program != cell.program || o.location != cell.location) continue;
      (o.klass == 0 ? pub : self) += o.planned;
      no_withdraw = no_withdraw || o.inject_over;
    }
    const ProgramInfo& info = kPrograms[cell.program];
    int32_t courses = 0;
    while (pub + self > 0) {
      int32_t size = std::min(pub + self, rng_.Between(info.min_size, info.max_size));
      auto k_pub = static_cast<int32_t>(std::lround(static_cast<double>(size) * pub / (pub + self)));
      k_pub = std::clamp(k_pub, size - self, std::min(size, pub));
      int32_t c = AddCourse(p, index, cell.program, cell.location, k_pub, size - k_pub);
      courses_[static_cast<size_t>(c)].no_withdraw = courses_[static_cast<size_t>(c)].no_withdraw || no_withdraw;
      pub -= k_pub;
      self -= size - k_pub;
      ++courses;
    }
    for (QuotaCell& o : p.cells) {
      if (o.program == cell.program && o.location == cell.location) o.courses_left = courses;
    }
  }
}

void Simulation::PlanOtherCourses(Plan& p, int32_t index, double turns) {
  for (uint8_t program = kPtElementary; program < kProgramCount; ++program) {
    const ProgramInfo& info = kPrograms[program];
    int32_t n = RoundRandom(rng_, turns * info.share / 1000.0 * rng_.Uniform(0.8, 1.2));
    const double public_share = info.family == Family::kFostering ? 0.96 : 0.92;
    while (n > 0) {
      int32_t size = std::min(n, static_cast<int32_t>(rng_.Between(info.min_size, info.max_size)));
      if (n - size < info.min_size / 2) size = n;
      int32_t pub = RoundRandom(rng_, size * public_share);
      AddCourse(p, index, program, 0, pub, size - pub);
      n -= size;
    }
  }
}

int32_t Simulation::AddCourse(Plan& p, int32_t index, uint8_t program, uint8_t location, int32_t pub, int32_t self) {
  const ProgramInfo& info = kPrograms[program];
  const auto ci = static_cast<int32_t>(courses_.size());
  Course& k = courses_.emplace_back();
  k.plan = index;
  k.program = program;
  k.planned_public = pub;
  k.planned_self = self;
  k.location = location;
  if (info.family == Family::kFostering && location == 0 &&
      rng_.Chance(program == kLeadership ? 0.03 : program == kLanguage ? 0.05 : program == kKnowledgeUpdate ? 0.01 : 0)) {
    k.location = 1;
  }
  // The field of study.
  switch (program) {
    case kSpecialist1:
    case kSpecialist2: k.field = kFieldHealth; break;
    case kPtElementary:
    case kPtIntermediate:
    case kPtAdvanced: k.field = kFieldPolitical; break;
    case kSmSpecialist:
    case kSmPrincipal:
    case kSmSenior: k.field = kFieldStateMgmt; break;
    case kLeadership: k.field = kFieldLeadership; break;
    case kJobPosition:
      k.field = rng_.Chance(0.55) ? rng_.Pick(kPhase1Fields) : rng_.Pick(kPhase2Fields);
      break;
    case kKnowledgeUpdate: k.field = rng_.Pick(kKnowledgeFields); break;
    case kDigital: k.field = kFieldDigital; break;
    case kLanguage: k.field = kFieldLanguage; break;
    case kItSkills: k.field = kFieldIt; break;
    case kDefense: k.field = kFieldDefense; break;
    default:  // degrees: a field the plan prioritises, if it lists any
      k.field = p.priority.empty() ? static_cast<uint8_t>(rng_.Below(kDegreeFields))
                                   : rng_.Pick(p.priority);
      if (pub > 0 && !p.priority.empty() && ShouldInject(Injected::kNotPriorityField, 0.02)) {
        k.field = rng_.Pick(kNotPriorityFields);
        k.not_priority = k.no_withdraw = true;
      }
  }
  // When it runs: opened after the plan is issued, starting 10-40 days
  // later, never before its field's phase opens unless OUTSIDE_PHASE is
  // being injected.
  const int32_t window_start = p.issued + 7;
  const int32_t window_end = std::max(window_start, p.round == 1 ? Day(2026, 1, 31) : Day(p.year, 11, 15));
  const int32_t lead = rng_.Between(10, 40);
  k.open = rng_.Between(window_start, window_end);
  k.start = k.open + lead;
  if (const int32_t opens = p.phase_open[k.field]; opens != 0) {
    int32_t early = opens - rng_.Between(3, 25);
    if (early - 3 > p.issued && ShouldInject(Injected::kOutsidePhase, 0.03)) {
      k.start = early;
      k.open = std::max(p.issued + 1, early - lead);
      k.outside_phase = k.no_withdraw = true;
    } else if (k.start < opens) {
      k.start = opens + rng_.Between(0, 20);
      k.open = std::max(p.issued + 1, k.start - lead);
    }
  }
  k.end = k.start + rng_.Between(info.min_days, info.max_days) - 1;
  if (rng_.Chance(0.8)) k.capacity = pub + self + rng_.Between(0, 10);
  k.form = static_cast<uint8_t>(rng_.Weighted(info.forms));
  int64_t cost = static_cast<int64_t>(info.cost_k) * 1000 * (k.location == 1 ? 5 : 1);
  k.cost = std::max<int64_t>(100'000, RoundUp(static_cast<int64_t>(static_cast<double>(cost) * rng_.Uniform(0.9, 1.1)), 100'000));
  k.course_level_funding = info.family == Family::kFostering || (info.family != Family::kDegree && rng_.Chance(0.4));
  k.provider = ProviderFor(p, program, k.location);
  k.doc = static_cast<uint32_t>(rng_.Between(1, 4999));

  // Id and title.
  if (p.first_course < 0) p.first_course = ci;
  ++p.courses_left;
  k.id = p.id + "-" + std::string(info.abbr) + "-";
  AppendNumber(k.id, static_cast<uint64_t>(++p.course_count), 3);
  const std::string_view field_name = kFields[k.field].name;
  switch (info.family) {
    case Family::kDegree:
      k.title = std::string(info.title) + " " +
                std::string(k.field == kFieldHealth && program != kPhd && program != kMaster
                                ? rng_.Pick(kSpecialties)
                                : field_name);
      break;
    case Family::kPolitical:
      k.title = std::string(info.title) + " khóa " + std::to_string(rng_.Between(1, 40)) +
                (k.form == 1 ? " (hệ không tập trung)" : "");
      break;
    case Family::kStateMgmt: k.title = std::string(info.title) + " năm " + std::to_string(p.year); break;
    case Family::kFostering:
      if (k.field == kFieldLocalGov) {
        k.title = "Bồi dưỡng chuyên đề \"Vận hành chính quyền địa phương hai cấp\"";
      } else if (program == kDigital) {
        k.title = std::string(info.title) + (rng_.Chance(0.5) ? " cho cán bộ, công chức cấp xã" : " năm " + std::to_string(p.year));
      } else if (program == kJobPosition) {
        k.title = std::string(info.title) + " lĩnh vực " + std::string(field_name);
      } else {
        k.title = std::string(info.title) + ": " + std::string(field_name);
      }
      break;
  }
  k.reserve = static_cast<int32_t>(std::lround((pub + self) * kEventsPerTurn)) + 2;
  reserved_ += static_cast<uint64_t>(k.reserve);
  Schedule(k.open, Action{.kind = Act::kOpenCourse, .a = ci});
  return ci;
}

uint16_t Simulation::ProviderFor(const Plan& p, uint8_t program, uint8_t location) {
  constexpr uint16_t kMedical = std::size(kUniversities);
  constexpr uint16_t kForeign = kMedical + std::size(kMedicalSchools);
  constexpr uint16_t kPolitical = kForeign + std::size(kForeignSchools);
  constexpr uint16_t kNapa = kPolitical + std::size(kPoliticalAcademies);
  constexpr uint16_t kTechnology = kNapa + std::size(kNapaSites);
  const auto own = static_cast<uint16_t>(province_providers_ + 3 * p.issuer);  // school, home affairs, military
  auto pick = [this](uint16_t first, size_t n) { return static_cast<uint16_t>(first + rng_.Below(static_cast<uint32_t>(n))); };
  if (location == 1) return pick(kForeign, std::size(kForeignSchools));
  switch (kPrograms[program].provider) {
    case Provider::kUniversity: return pick(0, std::size(kUniversities));
    case Provider::kMedical: return pick(kMedical, std::size(kMedicalSchools));
    case Provider::kForeign: return pick(kForeign, std::size(kForeignSchools));
    case Provider::kPoliticalAcademy: return pick(kPolitical, std::size(kPoliticalAcademies));
    case Provider::kNapa: return rng_.Chance(0.6) ? pick(kNapa, std::size(kNapaSites)) : own;
    case Provider::kProvincialSchool: return own;
    case Provider::kHomeAffairs: {
      uint32_t r = rng_.Below(10);
      return r < 5 ? own + 1 : r < 8 ? own : pick(kNapa, std::size(kNapaSites));
    }
    case Provider::kTechnology:
      return rng_.Chance(0.6) ? pick(kTechnology, std::size(kTechnologySchools)) : own + 1;
    case Provider::kMilitary: return own + 2;
  }
  return own;
}

void Simulation::BudgetOverrun(int32_t plan, int32_t day) {
  Plan& p = plans_[static_cast<size_t>(plan)];
  int32_t course = -1;
  for (int32_t c = p.first_course; c >= 0 && c < p.first_course + p.course_count; ++c) {
    if (courses_[static_cast<size_t>(c)].enrolled > 0) {
      course = c;
      break;
    }
  }
  if (course < 0 || !Fits(1)) return;
  // A supplementary decision that takes the plan past its final budget:
  // the last public funding of the plan, so the only one over.
  int64_t amount = std::max<int64_t>(0, p.budget_now - p.public_final) + rng_.Between(10, 200) * 1'000'000LL;
  p.overrun = true;
  p.public_all += amount;
  p.public_final += amount;
  Schedule(day, Action{.effective = day, .kind = Act::kFundingDecided, .small = kStateBudget, .a = course, .b = -1,
                       .c = static_cast<int32_t>(++p.next_decision), .amount = amount});
  Count(Injected::kBudgetExceeded);
}

}  // namespace tledger::gen
