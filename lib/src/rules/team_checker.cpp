// The team composition rules T101–T120 (II.2): the checker run by `xuncha teams` and `check`,
// and the team table. The qualifications they test live in team_rules.cpp (shared with the
// suggestion search and the team-plan generator).
#include <xuncha/rules/teams.hpp>

#include <xuncha/rules/checkers.hpp>
#include <xuncha/rules/team_rules.hpp>

#include "team_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"T101", "team-size", Severity::error, "II.2", "巡查组人数不符合规定", "team size out of range",
     "每个巡查组 5—7 人（政策 team_size）。组长、副组长、联络员、成员和专家都计入，同一人只计一次。",
     "A team has 5 to 7 people (policy team_size), counting the leader, deputies, liaison, members and experts, each person once."},
    {"T102", "leader-count", Severity::error, "II.2", "组长不是恰好一人", "not exactly one leader",
     "巡查实行组长负责制，每次巡查由一名组长负责：巡查组必须有且只有一名组长。",
     "The leader is responsible for the team (组长负责制): every team has exactly one leader."},
    {"T103", "leader-qualification", Severity::error, "II.2", "组长不是熟悉安全监管的厅级干部",
     "leader not a bureau-level cadre who knows safety supervision",
     "组长由熟悉安全生产监管工作的厅级干部（正厅或副厅）担任。条例对组长没有“现职”要求，已退休的厅级干部可以担任。",
     "The leader is a bureau-level cadre (正厅 or 副厅) who knows safety supervision (safety_supervision: true). The regulation does not require the leader to be serving, so a retired bureau-level cadre qualifies."},
    {"T104", "deputy-missing", Severity::error, "II.2", "巡查组没有副组长", "team without a deputy leader",
     "每个巡查组至少有一名副组长。", "Every team has at least one deputy leader."},
    {"T105", "deputy-qualification", Severity::error, "II.2", "副组长不是从事安全监管的现职处级干部",
     "deputy not a serving division-level cadre in safety supervision",
     "副组长由从事安全监管工作的现职处级干部（正处或副处，serving: true，safety_supervision: true）担任；每名副组长都须符合。",
     "Every deputy leader is a serving (serving: true) division-level cadre (正处 or 副处) working in safety supervision (safety_supervision: true)."},
    {"T106", "liaison-count", Severity::error, "II.2", "联络员不是恰好一人", "not exactly one liaison",
     "每个巡查组配备一名联络员。", "Every team has exactly one liaison."},
    {"T107", "liaison-unit", Severity::error, "II.2", "联络员不是应急管理部门派出",
     "liaison not from the emergency management department",
     "联络员由省应急管理厅派员担任：其单位须标记 emergency_management: true。",
     "The liaison is sent by the provincial emergency management department: their unit has emergency_management: true."},
    {"T108", "member-unit", Severity::error, "II.2", "非专家人员不是省安委会成员单位的",
     "non-expert not from a safety committee member unit",
     "巡查组由省安委会成员单位的领导干部、工作人员和专家组成：除专家外，组长、副组长、联络员和成员的单位须是成员单位（committee_member: true）。",
     "Teams are drawn from the provincial safety committee's member units plus experts: everyone except the experts works for a unit with committee_member: true."},
    {"T109", "expert-pool", Severity::error, "II.2", "专家不在省安全生产专家库中", "expert not in the expert pool",
     "专家须从省安全生产专家库中选聘：列为专家的人员须有 expert 条目（库内编号）。",
     "Experts are chosen from the provincial expert pool: a person listed as an expert has an expert entry (pool id)."},
    {"T110", "expert-appointment", Severity::error, "II.2", "专家没有本次巡查的聘任（一次一聘）",
     "expert without an appointment for this tour (一次一聘)",
     "专家一次一聘：参加每次巡查都须有一份只针对该次巡查的聘任。没有聘任、拿另一次巡查的聘任参加、或同一次巡查有两份聘任，都会报告。",
     "One appointment per engagement (一次一聘): an expert needs an appointment for exactly the tour they serve. Serving without one, relying on another tour's appointment, or holding two for the same tour is reported."},
    {"T111", "appointment-unused", Severity::warning, "II.2", "聘任没有对应的专家任务",
     "appointment not matched by an expert on the tour",
     "聘任所指的巡查中，该人员并不是巡查组的专家（巡查没有巡查组、换了组或名单漏录），聘任未被使用。",
     "The appointment's tour does not have the person as an expert on its team (the tour has no team, a different team, or the roster misses them): the appointment is unused."},
    {"T112", "tour-overlap", Severity::error, "II.2", "同一人参加日期重叠的两次巡查（脱钩）",
     "person on two tours whose dates overlap (脱钩)",
     "巡查期间人员原则上与原单位工作脱钩，不能同时参加两次巡查：两次巡查的在场日期（含首尾两天）有交叉即报告；一次结束的次日开始另一次不算重叠。同一巡查组承担两次重叠的巡查时报告一次。",
     "During a tour people are released from other work (脱钩), so nobody is on two tours whose days on site (first and last day included) intersect; a tour starting the day after another ends does not overlap. A team serving two overlapping tours is reported once."},
    {"T113", "conflict-of-interest", Severity::error, "—", "人员巡查其单位所在地或家乡地区（回避）",
     "person inspects their unit's region or home region (回避)",
     "条例未作规定，但用户普遍要求回避：巡查组人员不巡查其单位所在地区（单位的 region）或其家乡地区（home_region）。政策 conflict_of_interest: false 可关闭。",
     "The regulation is silent, but users expect it: nobody inspects the region their unit sits in (the unit's region) or their home region (home_region). Policy conflict_of_interest: false turns it off."},
    {"T114", "team-stability", Severity::warning, "II.2", "同一工作周期内巡查组人员变动",
     "team membership changes within a work cycle",
     "巡查组人员在一个巡查工作周期内相对固定。同一周期（cycle）内，后组建的巡查组如与先前某组共用至少一半的固定人员（副组长、联络员、成员），视为同一组的重组，列出加入和离开的人员。组长按每次任务确定、专家一次一聘，二者变动不计。",
     "Team staff stay relatively fixed within one work cycle. Within a cycle, a later team that shares at least half of its fixed staff (deputies, liaison, members) with an earlier team is that team re-formed; the warning lists who joined and who left. Leaders are chosen per task and experts are engaged per tour, so changes of those are not counted."},
    {"T115", "duplicate-member", Severity::error, "II.2", "同一人在巡查组中重复列出", "person listed twice on a team",
     "同一人在一个巡查组中只能担任一个角色、出现一次。", "A person holds one role on a team and is listed once."},
    {"T116", "team-without-tour", Severity::warning, "II.2", "巡查组没有承担任何巡查", "team serves no tour",
     "没有任何巡查引用该巡查组（tour 的 team），可能是漏录或多余的记录。",
     "No tour refers to the team (a tour's team field): a tour may be missing or the team is surplus."},
    {"T117", "tour-without-team", Severity::error, "II.2", "省级巡查没有巡查组", "provincial tour without a team",
     "每次省级巡查都须由巡查组实施（tour 的 team）。国务院安委会的巡查和排期生成的计划巡查不要求。",
     "Every provincial tour is carried out by a team (a tour's team field). State Council tours and planned tours from a schedule are exempt."},
    {"T118", "two-teams-in-cycle", Severity::warning, "II.2", "同一人在一个工作周期内参加两个巡查组",
     "person on two teams of one work cycle",
     "巡查组人员按巡查任务抽调配备，在一个巡查工作周期内相对固定：副组长、联络员和成员在一个周期（cycle）内只属于一个巡查组。"
     "组长根据每次巡查任务确定、专家一次一聘，不受此限。“相对”固定，故为警告而非错误；日期重叠另由 T112 报告，同一组的重组由 T114 报告。"
     "`xuncha staff` 编排的方案遵守同一规则。",
     "Team staff are drawn per task and stay relatively fixed within one work cycle: a deputy, the liaison and the "
     "members belong to one team per cycle. Leaders are chosen per task and experts engaged per tour, so they are "
     "exempt. 'Relatively' fixed makes this a warning, not an error; overlapping dates are T112's, a team re-formed "
     "is T114's. Plans from `xuncha staff` keep the same rule."},
    {"T119", "experts-missing", Severity::error, "II.2", "巡查组没有安全生产专家", "team without enough experts",
     "巡查组由省安委会成员单位领导干部、工作人员和有关安全生产专家组成：每个巡查组至少有政策 experts_min 名专家（默认 1）。",
     "A team is made of leaders and staff of the safety committee's member units and safety experts: every team has at "
     "least the policy's experts_min experts (default 1)."},
    {"T120", "team-make-up", Severity::warning, "II.2", "巡查组成员或专家人数超出政策范围",
     "members or experts outside the policy's ranges",
     "本办公室的组队范围（政策 team_members，默认 1—3 名成员；team_experts，默认 1—2 名专家）；`xuncha staff` 和 "
     "`teams --suggest` 在范围内选人。专家过少由 T119 报告（experts_min）。",
     "The office's team make-up (policy team_members, default 1-3 members; team_experts, default 1-2 experts); "
     "`xuncha staff` and `teams --suggest` pick within these ranges. Too few experts is T119's (experts_min)."},
};

