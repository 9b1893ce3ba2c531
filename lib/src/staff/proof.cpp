// Why no team plan exists for a cycle: deficient sets of seats (Hall's condition), in the
// office's terms, with the numbers and the people excluded and why.
#include "instance.hpp"

#include <xuncha/rules/team_rules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace xuncha::staff::detail {
namespace {

std::string batch_name(const Instance& in, Date d) {
  const BatchWindow* b = batch_holding(in.pol, d);
  return b ? b->name : std::string();
}

Message role_qualification(Role r) {
  switch (r) {
    case Role::leader: return {"熟悉安全监管的厅级干部（组长）", "bureau-level cadres who know safety supervision (leaders)"};
    case Role::deputy: return {"从事安全监管的现职处级干部（副组长）", "serving division-level cadres in safety supervision (deputies)"};
    case Role::liaison: return {"应急管理部门人员（联络员）", "people of the emergency management department (liaisons)"};
    case Role::member: return {"省安委会成员单位人员（成员）", "people of committee member units (members)"};
    case Role::expert: return {"专家库专家（专家）", "experts of the pool (experts)"};
  }
  return {"", ""};
}

// The reason for a deficient set of seats: what they need, who is free, who is excluded.
Problem deficiency(const Instance& in, const Message& where, const std::vector<Seat>& seats,
                   const std::vector<std::size_t>& set, const std::vector<int>& person) {
  std::map<Role, int> need;
  std::set<int> free;
  for (auto s : set) {
    ++need[seats[s].role];
    for (int c : seats[s].candidates) free.insert(c);
  }
  (void)person;
  int total = 0;
  std::string need_zh, need_en;
  for (auto [role, n] : need) {
    total += n;
    auto q = role_qualification(role);
    need_zh += fmt::format("{}{} 名{}", need_zh.empty() ? "" : "、", n, q.zh);
    need_en += fmt::format("{}{} {}", need_en.empty() ? "" : ", ", n, q.en);
  }
  std::string free_zh, free_en;
  // Named up to twelve (a shortage of one among sixty would otherwise fill the screen with names).
  constexpr std::size_t named = 12;
  std::size_t listed = 0;
  for (int p : free) {
    if (listed++ == named) break;
    free_zh += (free_zh.empty() ? "" : "、") + person_label_zh(in.data, p);
    free_en += (free_en.empty() ? "" : ", ") + person_label_en(in.data, p);
  }
  if (free.size() > named) {
    free_zh += fmt::format(" 等 {} 人", free.size());
    free_en += fmt::format(" and {} more", free.size() - named);
  }
  // Qualified for one of the roles but not free for these seats: say why.
  std::string out_zh, out_en;
  int shown = 0, more = 0;
  for (std::size_t p = 0; p < in.data.people.size(); ++p) {
    int pi = static_cast<int>(p);
    if (free.count(pi)) continue;
    Why first = Why::unqualified;
    std::string detail;
    for (auto s : set) {
      std::string d;
      Why w = in.eligible(pi, seats[s].role, seats[s].slot, seats[s].tour, &d);
      if (w != Why::unqualified) {
        first = w;
        detail = d;
        break;
      }
    }
    if (first == Why::unqualified || first == Why::ok) continue;
    if (shown >= 8) {
      ++more;
      continue;
    }
    ++shown;
    auto w = why_text(in, first, detail);
    out_zh += fmt::format("{}{}{}", out_zh.empty() ? "" : "；", person_label_zh(in.data, pi), w.zh);
    out_en += fmt::format("{}{}: {}", out_en.empty() ? "" : "; ", person_label_en(in.data, pi), w.en);
  }
  if (more) {
    out_zh += fmt::format("；另有 {} 人", more);
    out_en += fmt::format("; {} more", more);
  }
  // Whether the shortage rests on the days cap: someone qualified is kept out of a seat by it.
  int cap = 0;
  if (in.pol.staff_max_days > 0)
    for (std::size_t p = 0; p < in.data.people.size() && cap == 0; ++p)
      if (!free.count(static_cast<int>(p)))
        for (auto s : set)
          if (in.eligible(static_cast<int>(p), seats[s].role, seats[s].slot, seats[s].tour) == Why::over_cap) {
            cap = in.pol.staff_max_days;
            break;
          }
  if (cap > 0) {
    out_zh += fmt::format("。此结论依赖每人每年在场至多 {} 天的上限（政策 staff_max_days）", cap);
    out_en += fmt::format(". This rests on the cap of {} days on site per person and calendar year (policy staff_max_days)", cap);
  }
  Problem p(Message{fmt::format("{}：需要 {} 人（{}），符合条件且有空的只有 {} 人{}{}{}", where.zh, total, need_zh, free.size(),
                         free.empty() ? "" : "：", free_zh, out_zh.empty() ? "" : "。被排除：" + out_zh),
             fmt::format("{}: {} {} needed ({}); only {} {} and {} free{}{}{}", where.en, total,
                         total == 1 ? "person" : "people", need_en, free.size(), free.size() == 1 ? "qualifies" : "qualify",
                         free.size() == 1 ? "is" : "are", free.empty() ? "" : ": ", free_en,
                         out_en.empty() ? "" : ". Excluded: " + out_en)});
  p.roles.assign(need.begin(), need.end());
  p.needed = total;
  p.available = static_cast<int>(free.size());
  p.day_cap = cap;
  return p;
}

Seat seat_with(const Instance& in, std::size_t slot, Role role, int tour, bool any_tour) {
  Seat s;
  s.slot = slot;
  s.role = role;
  s.tour = tour;
  for (std::size_t p = 0; p < in.data.people.size(); ++p) {
    int pi = static_cast<int>(p);
    bool ok = false;
    if (any_tour) {
      for (auto t : in.slots[slot].tours) ok = ok || in.eligible(pi, role, slot, static_cast<int>(t)) == Why::ok;
    } else {
      ok = in.eligible(pi, role, slot, tour) == Why::ok;
    }
    if (ok) s.candidates.push_back(pi);
  }
  return s;
}

// Tries a relaxation: adds the reason (with the cycle and period, when one) when its seats cannot
// all be filled.
bool deficient(const Instance& in, const Message& where, std::vector<Seat> seats, std::vector<Problem>& out,
               const std::string& cycle, std::optional<Date> from = {}, std::optional<Date> to = {}) {
  Assignment a;
  a.seats = std::move(seats);
  std::vector<std::size_t> hall;
  if (match(in, a, &hall) == 0) return false;
  out.push_back(deficiency(in, where, a.seats, hall, a.person));
  out.back().cycle = cycle;
  out.back().from = from;
  out.back().to = to;
  return true;
}

}  // namespace

