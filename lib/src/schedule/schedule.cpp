// The rotation schedule: patterns of round years per region, slots per team, a greedy
// construction and a late-acceptance local search with incremental evaluation. This file holds the
// run (bounds, construction, search, result) and the module's public functions; the solver's parts
// are in the other files of lib/src/schedule/ (see solver.hpp).
#include "solver.hpp"

#include <xuncha/schedule/bound.hpp>

#include <algorithm>
#include <numeric>
#include <set>

namespace xuncha::schedule {
namespace detail {

void Solver::run() {
  if (!build()) {
    res_.proven = true;  // every problem build() reports is a proof: a window with no year, a bound
    return;
  }
  simple_bounds();
  if (!construct() && (res_.proven || !retry_with_extra_tours())) return;
  search();
  // The relaxation's bound: regions of the slot model priced against round and slot capacity.
  BoundInput in;
  in.rounds = K_;
  in.teams = T0_;
  if (std::any_of(teams_of_round_.begin(), teams_of_round_.end(), [&](int t) { return t != T0_; }))
    in.round_teams = teams_of_round_;
  const auto& w = pol_.weights;
  in.weights = w;
  in.fixed_days = pinned_days_;
  in.from_year = opt_.from;
  in.upper = key().obj;
  in.round_fixed = round_load_;
  for (const auto& r : regions_)
    for (int it : r.items)
      if (at(items_, it).slot >= 0) in.round_fixed[static_cast<std::size_t>(at(items_, it).round)] -= r.days;
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
  res_.bounds.lagrangian = lagrangian_bound(in);
  finish();
  // Regions that took more tours than coverage needs (only when no schedule of fewest tours was found).
  std::vector<std::string> more;
  for (const auto& r : regions_)
    if (tours_of(r) > r.fewest) more.push_back(at(data_.regions, r.data_index).id);
  res_.extra_tours = more;
  if (!more.empty()) {
    std::string ids;
    for (const auto& id : more) ids += (ids.empty() ? "" : ", ") + id;
    res_.notes.push_back(
        {fmt::format("每个地区只安排覆盖所需的最少次数时未找到可行安排；{} 个地区多安排一次巡查：{}", more.size(), ids),
         fmt::format("no schedule was found with the fewest tours coverage needs per region; {} {} one "
                     "tour more: {}",
                     more.size(), more.size() == 1 ? "region gets" : "regions get", ids)});
  }
  res_.feasible = true;
}

// Per-term bounds (SCHEDULING.md) over the regions' current patterns.
void Solver::simple_bounds() {
  auto& b = res_.bounds;
  b.risk = 0;
  // Largest load forced into one round: pinned work and regions every pattern of which has the round.
  std::vector<long long> forced = round_load_;
  for (const auto& r : regions_)
    for (int k : r.patterns.front())
      if (std::all_of(r.patterns.begin(), r.patterns.end(),
                      [&](const auto& p) { return std::find(p.begin(), p.end(), k) != p.end(); }))
        at(forced, k) += r.days;
  forced_max_ = 0;
  for (long long f : forced) forced_max_ = std::max(forced_max_, f);
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
}

// No schedule of fewest tours found (and none proven impossible): every region may take one tour
// more where its years allow, and the constructions and the repair run again. The search then
// minimises the tours beyond the fewest before the objective.
bool Solver::retry_with_extra_tours() {
  clear_items();
  int added = 0;
  for (auto& r : regions_) added += add_extra_patterns(r);
  if (added == 0) return false;
  std::vector<Problem> first = res_.problems;
  res_.problems.clear();
  items_.clear();
  for (auto& r : regions_) r.items.clear();
  simple_bounds();
  if (construct()) return true;
  if (!res_.proven) {
    res_.problems = first;
    res_.problems.push_back({"", 0,
                             {"每个地区多安排一次巡查（在其可选年份中）后再试各种构造和修复，仍未找到",
                              "allowing every region one tour more (in its possible years), the constructions and the "
                              "repair were tried again: still no schedule found"}});
  }
  return false;
}

}  // namespace detail

using detail::at;
using detail::size_of;
using detail::Solver;

std::string slot_mip(const Dataset& data, const Calendar& calendar, const Options& options, std::string& error) {
  Result res;
  Solver solver(data, calendar, options, res);
  return solver.mip(error);
}

std::string place_mip(const Dataset& data, const Calendar& calendar, const Options& options, std::string& error) {
  Result res;
  Solver solver(data, calendar, options, res);
  return solver.place_mip(error);
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
