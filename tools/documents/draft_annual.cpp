// The office's summary of the year (年度巡查工作总结, V.1): tours done, coverage of every region
// over the coverage window, problems and closure by region, overdue items, hazards by grade, leads
// by nature, public reports, deadlines met and missed. Tables, and charts for the printable page
// (a region × year coverage grid, closure-rate bars, a deadline timeline; draft_charts.cpp).
#include "documents/draft.hpp"
#include "documents/draft_charts.hpp"

#include <xuncha/deadlines/deadlines.hpp>

#include <fmt/format.h>

#include <map>
#include <set>

namespace xuncha::cli {
namespace {

}  // namespace

draft::Document draft_annual(const DraftInput& in, int year) {
  const auto& ctx = in.ctx;
  const auto& data = in.data;
  const int g = data.policy.coverage_years;
  std::vector<const Tour*> tours;
  for (const auto& t : data.tours)
    if (t.body == Body::province && t.year == year) tours.push_back(&t);
  if (tours.empty())
    throw UsageError(fmt::format("{} 年没有省级巡查记录：请在 tours 文件中加入当年的巡查，或换用 --year", year),
                     fmt::format("no provincial tour in {}: add the year's tours to a tours file, or choose another --year", year));
  std::set<std::string> ids;
  for (const auto* t : tours) ids.insert(t->id);

  draft::Document d;
  d.kind = "annual";
  d.title = ctx.zh ? fmt::format("{}年度安全生产巡查工作总结", year) : fmt::format("The year's work-safety inspections: summary of {}", year);
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::subtitle, ctx.zh ? fmt::format("（代拟稿，数据截至{}）", draft_date(ctx, ctx.as_of))
                                       : fmt::format("(draft; figures as of {})", draft_date(ctx, ctx.as_of)));

  // 一、 tours of the year.
  int irregular = 0;
  for (const auto* t : tours) irregular += t->kind == TourKind::irregular ? 1 : 0;
  d.add(draft::Style::heading1, heading(ctx, 1, 1, "巡查工作开展情况", "Tours of the year"));
  d.add(draft::Style::body, ctx.zh ? fmt::format("{}年，省安委会共组织安全生产巡查{}次，其中定期巡查{}次、不定期巡查{}次。", year, tours.size(),
                                                 tours.size() - static_cast<std::size_t>(irregular), irregular)
                                   : fmt::format("In {} the committee carried out {} inspections: {} regular and {} irregular.", year,
                                                 tours.size(), tours.size() - static_cast<std::size_t>(irregular), irregular));
  draft::Table tt{{ctx.t("序号", "No."), ctx.t("地区", "region"), ctx.t("类型", "kind"), ctx.t("巡查组", "team"), ctx.t("在场时间", "on site")}, {}};
  int n = 0;
  for (const auto* t : tours) {
    auto end = deadlines::effective_end(*t, data);
    tt.rows.push_back({std::to_string(++n), region_name(data, t->region),
                       t->kind == TourKind::irregular ? ctx.t("不定期", "irregular") : ctx.t("定期", "regular"), t->team,
                       t->start && end ? draft_range(ctx, *t->start, *end) : ctx.t("—", "-")});
  }
  d.add_table(std::move(tt));

  // 二、 coverage over the window: region × year.
  d.add(draft::Style::heading1, heading(ctx, 1, 2, fmt::format("{}年全覆盖情况", g), fmt::format("Coverage over {} years", g)));
  draft::Table ct{{ctx.t("地区", "region")}, {}};
  for (int y = year - g + 1; y <= year; ++y) ct.header.push_back(std::to_string(y));
  int covered = 0;
  std::vector<CoverageRow> grid;
  for (const auto& r : data.regions) {
    std::vector<std::string> row{r.name};
    CoverageRow chart{r.name, {}};
    bool any = false;
    for (int y = year - g + 1; y <= year; ++y) {
      int c = 0;
      for (const auto& t : data.tours)
        if (t.region == r.id && t.year == y) c = t.body == Body::province ? 1 : (c == 1 ? 1 : 2);  // a provincial tour shows first
      any = any || c == 1;
      row.push_back(c == 1 ? ctx.t("省", "P") : c == 2 ? ctx.t("国", "SC") : "");
      chart.cells.push_back(c);
    }
    covered += any ? 1 : 0;
    ct.rows.push_back(std::move(row));
    grid.push_back(std::move(chart));
  }
  d.add(draft::Style::body, ctx.zh ? fmt::format("{}—{}年，{}个巡查对象中已有{}个接受过省级巡查。", year - g + 1, year, data.regions.size(), covered)
                                   : fmt::format("Regions inspected by the province from {} to {}: {} of {}.", year - g + 1, year, covered,
                                                 data.regions.size()));
  d.add_chart(coverage_chart(ctx, grid, year - g + 1, year), coverage_grid(ctx, grid, year - g + 1, year),
              ctx.zh ? fmt::format("图1　{}—{}年各地区巡查覆盖情况", year - g + 1, year) : fmt::format("Figure 1. Coverage, {}–{}", year - g + 1, year));
  d.add_table(std::move(ct));
  d.add(draft::Style::note, ctx.t("注：“省”为省级巡查，“国”为国务院安委会巡查。", "Note: P, a provincial tour; SC, a State Council tour."));

