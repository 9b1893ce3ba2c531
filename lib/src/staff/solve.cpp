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
namespace {

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t hash_id(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char ch : s) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
  return h;
}

bool fields_match(const Person& p, const Region& r) {
  if (!p.expert || r.industries.empty()) return true;
  std::vector<std::string> f = p.expert->fields;
  if (!p.expert->field.empty()) f.push_back(p.expert->field);
  if (f.empty()) return true;  // nothing recorded: not counted
  for (const auto& x : f)
    if (std::find(r.industries.begin(), r.industries.end(), x) != r.industries.end()) return true;
  return false;
}

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

std::vector<Seat> make_seats(const Instance& in, std::size_t cycle, const std::vector<char>& split) {
  std::vector<Seat> seats;
  auto add = [&](std::size_t slot, Role role, int tour, int count) {
    for (int k = 0; k < count; ++k) {
      Seat s;
      s.slot = slot;
      s.role = role;
      s.tour = tour;
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
    add(slot, Role::member, -1, in.pol.staff_members);
    if (split[slot]) {
      for (auto t : in.slots[slot].tours) add(slot, Role::expert, static_cast<int>(t), in.pol.staff_experts);
    } else {
      add(slot, Role::expert, -1, in.pol.staff_experts);
    }
  }
  // Candidates once per distinct (slot, role, tour).
  std::map<std::tuple<std::size_t, int, int>, std::vector<int>> memo;
  for (auto& s : seats) {
    auto key = std::tuple{s.slot, static_cast<int>(s.role), s.tour};
    auto it = memo.find(key);
    if (it == memo.end()) {
      std::vector<std::pair<std::pair<long long, std::uint64_t>, int>> ranked;
      for (std::size_t p = 0; p < in.data.people.size(); ++p) {
        int pi = static_cast<int>(p);
        if (in.eligible(pi, s.role, s.slot, s.tour) != Why::ok) continue;
        ranked.push_back({{seat_cost(in, s, pi), mix(in.options.seed ^ hash_id(in.data.people[p].id))}, pi});
      }
      std::sort(ranked.begin(), ranked.end());
      std::vector<int> list;
      for (const auto& r : ranked) list.push_back(r.second);
      it = memo.emplace(key, std::move(list)).first;
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

namespace {

// The soft goals of one cycle kept up to date move by move: each term is a sum of per-seat or
// per-unit parts, so a replace or swap changes a handful of them (terms_of recomputes the same
// values from scratch; a test compares the two).
class Delta {
 public:
  Delta(const Instance& in, Assignment& a, const std::vector<std::vector<int>>& previous)
      : in_(in), a_(a), w_(in.pol), seat_of_(in.data.people.size(), -1), prev_(in.data.people.size()) {
    const std::size_t n = a.seats.size();
    for (std::size_t s = 0; s < n; ++s) {
      if (a.person[s] >= 0) seat_of_[static_cast<std::size_t>(a.person[s])] = static_cast<int>(s);
      std::vector<std::pair<int, int>> d;
      for (auto [y, days] : in.seat_days(a.seats[s].slot, a.seats[s].tour)) d.emplace_back(y, days);
      days_.push_back(std::move(d));
      regions_.emplace_back();
      for (int t : in.seat_tours(a.seats[s].slot, a.seats[s].tour))
        if (const Region* r = in.data.region(in.tours[static_cast<std::size_t>(t)].tour->region)) regions_.back().push_back(r);
      slot_members_[a.seats[s].slot].push_back(static_cast<int>(s));
    }
    for (std::size_t g = 0; g < previous.size(); ++g)
      for (int p : previous[g]) prev_[static_cast<std::size_t>(p)].push_back(static_cast<int>(g));
    previous_ = &previous;
    int units = 0;
    for (const auto& u : in.data.units) units += u.committee_member ? 1 : 0;
    long long staff = 0;
    for (std::size_t s = 0; s < n; ++s) staff += a.seats[s].role != Role::expert && a.person[s] >= 0 ? 1 : 0;
    share_ = units > 0 ? (staff + units - 1) / units : 0;
    for (std::size_t s = 0; s < n; ++s)
      if (a.seats[s].role != Role::expert && a.person[s] >= 0) ++unit_count_[unit(a.person[s])];
  }

  /// Weighted change of the objective (and of the changes against --keep) when seat s takes q;
  /// q is free (replace) or sits in seat s2 (swap, the two exchange).
  std::pair<long long, long long> delta(std::size_t s, int q) const {
    int p = a_.person[s];
    int s2 = seat_of_[static_cast<std::size_t>(q)];
    long long change = kept_change(s, p, q);
    long long obj = person_part(s, q) - person_part(s, p);
    std::map<int, int> units;  // unit → change of its count
    if (a_.seats[s].role != Role::expert) --units[unit(p)], ++units[unit(q)];
    if (s2 >= 0) {
      auto t = static_cast<std::size_t>(s2);
      change += kept_change(t, q, p);
      obj += person_part(t, p) - person_part(t, q);
      if (a_.seats[t].role != Role::expert) --units[unit(q)], ++units[unit(p)];
    }
    long long du = 0;
    for (auto [u, d] : units) {
      if (d == 0) continue;
      auto it = unit_count_.find(u);
      long long before = it == unit_count_.end() ? 0 : it->second;
      du += std::max(0LL, before + d - share_) - std::max(0LL, before - share_);
    }
    obj += du * w_.staff_weight_units;
    if (!previous_->empty()) obj += pairs_delta(s, p, q, s2) * w_.staff_weight_pairs;
    return {change, obj};
  }

  void apply(std::size_t s, int q) {
    int p = a_.person[s];
    int s2 = seat_of_[static_cast<std::size_t>(q)];
    if (a_.seats[s].role != Role::expert) --unit_count_[unit(p)], ++unit_count_[unit(q)];
    if (s2 >= 0 && a_.seats[static_cast<std::size_t>(s2)].role != Role::expert) --unit_count_[unit(q)], ++unit_count_[unit(p)];
    a_.person[s] = q;
    seat_of_[static_cast<std::size_t>(q)] = static_cast<int>(s);
    if (s2 >= 0) {
      a_.person[static_cast<std::size_t>(s2)] = p;
      seat_of_[static_cast<std::size_t>(p)] = s2;
    } else {
      seat_of_[static_cast<std::size_t>(p)] = -1;
    }
  }

  int seat_of(int p) const { return seat_of_[static_cast<std::size_t>(p)]; }

 private:
  const Instance& in_;
  Assignment& a_;
  const Policy& w_;
  std::vector<int> seat_of_;
  std::vector<std::vector<int>> prev_;  // person → previous teams
  const std::vector<std::vector<int>>* previous_ = nullptr;
  std::vector<std::vector<std::pair<int, int>>> days_;
  std::vector<std::vector<const Region*>> regions_;
  std::map<std::size_t, std::vector<int>> slot_members_;  // slot → its seats
  std::map<int, long long> unit_count_;
  long long share_ = 0;

  int unit(int p) const { return in_.unit_of[static_cast<std::size_t>(p)]; }

  long long kept_change(std::size_t s, int from, int to) const {
    int k = a_.seats[s].kept;
    if (k < 0) return 0;
    return (to != k ? 1 : 0) - (from != k ? 1 : 0);
  }

  // Days beyond fair and missed expert fields of person p in seat s, weighted.
  long long person_part(std::size_t s, int p) const {
    long long v = 0;
    const auto& before = in_.days_before[static_cast<std::size_t>(p)];
    for (auto [y, d] : days_[s]) {
      auto it = before.find(y);
      int total = d + (it == before.end() ? 0 : it->second);
      v += std::max(0, total - w_.staff_fair_days) * static_cast<long long>(w_.staff_weight_days);
    }
    if (a_.seats[s].role == Role::expert) {
      const Person& x = in_.data.people[static_cast<std::size_t>(p)];
      for (const Region* r : regions_[s]) v += fields_match(x, *r) ? 0 : w_.staff_weight_fields;
    }
    return v;
  }

  bool shared(int x, int y) const {
    const auto& a = prev_[static_cast<std::size_t>(x)];
    const auto& b = prev_[static_cast<std::size_t>(y)];
    for (int g : a)
      if (std::find(b.begin(), b.end(), g) != b.end()) return true;
    return false;
  }

  // Last cycle's team-mates of p among the seated people other than `except` (distinct).
  long long seated_partners(int p, int except) const {
    std::set<int> seen;
    for (int g : prev_[static_cast<std::size_t>(p)])
      for (int x : (*previous_)[static_cast<std::size_t>(g)])
        if (x != p && x != except && seat_of_[static_cast<std::size_t>(x)] >= 0) seen.insert(x);
    return static_cast<long long>(seen.size());
  }

  // Change of "together" (pairs on one team again) when p leaves seat s's team for q.
  long long together_delta(std::size_t slot, int p, int q, int skip_q) const {
    long long d = 0;
    for (int t : slot_members_.at(slot)) {
      int x = a_.person[static_cast<std::size_t>(t)];
      if (x < 0 || x == p || x == skip_q) continue;
      d += (shared(q, x) ? 1 : 0) - (shared(p, x) ? 1 : 0);
    }
    return d;
  }

  long long pairs_delta(std::size_t s, int p, int q, int s2) const {
    std::size_t g = a_.seats[s].slot;
    long long together = 0, both = 0;
    if (s2 < 0) {
      together = together_delta(g, p, q, -1);
      both = seated_partners(q, p) - seated_partners(p, -1);
    } else {
      std::size_t h = a_.seats[static_cast<std::size_t>(s2)].slot;
      if (g != h) together = together_delta(g, p, q, q) + together_delta(h, q, p, p);
    }
    return w_.staff_pairs_together ? both - together : together;
  }
};

}  // namespace

long long improve(const Instance& in, std::size_t cycle, Assignment& a,
                  const std::vector<std::vector<int>>& previous_teams, std::uint64_t seed, long long iterations) {
  const std::size_t n = a.seats.size();
  if (n == 0) return 0;
  if (iterations < 0) iterations = std::min<long long>(400000, 200 * static_cast<long long>(n));
  // A candidate's place in the seat's list (best first): ties of the objective go to the better place,
  // so bureau-level cadres stay free to lead and the burden stays low (seat_cost).
  std::vector<std::unordered_map<int, long long>> rank(n);
  for (std::size_t s = 0; s < n; ++s)
    for (std::size_t k = 0; k < a.seats[s].candidates.size(); ++k) rank[s].emplace(a.seats[s].candidates[k], static_cast<long long>(k));
  Delta delta(in, a, previous_teams);
  auto start = std::pair{changes_of(a), weighted(terms_of(in, cycle, a, previous_teams), in.pol)};
  if (start.first == 0 && start.second == 0) return 0;
  std::pair<long long, long long> best{start.first, start.second};
  std::uint64_t state = mix(seed + 0x51ed);
  auto next = [&](std::uint64_t bound) {
    state = mix(state);
    return bound ? state % bound : 0;
  };
  long long done = 0;
  for (long long it = 0; it < iterations; ++it) {
    ++done;
    std::size_t s = next(n);
    const auto& cands = a.seats[s].candidates;
    if (cands.size() < 2) continue;
    int q = cands[next(cands.size())];
    int p = a.person[s];
    if (q == p) continue;
    int s2 = delta.seat_of(q);
    if (s2 >= 0) {
      auto t = static_cast<std::size_t>(s2);
      if (!rank[t].count(p)) continue;
      if (a.seats[t].slot == a.seats[s].slot && a.seats[t].role == a.seats[s].role && a.seats[t].tour == a.seats[s].tour) continue;
    }
    auto d = delta.delta(s, q);
    if (d.first > 0 || (d.first == 0 && d.second > 0)) continue;
    if (d.first == 0 && d.second == 0) {  // equal: only towards the seats' preferred people
      long long r = rank[s].at(q) - rank[s].at(p);
      if (s2 >= 0) r += rank[static_cast<std::size_t>(s2)].at(p) - rank[static_cast<std::size_t>(s2)].at(q);
      if (r >= 0) continue;
    }
    delta.apply(s, q);
    best.first += d.first;
    best.second += d.second;
    if (best.first == 0 && best.second == 0) break;
  }
  return done;
}

long long bound_of(const Instance& in, std::size_t cycle) {
  const auto& pol = in.pol;
  const auto& slots = in.cycles[cycle].slots;
  // Days: the fixed staff serve every tour of their team; every tour has a leader and experts.
  long long days = 0;
  int fixed = pol.staff_deputies + 1 + pol.staff_members;
  long long tours = 0;
  for (auto s : slots) {
    for (auto [y, d] : in.seat_days(s, -1)) days += static_cast<long long>(fixed) * std::max(0, d - pol.staff_fair_days);
    for (auto t : in.slots[s].tours) {
      ++tours;
      days += static_cast<long long>(1 + pol.staff_experts) * std::max(0, in.tours[t].days - pol.staff_fair_days);
    }
  }
  // Units: the liaisons come from emergency management units only; with the largest possible
  // share (every leader chosen per tour), those units exceed it by at least this much.
  int units = 0, em_units = 0;
  for (const auto& u : in.data.units) {
    units += u.committee_member ? 1 : 0;
    em_units += u.committee_member && u.emergency_management ? 1 : 0;
  }
  long long unit_bound = 0;
  if (units > 0) {
    long long most = static_cast<long long>(slots.size()) * fixed + tours;
    long long share = (most + units - 1) / units;
    unit_bound = std::max(0LL, static_cast<long long>(slots.size()) - em_units * share);
  }
  Terms t;
  t.days = days;
  t.units = unit_bound;
  return weighted(t, pol);
}

}  // namespace xuncha::staff::detail
