// A course opens: its trainees are chosen, nominated and enrolled, and
// everything that will happen to them (completion or withdrawal, funding,
// qualifications, compensation, leaving early) is scheduled at once.
#include <algorithm>

#include "core/date.h"
#include "tools/gen/simulation.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {
namespace {

// Events one trainee can bring, at most (the size budget's bound).
constexpr uint64_t kPerTrainee = 14;
// Age limits when first sent to publicly funded postgraduate training.
constexpr int kAgeLimit2017 = 40;
constexpr int kAgeLimit2025 = 45;

enum Extra { kRegular, kOverQuota, kZeroQuota };

int64_t Fraction(Rng& rng, int64_t amount, int lo_percent, int hi_percent) {
  return RoundUp(amount * rng.Between(lo_percent, hi_percent) / 100, 1000);
}

}  // namespace

struct Simulation::Want {
  bool public_degree = false;   // owes service afterwards
  bool postgrad_public = false;  // under the age limit
  bool medical = false;
  bool leader = false;
  bool long_course = false;
  bool age_over = false;         // AGE_LIMIT injected: just past the limit
};

int32_t Simulation::AgeOn(const Person& p, int32_t day) const {
  return YearsBetween(Date::FromDays(p.birth), Date::FromDays(day));
}

QuotaCell* Simulation::FindCell(Plan& p, uint8_t program, uint8_t klass, uint8_t location) {
  for (QuotaCell& c : p.cells) {
    if (c.program == program && c.klass == klass && c.location == location) return &c;
  }
  return nullptr;
}

int32_t Simulation::OrganiserUnit(const Plan& p, int32_t day) {
  const Province& issuer = geo_.provinces[static_cast<size_t>(p.issuer)];
  if (rng_.Chance(0.2)) return -1;
  if (issuer.central) return issuer.unit;
  if (!AfterReorg(day)) {
    return rng_.Chance(0.75) ? issuer.unit : rng_.Pick(issuer.districts);
  }
  int16_t t = rng_.Pick(p.territory);
  const Province& tp = geo_.provinces[static_cast<size_t>(t)];
  if (ShouldInject(Injected::kUnitDissolved, 0.004)) {
    Count(Injected::kUnitDissolved);
    return rng_.Pick(tp.districts);
  }
  if (rng_.Chance(0.8) || tp.communes_2025.empty()) return SurvivorUnit(t);
  return rng_.Pick(tp.communes_2025);
}

int32_t Simulation::PickPerson(const Plan& p, const Course& k, int32_t day, const Want& want) {
  uint32_t total = 0;
  for (int16_t t : p.territory) total += static_cast<uint32_t>(pools_[static_cast<size_t>(t)].size());
  if (total == 0) return -1;
  const auto course = static_cast<int32_t>(&k - courses_.data());
  const int limit = k.start < reorg_day_ ? kAgeLimit2017 : kAgeLimit2025;
  const int32_t months = MonthsBetween(Date::FromDays(k.start), Date::FromDays(k.end));
  for (int tries = 0; tries < 40; ++tries) {
    uint32_t r = rng_.Below(total);
    int16_t province = 0;
    for (int16_t t : p.territory) {
      const auto n = static_cast<uint32_t>(pools_[static_cast<size_t>(t)].size());
      if (r < n) {
        province = t;
        break;
      }
      r -= n;
    }
    const int32_t who = pools_[static_cast<size_t>(province)][r];
    const Person& per = persons_[static_cast<size_t>(who)];
    if (per.province != province || per.registered > day || per.last_course == course) continue;
    if (per.leave_at <= k.end + 60 || per.retire <= k.end + 60) continue;
    if (want.long_course && per.long_busy_until >= k.start) continue;
    if (want.medical && !(per.category == 2 && IsMedical(kPositions[per.position].text))) continue;
    if (want.leader && !kPositions[per.position].leader) continue;
    if (want.public_degree && per.leave_at != kNever) continue;
    auto nom = p.noms.find((static_cast<uint64_t>(who) << 8) | k.program);
    if (nom != p.noms.end() && (nom->second < 0 || nom->second >= k.end)) continue;
    if (want.age_over && (per.birth == kUnknown || per.category == 2)) continue;  // the limit binds cadres and civil servants
    if (per.birth != kUnknown) {
      const int age = AgeOn(per, k.start);
      if (age < 20) continue;
      if (want.postgrad_public && per.category != 2) {
        if (want.age_over ? (age <= limit || age > limit + 5 || per.public_postgrad) : age > limit) continue;
      }
      if (want.public_degree) {
        // Retirement must not fall inside the service owed afterwards.
        const int factor = per.category != 2 && k.start >= reorg_day_ ? 3 : 2;
        if (per.retire <= k.end + 60 + factor * months * 31 + 62) continue;
      }
    }
    return who;
  }
  return -1;
}

