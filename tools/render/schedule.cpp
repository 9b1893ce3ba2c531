// Text, YAML, JSON, CSV and Markdown renderings of a schedule (html.cpp and ics.cpp hold the others).
#include "render/schedule.hpp"

#include "render/csv.hpp"
#include "render/province.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/yaml.hpp"

#include <algorithm>
#include <cmath>

#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

namespace xuncha::cli {

using schedule::PlannedTour;

std::string batch_name(const Context& ctx, const Policy& p, int batch) {
  if (batch < 0 || batch >= static_cast<int>(p.batches.size())) return "-";
  const auto& name = p.batches[static_cast<std::size_t>(batch)].name;
  if (ctx.zh && name == "spring") return "春季";
  if (ctx.zh && name == "autumn") return "秋季";
  return name;
}

double gap_percent(const schedule::Result& r) {
  long long b = r.bounds.best();
  return b > 0 ? 100.0 * static_cast<double>(r.objective - b) / static_cast<double>(b) : 0.0;
}

std::string region_name(const ScheduleView& v, const std::string& id) {
  const Region* r = v.data.region(id);
  return r ? r->name : id;
}

std::string team_label(const Context& ctx, const PlannedTour& t) {
  if (!t.team_id.empty()) return t.team_id;
  if (t.team == 0) return "-";
  return ctx.zh ? fmt::format("第{}组", t.team) : fmt::format("team {}", t.team);
}

bool beyond_calendar(const ScheduleView& v, Date d) { return !v.calendar.covers(year_of(d)); }

std::string beyond_calendar_years(const ScheduleView& v) {
  std::set<int> ys;
  for (const auto& t : v.result.tours)
    if (t.end)
      for (Date d : {t.report_due, t.feedback_assumed, t.plan_due, t.results_due})
        if (beyond_calendar(v, d)) ys.insert(year_of(d));
  std::string out;
  for (int y : ys) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

std::string schedule_title(const Context& ctx, const ScheduleView& v) {
  int last_year = v.options.from + v.options.years - 1;
  const std::string& p = v.data.policy.province;
  return ctx.zh ? fmt::format("{}安全生产巡查计划（{}—{}年）", p, v.options.from, last_year)
                : fmt::format("{}safety-production inspection schedule, {}-{}", province_prefix(p, " "),
                              v.options.from, last_year);
}

namespace {

std::string iso(const std::optional<Date>& d) { return d ? format_iso(*d) : "-"; }

// A planned deadline as shown in a table: "-" for an undated tour, '#' after a date the calendar
// does not cover (see the legend under the table).
std::string due_cell(const ScheduleView& v, const PlannedTour& t, Date d) {
  if (!t.end) return "-";
  return format_iso(d) + (beyond_calendar(v, d) ? "#" : "");
}

std::string beyond_legend(const Context& ctx, const ScheduleView& v) {
  std::string ys = beyond_calendar_years(v);
  if (ys.empty()) return "";
  return ctx.t(fmt::format("# 日期落在 {} 年，工作日历不包含该年：只按周末估算\n", ys),
               fmt::format("# a date in {}, which the working-day calendar does not cover: estimated counting weekends "
                           "only\n",
                           ys));
}

std::string objective_text(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  const auto& w = v.data.policy.weights;
  const auto& b = r.bounds;
  text::Table t({ctx.t("目标项", "objective term"), ctx.t("数值", "value"), ctx.t("权重", "weight"),
                 ctx.t("加权", "weighted"), ctx.t("下界", "lower bound")},
                {false, true, true, true, true});
  t.add({ctx.t("最大一轮工作量（巡查日）", "largest round load (tour-days)"), std::to_string(r.terms.round_load),
         std::to_string(w.round_load), std::to_string(w.round_load * r.terms.round_load), std::to_string(b.round_load)});
  t.add({ctx.t("风险×首次巡查月数", "risk x months to first tour"), std::to_string(r.terms.risk), std::to_string(w.risk),
         std::to_string(w.risk * r.terms.risk), std::to_string(b.risk)});
  t.add({ctx.t("组间不均衡", "team imbalance"), std::to_string(r.terms.team_balance), std::to_string(w.team_balance),
         std::to_string(w.team_balance * r.terms.team_balance), "0"});
  t.add({ctx.t("巡查日合计", "total tour-days"), std::to_string(r.terms.tour_days), std::to_string(w.tour_days),
         std::to_string(w.tour_days * r.terms.tour_days), std::to_string(b.min_work)});
  t.add({ctx.t("合计", "total"), "", "", std::to_string(r.objective), std::to_string(b.best())});
  std::string out = ctx.t("目标函数与下界\n", "Objective and lower bounds\n") + t.render(ctx.width);
  out += ctx.zh ? fmt::format("与最佳下界的差距 {:.2f}%（各项下界之和 {}，拉格朗日松弛下界 {}）；至少需要 {} 个巡查组，现有 {} 个\n",
                              gap_percent(r), b.simple, b.lagrangian, b.min_teams, r.teams)
                : fmt::format("gap to the best bound {:.2f}% (sum of term bounds {}, Lagrangian relaxation {}); at "
                              "least {} team{} needed, {} available\n",
                              gap_percent(r), b.simple, b.lagrangian, b.min_teams, b.min_teams == 1 ? "" : "s", r.teams);
  return out;
}

}  // namespace

std::string schedule_text(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  const auto& pol = v.data.policy;
  std::string out = schedule_title(ctx, v) + "\n";
  std::string rounds;
  for (int y : r.round_years) rounds += (rounds.empty() ? "" : ", ") + std::to_string(y);
  out += ctx.zh ? fmt::format("轮次年份 {}；每轮 {} 个巡查组；{} 年内全覆盖；截至 {}\n", rounds, r.teams,
                              pol.coverage_years, format_iso(ctx.as_of))
                : fmt::format("round years {}; {} per round; every region within {} years; as of {}\n", rounds,
                              count_of(static_cast<std::size_t>(r.teams), "team"), pol.coverage_years, format_iso(ctx.as_of));
  for (const auto& n : r.notes) out += text::one_line(ctx.t(n)) + "\n";
  std::map<int, std::vector<const PlannedTour*>> by_year;
  for (const auto& t : r.tours) by_year[t.year].push_back(&t);
  for (const auto& [year, tours] : by_year) {
    int days = 0;
    for (auto* t : tours) days += t->days;
    out += "\n";
    out += ctx.zh ? fmt::format("{}年：{} 次巡查，{} 个巡查日\n", year, tours.size(), days)
                  : fmt::format("{}: {}, {} tour-days\n", year, count_of(tours.size(), "tour"), days);
    text::Table t({ctx.t("批次", "batch"), ctx.t("巡查组", "team"), ctx.t("地区", "region"), ctx.t("名称", "name"),
                   ctx.t("天数", "days"), ctx.t("开始", "start"), ctx.t("结束", "end"), ctx.t("报告期限", "report due"),
                   ctx.t("整改方案（估）", "plan due (est.)"), ctx.t("整改结果（估）", "results due (est.)")},
                  {false, false, false, false, true, false, false, false, false, false});
    for (auto* p : tours) {
      std::string region = p->region + (p->pinned ? "*" : "") + (p->moved ? "~" : "");
      t.add({batch_name(ctx, pol, p->batch), team_label(ctx, *p), region, region_name(v, p->region),
             std::to_string(p->days), iso(p->start), iso(p->end), due_cell(v, *p, p->report_due),
             due_cell(v, *p, p->plan_due), due_cell(v, *p, p->results_due)});
    }
    out += t.render(ctx.width);
  }
  bool any_pinned = false, any_moved = false;
  for (const auto& t : r.tours) any_pinned |= t.pinned, any_moved |= t.moved;
  out += "\n";
  if (any_pinned) out += ctx.t("* 数据中已有的巡查，保持不变\n", "* already in the data, left as it is\n");
  if (any_moved) out += ctx.t("~ 与 --keep 的计划相比有调整\n", "~ changed from the --keep schedule\n");
  out += beyond_legend(ctx, v);
  out += ctx.zh ? fmt::format("整改期限为估计值：假定报告期限后 {} 个工作日反馈\n", pol.planning_feedback_workdays)
                : fmt::format("Rectification due dates are planning estimates: feedback assumed {} working days after "
                              "the report is due\n",
                              pol.planning_feedback_workdays);
  out += "\n" + objective_text(ctx, v);
  if (v.explain) {
    out += "\n" + ctx.t("各地区安排理由\n", "Why each region went where it went\n");
    for (const auto& e : r.explanations) out += "  " + text::one_line(ctx.t(e.text)) + "\n";
  }
  return out;
}

std::string schedule_yaml(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  const auto& pol = v.data.policy;
  std::string out = fmt::format(
      "# {} — xuncha schedule --from {} --years {} --seed {}\n"
      "# Planned tours only (tours already in the data stay there). Deadlines in comments: report due,\n"
      "# then rectification plan / results due as planning estimates (feedback assumed {} working days\n"
      "# after the report is due). objective {}, best lower bound {}.\n",
      yaml_comment(schedule_title(ctx, v)), v.options.from, v.options.years, v.options.seed, pol.planning_feedback_workdays, r.objective,
      r.bounds.best());
  if (std::string ys = beyond_calendar_years(v); !ys.empty())
    out += fmt::format("# A deadline marked # falls in {}, which the working-day calendar does not cover: estimated "
                       "counting weekends only.\n",
                       ys);
  out += "kind: schedule\nversion: 1\n";
  if (!pol.province.empty()) out += fmt::format("province: {}\n", yaml_quoted(pol.province));
  out += fmt::format("from: {}\nyears: {}\nas_of: {}\n", v.options.from, v.options.years, format_iso(ctx.as_of));
  // Each round with its teams: a round whose pinned tours already name more teams than asked for
  // is planned with that many (the tours' team_slot goes up to it).
  out += "rounds: [";
  for (std::size_t k = 0; k < r.round_years.size(); ++k)
    out += fmt::format("{}{{year: {}, teams: {}}}", k ? ", " : "", r.round_years[k],
                       k < r.round_teams.size() ? r.round_teams[k] : r.teams);
  out += "]\ntours:\n";
  for (const auto& t : r.tours) {
    if (t.pinned) continue;
    out += fmt::format("  - id: {}\n    region: {}\n    kind: regular\n    year: {}\n    team_slot: {}\n", yaml_string(t.id), yaml_string(t.region),
                       t.year, t.team);
    out += fmt::format("    start: {}\n    end: {}     # report {} · plan {} · results {}\n", iso(t.start), iso(t.end),
                       due_cell(v, t, t.report_due), due_cell(v, t, t.plan_due), due_cell(v, t, t.results_due));
  }
  return out;
}

namespace {

Json tour_json(const ScheduleView& v, const PlannedTour& t) {
  bool dated = t.end.has_value();
  auto opt = [](const std::optional<Date>& d) { return d ? Json(format_iso(*d)) : Json(nullptr); };
  auto due = [&](Date d) { return dated ? Json(format_iso(d)) : Json(nullptr); };
  // The deadlines that fall in a year the working-day calendar does not cover (weekends only).
  Json estimated = Json::array();
  const std::pair<const char*, Date> dues[] = {{"report_due", t.report_due},
                                               {"feedback_assumed", t.feedback_assumed},
                                               {"rectification_plan_due", t.plan_due},
                                               {"rectification_results_due", t.results_due}};
  for (const auto& [key, d] : dues)
    if (dated && beyond_calendar(v, d)) estimated.push_back(key);
  return {{"id", t.id}, {"region", t.region}, {"name", region_name(v, t.region)}, {"year", t.year},
          {"batch", t.batch < 0 ? std::string("-") : v.data.policy.batches[static_cast<std::size_t>(t.batch)].name},
          {"team", t.team}, {"team_id", t.team_id.empty() ? Json(nullptr) : Json(t.team_id)},
          {"start", opt(t.start)}, {"end", opt(t.end)}, {"days", t.days}, {"pinned", t.pinned},
          {"moved", t.moved}, {"report_due", due(t.report_due)}, {"feedback_assumed", due(t.feedback_assumed)},
          {"rectification_plan_due", due(t.plan_due)}, {"rectification_results_due", due(t.results_due)},
          {"estimated_by_weekends", std::move(estimated)}};
}

}  // namespace

std::string schedule_json(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  const auto& w = v.data.policy.weights;
  Json j = json_envelope(ctx, "schedule");
  j["province"] = v.data.policy.province.empty() ? Json(nullptr) : Json(v.data.policy.province);
  j["from"] = v.options.from;
  j["years"] = v.options.years;
  j["seed"] = v.options.seed;
  j["feasible"] = r.feasible;
  if (!r.feasible) {
    Json problems = Json::array();
    for (const auto& p : r.problems)
      problems.push_back({{"region", p.region.empty() ? Json(nullptr) : Json(p.region)},
                          {"year", p.year ? Json(p.year) : Json(nullptr)}, {"message", ctx.t(p.text)}});
    j["proven"] = r.proven;
    j["problems"] = std::move(problems);
    return json_dump(j);
  }
  j["round_years"] = r.round_years;
  j["teams"] = r.teams;
  // Each round's teams: more than `teams` where pinned tours already name more.
  Json rounds = Json::array();
  for (std::size_t k = 0; k < r.round_years.size(); ++k)
    rounds.push_back({{"year", r.round_years[k]}, {"teams", k < r.round_teams.size() ? r.round_teams[k] : r.teams}});
  j["rounds"] = std::move(rounds);
  j["extra_tours"] = r.extra_tours;
  Json tours = Json::array();
  for (const auto& t : r.tours) tours.push_back(tour_json(v, t));
  j["tours"] = std::move(tours);
  j["objective"] = {{"total", r.objective},
                    {"terms", {{"round_load", r.terms.round_load}, {"risk", r.terms.risk},
                               {"team_balance", r.terms.team_balance}, {"tour_days", r.terms.tour_days}}},
                    {"weights", {{"round_load", w.round_load}, {"risk", w.risk}, {"team_balance", w.team_balance},
                                 {"tour_days", w.tour_days}}}};
  j["bounds"] = {{"best", r.bounds.best()}, {"sum_of_terms", r.bounds.simple}, {"lagrangian", r.bounds.lagrangian},
                 {"round_load", r.bounds.round_load}, {"risk", r.bounds.risk}, {"min_work", r.bounds.min_work},
                 {"min_teams", r.bounds.min_teams}};
  // Four decimals, as a number.
  j["gap_percent"] = std::round(gap_percent(r) * 10000.0) / 10000.0;
  j["kept"] = r.kept;
  j["moved"] = r.moved;
  if (v.changes) j["diff"] = *v.changes;
  Json why = Json::array();
  for (const auto& e : r.explanations)
    why.push_back({{"region", e.region}, {"why", ctx.t(e.text)}, {"tours", e.tours}, {"needed", e.needed},
                   {"extra", std::max(0, e.tours - e.needed)}});
  j["explanations"] = std::move(why);
  return json_dump(j);
}

std::string schedule_csv(const Context& ctx, const ScheduleView& v) {
  std::string out = ctx.global.bom ? "\xEF\xBB\xBF" : "";
  out += "year,batch,team,tour,region,name,days,start,end,report_due,feedback_assumed,rectification_plan_due,"
         "rectification_results_due,pinned\r\n";
  for (const auto& t : v.result.tours) {
    bool dated = t.end.has_value();
    auto due = [&](Date d) { return dated ? format_iso(d) : std::string(); };
    // English keys whatever the language (render/csv.hpp): the policy's batch name, the team's
    // id or number.
    std::string batch = t.batch < 0 ? std::string() : v.data.policy.batches[static_cast<std::size_t>(t.batch)].name;
    std::string team = !t.team_id.empty() ? t.team_id : t.team ? std::to_string(t.team) : std::string();
    std::vector<std::string> cells{std::to_string(t.year), batch, team,
                                   t.id, t.region, region_name(v, t.region), std::to_string(t.days),
                                   t.start ? format_iso(*t.start) : "", t.end ? format_iso(*t.end) : "",
                                   due(t.report_due), due(t.feedback_assumed), due(t.plan_due), due(t.results_due),
                                   t.pinned ? "yes" : "no"};
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    out += "\r\n";
  }
  return out;
}

namespace {

// A data value as Markdown text: shown as written by every Markdown reader (CommonMark, GFM,
// Python-Markdown), never as markup or HTML. Punctuation Markdown acts on is backslash-escaped,
// < > & ~ are character references (no raw HTML, no entity injection), and a line break becomes
// <br> so a value stays in its table cell or heading.
std::string md_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#':
        out += '\\';
        out += c;
        break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '~': out += "&#126;"; break;  // GFM strikethrough; not every reader takes \~
      case '\n': out += "<br>"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string schedule_md(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  std::string out = "# " + md_text(schedule_title(ctx, v)) + "\n\n";
  std::map<int, std::vector<const PlannedTour*>> by_year;
  for (const auto& t : r.tours) by_year[t.year].push_back(&t);
  for (const auto& [year, tours] : by_year) {
    out += ctx.zh ? fmt::format("## {}年\n\n", year) : fmt::format("## {}\n\n", year);
    out += ctx.t("| 批次 | 巡查组 | 巡查对象 | 巡查时间 | 天数 | 报告期限 | 整改方案（估） | 整改结果（估） |\n",
                 "| batch | team | region | on site | days | report due | plan due (est.) | results due (est.) |\n");
    out += "|---|---|---|---|---:|---|---|---|\n";
    for (auto* t : tours) {
      out += fmt::format("| {} | {} | {}{} | {} — {} | {} | {} | {} | {} |\n", md_text(batch_name(ctx, v.data.policy, t->batch)),
                         md_text(team_label(ctx, *t)), md_text(region_name(v, t->region)), t->pinned ? " *" : "",
                         iso(t->start), iso(t->end), t->days, due_cell(v, *t, t->report_due),
                         due_cell(v, *t, t->plan_due), due_cell(v, *t, t->results_due));
    }
    out += "\n";
  }
  if (std::string ys = beyond_calendar_years(v); !ys.empty())
    out += ctx.t(fmt::format("标 # 的日期落在 {} 年，工作日历不包含该年：只按周末估算。\n\n", ys),
                 fmt::format("A date marked # falls in {}, which the working-day calendar does not cover: estimated "
                             "counting weekends only.\n\n",
                             ys));
  out += ctx.zh ? fmt::format("目标函数 {}，最佳下界 {}，差距 {:.2f}%。\n", r.objective, r.bounds.best(), gap_percent(r))
                : fmt::format("Objective {}, best lower bound {}, gap {:.2f}%.\n", r.objective, r.bounds.best(),
                              gap_percent(r));
  return out;
}

}  // namespace xuncha::cli
