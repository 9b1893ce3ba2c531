// xuncha ledger -f xlsx: the 整改台账 as a workbook: a summary sheet, then one sheet per region
// (or tour, unit, gravity: --by), overdue rows marked; dates are dates, counts are numbers.
#include "render/ledger_view.hpp"
#include "render/province.hpp"
#include "render/xlsx.hpp"

#include <fmt/format.h>

#include <algorithm>
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
    s.header = {ctx.t("序号", "no."), ctx.t("问题编号", "id"), ctx.t("年度", "year"), ctx.t("巡查", "tour"),
                ctx.t("问题", "problem"), ctx.t("整改措施", "measures"), ctx.t("责任单位", "unit"), ctx.t("责任人", "person"),
                ctx.t("整改时限", "due"), ctx.t("整改情况", "state"), ctx.t("逾期天数", "days overdue"),
                ctx.t("完成日期", "completed"), ctx.t("销号日期", "closed"), ctx.t("屡查屡犯（前次问题）", "repeat of")};
    s.widths = {6, 20, 7, 16, 40, 36, 22, 10, 12, 20, 10, 12, 12, 20};
    int n = 0;
    for (const auto* r : rows) {
      const Problem& p = *r->problem;
      const Problem* earlier = v.repeat_of(p);
      s.rows.push_back({xlsx::Cell::of(++n), xlsx::Cell::of(p.id),
                        xlsx::Cell::of(r->tour && r->tour->year ? r->tour->year : year_of(p.found)), xlsx::Cell::of(p.tour),
                        xlsx::Cell::of(p.description), xlsx::Cell::of(p.measures), xlsx::Cell::of(p.unit),
                        xlsx::Cell::of(p.person), xlsx::Cell::of(r->due), xlsx::Cell::of(ledger_state_text(ctx, *r)),
                        r->overdue ? xlsx::Cell::of(r->late_by) : xlsx::Cell{}, xlsx::Cell::of(p.completed),
                        xlsx::Cell::of(p.closed), earlier ? xlsx::Cell::of(earlier->id) : xlsx::Cell{}});
      s.highlight.push_back(r->overdue);
    }
    wb.sheets.push_back(std::move(s));
  }

  // The other sections of the ledger, a sheet each (as the text and the printed ledger have them).
  auto sheet = [&](std::string name, std::vector<std::string> header, std::vector<double> widths) {
    xlsx::Sheet s;
    s.name = std::move(name);
    s.title = {fmt::format("{} {}", wb.title, s.name), asof};
    s.header = std::move(header);
    s.widths = std::move(widths);
    return s;
  };
  xlsx::Sheet hz = sheet(ctx.t("重大隐患", "Hazards"),
                         {ctx.t("编号", "id"), ctx.t("地区", "region"), ctx.t("隐患", "hazard"), ctx.t("等级", "grade"),
                          ctx.t("挂牌级别", "level"), ctx.t("挂牌日期", "listed"), ctx.t("期限", "due"), ctx.t("状态", "status")},
                         {18, 12, 40, 8, 10, 12, 12, 16});
  for (const Hazard* h : v.hazards) {
    auto dl = h->deadline_in_force();
    bool late = dl && *dl < ctx.as_of;
    hz.rows.push_back({xlsx::Cell::of(h->id), xlsx::Cell::of(v.region_name(h->region)), xlsx::Cell::of(h->name),
                       xlsx::Cell::of(h->grade), xlsx::Cell::of(listing_level_text(ctx, h->level)),
                       xlsx::Cell::of(h->listed ? h->listed : h->notice_date), xlsx::Cell::of(dl),
                       xlsx::Cell::of(late ? ctx.t("逾期未销号", "overdue") : ctx.t("挂牌整改中", "listed, in progress"))});
    hz.highlight.push_back(late);
  }
  for (const auto& u : v.unlisted) {
    auto want = v.data.policy.ledger.level_for(u.hazard->grade);
    hz.rows.push_back({xlsx::Cell::of(u.hazard->id), xlsx::Cell::of(v.region_name(u.hazard->region)),
                       xlsx::Cell::of(u.hazard->name), xlsx::Cell::of(u.hazard->grade),
                       xlsx::Cell::of(listing_level_text(ctx, want)), xlsx::Cell{}, xlsx::Cell::of(u.due),
                       xlsx::Cell::of(u.late ? ctx.t("逾期未挂牌", "not listed, overdue") : ctx.t("待挂牌", "to be listed"))});
    hz.highlight.push_back(u.late);
  }
  wb.sheets.push_back(std::move(hz));

  xlsx::Sheet ld = sheet(ctx.t("问题线索", "Leads"),
                         {ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("线索", "lead"), ctx.t("性质", "nature"),
                          ctx.t("接收机关", "recipient"), ctx.t("移交日期", "transferred"), ctx.t("期限", "due"),
                          ctx.t("状态", "status")},
                         {18, 16, 36, 18, 14, 12, 12, 16});
  for (const auto& l : v.to_transfer) {
    ld.rows.push_back({xlsx::Cell::of(l.lead->id), xlsx::Cell::of(l.lead->tour), xlsx::Cell::of(l.lead->summary),
                       xlsx::Cell::of(lead_nature_text(ctx, l.lead->nature)),
                       xlsx::Cell::of(recipient_text(ctx, v.data.policy.ledger.recipient_for(l.lead->nature))),
                       xlsx::Cell{}, xlsx::Cell::of(l.due),
                       xlsx::Cell::of(l.late ? ctx.t("逾期未移交", "transfer overdue") : ctx.t("待移交", "to transfer"))});
    ld.highlight.push_back(l.late);
  }
  for (const auto& l : v.leads) {
    ld.rows.push_back({xlsx::Cell::of(l.lead->id), xlsx::Cell::of(l.lead->tour), xlsx::Cell::of(l.lead->summary),
                       xlsx::Cell::of(lead_nature_text(ctx, l.lead->nature)), xlsx::Cell::of(recipient_text(ctx, l.lead->recipient)),
                       xlsx::Cell::of(l.lead->transferred), xlsx::Cell::of(l.due),
                       xlsx::Cell::of(l.late ? ctx.t("反馈逾期", "feedback overdue") : ctx.t("等待反馈", "awaiting feedback"))});
    ld.highlight.push_back(l.late);
  }
  wb.sheets.push_back(std::move(ld));

  xlsx::Sheet rp = sheet(ctx.t("群众举报", "Public reports"),
                         {ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("举报内容", "report"), ctx.t("收到", "received"),
                          ctx.t("核查期限", "verify by"), ctx.t("核查", "verified"), ctx.t("答复期限", "answer by"),
                          ctx.t("状态", "status")},
                         {18, 16, 36, 12, 12, 12, 12, 10});
  for (const auto& r : v.reports) {
    rp.rows.push_back({xlsx::Cell::of(r.report->id), xlsx::Cell::of(r.report->tour), xlsx::Cell::of(r.report->summary),
                       xlsx::Cell::of(std::optional<Date>(r.report->received)), xlsx::Cell::of(std::optional<Date>(r.verify_due)),
                       xlsx::Cell::of(r.report->verified), xlsx::Cell::of(r.answer_due),
                       xlsx::Cell::of(r.late ? ctx.t("逾期", "overdue") : ctx.t("办理中", "open"))});
    rp.highlight.push_back(r.late);
  }
  wb.sheets.push_back(std::move(rp));

  xlsx::Sheet lb = sheet(ctx.t("回头看", "Look-backs"),
                         {ctx.t("地区", "region"), ctx.t("巡查", "tour"), ctx.t("原因", "reason"), ctx.t("最早", "from"),
                          ctx.t("最迟", "by"), ctx.t("实际开展", "held"), ctx.t("状态", "status")},
                         {12, 18, 40, 12, 12, 12, 12});
  for (const auto& d : v.lookbacks) {
    bool late = d.to < ctx.as_of;
    lb.rows.push_back({xlsx::Cell::of(v.region_name(d.tour->region)), xlsx::Cell::of(d.tour->id),
                       xlsx::Cell::of(ctx.t(d.reason)), xlsx::Cell::of(std::optional<Date>(d.from)),
                       xlsx::Cell::of(std::optional<Date>(d.to)), xlsx::Cell::of(d.late),
                       xlsx::Cell::of(d.late ? ctx.t("超期开展", "held late") : late ? ctx.t("逾期未开展", "overdue") : ctx.t("待开展", "due"))});
    lb.highlight.push_back(late);
  }
  wb.sheets.push_back(std::move(lb));
  return xlsx::render(wb);
}

}  // namespace xuncha::cli
