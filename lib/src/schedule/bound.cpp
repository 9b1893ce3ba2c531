// Lagrangian bound of the slot model, by projected subgradient ascent (Polyak steps).
#include <xuncha/schedule/bound.hpp>

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace xuncha::schedule {
namespace {

template <class V>
auto& at(V& v, int i) {
  return v[static_cast<std::size_t>(i)];
}

// Euclidean projection onto {x >= 0, sum x = total}.
void project_simplex(std::vector<double>& x, double total) {
  if (total <= 0) {  // a weight of 0: the only point is 0
    std::fill(x.begin(), x.end(), 0.0);
    return;
  }
  std::vector<double> u = x;
  std::sort(u.begin(), u.end(), std::greater<>());
  double cum = 0, theta = 0;
  for (std::size_t i = 0; i < u.size(); ++i) {
    cum += u[i];
    double t = (cum - total) / static_cast<double>(i + 1);
    if (u[i] - t > 0) theta = t;
  }
  for (auto& v : x) v = std::max(0.0, v - theta);
}

long long day_of_month_index(int from_year, int m) {
  int y = from_year + m / 12;
  unsigned mo = static_cast<unsigned>(m % 12 + 1);
  return date::sys_days{date::year{y} / date::month{mo} / date::day{1}}.time_since_epoch().count();
}

// Prices of the first relaxation at its best point, turned into the second one's region prices.
struct Warm {
  std::vector<double> pi1, pi0, lambda;  // (region, round) flat, row-major
};

long long price_bound(const BoundInput& in, Warm& warm) {
  const int K = in.rounds;
  const int S = static_cast<int>(in.slots.size());
  const auto& w = in.weights;
  if (K == 0) return 0;
  int dmax = 0;
  for (const auto& r : in.regions) dmax = std::max(dmax, r.days);
  // Prefix limits: tours that start in months <= m of a team slot (all but the last of them end
  // before the month is over) hold at most (days through m) + dmax - 1 tour-days.
  std::vector<int> nu_at(static_cast<std::size_t>(S) + 1, 0);
  std::vector<double> nu_rhs;
  for (int s = 0; s < S; ++s) {
    const auto& sl = at(in.slots, s);
    at(nu_at, s + 1) = at(nu_at, s) + std::max(0, sl.last_month - sl.first_month);
    for (int m = sl.first_month; m < sl.last_month; ++m)
      nu_rhs.push_back(static_cast<double>(day_of_month_index(in.from_year, m + 1) - sl.first_day + dmax - 1));
  }
  std::vector<std::vector<int>> slots_of(static_cast<std::size_t>(K));
  std::vector<int> base(static_cast<std::size_t>(K), std::numeric_limits<int>::max()), top(static_cast<std::size_t>(K), 0);
  for (int s = 0; s < S; ++s) {
    const auto& sl = at(in.slots, s);
    at(slots_of, sl.round).push_back(s);
    at(base, sl.round) = std::min(at(base, sl.round), sl.first_month);
    at(top, sl.round) = std::max(at(top, sl.round), sl.last_month);
  }
  std::vector<double> lambda(static_cast<std::size_t>(K), w.round_load / static_cast<double>(K));
  std::vector<double> mu(static_cast<std::size_t>(S), 0.0), nu(nu_rhs.size(), 0.0);
  std::vector<double> g_lambda(lambda.size()), g_mu(mu.size()), g_nu(nu.size());
  // Per round and month: the cheapest (slot, month) for a first tour; per round: cheapest slot.
  std::vector<std::vector<double>> cmin(static_cast<std::size_t>(K));
  std::vector<std::vector<int>> carg(static_cast<std::size_t>(K));
  std::vector<double> mumin(static_cast<std::size_t>(K));
  std::vector<int> muarg(static_cast<std::size_t>(K));
  double best = -std::numeric_limits<double>::infinity();
  double alpha = 1.0;
  int stall = 0;
  for (int iter = 0; iter < in.iterations; ++iter) {
    for (int k = 0; k < K; ++k) {
      if (at(slots_of, k).empty()) continue;
      int months = at(top, k) - at(base, k) + 1;
      auto& cm = at(cmin, k);
      auto& ca = at(carg, k);
      cm.assign(static_cast<std::size_t>(months), std::numeric_limits<double>::infinity());
      ca.assign(static_cast<std::size_t>(months), -1);
      at(mumin, k) = std::numeric_limits<double>::infinity();
      for (int s : at(slots_of, k)) {
        const auto& sl = at(in.slots, s);
        if (at(mu, s) < at(mumin, k)) at(mumin, k) = at(mu, s), at(muarg, k) = s;
        double suffix = 0;
        for (int m = sl.last_month; m >= sl.first_month; --m) {
          if (m < sl.last_month) suffix += at(nu, at(nu_at, s) + (m - sl.first_month));
          double c = at(mu, s) + suffix;
          auto& slot = at(cm, m - at(base, k));
          if (c < slot) slot = c, at(ca, m - at(base, k)) = s;
        }
      }
    }
    double g = static_cast<double>(w.tour_days) * static_cast<double>(in.fixed_days);
    std::fill(g_lambda.begin(), g_lambda.end(), 0.0);
    std::fill(g_mu.begin(), g_mu.end(), 0.0);
    for (std::size_t i = 0; i < nu.size(); ++i) g_nu[i] = -nu_rhs[i];
    for (int s = 0; s < S; ++s) at(g_mu, s) = -at(in.slots, s).capacity;
    for (int k = 0; k < K; ++k) {
      at(g_lambda, k) = static_cast<double>(at(in.round_fixed, k));
      g += at(lambda, k) * static_cast<double>(at(in.round_fixed, k));
    }
    for (const auto& r : in.regions) {
      double d = r.days;
      if (r.patterns.empty() || r.patterns.front().empty()) {
        if (r.fixed_first_month != INT_MAX) g += static_cast<double>(w.risk) * r.risk * r.fixed_first_month;
        continue;
      }
      double best_cost = std::numeric_limits<double>::infinity();
      int bp = -1, bm = -1;
      for (int p = 0; p < static_cast<int>(r.patterns.size()); ++p) {
        const auto& pat = at(r.patterns, p);
        double cost = static_cast<double>(w.tour_days) * d * static_cast<double>(pat.size());
        for (std::size_t i = 0; i < pat.size(); ++i) {
          int k = pat[i];
          cost += at(lambda, k) * d;
          if (i > 0) cost += d * at(mumin, k);
        }
        int k0 = pat.front();
        const auto& cm = at(cmin, k0);
        double fbest = std::numeric_limits<double>::infinity();
        int fm = -1;
        for (int m = 0; m < static_cast<int>(cm.size()); ++m) {
          if (!std::isfinite(at(cm, m))) continue;
          int month = std::min(at(base, k0) + m, r.fixed_first_month);
          double c = static_cast<double>(w.risk) * r.risk * month + d * at(cm, m);
          if (c < fbest) fbest = c, fm = m;
        }
        if (fm < 0) continue;
        cost += fbest;
        if (cost < best_cost) best_cost = cost, bp = p, bm = fm;
      }
      if (bp < 0) continue;
      g += best_cost;
      const auto& pat = at(r.patterns, bp);
      for (std::size_t i = 0; i < pat.size(); ++i) {
        int k = pat[i];
        at(g_lambda, k) += d;
        if (i > 0) at(g_mu, at(muarg, k)) += d;
      }
      int k0 = pat.front();
      int s = at(at(carg, k0), bm);
      at(g_mu, s) += d;
      const auto& sl = at(in.slots, s);
      for (int m = at(base, k0) + bm; m < sl.last_month; ++m) at(g_nu, at(nu_at, s) + (m - sl.first_month)) += d;
    }
    for (int s = 0; s < S; ++s) g -= at(mu, s) * at(in.slots, s).capacity;
    for (std::size_t i = 0; i < nu.size(); ++i) g -= nu[i] * nu_rhs[i];
    if (g > best + 1e-9) {
      best = g;
      stall = 0;
      // What a first or later tour of each region costs in each round at these prices.
      const std::size_t R = in.regions.size();
      warm.pi1.assign(R * static_cast<std::size_t>(K), 0.0);
      warm.pi0.assign(R * static_cast<std::size_t>(K), 0.0);
      warm.lambda = lambda;
      for (std::size_t r = 0; r < R; ++r) {
        const auto& reg = in.regions[r];
        for (int k = 0; k < K; ++k) {
          if (at(slots_of, k).empty()) continue;
          const auto& cm = at(cmin, k);
          double c1 = std::numeric_limits<double>::infinity();
          for (int m = 0; m < static_cast<int>(cm.size()); ++m)
            if (std::isfinite(at(cm, m)))
              c1 = std::min(c1, static_cast<double>(w.risk) * reg.risk * std::min(at(base, k) + m, reg.fixed_first_month) +
                                    reg.days * at(cm, m));
          warm.pi1[r * static_cast<std::size_t>(K) + static_cast<std::size_t>(k)] = std::isfinite(c1) ? c1 : 0.0;
          warm.pi0[r * static_cast<std::size_t>(K) + static_cast<std::size_t>(k)] = reg.days * at(mumin, k);
        }
      }
    } else if (++stall >= 20) {
      alpha /= 2;
      stall = 0;
    }
    // Projected subgradient step; multipliers of slack constraints stay at 0.
    double norm = 0;
    double mean = std::accumulate(g_lambda.begin(), g_lambda.end(), 0.0) / static_cast<double>(K);
    for (auto v : g_lambda) norm += (v - mean) * (v - mean);
    for (std::size_t i = 0; i < mu.size(); ++i)
      if (mu[i] > 0 || g_mu[i] > 0) norm += g_mu[i] * g_mu[i];
    for (std::size_t i = 0; i < nu.size(); ++i)
      if (nu[i] > 0 || g_nu[i] > 0) norm += g_nu[i] * g_nu[i];
    if (norm < 1e-12) break;
    double target = in.upper > 0 ? static_cast<double>(in.upper) : best + 1;
    double step = alpha * std::max(target - g, 1e-3 * std::abs(g) + 1) / norm;
    for (std::size_t i = 0; i < lambda.size(); ++i) lambda[i] += step * g_lambda[i];
    project_simplex(lambda, static_cast<double>(w.round_load));
    for (std::size_t i = 0; i < mu.size(); ++i) mu[i] = std::max(0.0, mu[i] + step * g_mu[i]);
    for (std::size_t i = 0; i < nu.size(); ++i) nu[i] = std::max(0.0, nu[i] + step * g_nu[i]);
  }
  return std::isfinite(best) ? static_cast<long long>(std::ceil(best - 1e-6)) : 0;
}

// The second relaxation: every team period picks its own sequence of tours, dated day by day, so
// "started by the end of month m" holds exactly per team. What ties the periods to the regions (a
// region's first tour and its later tours are done once, in the rounds of its pattern) is priced
// instead: pi1 for the first tour of a region in a round, pi0 for a later one. For fixed prices the
// regions choose patterns independently and each period solves a small dynamic programme over its
// days (a region may repeat inside it: still a relaxation), so the bound is valid for any prices;
// subgradient ascent looks for good ones.
long long sequence_bound(const BoundInput& in, const Warm& warm) {
  const int K = in.rounds;
  const int R = static_cast<int>(in.regions.size());
  const auto& w = in.weights;
  if (K == 0) return 0;
  auto month_of_day = [&](long long day) {
    date::year_month_day ymd{date::sys_days{date::days{day}}};
    return (static_cast<int>(ymd.year()) - in.from_year) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  };
  // Identical team periods (same round, first day, capacity) are solved once.
  struct Group {
    int round = 0, capacity = 0, count = 0;
    long long first_day = 0;
    std::vector<int> seg_start, seg_month;  // month segments: first offset, month index
  };
  std::vector<Group> groups;
  {
    std::vector<BoundSlot> sorted = in.slots;
    std::sort(sorted.begin(), sorted.end(), [](const BoundSlot& a, const BoundSlot& b) {
      return std::tuple(a.round, a.first_day, a.capacity) < std::tuple(b.round, b.first_day, b.capacity);
    });
    for (const auto& sl : sorted) {
      if (sl.capacity <= 0) continue;
      if (!groups.empty() && groups.back().round == sl.round && groups.back().first_day == sl.first_day &&
          groups.back().capacity == sl.capacity) {
        ++groups.back().count;
        continue;
      }
      Group g{sl.round, sl.capacity, 1, sl.first_day, {}, {}};
      for (int t = 0; t < sl.capacity; ++t) {
        int m = month_of_day(sl.first_day + t);
        if (g.seg_month.empty() || g.seg_month.back() != m) g.seg_start.push_back(t), g.seg_month.push_back(m);
      }
      groups.push_back(std::move(g));
    }
  }
  std::vector<int> durations;
  for (const auto& r : in.regions) durations.push_back(r.days);
  std::sort(durations.begin(), durations.end());
  durations.erase(std::unique(durations.begin(), durations.end()), durations.end());
  const int D = static_cast<int>(durations.size());
  auto dindex = [&](int days) {
    return static_cast<int>(std::lower_bound(durations.begin(), durations.end(), days) - durations.begin());
  };
  // Which (region, round) pairs exist as a first or a later tour; the regions of each round.
  auto rk = [&](int r, int k) { return static_cast<std::size_t>(r) * static_cast<std::size_t>(K) + static_cast<std::size_t>(k); };
  std::vector<char> can_first(static_cast<std::size_t>(R * K), 0), can_later(static_cast<std::size_t>(R * K), 0);
  std::vector<std::vector<int>> regions_of(static_cast<std::size_t>(K));
  double constant = static_cast<double>(w.tour_days) * static_cast<double>(in.fixed_days);
  for (int r = 0; r < R; ++r) {
    const auto& reg = at(in.regions, r);
    if (reg.patterns.empty() || reg.patterns.front().empty()) {
      if (reg.fixed_first_month != INT_MAX) constant += static_cast<double>(w.risk) * reg.risk * reg.fixed_first_month;
      continue;
    }
    for (const auto& pat : reg.patterns)
      for (std::size_t i = 0; i < pat.size(); ++i) (i == 0 ? can_first : can_later)[rk(r, pat[i])] = 1;
    for (int k = 0; k < K; ++k)
      if (can_first[rk(r, k)] || can_later[rk(r, k)]) at(regions_of, k).push_back(r);
  }
  std::vector<double> pi1(can_first.size(), 0.0), pi0(can_later.size(), 0.0);
  if (warm.pi1.size() == pi1.size()) pi1 = warm.pi1, pi0 = warm.pi0;
  std::vector<double> g1(pi1.size()), g0(pi0.size());
  std::vector<double> lambda(static_cast<std::size_t>(K), w.round_load / static_cast<double>(K)), glambda(lambda.size());
  if (warm.lambda.size() == lambda.size()) lambda = warm.lambda;
  // Team balance, T·M_k − L_k with M_k the busiest team's load in round k, is what the prices
  // alone leave at 0. M_k is at least the days of every tour in the round and the pinned load
  // shared evenly (v_e: a region's days when it is toured in round k, else 0; or that pinned
  // floor). So for rho ≥ 0 with Σ_e rho_ke ≤ weight·T, weight·(T·M_k − L_k) ≥ Σ_e rho_ke·(v_e − L_k/T):
  // a round that holds only two 15-day tours leaves two of four teams idle, whatever the plan.
  const double T = std::max(1, in.teams);
  auto Tk = [&](int k) {  // teams of round k (pinned tours may name more teams in one round)
    return in.round_teams.empty() ? T : static_cast<double>(std::max(1, in.round_teams[static_cast<std::size_t>(k)]));
  };
  const int E = R + 1;  // entry R of a round: the pinned floor
  auto ek = [&](int k, int e) { return static_cast<std::size_t>(k) * static_cast<std::size_t>(E) + static_cast<std::size_t>(e); };
  std::vector<double> rho(static_cast<std::size_t>(K * E), 0.0), grho(rho.size()), rsum(static_cast<std::size_t>(K));
  std::vector<double> pinned_floor(static_cast<std::size_t>(K));
  for (int k = 0; k < K; ++k) at(pinned_floor, k) = std::ceil(static_cast<double>(at(in.round_fixed, k)) / Tk(k));
  std::vector<int> chosen(static_cast<std::size_t>(R), -1);
  std::vector<double> f;
  std::vector<int> choice;  // per day t: -1 idle, else item index into `best_item`
  struct Best {
    double cost = 0;
    int region = -1;
    bool first = false;
  };
  std::vector<Best> best_item;  // per (segment, duration)
  double best = -std::numeric_limits<double>::infinity();
  double alpha = 2.0;
  int stall = 0;
  for (int iter = 0; iter < in.sequence_iterations; ++iter) {
    double L = constant;
    std::fill(g1.begin(), g1.end(), 0.0);
    std::fill(g0.begin(), g0.end(), 0.0);
    for (int k = 0; k < K; ++k) {
      L += at(lambda, k) * static_cast<double>(at(in.round_fixed, k));
      at(glambda, k) = static_cast<double>(at(in.round_fixed, k));
      at(rsum, k) = 0;
      for (int e = 0; e < E; ++e) at(rsum, k) += rho[ek(k, e)];
      L += rho[ek(k, R)] * at(pinned_floor, k) - at(rsum, k) / Tk(k) * static_cast<double>(at(in.round_fixed, k));
    }
    // Regions: the cheapest pattern under the prices.
    for (int r = 0; r < R; ++r) {
      const auto& reg = at(in.regions, r);
      if (reg.patterns.empty() || reg.patterns.front().empty()) continue;
      double d = reg.days, cbest = std::numeric_limits<double>::infinity();
      int pbest = 0;
      for (int p = 0; p < static_cast<int>(reg.patterns.size()); ++p) {
        const auto& pat = at(reg.patterns, p);
        double c = 0;
        for (std::size_t i = 0; i < pat.size(); ++i)
          c += (w.tour_days + at(lambda, pat[i]) + rho[ek(pat[i], r)] - at(rsum, pat[i]) / Tk(pat[i])) * d +
               (i == 0 ? pi1 : pi0)[rk(r, pat[i])];
        if (c < cbest) cbest = c, pbest = p;
      }
      L += cbest;
      at(chosen, r) = pbest;
      const auto& pat = at(reg.patterns, pbest);
      for (std::size_t i = 0; i < pat.size(); ++i) {
        (i == 0 ? g1 : g0)[rk(r, pat[i])] += 1;
        at(glambda, pat[i]) += d;
      }
    }
    // Round loads are now known (glambda): the team-balance prices' subgradient.
    for (int k = 0; k < K; ++k) {
      double share = at(glambda, k) / Tk(k);
      for (int e = 0; e < R; ++e) grho[ek(k, e)] = -share;
      grho[ek(k, R)] = at(pinned_floor, k) - share;
    }
    for (int r = 0; r < R; ++r)
      if (at(chosen, r) >= 0)
        for (int k : at(at(in.regions, r).patterns, at(chosen, r))) grho[ek(k, r)] += at(in.regions, r).days;
    // Team periods: the cheapest sequence of priced tours.
    for (const auto& g : groups) {
      const int S = static_cast<int>(g.seg_start.size());
      best_item.assign(static_cast<std::size_t>(S * D), Best{});
      for (int s = 0; s < S; ++s)
        for (int r : at(regions_of, g.round)) {
          const auto& reg = at(in.regions, r);
          auto& b = at(best_item, s * D + dindex(reg.days));
          if (can_first[rk(r, g.round)]) {
            double c = static_cast<double>(w.risk) * reg.risk * std::min(at(g.seg_month, s), reg.fixed_first_month) -
                       pi1[rk(r, g.round)];
            if (c < b.cost) b = {c, r, true};
          }
          if (can_later[rk(r, g.round)]) {
            double c = -pi0[rk(r, g.round)];
            if (c < b.cost) b = {c, r, false};
          }
        }
      const int C = g.capacity;
      f.assign(static_cast<std::size_t>(C) + 1, std::numeric_limits<double>::infinity());
      choice.assign(static_cast<std::size_t>(C) + 1, -1);
      at(f, 0) = 0;
      int s = 0;
      for (int t = 0; t < C; ++t) {
        while (s + 1 < S && at(g.seg_start, s + 1) <= t) ++s;
        double ft = at(f, t);
        if (ft < at(f, t + 1)) at(f, t + 1) = ft, at(choice, t + 1) = -1;
        for (int di = 0; di < D; ++di) {
          int e = t + at(durations, di);
          const auto& b = at(best_item, s * D + di);
          if (e > C || b.region < 0) continue;
          if (ft + b.cost < at(f, e)) at(f, e) = ft + b.cost, at(choice, e) = s * D + di;
        }
      }
      L += g.count * at(f, C);
      for (int t = C; t > 0;) {
        int c = at(choice, t);
        if (c < 0) {
          --t;
          continue;
        }
        const auto& b = at(best_item, c);
        (b.first ? g1 : g0)[rk(b.region, g.round)] -= g.count;
        t -= at(in.regions, b.region).days;
      }
    }
    if (L > best + 1e-9) {
      best = L;
      stall = 0;
    } else if (++stall >= 20) {
      alpha /= 2;
      stall = 0;
      if (alpha < 1e-4) break;
    }
    double norm = 0;
    for (std::size_t i = 0; i < g1.size(); ++i) norm += g1[i] * g1[i] + g0[i] * g0[i];
    // lambda stays on a simplex: only the part of its gradient off the common direction moves it.
    double mean = std::accumulate(glambda.begin(), glambda.end(), 0.0) / static_cast<double>(K);
    for (auto v : glambda) norm += (v - mean) * (v - mean);
    for (std::size_t i = 0; i < rho.size(); ++i)
      if (rho[i] > 0 || grho[i] > 0) norm += grho[i] * grho[i];
    if (norm < 1e-12) break;
    double target = in.upper > 0 ? static_cast<double>(in.upper) : best + 1;
    double step = alpha * std::max(target - L, 1e-3 * std::abs(L) + 1) / norm;
    for (std::size_t i = 0; i < g1.size(); ++i) {
      if (can_first[i]) pi1[i] += step * g1[i];
      if (can_later[i]) pi0[i] += step * g0[i];
    }
    for (std::size_t i = 0; i < lambda.size(); ++i) lambda[i] += step * glambda[i];
    project_simplex(lambda, static_cast<double>(w.round_load));
    for (int k = 0; k < K; ++k) {
      const double cap = w.team_balance * Tk(k);
      double sum = 0;
      for (int e = 0; e < E; ++e) sum += rho[ek(k, e)] = std::max(0.0, rho[ek(k, e)] + step * grho[ek(k, e)]);
      if (sum > cap) {
        std::vector<double> part(rho.begin() + static_cast<std::ptrdiff_t>(ek(k, 0)), rho.begin() + static_cast<std::ptrdiff_t>(ek(k, E - 1)) + 1);
        project_simplex(part, cap);
        std::copy(part.begin(), part.end(), rho.begin() + static_cast<std::ptrdiff_t>(ek(k, 0)));
      }
    }
  }
  return std::isfinite(best) ? static_cast<long long>(std::ceil(best - 1e-6)) : 0;
}

}  // namespace

long long lagrangian_bound(const BoundInput& in) {
  Warm warm;
  long long by_prices = price_bound(in, warm);
  return std::max(by_prices, sequence_bound(in, warm));
}

}  // namespace xuncha::schedule
