// xuncha ledger -f xlsx: the 整改台账 as a workbook: a summary sheet, then one sheet per region
// (or tour, unit, gravity: --by), overdue rows marked; dates are dates, counts are numbers.
#include "ledger_view.hpp"
#include "render/province.hpp"
#include "render/xlsx.hpp"

#include <fmt/format.h>

#include <map>

namespace xuncha::cli {

std::string render_ledger_xlsx(const Context& ctx, const LedgerView& v) {
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = ctx.zh ? fmt::format("{}安全生产巡查反馈问题整改台账", v.data.policy.province)
                    : fmt::format("Rectification ledger{}", province_suffix(", ", v.data.policy.province));
  std::string asof = ctx.zh ? fmt::format("截至 {}", format_iso(ctx.as_of)) : fmt::format("as of {}", format_iso(ctx.as_of));

  xlsx::Sheet sum;
  sum.name = ctx.t("汇总", "Summary");
  sum.title = {wb.title, asof};
  sum.header = {ctx.t("分组", "group"), ctx.t("问题", "problems"), ctx.t("已完成", "done"), ctx.t("基本完成", "stage met"),
                ctx.t("已销号", "closed"), ctx.t("逾期", "overdue"), ctx.t("销号率", "closure rate")};
  sum.widths = {28, 8, 8, 10, 8, 8, 10};
  for (const auto& s : v.summary) {
    sum.rows.push_back({xlsx::Cell::of(ledger_key_text(ctx, v, s)), xlsx::Cell::of(s.problems), xlsx::Cell::of(s.done),
                        xlsx::Cell::of(s.basically_done), xlsx::Cell::of(s.closed), xlsx::Cell::of(s.overdue),
                        xlsx::Cell::percent(s.problems ? static_cast<double>(s.closed) / s.problems : 0.0)});
    sum.highlight.push_back(s.overdue > 0);
  }
  wb.sheets.push_back(std::move(sum));

  // Rows grouped as the summary is, in the summary's key order.
  std::map<std::string, std::vector<const ledger::ProblemRow*>> groups;
  for (const auto& r : v.rows) groups[ledger::group_key(*r.problem, v.by)].push_back(&r);
  for (const auto& [key, rows] : groups) {
    xlsx::Sheet s;
    ledger::Summary k;
    k.key = key;
    s.name = ledger_key_text(ctx, v, k);
    s.title = {fmt::format("{} {}", wb.title, s.name), asof};
    s.header = {ctx.t("序号", "no."), ctx.t("问题编号", "id"), ctx.t("巡查", "tour"), ctx.t("问题", "problem"),
                ctx.t("整改措施", "measures"), ctx.t("责任单位", "unit"), ctx.t("责任人", "person"),
                ctx.t("整改时限", "due"), ctx.t("整改情况", "state"), ctx.t("逾期天数", "days overdue"),
                ctx.t("完成日期", "completed"), ctx.t("销号日期", "closed")};
    s.widths = {6, 20, 16, 40, 36, 22, 10, 12, 20, 10, 12, 12};
    int n = 0;
    for (const auto* r : rows) {
      const Problem& p = *r->problem;
      s.rows.push_back({xlsx::Cell::of(++n), xlsx::Cell::of(p.id), xlsx::Cell::of(p.tour), xlsx::Cell::of(p.description),
                        xlsx::Cell::of(p.measures), xlsx::Cell::of(p.unit), xlsx::Cell::of(p.person), xlsx::Cell::of(r->due),
                        xlsx::Cell::of(ledger_state_text(ctx, *r)), r->overdue ? xlsx::Cell::of(r->late_by) : xlsx::Cell{},
                        xlsx::Cell::of(p.completed), xlsx::Cell::of(p.closed)});
      s.highlight.push_back(r->overdue);
    }
    wb.sheets.push_back(std::move(s));
  }
  return xlsx::render(wb);
}

}  // namespace xuncha::cli
