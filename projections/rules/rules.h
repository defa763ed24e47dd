// The compliance rules of shared/spec/rules.md, one function per rule, each
// in its own file here. A rule reads the world as of D (AsOf) and adds what
// it finds; it never fails: where a fact it needs is missing it skips the
// case (MISSING_REFERENCE reports the gap). Constants come from
// projections/rulebook.h only.
#ifndef TLEDGER_PROJECTIONS_RULES_RULES_H_
#define TLEDGER_PROJECTIONS_RULES_RULES_H_

#include <optional>
#include <string>
#include <vector>

#include "projections/as_of.h"
#include "projections/compensation.h"
#include "projections/outcome.h"

namespace tledger {

// What the rules find: each finding as data (its case, typed arguments,
// kind and legal basis), never a sentence: the words are the catalog's
// (tools/cli/finding_catalog.h).
class Findings {
 public:
  explicit Findings(const AsOf& w) : w_(w) {}

  // Adds a finding of case `what` whose evidence is the event at
  // `evidence`, concerning `plan` (kNoSym: no plan), judged by `rulebook`.
  // Its kind is KindOf(what), its basis BasisFor(what, rulebook, category,
  // D); a basis that cites the plan's decision gets it in
  // args.plan_document.
  Violation& Add(Case what, const Stamp& evidence, Sym plan, std::string subject, Rulebook rulebook, FindingArgs args,
                 std::optional<Category> category = std::nullopt);
  std::vector<Violation>& violations() { return violations_; }

  const AsOf& world() const { return w_; }
  // The rulebook for a case of `person` in a course starting on `start`
  // (public employees stay on 2017).
  Rulebook CaseRulebook(Sym person, Date start) const;
  // The category of the person's registration read for a course starting
  // on `start` (nullopt: not registered).
  std::optional<Category> CategoryOf(Sym person, Date start) const;
  // Puts a compensation case's money into `v`, where đền bù applies: F, the
  // gross amount, what was repaid by D, what is outstanding (zero when an
  // exemption counts, and then the exemption named); v.amount_vnd is the
  // gross amount, zero when exempted (shared/spec/rules.md, "Compensation").
  void Compensate(Violation& v, const CompensationCase& c, Sym enrollment) const;

  // Ids, for subjects and arguments.
  std::string Person(Sym s) const { return std::string(w_.symbols().persons.Name(s)); }
  std::string Plan(Sym s) const { return std::string(w_.symbols().plans.Name(s)); }
  std::string Course(Sym s) const { return std::string(w_.symbols().courses.Name(s)); }
  std::string Enrollment(Sym s) const { return std::string(w_.symbols().enrollments.Name(s)); }
  std::string Decision(Sym s) const { return std::string(w_.symbols().decisions.Name(s)); }
  std::string Unit(Sym s) const { return std::string(w_.symbols().units.Name(s)); }
  std::string Field(Sym s) const { return std::string(w_.symbols().fields.Name(s)); }
  std::string EventId(Sym s) const { return std::string(w_.symbols().events.Name(s)); }
  // Arguments naming a person (id and name as of D) and, when given, an
  // enrollment.
  FindingArgs About(Sym person, Sym enrollment = kNoSym) const;

 private:
  const AsOf& w_;
  std::vector<Violation> violations_;
};

void CheckAgeLimit(Findings& out);
void CheckBudgetExceeded(Findings& out);
void CheckDateInconsistent(Findings& out);
void CheckDroppedOut(Findings& out);
void CheckDuplicateFunding(Findings& out);
void CheckFailed(Findings& out);
void CheckFundingWithoutEnrollment(Findings& out);
void CheckMissingReference(Findings& out);
void CheckNotInPlan(Findings& out);
void CheckNotPriorityField(Findings& out);
void CheckOutsidePhase(Findings& out);
void CheckOverdue(Findings& out);
void CheckQuotaExceeded(Findings& out);
void CheckServiceBreach(Findings& out);
void CheckUnitDissolved(Findings& out);

// Every rule, in the order of Rule.
void CheckAll(Findings& out);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_RULES_RULES_H_
