#include "projections/report_timeline.h"

#include <algorithm>
#include <cstring>
#include <map>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include "projections/report_cache.capnp.h"

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
  for (Sym p = 0; p < sym.plans.size(); ++p) rt.plan_names_.emplace_back(sym.plans.Name(p));
  for (Sym f = 0; f < sym.fields.size(); ++f) rt.field_names_.emplace_back(sym.fields.Name(f));
  for (const PlanStretch& p : s.plans) rt.plans_.push_back(PlanVersion{p.from, p.to, p.plan, p.plan_as_of});
  std::sort(rt.plans_.begin(), rt.plans_.end(),
            [](const PlanVersion& a, const PlanVersion& b) { return std::tie(a.plan, a.from) < std::tie(b.plan, b.from); });

  // Dense cell numbers, in first-seen order.
  std::map<uint64_t, uint32_t> cell_index;
  std::vector<uint32_t> cell_of(s.enrollments.size(), UINT32_MAX);
  for (size_t i = 0; i < s.enrollments.size(); ++i) {
    const EnrollmentTally& t = s.enrollments[i].tally;
    if (t.plan == kNoSym) continue;
    AsOf::CellKey key{t.program, t.funding_class, t.location};
    auto [it, added] = cell_index.emplace(CellId(t.plan, key), static_cast<uint32_t>(rt.cells_.size()));
    if (added) rt.cells_.push_back(Cell{t.plan, key});
    cell_of[i] = it->second;
  }
  rt.counters_ = rt.CellBase() + 5 * rt.cells_.size();

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

  std::vector<int64_t> counts(rt.counters_, 0);
  std::vector<uint8_t> touched(rt.counters_, 0);
  std::vector<uint32_t> touched_list;
  auto bump = [&](size_t counter, int64_t by) {
    counts[counter] += by;
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
    if (c.kind == 1) return bump(kOwed, sign * s.owed[c.index].owed);
    if (c.kind == 2) return bump(rt.PlanBase() + s.funding[c.index].plan, sign * s.funding[c.index].amount_vnd);
    const EnrollmentTally& t = s.enrollments[c.index].tally;
    if (cell_of[c.index] != UINT32_MAX) {
      size_t cell = rt.CellBase() + 5 * cell_of[c.index];
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
    bump(rt.FieldBase() + t.field, sign);
    if (form < 4) bump(kFormTurns + form, sign);
    uint32_t& course = course_active[t.course];
    if ((c.begins && course++ == 0) || (!c.begins && --course == 0)) {
      bump(rt.FieldBase() + rt.field_names_.size() + t.field, sign);
      if (form < 4) bump(kFormClasses + form, sign);
    }
  };

  for (size_t i = 0; i < changes.size();) {
    Date date = changes[i].date;
    for (; i < changes.size() && changes[i].date == date; ++i) apply(changes[i]);
    std::sort(touched_list.begin(), touched_list.end());
    rt.dates_.push_back(date);
    rt.change_begin_.push_back(static_cast<uint32_t>(rt.change_counter_.size()));
    for (uint32_t counter : touched_list) {
      rt.change_counter_.push_back(counter);
      rt.change_value_.push_back(counts[counter]);
      touched[counter] = 0;
    }
    touched_list.clear();
    if ((rt.dates_.size() - 1) % kCheckpointEvery == 0) rt.checkpoints_.push_back(counts);
  }
  rt.change_begin_.push_back(static_cast<uint32_t>(rt.change_counter_.size()));
  return rt;
}

