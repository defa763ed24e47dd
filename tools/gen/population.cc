// People and places: the first registrations, hires, resignations,
// retirements, transfers, and the reorganisation of 2025-07-01.
#include <algorithm>

#include "core/date.h"
#include "tools/gen/simulation.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {
namespace {

// Yearly rates, per person in service.
constexpr double kHireRate = 0.045;
constexpr double kResignRate = 0.012;
// Decree 178/2024/NĐ-CP: the streamlining of the first half of 2025.
constexpr double kResignRate2025 = 0.09;
constexpr double kTransferRate = 0.02;

uint8_t PositionFor(Rng& rng, uint8_t category, Level level) {
  uint8_t bit = level == Level::kCommune ? kAtCommune : level == Level::kDistrict ? kAtDistrict : kAtProvince;
  return static_cast<uint8_t>(rng.WeightedBy(kPositions, [&](const Position& p) {
    return p.category == category && (p.levels & bit) ? p.weight : 0;
  }));
}

int32_t SixtiethBirthday(int32_t birth) {
  Date b = Date::FromDays(birth);
  std::optional<Date> d = Date::FromYmd(b.year() + 60, b.month(), b.day());
  if (!d) d = Date::FromYmd(b.year() + 60, 3, 1);  // born on 29 February
  return d->days();
}

}  // namespace

int32_t Simulation::SurvivorUnit(int16_t province) const {
  const Province& p = geo_.provinces[static_cast<size_t>(province)];
  if (p.central) return p.unit;
  return geo_.provinces[static_cast<size_t>(geo_.groups[static_cast<size_t>(p.group)].survivor)].unit;
}

int32_t Simulation::UnitFor(int16_t province, int32_t day) {
  const Province& p = geo_.provinces[static_cast<size_t>(province)];
  if (p.central) return p.unit;
  uint32_t r = rng_.Below(100);
  if (!AfterReorg(day)) {
    if (r < 10) return p.unit;
    if (r < 45) return rng_.Pick(p.districts);
    return rng_.Pick(p.communes);
  }
  if (r < 35 || p.communes_2025.empty()) return SurvivorUnit(province);
  return rng_.Pick(p.communes_2025);
}

int32_t Simulation::DissolvedUnitOf(int16_t province) {
  const Province& p = geo_.provinces[static_cast<size_t>(province)];
  if (p.central) return -1;
  if (rng_.Chance(0.5)) return rng_.Pick(p.districts);
  for (int tries = 0; tries < 8; ++tries) {
    int32_t u = rng_.Pick(p.communes);
    if (geo_.units[static_cast<size_t>(u)].ceases_2025) return u;
  }
  return rng_.Pick(p.districts);
}

void Simulation::SeedPopulation() {
  active_in_.assign(geo_.provinces.size(), 0);
  const int years = last_year_ - first_year_ + 1;
  const uint64_t people = std::max<uint64_t>(1, target_ / (3 * static_cast<uint64_t>(years)));
  // Each province in proportion to its units; the central unit is small.
  std::vector<uint32_t> cumulative;
  uint32_t total = 0;
  for (const Province& p : geo_.provinces) {
    total += p.central ? 0 : static_cast<uint32_t>(p.communes.size() + 3 * p.districts.size() + 5);
    cumulative.push_back(total);
  }
  const uint32_t central_share = std::max<uint32_t>(1, total / 100);
  for (uint64_t i = 0; i < people && Fits(2); ++i) {
    int16_t province = 0;
    if (rng_.Below(total + central_share) >= central_share) {
      uint32_t r = rng_.Below(total);
      province = static_cast<int16_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin());
    }
    NewPerson(province, start_day_ + rng_.Between(1, 24), true);
  }
}

