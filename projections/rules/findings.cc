#include "projections/rules/rules.h"

#include <algorithm>

namespace tledger {

Violation& Findings::Add(Case what, const Stamp& evidence, Sym plan, std::string subject, Rulebook rulebook,
                         FindingArgs args, std::optional<Category> category) {
  Violation v;
  v.rule = RuleOf(what);
  v.what = what;
  v.kind = KindOf(what);
  v.seq = evidence.seq;
  v.event = EventId(evidence.event);
  v.subject = std::move(subject);
  if (plan != kNoSym) v.plan = Plan(plan);
  v.rulebook = rulebook;
  v.basis = BasisFor(what, rulebook, category, w_.date());
  const auto& cites = BasisOf(v.basis).citations;
  if (plan != kNoSym && std::any_of(cites.begin(), cites.end(), [](const Citation& c) {
        return c.instrument == Instrument::kPlanDecision;
      })) {
    args.plan_document = w_.DocumentOf(plan);
  }
  v.args = std::move(args);
  violations_.push_back(std::move(v));
  return violations_.back();
}

Rulebook Findings::CaseRulebook(Sym person, Date start) const { return tledger::CaseRulebook(w_, person, start); }

std::optional<Category> Findings::CategoryOf(Sym person, Date start) const {
  const PersonRegisteredFact* reg = w_.Registration(person, start);
  return reg != nullptr ? std::optional<Category>(reg->category) : std::nullopt;
}

FindingArgs Findings::About(Sym person, Sym enrollment) const {
  FindingArgs a;
  if (person != kNoSym) {
    a.person = Person(person);
    a.person_name = std::string(w_.PersonName(person));
  }
  if (enrollment != kNoSym) a.enrollment = Enrollment(enrollment);
  return a;
}

void Findings::Compensate(Violation& v, const CompensationCase& c, Sym enrollment) const {
  if (!c.covered) return;
  FindingArgs& a = v.args;
  a.funding_vnd = c.funding;
  a.gross_vnd = c.amount;
  a.repaid_vnd = Repaid(w_, enrollment);
  if (c.exemption != nullptr) {
    a.exemption = EventId(c.exemption->stamp.event);
    a.ground = c.exemption->ground;
    a.outstanding_vnd = 0;
    v.amount_vnd = 0;
  } else {
    a.outstanding_vnd = std::max<int64_t>(c.amount - *a.repaid_vnd, 0);
    v.amount_vnd = c.amount;
  }
}

void CheckAll(Findings& out) {
  CheckAgeLimit(out);
  CheckBudgetExceeded(out);
  CheckDateInconsistent(out);
  CheckDroppedOut(out);
  CheckDuplicateFunding(out);
  CheckFailed(out);
  CheckFundingWithoutEnrollment(out);
  CheckMissingReference(out);
  CheckNotInPlan(out);
  CheckNotPriorityField(out);
  CheckOutsidePhase(out);
  CheckOverdue(out);
  CheckQuotaExceeded(out);
  CheckServiceBreach(out);
  CheckUnitDissolved(out);
}

}  // namespace tledger
