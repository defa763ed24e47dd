// `tledger find TEXT`: persons, units, plans and courses by name or id, case
// and diacritics ignored (tools/cli/people_commands.h).
#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/printable.h"
#include "projections/as_of.h"
#include "tools/cli/command_options.h"
#include "tools/cli/ledger_view.h"
#include "tools/cli/names.h"
#include "tools/cli/people_commands.h"
#include "tools/cli/render.h"
#include "tools/cli/render_csv.h"
#include "tools/cli/render_json.h"
#include "tools/cli/report_commands.h"
#include "tools/cli/search_text.h"
#include "tools/cli/shown.h"
#include "tools/cli/text_table.h"

namespace tledger {
namespace {

using Json = nlohmann::ordered_json;

// The kinds `find` looks through, in the order it lists them.
constexpr schema::Kind kKindOrder[] = {schema::Kind::PERSON, schema::Kind::UNIT, schema::Kind::PLAN,
                                       schema::Kind::COURSE};
size_t KindRank(schema::Kind k) {
  return static_cast<size_t>(std::find(std::begin(kKindOrder), std::end(kKindOrder), k) - std::begin(kKindOrder));
}

// One match, with what it is within (a person's unit, a unit's parent, a
// plan's issuer, a course's plan) and what tells it apart.
struct Found {
  MatchRank rank;
  schema::Kind kind;
  std::string id, name, folded;
  std::string within, within_name;
  std::optional<Category> category;     // person
  std::optional<Level> level;           // unit
  std::optional<PlanDocument> document;  // plan
  std::optional<Program> program;       // course
  std::string field;
  std::optional<Form> form;
  std::optional<Date> start, end;
};

// Folds names once each (many persons share a name) and ids as they come.
class Folds {
 public:
  Folds(const TextFolder& folder, const Interner& names) : folder_(folder), names_(names), by_name_(names.size()) {}
  const std::string& Name(Sym name) {
    if (!by_name_[name]) by_name_[name] = folder_.Fold(names_.Name(name));
    return *by_name_[name];
  }
  std::string Text(std::string_view text) const { return folder_.Fold(text); }

 private:
  const TextFolder& folder_;
  const Interner& names_;
  std::vector<std::optional<std::string>> by_name_;
};

std::vector<Found> Search(const AsOf& w, const TextFolder& folder, const std::vector<std::string>& query) {
  const Symbols& s = w.symbols();
  Folds folds(folder, s.names);
  std::vector<Found> out;
  auto consider = [&](schema::Kind kind, std::string_view id, std::string_view name, const std::string& folded) {
    std::optional<MatchRank> rank = MatchOf(query, folded, folds.Text(id));
    if (!rank) return static_cast<Found*>(nullptr);
    out.push_back(Found{.rank = *rank, .kind = kind, .id = std::string(id), .name = std::string(name), .folded = folded});
    return &out.back();
  };
  for (Sym p = 1; p < s.persons.size(); ++p) {
    const PersonRegisteredFact* reg = w.HasPerson(p) ? w.Registration(p, w.date()) : nullptr;
    if (reg == nullptr) continue;
    if (Found* f = consider(schema::Kind::PERSON, s.persons.Name(p), s.names.Name(reg->name), folds.Name(reg->name))) {
      f->category = reg->category;
      if (Sym unit = w.UnitAt(p, w.date()); unit != kNoSym) {
        f->within = s.units.Name(unit);
        f->within_name = w.UnitName(unit);
      }
    }
  }
  for (Sym u = 1; u < s.units.size(); ++u) {
    if (!w.HasUnit(u)) continue;
    std::string_view name = w.UnitName(u);
    if (Found* f = consider(schema::Kind::UNIT, s.units.Name(u), name, folds.Text(name))) {
      f->level = w.LevelOf(u, w.date());
      if (Sym parent = w.ParentOf(u); parent != kNoSym) {
        f->within = s.units.Name(parent);
        f->within_name = w.UnitName(parent);
      }
    }
  }
  for (Sym p = 1; p < s.plans.size(); ++p) {
    std::optional<PlanDocument> doc = w.DocumentOf(p);
    if (!doc) continue;
    if (Found* f = consider(schema::Kind::PLAN, s.plans.Name(p), doc->title, folds.Text(doc->title))) {
      f->within = doc->issuer;
      f->within_name = doc->issuer_name;
      f->document = std::move(doc);
    }
  }
  for (Sym c = 1; c < s.courses.size(); ++c) {
    const CourseOpenedFact* course = w.Course(c);
    if (course == nullptr) continue;
    if (Found* f = consider(schema::Kind::COURSE, s.courses.Name(c), s.names.Name(course->title), folds.Name(course->title))) {
      f->within = s.plans.Name(course->plan);
      if (const AsOf::Plan* plan = w.PlanOf(course->plan)) f->within_name = plan->title;
      f->program = course->program;
      f->field = s.fields.Name(course->field);
      f->form = course->form;
      f->start = course->start;
      f->end = course->end;
    }
  }
  // Best match first, then persons, units, plans, courses, each by folded
  // name, then id (byte order): the same whatever the language.
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) {
    return std::tuple(a.rank, KindRank(a.kind), std::string_view(a.folded), std::string_view(a.id)) <
           std::tuple(b.rank, KindRank(b.kind), std::string_view(b.folded), std::string_view(b.id));
  });
  return out;
}

