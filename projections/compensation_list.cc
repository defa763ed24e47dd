#include "projections/compensation_list.h"

#include <algorithm>
#include <map>

#include "projections/as_of.h"
#include "projections/money.h"

namespace tledger {
namespace {

// The public funding decisions that make up F for enrollment `e`
// (AsOf::ForEachPublicDecision), in the order they were decided.
std::vector<FundingLine> FundingOf(const AsOf& w, Sym e) {
  std::vector<const FundingDecidedFact*> facts;
  w.ForEachPublicDecision(e, [&](const FundingDecidedFact& f) { facts.push_back(&f); });
  std::sort(facts.begin(), facts.end(), [](const auto* a, const auto* b) { return a->stamp < b->stamp; });
  std::vector<FundingLine> out;
  for (const FundingDecidedFact* f : facts) {
    out.push_back({std::string(w.symbols().decisions.Name(f->decision)), f->stamp.effective, f->amount_vnd, f->funding});
  }
  return out;
}

}  // namespace

CompensationList ListCompensation(const Resolved& resolved, const Outcome& outcome) {
  const Date as_of = outcome.report.as_of;
  AsOf w(resolved, as_of);
  CompensationList list{.as_of = as_of, .known_at = outcome.report.known_at};
  // The finding owing most per enrollment (the first of equals), as
  // CompensationOwed takes it.
  std::map<std::string, size_t> by_enrollment;
  std::vector<const Violation*> owing;
  for (const Violation& v : outcome.violations) {
    if (!v.args.gross_vnd) continue;
    auto [it, added] = by_enrollment.try_emplace(v.enrollment, owing.size());
    if (added) {
      owing.push_back(&v);
    } else if (*v.args.gross_vnd > *owing[it->second]->args.gross_vnd) {
      owing[it->second] = &v;
    }
  }
  for (const Violation* v : owing) {
    CompensationLine line{.finding = *v};
    Sym person = w.symbols().persons.Find(v->args.person);
    Date on = v->args.on.value_or(as_of);
    if (const PersonRegisteredFact* reg = person != kNoSym ? w.Registration(person, on) : nullptr) {
      line.category = reg->category;
      line.leader = reg->leader;
    }
    if (Sym unit = person != kNoSym ? w.UnitAt(person, on) : kNoSym; unit != kNoSym) {
      line.unit = std::string(w.symbols().units.Name(unit));
      line.unit_name = std::string(w.UnitName(unit));
    }
    if (Sym e = w.symbols().enrollments.Find(v->enrollment); e != kNoSym) line.decisions = FundingOf(w, e);
    list.gross_vnd = AddVnd(list.gross_vnd, *v->args.gross_vnd);
    list.repaid_vnd = AddVnd(list.repaid_vnd, v->args.repaid_vnd.value_or(0));
    list.outstanding_vnd = AddVnd(list.outstanding_vnd, v->args.outstanding_vnd.value_or(0));
    list.cases.push_back(std::move(line));
  }
  return list;
}

}  // namespace tledger
