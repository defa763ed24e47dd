#include "projections/as_of.h"

#include <algorithm>

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

}  // namespace

AsOf::AsOf(const Resolved& r, Date d) : r_(r), d_(d) {
  const Symbols& s = *r.symbols;

  courses_.resize(s.courses.size(), nullptr);
  for (Sym c = 1; c < s.courses.size(); ++c) courses_[c] = LatestAsOf(r.courses.Of(c), d);

  enrollments_.resize(s.enrollments.size());
  enrollments_of_.resize(s.persons.size());
  for (Sym e = 1; e < s.enrollments.size(); ++e) {
    Enrollment& en = enrollments_[e];
    en.rec = LatestAsOf(r.enrollments.Of(e), d);
    std::span<const EnrollmentWithdrawnFact> w = UpTo(r.withdrawals.Of(e), d);
    en.withdrawal = w.empty() ? nullptr : &w.front();
    en.completion = LatestAsOf(r.completions.Of(e), d);
    if (en.rec != nullptr) enrollments_of_[en.rec->person].push_back(e);
  }
  for (std::vector<Sym>& list : enrollments_of_) {
    std::sort(list.begin(), list.end(), [&](Sym a, Sym b) { return enrollments_[a].rec->stamp < enrollments_[b].rec->stamp; });
  }

  decisions_.resize(s.decisions.size(), nullptr);
  public_funding_.resize(s.enrollments.size(), 0);
  for (Sym dec = 1; dec < s.decisions.size(); ++dec) {
    decisions_[dec] = LatestAsOf(r.decisions.Of(dec), d);
    if (decisions_[dec] == nullptr || !UpTo(r.revocations.Of(dec), d).empty()) continue;
    live_decisions_.push_back(decisions_[dec]);
  }
  std::sort(live_decisions_.begin(), live_decisions_.end(),
            [](const FundingDecidedFact* a, const FundingDecidedFact* b) { return a->stamp < b->stamp; });
  for (const FundingDecidedFact* f : live_decisions_) {
    if (f->enrollment != kNoSym && ClassOf(f->funding) == FundingClass::PUBLIC) public_funding_[f->enrollment] += f->amount_vnd;
  }

  plans_.resize(s.plans.size());
  for (Sym p = 1; p < s.plans.size(); ++p) {
    const PlanIssuedFact* issued = LatestAsOf(r.plans_issued.Of(p), d);
    if (issued == nullptr) continue;
    // A cell given twice takes its last count, as an amendment's would: one
    // list, read alike by the tallies and QUOTA_EXCEEDED.
    Plan plan{issued, issued->budget_vnd, {}, issued->priority_fields, issued->phases};
    ApplyQuotas(issued->quotas, &plan.quotas);
    for (const PlanAmendedFact& a : UpTo(r.plan_amendments.Of(p), d)) {
      if (a.budget_vnd) plan.budget_vnd = *a.budget_vnd;
      if (a.quotas) ApplyQuotas(*a.quotas, &plan.quotas);
      if (a.priority_fields) plan.priority_fields = *a.priority_fields;
      if (a.phases) plan.phases = *a.phases;
    }
    plans_[p] = std::move(plan);
  }

  ceased_.resize(s.units.size());
  for (const UnitReorganizedFact& reorg : r.reorganizations) {
    if (reorg.stamp.effective > d) break;
    for (Sym u : reorg.from) {
      if (ceased_[u]) continue;
      if (reorg.to == u) continue;  // the unit a merge keeps, or a new name for the same unit
      std::string_view how = reorg.kind == schema::ReorgKind::MERGE    ? "merge"
                             : reorg.kind == schema::ReorgKind::RENAME ? "rename"
                                                                       : "dissolve";
      ceased_[u] = Cessation{reorg.stamp.effective,
                             reorg.kind == schema::ReorgKind::DISSOLVE ? kNoSym : reorg.to, how, reorg.stamp.event};
    }
  }
  if (d >= kDistrictLevelAbolished) {
    for (Sym u = 1; u < s.units.size(); ++u) {
      const UnitRegisteredFact* reg = LatestAsOf(r.unit_registrations.Of(u), d);
      if (reg == nullptr || reg->level != Level::DISTRICT) continue;
      if (ceased_[u] && ceased_[u]->date <= kDistrictLevelAbolished) continue;
      ceased_[u] = Cessation{kDistrictLevelAbolished, kNoSym, "district_abolished", kNoSym};
    }
  }
}

