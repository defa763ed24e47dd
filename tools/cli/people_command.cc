// `tledger people --plan ID [filters]`: the enrollments behind a plan's
// figures (tools/cli/people_commands.h).
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/printable.h"
#include "core/schema_info.h"
#include "projections/as_of.h"
#include "projections/tallies.h"
#include "tools/cli/command_options.h"
#include "tools/cli/ledger_view.h"
#include "tools/cli/names.h"
#include "tools/cli/people_commands.h"
#include "tools/cli/plan_scope.h"
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

// A list of names in a refusal: enough to spot a typo, never a wall of text.
constexpr size_t kListed = 40;

// The filters, parsed; the codes as given on the command line.
struct Filters {
  std::optional<Program> program;
  std::optional<FundingClass> funding_class;
  std::optional<Location> location;
  std::optional<Form> form;
  std::string field, unit;
};

template <typename E>
Status ParseCode(const char* option, const char* what, const std::string& text, std::optional<E>* out) {
  if (text.empty()) return Status::Ok();
  const EnumInfo& e = EventSchema::Get().Enum<E>();
  std::optional<uint16_t> v = e.Value(text);
  if (!v) {
    return Status::InvalidInput(std::string(option) + ": " + Quoted(text) + " is not a " + what + " (expected one of " +
                                e.joined + ")");
  }
  *out = static_cast<E>(*v);
  return Status::Ok();
}

Result<Filters> ParseFilters(const PeopleArgs& a) {
  Filters f;
  TLEDGER_RETURN_IF_ERROR(ParseCode("--program", "program", a.program, &f.program));
  TLEDGER_RETURN_IF_ERROR(ParseCode("--funding-class", "funding class", a.funding_class, &f.funding_class));
  TLEDGER_RETURN_IF_ERROR(ParseCode("--location", "location", a.location, &f.location));
  TLEDGER_RETURN_IF_ERROR(ParseCode("--form", "form", a.form, &f.form));
  f.field = a.field;
  f.unit = a.unit;
  return f;
}

std::string Listed(std::vector<std::string_view> names) {
  std::sort(names.begin(), names.end());
  std::string list;
  for (size_t i = 0; i < names.size() && i < kListed; ++i) list += (i > 0 ? ", " : "") + std::string(names[i]);
  if (names.size() > kListed) list += ", ... (" + std::to_string(names.size()) + " in all)";
  return list;
}

// The field code as the ledger knows it; NotFound listing the codes there are.
Result<Sym> FieldSym(const Symbols& s, const std::string& field, Timestamp known_at) {
  Sym f = s.fields.Find(field);
  if (f != kNoSym) return f;
  std::vector<std::string_view> known;
  for (Sym i = 1; i < s.fields.size(); ++i) known.push_back(s.fields.Name(i));
  return Status::NotFound("--field: the ledger as known at " + FormatInstant(known_at) + " names no field " +
                          Quoted(field) + " (fields: " + (known.empty() ? std::string("none") : Listed(known)) + ")");
}

// One enrollment as a line shows it.
struct Line {
  std::string folded;  // the person's name, for the order
  const EnrollmentTally* t = nullptr;
  std::string person, person_name, unit, unit_name, enrollment, course, course_title, field;
  Date enrolled_on;
  Funding funding{};
};

// "in_progress", "completed", "failed" or "withdrawn": the cell's measure
// the enrollment counts under.
std::string_view StatusCode(const EnrollmentTally& t) {
  if (!t.active) return "withdrawn";
  switch (t.status) {
    case EnrollmentTally::Status::kInProgress: return "in_progress";
    case EnrollmentTally::Status::kCompleted: return "completed";
    case EnrollmentTally::Status::kFailed: return "failed";
  }
  return "in_progress";
}

std::string StatusName(const EnrollmentTally& t, Lang lang) {
  if (t.active && t.status == EnrollmentTally::Status::kFailed) return FailedName(t.program, lang);
  return MeasureLabel(StatusCode(t), lang);
}

struct Listing {
  std::string plan;
  Date as_of;
  Timestamp known_at = 0;
  Filters filters;
  std::string unit_name;  // of --unit, as of D
  std::vector<EnrollmentTally> tallies;
  std::vector<Line> lines;
  CellTally counts{};
};

