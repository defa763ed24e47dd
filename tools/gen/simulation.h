// The machinery behind Generate() (generator.h): a day-by-day simulation of
// a national ledger. Private to tools/gen; see tools/gen/README.md for the
// model and how each rule violation is injected.
//
// Time: a calendar of day buckets of Actions. An Action is either one event
// to write (exactly one line) or an internal step (open a course, plan a
// year, check a retirement ...). Days are processed in order, each bucket in
// the order its actions were scheduled, so the stream is in recording order
// and mostly chronological; a backdated event is an action moved to a later
// bucket with its effective date kept.
//
// Size: every scheduled event counts against the target N before it is
// written (`pending_`), and planned-but-unopened courses hold an estimate
// (`reserved_`). Nothing is scheduled that would take the total past N, so
// no line is ever cut off; whatever is left at the end is padded with
// harmless qualification_recorded lines (counted in GeneratorStats::filler).
#ifndef TLEDGER_TOOLS_GEN_SIMULATION_H_
#define TLEDGER_TOOLS_GEN_SIMULATION_H_

#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "tools/gen/catalog.h"
#include "tools/gen/generator.h"
#include "tools/gen/geography.h"
#include "tools/gen/json_line.h"
#include "tools/gen/rng.h"
#include "tools/gen/vocab.h"

