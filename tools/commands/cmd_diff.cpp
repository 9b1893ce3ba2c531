// xuncha diff OLD NEW: what changed between two schedules or two team plans (issue 25, item 4).
#include "app/app.hpp"
#include "render/print_frame.hpp"
#include "commands/diff_plans.hpp"

#include <xuncha/model/model.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

namespace xuncha::cli {

const std::vector<std::string>& diff_formats();

namespace {

struct DiffOptions {
  std::string before;
  std::string after;
};

std::string batch_text(const Context& ctx, const std::string& b) {
  if (ctx.zh && b == "spring") return "春季";
  if (ctx.zh && b == "autumn") return "秋季";
  return b;
}

// "2028 春季 第2组" / "2028 spring team 2"; a team plan's tour: its team record.
std::string slot_text(const Context& ctx, const PlanDiff& d, const std::optional<PlanTour>& t) {
  if (!t) return "-";
  if (d.kind == "teams") return t->team;
  std::string out = std::to_string(t->year);
  if (!t->batch.empty()) out += " " + batch_text(ctx, t->batch);
  bool number = !t->team.empty() && t->team.find_first_not_of("0123456789") == std::string::npos;
  if (number) out += ctx.zh ? fmt::format(" 第{}组", t->team) : fmt::format(" team {}", t->team);
  else if (!t->team.empty()) out += " " + t->team;
  if (!t->start.empty()) out += ctx.zh ? fmt::format("（{} 起）", t->start) : fmt::format(" from {}", t->start);
  return out;
}

std::string change_text(const Context& ctx, const std::string& what) {
  if (what == "moved") return ctx.t("调整", "moved");
  if (what == "added") return ctx.t("新增", "added");
  if (what == "dropped") return ctx.t("取消", "dropped");
  if (what == "joined") return ctx.t("加入", "joined");
  if (what == "left") return ctx.t("离开", "left");
  if (what == "leader") return ctx.t("更换组长", "new leader");
  if (what == "team_added") return ctx.t("新增巡查组", "team added");
  return ctx.t("撤销巡查组", "team dropped");
}

std::string role_text(const Context& ctx, const std::string& role) {
  for (std::size_t k = 0; k < role_names.size(); ++k)
    if (role_names[k] == role) return ctx.zh ? std::string(role_zh[k]) : role;
  return role;
}

struct Counts {
  std::size_t moved = 0, added = 0, dropped = 0;
};

Counts count(const PlanDiff& d) {
  Counts c;
  for (const auto& t : d.tours) (t.what == "moved" ? c.moved : t.what == "added" ? c.added : c.dropped)++;
  return c;
}

// The objective before and after (when both files carry it), then the counts.
std::vector<std::string> closing_lines(const Context& ctx, const PlanDiff& d) {
  std::vector<std::string> lines;
  if (d.objective_before && d.objective_after)
    lines.push_back(ctx.t(fmt::format("目标值：{} → {}", *d.objective_before, *d.objective_after),
                          fmt::format("Objective: {} → {}", *d.objective_before, *d.objective_after)));
  auto c = count(d);
  if (!d.any()) lines.push_back(ctx.t(fmt::format("没有差异（{} 次巡查未变）", d.unchanged), fmt::format("No differences ({} tours unchanged)", d.unchanged)));
  else
    lines.push_back(ctx.t(fmt::format("调整 {} 次，新增 {} 次，取消 {} 次，未变 {} 次；巡查组人员变动 {} 处", c.moved, c.added, c.dropped, d.unchanged, d.teams.size()),
                          fmt::format("{} moved, {} added, {} dropped, {} unchanged; {} team changes", c.moved, c.added, c.dropped, d.unchanged, d.teams.size())));
  return lines;
}

std::string diff_text(const Context& ctx, const DiffOptions& o, const PlanDiff& d) {
  std::string out = d.kind == "schedule" ? ctx.t(fmt::format("巡查计划：{} → {}\n", o.before, o.after), fmt::format("Schedules: {} → {}\n", o.before, o.after))
                                         : ctx.t(fmt::format("组队方案：{} → {}\n", o.before, o.after), fmt::format("Team plans: {} → {}\n", o.before, o.after));
  if (!d.tours.empty()) {
    text::Table t(d.kind == "schedule" ? std::vector<std::string>{ctx.t("地区", "region"), ctx.t("变动", "change"), ctx.t("原安排", "before"), ctx.t("新安排", "after")}
                                       : std::vector<std::string>{ctx.t("地区", "region"), ctx.t("巡查", "tour"), ctx.t("变动", "change"), ctx.t("原巡查组", "team before"), ctx.t("新巡查组", "team after")});
    for (const auto& c : d.tours) {
      std::string region = c.name == c.region || c.name.empty() ? c.region : fmt::format("{} ({})", c.name, c.region);
      if (d.kind == "schedule") t.add({region, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)});
      else t.add({region, (c.before ? c.before : c.after)->id, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)});
    }
    out += "\n" + t.render(ctx.width);
  }
  if (!d.teams.empty()) {
    text::Table t({ctx.t("巡查组", "team"), ctx.t("变动", "change"), ctx.t("角色", "role"), ctx.t("人员", "person")});
    for (const auto& c : d.teams) {
      std::string person = c.what == "leader" ? fmt::format("{} → {}", c.before.empty() ? "-" : c.before, c.after.empty() ? "-" : c.after) : c.after;
      t.add({c.team, change_text(ctx, c.what), c.role.empty() ? "" : role_text(ctx, c.role), person.empty() ? "-" : person});
    }
    out += "\n" + t.render(ctx.width);
  }
  for (const auto& line : closing_lines(ctx, d)) out += "\n" + line + "\n";
  return out;
}

