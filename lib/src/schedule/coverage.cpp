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
// now, so it counts as toured G years before its first possible year: a pinned year, or the first
// round year in which its tour can still be placed (after --as-of, in a period long enough, not a
// State Council year), which may lie after the horizon.
int Solver::last_for_coverage(const RegionInfo& r, const std::vector<int>& allowed) const {
  if (r.last) return r.last;
  int first = INT_MAX;
  for (int y : r.fixed) first = std::min(first, y);
  for (int k : allowed) first = std::min(first, year_of_round(k));
  // After the horizon: a round year whose batch windows are long enough at all (its holidays may
  // not be known yet).
  int window = 0;
  for (const auto& bw : pol_.batches)
    for (int y = opt_.from; y < opt_.from + 4; ++y) window = std::max(window, days_inclusive(bw.first_day(y), bw.last_day(y)));
  for (int y = H_ + 1; first == INT_MAX && window >= r.days && y <= H_ + 100; ++y)
    if (later_round_in(r, y, y)) first = y;
  // No year can ever take it: the horizon's last window is the one reported.
  return first == INT_MAX ? H_ - pol_.coverage_years : first - pol_.coverage_years;
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
    if (!r.last && e < r.coverage_last + g) continue;  // before a never-toured region is due
    bool hit = r.coverage_last >= lo && r.coverage_last <= e;
    for (int y : chosen) hit = hit || (y >= lo && y <= e);
    for (int y : r.fixed) hit = hit || (y >= lo && y <= e);
    if (!hit && !(e > H_ && later_round_in(r, lo, e))) return false;
  }
  return true;
}

namespace {
// "（须在可进驻月份 5—6、9—10 内）" / " within its months 5-6, 9-10": the season, when the region has one.
std::string season_zh(const RegionInfo& r) {
  std::string out;
  if (r.months != 0xFFFu) out += "须在可进驻月份 " + months_text(r.months, true) + " 内";
  if (!r.blocked->empty()) out += (out.empty() ? "" : "，") + blocked_text(*r.blocked, true) + " 不进驻";
  return out.empty() ? out : "（" + out + "）";
}
std::string season_en(const RegionInfo& r) {
  std::string out;
  if (r.months != 0xFFFu) out += " within its months " + months_text(r.months, false);
  if (!r.blocked->empty()) out += (out.empty() ? " outside " : " and outside ") + blocked_text(*r.blocked, false);
  return out;
}
}  // namespace

bool Solver::build_region(RegionInfo& r, const Region& reg) {
  int g = pol_.coverage_years;
  std::set<int> council(r.council.begin(), r.council.end());
  // Round indexes the region may take: not a State Council year, not already pinned, and with a
  // free period of some team long enough for its tour (holidays, blackouts, pinned tours and the
  // days up to --as-of taken out).
  std::vector<int> allowed;
  for (int k = 0; k < K_; ++k) {
    int y = year_of_round(k);
    if (council.count(y) || std::find(r.fixed.begin(), r.fixed.end(), y) != r.fixed.end()) continue;
    if (!round_holds(k, r)) continue;
    allowed.push_back(k);
  }
  r.allowed = allowed;
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
      res_.problems.push_back({reg.id, e, uncovered_window(r, reg, lo, e)});
      return false;
    }
    if (!pinned) {
      ++need;
      if (e > H_) ++r.beyond_horizon;
    }
    cur = best;
  }
  r.fewest = need;
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
    for (int s : at(slots_of_round_, k)) longest = std::max(longest, at(slots_, s).usable());
    if (round_holds(k, r)) continue;
    short_zh.push_back(fmt::format("{} 年最长 {} 天", year_of_round(k), longest));
    short_en.push_back(fmt::format("{}: {} days at most", year_of_round(k), longest));
  }
  std::erase_if(r.patterns, [&](const std::vector<int>& pat) {
    return std::any_of(pat.begin(), pat.end(), [&](int k) { return !round_holds(k, r); });
  });
  if (need == 0 && r.patterns.empty()) r.patterns.push_back({});  // need == 0: one empty pattern
  if (need > 0 && r.patterns.empty()) {
    res_.problems.push_back(
        {reg.id, 0,
         {fmt::format("{}（{}）驻点需连续 {} 天{}，但可安排的年份里没有一个组有这么长的空闲时段（{}；已扣除节假日、停止巡查日、"
                      "已定巡查和 --as-of 之前的日期）",
                      reg.name, reg.id, r.days, season_zh(r), fmt::join(short_zh, "，")),
          fmt::format("{} needs {} days on site in one stretch{}, but in its possible years no team has a free period that "
                      "long ({}; holidays, blackout days, pinned tours and the days up to --as-of taken out)",
                      reg.id, r.days, season_en(r), fmt::join(short_en, "; "))}});
    return false;
  }
  return true;
}

