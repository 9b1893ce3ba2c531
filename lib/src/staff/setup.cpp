// The team plan's instance: cycles, team slots, availability and who may take which seat.
#include "instance.hpp"

#include <xuncha/rules/team_rules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace xuncha::staff::detail {
namespace {

std::string region_name(const Dataset& data, const std::string& id) {
  const Region* r = data.region(id);
  return r ? r->name : id;
}

}  // namespace

std::vector<int> Instance::seat_tours(std::size_t slot, int tour) const {
  std::vector<int> out;
  if (tour >= 0) out.push_back(tour);
  else
    for (auto t : slots[slot].tours) out.push_back(static_cast<int>(t));
  return out;
}

std::map<int, int> Instance::seat_days(std::size_t slot, int tour) const {
  std::map<int, int> out;
  for (int t : seat_tours(slot, tour)) out[tours[static_cast<std::size_t>(t)].year] += tours[static_cast<std::size_t>(t)].days;
  return out;
}

Why Instance::eligible(int p, Role role, std::size_t slot, int tour, std::string* detail) const {
  const Person& person = data.people[static_cast<std::size_t>(p)];
  if (!qualified[static_cast<std::size_t>(p)][static_cast<std::size_t>(role)]) return Why::unqualified;
  auto seat = seat_tours(slot, tour);
  if (pol.conflict_of_interest)
    for (int t : seat) {
      const auto& region = tours[static_cast<std::size_t>(t)].tour->region;
      if (!rules::conflict(data, person, region).empty()) {
        if (detail) *detail = region;
        return Why::conflict;
      }
    }
  for (int t : seat) {
    const auto& ti = tours[static_cast<std::size_t>(t)];
    for (const auto& u : person.unavailable)
      if (rules::overlaps(u.from, u.to, ti.start, ti.end)) {
        if (detail)
          *detail = fmt::format("{}—{}{}{}", format_iso(u.from), format_iso(u.to), u.reason.empty() ? "" : " ", u.reason);
        return Why::unavailable;
      }
    const auto& b = busy[static_cast<std::size_t>(p)];
    for (std::size_t i = 0; i < b.size(); ++i)
      if (rules::overlaps(b[i].first, b[i].second, ti.start, ti.end)) {
        if (detail) *detail = busy_tour[static_cast<std::size_t>(p)][i];
        return Why::busy;
      }
  }
  if (pol.staff_max_days > 0)
    for (auto [year, d] : seat_days(slot, tour)) {
      auto it = days_before[static_cast<std::size_t>(p)].find(year);
      int total = d + (it == days_before[static_cast<std::size_t>(p)].end() ? 0 : it->second);
      if (total > pol.staff_max_days) {
        if (detail) *detail = fmt::format("{}:{}", year, total);
        return Why::over_cap;
      }
    }
  const auto& label = cycles[slots[slot].cycle].label;
  const auto& dc = data_cycles[static_cast<std::size_t>(p)];
  if (std::find(dc.begin(), dc.end(), label) != dc.end()) {
    if (detail) *detail = label;
    return Why::taken;
  }
  return Why::ok;
}

