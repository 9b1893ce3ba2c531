// The annual summary's charts (V.1), drawn as inline SVG for the printable page: black, white
// and grey only, so they read on an office's black-and-white printer.
#include "documents/draft_charts.hpp"

#include "render/xml.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {
namespace {

constexpr std::string_view font = R"(font-family="FangSong_GB2312,FangSong,Noto Serif CJK SC,serif")";

std::string text(double x, double y, std::string_view s, std::string_view anchor = "start", int size = 9) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"{}\" {}>{}</text>", x, y, size, anchor, font,
                     xml_escape(s));
}

}  // namespace

std::string coverage_chart(const Context& ctx, const std::vector<CoverageRow>& rows, int first_year, int last_year) {
  const double label = 120, cell = 36, h = 14, top = 18;
  const int years = last_year - first_year + 1;
  double width = label + cell * years + 4, height = top + h * static_cast<double>(rows.size()) + 24;
  std::string s = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\">", width, height);
  s += "<defs><pattern id=\"sc\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><path d=\"M0,4 L4,0\" stroke=\"#000\" "
       "stroke-width=\"0.8\"/></pattern></defs>";
  for (int y = 0; y < years; ++y) s += text(label + cell * y + cell / 2, top - 5, std::to_string(first_year + y), "middle");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double yy = top + h * static_cast<double>(i);
    s += text(label - 4, yy + h - 3.5, rows[i].name, "end");
    for (int y = 0; y < years; ++y) {
      int c = rows[i].cells[static_cast<std::size_t>(y)];
      std::string fill = c == 1 ? "#000" : c == 2 ? "url(#sc)" : "#fff";
      s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>",
                       label + cell * y + 1, yy + 1, cell - 2, h - 2, fill);
    }
  }
  double ly = top + h * static_cast<double>(rows.size()) + 14;
  s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"16\" height=\"9\" fill=\"#000\"/>", label, ly - 8);
  s += text(label + 20, ly, ctx.t("省级巡查", "provincial tour"));
  s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"16\" height=\"9\" fill=\"url(#sc)\" stroke=\"#000\" stroke-width=\"0.5\"/>", label + 110, ly - 8);
  s += text(label + 130, ly, ctx.t("国务院安委会巡查", "State Council tour"));
  return s + "</svg>";
}

std::string closure_chart(const Context& ctx, const std::vector<ClosureBar>& bars) {
  const double label = 120, span = 300, h = 14, top = 6;
  double height = top + h * static_cast<double>(bars.size()) + 20;
  std::string s = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\">", label + span + 50, height);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    double yy = top + h * static_cast<double>(i);
    double w = span * bars[i].permille / 1000.0;
    s += text(label - 4, yy + h - 3.5, bars[i].name, "end");
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#bbb\" stroke=\"#000\" stroke-width=\"0.5\"/>", label,
                     yy + 2, std::max(w, 0.5), h - 4);
    s += text(label + w + 4, yy + h - 3.5, fmt::format("{}.{}%", bars[i].permille / 10, bars[i].permille % 10));
  }
  double ay = top + h * static_cast<double>(bars.size()) + 2;
  s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#000\" stroke-width=\"0.5\"/>", label, ay, label + span);
  for (int p = 0; p <= 100; p += 25) s += text(label + span * p / 100.0, ay + 11, fmt::format("{}%", p), "middle", 8);
  (void)ctx;
  return s + "</svg>";
}

