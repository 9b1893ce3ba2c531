// The team plan's local search. It works on atoms: every leader and expert seat as one seat per
// tour, so the person in a seat can change for part of a team's tours (a leader or an expert split
// between the team's tours, or merged back) and the days beyond staff_fair_days spread over more
// people. Every move keeps the hard rules: a seat takes only its candidates (qualification,
// conflict of interest, unavailability, other tours, the cycle's teams), a person holds the atoms
// of one seat of one team (so never two roles, two teams or two experts' places on a tour), and
// nobody passes staff_max_days in a year. Each move is evaluated incrementally (`Search::delta`).
#include "instance.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace xuncha::staff::detail {

Assignment expand(const Assignment& a, std::vector<Seat> atoms) {
  std::map<std::tuple<std::size_t, int, int, int>, int> held;  // (slot, role, tour, position) → person
  for (std::size_t s = 0; s < a.seats.size(); ++s)
    held[{a.seats[s].slot, static_cast<int>(a.seats[s].role), a.seats[s].tour, a.seats[s].position}] = a.person[s];
  Assignment out;
  out.seats = std::move(atoms);
  out.person.assign(out.seats.size(), -1);
  for (std::size_t s = 0; s < out.seats.size(); ++s) {
    const auto& x = out.seats[s];
    auto it = held.find({x.slot, static_cast<int>(x.role), x.tour, x.position});
    if (it == held.end()) it = held.find({x.slot, static_cast<int>(x.role), -1, x.position});
    if (it != held.end()) out.person[s] = it->second;
  }
  return out;
}

Assignment collapse(const Assignment& atoms, const std::vector<Seat>& whole) {
  std::map<std::tuple<std::size_t, int, int>, std::vector<std::size_t>> group;  // (slot, role, position) → atoms
  for (std::size_t s = 0; s < atoms.seats.size(); ++s)
    group[{atoms.seats[s].slot, static_cast<int>(atoms.seats[s].role), atoms.seats[s].position}].push_back(s);
  Assignment out;
  for (const auto& w : whole) {
    const auto& g = group.at({w.slot, static_cast<int>(w.role), w.position});
    bool one = std::all_of(g.begin(), g.end(), [&](std::size_t s) { return atoms.person[s] == atoms.person[g.front()]; });
    if (one) {
      out.seats.push_back(w);
      out.person.push_back(atoms.person[g.front()]);
    } else {
      for (auto s : g) {
        out.seats.push_back(atoms.seats[s]);
        out.person.push_back(atoms.person[s]);
      }
    }
  }
  return out;
}

namespace {

// The soft goals of one cycle kept up to date move by move. A move is a list of (seat, new person);
// the people it touches (old and new holders) are re-costed before and after, each term being a
// sum over people, seats or units (terms_of recomputes the same values from scratch; a test
// compares the two after the search).
class Search {
 public:
  using Move = std::vector<std::pair<std::size_t, int>>;

  Search(const Instance& in, Assignment& a, const std::vector<std::vector<int>>& previous)
      : in_(in), a_(a), w_(in.pol), previous_(previous), held_(in.data.people.size()), plan_days_(in.data.people.size()),
        prev_(in.data.people.size()) {
    const std::size_t n = a.seats.size();
    std::map<std::tuple<std::size_t, int, int>, int> groups;
    for (std::size_t s = 0; s < n; ++s) {
      const auto& x = a.seats[s];
      // A fixed seat is a group of its own; the atoms of one team's leader or k-th expert form one.
      auto key = x.tour >= 0 ? std::tuple{x.slot, static_cast<int>(x.role), x.position}
                             : std::tuple{x.slot, -1 - static_cast<int>(s), 0};
      auto it = groups.emplace(key, static_cast<int>(groups.size())).first;
      group_.push_back(it->second);
      std::vector<std::pair<int, int>> d;
      for (auto [y, days] : in.seat_days(x.slot, x.tour)) d.emplace_back(y, days);
      days_.push_back(std::move(d));
      regions_.emplace_back();
      for (int t : in.seat_tours(x.slot, x.tour))
        if (const Region* r = in.data.region(in.tours[static_cast<std::size_t>(t)].tour->region)) regions_.back().push_back(r);
      slot_seats_[x.slot].push_back(s);
      if (a.person[s] >= 0) take(s, a.person[s], +1);
    }
    for (std::size_t g = 0; g < previous.size(); ++g)
      for (int p : previous[g]) prev_[static_cast<std::size_t>(p)].push_back(static_cast<int>(g));
    for (const auto& u : in.data.units) units_ += u.committee_member ? 1 : 0;
    for (std::size_t p = 0; p < held_.size(); ++p)
      if (is_staff(held_[p])) ++staff_, ++unit_count_[unit(static_cast<int>(p))];
  }