std::vector<Problem> prove(const Instance& in, std::size_t cycle) {
  std::vector<Problem> out;
  const auto& pol = in.pol;
  const auto& label = in.cycles[cycle].label;
  // 1. A team's fixed staff must be free for all its tours; every tour needs a leader and experts.
  for (auto slot : in.cycles[cycle].slots) {
    const auto& s = in.slots[slot];
    std::string tours_zh, tours_en;
    for (auto t : s.tours) {
      const Tour& x = *in.tours[t].tour;
      const Region* r = in.data.region(x.region);
      tours_zh += fmt::format("{}{}", tours_zh.empty() ? "" : "、", r ? r->name : x.region);
      tours_en += fmt::format("{}{}", tours_en.empty() ? "" : ", ", x.region);
    }
    Message where{fmt::format("{} 周期第 {} 组（{}，巡查 {}）", label, s.number, s.id, tours_zh),
                  fmt::format("cycle {} team {} ({}, touring {})", label, s.number, s.id, tours_en)};
    std::vector<Seat> seats;
    for (int k = 0; k < pol.staff_deputies; ++k) seats.push_back(seat_with(in, slot, Role::deputy, -1, false));
    seats.push_back(seat_with(in, slot, Role::liaison, -1, false));
    for (int k = 0; k < in.members; ++k) seats.push_back(seat_with(in, slot, Role::member, -1, false));
    if (deficient(in, where, seats, out, label)) continue;
    for (auto t : s.tours) {
      const Tour& x = *in.tours[t].tour;
      Message at{fmt::format("{}的巡查 {}（{}—{}）", where.zh, x.id, format_iso(in.tours[t].start), format_iso(in.tours[t].end)),
                 fmt::format("{}, tour {} ({} to {})", where.en, x.id, format_iso(in.tours[t].start), format_iso(in.tours[t].end))};
      std::vector<Seat> per;
      per.push_back(seat_with(in, slot, Role::leader, static_cast<int>(t), false));
      for (int k = 0; k < in.experts; ++k) per.push_back(seat_with(in, slot, Role::expert, static_cast<int>(t), false));
      if (deficient(in, at, per, out, label, in.tours[t].start, in.tours[t].end)) break;
    }
  }
  if (!out.empty()) return out;
  // 2. Teams on site at once: their fixed staff and each tour's leader and experts, all different people.
  std::set<std::vector<std::size_t>> tried;
  for (auto slot : in.cycles[cycle].slots)
    for (auto t0 : in.slots[slot].tours) {
      Date day = in.tours[t0].start;
      std::vector<std::size_t> at_once;
      for (auto s2 : in.cycles[cycle].slots)
        for (auto t : in.slots[s2].tours)
          if (!(in.tours[t].end < day) && !(day < in.tours[t].start)) at_once.push_back(t);
      std::sort(at_once.begin(), at_once.end());
      if (at_once.size() < 2 || !tried.insert(at_once).second) continue;
      std::vector<Seat> seats;
      std::set<std::size_t> teams;
      for (auto t : at_once) {
        std::size_t s = in.tours[t].slot;
        teams.insert(s);
        seats.push_back(seat_with(in, s, Role::leader, static_cast<int>(t), false));
        for (int k = 0; k < in.experts; ++k) seats.push_back(seat_with(in, s, Role::expert, static_cast<int>(t), false));
      }
      for (auto s : teams) {
        for (int k = 0; k < pol.staff_deputies; ++k) seats.push_back(seat_with(in, s, Role::deputy, -1, false));
        seats.push_back(seat_with(in, s, Role::liaison, -1, false));
        for (int k = 0; k < in.members; ++k) seats.push_back(seat_with(in, s, Role::member, -1, false));
      }
      std::string b = batch_name(in, day);
      std::string bz = b == "spring" ? "春季" : b == "autumn" ? "秋季" : b;
      // (Counted in teams: a team tours one region at a time, so each of these tours is another team's.)
      Message where{fmt::format("{} 年{}（{}）：{} 个巡查组同时在场", year_of(day), bz, format_iso(day), teams.size()),
                    fmt::format("{} {} ({}): {} teams on site at once", year_of(day), b, format_iso(day), teams.size())};
      if (deficient(in, where, std::move(seats), out, label, day, day)) return out;
    }
  // 3. The whole cycle: nobody serves on two teams, so the teams' fixed staff, and at least one
  // leader and the experts of each team, are all different people.
  std::vector<Seat> seats;
  for (auto slot : in.cycles[cycle].slots) {
    seats.push_back(seat_with(in, slot, Role::leader, -1, true));
    for (int k = 0; k < in.experts; ++k) seats.push_back(seat_with(in, slot, Role::expert, -1, true));
    for (int k = 0; k < pol.staff_deputies; ++k) seats.push_back(seat_with(in, slot, Role::deputy, -1, false));
    seats.push_back(seat_with(in, slot, Role::liaison, -1, false));
    for (int k = 0; k < in.members; ++k) seats.push_back(seat_with(in, slot, Role::member, -1, false));
  }
  Message where{fmt::format("{} 周期的 {} 个巡查组（每人每周期只在一个组）", label, in.cycles[cycle].slots.size()),
                fmt::format("the {} teams of cycle {} (one team per person and cycle)", in.cycles[cycle].slots.size(), label)};
  deficient(in, where, std::move(seats), out, label);
  return out;
}

}  // namespace xuncha::staff::detail
