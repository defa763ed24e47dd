// The compliance rules of shared/spec/rules.md, one function per rule, each
// in its own file here. A rule reads the world as of D (AsOf) and adds what
// it finds; it never fails: where a fact it needs is missing it skips the
// case (MISSING_REFERENCE reports the gap). Constants come from
// projections/rulebook.h only.
#ifndef TLEDGER_PROJECTIONS_RULES_RULES_H_
#define TLEDGER_PROJECTIONS_RULES_RULES_H_

#include <string>
#include <vector>

#include "projections/as_of.h"
#include "projections/compensation.h"
#include "projections/outcome.h"

namespace tledger {

// What the rules find, with the formatting they share.
class Findings {
 public:
  explicit Findings(const AsOf& w) : w_(w) {}

  // Adds a violation whose evidence is the event at `evidence`, concerning
  // `plan` (kNoSym: no plan).
  Violation& Add(Rule rule, const Stamp& evidence, Sym plan, std::string subject, Rulebook rulebook,
                 std::string detail_vi, std::string detail_en);
  std::vector<Violation>& violations() { return violations_; }

  const AsOf& world() const { return w_; }
  // The rulebook for a case of `person` in a course starting on `start`
  // (public employees stay on 2017).
  Rulebook CaseRulebook(Sym person, Date start) const;
  // The compensation a case sets: its amount, or zero where an exemption
  // counts for the enrollment, and then both details name the exemption
  // (shared/spec/rules.md, "Compensation").
  int64_t Compensation(const CompensationCase& c, std::string* detail_vi, std::string* detail_en) const;

  // Names, for details and subjects.
  std::string Person(Sym s) const { return std::string(w_.symbols().persons.Name(s)); }
  std::string Plan(Sym s) const { return std::string(w_.symbols().plans.Name(s)); }
  std::string Course(Sym s) const { return std::string(w_.symbols().courses.Name(s)); }
  std::string Enrollment(Sym s) const { return std::string(w_.symbols().enrollments.Name(s)); }
  std::string Decision(Sym s) const { return std::string(w_.symbols().decisions.Name(s)); }
  std::string Unit(Sym s) const { return std::string(w_.symbols().units.Name(s)); }
  std::string Field(Sym s) const { return std::string(w_.symbols().fields.Name(s)); }

 private:
  const AsOf& w_;
  std::vector<Violation> violations_;
};

// "95.000.000 đ" / "95,000,000 VND"; kVndOverflow (projections/money.h)
// as "9.223.372.036.854.775.807 đ trở lên" / "... VND or more".
std::string MoneyVi(int64_t vnd);
std::string MoneyEn(int64_t vnd);
// "phd", "state_budget": the interchange names.
std::string ProgramName(Program p);
std::string FundingName(Funding f);
std::string ClassName(FundingClass c);
std::string LocationName(Location l);

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