namespace tledger::gen {

inline constexpr int32_t kNever = std::numeric_limits<int32_t>::max();
inline constexpr int32_t kUnknown = -1;

enum class Act : uint8_t {
  // Events, in EventType order: each becomes exactly one line.
  kUnitRegistered, kUnitReorganized, kPersonRegistered, kPersonTransferred, kPersonLeft,
  kQualification, kPlanIssued, kPlanAmended, kNominationApproved, kNominationRevoked,
  kCourseOpened, kEnrollment, kWithdrawal, kCompletion, kFundingDecided, kFundingRevoked,
  kExemption, kReimbursement, kCorrection,
  // Internal steps: no line of their own.
  kOpenCourse, kPlanRound, kRetireCheck, kBudgetOverrun, kReorganize,
};
inline bool IsEvent(Act a) { return a <= Act::kCorrection; }

// person_left_service.reason: an index into kResignReasons, or this.
inline constexpr uint16_t kRetireReasonCode = 100;

// `v` rounded up to a multiple of `unit`.
inline int64_t RoundUp(int64_t v, int64_t unit) { return (v + unit - 1) / unit * unit; }

enum ActFlag : uint8_t {
  kBackdated = 1,      // already moved later once
  kRetractLater = 2,   // a clerk's duplicate: a correction will retract it
  kBadRef = 4,         // names an id no event registers (MISSING_REFERENCE, FUNDING_WITHOUT_ENROLLMENT)
  kDropOut = 8,        // a withdrawal after the course started
};

// One scheduled step. Field use by kind is documented at each Schedule call
// site; `a` is the main subject (person, course, plan, unit, reorg, slot).
struct Action {
  int32_t effective = 0;  // days since 1970-01-01
  Act kind = Act::kUnitRegistered;
  uint8_t flags = 0;
  uint16_t small = 0;     // program, funding, result, reason, ground
  int32_t a = 0;
  int32_t b = 0;
  int32_t c = 0;
  uint32_t doc = 0;       // number of the source document (0: none)
  int64_t amount = 0;     // VND
};
static_assert(sizeof(Action) == 32);

struct Person {
  int32_t unit = 0;
  int32_t registered = 0;
  int32_t birth = kUnknown;       // days, or kUnknown
  int32_t hired = kUnknown;
  int32_t retire = kNever;        // 60th birthday
  int32_t leave_at = kNever;      // day of a scheduled person_left_service
  int32_t busy_until = 0;         // last day of any course outcome
  int32_t long_busy_until = 0;    // last day of a long course (degree, long political theory)
  int32_t commit_until = 0;       // end of the service owed for publicly funded degrees
  int32_t last_course = -1;
  uint32_t number = 0;            // the digits of the id
  int16_t province = 0;           // territory (pre-2025 province index)
  int16_t code_province = 0;      // whose code prefixes the id
  uint8_t family = 0, middle = 0, middle2 = 0xff, given = 0;
  bool female = false;
  uint8_t category = 0;           // index into kCategoryCodes
  uint8_t position = 0;           // index into kPositions
  bool public_postgrad = false;   // has had a publicly funded postgraduate enrollment
};

struct QuotaCell {
  uint8_t program = 0, klass = 0, location = 0;
  int32_t quota = 0;
  int32_t planned = 0;
  int32_t used = 0;               // enrollments so far (withdrawn ones included)
  int32_t courses_left = 0;       // its (program, location) courses not yet opened
  bool inject_over = false;       // QUOTA_EXCEEDED: one enrollment past the quota
};

struct Phase {
  std::vector<uint8_t> fields;
  int32_t opens = 0;
};

struct Amendment {
  double budget_factor = 0;       // 0: minimum only (an automatic top-up)
  int64_t budget = 0;             // set when written
  std::vector<QuotaCell> cells;
  std::vector<uint8_t> priority;  // the whole new list (empty: unchanged)
};

struct Plan {
  std::string id;
  int16_t issuer = 0;             // province index
  std::vector<int16_t> territory; // provinces whose people it trains
  int year = 0;
  int round = 0;                  // 1: a survivor's plan for the second half of 2025
  int32_t issued = 0;
  int32_t first_course = -1;      // its courses are courses_[first_course, +course_count)
  int32_t course_count = 0;
  int64_t budget = 0;             // as issued
  int64_t budget_now = 0;         // with every amendment written so far
  int64_t budget_guard = 0;       // what the scheduler may spend without a top-up
  int64_t public_all = 0;         // public funding scheduled, revoked or not
  int64_t public_final = 0;       // public funding that stays (not revoked)
  std::vector<QuotaCell> cells;
  std::vector<uint8_t> priority;
  std::vector<Phase> phases;
  std::vector<Amendment> amendments;
  int32_t phase_open[std::size(kFields)] = {};  // 0: field not phased
  std::unordered_map<uint64_t, int32_t> noms;   // person<<8|program -> approval day, -1: unusable
  uint32_t next_decision = 0;
  int32_t courses_left = 0;
  bool overrun = false;           // BUDGET_EXCEEDED injected (after its last funding)
  bool quota_zero = false;        // QUOTA_EXCEEDED (quota 0 cell) still to inject
};

struct Course {
  std::string id;
  std::string title;
  int32_t plan = 0;
  uint8_t program = 0, field = 0, form = 0, location = 0;
  uint16_t provider = 0;          // index into Simulation::providers_
  int32_t open = 0, start = 0, end = 0;
  int32_t capacity = -1;
  int32_t unit = -1;
  int32_t planned_public = 0, planned_self = 0;
  int32_t enrolled = 0;           // ordinals handed out
  int32_t reserve = 0;            // events held in reserved_ until it opens
  int64_t cost = 0;               // public cost per trainee, VND
  uint32_t doc = 0;               // the nomination decision's number
  bool course_level_funding = false;
  bool no_withdraw = false;       // its enrollments' count is an injected violation's
  bool not_priority = false;      // NOT_PRIORITY_FIELD injected
  bool outside_phase = false;     // OUTSIDE_PHASE injected
};

// Why a clerk corrected an event (correction.reason).
inline constexpr std::string_view kCorrectionReasons[] = {
    "sai họ tên", "sai số hiệu văn bằng", "sai sĩ số, hình thức lớp học", "sai nguồn kinh phí",
    "sai tên đơn vị", "sai năm kế hoạch trong trích yếu", "sai lý do", "sai chương trình đào tạo",
    "nhập trùng", "ghi nhận nhầm", "đính chính nội dung"};
enum : uint8_t {
  kReasonName, kReasonCertificate, kReasonCourse, kReasonFunding, kReasonUnitName, kReasonPlanTitle,
  kReasonText, kReasonProgram, kReasonDuplicate, kReasonMistaken, kReasonGeneric,
};
uint8_t CorrectionReason(Act kind);

// A correction waiting to be written: its target's event number and the
// replacement object's text (empty for a retraction).
struct CorrectionSlot {
  uint64_t target = 0;
  std::string replacement;
  uint8_t reason = 0;
  bool retract = false;
};

class Simulation {
 public:
  Simulation(const GeneratorOptions& options, EventSink& sink);
  GeneratorStats Run();

 private:
  // ---- simulation.cc: calendar, size budget, emission
  void Setup();
  void Schedule(int32_t day, const Action& a);
  uint64_t Committed() const { return emitted_ + pending_ + reserved_; }
  bool Fits(uint64_t n) const { return Committed() + n <= target_; }
  void Execute(const Action& a, int32_t day);
  void Emit(Action a, int32_t day);
  void SpawnCorrection(const Action& a, int32_t day, bool retract);
  void Fill(int32_t day);
  bool ShouldInject(Injected kind, double rate);
  void Count(Injected kind, uint64_t n = 1) { stats_.injected[kind] += n; }
  uint32_t Doc() { return rng_.Chance(0.08) ? 0 : static_cast<uint32_t>(rng_.Between(1, 4999)); }
  int32_t Day(int y, int m, int d) const;
  bool AfterReorg(int32_t day) const { return day >= reorg_day_; }

