// The schedule as output: terms, objective, pinned and planned tours with their deadlines.
#include "solver.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace xuncha::schedule::detail {

void Solver::finish() {
  // Every tour starts on a day the policy allows and ends in its period: the states the search
  // keeps never break this, so a plan that does is an internal error, never an output.
  if (overfull_ > 0) throw std::logic_error("schedule: a team period's tours do not fit from their allowed start days");
  // Each region's placed tours are its pattern's, one per round of it: a plan that breaks this
  // would break coverage, so it is an internal error, never an output.
  for (const auto& r : regions_) {
    int placed = 0;
    for (int it : r.items) placed += at(items_, it).slot >= 0 ? 1 : 0;
    if (placed != tours_of(r))
      throw std::logic_error(fmt::format("schedule: {} has {} tours placed for a pattern of {}",
                                         at(data_.regions, r.data_index).id, placed, tours_of(r)));
  }
  const auto& w = pol_.weights;
  Terms t;
  for (int k = 0; k < K_; ++k) {
    t.round_load = std::max(t.round_load, at(round_load_, k));
    t.team_balance += teams_of(k) * at(team_max_, k) - at(round_load_, k);
  }
  t.risk = risk_total_;
  t.tour_days = pinned_days_ + planned_days_;
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
  // Pinned tours: as in the data, with the team number build_slots mapped their team onto.
  for (int i = 0; i < size_of(data_.tours); ++i) {
    const auto& tr = at(data_.tours, i);
    if (tr.body != Body::province || tr.year < opt_.from || tr.year > H_) continue;
    PlannedTour p;
    p.id = tr.id;
    p.region = tr.region;
    p.year = tr.year;
    p.team_id = tr.team;
    p.team = at(pinned_team_, i) + 1;
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
  for (const auto& r : regions_) {
    const Region& reg = at(data_.regions, r.data_index);
    for (int it : r.items) {
      const auto& item = at(items_, it);
      if (item.slot < 0) continue;  // (past the length of its pattern)
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
  explain();
}

}  // namespace xuncha::schedule::detail
