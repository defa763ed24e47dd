#include "projections/report_timeline.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <map>

#include "projections/money.h"


namespace tledger {
namespace {

constexpr size_t kEventsCounted = 0, kOwed = 1, kLevelTurns = 2, kLevelPersons = 7, kFormTurns = 12,
                 kFormClasses = 16;
constexpr uint8_t kUnknownLevel = 4;

// Everything that happens to the counts on one date: the stretches that end
// (removed first) and those that begin.
struct Change {
  Date date;
  bool begins;
  uint8_t kind;  // 0 enrollment, 1 owed, 2 funding, 3 an event counted
  uint32_t index;
};

}  // namespace

ReportTimeline ReportTimeline::Build(const Resolved& r, const Stretches& s) {
  const Symbols& sym = *r.symbols;
  ReportTimeline rt;
  for (Sym p = 0; p < sym.plans.size(); ++p) rt.index_.plan_names.emplace_back(sym.plans.Name(p));
  for (Sym f = 0; f < sym.fields.size(); ++f) rt.index_.field_names.emplace_back(sym.fields.Name(f));
  for (const PlanStretch& p : s.plans) rt.index_.plans.push_back(TimelineIndex::PlanVersion{p.from, p.to, p.plan, p.plan_as_of});
  std::sort(rt.index_.plans.begin(), rt.index_.plans.end(),
            [](const auto& a, const auto& b) { return std::tie(a.plan, a.from) < std::tie(b.plan, b.from); });

  // Dense cell numbers, in first-seen order.
  std::map<uint64_t, uint32_t> cell_index;
  std::vector<uint32_t> cell_of(s.enrollments.size(), UINT32_MAX);
  for (size_t i = 0; i < s.enrollments.size(); ++i) {
    const EnrollmentTally& t = s.enrollments[i].tally;
    if (t.plan == kNoSym) continue;
    AsOf::CellKey key{t.program, t.funding_class, t.location};
    auto [it, added] = cell_index.emplace(CellId(t.plan, key), static_cast<uint32_t>(rt.index_.cells.size()));
    if (added) rt.index_.cells.push_back(TimelineIndex::Cell{t.plan, key});
    cell_of[i] = it->second;
  }
  // Dense (plan, program) numbers, likewise, for the classes of a plan's
  // program.
  std::map<uint64_t, uint32_t> program_index;
  std::vector<uint32_t> program_of(s.enrollments.size(), UINT32_MAX);
  for (size_t i = 0; i < s.enrollments.size(); ++i) {
    const EnrollmentTally& t = s.enrollments[i].tally;
    if (t.plan == kNoSym || t.course == kNoSym || !t.active) continue;
    auto [it, added] =
        program_index.emplace(ProgramId(t.plan, t.program), static_cast<uint32_t>(rt.index_.programs.size()));
    if (added) rt.index_.programs.push_back(TimelineIndex::PlanProgram{t.plan, t.program});
    program_of[i] = it->second;
  }
  rt.index_.counters = rt.index_.ProgramBase() + rt.index_.programs.size();

  std::vector<Change> changes;
  auto add = [&](Date from, Date to, uint8_t kind, size_t i) {
    changes.push_back(Change{from, true, kind, static_cast<uint32_t>(i)});
    if (to != Horizon::kForever) changes.push_back(Change{to, false, kind, static_cast<uint32_t>(i)});
  };
  for (size_t i = 0; i < s.enrollments.size(); ++i) add(s.enrollments[i].from, s.enrollments[i].to, 0, i);
  for (size_t i = 0; i < s.owed.size(); ++i) add(s.owed[i].from, s.owed[i].to, 1, i);
  for (size_t i = 0; i < s.funding.size(); ++i) add(s.funding[i].from, s.funding[i].to, 2, i);
  for (size_t i = 0; i < s.counted.size(); ++i) changes.push_back(Change{s.counted[i], true, 3, 0});
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return a.date != b.date ? a.date < b.date : a.begins < b.begins;  // what ends goes before what begins
  });

  std::vector<int64_t> counts(rt.index_.counters, 0);
  std::vector<uint8_t> touched(rt.index_.counters, 0);
  std::vector<uint32_t> touched_list;
  // Each counter added up exactly (128 bits, and how many of the amounts
  // in it are kVndOverflow), since stretches end as well as begin; one that
  // does not fit 64 bits is kept as kVndOverflow (projections/money.h).
  std::vector<__int128> exact(rt.index_.counters, 0);
  std::vector<int64_t> too_large(rt.index_.counters, 0);
  auto bump = [&](size_t counter, int64_t sign, int64_t by = 1) {
    if (by == kVndOverflow) {
      too_large[counter] += sign;
    } else {
      exact[counter] += static_cast<__int128>(sign) * by;
    }
    const __int128 v = exact[counter];
    counts[counter] = too_large[counter] > 0 || v >= kVndOverflow || v < INT64_MIN ? kVndOverflow : static_cast<int64_t>(v);
    if (!touched[counter]) {
      touched[counter] = 1;
      touched_list.push_back(static_cast<uint32_t>(counter));
    }
  };
  // Distinct persons per level and courses: how many active enrollments
  // each has; a count leaving or reaching zero moves the distinct counter.
  std::vector<std::vector<uint32_t>> person_level(5, std::vector<uint32_t>(sym.persons.size(), 0));
  std::vector<uint32_t> course_active(sym.courses.size(), 0);

  auto apply = [&](const Change& c) {
    const int64_t sign = c.begins ? 1 : -1;
    if (c.kind == 3) return bump(kEventsCounted, 1);
    if (c.kind == 1) return bump(kOwed, sign, s.owed[c.index].owed);
    if (c.kind == 2) return bump(rt.index_.PlanBase() + s.funding[c.index].plan, sign, s.funding[c.index].amount_vnd);
    const EnrollmentTally& t = s.enrollments[c.index].tally;
    if (cell_of[c.index] != UINT32_MAX) {
      size_t cell = rt.index_.CellBase() + 5 * cell_of[c.index];
      if (!t.active) {
        bump(cell + 4, sign);
      } else {
        bump(cell, sign);
        bump(cell + 1 + static_cast<size_t>(t.status == EnrollmentTally::Status::kCompleted ? 0
                                            : t.status == EnrollmentTally::Status::kFailed  ? 1
                                                                                            : 2),
             sign);
      }
    }
    if (!t.active) return;
    uint8_t level = t.unit == kNoSym || t.level == EnrollmentTally::kNoLevel ? kUnknownLevel : t.level;
    bump(kLevelTurns + level, sign);
    uint32_t& person = person_level[level][t.person];
    if ((c.begins && person++ == 0) || (!c.begins && --person == 0)) bump(kLevelPersons + level, sign);
    if (t.course == kNoSym) return;
    size_t form = static_cast<size_t>(t.form);
    bump(rt.index_.FieldBase() + t.field, sign);
    if (form < 4) bump(kFormTurns + form, sign);
    uint32_t& course = course_active[t.course];
    if ((c.begins && course++ == 0) || (!c.begins && --course == 0)) {
      bump(rt.index_.FieldBase() + rt.index_.field_names.size() + t.field, sign);
      if (form < 4) bump(kFormClasses + form, sign);
      if (program_of[c.index] != UINT32_MAX) bump(rt.index_.ProgramBase() + program_of[c.index], sign);
    }
  };

  for (size_t i = 0; i < changes.size();) {
    Date date = changes[i].date;
    for (; i < changes.size() && changes[i].date == date; ++i) apply(changes[i]);
    std::sort(touched_list.begin(), touched_list.end());
    rt.index_.dates.push_back(date);
    rt.index_.change_begin.push_back(static_cast<uint32_t>(rt.change_counter_.size()));
    for (uint32_t counter : touched_list) {
      rt.change_counter_.push_back(counter);
      rt.change_value_.push_back(counts[counter]);
      touched[counter] = 0;
    }
    touched_list.clear();
    if ((rt.index_.dates.size() - 1) % TimelineIndex::kCheckpointEvery == 0) rt.checkpoints_.push_back(counts);
  }
  rt.index_.change_begin.push_back(static_cast<uint32_t>(rt.change_counter_.size()));
  return rt;
}

