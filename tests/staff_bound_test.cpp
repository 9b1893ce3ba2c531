// The team plan's lower bound (lib/src/staff/bound.cpp) against the optimum found by brute force
// on small instances: one team of three tours, every assignment of people to its seats (leaders
// and experts tour by tour, so any split between the tours), the hard rules checked as the search
// checks them. The bound never passes the optimum; no plan of the generator beats it (the same
// model); how often each is tight is printed.
#include <doctest/doctest.h>

#include "staff/instance.hpp"
#include "test_util.hpp"

#include <xuncha/staff/staff.hpp>

#include <fmt/format.h>

#include <climits>
#include <map>

namespace xuncha {
namespace {

using namespace staff::detail;

std::string instance_yaml(unsigned seed) {
  auto next = [&seed](int n) {
    seed = seed * 1103515245U + 12345U;
    return static_cast<int>((seed >> 16) % static_cast<unsigned>(n));
  };
  std::string s = R"(kind: regions
version: 1
regions:
  - {id: wuhan, name: 武汉市, class: city, counties: 13, industries: [危险化学品]}
  - {id: xiangyang, name: 襄阳市, class: city, counties: 9, industries: [建筑施工]}
  - {id: huangshi, name: 黄石市, class: city, counties: 6, industries: [冶金]}
---
kind: units
version: 1
units:
  - {id: yjt, name: 省应急管理厅, committee_member: true, emergency_management: true}
  - {id: gat, name: 省公安厅, committee_member: true}
  - {id: zjt, name: 省住建厅, committee_member: true}
  - {id: hgy, name: 省化工院, committee_member: false}
---
kind: people
version: 1
people:
  - {id: L1, name: 王建华, unit: yjt, rank: 正厅, safety_supervision: true}
  - {id: L2, name: 刘国强, unit: gat, rank: 副厅, safety_supervision: true}
  - {id: L3, name: 李卫东, unit: zjt, rank: 副厅, safety_supervision: true}
  - {id: D1, name: 杨帆, unit: gat, rank: 正处, safety_supervision: true}
  - {id: D2, name: 何伟, unit: zjt, rank: 副处, safety_supervision: true}
  - {id: Y1, name: 唐小勇, unit: yjt, rank: 科级}
  - {id: Y2, name: 冯雪, unit: yjt, rank: 科级}
  - {id: M1, name: 程亮, unit: gat, rank: 科级}
  - {id: M2, name: 曹静, unit: zjt, rank: 科级}
  - {id: E1, name: 黎明, unit: hgy, expert: {pool_id: ZJ-01, field: 危险化学品}}
  - {id: E2, name: 邹立, unit: hgy, expert: {pool_id: ZJ-02, field: 冶金}}
  - {id: E3, name: 易军, unit: hgy, expert: {pool_id: ZJ-03, field: 建筑施工}}
---
kind: teams
version: 1
teams:
  - {id: G0, cycle: "2026", leader: L1, deputies: [D2], liaison: Y2, members: [M2], experts: [E3]}
---
kind: tours
version: 1
tours:
)";
  // Days the data already has in 2027 for G0's people: some seeds above staff_fair_days.
  s += fmt::format("  - {{id: T0, region: xiangyang, kind: regular, year: 2027, start: 2027-01-04, end: 2027-01-{:02}, team: G0}}\n",
                   4 + 8 + next(12));
  s += "---\nkind: schedule\nversion: 1\nfrom: 2027\ntours:\n";
  const char* regions[] = {"wuhan", "xiangyang", "huangshi"};
  Date day = *parse_iso_date("2027-03-01");
  for (int k = 0; k < 3; ++k) {
    Date end = day + date::days{6 + next(8)};
    s += fmt::format("  - {{id: P{}, region: {}, kind: regular, year: 2027, team_slot: 1, start: {}, end: {}}}\n", k + 1,
                     regions[k], format_iso(day), format_iso(end));
    day = end + date::days{2};
  }
  s += fmt::format("---\nkind: policy\nversion: 1\nstaff_fair_days: {}\nstaff_max_days: {}\nteam_members: {{min: 1, max: 1}}\n"
                   "team_experts: {{min: 1, max: 1}}\nstaff_weight_fields: {}\n",
                   8 + next(10), 30 + next(15), 1 + next(30));
  return s;
}

// The least weighted objective over every assignment that keeps the hard rules.
long long brute_force(const Instance& in, const std::vector<Seat>& seats) {
  Assignment a;
  a.seats = seats;
  a.person.assign(seats.size(), -1);
  std::map<std::tuple<std::size_t, int, int>, int> groups;  // a fixed seat alone, a seat's atoms together
  std::vector<int> group;
  for (std::size_t s = 0; s < seats.size(); ++s) {
    auto key = seats[s].tour >= 0 ? std::tuple{seats[s].slot, static_cast<int>(seats[s].role), seats[s].position}
                                  : std::tuple{seats[s].slot, -1 - static_cast<int>(s), 0};
    group.push_back(groups.emplace(key, static_cast<int>(groups.size())).first->second);
  }
  long long best = LLONG_MAX;
  auto legal = [&] {
    std::map<int, int> group_of;
    std::map<std::pair<int, int>, int> days;  // (person, year) → days of the plan
    for (std::size_t s = 0; s < seats.size(); ++s) {
      int p = a.person[s];
      auto [it, fresh] = group_of.emplace(p, group[s]);
      if (!fresh && it->second != group[s]) return false;  // one seat (or one seat's tours) per person
      for (auto [y, d] : in.seat_days(seats[s].slot, seats[s].tour)) days[{p, y}] += d;
    }
    for (auto [py, d] : days) {
      const auto& before = in.days_before[static_cast<std::size_t>(py.first)];
      auto it = before.find(py.second);
      if (d + (it == before.end() ? 0 : it->second) > in.pol.staff_max_days) return false;
    }
    return true;
  };
  auto go = [&](auto&& self, std::size_t s) -> void {
    if (s == seats.size()) {
      if (legal()) best = std::min(best, staff::weighted(terms_of(in, 0, a, {}), in.pol));
      return;
    }
    for (int p : seats[s].candidates) {
      a.person[s] = p;
      self(self, s + 1);
    }
  };
  go(go, 0);
  return best;
}

}  // namespace

