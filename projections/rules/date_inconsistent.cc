// DATE_INCONSISTENT: a completion effective before its course's start, or an
// enrollment effective after its course's end.
#include "projections/rules/rules.h"

namespace tledger {

void CheckDateInconsistent(Findings& out) {
  const AsOf& w = out.world();
  const Resolved& r = w.resolved();
  for (Sym e = 1; e < w.enrollment_count(); ++e) {
    const EnrollmentRecordedFact* rec = w.Enr(e).rec;
    if (rec == nullptr) continue;
    const CourseOpenedFact* course = w.Course(rec->course);
    if (course == nullptr) continue;
    std::string enr = out.Enrollment(e), c = out.Course(rec->course);
    Rulebook rb = out.CaseRulebook(rec->person, course->start);
    if (course->end < rec->stamp.effective) {
      out.Add(Rule::kDateInconsistent, rec->stamp, course->plan, enr, rb,
              "ghi danh " + enr + " ngày " + rec->stamp.effective.ToString() + ", sau khi khóa " + c + " kết thúc " +
                  course->end.ToString(),
              "enrollment " + enr + " on " + rec->stamp.effective.ToString() + ", after course " + c + " ended " +
                  course->end.ToString())
          .enrollment = enr;
    }
    for (const CompletionFact& done : UpTo(r.completions.Of(e), w.date())) {
      if (!(done.stamp.effective < course->start)) continue;
      out.Add(Rule::kDateInconsistent, done.stamp, course->plan, enr, rb,
              "kết quả học tập của " + enr + " ngày " + done.stamp.effective.ToString() + ", trước khi khóa " + c +
                  " bắt đầu " + course->start.ToString(),
              "completion of " + enr + " on " + done.stamp.effective.ToString() + ", before course " + c +
                  " started " + course->start.ToString())
          .enrollment = enr;
    }
  }
}

}  // namespace tledger