int32_t Simulation::NewPerson(int16_t province, int32_t day, bool initial) {
  const auto index = static_cast<int32_t>(persons_.size());
  Person& p = persons_.emplace_back();
  p.province = province;
  p.unit = UnitFor(province, day);
  if (!initial && AfterReorg(day) && !geo_.provinces[static_cast<size_t>(province)].central &&
      ShouldInject(Injected::kUnitDissolved, 0.003)) {
    p.unit = DissolvedUnitOf(province);  // registered at a unit that no longer exists
    Count(Injected::kUnitDissolved);
  }
  const Level level = geo_.units[static_cast<size_t>(p.unit)].level;
  // Shares of cadres, civil servants and public employees by level.
  static constexpr uint8_t kByProvince[] = {5, 45, 50};
  static constexpr uint8_t kByDistrict[] = {10, 45, 45};
  static constexpr uint8_t kByCommune[] = {35, 40, 25};
  p.category = static_cast<uint8_t>(rng_.Weighted(level == Level::kCommune    ? kByCommune
                                                  : level == Level::kDistrict ? kByDistrict
                                                                              : kByProvince));
  p.position = PositionFor(rng_, p.category, level);
  p.female = rng_.Chance(p.category == 0 ? 0.3 : 0.55);
  p.family = static_cast<uint8_t>(rng_.WeightedBy(kFamilyNames, [](const Weighted& w) { return w.weight; }));
  if (p.female) {
    p.middle = static_cast<uint8_t>(rng_.Below(std::size(kFemaleMiddle)));
    if (rng_.Chance(0.3)) {
      p.middle2 = static_cast<uint8_t>(rng_.Below(std::size(kFemaleSecondMiddle)));
      if (kFemaleSecondMiddle[p.middle2] == kFemaleMiddle[p.middle]) p.middle2 = 0xff;  // no "Phương Phương"
    }
    p.given = static_cast<uint8_t>(rng_.Below(std::size(kFemaleGiven)));
  } else {
    p.middle = static_cast<uint8_t>(rng_.Below(std::size(kMaleMiddle)));
    p.given = static_cast<uint8_t>(rng_.Below(std::size(kMaleGiven)));
  }
  const int32_t age_days = initial ? rng_.Between(22 * 365, 59 * 365 + 200) : rng_.Between(22 * 365, 35 * 365);
  const int32_t birth = day - age_days;
  if (!rng_.Chance(0.02)) {
    p.birth = birth;
    p.retire = SixtiethBirthday(birth);
  }
  if (!rng_.Chance(0.04)) {
    p.hired = initial ? birth + rng_.Between(22 * 365, std::min(age_days, 30 * 365)) : day - rng_.Between(0, 20);
  }
  p.registered = day;
  p.code_province = AfterReorg(day) && !geo_.provinces[static_cast<size_t>(province)].central
                        ? geo_.groups[static_cast<size_t>(geo_.provinces[static_cast<size_t>(province)].group)].survivor
                        : province;
  p.number = ++person_counters_[static_cast<size_t>(p.code_province)];
  pools_[static_cast<size_t>(province)].push_back(index);
  ++active_in_[static_cast<size_t>(province)];
  ++active_persons_;
  const int32_t retire = p.retire;
  Schedule(day, Action{.effective = day, .kind = Act::kPersonRegistered, .a = index, .b = p.unit, .doc = Doc()});
  // Qualifications already held, recorded with the registration.
  uint16_t held[3];
  int n = 0;
  if (rng_.Chance(initial ? 0.85 : 0.6)) held[n++] = kBachelor;
  if (initial && rng_.Chance(0.15)) held[n++] = rng_.Chance(0.1) ? kPhd : kMaster;
  if (initial && rng_.Chance(0.3)) held[n++] = static_cast<uint16_t>(rng_.Chance(0.5) ? kPtElementary : kPtIntermediate);
  for (int i = 0; i < n && Fits(1); ++i) {
    Schedule(day, Action{.effective = day, .kind = Act::kQualification, .small = held[i], .a = index});
  }
  if (!initial) other_events_ += 1 + static_cast<uint64_t>(n);
  if (retire != kNever && retire <= active_end_) {
    Schedule(std::max(retire, day + 1), Action{.kind = Act::kRetireCheck, .a = index});
  }
  return index;
}

int32_t Simulation::RandomActivePerson(int32_t day) {
  if (persons_.empty()) return -1;
  for (int tries = 0; tries < 16; ++tries) {
    auto i = static_cast<int32_t>(rng_.Below(static_cast<uint32_t>(persons_.size())));
    const Person& p = persons_[static_cast<size_t>(i)];
    if (p.leave_at > day && p.registered < day) return i;
  }
  return -1;
}

void Simulation::DailyPopulation(int32_t day) {
  if (day < start_day_ + 30) return;  // the first registrations are still being recorded
  const auto active = static_cast<double>(active_persons_);
  const bool wave = day >= Day(2025, 1, 1) && day < reorg_day_;
  hire_acc_ += active * kHireRate / 365;
  resign_acc_ += active * (wave ? kResignRate2025 : kResignRate) / 365;
  transfer_acc_ += active * kTransferRate / 365;
  for (; hire_acc_ >= 1; hire_acc_ -= 1) Hire(day);
  for (; resign_acc_ >= 1; resign_acc_ -= 1) Resign(day);
  for (; transfer_acc_ >= 1; transfer_acc_ -= 1) Transfer(day);
}

void Simulation::Hire(int32_t day) {
  if (!Fits(5)) return;
  int32_t like = RandomActivePerson(day);
  if (like < 0) return;
  NewPerson(persons_[static_cast<size_t>(like)].province, day, false);
}

void Simulation::Leave(int32_t person, int32_t day, uint16_t reason) {
  Person& p = persons_[static_cast<size_t>(person)];
  p.leave_at = day;
  --active_persons_;
  --active_in_[static_cast<size_t>(p.province)];
  ++other_events_;
  Schedule(day, Action{.effective = day, .kind = Act::kPersonLeft, .small = reason, .a = person, .doc = Doc()});
}