void Simulation::OpenCourse(int32_t ci, int32_t day) {
  Course& k = courses_[static_cast<size_t>(ci)];
  Plan& p = plans_[static_cast<size_t>(k.plan)];
  reserved_ -= static_cast<uint64_t>(k.reserve);
  const ProgramInfo& info = kPrograms[k.program];
  const bool degree = info.family == Family::kDegree;
  --p.courses_left;
  if (!Fits(8 + kPerTrainee)) {
    ReleaseNominations(p);
    return;
  }
  k.unit = OrganiserUnit(p, day);
  Schedule(day, Action{.effective = day, .kind = Act::kCourseOpened, .a = ci, .doc = Doc()});

  // Public and self-funded trainees, interleaved.
  int32_t pub = 0;
  for (int32_t i = 0, j = 0; i < k.planned_public || j < k.planned_self;) {
    bool take_public = j >= k.planned_self || (i < k.planned_public && rng_.Below(static_cast<uint32_t>(k.planned_public + k.planned_self)) <
                                                                          static_cast<uint32_t>(k.planned_public));
    uint8_t klass = take_public ? 0 : 1;
    (take_public ? i : j)++;
    if (Enroll(ci, day, klass, kRegular) && take_public) ++pub;
  }
  if (degree) {
    for (QuotaCell& cell : p.cells) {
      if (cell.program != k.program || cell.location != k.location) continue;
      if (--cell.courses_left > 0 || !cell.inject_over) continue;
      // The last course of an exactly-full cell takes one trainee too many.
      int32_t extra = cell.quota - cell.used + 1;
      if (extra < 1 || extra > 10) continue;
      for (int32_t e = 0; e < extra; ++e) {
        if (Enroll(ci, day, cell.klass, kOverQuota) && cell.klass == 0) ++pub;
      }
      if (cell.used == cell.quota + 1) Count(Injected::kQuotaExceeded);
    }
    if (p.quota_zero) {
      // A funding class the plan has no cell for: quota 0 there.
      for (uint8_t klass = 0; klass < 2; ++klass) {
        if (FindCell(p, k.program, klass, k.location) != nullptr) continue;
        if (Enroll(ci, day, klass, kZeroQuota)) {
          pub += klass == 0;
          p.quota_zero = false;
          Count(Injected::kQuotaExceeded);
        }
        break;
      }
    }
  }
  if (k.not_priority) Count(Injected::kNotPriorityField, static_cast<uint64_t>(pub));
  if (k.outside_phase) Count(Injected::kOutsidePhase, static_cast<uint64_t>(k.enrolled));

  if (k.course_level_funding && pub > 0 && Fits(2)) {
    int32_t fday = rng_.Between(day, std::max(day, k.start));
    ScheduleFunding(p, ci, -1, day, fday, kStateBudget, k.cost * pub, 0);
  }
  if (k.enrolled > 0 && Fits(5)) {
    // Records that name what nothing registers.
    if (!k.course_level_funding && pub > 0 && ShouldInject(Injected::kFundingWithoutEnrollment, 0.003)) {
      ScheduleFunding(p, ci, k.enrolled + 1, day, rng_.Between(day, std::max(day, k.start)), kStateBudget, k.cost, kBadRef);
      Count(Injected::kFundingWithoutEnrollment);
    } else if (ShouldInject(Injected::kMissingReference, 0.001)) {
      int32_t when = k.end + rng_.Between(1, 25);
      Schedule(when, Action{.effective = when, .kind = Act::kCompletion, .flags = kBadRef, .a = ci,
                            .b = rng_.Between(1, k.enrolled), .doc = 0});
      Count(Injected::kMissingReference);
    } else if (!k.course_level_funding && pub > 0 && ShouldInject(Injected::kMissingReference, 0.0005)) {
      int32_t when = rng_.Between(day, std::max(day, k.start));
      Schedule(when, Action{.effective = when, .kind = Act::kFundingRevoked, .flags = kBadRef, .a = ci,
                            .c = static_cast<int32_t>(p.next_decision), .doc = Doc()});
      Count(Injected::kMissingReference);
    }
    // Now and then someone nominated is taken off the list before the
    // course starts, and never enrolls.
    if (k.start - day >= 3 && rng_.Chance(0.05)) {
      int32_t who = PickPerson(p, k, day, Want{});
      auto key = (static_cast<uint64_t>(who) << 8) | k.program;
      if (who >= 0 && p.noms.find(key) == p.noms.end()) {
        int32_t nd = rng_.Between(day, k.start - 2);
        int32_t rv = rng_.Between(nd + 1, k.start - 1);
        Nominate(k, who, nd, rv);
        p.noms[key] = -1;
      }
    }
  }
  ReleaseNominations(p);
}

