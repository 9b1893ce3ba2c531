// The packing repair, when neither construction places every region: round years fixed per region,
// each round packed on its own (best fit decreasing with a bounded exact search, then period by
// period, each period filled as full as the tours left allow); a round
// that does not pack gives up its shortest tour that can go to another round with room, and the
// packing is tried again.
#include "solver.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace xuncha::schedule::detail {

bool Solver::pack_round(int k, const std::vector<std::pair<int, int>>& items, std::vector<int>& slot_of,
                        long long limit, bool* gave_up) const {
  const auto& slots = at(slots_of_round_, k);
  int n = size_of(items);
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return std::pair(-at(items, a).second, at(items, a).first) < std::pair(-at(items, b).second, at(items, b).first);
  });
  std::vector<int> rem;
  for (int s : slots) rem.push_back(at(slots_, s).cap - at(slots_, s).used);
  std::vector<long long> after(static_cast<std::size_t>(n) + 1, 0);  // days of the items from position i on
  for (int i = n - 1; i >= 0; --i) at(after, i) = at(after, i + 1) + at(items, at(order, i)).second;
  slot_of.assign(static_cast<std::size_t>(n), -1);
  long long nodes = 0;
  auto rec = [&](auto&& self, int i) -> bool {
    if (i == n) return true;
    if (++nodes > limit) return false;
    int d = at(items, at(order, i)).second;
    int smallest = at(items, at(order, n - 1)).second;
    // Days still usable: a period with less left than the shortest tour holds nothing more.
    long long usable = 0;
    for (int x : rem)
      if (x >= smallest) usable += x;
    if (usable < at(after, i)) return false;
    std::vector<int> cand;
    for (int b = 0; b < size_of(rem); ++b)
      if (at(rem, b) >= d) cand.push_back(b);
    // Best fit first; periods with the same days left are interchangeable: one of them is enough.
    std::sort(cand.begin(), cand.end(), [&](int a, int b) { return std::pair(at(rem, a), a) < std::pair(rem[static_cast<std::size_t>(b)], b); });
    int last = -1;
    for (int b : cand) {
      if (at(rem, b) == last) continue;
      last = at(rem, b);
      at(rem, b) -= d;
      at(slot_of, at(order, i)) = at(slots, b);
      if (self(self, i + 1)) return true;
      at(rem, b) += d;
      if (nodes > limit) return false;
    }
    return false;
  };
  bool ok = rec(rec, 0);
  if (gave_up) *gave_up = !ok && nodes > limit;  // else a "no" is exhaustive: a proof
  return ok;
}

// Bin-oriented packing: periods one at a time (shortest first, or longest first), each filled as
// full as the tours left allow (few distinct durations: every count vector is tried), ties to the
// longer tours. Where item-oriented best fit strands a long tour, this one often does not.
bool Solver::pack_by_period(int k, const std::vector<std::pair<int, int>>& items, std::vector<int>& slot_of,
                            bool longest_first) const {
  std::vector<int> slots = at(slots_of_round_, k);
  std::stable_sort(slots.begin(), slots.end(), [&](int a, int b) {
    int ca = at(slots_, a).cap - at(slots_, a).used, cb = at(slots_, b).cap - at(slots_, b).used;
    return longest_first ? ca > cb : ca < cb;
  });
  std::map<int, std::vector<int>, std::greater<>> of_days;  // duration → item positions, longest first
  for (int i = 0; i < size_of(items); ++i) of_days[at(items, i).second].push_back(i);
  std::vector<int> durations, left;
  for (const auto& [d, v] : of_days) durations.push_back(d), left.push_back(size_of(v));
  int m = size_of(durations);
  if (m > 6) return false;  // (too many distinct durations for the enumeration)
  slot_of.assign(items.size(), -1);
  std::vector<int> taken(static_cast<std::size_t>(m), 0);
  for (int s : slots) {
    int cap = at(slots_, s).cap - at(slots_, s).used;
    std::vector<int> cur(static_cast<std::size_t>(m), 0), best = cur;
    int best_fill = 0;
    auto rec = [&](auto&& self, int t, int room) -> void {
      if (best_fill == cap) return;
      if (t == m) {
        int fill = cap - room;
        if (fill > best_fill) best_fill = fill, best = cur;  // enumeration order: longer tours first on ties
        return;
      }
      int most = std::min(at(left, t), room / at(durations, t));
      for (int c = most; c >= 0; --c) {
        at(cur, t) = c;
        self(self, t + 1, room - c * at(durations, t));
      }
      at(cur, t) = 0;
    };
    rec(rec, 0, cap);
    for (int t = 0; t < m; ++t)
      for (int c = 0; c < at(best, t); ++c) {
        int pos = at(of_days.at(at(durations, t)), at(taken, t)++);
        at(slot_of, pos) = s;
      }
    for (int t = 0; t < m; ++t) at(left, t) -= at(best, t);
  }
  return std::all_of(left.begin(), left.end(), [](int n) { return n == 0; });
}

