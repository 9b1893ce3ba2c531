// The incremental state: items in team periods, sequencing inside a period, loads, the key.
#include "solver.hpp"

#include <algorithm>
#include <tuple>

namespace xuncha::schedule::detail {

namespace {
// Sequencing order inside one (slot, team): higher risk first, then shorter first (SCHEDULING.md).
bool before(const RegionInfo& a, const RegionInfo& b) {
  return std::tuple(-a.risk, a.days, a.data_index) < std::tuple(-b.risk, b.days, b.data_index);
}
// Whether [a, a + days) lies in the months of `mask` (bit m-1: month m).
bool in_season(Date a, const RegionInfo& r) {
  int days = r.days;
  unsigned mask = r.months;
  if (!r.blocked->empty() && first_blocked_day(*r.blocked, a, a + date::days{days - 1})) return false;
  if (mask == 0xFFFu) return true;
  auto month_number = [](Date d) {
    date::year_month_day ymd{d};
    return static_cast<int>(ymd.year()) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  };
  for (int k = month_number(a), e = month_number(a + date::days{days - 1}); k <= e; ++k)
    if (!(mask & (1u << (k % 12)))) return false;
  return true;
}
}  // namespace

int Solver::start_for(const TeamSlot& ts, int off, const RegionInfo& r) const {
  while (off < ts.cap) {
    int s = at(ts.next_start, off);
    if (s >= ts.cap || s + r.days > ts.cap) return ts.cap + 1;
    if (in_season(ts.first + date::days{s}, r)) return s;
    off = s + 1;
  }
  return ts.cap + 1;
}

bool Solver::round_holds(int k, const RegionInfo& r) const {
  const auto& in_round = at(slots_of_round_, k);
  return std::any_of(in_round.begin(), in_round.end(),
                     [&](int s) { return start_for(at(slots_, s), 0, r) + r.days <= at(slots_, s).cap; });
}

int Solver::span(int s, int add, int drop) const {
  const auto& ts = at(slots_, s);
  int off = 0;
  bool added = add < 0;
  for (int it : ts.items) {
    if (it == drop) continue;
    const auto& r = at(regions_, at(items_, it).region);
    if (!added && before(at(regions_, add), r)) {
      off = start_for(ts, off, at(regions_, add)) + at(regions_, add).days;
      added = true;
    }
    off = start_for(ts, off, r) + r.days;
  }
  if (!added) off = start_for(ts, off, at(regions_, add)) + at(regions_, add).days;
  return off;
}

bool Solver::holds(int s, std::vector<int> regions) const {
  const auto& ts = at(slots_, s);
  for (int it : ts.items) regions.push_back(at(items_, it).region);
  std::sort(regions.begin(), regions.end(), [&](int a, int b) { return before(at(regions_, a), at(regions_, b)); });
  int off = 0;
  for (int ri : regions) off = start_for(ts, off, at(regions_, ri)) + at(regions_, ri).days;
  return off <= ts.cap;
}

void Solver::resequence(int s, std::vector<int>& touched) {
  auto& ts = at(slots_, s);
  std::sort(ts.items.begin(), ts.items.end(), [&](int a, int b) {
    return before(at(regions_, at(items_, a).region), at(regions_, at(items_, b).region));
  });
  // Back to back, each tour from the first day at or after the previous end that it may start on
  // (and that keeps it in its region's months).
  int off = 0;
  for (int it : ts.items) {
    const auto& r = at(regions_, at(items_, it).region);
    int start = std::max(off, std::min(start_for(ts, off, r), ts.cap));
    at(items_, it).offset = start;
    off = start + r.days;
    touched.push_back(at(items_, it).region);
  }
  bool over = off > ts.cap;
  if (over != ts.over) overfull_ += over ? 1 : -1;
  ts.over = over;
}

void Solver::refresh_regions(std::vector<int>& regions) {
  // Each region once (the touched lists name a region for every item that moved).
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
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
  planned_days_ += d;
  if (item.pos >= at(regions_, item.region).fewest) ++extra_total_;
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
  planned_days_ -= d;
  if (item.pos >= at(regions_, item.region).fewest) --extra_total_;
  auto& rl = at(round_load_, ts.round);
  auto& tl = at(team_load_, ts.round * T_ + ts.team);
  quad_ += (rl - d) * (rl - d) - rl * rl + (tl - d) * (tl - d) - tl * tl;
  rl -= d;
  tl -= d;
  if (tl + d == at(team_max_, ts.round)) refresh_team_max(ts.round);
  item.slot = -1;
  item.round = -1;
  touched.push_back(item.region);
  resequence(s, touched);
}

Key Solver::key() const {
  Terms t;
  long long sum = 0;
  for (int k = 0; k < K_; ++k) {
    t.round_load = std::max(t.round_load, at(round_load_, k));
    t.team_balance += teams_of(k) * at(team_max_, k) - at(round_load_, k);
    sum += at(round_load_, k);
  }
  (void)sum;
  t.risk = risk_total_;
  t.tour_days = pinned_days_ + planned_days_;
  return {overfull_, extra_total_, moved_total_, weighted(t, pol_.weights), quad_};
}

}  // namespace xuncha::schedule::detail
