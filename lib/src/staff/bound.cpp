// A lower bound on a cycle's weighted objective that counts every seat: each team's fixed staff
// (deputies, liaison, members) and each tour's leader and experts.
//
// The argument. Write F = staff_fair_days, f(z) = max(0, z − F), and for a person p and a year y let
// b = their days on site in the data before the plan (b' ≥ b once earlier cycles are planned) and
// X = the days of the seats they take in this cycle (a seat is a fixed seat, all the team's tours,
// or one tour as leader or expert: the search works on such seats, see search.cpp). The days term
// charges f(b' + X) for each seated person and year. Let h_b(x) = f(b + x) − f(b), the days x add
// on top of b. Then
//   1. f(b' + X) ≥ f(b' + X) − f(b') = h_b'(X) ≥ h_b(X): f is convex, so what x adds grows with
//      what is already there (b' ≥ b);
//   2. h_b is superadditive on x ≥ 0 (for b ≥ F it is x; for b < F it is max(0, x − (F − b))), so
//      h_b(X) ≥ Σ h_b(x_s) over the seats s the person takes, whatever way the tours are split.
// So the days term is at least Σ over seats of h_b(seat's days) for the person in it, and the
// fields term is exactly Σ over expert seats of their tours whose key industries the person's
// fields miss: both sums run over seats. Each seat's person is one of its candidates (candidates
// only shrink as earlier cycles take people, so reading the data alone is safe), and the k seats
// of one role on one team (and tour) need k different people: the sum of the k cheapest
// candidates' costs bounds those seats. Ignoring that people are shared between teams only lowers
// the bound. The people per team are the planner's (the fewest the ranges allow); more could only
// add seats. The unit-share term is bounded on its own (below); the pairs term by 0.
#include "instance.hpp"

#include <algorithm>
#include <map>

namespace xuncha::staff::detail {
namespace {

long long extra(int before, int x, int fair) {
  return std::max(0, before + x - fair) - std::max(0, before - fair);
}

}  // namespace

long long bound_of(const Instance& in, std::size_t cycle, CandidateMemo* memo) {
  const auto& pol = in.pol;
  const auto& slots = in.cycles[cycle].slots;
  auto seats = make_seats(in, cycle, std::vector<char>(in.slots.size(), 1), memo);
  std::map<std::tuple<std::size_t, int, int>, int> count;  // (slot, role, tour) → seats
  std::map<std::tuple<std::size_t, int, int>, const Seat*> first;
  for (const auto& s : seats) {
    auto key = std::tuple{s.slot, static_cast<int>(s.role), s.tour};
    ++count[key];
    first.emplace(key, &s);
  }
  long long seat_part = 0;
  for (const auto& [key, k] : count) {
    const Seat& s = *first.at(key);
    auto days = in.seat_days(s.slot, s.tour);
    std::vector<const Region*> regions;
    for (int t : in.seat_tours(s.slot, s.tour))
      if (const Region* r = in.data.region(in.tours[static_cast<std::size_t>(t)].tour->region)) regions.push_back(r);
    std::vector<long long> cost;
    for (int p : s.candidates) {
      const auto& before = in.days_before[static_cast<std::size_t>(p)];
      long long c = 0;
      for (auto [y, d] : days) {
        auto it = before.find(y);
        c += extra(it == before.end() ? 0 : it->second, d, pol.staff_fair_days) * pol.staff_weight_days;
      }
      if (s.role == Role::expert)
        for (const Region* r : regions)
          c += fields_match(in.data.people[static_cast<std::size_t>(p)], *r) ? 0 : pol.staff_weight_fields;
      cost.push_back(c);
    }
    auto take = std::min<std::size_t>(static_cast<std::size_t>(k), cost.size());
    std::partial_sort(cost.begin(), cost.begin() + static_cast<long>(take), cost.end());
    for (std::size_t i = 0; i < take; ++i) seat_part += cost[i];
  }
  // Units: the liaisons come from emergency management units only; with the largest possible
  // share (every leader a different person), those units exceed it by at least this much.
  long long tours = 0;
  for (auto s : slots) tours += static_cast<long long>(in.slots[s].tours.size());
  int fixed = pol.staff_deputies + 1 + in.members;
  int units = 0, em_units = 0;
  for (const auto& u : in.data.units) {
    units += u.committee_member ? 1 : 0;
    em_units += u.committee_member && u.emergency_management ? 1 : 0;
  }
  long long unit_bound = 0;
  if (units > 0) {
    long long most = static_cast<long long>(slots.size()) * fixed + tours;
    long long share = (most + units - 1) / units;
    unit_bound = std::max(0LL, static_cast<long long>(slots.size()) - em_units * share);
  }
  return seat_part + unit_bound * pol.staff_weight_units;
}

}  // namespace xuncha::staff::detail