int Solver::round_cannot_pack() const {
  // The tours only one round can take (no covering set of years avoids it), packed alone into that
  // round's periods by the exhaustive search: when even they do not fit, no schedule exists.
  for (int k = 0; k < K_; ++k) {
    std::vector<std::pair<int, int>> forced;
    for (const auto& r : regions_) {
      if (r.items.empty()) continue;
      // (every schedule has a tour of it in k, whatever number of tours it takes elsewhere)
      if (!coverable_without(r, 1u << k)) forced.emplace_back(r.items.front(), r.days);
    }
    if (forced.empty()) continue;
    std::vector<int> so;
    bool gave_up = false;
    if (!pack_round(k, forced, so, 2000000, &gave_up) && !gave_up) return k;
  }
  return -1;
}

bool Solver::repair(std::vector<int> pattern_of, RepairReport& report) {
  constexpr long long limit = 20000;
  report.node_limit = limit;
  std::vector<long long> cap(static_cast<std::size_t>(K_), 0);
  for (const auto& ts : slots_) at(cap, ts.round) += ts.cap - ts.used;
  std::set<std::pair<int, int>> left;  // (region, pattern) a move took it out of: not taken back
  int bad = -1;
  for (int attempt = 0; attempt < 300; ++attempt) {
    std::vector<std::vector<std::pair<int, int>>> per(static_cast<std::size_t>(K_));
    std::vector<long long> load(static_cast<std::size_t>(K_), 0);
    for (int ri = 0; ri < size_of(regions_); ++ri) {
      const auto& r = at(regions_, ri);
      if (r.items.empty()) continue;
      const auto& pat = at(r.patterns, at(pattern_of, ri));
      for (int i = 0; i < size_of(pat); ++i) {
        at(per, at(pat, i)).emplace_back(at(r.items, i), r.days);
        at(load, at(pat, i)) += r.days;
      }
    }
    std::vector<int> slot(items_.size(), -1);
    bad = -1;
    for (int k = 0; k < K_ && bad < 0; ++k) {
      std::vector<int> so;
      // The packings count days; the tours must also fit with each starting on a day it may start
      // on (policy tour_start_day): the first packing that does is taken.
      auto holds_all = [&] {
        std::map<int, std::vector<int>> in_slot;
        for (int j = 0; j < size_of(so); ++j) in_slot[at(so, j)].push_back(at(items_, at(at(per, k), j).first).region);
        return std::all_of(in_slot.begin(), in_slot.end(), [&](const auto& e) { return holds(e.first, e.second); });
      };
      if (!(pack_round(k, at(per, k), so, limit) && holds_all()) &&
          !(pack_by_period(k, at(per, k), so, false) && holds_all()) &&
          !(pack_by_period(k, at(per, k), so, true) && holds_all())) {
        bad = k;
        break;
      }
      for (int j = 0; j < size_of(so); ++j) at(slot, at(at(per, k), j).first) = at(so, j);
    }
    if (bad < 0) {
      std::vector<int> touched;
      for (int it = 0; it < size_of(items_); ++it)
        if (at(slot, it) >= 0) add_item(it, at(slot, it), touched);
      for (int ri = 0; ri < size_of(regions_); ++ri)
        if (!at(regions_, ri).items.empty()) at(regions_, ri).pattern = at(pattern_of, ri);
      std::vector<int> all(regions_.size());
      std::iota(all.begin(), all.end(), 0);
      refresh_regions(all);
      return true;
    }
    // The shortest tour of the round that can leave it for rounds with room (most room first).
    std::tuple<int, int, long long, int, int> best{INT_MAX, 0, 0, -1, -1};
    for (const auto& [it, days] : at(per, bad)) {
      int ri = at(items_, it).region;
      const auto& r = at(regions_, ri);
      const auto& cur = at(r.patterns, at(pattern_of, ri));
      for (int p = 0; p < size_of(r.patterns); ++p) {
        const auto& pat = at(r.patterns, p);
        if (p == at(pattern_of, ri) || left.count({ri, p}) ||
            std::count(pat.begin(), pat.end(), bad) >= std::count(cur.begin(), cur.end(), bad))
          continue;
        long long room = LLONG_MAX;
        for (int k : pat)
          if (std::find(cur.begin(), cur.end(), k) == cur.end()) room = std::min(room, at(cap, k) - at(load, k) - days);
        if (room < 0) continue;
        std::tuple<int, int, long long, int, int> c{days, size_of(pat), -room, ri, p};  // (fewer tours first)
        if (c < best) best = c;
      }
    }
    auto [days, tours, room, ri, p] = best;
    (void)tours;
    if (ri < 0) {
      report.rounds.push_back(year_of_round(bad));
      return false;
    }
    left.insert({ri, at(pattern_of, ri)});
    at(pattern_of, ri) = p;
    ++report.moves;
  }
  if (bad >= 0) report.rounds.push_back(year_of_round(bad));
  return false;
}

}  // namespace xuncha::schedule::detail
