// The work plan (年度巡查工作方案, IV.2.1, V.1): purpose and basis, the period's regions, dates
// and teams, what is inspected (the ten items of III), the procedure with its computed deadlines,
// discipline, and the team plan as its attachment; and the team plan (巡查组组成方案) alone. Tours
// come from the data: recorded ones, or planned ones of a `kind: schedule` file given among the
// inputs (xuncha schedule -f yaml). Tours without a team are staffed by the team planner, as
// `xuncha staff` staffs them, and the document says so.
#include "documents/draft.hpp"

#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/staff/staff.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha::cli {
namespace {

// III: what every tour looks at (in the project's own wording, DOCUMENTS.md).
constexpr std::string_view contents_zh[] = {
    "贯彻落实党中央、国务院关于安全生产工作重要决策部署和重要指示批示精神情况",
    "贯彻落实省委、省政府安全生产决策部署和省安委会重点工作安排情况",
    "落实党政同责、一岗双责、齐抓共管、失职追责和“三个必须”要求，健全安全生产责任制情况",
    "安全生产规划制定和实施情况",
    "推进安全生产领域改革发展、完成年度重点改革任务、健全法制体制机制情况",
    "依法加强安全监管、深化重点行业领域专项整治、整改重大隐患、打击非法违法生产经营建设行为情况",
    "加强基层基础建设、完善监管执法体制、强化执法保障情况",
    "依法依规报告和调查处理生产安全事故、落实“四不放过”情况",
    "群众反映强烈、社会影响恶劣的安全生产突出问题处理情况",
    "省委、省政府和省安委会部署的其他事项落实情况"};
constexpr std::string_view contents_en[] = {
    "How the central decisions and instructions on work safety are carried out",
    "How the province's decisions and the committee's key tasks are carried out",
    "Joint Party and government responsibility and the responsibility system",
    "The work-safety plan and its implementation",
    "Reform in work safety, the year's reform tasks, laws and institutions",
    "Supervision, special campaigns in key industries, major hazards, illegal production",
    "Grassroots capacity, the enforcement system and its support",
    "The reporting and investigation of accidents",
    "Prominent problems the public is concerned about",
    "Other matters the province and the committee assign"};

// The period's provincial tours that have no team, staffed by the team planner as `xuncha staff`
// staffs them (seed 1), when the data holds no team plan for them.
struct Staffing {
  Staffing() = default;
  Staffing(Staffing&&) = default;  // a move keeps the vectors' buffers, so `of` stays valid
  Staffing(const Staffing&) = delete;
  Staffing& operator=(const Staffing&) = delete;
  staff::Result result;
  std::map<const Tour*, std::pair<const staff::PlanTeam*, const staff::PlanTeam::Stint*>> of;
  bool any() const { return !result.teams.empty(); }
};

Staffing staff_period(const DraftInput& in, const Period& period) {
  const auto& data = in.data;
  Staffing s;
  std::vector<std::size_t> tours;
  for (auto i : staff::tours_to_staff(data))
    if (period.holds(data.tours[i].year)) tours.push_back(i);
  if (tours.empty()) return s;
  s.result = staff::plan(data, tours, staff::Options{});
  if (!s.result.feasible) {
    std::string zh, en;
    for (const auto& p : s.result.problems) zh += "\n  - " + p.text.zh, en += "\n  - " + p.text.en;
    Message w = period_where(period);
    throw UsageError(fmt::format("{}的巡查尚未组建巡查组，自动生成组队方案也未成功：请在人员文件（`kind: people`）中补充人员（组长、副组长、联络员、成员、专家），"
                                 "或把审定的组队方案（xuncha staff -f yaml）一并作为输入：{}",
                                 w.zh, zh),
                     fmt::format("the tours {} have no team and no team plan could be generated: add people (leaders, deputies, "
                                 "liaisons, members, experts) to a people file, or give an approved team plan (xuncha staff -f yaml) "
                                 "among the inputs:{}",
                                 w.en, en));
  }
  for (const auto& team : s.result.teams)
    for (const auto& st : team.stints) s.of[&data.tours[st.tour]] = {&team, &st};
  return s;
}

// What the document says of a generated team plan.
std::string generated_text(const Context& ctx) {
  return ctx.t("本文件中尚未组建的巡查组由 xuncha 组队程序根据人员数据自动生成（xuncha staff，种子 1），未经审定；"
               "审定后请将组队方案（xuncha staff -f yaml）加入数据。",
               "The teams not yet on record were generated from the people on record by xuncha's team planner (xuncha "
               "staff, seed 1) and are not approved; once approved, add the team plan (xuncha staff -f yaml) to the data.");
}

std::string team_label(const Context& ctx, const Dataset& data, const Tour& t, const Staffing& staffing) {
  auto with_leader = [&](const std::string& team, const std::string& leader) {
    return leader.empty() ? team : (ctx.zh ? fmt::format("{}（组长{}）", team, leader) : fmt::format("{} (leader {})", team, leader));
  };
  if (!t.team.empty()) {
    const Team* team = data.team(t.team);
    return with_leader(t.team, team && !team->of(Role::leader).empty() ? person_name(data, team->of(Role::leader).front()) : "");
  }
  if (auto it = staffing.of.find(&t); it != staffing.of.end())
    return with_leader(it->second.first->id, person_name(data, it->second.second->leader));
  if (t.team_slot) return ctx.zh ? fmt::format("第{}组", t.team_slot) : fmt::format("team {}", t.team_slot);
  return ctx.t("【待补充：巡查组】", "【Missing: team】");
}

// The team plan as the work plan's attachment (below).
void add_team_plan_attachment(const DraftInput& in, const Period& period, const Staffing& staffing, draft::Document& d);

}  // namespace

