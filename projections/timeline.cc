#include "projections/timeline.h"

namespace tledger {
namespace {

std::string_view View(capnp::Text::Reader t) { return std::string_view(t.cStr(), t.size()); }

// A packed date as read from a (verified) event; an impossible one, which
// import never writes, reads as the epoch rather than aborting a report.
Date DateOf(uint32_t packed) { return Date::FromPacked(packed).value_or(Date()); }

std::optional<Date> OptionalDate(uint32_t packed) {
  if (packed == 0) return std::nullopt;
  return Date::FromPacked(packed);
}

std::vector<QuotaCell> Quotas(capnp::List<schema::Quota>::Reader list) {
  std::vector<QuotaCell> out;
  out.reserve(list.size());
  for (auto q : list) out.push_back(QuotaCell{q.getProgram(), q.getFundingClass(), q.getLocation(), q.getCount()});
  return out;
}

std::vector<Sym> Codes(capnp::List<capnp::Text>::Reader list, Interner& fields) {
  std::vector<Sym> out;
  out.reserve(list.size());
  for (auto t : list) out.push_back(fields.Intern(View(t)));
  return out;
}

std::vector<PhaseSpec> Phases(capnp::List<schema::Phase>::Reader list, Interner& fields) {
  std::vector<PhaseSpec> out;
  out.reserve(list.size());
  for (auto p : list) out.push_back(PhaseSpec{Codes(p.getFields(), fields), DateOf(p.getOpens())});
  return out;
}

// An absent count is stored as -1 (core/event.capnp, $optional).
std::optional<int64_t> OptionalCount(int64_t v) { return v >= 0 ? std::optional<int64_t>(v) : std::nullopt; }

std::vector<TargetSpec> Targets(capnp::List<schema::Target>::Reader list) {
  std::vector<TargetSpec> out;
  out.reserve(list.size());
  for (auto t : list) {
    out.push_back(TargetSpec{t.getProgram(), OptionalCount(t.getTraineeTurns()), OptionalCount(t.getClasses())});
  }
  return out;
}

Sym OptionalSym(bool has, capnp::Text::Reader t, Interner& in) { return has ? in.Intern(View(t)) : kNoSym; }

}  // namespace

std::optional<Fact> Timeline::ToFact(schema::Body::Reader body, const Stamp& st, std::string_view source) {
  Symbols& s = symbols_;
  switch (body.which()) {
    case schema::Body::UNIT_REGISTERED: {
      auto b = body.getUnitRegistered();
      return UnitRegisteredFact{st, s.units.Intern(View(b.getUnit())), OptionalSym(b.hasParent(), b.getParent(), s.units),
                                b.getLevel(), s.names.Intern(View(b.getName()))};
    }
    case schema::Body::UNIT_REORGANIZED: {
      auto b = body.getUnitReorganized();
      std::vector<Sym> from;
      for (auto u : b.getFrom()) from.push_back(s.units.Intern(View(u)));
      return UnitReorganizedFact{st, b.getKind(), std::move(from), OptionalSym(b.hasTo(), b.getTo(), s.units)};
    }
    case schema::Body::PERSON_REGISTERED: {
      auto b = body.getPersonRegistered();
      return PersonRegisteredFact{st,
                                  s.persons.Intern(View(b.getPerson())),
                                  s.units.Intern(View(b.getUnit())),
                                  b.getCategory(),
                                  b.getLeader(),
                                  OptionalDate(b.getBirthDate()),
                                  s.names.Intern(View(b.getName()))};
    }
    case schema::Body::PERSON_TRANSFERRED: {
      auto b = body.getPersonTransferred();
      return PersonTransferredFact{st, s.persons.Intern(View(b.getPerson())), s.units.Intern(View(b.getUnit()))};
    }
    case schema::Body::PERSON_LEFT_SERVICE:
      return PersonLeftServiceFact{st, s.persons.Intern(View(body.getPersonLeftService().getPerson()))};
    case schema::Body::QUALIFICATION_RECORDED: {
      auto b = body.getQualificationRecorded();
      return QualificationFact{st, s.persons.Intern(View(b.getPerson())), b.getProgram()};
    }
    case schema::Body::PLAN_ISSUED: {
      auto b = body.getPlanIssued();
      return PlanIssuedFact{st,
                            s.plans.Intern(View(b.getPlan())),
                            s.units.Intern(View(b.getIssuer())),
                            std::string(View(b.getTitle())),
                            std::string(source),
                            b.getBudgetVnd(),
                            Quotas(b.getQuotas()),
                            Codes(b.getPriorityFields(), s.fields),
                            Phases(b.getPhases(), s.fields),
                            Targets(b.getTargets())};
    }
    case schema::Body::PLAN_AMENDED: {
      auto b = body.getPlanAmended();
      PlanAmendedFact f{st, s.plans.Intern(View(b.getPlan()))};
      if (b.getBudgetVnd() >= 0) f.budget_vnd = b.getBudgetVnd();
      if (b.hasQuotas()) f.quotas = Quotas(b.getQuotas());
      if (b.hasPriorityFields()) f.priority_fields = Codes(b.getPriorityFields(), s.fields);
      if (b.hasPhases()) f.phases = Phases(b.getPhases(), s.fields);
      if (b.hasTargets()) f.targets = Targets(b.getTargets());
      return f;
    }
    case schema::Body::NOMINATION_APPROVED:
    case schema::Body::NOMINATION_REVOKED: {
      bool approved = body.which() == schema::Body::NOMINATION_APPROVED;
      auto b = approved ? body.getNominationApproved() : body.getNominationRevoked();
      return NominationFact{st, s.plans.Intern(View(b.getPlan())), s.persons.Intern(View(b.getPerson())),
                            b.getProgram(), approved};
    }
    case schema::Body::COURSE_OPENED: {
      auto b = body.getCourseOpened();
      return CourseOpenedFact{st,
                              s.courses.Intern(View(b.getCourse())),
                              s.plans.Intern(View(b.getPlan())),
                              s.fields.Intern(View(b.getField())),
                              OptionalSym(b.hasUnit(), b.getUnit(), s.units),
                              b.getProgram(),
                              b.getForm(),
                              b.getLocation(),
                              DateOf(b.getStart()),
                              DateOf(b.getEnd()),
                              s.names.Intern(View(b.getTitle()))};
    }
    case schema::Body::ENROLLMENT_RECORDED: {
      auto b = body.getEnrollmentRecorded();
      return EnrollmentRecordedFact{st, s.enrollments.Intern(View(b.getEnrollment())),
                                    s.persons.Intern(View(b.getPerson())), s.courses.Intern(View(b.getCourse())),
                                    b.getFunding()};
    }
    case schema::Body::ENROLLMENT_WITHDRAWN:
      return EnrollmentWithdrawnFact{st, s.enrollments.Intern(View(body.getEnrollmentWithdrawn().getEnrollment()))};
    case schema::Body::COMPLETION_RECORDED: {
      auto b = body.getCompletionRecorded();
      return CompletionFact{st, s.enrollments.Intern(View(b.getEnrollment())), b.getResult() == schema::Outcome::PASSED};
    }
    case schema::Body::FUNDING_DECIDED: {
      auto b = body.getFundingDecided();
      return FundingDecidedFact{st,
                                s.decisions.Intern(View(b.getDecision())),
                                s.plans.Intern(View(b.getPlan())),
                                OptionalSym(b.hasEnrollment(), b.getEnrollment(), s.enrollments),
                                OptionalSym(b.hasCourse(), b.getCourse(), s.courses),
                                b.getAmountVnd(),
                                b.getFunding()};
    }
    case schema::Body::FUNDING_REVOKED:
      return FundingRevokedFact{st, s.decisions.Intern(View(body.getFundingRevoked().getDecision()))};
    case schema::Body::COMPENSATION_EXEMPTED: {
      auto b = body.getCompensationExempted();
      return ExemptionFact{st, s.persons.Intern(View(b.getPerson())), s.enrollments.Intern(View(b.getEnrollment())),
                           b.getGround()};
    }
    case schema::Body::REIMBURSEMENT_RECORDED: {
      auto b = body.getReimbursementRecorded();
      return ReimbursementFact{st, s.persons.Intern(View(b.getPerson())), s.enrollments.Intern(View(b.getEnrollment())),
                               b.getAmountVnd()};
    }
    case schema::Body::CORRECTION:
      return std::nullopt;
  }
  return std::nullopt;  // a newer writer's type
}

CorrectionFact Timeline::ToCorrection(schema::Correction::Reader c, const Stamp& stamp) {
  CorrectionFact f;
  f.stamp = stamp;
  f.target = symbols_.events.Intern(View(c.getTarget()));
  f.retract = c.getAction() == schema::CorrectionAction::RETRACT;
  if (!f.retract && c.hasReplacement()) {
    auto rep = c.getReplacement();
    // The replacement's own effective date; its seq and id are its target's.
    Stamp rs{0, DateOf(rep.getEffective()), kNoSym};
    if (rep.getBody().isCorrection()) {
      f.replacement_correction = std::make_shared<const CorrectionFact>(ToCorrection(rep.getBody().getCorrection(), rs));
    } else {
      f.replacement = ToFact(rep.getBody(), rs, {});
    }
  }
  return f;
}

void Timeline::Apply(schema::Event::Reader event) {
  ++events_;
  seq_ = event.getSeq();
  recorded_at_ = event.getRecordedAt();
  Sym id = symbols_.events.Intern(View(event.getId()));
  if (slots_.size() <= id) slots_.resize(id + 1);
  Stamp stamp{event.getSeq(), DateOf(event.getEffective()), id};
  schema::Body::Reader body = event.getBody();
  if (body.isCorrection()) {
    slots_[id] = Slot{Slot::kCorrection, static_cast<uint32_t>(corrections_.size())};
    corrections_.push_back(ToCorrection(body.getCorrection(), stamp));
    return;
  }
  std::optional<Fact> fact = ToFact(body, stamp, event.hasSource() ? View(event.getSource()) : std::string_view());
  if (!fact) return;
  std::visit(
      [&](auto& f) {
        auto& table = std::get<std::vector<std::decay_t<decltype(f)>>>(tables_);
        slots_[id] = Slot{static_cast<uint8_t>(fact->index()), static_cast<uint32_t>(table.size())};
        table.push_back(std::move(f));
      },
      *fact);
}

}  // namespace tledger
