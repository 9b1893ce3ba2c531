// The rotation schedule: patterns of round years per region, slots per team, a greedy
// construction and a late-acceptance local search with incremental evaluation.
#include <xuncha/schedule/schedule.hpp>

#include <xuncha/schedule/bound.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <bit>
#include <array>
#include <climits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

namespace xuncha::schedule {
namespace {

template <class V>
auto& at(V& v, int i) {
  return v[static_cast<std::size_t>(i)];
}
int size_of(const auto& v) { return static_cast<int>(v.size()); }

int month_of(Date d) { return static_cast<int>(static_cast<unsigned>(date::year_month_day{d}.month())); }

std::uint64_t splitmix(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string years_text(const std::vector<int>& ys) {
  std::string s;
  for (int y : ys) s += (s.empty() ? "" : ", ") + std::to_string(y);
  return s.empty() ? "-" : s;
}

// ---- the instance --------------------------------------------------------------------------

struct TeamSlot {
  int round = 0, team = 0, batch = 0;
  Date first{};
  int cap = 0, used = 0;
  std::vector<int> items;  // in sequence order
};

struct Kept {
  int year = 0, team = 0;
  Date start{};
};

struct RegionInfo {
  int data_index = 0;
  int days = 0, risk = 0;
  int last = 0;                          // last provincial tour before the horizon (0: none)
  int coverage_last = 0;                 // the year coverage counts from (see last_for_coverage)
  int beyond_horizon = 0;                // tours needed only for windows reaching past the horizon
  std::vector<int> council;              // State Council years
  std::vector<int> fixed;                // pinned provincial years in the horizon
  int fixed_first_month = INT_MAX;       // month index of the earliest pinned start
  std::vector<std::vector<int>> patterns;  // round indexes, ascending
  int pattern = -1;
  std::vector<int> items;
  std::vector<Kept> kept;
  int risk_cost = 0, moved = 0;
};

struct Item {
  int region = 0, round = -1, slot = -1, offset = 0;
};

struct Key {
  long long moved = 0, obj = 0, quad = 0;
  auto operator<=>(const Key&) const = default;
};

class Solver {
 public:
  Solver(const Dataset& data, const Calendar& cal, const Options& opt, Result& res)
      : data_(data), cal_(cal), opt_(opt), res_(res), pol_(data.policy) {}

  void run();
  std::string mip(std::string& error);

 private:
  // setup
  bool build();
  void build_slots();
  bool build_region(RegionInfo& r, const Region& reg);
  bool covers(const RegionInfo& r, const std::vector<int>& chosen_years) const;
  bool is_round_year(int y) const;
  long long work_held_by(unsigned set) const;
  bool later_round_in(const RegionInfo& r, int lo, int hi) const;
  int last_for_coverage(const RegionInfo& r, const std::vector<int>& allowed) const;
  bool check_capacity();
  // state
  void resequence(int s, std::vector<int>& touched_regions);
  void refresh_regions(const std::vector<int>& regions);
  void add_item(int it, int s, std::vector<int>& touched);
  void remove_item(int it, std::vector<int>& touched);
  void refresh_team_max(int k);
  Key key() const;
  // algorithm
  bool construct();
  std::vector<int> assign_rounds() const;
  bool place_region(int r, bool any_pattern, int only_pattern = -1);
  void clear_items();
  void search();
  void finish();
  int month_index(Date d) const { return (year_of(d) - opt_.from) * 12 + month_of(d) - 1; }
  int year_of_round(int k) const { return at(res_.round_years, k); }

  const Dataset& data_;
  const Calendar& cal_;
  const Options& opt_;
  Result& res_;
  const Policy& pol_;
  int T_ = 0, K_ = 0, H_ = 0;
  std::vector<int> round_of_year_;       // year - from → round index or -1
  std::vector<std::vector<Slot>> base_slots_;  // per round
  std::vector<TeamSlot> slots_;
  std::vector<std::vector<int>> slots_of_round_;
  std::vector<RegionInfo> regions_;
  std::vector<Item> items_;
  std::vector<long long> round_load_, team_load_, team_max_;  // team_load_[k*T + j]
  long long pinned_days_ = 0, risk_total_ = 0, moved_total_ = 0, quad_ = 0;
  long long forced_max_ = 0;
  std::vector<char> tight_;   // per round: packed best-fit by the capacity-aware construction  // largest load forced into one round (pinned tours and single-round regions)
  std::vector<int> order_;  // construction order of regions
};

// ---- setup ---------------------------------------------------------------------------------

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

// The team a pinned tour occupies: its team record, its round's team number (planned tours), or
// for a tour with neither, a team of its own.
std::string team_key(const Tour& t) {
  if (!t.team.empty()) return t.team;
  if (t.team_slot > 0) return fmt::format("#{:04}", t.team_slot);
  return "?" + t.id;
}

void Solver::build_slots() {
  // Pinned tours: provincial tours of the data inside the horizon, mapped onto team numbers.
  std::vector<std::map<std::string, int>> team_of(static_cast<std::size_t>(K_));
  for (const auto& t : data_.tours) {
    if (t.body != Body::province || t.year < opt_.from || t.year > H_) continue;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    std::string key = team_key(t);
    at(team_of, k).emplace(key, 0);
  }
  T_ = opt_.teams > 0 ? opt_.teams : pol_.teams_per_round;
  for (int k = 0; k < K_; ++k) {
    auto& m = at(team_of, k);
    std::vector<bool> used(static_cast<std::size_t>(std::max<int>(T_, size_of(m)) + 1000), false);
    // Numbered planned teams keep their number; named teams take the next free numbers.
    for (auto& [key, n] : m)
      if (key[0] == '#') {
        n = std::stoi(key.substr(1)) - 1;
        used[static_cast<std::size_t>(n)] = true;
      }
    int next = 0;
    for (auto& [key, n] : m)
      if (key[0] != '#') {
        while (used[static_cast<std::size_t>(next)]) ++next;
        n = next;
        used[static_cast<std::size_t>(next)] = true;
      }
    int need = 0;
    for (auto& [key, n] : m) need = std::max(need, n + 1);
    if (need > T_) {
      res_.notes.push_back({fmt::format("{} 年已有 {} 个巡查组的巡查，按 {} 个组安排", year_of_round(k), need, need),
                            fmt::format("{} already has tours of {} teams: planning with {} teams",
                                        year_of_round(k), need, need)});
      T_ = need;
    }
  }
  res_.teams = T_;
  // Per team: the round's slots minus that team's pinned days.
  std::vector<std::vector<std::pair<Date, Date>>> busy(static_cast<std::size_t>(K_ * T_));
  for (const auto& t : data_.tours) {
    if (t.body != Body::province || t.year < opt_.from || t.year > H_ || !t.start || !t.end) continue;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    std::string key = team_key(t);
    at(busy, k * T_ + at(team_of, k).at(key)).emplace_back(*t.start, *t.end);
  }
  slots_of_round_.assign(static_cast<std::size_t>(K_), {});
  for (int k = 0; k < K_; ++k) {
    for (int j = 0; j < T_; ++j) {
      for (const auto& s : at(base_slots_, k)) {
        Date a = s.first;
        auto emit = [&](Date x, Date y) {
          if (y < x) return;
          TeamSlot ts;
          ts.round = k;
          ts.team = j;
          ts.batch = s.batch;
          ts.first = x;
          ts.cap = days_inclusive(x, y);
          at(slots_of_round_, k).push_back(size_of(slots_));
          slots_.push_back(std::move(ts));
        };
        auto b = at(busy, k * T_ + j);
        std::sort(b.begin(), b.end());
        for (const auto& [bs, be] : b) {
          if (be < a || s.last < bs) continue;
          emit(a, bs - date::days{1});
          a = std::max(a, be + date::days{1});
        }
        if (!(s.last < a)) emit(a, s.last);
      }
    }
  }
  round_load_.assign(static_cast<std::size_t>(K_), 0);
  team_load_.assign(static_cast<std::size_t>(K_ * T_), 0);
  team_max_.assign(static_cast<std::size_t>(K_), 0);
  for (const auto& t : data_.tours) {
    if (t.body != Body::province || t.year < opt_.from || t.year > H_) continue;
    const Region* reg = data_.region(t.region);
    int days = t.start && t.end ? days_inclusive(*t.start, *t.end) : (reg ? days_allowed(*reg, pol_) : 0);
    pinned_days_ += days;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    std::string key = team_key(t);
    at(round_load_, k) += days;
    at(team_load_, k * T_ + at(team_of, k).at(key)) += days;
  }
}

bool Solver::build() {
  H_ = opt_.from + opt_.years - 1;
  res_.round_years = round_years(data_, opt_.from, opt_.years, &res_.anchor_year);
  K_ = size_of(res_.round_years);
  round_of_year_.assign(static_cast<std::size_t>(opt_.years), -1);
  for (int k = 0; k < K_; ++k) at(round_of_year_, year_of_round(k) - opt_.from) = k;
  for (int k = 0; k < K_; ++k) {
    auto slots = slots_of_year(pol_, cal_, year_of_round(k));
    if (opt_.not_before) {
      // The past is not planned: periods start the day after --as-of at the earliest.
      std::erase_if(slots, [&](const Slot& s) { return !(*opt_.not_before < s.last); });
      for (auto& s : slots) s.first = std::max(s.first, *opt_.not_before + date::days{1});
    }
    base_slots_.push_back(std::move(slots));
  }
  build_slots();

  regions_.resize(data_.regions.size());
  std::unordered_map<std::string_view, int> idx;
  for (int i = 0; i < size_of(data_.regions); ++i) {
    const Region& reg = at(data_.regions, i);
    auto& r = at(regions_, i);
    r.data_index = i;
    r.days = days_allowed(reg, pol_);
    r.risk = reg.risk;
    idx.emplace(reg.id, i);
  }
  for (const auto& t : data_.tours) {
    auto it = idx.find(t.region);
    if (it == idx.end()) continue;
    auto& r = at(regions_, it->second);
    if (t.body == Body::state_council) {
      r.council.push_back(t.year);
    } else if (t.year < opt_.from) {
      r.last = std::max(r.last, t.year);
    } else if (t.year <= H_) {
      r.fixed.push_back(t.year);
      if (t.start) r.fixed_first_month = std::min(r.fixed_first_month, month_index(*t.start));
    }
  }
  for (const auto& t : opt_.keep) {
    auto it = idx.find(t.region);
    if (it == idx.end() || !t.start || t.body != Body::province) continue;
    at(regions_, it->second).kept.push_back({t.year, t.team_slot - 1, *t.start});
  }
  bool ok = true;
  // A pinned tour in a year the State Council tours the region breaks a hard rule already (C102).
  for (const auto& t : data_.tours) {
    auto it = idx.find(t.region);
    if (it == idx.end() || t.body != Body::province || t.year < opt_.from || t.year > H_) continue;
    const auto& c = at(regions_, it->second).council;
    if (std::find(c.begin(), c.end(), t.year) == c.end()) continue;
    ok = false;
    res_.problems.push_back(
        {t.region, t.year,
         {fmt::format("已定的巡查 {} 在 {} 年巡查 {}，但国务院安委会当年巡查该地区（当年省里不巡查）：请改期或删除其中之一",
                      t.id, t.year, t.region),
          fmt::format("pinned tour {} visits {} in {}, a year the State Council tours it (no provincial tour that "
                      "year): move or drop one of them",
                      t.id, t.region, t.year)}});
  }
  for (int i = 0; i < size_of(regions_); ++i) ok = build_region(at(regions_, i), at(data_.regions, i)) && ok;
  if (!ok) return false;
  return check_capacity();
}

bool Solver::check_capacity() {
  // Work forced into each round, and the teams it takes.
  // A period's usable days: the most that tours of the durations to plan fill (a 5-day period
  // between two holidays holds no 7-day tour).
  // Capacities are those of whole periods (before pinned tours are carved out of them): pinned
  // work counts as work, so the teams needed compare all the work with all the days.
  std::set<int> durations;
  for (const auto& r : regions_)
    if (!r.patterns.front().empty()) durations.insert(r.days);
  for (const auto& t : data_.tours)
    if (t.body == Body::province && t.year >= opt_.from && t.year <= H_ && t.start && t.end)
      durations.insert(days_inclusive(*t.start, *t.end));
  int longest = 0;
  for (const auto& slots : base_slots_)
    for (const auto& s : slots) longest = std::max(longest, s.capacity());
  std::vector<char> fill(static_cast<std::size_t>(longest) + 1, 0);
  at(fill, 0) = 1;
  for (int c = 1; c <= longest; ++c)
    for (int d : durations)
      if (d <= c && at(fill, c - d)) at(fill, c) = 1;
  auto usable = [&](int c) {
    while (c > 0 && !at(fill, c)) --c;
    return c;
  };
  std::vector<long long> cap(static_cast<std::size_t>(K_), 0), forced(static_cast<std::size_t>(K_), 0);
  for (int k = 0; k < K_; ++k)
    for (const auto& s : at(base_slots_, k)) at(cap, k) += static_cast<long long>(T_) * usable(s.capacity());
  long long work = pinned_days_, all_cap = 0;
  for (auto c : cap) all_cap += c;
  for (const auto& r : regions_) {
    work += static_cast<long long>(r.days) * size_of(r.patterns.front());
    for (int k : r.patterns.front()) {
      bool in_all = std::all_of(r.patterns.begin(), r.patterns.end(), [&](const auto& p) {
        return std::find(p.begin(), p.end(), k) != p.end();
      });
      if (in_all) at(forced, k) += r.days;
    }
  }
  res_.bounds.min_work = work;
  if (durations.size() == 0 || std::all_of(regions_.begin(), regions_.end(), [](const RegionInfo& r) {
        return r.patterns.front().empty();
      })) {
    res_.bounds.min_teams = pinned_days_ > 0 ? 1 : 0;
    return true;  // nothing to plan
  }
  long long per_team = T_ ? all_cap / T_ : 0;
  long long planned_work = work - pinned_days_;
  // Pinned work that takes capacity: the days of pinned tours inside the round's periods (a tour
  // outside the batches, or done before --as-of, takes none of the days left to plan).
  std::vector<long long> pinned_in(static_cast<std::size_t>(K_), 0);
  for (const auto& t : data_.tours) {
    if (t.body != Body::province || t.year < opt_.from || t.year > H_ || !t.start || !t.end) continue;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    for (const auto& sl : at(base_slots_, k)) {
      Date a = std::max(*t.start, sl.first), b = std::min(*t.end, sl.last);
      if (!(b < a)) at(pinned_in, k) += days_inclusive(a, b);
    }
  }
  long long pinned_in_rounds = std::accumulate(pinned_in.begin(), pinned_in.end(), 0LL);
  int all_teams = per_team ? static_cast<int>((planned_work + pinned_in_rounds + per_team - 1) / per_team) : 0;
  // Every set of rounds must hold the work that cannot go elsewhere: teams >= that work / one team's
  // usable days in those rounds (all rounds: the line above; one round: the forced-round check below).
  unsigned tight_set = 0;
  long long tight_need = 0, tight_one = 0;
  int tight_teams = 0;
  if (K_ <= 12 && T_ > 0) {
    for (unsigned set = 1; set < (1u << K_); ++set) {
      long long need = 0, one = 0;
      for (int k = 0; k < K_; ++k)
        if (set >> k & 1u) need += at(pinned_in, k), one += at(cap, k) / T_;
      need += work_held_by(set);
      int teams = one ? static_cast<int>((need + one - 1) / one) : 0;
      if (teams > tight_teams) tight_teams = teams, tight_set = set, tight_need = need, tight_one = one;
    }
  }
  // The stronger of the two deductions is the one shown.
  bool subset_short = tight_teams > T_ && tight_teams > all_teams && std::popcount(tight_set) > 1;
  res_.bounds.min_teams = std::max(all_teams, tight_teams);
  bool ok = true;
  if (all_teams > T_ && !subset_short) {
    res_.problems.push_back(
        {"", 0,
         {fmt::format("巡查组不足：覆盖要求至少 {} 个巡查日，每个组在 {} 个轮次中共有 {} 个可用日，至少需要 {} 个组，"
                      "现有 {} 个，缺 {} 个",
                      planned_work + pinned_in_rounds, K_, per_team, all_teams, T_, all_teams - T_),
          fmt::format("not enough teams: coverage needs at least {} tour-days, one team has {} usable days over "
                      "{}, so at least {} teams are needed; {} available, {} missing",
                      planned_work + pinned_in_rounds, per_team, K_ == 1 ? "the round" : fmt::format("the {} rounds", K_),
                      all_teams, T_, all_teams - T_)}});
    ok = false;
  }
  if (subset_short) {
    std::vector<int> ys;
    for (int k = 0; k < K_; ++k)
      if (tight_set >> k & 1u) ys.push_back(year_of_round(k));
    res_.problems.push_back(
        {"", 0,
         {fmt::format("巡查组不足：只能在 {} 年巡查的工作至少 {} 个巡查日，每个组在这几年共有 {} 个可用日，至少需要 {} 个组，"
                      "现有 {} 个，缺 {} 个",
                      years_text(ys), tight_need, tight_one, tight_teams, T_, tight_teams - T_),
          fmt::format("not enough teams: work that can only go in {} needs at least {} tour-days, one team has {} "
                      "usable days in those rounds, so at least {} teams are needed; {} available, {} missing",
                      years_text(ys), tight_need, tight_one, tight_teams, T_, tight_teams - T_)}});
    ok = false;
  }
  for (int k = 0; k < K_; ++k) {
    long long need = at(forced, k) + at(pinned_in, k);
    forced_max_ = std::max(forced_max_, at(forced, k) + at(round_load_, k));
    if (need <= at(cap, k)) continue;
    long long one = T_ ? at(cap, k) / T_ : 1;
    if (one == 0) {
      res_.problems.push_back(
          {"", year_of_round(k),
           {fmt::format("{} 年已没有可安排巡查的时段（已扣除节假日、停止巡查日和 --as-of 之前的日期），但只能在该年巡查的地区需要 {} 个巡查日",
                        year_of_round(k), need),
            fmt::format("round {} has no period left to plan in (holidays, blackout days and the days up to --as-of taken "
                        "out), but regions that can only go in {} need {} tour-days",
                        year_of_round(k), year_of_round(k), need)}});
      ok = false;
      continue;
    }
    long long teams = (need + one - 1) / one;
    res_.problems.push_back(
        {"", year_of_round(k),
         {fmt::format("{} 年一轮巡查组不足：只能在该年巡查的地区共需 {} 个巡查日，每个组该年有 {} 个可用日，至少需要 "
                      "{} 个组，现有 {} 个，缺 {} 个",
                      year_of_round(k), need, one, teams, T_, teams - T_),
          fmt::format("round {} lacks teams: regions that can only go in {} need {} tour-days, one team has {} "
                      "usable days that year, so at least {} teams are needed; {} available, {} missing",
                      year_of_round(k), year_of_round(k), need, one, teams, T_, teams - T_)}});
    ok = false;
  }
  return ok;
}

// ---- state ---------------------------------------------------------------------------------

void Solver::resequence(int s, std::vector<int>& touched) {
  auto& ts = at(slots_, s);
  // Inside one (slot, team): higher risk first, then shorter first (SCHEDULING.md).
  std::sort(ts.items.begin(), ts.items.end(), [&](int a, int b) {
    const auto& ra = at(regions_, at(items_, a).region);
    const auto& rb = at(regions_, at(items_, b).region);
    return std::tuple(-ra.risk, ra.days, ra.data_index) < std::tuple(-rb.risk, rb.days, rb.data_index);
  });
  int off = 0;
  for (int it : ts.items) {
    at(items_, it).offset = off;
    off += at(regions_, at(items_, it).region).days;
    touched.push_back(at(items_, it).region);
  }
}

void Solver::refresh_regions(const std::vector<int>& regions) {
  for (int ri : regions) {
    auto& r = at(regions_, ri);
    int first = r.fixed_first_month;
    int moved = 0;
    for (int it : r.items) {
      const auto& item = at(items_, it);
      if (item.slot < 0) continue;
      first = std::min(first, month_index(at(slots_, item.slot).first + date::days{item.offset}));
    }
    for (const auto& kp : r.kept) {
      bool same = false;
      for (int it : r.items) {
        const auto& item = at(items_, it);
        if (item.slot < 0) continue;
        const auto& ts = at(slots_, item.slot);
        same = same || (year_of_round(item.round) == kp.year && ts.team == kp.team &&
                        ts.first + date::days{item.offset} == kp.start);
      }
      moved += same ? 0 : 1;
    }
    int cost = first == INT_MAX ? 0 : r.risk * first;
    risk_total_ += cost - r.risk_cost;
    moved_total_ += moved - r.moved;
    r.risk_cost = cost;
    r.moved = moved;
  }
}

void Solver::refresh_team_max(int k) {
  long long m = 0;
  for (int j = 0; j < T_; ++j) m = std::max(m, at(team_load_, k * T_ + j));
  at(team_max_, k) = m;
}

void Solver::add_item(int it, int s, std::vector<int>& touched) {
  auto& item = at(items_, it);
  auto& ts = at(slots_, s);
  long long d = at(regions_, item.region).days;
  item.slot = s;
  item.round = ts.round;
  ts.items.push_back(it);
  ts.used += static_cast<int>(d);
  auto& rl = at(round_load_, ts.round);
  auto& tl = at(team_load_, ts.round * T_ + ts.team);
  quad_ += (rl + d) * (rl + d) - rl * rl + (tl + d) * (tl + d) - tl * tl;
  rl += d;
  tl += d;
  at(team_max_, ts.round) = std::max(at(team_max_, ts.round), tl);
  resequence(s, touched);
}

void Solver::remove_item(int it, std::vector<int>& touched) {
  auto& item = at(items_, it);
  int s = item.slot;
  auto& ts = at(slots_, s);
  long long d = at(regions_, item.region).days;
  ts.items.erase(std::find(ts.items.begin(), ts.items.end(), it));
  ts.used -= static_cast<int>(d);
  auto& rl = at(round_load_, ts.round);
  auto& tl = at(team_load_, ts.round * T_ + ts.team);
  quad_ += (rl - d) * (rl - d) - rl * rl + (tl - d) * (tl - d) - tl * tl;
  rl -= d;
  tl -= d;
  if (tl + d == at(team_max_, ts.round)) refresh_team_max(ts.round);
  item.slot = -1;
  touched.push_back(item.region);
  resequence(s, touched);
}

Key Solver::key() const {
  Terms t;
  long long sum = 0;
  for (int k = 0; k < K_; ++k) {
    t.round_load = std::max(t.round_load, at(round_load_, k));
    t.team_balance += T_ * at(team_max_, k) - at(round_load_, k);
    sum += at(round_load_, k);
  }
  (void)sum;
  t.risk = risk_total_;
  t.tour_days = pinned_days_;
  for (const auto& r : regions_) t.tour_days += static_cast<long long>(r.days) * size_of(r.items);
  return {moved_total_, weighted(t, pol_.weights), quad_};
}

// ---- construction --------------------------------------------------------------------------

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
    bool fits = true;
    long long score = 0;
    int first_month = r.fixed_first_month;
    std::vector<long long> extra(static_cast<std::size_t>(K_), 0);
    for (int k : pat) {
      int bs = -1;
      std::tuple<long long, long long, int> bk{LLONG_MAX, 0, 0};
      for (int s : at(slots_of_round_, k)) {
        const auto& ts = at(slots_, s);
        if (ts.cap - ts.used < r.days) continue;
        // Nearly full rounds: best fit (the period that the tour leaves least of), so that packing
        // does not strand a few days in every period; otherwise the earliest start.
        long long start = (ts.first - Date{}).count() + ts.used;
        std::tuple<long long, long long, int> kk{start, at(team_load_, k * T_ + ts.team), s};
        if (!tight_.empty() && at(tight_, k)) kk = {ts.cap - ts.used - r.days, start, s};
        if (kk < bk) bk = kk, bs = s;
      }
      if (bs < 0) {
        fits = false;
        break;
      }
      chosen.push_back(bs);
      const auto& ts = at(slots_, bs);
      first_month = std::min(first_month, month_index(ts.first + date::days{ts.used}));
      at(extra, k) += r.days;
      long long tl = at(team_load_, k * T_ + ts.team) + r.days;
      score += pol_.weights.team_balance * T_ * std::max(0LL, tl - at(team_max_, k));
    }
    if (!fits) continue;
    long long cur_max = 0, new_max = 0, q = 0;
    for (int k = 0; k < K_; ++k) {
      cur_max = std::max(cur_max, at(round_load_, k));
      new_max = std::max(new_max, at(round_load_, k) + at(extra, k));
      q += at(extra, k) * at(round_load_, k);
    }
    score += pol_.weights.round_load * (new_max - cur_max);
    if (first_month != INT_MAX) score += static_cast<long long>(pol_.weights.risk) * r.risk * first_month;
    // Kept tours: stay in the kept years when re-planning.
    for (const auto& kp : r.kept)
      if (std::none_of(pat.begin(), pat.end(), [&](int k) { return year_of_round(k) == kp.year; }))
        score += 1000000000LL;
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
        if (ts.team == kp.team && !(kp.start < ts.first) && ts.cap - ts.used >= r.days) s = cand;
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
    int n = size_of(r.patterns.front());
    for (int i = 0; i < n; ++i) {
      r.items.push_back(size_of(items_));
      items_.push_back({ri, -1, -1, 0});
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
  Key first_key{LLONG_MAX, LLONG_MAX, LLONG_MAX};
  if (packed) {
    first_key = key();
    for (const auto& item : items_) first_slot.push_back(item.slot);
    for (const auto& r : regions_) first_pattern.push_back(r.pattern);
  }
  clear_items();
  bool greedy = true;
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
      res_.problems.push_back(
          {reg.id, 0,
           {fmt::format("{} 个巡查组排不下{}（{}）：需要连续 {} 天，可安排的轮次中各组时段已满（{}）；"
                        "下界要求至少 {} 个组，可用 --teams {} 再试，或放宽批次窗口",
                        T_, reg.name, reg.id, r.days, fmt::join(full_zh, "，"), std::max(res_.bounds.min_teams, 1),
                        T_ + 1),
            fmt::format("with {} teams {} does not fit: it needs {} consecutive days, and in its possible rounds every "
                        "team's periods are full ({}); the lower bound needs at least {} teams: try --teams {}, or "
                        "widen the batch windows",
                        T_, reg.id, r.days, fmt::join(full_en, "; "), std::max(res_.bounds.min_teams, 1), T_ + 1)}});
      return false;
    }
  }
  if (packed && !greedy) {
    clear_items();
    std::vector<int> touched;
    for (int it = 0; it < size_of(items_); ++it) add_item(it, at(first_slot, it), touched);
    for (int ri = 0; ri < size_of(regions_); ++ri) at(regions_, ri).pattern = at(first_pattern, ri);
    refresh_regions(touched);
  }
  return true;
}

void Solver::clear_items() {
  std::vector<int> touched;
  for (int it = 0; it < size_of(items_); ++it)
    if (at(items_, it).slot >= 0) remove_item(it, touched);
  for (auto& r : regions_) r.pattern = -1;
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
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
      score = (over * 1000000000LL + score) * 1024 + quad / 1024;
      if (score < best) best = score, at(out, ri) = p;
    }
    for (int k : at(r.patterns, at(out, ri))) at(load, k) += r.days;
  }
  return out;
}