const RuleInfo& rule(std::string_view id) { return rule_in(kRules, id); }

class TeamChecker {
 public:
  TeamChecker(const CheckContext& ctx, std::vector<Diagnostic>& out)
      : data_(ctx.data), out_(out), team_tours_(tours_by_team(ctx.data)) {}

  void run() {
    for (const auto& team : data_.teams) composition(team);
    appointments();
    for (const auto& t : data_.tours) tour_checks(t);
    overlaps_of_teams();
    overlaps_of_people();
    stability();
  }

 private:
  const Dataset& data_;
  std::vector<Diagnostic>& out_;
  std::vector<std::vector<std::size_t>> team_tours_;

  void emit(std::string_view id, const Source& src, std::string_view field, std::string subject, Message m,
            std::vector<Related> related = {}) {
    auto d = make_diagnostic(rule(id), data_, src, field, std::move(subject), std::move(m));
    d.related = std::move(related);
    out_.push_back(std::move(d));
  }

  Related related_tour(const Tour& t, std::string_view zh, std::string_view en) const {
    return {data_.locate(t.src.at), {fmt::format("{}巡查 {}（{}，{}）", zh, t.id, region_zh(data_, t.region), dates(t)),
                                     fmt::format("{}tour {} ({}, {})", en, t.id, t.region, dates(t))}};
  }

