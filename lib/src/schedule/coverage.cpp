// Which round years each region may take: the coverage windows, its patterns of round years, and
// the causes when there is none.
#include "solver.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace xuncha::schedule::detail {

bool Solver::is_round_year(int y) const { return schedule::is_round_year(pol_, res_.anchor_year, y); }

// A round year after the horizon in [lo, hi] where the region may be toured (not a State Council year).
bool Solver::later_round_in(const RegionInfo& r, int lo, int hi) const {
  for (int y = std::max(lo, H_ + 1); y <= hi; ++y)
    if (is_round_year(y) && std::find(r.council.begin(), r.council.end(), y) == r.council.end()) return true;
  return false;
}

// The year coverage counts from: the last provincial tour; a region with none on record is due
// now, so it counts as toured G years before its first possible year (a pinned or allowed round).
int Solver::last_for_coverage(const RegionInfo& r, const std::vector<int>& allowed) const {
  if (r.last) return r.last;
  int first = INT_MAX;
  for (int y : r.fixed) first = std::min(first, y);
  for (int k : allowed) first = std::min(first, year_of_round(k));
  return first == INT_MAX ? opt_.from - pol_.coverage_years : first - pol_.coverage_years;
}

// Tour-days the regions to plan put into the rounds of `set` (a bit per round) whatever pattern
// each takes: per region, the fewest of its tours any of its patterns has there.
long long Solver::work_held_by(unsigned set) const {
  long long work = 0;
  for (const auto& r : regions_) {
    int least = INT_MAX;
    for (const auto& pat : r.patterns) {
      int in = 0;
      for (int k : pat) in += static_cast<int>(set >> k & 1u);
      least = std::min(least, in);
    }
    work += static_cast<long long>(r.days) * least;
  }
  return work;
}

bool Solver::covers(const RegionInfo& r, const std::vector<int>& chosen) const {
  // Every window of G years that starts in the horizon holds a tour (history counted), except a
  // window reaching past the horizon that a later round can still serve: a plan must not leave a
  // region that the next plan can no longer cover.
  int g = pol_.coverage_years;
  for (int e = opt_.from; e - g + 1 <= H_; ++e) {
    int lo = e - g + 1;
    bool hit = r.coverage_last >= lo && r.coverage_last <= e;
    for (int y : chosen) hit = hit || (y >= lo && y <= e);
    for (int y : r.fixed) hit = hit || (y >= lo && y <= e);
    if (!hit && !(e > H_ && later_round_in(r, lo, e))) return false;
  }
  return true;
}

