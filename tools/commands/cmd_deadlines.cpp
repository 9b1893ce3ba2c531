// xuncha deadlines: each tour's procedure steps with due dates and status as of --as-of.
#include "app/app.hpp"
#include "commands/deadlines_ledger.hpp"
#include "render/ics.hpp"

#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace xuncha::cli {
const std::vector<std::string>& deadlines_formats();
namespace {

using deadlines::Row;
using deadlines::Status;

struct DeadlinesOptions {
  std::vector<std::string> paths;
  int within = -1;
  bool overdue = false, due_soon = false, all = false, fail_if_overdue = false, ics_events = false;
  std::string region, tour;
};

std::string step_name(const Context& ctx, Milestone m) {
  auto i = static_cast<std::size_t>(m);
  return std::string(ctx.zh ? milestone_zh[i] : milestone_names[i]);
}
std::string status_name(const Context& ctx, Status s) {
  auto i = static_cast<std::size_t>(s);
  std::string name(ctx.zh ? deadlines::status_zh[i] : deadlines::status_names[i]);
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}
std::string by_text(const Context& ctx, const Row& r) {
  switch (r.status) {
    case Status::overdue:
    case Status::done_late: return ctx.zh ? fmt::format("{} 个工作日", r.by) : fmt::format("{} wd", r.by);
    case Status::due_soon:
    case Status::pending: return ctx.zh ? fmt::format("剩 {} 个工作日", r.by) : fmt::format("{} wd left", r.by);
    default: return "";
  }
}
std::string opt_date(const std::optional<Date>& d) { return d ? format_iso(*d) : "-"; }

std::string render_text(const Context& ctx, const Dataset& data, const std::vector<Row>& rows) {
  text::Table t({ctx.t("巡查", "tour"), ctx.t("地区", "region"), ctx.t("步骤", "step"), ctx.t("期限", "due"),
                 ctx.t("完成", "done"), ctx.t("状态", "status"), ctx.t("差额", "by")},
                {false, false, false, false, false, false, true});
  for (const auto& r : rows) {
    const Region* reg = data.region(r.tour->region);
    std::string status = status_name(ctx, r.status);
    if (ctx.color && r.status == Status::overdue) status = paint(status, "1;31", true);
    else if (ctx.color && r.status == Status::due_soon) status = paint(status, "1;33", true);
    t.add({r.tour->id, reg ? reg->name : r.tour->region, step_name(ctx, r.step),
           opt_date(r.due) + (r.uncovered_year && r.due ? "#" : ""), opt_date(r.done), status, by_text(ctx, r)});
  }
  std::string out = ctx.zh ? fmt::format("巡查程序期限（截至 {}）\n", format_iso(ctx.as_of))
                           : fmt::format("Procedure deadlines (as of {})\n", format_iso(ctx.as_of));
  if (rows.empty()) return out + ctx.t("没有符合条件的期限\n", "no deadlines match\n");
  out += t.render(ctx.width);
  int overdue = 0, soon = 0;
  for (const auto& r : rows) {
    overdue += r.status == Status::overdue;
    soon += r.status == Status::due_soon;
  }
  out += ctx.zh ? fmt::format("共 {} 项，逾期 {} 项，即将到期 {} 项\n", rows.size(), overdue, soon)
                : fmt::format("{}, {} overdue, {} due soon\n", count_of(rows.size(), "step"), overdue, soon);
  std::vector<int> years;
  for (const auto& r : rows) years.push_back(r.uncovered_year.value_or(0));
  return out + estimated_note(ctx, years);
}

std::string render_json(const Context& ctx, const std::vector<Row>& rows, const std::vector<ledger::Deadline>* led) {
  Json j = json_envelope(ctx, "deadlines");
  Json list = Json::array();
  for (const auto& r : rows)
    list.push_back({{"tour", r.tour->id}, {"region", r.tour->region},
                    {"step", milestone_names[static_cast<std::size_t>(r.step)]},
                    {"due", r.due ? Json(format_iso(*r.due)) : Json(nullptr)},
                    {"done", r.done ? Json(format_iso(*r.done)) : Json(nullptr)},
                    {"status", deadlines::status_names[static_cast<std::size_t>(r.status)]}, {"workdays", r.by},
                    {"estimated", r.uncovered_year.has_value()}});
  j["deadlines"] = std::move(list);
  if (led) j["ledger_deadlines"] = ledger_deadlines_json(*led);
  return json_dump(j);
}

// CSV: English header and keys whatever the language (render/csv.hpp).
std::string render_csv(const Context& ctx, const Dataset& data, const std::vector<Row>& rows) {
  std::string out = ctx.global.bom ? "\xEF\xBB\xBF" : "";
  out += "tour,region,name,step,due,done,status,by,unit,estimated\r\n";
  for (const auto& r : rows) {
    const Region* reg = data.region(r.tour->region);
    out += fmt::format("{},{},{},{},{},{},{},{},workdays,{}\r\n", csv_cell(r.tour->id), csv_cell(r.tour->region),
                       csv_cell(reg ? reg->name : r.tour->region),
                       milestone_names[static_cast<std::size_t>(r.step)], r.due ? format_iso(*r.due) : "",
                       r.done ? format_iso(*r.done) : "", deadlines::status_names[static_cast<std::size_t>(r.status)],
                       r.by, r.uncovered_year ? "true" : "false");
  }
  return out;
}

std::string render_xlsx(const Context& ctx, const Dataset& data, const std::vector<Row>& rows,
                        const std::vector<ledger::Deadline>& led, bool with_ledger) {
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = ctx.t("巡查程序期限", "Procedure deadlines");
  auto s = deadlines_sheet(ctx, ctx.t("程序期限", "Deadlines"), "巡查程序期限", "Procedure deadlines",
                           ctx.t("步骤", "step"), 22);
  for (const auto& r : rows) {
    const Region* reg = data.region(r.tour->region);
    s.rows.push_back({xlsx::Cell::of(r.tour->id), xlsx::Cell::of(reg ? reg->name : r.tour->region),
                      xlsx::Cell::of(step_name(ctx, r.step)), xlsx::Cell::of(r.due), xlsx::Cell::of(r.done),
                      xlsx::Cell::of(status_name(ctx, r.status)), xlsx::Cell::of(r.by), xlsx::Cell::of(unit_text(ctx, true)),
                      xlsx::Cell::of(r.uncovered_year ? ctx.t("是", "yes") : "")});
    s.highlight.push_back(r.status == Status::overdue);
  }
  wb.sheets.push_back(std::move(s));
  if (with_ledger) wb.sheets.push_back(ledger_deadlines_sheet(ctx, data, led));
  return xlsx::render(wb);
}

int run_deadlines(Context& ctx, const DeadlinesOptions& o) {
  const auto& f = ctx.global.format;
  require_format(ctx, "deadlines", deadlines_formats());
  if (o.ics_events && f != "ics") throw UsageError(fmt::format("--ics-events 仅用于 -f ics（当前为 {}）", f), fmt::format("--ics-events goes with -f ics (not {})", f));
  auto loaded = load_inputs(ctx, o.paths.empty() ? std::vector<std::string>{"."} : o.paths);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Dataset& data = loaded.result.data;
  if (!o.region.empty() && !data.region(o.region)) throw UsageError(unknown_id_message("--region", "region", o.region, ids_of(data.regions)));
  if (!o.tour.empty() && !data.tour(o.tour)) throw UsageError(unknown_id_message("--tour", "tour", o.tour, ids_of(data.tours)));
  int within = o.within >= 0 ? o.within : data.policy.due_soon_workdays;
  auto rows = deadlines::compute(data, loaded.calendar, ctx.as_of, within);
  std::vector<Row> shown;
  for (const auto& r : rows) {
    if (!o.region.empty() && r.tour->region != o.region) continue;
    if (!o.tour.empty() && r.tour->id != o.tour) continue;
    bool keep = false;
    if (o.all) keep = true;
    else if (o.overdue || o.due_soon) keep = (o.overdue && r.status == Status::overdue) || (o.due_soon && r.status == Status::due_soon);
    else keep = r.status == Status::overdue || r.status == Status::due_soon || r.status == Status::pending;
    if (keep) shown.push_back(r);
  }
  deadlines::sort_for_reading(shown);
  // The ledger's deadlines beside the steps, when the data holds a ledger.
  bool with_ledger = !data.ledger.empty();
  auto led = with_ledger ? ledger_deadlines(data, loaded.calendar, ctx.as_of, within,
                                            {o.region, o.tour, o.overdue, o.due_soon, o.all})
                         : std::vector<ledger::Deadline>{};
  // Every row is listed; those counted across a year the calendar lacks are marked estimated
  // (# in text, "estimated" elsewhere) and said once here, as `schedule` does.
  std::set<int> years;
  std::size_t estimated = 0;
  for (const auto& r : shown)
    if (r.uncovered_year) years.insert(*r.uncovered_year), ++estimated;
  for (const auto& d : led)
    if (d.uncovered_year) years.insert(*d.uncovered_year), ++estimated;
  if (estimated > 0 && !ctx.global.quiet) {
    std::string ys;
    for (int y : years) ys += (ys.empty() ? "" : ctx.t("、", ", ")) + std::to_string(y);
    ctx.err += ctx.t(fmt::format("xuncha：警告：工作日历不包含 {} 年；{} 项期限只按周末估算（标为估算）；请用 --calendar "
                                 "提供该年的放假安排\n", ys, estimated),
                     fmt::format("xuncha: warning: the working-day calendar does not cover {}: {} deadline(s) are "
                                 "estimated counting weekends only (marked estimated); supply the year with --calendar\n",
                                 ys, estimated));
  }
  if (f == "json") ctx.out += render_json(ctx, shown, with_ledger ? &led : nullptr);
  else if (f == "csv") ctx.out += render_csv(ctx, data, shown) + ledger_deadlines_csv(data, led);
  else if (f == "xlsx") ctx.out += render_xlsx(ctx, data, shown, led, with_ledger);
  else if (f == "ics") ctx.out += deadlines_ics(ctx, data, shown, o.ics_events, ledger_deadlines_ics(ctx, data, led, o.ics_events));
  else ctx.out += render_text(ctx, data, shown) + (with_ledger ? ledger_deadlines_text(ctx, data, led) : "");
  if (o.fail_if_overdue) {
    for (const auto& r : shown)
      if (r.status == Status::overdue) return 1;
    for (const auto& d : led)
      if (d.status == ledger::DueStatus::overdue) return 1;
  }
  return 0;
}

}  // namespace