  const std::vector<std::size_t>& held(int p) const { return held_[static_cast<std::size_t>(p)]; }
  int group(std::size_t s) const { return group_[s]; }

  /// Whether every new holder is a candidate of the seat, holds one group afterwards and stays
  /// within the day cap.
  bool legal(const Move& m, const std::vector<std::unordered_map<int, long long>>& rank) const {
    for (auto [s, q] : m)
      if (!rank[s].count(q)) return false;
    for (int x : touched(m)) {
      auto h = after(m, x);
      for (auto s : h)
        if (group_[s] != group_[h.front()]) return false;
      if (w_.staff_max_days > 0)
        for (auto [y, d] : year_days(h)) {
          const auto& before = in_.days_before[static_cast<std::size_t>(x)];
          auto it = before.find(y);
          if (d + (it == before.end() ? 0 : it->second) > w_.staff_max_days) return false;
        }
    }
    return true;
  }

  /// Change of (seats changed against --keep, weighted objective) if the move is applied.
  std::pair<long long, long long> delta(const Move& m) const {
    long long change = 0, obj = 0;
    for (auto [s, q] : m) {
      int p = a_.person[s];
      int k = a_.seats[s].kept;
      if (k >= 0) change += (q != k ? 1 : 0) - (p != k ? 1 : 0);
      obj += fields(s, q) - fields(s, p);
    }
    auto xs = touched(m);
    std::map<int, int> units;  // unit → change of its count of staff
    long long staff = staff_;
    std::map<int, std::vector<std::size_t>> now;  // touched person → seats after
    for (int x : xs) {
      auto h = after(m, x);
      obj += days_cost(x, year_days(h)) - days_cost(x, plan_days_[static_cast<std::size_t>(x)]);
      int d = (is_staff(h) ? 1 : 0) - (is_staff(held_[static_cast<std::size_t>(x)]) ? 1 : 0);
      if (d != 0) units[unit(x)] += d, staff += d;
      now.emplace(x, std::move(h));
    }
    long long share = units_ > 0 ? (staff + units_ - 1) / units_ : 0;
    long long old_share = units_ > 0 ? (staff_ + units_ - 1) / units_ : 0;
    long long du = 0;
    if (share == old_share) {
      for (auto [u, d] : units) {
        if (d == 0) continue;
        long long c = count_of(u);
        du += std::max(0LL, c + d - share) - std::max(0LL, c - share);
      }
    } else {
      for (auto [u, c] : unit_count_) {
        auto it = units.find(u);
        du += std::max(0LL, c + (it == units.end() ? 0 : it->second) - share) - std::max(0LL, c - old_share);
      }
      for (auto [u, d] : units)
        if (!unit_count_.count(u)) du += std::max(0LL, d - share);
    }
    obj += du * w_.staff_weight_units;
    if (!previous_.empty()) obj += pairs_delta(xs, now) * w_.staff_weight_pairs;
    return {change, obj};
  }

  void apply(const Move& m) {
    auto xs = touched(m);
    for (int x : xs)
      if (is_staff(held_[static_cast<std::size_t>(x)])) --staff_, --unit_count_[unit(x)];
    for (auto [s, q] : m) {
      take(s, a_.person[s], -1);
      a_.person[s] = q;
      take(s, q, +1);
    }
    for (int x : xs)
      if (is_staff(held_[static_cast<std::size_t>(x)])) ++staff_, ++unit_count_[unit(x)];
  }

 private:
  const Instance& in_;
  Assignment& a_;
  const Policy& w_;
  const std::vector<std::vector<int>>& previous_;
  std::vector<std::vector<std::size_t>> held_;               // person → seats held
  std::vector<std::vector<std::pair<int, int>>> plan_days_;  // person → (year, days) of the seats held
  std::vector<std::vector<int>> prev_;                       // person → previous teams
  std::vector<int> group_;                                   // seat → its group (a fixed seat, or one seat's atoms)
  std::vector<std::vector<std::pair<int, int>>> days_;       // seat → (year, days)
  std::vector<std::vector<const Region*>> regions_;
  std::map<std::size_t, std::vector<std::size_t>> slot_seats_;
  std::map<int, long long> unit_count_;
  long long staff_ = 0;
  long long units_ = 0;

  int unit(int p) const { return in_.unit_of[static_cast<std::size_t>(p)]; }
  long long count_of(int u) const {
    auto it = unit_count_.find(u);
    return it == unit_count_.end() ? 0 : it->second;
  }

