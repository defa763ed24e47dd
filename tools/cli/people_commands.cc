#include "tools/cli/people_commands.h"

#include <CLI/CLI.hpp>

namespace tledger {

void AddPeopleCommands(CLI::App& app, const Globals& g, FindArgs& f, PeopleArgs& p, std::function<Status()>& run) {
  auto add_read_options = [](CLI::App* cmd, std::string& as_of, std::string& known_at, std::string& format,
                             std::string& lang) {
    cmd->add_option("--as-of", as_of,
                    "the world as it stood at the end of this day, YYYY-MM-DD or dd/mm/yyyy (default: today in Vietnam)");
    cmd->add_option("--known-at", known_at,
                    "only what was recorded by this instant: RFC 3339 or a date, meaning the end of that day in "
                    "Vietnam (default: the ledger as it stands)");
    cmd->add_option("--format", format, "table, json or csv (default table)");
    cmd->add_option("--lang", lang, "vi or en (default vi)");
  };

  CLI::App* find = app.add_subcommand(
      "find", "persons, units, plans and courses whose name or id holds every word of TEXT, case and diacritics ignored");
  find->add_option("text", f.text, "the words to find (Ho Thi Thuy finds Hồ Thị Thủy)")->required();
  add_read_options(find, f.as_of, f.known_at, f.format, f.lang);
  find->callback([&] { run = [&] { return CmdFind(g, f); }; });

  CLI::App* people = app.add_subcommand(
      "people", "the enrollments a plan's cells count: the persons behind a number of the report");
  people->add_option("--plan", p.plan, "the plan (required)")->required();
  add_read_options(people, p.as_of, p.known_at, p.format, p.lang);
  people->add_option("--program", p.program, "only this program (phd, master, ...)");
  people->add_option("--funding-class", p.funding_class, "only this funding class (public or self)");
  people->add_option("--location", p.location, "only this location (domestic or foreign)");
  people->add_option("--field", p.field, "only this field code (information_technology, ...)");
  people->add_option("--form", p.form, "only this form (centralized, semi_centralized, remote, online)");
  people->add_option("--unit", p.unit, "only the persons of this unit and the units under it (by parent, as of --as-of)");
  people->callback([&] { run = [&] { return CmdPeople(g, p); }; });
}

}  // namespace tledger
