// The team-plan generator (lib/src/staff/): every hard rule on hand-made cases, an infeasible case
// per reason, --keep after one person leaves, the YAML round trip through the team rules, seeds.
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "render/staff_render.hpp"
#include "test_util.hpp"

#include <xuncha/rules/checkers.hpp>
#include <xuncha/rules/team_rules.hpp>
#include <xuncha/staff/staff.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace xuncha {
namespace {

constexpr const char* kBase = R"(kind: regions
version: 1
regions:
  - {id: wuhan, name: 武汉市, class: city, counties: 13, industries: [危险化学品]}
  - {id: xiangyang, name: 襄阳市, class: city, counties: 9}
  - {id: huangshi, name: 黄石市, class: city, counties: 6, industries: [冶金]}
---
kind: units
version: 1
units:
  - {id: yjt, name: 省应急管理厅, committee_member: true, emergency_management: true}
  - {id: gat, name: 省公安厅, committee_member: true}
  - {id: zjt, name: 省住建厅, committee_member: true}
  - {id: whj, name: 武汉市住建局, committee_member: true, region: wuhan}
  - {id: hgy, name: 省化工院, committee_member: false}
)";

constexpr const char* kPeople = R"(kind: people
version: 1
people:
  - {id: L1, name: 王建华, unit: yjt, rank: 正厅, safety_supervision: true}
  - {id: L2, name: 刘国强, unit: gat, rank: 副厅, safety_supervision: true, home_region: wuhan}
  - {id: L3, name: 李卫东, unit: zjt, rank: 副厅, safety_supervision: true}
  - {id: D1, name: 杨帆, unit: yjt, rank: 正处, safety_supervision: true}
  - {id: D2, name: 何伟, unit: gat, rank: 副处, safety_supervision: true}
  - {id: D3, name: 罗斌, unit: zjt, rank: 正处, safety_supervision: true}
  - {id: D4, name: 高翔, unit: whj, rank: 正处, safety_supervision: true}
  - {id: Y1, name: 唐小勇, unit: yjt, rank: 科级}
  - {id: Y2, name: 冯雪, unit: yjt, rank: 科级}
  - {id: M1, name: 程亮, unit: gat, rank: 科级}
  - {id: M2, name: 曹静, unit: gat, rank: 科级}
  - {id: M3, name: 袁野, unit: zjt, rank: 科级}
  - {id: M4, name: 许晨, unit: zjt, rank: 科级}
  - {id: M5, name: 方正, unit: whj, rank: 科级}
  - {id: M6, name: 钱进, unit: gat, rank: 科级}
  - {id: E1, name: 黎明, unit: hgy, expert: {pool_id: ZJ-01, field: 危险化学品}}
  - {id: E2, name: 邹立, unit: hgy, expert: {pool_id: ZJ-02, field: 冶金}}
  - {id: E3, name: 易军, unit: hgy, expert: {pool_id: ZJ-03, field: 建筑施工}}
)";

// Team 1: wuhan then xiangyang; team 2: huangshi at the same time as wuhan.
constexpr const char* kSchedule = R"(kind: schedule
version: 1
from: 2027
tours:
  - {id: P1, region: wuhan, kind: regular, year: 2027, team_slot: 1, start: 2027-03-01, end: 2027-03-10}
  - {id: P2, region: xiangyang, kind: regular, year: 2027, team_slot: 1, start: 2027-03-15, end: 2027-03-24}
  - {id: P3, region: huangshi, kind: regular, year: 2027, team_slot: 2, start: 2027-03-01, end: 2027-03-10}
)";

struct Case {
  load::LoadResult loaded;
  staff::Result result;
  staff::Options options;

  explicit Case(const std::string& people = kPeople, const std::string& extra = "", staff::Options o = {}) : options(std::move(o)) {
    std::vector<std::pair<std::string, std::string>> texts{{"base.yaml", kBase}, {"people.yaml", people}, {"schedule.yaml", kSchedule}};
    if (!extra.empty()) texts.emplace_back("extra.yaml", extra);
    loaded = test::load_texts(texts);
    REQUIRE_MESSAGE(loaded.ok(), (loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message.en));
    result = staff::plan(loaded.data, staff::tours_to_staff(loaded.data), options);
  }

  std::string yaml() const {
    static const cli::Environment env{};
    cli::Context ctx{env, {}, {}, {}, {}, false, false, {}, false, {}, 0, {}};
    cli::StaffView view{loaded.data, result, options, false, true};
    return cli::staff_yaml(ctx, view);
  }