  // ---- population.cc: units, people, their careers, the reorganisation
  void SeedPopulation();
  int32_t NewPerson(int16_t province, int32_t day, bool initial);
  int32_t UnitFor(int16_t province, int32_t day);
  void DailyPopulation(int32_t day);
  void Hire(int32_t day);
  void Resign(int32_t day);
  void Transfer(int32_t day);
  void RetireCheck(int32_t person, int32_t day);
  void Reorganize(int32_t day);
  int32_t RandomActivePerson(int32_t day);
  void Leave(int32_t person, int32_t day, uint16_t reason);
  int32_t DissolvedUnitOf(int16_t province);
  int32_t SurvivorUnit(int16_t province) const;

  // ---- planning.cc: yearly plans and their courses
  void PlanRound(int year, int round, int32_t day);
  void CreatePlan(int16_t issuer, int year, int round, double events, int32_t day);
  void PlanDegreeCourses(Plan& p, int32_t plan_index, double degree_turns, bool central, bool can_tho);
  void PlanOtherCourses(Plan& p, int32_t plan_index, double turns);
  int32_t AddCourse(Plan& p, int32_t plan_index, uint8_t program, uint8_t location, int32_t pub, int32_t self);
  void BudgetOverrun(int32_t plan, int32_t day);
  uint16_t ProviderFor(const Plan& p, uint8_t program, uint8_t location);

  // ---- cohort.cc: a course opens and its trainees' stories are scheduled
  void OpenCourse(int32_t course, int32_t day);
  struct Want;
  int32_t PickPerson(const Plan& p, const Course& k, int32_t day, const Want& want);
  bool Enroll(int32_t course, int32_t day, uint8_t klass, int extra_kind);
  // Schedules a funding decision (and, for public money beyond what the
  // plan can pay, a budget top-up first); returns the decision's number.
  uint32_t ScheduleFunding(Plan& p, int32_t course, int32_t ordinal, int32_t day, int32_t fday, uint8_t funding,
                           int64_t amount, uint8_t flags);
  int32_t AgeOn(const Person& p, int32_t day) const;
  void ReleaseNominations(Plan& p);
  // Schedules the plan's approval of `person` for the course's program on
  // `day`, and its revocation on `revoked` unless that is -1.
  void Nominate(const Course& k, int32_t person, int32_t day, int32_t revoked);
  int32_t OrganiserUnit(const Plan& p, int32_t day);
  QuotaCell* FindCell(Plan& p, uint8_t program, uint8_t klass, uint8_t location);

  // ---- render.cc: the JSON of each event
  void Render(const Action& a, uint64_t event_no, bool typo);
  void RenderBody(JsonLine& j, const Action& a, bool typo);
  void RenderSource(JsonLine& j, const Action& a);
  void AppendPersonId(std::string& out, int32_t person, bool bad) const;
  void AppendEnrollmentId(std::string& out, int32_t course, int32_t ordinal, bool bad) const;
  void AppendDecisionId(std::string& out, int32_t course, uint32_t number, bool bad) const;
  void AppendPersonName(std::string& out, const Person& p, bool typo) const;
  bool Correctable(const Action& a) const;

  // Options and outputs.
  uint64_t target_;
  EventSink& sink_;
  Rng rng_;
  GeneratorStats stats_;

  // The size budget (see the file comment).
  uint64_t emitted_ = 0, pending_ = 0, reserved_ = 0;
  uint64_t other_events_ = 0;     // scheduled by the population, not by plans: for estimates

  // Time.
  int first_year_ = 0, last_year_ = 0;
  int32_t start_day_ = 0, active_end_ = 0, reorg_day_ = 0;
  std::vector<std::vector<Action>> calendar_;   // index: day - start_day_
  int32_t today_ = 0;

  // The world.
  Geography geo_;
  std::vector<Person> persons_;
  std::vector<std::vector<int32_t>> pools_;     // per province: persons (lazily pruned)
  std::vector<uint32_t> person_counters_;       // per province code
  std::vector<Plan> plans_;
  std::vector<Course> courses_;
  std::vector<std::string> providers_;
  std::vector<CorrectionSlot> slots_;
  std::vector<int32_t> free_slots_;
  uint16_t province_providers_ = 0;            // providers_[this + 3*province + k]: school, home affairs, military
  int32_t last_slot_ = -1;                      // the slot SpawnCorrection filled last
  std::vector<int32_t> active_in_;              // per province: people in service
  uint32_t certificate_counter_ = 0;
  int64_t active_persons_ = 0;
  double hire_acc_ = 0, resign_acc_ = 0, transfer_acc_ = 0;
  uint64_t opportunities_[kInjectedCount] = {};
  uint64_t forced_[kInjectedCount] = {};
  bool reorganized_ = false;

  // Output.
  JsonLine line_, scratch_;
  std::string id_;                              // scratch for ids and names
  uint64_t event_no_ = 0;
};

}  // namespace tledger::gen

#endif  // TLEDGER_TOOLS_GEN_SIMULATION_H_
