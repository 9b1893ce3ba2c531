// The documents of one tour (DOCUMENTS.md): the announcement on arrival (IV.2.2), the tour report
// (IV.2.4) and the feedback to the region (IV.2.5), with every figure taken from the data.
#include "documents/draft.hpp"

#include <xuncha/deadlines/deadlines.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {
namespace {

std::string pct(int part, int whole) {
  if (whole == 0) return "0%";
  int permille = (part * 1000 + whole / 2) / whole;
  return fmt::format("{}.{}%", permille / 10, permille % 10);
}

std::string gravity_word(const Context& ctx, std::size_t g) {
  return std::string(ctx.zh ? gravity_zh[g] : gravity_names[g]);
}

// 宜昌市 … 省安委会巡查组（组长 张三）.
std::string team_phrase(const DraftInput& in, const TourFacts& f) {
  std::string leader = f.team->of(Role::leader).empty() ? "" : person_name(in.data, f.team->of(Role::leader).front());
  if (in.ctx.zh) return leader.empty() ? "省安委会巡查组" : fmt::format("省安委会巡查组（组长{}）", leader);
  return leader.empty() ? "the provincial inspection team" : fmt::format("the provincial inspection team led by {}", leader);
}

std::string kind_word(const Context& ctx, const Tour& t) {
  if (ctx.zh) return t.kind == TourKind::irregular ? "不定期巡查" : "定期巡查";
  return t.kind == TourKind::irregular ? "an irregular inspection" : "a regular inspection";
}

// The team as a table: role, name, unit.
draft::Table team_table(const DraftInput& in, const Team& team) {
  const auto& ctx = in.ctx;
  draft::Table t{{ctx.t("职务", "role"), ctx.t("姓名", "name"), ctx.t("单位", "unit")}, {}};
  for (const auto& [role, id] : team.everyone()) {
    const Person* p = in.data.person(id);
    const Unit* u = p ? in.data.unit(p->unit) : nullptr;
    auto ri = static_cast<std::size_t>(role);
    static constexpr std::string_view role_en[] = {"leader", "deputy leader", "liaison", "member", "expert"};
    t.rows.push_back({std::string(ctx.zh ? role_zh[ri] : role_en[ri]), p ? p->name : id, u ? u->name : (p ? p->unit : "")});
  }
  return t;
}

[[noreturn]] void cannot(const DraftInput& in, const Tour& t, std::string_view zh, std::string_view en) {
  throw UsageError(fmt::format("巡查「{}」：{}（{}）", t.id, zh, where(in.data, t.src)),
                   fmt::format("tour {}: {} ({})", t.id, en, where(in.data, t.src)));
}

}  // namespace