std::pair<uint32_t, uint32_t> TimelineIndex::BlockChanges(size_t j) const {
  size_t first = j * kCheckpointEvery + 1, last = std::min((j + 1) * kCheckpointEvery, dates.size() - 1);
  if (first > last) return {change_begin[first], change_begin[first]};
  return {change_begin[first], change_begin[last + 1]};
}

std::optional<size_t> TimelineIndex::LastDateIndex(Date d) const {
  auto after = std::upper_bound(dates.begin(), dates.end(), d);
  if (after == dates.begin()) return std::nullopt;
  return static_cast<size_t>(after - dates.begin()) - 1;
}

Status TimelineIndex::Check(size_t changes, size_t checkpoints) const {
  bool ok = counters == ProgramBase() + programs.size() && change_begin.size() == dates.size() + 1 &&
            checkpoints == blocks() && change_begin.back() == changes;
  for (size_t i = 0; ok && i + 1 < change_begin.size(); ++i) ok = change_begin[i] <= change_begin[i + 1];
  for (size_t i = 0; ok && i + 1 < dates.size(); ++i) ok = dates[i] < dates[i + 1];
  for (const Cell& c : cells) ok = ok && c.plan < plan_names.size();
  for (const PlanProgram& p : programs) ok = ok && p.plan < plan_names.size();
  for (const PlanVersion& v : plans) ok = ok && v.plan < plan_names.size();
  return ok ? Status::Ok() : Status::Corruption("the report timeline's parts do not agree");
}

