// The two constructions: capacity-aware (round years first, then packing) and the plain greedy.
#include "solver.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace xuncha::schedule::detail {

bool Solver::place_region(int ri, bool any_pattern, int only_pattern) {
  auto& r = at(regions_, ri);
  long long best_score = LLONG_MAX;
  int best_p = -1;
  std::vector<int> best_slots;
  std::vector<int> touched;
  for (int p = 0; p < size_of(r.patterns); ++p) {
    if (only_pattern >= 0 && p != only_pattern) continue;
    const auto& pat = at(r.patterns, p);
    // Earliest start in each round's team slots (ties: the least loaded team).
    std::vector<int> chosen;
    bool all_fit = true;
    long long score = 0;
    int first_month = r.fixed_first_month;
    std::vector<long long> extra(static_cast<std::size_t>(K_), 0);
    for (int k : pat) {
      int bs = -1;
      std::tuple<long long, long long, int> bk{LLONG_MAX, 0, 0};
      for (int s : at(slots_of_round_, k)) {
        const auto& ts = at(slots_, s);
        if (!fits(s, ri)) continue;
        // Nearly full rounds: best fit (the period that the tour leaves least of), so that packing
        // does not strand a few days in every period; otherwise the earliest start.
        long long start = (ts.first - Date{}).count() + ts.used;
        std::tuple<long long, long long, int> kk{start, at(team_load_, k * T_ + ts.team), s};
        if (!tight_.empty() && at(tight_, k)) kk = {ts.cap - ts.used - r.days, start, s};
        if (kk < bk) bk = kk, bs = s;
      }
      if (bs < 0) {
        all_fit = false;
        break;
      }
      chosen.push_back(bs);
      const auto& ts = at(slots_, bs);
      first_month = std::min(first_month, month_index(ts.first + date::days{ts.used}));
      at(extra, k) += r.days;
      long long tl = at(team_load_, k * T_ + ts.team) + r.days;
      score += pol_.weights.team_balance * teams_of(k) * std::max(0LL, tl - at(team_max_, k));
    }
    if (!all_fit) continue;
    long long cur_max = 0, new_max = 0, q = 0;
    for (int k = 0; k < K_; ++k) {
      cur_max = std::max(cur_max, at(round_load_, k));
      new_max = std::max(new_max, at(round_load_, k) + at(extra, k));
      q += at(extra, k) * at(round_load_, k);
    }
    score += pol_.weights.round_load * (new_max - cur_max);
    if (first_month != INT_MAX) score += static_cast<long long>(pol_.weights.risk) * r.risk * first_month;
    // Kept tours: stay in the kept years when re-planning. Tours beyond the fewest only where
    // nothing else fits.
    for (const auto& kp : r.kept)
      if (std::none_of(pat.begin(), pat.end(), [&](int k) { return year_of_round(k) == kp.year; }))
        score += 1000000000LL;
    score += 1000000000LL * (size_of(pat) - r.fewest);
    score = score * 1024 + q / 64;
    if (score < best_score) best_score = score, best_p = p, best_slots = chosen;
    if (!any_pattern) break;
  }
  if (best_p < 0) return false;
  r.pattern = best_p;
  const auto& pat = at(r.patterns, best_p);
  for (int i = 0; i < size_of(pat); ++i) {
    int it = at(r.items, i);
    // A kept tour goes back to its team when that team's slot still fits it.
    int s = at(best_slots, i);
    for (const auto& kp : r.kept) {
      if (kp.year != year_of_round(at(pat, i))) continue;
      for (int cand : at(slots_of_round_, at(pat, i))) {
        const auto& ts = at(slots_, cand);
        if (ts.team == kp.team && !(kp.start < ts.first) && fits(cand, ri)) s = cand;
      }
    }
    add_item(it, s, touched);
  }
  refresh_regions(touched);
  return true;
}

