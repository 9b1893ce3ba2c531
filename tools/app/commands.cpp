// The one list of subcommands: drives parsing, --help and (through a test) the man page.
#include "app/app.hpp"
#include "render/findings.hpp"
#include "render/schedule.hpp"
#include "render/staff_render.hpp"

namespace xuncha::cli {

std::function<int(Context&)> setup_check(CLI::App&);
std::function<int(Context&)> setup_rule(CLI::App&);
std::function<int(Context&)> setup_teams(CLI::App&);
std::function<int(Context&)> setup_schedule(CLI::App&);
std::function<int(Context&)> setup_workdays(CLI::App&);
std::function<int(Context&)> setup_deadlines(CLI::App&);
std::function<int(Context&)> setup_schema(CLI::App&);
std::function<int(Context&)> setup_staff(CLI::App&);
std::function<int(Context&)> setup_completion(CLI::App&);
std::function<int(Context&)> setup_config(CLI::App&);
std::function<int(Context&)> setup_ledger(CLI::App&);
std::function<int(Context&)> setup_init(CLI::App&);
std::function<int(Context&)> setup_import(CLI::App&);
std::function<int(Context&)> setup_export(CLI::App&);
std::function<int(Context&)> setup_draft(CLI::App&);
std::function<int(Context&)> setup_diff(CLI::App&);
const std::vector<std::string>& ledger_formats();
const std::vector<std::string>& deadlines_formats();
const std::vector<std::string>& diff_formats();

const std::vector<Command>& commands() {
  static const std::vector<Command> all{
      {"init", "Start a province's data folder: commented, schema-linked files and a README (never overwrites)", setup_init, {"text"}},
      {"schedule", "Generate the multi-year rotation schedule (text, yaml, json, csv, md, html, ics, xlsx)", setup_schedule, schedule_formats},
      {"staff", "Compose the teams for a schedule: the team plan (text, yaml, json, csv, html, xlsx)", setup_staff, staff_formats},
      {"diff", "Compare two schedules or two team plans: tours moved, added, dropped; who joined or left", setup_diff, diff_formats()},
      {"check", "Run every rule over a data set (the CI gate)", setup_check, findings_formats},
      {"deadlines", "Procedure deadlines: overdue, due soon, all (working days)", setup_deadlines, deadlines_formats()},
      {"ledger", "The problem ledger: problems to closure, listed hazards, leads, public reports, look-backs", setup_ledger, ledger_formats()},
      {"draft", "Draft the office's documents from the data: report, feedback, announcement, supervision, assessment, annual, work-plan, team-plan (html, docx, json)", setup_draft, {"html", "docx", "json", "text"}},
      {"workdays", "Working-day arithmetic: add, between, is, list", setup_workdays, {"text", "json"}},
      {"teams", "Validate team composition; --suggest TOUR finds people for broken roles", setup_teams, findings_formats},
      {"rule", "Explain rules: clause, severity, zh and en", setup_rule, {"text", "json", "man"}},
      {"schema", "JSON Schemas: input kinds (draft 2020-12) and, with --output CMD, json outputs", setup_schema, {"json", "text"}},
      {"completion", "Print a shell completion script: bash, zsh or fish", setup_completion, {"text"}},
      {"import", "Spreadsheets in: xlsx, xls or CSV sheets as offices keep them, to YAML that check reads", setup_import, {"text", "yaml"}},
      {"export", "A kind of the data set as a workbook (xlsx) with the columns import reads, for an office to fill in", setup_export, {"xlsx"}},
      {"config", "Show the effective settings (flags > xuncha.yaml > defaults) and where each came from", setup_config, {"text", "json"}},
  };
  return all;
}

}  // namespace xuncha::cli