TourFacts tour_facts(const DraftInput& in, const Tour& t) {
  const auto& data = in.data;
  if (t.body != Body::province) cannot(in, t, "是国务院安委会的巡查，不由本省起草文书", "is a State Council tour; the province drafts no documents for it");
  TourFacts f;
  f.tour = &t;
  f.region = data.region(t.region);
  if (t.team.empty()) cannot(in, t, "没有巡查组：请在该巡查记录中写明 `team`（巡查组编号）", "has no team: add `team: ID` to the tour");
  f.team = data.team(t.team);
  if (!f.team) cannot(in, t, fmt::format("巡查组「{}」不在数据中：请在 teams 文件中加入", t.team),
                      fmt::format("team {} is not in the data: add it to a teams file", t.team));
  auto end = deadlines::effective_end(t, data);
  if (!t.start || !end) cannot(in, t, "没有巡查日期：请在该巡查记录中写明 `start` 和 `end`", "has no dates: add `start:` and `end:` to the tour");
  f.start = *t.start;
  f.end = *end;
  f.days = days_inclusive(f.start, f.end);
  for (const auto& row : deadlines::compute(data, in.cal, in.ctx.as_of, 0)) {
    if (row.tour != &t) continue;
    if (row.step == Milestone::report_submitted) f.report_due = row.due;
    if (row.step == Milestone::rectification_plan) f.plan_due = row.due;
    if (row.step == Milestone::rectification_results) f.results_due = row.due;
  }
  for (auto& r : ledger::assess_all(data, in.cal, in.ctx.as_of)) {
    if (r.problem->tour != t.id) continue;
    ++f.by_gravity[static_cast<std::size_t>(r.problem->gravity)];
    if (r.problem->mode == FixMode::at_once) ++f.at_once;
    if (r.overdue) ++f.overdue;
    if (r.problem->state == ProblemState::closed) ++f.closed;
    f.problems.push_back(r);
  }
  // Problems in the order found (then id), as a report lists them.
  std::stable_sort(f.problems.begin(), f.problems.end(), [](const ledger::ProblemRow& a, const ledger::ProblemRow& b) {
    return std::tie(a.problem->gravity, a.problem->found, a.problem->id) > std::tie(b.problem->gravity, b.problem->found, b.problem->id);
  });
  for (const auto& h : data.ledger.hazards)
    if (h.tour == t.id) {
      f.hazards.push_back(&h);
      if (h.grade >= 1 && h.grade <= 4) ++f.by_grade[static_cast<std::size_t>(h.grade - 1)];
    }
  for (const auto& l : data.ledger.leads)
    if (l.tour == t.id) {
      f.leads.push_back(&l);
      ++f.by_nature[static_cast<std::size_t>(l.nature)];
      if (l.recipient) ++f.by_recipient[static_cast<std::size_t>(*l.recipient)];
    }
  for (const auto& r : data.ledger.reports)
    if (r.tour == t.id) {
      f.reports.push_back(&r);
      f.verified += r.verified ? 1 : 0;
      f.announced += r.announced ? 1 : 0;
      f.answered += r.answered ? 1 : 0;
    }
  return f;
}

