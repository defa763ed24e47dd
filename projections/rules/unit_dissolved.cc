// UNIT_DISSOLVED: a person_registered, person_transferred or course_opened
// naming a unit that, on the event's effective date, had been merged away,
// renamed away or dissolved (the district level ended on 2025-07-01,
// Resolution 202/2025/QH15).
#include "projections/rules/rules.h"

namespace tledger {
namespace {

void Check(Findings& out, const Stamp& evidence, Sym plan, Sym unit, const std::string& what_vi,
           const std::string& what_en) {
  const AsOf& w = out.world();
  if (unit == kNoSym) return;
  const std::optional<Cessation> c = w.Ceased(unit);
  if (!c || evidence.effective < c->date) return;
  std::string u = out.Unit(unit), since = c->date.ToString();
  std::string how_vi, how_en;
  if (c->how == "merge") {
    how_vi = "đã sáp nhập vào " + out.Unit(c->successor) + " từ " + since;
    how_en = "merged into " + out.Unit(c->successor) + " since " + since;
  } else if (c->how == "rename") {
    how_vi = "đã đổi thành " + out.Unit(c->successor) + " từ " + since;
    how_en = "renamed " + out.Unit(c->successor) + " since " + since;
  } else if (c->how == "dissolve") {
    how_vi = "đã giải thể từ " + since;
    how_en = "dissolved since " + since;
  } else {
    how_vi = "là đơn vị cấp huyện, cấp hành chính này chấm dứt từ " + since;
    how_en = "a district, a level abolished since " + since;
  }
  out.Add(Rule::kUnitDissolved, evidence, plan, u, RulebookOn(evidence.effective),
          what_vi + " ngày " + evidence.effective.ToString() + " ghi đơn vị " + u + ", đơn vị này " + how_vi,
          what_en + " on " + evidence.effective.ToString() + " names unit " + u + ", which was " + how_en);
}

}  // namespace

void CheckUnitDissolved(Findings& out) {
  const AsOf& w = out.world();
  const Resolved& r = w.resolved();
  for (const PersonRegisteredFact& f : r.person_registrations.all()) {
    if (f.stamp.effective <= w.date()) Check(out, f.stamp, kNoSym, f.unit, "đăng ký " + out.Person(f.person), "registration of " + out.Person(f.person));
  }
  for (const PersonTransferredFact& f : r.transfers.all()) {
    if (f.stamp.effective <= w.date()) Check(out, f.stamp, kNoSym, f.unit, "điều động " + out.Person(f.person), "transfer of " + out.Person(f.person));
  }
  for (const CourseOpenedFact& f : r.courses.all()) {
    if (f.stamp.effective <= w.date()) Check(out, f.stamp, f.plan, f.unit, "mở khóa " + out.Course(f.course), "course " + out.Course(f.course));
  }
}

}  // namespace tledger