  void composition(const Team& g) {
    const auto& pol = data_.policy;
    // Duplicates first: the size counts each person once.
    std::unordered_map<std::string_view, Seat> first;
    for (std::size_t r = 0; r < g.roles.size(); ++r)
      for (std::size_t k = 0; k < g.roles[r].size(); ++k) {
        std::string_view id = g.roles[r][k];
        auto [it, fresh] = first.emplace(id, Seat{static_cast<Role>(r), k});
        if (fresh) continue;
        auto role = static_cast<Role>(r);
        emit("T115", g.src, field_of(role, k), g.id,
             {fmt::format("巡查组 {}：{} 重复列出（{}，又作为{}）", g.id, who_zh(data_, id), zh_of(it->second.role), zh_of(role)),
              fmt::format("team {}: {} is listed twice (as {} and again as {})", g.id, who_en(data_, id),
                          en_of(it->second.role), en_of(role))},
             {{data_.locate(g.src.field(field_of(it->second.role, it->second.k))),
               {"首次列出的位置", "first listed here"}}});
      }
    int size = static_cast<int>(first.size());
    if (size < pol.team_min || size > pol.team_max) {
      auto n = [&](Role r) { return g.of(r).size(); };
      emit("T101", g.src, "id", g.id,
           {fmt::format("巡查组 {} 有 {} 人（组长 {}、副组长 {}、联络员 {}、成员 {}、专家 {}），规定 {}—{} 人", g.id, size,
                        n(Role::leader), n(Role::deputy), n(Role::liaison), n(Role::member), n(Role::expert),
                        pol.team_min, pol.team_max),
            fmt::format("team {} has {} people (leader {}, deputies {}, liaison {}, members {}, experts {}); {}–{} allowed",
                        g.id, size, n(Role::leader), n(Role::deputy), n(Role::liaison), n(Role::member),
                        n(Role::expert), pol.team_min, pol.team_max)});
    }
    const auto& leaders = g.of(Role::leader);
    if (leaders.size() != 1) {
      bool none = leaders.empty();
      emit("T102", g.src, none ? "id" : "leader[1]", g.id,
           none ? Message{fmt::format("巡查组 {} 没有组长", g.id), fmt::format("team {} has no leader", g.id)}
                : Message{fmt::format("巡查组 {} 有 {} 名组长：{}；只能有一名", g.id, leaders.size(), list_zh(data_, leaders)),
                          fmt::format("team {} has {} leaders: {}; exactly one allowed", g.id, leaders.size(),
                                      list_en(data_, leaders))});
    }
    for (std::size_t k = 0; k < leaders.size(); ++k) {
      const Person* p = data_.person(leaders[k]);
      if (!p) continue;
      auto f = leader_faults(*p);
      if (f.empty()) continue;
      emit("T103", g.src, field_of(Role::leader, k), g.id,
           {fmt::format("巡查组 {} 的组长 {} {}", g.id, who_zh(data_, p->id), f.joined_zh()),
            fmt::format("team {}: leader {} {}", g.id, who_en(data_, p->id), f.joined_en())});
    }
    const auto& deputies = g.of(Role::deputy);
    if (deputies.empty())
      emit("T104", g.src, "id", g.id,
           {fmt::format("巡查组 {} 没有副组长", g.id), fmt::format("team {} has no deputy leader", g.id)});
    for (std::size_t k = 0; k < deputies.size(); ++k) {
      const Person* p = data_.person(deputies[k]);
      if (!p) continue;
      auto f = deputy_faults(*p);
      if (f.empty()) continue;
      emit("T105", g.src, field_of(Role::deputy, k), g.id,
           {fmt::format("巡查组 {} 的副组长 {} {}", g.id, who_zh(data_, p->id), f.joined_zh()),
            fmt::format("team {}: deputy leader {} {}", g.id, who_en(data_, p->id), f.joined_en())});
    }
    const auto& liaisons = g.of(Role::liaison);
    if (liaisons.size() != 1) {
      bool none = liaisons.empty();
      emit("T106", g.src, none ? "id" : "liaison[1]", g.id,
           none ? Message{fmt::format("巡查组 {} 没有联络员", g.id), fmt::format("team {} has no liaison", g.id)}
                : Message{fmt::format("巡查组 {} 有 {} 名联络员：{}；只能有一名", g.id, liaisons.size(),
                                      list_zh(data_, liaisons)),
                          fmt::format("team {} has {} liaisons: {}; exactly one allowed", g.id, liaisons.size(),
                                      list_en(data_, liaisons))});
    }
    if (auto n = static_cast<int>(g.of(Role::expert).size()); n < pol.experts_min)
      emit("T119", g.src, "id", g.id,
           n == 0 ? Message{fmt::format("巡查组 {} 没有专家；每组至少 {} 名安全生产专家", g.id, pol.experts_min),
                            fmt::format("team {} has no expert; every team has at least {} safety expert{}", g.id,
                                        pol.experts_min, pol.experts_min == 1 ? "" : "s")}
                  : Message{fmt::format("巡查组 {} 只有 {} 名专家；每组至少 {} 名安全生产专家", g.id, n, pol.experts_min),
                            fmt::format("team {} has {} expert{}; every team has at least {}", g.id, n, n == 1 ? "" : "s",
                                        pol.experts_min)});
    auto outside = [&](Role role, int lo, int hi, std::string_view zh, std::string_view en, std::string_view key) {
      auto n = static_cast<int>(g.of(role).size());
      if ((n >= lo || role == Role::expert) && n <= hi) return;  // too few experts: T119
      emit("T120", g.src, "id", g.id,
           {fmt::format("巡查组 {} 有 {} 名{}，政策范围 {}—{}（{}）", g.id, n, zh, lo, hi, key),
            fmt::format("team {} has {} {}; the policy's range is {}-{} ({})", g.id, n, en, lo, hi, key)});
    };
    outside(Role::member, pol.members_min, pol.members_max, "成员", "members", "team_members");
    outside(Role::expert, pol.staff_experts_min, pol.staff_experts_max, "专家", "experts", "team_experts");
    for (std::size_t k = 0; k < liaisons.size(); ++k) {
      const Person* p = data_.person(liaisons[k]);
      if (!p || from_emergency_management(data_, *p)) continue;
      const Unit* u = data_.unit(p->unit);
      emit("T107", g.src, field_of(Role::liaison, k), g.id,
           {fmt::format("巡查组 {} 的联络员 {} 来自{}（{}），不是应急管理部门", g.id, who_zh(data_, p->id), u->name, u->id),
            fmt::format("team {}: liaison {} works for {} ({}), not the emergency management department", g.id,
                        who_en(data_, p->id), u->name, u->id)});
    }
    for (auto role : {Role::leader, Role::deputy, Role::liaison, Role::member}) {
      const auto& ids = g.of(role);
      for (std::size_t k = 0; k < ids.size(); ++k) {
        const Person* p = data_.person(ids[k]);
        if (!p || in_committee(data_, *p)) continue;
        const Unit* u = data_.unit(p->unit);
        emit("T108", g.src, field_of(role, k), g.id,
             {fmt::format("巡查组 {} 的{} {} 来自{}（{}），不是省安委会成员单位", g.id, zh_of(role), who_zh(data_, p->id),
                          u->name, u->id),
              fmt::format("team {}: {} {} works for {} ({}), not a safety committee member unit", g.id, en_of(role),
                          who_en(data_, p->id), u->name, u->id)});
      }
    }
    const auto& experts = g.of(Role::expert);
    for (std::size_t k = 0; k < experts.size(); ++k) {
      const Person* p = data_.person(experts[k]);
      if (!p || p->expert) continue;
      emit("T109", g.src, field_of(Role::expert, k), g.id,
           {fmt::format("巡查组 {} 的专家 {} 不在省安全生产专家库中", g.id, who_zh(data_, p->id)),
            fmt::format("team {}: expert {} is not in the provincial expert pool", g.id, who_en(data_, p->id))});
    }
  }