// The page's own rules, after the shared print frame's (render/print_frame.hpp).
constexpr std::string_view diff_css = R"(*{box-sizing:border-box;}
h2,th{font-weight:normal;}
h2{font-size:14pt;margin:0.8em 0 0.4em;break-after:avoid;}
.meta{text-align:center;margin:0 0 1em;}
table{border-collapse:collapse;width:100%;font-size:10.5pt;}
th,td{border:0.5pt solid #000;padding:1.5pt 3pt;text-align:left;vertical-align:middle;overflow-wrap:anywhere;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
)";

// One printable page: the same tables as the text, HTML-escaped, no scripts, no external assets.
std::string diff_html(const Context& ctx, const DiffOptions& o, const PlanDiff& d) {
  auto esc = [](std::string_view v) { return xml_escape(v); };
  auto row = [&](const std::vector<std::string>& cells, const char* tag) {
    std::string r = "<tr>";
    for (const auto& c : cells) r += fmt::format("<{0}>{1}</{0}>", tag, esc(c));
    return r + "</tr>\n";
  };
  std::string title = d.kind == "schedule" ? ctx.t("巡查计划变动", "Schedule changes") : ctx.t("组队方案变动", "Team plan changes");
  std::string out = print_page_open(ctx.zh, title, std::string(diff_css) + fmt::format("h2,th{{font-family:{};}}\n", font_heiti),
                                    true);
  out += fmt::format("<h1>{}</h1>\n<p class=\"meta\">{} → {}</p>\n", esc(title), esc(o.before), esc(o.after));
  if (!d.tours.empty()) {
    out += fmt::format("<h2>{}</h2>\n<table>\n<thead>", esc(ctx.t("巡查", "Tours")));
    out += d.kind == "schedule" ? row({ctx.t("地区", "region"), ctx.t("变动", "change"), ctx.t("原安排", "before"), ctx.t("新安排", "after")}, "th")
                                : row({ctx.t("地区", "region"), ctx.t("巡查", "tour"), ctx.t("变动", "change"), ctx.t("原巡查组", "team before"), ctx.t("新巡查组", "team after")}, "th");
    out += "</thead>\n<tbody>\n";
    for (const auto& c : d.tours) {
      std::string region = c.name == c.region || c.name.empty() ? c.region : fmt::format("{} ({})", c.name, c.region);
      if (d.kind == "schedule") out += row({region, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)}, "td");
      else out += row({region, (c.before ? c.before : c.after)->id, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)}, "td");
    }
    out += "</tbody>\n</table>\n";
  }
  if (!d.teams.empty()) {
    out += fmt::format("<h2>{}</h2>\n<table>\n<thead>", esc(ctx.t("巡查组人员", "Team members")));
    out += row({ctx.t("巡查组", "team"), ctx.t("变动", "change"), ctx.t("角色", "role"), ctx.t("人员", "person")}, "th");
    out += "</thead>\n<tbody>\n";
    for (const auto& c : d.teams) {
      std::string person = c.what == "leader" ? fmt::format("{} → {}", c.before.empty() ? "-" : c.before, c.after.empty() ? "-" : c.after) : c.after;
      out += row({c.team, change_text(ctx, c.what), c.role.empty() ? "" : role_text(ctx, c.role), person.empty() ? "-" : person}, "td");
    }
    out += "</tbody>\n</table>\n";
  }
  for (const auto& line : closing_lines(ctx, d)) out += fmt::format("<p>{}</p>\n", esc(line));
  return out + "</body>\n</html>\n";
}

