// The printable team plan (巡查组组成方案): one self-contained A4 page set, one table per cycle
// (team, each tour's leader, deputies, liaison, members with their units, experts), no scripts.
#include "render/staff_render.hpp"

#include "base/context.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"
#include "render/print_frame.hpp"
#include "render/province.hpp"

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

std::string esc(std::string_view s) { return xml_escape(s); }

constexpr std::string_view css = R"(h2,th{font-family:"SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-weight:normal;}
h2{font-size:14pt;margin:0.8em 0 0.4em;break-after:avoid;}
.meta{text-align:center;margin:0 0 1em;}
section{break-before:page;}
section.first{break-before:auto;}
table{border-collapse:collapse;width:100%;font-size:10.5pt;}
th,td{border:0.5pt solid #000;padding:1.5pt 3pt;text-align:center;vertical-align:middle;overflow-wrap:anywhere;}
thead{display:table-header-group;}
tbody{break-inside:avoid;}
tr{break-inside:avoid;}
td.l{text-align:left;}
.u{font-size:9pt;}
.id{font-size:9pt;white-space:nowrap;}
col.team{width:7%;}col.region{width:8%;}col.dates{width:11%;}col.leader{width:13%;}
col.deputies{width:16%;}col.liaison{width:13%;}col.members{width:17%;}col.experts{width:15%;}
)";

unsigned month_num(Date d) { return static_cast<unsigned>(date::year_month_day{d}.month()); }
unsigned day_num(Date d) { return static_cast<unsigned>(date::year_month_day{d}.day()); }

// GB/T 15834 ranges with the year (a plan spans several): 2028年3月1日—15日, 2028年3月16日—4月2日.
std::string zh_range(Date a, Date b) {
  int y = year_of(a);
  if (y != year_of(b)) return fmt::format("{}年{}月{}日—{}年{}月{}日", y, month_num(a), day_num(a), year_of(b), month_num(b), day_num(b));
  if (month_num(a) == month_num(b)) return fmt::format("{}年{}月{}日—{}日", y, month_num(a), day_num(a), day_num(b));
  return fmt::format("{}年{}月{}日—{}月{}日", y, month_num(a), day_num(a), month_num(b), day_num(b));
}

std::string person(const Context& ctx, const Dataset& data, const std::string& id, bool with_unit) {
  const Person* p = data.person(id);
  if (!p) return esc(id);
  if (!with_unit) return esc(p->name);
  const Unit* u = data.unit(p->unit);
  std::string unit = u ? u->name : p->unit;
  (void)ctx;
  return esc(p->name) + "<br><span class=\"u\">" + esc(unit) + "</span>";
}

std::string people(const Context& ctx, const Dataset& data, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : "<br>") + person(ctx, data, id, true);
  return s.empty() ? "—" : s;
}

}  // namespace