std::string_view RankCode(MatchRank r) {
  static constexpr std::string_view kCodes[] = {"exact", "words", "partial"};
  return kCodes[static_cast<size_t>(r)];
}

// What tells a match apart, in words: a person's category, a unit's
// level, a plan's decision, a course's program, field and dates.
std::string Note(const Found& f, Lang lang) {
  if (f.category) return Name(*f.category, lang);
  if (f.level) return Name(*f.level, lang);
  if (f.document) {
    const PlanDocument& d = *f.document;
    return d.source.empty() ? Tr(kPlanNoSource, lang, DateShown(d.issued, lang))
                            : Tr(kPlanDecision, lang, Escaped(d.source), DateShown(d.issued, lang));
  }
  if (f.program) {
    return Name(*f.program, lang) + "; " + FieldName(f.field, lang) + "; " + Name(*f.form, lang) + "; " +
           Tr(kDateRange, lang, DateShown(*f.start, lang), DateShown(*f.end, lang));
  }
  return "";
}

std::string Within(const Found& f, Lang lang) {
  if (f.within.empty()) return "";
  if (f.within_name.empty()) return Escaped(f.within);
  return Tr(kNamedId, lang, Escaped(f.within_name), Escaped(f.within));
}

std::string Table(const std::string& text, const std::vector<Found>& found, Date as_of, Timestamp known_at, Lang lang) {
  std::string out = Tr(kFindHeader, lang, Quoted(text), DateShown(as_of, lang), InstantShown(known_at, lang),
                       Count(found.size(), kMatchesNoun, lang)) +
                    "\n\n";
  if (found.empty()) return out + "  " + Tr(kNone, lang) + "\n";
  TextTable t({{Tr(kNumberHeader, lang), TextTable::kRight},
               {Tr(kKindHeader, lang)},
               {Tr(kIdHeader, lang)},
               {Tr(kNameHeader, lang)},
               {Tr(kMatchHeader, lang)},
               {Tr(kWithinHeader, lang)},
               {Tr(kNoteHeader, lang)}});
  for (size_t i = 0; i < found.size(); ++i) {
    const Found& f = found[i];
    t.AddRow({Number(static_cast<int64_t>(i + 1), lang), Name(f.kind, lang), Escaped(f.id), Escaped(f.name),
              Tr(kMatchRanks[static_cast<size_t>(f.rank)], lang), Within(f, lang), Note(f, lang)});
  }
  return out + t.Render("  ");
}