Json tour_json(const std::optional<PlanTour>& t) {
  if (!t) return nullptr;
  return {{"id", t->id}, {"year", t->year}, {"batch", t->batch.empty() ? Json(nullptr) : Json(t->batch)}, {"team", t->team},
          {"start", t->start.empty() ? Json(nullptr) : Json(t->start)}};
}

std::string diff_json(const Context& ctx, const DiffOptions& o, const PlanDiff& d) {
  Json j = json_envelope(ctx, "diff");
  j["kind"] = d.kind == "schedule" ? "schedule" : "team_plan";
  j["old"] = o.before;
  j["new"] = o.after;
  j["different"] = d.any();
  Json tours = Json::array();
  for (const auto& c : d.tours)
    tours.push_back({{"change", c.what}, {"region", c.region}, {"name", c.name}, {"before", tour_json(c.before)}, {"after", tour_json(c.after)}});
  j["tours"] = std::move(tours);
  Json teams = Json::array();
  for (const auto& c : d.teams)
    teams.push_back({{"change", c.what}, {"team", c.team}, {"role", c.role.empty() ? Json(nullptr) : Json(c.role)},
                     {"person", c.what == "leader" || c.after.empty() ? Json(nullptr) : Json(c.after)},
                     {"before", c.what == "leader" && !c.before.empty() ? Json(c.before) : Json(nullptr)},
                     {"after", c.what == "leader" && !c.after.empty() ? Json(c.after) : Json(nullptr)}});
  j["teams"] = std::move(teams);
  auto num = [](const std::optional<long long>& v) { return v ? Json(*v) : Json(nullptr); };
  j["objective"] = {{"before", num(d.objective_before)}, {"after", num(d.objective_after)}};
  auto c = count(d);
  j["summary"] = {{"moved", c.moved}, {"added", c.added}, {"dropped", c.dropped}, {"unchanged", d.unchanged}, {"team_changes", d.teams.size()}};
  return json_dump(j);
}

std::string kind_text(const Context& ctx, const std::string& kind) {
  return kind == "schedule" ? ctx.t("巡查计划", "a schedule") : ctx.t("组队方案", "a team plan");
}

int run_diff(Context& ctx, const DiffOptions& o) {
  require_format(ctx, "diff", diff_formats());
  if (ctx.global.format == "html" && ctx.global.lang.empty()) ctx.zh = true;  // an office document: Chinese by default
  bool failed = false;
  auto a = read_plan_file(ctx, o.before, failed);
  if (failed) return 2;
  auto b = read_plan_file(ctx, o.after, failed);
  if (failed) return 2;
  if (a.kind != b.kind)
    throw UsageError(fmt::format("diff：{} 是{}，{} 是{}：只能比较同类文件", quote_path(o.before), kind_text(ctx, a.kind), quote_path(o.after), kind_text(ctx, b.kind)),
                     fmt::format("diff: {} is {} and {} is {}: compare two of a kind", quote_path(o.before), kind_text(ctx, a.kind), quote_path(o.after), kind_text(ctx, b.kind)));
  auto d = diff_plans(a, b);
  const auto& f = ctx.global.format;
  ctx.out = f == "json" ? diff_json(ctx, o, d) : f == "html" ? diff_html(ctx, o, d) : diff_text(ctx, o, d);
  return d.any() ? 1 : 0;
}

}  // namespace

const std::vector<std::string>& diff_formats() {
  static const std::vector<std::string> formats{"text", "json", "html"};
  return formats;
}

std::function<int(Context&)> setup_diff(CLI::App& app) {
  auto opts = std::make_shared<DiffOptions>();
  app.add_option("OLD", opts->before, "The earlier schedule or team plan file (yaml or json output of xuncha schedule or staff)")->required();
  app.add_option("NEW", opts->after, "The later file, of the same kind")->required();
  app.footer("Schedules: per region, tours moved (year, batch, team), added or dropped; the objective before and after.\n"
             "Team plans: tours that moved between teams; per team, a new leader and who joined or left.\n"
             "Formats: text, json, html (a printable A4 page, Chinese unless --lang en).\n"
             "Exit: 0 no differences, 1 differences, 2 bad input.");
  return [opts](Context& ctx) { return run_diff(ctx, *opts); };
}

}  // namespace xuncha::cli