// When no schedule of fewest tours was found: the sets of one tour more (allowed years that cover
// every window, at most 512), after the region's patterns of fewest tours. Returns how many.
int Solver::add_extra_patterns(RegionInfo& r) const {
  if (r.fewest == 0 || size_of(r.allowed) <= r.fewest) return 0;
  int need = r.fewest + 1, added = 0;
  std::vector<int> pick, ys;
  auto rec = [&](auto&& self, int startpos) -> void {
    if (added >= 512) return;
    if (size_of(pick) == need) {
      ys.clear();
      for (int k : pick) ys.push_back(year_of_round(k));
      if (!covers(r, ys)) return;
      // Only sets that need every one of their years (a tour more on top of a covering set helps nothing).
      for (int j = 0; j < need; ++j) {
        std::vector<int> less = ys;
        less.erase(less.begin() + j);
        if (covers(r, less)) return;
      }
      r.patterns.push_back(pick);
      ++added;
      return;
    }
    for (int i = startpos; i < size_of(r.allowed); ++i) {
      pick.push_back(at(r.allowed, i));
      self(self, i + 1);
      pick.pop_back();
    }
  };
  rec(rec, 0);
  return added;
}

// Whether some set of the region's possible years outside `rounds` (a bit per round; any number of
// tours) keeps it covered: the greedy of build_region (the latest year of each window) finds one
// when there is one.
bool Solver::coverable_without(const RegionInfo& r, unsigned rounds) const {
  int g = pol_.coverage_years;
  int cur = r.coverage_last;
  while (true) {
    int e = std::max(cur + g, opt_.from);
    int lo = std::max(e - g + 1, opt_.from);
    if (lo > H_ || (e > H_ && later_round_in(r, lo, e))) return true;
    int hi = std::min(e, H_);
    int best = 0;
    for (int y : r.fixed)
      if (y >= lo && y <= hi) best = std::max(best, y);
    if (best == 0)
      for (int k : r.allowed)
        if (!(k < 32 && (rounds >> k & 1u)) && year_of_round(k) >= lo && year_of_round(k) <= hi)
          best = std::max(best, year_of_round(k));
    if (best == 0) return false;
    cur = best;
  }
}

