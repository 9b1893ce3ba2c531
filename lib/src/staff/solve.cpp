// The team plan's search: seats, a maximum matching of seats to people, the soft goals and a
// seeded local search over replace and swap moves.
#include "instance.hpp"

#include <xuncha/rules/team_rules.hpp>

#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace xuncha::staff::detail {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

namespace {

std::uint64_t hash_id(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char ch : s) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
  return h;
}

}  // namespace

bool fields_match(const Person& p, const Region& r) {
  if (!p.expert || r.industries.empty()) return true;
  std::vector<std::string> f = p.expert->fields;
  if (!p.expert->field.empty()) f.push_back(p.expert->field);
  if (f.empty()) return true;  // nothing recorded: not counted
  for (const auto& x : f)
    if (std::find(r.industries.begin(), r.industries.end(), x) != r.industries.end()) return true;
  return false;
}

namespace {

// Static preference of a person for a seat (lower first): keep scarce people for the roles only
// they can fill, keep the burden low.
long long seat_cost(const Instance& in, const Seat& s, int p) {
  const Person& x = in.data.people[static_cast<std::size_t>(p)];
  long long c = 0;
  if (s.role != Role::leader && is_bureau_level(x.rank)) c += 1000;  // the only possible leaders
  if (s.role == Role::member || s.role == Role::liaison) {
    if (rules::deputy_faults(x).empty()) c += 100;  // the only possible deputies
  }
  if (s.role == Role::member && rules::from_emergency_management(in.data, x) && in.unit_of[static_cast<std::size_t>(p)] >= 0)
    c += 50;  // the only possible liaisons
  if (s.role == Role::expert)
    for (int t : in.seat_tours(s.slot, s.tour))
      if (const Region* r = in.data.region(in.tours[static_cast<std::size_t>(t)].tour->region); r && !fields_match(x, *r)) c += 500;
  for (const auto& [y, d] : in.days_before[static_cast<std::size_t>(p)]) c += d;
  return c;
}

}  // namespace

std::vector<Seat> make_seats(const Instance& in, std::size_t cycle, const std::vector<char>& split, CandidateMemo* memo) {
  std::vector<Seat> seats;
  auto add = [&](std::size_t slot, Role role, int tour, int count) {
    for (int k = 0; k < count; ++k) {
      Seat s;
      s.slot = slot;
      s.role = role;
      s.tour = tour;
      s.position = k;
      seats.push_back(std::move(s));
    }
  };
  for (auto slot : in.cycles[cycle].slots) {
    if (split[slot]) {
      for (auto t : in.slots[slot].tours) add(slot, Role::leader, static_cast<int>(t), 1);
    } else {
      add(slot, Role::leader, -1, 1);
    }
    add(slot, Role::deputy, -1, in.pol.staff_deputies);
    add(slot, Role::liaison, -1, 1);
    add(slot, Role::member, -1, in.members);
    if (split[slot]) {
      for (auto t : in.slots[slot].tours) add(slot, Role::expert, static_cast<int>(t), in.experts);
    } else {
      add(slot, Role::expert, -1, in.experts);
    }
  }
  // Candidates once per distinct (slot, role, tour).
  CandidateMemo local;
  if (!memo) memo = &local;
  for (auto& s : seats) {
    auto key = std::tuple{s.slot, static_cast<int>(s.role), s.tour};
    auto it = memo->find(key);
    if (it == memo->end()) {
      std::vector<std::pair<std::pair<long long, std::uint64_t>, int>> ranked;
      for (std::size_t p = 0; p < in.data.people.size(); ++p) {
        int pi = static_cast<int>(p);
        if (in.eligible(pi, s.role, s.slot, s.tour) != Why::ok) continue;
        ranked.push_back({{seat_cost(in, s, pi), mix(in.options.seed ^ hash_id(in.data.people[p].id))}, pi});
      }
      std::sort(ranked.begin(), ranked.end());
      std::vector<int> list;
      for (const auto& r : ranked) list.push_back(r.second);
      it = memo->emplace(key, std::move(list)).first;
    }
    s.candidates = it->second;
  }
  return seats;
}

int match(const Instance& in, Assignment& a, std::vector<std::size_t>* hall) {
  const std::size_t n = a.seats.size();
  a.person.resize(n, -1);
  std::unordered_map<int, std::size_t> seat_of;
  for (std::size_t s = 0; s < n; ++s)
    if (a.person[s] >= 0) seat_of[a.person[s]] = s;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return a.seats[x].candidates.size() < a.seats[y].candidates.size();
  });
  std::vector<char> seen(n, 0);
  std::vector<std::size_t> touched;
  auto augment = [&](auto&& self, std::size_t seat) -> bool {
    for (int c : a.seats[seat].candidates)
      if (!seat_of.count(c)) {
        seat_of[c] = seat;
        a.person[seat] = c;
        return true;
      }
    for (int c : a.seats[seat].candidates) {
      std::size_t other = seat_of.at(c);
      if (other == seat || seen[other]) continue;
      seen[other] = 1;
      touched.push_back(other);
      if (self(self, other)) {
        seat_of[c] = seat;
        a.person[seat] = c;
        return true;
      }
    }
    return false;
  };
  int unfilled = 0;
  for (auto seat : order) {
    if (a.person[seat] >= 0) continue;
    for (auto t : touched) seen[t] = 0;
    touched.assign(1, seat);
    seen[seat] = 1;
    if (!augment(augment, seat)) {
      ++unfilled;
      if (hall && hall->empty()) *hall = touched;
    }
  }
  (void)in;
  return unfilled;
}