std::optional<int64_t> AsOf::QuotaOf(const Plan& plan, const CellKey& key) {
  bool program_has_cells = false;
  for (const QuotaCell& q : plan.quotas) {
    if (q.program != key.program) continue;
    if (q.funding_class == key.funding_class && q.location == key.location) return q.count;
    program_has_cells = true;
  }
  return program_has_cells ? std::optional<int64_t>(0) : std::nullopt;
}

const std::vector<Sym>& AsOf::EnrollmentsOf(Sym person) const {
  static const std::vector<Sym> kNone;
  return person < enrollments_of_.size() ? enrollments_of_[person] : kNone;
}

const PersonRegisteredFact* AsOf::Registration(Sym person, Date at) const {
  std::span<const PersonRegisteredFact> regs = UpTo(r_.person_registrations.Of(person), d_);
  if (regs.empty()) return nullptr;
  const PersonRegisteredFact* reg = LatestAsOf(regs, std::min(at, d_));
  return reg != nullptr ? reg : &regs.front();
}

Sym AsOf::UnitAt(Sym person, Date at) const {
  at = std::min(at, d_);
  const PersonRegisteredFact* reg = LatestAsOf(r_.person_registrations.Of(person), at);
  const PersonTransferredFact* moved = LatestAsOf(r_.transfers.Of(person), at);
  Sym unit = kNoSym;
  if (reg != nullptr && (moved == nullptr || moved->stamp < reg->stamp)) {
    unit = reg->unit;
  } else if (moved != nullptr) {
    unit = moved->unit;
  }
  return unit == kNoSym ? kNoSym : Follow(unit, at);
}

const PersonLeftServiceFact* AsOf::Leaving(Sym person) const { return LatestAsOf(r_.leavings.Of(person), d_); }

bool AsOf::Nominated(Sym plan, Sym person, Program program, Date at) const {
  bool approved = false;
  for (const NominationFact& n : UpTo(r_.nominations.Of(person), std::min(at, d_))) {
    if (n.plan == plan && n.program == program) approved = n.approved;
  }
  return approved;
}

std::optional<Level> AsOf::LevelOf(Sym unit, Date at) const {
  std::span<const UnitRegisteredFact> regs = UpTo(r_.unit_registrations.Of(unit), d_);
  if (regs.empty()) return std::nullopt;
  const UnitRegisteredFact* reg = LatestAsOf(regs, std::min(at, d_));
  return (reg != nullptr ? reg : &regs.front())->level;
}

Sym AsOf::Follow(Sym unit, Date at) const {
  for (int i = 0; i < kMaxFollow && unit < ceased_.size(); ++i) {
    const std::optional<Cessation>& c = ceased_[unit];
    if (!c || c->date > at || c->successor == kNoSym) break;
    unit = c->successor;
  }
  return unit;
}

Sym AsOf::Restate(Sym unit) const {
  for (int i = 0; i < kMaxFollow; ++i) {
    unit = Follow(unit, d_);
    const std::optional<Cessation>& c = unit < ceased_.size() ? ceased_[unit] : std::nullopt;
    if (!c || c->successor != kNoSym) return unit;
    // Dissolved: what it was part of takes its place.
    const UnitRegisteredFact* reg = LatestAsOf(r_.unit_registrations.Of(unit), d_);
    if (reg == nullptr || reg->parent == kNoSym) return unit;
    unit = reg->parent;
  }
  return unit;
}

}  // namespace tledger
