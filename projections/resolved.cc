#include "projections/resolved.h"

#include <unordered_map>

namespace tledger {
namespace {

// What the corrections make of the events they (finally) target: nullopt for
// a retracted event, else its replacement.
using Overrides = std::unordered_map<Sym, std::optional<Fact>>;

std::optional<Stamp> StampOfEvent(const Timeline& t, Sym event) {
  Timeline::Slot slot = t.SlotOf(event);
  if (slot.table == Timeline::Slot::kNone) return std::nullopt;
  if (slot.table == Timeline::Slot::kCorrection) return t.corrections()[slot.index].stamp;
  std::optional<Stamp> out;
  // Visit the table the slot names.
  [&]<size_t... I>(std::index_sequence<I...>) {
    ((slot.table == I ? (void)(out = std::get<I>(t.tables())[slot.index].stamp) : void()), ...);
  }(std::make_index_sequence<std::tuple_size_v<Timeline::Tables>>());
  return out;
}

Fact FactAt(const Timeline& t, Timeline::Slot slot) {
  std::optional<Fact> out;
  [&]<size_t... I>(std::index_sequence<I...>) {
    ((slot.table == I ? (void)(out.emplace(std::in_place_index<I>, std::get<I>(t.tables())[slot.index])) : void()),
     ...);
  }(std::make_index_sequence<std::tuple_size_v<Timeline::Tables>>());
  return *out;
}

Overrides ResolveCorrections(const Timeline& t, std::vector<Date>* live_corrections, std::vector<Sym>* live_targets) {
  // target event -> the final versions of the corrections aimed at it, each
  // with the seq of the correction event it is the version of.
  std::unordered_map<Sym, std::vector<std::pair<uint64_t, const CorrectionFact*>>> aimed;
  const std::vector<CorrectionFact>& corrections = t.corrections();
  for (auto c = corrections.rbegin(); c != corrections.rend(); ++c) {
    const CorrectionFact* version = &*c;
    if (auto it = aimed.find(c->stamp.event); it != aimed.end()) {
      // Those were registered last to first; they apply first to last.
      for (auto a = it->second.rbegin(); a != it->second.rend(); ++a) {
        const CorrectionFact* by = a->second;
        if (by->retract) {
          version = nullptr;
        } else if (by->replacement_correction) {
          version = by->replacement_correction.get();
        }  // a replacement of another type cannot be imported: ignored
      }
    }
    if (version == nullptr) continue;
    // A replaced correction counts by its replacement's date.
    live_corrections->push_back(version == &*c ? c->stamp.effective : version->stamp.effective);
    live_targets->push_back(version->target);
    std::optional<Stamp> target = StampOfEvent(t, version->target);
    if (!target || target->seq >= c->stamp.seq) continue;  // only an earlier event
    aimed[version->target].emplace_back(c->stamp.seq, version);
  }

  Overrides overrides;
  for (auto& [target, list] : aimed) {
    Timeline::Slot slot = t.SlotOf(target);
    if (slot.table == Timeline::Slot::kNone || slot.table == Timeline::Slot::kCorrection) continue;
    std::optional<Fact> fact = FactAt(t, slot);
    const Stamp original = StampOf(*fact);
    for (auto a = list.rbegin(); a != list.rend(); ++a) {
      const CorrectionFact* by = a->second;
      if (by->retract) {
        fact.reset();
      } else if (by->replacement) {
        std::string source;  // a replaced plan keeps its decision's number
        if (fact && std::holds_alternative<PlanIssuedFact>(*fact)) source = std::get<PlanIssuedFact>(*fact).source;
        fact = *by->replacement;
        Stamp& s = StampOf(*fact);
        s.seq = original.seq;
        s.event = original.event;
        if (auto* plan = std::get_if<PlanIssuedFact>(&*fact); plan != nullptr && plan->source.empty()) {
          plan->source = std::move(source);
        }
      }
    }
    overrides.emplace(target, std::move(fact));
  }
  return overrides;
}

// Collects live facts into (key, fact) lists per type.
struct Collector {
  explicit Collector(const Symbols& s) : symbols(s) {}
  const Symbols& symbols;
  std::vector<std::pair<Sym, UnitRegisteredFact>> unit_registrations;
  std::vector<UnitReorganizedFact> reorganizations;
  std::vector<std::pair<Sym, PersonRegisteredFact>> person_registrations;
  std::vector<std::pair<Sym, PersonTransferredFact>> transfers;
  std::vector<std::pair<Sym, PersonLeftServiceFact>> leavings;
  std::vector<std::pair<Sym, QualificationFact>> qualifications;
  std::vector<std::pair<Sym, PlanIssuedFact>> plans_issued;
  std::vector<std::pair<Sym, PlanAmendedFact>> plan_amendments;
  std::vector<std::pair<Sym, NominationFact>> nominations;
  std::vector<std::pair<Sym, CourseOpenedFact>> courses;
  std::vector<std::pair<Sym, EnrollmentRecordedFact>> enrollments;
  std::vector<std::pair<Sym, EnrollmentWithdrawnFact>> withdrawals;
  std::vector<std::pair<Sym, CompletionFact>> completions;
  std::vector<std::pair<Sym, FundingDecidedFact>> decisions;
  std::vector<std::pair<Sym, FundingRevokedFact>> revocations;
  std::vector<std::pair<Sym, ExemptionFact>> exemptions;
  std::vector<std::pair<Sym, ReimbursementFact>> reimbursements;

