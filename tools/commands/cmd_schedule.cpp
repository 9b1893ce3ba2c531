// xuncha schedule: generate the multi-year rotation schedule (SCHEDULING.md).
#include "app/app.hpp"
#include "render/html.hpp"
#include "render/ics.hpp"
#include "render/schedule.hpp"
#include "commands/diff_plans.hpp"

#include <xuncha/rules/policy_check.hpp>
#include <xuncha/schedule/schedule.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct ScheduleOptions {
  std::vector<std::string> paths;
  int from = 0;
  int years = 5;
  int teams = 0;
  std::uint64_t seed = 1;
  bool explain = false;
  std::string keep;
};

// The earlier schedule of --keep: its planned tours.
std::vector<Tour> read_keep(Context& ctx, const std::string& path, bool& failed) {
  std::vector<load::InputFile> in{{path, std::nullopt, load::InputRole::data}};
  ctx.input_names.push_back(path);
  load::LoadOptions options;
  options.max_file_bytes = ctx.global.max_file_bytes;
  auto r = load::load(std::move(in), options);
  auto policy = rules::validate_policy(r.data);
  r.diagnostics.insert(r.diagnostics.end(), policy.begin(), policy.end());
  sort_diagnostics(r.diagnostics);
  // References to regions live in the data set, not in the schedule file alone.
  std::vector<Diagnostic> real;
  for (auto& d : r.diagnostics)
    if (d.rule != "L006") real.push_back(d);
  if (!real.empty()) {
    report_input_errors(ctx, real);
    failed = true;
    return {};
  }
  std::vector<Tour> out;
  for (auto& t : r.data.tours)
    if (t.planned) out.push_back(std::move(t));
  // A schedule with no tours (nothing was left to plan) is a valid, empty starting point; a file
  // of other records is not a schedule.
  const auto& d = r.data;
  bool other = !d.regions.empty() || !d.units.empty() || !d.people.empty() || !d.teams.empty() ||
               !d.appointments.empty() || !d.tours.empty();
  if (out.empty() && other)
    throw UsageError(fmt::format("--keep {}：没有找到计划中的巡查（应为 kind: schedule 文档）", quote_path(path)),
                     fmt::format("--keep {}: no planned tours found (expected a kind: schedule document)", quote_path(path)));
  return out;
}