draft::Document draft_work_plan(const DraftInput& in, const Period& period) {
  const auto& ctx = in.ctx;
  const auto& data = in.data;
  std::vector<const Tour*> tours;
  for (const auto& t : data.tours)
    if (t.body == Body::province && period.holds(t.year)) tours.push_back(&t);
  if (tours.empty()) {
    Message w = period_where(period);
    throw UsageError(fmt::format("{}没有巡查安排：请加入{}的巡查（tours 文件，或 xuncha schedule -f yaml 生成的计划文件）", w.zh,
                                 period.round ? "这一轮" : "当年"),
                     fmt::format("no tour planned {}: add the {}'s tours (a tours file, or the plan xuncha schedule -f yaml writes)", w.en,
                                 period.round ? "round" : "year"));
  }
  const Staffing staffing = staff_period(in, period);
  std::stable_sort(tours.begin(), tours.end(), [](const Tour* a, const Tour* b) { return a->start < b->start; });

  draft::Document d;
  d.kind = "work-plan";
  const std::string when = period_name(ctx, period);
  d.title = ctx.zh ? fmt::format("{}安全生产巡查工作方案", when) : fmt::format("Work plan for the {} work-safety inspections", when);
  if (staffing.any()) d.generated = generated_text(ctx);
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::subtitle, ctx.t("（代拟稿）", "(draft)"));
  d.add(draft::Style::body, {plain(ctx.t("为推动安全生产责任落实，根据安全生产巡查工作制度和", "To enforce work-safety responsibilities, under the rules "
                                                                            "on work-safety inspection and ")),
                             to_write(ctx, "本年度安全生产工作部署的文件名称", "the title of the year's work-safety deployment"),
                             plain(ctx.t("，制定本方案。", ", this plan is made."))});
  d.add(draft::Style::heading1, heading(ctx, 1, 1, "总体要求", "General requirements"));
  d.add(draft::Style::body, {to_write(ctx, "指导思想和工作目标", "guiding principles and aims")});

  d.add(draft::Style::heading1, heading(ctx, 1, 2, "巡查安排", "Tours"));
  int irregular = 0;
  for (const auto* t : tours) irregular += t->kind == TourKind::irregular ? 1 : 0;
  const bool span = period.first != period.last;
  const std::string years = span ? fmt::format("{}—{}", period.first, period.last) : std::to_string(period.first);
  d.add(draft::Style::body, ctx.zh ? fmt::format("{}年安排巡查{}次（定期{}次、不定期{}次），具体安排如下。", years, tours.size(),
                                                 tours.size() - static_cast<std::size_t>(irregular), irregular)
                                   : fmt::format("{} tours are planned for {} ({} regular, {} irregular):", tours.size(),
                                                 span ? fmt::format("{}-{}", period.first, period.last) : years,
                                                 tours.size() - static_cast<std::size_t>(irregular), irregular));
  draft::Table st{{ctx.t("序号", "No."), ctx.t("巡查组", "team"), ctx.t("巡查对象", "region"), ctx.t("巡查时间", "on site"), ctx.t("天数", "days")}, {}};
  int n = 0;
  for (const auto* t : tours) {
    auto end = deadlines::effective_end(*t, data);
    st.rows.push_back({std::to_string(++n), team_label(ctx, data, *t, staffing), region_name(data, t->region),
                       t->start && end ? draft_range(ctx, *t->start, *end) : ctx.t("【待补充：巡查时间】", "【Missing: dates】"),
                       t->start && end ? std::to_string(days_inclusive(*t->start, *end)) : ""});
  }
  d.add_table(std::move(st));
  if (staffing.any()) d.add(draft::Style::note, d.generated);

  d.add(draft::Style::heading1, heading(ctx, 1, 3, "巡查内容", "What is inspected"));
  for (std::size_t i = 0; i < std::size(contents_zh); ++i)
    d.add(draft::Style::body, fmt::format("{}. {}{}", i + 1, ctx.zh ? contents_zh[i] : contents_en[i], ctx.t("。", ".")));

  d.add(draft::Style::heading1, heading(ctx, 1, 4, "方式和程序", "Methods and procedure"));
  const auto& pol = data.policy;
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("巡查组采取听取汇报、列席会议、调阅资料、个别谈话、暗查暗访等方式开展工作。巡查结束后{}个工作日内报送巡查工作报告；反馈后{}个工作日内被巡查地区报送整改方案，{}个月内报送整改结果。各次巡查的期限如下。",
                             pol.report_workdays, pol.rectification_plan_workdays, pol.rectification_results_months)
               : fmt::format("Teams hear briefings, attend meetings, read documents, hold talks and make unannounced visits. The "
                             "report is due {} working days after the tour; the region's rectification plan {} working days "
                             "after feedback, its results within {} months. Each tour's deadlines:",
                             pol.report_workdays, pol.rectification_plan_workdays, pol.rectification_results_months));
  std::map<const Tour*, std::map<Milestone, std::optional<Date>>> due;
  for (const auto& row : deadlines::compute(data, in.cal, ctx.as_of, 0)) due[row.tour][row.step] = row.due;
  draft::Table dt{{ctx.t("巡查对象", "region"), ctx.t("提前告知", "notice"), ctx.t("报送报告", "report"), ctx.t("整改方案", "plan"),
                   ctx.t("整改结果", "results")}, {}};
  for (const auto* t : tours) {
    auto get = [&](Milestone m) {
      auto it = due.find(t);
      if (it == due.end()) return std::string(ctx.t("—", "-"));
      auto jt = it->second.find(m);
      return jt != it->second.end() && jt->second ? draft_date(ctx, *jt->second) : std::string(ctx.t("反馈后计算", "after feedback"));
    };
    dt.rows.push_back({region_name(data, t->region), get(Milestone::notified), get(Milestone::report_submitted),
                       get(Milestone::rectification_plan), get(Milestone::rectification_results)});
  }
  d.add_table(std::move(dt));

  d.add(draft::Style::heading1, heading(ctx, 1, 5, "工作要求", "Discipline"));
  d.add(draft::Style::body, ctx.t("巡查人员严格遵守廉洁纪律和保密规定，不干预被巡查地区正常工作，不处理安全生产个案；与被巡查地区或单位有利害关系的人员实行回避。",
                                  "Team members keep the rules of integrity and confidentiality, do not interfere with the region's "
                                  "normal work and do not handle individual cases; anyone with a conflict of interest stands aside."));
  d.add(draft::Style::body, {to_write(ctx, "其他工作要求", "other requirements")});
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, data) + "办公室" : "Office of the " + committee(ctx, data));
  d.add(draft::Style::signature, draft_date(ctx, ctx.as_of));
  add_team_plan_attachment(in, period, staffing, d);
  return d;
}

}  // namespace xuncha::cli

