// The printable schedule: one self-contained A4-landscape page set (PRINT.md), no scripts, no assets.
#include "render/html.hpp"

#include "render/print_frame.hpp"
#include "render/province.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"

#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

namespace xuncha::cli {
namespace {

using schedule::PlannedTour;

std::string esc(std::string_view s) { return xml_escape(s); }

unsigned month_num(Date d) { return static_cast<unsigned>(date::year_month_day{d}.month()); }
unsigned day_num(Date d) { return static_cast<unsigned>(date::year_month_day{d}.day()); }

// GB/T 15834 ranges: 4月8日—22日, 5月20日—6月3日.
std::string zh_range(Date a, Date b) {
  if (month_num(a) == month_num(b)) return fmt::format("{}月{}日—{}日", month_num(a), day_num(a), day_num(b));
  return fmt::format("{}月{}日—{}月{}日", month_num(a), day_num(a), month_num(b), day_num(b));
}
std::string zh_md(Date d) { return fmt::format("{}月{}日", month_num(d), day_num(d)); }

// 一 … 十九 for the （一） headings of GB/T 9704.
std::string zh_numeral(int n) {
  static constexpr std::string_view digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(digits[static_cast<std::size_t>(n)]);
  if (n < 20) return "十" + std::string(digits[static_cast<std::size_t>(n - 10)]);
  return std::to_string(n);
}

// The customary short form of a region's name: 恩施土家族苗族自治州 → 恩施, 神农架林区 → 神农架.
std::string short_name(const std::string& name) {
  static constexpr std::string_view suffixes[] = {"土家族苗族自治州", "自治州", "林区", "市", "地区", "州"};
  for (auto suffix : suffixes)
    if (name.size() > suffix.size() + 3 && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return name.substr(0, name.size() - suffix.size());
  return name;
}

std::string range_text(const Context& ctx, const PlannedTour& t) {
  if (!t.start || !t.end) return "-";
  if (ctx.zh) return zh_range(*t.start, *t.end);
  return format_iso(*t.start) + " – " + format_iso(*t.end);
}

constexpr std::string_view css = R"(.hei,h2,th,.attach{font-family:"SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-weight:normal;}
.attach{font-size:16pt;margin:0;}
.meta{text-align:center;font-size:12pt;margin:0 0 1em;}
h2{font-size:14pt;margin:0.8em 0 0.4em;break-after:avoid;}
section{break-before:page;}
section.first{break-before:auto;}
table{border-collapse:collapse;width:100%;font-size:10.5pt;}
th,td{border:0.5pt solid #000;padding:1.5pt 3pt;text-align:center;vertical-align:middle;overflow-wrap:anywhere;}
thead{display:table-header-group;}
table.tours tbody{break-inside:avoid;}
tr{break-inside:avoid;}
td.l{text-align:left;}
tr.cap td{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;text-align:left;background:#eee;}
.matrix td{padding:0.5pt 2pt;font-size:10pt;}
.matrix td.p{background:#cfe2f3;}
.matrix td.n{background:#9fc5e8;font-weight:bold;}
.matrix td.s{background:#f4cccc;}
.matrix td.d{outline:1.5pt solid #c00;outline-offset:-2pt;}
.legend{font-size:10.5pt;margin:0.3em 0 0;}
.legend span{display:inline-block;width:1.4em;height:0.9em;border:0.5pt solid #000;vertical-align:middle;margin:0 0.2em 0 0.8em;}
.round{break-inside:avoid;margin:0 0 0.8em;}
h3{font-size:14pt;font-weight:normal;margin:0.5em 0 0.3em;break-after:avoid;}
.tl{position:relative;}
.tl .row{position:relative;height:15pt;border-bottom:0.5pt solid #999;}
.tl .lab{position:absolute;left:0;width:11%;top:0;bottom:0;font-size:9pt;line-height:15pt;white-space:nowrap;overflow:hidden;}
.tl .lane{position:absolute;left:11%;right:0;top:0;bottom:0;}
.tl .hol{position:absolute;top:0;bottom:0;background:#ddd;}
.tl .gap{position:absolute;top:0;bottom:0;border-left:1pt solid #000;}
.tl .bar{position:absolute;top:2pt;bottom:2pt;background:#9fc5e8;border:0.5pt solid #1c4587;font-size:7.5pt;line-height:10pt;overflow:hidden;white-space:nowrap;text-align:center;}
.tl .bar.pin{background:#d9d9d9;}
.tl .axis{height:12pt;font-size:8pt;color:#333;}
.tl .axis span{position:absolute;top:0;white-space:nowrap;}
.note{font-size:10.5pt;margin:0.4em 0 0;}
.note.above{margin:0 0 0.4em;}
@media screen{section{border-top:1px dashed #999;margin-top:2em;}}
@media print{a{color:#000;text-decoration:none;}}
)";

}  // namespace

std::string schedule_html(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  const auto& pol = v.data.policy;
  const int from = v.options.from, to = v.options.from + v.options.years - 1;
  const int g = pol.coverage_years;
  std::string title = ctx.zh ? fmt::format("{}安全生产巡查计划安排表（{}—{}年）", pol.province, from, to)
                             : fmt::format("{}safety-production inspection schedule, {}–{}", province_prefix(pol.province, " "), from, to);
  std::string o;
  o += print_page_open(ctx.zh, title, css, true);
  // Title block.
  o += "<section class=\"first\">\n";
  o += fmt::format("<p class=\"attach\">{}</p>\n", ctx.t("附件", "Attachment"));
  o += fmt::format("<h1>{}</h1>\n", esc(title));
  std::string rounds;
  for (int y : r.round_years) rounds += (rounds.empty() ? "" : ctx.t("、", ", ")) + std::to_string(y);
  o += fmt::format("<p class=\"meta kai\">{}</p>\n",
                   esc(ctx.zh ? fmt::format("巡查周期 {}—{} 年，轮次年份 {}，每轮 {} 个巡查组，{} 年内全覆盖；编制日期 {}", from, to,
                                            rounds, r.teams, g, format_zh(ctx.as_of))
                              : fmt::format("Cycle {}–{}, round years {}, {} per round, every region within {} "
                                            "years; as of {}",
                                            from, to, rounds, count_of(static_cast<std::size_t>(r.teams), "team"), g,
                                            format_iso(ctx.as_of))));
  // Coverage matrix: regions × years, history included.
  int first_col = from - g + 1;
  std::map<std::pair<std::string, int>, int> cell;  // 1 history/pinned, 2 planned, 4 State Council
  for (const auto& t : v.data.tours) {
    if (t.year < first_col || t.year > to) continue;
    cell[{t.region, t.year}] |= t.body == Body::state_council ? 4 : 1;
  }
  for (const auto& t : r.tours)
    if (!t.pinned) cell[{t.region, t.year}] |= 2;
  o += fmt::format("<h2>{}</h2>\n<table class=\"matrix\">\n<thead><tr><th>{}</th>", ctx.t("一、覆盖情况", "1. Coverage"),
                   ctx.t("巡查对象", "region"));
  for (int y = first_col; y <= to; ++y) o += fmt::format("<th>{}</th>", y);
  o += "</tr></thead>\n<tbody>\n";
  for (const auto& reg : v.data.regions) {
    int last = 0;
    for (const auto& t : v.data.tours)
      if (t.region == reg.id && t.body == Body::province && t.year < from) last = std::max(last, t.year);
    int due = last ? last + g : from + g - 1;
    o += fmt::format("<tr><td class=\"l\">{}</td>", esc(reg.name));
    for (int y = first_col; y <= to; ++y) {
      auto it = cell.find({reg.id, y});
      int c = it == cell.end() ? 0 : it->second;
      std::string cls, mark;
      if (c & 4) cls = "s", mark = ctx.t("国", "SC");
      if (c & 1) cls = "p", mark = ctx.t("省", "P");
      if (c & 2) cls = "n", mark = ctx.t("计划", "plan");
      if (y == due) cls += cls.empty() ? "d" : " d";
      o += cls.empty() ? "<td></td>" : fmt::format("<td class=\"{}\">{}</td>", cls, esc(mark));
    }
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n";
  o += fmt::format("<p class=\"legend\">{}<span style=\"background:#cfe2f3\"></span>{}<span style=\"background:#9fc5e8\"></span>{}"
                   "<span style=\"background:#f4cccc\"></span>{}<span style=\"outline:1.5pt solid #c00;outline-offset:-2pt\"></span>{}</p>\n",
                   ctx.t("图例：", "Legend:"), ctx.t("省级巡查（已有）", "provincial tour (on record)"),
                   ctx.t("本计划安排", "planned here"), ctx.t("国务院安委会巡查（当年省里不巡查）", "State Council tour (no provincial tour that year)"),
                   ctx.t(fmt::format("{} 年覆盖期限（上次巡查后第 {} 年）", g, g), fmt::format("{}-year coverage deadline", g)));
  o += "</section>\n";

  // Timeline per round: teams as rows, tours as bars, holidays shaded.
  o += fmt::format("<section>\n<h2>{}</h2>\n", ctx.t("二、各轮巡查时间安排", "2. Timeline of each round"));
  std::map<int, std::vector<const PlannedTour*>> by_year;
  for (const auto& t : r.tours) by_year[t.year].push_back(&t);
  int round_no = 0;
  for (const auto& round : by_year) {
    // Not a structured binding: clang before 16 cannot capture one in a lambda (fuzz build).
    const int year = round.first;
    const auto& tours = round.second;
    // The days of every batch window, side by side.
    std::vector<std::pair<Date, Date>> spans;
    for (const auto& b : pol.batches) spans.emplace_back(b.first_day(year), b.last_day(year));
    long long total = 0;
    for (auto& [a, b] : spans) total += (b - a).count() + 1;
    if (total <= 0) continue;
    auto pos = [&](Date d) -> std::optional<double> {
      long long off = 0;
      for (auto& [a, b] : spans) {
        if (!(d < a) && !(b < d)) return 100.0 * static_cast<double>(off + (d - a).count()) / static_cast<double>(total);
        off += (b - a).count() + 1;
      }
      return std::nullopt;
    };
    double unit = 100.0 / static_cast<double>(total);
    int teams = r.teams;
    for (auto* t : tours) teams = std::max(teams, t->team);
    ++round_no;
    o += fmt::format("<div class=\"round\"><h3 class=\"kai\">{}</h3>\n<div class=\"tl\">\n",
                     esc(ctx.zh ? fmt::format("（{}）{}年", zh_numeral(round_no), year)
                                : fmt::format("({}) {}", round_no, year)));
    // Axis: month starts.
    o += "<div class=\"row axis\"><div class=\"lane\">";
    for (auto& [a, b] : spans)
      for (Date d = a; !(b < d); d += date::days{1})
        if (day_num(d) == 1 || d == a)
          if (auto p = pos(d)) o += fmt::format("<span style=\"left:{:.3f}%\">{}</span>", *p, ctx.zh ? fmt::format("{}月", month_num(d)) : format_iso(d).substr(5));
    o += "</div></div>\n";
    std::string shade;
    for (auto& [a, b] : spans) {
      for (Date d = a; !(b < d); d += date::days{1}) {
        bool blocked = v.calendar.kind(d) == Calendar::DayKind::holiday;
        for (const auto& bo : pol.blackouts) blocked = blocked || (!(d < bo.from) && !(bo.to < d));
        if (blocked)
          if (auto p = pos(d)) shade += fmt::format("<div class=\"hol\" style=\"left:{:.3f}%;width:{:.3f}%\"></div>", *p, unit);
      }
      if (a != spans.front().first)
        if (auto p = pos(a)) shade += fmt::format("<div class=\"gap\" style=\"left:{:.3f}%\"></div>", *p);
    }
    for (int team = 1; team <= teams; ++team) {
      o += fmt::format("<div class=\"row\"><div class=\"lab\">{}</div><div class=\"lane\">{}",
                       esc(ctx.zh ? fmt::format("第{}组", team) : fmt::format("Team {}", team)), shade);
      for (auto* t : tours) {
        if (t->team != team || !t->start || !t->end) continue;
        auto a = pos(*t->start), b = pos(*t->end);
        if (!a || !b) continue;
        const Region* reg = v.data.region(t->region);
        std::string label = reg ? reg->name : t->region;
        // A short bar gets the short name (恩施土家族苗族自治州 → 恩施) so the name is not clipped:
        // about 7.5 pt per character against the bar's share of the ~226 mm lane.
        double bar_pt = (*b - *a + unit) / 100.0 * 226.0 / 25.4 * 72.0;
        if (static_cast<double>(text::display_width(label)) * 3.9 > bar_pt) label = short_name(label);
        o += fmt::format("<div class=\"bar{}\" style=\"left:{:.3f}%;width:{:.3f}%\" title=\"{}\">{}</div>",
                         t->pinned ? " pin" : "", *a, *b - *a + unit, esc(range_text(ctx, *t)), esc(label));
      }
      o += "</div></div>\n";
    }
    o += "</div></div>\n";
  }
  // The time axis shows only the batch windows: say what the black lines leave out.
  std::string gaps;
  if (!by_year.empty() && pol.batches.size() > 1) {
    int y = by_year.begin()->first;
    for (std::size_t i = 0; i + 1 < pol.batches.size(); ++i) {
      Date a = pol.batches[i].last_day(y) + date::days{1}, b = pol.batches[i + 1].first_day(y) - date::days{1};
      if (b < a) continue;
      gaps += (gaps.empty() ? "" : ctx.t("、", ", ")) +
              (ctx.zh ? zh_md(a) + "—" + zh_md(b) : format_iso(a).substr(5) + " to " + format_iso(b).substr(5));
    }
  }
  std::string gap_note = gaps.empty() ? std::string()
                         : ctx.zh ? fmt::format("黑色竖线为两批巡查之间的间隔（{}），该时段不安排巡查，时间轴上略去。", gaps)
                                  : fmt::format(" Black lines: the break between batches ({}), when no tour is planned; "
                                                "the time axis leaves it out.", gaps);
  o += fmt::format("<p class=\"note\">{}{}</p>\n</section>\n",
                   ctx.t("灰色竖条为法定节假日及停止巡查日；灰色条块为数据中已定的巡查。",
                         "Grey stripes: statutory holidays and blackout days; grey bars: tours already in the data."),
                   esc(gap_note));

  // Table of tours with deadlines: one tbody per round (Chromium keeps it together). The note on
  // how the dates are counted goes above the table, so it never ends up alone on a last page.
  o += fmt::format("<section>\n<h2>{}</h2>\n", ctx.t("三、巡查安排及期限一览表", "3. Tours and deadlines"));
  o += fmt::format("<p class=\"note above\">{}</p>\n",
                   esc(ctx.zh ? fmt::format("注：报告期限为巡查结束后第 {} 个工作日；整改期限为估计值，假定报告期限后 {} 个工作日反馈，"
                                            "整改方案为反馈后 {} 个工作日内，整改结果为反馈后 {} 个月内。",
                                            pol.report_workdays, pol.planning_feedback_workdays,
                                            pol.rectification_plan_workdays, pol.rectification_results_months)
                              : fmt::format("Report due: the {}th working day after the tour ends. Rectification dates are "
                                            "estimates: feedback assumed {} working days after the report is due; plan "
                                            "within {} working days, results within {} months of feedback.",
                                            pol.report_workdays, pol.planning_feedback_workdays,
                                            pol.rectification_plan_workdays, pol.rectification_results_months)));
  o += fmt::format("<table class=\"tours\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n",
                   ctx.t("序号", "No."),
                   ctx.t("批次", "batch"), ctx.t("巡查组", "team"), ctx.t("巡查对象", "region"), ctx.t("巡查时间", "on site"),
                   ctx.t("天数", "days"), ctx.t("报告期限", "report due"), ctx.t("整改方案期限（估）", "plan due (est.)"),
                   ctx.t("整改结果期限（估）", "results due (est.)"));
  int n = 0;
  for (const auto& [year, tours] : by_year) {
    o += fmt::format("<tbody>\n<tr class=\"cap\"><td colspan=\"9\">{}</td></tr>\n",
                     esc(ctx.zh ? fmt::format("{}年（{} 个地区）", year, tours.size())
                                : fmt::format("{} ({})", year, count_of(tours.size(), "region"))));
    for (auto* t : tours) {
      bool dated = t->end.has_value();
      const Region* reg = v.data.region(t->region);
      std::string team = !t->team_id.empty() ? t->team_id
                         : t->team ? (ctx.zh ? fmt::format("第{}组", t->team) : fmt::format("Team {}", t->team))
                                   : "-";
      auto due = [&](Date d) {
        if (!dated) return std::string("-");
        return esc(ctx.zh ? zh_md(d) : format_iso(d)) + (beyond_calendar(v, d) ? "#" : "");  // (legend below)
      };
      o += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"l\">{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       ++n, esc(batch_name(ctx, pol, t->batch)), esc(team), esc(reg ? reg->name : t->region),
                       t->pinned ? ctx.t("（已定）", " (set)") : "", esc(range_text(ctx, *t)), t->days,
                       due(t->report_due), due(t->plan_due), due(t->results_due));
    }
    o += "</tbody>\n";
  }
  o += "</table>\n";
  if (std::string ys = beyond_calendar_years(v); !ys.empty())
    o += "<p class=\"note\">" +
         esc(ctx.t(fmt::format("标 # 的日期落在 {} 年，工作日历不包含该年：只按周末估算。", ys),
                   fmt::format("A date marked # falls in {}, which the working-day calendar does not cover: estimated "
                               "counting weekends only.",
                               ys))) +
         "</p>\n";
  o += "</section>\n</body>\n</html>\n";
  return o;
}

}  // namespace xuncha::cli