Report TimelineIndex::Assemble(Date d, Timestamp known_at, const std::vector<int64_t>& counts) const {
  // The plans as of d.
  std::vector<const AsOf::Plan*> plan_at(plan_names.size(), nullptr);
  for (const PlanVersion& v : plans) {
    if (v.from <= d && d < v.to) plan_at[v.plan] = &v.plan_as_of;
  }
  TallyCounts t;
  t.events_counted = static_cast<uint64_t>(counts[kEventsCounted]);
  t.owed = counts[kOwed];
  for (size_t l = 0; l < 5; ++l) {
    t.level_turns[l] = counts[kLevelTurns + l];
    t.level_persons[l] = counts[kLevelPersons + l];
  }
  for (size_t f = 0; f < 4; ++f) {
    t.form_turns[f] = counts[kFormTurns + f];
    t.form_classes[f] = counts[kFormClasses + f];
  }
  auto slice = [&](size_t from, size_t to) {
    return std::vector<int64_t>(counts.begin() + static_cast<std::ptrdiff_t>(from),
                                counts.begin() + static_cast<std::ptrdiff_t>(to));
  };
  t.public_funding = slice(PlanBase(), FieldBase());
  t.field_turns = slice(FieldBase(), FieldBase() + field_names.size());
  t.field_classes = slice(FieldBase() + field_names.size(), CellBase());
  for (size_t i = 0; i < cells.size(); ++i) {
    const int64_t* c = &counts[CellBase() + 5 * i];
    const Cell& cell = cells[i];
    if (c[0] + c[4] == 0 || plan_at[cell.plan] == nullptr) continue;  // no enrollment falls in it as of d
    t.cells[CellId(cell.plan, cell.key)] = CellTally{cell.key.program, cell.key.funding_class, cell.key.location,
                                                     AsOf::QuotaOf(*plan_at[cell.plan], cell.key),
                                                     c[0], c[1], c[2], c[3], c[4]};
  }
  for (size_t i = 0; i < programs.size(); ++i) {
    const int64_t classes = counts[ProgramBase() + i];
    if (classes != 0) t.classes[ProgramId(programs[i].plan, programs[i].program)] = classes;
  }
  TallyNames names;
  for (const std::string& p : plan_names) names.plans.push_back(p);
  for (const std::string& f : field_names) names.fields.push_back(f);
  return LayOut(t, d, known_at, names, [&](Sym p) { return plan_at[p]; }, kNoSym);
}

Report ReportTimeline::At(Date d, Timestamp known_at) const {
  std::vector<int64_t> counts(index_.counters, 0);
  if (std::optional<size_t> last = index_.LastDateIndex(d)) {
    size_t block = *last / TimelineIndex::kCheckpointEvery;
    counts = checkpoints_[block];
    for (uint32_t c = index_.BlockChanges(block).first; c < index_.change_begin[*last + 1]; ++c) {
      counts[change_counter_[c]] = change_value_[c];
    }
  }
  return index_.Assemble(d, known_at, counts);
}

}  // namespace tledger