  // Appointments by person and tour, to answer "does this expert hold one for this tour".
  std::unordered_map<std::string_view, std::vector<const Appointment*>> by_person_;

  void appointments() {
    for (const auto& a : data_.appointments) by_person_[a.person].push_back(&a);
    for (const auto& a : data_.appointments) {
      const Tour* t = data_.tour(a.tour);
      if (!t) continue;  // unknown tour: the loader reports it
      const Team* g = t->team.empty() ? nullptr : data_.team(t->team);
      if (g) {
        const auto& ex = g->of(Role::expert);
        if (std::find(ex.begin(), ex.end(), a.person) != ex.end()) continue;
      }
      std::string why_zh = !g ? std::string("该巡查没有巡查组")
                              : fmt::format("该人员不是巡查组 {} 的专家", g->id);
      std::string why_en = !g ? std::string("the tour has no team")
                              : fmt::format("the person is not an expert on its team {}", g->id);
      emit("T111", a.src, "tour", g ? g->id : t->id,
           {fmt::format("聘任 {}：{} 受聘参加巡查 {}，但{}", a.id, who_zh(data_, a.person), t->id, why_zh),
            fmt::format("appointment {}: {} is appointed for tour {}, but {}", a.id, who_en(data_, a.person), t->id,
                        why_en)},
           {related_tour(*t, "", "")});
    }
  }