  // The plan written as YAML, loaded with the data (the schedule replaced by the plan's), checked.
  std::vector<Diagnostic> check(const std::string& people = kPeople, const std::string& extra = "") const {
    std::vector<std::pair<std::string, std::string>> texts{{"base.yaml", kBase}, {"people.yaml", people}, {"plan.yaml", yaml()}};
    if (!extra.empty()) texts.emplace_back("extra.yaml", extra);
    auto again = test::load_texts(texts);
    REQUIRE_MESSAGE(again.ok(), (again.diagnostics.empty() ? "" : again.diagnostics.front().message.en));
    rules::CheckContext ctx{again.data, test::china(), test::day("2026-11-30")};
    static constexpr std::string_view only[] = {"teams"};
    return rules::run_checks(ctx, {}, only);
  }

  // Everyone on the tour (leader, fixed staff, experts).
  std::vector<std::string> on(const std::string& tour) const {
    for (const auto& g : result.teams)
      for (const auto& s : g.stints)
        if (loaded.data.tours[s.tour].id == tour) {
          std::vector<std::string> out{s.leader, g.liaison};
          out.insert(out.end(), g.deputies.begin(), g.deputies.end());
          out.insert(out.end(), g.members.begin(), g.members.end());
          out.insert(out.end(), s.experts.begin(), s.experts.end());
          return out;
        }
    return {};
  }
  bool serves(const std::string& person, const std::string& tour) const {
    auto v = on(tour);
    return std::find(v.begin(), v.end(), person) != v.end();
  }
  std::string problems() const {
    std::string s;
    for (const auto& p : result.problems) s += p.text.en + "\n";
    return s;
  }
};

std::string texts(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const auto& x : d) s += x.rule + " " + x.message.en + "\n";
  return s;
}

}  // namespace

TEST_CASE("staff: a plan keeps every team rule and round-trips through the checker") {
  Case c;
  REQUIRE_MESSAGE(c.result.feasible, c.problems());
  CHECK(c.result.teams.size() == 2);
  auto d = c.check();
  CHECK_MESSAGE(d.empty(), texts(d));
  // Fixed staff the same on both tours of team 1; one appointment per expert and tour.
  const auto& g = c.result.teams[0];
  CHECK(g.stints.size() == 2);
  for (const auto& s : g.stints) CHECK(s.appointments.size() == s.experts.size());
  CHECK(c.result.bound <= c.result.objective);
}

TEST_CASE("staff: leaders and experts split between a team's tours keep every team rule") {
  // Team 1 tours four more regions in 2027; beyond 12 days a year the burden counts, so one leader
  // and one expert for all six tours would cost far more than sharing them out.
  const std::string extra = R"(kind: schedule
version: 1
from: 2027
tours:
  - {id: P4, region: huangshi, kind: regular, year: 2027, team_slot: 1, start: 2027-04-01, end: 2027-04-10}
  - {id: P5, region: xiangyang, kind: regular, year: 2027, team_slot: 1, start: 2027-04-15, end: 2027-04-24}
  - {id: P6, region: huangshi, kind: regular, year: 2027, team_slot: 1, start: 2027-05-06, end: 2027-05-15}
  - {id: P7, region: xiangyang, kind: regular, year: 2027, team_slot: 1, start: 2027-05-20, end: 2027-05-29}
---
kind: policy
version: 1
staff_fair_days: 12
)";
  Case c(kPeople, extra);
  REQUIRE_MESSAGE(c.result.feasible, c.problems());
  auto d = c.check(kPeople, extra.substr(extra.find("---")));
  CHECK_MESSAGE(d.empty(), texts(d));
  std::set<std::string> leaders, experts;
  for (const auto& st : c.result.teams[0].stints) {
    leaders.insert(st.leader);
    experts.insert(st.experts.begin(), st.experts.end());
  }
  CHECK(leaders.size() > 1);
  CHECK(experts.size() > 1);
  CHECK(c.result.bound <= c.result.objective);
}

TEST_CASE("staff: cycles and team ids follow the years of their tours; an overlap with a data cycle is noted") {
  Case c;
  REQUIRE_MESSAGE(c.result.feasible, c.problems());
  // The schedule runs from 2027 with two-year cycles, but its tours are all in 2027.
  for (const auto& g : c.result.teams) {
    CHECK(g.cycle == "2027");
    CHECK(g.id.rfind("G2027-", 0) == 0);
  }
  CHECK(c.result.notes.empty());
  Case overlap(kPeople, R"(kind: teams
version: 1
teams:
  - {id: G2026-1, cycle: 2026-2027, leader: L1, deputies: [D1], liaison: Y1, members: [M1, M2], experts: [E3]}
---
kind: tours
version: 1
tours:
  - {id: T2026, region: xiangyang, team: G2026-1, start: 2026-04-01, end: 2026-04-10}
---
kind: appointments
version: 1
appointments:
  - {id: A2026, person: E3, tour: T2026}
)");
  REQUIRE_MESSAGE(overlap.result.feasible, overlap.problems());
  std::string notes;
  for (const auto& n : overlap.result.notes) notes += n.en + "\n";
  CHECK_MESSAGE(notes.find("cycle 2027 of this plan overlaps the data's cycle 2026-2027 (teams G2026-1) in 2027") !=
                    std::string::npos,
                notes);
}