draft::Document draft_announcement(const DraftInput& in, const Tour& t) {
  const auto& ctx = in.ctx;
  TourFacts f = tour_facts(in, t);
  std::string region = region_name(in.data, t.region);
  draft::Document d;
  d.kind = "announcement";
  d.title = ctx.zh ? fmt::format("{}巡查组巡查{}公告", committee(ctx, in.data), region)
                   : fmt::format("Announcement of the inspection of {} by the {}", region, committee(ctx, in.data));
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("根据省委、省政府统一部署和安全生产巡查工作制度，{}于{}对{}开展安全生产{}，巡查时间{}天。", team_phrase(in, f),
                             draft_range(ctx, f.start, f.end), region, kind_word(ctx, t), f.days)
               : fmt::format("As the provincial Party committee and government have decided, and under the rules on work-safety "
                             "inspection, {} carries out {} of {} from {}, {} days on site.",
                             team_phrase(in, f), kind_word(ctx, t), region, draft_range(ctx, f.start, f.end), f.days));
  d.add(draft::Style::body,
        ctx.t("巡查的主要内容是：被巡查地区党委、政府及其部门履行安全生产职责，加强和改进安全生产工作的情况，重点了解贯彻落实安全生产决策部署、"
              "健全落实安全生产责任制、深化重点行业领域专项整治和重大隐患整改、打击非法违法生产经营建设行为、依法报告和调查处理生产安全事故等情况。",
              "The inspection looks at how the region's Party committee, government and departments carry out their "
              "work-safety duties: the decisions on work safety, the responsibility system, special campaigns in key "
              "industries and the rectification of major hazards, action against illegal production, and the reporting and "
              "investigation of accidents."));
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("巡查期间，巡查组受理反映{}安全隐患和非法违法生产经营建设行为，以及当地党委、政府及有关部门履行安全生产工作职责存在问题的来信来电。"
                             "巡查组原则上不处理安全生产个案，不属于巡查受理范围的问题，将按规定转交被巡查地区和有关部门处理。",
                             region)
               : fmt::format("While on site the team receives letters and calls about hazards and illegal production in {}, and "
                             "about failures of the local Party committee, government and departments in their work-safety "
                             "duties. As a rule the team does not handle individual cases; matters outside its scope are passed "
                             "to the region and the competent departments.",
                             region));
  // How to report: the tour's `contact` fields; each one missing is marked, and a note says where
  // to add them.
  const auto& c = t.contact;
  std::vector<std::string> lacking;
  auto fact = [&](const std::string& value, std::string_view zh, std::string_view en) {
    if (!value.empty()) return plain(value);
    lacking.push_back(ctx.zh ? std::string(zh) : std::string(en));
    return missing(ctx, zh, en);
  };
  d.add(draft::Style::body, {plain(ctx.zh ? fmt::format("受理时间：{}，每天", draft_range(ctx, f.start, f.end))
                                          : fmt::format("Reports accepted: {}, daily ", draft_range(ctx, f.start, f.end))),
                             fact(c.hours, "受理时段", "hours"), plain(ctx.t("。", "."))});
  d.add(draft::Style::body, {plain(ctx.t("值班电话：", "Duty phone: ")), fact(c.phone, "值班电话", "duty phone")});
  d.add(draft::Style::body, {plain(ctx.t("邮政信箱：", "Mailbox: ")), fact(c.mailbox, "邮政信箱", "P.O. box")});
  d.add(draft::Style::body, {plain(ctx.t("电子邮箱：", "E-mail: ")), fact(c.email, "电子邮箱", "e-mail address")});
  d.add(draft::Style::body, {plain(ctx.t("驻地：", "Team's address: ")), fact(c.address, "巡查组驻地", "the team's address")});
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, in.data) + "巡查组" : "Inspection team, " + committee(ctx, in.data));
  Date issued = t.at(Milestone::entry_announced).value_or(f.start);
  d.add(draft::Style::signature, draft_date(ctx, issued));
  if (!lacking.empty()) {
    std::string list;
    for (const auto& x : lacking) list += (list.empty() ? "" : ctx.t("、", ", ")) + x;
    d.add(draft::Style::note, ctx.zh ? fmt::format("注：数据中没有{}，定稿前请补充（写入该巡查记录的 contact，{}）。", list, where(in.data, t.src))
                                     : fmt::format("Note: the data has no {}; supply them before publication (the tour's contact, {}).", list,
                                                   where(in.data, t.src)));
  }
  return d;
}

namespace {

// The problems numbered under one heading per gravity, major first.
void problem_list(const DraftInput& in, const TourFacts& f, draft::Document& d) {
  const auto& ctx = in.ctx;
  int sub = 0;
  for (std::size_t g = 3; g-- > 0;) {
    if (f.by_gravity[g] == 0) continue;
    d.add(draft::Style::heading2, heading(ctx, 2, ++sub, fmt::format("{}问题", gravity_zh[g]),
                                          fmt::format("{}{} problems", static_cast<char>(gravity_names[g][0] - 'a' + 'A'), gravity_names[g].substr(1))));
    int n = 0;
    for (const auto& r : f.problems)
      if (static_cast<std::size_t>(r.problem->gravity) == g)
        d.add(draft::Style::body, fmt::format("{}. {}", ++n, r.problem->description));
  }
  if (f.problems.empty())
    d.add(draft::Style::body, {plain(ctx.t("问题台账中没有本次巡查的问题记录。", "The ledger holds no problem of this tour. ")),
                               to_write(ctx, "巡查发现的主要问题", "the main problems found")});
}

std::string due_or(const Context& ctx, const std::optional<Date>& d) {
  return d ? draft_date(ctx, *d) : ctx.t("—", "-");
}

}  // namespace