  void take(std::size_t s, int p, int sign) {
    if (p < 0) return;
    auto& h = held_[static_cast<std::size_t>(p)];
    if (sign > 0) h.push_back(s);
    else h.erase(std::find(h.begin(), h.end(), s));
    auto& pd = plan_days_[static_cast<std::size_t>(p)];
    for (auto [y, d] : days_[s]) {
      auto it = std::find_if(pd.begin(), pd.end(), [y = y](const auto& e) { return e.first == y; });
      if (it == pd.end()) it = pd.insert(pd.end(), {y, 0});
      it->second += sign * d;
    }
  }

  // Old and new holders of the move's seats, distinct, in order.
  std::vector<int> touched(const Move& m) const {
    std::vector<int> xs;
    for (auto [s, q] : m)
      for (int x : {a_.person[s], q})
        if (x >= 0 && std::find(xs.begin(), xs.end(), x) == xs.end()) xs.push_back(x);
    return xs;
  }

  // The seats x holds after the move.
  std::vector<std::size_t> after(const Move& m, int x) const {
    std::vector<std::size_t> h;
    for (auto s : held_[static_cast<std::size_t>(x)])
      if (std::none_of(m.begin(), m.end(), [&](const auto& e) { return e.first == s; })) h.push_back(s);
    for (auto [s, q] : m)
      if (q == x) h.push_back(s);
    return h;
  }

  std::vector<std::pair<int, int>> year_days(const std::vector<std::size_t>& h) const {
    std::vector<std::pair<int, int>> out;
    for (auto s : h)
      for (auto [y, d] : days_[s]) {
        auto it = std::find_if(out.begin(), out.end(), [y = y](const auto& e) { return e.first == y; });
        if (it == out.end()) out.emplace_back(y, d);
        else it->second += d;
      }
    return out;
  }

  long long days_cost(int x, const std::vector<std::pair<int, int>>& yd) const {
    const auto& before = in_.days_before[static_cast<std::size_t>(x)];
    long long v = 0;
    for (auto [y, d] : yd) {
      if (d == 0) continue;
      auto it = before.find(y);
      v += std::max(0, d + (it == before.end() ? 0 : it->second) - w_.staff_fair_days);
    }
    return v * w_.staff_weight_days;
  }

  long long fields(std::size_t s, int p) const {
    if (p < 0 || a_.seats[s].role != Role::expert) return 0;
    const Person& x = in_.data.people[static_cast<std::size_t>(p)];
    long long v = 0;
    for (const Region* r : regions_[s]) v += fields_match(x, *r) ? 0 : w_.staff_weight_fields;
    return v;
  }

  bool is_staff(const std::vector<std::size_t>& h) const {
    return std::any_of(h.begin(), h.end(), [&](std::size_t s) { return a_.seats[s].role != Role::expert; });
  }

  bool shared(int x, int y) const {
    const auto& a = prev_[static_cast<std::size_t>(x)];
    const auto& b = prev_[static_cast<std::size_t>(y)];
    for (int g : a)
      if (std::find(b.begin(), b.end(), g) != b.end()) return true;
    return false;
  }

  // Pairs of last cycle's team-mates on one team (or both seated, when the policy keeps them
  // together) among the pairs with a touched person, before and after.
  long long pairs_delta(const std::vector<int>& xs, const std::map<int, std::vector<std::size_t>>& now) const {
    auto slot_of = [&](int x, bool later) -> long long {
      const auto& h = later ? now.at(x) : held_[static_cast<std::size_t>(x)];
      return h.empty() ? -1 : static_cast<long long>(a_.seats[h.front()].slot);
    };
    auto is_touched = [&](int y) { return std::find(xs.begin(), xs.end(), y) != xs.end(); };
    long long together[2] = {0, 0}, both[2] = {0, 0};
    for (int later = 0; later < 2; ++later) {
      for (std::size_t i = 0; i < xs.size(); ++i) {
        int x = xs[i];
        long long g = slot_of(x, later);
        if (g >= 0) {
          std::vector<int> seen;
          for (auto s : slot_seats_.at(static_cast<std::size_t>(g))) {
            int y = a_.person[s];
            if (y < 0 || is_touched(y) || std::find(seen.begin(), seen.end(), y) != seen.end()) continue;
            seen.push_back(y);
            together[later] += shared(x, y) ? 1 : 0;
          }
          for (std::size_t j = i + 1; j < xs.size(); ++j)
            together[later] += slot_of(xs[j], later) == g && shared(x, xs[j]) ? 1 : 0;
        }
        if (!w_.staff_pairs_together) continue;
        std::set<int> partners;
        for (int pg : prev_[static_cast<std::size_t>(x)])
          for (int y : previous_[static_cast<std::size_t>(pg)])
            if (y != x && !(is_touched(y) && std::find(xs.begin(), xs.end(), y) < xs.begin() + static_cast<long>(i)))
              partners.insert(y);
        if (g < 0) continue;
        for (int y : partners) {
          bool seated = is_touched(y) ? slot_of(y, later) >= 0 : !held_[static_cast<std::size_t>(y)].empty();
          both[later] += seated ? 1 : 0;
        }
      }
    }
    long long dt = together[1] - together[0], db = both[1] - both[0];
    return w_.staff_pairs_together ? db - dt : dt;
  }
};

}  // namespace