const std::vector<std::string>& deadlines_formats() {
  static const std::vector<std::string> formats{"text", "json", "csv", "ics", "xlsx"};
  return formats;
}

std::function<int(Context&)> setup_deadlines(CLI::App& app) {
  auto o = std::make_shared<DeadlinesOptions>();
  app.add_option("paths", o->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--within", o->within, "Working days ahead that count as due soon (default: policy, 5)")
      ->check(CLI::Range(0, 1000));
  auto* ov = app.add_flag("--overdue", o->overdue, "Only overdue steps");
  auto* ds = app.add_flag("--due-soon", o->due_soon, "Only steps due within --within working days");
  auto* al = app.add_flag("--all", o->all, "Every step: done, waiting and not applicable too");
  al->excludes(ov)->excludes(ds);
  app.add_option("--region", o->region, "Only tours of this region");
  app.add_option("--tour", o->tour, "Only this tour");
  app.add_flag("--fail-if-overdue", o->fail_if_overdue, "Exit 1 when an overdue step is shown");
  app.add_flag("--ics-events", o->ics_events,
               "With -f ics: each deadline as an all-day event too (for calendars that ignore to-dos)");
  app.footer("Default: open steps (overdue, due soon, pending), overdue first. Formats: text, json, csv, ics,\n"
             "xlsx (deadlines and ledger deadlines sheets; needs -o FILE or a redirect).");
  return [o](Context& ctx) { return run_deadlines(ctx, *o); };
}

}  // namespace xuncha::cli