// Why no year of the window [lo, e] can take the region's tour, year by year, with the ways out.
Message Solver::uncovered_window(const RegionInfo& r, const Region& reg, int lo, int e) const {
  std::string last_zh = r.last ? fmt::format("最近一次省级巡查在 {} 年", r.last) : "没有省级巡查记录";
  std::string last_en = r.last ? fmt::format("last provincial tour {}", r.last) : "no provincial tour on record";
  std::vector<int> rounds, council, over, past;
  std::vector<std::string> zh, en;
  // The whole window: its years before --from are over, with no tour of the region on record.
  if (r.last) lo = std::min(lo, e - pol_.coverage_years + 1);
  for (int y = lo; y <= e; ++y) {
    if (!is_round_year(y)) continue;
    rounds.push_back(y);
    if (y < opt_.from) {
      past.push_back(y);
      continue;
    }
    if (std::find(r.council.begin(), r.council.end(), y) != r.council.end()) {
      council.push_back(y);
      continue;
    }
    if (y > H_) continue;  // (a later round year that could serve the window ends the search first)
    int k = at(round_of_year_, y - opt_.from);
    if (at(base_slots_, k).empty()) {
      over.push_back(y);
      continue;
    }
    int most = 0;
    for (int s : at(slots_of_round_, k)) most = std::max(most, at(slots_, s).usable());
    zh.push_back(fmt::format("{} 年没有一个组有连续 {} 天{}的空闲时段（最长 {} 天；已扣除节假日、停止巡查日、已定巡查和 "
                             "--as-of 之前的日期，并从可开始进驻的日子算起）",
                             y, r.days, season_zh(r), most));
    en.push_back(fmt::format("in {} no team has a free period of {} days{} (at most {}; holidays, blackout days, pinned "
                             "tours and the days up to --as-of taken out, counted from a day a tour may start on)",
                             y, r.days, season_en(r), most));
  }
  std::string as_of = opt_.not_before ? format_iso(*opt_.not_before) : std::string("-");
  if (!over.empty()) {
    zh.insert(zh.begin(), fmt::format("{} 年的批次时段在 --as-of（{}）之前已全部结束", years_text(over), as_of));
    en.insert(en.begin(), fmt::format("the batch windows of {} are over by --as-of ({})", years_text(over), as_of));
  }
  if (!past.empty()) {
    zh.insert(zh.begin(), fmt::format("{} 年在 --from {} 之前，已过去且没有该地区的巡查记录", years_text(past), opt_.from));
    en.insert(en.begin(), fmt::format("{} {} before --from {}, over with no tour of it on record", years_text(past),
                                      past.size() == 1 ? "is" : "are", opt_.from));
  }
  // Every round year still to come is a State Council year: say the ways out.
  bool council_only = !council.empty() && council.size() + past.size() == rounds.size();
  if (!council.empty() && !(council_only && past.empty())) {
    zh.insert(zh.begin() + (past.empty() ? 0 : 1),
              fmt::format("{} 年为国务院安委会巡查年份（当年省里不巡查）", years_text(council)));
    en.insert(en.begin() + (past.empty() ? 0 : 1),
              fmt::format("{} {} State Council year{} (no provincial tour that year)", years_text(council),
                          council.size() == 1 ? "is a" : "are", council.size() == 1 ? "" : "s"));
  }
  std::string ways_zh = "；可在其他年份安排一次不定期巡查（kind: irregular，写入数据作为已定巡查），或在政策中设 off_round_tours: true";
  std::string ways_en = "; ways out: an irregular tour in another year (kind: irregular, pinned in the data), or the "
                        "policy's off_round_tours: true";
  std::string why_zh, why_en;
  if (rounds.empty()) {
    why_zh = fmt::format("这些年份都不是轮次年份（自 {} 年起每 {} 年一轮；可在政策中调整 first_round_year、"
                         "cadence_years 或设 off_round_tours）",
                         res_.anchor_year, pol_.cadence_years);
    why_en = fmt::format("none of those years is a round year (rounds every {} years from {}; the policy's "
                         "first_round_year, cadence_years or off_round_tours change that)",
                         pol_.cadence_years, res_.anchor_year);
  } else if (council_only && past.empty()) {
    why_zh = fmt::format("其中轮次年份 {} 均为国务院安委会巡查年份（当年省里不巡查）{}", years_text(rounds), ways_zh);
    why_en = fmt::format("its round years there, {}, are all State Council years (no provincial tour that year){}",
                         years_text(rounds), ways_en);
  } else {
    why_zh = fmt::format("其中轮次年份 {}：{}{}", years_text(rounds), fmt::join(zh, "；"), council_only ? ways_zh : "");
    why_en = fmt::format("its round years there, {}: {}{}", years_text(rounds), fmt::join(en, "; "),
                         council_only ? ways_en : "");
  }
  return {fmt::format("{}（{}）无法覆盖：{}，须在 {}—{} 年内巡查；{}", reg.name, reg.id, last_zh, lo, e, why_zh),
          fmt::format("{} cannot be covered: {}, so it needs a provincial tour in {}–{}; {}", reg.id, last_en, lo, e,
                      why_en)};
}

}  // namespace xuncha::schedule::detail