TEST_CASE("staff bound: never above the brute-force optimum on small instances") {
  int tight = 0, found = 0, split = 0;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    auto loaded = test::load_texts({{"data.yaml", instance_yaml(seed)}});
    REQUIRE_MESSAGE(loaded.ok(), (loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message.en));
    const auto& data = loaded.data;
    auto tours = staff::tours_to_staff(data);
    REQUIRE(tours.size() == 3);
    staff::Options o;
    Instance in(data, o);
    setup(in, tours);
    REQUIRE(in.problems.empty());
    REQUIRE(in.cycles.size() == 1);
    in.members = in.members_lo;
    long long bound = bound_of(in, 0);
    long long optimum = brute_force(in, make_seats(in, 0, std::vector<char>(in.slots.size(), 1)));
    auto r = staff::plan(data, tours, o);
    INFO("seed ", seed, ": bound ", bound, ", optimum ", optimum, ", plan ", r.objective);
    if (optimum == LLONG_MAX) {
      CHECK_FALSE(r.feasible);
      continue;
    }
    CHECK(bound <= optimum);
    REQUIRE(r.feasible);
    CHECK(r.bound == bound);
    CHECK(r.objective >= optimum);
    tight += bound == optimum ? 1 : 0;
    found += r.objective == optimum ? 1 : 0;
    for (const auto& g : r.teams)
      for (const auto& st : g.stints) split += st.leader != g.stints.front().leader ? 1 : 0;
  }
  MESSAGE("of 12 instances: bound equal to the optimum on ", tight, ", plan at the optimum on ", found,
          "; leaders split in the plans: ", split);
  CHECK(found > 0);
  CHECK(split > 0);  // the instances need leaders split between the team's tours
}

TEST_CASE("staff search: the incremental evaluation agrees with terms_of after every search") {
  for (unsigned seed = 1; seed <= 6; ++seed)
    for (bool together : {false, true}) {
      auto loaded = test::load_texts({{"data.yaml", instance_yaml(seed)}});
      REQUIRE(loaded.ok());
      Dataset data = loaded.data;
      data.policy.staff_pairs_together = together;
      data.policy.staff_max_days = 366;  // the days term and the unit share change with every split
      auto tours = staff::tours_to_staff(data);
      staff::Options o;
      Instance in(data, o);
      setup(in, tours);
      REQUIRE(in.problems.empty());
      in.members = in.members_lo;
      Assignment a;
      a.seats = make_seats(in, 0, std::vector<char>(in.slots.size(), 0));
      REQUIRE(match(in, a) == 0);
      Assignment x = expand(a, make_seats(in, 0, std::vector<char>(in.slots.size(), 1)));
      auto id = [&](const char* s) { return static_cast<int>(data.person_index.at(s)); };
      // Last cycle's teams, so the pairs term moves too.
      std::vector<std::vector<int>> previous{{id("L1"), id("D1"), id("Y1"), id("M1"), id("E1")},
                                             {id("L2"), id("L3"), id("D2"), id("M2"), id("E2")}};
      for (long long iterations : {1LL, 7LL, 50LL, 3000LL}) {
        Assignment y = x;
        long long tracked = -1;
        improve(in, 0, y, previous, seed, iterations, &tracked);
        INFO("seed ", seed, ", together ", together, ", iterations ", iterations);
        CHECK(tracked == staff::weighted(terms_of(in, 0, y, previous), in.pol));
      }
    }
}

}  // namespace xuncha