std::string staff_html(const Context& ctx, const StaffView& v) {
  const auto& data = v.data;
  const auto& r = v.result;
  std::string title = ctx.zh ? fmt::format("{}安全生产巡查组组成方案", data.policy.province)
                             : fmt::format("{}safety inspection team plan", province_prefix(data.policy.province, " "));
  std::string out = print_page_open(ctx.zh, title, css, true);
  out += fmt::format("<h1>{}</h1>\n", esc(title));
  std::string first_cycle = r.teams.empty() ? "" : r.teams.front().cycle;
  std::string last_cycle = r.teams.empty() ? "" : r.teams.back().cycle;
  out += fmt::format("<p class=\"meta\">{}</p>\n",
                     esc(ctx.zh ? fmt::format("工作周期 {} 至 {}，共 {} 个巡查组", first_cycle, last_cycle, r.teams.size())
                                : fmt::format("work cycles {} to {}, {} teams", first_cycle, last_cycle, r.teams.size())));
  std::string cycle;
  bool first = true;
  for (std::size_t i = 0; i < r.teams.size(); ++i) {
    const auto& g = r.teams[i];
    if (g.cycle != cycle) {
      if (!cycle.empty()) out += "</table>\n</section>\n";
      cycle = g.cycle;
      out += fmt::format("<section{}>\n<h2>{}</h2>\n<table>\n<colgroup>", first ? " class=\"first\"" : "",
                         esc(ctx.zh ? fmt::format("{} 工作周期", cycle) : fmt::format("Work cycle {}", cycle)));
      for (auto c : {"team", "region", "dates", "leader", "deputies", "liaison", "members", "experts"})
        out += fmt::format("<col class=\"{}\">", c);
      out += "</colgroup>\n<thead><tr>";
      first = false;
      for (auto h : ctx.zh ? std::vector<std::string>{"巡查组", "巡查地区", "在场日期", "组长", "副组长", "联络员", "成员", "专家"}
                           : std::vector<std::string>{"team", "region", "on site", "leader", "deputies", "liaison", "members", "experts"})
        out += "<th>" + esc(h) + "</th>";
      out += "</tr></thead>\n";
    }
    out += "<tbody>\n";
    for (std::size_t k = 0; k < g.stints.size(); ++k) {
      const auto& s = g.stints[k];
      const Tour& t = data.tours[s.tour];
      const Region* reg = data.region(t.region);
      std::string experts;
      for (const auto& e : s.experts) experts += (experts.empty() ? "" : "<br>") + person(ctx, data, e, true);
      out += "<tr>";
      auto rows = g.stints.size();
      if (k == 0)
        out += fmt::format("<td rowspan=\"{}\">{}</td>", rows,
                           esc(ctx.zh ? fmt::format("第{}组", g.slot) : fmt::format("Team {}", g.slot)) + "<br><span class=\"id\">" + esc(g.id) + "</span>");
      out += fmt::format("<td>{}</td><td>{}</td><td>{}</td>", esc(reg && ctx.zh ? reg->name : t.region),
                         esc(ctx.zh ? zh_range(*t.start, *t.end) : format_iso(*t.start) + " – " + format_iso(*t.end)),
                         person(ctx, data, s.leader, true));
      if (k == 0)
        out += fmt::format("<td rowspan=\"{0}\" class=\"l\">{1}</td><td rowspan=\"{0}\" class=\"l\">{2}</td><td rowspan=\"{0}\" class=\"l\">{3}</td>",
                           rows, people(ctx, data, g.deputies), people(ctx, data, {g.liaison}), people(ctx, data, g.members));
      out += fmt::format("<td class=\"l\">{}</td></tr>\n", experts.empty() ? "—" : experts);
    }
    out += "</tbody>\n";
  }
  if (!cycle.empty()) out += "</table>\n</section>\n";
  out += fmt::format("<p class=\"meta\">{}</p>\n",
                     esc(ctx.zh ? fmt::format("副组长、联络员、成员在工作周期内相对固定；组长按每次巡查任务确定；专家一次一聘。"
                                              "方案的目标值 {}（各项软目标的加权和，越小越好：成员单位席位超出均摊 {}、"
                                              "每人每年超出 {} 天的在场天数 {}、上一周期同组 {}、专家领域与重点行业不符 {}），"
                                              "任何方案都不低于下界 {}。{}",
                                              r.objective, r.terms.units, data.policy.staff_fair_days, r.terms.days,
                                              r.terms.pairs, r.terms.fields, r.bound, day_cap_note(data.policy).zh)
                                : fmt::format("Deputies, liaison and members are fixed for the cycle; leaders are chosen per tour; "
                                              "experts are appointed per tour. The plan's objective is {} (the weighted sum of "
                                              "the soft goals, lower is better: member units' seats beyond their share {}, "
                                              "days on site per person and year beyond {} {}, last cycle's team-mates together "
                                              "{}, experts' fields missing the key industries {}); no plan can go below the "
                                              "lower bound {}. {}",
                                              r.objective, r.terms.units, data.policy.staff_fair_days, r.terms.days,
                                              r.terms.pairs, r.terms.fields, r.bound, day_cap_note(data.policy).en)));
  return out + "</body>\n</html>\n";
}

}  // namespace xuncha::cli