// The filters in words: "Trình độ, chương trình: Tiến sĩ; ...".
std::string FiltersShown(const Listing& l, Lang lang) {
  std::vector<std::string> items;
  const Filters& f = l.filters;
  if (f.program) items.push_back(Tr(kFilterItem, lang, MeasureLabel("program", lang), Name(*f.program, lang)));
  if (f.funding_class) {
    items.push_back(Tr(kFilterItem, lang, MeasureLabel("funding_class", lang), Name(*f.funding_class, lang)));
  }
  if (f.location) items.push_back(Tr(kFilterItem, lang, MeasureLabel("location", lang), Name(*f.location, lang)));
  if (!f.field.empty()) items.push_back(Tr(kFilterItem, lang, Tr(kFieldHeader, lang), Escaped(FieldName(f.field, lang))));
  if (f.form) items.push_back(Tr(kFilterItem, lang, Tr(kFormHeader, lang), Name(*f.form, lang)));
  if (!f.unit.empty()) {
    std::string unit = l.unit_name.empty() ? Escaped(f.unit) : Tr(kNamedId, lang, Escaped(l.unit_name), Escaped(f.unit));
    items.push_back(Tr(kFilterItem, lang, Tr(kUnitHeader, lang), Tr(kUnitAndBelow, lang, unit)));
  }
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

std::string Table(const Listing& l, Lang lang) {
  std::string out = Tr(kPeopleHeader, lang, Escaped(l.plan), DateShown(l.as_of, lang), InstantShown(l.known_at, lang),
                       Count(l.lines.size(), kEnrollmentsNoun, lang)) +
                    "\n";
  std::string filters = FiltersShown(l, lang);
  if (!filters.empty()) out += Tr(kPeopleFilter, lang, filters) + "\n";
  const CellTally& c = l.counts;
  out += Tr(kPeopleCounts, lang, Number(c.enrolled, lang), Number(c.completed, lang), Number(c.failed, lang),
            Number(c.in_progress, lang), Number(c.withdrawn, lang)) +
         "\n\n";
  if (l.lines.empty()) return out + "  " + Tr(kNone, lang) + "\n";
  TextTable t({{Tr(kNumberHeader, lang), TextTable::kRight},
               {Tr(kFullNameHeader, lang)},
               {Tr(kPersonIdHeader, lang)},
               {Tr(kUnitHeader, lang)},
               {Tr(kEnrollmentIdHeader, lang)},
               {Tr(kCourseHeader, lang)},
               {MeasureLabel("program", lang)},
               {MeasureLabel("funding_class", lang)},
               {MeasureLabel("location", lang)},
               {Tr(kFieldHeader, lang)},
               {Tr(kFormHeader, lang)},
               {Tr(kStatusHeader, lang)}});
  for (size_t i = 0; i < l.lines.size(); ++i) {
    const Line& n = l.lines[i];
    const EnrollmentTally& e = *n.t;
    std::string unit = n.unit.empty()      ? std::string()
                       : n.unit_name.empty() ? Escaped(n.unit)
                                             : Tr(kNamedId, lang, Escaped(n.unit_name), Escaped(n.unit));
    t.AddRow({Number(static_cast<int64_t>(i + 1), lang), Escaped(n.person_name), Escaped(n.person), unit,
              Escaped(n.enrollment), Escaped(n.course), Name(e.program, lang), Name(e.funding_class, lang),
              Name(e.location, lang), FieldName(n.field, lang), Name(e.form, lang), StatusName(e, lang)});
  }
  return out + t.Render("  ");
}

std::string Csv(const Listing& l, Lang lang) {
  std::vector<std::string> header = {Tr(kPersonIdHeader, lang),       Tr(kFullNameHeader, lang),
                                     Tr(kUnitIdHeader, lang),         Tr(kUnitHeader, lang),
                                     Tr(kEnrollmentIdHeader, lang),   Tr(kEnrolledOnHeader, lang),
                                     Tr(kCourseHeader, lang),         Tr(kCourseTitleHeader, lang),
                                     MeasureLabel("program", lang),   Tr(kFundingSourceHeader, lang),
                                     MeasureLabel("funding_class", lang), MeasureLabel("location", lang),
                                     Tr(kFieldHeader, lang),          Tr(kFormHeader, lang),
                                     Tr(kStatusHeader, lang)};
  std::vector<std::string> when = WhenHeader(lang);
  header.insert(header.end(), when.begin(), when.end());
  std::string out = std::string(kUtf8Bom) + CsvLine(header);
  for (const Line& n : l.lines) {
    const EnrollmentTally& e = *n.t;
    out += CsvLine({n.person, n.person_name, n.unit, n.unit_name, n.enrollment, n.enrolled_on.ToString(), n.course,
                    n.course_title, Name(e.program, lang), Name(n.funding, lang), Name(e.funding_class, lang),
                    Name(e.location, lang), FieldName(n.field, lang), Name(e.form, lang), StatusName(e, lang),
                    l.as_of.ToString(), FormatInstant(l.known_at)});
  }
  return out;
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
template <typename E>
Json OrNull(const std::optional<E>& v) {
  return v ? Json(CodeName(*v)) : Json(nullptr);
}

std::string JsonOut(const Listing& l) {
  const Filters& f = l.filters;
  Json filters = {{"program", OrNull(f.program)},   {"funding_class", OrNull(f.funding_class)},
                  {"location", OrNull(f.location)}, {"field", OrNull(f.field)},
                  {"form", OrNull(f.form)},         {"unit", OrNull(f.unit)}};
  const CellTally& c = l.counts;
  Json counts = {{"enrolled", c.enrolled},
                 {"completed", c.completed},
                 {"failed", c.failed},
                 {"in_progress", c.in_progress},
                 {"withdrawn", c.withdrawn}};
  Json rows = Json::array();
  for (const Line& n : l.lines) {
    const EnrollmentTally& e = *n.t;
    rows.push_back({{"person", n.person},
                    {"person_name", OrNull(n.person_name)},
                    {"unit", OrNull(n.unit)},
                    {"unit_name", OrNull(n.unit_name)},
                    {"enrollment", n.enrollment},
                    {"enrolled_on", n.enrolled_on.ToString()},
                    {"course", n.course},
                    {"course_title", OrNull(n.course_title)},
                    {"program", CodeName(e.program)},
                    {"funding", CodeName(n.funding)},
                    {"funding_class", CodeName(e.funding_class)},
                    {"location", CodeName(e.location)},
                    {"field", n.field},
                    {"form", CodeName(e.form)},
                    {"status", StatusCode(e)}});
  }
  return JsonText({{"plan", l.plan},
                   {"as_of", l.as_of.ToString()},
                   {"known_at", FormatInstant(l.known_at)},
                   {"filters", std::move(filters)},
                   {"counts", std::move(counts)},
                   {"enrollments", std::move(rows)}});
}

}  // namespace

Result<std::string> PeopleOutput(const Globals& g, const PeopleArgs& a) {
  Result<ReadOptions> o = ParseReadOptions(a.format, a.lang, a.as_of, a.known_at);
  if (!o.ok()) return o.status();
  Result<Filters> filters = ParseFilters(a);
  if (!filters.ok()) return filters.status();
  if (a.plan.empty()) return Status::InvalidInput("--plan: a plan id is required (`tledger find TEXT` finds one)");
  Result<std::unique_ptr<TextFolder>> folder = TextFolder::Make();
  if (!folder.ok()) return folder.status();

  Result<std::unique_ptr<LedgerView>> view = LedgerView::Open(g.db, o->known_at);
  if (!view.ok()) return view.status();
  TLEDGER_RETURN_IF_ERROR((*view)->CheckPlan(a.plan));
  const Resolved& r = (*view)->resolved();
  const Symbols& s = *r.symbols;
  Listing l{.plan = a.plan, .as_of = o->as_of, .known_at = (*view)->known_at(), .filters = *filters};
  Sym field = kNoSym, unit = kNoSym;
  if (!l.filters.field.empty()) {
    Result<Sym> f = FieldSym(s, l.filters.field, l.known_at);
    if (!f.ok()) return f.status();
    field = *f;
  }
  if (!l.filters.unit.empty()) {
    Result<Sym> u = KnownUnit(r, l.filters.unit, l.known_at);
    if (!u.ok()) return u.status();
    unit = *u;
  }

  AsOf w(r, o->as_of);
  if (unit != kNoSym) l.unit_name = std::string(w.UnitName(unit));
  UnitSubtree under(w, unit);
  const Filters& f = l.filters;
  for (const EnrollmentTally& t : TalliesOfPlan(w, s.plans.Find(a.plan))) {
    AsOf::CellKey key = CellKeyOf(t);
    if ((f.program && key.program != *f.program) || (f.funding_class && key.funding_class != *f.funding_class) ||
        (f.location && key.location != *f.location) || (field != kNoSym && t.field != field) ||
        (f.form && t.form != *f.form) || (unit != kNoSym && !under.Contains(t.unit))) {
      continue;
    }
    l.tallies.push_back(t);
  }
  l.lines.reserve(l.tallies.size());
  for (const EnrollmentTally& t : l.tallies) {
    Line n;
    n.t = &t;
    n.person = s.persons.Name(t.person);
    n.person_name = w.PersonName(t.person);
    n.folded = (*folder)->Fold(n.person_name);
    if (t.unit != kNoSym) {
      n.unit = s.units.Name(t.unit);
      n.unit_name = w.UnitName(t.unit);
    }
    n.enrollment = s.enrollments.Name(t.enrollment);
    const EnrollmentRecordedFact* rec = w.Enr(t.enrollment).rec;
    n.enrolled_on = rec->stamp.effective;
    n.funding = rec->funding;
    n.course = s.courses.Name(t.course);
    if (const CourseOpenedFact* course = w.Course(t.course)) n.course_title = s.names.Name(course->title);
    n.field = s.fields.Name(t.field);
    l.lines.push_back(std::move(n));
    CountInCell(t, &l.counts);
  }
  // By the person's name (case and diacritics ignored), then person id,
  // then enrollment id (byte order): the same whatever the language.
  std::sort(l.lines.begin(), l.lines.end(), [](const Line& x, const Line& y) {
    return std::tie(x.folded, x.person, x.enrollment) < std::tie(y.folded, y.person, y.enrollment);
  });
  switch (o->format) {
    case Format::kTable: return Table(l, o->lang);
    case Format::kCsv: return Csv(l, o->lang);
    case Format::kJson: return JsonOut(l);
  }
  return Status::InvalidInput("--format");
}

Status CmdPeople(const Globals& g, const PeopleArgs& a) { return WriteOutput(g, PeopleOutput(g, a)); }

}  // namespace tledger
