// xuncha schedule -f xlsx: the plan as a workbook. One sheet of tours (dates are dates, days are
// numbers), one region-by-year sheet an office reads the rotation from.
#include "render/schedule.hpp"
#include "render/xlsx.hpp"

#include <fmt/format.h>

#include <map>

namespace xuncha::cli {

std::string schedule_xlsx(const Context& ctx, const ScheduleView& v) {
  const auto& r = v.result;
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = schedule_title(ctx, v);

  xlsx::Sheet plan;
  plan.name = ctx.t("巡查计划", "Plan");
  plan.title = {wb.title, ctx.t("整改方案、整改结果期限为计划估算（按假定的反馈日期推算）；"
                                "标“估算”的期限落在工作日历未覆盖的年份，只按周末计算",
                                "Rectification due dates are planning estimates (from an assumed feedback date); "
                                "'estimated' marks deadlines in a year the working-day calendar does not cover "
                                "(weekends only)")};
  plan.header = {ctx.t("年度", "year"), ctx.t("批次", "batch"), ctx.t("巡查组", "team"), ctx.t("巡查", "tour"),
                 ctx.t("地区", "region"), ctx.t("名称", "name"), ctx.t("天数", "days"), ctx.t("进驻", "start"),
                 ctx.t("结束", "end"), ctx.t("报告期限", "report due"), ctx.t("假定反馈", "feedback assumed"),
                 ctx.t("整改方案期限", "plan due"), ctx.t("整改结果期限", "results due"), ctx.t("已定", "pinned"),
                 ctx.t("备注", "note")};
  plan.widths = {7, 8, 10, 20, 12, 14, 6, 12, 12, 12, 12, 13, 13, 6, 10};
  for (const auto& t : r.tours) {
    bool dated = t.end.has_value();
    auto due = [&](Date d) { return dated ? xlsx::Cell::of(d) : xlsx::Cell{}; };
    bool estimated = false;
    if (dated)
      for (Date d : {t.report_due, t.feedback_assumed, t.plan_due, t.results_due})
        estimated = estimated || !v.calendar.covers(year_of(d));
    plan.rows.push_back({xlsx::Cell::of(t.year), xlsx::Cell::of(batch_name(ctx, v.data.policy, t.batch)),
                         xlsx::Cell::of(team_label(ctx, t)), xlsx::Cell::of(t.id), xlsx::Cell::of(t.region),
                         xlsx::Cell::of(region_name(v, t.region)), xlsx::Cell::of(t.days), xlsx::Cell::of(t.start),
                         xlsx::Cell::of(t.end), due(t.report_due), due(t.feedback_assumed), due(t.plan_due),
                         due(t.results_due), t.pinned ? xlsx::Cell::of(ctx.t("是", "yes")) : xlsx::Cell{},
                         estimated ? xlsx::Cell::of(ctx.t("估算", "estimated")) : xlsx::Cell{}});
    plan.highlight.push_back(false);
  }
  wb.sheets.push_back(std::move(plan));

  // Region by year: which team tours the region in which year.
  int from = v.options.from, to = v.options.from + v.options.years - 1;
  xlsx::Sheet grid;
  grid.name = ctx.t("轮次总表", "Regions by year");
  grid.title = {wb.title};
  grid.header = {ctx.t("地区", "region"), ctx.t("名称", "name")};
  grid.widths = {12, 14};
  for (int y = from; y <= to; ++y) {
    grid.header.push_back(ctx.zh ? fmt::format("{}年", y) : std::to_string(y));
    grid.widths.push_back(12);
  }
  std::map<std::pair<std::string, int>, std::string> cell;
  for (const auto& t : r.tours) {
    auto& c = cell[{t.region, t.year}];
    c += (c.empty() ? "" : ctx.t("、", ", ")) + team_label(ctx, t);
  }
  for (const auto& reg : v.data.regions) {
    std::vector<xlsx::Cell> row{xlsx::Cell::of(reg.id), xlsx::Cell::of(reg.name)};
    for (int y = from; y <= to; ++y) {
      auto it = cell.find({reg.id, y});
      row.push_back(it == cell.end() ? xlsx::Cell{} : xlsx::Cell::of(it->second));
    }
    grid.rows.push_back(std::move(row));
    grid.highlight.push_back(false);
  }
  wb.sheets.push_back(std::move(grid));
  return xlsx::render(wb);
}

}  // namespace xuncha::cli
