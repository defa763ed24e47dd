#include "tools/cli/report_diff.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/schema_info.h"

namespace tledger {
namespace {

// Sorts tallies in report order: (section group, plan, money before cells,
// cell, level or form rank, key, measure rank).
using Order = std::tuple<int, std::string, int, int, int, int, int, std::string, int>;

constexpr std::string_view kLevels[] = {"central", "province", "district", "commune", "unknown"};
// Every measure, in the order a report names them.
constexpr std::string_view kMeasures[] = {"budget_vnd", "public_funding_vnd", "remaining_vnd", "quota",
                                          "enrolled",   "completed",          "failed",        "in_progress",
                                          "withdrawn",  "trainee_turns",      "persons",       "classes",
                                          "reimbursement_due_vnd"};

// The place of `key` in `names`; past the end for a name not there.
template <typename Names>
int Rank(std::string_view key, const Names& names) {
  return static_cast<int>(std::find(std::begin(names), std::end(names), key) - std::begin(names));
}

// Amounts a report declares rather than counts: of something it does not
// list, there is none.
bool Declared(std::string_view measure) {
  return measure == "quota" || measure == "budget_vnd" || measure == "remaining_vnd";
}

class Flattener {
 public:
  // Each value of `report` as the `from` (first) or `to` side of a change.
  void Add(const Report& report, bool first) {
    first_ = first;
    for (const PlanTally& p : report.plans) {
      TallyChange base{.section = Section::kPlan, .plan = p.plan};
      Order o{0, p.plan, 0, 0, 0, 0, 0, "", 0};
      Put(o, base, "budget_vnd", p.budget_vnd);
      Put(o, base, "public_funding_vnd", p.public_funding_vnd);
      Put(o, base, "remaining_vnd", p.remaining_vnd);
      for (const CellTally& c : p.cells) {
        TallyChange cell{.section = Section::kCell, .plan = p.plan,
                         .cell = AsOf::CellKey{c.program, c.funding_class, c.location}};
        Order co{0, p.plan, 1, static_cast<int>(c.program), static_cast<int>(c.funding_class),
                 static_cast<int>(c.location), 0, "", 0};
        Put(co, cell, "quota", c.quota);
        Put(co, cell, "enrolled", c.enrolled);
        Put(co, cell, "completed", c.completed);
        Put(co, cell, "failed", c.failed);
        Put(co, cell, "in_progress", c.in_progress);
        Put(co, cell, "withdrawn", c.withdrawn);
      }
    }
    for (const LevelTally& l : report.by_level) {
      Order o{1, "", 0, 0, 0, 0, Rank(l.level, kLevels), l.level, 0};
      TallyChange base{.section = Section::kLevel, .key = l.level};
      Put(o, base, "trainee_turns", l.trainee_turns);
      Put(o, base, "persons", l.persons);
    }
    const std::vector<std::string>& forms = EventSchema::Get().Enum<schema::Form>().names;
    for (auto [section, group, tallies] : {std::tuple{Section::kField, 2, &report.by_field},
                                           std::tuple{Section::kForm, 3, &report.by_form}}) {
      for (const GroupTally& g : *tallies) {
        Order o{group, "", 0, 0, 0, 0, section == Section::kForm ? Rank(g.key, forms) : 0, g.key, 0};
        TallyChange base{.section = section, .key = g.key};
        Put(o, base, "trainee_turns", g.trainee_turns);
        Put(o, base, "classes", g.classes);
      }
    }
    Put(Order{4, "", 0, 0, 0, 0, 0, "", 0}, TallyChange{.section = Section::kTotal}, "reimbursement_due_vnd",
        report.reimbursement_due_vnd);
  }

  std::vector<TallyChange> Changes() const {
    std::vector<TallyChange> out;
    for (const auto& [order, change] : lines_) {
      if (change.from != change.to) out.push_back(change);
    }
    return out;
  }

 private:
  void Put(Order order, const TallyChange& base, std::string_view measure, std::optional<int64_t> value) {
    std::get<8>(order) = Rank(measure, kMeasures);
    auto [it, added] = lines_.try_emplace(order, base);
    TallyChange& c = it->second;
    if (added) {
      c.measure = std::string(measure);
      if (!Declared(measure)) c.from = c.to = 0;
    }
    (first_ ? c.from : c.to) = value;
  }

  std::map<Order, TallyChange> lines_;
  bool first_ = true;
};

using Identity = std::tuple<Rule, std::string_view, std::string_view, std::string_view>;
Identity IdentityOf(const Violation& v) { return {v.rule, v.event, v.subject, v.enrollment}; }

// The violations of `a` that `b` does not have (as a multiset of identities).
std::vector<Violation> Missing(const std::vector<Violation>& a, const std::vector<Violation>& b) {
  std::map<Identity, int> in_b;
  for (const Violation& v : b) ++in_b[IdentityOf(v)];
  std::vector<Violation> out;
  for (const Violation& v : a) {
    int& n = in_b[IdentityOf(v)];
    if (n > 0) {
      --n;
    } else {
      out.push_back(v);
    }
  }
  return out;
}

}  // namespace

std::string_view SectionName(Section s) {
  switch (s) {
    case Section::kPlan: return "plan";
    case Section::kCell: return "cell";
    case Section::kLevel: return "by_level";
    case Section::kField: return "by_field";
    case Section::kForm: return "by_form";
    case Section::kTotal: return "total";
  }
  return "?";
}

ReportDiff DiffOutcomes(const Outcome& from, const Outcome& to) {
  Flattener f;
  f.Add(from.report, true);
  f.Add(to.report, false);
  ReportDiff d;
  d.from = from.report.as_of;
  d.to = to.report.as_of;
  d.known_at = to.report.known_at;
  d.changes = f.Changes();
  d.appeared = Missing(to.violations, from.violations);
  d.cleared = Missing(from.violations, to.violations);
  return d;
}

}  // namespace tledger