Terms terms_of(const Instance& in, std::size_t cycle, const Assignment& a,
               const std::vector<std::vector<int>>& previous_teams) {
  Terms t;
  const auto& pol = in.pol;
  // Units: distinct people of the member units (experts aside) against an even share.
  std::map<int, int> per_unit;
  std::set<int> staff;
  for (std::size_t s = 0; s < a.seats.size(); ++s) {
    int p = a.person[s];
    if (p < 0 || a.seats[s].role == Role::expert) continue;
    if (staff.insert(p).second) ++per_unit[in.unit_of[static_cast<std::size_t>(p)]];
  }
  int units = 0;
  for (const auto& u : in.data.units) units += u.committee_member ? 1 : 0;
  long long share = units > 0 ? (static_cast<long long>(staff.size()) + units - 1) / units : 0;
  for (auto [u, count] : per_unit) t.units += std::max(0LL, count - share);
  // Days: on site per person and year beyond the fair days.
  std::map<int, std::map<int, int>> days;
  for (std::size_t s = 0; s < a.seats.size(); ++s) {
    int p = a.person[s];
    if (p < 0) continue;
    for (auto [y, d] : in.seat_days(a.seats[s].slot, a.seats[s].tour)) days[p][y] += d;
  }
  for (auto& [p, years] : days)
    for (auto [y, d] : years) {
      auto it = in.days_before[static_cast<std::size_t>(p)].find(y);
      int total = d + (it == in.days_before[static_cast<std::size_t>(p)].end() ? 0 : it->second);
      t.days += std::max(0, total - pol.staff_fair_days);
    }
  // Pairs: last cycle's team-mates.
  if (!previous_teams.empty()) {
    std::unordered_map<int, std::vector<std::size_t>> prev;  // person → previous teams
    for (std::size_t g = 0; g < previous_teams.size(); ++g)
      for (int p : previous_teams[g]) prev[p].push_back(g);
    std::map<std::size_t, std::set<int>> team;
    for (std::size_t s = 0; s < a.seats.size(); ++s)
      if (a.person[s] >= 0) team[a.seats[s].slot].insert(a.person[s]);
    auto shared = [&](int x, int y) {
      auto ix = prev.find(x), iy = prev.find(y);
      if (ix == prev.end() || iy == prev.end()) return false;
      for (auto g : ix->second)
        if (std::find(iy->second.begin(), iy->second.end(), g) != iy->second.end()) return true;
      return false;
    };
    long long together = 0;
    for (auto& [slot, people] : team)
      for (auto i = people.begin(); i != people.end(); ++i)
        for (auto j = std::next(i); j != people.end(); ++j) together += shared(*i, *j) ? 1 : 0;
    if (!pol.staff_pairs_together) {
      t.pairs = together;
    } else {
      std::set<int> seated;
      for (auto& [slot, people] : team) seated.insert(people.begin(), people.end());
      std::set<std::pair<int, int>> both;
      for (const auto& g : previous_teams)
        for (std::size_t i = 0; i < g.size(); ++i)
          for (std::size_t j = i + 1; j < g.size(); ++j)
            if (seated.count(g[i]) && seated.count(g[j])) both.insert(std::minmax(g[i], g[j]));
      t.pairs = static_cast<long long>(both.size()) - together;
    }
  }
  // Fields: experts whose recorded fields miss the region's recorded key industries.
  for (std::size_t s = 0; s < a.seats.size(); ++s) {
    if (a.seats[s].role != Role::expert || a.person[s] < 0) continue;
    const Person& x = in.data.people[static_cast<std::size_t>(a.person[s])];
    for (int tt : in.seat_tours(a.seats[s].slot, a.seats[s].tour))
      if (const Region* r = in.data.region(in.tours[static_cast<std::size_t>(tt)].tour->region); r && !fields_match(x, *r))
        ++t.fields;
  }
  (void)cycle;
  return t;
}

int changes_of(const Assignment& a) {
  int n = 0;
  for (std::size_t s = 0; s < a.seats.size(); ++s) n += a.seats[s].kept >= 0 && a.person[s] != a.seats[s].kept ? 1 : 0;
  return n;
}

}  // namespace xuncha::staff::detail