bool Solver::construct() {
  for (int ri = 0; ri < size_of(regions_); ++ri) {
    auto& r = at(regions_, ri);
    int n = 0;
    for (const auto& pat : r.patterns) n = std::max(n, size_of(pat));
    for (int i = 0; i < n; ++i) {
      r.items.push_back(size_of(items_));
      items_.push_back({ri, -1, -1, 0, i});
    }
  }
  {
    // Regions with pinned tours only count in the risk term from the start (as in the bounds).
    std::vector<int> all(regions_.size());
    std::iota(all.begin(), all.end(), 0);
    refresh_regions(all);
  }
  order_.resize(regions_.size());
  std::iota(order_.begin(), order_.end(), 0);
  // Fewest choices first, then risk, then duration.
  std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
    const auto& ra = at(regions_, a);
    const auto& rb = at(regions_, b);
    return std::tuple(size_of(ra.patterns), -ra.risk, -ra.days) < std::tuple(size_of(rb.patterns), -rb.risk, -rb.days);
  });
  for (int k = 0; k < K_; ++k) refresh_team_max(k);
  // Two constructions. Capacity-aware (SCHEDULING.md): round years for every region with the
  // rounds' capacity in view, then teams and periods (longest first; best fit in nearly full
  // rounds). Plain greedy: each region, in order, where the objective grows least. The search starts
  // from the greedy one when it places every region (measured: better after the search on every
  // bench instance, even where the capacity-aware start scores better), else from the capacity-aware one,
  // which still places everyone when the last rounds are nearly full.
  std::vector<int> pattern_of = assign_rounds();
  {
    std::vector<long long> load = round_load_, cap(static_cast<std::size_t>(K_), 0);
    for (const auto& ts : slots_) at(cap, ts.round) += ts.cap;
    for (int ri = 0; ri < size_of(regions_); ++ri)
      if (!at(regions_, ri).items.empty())
        for (int k : at(at(regions_, ri).patterns, at(pattern_of, ri))) at(load, k) += at(regions_, ri).days;
    tight_.assign(static_cast<std::size_t>(K_), 0);
    for (int k = 0; k < K_; ++k) at(tight_, k) = at(load, k) * 100 > at(cap, k) * 90;
  }
  std::vector<int> pack = order_;
  std::stable_sort(pack.begin(), pack.end(), [&](int a, int b) {
    const auto& ra = at(regions_, a);
    const auto& rb = at(regions_, b);
    return std::tuple(-ra.days, -ra.risk) < std::tuple(-rb.days, -rb.risk);
  });
  bool packed = true;
  for (int ri : pack)
    if (!at(regions_, ri).items.empty() && !place_region(ri, false, at(pattern_of, ri)) && !place_region(ri, true))
      packed = false;
  tight_.clear();
  std::vector<int> first_slot, first_pattern;
  Key first_key{LLONG_MAX, LLONG_MAX, LLONG_MAX, LLONG_MAX, LLONG_MAX};
  if (packed) {
    first_key = key();
    for (const auto& item : items_) first_slot.push_back(item.slot);
    for (const auto& r : regions_) first_pattern.push_back(r.pattern);
  }
  clear_items();
  bool greedy = true;
  Message stranded;
  for (int ri : order_) {
    if (at(regions_, ri).items.empty()) continue;
    if (!place_region(ri, true)) {
      greedy = false;
      if (packed) break;
      const auto& r = at(regions_, ri);
      const Region& reg = at(data_.regions, r.data_index);
      // Per round the region may take: the longest free stretch any team has left.
      std::set<int> rounds;
      for (const auto& pat : r.patterns) rounds.insert(pat.begin(), pat.end());
      std::vector<std::string> full_zh, full_en;
      for (int k : rounds) {
        long long left = 0;
        for (int s : at(slots_of_round_, k)) left = std::max<long long>(left, at(slots_, s).cap - at(slots_, s).used);
        if (left >= r.days) continue;
        full_zh.push_back(fmt::format("{} 年最长只剩 {} 天", year_of_round(k), left));
        full_en.push_back(fmt::format("{}: at most {} days left", year_of_round(k), left));
      }
      stranded = {fmt::format("{}（{}）需要连续 {} 天，可安排的轮次中各组时段已满（{}）", reg.name, reg.id, r.days,
                              fmt::join(full_zh, "，")),
                  fmt::format("{} needs {} consecutive days, and in its possible rounds every team's periods are full ({})",
                              reg.id, r.days, fmt::join(full_en, "; "))};
      break;
    }
  }
  if (!packed && !greedy) {
    // Neither construction placed every region: a first fit (latest years first), then repair the
    // packing round by round.
    clear_items();
    if (first_fit()) return true;
    clear_items();
    RepairReport rep;
    if (repair(pattern_of, rep)) return true;
    clear_items();
    if (int k = round_cannot_pack(); k >= 0) {
      res_.proven = true;
      res_.problems.push_back(
          {"", year_of_round(k),
           {fmt::format("{} 个巡查组时 {} 年排不下只能在该年巡查的地区：逐一穷举这些巡查在各组空闲时段中的装法，没有一种放得下"
                        "（{}）；需要更多巡查组（--teams {}）或更长的时段",
                        T0_, year_of_round(k), stranded.zh, teams_of(k) + 1),
            fmt::format("with {} teams, round {} cannot hold the tours that only it can take: an exhaustive search of "
                        "their packings into the teams' free periods finds none ({}); more teams (--teams {}) or "
                        "longer periods are needed",
                        T0_, year_of_round(k), stranded.en, teams_of(k) + 1)}});
      return false;
    }
    int bound = std::max(res_.bounds.min_teams, 1);
    std::string years_zh = rep.rounds.empty() ? std::string("-") : years_text(rep.rounds);
    res_.problems.push_back(
        {"", 0,
         {fmt::format("{} 个巡查组未找到可行安排（这不证明不存在）：三种构造（按容量、贪心、按最晚年份首次适配）都排不下：{}；逐轮装箱修复（{} 次把较短的巡查移到其他轮次，"
                      "每轮先按最佳适配并做至多 {} 个节点的精确搜索，再逐个时段尽量填满）仍无法装下 {} 年。下界要求至少 {} 个组，"
                      "下界只是必要条件，不保证够用；可用 --teams {} 再试，或放宽批次窗口",
                      T0_, stranded.zh, rep.moves, rep.node_limit, years_zh, bound, T0_ + 1),
          fmt::format("no schedule found with {} teams (this does not prove there is none): the three constructions "
                      "(capacity-aware, greedy, first fit in the latest years) strand a tour: {}; repairing the packing round by round ({} moves of shorter tours to other rounds, a "
                      "best-fit packing with an exact search of up to {} nodes per round, then period by period, each filled as full as the tours allow) still could not pack {}. The lower bound "
                      "needs at least {} teams; it is a bound, necessary but not enough: try --teams {}, or widen the "
                      "batch windows",
                      T0_, stranded.en, rep.moves, rep.node_limit, years_zh, bound, T0_ + 1)}});
    return false;
  }
  if (packed && !greedy) {
    clear_items();
    std::vector<int> touched;
    for (int it = 0; it < size_of(items_); ++it)
      if (at(first_slot, it) >= 0) add_item(it, at(first_slot, it), touched);
    for (int ri = 0; ri < size_of(regions_); ++ri) at(regions_, ri).pattern = at(first_pattern, ri);
    refresh_regions(touched);
  }
  return true;
}

