// Lagrangian bound of the slot model, by projected subgradient ascent (Polyak steps).
#include <xuncha/schedule/bound.hpp>

#include <date/date.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace xuncha::schedule {
namespace {

template <class V>
auto& at(V& v, int i) {
  return v[static_cast<std::size_t>(i)];
}

// Euclidean projection onto {x >= 0, sum x = total}.
void project_simplex(std::vector<double>& x, double total) {
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

}  // namespace

long long lagrangian_bound(const BoundInput& in) {
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
    } else if (++stall >= 20) {
      alpha /= 2;
      stall = 0;
    }
    // Projected subgradient step; multipliers of slack constraints stay at 0.
    double norm = 0;
    for (auto v : g_lambda) norm += v * v;
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

}  // namespace xuncha::schedule
