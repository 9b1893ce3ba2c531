// xuncha staff: the team plan (巡查组组成方案) for a schedule: every team of the cycle and every
// tour's leader and experts, under every team rule.
#include "app/app.hpp"
#include "render/staff_render.hpp"
#include "commands/diff_plans.hpp"

#include <xuncha/staff/staff.hpp>

#include <fmt/format.h>

#include <map>

namespace xuncha::cli {
namespace {

struct StaffOptions {
  std::vector<std::string> paths;
  std::string schedule;
  std::string keep;
  int cycle = 0;
  std::uint64_t seed = 1;
  bool explain = false;
};

// The earlier team plan of --keep: its teams and its tours (with their team ids).
void read_keep(Context& ctx, const std::string& path, staff::Options& so, bool& failed) {
  std::vector<load::InputFile> in{{path, std::nullopt, load::InputRole::data}};
  ctx.input_names.push_back(path);
  load::LoadOptions options;
  options.max_file_bytes = ctx.global.max_file_bytes;
  auto r = load::load(std::move(in), options);
  std::vector<Diagnostic> real;  // references point into the data set, not into this file alone
  for (auto& d : r.diagnostics)
    if (d.rule != "L006") real.push_back(d);
  if (!real.empty()) {
    report_input_errors(ctx, real);
    failed = true;
    return;
  }
  if (r.data.teams.empty())
    throw UsageError(fmt::format("--keep {}：没有找到巡查组（应为 xuncha staff -f yaml 输出的组队方案）", quote_path(path)),
                     fmt::format("--keep {}: no teams found (expected a team plan as xuncha staff -f yaml writes it)", quote_path(path)));
  so.keep_teams = std::move(r.data.teams);
  for (auto& t : r.data.tours)
    if (!t.team.empty()) so.keep_tours.push_back(std::move(t));
}

int run_staff(Context& ctx, const StaffOptions& opts) {
  const auto& f = ctx.global.format;
  require_format(ctx, "staff", staff_formats);
  if (f == "html" && ctx.global.lang.empty()) ctx.zh = true;  // an office document: Chinese by default
  if (opts.explain && f != "text" && f != "json")
    throw UsageError(fmt::format("--explain 仅用于 -f text 或 json（当前为 {}）", f),
                     fmt::format("--explain goes with -f text or json (not {})", f));
  auto paths = opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths;
  if (!opts.schedule.empty()) paths.push_back(opts.schedule);
  auto loaded = load_inputs(ctx, paths);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Dataset& data = loaded.result.data;
  std::vector<std::size_t> tours;
  if (!opts.schedule.empty()) {
    // The file as loaded may be named otherwise (./schedule.yaml, a folder walk, a link): one file
    // is one file, whatever path reached it.
    auto is_schedule = [&, memo = std::map<std::size_t, bool>{}](std::size_t file) mutable {
      auto [it, fresh] = memo.emplace(file, false);
      if (fresh) it->second = same_file(data.files[file], opts.schedule);
      return it->second;
    };
    for (auto i : staff::tours_to_staff(data))
      if (data.tours[i].planned && is_schedule(data.tours[i].src.at.file)) tours.push_back(i);
    if (tours.empty())
      throw UsageError(fmt::format("--schedule {}：没有已定日期、尚未组队的计划巡查（应为 xuncha schedule -f yaml 输出的 "
                                   "kind: schedule 文档）",
                                   quote_path(opts.schedule)),
                       fmt::format("--schedule {}: no dated planned tours without a team (expected a kind: schedule document "
                                   "as xuncha schedule -f yaml writes it)",
                                   quote_path(opts.schedule)));
  } else {
    tours = staff::tours_to_staff(data);
    if (tours.empty())
      throw UsageError("staff：数据中没有待组建巡查组的巡查（没有 team 的省级巡查）；用 --schedule 文件 指定排期",
                       "staff: no tour in the data lacks a team; give a schedule with --schedule FILE");
  }
  staff::Options so;
  so.cycle_years = opts.cycle;
  so.seed = opts.seed;
  if (!opts.keep.empty()) {
    bool failed = false;
    read_keep(ctx, opts.keep, so, failed);
    if (failed) return 2;
  }
  auto result = staff::plan(data, tours, so);
  StaffView view{data, result, so, opts.explain, !opts.schedule.empty()};
  if (!result.feasible) {
    ctx.err += result.proven ? ctx.t("xuncha：不存在满足全部规则的巡查组组成方案：\n",
                                     "xuncha: no team plan exists that keeps every rule:\n")
                             : ctx.t("xuncha：未找到巡查组组成方案（未能证明不存在）：\n",
                                     "xuncha: no team plan found (not proven impossible):\n");
    for (const auto& p : result.problems) ctx.err += "  - " + ctx.t(p.text) + "\n";
    if (!ctx.global.output.empty()) ctx.no_result = true;
    else if (f == "json") ctx.out = staff_json(ctx, view);
    return 1;
  }
  // --keep: which tour went to which team and who joined or left, as xuncha diff says it.
  std::optional<PlanDiff> changes;
  Json changes_json;
  if (!opts.keep.empty()) {
    bool unread = false;
    PlanFile before = read_plan_file(ctx, opts.keep, unread);
    if (unread) return 2;
    PlanFile after = plan_from_json("staff", staff_json(ctx, view));
    name_plan(before, data, data.policy);
    name_plan(after, data, data.policy);
    changes = diff_plans(before, after);
    changes_json = plan_diff_json(*changes);
    view.diff = &changes_json;
    // The text shows people by name (json keeps the ids).
    for (auto& c : changes->teams)
      for (auto* id : {&c.before, &c.after})
        if (const Person* p = data.person(*id); p && !p->name.empty()) *id = ctx.zh ? fmt::format("{}（{}）", p->name, *id) : fmt::format("{} ({})", p->name, *id);
  }
  if (f == "text") ctx.out = staff_text(ctx, view);
  else if (f == "yaml") ctx.out = staff_yaml(ctx, view);
  else if (f == "json") ctx.out = staff_json(ctx, view);
  else if (f == "csv") ctx.out = staff_csv(ctx, view);
  else if (f == "xlsx") ctx.out = staff_xlsx(ctx, view);
  else ctx.out = staff_html(ctx, view);
  if (opts.schedule.empty() && f == "yaml" && !ctx.global.quiet)
    ctx.err += ctx.t("xuncha：巡查记录在数据中：请在各巡查的 team 字段填入方案中的巡查组编号\n",
                     "xuncha: the tours live in the data: set each tour's team to its team of the plan\n");
  if (changes) report_keep_changes(ctx, opts.keep, *changes);
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_staff(CLI::App& app) {
  auto opts = std::make_shared<StaffOptions>();
  app.add_option("paths", opts->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--schedule", opts->schedule, "The schedule to staff (kind: schedule, as xuncha schedule -f yaml writes it)");
  app.add_option("--cycle", opts->cycle, "Years of a work cycle (default: the policy's cadence_years, 2)")
      ->check(CLI::Range(1, 50));
  app.add_option("--keep", opts->keep, "An earlier team plan (xuncha staff -f yaml) to change as little as possible");
  app.add_option("--seed", opts->seed, "Seed of the local search (default 1; same input and seed, same plan)")
      ->check(CLI::Validator(
          [](std::string& s) { return s.find('-') == std::string::npos ? std::string() : "expects a whole number >= 0, got " + s; },
          "", "non-negative"));
  app.add_flag("--explain", opts->explain, "Say, per tour, why each person was chosen (text and json)");
  app.footer("Formats: text, yaml (kind: teams, appointments and the schedule's tours with their teams, for\n"
             "'xuncha check'), json, csv (--bom for Excel), html (a printable A4 team plan, Chinese unless --lang en),\n"
             "xlsx (a row per seat; needs -o FILE or a redirect).\n"
             "Exit: 0 plan written, 1 no plan (the reasons on stderr: proven impossible, or not found), 2 bad input.");
  return [opts](Context& ctx) { return run_staff(ctx, *opts); };
}

}  // namespace xuncha::cli
