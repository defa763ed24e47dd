#include "projections/compensation.h"

#include <algorithm>

#include "projections/money.h"

namespace tledger {
namespace {

const ExemptionFact* Exemption(const AsOf& w, Sym e, Horizon* h) {
  return LatestAsOf(w.resolved().exemptions.Of(e), w.date(), h);
}

}  // namespace

Rulebook CaseRulebook(const AsOf& w, Sym person, Date start) {
  const PersonRegisteredFact* reg = w.Registration(person, start);
  return reg != nullptr ? RulebookFor(start, reg->category) : RulebookOn(start);
}

std::optional<CompensationCase> FailedCase(const AsOf& w, Sym e) {
  AsOf::Enrollment en = w.Enr(e);
  if (en.rec == nullptr || en.completion == nullptr || en.completion->passed) return std::nullopt;
  CompensationCase c{Rule::kFailed, en.completion->stamp, en.rec->person};
  c.course = w.Course(en.rec->course);
  c.rulebook = c.course != nullptr ? CaseRulebook(w, en.rec->person, c.course->start)
                                   : RulebookOn(en.completion->stamp.effective);
  c.covered = c.course != nullptr && ClassOf(en.rec->funding) == FundingClass::PUBLIC &&
              CompensationCovers(c.rulebook, c.course->program);
  c.funding = c.amount = w.PublicFunding(e);
  c.exemption = Exemption(w, e, w.horizon());
  c.completion = en.completion;
  return c;
}

std::optional<CompensationCase> DroppedOutCase(const AsOf& w, Sym e) {
  AsOf::Enrollment en = w.Enr(e);
  if (en.rec == nullptr || en.withdrawal == nullptr || ClassOf(en.rec->funding) != FundingClass::PUBLIC) {
    return std::nullopt;
  }
  const CourseOpenedFact* course = w.Course(en.rec->course);
  if (course == nullptr || !IsDegree(course->program) || en.withdrawal->stamp.effective < course->start) {
    return std::nullopt;
  }
  CompensationCase c{Rule::kDroppedOut, en.withdrawal->stamp, en.rec->person};
  c.course = course;
  c.rulebook = CaseRulebook(w, en.rec->person, course->start);
  c.covered = CompensationCovers(c.rulebook, course->program);
  c.funding = c.amount = w.PublicFunding(e);
  c.exemption = Exemption(w, e, w.horizon());
  c.withdrawal = en.withdrawal;
  return c;
}

std::optional<CompensationCase> ServiceBreachCase(const AsOf& w, Sym e) {
  AsOf::Enrollment en = w.Enr(e);
  if (en.rec == nullptr || en.completion == nullptr || !en.completion->passed ||
      ClassOf(en.rec->funding) != FundingClass::PUBLIC) {
    return std::nullopt;
  }
  const PersonLeftServiceFact* leaving = w.Leaving(en.rec->person);
  if (leaving == nullptr) return std::nullopt;
  const CourseOpenedFact* course = w.Course(en.rec->course);
  if (course == nullptr || !IsDegree(course->program)) return std::nullopt;
  if (leaving->stamp.effective < en.completion->stamp.effective) return std::nullopt;  // left before it ended
  CompensationCase c{Rule::kServiceBreach, leaving->stamp, en.rec->person};
  c.rulebook = CaseRulebook(w, en.rec->person, course->start);
  c.covered = CompensationCovers(c.rulebook, course->program);
  c.t1 = static_cast<int64_t>(Info(c.rulebook).service_factor) * MonthsBetween(course->start, course->end);
  c.t2 = MonthsBetween(en.completion->stamp.effective, leaving->stamp.effective);
  if (c.t1 <= 0 || c.t2 >= c.t1) return std::nullopt;
  c.funding = w.PublicFunding(e);
  // F x (T1 - T2) / T1 <= F: exact in 128 bits; F too large stays so.
  c.amount = c.funding == kVndOverflow ? kVndOverflow
                                       : static_cast<int64_t>(static_cast<__int128>(c.funding) * (c.t1 - c.t2) / c.t1);
  c.exemption = Exemption(w, e, w.horizon());
  c.course = course;
  c.completion = en.completion;
  c.leaving = leaving;
  return c;
}

int64_t Repaid(const AsOf& w, Sym e) {
  int64_t paid = 0;
  for (const ReimbursementFact& r : UpTo(w.resolved().reimbursements.Of(e), w.date(), w.horizon())) {
    paid = AddVnd(paid, r.amount_vnd);
  }
  return paid;
}

int64_t CompensationOwed(const AsOf& w, Sym e) {
  std::optional<int64_t> owed;
  for (auto judge : {FailedCase, DroppedOutCase, ServiceBreachCase}) {
    if (std::optional<CompensationCase> c = judge(w, e); c && c->covered) {
      if (c->exemption != nullptr) return 0;
      owed = std::max(owed.value_or(0), c->amount);
    }
  }
  if (!owed) return 0;
  int64_t paid = Repaid(w, e);
  if (*owed == kVndOverflow) return kVndOverflow;  // too large to know what is left
  if (paid == kVndOverflow) return 0;              // more than was owed
  return std::max<int64_t>(SubVnd(*owed, paid), 0);
}

}  // namespace tledger