int run_schedule(Context& ctx, const ScheduleOptions& opts) {
  const auto& f = ctx.global.format;
  require_format(ctx, "schedule", schedule_formats);
  // The printable page is an office document: Chinese unless --lang says otherwise.
  if (f == "html" && ctx.global.lang.empty()) ctx.zh = true;
  if (opts.explain && f != "text" && f != "json")
    throw UsageError(fmt::format("--explain 仅用于 -f text 或 json（当前为 {}）", f),
                     fmt::format("--explain goes with -f text or json (not {})", f));
  // (in 64 bits: a year near the top of int must not wrap round into the range)
  if (opts.from < min_year || static_cast<long long>(opts.from) + opts.years - 1 > max_year - 1)
    throw UsageError(fmt::format("--from 应为 {} 至 {} 之间的年份（--years {} 时）", min_year, max_year - opts.years, opts.years),
                     fmt::format("--from expects a year in {}–{} (with --years {})", min_year, max_year - opts.years, opts.years));
  auto loaded = load_inputs(ctx, opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Dataset& data = loaded.result.data;
  if (data.regions.empty()) throw UsageError("schedule：数据中没有地区（kind: regions）", "schedule: the data set has no regions (kind: regions)");
  // Periods need the holidays of every round year. Deadlines reach into the year after it: planned
  // deadlines are estimates anyway, so a year the calendar does not cover there is counted by
  // weekends only, with one warning after planning (below).
  std::set<int> rounds, estimated;
  for (int y : schedule::round_years(data, opts.from, opts.years)) rounds.insert(y);
  for (int y : rounds)
    if (!loaded.calendar.covers(y)) uncovered_year(ctx, loaded.calendar, y);
  for (int y : rounds)
    if (!rounds.count(y + 1) && !loaded.calendar.covers(y + 1)) estimated.insert(y + 1);
  schedule::Options so;
  so.from = opts.from;
  so.years = opts.years;
  so.teams = opts.teams;
  so.seed = opts.seed;
  so.not_before = ctx.as_of;
  if (!opts.keep.empty()) {
    bool failed = false;
    so.keep = read_keep(ctx, opts.keep, failed);
    if (failed) return 2;
  }
  // The earlier schedule as the diff reads it (kept before the planner takes so.keep).
  PlanFile before{"schedule", {}, {}, opts.keep.empty() ? std::nullopt : plan_file_objective(ctx, opts.keep)};
  for (const auto& t : so.keep) before.tours.push_back(planned_tour(t));
  auto result = schedule::plan(data, loaded.calendar, so);
  ScheduleView view{data, loaded.calendar, result, so, opts.explain};
  if (!result.feasible) {
    // "Exists" only with a proof; otherwise the search found none.
    if (result.proven)
      ctx.err += ctx.t(fmt::format("xuncha：无法排出 {}—{} 年的巡查计划：\n", opts.from, opts.from + opts.years - 1),
                       fmt::format("xuncha: no schedule exists for {}-{}:\n", opts.from, opts.from + opts.years - 1));
    else
      ctx.err += ctx.t(fmt::format("xuncha：未找到 {}—{} 年的巡查计划：\n", opts.from, opts.from + opts.years - 1),
                       fmt::format("xuncha: no schedule found for {}-{}:\n", opts.from, opts.from + opts.years - 1));
    for (const auto& p : result.problems) ctx.err += "  - " + text::one_line(ctx.t(p.text)) + "\n";
    // -o FILE names where the schedule goes: with none, an earlier schedule there stays as it was.
    if (!ctx.global.output.empty()) ctx.no_result = true;
    else if (f == "json") ctx.out = schedule_json(ctx, view);
    return 1;
  }
  if (!estimated.empty() && !ctx.global.quiet) {
    // One warning for every deadline in a year the calendar does not cover.
    std::size_t n = 0;
    for (const auto& t : result.tours) {
      bool in = false;
      for (Date d : {t.report_due, t.feedback_assumed, t.plan_due, t.results_due})
        in = in || (t.end && estimated.count(year_of(d)));
      n += in ? 1 : 0;
    }
    std::string ys;
    for (int y : estimated) ys += (ys.empty() ? "" : ", ") + std::to_string(y);
    if (n > 0)
      ctx.err += ctx.t(fmt::format("xuncha：警告：工作日历不包含 {} 年；{} 次巡查落在该年的截止日期只按周末估算\n", ys, n),
                       fmt::format("xuncha: warning: the working-day calendar does not cover {}: the deadlines of {} "
                                   "tour(s) that fall in it are estimated counting weekends only\n",
                                   ys, n));
  }
  // --keep: what moved from where to where, as xuncha diff says it.
  std::optional<PlanDiff> changes;
  if (!opts.keep.empty()) {
    PlanFile after{"schedule", {}, {}, result.objective};
    for (const auto& t : result.tours)
      if (!t.pinned)
        after.tours.push_back({t.id, t.region, t.region, t.year, "", std::to_string(t.team), t.start ? format_iso(*t.start) : ""});
    name_plan(before, data, data.policy);
    name_plan(after, data, data.policy);
    changes = diff_plans(before, after);
  }
  Json changes_json = changes ? plan_diff_json(*changes) : Json();
  if (changes) view.changes = &changes_json;
  if (f == "text") ctx.out = schedule_text(ctx, view);
  else if (f == "yaml") ctx.out = schedule_yaml(ctx, view);
  else if (f == "json") ctx.out = schedule_json(ctx, view);
  else if (f == "csv") ctx.out = schedule_csv(ctx, view);
  else if (f == "md") ctx.out = schedule_md(ctx, view);
  else if (f == "html") ctx.out = schedule_html(ctx, view);
  else if (f == "xlsx") ctx.out = schedule_xlsx(ctx, view);
  else ctx.out = schedule_ics(ctx, view);
  if (changes) report_keep_changes(ctx, opts.keep, *changes);
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_schedule(CLI::App& app) {
  auto opts = std::make_shared<ScheduleOptions>();
  app.add_option("paths", opts->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--from", opts->from, "First year of the schedule")->required();
  app.add_option("--years", opts->years, "Years to plan (default 5)")->check(CLI::Range(1, 30));
  app.add_option("--teams", opts->teams, "Teams per round (default: the policy's teams_per_round, 4)")
      ->check(CLI::Range(1, 10000));
  app.add_option("--seed", opts->seed, "Seed of the local search (default 1; same input and seed, same schedule)")
      ->check(CLI::Validator(
          [](std::string& s) { return s.find('-') == std::string::npos ? std::string() : "expects a whole number >= 0, got " + s; },
          "", "non-negative"));
  app.add_flag("--explain", opts->explain, "Say, per region, why it went where it went (text and json)");
  app.add_option("--keep", opts->keep, "An earlier schedule (kind: schedule) to change as little as possible");
  app.footer("Formats: text (a table by round and team), yaml (a kind: schedule document for 'xuncha check'),\n"
             "json, csv (--bom for Excel), md, html (a printable A4 page, Chinese unless --lang en),\n"
             "ics (events and due dates), xlsx (tours and a region-by-year sheet; needs -o FILE or a redirect).\n"
             "Exit: 0 schedule written, 1 no schedule exists or none was found (the reasons on stderr), 2 bad input.");
  return [opts](Context& ctx) { return run_schedule(ctx, *opts); };
}

}  // namespace xuncha::cli