void Simulation::Nominate(const Course& k, int32_t person, int32_t day, int32_t revoked) {
  Schedule(day, Action{.effective = day, .kind = Act::kNominationApproved, .small = k.program, .a = person, .b = k.plan,
                       .doc = k.doc});
  if (revoked >= 0) {
    Schedule(revoked, Action{.effective = revoked, .kind = Act::kNominationRevoked, .small = k.program, .a = person,
                             .b = k.plan, .doc = Doc()});
  }
}

void Simulation::ReleaseNominations(Plan& p) {
  // Nominations are looked up only while the plan still has courses to open.
  if (p.courses_left == 0) std::unordered_map<uint64_t, int32_t>().swap(p.noms);
}

uint32_t Simulation::ScheduleFunding(Plan& p, int32_t course, int32_t ordinal, int32_t day, int32_t fday,
                                     uint8_t funding, int64_t amount, uint8_t flags) {
  const uint32_t number = ++p.next_decision;
  if (IsPublic(funding)) {
    p.public_all += amount;
    p.public_final += amount;
    if (p.public_all > p.budget_guard && !p.overrun) {
      // A top-up before the money is decided: no budget is ever exceeded
      // by accident.
      p.budget_guard = RoundUp(p.public_all + p.public_all / 7, 100'000'000);
      p.amendments.push_back(Amendment{});
      Schedule(day, Action{.effective = day, .kind = Act::kPlanAmended, .a = static_cast<int32_t>(&p - plans_.data()),
                           .b = static_cast<int32_t>(p.amendments.size() - 1), .doc = Doc(), .amount = p.budget_guard});
    }
  }
  Schedule(fday, Action{.effective = fday, .kind = Act::kFundingDecided, .flags = flags, .small = funding, .a = course,
                        .b = ordinal, .c = static_cast<int32_t>(number), .amount = amount});
  return number;
}

