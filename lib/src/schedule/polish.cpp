// After the search: regions trade round years and places where that lowers the risk term (the
// loads stay), then each round's places go by risk.
#include "solver.hpp"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <tuple>

namespace xuncha::schedule::detail {

// Two regions of the same days on site that may each take the other's round years swap them, tour
// for tour into each other's places: round and team loads stay, only the months change. The higher
// risk region takes the earlier first tour; kept only when the key improves. Regions by decreasing
// risk, partners by their first tour's start (at most 8 tried per region).
void Solver::swap_patterns() {
  std::map<std::vector<int>, int> ids;
  std::vector<std::vector<int>> pid(regions_.size());
  for (std::size_t r = 0; r < regions_.size(); ++r)
    for (const auto& pat : regions_[r].patterns) pid[r].push_back(ids.emplace(pat, static_cast<int>(ids.size())).first->second);
  auto cur = [&](int r) { return at(at(pid, r), at(regions_, r).pattern); };
  auto can = [&](int r, int id) {
    const auto& v = at(pid, r);
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  auto start = [&](int r) {
    const auto& item = at(items_, at(regions_, r).items.front());
    return (at(slots_, item.slot).first - Date{}).count() + item.offset;
  };
  std::vector<int> order;
  for (int r = 0; r < size_of(regions_); ++r)
    if (tradable(at(regions_, r))) order.push_back(r);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return at(regions_, a).risk > at(regions_, b).risk; });
  std::vector<int> touched;
  auto exchange = [&](int a, int b) {
    auto& A = at(regions_, a);
    auto& B = at(regions_, b);
    int n = tours_of(A);
    std::vector<int> sa, sb;
    for (int i = 0; i < n; ++i) sa.push_back(at(items_, at(A.items, i)).slot), sb.push_back(at(items_, at(B.items, i)).slot);
    touched.clear();
    for (int i = 0; i < n; ++i) remove_item(at(A.items, i), touched), remove_item(at(B.items, i), touched);
    for (int i = 0; i < n; ++i) add_item(at(A.items, i), at(sb, i), touched), add_item(at(B.items, i), at(sa, i), touched);
    std::swap(A.pattern, B.pattern);
    // The pattern indexes differ per region: each takes the index of the other's round years.
    int ia = -1, ib = -1;
    for (int p = 0; p < size_of(A.patterns); ++p)
      if (at(A.patterns, p) == at(B.patterns, A.pattern)) ia = p;
    for (int p = 0; p < size_of(B.patterns); ++p)
      if (at(B.patterns, p) == at(A.patterns, B.pattern)) ib = p;
    A.pattern = ia;
    B.pattern = ib;
    refresh_regions(touched);
  };
  for (int a : order) {
    std::vector<std::pair<long long, int>> partners;
    long long sa = start(a);
    for (int b : order) {
      const auto& A = at(regions_, a);
      const auto& B = at(regions_, b);
      // (Same days and as many tours: tour for tour, the loads stay.)
      if (B.risk >= A.risk || B.days != A.days || tours_of(B) != tours_of(A) || cur(b) == cur(a) || start(b) >= sa)
        continue;
      if (!can(a, cur(b)) || !can(b, cur(a))) continue;
      partners.emplace_back(start(b), b);
    }
    std::sort(partners.begin(), partners.end());
    if (partners.size() > 8) partners.resize(8);
    for (const auto& [when, b] : partners) {
      Key before = key();
      exchange(a, b);
      if (key() < before) break;
      exchange(a, b);  // (swapping back restores both)
    }
  }
}