// ---- local search --------------------------------------------------------------------------

void Solver::search() {
  long long n = size_of(items_);
  if (n == 0) return;
  long long iters = opt_.iterations >= 0 ? opt_.iterations : std::clamp(600 * n, 20000LL, 800000LL);
  std::uint64_t rng = opt_.seed * 0x2545F4914F6CDD1DULL + 17;
  auto rnd = [&](int bound) { return static_cast<int>(splitmix(rng) % static_cast<std::uint64_t>(bound)); };
  Key cur = key();
  Key best = cur;
  std::vector<int> best_slot_of(items_.size());
  std::vector<int> best_pattern(regions_.size());
  auto save = [&] {
    for (std::size_t i = 0; i < items_.size(); ++i) best_slot_of[i] = items_[i].slot;
    for (std::size_t i = 0; i < regions_.size(); ++i) best_pattern[i] = regions_[i].pattern;
  };
  save();
  constexpr int history = 64;
  std::array<Key, history> hist;
  hist.fill(cur);
  std::vector<int> touched, flexible;
  for (int ri = 0; ri < size_of(regions_); ++ri)
    if (size_of(at(regions_, ri).patterns) > 1) flexible.push_back(ri);
  // Moves region ri to pattern p (a free period in each new round); false, untouched, when one is full.
  int p_old = -1;
  auto change_pattern = [&](int ri, int p, std::vector<std::pair<int, int>>& log, std::vector<int>& hit) {
    auto& r = at(regions_, ri);
    const auto& pat = at(r.patterns, p);
    std::vector<int> target(pat.size(), -1);
    for (int i = 0; i < size_of(pat); ++i) {
      int k = at(pat, i);
      int it = at(r.items, i);
      if (at(items_, it).round == k) {
        target[static_cast<std::size_t>(i)] = at(items_, it).slot;
        continue;
      }
      const auto& cands = at(slots_of_round_, k);
      if (cands.empty()) return false;
      int start = rnd(size_of(cands));
      int found = -1;
      if (rnd(2)) {
        // Half the time the earliest start the round still offers (the risk term's choice).
        long long early = LLONG_MAX;
        for (int sl : cands) {
          const auto& ts = at(slots_, sl);
          long long day = (ts.first - Date{}).count() + ts.used;
          if (ts.cap - ts.used >= r.days && day < early) early = day, found = sl;
        }
      }
      for (int c = 0; c < size_of(cands) && found < 0; ++c) {
        int sl = at(cands, (start + c) % size_of(cands));
        if (at(slots_, sl).cap - at(slots_, sl).used >= r.days) found = sl;
      }
      if (found < 0) return false;
      target[static_cast<std::size_t>(i)] = found;
    }
    // Items are ordered like the pattern's rounds; two targets in one slot cannot happen.
    for (int i = 0; i < size_of(pat); ++i) {
      int it = at(r.items, i);
      if (at(items_, it).slot == target[static_cast<std::size_t>(i)]) continue;
      log.emplace_back(it, at(items_, it).slot);
      remove_item(it, hit);
    }
    for (int i = 0; i < size_of(pat); ++i) {
      int it = at(r.items, i);
      if (at(items_, it).slot < 0) add_item(it, target[static_cast<std::size_t>(i)], hit);
    }
    p_old = r.pattern;
    r.pattern = p;
    return true;
  };
  long long done = 0;
  for (; done < iters; ++done) {
    touched.clear();
    int kind = rnd(12);
    // Undo log: (item, old slot) in order of change.
    std::vector<std::pair<int, int>> undo;
    int old_pattern = -1, pattern_region = -1, old_pattern2 = -1, pattern_region2 = -1;
    if (kind < 6) {
      // Relocate one tour to another team slot of its round.
      int it = rnd(static_cast<int>(n));
      auto& item = at(items_, it);
      const auto& cands = at(slots_of_round_, item.round);
      if (cands.empty()) continue;
      int s = at(cands, rnd(size_of(cands)));
      if (kind == 0) {
        // One relocation in six goes to the earliest start the round still offers.
        long long early = LLONG_MAX;
        for (int c : cands) {
          const auto& tc = at(slots_, c);
          long long day = (tc.first - Date{}).count() + tc.used;
          if (c != item.slot && tc.cap - tc.used >= at(regions_, item.region).days && day < early) early = day, s = c;
        }
      }
      const auto& ts = at(slots_, s);
      if (s == item.slot || ts.cap - ts.used < at(regions_, item.region).days) continue;
      undo.emplace_back(it, item.slot);
      remove_item(it, touched);
      add_item(it, s, touched);
    } else if (kind < 9) {
      // Swap two tours of the same round.
      int a = rnd(static_cast<int>(n));
      const auto& ia = at(items_, a);
      const auto& cands = at(slots_of_round_, ia.round);
      if (cands.empty()) continue;
      const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
      if (other.items.empty()) continue;
      int b = at(other.items, rnd(size_of(other.items)));
      const auto& ib = at(items_, b);
      int sa = ia.slot, sb = ib.slot;
      if (sa == sb) continue;
      int da = at(regions_, ia.region).days, db = at(regions_, ib.region).days;
      if (at(slots_, sa).cap - at(slots_, sa).used + da < db || at(slots_, sb).cap - at(slots_, sb).used + db < da)
        continue;
      undo.emplace_back(a, sa);
      undo.emplace_back(b, sb);
      remove_item(a, touched);
      remove_item(b, touched);
      add_item(a, sb, touched);
      add_item(b, sa, touched);
    } else if (kind == 10) {
      // Swap the round years of two one-tour regions: the round loads stay, the months change
      // (a relocation alone would raise the fuller round's load first).
      if (flexible.empty()) continue;
      int ra = at(flexible, rnd(size_of(flexible)));
      auto& A = at(regions_, ra);
      if (A.items.size() != 1) continue;
      int a = A.items.front();
      int pa = rnd(size_of(A.patterns));
      if (pa == A.pattern) continue;
      int k2 = at(A.patterns, pa).front();
      const auto& cands = at(slots_of_round_, k2);
      if (cands.empty()) continue;
      const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
      if (other.items.empty()) continue;
      int b = at(other.items, rnd(size_of(other.items)));
      int rb = at(items_, b).region;
      auto& B = at(regions_, rb);
      if (B.items.size() != 1) continue;
      int k1 = at(items_, a).round;
      int pb = -1;
      for (int p = 0; p < size_of(B.patterns); ++p)
        if (at(B.patterns, p).front() == k1) pb = p;
      if (pb < 0) continue;
      int sa = at(items_, a).slot, sb = at(items_, b).slot;
      if (at(slots_, sa).cap - at(slots_, sa).used + A.days < B.days ||
          at(slots_, sb).cap - at(slots_, sb).used + B.days < A.days)
        continue;
      undo.emplace_back(a, sa);
      undo.emplace_back(b, sb);
      remove_item(a, touched);
      remove_item(b, touched);
      add_item(a, sb, touched);
      add_item(b, sa, touched);
      old_pattern = A.pattern;
      pattern_region = ra;
      old_pattern2 = B.pattern;
      pattern_region2 = rb;
      A.pattern = pa;
      B.pattern = pb;
    } else {
      // Move a region to another set of round years; one time in two, two regions at once (the
      // largest round load drops only when both full rounds lose work, and a single move that
      // empties one of them is no better).
      if (flexible.empty()) continue;
      int ri = at(flexible, rnd(size_of(flexible)));
      int p = rnd(size_of(at(regions_, ri).patterns));
      if (p == at(regions_, ri).pattern || !change_pattern(ri, p, undo, touched)) continue;
      old_pattern = p_old;
      pattern_region = ri;
      if (kind == 11) {
        // The second region comes from the now fullest round.
        int full = 0;
        for (int k = 1; k < K_; ++k)
          if (at(round_load_, k) > at(round_load_, full)) full = k;
        // (A round can hold only pinned tours, with no period left to plan in: nobody to move.)
        const auto& cands = at(slots_of_round_, full);
        int rj = ri;
        if (!cands.empty()) {
          const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
          if (!other.items.empty()) rj = at(items_, at(other.items, rnd(size_of(other.items)))).region;
        }
        int q = rnd(size_of(at(regions_, rj).patterns));
        if (rj != ri && q != at(regions_, rj).pattern && change_pattern(rj, q, undo, touched)) {
          old_pattern2 = p_old;
          pattern_region2 = rj;
        }
      }
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    refresh_regions(touched);
    Key next = key();
    auto& h = hist[static_cast<std::size_t>(done % history)];
    if (next <= cur || next < h) {
      cur = next;
      if (cur < best) {
        best = cur;
        save();
      }
    } else {
      touched.clear();
      for (auto u = undo.rbegin(); u != undo.rend(); ++u) remove_item(u->first, touched);
      for (auto u = undo.rbegin(); u != undo.rend(); ++u) add_item(u->first, u->second, touched);
      if (pattern_region >= 0) at(regions_, pattern_region).pattern = old_pattern;
      if (pattern_region2 >= 0) at(regions_, pattern_region2).pattern = old_pattern2;
      std::sort(touched.begin(), touched.end());
      touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
      refresh_regions(touched);
    }
    if (cur < h) h = cur;
  }
  res_.iterations = done;
  // Back to the best solution seen.
  touched.clear();
  for (int it = 0; it < size_of(items_); ++it)
    if (at(items_, it).slot >= 0) remove_item(it, touched);
  for (int it = 0; it < size_of(items_); ++it) add_item(it, at(best_slot_of, it), touched);
  for (int ri = 0; ri < size_of(regions_); ++ri) at(regions_, ri).pattern = at(best_pattern, ri);
  std::sort(touched.begin(), touched.end());
  touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
  refresh_regions(touched);
}

// ---- result --------------------------------------------------------------------------------

void Solver::finish() {
  const auto& w = pol_.weights;
  Terms t;
  for (int k = 0; k < K_; ++k) {
    t.round_load = std::max(t.round_load, at(round_load_, k));
    t.team_balance += T_ * at(team_max_, k) - at(round_load_, k);
  }
  t.risk = risk_total_;
  t.tour_days = pinned_days_;
  for (const auto& r : regions_) t.tour_days += static_cast<long long>(r.days) * size_of(r.items);
  res_.terms = t;
  res_.objective = weighted(t, w);
  for (const auto& r : regions_) res_.moved += r.moved;
  for (const auto& r : regions_) res_.kept += size_of(r.kept) - r.moved;
  // Tours that existed before and no longer do count as moved too (reported by the caller's diff).

  auto deadlines = [&](PlannedTour& p) {
    if (!p.end) return;
    p.report_due = cal_.add_workdays(*p.end, pol_.report_workdays);
    p.feedback_assumed = cal_.add_workdays(p.report_due, pol_.planning_feedback_workdays);
    p.plan_due = cal_.add_workdays(p.feedback_assumed, pol_.rectification_plan_workdays);
    p.results_due = cal_.add_months(p.feedback_assumed, pol_.rectification_results_months, pol_.roll_forward_to_workday);
  };
  // Pinned tours: as in the data.
  for (const auto& tr : data_.tours) {
    if (tr.body != Body::province || tr.year < opt_.from || tr.year > H_) continue;
    PlannedTour p;
    p.id = tr.id;
    p.region = tr.region;
    p.year = tr.year;
    p.team_id = tr.team;
    p.team = tr.team_slot;
    p.start = tr.start;
    p.end = tr.end;
    p.kind = tr.kind;
    p.pinned = true;
    const Region* reg = data_.region(tr.region);
    p.days = tr.start && tr.end ? days_inclusive(*tr.start, *tr.end) : (reg ? days_allowed(*reg, pol_) : 0);
    if (tr.start)
      for (int b = 0; b < size_of(pol_.batches); ++b) {
        const auto& bw = at(pol_.batches, b);
        if (!(*tr.start < bw.first_day(tr.year)) && !(bw.last_day(tr.year) < *tr.start))
          p.batch = b;
      }
    deadlines(p);
    res_.tours.push_back(std::move(p));
  }
  // Pinned tours with a named team: the team number build_slots gave them.
  for (auto& p : res_.tours) {
    if (!p.pinned || p.team || !p.start) continue;
    int k = at(round_of_year_, p.year - opt_.from);
    if (k < 0) continue;
    // The team whose slots exclude the pinned days is the one it was mapped to.
    for (int j = 0; j < T_ && !p.team; ++j) {
      bool inside = false, excluded = true;
      for (int s : at(slots_of_round_, k)) {
        const auto& ts = at(slots_, s);
        if (ts.team != j) continue;
        Date last = ts.first + date::days{ts.cap - 1};
        if (!(*p.start < ts.first) && !(last < *p.start)) excluded = false;
        inside = true;
      }
      bool in_batch = false;
      for (const auto& bs : at(base_slots_, k))
        if (!(*p.start < bs.first) && !(bs.last < *p.start)) in_batch = true;
      if (inside && excluded && in_batch) p.team = j + 1;
    }
  }
  for (const auto& r : regions_) {
    const Region& reg = at(data_.regions, r.data_index);
    for (int it : r.items) {
      const auto& item = at(items_, it);
      const auto& ts = at(slots_, item.slot);
      PlannedTour p;
      p.year = year_of_round(item.round);
      p.id = fmt::format("P{}-{}", p.year, reg.id);
      p.region = reg.id;
      p.batch = ts.batch;
      p.team = ts.team + 1;
      p.start = ts.first + date::days{item.offset};
      p.end = *p.start + date::days{r.days - 1};
      p.days = r.days;
      bool same = false;
      for (const auto& kp : r.kept) same = same || (kp.year == p.year && kp.team == ts.team && kp.start == *p.start);
      p.moved = !opt_.keep.empty() && !same;
      deadlines(p);
      res_.tours.push_back(std::move(p));
    }
  }
  std::sort(res_.tours.begin(), res_.tours.end(), [](const PlannedTour& a, const PlannedTour& b) {
    return std::tuple(a.year, a.batch, a.team, a.start, a.id) < std::tuple(b.year, b.batch, b.team, b.start, b.id);
  });
  // Why each region went where it went.
  std::map<int, long long> load;
  for (int k = 0; k < K_; ++k) load[year_of_round(k)] = at(round_load_, k);
  for (const auto& r : regions_) {
    const Region& reg = at(data_.regions, r.data_index);
    std::vector<int> chosen;
    std::set<int> possible;
    for (const auto& pat : r.patterns)
      for (int k : pat) possible.insert(year_of_round(k));
    for (int it : r.items) chosen.push_back(year_of_round(at(items_, it).round));
    std::sort(chosen.begin(), chosen.end());
    std::string last_zh = r.last ? fmt::format("上次省级巡查 {} 年", r.last) : "无省级巡查记录";
    std::string last_en = r.last ? fmt::format("last provincial tour {}", r.last) : "no provincial tour on record";
    std::string sc_zh = r.council.empty() ? "" : fmt::format("，国务院安委会 {} 年巡查", years_text(r.council));
    std::string sc_en = r.council.empty() ? "" : fmt::format(", State Council in {}", years_text(r.council));
    std::string fixed_zh = r.fixed.empty() ? "" : fmt::format("，已定 {} 年", years_text(r.fixed));
    std::string fixed_en = r.fixed.empty() ? "" : fmt::format(", already set for {}", years_text(r.fixed));
    Message why;
    if (r.items.empty()) {
      why = {"期内无需再安排", "no further tour needed in the horizon"};
    } else if (r.patterns.size() == 1) {
      why = {"唯一可行的年份", "the only years that keep it covered"};
    } else {
      int earliest = *possible.begin();
      if (chosen.front() == earliest)
        why = {fmt::format("风险权重 {}，尽早安排", r.risk), fmt::format("risk {}: as early as possible", r.risk)};
      else
        why = {fmt::format("{} 年已较满（{} 个巡查日），为平衡各轮推后", earliest, load[earliest]),
               fmt::format("{} was fuller ({} tour-days): later to balance the rounds", earliest, load[earliest])};
    }
    std::string extra_zh, extra_en;
    if (r.beyond_horizon > 0) {
      int n = r.beyond_horizon;
      extra_zh = fmt::format("（其中 {} 次使 {} 年以后仍能按期覆盖：期末之后的下一轮来不及）", n, H_);
      extra_en = fmt::format(" ({} of them so that it stays coverable after {}: the next round after the horizon comes too late)",
                             n, H_);
    }
    res_.explanations.push_back(
        {reg.id,
         {fmt::format("{}（{}）：{}{}{}；可选年份 {}；需 {} 次{}；安排在 {}：{}", reg.name, reg.id, last_zh, sc_zh, fixed_zh,
                      years_text({possible.begin(), possible.end()}), r.items.size(), extra_zh, years_text(chosen), why.zh),
          fmt::format("{}: {}{}{}; possible years {}; {} tour(s) needed{}; placed in {}: {}", reg.id, last_en, sc_en,
                      fixed_en, years_text({possible.begin(), possible.end()}), r.items.size(), extra_en,
                      years_text(chosen), why.en)}});
  }
}

void Solver::run() {
  if (!build()) return;
  // Simple bounds (SCHEDULING.md).
  auto& b = res_.bounds;
  long long forced_max = forced_max_;
  b.round_load = K_ ? std::max((b.min_work - pinned_days_ + std::accumulate(round_load_.begin(), round_load_.end(), 0LL) + K_ - 1) / K_, forced_max) : 0;
  // Every set S of rounds carries at least the work that cannot go elsewhere, so the largest round
  // load is at least that work / |S| (S = one round: the forced work; S = all: the average).
  if (K_ <= 12) {
    for (unsigned set = 1; set < (1u << K_); ++set) {
      long long need = 0;
      int size = 0;
      for (int k = 0; k < K_; ++k)
        if (set >> k & 1u) need += at(round_load_, k), ++size;
      need += work_held_by(set);
      b.round_load = std::max(b.round_load, (need + size - 1) / size);
    }
  }
  for (const auto& r : regions_) {
    if (r.patterns.front().empty()) {
      if (r.fixed_first_month != INT_MAX) b.risk += static_cast<long long>(r.risk) * r.fixed_first_month;
      continue;
    }
    int first = r.fixed_first_month;
    for (const auto& pat : r.patterns)
      for (int s : at(slots_of_round_, pat.front())) first = std::min(first, month_index(at(slots_, s).first));
    b.risk += static_cast<long long>(r.risk) * first;
  }
  const auto& w = pol_.weights;
  b.simple = w.round_load * b.round_load + w.risk * b.risk + w.tour_days * b.min_work;
  if (!construct()) return;
  search();
  // The relaxation's bound: regions of the slot model priced against round and slot capacity.
  BoundInput in;
  in.rounds = K_;
  in.teams = T_;
  in.weights = w;
  in.fixed_days = pinned_days_;
  in.from_year = opt_.from;
  in.upper = key().obj;
  in.round_fixed = round_load_;
  for (const auto& r : regions_)
    for (int it : r.items) in.round_fixed[static_cast<std::size_t>(at(items_, it).round)] -= r.days;
  for (int s = 0; s < size_of(slots_); ++s) {
    const auto& ts = at(slots_, s);
    in.slots.push_back({ts.round, ts.cap, month_index(ts.first), month_index(ts.first + date::days{ts.cap - 1}),
                        (ts.first - Date{}).count()});
  }
  for (const auto& r : regions_) {
    BoundRegion br;
    br.days = r.days;
    br.risk = r.risk;
    br.fixed_first_month = r.fixed_first_month;
    br.patterns = r.patterns;
    in.regions.push_back(std::move(br));
  }
  b.lagrangian = lagrangian_bound(in);
  finish();
  res_.feasible = true;
}

// ---- the slot MIP (benchmarks) -------------------------------------------------------------

std::string Solver::mip(std::string& error) {
  if (!build()) {
    error = res_.problems.empty() ? "no schedule" : res_.problems.front().text.en;
    return {};
  }
  if (!opt_.keep.empty()) {
    error = "--keep is not modelled by the MIP writer";
    return {};
  }
  for (const auto& r : regions_)
    if (r.fixed_first_month != INT_MAX && !r.patterns.front().empty()) {
      error = "a region with both a pinned and a planned tour in the horizon is not modelled by the MIP writer";
      return {};
    }
  const auto& w = pol_.weights;
  // Sequence inside a (slot, team): higher risk first, then shorter, then data order (resequence).
  std::vector<int> rank(regions_.size());
  {
    std::vector<int> ord(regions_.size());
    std::iota(ord.begin(), ord.end(), 0);
    std::sort(ord.begin(), ord.end(), [&](int a, int b) {
      const auto& ra = at(regions_, a);
      const auto& rb = at(regions_, b);
      return std::tuple(-ra.risk, ra.days, ra.data_index) < std::tuple(-rb.risk, rb.days, rb.data_index);
    });
    for (int i = 0; i < size_of(ord); ++i) at(rank, at(ord, i)) = i;
  }
  std::string obj, rows, bins, gens;
  auto term = [](std::string& out, long long c, const std::string& v) {
    if (c == 0) return;
    out += fmt::format(" {} {} {}", c < 0 ? "-" : "+", c < 0 ? -c : c, v);
    if (out.size() - out.rfind('\n') > 200) out += "\n ";
  };
  int row = 0;
  auto add_row = [&](const std::string& lhs, const std::string& sense, long long rhs) {
    rows += fmt::format(" c{}:{} {} {}\n", row++, lhs, sense, rhs);
  };
  auto y = [](int r, int s) { return fmt::format("y{}_{}", r, s); };
  // Which rounds a region may use; its planned tours are the items of one pattern.
  long long constant = w.tour_days * pinned_days_;
  std::vector<std::string> round_sum(static_cast<std::size_t>(K_)), team_sum(static_cast<std::size_t>(K_ * T_));
  std::vector<std::string> slot_sum(slots_.size());
  for (int ri = 0; ri < size_of(regions_); ++ri) {
    const auto& r = at(regions_, ri);
    int need = size_of(r.patterns.front());
    if (need == 0) continue;
    constant += static_cast<long long>(w.tour_days) * r.days * need;
    std::string one;
    std::set<int> rounds;
    for (int p = 0; p < size_of(r.patterns); ++p) {
      term(one, 1, fmt::format("x{}_{}", ri, p));
      bins += fmt::format(" x{}_{}\n", ri, p);
      for (int k : at(r.patterns, p)) rounds.insert(k);
    }
    add_row(one, "=", 1);
    for (int k : rounds) {
      std::string link;
      for (int s : at(slots_of_round_, k)) {
        if (at(slots_, s).cap < r.days) continue;
        term(link, 1, y(ri, s));
        bins += " " + y(ri, s) + "\n";
        term(at(slot_sum, s), r.days, y(ri, s));
        term(at(round_sum, k), r.days, y(ri, s));
        term(at(team_sum, k * T_ + at(slots_, s).team), r.days, y(ri, s));
        term(obj, -static_cast<long long>(w.team_balance) * r.days, y(ri, s));
      }
      for (int p = 0; p < size_of(r.patterns); ++p)
        if (std::find(at(r.patterns, p).begin(), at(r.patterns, p).end(), k) != at(r.patterns, p).end())
          term(link, -1, fmt::format("x{}_{}", ri, p));
      add_row(link, "=", 0);
      // Risk: the month of the first tour's start, which lies in the pattern's first round.
      std::string front;
      for (int p = 0; p < size_of(r.patterns); ++p)
        if (at(r.patterns, p).front() == k) term(front, 1, fmt::format("x{}_{}", ri, p));
      if (front.empty()) continue;
      for (int s : at(slots_of_round_, k)) {
        const auto& ts = at(slots_, s);
        if (ts.cap < r.days) continue;
        std::string v = fmt::format("v{}_{}", ri, s);
        bins += " " + v + "\n";
        add_row(fmt::format(" + 1 {} - 1 {}{}", v, y(ri, s), [&] {
                  std::string neg;
                  for (int p = 0; p < size_of(r.patterns); ++p)
                    if (at(r.patterns, p).front() == k) term(neg, -1, fmt::format("x{}_{}", ri, p));
                  return neg;
                }()),
                ">=", -1);
        long long wr = static_cast<long long>(w.risk) * r.risk;
        term(obj, wr * month_index(ts.first), v);
        // One more month for every first-of-month the start (offset = days of the earlier items) reaches.
        std::string offset;
        for (int rj = 0; rj < size_of(regions_); ++rj) {
          const auto& o = at(regions_, rj);
          if (rj == ri || at(rank, rj) > at(rank, ri) || o.patterns.front().empty() || o.days > ts.cap) continue;
          bool can = false;
          for (const auto& pat : o.patterns) can = can || std::find(pat.begin(), pat.end(), k) != pat.end();
          if (can) term(offset, o.days, y(rj, s));
        }
        if (offset.empty()) continue;
        for (int off = 1; off <= ts.cap - r.days; ++off) {
          Date d = ts.first + date::days{off};
          if (static_cast<unsigned>(date::year_month_day{d}.day()) != 1) continue;
          std::string z = fmt::format("z{}_{}_{}", ri, s, off);
          bins += " " + z + "\n";
          term(obj, wr, z);
          // offset >= off and v = 1  =>  z = 1:   offset + cap·v − cap·z <= off − 1 + cap
          add_row(offset + fmt::format(" + {} {} - {} {}", ts.cap, v, ts.cap, z), "<=", off - 1 + ts.cap);
        }
      }
    }
  }
  for (int s = 0; s < size_of(slots_); ++s)
    if (!at(slot_sum, s).empty()) add_row(at(slot_sum, s), "<=", at(slots_, s).cap);
  term(obj, w.round_load, "Lmax");
  long long pinned_rounds = 0;
  for (int k = 0; k < K_; ++k) {
    pinned_rounds += at(round_load_, k);
    // Lmax >= round load;  M_k >= every team's load;  team balance = Σ_k (T·M_k − round load).
    std::string src = at(round_sum, k);
    for (char& c : src) c = c == '+' ? '-' : c;
    add_row(" + 1 Lmax" + src, ">=", at(round_load_, k));
    term(obj, static_cast<long long>(w.team_balance) * T_, fmt::format("M{}", k));
    for (int j = 0; j < T_; ++j) {
      std::string t = at(team_sum, k * T_ + j);
      for (char& c : t) c = c == '+' ? '-' : c;
      add_row(fmt::format(" + 1 M{}", k) + t, ">=", at(team_load_, k * T_ + j));
    }
    // Symmetry: when the round's teams have the same periods and no pinned load, they are
    // interchangeable; number them by decreasing load.
    bool same = true;
    std::vector<std::vector<std::pair<long long, int>>> periods(static_cast<std::size_t>(T_));
    for (int s : at(slots_of_round_, k))
      at(periods, at(slots_, s).team).emplace_back((at(slots_, s).first - Date{}).count(), at(slots_, s).cap);
    for (int j = 0; j < T_; ++j) same = same && at(periods, j) == at(periods, 0) && at(team_load_, k * T_ + j) == 0;
    for (int j = 0; same && j + 1 < T_; ++j) {
      std::string next = at(team_sum, k * T_ + j + 1);
      for (char& c : next) c = c == '+' ? '-' : c;
      if (!at(team_sum, k * T_ + j).empty()) add_row(at(team_sum, k * T_ + j) + next, ">=", 0);
    }
  }
  constant -= static_cast<long long>(w.team_balance) * pinned_rounds;
  term(obj, constant, "ONE");
  std::string out = fmt::format(
      "\\ xuncha slot MIP (SCHEDULING.md): {} regions, rounds {}, {} teams, {} team slots\n"
      "\\ objective = {}·largest round load + {}·risk months + {}·team balance + {}·tour-days\n"
      "Minimize\n obj:{}\nSubject To\n{}Bounds\n ONE = 1\n",
      regions_.size(), years_text(res_.round_years), T_, slots_.size(), w.round_load, w.risk, w.team_balance,
      w.tour_days, obj, rows);
  out += " Lmax >= 0\n";
  for (int k = 0; k < K_; ++k) out += fmt::format(" M{} >= 0\n", k);
  out += "Binaries\n" + bins + "End\n";
  return out;
}

}  // namespace

