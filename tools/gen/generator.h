// tledger-gen's model: a deterministic generator of a realistic national
// ledger of the training and fostering of cadres, civil servants and public
// employees, written as JSON Lines (shared/spec/events.md).
//
//   class Collect : public EventSink { void Line(std::string_view l) override { out += l; } ... };
//   Collect sink;
//   GeneratorStats stats = Generate({.seed = 7, .events = 200000}, sink);
//   stats.injected[Injected::kFailed] ...
//
// Exactly `events` lines, each ending in '\n', every one acceptable to
// `tledger import`. The same options give the same bytes on every platform.
// The model (units before and after the 2025 reorganisation, people, plans,
// courses, enrollments, funding, corrections, backdated events and injected
// rule violations) is described in tools/gen/README.md.
#ifndef TLEDGER_TOOLS_GEN_GENERATOR_H_
#define TLEDGER_TOOLS_GEN_GENERATOR_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tledger::gen {

struct GeneratorOptions {
  uint64_t seed = 1;
  uint64_t events = 0;
};

// Receives the lines in order. Implementations own their buffering.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void Line(std::string_view line) = 0;  // one event, '\n' included
};

// The event types, in the order of core/event.capnp's Body union.
enum class EventType : uint8_t {
  kUnitRegistered, kUnitReorganized, kPersonRegistered, kPersonTransferred, kPersonLeftService,
  kQualificationRecorded, kPlanIssued, kPlanAmended, kNominationApproved, kNominationRevoked,
  kCourseOpened, kEnrollmentRecorded, kEnrollmentWithdrawn, kCompletionRecorded, kFundingDecided,
  kFundingRevoked, kCompensationExempted, kReimbursementRecorded, kCorrection,
};
inline constexpr size_t kEventTypeCount = 19;
std::string_view EventTypeName(EventType t);

// The violation patterns the generator injects, one per rule of
// shared/spec/rules.md (AGE_LIMIT twice: once under each rulebook). A count
// is the number of violations the rule should report for the final ledger
// (as of a date after every course has ended, known now).
enum class Injected : uint8_t {
  kNotInPlan, kQuotaExceeded, kBudgetExceeded, kOverdue, kFailed, kDroppedOut, kOutsidePhase,
  kAgeLimit2017, kAgeLimit2025, kServiceBreach, kFundingWithoutEnrollment, kDuplicateFunding,
  kDateInconsistent, kUnitDissolved, kNotPriorityField, kMissingReference,
};
inline constexpr size_t kInjectedCount = 16;
// The rule's name in shared/spec/rules.md ("AGE_LIMIT" for both rulebooks).
std::string_view RuleName(Injected i);

template <typename E, size_t N>
struct Counts {
  std::array<uint64_t, N> n{};
  uint64_t& operator[](E e) { return n[static_cast<size_t>(e)]; }
  uint64_t operator[](E e) const { return n[static_cast<size_t>(e)]; }
};

struct GeneratorStats {
  uint64_t events = 0;
  int first_year = 0, last_year = 0;  // of the yearly plans
  Counts<EventType, kEventTypeCount> by_type;
  Counts<Injected, kInjectedCount> injected;
  uint64_t backdated = 0;        // emitted later than their effective date's neighbours
  uint64_t corrections_replace = 0, corrections_retract = 0;
  uint64_t filler = 0;           // qualification_recorded lines that pad the stream to exactly N
  uint64_t provinces = 0, units = 0, persons = 0, plans = 0, courses = 0, enrollments = 0;

  // A human-readable summary, one fact a line.
  std::string Format() const;
};

GeneratorStats Generate(const GeneratorOptions& options, EventSink& sink);

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_GENERATOR_H_
