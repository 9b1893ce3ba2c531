// The instance: round years, free periods per team (pinned tours carved out), the regions.
#include "solver.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace xuncha::schedule::detail {

std::string team_key(const Tour& t) {
  if (!t.team.empty()) return t.team;
  if (t.team_slot > 0) return fmt::format("#{:04}", t.team_slot);
  return "?" + t.id;
}

void Solver::build_slots() {
  // Pinned tours: provincial tours of the data inside the horizon, mapped onto team numbers per
  // year. One team is one team whatever it is called: named teams take the numbers 1, 2, … in name
  // order (as the schedule that numbered them did), a numbered team (a kept tour of an earlier
  // schedule) keeps its number, so "team 2" and the second named team are the same team; a tour
  // with neither is a team of its own, after those.
  pinned_team_.assign(data_.tours.size(), -1);
  T0_ = opt_.teams > 0 ? opt_.teams : pol_.teams_per_round;
  teams_of_round_.assign(static_cast<std::size_t>(K_), T0_);
  std::map<int, std::map<std::string, int>> team_of;  // year → key → team (0-based)
  for (const auto& t : data_.tours)
    if (t.body == Body::province && t.year >= opt_.from && t.year <= H_) team_of[t.year].emplace(team_key(t), -1);
  for (auto& [year, m] : team_of) {
    std::set<int> used;
    int named = 0;
    for (auto& [key, n] : m)
      if (key[0] != '#' && key[0] != '?') used.insert(n = named++);
    for (auto& [key, n] : m)
      if (key[0] == '#') used.insert(n = std::stoi(key.substr(1)) - 1);
    int next = 0;
    for (auto& [key, n] : m)
      if (key[0] == '?') {
        while (used.count(next)) ++next;
        used.insert(n = next);
      }
    int k = at(round_of_year_, year - opt_.from);
    if (k < 0) continue;
    int need = *used.rbegin() + 1;
    if (need > T0_) {
      res_.notes.push_back({fmt::format("{} 年已有 {} 个巡查组的巡查，该年按 {} 个组安排", year, need, need),
                            fmt::format("{} already has tours of {} teams: planning that round with {} teams", year,
                                        need, need)});
      at(teams_of_round_, k) = need;
    }
  }
  for (std::size_t i = 0; i < data_.tours.size(); ++i) {
    const auto& t = data_.tours[i];
    if (t.body == Body::province && t.year >= opt_.from && t.year <= H_) pinned_team_[i] = team_of[t.year].at(team_key(t));
  }
  T_ = T0_;  // (a horizon may hold no round year at all)
  for (int t : teams_of_round_) T_ = std::max(T_, t);
  res_.teams = T0_;
  res_.round_teams = teams_of_round_;
  // Per team: the round's slots minus that team's pinned days.
  std::vector<std::vector<std::pair<Date, Date>>> busy(static_cast<std::size_t>(K_ * T_));
  for (int i = 0; i < size_of(data_.tours); ++i) {
    const auto& t = at(data_.tours, i);
    if (t.body != Body::province || t.year < opt_.from || t.year > H_ || !t.start || !t.end) continue;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    at(busy, k * T_ + at(pinned_team_, i)).emplace_back(*t.start, *t.end);
  }
  slots_of_round_.assign(static_cast<std::size_t>(K_), {});
  for (int k = 0; k < K_; ++k) {
    for (int j = 0; j < teams_of(k); ++j) {
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
          ts.next_start.assign(static_cast<std::size_t>(ts.cap) + 1, ts.cap);
          for (int i = ts.cap - 1; i >= 0; --i)
            at(ts.next_start, i) =
                start_day_allowed(cal_, pol_.tour_start_day, x + date::days{i}) ? i : at(ts.next_start, i + 1);
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
  for (int i = 0; i < size_of(data_.tours); ++i) {
    const auto& t = at(data_.tours, i);
    if (t.body != Body::province || t.year < opt_.from || t.year > H_) continue;
    const Region* reg = data_.region(t.region);
    int days = t.start && t.end ? days_inclusive(*t.start, *t.end) : (reg ? days_allowed(*reg, pol_) : 0);
    pinned_days_ += days;
    int k = at(round_of_year_, t.year - opt_.from);
    if (k < 0) continue;
    at(round_load_, k) += days;
    at(team_load_, k * T_ + at(pinned_team_, i)) += days;
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
    r.months = months_allowed(reg, pol_);
    r.blocked = &blocked_periods(reg, pol_);
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

}  // namespace xuncha::schedule::detail