std::string slot_mip(const Dataset& data, const Calendar& calendar, const Options& options, std::string& error) {
  Result res;
  Solver solver(data, calendar, options, res);
  return solver.mip(error);
}

long long weighted(const Terms& t, const ObjectiveWeights& w) {
  return w.round_load * t.round_load + w.risk * t.risk + w.team_balance * t.team_balance + w.tour_days * t.tour_days;
}

std::vector<int> round_years(const Dataset& data, int from, int years, int* anchor_out) {
  const Policy& p = data.policy;
  int anchor = p.first_round_year;
  if (anchor == 0) {
    for (const auto& t : data.tours)
      if (t.body == Body::province && t.kind == TourKind::regular && t.year < from && !t.planned)
        anchor = std::max(anchor, t.year);
  }
  if (anchor == 0) anchor = from;
  if (anchor_out) *anchor_out = anchor;
  std::vector<int> out;
  for (int y = from; y < from + years; ++y)
    if (is_round_year(p, anchor, y)) out.push_back(y);
  return out;
}

bool is_round_year(const Policy& policy, int anchor, int year) {
  int c = std::max(1, policy.cadence_years);
  return policy.off_round_tours || ((year - anchor) % c + c) % c == 0;
}

std::vector<Slot> slots_of_year(const Policy& policy, const Calendar& calendar, int year) {
  std::vector<Slot> out;
  for (int b = 0; b < size_of(policy.batches); ++b) {
    const auto& bw = at(policy.batches, b);
    Date a = bw.first_day(year), z = bw.last_day(year);
    bool open = false;
    Date since = a;
    for (Date d = a; !(z < d); d += date::days{1}) {
      bool blocked = calendar.kind(d) == Calendar::DayKind::holiday;
      for (const auto& bo : policy.blackouts) blocked = blocked || (!(d < bo.from) && !(bo.to < d));
      if (blocked) {
        if (open) out.push_back({year, b, since, d - date::days{1}});
        open = false;
      } else if (!open) {
        open = true;
        since = d;
      }
    }
    if (open) out.push_back({year, b, since, z});
  }
  return out;
}