  void Add(UnitRegisteredFact f) { unit_registrations.emplace_back(f.unit, std::move(f)); }
  void Add(UnitReorganizedFact f) { reorganizations.push_back(std::move(f)); }
  void Add(PersonRegisteredFact f) { person_registrations.emplace_back(f.person, std::move(f)); }
  void Add(PersonTransferredFact f) { transfers.emplace_back(f.person, std::move(f)); }
  void Add(PersonLeftServiceFact f) { leavings.emplace_back(f.person, std::move(f)); }
  void Add(QualificationFact f) { qualifications.emplace_back(f.person, std::move(f)); }
  void Add(PlanIssuedFact f) { plans_issued.emplace_back(f.plan, std::move(f)); }
  void Add(PlanAmendedFact f) { plan_amendments.emplace_back(f.plan, std::move(f)); }
  void Add(NominationFact f) { nominations.emplace_back(f.person, std::move(f)); }
  void Add(CourseOpenedFact f) { courses.emplace_back(f.course, std::move(f)); }
  void Add(EnrollmentRecordedFact f) { enrollments.emplace_back(f.enrollment, std::move(f)); }
  void Add(EnrollmentWithdrawnFact f) { withdrawals.emplace_back(f.enrollment, std::move(f)); }
  void Add(CompletionFact f) { completions.emplace_back(f.enrollment, std::move(f)); }
  void Add(FundingDecidedFact f) { decisions.emplace_back(f.decision, std::move(f)); }
  void Add(FundingRevokedFact f) { revocations.emplace_back(f.decision, std::move(f)); }
  void Add(ExemptionFact f) { exemptions.emplace_back(f.enrollment, std::move(f)); }
  void Add(ReimbursementFact f) { reimbursements.emplace_back(f.enrollment, std::move(f)); }
};

// The first cessation of every unit by a reorganisation (a merge keeps the
// unit it merges into, a rename may keep the id). The end of the district
// level depends on the as-of date and is AsOf's to add.
std::vector<std::optional<Cessation>> Cessations(const Resolved& r, size_t units) {
  std::vector<std::optional<Cessation>> ceased(units);
  for (const UnitReorganizedFact& reorg : r.reorganizations) {
    for (Sym u : reorg.from) {
      if (ceased[u] || reorg.to == u) continue;
      std::string_view how = reorg.kind == schema::ReorgKind::MERGE    ? "merge"
                             : reorg.kind == schema::ReorgKind::RENAME ? "rename"
                                                                       : "dissolve";
      ceased[u] = Cessation{reorg.stamp.effective, reorg.kind == schema::ReorgKind::DISSOLVE ? kNoSym : reorg.to, how,
                            reorg.stamp.event};
    }
  }
  return ceased;
}

}  // namespace

Resolved Resolve(const Timeline& t) {
  std::vector<Date> live_corrections;
  std::vector<Sym> live_targets;
  Overrides overrides = ResolveCorrections(t, &live_corrections, &live_targets);
  Collector c(t.symbols());
  auto collect_table = [&](const auto& table) {
    for (const auto& f : table) {
      auto it = overrides.find(f.stamp.event);
      if (it == overrides.end()) {
        c.Add(f);
      } else if (it->second) {
        std::visit([&](const auto& live) { c.Add(live); }, *it->second);
      }
    }
  };
  std::apply([&](const auto&... table) { (collect_table(table), ...); }, t.tables());

  const Symbols& s = t.symbols();
  Resolved r;
  r.symbols = &s;
  r.unit_registrations = Grouped<UnitRegisteredFact>(s.units.size(), std::move(c.unit_registrations));
  std::sort(c.reorganizations.begin(), c.reorganizations.end(),
            [](const auto& a, const auto& b) { return a.stamp < b.stamp; });
  r.reorganizations = std::move(c.reorganizations);
  r.person_registrations = Grouped<PersonRegisteredFact>(s.persons.size(), std::move(c.person_registrations));
  r.transfers = Grouped<PersonTransferredFact>(s.persons.size(), std::move(c.transfers));
  r.leavings = Grouped<PersonLeftServiceFact>(s.persons.size(), std::move(c.leavings));
  r.qualifications = Grouped<QualificationFact>(s.persons.size(), std::move(c.qualifications));
  r.plans_issued = Grouped<PlanIssuedFact>(s.plans.size(), std::move(c.plans_issued));
  r.plan_amendments = Grouped<PlanAmendedFact>(s.plans.size(), std::move(c.plan_amendments));
  r.nominations = Grouped<NominationFact>(s.persons.size(), std::move(c.nominations));
  r.courses = Grouped<CourseOpenedFact>(s.courses.size(), std::move(c.courses));
  r.enrollments = Grouped<EnrollmentRecordedFact>(s.enrollments.size(), std::move(c.enrollments));
  r.withdrawals = Grouped<EnrollmentWithdrawnFact>(s.enrollments.size(), std::move(c.withdrawals));
  r.completions = Grouped<CompletionFact>(s.enrollments.size(), std::move(c.completions));
  r.decisions = Grouped<FundingDecidedFact>(s.decisions.size(), std::move(c.decisions));
  r.revocations = Grouped<FundingRevokedFact>(s.decisions.size(), std::move(c.revocations));
  r.exemptions = Grouped<ExemptionFact>(s.enrollments.size(), std::move(c.exemptions));
  r.reimbursements = Grouped<ReimbursementFact>(s.enrollments.size(), std::move(c.reimbursements));
  r.live_corrections = std::move(live_corrections);
  r.live_correction_targets = std::move(live_targets);

  std::vector<std::pair<Sym, Sym>> by_person, by_enrollment;
  for (const EnrollmentRecordedFact& e : r.enrollments.all()) by_person.emplace_back(e.person, e.enrollment);
  for (const FundingDecidedFact& f : r.decisions.all()) {
    if (f.enrollment != kNoSym) by_enrollment.emplace_back(f.enrollment, f.decision);
  }
  r.enrollments_by_person = Grouped<Sym>(s.persons.size(), std::move(by_person));
  r.decisions_by_enrollment = Grouped<Sym>(s.enrollments.size(), std::move(by_enrollment));
  r.cessations = Cessations(r, s.units.size());
  return r;
}

}  // namespace tledger