std::string deadline_chart(const Context& ctx, const std::vector<TimelineRow>& rows) {
  Date lo = rows.front().start, hi = rows.front().end;
  for (const auto& r : rows) {
    lo = std::min(lo, r.start);
    hi = std::max(hi, r.end);
    for (const auto& m : r.marks) hi = std::max(hi, m.due);
  }
  date::year_month_day a{lo}, b{hi};
  Date from = date::sys_days{a.year() / a.month() / 1};
  Date to = date::sys_days{(b.year() / b.month() / date::last)} + date::days{1};
  const double label = 120, span = 330, h = 16, top = 18;
  double days = static_cast<double>((to - from).count());
  auto x = [&](Date d) { return label + span * static_cast<double>((d - from).count()) / days; };
  double height = top + h * static_cast<double>(rows.size()) + 26;
  std::string s = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\">", label + span + 10, height);
  for (auto m = date::year_month{a.year(), a.month()}; date::sys_days{m / 1} < to; m += date::months{1}) {
    Date d = date::sys_days{m / 1};
    s += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\" stroke-width=\"0.3\"/>", x(d), top - 4,
                     top + h * static_cast<double>(rows.size()));
    s += text(x(d) + 1, top - 6, ctx.zh ? fmt::format("{}月", static_cast<unsigned>(m.month())) : fmt::format("{:02}", static_cast<unsigned>(m.month())),
              "start", 7);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    double yy = top + h * static_cast<double>(i);
    s += text(label - 4, yy + h - 4.5, rows[i].name, "end");
    s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"6\" fill=\"#000\"/>", x(rows[i].start), yy + 5,
                     std::max(x(rows[i].end + date::days{1}) - x(rows[i].start), 1.0));
    for (const auto& m : rows[i].marks) {
      // Met: a filled circle; missed (late or overdue): an open circle with a cross; pending: grey.
      std::string fill = m.state == 0 ? "#000" : m.state == 1 ? "#fff" : "#bbb";
      s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.6\"/>", x(m.due), yy + 8, fill);
      if (m.state == 1)
        s += fmt::format("<path d=\"M{0:.1f},{1:.1f} l4,4 M{0:.1f},{2:.1f} l4,-4\" stroke=\"#000\" stroke-width=\"0.6\"/>", x(m.due) - 2, yy + 6, yy + 10);
    }
  }
  double ly = top + h * static_cast<double>(rows.size()) + 16;
  s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"6\" fill=\"#000\"/>", label, ly - 6);
  s += text(label + 18, ly, ctx.t("在场时间", "on site"), "start", 8);
  s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#000\"/>", label + 80, ly - 3);
  s += text(label + 86, ly, ctx.t("期限按期完成", "deadline met"), "start", 8);
  s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.6\"/>", label + 160, ly - 3);
  s += text(label + 166, ly, ctx.t("期限未按期完成", "deadline missed"), "start", 8);
  s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#bbb\" stroke=\"#000\" stroke-width=\"0.6\"/>", label + 250, ly - 3);
  s += text(label + 256, ly, ctx.t("未到期", "not yet due"), "start", 8);
  return s + "</svg>";
}

draft::Grid coverage_grid(const Context& ctx, const std::vector<CoverageRow>& rows, int first_year, int last_year) {
  draft::Grid g;
  g.rows.push_back({{ctx.t("地区", "region")}});
  g.widths.push_back(8);
  for (int y = first_year; y <= last_year; ++y) {
    g.rows[0].push_back({std::to_string(y)});
    g.widths.push_back(3);
  }
  for (const auto& r : rows) {
    std::vector<draft::GridCell> row{{r.name}};
    for (int c : r.cells) row.push_back({"", c == 1 ? draft::Fill::black : c == 2 ? draft::Fill::hatched : draft::Fill::none});
    g.rows.push_back(std::move(row));
  }
  g.legend = ctx.t("图例：黑色格为省级巡查，灰色格为国务院安委会巡查，空白格为当年未巡查。",
                   "Key: a black cell, a provincial tour; a grey cell, a State Council tour; a blank cell, none that year.");
  return g;
}