namespace {

// "2026-2027" → {2026, 2027}, "2027" → {2027, 2027}; anything else: none.
std::optional<std::pair<int, int>> years_of_label(std::string_view s) {
  auto year = [](std::string_view x) -> std::optional<int> {
    if (x.size() != 4 || !std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return std::stoi(std::string(x));
  };
  auto dash = s.find('-');
  auto a = year(s.substr(0, dash));
  auto b = dash == std::string_view::npos ? a : year(s.substr(dash + 1));
  if (!a || !b || *b < *a) return std::nullopt;
  return std::pair{*a, *b};
}

// A cycle is named by the years of the tours it staffs (tours in 2028 only: "2028", team ids
// G2028-n), not by the horizon's grid (2027-2028) that groups them. A data cycle sharing a year
// with a cycle of the plan is a second team for its fixed staff in that year: said in a note.
void name_cycles(Instance& in) {
  for (std::size_t c = 0; c < in.cycles.size(); ++c) {
    int lo = INT_MAX, hi = 0;
    for (auto s : in.cycles[c].slots)
      for (auto t : in.slots[s].tours) lo = std::min(lo, in.tours[t].year), hi = std::max(hi, in.tours[t].year);
    if (hi == 0) continue;
    in.cycles[c].first_year = lo;
    in.cycles[c].label = lo == hi ? std::to_string(lo) : fmt::format("{}-{}", lo, hi);
  }
  std::map<std::string, std::vector<std::string>> data_cycles;  // label → team ids
  for (const auto& g : in.data.teams)
    if (!g.cycle.empty()) data_cycles[g.cycle].push_back(g.id);
  for (const auto& c : in.cycles) {
    auto mine = years_of_label(c.label);
    for (const auto& [label, teams] : data_cycles) {
      auto theirs = years_of_label(label);
      if (label == c.label || !mine || !theirs || theirs->second < mine->first || mine->second < theirs->first) continue;
      int a = std::max(mine->first, theirs->first), b = std::min(mine->second, theirs->second);
      std::string years = a == b ? std::to_string(a) : fmt::format("{}-{}", a, b);
      std::string ids;
      for (std::size_t k = 0; k < teams.size() && k < 4; ++k) ids += (k ? ", " : "") + teams[k];
      if (teams.size() > 4) ids += ", …";
      in.notes.push_back(
          {fmt::format("本方案的 {} 周期与数据中的 {} 周期（巡查组 {}）在 {} 年重叠：两者是不同的工作周期，"
                       "数据中该周期的固定人员可再被编入本方案的巡查组；若本是同一周期，请把数据中巡查组的 cycle 改为 {}",
                       c.label, label, ids, years, c.label),
           fmt::format("cycle {} of this plan overlaps the data's cycle {} (teams {}) in {}: they are different work "
                       "cycles, so the fixed staff of the data's cycle may join this plan's teams too; if they are one "
                       "cycle, set the data teams' cycle to {}",
                       c.label, label, ids, years, c.label)});
    }
  }
}

}  // namespace

void setup(Instance& in, const std::vector<std::size_t>& tours) {
  const auto& data = in.data;
  in.cycle_years = in.options.cycle_years > 0 ? in.options.cycle_years : std::max(1, in.pol.cadence_years);
  int anchor = 0;
  for (auto i : tours) {
    const Tour& t = data.tours[i];
    int y = year_of(*t.start);
    int a = t.plan_from > 0 && t.plan_from <= y ? t.plan_from : y;
    if (anchor == 0 || a < anchor) anchor = a;
  }
  // Cycles and team slots. Tours without a team number each get a team of their own.
  std::map<int, std::size_t> cycle_of_first;
  std::map<std::pair<std::size_t, int>, std::size_t> slot_of;
  std::vector<std::size_t> order(tours);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Tour& x = data.tours[a];
    const Tour& y = data.tours[b];
    if (*x.start != *y.start) return *x.start < *y.start;
    return x.id < y.id;
  });
  std::map<std::size_t, int> next_free;  // cycle → next slot number for tours without one
  for (auto i : order) {
    const Tour& t = data.tours[i];
    int y = year_of(*t.start);
    int first = anchor + (y - anchor) / in.cycle_years * in.cycle_years;
    auto [cit, fresh] = cycle_of_first.emplace(first, in.cycles.size());
    if (fresh) {
      CycleInfo c;
      c.first_year = first;
      c.label = in.cycle_years == 1 ? std::to_string(first) : fmt::format("{}-{}", first, first + in.cycle_years - 1);
      in.cycles.push_back(std::move(c));
    }
    std::size_t ci = cit->second;
    TourInfo ti;
    ti.data_index = i;
    ti.tour = &t;
    ti.start = *t.start;
    ti.end = *t.end;
    ti.year = y;
    ti.days = static_cast<int>((*t.end - *t.start).count()) + 1;
    in.tours.push_back(ti);
    if (t.team_slot > 0) next_free[ci] = std::max(next_free[ci], t.team_slot);
  }
  for (std::size_t k = 0; k < in.tours.size(); ++k) {
    auto& ti = in.tours[k];
    int y = ti.year;
    std::size_t ci = cycle_of_first.at(anchor + (y - anchor) / in.cycle_years * in.cycle_years);
    int number = ti.tour->team_slot > 0 ? ti.tour->team_slot : ++next_free[ci];
    auto [sit, fresh] = slot_of.emplace(std::pair{ci, number}, in.slots.size());
    if (fresh) {
      Slot s;
      s.cycle = ci;
      s.number = number;
      in.slots.push_back(std::move(s));
      in.cycles[ci].slots.push_back(sit->second);
    }
    ti.slot = sit->second;
    in.slots[sit->second].tours.push_back(k);
  }
  for (auto& c : in.cycles)
    std::sort(c.slots.begin(), c.slots.end(),
              [&](std::size_t a, std::size_t b) { return in.slots[a].number < in.slots[b].number; });
  name_cycles(in);
  // Team ids: G<first year>-<number>, unique against the data's teams.
  for (auto& s : in.slots) {
    std::string base = fmt::format("G{}-{}", in.cycles[s.cycle].first_year, s.number);
    std::string id = base;
    for (int n = 2; data.team(id) || data.team(id + "b"); ++n) id = fmt::format("{}-{}", base, n);
    s.id = id;
  }
  // A team tours one region at a time.
  for (const auto& s : in.slots)
    for (std::size_t a = 1; a < s.tours.size(); ++a) {
      const auto& x = in.tours[s.tours[a - 1]];
      const auto& y = in.tours[s.tours[a]];
      if (!(x.end < y.start))
        in.problems.push_back(
            {fmt::format("{} 年第 {} 组的巡查 {}（{}）与 {}（{}）日期重叠：同一巡查组不能同时巡查两地", x.year, s.number,
                         x.tour->id, region_name(data, x.tour->region), y.tour->id, region_name(data, y.tour->region)),
             fmt::format("{} team {}: tours {} ({}) and {} ({}) overlap; a team tours one region at a time", x.year,
                         s.number, x.tour->id, x.tour->region, y.tour->id, y.tour->region)});
    }
  // What the data already asks of everyone: their teams' dated tours and the cycles they serve.
  std::size_t n = data.people.size();
  in.busy.assign(n, {});
  in.busy_tour.assign(n, {});
  in.days_before.assign(n, {});
  in.data_cycles.assign(n, {});
  in.unit_of.assign(n, -1);
  in.qualified.assign(n, {});
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t r = 0; r < 5; ++r) in.qualified[p][r] = rules::role_faults(data, static_cast<Role>(r), data.people[p]).empty();
  for (std::size_t p = 0; p < n; ++p)
    if (auto it = data.unit_index.find(data.people[p].unit); it != data.unit_index.end())
      in.unit_of[p] = static_cast<int>(it->second);
  std::vector<std::vector<const Tour*>> team_tours(data.teams.size());
  for (const auto& t : data.tours)
    if (!t.team.empty())
      if (auto it = data.team_index.find(t.team); it != data.team_index.end()) team_tours[it->second].push_back(&t);
  for (std::size_t g = 0; g < data.teams.size(); ++g) {
    std::set<std::size_t> people, fixed;
    for (const auto& [role, id] : data.teams[g].everyone())
      if (auto it = data.person_index.find(id); it != data.person_index.end()) {
        people.insert(it->second);
        // One team per cycle binds the fixed staff (rule T118); leaders are chosen per task and
        // experts engaged per tour.
        if (role != Role::leader && role != Role::expert) fixed.insert(it->second);
      }
    for (auto p : people) {
      if (!data.teams[g].cycle.empty() && fixed.count(p)) in.data_cycles[p].push_back(data.teams[g].cycle);
      for (const Tour* t : team_tours[g]) {
        if (!rules::dated(*t)) continue;
        in.busy[p].emplace_back(*t->start, *t->end);
        in.busy_tour[p].push_back(t->id);
        in.days_before[p][year_of(*t->start)] += static_cast<int>((*t->end - *t->start).count()) + 1;
      }
    }
  }
  // Team make-up: the fewest members and experts the policy's ranges allow, raised (members first)
  // to reach the team size and the experts every team needs (T119). An extra expert only adds days
  // on site; an extra member may lower the unit-share term, so plan() tries every member count up
  // to members_hi (within the range and the team size).
  const auto& pol = in.pol;
  in.members = pol.members_min;
  in.experts = std::max(pol.staff_experts_min, pol.experts_min);
  auto size = [&] { return 1 + pol.staff_deputies + 1 + in.members + in.experts; };
  while (size() < pol.team_min && in.members < pol.members_max) ++in.members;
  while (size() < pol.team_min && in.experts < pol.staff_experts_max) ++in.experts;
  in.members_lo = in.members_hi = in.members;
  while (in.members_hi < pol.members_max && size() - in.members + in.members_hi + 1 <= pol.team_max) ++in.members_hi;
  // Rule T119 (II.2): every team has safety experts; a plan with fewer per tour would break it.
  if (pol.staff_experts_max < pol.experts_min)
    in.problems.push_back(
        {fmt::format("政策每次巡查至多安排 {} 名专家（team_experts），少于每组至少 {} 名专家（experts_min，II.2，规则 T119）",
                     pol.staff_experts_max, pol.experts_min),
         fmt::format("the policy plans at most {} expert{} per tour (team_experts), fewer than the {} every team needs "
                     "(experts_min, II.2, rule T119)",
                     pol.staff_experts_max, pol.staff_experts_max == 1 ? "" : "s", pol.experts_min)});
  else if (pol.members_min > pol.members_max || pol.staff_experts_min > pol.staff_experts_max || size() < pol.team_min ||
           size() > pol.team_max)
    in.problems.push_back(
        {fmt::format("政策要求每组 1 名组长、{} 名副组长、1 名联络员、{}—{} 名成员、{}—{} 名专家，"
                     "无法凑成规定的 {}—{} 人（staff_deputies、team_members、team_experts、team_size）",
                     pol.staff_deputies, pol.members_min, pol.members_max, pol.staff_experts_min, pol.staff_experts_max,
                     pol.team_min, pol.team_max),
         fmt::format("the policy asks for 1 leader, {} deputies, 1 liaison, {}-{} members and {}-{} experts per team, "
                     "which cannot make the team size {}-{} (staff_deputies, team_members, team_experts, team_size)",
                     pol.staff_deputies, pol.members_min, pol.members_max, pol.staff_experts_min, pol.staff_experts_max,
                     pol.team_min, pol.team_max)});
}

