// Private to the schedule module: the solver's instance, state and the class whose parts live in
// setup.cpp (the instance), coverage.cpp (each region's possible round years), capacity.cpp (teams
// needed), state.cpp (incremental evaluation), construct.cpp, search.cpp, result.cpp, explain.cpp,
// polish.cpp (after the search), mip.cpp (the slot and place MIP writers) and schedule.cpp (the run and the public functions).
#pragma once
#include <xuncha/schedule/schedule.hpp>

#include <fmt/format.h>

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace xuncha::schedule::detail {

template <class V>
inline auto& at(V& v, int i) {
  return v[static_cast<std::size_t>(i)];
}
inline int size_of(const auto& v) { return static_cast<int>(v.size()); }

inline int month_of(Date d) { return static_cast<int>(static_cast<unsigned>(date::year_month_day{d}.month())); }

inline std::uint64_t splitmix(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline std::string years_text(const std::vector<int>& ys) {
  std::string s;
  for (int y : ys) s += (s.empty() ? "" : ", ") + std::to_string(y);
  return s.empty() ? "-" : s;
}

// ---- the instance --------------------------------------------------------------------------

struct TeamSlot {
  int round = 0, team = 0, batch = 0;
  Date first{};
  int cap = 0, used = 0;    // used: days on site of its tours (the gaps before start days not counted)
  std::vector<int> items;  // in sequence order
  // Per offset 0..cap: the first offset at or after it on which a tour may start (policy
  // tour_start_day); cap when none. Tours run back to back, each from the first such day.
  std::vector<int> next_start;
  bool over = false;       // its sequence ends after its last day (never in a result)
  /// The longest tour it can hold: from its first day a tour may start on to its last day.
  int usable() const { return cap - next_start.front(); }
};

struct Kept {
  int year = 0, team = 0;
  Date start{};
};

struct RegionInfo {
  int data_index = 0;
  int days = 0, risk = 0;
  unsigned months = 0xFFF;               // months its tours may be on site (bit m-1: month m; policy seasons)
  const std::vector<SeasonBlock>* blocked = nullptr;  // periods of each year with no tour on site (never null after setup)
  int last = 0;                          // last provincial tour before the horizon (0: none)
  int coverage_last = 0;                 // the year coverage counts from (see last_for_coverage)
  int beyond_horizon = 0;                // tours needed only for windows reaching past the horizon
  std::vector<int> council;              // State Council years
  std::vector<int> fixed;                // pinned provincial years in the horizon
  int fixed_first_month = INT_MAX;       // month index of the earliest pinned start
  std::vector<std::vector<int>> patterns;  // round indexes, ascending (fewest tours first; then, only
                                           // when no schedule of fewest tours was found, one more)
  int fewest = 0;                        // tours of the patterns of fewest tours
  std::vector<int> allowed;              // round indexes it may take
  int pattern = -1;
  std::vector<int> items;                // one per tour of its longest pattern; those past the current
                                         // pattern's length are not placed (slot -1)
  std::vector<Kept> kept;
  int risk_cost = 0, moved = 0;
};

struct Item {
  int region = 0, round = -1, slot = -1, offset = 0;
  int pos = 0;  // its place in the region's pattern (item pos goes to the pattern's pos-th round)
};

struct Key {
  // over: team periods whose tours, each from a day it may start on, do not fit (0 in every state
  // the search keeps); extra: tours beyond the fewest, minimised next.
  long long over = 0, extra = 0, moved = 0, obj = 0, quad = 0;
  auto operator<=>(const Key&) const = default;
};

class Solver {
 public:
  Solver(const Dataset& data, const Calendar& cal, const Options& opt, Result& res)
      : data_(data), cal_(cal), opt_(opt), res_(res), pol_(data.policy) {}

  void run();
  std::string mip(std::string& error);
  std::string place_mip(std::string& error);

 private:
  // setup
  bool build();
  void build_slots();
  bool build_region(RegionInfo& r, const Region& reg);
  bool coverable_without(const RegionInfo& r, unsigned rounds) const;
  Message uncovered_window(const RegionInfo& r, const Region& reg, int lo, int e) const;
  bool covers(const RegionInfo& r, const std::vector<int>& chosen_years) const;
  int add_extra_patterns(RegionInfo& r) const;
  bool retry_with_extra_tours();
  void simple_bounds();
  int tours_of(const RegionInfo& r) const { return r.pattern < 0 ? 0 : size_of(at(r.patterns, r.pattern)); }
  // A planned region with a choice of round years and no pinned tour: the passes may change them.
  bool tradable(const RegionInfo& r) const {
    return r.pattern >= 0 && tours_of(r) > 0 && size_of(r.patterns) > 1 && r.fixed_first_month == INT_MAX;
  }
  bool is_round_year(int y) const;
  long long work_held_by(unsigned set) const;
  bool later_round_in(const RegionInfo& r, int lo, int hi) const;
  int last_for_coverage(const RegionInfo& r, const std::vector<int>& allowed) const;
  bool check_capacity();
  // state
  /// Days from slot s's first day to the end of its last tour, sequenced as resequence does, with
  /// region `add` added (-1: none) and item `drop` left out (-1: none); more than its cap: no fit.
  int span(int s, int add, int drop = -1) const;
  bool fits(int s, int add, int drop = -1) const { return span(s, add, drop) <= at(slots_, s).cap; }
  /// Whether slot s holds the regions `regions` (with its current items) in sequence.
  bool holds(int s, std::vector<int> regions) const;
  /// The first offset at or after `off` in period ts on which a tour of r may start (an allowed
  /// start day, the whole tour inside r's months and the period); past ts.cap when none.
  int start_for(const TeamSlot& ts, int off, const RegionInfo& r) const;
  /// Whether some team period of round k can hold a tour of r on its own.
  bool round_holds(int k, const RegionInfo& r) const;
  void resequence(int s, std::vector<int>& touched_regions);
  void refresh_regions(std::vector<int>& regions);  // sorts them and drops repeats
  void add_item(int it, int s, std::vector<int>& touched);
  void remove_item(int it, std::vector<int>& touched);
  void refresh_team_max(int k);
  Key key() const;
  // algorithm
  bool construct();
  std::vector<int> assign_rounds() const;
  bool place_region(int r, bool any_pattern, int only_pattern = -1);
  bool first_fit();
  void clear_items();
  struct RepairReport {
    int moves = 0;              // tours moved to another round
    long long node_limit = 0;   // of the exact packing search, per round and attempt
    std::vector<int> rounds;    // round years that still did not pack
  };
  bool repair(std::vector<int> pattern_of, RepairReport& report);
  bool pack_by_period(int k, const std::vector<std::pair<int, int>>& items, std::vector<int>& slot_of,
                      bool longest_first) const;
  bool pack_round(int k, const std::vector<std::pair<int, int>>& items, std::vector<int>& slot_of, long long limit,
                  bool* gave_up = nullptr) const;
  int round_cannot_pack() const;
  void search();
  void polish();
  void swap_patterns();
  void trade_patterns();
  void level_teams();
  void finish();
  void explain();
  int month_index(Date d) const { return (year_of(d) - opt_.from) * 12 + month_of(d) - 1; }
  int year_of_round(int k) const { return at(res_.round_years, k); }

  const Dataset& data_;
  const Calendar& cal_;
  const Options& opt_;
  Result& res_;
  const Policy& pol_;
  int teams_of(int k) const { return at(teams_of_round_, k); }

  int T_ = 0, K_ = 0, H_ = 0;  // T_: the most teams of any round (the stride of team_load_)
  int T0_ = 0;                 // teams per round asked for (--teams or the policy)
  std::vector<int> teams_of_round_;  // per round: T0_, or more when pinned tours name more teams
  std::vector<int> pinned_team_;     // per data tour: its 0-based team in its year (-1: not pinned)
  std::vector<int> round_of_year_;       // year - from → round index or -1
  std::vector<std::vector<Slot>> base_slots_;  // per round
  std::vector<TeamSlot> slots_;
  std::vector<std::vector<int>> slots_of_round_;
  std::vector<RegionInfo> regions_;
  std::vector<Item> items_;
  std::vector<long long> round_load_, team_load_, team_max_;  // team_load_[k*T + j]
  long long pinned_days_ = 0, risk_total_ = 0, moved_total_ = 0, quad_ = 0;
  long long planned_days_ = 0, extra_total_ = 0, overfull_ = 0;  // days of the placed tours; tours beyond the fewest
  long long forced_max_ = 0;
  std::vector<char> tight_;   // per round: packed best-fit by the capacity-aware construction  // largest load forced into one round (pinned tours and single-round regions)
  std::vector<int> order_;  // construction order of regions
};

// The team a pinned tour occupies: its team record, its round's team number (planned tours), or
// for a tour with neither, a team of its own.
std::string team_key(const Tour& t);

}  // namespace xuncha::schedule::detail
