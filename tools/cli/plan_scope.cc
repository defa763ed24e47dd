#include "tools/cli/plan_scope.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "projections/as_of.h"

namespace tledger {
namespace {

// The plan list of a refusal: enough to spot a typo, never a wall of text.
constexpr size_t kPlansListed = 20;

// The enrollments and events that concern one plan as of D.
class PlanScope {
 public:
  PlanScope(const Resolved& r, Date as_of, Sym plan) : r_(r), w_(r, as_of), plan_(plan) {
    const Symbols& s = *r.symbols;
    in_plan_.assign(s.enrollments.size(), false);
    for (Sym e = 1; e < s.enrollments.size(); ++e) in_plan_[e] = PlanOfEnrollment(e) == plan;
    events_.assign(s.events.size(), false);
    auto mark = [&](const auto& facts, auto plan_of) {
      for (const auto& f : facts) {
        if (plan_of(f) == plan) events_[f.stamp.event] = true;
      }
    };
    auto own_plan = [](const auto& f) { return f.plan; };
    auto enrollment_plan = [&](const auto& f) { return InPlan(f.enrollment) ? plan : kNoSym; };
    mark(r.plans_issued.all(), own_plan);
    mark(r.plan_amendments.all(), own_plan);
    mark(r.nominations.all(), own_plan);
    mark(r.courses.all(), own_plan);
    mark(r.decisions.all(), own_plan);
    mark(r.revocations.all(), [&](const FundingRevokedFact& f) {
      const FundingDecidedFact* d = w_.Decision(f.decision);
      return d != nullptr ? d->plan : kNoSym;
    });
    mark(r.enrollments.all(), enrollment_plan);
    mark(r.withdrawals.all(), enrollment_plan);
    mark(r.completions.all(), enrollment_plan);
    mark(r.exemptions.all(), enrollment_plan);
    mark(r.reimbursements.all(), enrollment_plan);
  }

  bool InPlan(Sym enrollment) const { return enrollment < in_plan_.size() && in_plan_[enrollment]; }

  bool Concerns(const Violation& v) const {
    const Symbols& s = *r_.symbols;
    if (v.subject == s.plans.Name(plan_)) return true;
    Sym event = s.events.Find(v.event);
    if (event != kNoSym && events_[event]) return true;
    return !v.enrollment.empty() && InPlan(s.enrollments.Find(v.enrollment));
  }

  // `r` with only the enrollments of the plan: the engine's tallies over it
  // are the plan's tallies.
  Resolved WithPlanEnrollmentsOnly() const {
    Resolved narrowed = r_;
    std::vector<std::pair<Sym, EnrollmentRecordedFact>> kept;
    for (Sym e = 1; e < in_plan_.size(); ++e) {
      if (!in_plan_[e]) continue;
      for (const EnrollmentRecordedFact& f : r_.enrollments.Of(e)) kept.emplace_back(e, f);
    }
    narrowed.enrollments = Grouped<EnrollmentRecordedFact>(r_.enrollments.keys(), std::move(kept));
    return narrowed;
  }

 private:
  // The plan of the enrollment's course, both as of D.
  Sym PlanOfEnrollment(Sym e) const {
    const EnrollmentRecordedFact* rec = w_.Enr(e).rec;
    const CourseOpenedFact* course = rec != nullptr ? w_.Course(rec->course) : nullptr;
    return course != nullptr ? course->plan : kNoSym;
  }

  const Resolved& r_;
  AsOf w_;
  Sym plan_;
  std::vector<bool> in_plan_;  // by enrollment
  std::vector<bool> events_;   // by event id
};

}  // namespace

Status CheckPlanKnown(const Resolved& resolved, std::string_view plan, Timestamp known_at) {
  const Interner& plans = resolved.symbols->plans;
  Sym p = plans.Find(plan);
  if (p != kNoSym && !resolved.plans_issued.Of(p).empty()) return Status::Ok();
  std::vector<std::string_view> known;
  for (Sym s = 1; s < plans.size(); ++s) {
    if (!resolved.plans_issued.Of(s).empty()) known.push_back(plans.Name(s));
  }
  std::sort(known.begin(), known.end());
  std::string list;
  for (size_t i = 0; i < known.size() && i < kPlansListed; ++i) list += (i > 0 ? ", " : "") + std::string(known[i]);
  if (known.size() > kPlansListed) list += ", ... (" + std::to_string(known.size()) + " in all)";
  return Status::NotFound("--plan: no plan \"" + std::string(plan) + "\" is issued in the ledger as known at " +
                          FormatInstant(known_at) + (known.empty() ? std::string(" (it has no plans)") : " (plans: " + list + ")"));
}

Outcome NarrowToPlan(const Resolved& resolved, const EvaluateOptions& options, std::string_view plan, Outcome full) {
  PlanScope scope(resolved, options.as_of, resolved.symbols->plans.Find(plan));
  Outcome out;
  out.report = std::move(full.report);
  std::erase_if(out.report.plans, [&](const PlanTally& t) { return t.plan != plan; });
  Resolved narrowed = scope.WithPlanEnrollmentsOnly();
  Report tallies = Evaluate(narrowed, options).report;
  out.report.by_level = std::move(tallies.by_level);
  out.report.by_field = std::move(tallies.by_field);
  out.report.by_form = std::move(tallies.by_form);
  out.report.reimbursement_due_vnd = tallies.reimbursement_due_vnd;
  for (Violation& v : full.violations) {
    if (scope.Concerns(v)) out.violations.push_back(std::move(v));
  }
  return out;
}

}  // namespace tledger