bool Solver::build_region(RegionInfo& r, const Region& reg) {
  int g = pol_.coverage_years;
  std::set<int> council(r.council.begin(), r.council.end());
  std::vector<int> allowed;  // round indexes
  for (int k = 0; k < K_; ++k) {
    int y = year_of_round(k);
    if (council.count(y) || std::find(r.fixed.begin(), r.fixed.end(), y) != r.fixed.end()) continue;
    allowed.push_back(k);
  }
  // Fewest tours: greedy by window end, taking the latest allowed (or pinned) year of each window.
  // Windows reaching past the horizon count unless a later round year can serve them.
  r.coverage_last = last_for_coverage(r, allowed);
  int cur = r.coverage_last;
  int need = 0;
  std::vector<int> fixed = r.fixed;
  std::sort(fixed.begin(), fixed.end());
  while (true) {
    int e = std::max(cur + g, opt_.from);
    int lo = std::max(e - g + 1, opt_.from);
    if (lo > H_ || (e > H_ && later_round_in(r, lo, e))) break;
    int hi = std::min(e, H_);
    int best = 0;
    for (int y : fixed)
      if (y >= lo && y <= hi) best = std::max(best, y);
    bool pinned = best != 0;
    for (int k : allowed)
      if (!pinned && year_of_round(k) >= lo && year_of_round(k) <= hi) best = std::max(best, year_of_round(k));
    if (best == 0) {
      std::vector<int> in_window_rounds, council_hit;
      for (int y = lo; y <= e; ++y) {
        if (!is_round_year(y)) continue;
        in_window_rounds.push_back(y);
        if (council.count(y)) council_hit.push_back(y);
      }
      std::string last_zh = r.last ? fmt::format("最近一次省级巡查在 {} 年", r.last) : "没有省级巡查记录";
      std::string last_en = r.last ? fmt::format("last provincial tour {}", r.last) : "no provincial tour on record";
      std::string why_zh, why_en;
      if (in_window_rounds.empty()) {
        why_zh = fmt::format("这些年份都不是轮次年份（自 {} 年起每 {} 年一轮；可在政策中调整 first_round_year、"
                             "cadence_years 或设 off_round_tours）",
                             res_.anchor_year, pol_.cadence_years);
        why_en = fmt::format("none of those years is a round year (rounds every {} years from {}; the policy's "
                             "first_round_year, cadence_years or off_round_tours change that)",
                             pol_.cadence_years, res_.anchor_year);
      } else {
        why_zh = fmt::format("其中轮次年份 {} 均为国务院安委会巡查年份（当年省里不巡查）", years_text(in_window_rounds));
        why_en = fmt::format("its round years there, {}, are all State Council years (no provincial tour that year)",
                             years_text(in_window_rounds));
      }
      res_.problems.push_back({reg.id, e,
                               {fmt::format("{}（{}）无法覆盖：{}，须在 {}—{} 年内巡查；{}", reg.name, reg.id, last_zh, lo,
                                            e, why_zh),
                                fmt::format("{} cannot be covered: {}, so it needs a provincial tour in {}–{}; {}",
                                            reg.id, last_en, lo, e, why_en)}});
      return false;
    }
    if (!pinned) {
      ++need;
      if (e > H_) ++r.beyond_horizon;
    }
    cur = best;
  }
  // Every set of `need` allowed years that covers every window (few: at most C(rounds, need)).
  std::vector<int> pick;
  std::vector<int> ys;
  auto rec = [&](auto&& self, int startpos) -> void {
    if (size_of(r.patterns) >= 512) return;
    if (size_of(pick) == need) {
      ys.clear();
      for (int k : pick) ys.push_back(year_of_round(k));
      if (covers(r, ys)) r.patterns.push_back(pick);
      return;
    }
    for (int i = startpos; i < size_of(allowed); ++i) {
      pick.push_back(at(allowed, i));
      self(self, i + 1);
      pick.pop_back();
    }
  };
  rec(rec, 0);
  // A tour must fit in one free period of some team: patterns with a round where none is long
  // enough (holidays, blackouts, pinned tours, or --as-of late in the year) are dropped.
  std::set<int> rounds;
  for (const auto& pat : r.patterns) rounds.insert(pat.begin(), pat.end());
  std::vector<std::string> short_zh, short_en;
  for (int k : rounds) {
    int longest = 0;
    for (int s : at(slots_of_round_, k)) longest = std::max(longest, at(slots_, s).cap);
    if (longest >= r.days) continue;
    short_zh.push_back(fmt::format("{} 年最长 {} 天", year_of_round(k), longest));
    short_en.push_back(fmt::format("{}: {} days at most", year_of_round(k), longest));
  }
  std::erase_if(r.patterns, [&](const std::vector<int>& pat) {
    return std::any_of(pat.begin(), pat.end(), [&](int k) {
      const auto& in_round = at(slots_of_round_, k);
      return std::none_of(in_round.begin(), in_round.end(), [&](int s) { return at(slots_, s).cap >= r.days; });
    });
  });
  if (need == 0 && r.patterns.empty()) r.patterns.push_back({});  // need == 0: one empty pattern
  if (need > 0 && r.patterns.empty()) {
    res_.problems.push_back(
        {reg.id, 0,
         {fmt::format("{}（{}）驻点需连续 {} 天，但可安排的年份里没有一个组有这么长的空闲时段（{}；已扣除节假日、停止巡查日、"
                      "已定巡查和 --as-of 之前的日期）",
                      reg.name, reg.id, r.days, fmt::join(short_zh, "，")),
          fmt::format("{} needs {} days on site in one stretch, but in its possible years no team has a free period that "
                      "long ({}; holidays, blackout days, pinned tours and the days up to --as-of taken out)",
                      reg.id, r.days, fmt::join(short_en, "; "))}});
    return false;
  }
  return true;
}

}  // namespace xuncha::schedule::detail