std::string person_label_zh(const Dataset& data, int p) {
  const Person& x = data.people[static_cast<std::size_t>(p)];
  return fmt::format("{}（{}）", x.name, x.id);
}

std::string person_label_en(const Dataset& data, int p) {
  const Person& x = data.people[static_cast<std::size_t>(p)];
  return fmt::format("{} ({})", x.name, x.id);
}

Message role_text(Role r) {
  static constexpr std::array<std::string_view, 5> en{"leader", "deputy leader", "liaison", "member", "expert"};
  return {std::string(role_zh[static_cast<std::size_t>(r)]), std::string(en[static_cast<std::size_t>(r)])};
}

Message why_text(const Instance& in, Why w, const std::string& detail) {
  switch (w) {
    case Why::ok: return {"可以", "free"};
    case Why::unqualified: return {"不符合条件", "not qualified"};
    case Why::conflict:
      return {fmt::format("与{}有回避关系", region_name(in.data, detail)), fmt::format("conflict of interest with {}", detail)};
    case Why::unavailable: return {fmt::format("不能参加（{}）", detail), fmt::format("unavailable ({})", detail)};
    case Why::busy: return {fmt::format("同时在巡查 {}", detail), fmt::format("already on tour {}", detail)};
    case Why::over_cap: {
      auto colon = detail.find(':');
      std::string year = detail.substr(0, colon), days = detail.substr(colon + 1);
      return {fmt::format("{} 年在场将达 {} 天，超过上限 {} 天", year, days, in.pol.staff_max_days),
              fmt::format("{} days on site in {}, over the cap of {}", days, year, in.pol.staff_max_days)};
    }
    case Why::taken: return {fmt::format("已在本周期（{}）的另一巡查组", detail), fmt::format("already on a team of cycle {}", detail)};
  }
  return {"", ""};
}

}  // namespace xuncha::staff::detail