TEST_CASE("staff: conflict of interest, for every role") {
  Case c;
  REQUIRE(c.result.feasible);
  // L2 comes from wuhan; D4 and M5 work for a unit in wuhan: never on P1 (wuhan).
  for (auto p : {"L2", "D4", "M5"}) CHECK_FALSE(c.serves(p, "P1"));
}

TEST_CASE("staff: nobody on two overlapping tours, and one team per cycle") {
  Case c;
  REQUIRE(c.result.feasible);
  std::set<std::string> a, b;
  for (auto t : {"P1", "P2"})
    for (const auto& p : c.on(t)) a.insert(p);
  for (const auto& p : c.on("P3")) b.insert(p);
  for (const auto& p : b) CHECK_MESSAGE(!a.count(p), p);
}

TEST_CASE("staff: unavailable periods are respected") {
  std::string people = kPeople;
  people += "  - {id: L4, name: 赵峰, unit: gat, rank: 正厅, safety_supervision: true, unavailable: [{from: 2027-01-01, to: 2027-12-31, reason: 学习}]}\n";
  Case c(people);
  REQUIRE(c.result.feasible);
  for (auto t : {"P1", "P2", "P3"}) CHECK_FALSE(c.serves("L4", t));
}

TEST_CASE("staff: the days cap is a hard rule") {
  Case c(kPeople, "kind: policy\nversion: 1\nstaff_max_days: 15\n");
  // Team 1 is on site 20 days: nobody can be its fixed staff.
  CHECK_FALSE(c.result.feasible);
  CHECK(c.result.proven);
  CHECK(c.problems().find("over the cap of 15") != std::string::npos);
}

TEST_CASE("staff: infeasible, no liaison from emergency management") {
  std::string people = kPeople;
  // Y1, Y2 move to 公安厅; L1 and D1 are 应急厅 but are needed as leader/deputy anyway.
  for (auto id : {"Y1", "Y2", "L1", "D1"}) {
    auto at = people.find(std::string("id: ") + id + ",");
    auto unit = people.find("unit: yjt", at);
    people.replace(unit, 9, "unit: gat");
  }
  Case c(people);
  CHECK_FALSE(c.result.feasible);
  CHECK(c.result.proven);
  CHECK_MESSAGE(c.problems().find("liaisons") != std::string::npos, c.problems());
}

TEST_CASE("staff: infeasible, leaders short when teams are on site at once") {
  std::string people = kPeople;
  // Only L1 and L2 remain leaders; L2 is from wuhan; L3 drops to 正处.
  const std::string deputy_bureau = "rank: 副厅, safety_supervision: true}\n  - {id: D1";
  people.replace(people.find(deputy_bureau), std::string("rank: 副厅").size(), "rank: 正处");
  // L1 cannot be away in March.
  const std::string bureau = "rank: 正厅, safety_supervision: true}";
  people.replace(people.find(bureau), bureau.size(),
                 "rank: 正厅, safety_supervision: true, unavailable: [{from: 2027-03-01, to: 2027-03-31}]}");
  Case c(people);
  CHECK_FALSE(c.result.feasible);
  CHECK(c.result.proven);
  CHECK_MESSAGE(c.problems().find("leaders") != std::string::npos, c.problems());
  CHECK_MESSAGE(c.problems().find("conflict of interest with wuhan") != std::string::npos, c.problems());
  // The shortage as fields (issue 25, item 6): roles, people needed and available, cycle, period;
  // teams on site at once are counted in teams.
  const auto& p = c.result.problems.front();
  CHECK(p.needed > p.available);
  REQUIRE_FALSE(p.roles.empty());
  CHECK(std::any_of(p.roles.begin(), p.roles.end(), [](const auto& r) { return r.first == Role::leader; }));
  CHECK_FALSE(p.cycle.empty());
  CHECK(p.from.has_value());
  CHECK(c.problems().find("1 people") == std::string::npos);
}

TEST_CASE("staff: infeasible, the policy's team does not fit the team size") {
  Case c(kPeople, "kind: policy\nversion: 1\nstaff_members: 5\n");
  CHECK_FALSE(c.result.feasible);
  CHECK(c.result.proven);
  CHECK(c.problems().find("cannot make the team size") != std::string::npos);
}

