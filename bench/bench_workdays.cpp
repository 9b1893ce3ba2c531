// Working-day arithmetic and deadlines at national scale: one million `add` queries, and the
// deadlines of 100,000 tours. Prints the median of five runs of each.
#include "bench_util.hpp"

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/deadlines/deadlines.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>

using namespace xuncha;

namespace {

double median_ms(const std::function<void()>& f) { return xuncha::bench::median_ms(5, f); }

}  // namespace

int main() {
  Calendar cal(Calendar::bundled_years());
  std::mt19937 rng(42);
  Date first{date::year{2015} / 1 / 1};
  std::uniform_int_distribution<int> day(0, 365 * 11), n(0, 60);
  std::vector<std::pair<Date, int>> queries(1'000'000);
  for (auto& q : queries) q = {first + date::days{day(rng)}, n(rng)};

  long long sink = 0;
  double add_ms = median_ms([&] {
    for (const auto& [d, k] : queries) sink += cal.add_workdays(d, k).time_since_epoch().count();
  });
  double between_ms = median_ms([&] {
    for (const auto& [d, k] : queries) sink += cal.workdays_between(d, d + date::days{k});
  });

  Dataset data;
  for (int r = 0; r < 2850; ++r) data.regions.push_back({fmt::format("r{}", r), "R", RegionClass::city, 5, {}, 3, {}, {}, {}, std::nullopt, {}});
  std::uniform_int_distribution<int> region(0, 2849), start_day(0, 365 * 10);
  for (int t = 0; t < 100'000; ++t) {
    Tour tour;
    tour.id = fmt::format("t{}", t);
    tour.region = fmt::format("r{}", region(rng));
    Date s = first + date::days{start_day(rng)};
    tour.start = s;
    tour.end = s + date::days{14};
    tour.year = year_of(s);
    tour.serious = t % 7 == 0;
    // Most tours are far along the procedure; some are still open.
    if (t % 3) tour.milestones[static_cast<std::size_t>(Milestone::report_submitted)] = cal.add_workdays(*tour.end, 14);
    if (t % 3) tour.milestones[static_cast<std::size_t>(Milestone::feedback)] = cal.add_workdays(*tour.end, 30);
    data.tours.push_back(std::move(tour));
  }
  data.reindex();
  std::size_t rows = 0;
  std::vector<deadlines::Row> out;
  double deadlines_ms = median_ms([&] {
    out = deadlines::compute(data, cal, Date{date::year{2026} / 11 / 30}, 5);
    rows = out.size();
  });
  double sort_ms = median_ms([&] {
    auto copy = out;
    deadlines::sort_for_reading(copy);
  });

  fmt::print("workdays add:     1,000,000 queries  {:8.1f} ms  ({:.0f} ns/query)\n", add_ms, add_ms * 1e6 / 1e6);
  fmt::print("workdays between: 1,000,000 queries  {:8.1f} ms  ({:.0f} ns/query)\n", between_ms, between_ms * 1e6 / 1e6);
  fmt::print("deadlines:        100,000 tours ({} step rows computed)  {:8.1f} ms\n", rows, deadlines_ms);
  fmt::print("deadlines:        the same rows sorted for reading      {:8.1f} ms\n", sort_ms);
  fmt::print("(checksum {})\n", sink % 1000);
  return 0;
}