// The third construction, for when the other two strand a tour: longest tours first, each region
// in the latest years its windows allow (fewest tours first), each tour at the earliest start any
// team still offers, the first pattern that fits taken. Late years first leave the early rounds,
// the ones that regions due now must take, to them.
bool Solver::first_fit() {
  std::vector<int> order = order_;
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return at(regions_, a).days > at(regions_, b).days; });
  for (int ri : order) {
    const auto& r = at(regions_, ri);
    if (r.items.empty()) continue;
    std::vector<int> pats(r.patterns.size());
    std::iota(pats.begin(), pats.end(), 0);
    std::stable_sort(pats.begin(), pats.end(), [&](int a, int b) {
      const auto& pa = at(r.patterns, a);
      const auto& pb = at(r.patterns, b);
      if (pa.size() != pb.size()) return pa.size() < pb.size();
      return pb < pa;  // later years first
    });
    bool placed = false;
    for (int p : pats)
      if (place_region(ri, false, p)) {
        placed = true;
        break;
      }
    if (!placed) return false;
  }
  return true;
}

void Solver::clear_items() {
  std::vector<int> touched;
  for (int it = 0; it < size_of(items_); ++it)
    if (at(items_, it).slot >= 0) remove_item(it, touched);
  for (auto& r : regions_) r.pattern = -1;
  refresh_regions(touched);
}

