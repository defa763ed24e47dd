# The tledger event: one immutable fact, stored as the canonical bytes of an
# `Event` message (core/FORMAT.md). This file is the single source of truth
# for the fields of every event type: the JSON and CSV codecs, the export and
# the subject index are all driven by reflection over it.
#
# Evolution rules (the stored bytes are hashed, so they are forever):
# - Fields, union members and enumerants are only ever ADDED, with numbers
#   higher than every existing one. Nothing is renumbered, retyped, removed or
#   reused. A field no longer wanted is left in place and ignored.
# - Every enum below is written to disk by its numeric value.
# - The JSON name of a field or enumerant is its snake_case spelling
#   (`budgetVnd` -> `budget_vnd`, `specialist2` -> `specialist_2`); renaming
#   one changes the interchange contract and needs a new field instead.
# - Hashes cover canonical bytes (`capnp::canonicalize`), so a new field that
#   an old event does not set leaves the old hash unchanged.
@0xc7513505a1a5f010;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("tledger::schema");

# ---------------------------------------------------------------- annotations
# They tell the codec what the interchange form requires of a field. Their
# ids are fixed here because core/schema_info.cc matches on them.

annotation optional @0xcb6bc55a70dee282 (field) :Void;
# The field may be absent. Text/List: a null pointer. Int64: the default -1
# (a negative number is never valid input). Date: 0.

annotation nullable @0xbc70be16eb9af1a8 (field) :Void;
# Required, but may be JSON `null` (a null pointer). Exported as `null`.

annotation date @0xcfd88e8327bb797d (field) :Void;
# A UInt32 holding a civil date as YYYYMMDD (20250701). 0 = absent.

annotation ref @0xe9bc4db35e1074d2 (field) :Kind;
# The field names an entity id (or a list of them). Drives the subject index
# used by `history` and the MISSING_REFERENCE rule.

annotation eventRef @0xa950fb7fde9c3527 (field) :Void;
# The field names another event's `id` (a correction's target).

annotation code @0xdb9ea3d27b453f05 (field) :Void;
# A field-of-study code (or a list of them): lowercase ASCII letters, digits
# and `_`, starting with a letter (`information_technology`).

annotation maxItems @0xc9d35e1f8a264b07 (field) :UInt32;
# The most items the list may hold: import refuses a longer one (every list
# has a cap, so that no line makes later reads slow; README.md, "Import").

annotation money @0xe4c1a9f0b27d3e58 (field) :Void;
# An amount of Vietnamese dong: at most kMaxMoneyVnd (core/schema_info.h),
# so that reports add amounts up without leaving 64 bits.

enum Kind {
  unit @0;
  person @1;
  plan @2;
  course @3;
  enrollment @4;
  decision @5;
}

# ---------------------------------------------------------------- enumerations
# Written to disk by number: append only.

enum Level {
  central @0;
  province @1;
  district @2;
  commune @3;
}

enum Category {
  cadre @0;
  civilServant @1;
  publicEmployee @2;
}

enum Program {
  phd @0;
  master @1;
  specialist2 @2;
  specialist1 @3;
  bachelor @4;
  politicalTheoryElementary @5;
  politicalTheoryIntermediate @6;
  politicalTheoryAdvanced @7;
  stateMgmtSpecialist @8;
  stateMgmtPrincipal @9;
  stateMgmtSenior @10;
  leadership @11;
  jobPosition @12;
  knowledgeUpdate @13;
  digitalTransformation @14;
  foreignLanguage @15;
  itSkills @16;
  defenseSecurity @17;
}

enum Funding {
  stateBudget @0;
  unitFund @1;
  selfFunded @2;
  scholarship @3;
}

enum FundingClass {
  public @0;
  self @1;
}

enum Location {
  domestic @0;
  foreign @1;
}

enum Form {
  centralized @0;
  semiCentralized @1;
  remote @2;
  online @3;
}

enum Outcome {
  passed @0;
  failed @1;
}

enum ReorgKind {
  merge @0;
  rename @1;
  dissolve @2;
}

enum Ground {
  illness @0;
  disaster @1;
  epidemic @2;
  transferWithinSystem @3;
}

enum CorrectionAction {
  retract @0;
  replace @1;
}

# ---------------------------------------------------------------- the envelope

struct Event {
  seq @0 :UInt64;          # global position, 1-based, gap-free
  recordedAt @1 :Int64;    # transaction time: microseconds since 1970-01-01T00:00:00Z
  effective @2 :UInt32 $date;  # valid time
  id @3 :Text;             # idempotency key chosen by the source
  source @4 :Text $optional;
  recordedBy @5 :Text;
  prevHash @6 :Data;       # chain hash of event seq-1 (32 zero bytes for seq 1)
  body @7 :Body;
}

# The event type and its fields. The union member's snake_case name is the
# interchange `type`.
struct Body {
  union {
    unitRegistered @0 :UnitRegistered;
    unitReorganized @1 :UnitReorganized;
    personRegistered @2 :PersonRegistered;
    personTransferred @3 :PersonTransferred;
    personLeftService @4 :PersonLeftService;
    qualificationRecorded @5 :QualificationRecorded;
    planIssued @6 :PlanIssued;
    planAmended @7 :PlanAmended;
    nominationApproved @8 :Nomination;
    nominationRevoked @9 :Nomination;
    courseOpened @10 :CourseOpened;
    enrollmentRecorded @11 :EnrollmentRecorded;
    enrollmentWithdrawn @12 :EnrollmentWithdrawn;
    completionRecorded @13 :CompletionRecorded;
    fundingDecided @14 :FundingDecided;
    fundingRevoked @15 :FundingRevoked;
    compensationExempted @16 :CompensationExempted;
    reimbursementRecorded @17 :ReimbursementRecorded;
    correction @18 :Correction;
  }
}