  void tour_checks(const Tour& t) {
    if (t.body != Body::province) return;
    if (t.team.empty()) {
      if (!t.planned)
        emit("T117", t.src, "id", t.id,
             {fmt::format("省级巡查 {}（{}，{}）没有巡查组", t.id, region_zh(data_, t.region), dates(t)),
              fmt::format("provincial tour {} ({}, {}) has no team", t.id, t.region, dates(t))});
      return;
    }
    const Team* g = data_.team(t.team);
    if (!g) return;  // unknown team: the loader reports it
    expert_appointments(t, *g);
    if (data_.policy.conflict_of_interest) conflicts(t, *g);
  }

  void expert_appointments(const Tour& t, const Team& g) {
    const auto& experts = g.of(Role::expert);
    for (std::size_t k = 0; k < experts.size(); ++k) {
      const std::string& id = experts[k];
      if (std::find(experts.begin(), experts.begin() + static_cast<std::ptrdiff_t>(k), id) !=
          experts.begin() + static_cast<std::ptrdiff_t>(k))
        continue;  // listed twice: T115
      if (!data_.person(id)) continue;
      std::vector<const Appointment*> mine, other;
      if (auto it = by_person_.find(id); it != by_person_.end())
        for (const auto* a : it->second) (a->tour == t.id ? mine : other).push_back(a);
      if (mine.size() == 1) continue;
      if (mine.empty()) {
        std::vector<Related> rel{related_tour(t, "", "")};
        std::string note_zh, note_en;
        for (const auto* a : other) {
          rel.push_back({data_.locate(a->src.at),
                         {fmt::format("聘任 {} 针对巡查 {}", a->id, a->tour), fmt::format("appointment {} is for tour {}", a->id, a->tour)}});
          note_zh += (note_zh.empty() ? "" : "、") + a->id;
          note_en += (note_en.empty() ? "" : ", ") + a->id;
        }
        emit("T110", g.src, field_of(Role::expert, k), t.id,
             other.empty()
                 ? Message{fmt::format("巡查 {}：专家 {}（巡查组 {}）没有本次巡查的聘任", t.id, who_zh(data_, id), g.id),
                           fmt::format("tour {}: expert {} (team {}) has no appointment for it", t.id, who_en(data_, id), g.id)}
                 : Message{fmt::format("巡查 {}：专家 {}（巡查组 {}）没有本次巡查的聘任；其聘任 {} 针对其他巡查，不能重复使用（一次一聘）",
                                       t.id, who_zh(data_, id), g.id, note_zh),
                           fmt::format("tour {}: expert {} (team {}) has no appointment for it; appointment(s) {} are for "
                                       "other tours and cannot be reused (一次一聘)",
                                       t.id, who_en(data_, id), g.id, note_en)},
             std::move(rel));
        continue;
      }
      // Two or more for one tour: report the later ones at their own node.
      for (std::size_t i = 1; i < mine.size(); ++i)
        emit("T110", mine[i]->src, "tour", t.id,
             {fmt::format("巡查 {}：专家 {} 有 {} 份本次巡查的聘任（{} 与 {}）；一次巡查只聘一次", t.id, who_zh(data_, id),
                          mine.size(), mine[0]->id, mine[i]->id),
              fmt::format("tour {}: expert {} holds {} appointments for it ({} and {}); one engagement, one appointment",
                          t.id, who_en(data_, id), mine.size(), mine[0]->id, mine[i]->id)},
             {{data_.locate(mine[0]->src.at), {fmt::format("聘任 {}", mine[0]->id), fmt::format("appointment {}", mine[0]->id)}}});
    }
  }

