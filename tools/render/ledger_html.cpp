// xuncha ledger -f html: the printable 整改台账 (LEDGER.md section 8, PRINT.md): A4 landscape,
// title, a line with tour, feedback and as-of dates, one row per problem grouped by region or
// tour (or unit, gravity) with a caption and summary per group, overdue rows marked.
#include "render/ledger_view.hpp"
#include "base/context.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"
#include "render/print_frame.hpp"
#include "render/province.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

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
h2{font-family:"SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-weight:normal;font-size:16pt;margin:1em 0 0.4em;break-after:avoid;}
.none{font-size:12pt;margin:0 0 0.6em;}
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

// A section's table: caption row of headers, then rows (cells already escaped), or one line
// saying there is nothing.
std::string section(const Context& ctx, std::string_view heading, const std::vector<std::string>& head,
                    const std::vector<int>& widths, const std::vector<std::pair<bool, std::vector<std::string>>>& rows) {
  std::string o = fmt::format("<h2>{}</h2>\n", esc(heading));
  if (rows.empty()) return o + fmt::format("<p class=\"none\">{}</p>\n", esc(ctx.t("无。", "None.")));
  o += "<table>\n<colgroup>";
  for (int w : widths) o += fmt::format("<col style=\"width:{}%\">", w);
  o += "</colgroup>\n<thead><tr>";
  for (const auto& h : head) o += "<th>" + esc(h) + "</th>";
  o += "</tr></thead>\n<tbody>\n";
  for (const auto& [late, cells] : rows) {
    o += late ? "<tr class=\"late\">" : "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) o += (i == 2 ? "<td class=\"l\">" : "<td>") + cells[i] + "</td>";
    o += "</tr>\n";
  }
  return o + "</tbody>\n</table>\n";
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
  auto day = [&](const std::optional<Date>& d) { return esc(ctx.zh ? zh_date(d) : (d ? format_iso(*d) : "-")); };

  o += fmt::format("<h2>{}</h2>\n", esc(ctx.t("一、问题整改", "1. Problems")));
  o += "<table>\n<colgroup><col style=\"width:4%\"><col style=\"width:5%\"><col style=\"width:9%\"><col style=\"width:20%\">"
       "<col style=\"width:18%\"><col style=\"width:10%\"><col style=\"width:6%\"><col style=\"width:8%\">"
       "<col style=\"width:9%\"><col style=\"width:11%\"></colgroup>\n";
  o += ctx.zh ? "<thead><tr><th>序号</th><th>年度</th><th>巡查</th><th>问题</th><th>整改措施</th><th>责任单位</th><th>责任人</th><th>整改时限</th><th>整改情况</th><th>备注</th></tr></thead>\n"
              : "<thead><tr><th>No.</th><th>Year</th><th>Tour</th><th>Problem</th><th>Measures</th><th>Responsible unit</th><th>Person</th><th>Due</th><th>State</th><th>Notes</th></tr></thead>\n";
  std::map<std::string, std::vector<const ledger::ProblemRow*>> groups;
  for (const auto& r : v.rows) groups[ledger::group_key(*r.problem, v.by)].push_back(&r);
  int n = 0;
  for (const auto& [key, rows] : groups) {
    const ledger::Summary* s = nullptr;
    for (const auto& x : v.summary)
      if (x.key == key) s = &x;
    o += "<tbody>\n";
    o += fmt::format("<tr class=\"cap\"><td colspan=\"10\">{}{}</td></tr>\n", esc(s ? ledger_key_text(ctx, v, *s) : key),
                     s ? esc((ctx.zh ? "　" : " — ") + summary_text(ctx, *s)) : "");
    for (const auto* r : rows) {
      const Problem& p = *r->problem;
      std::string note;
      auto add = [&](const std::string& x) { note += (note.empty() ? "" : ctx.t("；", "; ")) + x; };
      if (r->overdue) add(ctx.zh ? fmt::format("逾期{}天", r->late_by) : fmt::format("overdue {} d", r->late_by));
      if (r->extended) add(ctx.t("已延期", "extended"));
      if (p.gravity == Gravity::major) add(ctx.t("重大问题", "major"));
      if (!p.hazard.empty()) add(ctx.t("挂牌督办 ", "listed ") + p.hazard);
      if (const Problem* e = v.repeat_of(p))
        add(ctx.zh ? fmt::format("屡查屡犯（前次：{}，{}）", e->tour, e->id) : fmt::format("repeat (earlier: {}, {})", e->tour, e->id));
      std::string due = p.mode == FixMode::ongoing ? ctx.t("长期坚持", "ongoing") + (r->due ? "<br>" + day(r->due) : "") : day(r->due);
      if (p.mode == FixMode::at_once) due = esc(ctx.t("立行立改", "at once"));
      std::string year = std::to_string(r->tour && r->tour->year ? r->tour->year : year_of(p.found));
      o += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{}</td><td class=\"l\">{}</td><td class=\"l\">{}</td><td>{}</td><td>{}</td>"
                       "<td>{}</td><td class=\"st\">{}</td><td>{}</td></tr>\n",
                       r->overdue ? " class=\"late\"" : "", ++n, year, esc(p.tour), esc(p.description), esc(p.measures),
                       esc(p.unit), esc(p.person), due, esc(ledger_state_text(ctx, *r)), esc(note));
    }
    o += "</tbody>\n";
  }
  if (groups.empty())
    o += fmt::format("<tbody><tr><td colspan=\"10\">{}</td></tr></tbody>\n", esc(ctx.t("没有符合条件的问题", "no problems match")));
  o += "</table>\n";
  o += fmt::format("<p class=\"total\">{}{}</p>\n", esc(ctx.t("合计：", "Total: ")), esc(summary_text(ctx, v.summary.back())));
  o += fmt::format("<p class=\"note\">{}</p>\n",
                   esc(ctx.t("注：逾期按整改时限（含经批准的延期）计算；长期坚持事项阶段目标按期完成的不计逾期；销号率＝已销号÷问题总数；"
                             "屡查屡犯：同一地区、同一类别、同一责任单位的问题在后一次巡查中再次发现。",
                             "Overdue counts from the due date in force (approved extensions included); an ongoing item "
                             "meeting its stage targets is not overdue; closure rate = closed ÷ problems; a repeat is a "
                             "problem of the same region, category and unit found again at a later tour.")));

  // 二、重大隐患: listed (not delisted) and found but not listed yet.
  std::vector<std::pair<bool, std::vector<std::string>>> rows;
  for (const Hazard* h : v.hazards) {
    auto dl = h->deadline_in_force();
    bool late = dl && *dl < ctx.as_of;
    rows.push_back({late, {esc(h->id), esc(v.region_name(h->region)), esc(h->name), esc(hazard_grade_text(ctx, h->grade)),
                           esc(listing_level_text(ctx, h->level)), day(h->listed ? h->listed : h->notice_date), day(dl),
                           esc(late ? ctx.t("逾期未销号", "overdue") : ctx.t("挂牌整改中", "listed, in progress"))}});
  }
  for (const auto& u : v.unlisted) {
    const Hazard& h = *u.hazard;
    auto want = data.policy.ledger.level_for(h.grade);
    rows.push_back({u.late, {esc(h.id), esc(v.region_name(h.region)), esc(h.name), esc(hazard_grade_text(ctx, h.grade)),
                             esc(listing_level_text(ctx, want)), esc(ctx.t("未挂牌", "not listed")), day(u.due),
                             esc(u.late ? ctx.t("逾期未挂牌", "not listed, overdue")
                                        : ctx.t("待挂牌（期限为挂牌期限）", "to be listed (date: list by)"))}});
  }
  o += section(ctx, ctx.t("二、重大事故隐患挂牌督办", "2. Major hazards under listed supervision"),
               {ctx.t("编号", "Id"), ctx.t("地区", "Region"), ctx.t("隐患", "Hazard"), ctx.t("等级", "Grade"),
                ctx.t("挂牌级别", "Level"), ctx.t("挂牌日期", "Listed"), ctx.t("期限", "Due"), ctx.t("状态", "Status")},
               {12, 8, 34, 7, 8, 10, 10, 11}, rows);

  // 三、问题线索: not transferred yet, and transferred awaiting feedback.
  rows.clear();
  for (const auto& l : v.to_transfer)
    rows.push_back({l.late, {esc(l.lead->id), esc(l.lead->tour), esc(l.lead->summary), esc(lead_nature_text(ctx, l.lead->nature)),
                             esc(recipient_text(ctx, data.policy.ledger.recipient_for(l.lead->nature))),
                             esc(ctx.t("未移交", "not transferred")), day(l.due),
                             esc(l.late ? ctx.t("逾期未移交", "transfer overdue") : ctx.t("待移交（期限为移交期限）", "to transfer (date: transfer by)"))}});
  for (const auto& l : v.leads)
    rows.push_back({l.late, {esc(l.lead->id), esc(l.lead->tour), esc(l.lead->summary), esc(lead_nature_text(ctx, l.lead->nature)),
                             esc(recipient_text(ctx, l.lead->recipient)), day(l.lead->transferred), day(l.due),
                             esc(l.late ? ctx.t("反馈逾期", "feedback overdue") : ctx.t("等待反馈", "awaiting feedback"))}});
  o += section(ctx, ctx.t("三、问题线索移交和办理", "3. Leads: transfer and handling"),
               {ctx.t("编号", "Id"), ctx.t("巡查", "Tour"), ctx.t("线索", "Lead"), ctx.t("性质", "Nature"),
                ctx.t("接收机关", "Recipient"), ctx.t("移交日期", "Transferred"), ctx.t("期限", "Due"), ctx.t("状态", "Status")},
               {12, 11, 27, 12, 9, 10, 9, 10}, rows);

  // 四、群众举报: not verified, announced or answered yet.
  rows.clear();
  for (const auto& r : v.reports)
    rows.push_back({r.late, {esc(r.report->id), esc(r.report->tour), esc(r.report->summary), day(r.report->received),
                             day(r.verify_due), day(r.report->verified), day(r.answer_due),
                             esc(r.late ? ctx.t("逾期", "overdue") : ctx.t("办理中", "open"))}});
  o += section(ctx, ctx.t("四、群众举报未办结", "4. Public reports not answered"),
               {ctx.t("编号", "Id"), ctx.t("巡查", "Tour"), ctx.t("举报内容", "Report"), ctx.t("收到", "Received"),
                ctx.t("核查期限", "Verify by"), ctx.t("核查", "Verified"), ctx.t("答复期限", "Answer by"), ctx.t("状态", "Status")},
               {12, 12, 28, 10, 10, 10, 10, 8}, rows);

  // 五、回头看: due and not held within its window.
  rows.clear();
  for (const auto& d : v.lookbacks)
    rows.push_back({d.to < ctx.as_of, {esc(v.region_name(d.tour->region)), esc(d.tour->id), esc(ctx.t(d.reason)), day(d.from),
                                       day(d.to), day(d.late),
                                       esc(d.late ? ctx.t("超期开展", "held late")
                                                  : d.to < ctx.as_of ? ctx.t("逾期未开展", "overdue") : ctx.t("待开展", "due"))}});
  o += section(ctx, ctx.t("五、应开展的回头看", "5. Look-backs due"),
               {ctx.t("地区", "Region"), ctx.t("巡查", "Tour"), ctx.t("原因", "Reason"), ctx.t("最早", "From"),
                ctx.t("最迟", "By"), ctx.t("实际开展", "Held"), ctx.t("状态", "Status")},
               {12, 14, 34, 10, 10, 10, 10}, rows);
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace xuncha::cli
