#include "tools/cli/report_commands.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "core/date.h"
#include "core/files.h"
#include "core/printable.h"
#include "core/store.h"
#include "projections/compensation_list.h"
#include "projections/as_of.h"
#include "projections/money.h"
#include "projections/report_cache.h"
#include "tools/cli/command_options.h"
#include "tools/cli/ledger_view.h"
#include "tools/cli/plan_scope.h"
#include "tools/cli/render.h"
#include "tools/cli/render_compensation.h"
#include "tools/cli/render_pdf.h"
#include "tools/cli/render_xlsx.h"

namespace tledger {
namespace {

// Every option parsed and checked, before the ledger is opened.
struct Request {
  Timestamp known_at = 0;
  Format format = Format::kTable;
  bool document = false;  // --format xlsx or pdf: a document, to -o FILE
  RenderScope scope;
  std::optional<Rule> rule;
};

Result<Rule> ParseRule(const std::string& text) {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (std::optional<Rule> r = RuleByName(upper)) return *r;
  std::string names;
  for (Rule r : kAllRules) names += (names.empty() ? "" : ", ") + std::string(RuleName(r));
  return Status::InvalidInput("--rule: \"" + text + "\" is not a rule (expected one of " + names + ")");
}

// `documents`: whether the command writes xlsx and pdf too (not diff), for
// the words of an unknown --format's refusal.
Result<Request> ParseRequest(const ReportArgs& a, bool documents) {
  Request r;
  r.document = IsDocumentFormat(a.format);
  Result<Format> format = r.document ? Format::kTable : ParseFormat(a.format);
  if (!format.ok() && documents) {
    return Status::InvalidInput("--format: " + Quoted(a.format) + " is not a format (expected table, json, csv, xlsx or pdf)");
  }
  if (!format.ok()) return format.status();
  r.format = *format;
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return lang.status();
  r.scope.lang = *lang;
  Result<Timestamp> known_at = ParseKnownAtOption(a.known_at);
  if (!known_at.ok()) return known_at.status();
  r.known_at = *known_at;
  if (!a.rule.empty()) {
    Result<Rule> rule = ParseRule(a.rule);
    if (!rule.ok()) return rule.status();
    r.rule = *rule;
    r.scope.rule = *rule;
  }
  r.scope.plan = a.plan;
  r.scope.unit = a.unit;
  r.scope.restate_units = a.restate_units;
  return r;
}

Result<std::unique_ptr<LedgerView>> OpenView(const Globals& g, const Request& r) {
  Result<std::unique_ptr<LedgerView>> view = LedgerView::Open(g.db, r.known_at);
  if (!view.ok()) return view.status();
  TLEDGER_RETURN_IF_ERROR((*view)->CheckPlan(r.scope.plan));
  if (!r.scope.unit.empty()) {
    Result<Sym> unit = KnownUnit((*view)->resolved(), r.scope.unit, (*view)->known_at());
    if (!unit.ok()) return unit.status();
  }
  return view;
}

ViewOptions Options(const Request& r, Date as_of) {
  return ViewOptions{.as_of = as_of, .restate_units = r.scope.restate_units, .plan = r.scope.plan, .unit = r.scope.unit};
}

// --as-of checked, then the ledger opened and evaluated: the outcome, with
// the view it came from (the compensation list reads its Resolved, a
// workbook its head).
struct Evaluated {
  std::unique_ptr<LedgerView> view;
  Outcome outcome;
};
Result<Evaluated> EvaluateAsOf(const Globals& g, const Request& r, const std::string& as_of_text) {
  Result<Date> as_of = ParseDateOption("--as-of", as_of_text);
  if (!as_of.ok()) return as_of.status();
  Result<std::unique_ptr<LedgerView>> view = OpenView(g, r);
  if (!view.ok()) return view.status();
  Outcome outcome = (*view)->Evaluate(Options(r, *as_of));
  return Evaluated{std::move(*view), std::move(outcome)};
}

// violations --rule: only that rule's findings.
void NarrowToRule(const Request& r, Outcome* o) {
  if (r.rule) std::erase_if(o->violations, [&](const Violation& v) { return v.rule != *r.rule; });
}

void AddCommonOptions(CLI::App* cmd, ReportArgs& a) {
  cmd->add_option("--known-at", a.known_at,
                  "only what was recorded by this instant: RFC 3339 (2026-01-31T23:59:59+07:00) or a date, meaning "
                  "the end of that day in Vietnam (default: the ledger as it stands, shown as the recorded_at of its "
                  "last event)");
  cmd->add_option("--plan", a.plan, "only what concerns this plan");
  cmd->add_option("--format", a.format,
                  "table, json or csv (default table); xlsx (a workbook) or pdf (a document to sign), with -o (not diff)");
  cmd->add_option("-o,--output", a.output, "write to this file (all or nothing) instead of the standard output");
  cmd->add_option("--lang", a.lang, "vi or en: the words of tables, CSV, documents and findings (default vi)");
}

// The letterhead of a PDF: what the ledger does not know.
void AddLetterheadOptions(CLI::App* cmd, ReportArgs& a) {
  cmd->add_option("--issuer", a.issuer, "pdf: the issuing body, printed at the top left (default: a space to fill by hand)");
  cmd->add_option("--doc-number", a.doc_number, "pdf: the document's number, e.g. 12/BC-TTr (default: a space to fill)");
  cmd->add_option("--place", a.place, "pdf: the place before the date, e.g. Quảng Ninh (default: a space to fill)");
}

}  // namespace

Status WriteOut(const Globals& g, std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), g.out) != text.size()) {
    return Status::IoError("cannot write the output: " + std::string(std::strerror(errno)));
  }
  return Status::Ok();
}