namespace xuncha::cli {
namespace {

// One row of a team table: the role (with the place a tour's leader or expert serves), name, unit, rank.
std::vector<std::string> seat_row(const Context& ctx, const Dataset& data, Role role, const std::string& id, const std::string& place) {
  static constexpr std::string_view role_en[] = {"leader", "deputy leader", "liaison", "member", "expert"};
  const Person* p = data.person(id);
  const Unit* u = p ? data.unit(p->unit) : nullptr;
  auto ri = static_cast<std::size_t>(role);
  std::string label(ctx.zh ? role_zh[ri] : role_en[ri]);
  if (!place.empty()) label += ctx.zh ? "（" + place + "）" : " (" + place + ")";
  std::string rank = p && p->rank != Rank::none ? std::string(rank_zh[static_cast<std::size_t>(p->rank)]) : "";
  return {label, p ? p->name : id, u ? u->name : (p ? p->unit : ""), rank};
}

std::string place_of(const Context& ctx, const Dataset& data, const Tour& t) {
  auto end = deadlines::effective_end(t, data);
  return region_name(data, t.region) +
         (t.start && end ? (ctx.zh ? "（" + draft_range(ctx, *t.start, *end) + "）" : " (" + draft_range(ctx, *t.start, *end) + ")") : "");
}

// The teams of the period, one heading and table each: the data's teams in the order of their
// first tour, then the generated ones. Returns the number of teams; `unstaffed` gets the tours
// left without a team (undated ones the planner cannot take).
int team_tables(const DraftInput& in, const Period& period, const Staffing& staffing, draft::Document& d,
                std::vector<const Tour*>& unstaffed) {
  const auto& ctx = in.ctx;
  const auto& data = in.data;
  std::vector<std::pair<const Team*, std::vector<const Tour*>>> teams;
  for (const auto& t : data.tours) {
    if (t.body != Body::province || !period.holds(t.year)) continue;
    const Team* team = t.team.empty() ? nullptr : data.team(t.team);
    if (!team) {
      if (!staffing.of.count(&t)) unstaffed.push_back(&t);
      continue;
    }
    auto it = std::find_if(teams.begin(), teams.end(), [&](const auto& p) { return p.first == team; });
    if (it == teams.end()) teams.push_back({team, {&t}});
    else it->second.push_back(&t);
  }
  const draft::Table head{{ctx.t("职务", "role"), ctx.t("姓名", "name"), ctx.t("单位", "unit"), ctx.t("职级", "rank")}, {}};
  int n = 0;
  for (const auto& [team, tours] : teams) {
    std::string places;
    for (const auto* t : tours) places += (places.empty() ? "" : ctx.t("；", "; ")) + place_of(ctx, data, *t);
    d.add(draft::Style::heading2, heading(ctx, 2, ++n, fmt::format("{}巡查组：{}", team->id, places), fmt::format("Team {}: {}", team->id, places)));
    draft::Table t = head;
    for (const auto& [role, id] : team->everyone()) t.rows.push_back(seat_row(ctx, data, role, id, ""));
    d.add_table(std::move(t));
  }
  for (const auto& team : staffing.result.teams) {
    std::string places;
    for (const auto& st : team.stints) places += (places.empty() ? "" : ctx.t("；", "; ")) + place_of(ctx, data, data.tours[st.tour]);
    d.add(draft::Style::heading2, heading(ctx, 2, ++n, fmt::format("{}巡查组（自动生成）：{}", team.id, places),
                                          fmt::format("Team {} (generated): {}", team.id, places)));
    draft::Table t = head;
    // The fixed staff of the cycle, then each tour's leader and experts (one appointment each).
    for (const auto& id : team.deputies) t.rows.push_back(seat_row(ctx, data, Role::deputy, id, ""));
    if (!team.liaison.empty()) t.rows.push_back(seat_row(ctx, data, Role::liaison, team.liaison, ""));
    for (const auto& id : team.members) t.rows.push_back(seat_row(ctx, data, Role::member, id, ""));
    for (const auto& st : team.stints) {
      const std::string place = team.stints.size() > 1 ? region_name(data, data.tours[st.tour].region) : "";
      t.rows.push_back(seat_row(ctx, data, Role::leader, st.leader, place));
      for (const auto& id : st.experts) t.rows.push_back(seat_row(ctx, data, Role::expert, id, place));
    }
    d.add_table(std::move(t));
  }
  return n;
}

void unstaffed_note(const Context& ctx, const std::vector<const Tour*>& unstaffed, draft::Document& d) {
  if (unstaffed.empty()) return;
  std::string list;
  for (const auto* t : unstaffed) list += (list.empty() ? "" : ctx.t("、", ", ")) + t->id;
  d.add(draft::Style::note, {plain(ctx.zh ? fmt::format("以下巡查尚未组建巡查组：{}。", list) : fmt::format("Tours without a team yet: {}. ", list)),
                             missing(ctx, "巡查组或巡查日期（有日期的巡查可由 xuncha staff 组队）", "teams or dates (xuncha staff staffs dated tours)")});
}

const char* team_rule_zh = "注：组长由厅级干部担任，按每次巡查任务确定；副组长、联络员、成员在工作周期内相对固定；专家一次一聘。";
const char* team_rule_en = "Note: leaders are bureau-level cadres chosen per tour; deputies, liaison and members stay for the "
                           "work cycle; experts are appointed per tour.";

void add_team_plan_attachment(const DraftInput& in, const Period& period, const Staffing& staffing, draft::Document& d) {
  const auto& ctx = in.ctx;
  d.add(draft::Style::attachment, ctx.t("附件", "Attachment"));
  d.add(draft::Style::title, ctx.zh ? fmt::format("{}安全生产巡查组组成方案", period_name(ctx, period))
                                    : fmt::format("Inspection teams of {}", period_name(ctx, period)));
  if (staffing.any()) d.add(draft::Style::note, generated_text(ctx));
  std::vector<const Tour*> unstaffed;
  if (team_tables(in, period, staffing, d, unstaffed) == 0) d.add(draft::Style::body, {missing(ctx, "巡查组", "teams")});
  unstaffed_note(ctx, unstaffed, d);
  d.add(draft::Style::note, ctx.t(team_rule_zh, team_rule_en));
}

}  // namespace

draft::Document draft_team_plan(const DraftInput& in, const Period& period) {
  const auto& ctx = in.ctx;
  const Staffing staffing = staff_period(in, period);
  draft::Document d;
  d.kind = "team-plan";
  d.landscape = true;
  d.title = ctx.zh ? fmt::format("{}安全生产巡查组组成方案", period_name(ctx, period)) : fmt::format("Inspection teams of {}", period_name(ctx, period));
  d.add(draft::Style::title, d.title);
  const std::size_t subtitle = d.blocks.size();
  d.add(draft::Style::subtitle, "");
  // Said first: the reader learns before the tables that the teams are a proposal.
  if (staffing.any()) {
    d.generated = generated_text(ctx);
    d.add(draft::Style::note, d.generated);
  }
  std::vector<const Tour*> unstaffed;
  int n = team_tables(in, period, staffing, d, unstaffed);
  if (n == 0) {
    Message w = period_where(period);
    throw UsageError(fmt::format("{}没有可组建巡查组的巡查（省级、已定日期）：请在 tours 文件中加入巡查及其日期，或在 teams 文件中加入巡查组并在巡查记录中写明 `team`", w.zh),
                     fmt::format("no provincial tour {} can be staffed (none is dated): add the tours with their dates to a tours "
                                 "file, or the teams to a teams file and `team:` to the tours", w.en));
  }
  d.blocks[subtitle].spans = {plain(ctx.zh ? fmt::format("（代拟稿；共{}个巡查组）", n) : fmt::format("(draft; {} teams)", n))};
  unstaffed_note(ctx, unstaffed, d);
  d.add(draft::Style::note, ctx.t(team_rule_zh, team_rule_en));
  return d;
}

}  // namespace xuncha::cli
