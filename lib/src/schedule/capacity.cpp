// Teams needed: the work coverage forces into each set of rounds against the usable days.
#include "solver.hpp"

#include <algorithm>
#include <bit>
#include <numeric>
#include <set>

namespace xuncha::schedule::detail {

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
  // Per round: one team's usable days, all teams' (a round may have more teams than asked for when
  // its pinned tours name more), and the days of those extra teams.
  std::vector<long long> one_team(static_cast<std::size_t>(K_), 0), cap(one_team), extra(one_team);
  // Work that every schedule puts into a set of rounds, more tours than the fewest allowed: a
  // region that no set of its possible years without those rounds keeps covered has a tour there.
  // (The patterns of fewest tours alone are no proof: a region may take two tours to avoid a round.)
  auto held = [&](unsigned set) {
    long long w = 0;
    for (const auto& r : regions_)
      if (!r.patterns.front().empty() && !coverable_without(r, set)) w += r.days;
    return w;
  };
  for (int k = 0; k < K_; ++k) {
    for (const auto& s : at(base_slots_, k)) at(one_team, k) += usable(s.capacity());
    at(cap, k) = teams_of(k) * at(one_team, k);
    at(extra, k) = (teams_of(k) - T0_) * at(one_team, k);
  }
  long long work = pinned_days_;
  for (const auto& r : regions_) work += static_cast<long long>(r.days) * size_of(r.patterns.front());
  res_.bounds.min_work = work;
  if (durations.size() == 0 || std::all_of(regions_.begin(), regions_.end(), [](const RegionInfo& r) {
        return r.patterns.front().empty();
      })) {
    res_.bounds.min_teams = pinned_days_ > 0 ? 1 : 0;
    return true;  // nothing to plan
  }
  long long per_team = std::accumulate(one_team.begin(), one_team.end(), 0LL);
  long long all_extra = std::accumulate(extra.begin(), extra.end(), 0LL);
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
  int all_teams =
      per_team ? static_cast<int>((std::max(0LL, planned_work + pinned_in_rounds - all_extra) + per_team - 1) / per_team) : 0;
  // Every set of rounds must hold the work that cannot go elsewhere: teams >= that work / one team's
  // usable days in those rounds (all rounds: the line above; one round: the forced-round check below).
  unsigned tight_set = 0;
  long long tight_need = 0, tight_one = 0;
  int tight_teams = 0;
  // And a count: a period of L days holds at most ⌊L/D⌋ tours of D days or more, whatever else it
  // holds, so the regions of D days or more that only the rounds of a set can take must number no
  // more than those places (15-day tours in periods of 24 or 29 days: one each, however many
  // days are left). Places in the free periods (pinned tours and --as-of taken out) per round,
  // and per team in the whole periods (a team added to the round).
  std::vector<int> lengths(durations.begin(), durations.end());
  for (const auto& r : regions_)
    if (!r.patterns.front().empty()) lengths.push_back(r.days);
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  const int L = size_of(lengths);
  std::vector<long long> places(static_cast<std::size_t>(K_ * L), 0), team_places(places);
  for (int k = 0; k < K_; ++k)
    for (int i = 0; i < L; ++i) {
      for (int s : at(slots_of_round_, k)) at(places, k * L + i) += at(slots_, s).cap / at(lengths, i);
      for (const auto& sl : at(base_slots_, k)) at(team_places, k * L + i) += sl.capacity() / at(lengths, i);
    }
  int count_teams = 0, count_len = 0;
  unsigned count_set = 0;
  long long count_need = 0, count_have = 0;
  std::vector<long long> at_least(static_cast<std::size_t>(L));
  if (K_ <= 12 && T0_ > 0) {
    for (unsigned set = 1; set < (1u << K_); ++set) {
      long long need = 0, one = 0;
      for (int k = 0; k < K_; ++k)
        if (set >> k & 1u) need += at(pinned_in, k), one += at(one_team, k);
      std::fill(at_least.begin(), at_least.end(), 0);
      for (const auto& r : regions_) {
        if (r.patterns.front().empty() || coverable_without(r, set)) continue;
        need += r.days;
        for (int i = 0; i < L && at(lengths, i) <= r.days; ++i) ++at(at_least, i);
      }
      for (int i = 0; i < L; ++i) {
        long long have = 0, one_each = 0;
        for (int k = 0; k < K_; ++k)
          if (set >> k & 1u) have += at(places, k * L + i), one_each += at(team_places, k * L + i);
        if (at(at_least, i) <= have || one_each == 0) continue;
        // Teams: every round of the set gets teams up to t (a round with more keeps them).
        int t = T0_;
        for (long long cap_t = have; cap_t < at(at_least, i) && t < 100000;) {
          ++t;
          cap_t = have;
          for (int k = 0; k < K_; ++k)
            if (set >> k & 1u) cap_t += std::max(0, t - teams_of(k)) * at(team_places, k * L + i);
        }
        if (t > count_teams)
          count_teams = t, count_len = at(lengths, i), count_set = set, count_need = at(at_least, i), count_have = have;
      }
      long long more = 0;
      for (int k = 0; k < K_; ++k)
        if (set >> k & 1u) more += at(extra, k);
      int teams = one ? static_cast<int>((std::max(0LL, need - more) + one - 1) / one) : 0;
      if (teams > tight_teams) tight_teams = teams, tight_set = set, tight_need = need, tight_one = one;
    }
  }
  // The stronger of the two deductions is the one shown.
  bool subset_short = tight_teams > T0_ && tight_teams > all_teams && std::popcount(tight_set) > 1;
  res_.bounds.min_teams = std::max({all_teams, tight_teams, count_teams});
  // The round years of a set of rounds (bit k: round k), for the messages.
  auto years_of_set = [&](unsigned set) {
    std::vector<int> ys;
    for (int k = 0; k < K_; ++k)
      if (set >> k & 1u) ys.push_back(year_of_round(k));
    return ys;
  };
  bool ok = true;
  if (count_teams > T0_ && count_teams > std::max(all_teams, tight_teams)) {
    std::vector<int> ys = years_of_set(count_set);
    res_.problems.push_back(
        {"", 0,
         {fmt::format("巡查组不足：只能在 {} 年巡查、驻点 {} 天及以上的地区有 {} 个，而各组在这几年的空闲时段最多只能容纳 {} 次"
                      "这样的巡查（L 天的时段最多容纳 ⌊L/{}⌋ 次，无论剩下几天），至少需要 {} 个组，现有 {} 个",
                      years_text(ys), count_len, count_need, count_have, count_len, count_teams, T0_),
          fmt::format("not enough teams: {} regions of {} days or more on site can only go in {}, but the teams' free "
                      "periods there hold at most {} such tours (a period of L days holds ⌊L/{}⌋, however many days "
                      "are left), so at least {} teams are needed; {} available",
                      count_need, count_len, years_text(ys), count_have, count_len, count_teams, T0_)}});
    return false;
  }
  if (all_teams > T0_ && !subset_short) {
    res_.problems.push_back(
        {"", 0,
         {fmt::format("巡查组不足：覆盖要求至少 {} 个巡查日，每个组在 {} 个轮次中共有 {} 个可用日，至少需要 {} 个组，"
                      "现有 {} 个，缺 {} 个",
                      planned_work + pinned_in_rounds, K_, per_team, all_teams, T0_, all_teams - T0_),
          fmt::format("not enough teams: coverage needs at least {} tour-days, one team has {} usable days over "
                      "{}, so at least {} teams are needed; {} available, {} missing",
                      planned_work + pinned_in_rounds, per_team, K_ == 1 ? "the round" : fmt::format("the {} rounds", K_),
                      all_teams, T0_, all_teams - T0_)}});
    ok = false;
  }
  if (subset_short) {
    std::vector<int> ys = years_of_set(tight_set);
    res_.problems.push_back(
        {"", 0,
         {fmt::format("巡查组不足：只能在 {} 年巡查的工作至少 {} 个巡查日，每个组在这几年共有 {} 个可用日，至少需要 {} 个组，"
                      "现有 {} 个，缺 {} 个",
                      years_text(ys), tight_need, tight_one, tight_teams, T0_, tight_teams - T0_),
          fmt::format("not enough teams: work that can only go in {} needs at least {} tour-days, one team has {} "
                      "usable days in those rounds, so at least {} teams are needed; {} available, {} missing",
                      years_text(ys), tight_need, tight_one, tight_teams, T0_, tight_teams - T0_)}});
    ok = false;
  }
  for (int k = 0; k < K_; ++k) {
    long long need = held(1u << k) + at(pinned_in, k);
    if (need <= at(cap, k)) continue;
    long long one = at(one_team, k);
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
                      year_of_round(k), need, one, teams, teams_of(k), teams - teams_of(k)),
          fmt::format("round {} lacks teams: regions that can only go in {} need {} tour-days, one team has {} "
                      "usable days that year, so at least {} teams are needed; {} available, {} missing",
                      year_of_round(k), year_of_round(k), need, one, teams, teams_of(k), teams - teams_of(k))}});
    ok = false;
  }
  return ok;
}

}  // namespace xuncha::schedule::detail