// Two regions of the same days trade round years when the trade leaves every round's load as it
// was: A moves to a pattern whose first tour is in an earlier round, B gives up exactly the rounds
// A enters and enters exactly the rounds A leaves (a county whose next tour must come early takes
// the place of a second tour that can wait). Each takes the other's place in the rounds it enters
// and keeps its own elsewhere, so team loads stay as well; only the months change. The swap above
// is the case where the two exchange their whole patterns. Regions by decreasing risk; for each
// change of A, the partners whose trade the first tours' months suggest lowers the risk term most
// (at most 8 tried); kept only when the key improves.
void Solver::trade_patterns() {
  // The rounds a change of pattern leaves and enters.
  auto diff = [&](int r, int to) {
    const auto& reg = at(regions_, r);
    const auto& a = at(reg.patterns, reg.pattern);
    const auto& b = at(reg.patterns, to);
    std::vector<int> left, entered;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(left));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(entered));
    return std::pair(left, entered);
  };
  struct Option {
    int region, from, to;
  };
  using Change = std::tuple<int, std::vector<int>, std::vector<int>>;  // (days, left, entered)
  std::map<Change, std::vector<Option>> index;
  auto add_options = [&](int r) {
    const auto& reg = at(regions_, r);
    for (int p = 0; p < size_of(reg.patterns); ++p)
      if (p != reg.pattern) {
        auto [left, entered] = diff(r, p);
        index[{reg.days, std::move(left), std::move(entered)}].push_back({r, reg.pattern, p});
      }
  };
  std::vector<int> order;
  for (int r = 0; r < size_of(regions_); ++r)
    if (tradable(at(regions_, r))) order.push_back(r), add_options(r);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return at(regions_, a).risk > at(regions_, b).risk; });
  auto slot_in = [&](int r, int k) {
    for (int it : at(regions_, r).items)
      if (at(items_, it).slot >= 0 && at(items_, it).round == k) return at(items_, it).slot;
    return -1;
  };
  std::vector<int> touched;
  // Moves a to pattern pa and b to pattern pb with the slots given per round (round → slot).
  auto place = [&](int a, int pa, const std::map<int, int>& sa, int b, int pb, const std::map<int, int>& sb) {
    touched.clear();
    for (int r : {a, b})
      for (int it : at(regions_, r).items)
        if (at(items_, it).slot >= 0) remove_item(it, touched);
    at(regions_, a).pattern = pa;
    at(regions_, b).pattern = pb;
    for (auto [r, slots] : {std::pair(a, &sa), std::pair(b, &sb)}) {
      const auto& reg = at(regions_, r);
      const auto& pat = at(reg.patterns, reg.pattern);
      for (int i = 0; i < size_of(pat); ++i) add_item(at(reg.items, i), slots->at(at(pat, i)), touched);
    }
    refresh_regions(touched);
  };
  auto slots_of = [&](int r) {
    std::map<int, int> m;
    for (int it : at(regions_, r).items)
      if (at(items_, it).slot >= 0) m[at(items_, it).round] = at(items_, it).slot;
    return m;
  };
  for (int pass = 0; pass < 3; ++pass) {
    bool improved = false;
    for (int a : order) {
      const auto& A = at(regions_, a);
      for (int pa = 0; pa < size_of(A.patterns); ++pa) {
        int first = at(at(A.patterns, A.pattern), 0);
        int k = at(at(A.patterns, pa), 0);
        if (pa == A.pattern || k >= first) continue;
        auto [left, entered] = diff(a, pa);
        auto found = index.find({A.days, entered, left});
        if (found == index.end()) continue;
        // Ranked by the risk change the two first tours' months suggest (the sequence inside the
        // periods may move them; the key decides). In a round it enters, a region takes the place
        // the other leaves there: the start of whichever of the two has a tour in that round.
        auto start_in = [&](int r1, int r2, int round) {
          int owner = slot_in(r1, round) >= 0 ? r1 : r2;
          const auto& ts = at(slots_, slot_in(owner, round));
          for (int it : ts.items)
            if (at(items_, it).region == owner) return month_index(ts.first + date::days{at(items_, it).offset});
          return month_index(ts.first);
        };
        std::vector<std::pair<long long, Option>> cands;
        for (const auto& o : found->second) {
          if (o.region == a || at(regions_, o.region).pattern != o.from) continue;
          const auto& B = at(regions_, o.region);
          long long delta = static_cast<long long>(A.risk) * start_in(o.region, a, k) - A.risk_cost;
          int kb = at(at(B.patterns, o.to), 0);
          if (kb != at(at(B.patterns, o.from), 0))
            delta += static_cast<long long>(B.risk) * start_in(o.region, a, kb) - B.risk_cost;
          if (delta < 0) cands.emplace_back(delta, o);
        }
        std::size_t n = std::min<std::size_t>(cands.size(), 8);
        std::partial_sort(cands.begin(), cands.begin() + static_cast<long>(n), cands.end(), [](const auto& x, const auto& y) {
          return std::tuple(x.first, x.second.region, x.second.to) < std::tuple(y.first, y.second.region, y.second.to);
        });
        for (std::size_t c = 0; c < n; ++c) {
          const Option o = cands[c].second;
          int b = o.region;
          auto old_a = slots_of(a), old_b = slots_of(b);
          int was_a = A.pattern;
          std::map<int, int> new_a, new_b;
          for (int r : at(A.patterns, pa)) new_a[r] = old_a.count(r) ? old_a[r] : old_b.at(r);
          for (int r : at(at(regions_, b).patterns, o.to)) new_b[r] = old_b.count(r) ? old_b[r] : old_a.at(r);
          Key before = key();
          place(a, pa, new_a, b, o.to, new_b);
          if (key() < before) {
            add_options(a);
            add_options(b);
            improved = true;
            break;
          }
          place(a, was_a, old_a, b, o.from, old_b);
        }
      }
    }
    if (!improved) break;
  }
}