void Simulation::Resign(int32_t day) {
  for (int tries = 0; tries < 8; ++tries) {
    int32_t i = RandomActivePerson(day);
    if (i < 0 || !Fits(1)) return;
    const Person& p = persons_[static_cast<size_t>(i)];
    // Nobody leaves in the middle of a course or while owing service.
    if (p.leave_at != kNever || p.busy_until >= day || p.commit_until >= day) continue;
    Leave(i, day, static_cast<uint16_t>(rng_.Below(day < reorg_day_ && day >= Day(2025, 1, 1) ? 4 : 2)));
    return;
  }
}

void Simulation::RetireCheck(int32_t person, int32_t day) {
  const Person& p = persons_[static_cast<size_t>(person)];
  if (p.leave_at != kNever || day > active_end_) return;
  int32_t wait = std::max(p.busy_until, p.commit_until);
  if (wait >= day) {
    if (wait < active_end_) Schedule(wait + 1, Action{.kind = Act::kRetireCheck, .a = person});
    return;
  }
  if (Fits(1)) Leave(person, day, kRetireReasonCode);
}

void Simulation::Transfer(int32_t day) {
  int32_t i = RandomActivePerson(day);
  if (i < 0 || !Fits(3)) return;
  Person& p = persons_[static_cast<size_t>(i)];
  if (geo_.provinces[static_cast<size_t>(p.province)].central) return;
  int16_t to = p.province;
  if (rng_.Chance(0.03)) {
    to = static_cast<int16_t>(1 + rng_.Below(static_cast<uint32_t>(geo_.provinces.size() - 1)));
  } else if (AfterReorg(day)) {
    to = rng_.Pick(geo_.groups[static_cast<size_t>(geo_.provinces[static_cast<size_t>(to)].group)].members);
  }
  int32_t unit = UnitFor(to, day);
  if (unit == p.unit) return;
  Action a{.effective = day, .kind = Act::kPersonTransferred, .a = i, .b = unit, .doc = Doc()};
  if (ShouldInject(Injected::kMissingReference, 0.002)) {
    a.flags |= kBadRef;  // a unit id with a typo: the person stays where they were
    Count(Injected::kMissingReference);
  } else {
    if (AfterReorg(day) && ShouldInject(Injected::kUnitDissolved, 0.003)) {
      a.b = DissolvedUnitOf(to);
      Count(Injected::kUnitDissolved);
    }
    p.unit = a.b;
    if (to != p.province) {
      --active_in_[static_cast<size_t>(p.province)];
      ++active_in_[static_cast<size_t>(to)];
      p.province = to;
      pools_[static_cast<size_t>(to)].push_back(i);
    }
  }
  Schedule(day, a);
  ++other_events_;
  if (rng_.Chance(0.003)) {
    // Keyed in twice; the second copy is retracted later.
    a.flags |= kRetractLater;
    Schedule(day, a);
    ++other_events_;
  }
}

void Simulation::Reorganize(int32_t day) {
  reorganized_ = true;
  for (int32_t u : geo_.new_units) {
    if (!Fits(1)) break;
    Schedule(day, Action{.effective = day, .kind = Act::kUnitRegistered, .a = u, .doc = 1});
  }
  for (size_t r = 0; r < geo_.reorgs.size(); ++r) {
    if (geo_.reorgs[r].effective != day || !Fits(1)) continue;
    Schedule(day, Action{.effective = day, .kind = Act::kUnitReorganized, .a = static_cast<int32_t>(r), .doc = 1});
  }
  // People of dissolved districts are moved to a commune or the province;
  // those of merged communes and provinces follow the merge, and some of
  // their offices record the move anyway.
  for (size_t i = 0; i < persons_.size(); ++i) {
    Person& p = persons_[i];
    if (p.leave_at <= day) continue;
    const Unit& u = geo_.units[static_cast<size_t>(p.unit)];
    const Province& province = geo_.provinces[static_cast<size_t>(p.province)];
    bool record;
    if (u.level == Level::kDistrict) {
      p.unit = !province.communes_2025.empty() && rng_.Chance(0.6) ? rng_.Pick(province.communes_2025)
                                                                   : SurvivorUnit(p.province);
      record = true;
    } else if (u.ceases_2025 && u.successor >= 0) {
      p.unit = u.successor;
      record = rng_.Chance(u.level == Level::kProvince ? 0.1 : 0.08);
    } else {
      continue;
    }
    if (record && Fits(1)) {
      Schedule(day, Action{.effective = day, .kind = Act::kPersonTransferred, .a = static_cast<int32_t>(i),
                           .b = p.unit, .doc = Doc()});
    }
  }
}

}  // namespace tledger::gen