long long improve(const Instance& in, std::size_t cycle, Assignment& a,
                  const std::vector<std::vector<int>>& previous_teams, std::uint64_t seed, long long iterations,
                  long long* tracked) {
  const std::size_t n = a.seats.size();
  if (tracked) *tracked = 0;
  if (n == 0) return 0;
  if (iterations < 0) iterations = std::min<long long>(400000, 200 * static_cast<long long>(n));
  // A candidate's place in the seat's list (best first): ties of the objective go to the better place,
  // so bureau-level cadres stay free to lead and the burden stays low (seat_cost).
  std::vector<std::unordered_map<int, long long>> rank(n);
  for (std::size_t s = 0; s < n; ++s)
    for (std::size_t k = 0; k < a.seats[s].candidates.size(); ++k) rank[s].emplace(a.seats[s].candidates[k], static_cast<long long>(k));
  // The atoms of each group, by tour.
  std::map<std::tuple<std::size_t, int, int>, std::vector<std::size_t>> by_group;
  std::vector<const std::vector<std::size_t>*> atoms_of(n, nullptr);
  for (std::size_t s = 0; s < n; ++s)
    if (a.seats[s].tour >= 0) by_group[{a.seats[s].slot, static_cast<int>(a.seats[s].role), a.seats[s].position}].push_back(s);
  for (const auto& [key, list] : by_group)
    for (auto s : list) atoms_of[s] = &list;
  Search search(in, a, previous_teams);
  auto start = std::pair{changes_of(a), weighted(terms_of(in, cycle, a, previous_teams), in.pol)};
  if (tracked) *tracked = start.second;
  if (start.first == 0 && start.second == 0) return 0;
  std::pair<long long, long long> best{start.first, start.second};
  std::uint64_t state = mix(seed + 0x51ed);
  auto next = [&](std::uint64_t bound) {
    state = mix(state);
    return bound ? state % bound : 0;
  };
  long long done = 0;
  Search::Move move;
  for (long long it = 0; it < iterations; ++it) {
    ++done;
    std::size_t s = next(n);
    const auto& cands = a.seats[s].candidates;
    if (cands.size() < 2) continue;
    int q = cands[next(cands.size())];
    int p = a.person[s];
    if (q == p) continue;
    move.clear();
    const auto* group = atoms_of[s];
    // The seats p gives up: this one, a run of the team's tours from it, or all p holds on this seat.
    if (group) {
      auto variant = next(3);
      if (variant == 0) {
        move.emplace_back(s, q);
      } else if (variant == 1) {
        for (auto x : *group)
          if (a.person[x] == p) move.emplace_back(x, q);
      } else {
        auto from = static_cast<std::size_t>(std::find(group->begin(), group->end(), s) - group->begin());
        std::size_t len = 1 + next(group->size() - from);
        for (std::size_t k = from; k < from + len; ++k)
          if (a.person[(*group)[k]] != q) move.emplace_back((*group)[k], q);
      }
    } else {
      move.emplace_back(s, q);
    }
    // q on another seat: a swap, p takes all q holds (only when p gives up all they hold).
    const auto& theirs = search.held(q);
    if (!theirs.empty() && search.group(theirs.front()) != search.group(s)) {
      std::size_t mine = 0;
      for (const auto& e : move) mine += a.person[e.first] == p ? 1U : 0U;
      if (mine != search.held(p).size()) continue;
      for (auto x : theirs) move.emplace_back(x, p);
    }
    if (!search.legal(move, rank)) continue;
    auto d = search.delta(move);
    if (d.first > 0 || (d.first == 0 && d.second > 0)) continue;
    if (d.first == 0 && d.second == 0) {  // equal: only towards the seats' preferred people
      long long r = 0;
      for (auto [x, y] : move) r += rank[x].at(y) - rank[x].at(a.person[x]);
      if (r >= 0) continue;
    }
    search.apply(move);
    best.first += d.first;
    best.second += d.second;
    if (tracked) *tracked = best.second;
    if (best.first == 0 && best.second == 0) break;
  }
  return done;
}

}  // namespace xuncha::staff::detail