std::vector<int> Solver::assign_rounds() const {
  // Per round: its team periods grouped by first day (date, total capacity, periods), in date order.
  struct Group {
    Date first{};
    long long cap = 0;
    int count = 0;
  };
  std::vector<std::vector<Group>> groups(static_cast<std::size_t>(K_));
  std::vector<long long> cap(static_cast<std::size_t>(K_), 0), load = round_load_;
  for (int k = 0; k < K_; ++k) {
    std::map<Date, Group> g;
    for (int s : at(slots_of_round_, k)) {
      const auto& ts = at(slots_, s);
      auto& e = g[ts.first];
      e.first = ts.first;
      e.cap += ts.cap;
      ++e.count;
      at(cap, k) += ts.cap;
    }
    for (const auto& [d, e] : g) at(groups, k).push_back(e);
  }
  // Month in which the next tour of round k would start if the teams filled their periods evenly.
  auto month_at = [&](int k) {
    long long cum = 0;
    for (const auto& e : at(groups, k)) {
      if (at(load, k) < cum + e.cap) return month_index(e.first + date::days{(at(load, k) - cum) / e.count});
      cum += e.cap;
    }
    return at(groups, k).empty() ? 0 : month_index(at(groups, k).back().first) + 1;
  };
  const auto& w = pol_.weights;
  std::vector<int> out(regions_.size(), 0);
  for (int ri : order_) {
    const auto& r = at(regions_, ri);
    if (r.items.empty()) continue;
    long long cur_max = *std::max_element(load.begin(), load.end());
    long long best = LLONG_MAX;
    for (int p = 0; p < size_of(r.patterns); ++p) {
      const auto& pat = at(r.patterns, p);
      long long new_max = cur_max, over = 0, quad = 0;
      for (int k : pat) {
        long long l = at(load, k) + r.days;
        new_max = std::max(new_max, l);
        // Leave 3 % of a round for packing losses (periods that end with a few idle days).
        over += std::max(0LL, l - at(cap, k) * 97 / 100);
        quad += at(load, k) * r.days;
      }
      long long score = w.round_load * (new_max - cur_max) + static_cast<long long>(w.risk) * r.risk * month_at(pat.front());
      for (const auto& kp : r.kept)
        if (std::none_of(pat.begin(), pat.end(), [&](int k) { return year_of_round(k) == kp.year; })) score += 1000000;
      score += 1000000LL * (size_of(pat) - r.fewest);  // (less than a day over the rounds' capacity)
      score = (over * 1000000000LL + score) * 1024 + quad / 1024;
      if (score < best) best = score, at(out, ri) = p;
    }
    for (int k : at(r.patterns, at(out, ri))) at(load, k) += r.days;
  }
  return out;
}

}  // namespace xuncha::schedule::detail
