#include "projections/evaluate.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/schema_info.h"
#include "projections/as_of.h"
#include "projections/rules/rules.h"

namespace tledger {
namespace {

// Plans and their quota cells (shared/spec/rules.md, "Tallies").
std::vector<PlanTally> PlanTallies(const AsOf& w) {
  const Symbols& s = w.symbols();
  std::map<std::string_view, Sym> plans;  // by id: the listing order
  for (Sym p = 1; p < s.plans.size(); ++p) {
    if (w.PlanOf(p) != nullptr) plans.emplace(s.plans.Name(p), p);
  }
  std::map<Sym, std::map<AsOf::CellKey, CellTally>> cells;
  for (const auto& [name, p] : plans) {
    for (const QuotaCell& q : w.PlanOf(p)->quotas) {
      cells[p][AsOf::CellKey{q.program, q.funding_class, q.location}] =
          CellTally{q.program, q.funding_class, q.location, q.count};
    }
  }
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    const AsOf::Enrollment& en = w.Enr(e);
    if (en.rec == nullptr) continue;
    const CourseOpenedFact* course = w.Course(en.rec->course);
    if (course == nullptr) continue;
    const AsOf::Plan* plan = w.PlanOf(course->plan);
    if (plan == nullptr) continue;
    AsOf::CellKey key = AsOf::CellOf(*course, *en.rec);
    auto [it, added] = cells[course->plan].try_emplace(key);
    CellTally& cell = it->second;
    if (added) cell = CellTally{key.program, key.funding_class, key.location, AsOf::QuotaOf(*plan, key)};
    if (!w.Active(e)) {
      ++cell.withdrawn;
      continue;
    }
    ++cell.enrolled;
    if (en.completion == nullptr) {
      ++cell.in_progress;
    } else if (en.completion->passed) {
      ++cell.completed;
    } else {
      ++cell.failed;
    }
  }
  std::map<Sym, int64_t> public_funding;
  for (const FundingDecidedFact* f : w.LiveDecisions()) {
    if (ClassOf(f->funding) == FundingClass::PUBLIC) public_funding[f->plan] += f->amount_vnd;
  }
  std::vector<PlanTally> out;
  for (const auto& [name, p] : plans) {
    PlanTally t;
    t.plan = std::string(name);
    t.budget_vnd = w.PlanOf(p)->budget_vnd;
    t.public_funding_vnd = public_funding[p];
    t.remaining_vnd = t.budget_vnd - t.public_funding_vnd;
    for (auto& [key, cell] : cells[p]) t.cells.push_back(cell);
    out.push_back(std::move(t));
  }
  return out;
}

std::string LevelName(std::optional<Level> level) {
  if (!level) return "unknown";
  const std::string* name = EventSchema::Get().Enum<schema::Level>().Name(static_cast<uint16_t>(*level));
  return name != nullptr ? *name : "unknown";
}

// Trainee-turns and persons by the level of the person's unit on the
// enrollment's effective date (or, restated, of its successor as of D).
std::vector<LevelTally> LevelTallies(const AsOf& w, bool restate) {
  std::map<std::string, std::pair<int64_t, std::set<Sym>>> levels;
  for (const char* l : {"central", "province", "district", "commune"}) levels[l];
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    Date on = rec.stamp.effective;
    Sym unit = w.UnitAt(rec.person, on);
    std::optional<Level> level;
    if (unit != kNoSym) {
      if (restate) {
        unit = w.Restate(unit);
        on = w.date();
      }
      level = w.LevelOf(unit, on);
    }
    auto& [turns, persons] = levels[LevelName(level)];
    ++turns;
    persons.insert(rec.person);
  }
  std::vector<LevelTally> out;
  for (const char* l : {"central", "province", "district", "commune", "unknown"}) {
    auto it = levels.find(l);
    if (it == levels.end()) continue;
    out.push_back(LevelTally{l, it->second.first, static_cast<int64_t>(it->second.second.size())});
  }
  return out;
}

