// When public funding must be paid back (shared/spec/rules.md,
// "Compensation"): the cases FAILED, DROPPED_OUT and SERVICE_BREACH judge,
// and what an enrollment still owes. The rules report the cases; the report
// sums what is owed; both read them here, so they always agree.
#ifndef TLEDGER_PROJECTIONS_COMPENSATION_H_
#define TLEDGER_PROJECTIONS_COMPENSATION_H_

#include <optional>

#include "projections/as_of.h"
#include "projections/outcome.h"

namespace tledger {

struct CompensationCase {
  Rule rule;                     // kFailed, kDroppedOut or kServiceBreach
  Stamp evidence;                // the failed completion, the withdrawal, the leaving
  Sym person = kNoSym;
  Rulebook rulebook;
  // Whether the law's đền bù applies (rulebook.h, CompensationCovers; a
  // failure also needs public funding): when not, the case is a warning
  // with no amount, and owes nothing.
  bool covered = false;
  int64_t funding = 0;           // F: public funding decided for the enrollment
  int64_t amount = 0;            // F, or F x (T1 - T2) / T1 rounded down; before any exemption
  int64_t t1 = 0, t2 = 0;        // SERVICE_BREACH: months owed, months served
  const ExemptionFact* exemption = nullptr;  // when set, nothing is owed
  const CourseOpenedFact* course = nullptr;
  const CompletionFact* completion = nullptr;
  const EnrollmentWithdrawnFact* withdrawal = nullptr;
  const PersonLeftServiceFact* leaving = nullptr;
};

// The rulebook for a case of `person` in a course starting on `start`
// (public employees stay on 2017).
Rulebook CaseRulebook(const AsOf& w, Sym person, Date start);

// FAILED: the enrollment's latest counting completion failed (a later pass
// supersedes a failure). `course` is nullptr when the enrollment's course
// is not opened as of D (the case is then not covered).
std::optional<CompensationCase> FailedCase(const AsOf& w, Sym e);
// DROPPED_OUT: a publicly funded degree-program enrollment withdrawn on or
// after its course's start.
std::optional<CompensationCase> DroppedOutCase(const AsOf& w, Sym e);
// SERVICE_BREACH: the person's leaving of service, months(completion,
// leaving) short of T1 = factor x months(start, end) after a passed publicly
// funded degree program. Leaving before the completion is no breach.
std::optional<CompensationCase> ServiceBreachCase(const AsOf& w, Sym e);

// What was paid back for the enrollment by D (every reimbursement effective
// by then, whenever it was paid); kVndOverflow when the sum reaches it.
int64_t Repaid(const AsOf& w, Sym e);

// What the enrollment still owes as of D: the largest amount of its covered
// cases, less what was paid back; zero where an exemption counts; never
// below zero.
int64_t CompensationOwed(const AsOf& w, Sym e);

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_COMPENSATION_H_