  // 三、 problems and closure by region; overdue.
  d.add(draft::Style::heading1, heading(ctx, 1, 3, "问题整改情况", "Problems and their rectification"));
  std::map<std::string, ledger::Summary> by_region;
  ledger::Summary total;
  for (const auto& r : ledger::assess_all(data, in.cal, ctx.as_of)) {
    if (!ids.count(r.problem->tour)) continue;
    for (auto* s : {&by_region[r.problem->region], &total}) {
      ++s->problems;
      s->done += ledger::is_done(*r.problem) ? 1 : 0;
      s->closed += r.problem->state == ProblemState::closed ? 1 : 0;
      s->overdue += r.overdue ? 1 : 0;
    }
  }
  d.add(draft::Style::body, ctx.zh ? fmt::format("全年巡查发现问题{}个，已完成整改{}个，已销号{}个，销号率{}；逾期未完成{}个。", total.problems, total.done,
                                                 total.closed, draft_percent(total.closed, total.problems), total.overdue)
                                   : fmt::format("The year's tours found {} problems: {} rectified, {} closed (closure rate {}); {} overdue.",
                                                 total.problems, total.done, total.closed, draft_percent(total.closed, total.problems), total.overdue));
  draft::Table pt{{ctx.t("地区", "region"), ctx.t("问题", "problems"), ctx.t("已完成", "done"), ctx.t("已销号", "closed"), ctx.t("销号率", "closure rate"),
                   ctx.t("逾期", "overdue")}, {}};
  std::vector<ClosureBar> bars;
  for (const auto& [region, s] : by_region) bars.push_back({region_name(data, region), s.closure_permille()});
  if (!bars.empty()) d.add_chart(closure_chart(ctx, bars), closure_grid(ctx, bars), ctx.t("图2　各地区问题销号率", "Figure 2. Closure rate by region"));
  for (const auto& [region, s] : by_region)
    pt.rows.push_back({region_name(data, region), std::to_string(s.problems), std::to_string(s.done), std::to_string(s.closed),
                       draft_percent(s.closed, s.problems), std::to_string(s.overdue)});
  if (!by_region.empty()) d.add_table(std::move(pt));