  void conflicts(const Tour& t, const Team& g) {
    for (const auto& [id, seat] : distinct_people(g)) {
      const Person* p = data_.person(id);
      if (!p) continue;
      auto f = conflict(data_, *p, t.region);
      if (f.empty()) continue;
      emit("T113", g.src, field_of(seat.role, seat.k), t.id,
           {fmt::format("巡查 {}：巡查组 {} 的{} {} 巡查{}，应回避：{}", t.id, g.id, zh_of(seat.role), who_zh(data_, id),
                        region_zh(data_, t.region), f.joined_zh()),
            fmt::format("tour {}: {} {} of team {} inspects {}, a conflict of interest: {}", t.id, en_of(seat.role),
                        who_en(data_, id), g.id, t.region, f.joined_en())},
           {related_tour(t, "", "")});
    }
  }

  // A team serving two tours whose dates overlap: one finding for the whole team.
  void overlaps_of_teams() {
    for (std::size_t gi = 0; gi < data_.teams.size(); ++gi) {
      const Team& g = data_.teams[gi];
      const Tour* latest = nullptr;  // the dated tour so far with the latest end
      for (auto ti : team_tours_[gi]) {
        const Tour& t = data_.tours[ti];
        if (!dated(t)) continue;
        if (latest && overlaps(*latest, t)) {
          std::vector<std::string_view> ids;
          for (const auto& e : distinct_people(g)) ids.push_back(e.first);
          emit("T112", t.src, "team", t.id,
               {fmt::format("巡查组 {} 同时承担巡查 {}（{}）和 {}（{}），日期重叠：{} 不能同时参加两次巡查", g.id, t.id,
                            dates(t), latest->id, dates(*latest), list_zh(data_, ids)),
                fmt::format("team {} serves tour {} ({}) and tour {} ({}), whose dates overlap: {} cannot be on both",
                            g.id, t.id, dates(t), latest->id, dates(*latest), list_en(data_, ids))},
               {related_tour(*latest, "重叠的", "overlapping ")});
        }
        if (!latest || *latest->end < *t.end) latest = &t;
      }
    }
  }

  // One person's place on one dated tour.
  struct Stint {
    std::string_view person;
    Date start, end;
    std::size_t tour;
    std::size_t team;
    Seat seat;
  };