// The default report is read from the report timeline of the ledger as
// known at --known-at, cached beside it (projections/report_cache.h): after
// the first time, no replay.
Result<std::optional<Report>> CachedReport(const Globals& g, const Request& r, Date as_of) {
  if (r.scope.restate_units || !r.scope.plan.empty() || !r.scope.unit.empty()) return std::optional<Report>();
  Result<std::unique_ptr<Store>> store = Store::Open(g.db, OpenMode::kRead);
  if (!store.ok()) return store.status();
  Result<Report> report = ReportKnownAt(**store, as_of, KnownAt(**store, r.known_at), /*may_write=*/!g.read_only);
  if (!report.ok()) return report.status();
  return std::optional<Report>(std::move(*report));
}

Status NeedsFile(const ReportArgs& a) {
  return Status::InvalidInput("--format " + a.format + ": " +
                              (a.format == "pdf" ? "a PDF" : "a workbook") + " is written to a file: add -o FILE");
}

// The text outputs: --format xlsx or pdf is a document, written to a file.
Result<Request> ParseTextRequest(const ReportArgs& a, bool documents = true) {
  Result<Request> r = ParseRequest(a, documents);
  if (r.ok() && r->document) return NeedsFile(a);
  return r;
}

// The documents: -o FILE required, then the ledger proved by a chained replay.
Result<Request> ParseDocumentRequest(const ReportArgs& a) {
  Result<Request> r = ParseRequest(a, true);
  if (r.ok() && a.output.empty()) return NeedsFile(a);
  return r;
}

// The scope as the output names it: --unit with the unit's name as of the
// report's date.
RenderScope Shown(const Request& r, const LedgerView& view, Date as_of) {
  RenderScope scope = r.scope;
  if (!scope.unit.empty()) {
    AsOf w(view.resolved(), as_of);
    scope.unit_name = std::string(w.UnitName(view.resolved().symbols->units.Find(scope.unit)));
  }
  return scope;
}

Provenance ProvenanceOf(const Globals& g, const LedgerView& view) { return Provenance{.head = view.head(), .command = g.command}; }