  // 四、 hazards, leads, public reports.
  d.add(draft::Style::heading1, heading(ctx, 1, 4, "重大隐患、问题线索和群众举报", "Hazards, leads and public reports"));
  std::array<int, 4> grades{};
  int hazards = 0, delisted = 0;
  for (const auto& h : data.ledger.hazards)
    if (ids.count(h.tour)) {
      ++hazards;
      delisted += h.delisted ? 1 : 0;
      if (h.grade >= 1 && h.grade <= 4) ++grades[static_cast<std::size_t>(h.grade - 1)];
    }
  d.add(draft::Style::body, ctx.zh ? fmt::format("挂牌督办重大事故隐患{}项（一级{}项、二级{}项、三级{}项、四级{}项），已摘牌销号{}项。", hazards, grades[0],
                                                 grades[1], grades[2], grades[3], delisted)
                                   : fmt::format("Listed major hazards: {} (grade 1: {}, 2: {}, 3: {}, 4: {}); {} delisted.", hazards, grades[0],
                                                 grades[1], grades[2], grades[3], delisted));
  std::array<int, lead_nature_names.size()> natures{};
  int leads = 0, fed_back = 0;
  for (const auto& l : data.ledger.leads)
    if (ids.count(l.tour)) {
      ++leads;
      fed_back += l.feedback ? 1 : 0;
      ++natures[static_cast<std::size_t>(l.nature)];
    }
  std::string by_nature;
  for (std::size_t i = 0; i < natures.size(); ++i)
    if (natures[i])
      by_nature += (by_nature.empty() ? "" : ctx.t("、", ", ")) +
                   (ctx.zh ? fmt::format("{}{}条", lead_nature_zh[i], natures[i]) : fmt::format("{} {}", lead_nature_names[i], natures[i]));
  d.add(draft::Style::body, ctx.zh ? fmt::format("移交问题线索{}条{}，已反馈办理结果{}条。", leads, by_nature.empty() ? "" : "（" + by_nature + "）", fed_back)
                                   : fmt::format("Leads transferred: {}{}; {} with the handling reported back.", leads,
                                                 by_nature.empty() ? "" : " (" + by_nature + ")", fed_back));
  int reports = 0, verified = 0, answered = 0;
  for (const auto& r : data.ledger.reports)
    if (ids.count(r.tour)) {
      ++reports;
      verified += r.verified ? 1 : 0;
      answered += r.answered ? 1 : 0;
    }
  d.add(draft::Style::body, ctx.zh ? fmt::format("受理群众举报{}件，已核查{}件、答复{}件。", reports, verified, answered)
                                   : fmt::format("Public reports received: {}; {} verified, {} answered.", reports, verified, answered));

  // 五、 deadlines of the year's tours: met and missed, per step.
  d.add(draft::Style::heading1, heading(ctx, 1, 5, "程序期限执行情况", "Procedure deadlines"));
  draft::Table dt{{ctx.t("步骤", "step"), ctx.t("按期完成", "on time"), ctx.t("逾期完成", "done late"), ctx.t("逾期未完成", "overdue"),
                   ctx.t("未到期", "pending")}, {}};
  std::map<Milestone, std::array<int, 4>> steps;
  const auto due_rows = deadlines::compute(data, in.cal, ctx.as_of, 0);
  for (const auto& row : due_rows) {
    if (!ids.count(row.tour->id)) continue;
    auto& c = steps[row.step];
    if (row.status == deadlines::Status::done_on_time) ++c[0];
    else if (row.status == deadlines::Status::done_late) ++c[1];
    else if (row.status == deadlines::Status::overdue) ++c[2];
    else if (row.status == deadlines::Status::pending || row.status == deadlines::Status::due_soon) ++c[3];
  }
  for (const auto& [step, c] : steps) {
    if (c[0] + c[1] + c[2] + c[3] == 0) continue;
    auto i = static_cast<std::size_t>(step);
    dt.rows.push_back({std::string(ctx.zh ? milestone_zh[i] : milestone_names[i]), std::to_string(c[0]), std::to_string(c[1]),
                       std::to_string(c[2]), std::to_string(c[3])});
  }
  d.add_table(std::move(dt));
  std::vector<TimelineRow> timeline;
  for (const auto* t : tours) {
    auto end = deadlines::effective_end(*t, data);
    if (!t->start || !end) continue;
    TimelineRow row{region_name(data, t->region), *t->start, *end, {}};
    for (const auto& r : due_rows)
      if (r.tour == t && r.due &&
          (r.step == Milestone::report_submitted || r.step == Milestone::rectification_plan || r.step == Milestone::rectification_results))
        row.marks.push_back({*r.due, r.status == deadlines::Status::done_on_time ? 0
                                     : r.status == deadlines::Status::done_late || r.status == deadlines::Status::overdue ? 1 : 2});
    timeline.push_back(std::move(row));
  }
  if (!timeline.empty())
    d.add_chart(deadline_chart(ctx, timeline), deadline_grid(ctx, timeline), ctx.t("图3　各次巡查的报告、整改方案和整改结果期限", "Figure 3. Report, plan and results deadlines of each tour"));

  d.add(draft::Style::heading1, heading(ctx, 1, 6, "存在的不足和下一步工作", "Shortcomings and next year's work"));
  d.add(draft::Style::body, {to_write(ctx, "存在的不足", "shortcomings")});
  d.add(draft::Style::body, {to_write(ctx, "下一年度工作安排", "next year's work")});
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, data) + "办公室" : "Office of the " + committee(ctx, data));
  d.add(draft::Style::signature, draft_date(ctx, ctx.as_of));
  return d;
}

}  // namespace xuncha::cli