bool Simulation::Enroll(int32_t ci, int32_t day, uint8_t klass, int extra) {
  Course& k = courses_[static_cast<size_t>(ci)];
  Plan& p = plans_[static_cast<size_t>(k.plan)];
  const ProgramInfo& info = kPrograms[k.program];
  const bool degree = info.family == Family::kDegree;
  const bool pub = klass == 0;
  QuotaCell* cell = degree ? FindCell(p, k.program, klass, k.location) : nullptr;
  if (degree && extra == kRegular && (cell == nullptr || cell->used >= cell->quota)) return false;
  if (!Fits(kPerTrainee)) return false;

  Want want;
  want.public_degree = degree && pub;
  want.postgrad_public = info.postgrad && pub;
  want.medical = k.program == kSpecialist1 || k.program == kSpecialist2;
  want.leader = (k.program == kPtAdvanced || k.program == kSmSenior || k.program == kLeadership) && rng_.Chance(0.7);
  want.long_course = k.end - k.start >= 150;
  Injected age_kind = k.start < reorg_day_ ? Injected::kAgeLimit2017 : Injected::kAgeLimit2025;
  want.age_over = want.postgrad_public && extra == kRegular && ShouldInject(age_kind, 0.01);
  int32_t who = PickPerson(p, k, day, want);
  if (who < 0 && want.age_over) {
    want.age_over = false;
    who = PickPerson(p, k, day, want);
  }
  if (who < 0) return false;
  Person& per = persons_[static_cast<size_t>(who)];
  if (want.age_over) Count(age_kind);
  per.last_course = ci;
  const int32_t ordinal = ++k.enrolled;
  ++stats_.enrollments;
  if (cell != nullptr) ++cell->used;
  const uint8_t funding = pub ? (rng_.Chance(per.category == 2 ? 0.5 : 0.25) ? kUnitFund : kStateBudget)
                              : (rng_.Chance(0.3) ? kScholarship : kSelfFunded);

  // Nominated first (unless NOT_IN_PLAN is injected), then enrolled.
  int32_t enr = rng_.Between(day + 1, std::max(day + 1, k.start - 1));
  const uint64_t key = (static_cast<uint64_t>(who) << 8) | k.program;
  auto nom = p.noms.find(key);
  bool not_in_plan = false;
  if (nom != p.noms.end()) {
    enr = std::max(enr, nom->second);
  } else if (extra == kRegular && ShouldInject(Injected::kNotInPlan, 0.0035)) {
    if (enr - day >= 2 && rng_.Chance(0.25)) {
      // Nominated, the nomination revoked, enrolled all the same.
      int32_t rv = rng_.Between(day + 1, enr);
      Nominate(k, who, day, rv);
    }
    p.noms[key] = -1;
    not_in_plan = true;
    Count(Injected::kNotInPlan);
  } else {
    int32_t nd = rng_.Between(day, enr);
    Nominate(k, who, nd, -1);
    p.noms[key] = nd;
  }
  // DATE_INCONSISTENT: enrolled after the course ended, or a completion
  // dated before it started.
  int date_bad = 0;
  if (extra == kRegular && ShouldInject(Injected::kDateInconsistent, 0.0008)) {
    date_bad = enr < k.start && rng_.Chance(0.5) ? 2 : 1;
    if (date_bad == 1) enr = k.end + rng_.Between(1, 30);
    Count(Injected::kDateInconsistent);
  }
  Schedule(enr, Action{.effective = enr, .kind = Act::kEnrollment, .small = funding, .a = ci, .b = ordinal, .c = who, .doc = k.doc});

  // The outcome.
  int32_t wd = -1;
  bool dropout = false;
  // Injected violations that need the enrollment to stay active keep it.
  if (!k.no_withdraw && extra == kRegular && date_bad == 0 && !not_in_plan && !want.age_over) {
    if (degree && pub && ShouldInject(Injected::kDroppedOut, 0.015)) {
      dropout = true;
      wd = rng_.Between(k.start, std::min(k.end - 1, k.start + 400));
      Count(Injected::kDroppedOut);
    } else if (k.start - enr >= 2 && rng_.Chance(0.02)) {
      wd = rng_.Between(enr + 1, k.start - 1);
    } else if (!(degree && pub) && k.end > k.start && rng_.Chance(0.008)) {
      wd = rng_.Between(k.start, k.end - 1);
    }
  }
  int32_t done = -1;
  bool failed = false;
  if (wd >= 0) {
    Schedule(wd, Action{.effective = wd, .kind = Act::kWithdrawal, .flags = static_cast<uint8_t>(dropout ? kDropOut : 0),
                        .small = static_cast<uint16_t>(rng_.Below(dropout ? std::size(kDropOutReasons) : std::size(kWithdrawReasons))),
                        .a = ci, .b = ordinal, .doc = Doc()});
  } else if (date_bad != 0 || extra != kRegular || !ShouldInject(Injected::kOverdue, 0.004)) {
    failed = extra == kRegular && date_bad == 0 && ShouldInject(Injected::kFailed, 0.012);
    if (failed) Count(Injected::kFailed);
    done = date_bad == 2 ? rng_.Between(enr, k.start - 1)
           : date_bad == 1 ? enr + rng_.Between(1, 10)
                           : k.end + rng_.Between(1, 25);
    const bool certified = !failed && (info.family != Family::kFostering || rng_.Chance(0.7));
    Schedule(done, Action{.effective = done, .kind = Act::kCompletion, .small = failed, .a = ci, .b = ordinal,
                          .doc = certified ? ++certificate_counter_ : 0});
  } else {
    Count(Injected::kOverdue);  // never completed, never withdrawn
  }

  // The money: decided within ten days of enrolling, before any withdrawal.
  auto funding_day = [&] {
    int32_t fday = rng_.Between(enr, std::max(enr, std::min(enr + 10, k.end)));
    return wd >= 0 ? std::min(fday, wd - 1) : fday;
  };
  int64_t decided = 0;
  if (pub && !k.course_level_funding) {
    int32_t fday = funding_day();
    const bool after_withdrawal = wd >= 0 && !dropout && ShouldInject(Injected::kFundingWithoutEnrollment, 0.05);
    if (after_withdrawal) {
      fday = wd + rng_.Between(0, 20);
      Count(Injected::kFundingWithoutEnrollment);
    }
    const uint32_t number = ScheduleFunding(p, ci, ordinal, day, fday, funding, k.cost, 0);
    decided = k.cost;
    if (wd >= 0 && !dropout && !after_withdrawal) {
      // Withdrawn before the start: the decision is revoked.
      int32_t rv = rng_.Between(wd, wd + 40);
      Schedule(rv, Action{.effective = rv, .kind = Act::kFundingRevoked, .small = 0, .a = ci, .c = static_cast<int32_t>(number), .doc = Doc()});
      p.public_final -= k.cost;
    } else if (wd < 0) {
      if (ShouldInject(Injected::kDuplicateFunding, 0.002)) {
        ScheduleFunding(p, ci, ordinal, day, fday + rng_.Between(1, 20), funding, k.cost, 0);
        Count(Injected::kDuplicateFunding);
      } else if (rng_.Chance(0.003)) {
        // A duplicate decision, revoked (as in shared/examples/sample.jsonl).
        int32_t dup = fday + rng_.Between(1, 10);
        uint32_t n2 = ScheduleFunding(p, ci, ordinal, day, dup, funding, k.cost, 0);
        int32_t rv = dup + rng_.Between(1, 30);
        Schedule(rv, Action{.effective = rv, .kind = Act::kFundingRevoked, .small = 1, .a = ci, .c = static_cast<int32_t>(n2), .doc = Doc()});
        p.public_final -= k.cost;
      } else if (rng_.Chance(0.0015)) {
        // A duplicate keyed in by mistake, retracted by a correction.
        ScheduleFunding(p, ci, ordinal, day, fday, funding, k.cost, kRetractLater);
        p.public_final -= k.cost;
      }
    }
  } else if (funding == kScholarship && rng_.Chance(0.5)) {
    ScheduleFunding(p, ci, ordinal, day, funding_day(), funding, k.cost, 0);
  }

  // Afterwards: compensation, service owed, qualifications.
  if (degree && pub && decided > 0) {
    const int32_t when = dropout ? wd : done;
    if ((failed || dropout) && when >= 0) {
      if (rng_.Chance(0.4)) {
        int32_t rd = when + rng_.Between(30, 180);
        Schedule(rd, Action{.effective = rd, .kind = Act::kReimbursement, .a = ci, .b = ordinal, .c = who, .doc = Doc(),
                            .amount = Fraction(rng_, decided, 30, 100)});
      }
      if (rng_.Chance(dropout ? 0.2 : 0.1)) {
        int32_t ed = when + rng_.Between(10, 90);
        Schedule(ed, Action{.effective = ed, .kind = Act::kExemption, .small = static_cast<uint16_t>(rng_.Below(3)), .a = ci,
                            .b = ordinal, .c = who, .doc = Doc()});
      }
    }
  }
  if (degree && pub && done >= 0 && !failed && date_bad == 0) {
    const int factor = per.category != 2 && k.start >= reorg_day_ ? 3 : 2;
    const int32_t owed = factor * MonthsBetween(Date::FromDays(k.start), Date::FromDays(k.end));
    if (extra == kRegular && per.commit_until < day && per.leave_at == kNever && per.busy_until <= done &&
        ShouldInject(Injected::kServiceBreach, 0.02)) {
      // Leaves within a third of the service owed.
      int32_t leave = done + rng_.Between(60, std::max(61, owed * 10));
      per.leave_at = leave;
      --active_persons_;
      --active_in_[static_cast<size_t>(per.province)];
      Schedule(leave, Action{.effective = leave, .kind = Act::kPersonLeft, .small = static_cast<uint16_t>(rng_.Below(2)), .a = who, .doc = Doc()});
      Count(Injected::kServiceBreach);
      if (rng_.Chance(0.5)) {
        int32_t rd = leave + rng_.Between(30, 120);
        Schedule(rd, Action{.effective = rd, .kind = Act::kReimbursement, .a = ci, .b = ordinal, .c = who, .doc = Doc(),
                            .amount = Fraction(rng_, decided, 20, 80)});
      }
      if (rng_.Chance(0.15)) {
        int32_t ed = leave + rng_.Between(10, 60);
        Schedule(ed, Action{.effective = ed, .kind = Act::kExemption, .small = static_cast<uint16_t>(rng_.Chance(0.5) ? 3 : 0),
                            .a = ci, .b = ordinal, .c = who, .doc = Doc()});
      }
    } else {
      per.commit_until = std::max(per.commit_until, done + owed * 31 + 31);
    }
  }
  if (info.postgrad && pub) per.public_postgrad = true;
  if (done >= 0 && !failed && info.family != Family::kFostering && rng_.Chance(0.7)) {
    int32_t qd = done + rng_.Between(5, 60);
    Action q{.effective = qd, .kind = Act::kQualification, .small = k.program, .a = who};
    if (ShouldInject(Injected::kMissingReference, 0.001)) {
      q.flags = kBadRef;  // the person's id mistyped
      Count(Injected::kMissingReference);
    }
    Schedule(qd, q);
  }
  per.busy_until = std::max({per.busy_until, wd, done, k.end});
  if (want.long_course) per.long_busy_until = std::max(per.long_busy_until, k.end + 30);
  return true;
}

}  // namespace tledger::gen