draft::Document draft_report(const DraftInput& in, const Tour& t) {
  const auto& ctx = in.ctx;
  TourFacts f = tour_facts(in, t);
  if (!(f.end < ctx.as_of))
    cannot(in, t, fmt::format("巡查到{}才结束（截至日期 {}）：巡查报告在巡查结束后起草", draft_date(ctx, f.end), format_iso(ctx.as_of)),
           fmt::format("ends on {} (as of {}): the report is drafted after the tour", format_iso(f.end), format_iso(ctx.as_of)));
  const auto& pol = in.data.policy;
  std::string region = region_name(in.data, t.region);
  draft::Document d;
  d.kind = "report";
  d.title = ctx.zh ? fmt::format("关于{}安全生产巡查情况的报告", region) : fmt::format("Report on the work-safety inspection of {}", region);
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::subtitle,
        ctx.zh ? fmt::format("（代拟稿；报送期限：{}，即巡查结束后{}个工作日内）", due_or(ctx, f.report_due), pol.report_workdays)
               : fmt::format("(draft; due {}, {} working days after the tour)", due_or(ctx, f.report_due), pol.report_workdays));
  d.add(draft::Style::addressee, ctx.zh ? committee(ctx, in.data) + "：" : committee(ctx, in.data) + ":");
  d.add(draft::Style::body, ctx.zh ? fmt::format("根据省安委会统一部署，{}于{}对{}开展了安全生产{}，在场{}天。现将巡查情况报告如下。",
                                                 team_phrase(in, f), draft_range(ctx, f.start, f.end), region, kind_word(ctx, t), f.days)
                                   : fmt::format("As the committee decided, {} carried out {} of {} from {} ({} days on site). "
                                                 "This report gives its findings.",
                                                 team_phrase(in, f), kind_word(ctx, t), region, draft_range(ctx, f.start, f.end), f.days));
  int total = static_cast<int>(f.problems.size());
  int hazards = static_cast<int>(f.hazards.size()), leads = static_cast<int>(f.leads.size());
  int reports = static_cast<int>(f.reports.size());

  d.add(draft::Style::heading1, heading(ctx, 1, 1, "巡查工作开展情况", "How the inspection was carried out"));
  d.add(draft::Style::body, {plain(ctx.t("巡查期间，巡查组", "On site the team ")),
                             to_write(ctx, "听取汇报、列席会议、查阅资料、个别谈话、走访检查的次数和对象", "briefings, meetings attended, documents read, talks and sites visited"),
                             plain(ctx.t("。", "."))});
  d.add(draft::Style::body, ctx.zh ? fmt::format("巡查组共受理群众举报{}件，已核查{}件、公布结果{}件、答复{}件。", reports, f.verified, f.announced, f.answered)
                                   : fmt::format("The team received {} public reports: {} verified, {} with the result announced, {} answered.",
                                                 reports, f.verified, f.announced, f.answered));
  d.add_table(team_table(in, *f.team));

  d.add(draft::Style::heading1, heading(ctx, 1, 2, "主要成效", "Achievements"));
  d.add(draft::Style::body, {to_write(ctx, "被巡查地区安全生产工作的主要成效", "the region's main achievements in work safety")});

  d.add(draft::Style::heading1, heading(ctx, 1, 3, "存在的主要问题", "Main problems"));
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("巡查共发现问题{}个，其中重大问题{}个、重要问题{}个、一般问题{}个；立行立改{}个。截至{}，已销号{}个（销号率{}），逾期未完成{}个。",
                             total, f.by_gravity[2], f.by_gravity[1], f.by_gravity[0], f.at_once, draft_date(ctx, ctx.as_of), f.closed,
                             pct(f.closed, total), f.overdue)
               : fmt::format("The team found {} problems: {} major, {} important, {} ordinary; {} fixed at once. As of {}, {} are "
                             "closed (closure rate {}) and {} are overdue.",
                             total, f.by_gravity[2], f.by_gravity[1], f.by_gravity[0], f.at_once, draft_date(ctx, ctx.as_of), f.closed,
                             pct(f.closed, total), f.overdue));
  problem_list(in, f, d);
  if (hazards == 0) d.add(draft::Style::body, ctx.t("未发现重大事故隐患。", "No major accident hazard was found."));
  else d.add(draft::Style::body,
        ctx.zh ? fmt::format("发现重大事故隐患{}项（一级{}项、二级{}项、三级{}项、四级{}项），均已按等级提请挂牌督办。", hazards, f.by_grade[0],
                             f.by_grade[1], f.by_grade[2], f.by_grade[3])
               : fmt::format("Major accident hazards found: {} (grade 1: {}, grade 2: {}, grade 3: {}, grade 4: {}), each put "
                             "forward for listed supervision at its grade's level.",
                             hazards, f.by_grade[0], f.by_grade[1], f.by_grade[2], f.by_grade[3]));
  std::string natures, recipients;
  for (std::size_t i = 0; i < f.by_nature.size(); ++i)
    if (f.by_nature[i])
      natures += (natures.empty() ? "" : ctx.t("、", ", ")) +
                 (ctx.zh ? fmt::format("{}{}条", lead_nature_zh[i], f.by_nature[i]) : fmt::format("{} {}", lead_nature_names[i], f.by_nature[i]));
  for (std::size_t i = 0; i < f.by_recipient.size(); ++i)
    if (f.by_recipient[i])
      recipients += (recipients.empty() ? "" : ctx.t("、", ", ")) +
                    (ctx.zh ? fmt::format("{}{}条", recipient_zh[i], f.by_recipient[i]) : fmt::format("{} {}", recipient_names[i], f.by_recipient[i]));
  if (leads == 0) d.add(draft::Style::body, ctx.t("未发现问题线索。", "No lead was found."));
  else d.add(draft::Style::body,
        ctx.zh ? fmt::format("发现问题线索{}条{}{}。", leads, natures.empty() ? "" : "（按性质：" + natures + "）",
                             recipients.empty() ? "" : "，已移交" + recipients)
               : fmt::format("Leads found: {}{}{}.", leads, natures.empty() ? "" : " (by nature: " + natures + ")",
                             recipients.empty() ? "" : "; transferred: " + recipients));

  d.add(draft::Style::heading1, heading(ctx, 1, 4, "原因分析", "Causes"));
  d.add(draft::Style::body, {to_write(ctx, "原因分析", "analysis of the causes")});
  d.add(draft::Style::heading1, heading(ctx, 1, 5, "意见建议", "Recommendations"));
  d.add(draft::Style::body, {to_write(ctx, "有针对性的意见建议", "recommendations")});
  d.add(draft::Style::body, ctx.t("附件：1. 问题清单；2. 重大事故隐患清单；3. 问题线索移交清单；4. 群众举报受理情况",
                                  "Attachments: 1. Problems; 2. Major accident hazards; 3. Leads transferred; 4. Public reports"));
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, in.data) + "巡查组" : "Inspection team, " + committee(ctx, in.data));
  d.add(draft::Style::signature, {to_write(ctx, "报送日期", "date of submission")});

  // Attachments: the lists behind the figures.
  d.add(draft::Style::attachment, ctx.t("附件1", "Attachment 1"));
  d.add(draft::Style::title, ctx.t("问题清单", "Problems"));
  draft::Table pt{{ctx.t("序号", "No."), ctx.t("问题", "problem"), ctx.t("等级", "gravity"), ctx.t("发现日期", "found"),
                   ctx.t("发现方式", "source"), ctx.t("整改方式", "mode"), ctx.t("责任单位", "unit")}, {}};
  int n = 0;
  for (const auto& r : f.problems) {
    const Problem& p = *r.problem;
    pt.rows.push_back({std::to_string(++n), p.description, gravity_word(ctx, static_cast<std::size_t>(p.gravity)), draft_date(ctx, p.found),
                       p.source, p.mode ? std::string(ctx.zh ? fix_mode_zh[static_cast<std::size_t>(*p.mode)] : fix_mode_names[static_cast<std::size_t>(*p.mode)]) : "",
                       p.unit});
  }
  if (pt.rows.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(pt));
  d.add(draft::Style::attachment, ctx.t("附件2", "Attachment 2"));
  d.add(draft::Style::title, ctx.t("重大事故隐患清单", "Major accident hazards"));
  draft::Table ht{{ctx.t("编号", "id"), ctx.t("隐患", "hazard"), ctx.t("等级", "grade"), ctx.t("挂牌级别", "listed at"),
                   ctx.t("整改期限", "deadline")}, {}};
  for (const auto* h : f.hazards) {
    auto dl = h->deadline_in_force();
    ht.rows.push_back({h->id, h->name, ctx.zh ? fmt::format("{}级", h->grade) : fmt::format("grade {}", h->grade),
                       h->level ? std::string(ctx.zh ? listing_level_zh[static_cast<std::size_t>(*h->level)] : listing_level_names[static_cast<std::size_t>(*h->level)]) : "",
                       dl ? draft_date(ctx, *dl) : ""});
  }
  if (ht.rows.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(ht));
  d.add(draft::Style::attachment, ctx.t("附件3", "Attachment 3"));
  d.add(draft::Style::title, ctx.t("问题线索移交清单", "Leads transferred"));
  draft::Table lt{{ctx.t("编号", "id"), ctx.t("性质", "nature"), ctx.t("干部层级", "cadre level"), ctx.t("移交对象", "recipient"),
                   ctx.t("移交日期", "transferred")}, {}};
  for (const auto* l : f.leads)
    lt.rows.push_back({l->id, std::string(ctx.zh ? lead_nature_zh[static_cast<std::size_t>(l->nature)] : lead_nature_names[static_cast<std::size_t>(l->nature)]),
                       l->cadre_level ? std::string(ctx.zh ? cadre_level_zh[static_cast<std::size_t>(*l->cadre_level)] : cadre_level_names[static_cast<std::size_t>(*l->cadre_level)]) : "",
                       l->recipient ? std::string(ctx.zh ? recipient_zh[static_cast<std::size_t>(*l->recipient)] : recipient_names[static_cast<std::size_t>(*l->recipient)]) : "",
                       l->transferred ? draft_date(ctx, *l->transferred) : ""});
  if (lt.rows.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(lt));
  d.add(draft::Style::attachment, ctx.t("附件4", "Attachment 4"));
  d.add(draft::Style::title, ctx.t("群众举报受理情况", "Public reports"));
  draft::Table rt{{ctx.t("编号", "id"), ctx.t("收到", "received"), ctx.t("核查", "verified"), ctx.t("公布", "announced"),
                   ctx.t("答复", "answered")}, {}};
  auto od = [&](const std::optional<Date>& x) { return x ? draft_date(ctx, *x) : std::string(); };
  for (const auto* r : f.reports) rt.rows.push_back({r->id, draft_date(ctx, r->received), od(r->verified), od(r->announced), od(r->answered)});
  if (rt.rows.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(rt));
  return d;
}