Result<std::string> ReportOutput(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseTextRequest(a);
  if (!r.ok()) return r.status();
  Result<Date> as_of = ParseDateOption("--as-of", a.as_of);
  if (!as_of.ok()) return as_of.status();
  Result<std::optional<Report>> cached = CachedReport(g, *r, *as_of);
  if (!cached.ok()) return cached.status();
  if (*cached) {
    TLEDGER_RETURN_IF_ERROR(CheckRepresentable(**cached));
    return RenderReport(**cached, r->scope, r->format);
  }
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(e->outcome.report));
  return RenderReport(e->outcome.report, Shown(*r, *e->view, *as_of), r->format);
}

Result<std::string> ViolationsOutput(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseTextRequest(a);
  if (!r.ok()) return r.status();
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  Outcome& o = e->outcome;
  NarrowToRule(*r, &o);
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(o.violations, o.report.as_of));
  return RenderViolations(o, r->scope, r->format);
}

// The đền bù list: the findings of `violations` that owe the cost of
// training, with the person, the funding and the money (compensation_list.h).
Result<std::string> CompensationOutput(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseTextRequest(a);
  if (!r.ok()) return r.status();
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  CompensationList list = ListCompensation(e->view->resolved(), e->outcome);
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(list));
  return RenderCompensation(list, r->scope, r->format);
}

Result<std::string> DiffOutput(const Globals& g, const ReportArgs& a) {
  if (IsDocumentFormat(a.format)) {
    return Status::InvalidInput("--format: \"" + a.format +
                                "\" is for report, violations and compensation (expected table, json or csv)");
  }
  Result<Request> r = ParseTextRequest(a, /*documents=*/false);
  if (!r.ok()) return r.status();
  Result<Date> from = ParseDateOption("--from", a.from);
  if (!from.ok()) return from.status();
  Result<Date> to = ParseDateOption("--to", a.to);
  if (!to.ok()) return to.status();
  Result<std::unique_ptr<LedgerView>> view = OpenView(g, *r);
  if (!view.ok()) return view.status();
  Outcome before = (*view)->Evaluate(Options(*r, *from)), after = (*view)->Evaluate(Options(*r, *to));
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(before));
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(after));
  ReportDiff d = DiffOutcomes(before, after);
  return RenderDiff(d, r->scope, r->format);
}

Result<Document> ReportDocumentOf(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseDocumentRequest(a);
  if (!r.ok()) return r.status();
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(e->outcome.report));
  return ReportDocument(e->outcome.report, Shown(*r, *e->view, e->outcome.report.as_of), ProvenanceOf(g, *e->view));
}

Result<Document> ViolationsDocumentOf(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseDocumentRequest(a);
  if (!r.ok()) return r.status();
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  Outcome& o = e->outcome;
  NarrowToRule(*r, &o);
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(o.violations, o.report.as_of));
  return ViolationsDocument(o, r->scope, ProvenanceOf(g, *e->view));
}

Result<Document> CompensationDocumentOf(const Globals& g, const ReportArgs& a) {
  Result<Request> r = ParseDocumentRequest(a);
  if (!r.ok()) return r.status();
  Result<Evaluated> e = EvaluateAsOf(g, *r, a.as_of);
  if (!e.ok()) return e.status();
  CompensationList list = ListCompensation(e->view->resolved(), e->outcome);
  TLEDGER_RETURN_IF_ERROR(CheckRepresentable(list));
  return CompensationDocument(list, r->scope, ProvenanceOf(g, *e->view));
}

Status WriteOutput(const Globals& g, const Result<std::string>& text) {
  if (!text.ok()) return text.status();
  return WriteOut(g, std::string_view(*text));
}