  // Overlaps through different teams, per person, in O(n log n): sort every stint by person and
  // start, then sweep keeping the stint with the latest end and the latest-ending stint of any
  // other team, so a team's own double booking (reported above) never hides a real clash.
  void overlaps_of_people() {
    std::vector<Stint> stints;
    for (std::size_t gi = 0; gi < data_.teams.size(); ++gi) {
      auto people = distinct_people(data_.teams[gi]);
      for (auto ti : team_tours_[gi]) {
        const Tour& t = data_.tours[ti];
        if (!dated(t)) continue;
        for (const auto& [id, seat] : people) stints.push_back({id, *t.start, *t.end, ti, gi, seat});
      }
    }
    std::sort(stints.begin(), stints.end(), [&](const Stint& a, const Stint& b) {
      if (a.person != b.person) return a.person < b.person;
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end < b.end;
      return data_.tours[a.tour].id < data_.tours[b.tour].id;
    });
    const Stint* top = nullptr;    // latest end so far
    const Stint* other = nullptr;  // latest end so far among teams other than top's
    for (std::size_t i = 0; i < stints.size(); ++i) {
      const Stint& s = stints[i];
      if (i == 0 || stints[i - 1].person != s.person) top = other = nullptr;
      const Stint* against = top && top->team != s.team ? top : other;
      if (against && !(against->end < s.start)) clash(s, *against);
      // Keep top = latest end, other = latest end with a team different from top's.
      if (!top || top->end < s.end) {
        if (top && top->team != s.team) other = top;
        else if (other && other->team == s.team) other = nullptr;
        top = &s;
      } else if (s.team != top->team && (!other || other->end < s.end)) {
        other = &s;
      }
    }
  }

  void clash(const Stint& s, const Stint& earlier) {
    const Tour& t = data_.tours[s.tour];
    const Tour& e = data_.tours[earlier.tour];
    const Team& g = data_.teams[s.team];
    const Team& h = data_.teams[earlier.team];
    emit("T112", g.src, field_of(s.seat.role, s.seat.k), t.id,
         {fmt::format("{} 同时在巡查 {}（巡查组 {}，{}）和巡查 {}（巡查组 {}，{}），日期重叠，违反脱钩要求",
                      who_zh(data_, s.person), t.id, g.id, dates(t), e.id, h.id, dates(e)),
          fmt::format("{} is on tour {} (team {}, {}) and tour {} (team {}, {}), whose dates overlap (脱钩)",
                      who_en(data_, s.person), t.id, g.id, dates(t), e.id, h.id, dates(e))},
         {related_tour(e, "重叠的", "overlapping "),
          {data_.locate(h.src.field(field_of(earlier.seat.role, earlier.seat.k))),
           {fmt::format("在巡查组 {} 中的位置", h.id), fmt::format("listed on team {}", h.id)}}});
  }

