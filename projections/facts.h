// The facts projections fold: each event type reduced to what tallies and
// rules need, with ids interned. Value types.
#ifndef TLEDGER_PROJECTIONS_FACTS_H_
#define TLEDGER_PROJECTIONS_FACTS_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/event.capnp.h"

namespace tledger {

// An interned id. Each kind of id (units, persons, plans, courses,
// enrollments, decisions, field codes, event ids) has its own Interner, so a
// Sym is a dense index into that kind's arrays. 0 is "none".
using Sym = uint32_t;
inline constexpr Sym kNoSym = 0;

// Strings to dense numbers and back, compactly: names live in arena blocks
// that never move, indexed by an open-addressing table of (hash, Sym).
class Interner {
 public:
  Interner();
  Interner(const Interner& other);
  Interner& operator=(const Interner& other);
  Interner(Interner&&) noexcept;
  Interner& operator=(Interner&&) noexcept;
  ~Interner();

  Sym Intern(std::string_view s);
  // kNoSym when `s` was never interned.
  Sym Find(std::string_view s) const;
  std::string_view Name(Sym s) const { return names_[s]; }
  // One more than the largest Sym: the size of arrays indexed by Sym.
  size_t size() const { return names_.size(); }

 private:
  void Grow();
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  std::vector<std::string_view> names_;  // by Sym, into blocks_
  std::vector<uint64_t> table_;          // (upper 32 bits of the hash) << 32 | Sym; 0 is empty
};

// Where an event stands: its place in the chain (seq) and in valid time.
// Facts of a day are ordered by (effective, seq). A replacement keeps its
// target's seq and event id, and brings its own effective date.
struct Stamp {
  uint64_t seq = 0;
  Date effective;
  Sym event = kNoSym;  // the event's id: the evidence a violation names
  friend bool operator<(const Stamp& a, const Stamp& b) {
    return a.effective != b.effective ? a.effective < b.effective : a.seq < b.seq;
  }
};

using Level = schema::Level;
using Category = schema::Category;
using Program = schema::Program;
using Funding = schema::Funding;
using FundingClass = schema::FundingClass;
using Location = schema::Location;
using Form = schema::Form;

struct QuotaCell {
  Program program;
  FundingClass funding_class;
  Location location;
  int64_t count = 0;
  friend bool operator==(const QuotaCell&, const QuotaCell&) = default;
};
struct PhaseSpec {
  std::vector<Sym> fields;
  Date opens;
  friend bool operator==(const PhaseSpec&, const PhaseSpec&) = default;
};
// A plan's goal for a program: trainee-turns, classes, or both (nullopt:
// not set).
struct TargetSpec {
  Program program;
  std::optional<int64_t> trainee_turns;
  std::optional<int64_t> classes;
  friend bool operator==(const TargetSpec&, const TargetSpec&) = default;
};

struct UnitRegisteredFact {
  Stamp stamp;
  Sym unit, parent;
  Level level;
  Sym name = kNoSym;  // in Symbols::names
};
struct UnitReorganizedFact {
  Stamp stamp;
  schema::ReorgKind kind;
  std::vector<Sym> from;
  Sym to;
};
struct PersonRegisteredFact {
  Stamp stamp;
  Sym person, unit;
  Category category;
  bool leader;
  std::optional<Date> birth_date;
  Sym name = kNoSym;  // in Symbols::names
};
struct PersonTransferredFact {
  Stamp stamp;
  Sym person, unit;
};
struct PersonLeftServiceFact {
  Stamp stamp;
  Sym person;
};
struct QualificationFact {
  Stamp stamp;
  Sym person;
  Program program;
};
struct PlanIssuedFact {
  Stamp stamp;
  Sym plan, issuer;
  std::string title;
  std::string source;  // the event's `source`: the plan's decision number (a replacement keeps its target's)
  int64_t budget_vnd;
  std::vector<QuotaCell> quotas;
  std::vector<Sym> priority_fields;
  std::vector<PhaseSpec> phases;
  std::vector<TargetSpec> targets;
};
struct PlanAmendedFact {
  Stamp stamp;
  Sym plan;
  std::optional<int64_t> budget_vnd;
  std::optional<std::vector<QuotaCell>> quotas;
  std::optional<std::vector<Sym>> priority_fields;
  std::optional<std::vector<PhaseSpec>> phases;
  std::optional<std::vector<TargetSpec>> targets;  // entries given replace the same program's
};
struct NominationFact {
  Stamp stamp;
  Sym plan, person;
  Program program;
  bool approved;  // nomination_approved, or nomination_revoked
};
struct CourseOpenedFact {
  Stamp stamp;
  Sym course, plan, field, unit;
  Program program;
  Form form;
  Location location;
  Date start, end;
  Sym title = kNoSym;  // in Symbols::names (what `find` searches)
};
struct EnrollmentRecordedFact {
  Stamp stamp;
  Sym enrollment, person, course;
  Funding funding;
};
struct EnrollmentWithdrawnFact {
  Stamp stamp;
  Sym enrollment;
};
struct CompletionFact {
  Stamp stamp;
  Sym enrollment;
  bool passed;
};
struct FundingDecidedFact {
  Stamp stamp;
  Sym decision, plan, enrollment, course;
  int64_t amount_vnd;
  Funding funding;
};
struct FundingRevokedFact {
  Stamp stamp;
  Sym decision;
};
struct ExemptionFact {
  Stamp stamp;
  Sym person, enrollment;
  schema::Ground ground;
};
struct ReimbursementFact {
  Stamp stamp;
  Sym person, enrollment;
  int64_t amount_vnd;
};

// Any fact but a correction, in Body union order.
using Fact = std::variant<UnitRegisteredFact, UnitReorganizedFact, PersonRegisteredFact, PersonTransferredFact,
                          PersonLeftServiceFact, QualificationFact, PlanIssuedFact, PlanAmendedFact, NominationFact,
                          CourseOpenedFact, EnrollmentRecordedFact, EnrollmentWithdrawnFact, CompletionFact,
                          FundingDecidedFact, FundingRevokedFact, ExemptionFact, ReimbursementFact>;

struct CorrectionFact {
  Stamp stamp;
  Sym target = kNoSym;  // an event id
  bool retract = false;
  // For `replace` of an ordinary event: the replacement, stamped with its own
  // effective date (the target's seq and id are put in when it applies).
  std::optional<Fact> replacement;
  // For `replace` of a correction: the correction that takes its place.
  std::shared_ptr<const CorrectionFact> replacement_correction;
};

// The type of the event a fact was folded from (the Body union
// discriminant), for a finding that names its evidence's type.
inline uint16_t EventTypeOf(const UnitRegisteredFact&) { return schema::Body::UNIT_REGISTERED; }
inline uint16_t EventTypeOf(const UnitReorganizedFact&) { return schema::Body::UNIT_REORGANIZED; }
inline uint16_t EventTypeOf(const PersonRegisteredFact&) { return schema::Body::PERSON_REGISTERED; }
inline uint16_t EventTypeOf(const PersonTransferredFact&) { return schema::Body::PERSON_TRANSFERRED; }
inline uint16_t EventTypeOf(const PersonLeftServiceFact&) { return schema::Body::PERSON_LEFT_SERVICE; }
inline uint16_t EventTypeOf(const QualificationFact&) { return schema::Body::QUALIFICATION_RECORDED; }
inline uint16_t EventTypeOf(const PlanIssuedFact&) { return schema::Body::PLAN_ISSUED; }
inline uint16_t EventTypeOf(const PlanAmendedFact&) { return schema::Body::PLAN_AMENDED; }
inline uint16_t EventTypeOf(const NominationFact& f) {
  return f.approved ? schema::Body::NOMINATION_APPROVED : schema::Body::NOMINATION_REVOKED;
}
inline uint16_t EventTypeOf(const CourseOpenedFact&) { return schema::Body::COURSE_OPENED; }
inline uint16_t EventTypeOf(const EnrollmentRecordedFact&) { return schema::Body::ENROLLMENT_RECORDED; }
inline uint16_t EventTypeOf(const EnrollmentWithdrawnFact&) { return schema::Body::ENROLLMENT_WITHDRAWN; }
inline uint16_t EventTypeOf(const CompletionFact&) { return schema::Body::COMPLETION_RECORDED; }
inline uint16_t EventTypeOf(const FundingDecidedFact&) { return schema::Body::FUNDING_DECIDED; }
inline uint16_t EventTypeOf(const FundingRevokedFact&) { return schema::Body::FUNDING_REVOKED; }
inline uint16_t EventTypeOf(const ExemptionFact&) { return schema::Body::COMPENSATION_EXEMPTED; }
inline uint16_t EventTypeOf(const ReimbursementFact&) { return schema::Body::REIMBURSEMENT_RECORDED; }

const Stamp& StampOf(const Fact& f);
Stamp& StampOf(Fact& f);

// The funding class of a funding source (shared/spec/events.md).
inline FundingClass ClassOf(Funding f) {
  return f == Funding::STATE_BUDGET || f == Funding::UNIT_FUND ? FundingClass::PUBLIC : FundingClass::SELF;
}
inline bool IsDegree(Program p) { return p <= Program::BACHELOR; }
inline bool IsPostgraduate(Program p) { return p <= Program::SPECIALIST1; }

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_FACTS_H_