draft::Grid closure_grid(const Context& ctx, const std::vector<ClosureBar>& bars) {
  constexpr int cells = 20;  // 5% each
  draft::Grid g;
  g.rows.push_back({{ctx.t("地区", "region")}});
  g.widths.push_back(8);
  for (int q = 0; q < 4; ++q) g.rows[0].push_back({fmt::format("{}%", q * 25), draft::Fill::none, cells / 4});
  for (int k = 0; k < cells; ++k) g.widths.push_back(1);
  g.rows[0].push_back({ctx.t("销号率", "closure rate")});
  g.widths.push_back(4);
  for (const auto& b : bars) {
    std::vector<draft::GridCell> row{{b.name}};
    const int filled = (b.permille + 25) / 50;
    for (int k = 0; k < cells; ++k) row.push_back({"", k < filled ? draft::Fill::grey : draft::Fill::none});
    row.push_back({fmt::format("{}.{}%", b.permille / 10, b.permille % 10)});
    g.rows.push_back(std::move(row));
  }
  g.legend = ctx.t("图例：每格5%，灰色格的长度为销号率。", "Key: each cell is 5%; the grey bar's length is the closure rate.");
  return g;
}

draft::Grid deadline_grid(const Context& ctx, const std::vector<TimelineRow>& rows) {
  Date lo = rows.front().start, hi = rows.front().end;
  for (const auto& r : rows) {
    lo = std::min(lo, r.start);
    hi = std::max(hi, r.end);
    for (const auto& m : r.marks) hi = std::max(hi, m.due);
  }
  const date::year_month first{date::year_month_day{lo}.year(), date::year_month_day{lo}.month()};
  const date::year_month last{date::year_month_day{hi}.year(), date::year_month_day{hi}.month()};
  const int months = (last - first).count() + 1;
  // A cell per 旬 (days 1-10, 11-20, 21-end) up to a year, else a cell per month.
  const int per = months <= 12 ? 3 : 1;
  std::vector<std::pair<Date, Date>> span;  // each column's first and last day
  for (auto m = first; m <= last; m += date::months{1}) {
    Date a = date::sys_days{m / 1}, z = date::sys_days{m / date::last};
    if (per == 1) span.emplace_back(a, z);
    else span.insert(span.end(), {{a, a + date::days{9}}, {a + date::days{10}, a + date::days{19}}, {a + date::days{20}, z}});
  }
  draft::Grid g;
  g.rows.push_back({{ctx.t("巡查对象", "region")}});
  g.widths.push_back(8);
  for (auto m = first; m <= last; m += date::months{1}) {
    const auto mm = static_cast<unsigned>(m.month());
    std::string label = ctx.zh ? fmt::format("{}月", mm) : fmt::format("{:02}", mm);
    if (m == first || mm == 1) label = ctx.zh ? fmt::format("{}年{}月", static_cast<int>(m.year()), mm) : fmt::format("{}-{:02}", static_cast<int>(m.year()), mm);
    g.rows[0].push_back({label, draft::Fill::none, per});
  }
  for (std::size_t c = 0; c < span.size(); ++c) g.widths.push_back(per == 3 ? 1 : 2);
  static constexpr std::string_view symbol[] = {"●", "×", "○"};
  for (const auto& r : rows) {
    std::vector<draft::GridCell> row{{r.name}};
    for (const auto& [a, z] : span) {
      draft::GridCell cell;
      if (!(z < r.start) && !(r.end < a)) cell.fill = draft::Fill::black;
      for (const auto& m : r.marks)
        if (!(m.due < a) && !(z < m.due)) cell.text += symbol[std::clamp(m.state, 0, 2)];
      row.push_back(std::move(cell));
    }
    g.rows.push_back(std::move(row));
  }
  g.legend = per == 3 ? ctx.t("图例：每格一旬；黑色格为在场时间；●期限按期完成，×期限未按期完成，○期限未到。",
                              "Key: a cell per ten days; black cells, the time on site; ● deadline met, × deadline missed, ○ not yet due.")
                      : ctx.t("图例：每格一个月；黑色格为在场时间；●期限按期完成，×期限未按期完成，○期限未到。",
                              "Key: a cell per month; black cells, the time on site; ● deadline met, × deadline missed, ○ not yet due.");
  return g;
}

}  // namespace xuncha::cli
