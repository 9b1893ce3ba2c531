// Schedule benchmark on generated instances: time, objective, best bound and gap.
//   bench_schedule            the four sizes of the issue
//   bench_schedule N Y T      one instance: N regions, Y years, T teams
#include <xuncha/calendar/calendar.hpp>
#include <xuncha/schedule/schedule.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>

using namespace xuncha;

namespace {

// A province-like instance: class mix of the example (12 cities, 1 prefecture, 3 direct cities,
// 1 forestry district per 17), risk 1-5, last tours spread over the previous round years.
Dataset generate(int n, int from, std::uint64_t seed, bool counties) {
  Dataset d;
  std::uint64_t s = seed;
  auto next = [&] {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  };
  for (int i = 0; i < n; ++i) {
    Region r;
    r.id = fmt::format("r{:04}", i);
    r.name = fmt::format("R{:04}", i);
    int k = i % 17;
    r.cls = k < 12 ? RegionClass::city : k == 12 ? RegionClass::prefecture : k < 16 ? RegionClass::direct_city : RegionClass::forestry;
    if (k == 0) r.days = 10;
    if (counties) r.cls = RegionClass::direct_city;  // national scale: county-level, 7 days
    r.risk = 1 + static_cast<int>(next() % 5);
    d.regions.push_back(r);
    Tour t;
    t.id = fmt::format("h{:04}", i);
    t.region = r.id;
    t.year = from - 2 - 2 * static_cast<int>(next() % 2);  // last round or the one before
    t.team = std::string(1, 'G');
    d.tours.push_back(t);
    // The State Council tours 1 in 10 of the regions toured last round (others would lose their only year).
    if (t.year == from - 2 && next() % 10 == 0) {
      Tour sc;
      sc.id = fmt::format("s{:04}", i);
      sc.region = r.id;
      sc.body = Body::state_council;
      sc.year = from + static_cast<int>(next() % 5);
      d.tours.push_back(sc);
    }
  }
  d.policy.regions_expected = n;
  d.reindex();
  return d;
}

void run(int n, int years, int teams, const Calendar& cal) {
  int from = years > 5 ? 2015 : 2020;
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  seed += static_cast<unsigned>(n);
  auto data = generate(n, from, seed, n > 1000);
  schedule::Options o;
  o.from = from;
  o.years = years;
  o.teams = teams;
  auto t0 = std::chrono::steady_clock::now();
  auto res = schedule::plan(data, cal, o);
  auto t1 = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  if (!res.feasible) {
    fmt::print("{:>5} regions {:>2} years {:>2} teams: infeasible ({}) in {:.1f} ms\n", n, years, teams,
               res.problems.empty() ? "" : res.problems.front().text.en, ms);
    return;
  }
  long long b = res.bounds.best();
  fmt::print("{:>5} regions {:>2} years {:>2} teams: {:>8.1f} ms  {:>8} moves  objective {:>9}  bound {:>9} "
             "(terms {:>9}, Lagrangian {:>9})  gap {:>6.2f}%\n",
             n, years, teams, ms, res.iterations, res.objective, b, res.bounds.simple, res.bounds.lagrangian,
             b ? 100.0 * static_cast<double>(res.objective - b) / static_cast<double>(b) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  Calendar cal(Calendar::bundled_years());
  if (argc == 4) {
    run(std::atoi(argv[1]), std::atoi(argv[2]), std::atoi(argv[3]), cal);
    return 0;
  }
  run(17, 5, 4, cal);
  run(100, 5, 4, cal);
  run(333, 5, 10, cal);
  run(333, 5, 12, cal);
  run(2850, 10, 60, cal);
  return 0;
}