draft::Document draft_feedback(const DraftInput& in, const Tour& t) {
  const auto& ctx = in.ctx;
  TourFacts f = tour_facts(in, t);
  if (!(f.end < ctx.as_of))
    cannot(in, t, fmt::format("巡查到{}才结束（截至日期 {}）：反馈意见在巡查报告审定后起草", draft_date(ctx, f.end), format_iso(ctx.as_of)),
           fmt::format("ends on {} (as of {}): the feedback is drafted after the report is approved", format_iso(f.end), format_iso(ctx.as_of)));
  const auto& pol = in.data.policy;
  std::string region = region_name(in.data, t.region);
  draft::Document d;
  d.kind = "feedback";
  d.title = ctx.zh ? fmt::format("{}巡查组关于{}安全生产巡查情况的反馈意见", committee(ctx, in.data), region)
                   : fmt::format("Feedback of the inspection team of the {} to {}", committee(ctx, in.data), region);
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::addressee, ctx.zh ? fmt::format("{}党委、政府：", region) : fmt::format("To the Party committee and government of {}:", region));
  auto approved = t.at(Milestone::report_approved);
  std::vector<draft::Span> opening;
  if (ctx.zh) {
    opening.push_back(plain(fmt::format("根据省安委会统一部署，{}于{}对{}开展了安全生产{}。", team_phrase(in, f), draft_range(ctx, f.start, f.end),
                                        region, kind_word(ctx, t))));
    if (approved) opening.push_back(plain(fmt::format("{}，省安委会审定了巡查工作报告。", draft_date(ctx, *approved))));
    else opening.push_back(missing(ctx, "巡查工作报告审定日期", ""));
    opening.push_back(plain("受省安委会委托，现将巡查情况反馈如下。"));
  } else {
    opening.push_back(plain(fmt::format("As the committee decided, {} inspected {} from {}. ", team_phrase(in, f), region,
                                        draft_range(ctx, f.start, f.end))));
    if (approved) opening.push_back(plain(fmt::format("The committee approved the team's report on {}. ", draft_date(ctx, *approved))));
    else opening.push_back(missing(ctx, "", "date the report was approved (the tour's milestones.report_approved)"));
    opening.push_back(plain("On the committee's behalf, the team gives the following feedback."));
  }
  d.add(draft::Style::body, std::move(opening));
  d.add(draft::Style::heading1, heading(ctx, 1, 1, "总体评价", "Overall assessment"));
  d.add(draft::Style::body, {to_write(ctx, "总体评价", "overall assessment")});
  d.add(draft::Style::heading1, heading(ctx, 1, 2, "存在的主要问题", "Main problems"));
  problem_list(in, f, d);
  d.add(draft::Style::heading1, heading(ctx, 1, 3, "整改意见", "Rectification required"));
  auto fb = t.at(Milestone::feedback);
  std::string plan_by = f.plan_due ? (ctx.zh ? fmt::format("（{}前）", draft_date(ctx, *f.plan_due)) : fmt::format(" (by {})", draft_date(ctx, *f.plan_due))) : "";
  std::string results_by = f.results_due ? (ctx.zh ? fmt::format("（{}前）", draft_date(ctx, *f.results_due)) : fmt::format(" (by {})", draft_date(ctx, *f.results_due))) : "";
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("{}党委、政府主要负责同志要切实履行整改第一责任人职责，对反馈的问题逐项制定整改措施，明确责任单位、责任人和整改时限。", region)
               : fmt::format("The principal leaders of {} own the rectification: for each problem, set measures, a responsible "
                             "unit and person, and a time limit.", region));
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("整改方案于反馈之日起{}个工作日内{}报送省安委会；整改落实情况和责任追究情况于反馈之日起{}个月内{}报送省安委会。", pol.rectification_plan_workdays,
                             plan_by, pol.rectification_results_months, results_by)
               : fmt::format("Send the rectification plan to the committee within {} working days of the feedback{}, and the results "
                             "of rectification and of holding those responsible to account within {} months{}.",
                             pol.rectification_plan_workdays, plan_by, pol.rectification_results_months, results_by));
  if (!fb)
    d.add(draft::Style::note, ctx.t("注：数据中尚无反馈日期（巡查记录的 milestones.feedback），期限自反馈之日起计算。",
                                    "Note: the data has no feedback date yet (the tour's milestones.feedback); the dates follow from it."));
  if (!f.hazards.empty())
    d.add(draft::Style::body, ctx.zh ? fmt::format("对巡查发现的{}项重大事故隐患，按等级挂牌督办，落实整改责任、措施、资金、时限和预案。", f.hazards.size())
                                     : fmt::format("Major accident hazards found: {}. Each is listed for supervision at its grade's "
                                                   "level, with responsibility, measures, funds, a deadline and an emergency plan in place.",
                                                   f.hazards.size()));
  d.add(draft::Style::body, {to_write(ctx, "针对本地区问题的具体整改要求", "rectification requirements specific to the region")});
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, in.data) + "巡查组" : "Inspection team, " + committee(ctx, in.data));
  if (fb) d.add(draft::Style::signature, draft_date(ctx, *fb));
  else d.add(draft::Style::signature, {to_write(ctx, "反馈日期", "date of the feedback")});
  return d;
}

}  // namespace xuncha::cli