TEST_CASE("staff: --keep after one person leaves changes only that person's seats") {
  Case first;
  REQUIRE(first.result.feasible);
  // Load the first plan back as the earlier plan.
  auto earlier = test::load_texts({{"plan.yaml", first.yaml()}});
  staff::Options o;
  o.keep_teams = earlier.data.teams;
  for (const auto& t : earlier.data.tours)
    if (!t.team.empty()) o.keep_tours.push_back(t);
  // The deputy of team 1 leaves.
  std::string gone = first.result.teams[0].deputies[0];
  std::string people = kPeople;
  auto at = people.find("  - {id: " + gone + ",");
  people.erase(at, people.find('\n', at) + 1 - at);
  Case second(people, "", o);
  REQUIRE_MESSAGE(second.result.feasible, second.problems());
  REQUIRE(!second.result.changes.empty());
  for (const auto& ch : second.result.changes) CHECK_MESSAGE(ch.before == gone, (ch.before + " -> " + ch.after));
  auto d = second.check(people);
  CHECK_MESSAGE(d.empty(), texts(d));
}

TEST_CASE("staff: the same seed gives the same plan; every seed gives a valid one") {
  Case a, b;
  CHECK(a.yaml() == b.yaml());
  for (std::uint64_t seed : {2u, 3u, 17u}) {
    staff::Options o;
    o.seed = seed;
    Case c(kPeople, "", o);
    REQUIRE(c.result.feasible);
    auto d = c.check();
    CHECK_MESSAGE(d.empty(), texts(d));
  }
}

TEST_CASE("staff: expert fields matched to the region's industries") {
  Case c;
  REQUIRE(c.result.feasible);
  CHECK(c.serves("E1", "P1"));  // 危险化学品 for wuhan
  CHECK(c.serves("E2", "P3"));  // 冶金 for huangshi
  CHECK(c.result.terms.fields == 0);  // xiangyang (P2) records no industries: not counted
}

// Last cycle: D1, Y1, M1 and M2 served together on one team.
constexpr const char* kLastCycle = R"(kind: teams
version: 1
teams:
  - {id: G2025-1, cycle: 2025-2026, leader: L1, deputies: [D1], liaison: Y1, members: [M1, M2], experts: [E3]}
---
kind: tours
version: 1
tours:
  - {id: T2025, region: xiangyang, team: G2025-1, start: 2025-04-01, end: 2025-04-10}
---
kind: appointments
version: 1
appointments:
  - {id: A2025, person: E3, tour: T2025}
)";

TEST_CASE("staff: last cycle's team-mates apart, or together, as the policy prefers") {
  auto together_pairs = [](const Case& c) {
    const std::set<std::string> last{"L1", "D1", "Y1", "M1", "M2", "E3"};
    int together = 0, seated = 0;
    for (const auto& g : c.result.teams) {
      std::set<std::string> team;
      for (const auto& s : g.stints)
        for (const auto& p : c.on(c.loaded.data.tours[s.tour].id))
          if (last.count(p)) team.insert(p);
      seated += static_cast<int>(team.size());
      together += static_cast<int>(team.size() * (team.size() - 1) / 2);
    }
    return std::pair{together, seated};
  };
  Case apart(kPeople, kLastCycle);
  REQUIRE(apart.result.feasible);
  CHECK(apart.result.terms.pairs == 0);
  CHECK(together_pairs(apart).first == 0);
  Case together(kPeople, std::string(kLastCycle) + "---\nkind: policy\nversion: 1\nstaff_pairs_together: true\n");
  REQUIRE(together.result.feasible);
  CHECK(together.result.terms.pairs == 0);  // every pair of them that serves, serves on one team
  auto [pairs, seated] = together_pairs(together);
  CHECK(pairs == seated * (seated - 1) / 2);
  CHECK(together.check(kPeople, kLastCycle).size() == 0);
}

TEST_CASE("team rules: the shared predicates") {
  Case c;
  const auto& data = c.loaded.data;
  CHECK(rules::role_faults(data, Role::leader, *data.person("L1")).empty());
  CHECK_FALSE(rules::role_faults(data, Role::leader, *data.person("D1")).empty());
  CHECK(rules::role_faults(data, Role::liaison, *data.person("Y1")).empty());
  CHECK_FALSE(rules::role_faults(data, Role::liaison, *data.person("M1")).empty());
  CHECK_FALSE(rules::role_faults(data, Role::member, *data.person("E1")).empty());
  CHECK_FALSE(rules::conflict(data, *data.person("D4"), "wuhan").empty());
  CHECK(rules::overlaps(test::day("2027-03-01"), test::day("2027-03-10"), test::day("2027-03-10"), test::day("2027-03-12")));
  CHECK_FALSE(rules::overlaps(test::day("2027-03-01"), test::day("2027-03-10"), test::day("2027-03-11"), test::day("2027-03-12")));
}

}  // namespace xuncha
