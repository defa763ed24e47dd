// QUOTA_EXCEEDED: in a quota cell with quota N, the active enrollments taken
// in (effective, seq) order: the (N+1)-th and later. A program with quota
// cells in the plan but none for this class and location has quota 0 there.
#include <algorithm>
#include <map>

#include "projections/rules/rules.h"

namespace tledger {

void CheckQuotaExceeded(Findings& out) {
  const AsOf& w = out.world();
  std::map<std::pair<Sym, AsOf::CellKey>, std::vector<const EnrollmentRecordedFact*>> cells;
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    if (!w.Active(e)) continue;
    const EnrollmentRecordedFact* rec = w.Enr(e).rec;
    const CourseOpenedFact* course = w.Course(rec->course);
    if (course == nullptr || w.PlanOf(course->plan) == nullptr) continue;
    cells[{course->plan, AsOf::CellOf(*course, *rec)}].push_back(rec);
  }
  for (auto& [key, enrolled] : cells) {
    std::optional<int64_t> quota = AsOf::QuotaOf(*w.PlanOf(key.first), key.second);
    if (!quota || static_cast<int64_t>(enrolled.size()) <= *quota) continue;
    std::sort(enrolled.begin(), enrolled.end(), [](auto* a, auto* b) { return a->stamp < b->stamp; });
    for (size_t i = static_cast<size_t>(*quota); i < enrolled.size(); ++i) {
      const EnrollmentRecordedFact* rec = enrolled[i];
      const CourseOpenedFact* course = w.Course(rec->course);
      FindingArgs a = out.About(rec->person, rec->enrollment);
      a.course = out.Course(rec->course);
      a.plan = out.Plan(key.first);
      a.program = key.second.program;
      a.funding_class = key.second.funding_class;
      a.location = key.second.location;
      a.on = rec->stamp.effective;
      a.nth = static_cast<int64_t>(i + 1);
      a.quota = *quota;
      out.Add(Case::kQuotaExceeded, rec->stamp, key.first, out.Plan(key.first),
              out.CaseRulebook(rec->person, course->start), std::move(a))
          .enrollment = out.Enrollment(rec->enrollment);
    }
  }
}

}  // namespace tledger
