#include "projections/stretches.h"

#include <algorithm>

#include "projections/compensation.h"

namespace tledger {
namespace {

// Evaluates `fn(w)` as of `first` and every later date at which its answer
// changes, calling `emit(from, to)` after each evaluation.
template <typename Eval, typename Emit>
void Sweep(const Resolved& r, Date first, const Eval& eval, const Emit& emit) {
  for (Date d = first; d != Horizon::kForever;) {
    Horizon h;
    AsOf w(r, d, &h);
    eval(w);
    emit(d, h.until);
    d = h.until;
  }
}

// Appends a stretch, or extends the last one when it holds the same value
// and ends where this one starts.
template <typename S, typename Same>
void Append(std::vector<S>& out, S s, const Same& same) {
  if (!out.empty() && out.back().to == s.from && same(out.back(), s)) {
    out.back().to = s.to;
  } else {
    out.push_back(std::move(s));
  }
}

void CountedDates(const Resolved& r, std::vector<Date>* out) {
  auto add = [&](const auto& facts) {
    for (const auto& f : facts) out->push_back(f.stamp.effective);
  };
  add(r.unit_registrations.all());
  add(r.reorganizations);
  add(r.person_registrations.all());
  add(r.transfers.all());
  add(r.leavings.all());
  add(r.qualifications.all());
  add(r.plans_issued.all());
  add(r.plan_amendments.all());
  add(r.nominations.all());
  add(r.courses.all());
  add(r.enrollments.all());
  add(r.withdrawals.all());
  add(r.completions.all());
  add(r.decisions.all());
  add(r.revocations.all());
  add(r.exemptions.all());
  add(r.reimbursements.all());
  out->insert(out->end(), r.live_corrections.begin(), r.live_corrections.end());
  std::sort(out->begin(), out->end());
}

}  // namespace

Stretches BuildStretches(const Resolved& r) {
  const Symbols& s = *r.symbols;
  Stretches out;
  for (Sym e = 1; e < s.enrollments.size(); ++e) {
    std::span<const EnrollmentRecordedFact> versions = r.enrollments.Of(e);
    if (versions.empty()) continue;
    std::optional<EnrollmentTally> tally;
    Sym plan = kNoSym;
    int64_t owed = 0;
    Sweep(
        r, versions.front().stamp.effective,
        [&](const AsOf& w) {
          tally = TallyOf(w, e);
          owed = CompensationOwed(w, e);
          plan = owed > 0 ? PlanOfEnrollment(w, e) : kNoSym;
        },
        [&](Date from, Date to) {
          if (tally) {
            Append(out.enrollments, EnrollmentStretch{from, to, *tally},
                   [](const auto& a, const auto& b) { return a.tally == b.tally; });
          }
          if (owed > 0) {
            Append(out.owed, OwedStretch{from, to, plan, owed},
                   [](const auto& a, const auto& b) { return a.plan == b.plan && a.owed == b.owed; });
          }
        });
  }
  for (Sym dec = 1; dec < s.decisions.size(); ++dec) {
    std::span<const FundingDecidedFact> versions = r.decisions.Of(dec);
    if (versions.empty()) continue;
    const FundingDecidedFact* live = nullptr;
    Sweep(
        r, versions.front().stamp.effective,
        [&](const AsOf& w) {
          live = w.Decision(dec);
          if (live != nullptr && (w.Revoked(dec) || ClassOf(live->funding) != FundingClass::PUBLIC)) live = nullptr;
        },
        [&](Date from, Date to) {
          if (live == nullptr) return;
          Append(out.funding, FundingStretch{from, to, live->plan, live->amount_vnd},
                 [](const auto& a, const auto& b) { return a.plan == b.plan && a.amount_vnd == b.amount_vnd; });
        });
  }
  for (Sym p = 1; p < s.plans.size(); ++p) {
    std::span<const PlanIssuedFact> versions = r.plans_issued.Of(p);
    if (versions.empty()) continue;
    const AsOf::Plan* plan = nullptr;
    std::optional<AsOf::Plan> copy;
    Sweep(
        r, versions.front().stamp.effective,
        [&](const AsOf& w) {
          plan = w.PlanOf(p);
          copy = plan != nullptr ? std::optional<AsOf::Plan>(*plan) : std::nullopt;
        },
        [&](Date from, Date to) {
          if (copy) out.plans.push_back(PlanStretch{from, to, p, std::move(*copy)});
        });
  }
  CountedDates(r, &out.counted);
  return out;
}

Report TalliesFromStretches(const Resolved& r, const Stretches& s, Date d, const TallyOptions& options,
                            Timestamp known_at) {
  AsOf w(r, d);
  TallySum sum(w, options);
  auto holds = [d](const auto& st) { return st.from <= d && d < st.to; };
  for (const EnrollmentStretch& st : s.enrollments) {
    if (holds(st)) sum.Add(st.tally);
  }
  for (const OwedStretch& st : s.owed) {
    if (holds(st)) sum.AddOwed(st.plan, st.owed);
  }
  for (const FundingStretch& st : s.funding) {
    if (holds(st)) sum.AddPublicFunding(st.plan, st.amount_vnd);
  }
  // The plan's events are counted by the full scan: --plan is never cached.
  if (options.plan != kNoSym) return sum.Finish(known_at, EventsCountedFor(w, options.plan));
  auto counted = std::upper_bound(s.counted.begin(), s.counted.end(), d);
  return sum.Finish(known_at, static_cast<uint64_t>(counted - s.counted.begin()));
}

}  // namespace tledger