std::string Csv(const std::vector<Found>& found, Date as_of, Timestamp known_at, Lang lang) {
  std::vector<std::string> header = {Tr(kKindHeader, lang),      Tr(kIdHeader, lang),         Tr(kNameHeader, lang),
                                     Tr(kMatchHeader, lang),     Tr(kWithinIdHeader, lang),   Tr(kWithinNameHeader, lang),
                                     Tr(kNoteHeader, lang)};
  std::vector<std::string> when = WhenHeader(lang);
  header.insert(header.end(), when.begin(), when.end());
  std::string out = std::string(kUtf8Bom) + CsvLine(header);
  for (const Found& f : found) {
    out += CsvLine({Name(f.kind, lang), f.id, f.name, Tr(kMatchRanks[static_cast<size_t>(f.rank)], lang), f.within,
                    f.within_name, Note(f, lang), as_of.ToString(), FormatInstant(known_at)});
  }
  return out;
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json MatchValue(const Found& f) {
  Json m = {{"id", f.id}, {"kind", CodeName(f.kind)}, {"name", f.name}, {"match", RankCode(f.rank)}};
  switch (f.kind) {
    case schema::Kind::PERSON:
      m["unit"] = OrNull(f.within);
      m["unit_name"] = OrNull(f.within_name);
      m["category"] = CodeName(*f.category);
      break;
    case schema::Kind::UNIT:
      m["level"] = f.level ? Json(CodeName(*f.level)) : Json(nullptr);
      m["parent"] = OrNull(f.within);
      m["parent_name"] = OrNull(f.within_name);
      break;
    case schema::Kind::PLAN:
      m["source"] = OrNull(f.document->source);
      m["issued"] = f.document->issued.ToString();
      m["issuer"] = f.within;
      m["issuer_name"] = OrNull(f.within_name);
      break;
    case schema::Kind::COURSE:
      m["plan"] = f.within;
      m["program"] = CodeName(*f.program);
      m["field"] = f.field;
      m["form"] = CodeName(*f.form);
      m["start"] = f.start->ToString();
      m["end"] = f.end->ToString();
      break;
    default: break;
  }
  return m;
}

std::string JsonOut(const std::string& text, const std::vector<Found>& found, Date as_of, Timestamp known_at) {
  Json matches = Json::array();
  for (const Found& f : found) matches.push_back(MatchValue(f));
  return JsonText({{"query", text},
                   {"as_of", as_of.ToString()},
                   {"known_at", FormatInstant(known_at)},
                   {"matches", std::move(matches)}});
}

}  // namespace

Result<std::string> FindOutput(const Globals& g, const FindArgs& a) {
  Result<ReadOptions> o = ParseReadOptions(a.format, a.lang, a.as_of, a.known_at);
  if (!o.ok()) return o.status();
  Result<std::unique_ptr<TextFolder>> folder = TextFolder::Make();
  if (!folder.ok()) return folder.status();
  std::vector<std::string> query = FoldedWords((*folder)->Fold(a.text));
  if (query.empty()) {
    return Status::InvalidInput("TEXT: " + Quoted(a.text) + " has no word to find (expected a name or an id, or part of one)");
  }
  Result<std::unique_ptr<LedgerView>> view = LedgerView::Open(g.db, o->known_at);
  if (!view.ok()) return view.status();
  AsOf w((*view)->resolved(), o->as_of);
  std::vector<Found> found = Search(w, **folder, query);
  switch (o->format) {
    case Format::kTable: return Table(a.text, found, o->as_of, (*view)->known_at(), o->lang);
    case Format::kCsv: return Csv(found, o->as_of, (*view)->known_at(), o->lang);
    case Format::kJson: return JsonOut(a.text, found, o->as_of, (*view)->known_at());
  }
  return Status::InvalidInput("--format");
}

Status CmdFind(const Globals& g, const FindArgs& a) { return WriteOutput(g, FindOutput(g, a)); }

}  // namespace tledger
