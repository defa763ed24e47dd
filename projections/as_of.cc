#include "projections/as_of.h"

#include <algorithm>

#include "projections/money.h"

namespace tledger {
namespace {

// Merges and renames form chains; a tampered or careless ledger could make a
// cycle, so following one stops after this many steps.
constexpr int kMaxFollow = 64;

void ApplyQuotas(const std::vector<QuotaCell>& given, std::vector<QuotaCell>* cells) {
  for (const QuotaCell& q : given) {
    auto same = std::find_if(cells->begin(), cells->end(), [&](const QuotaCell& c) {
      return c.program == q.program && c.funding_class == q.funding_class && c.location == q.location;
    });
    if (same != cells->end()) {
      same->count = q.count;
    } else {
      cells->push_back(q);
    }
  }
}

// An entry replaces the same program's (the last given, within one list);
// the list stays in program order.
void ApplyTargets(const std::vector<TargetSpec>& given, std::vector<TargetSpec>* targets) {
  for (const TargetSpec& t : given) {
    auto at = std::lower_bound(targets->begin(), targets->end(), t.program,
                               [](const TargetSpec& a, Program p) { return a.program < p; });
    if (at != targets->end() && at->program == t.program) {
      *at = t;
    } else {
      targets->insert(at, t);
    }
  }
}

}  // namespace

std::optional<int64_t> AsOf::QuotaOf(const Plan& plan, const CellKey& key) {
  bool program_has_cells = false;
  for (const QuotaCell& q : plan.quotas) {
    if (q.program != key.program) continue;
    if (q.funding_class == key.funding_class && q.location == key.location) return q.count;
    program_has_cells = true;
  }
  return program_has_cells ? std::optional<int64_t>(0) : std::nullopt;
}

AsOf::Enrollment AsOf::Enr(Sym e) const {
  return Enrollment{LatestAsOf(r_.enrollments.Of(e), d_, h_), FirstAsOf(r_.withdrawals.Of(e), d_, h_),
                    LatestAsOf(r_.completions.Of(e), d_, h_)};
}

bool AsOf::Active(Sym e) const {
  return LatestAsOf(r_.enrollments.Of(e), d_, h_) != nullptr && FirstAsOf(r_.withdrawals.Of(e), d_, h_) == nullptr;
}

std::vector<Sym> AsOf::EnrollmentsOf(Sym person) const {
  std::vector<std::pair<Stamp, Sym>> found;
  for (Sym e : r_.enrollments_by_person.Of(person)) {
    const EnrollmentRecordedFact* rec = LatestAsOf(r_.enrollments.Of(e), d_, h_);
    if (rec != nullptr && rec->person == person) found.emplace_back(rec->stamp, e);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Sym> out;
  out.reserve(found.size());
  for (const auto& [stamp, e] : found) out.push_back(e);
  return out;
}

int64_t AsOf::PublicFunding(Sym e) const {
  int64_t sum = 0;
  ForEachPublicDecision(e, [&](const FundingDecidedFact& f) { sum = AddVnd(sum, f.amount_vnd); });
  return sum;
}

const std::vector<const FundingDecidedFact*>& AsOf::LiveDecisions() const {
  if (!live_decisions_) {
    std::vector<const FundingDecidedFact*> live;
    for (Sym dec = 1; dec < symbols().decisions.size(); ++dec) {
      const FundingDecidedFact* f = LatestAsOf(r_.decisions.Of(dec), d_);
      if (f != nullptr && FirstAsOf(r_.revocations.Of(dec), d_) == nullptr) live.push_back(f);
    }
    std::sort(live.begin(), live.end(),
              [](const FundingDecidedFact* a, const FundingDecidedFact* b) { return a->stamp < b->stamp; });
    live_decisions_ = std::move(live);
  }
  return *live_decisions_;
}

const AsOf::Plan* AsOf::PlanOf(Sym p) const {
  auto [it, added] = plans_.try_emplace(p);
  if (added) {
    const PlanIssuedFact* issued = LatestAsOf(r_.plans_issued.Of(p), d_, h_);
    if (issued != nullptr) {
      // A cell given twice takes its last count, as an amendment's would:
      // one list, read alike by the tallies and QUOTA_EXCEEDED. A program's
      // target given twice, likewise.
      Plan plan{issued->title,      issued->source, issued->stamp.effective,
                std::string(symbols().units.Name(issued->issuer)), {}, issued->budget_vnd, {},
                issued->priority_fields, issued->phases};
      std::span<const UnitRegisteredFact> regs = r_.unit_registrations.Of(issued->issuer);
      const UnitRegisteredFact* reg = LatestAsOf(regs, d_, h_);
      if (reg == nullptr) reg = FirstAsOf(regs, d_, h_);
      if (reg != nullptr) plan.issuer_name = std::string(symbols().names.Name(reg->name));
      ApplyQuotas(issued->quotas, &plan.quotas);
      ApplyTargets(issued->targets, &plan.targets);
      for (const PlanAmendedFact& a : UpTo(r_.plan_amendments.Of(p), d_, h_)) {
        if (a.budget_vnd) plan.budget_vnd = *a.budget_vnd;
        if (a.quotas) ApplyQuotas(*a.quotas, &plan.quotas);
        if (a.priority_fields) plan.priority_fields = *a.priority_fields;
        if (a.phases) plan.phases = *a.phases;
        if (a.targets) ApplyTargets(*a.targets, &plan.targets);
      }
      it->second = std::move(plan);
    }
  }
  return it->second ? &*it->second : nullptr;
}

std::optional<PlanDocument> AsOf::DocumentOf(Sym p) const {
  const Plan* plan = PlanOf(p);
  if (plan == nullptr) return std::nullopt;
  return PlanDocument{std::string(symbols().plans.Name(p)), plan->title, plan->source, plan->issued, plan->issuer,
                      plan->issuer_name};
}

std::string_view AsOf::PersonName(Sym person) const {
  const PersonRegisteredFact* reg = Registration(person, d_);
  return reg != nullptr ? symbols().names.Name(reg->name) : std::string_view();
}

std::string_view AsOf::UnitName(Sym unit) const {
  std::span<const UnitRegisteredFact> regs = UpTo(r_.unit_registrations.Of(unit), d_, h_);
  return regs.empty() ? std::string_view() : symbols().names.Name(regs.back().name);
}

Sym AsOf::ParentOf(Sym unit) const {
  std::span<const UnitRegisteredFact> regs = UpTo(r_.unit_registrations.Of(unit), d_, h_);
  return regs.empty() ? kNoSym : regs.back().parent;
}

const PersonRegisteredFact* AsOf::Registration(Sym person, Date at) const {
  // The prefix up to D is tracked; the latest of it by `at` is then fixed.
  std::span<const PersonRegisteredFact> regs = UpTo(r_.person_registrations.Of(person), d_, h_);
  if (regs.empty()) return nullptr;
  const PersonRegisteredFact* reg = LatestAsOf(regs, std::min(at, d_));
  return reg != nullptr ? reg : &regs.front();
}

Sym AsOf::UnitAt(Sym person, Date at) const {
  Horizon* h = Tracked(at);
  at = std::min(at, d_);
  const PersonRegisteredFact* reg = LatestAsOf(r_.person_registrations.Of(person), at, h);
  const PersonTransferredFact* moved = LatestAsOf(r_.transfers.Of(person), at, h);
  Sym unit = kNoSym;
  if (reg != nullptr && (moved == nullptr || moved->stamp < reg->stamp)) {
    unit = reg->unit;
  } else if (moved != nullptr) {
    unit = moved->unit;
  }
  return unit == kNoSym ? kNoSym : Follow(unit, at);
}

bool AsOf::Nominated(Sym plan, Sym person, Program program, Date at) const {
  bool approved = false;
  for (const NominationFact& n : UpTo(r_.nominations.Of(person), std::min(at, d_), Tracked(at))) {
    if (n.plan == plan && n.program == program) approved = n.approved;
  }
  return approved;
}

std::optional<Cessation> AsOf::Ceased(Sym unit) const {
  std::optional<Cessation> c = unit < r_.cessations.size() ? r_.cessations[unit] : std::nullopt;
  if (c && d_ < c->date) c.reset();
  if (d_ >= kDistrictLevelAbolished && (!c || c->date > kDistrictLevelAbolished)) {
    const UnitRegisteredFact* reg = LatestAsOf(r_.unit_registrations.Of(unit), d_);
    if (reg != nullptr && reg->level == Level::DISTRICT) {
      c = Cessation{kDistrictLevelAbolished, kNoSym, "district_abolished", kNoSym};
    }
  }
  return c;
}

std::optional<Level> AsOf::LevelOf(Sym unit, Date at) const {
  std::span<const UnitRegisteredFact> regs = r_.unit_registrations.Of(unit);
  const UnitRegisteredFact* first = FirstAsOf(regs, d_, h_);
  if (first == nullptr) return std::nullopt;
  const UnitRegisteredFact* reg = LatestAsOf(regs, std::min(at, d_), Tracked(at));
  return (reg != nullptr ? reg : first)->level;
}

Sym AsOf::Follow(Sym unit, Date at) const {
  Horizon* h = Tracked(at);
  at = std::min(at, d_);
  for (int i = 0; i < kMaxFollow && unit < r_.cessations.size(); ++i) {
    const std::optional<Cessation>& c = r_.cessations[unit];
    if (!c || c->successor == kNoSym) break;
    if (c->date > at) {
      if (h != nullptr) h->Limit(c->date);
      break;
    }
    unit = c->successor;
  }
  return unit;
}

Sym AsOf::Restate(Sym unit) const {
  for (int i = 0; i < kMaxFollow; ++i) {
    unit = Follow(unit, d_);
    std::optional<Cessation> c = Ceased(unit);
    if (!c || c->successor != kNoSym) return unit;
    // Dissolved: what it was part of takes its place.
    const UnitRegisteredFact* reg = LatestAsOf(r_.unit_registrations.Of(unit), d_);
    if (reg == nullptr || reg->parent == kNoSym) return unit;
    unit = reg->parent;
  }
  return unit;
}

bool UnitSubtree::Contains(Sym unit) {
  if (unit == kNoSym || top_ == kNoSym) return false;
  auto [it, added] = memo_.try_emplace(unit, false);
  if (!added) return it->second;
  bool under = false;
  Sym u = unit;
  for (size_t steps = 0; u != kNoSym && steps <= w_.symbols().units.size(); ++steps) {
    if (u == top_) {
      under = true;
      break;
    }
    u = w_.ParentOf(u);
  }
  memo_[unit] = under;
  return under;
}

}  // namespace tledger