// Team balance: while every team at a round's largest load can pass one tour to a team that stays
// below that load with it (a period with room, the start nearest the tour's own), or exchange it for
// a shorter tour of such a team (a 10-day tour for a 7-day one), the largest load drops; each such
// step is kept only when the key improves.
void Solver::level_teams() {
  std::vector<int> touched;
  for (int k = 0; k < K_; ++k) {
    for (int step = 0; step < 64; ++step) {
      long long top = at(team_max_, k);
      Key before = key();
      std::vector<std::pair<int, int>> undo;  // (item, slot it left)
      bool stuck = false;
      touched.clear();
      std::vector<char> moved(items_.size(), 0);  // (an item moves at most once per step)
      for (int j = 0; j < teams_of(k) && !stuck; ++j) {
        if (at(team_load_, k * T_ + j) < top) continue;
        // The nearest start (a) to a period of a team that stays below the top with the tour, or
        // (b) in exchange for a shorter tour of such a team when both periods have room.
        int best_it = -1, best_s = -1, best_other = -1;
        long long best_gap = LLONG_MAX;
        for (int s : at(slots_of_round_, k)) {
          const auto& ts = at(slots_, s);
          if (ts.team != j) continue;
          for (int it : ts.items) {
            if (at(moved, it)) continue;
            int d = at(regions_, at(items_, it).region).days;
            long long when = (ts.first - Date{}).count() + at(items_, it).offset;
            for (int s2 : at(slots_of_round_, k)) {
              const auto& t2 = at(slots_, s2);
              long long other_load = at(team_load_, k * T_ + t2.team);
              if (t2.team == j || other_load >= top) continue;
              long long start2 = (t2.first - Date{}).count();
              if (other_load + d < top && fits(s2, at(items_, it).region)) {
                long long gap = std::abs(start2 + t2.used - when);
                if (gap < best_gap) best_gap = gap, best_it = it, best_s = s2, best_other = -1;
              }
              for (int it2 : t2.items) {
                int d2 = at(regions_, at(items_, it2).region).days;
                if (d2 >= d || at(moved, it2) || other_load + d - d2 >= top || !fits(s2, at(items_, it).region, it2) ||
                    !fits(s, at(items_, it2).region, it))
                  continue;
                long long gap = std::abs(start2 + at(items_, it2).offset - when);
                if (gap < best_gap) best_gap = gap, best_it = it, best_s = s2, best_other = it2;
              }
            }
          }
        }
        if (best_it < 0) {
          stuck = true;
          break;
        }
        int from = at(items_, best_it).slot;
        undo.emplace_back(best_it, from);
        at(moved, best_it) = 1;
        remove_item(best_it, touched);
        if (best_other >= 0) {
          undo.emplace_back(best_other, best_s);
          at(moved, best_other) = 1;
          remove_item(best_other, touched);
          add_item(best_other, from, touched);
        }
        add_item(best_it, best_s, touched);
      }
      refresh_regions(touched);
      if (!stuck && key() < before) continue;
      touched.clear();
      for (auto u = undo.rbegin(); u != undo.rend(); ++u) remove_item(u->first, touched);
      for (auto u = undo.rbegin(); u != undo.rend(); ++u) add_item(u->first, u->second, touched);
      refresh_regions(touched);
      break;
    }
  }
}

// Per round and duration, the tours' places (team period and start) are interchangeable: round and
// team loads stay whichever tour takes which. Regions' first tours go to the earliest places by
// risk (the rearrangement that minimises Σ risk · month for those places), later tours and tours
// after a pinned one to the last. Kept only when the key improves (e.g. not with more of --keep's
// tours moved).
void Solver::polish() {
  std::vector<int> touched;
  for (int k = 0; k < K_; ++k) {
    Key before = key();
    std::vector<std::pair<int, int>> undo;  // (item, slot)
    std::map<int, std::vector<std::pair<Date, int>>> places;  // duration → (start, slot)
    std::map<int, std::vector<int>> tours;                    // duration → items
    for (int s : at(slots_of_round_, k))
      for (int it : at(slots_, s).items) {
        int d = at(regions_, at(items_, it).region).days;
        places[d].emplace_back(at(slots_, s).first + date::days{at(items_, it).offset}, s);
        tours[d].push_back(it);
      }
    touched.clear();
    for (auto& [d, pl] : places) {
      auto& its = tours[d];
      std::sort(pl.begin(), pl.end());
      auto weight = [&](int it) {
        const auto& item = at(items_, it);
        const auto& r = at(regions_, item.region);
        bool first = item.pos == 0 && month_index(at(slots_, item.slot).first) < r.fixed_first_month;
        return first ? r.risk : 0;
      };
      std::vector<std::tuple<int, int, int>> order;  // (-weight, data index, item)
      for (int it : its) order.emplace_back(-weight(it), at(regions_, at(items_, it).region).data_index, it);
      std::sort(order.begin(), order.end());
      for (std::size_t i = 0; i < order.size(); ++i) {
        int it = std::get<2>(order[i]);
        if (at(items_, it).slot == pl[i].second) continue;
        undo.emplace_back(it, at(items_, it).slot);
      }
      for (const auto& [it, from] : undo)
        if (at(items_, it).slot == from) remove_item(it, touched);
      for (std::size_t i = 0; i < order.size(); ++i) {
        int it = std::get<2>(order[i]);
        if (at(items_, it).slot < 0) add_item(it, pl[i].second, touched);
      }
    }
    refresh_regions(touched);
    if (key() < before) continue;  // (an equal key keeps the places the search chose)
    touched.clear();
    for (const auto& [it, from] : undo) remove_item(it, touched);
    for (const auto& [it, from] : undo) add_item(it, from, touched);
    refresh_regions(touched);
  }
}

}  // namespace xuncha::schedule::detail