namespace {

// -o FILE: the output written to FILE, all or nothing (core/files.h);
// otherwise printed.
Status WriteTo(const Globals& g, const ReportArgs& a, const Result<std::string>& text) {
  if (!text.ok() || a.output.empty()) return WriteOutput(g, text);
  return WriteFileAtPath(a.output, {*text});
}

// A workbook or a PDF, dated today in Vietnam.
Status WriteDocument(const ReportArgs& a, const Result<Document>& document) {
  if (!document.ok()) return document.status();
  Result<Lang> lang = ParseLang(a.lang);
  if (!lang.ok()) return lang.status();
  if (a.format == "xlsx") return WriteWorkbook(a.output, document->sheets, *lang);
  Letterhead head{.issuer = a.issuer, .number = a.doc_number, .place = a.place, .date = VietnamDateOf(Now())};
  return WritePdf(a.output, *document, head, *lang);
}

}  // namespace

bool IsDocumentFormat(std::string_view format) { return format == "xlsx" || format == "pdf"; }

Status CmdReport(const Globals& g, const ReportArgs& a) {
  return IsDocumentFormat(a.format) ? WriteDocument(a, ReportDocumentOf(g, a)) : WriteTo(g, a, ReportOutput(g, a));
}
Status CmdViolations(const Globals& g, const ReportArgs& a) {
  return IsDocumentFormat(a.format) ? WriteDocument(a, ViolationsDocumentOf(g, a)) : WriteTo(g, a, ViolationsOutput(g, a));
}
Status CmdDiff(const Globals& g, const ReportArgs& a) { return WriteTo(g, a, DiffOutput(g, a)); }
Status CmdCompensation(const Globals& g, const ReportArgs& a) {
  return IsDocumentFormat(a.format) ? WriteDocument(a, CompensationDocumentOf(g, a))
                                    : WriteTo(g, a, CompensationOutput(g, a));
}

void AddReportCommands(CLI::App& app, const Globals& g, ReportArgs& a, std::function<Status()>& run) {
  CLI::App* report = app.add_subcommand("report", "tallies per plan and quota cell, by level, field and form, money");
  report->add_option("--as-of", a.as_of, "the world as it stood at the end of this day, YYYY-MM-DD or dd/mm/yyyy (default: today in Vietnam)");
  AddCommonOptions(report, a);
  AddLetterheadOptions(report, a);
  report->add_flag("--restate-units", a.restate_units, "count levels by each unit's successor as of --as-of");
  report->add_option("--unit", a.unit,
                     "only the trainees of this unit and the units under it (on each enrollment's date), and the "
                     "plans they issued");
  report->callback([&] { run = [&] { return CmdReport(g, a); }; });

  CLI::App* violations = app.add_subcommand("violations", "compliance violations with their evidence (exit 0 either way)");
  violations->add_option("--as-of", a.as_of, "the world as it stood at the end of this day, YYYY-MM-DD or dd/mm/yyyy (default: today in Vietnam)");
  violations->add_option("--rule", a.rule, "only this rule (NOT_IN_PLAN, QUOTA_EXCEEDED, ...)");
  AddCommonOptions(violations, a);
  AddLetterheadOptions(violations, a);
  violations->callback([&] { run = [&] { return CmdViolations(g, a); }; });

  CLI::App* compensation = app.add_subcommand(
      "compensation", "the đền bù list: each case owing the cost of its training, with the amount, what was repaid and "
                      "what is outstanding");
  compensation->add_option("--as-of", a.as_of, "the world as it stood at the end of this day, YYYY-MM-DD or dd/mm/yyyy (default: today in Vietnam)");
  AddCommonOptions(compensation, a);
  AddLetterheadOptions(compensation, a);
  compensation->callback([&] { run = [&] { return CmdCompensation(g, a); }; });

  CLI::App* diff = app.add_subcommand("diff", "what changed in tallies and violations between two as-of dates");
  diff->add_option("--from", a.from, "the earlier as-of date, YYYY-MM-DD or dd/mm/yyyy")->required();
  diff->add_option("--to", a.to, "the later as-of date, YYYY-MM-DD or dd/mm/yyyy")->required();
  AddCommonOptions(diff, a);
  diff->add_flag("--restate-units", a.restate_units, "count levels by each unit's successor as of each date");
  diff->callback([&] { run = [&] { return CmdDiff(g, a); }; });
}

}  // namespace tledger