# ---------------------------------------------------------------- event types

struct UnitRegistered {
  unit @0 :Text $ref(unit);
  name @1 :Text;
  level @2 :Level;
  parent @3 :Text $ref(unit) $nullable;
}

struct UnitReorganized {
  kind @0 :ReorgKind;
  from @1 :List(Text) $ref(unit) $maxItems(10000);
  to @2 :Text $ref(unit) $nullable;     # null for `dissolve`
  name @3 :Text $optional;              # the new name, for `rename`
}

struct PersonRegistered {
  person @0 :Text $ref(person);
  name @1 :Text;
  category @2 :Category;
  unit @3 :Text $ref(unit);
  position @4 :Text;
  leader @5 :Bool;
  birthDate @6 :UInt32 $date $optional;
  hired @7 :UInt32 $date $optional;
}

struct PersonTransferred {
  person @0 :Text $ref(person);
  unit @1 :Text $ref(unit);
}

struct PersonLeftService {
  person @0 :Text $ref(person);
  reason @1 :Text;
}

struct QualificationRecorded {
  person @0 :Text $ref(person);
  program @1 :Program;
}

struct Quota {
  program @0 :Program;
  fundingClass @1 :FundingClass;
  location @2 :Location;
  count @3 :Int64;
}

struct Phase {
  fields @0 :List(Text) $code $maxItems(100);
  opens @1 :UInt32 $date;
}

# A plan's goal for one program where it sets no quota (fostering plans
# count trainee-turns and classes): either count, or both.
struct Target {
  program @0 :Program;
  traineeTurns @1 :Int64 = -1 $optional;
  classes @2 :Int64 = -1 $optional;
}

struct PlanIssued {
  plan @0 :Text $ref(plan);
  title @1 :Text;
  issuer @2 :Text $ref(unit);
  year @3 :UInt16;
  budgetVnd @4 :Int64 $money;
  quotas @5 :List(Quota) $maxItems(100);
  priorityFields @6 :List(Text) $code $maxItems(100);
  phases @7 :List(Phase) $maxItems(20);
  targets @8 :List(Target) $optional $maxItems(100);
}

struct PlanAmended {
  plan @0 :Text $ref(plan);
  budgetVnd @1 :Int64 = -1 $optional $money;
  quotas @2 :List(Quota) $optional $maxItems(100);               # cells given replace the same cells
  priorityFields @3 :List(Text) $code $optional $maxItems(100);  # replaces the whole list
  phases @4 :List(Phase) $optional $maxItems(20);                # replaces the whole list
  targets @5 :List(Target) $optional $maxItems(100);             # entries given replace the same program's
}

struct Nomination {
  plan @0 :Text $ref(plan);
  person @1 :Text $ref(person);
  program @2 :Program;
}

struct CourseOpened {
  course @0 :Text $ref(course);
  plan @1 :Text $ref(plan);
  title @2 :Text;
  program @3 :Program;
  field @4 :Text $code;
  form @5 :Form;
  location @6 :Location;
  provider @7 :Text;
  start @8 :UInt32 $date;
  end @9 :UInt32 $date;
  capacity @10 :Int64 = -1 $optional;
  unit @11 :Text $ref(unit) $optional;       # organising unit
}

struct EnrollmentRecorded {
  enrollment @0 :Text $ref(enrollment);
  person @1 :Text $ref(person);
  course @2 :Text $ref(course);
  funding @3 :Funding;
}

struct EnrollmentWithdrawn {
  enrollment @0 :Text $ref(enrollment);
  reason @1 :Text;
}

struct CompletionRecorded {
  enrollment @0 :Text $ref(enrollment);
  result @1 :Outcome;
  certificate @2 :Text $optional;
}

struct FundingDecided {
  decision @0 :Text $ref(decision);
  plan @1 :Text $ref(plan);
  enrollment @2 :Text $ref(enrollment) $optional;
  course @3 :Text $ref(course) $optional;
  amountVnd @4 :Int64 $money;
  funding @5 :Funding;
}

struct FundingRevoked {
  decision @0 :Text $ref(decision);
  reason @1 :Text;
}

struct CompensationExempted {
  person @0 :Text $ref(person);
  enrollment @1 :Text $ref(enrollment);
  ground @2 :Ground;
}

struct ReimbursementRecorded {
  person @0 :Text $ref(person);
  enrollment @1 :Text $ref(enrollment);
  amountVnd @2 :Int64 $money;
}

struct Correction {
  target @0 :Text $eventRef;
  action @1 :CorrectionAction;
  replacement @2 :Replacement $optional;     # required for `replace`, refused for `retract`
  reason @3 :Text;
}

# A replacement carries a full body of the target's type and its own
# effective date; it keeps the target's id, source and recorded_by.
struct Replacement {
  effective @0 :UInt32 $date;
  body @1 :Body;
}