Report ReportTimeline::At(Date d, Timestamp known_at) const {
  auto after = std::upper_bound(dates_.begin(), dates_.end(), d);
  std::vector<int64_t> counts(counters_, 0);
  if (after != dates_.begin()) {
    size_t last = static_cast<size_t>(after - dates_.begin()) - 1;
    size_t checkpoint = last / kCheckpointEvery;
    counts = checkpoints_[checkpoint];
    for (size_t i = checkpoint * kCheckpointEvery + 1; i <= last; ++i) {
      for (uint32_t c = change_begin_[i]; c < change_begin_[i + 1]; ++c) counts[change_counter_[c]] = change_value_[c];
    }
  }

  // The plans as of d.
  std::vector<const AsOf::Plan*> plan_at(plan_names_.size(), nullptr);
  for (const PlanVersion& v : plans_) {
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
  t.public_funding.assign(counts.begin() + static_cast<std::ptrdiff_t>(PlanBase()),
                          counts.begin() + static_cast<std::ptrdiff_t>(FieldBase()));
  const size_t fields = field_names_.size();
  t.field_turns.assign(counts.begin() + static_cast<std::ptrdiff_t>(FieldBase()),
                       counts.begin() + static_cast<std::ptrdiff_t>(FieldBase() + fields));
  t.field_classes.assign(counts.begin() + static_cast<std::ptrdiff_t>(FieldBase() + fields),
                         counts.begin() + static_cast<std::ptrdiff_t>(CellBase()));
  for (size_t i = 0; i < cells_.size(); ++i) {
    const int64_t* c = &counts[CellBase() + 5 * i];
    const Cell& cell = cells_[i];
    if (c[0] + c[4] == 0 || plan_at[cell.plan] == nullptr) continue;  // no enrollment falls in it as of d
    t.cells[CellId(cell.plan, cell.key)] = CellTally{cell.key.program, cell.key.funding_class, cell.key.location,
                                                     AsOf::QuotaOf(*plan_at[cell.plan], cell.key),
                                                     c[0], c[1], c[2], c[3], c[4]};
  }
  TallyNames names;
  for (const std::string& p : plan_names_) names.plans.push_back(p);
  for (const std::string& f : field_names_) names.fields.push_back(f);
  return LayOut(t, d, known_at, names, [&](Sym p) { return plan_at[p]; }, kNoSym);
}

std::string ReportTimeline::Encode() const {
  capnp::MallocMessageBuilder msg;
  auto root = msg.initRoot<cache::ReportTimeline>();
  auto text_list = [](auto list, const std::vector<std::string>& from) {
    for (size_t i = 0; i < from.size(); ++i) list.set(static_cast<unsigned>(i), from[i]);
  };
  text_list(root.initPlanNames(static_cast<unsigned>(plan_names_.size())), plan_names_);
  text_list(root.initFieldNames(static_cast<unsigned>(field_names_.size())), field_names_);
  auto cells = root.initCells(static_cast<unsigned>(cells_.size()));
  for (size_t i = 0; i < cells_.size(); ++i) {
    auto c = cells[static_cast<unsigned>(i)];
    c.setPlan(cells_[i].plan);
    c.setProgram(static_cast<uint16_t>(cells_[i].key.program));
    c.setFundingClass(static_cast<uint16_t>(cells_[i].key.funding_class));
    c.setLocation(static_cast<uint16_t>(cells_[i].key.location));
  }
  auto plans = root.initPlans(static_cast<unsigned>(plans_.size()));
  for (size_t i = 0; i < plans_.size(); ++i) {
    const PlanVersion& v = plans_[i];
    auto p = plans[static_cast<unsigned>(i)];
    p.setFrom(v.from.days());
    p.setTo(v.to.days());
    p.setPlan(v.plan);
    p.setTitle(v.plan_as_of.title);
    p.setBudgetVnd(v.plan_as_of.budget_vnd);
    auto quotas = p.initQuotas(static_cast<unsigned>(v.plan_as_of.quotas.size()));
    for (size_t q = 0; q < v.plan_as_of.quotas.size(); ++q) {
      const QuotaCell& cell = v.plan_as_of.quotas[q];
      auto out = quotas[static_cast<unsigned>(q)];
      out.setProgram(static_cast<uint16_t>(cell.program));
      out.setFundingClass(static_cast<uint16_t>(cell.funding_class));
      out.setLocation(static_cast<uint16_t>(cell.location));
      out.setCount(cell.count);
    }
    auto priority = p.initPriorityFields(static_cast<unsigned>(v.plan_as_of.priority_fields.size()));
    for (size_t f = 0; f < v.plan_as_of.priority_fields.size(); ++f) priority.set(static_cast<unsigned>(f), v.plan_as_of.priority_fields[f]);
    auto phases = p.initPhases(static_cast<unsigned>(v.plan_as_of.phases.size()));
    for (size_t ph = 0; ph < v.plan_as_of.phases.size(); ++ph) {
      const PhaseSpec& spec = v.plan_as_of.phases[ph];
      auto out = phases[static_cast<unsigned>(ph)];
      out.setOpens(spec.opens.days());
      auto fields = out.initFields(static_cast<unsigned>(spec.fields.size()));
      for (size_t f = 0; f < spec.fields.size(); ++f) fields.set(static_cast<unsigned>(f), spec.fields[f]);
    }
  }
  root.setCounters(counters_);
  auto dates = root.initDates(static_cast<unsigned>(dates_.size()));
  for (size_t i = 0; i < dates_.size(); ++i) dates.set(static_cast<unsigned>(i), dates_[i].days());
  auto put = [](auto list, const auto& from) {
    for (size_t i = 0; i < from.size(); ++i) list.set(static_cast<unsigned>(i), from[i]);
  };
  put(root.initChangeBegin(static_cast<unsigned>(change_begin_.size())), change_begin_);
  put(root.initChangeCounter(static_cast<unsigned>(change_counter_.size())), change_counter_);
  put(root.initChangeValue(static_cast<unsigned>(change_value_.size())), change_value_);
  auto checkpoints = root.initCheckpoints(static_cast<unsigned>(checkpoints_.size()));
  for (size_t i = 0; i < checkpoints_.size(); ++i) {
    put(checkpoints.init(static_cast<unsigned>(i), static_cast<unsigned>(checkpoints_[i].size())), checkpoints_[i]);
  }
  kj::Array<capnp::word> words = capnp::messageToFlatArray(msg);
  return std::string(reinterpret_cast<const char*>(words.begin()), words.size() * sizeof(capnp::word));
}

Result<ReportTimeline> ReportTimeline::Decode(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) return Status::Corruption("the report cache is not whole words");
  std::vector<capnp::word> words(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.data(), bytes.data(), bytes.size());
  try {
    capnp::ReaderOptions options;
    options.traversalLimitInWords = words.size() * 2;
    capnp::FlatArrayMessageReader msg(kj::arrayPtr(words.data(), words.size()), options);
    auto root = msg.getRoot<cache::ReportTimeline>();
    ReportTimeline rt;
    for (auto t : root.getPlanNames()) rt.plan_names_.emplace_back(t.cStr(), t.size());
    for (auto t : root.getFieldNames()) rt.field_names_.emplace_back(t.cStr(), t.size());
    for (auto c : root.getCells()) {
      rt.cells_.push_back(Cell{c.getPlan(), AsOf::CellKey{static_cast<Program>(c.getProgram()),
                                                          static_cast<FundingClass>(c.getFundingClass()),
                                                          static_cast<Location>(c.getLocation())}});
    }
    for (auto p : root.getPlans()) {
      PlanVersion v{Date::FromDays(p.getFrom()), Date::FromDays(p.getTo()), p.getPlan(), {}};
      v.plan_as_of.title = std::string(p.getTitle().cStr(), p.getTitle().size());
      v.plan_as_of.budget_vnd = p.getBudgetVnd();
      for (auto q : p.getQuotas()) {
        v.plan_as_of.quotas.push_back(QuotaCell{static_cast<Program>(q.getProgram()),
                                                static_cast<FundingClass>(q.getFundingClass()),
                                                static_cast<Location>(q.getLocation()), q.getCount()});
      }
      for (uint32_t f : p.getPriorityFields()) v.plan_as_of.priority_fields.push_back(f);
      for (auto ph : p.getPhases()) {
        PhaseSpec spec{{}, Date::FromDays(ph.getOpens())};
        for (uint32_t f : ph.getFields()) spec.fields.push_back(f);
        v.plan_as_of.phases.push_back(std::move(spec));
      }
      rt.plans_.push_back(std::move(v));
    }
    rt.counters_ = root.getCounters();
    for (int32_t d : root.getDates()) rt.dates_.push_back(Date::FromDays(d));
    for (uint32_t v : root.getChangeBegin()) rt.change_begin_.push_back(v);
    for (uint32_t v : root.getChangeCounter()) rt.change_counter_.push_back(v);
    for (int64_t v : root.getChangeValue()) rt.change_value_.push_back(v);
    for (auto list : root.getCheckpoints()) {
      std::vector<int64_t> counts;
      counts.reserve(list.size());
      for (int64_t v : list) counts.push_back(v);
      rt.checkpoints_.push_back(std::move(counts));
    }
    // What At() relies on: the shapes agree.
    bool ok = rt.counters_ == rt.CellBase() + 5 * rt.cells_.size() && rt.change_begin_.size() == rt.dates_.size() + 1 &&
              rt.change_counter_.size() == rt.change_value_.size() &&
              rt.checkpoints_.size() == (rt.dates_.size() + kCheckpointEvery - 1) / kCheckpointEvery;
    for (const auto& c : rt.checkpoints_) ok = ok && c.size() == rt.counters_;
    for (uint32_t c : rt.change_counter_) ok = ok && c < rt.counters_;
    for (size_t i = 0; ok && i + 1 < rt.change_begin_.size(); ++i) {
      ok = rt.change_begin_[i] <= rt.change_begin_[i + 1] && rt.change_begin_[i + 1] <= rt.change_counter_.size();
    }
    for (const Cell& c : rt.cells_) ok = ok && c.plan < rt.plan_names_.size();
    for (const PlanVersion& v : rt.plans_) ok = ok && v.plan < rt.plan_names_.size();
    if (!ok) return Status::Corruption("the report cache is inconsistent");
    return rt;
  } catch (const kj::Exception& e) {
    return Status::Corruption(std::string("the report cache does not decode: ") + e.getDescription().cStr());
  }
}

}  // namespace tledger
