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
  std::vector<std::string> data;  ///< --data: names regions and batches as this data set does
};

std::string diff_text(const Context& ctx, const DiffOptions& o, const PlanDiff& d) {
  std::string out = d.kind == "schedule" ? ctx.t(fmt::format("巡查计划：{} → {}\n", o.before, o.after), fmt::format("Schedules: {} → {}\n", o.before, o.after))
                                         : ctx.t(fmt::format("组队方案：{} → {}\n", o.before, o.after), fmt::format("Team plans: {} → {}\n", o.before, o.after));
  return out + plan_diff_tables(ctx, d);
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
      std::string region = c.name == c.region || c.name.empty() ? c.region
                           : ctx.zh ? fmt::format("{}（{}）", c.name, c.region) : fmt::format("{} ({})", c.name, c.region);
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

std::string diff_json(const Context& ctx, const DiffOptions& o, const PlanDiff& d) {
  Json j = json_envelope(ctx, "diff");
  j["kind"] = d.kind == "schedule" ? "schedule" : "team_plan";
  j["old"] = o.before;
  j["new"] = o.after;
  j.update(plan_diff_json(d));
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
  if (!o.data.empty()) {
    auto loaded = load_inputs(ctx, o.data);
    if (!loaded.result.ok()) {
      report_input_errors(ctx, loaded.result.diagnostics);
      return 2;
    }
    name_plan(a, loaded.result.data, loaded.result.data.policy);
    name_plan(b, loaded.result.data, loaded.result.data.policy);
  }
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
  app.add_option("--data", opts->data, "Data files or folders whose regions and policy name the regions and batches (a yaml plan carries ids only)");
  app.footer("Schedules: per region, tours moved (year, batch, team), added or dropped; the objective before and after.\n"
             "Team plans: tours that moved between teams; per team, a new leader and who joined or left.\n"
             "Formats: text, json, html (a printable A4 page, Chinese unless --lang en).\n"
             "Exit: 0 no differences, 1 differences, 2 bad input.");
  return [opts](Context& ctx) { return run_diff(ctx, *opts); };
}

}  // namespace xuncha::cli