// Active enrollments and classes by course field, and by course form.
void GroupTallies(const AsOf& w, std::vector<GroupTally>* by_field, std::vector<GroupTally>* by_form) {
  std::map<std::string_view, std::pair<int64_t, std::set<Sym>>> fields;
  std::vector<std::pair<int64_t, std::set<Sym>>> forms(4);
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact& rec = *w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec.course);
    if (course == nullptr) continue;
    auto& field = fields[w.symbols().fields.Name(course->field)];
    ++field.first;
    field.second.insert(rec.course);
    size_t form = static_cast<size_t>(course->form);
    if (form >= forms.size()) continue;
    ++forms[form].first;
    forms[form].second.insert(rec.course);
  }
  for (auto& [name, t] : fields) {
    by_field->push_back(GroupTally{std::string(name), t.first, static_cast<int64_t>(t.second.size())});
  }
  const EnumInfo& form_names = EventSchema::Get().Enum<schema::Form>();
  for (size_t f = 0; f < forms.size(); ++f) {
    by_form->push_back(GroupTally{form_names.names[f], forms[f].first, static_cast<int64_t>(forms[f].second.size())});
  }
}

// Compensation still owed (shared/spec/rules.md, "Compensation"): per
// enrollment the largest amount its FAILED, DROPPED_OUT or SERVICE_BREACH
// sets, less what was paid back; zero where an exemption counts.
int64_t ReimbursementDue(const AsOf& w, const std::vector<Violation>& violations) {
  std::map<std::string_view, int64_t> owed;
  for (const Violation& v : violations) {
    if (!v.amount_vnd) continue;
    int64_t& o = owed[v.enrollment];
    o = std::max(o, *v.amount_vnd);
  }
  const Resolved& r = w.resolved();
  int64_t total = 0;
  for (const auto& [name, amount] : owed) {
    Sym e = w.symbols().enrollments.Find(name);
    if (e != kNoSym && !UpTo(r.exemptions.Of(e), w.date()).empty()) continue;
    int64_t due = amount;
    if (e != kNoSym) {
      for (const ReimbursementFact& paid : UpTo(r.reimbursements.Of(e), w.date())) due -= paid.amount_vnd;
    }
    total += std::max<int64_t>(due, 0);
  }
  return total;
}

uint64_t EventsCounted(const Resolved& r, Date d) {
  uint64_t n = 0;
  auto count = [&](const auto& facts) {
    for (const auto& f : facts) n += !(d < f.stamp.effective);
  };
  count(r.unit_registrations.all());
  count(r.reorganizations);
  count(r.person_registrations.all());
  count(r.transfers.all());
  count(r.leavings.all());
  count(r.qualifications.all());
  count(r.plans_issued.all());
  count(r.plan_amendments.all());
  count(r.nominations.all());
  count(r.courses.all());
  count(r.enrollments.all());
  count(r.withdrawals.all());
  count(r.completions.all());
  count(r.decisions.all());
  count(r.revocations.all());
  count(r.exemptions.all());
  count(r.reimbursements.all());
  for (Date c : r.live_corrections) n += !(d < c);
  return n;
}

}  // namespace

Outcome Evaluate(const Resolved& resolved, const EvaluateOptions& options) {
  AsOf w(resolved, options.as_of);
  Findings findings(w);
  CheckAll(findings);
  Outcome out;
  out.violations = std::move(findings.violations());
  std::sort(out.violations.begin(), out.violations.end());

  Report& report = out.report;
  report.as_of = options.as_of;
  report.known_at = options.known_at;
  report.events_counted = EventsCounted(resolved, options.as_of);
  report.plans = PlanTallies(w);
  report.by_level = LevelTallies(w, options.restate_units);
  GroupTallies(w, &report.by_field, &report.by_form);
  report.reimbursement_due_vnd = ReimbursementDue(w, out.violations);
  return out;
}

}  // namespace tledger
