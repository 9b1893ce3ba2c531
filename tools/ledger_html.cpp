// xuncha ledger -f html: the printable 整改台账 (LEDGER.md section 8, PRINT.md): A4 landscape,
// title, a line with tour, feedback and as-of dates, one row per problem grouped by region or
// tour (or unit, gravity) with a caption and summary per group, overdue rows marked.
#include "ledger_view.hpp"
#include "app.hpp"
#include "render/print_frame.hpp"
#include "render/province.hpp"

#include <fmt/format.h>

#include <map>

namespace xuncha::cli {
namespace {

constexpr std::string_view css = R"(th,.attach,tr.cap td{font-family:"SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-weight:normal;}
.attach{font-size:16pt;margin:0;}
.meta{text-align:center;font-size:12pt;margin:0 0 1em;}
table{border-collapse:collapse;width:100%;font-size:10.5pt;}
th,td{border:0.5pt solid #000;padding:1.5pt 3pt;text-align:center;vertical-align:middle;overflow-wrap:anywhere;}
td.l{text-align:left;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
tr.cap{break-after:avoid;}
tr.cap td{text-align:left;background:#eee;}
tr.late td{background:#fde0e0;}
tr.late td.st{font-weight:bold;}
.total{font-size:12pt;margin:0.6em 0 0;}
.note{font-size:10.5pt;margin:0.3em 0 0;}
)";

std::string esc(std::string_view s) { return xml_escape(s); }
std::string zh_date(const std::optional<Date>& d) { return d ? format_zh(*d) : "—"; }
std::string rate(int permille) { return fmt::format("{}.{}%", permille / 10, permille % 10); }

std::string summary_text(const Context& ctx, const ledger::Summary& s) {
  return ctx.zh ? fmt::format("共 {} 个问题，已完成 {} 个（基本完成 {} 个），已销号 {} 个，逾期 {} 个，销号率 {}", s.problems, s.done,
                              s.basically_done, s.closed, s.overdue, rate(s.closure_permille()))
                : fmt::format("{} problems, {} done ({} ongoing with stage met), {} closed, {} overdue, closure rate {}",
                              s.problems, s.done, s.basically_done, s.closed, s.overdue, rate(s.closure_permille()));
}

}  // namespace

std::string render_ledger_html(const Context& ctx, const LedgerView& v) {
  const auto& data = v.data;
  std::string place = v.region ? v.region->name : data.policy.province;
  std::string title = ctx.zh ? fmt::format("{}安全生产巡查反馈问题整改台账", place)
                             : fmt::format("Safety inspection: rectification ledger{}", province_suffix(" of ", place));
  std::string o = print_page_open(ctx.zh, title, css, true);
  o += fmt::format("<h1>{}</h1>\n", esc(title));
  std::string meta;
  if (v.tour) {
    meta += ctx.zh ? fmt::format("巡查：{}　反馈日期：{}　", v.tour->id, zh_date(v.tour->at(Milestone::feedback)))
                   : fmt::format("Tour: {}; feedback: {}; ", v.tour->id,
                                 v.tour->at(Milestone::feedback) ? format_iso(*v.tour->at(Milestone::feedback)) : "-");
  }
  meta += ctx.zh ? fmt::format("截至：{}", format_zh(ctx.as_of)) : fmt::format("as of {}", format_iso(ctx.as_of));
  o += fmt::format("<p class=\"meta\">{}</p>\n", esc(meta));

  o += "<table>\n<colgroup><col style=\"width:4%\"><col style=\"width:25%\"><col style=\"width:22%\"><col style=\"width:11%\">"
       "<col style=\"width:7%\"><col style=\"width:9%\"><col style=\"width:11%\"><col style=\"width:11%\"></colgroup>\n";
  o += ctx.zh ? "<thead><tr><th>序号</th><th>问题</th><th>整改措施</th><th>责任单位</th><th>责任人</th><th>整改时限</th><th>整改情况</th><th>备注</th></tr></thead>\n"
              : "<thead><tr><th>No.</th><th>Problem</th><th>Measures</th><th>Responsible unit</th><th>Person</th><th>Due</th><th>State</th><th>Notes</th></tr></thead>\n";
  std::map<std::string, std::vector<const ledger::ProblemRow*>> groups;
  for (const auto& r : v.rows) groups[ledger::group_key(*r.problem, v.by)].push_back(&r);
  int n = 0;
  for (const auto& [key, rows] : groups) {
    const ledger::Summary* s = nullptr;
    for (const auto& x : v.summary)
      if (x.key == key) s = &x;
    o += "<tbody>\n";
    o += fmt::format("<tr class=\"cap\"><td colspan=\"8\">{}{}</td></tr>\n", esc(s ? ledger_key_text(ctx, v, *s) : key),
                     s ? esc((ctx.zh ? "　" : " — ") + summary_text(ctx, *s)) : "");
    for (const auto* r : rows) {
      const Problem& p = *r->problem;
      std::string note;
      if (r->overdue) note = ctx.zh ? fmt::format("逾期{}天", r->late_by) : fmt::format("overdue {} d", r->late_by);
      if (r->extended) note += (note.empty() ? "" : ctx.t("；", "; ")) + ctx.t("已延期", "extended");
      if (p.gravity == Gravity::major) note += (note.empty() ? "" : ctx.t("；", "; ")) + ctx.t("重大问题", "major");
      if (!p.hazard.empty()) note += (note.empty() ? "" : ctx.t("；", "; ")) + ctx.t("挂牌督办 ", "listed ") + p.hazard;
      std::string due = p.mode == FixMode::ongoing ? ctx.t("长期坚持", "ongoing") + (r->due ? "<br>" + esc(ctx.zh ? zh_date(r->due) : format_iso(*r->due)) : "")
                                                   : esc(ctx.zh ? zh_date(r->due) : (r->due ? format_iso(*r->due) : "-"));
      if (p.mode == FixMode::at_once) due = esc(ctx.t("立行立改", "at once"));
      o += fmt::format("<tr{}><td>{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td class=\"st\">{}</td><td>{}</td></tr>\n",
                       r->overdue ? " class=\"late\"" : "", ++n, esc(p.description), esc(p.measures), esc(p.unit),
                       esc(p.person), due, esc(ledger_state_text(ctx, *r)), esc(note));
    }
    o += "</tbody>\n";
  }
  if (groups.empty())
    o += fmt::format("<tbody><tr><td colspan=\"8\">{}</td></tr></tbody>\n", esc(ctx.t("没有符合条件的问题", "no problems match")));
  o += "</table>\n";
  o += fmt::format("<p class=\"total\">{}{}</p>\n", esc(ctx.t("合计：", "Total: ")), esc(summary_text(ctx, v.summary.back())));
  o += fmt::format("<p class=\"note\">{}</p>\n",
                   esc(ctx.t("注：逾期按整改时限（含经批准的延期）计算；长期坚持事项阶段目标按期完成的不计逾期；销号率＝已销号÷问题总数。",
                             "Overdue counts from the due date in force (approved extensions included); an ongoing item "
                             "meeting its stage targets is not overdue; closure rate = closed ÷ problems.")));
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace xuncha::cli
