// UNIT_DISSOLVED: a person_registered, person_transferred or course_opened
// naming a unit that, on the event's effective date, had been merged away,
// renamed away or dissolved; a district "kết thúc hoạt động" on 2025-07-01
// (Luật 72/2025/QH15), whether or not a reorganisation records it: it was
// not "giải thể".
#include "projections/rules/rules.h"

namespace tledger {
namespace {

template <typename F>
void Check(Findings& out, const F& evidence, Sym plan, Sym unit, FindingArgs a) {
  const AsOf& w = out.world();
  if (unit == kNoSym) return;
  const std::optional<Cessation> c = w.Ceased(unit);
  if (!c || evidence.stamp.effective < c->date) return;
  Case what = c->how == "merge"    ? Case::kUnitMerged
              : c->how == "rename" ? Case::kUnitRenamed
                                   : Case::kUnitDissolved;
  // A district that ceased with the level, by a dissolution or without one.
  std::optional<Level> level = w.LevelOf(unit, c->date.AddDays(-1));
  if (what == Case::kUnitDissolved && c->date == kDistrictLevelAbolished && level == Level::DISTRICT) {
    what = Case::kDistrictEnded;
  }
  a.unit = out.Unit(unit);
  a.unit_name = std::string(w.UnitName(unit));
  if (c->successor != kNoSym) {
    a.successor = out.Unit(c->successor);
    a.successor_name = std::string(w.UnitName(c->successor));
  }
  a.since = c->date;
  a.on = evidence.stamp.effective;
  a.event_type = EventTypeOf(evidence);
  out.Add(what, evidence.stamp, plan, out.Unit(unit), RulebookOn(evidence.stamp.effective), std::move(a));
}

}  // namespace

void CheckUnitDissolved(Findings& out) {
  const AsOf& w = out.world();
  const Resolved& r = w.resolved();
  for (const PersonRegisteredFact& f : r.person_registrations.all()) {
    if (f.stamp.effective <= w.date()) Check(out, f, kNoSym, f.unit, out.About(f.person));
  }
  for (const PersonTransferredFact& f : r.transfers.all()) {
    if (f.stamp.effective <= w.date()) Check(out, f, kNoSym, f.unit, out.About(f.person));
  }
  for (const CourseOpenedFact& f : r.courses.all()) {
    if (f.stamp.effective > w.date()) continue;
    FindingArgs a;
    a.course = out.Course(f.course);
    a.plan = out.Plan(f.plan);
    Check(out, f, f.plan, f.unit, std::move(a));
  }
}

}  // namespace tledger