Result plan(const Dataset& data, const Calendar& calendar, const Options& options) {
  Result res;
  auto started = [&](const Tour& t) { return options.not_before && t.start && !(*options.not_before < *t.start); };
  std::size_t planned = 0;
  for (const auto& t : data.tours) planned += t.planned ? 1 : 0;
  if (planned == 0 && std::none_of(options.keep.begin(), options.keep.end(), started)) {
    Solver solver(data, calendar, options, res);
    solver.run();
    return res;
  }
  // Planned tours among the inputs (a `kind: schedule` document) are a plan, not a record: left
  // aside (--keep re-plans from one). Kept tours already under way or done are facts now: pinned
  // like the data's own tours.
  Dataset input = data;
  std::erase_if(input.tours, [](const Tour& t) { return t.planned; });
  Options rest = options;
  rest.keep.clear();
  for (const auto& t : options.keep) {
    if (started(t)) input.tours.push_back(t);
    else rest.keep.push_back(t);
  }
  input.reindex();
  Solver solver(input, calendar, rest, res);
  solver.run();
  res.kept += static_cast<int>(options.keep.size() - rest.keep.size());
  // Those kept tours stay planned tours of the schedule (written back by -f yaml), fixed in place.
  std::set<std::string_view> started_ids;
  for (const auto& t : options.keep)
    if (started(t)) started_ids.insert(t.id);
  for (auto& p : res.tours)
    if (p.pinned && started_ids.count(p.id)) p.pinned = false;
  if (planned > 0 && options.keep.empty())
    res.notes.push_back({fmt::format("输入中有 {} 次计划巡查（kind: schedule），未作为已定巡查；如要在其基础上调整，请用 --keep 指定该文件",
                                     planned),
                         fmt::format("{} planned tours of an earlier schedule (kind: schedule) among the inputs were left "
                                     "aside; to re-plan from that schedule, pass it with --keep",
                                     planned)});
  return res;
}

}  // namespace xuncha::schedule