  // Fixed staff: deputies, liaison and members (leaders are chosen per task, experts per tour).
  static std::vector<std::string_view> core_of(const Team& g) {
    std::vector<std::string_view> out;
    for (auto role : {Role::deputy, Role::liaison, Role::member})
      for (const auto& id : g.of(role)) out.push_back(id);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void stability() {
    // Teams of each cycle in the order they first work (first tour's start; idle teams last).
    std::map<std::string_view, std::vector<std::size_t>> cycles;
    for (std::size_t gi = 0; gi < data_.teams.size(); ++gi)
      if (!data_.teams[gi].cycle.empty()) cycles[data_.teams[gi].cycle].push_back(gi);
    auto first_start = [&](std::size_t gi) -> std::optional<Date> {
      for (auto ti : team_tours_[gi])
        if (data_.tours[ti].start) return data_.tours[ti].start;
      return std::nullopt;
    };
    for (auto& [cycle, teams] : cycles) {
      std::vector<std::pair<std::optional<Date>, std::size_t>> order;
      for (auto gi : teams) order.emplace_back(first_start(gi), gi);
      std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first.has_value() != b.first.has_value()) return a.first.has_value();
        if (a.first && *a.first != *b.first) return *a.first < *b.first;
        return data_.teams[a.second].id < data_.teams[b.second].id;
      });
      // Earlier teams by person, so finding the predecessor is linear in the shared people.
      std::unordered_map<std::string_view, std::vector<std::size_t>> seen;  // person -> positions in order
      std::vector<std::vector<std::string_view>> cores;
      std::vector<std::size_t> root(order.size());  // the first team of a chain of re-formings
      for (std::size_t pos = 0; pos < order.size(); ++pos) {
        const Team& g = data_.teams[order[pos].second];
        cores.push_back(core_of(g));
        const auto& core = cores.back();
        std::unordered_map<std::size_t, std::size_t> shared;
        // Only each person's most recent teams are candidates: a real person joins a handful of
        // teams per cycle, and the cap keeps a person listed on thousands of teams (bad data, which
        // T112 reports) from making this quadratic.
        constexpr std::size_t recent = 32;
        for (auto id : core)
          if (auto it = seen.find(id); it != seen.end()) {
            const auto& list = it->second;
            for (std::size_t i = list.size() > recent ? list.size() - recent : 0; i < list.size(); ++i) ++shared[list[i]];
          }
        std::size_t best = 0, best_n = 0;
        bool found = false;
        for (auto [q, n] : shared) {
          std::size_t smaller = std::min(core.size(), cores[q].size());
          if (n * 2 < smaller) continue;
          if (!found || n > best_n || (n == best_n && q > best)) best = q, best_n = n, found = true;
        }
        // T118: a fixed staff member already on an earlier team of the cycle that this team does
        // not re-form (re-forming is T114's), once per person and team.
        for (auto id : core) {
          auto it = seen.find(id);
          if (it == seen.end()) continue;
          std::size_t mine = found ? root[best] : pos;
          std::size_t other = order.size();
          for (auto q : it->second)
            if (root[q] != mine) {
              other = q;
              break;
            }
          if (other == order.size()) continue;
          const Team& earlier = data_.teams[order[other].second];
          emit("T118", g.src, "id", g.id,
               {fmt::format("{} 在同一周期（{}）已属于巡查组 {}，又在巡查组 {} 中", list_zh(data_, std::vector{id}), cycle,
                            earlier.id, g.id),
                fmt::format("{} is on team {} and team {} of the same cycle ({})", list_en(data_, std::vector{id}), earlier.id,
                            g.id, cycle)},
               {{data_.locate(earlier.src.field("id")),
                 {fmt::format("同一周期的巡查组 {}", earlier.id), fmt::format("team {} of the cycle", earlier.id)}}});
        }
        for (auto id : core) seen[id].push_back(pos);
        root[pos] = found ? root[best] : pos;
        if (!found || cores[best] == core) continue;
        const auto& before = cores[best];
        std::vector<std::string_view> joined, left;
        std::set_difference(core.begin(), core.end(), before.begin(), before.end(), std::back_inserter(joined));
        std::set_difference(before.begin(), before.end(), core.begin(), core.end(), std::back_inserter(left));
        const Team& prev = data_.teams[order[best].second];
        emit("T114", g.src, "id", g.id,
             {fmt::format("巡查组 {} 与同一周期（{}）的巡查组 {} 是同一组人员，但人员有变动：加入 {}；离开 {}", g.id, cycle,
                          prev.id, list_zh(data_, joined), list_zh(data_, left)),
              fmt::format("team {} re-forms team {} of the same cycle ({}) with changed staff: joined {}; left {}",
                          g.id, prev.id, cycle, list_en(data_, joined), list_en(data_, left))},
             {{data_.locate(prev.src.field("id")),
               {fmt::format("同一周期先前的巡查组 {}", prev.id), fmt::format("earlier team {} of the cycle", prev.id)}}});
      }
    }
    for (std::size_t gi = 0; gi < data_.teams.size(); ++gi) {
      if (!team_tours_[gi].empty()) continue;
      const Team& g = data_.teams[gi];
      emit("T116", g.src, "id", g.id,
           {fmt::format("巡查组 {}（周期 {}）没有承担任何巡查", g.id, g.cycle.empty() ? "-" : g.cycle),
            fmt::format("team {} (cycle {}) serves no tour", g.id, g.cycle.empty() ? "-" : g.cycle)});
    }
  }
};

}  // namespace

std::span<const RuleInfo> team_rules() { return kRules; }

void check_teams(const CheckContext& ctx, std::vector<Diagnostic>& out) { TeamChecker(ctx, out).run(); }

std::vector<TeamRow> team_table(const Dataset& data) {
  auto by_team = tours_by_team(data);
  std::vector<TeamRow> rows;
  rows.reserve(data.teams.size());
  for (std::size_t gi = 0; gi < data.teams.size(); ++gi) {
    TeamRow row;
    row.team = &data.teams[gi];
    row.size = static_cast<int>(distinct_people(data.teams[gi]).size());
    for (auto ti : by_team[gi]) row.tours.push_back(&data.tours[ti]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace xuncha::rules
