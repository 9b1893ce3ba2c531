// Schedule benchmark on generated instances: time, objective, best bound and gap.
//   bench_schedule            the four sizes of the issue
//   bench_schedule N Y T      one instance: N regions, Y years, T teams (--counties: county-level,
//                             7 days, one in 17 with a 10-day override; --uniform: all 7 days)
//   bench_schedule --dump-mip FILE N Y T   write that instance's slot MIP (CPLEX LP) for bench/cbc.sh
//                             (--places: the place MIP, for one tour length: --counties --uniform)
//   --dump-tours FILE         also write the planned tours (region, year, start, team), one per line
//   bench_schedule --data PATH FROM        the data of PATH (a folder: e.g. examples/province), five
//                                          years from FROM, the policy's teams (also with --dump-mip)
#include <xuncha/calendar/calendar.hpp>
#include <xuncha/load/loader.hpp>
#include <xuncha/rules/policy_check.hpp>
#include <xuncha/schedule/schedule.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

using namespace xuncha;

namespace {

// A province-like instance: class mix of the example (12 cities, 1 prefecture, 3 direct cities,
// 1 forestry district per 17), risk 1-5, last tours spread over the five years before the horizon
// (round years regular, the others irregular tours, so the rounds stay anchored at `from`).
bool uniform = false;      // --uniform: with --counties, no 10-day override (one tour length)
std::string tours_file;    // --dump-tours FILE

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
    if (counties && uniform) r.days.reset();
    r.risk = 1 + static_cast<int>(next() % 5);
    d.regions.push_back(r);
    Tour t;
    t.id = fmt::format("h{:04}", i);
    t.region = r.id;
    t.year = from - 1 - static_cast<int>(next() % 5);
    t.kind = (from - t.year) % 2 == 0 ? TourKind::regular : TourKind::irregular;
    t.team = std::string(1, 'G');
    d.tours.push_back(t);
    // The State Council tours 1 in 10 of the regions that can spare a round year (toured in the
    // last three years before the horizon; the others have only one year left).
    if (t.year >= from - 3 && next() % 10 == 0) {
      Tour sc;
      sc.id = fmt::format("s{:04}", i);
      sc.region = r.id;
      sc.body = Body::state_council;
      sc.year = from + static_cast<int>(next() % 5);
      d.tours.push_back(sc);
    }
  }
  d.policy.regions_expected = n;
  d.policy.first_round_year = from;
  d.reindex();
  return d;
}

struct Instance {
  Dataset data;
  schedule::Options options;
};

// The instance `bench_schedule N YEARS TEAMS` runs; `counties`: 7-day county-level regions.
Instance instance(int n, int years, int teams, bool counties) {
  int from = years > 5 ? 2015 : 2020;
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  seed += static_cast<unsigned>(n);
  Instance in{generate(n, from, seed, counties), {}};
  in.options.from = from;
  in.options.years = years;
  in.options.teams = teams;
  return in;
}

// The instance of a data folder: the same loading as `xuncha schedule PATH --from FROM`.
bool load_instance(const std::string& path, int from, Instance& in, Calendar& cal) {
  std::vector<Diagnostic> diags;
  auto inputs = load::expand_paths({path}, diags);
  auto loaded = load::load(std::move(inputs));
  auto policy = rules::validate_policy(loaded.data);
  loaded.diagnostics.insert(loaded.diagnostics.end(), policy.begin(), policy.end());
  diags.insert(diags.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  if (!diags.empty()) {
    for (const auto& d : diags)
      fmt::print(stderr, "{}:{}:{}: {}\n", d.where.file, d.where.line, d.where.column, d.message.en);
    return false;
  }
  std::vector<CalendarYear> years = Calendar::bundled_years();
  years.insert(years.end(), loaded.data.calendar_years.begin(), loaded.data.calendar_years.end());
  cal = Calendar(years);
  in.data = std::move(loaded.data);
  in.options.from = from;
  return true;
}

void report(const std::string& name, const Instance& in, long long iterations, const Calendar& cal) {
  schedule::Options options = in.options;
  options.iterations = iterations;
  auto t0 = std::chrono::steady_clock::now();
  auto res = schedule::plan(in.data, cal, options);
  auto t1 = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  if (!res.feasible) {
    fmt::print("{}: infeasible ({}) in {:.1f} ms\n", name, res.problems.empty() ? "" : res.problems.front().text.en, ms);
    return;
  }
  if (!tours_file.empty()) {
    std::ofstream out(tours_file);
    for (const auto& t : res.tours)
      out << t.region << ' ' << t.year << ' ' << (t.start ? date::format("%F", *t.start) : std::string("-")) << ' ' << t.team << '\n';
  }
  long long b = res.bounds.best();
  fmt::print("{}: {:>8.1f} ms  {:>8} moves  objective {:>9}  bound {:>9} "
             "(terms {:>9}, Lagrangian {:>9})  gap {:>6.2f}%\n",
             name, ms, res.iterations, res.objective, b, res.bounds.simple, res.bounds.lagrangian,
             b ? 100.0 * static_cast<double>(res.objective - b) / static_cast<double>(b) : 0.0);
  fmt::print("      terms: largest round load {}, risk {}, team balance {}, tour-days {}; bounds: round load {}, "
             "risk {}, tour-days {}\n",
             res.terms.round_load, res.terms.risk, res.terms.team_balance, res.terms.tour_days, res.bounds.round_load,
             res.bounds.risk, res.bounds.min_work);
}

void run(int n, int years, int teams, bool counties, long long iterations, const Calendar& cal) {
  report(fmt::format("{:>5} regions{} {:>2} years {:>2} teams", n, counties ? " (counties)" : "", years, teams),
         instance(n, years, teams, counties), iterations, cal);
}

bool places = false;  // --places: the place MIP (one tour length) instead of the slot MIP

int dump_mip(const std::string& file, const Instance& in, const Calendar& cal) {
  std::string error;
  std::string lp = places ? schedule::place_mip(in.data, cal, in.options, error)
                          : schedule::slot_mip(in.data, cal, in.options, error);
  if (lp.empty()) {
    fmt::print(stderr, "bench_schedule: {}\n", error);
    return 1;
  }
  std::ofstream(file) << lp;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Calendar cal(Calendar::bundled_years());
  std::vector<std::string> args(argv + 1, argv + argc);
  bool counties = false;
  long long iterations = -1;
  std::string mip_file, data_path;
  for (std::size_t i = 0; i < args.size();) {
    if (args[i] == "--counties") {
      counties = true;
      args.erase(args.begin() + static_cast<long>(i));
    } else if (args[i] == "--places") {
      places = true;
      args.erase(args.begin() + static_cast<long>(i));
    } else if (args[i] == "--uniform") {
      uniform = true;
      args.erase(args.begin() + static_cast<long>(i));
    } else if (args[i] == "--dump-tours" && i + 1 < args.size()) {
      tours_file = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else if (args[i] == "--iterations" && i + 1 < args.size()) {
      iterations = std::atoll(args[i + 1].c_str());
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else if (args[i] == "--data" && i + 1 < args.size()) {
      data_path = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else if (args[i] == "--dump-mip" && i + 1 < args.size()) {
      mip_file = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
    } else {
      ++i;
    }
  }
  if (!data_path.empty() && args.size() == 1) {
    Instance in;
    if (!load_instance(data_path, std::atoi(args[0].c_str()), in, cal)) return 2;
    if (!mip_file.empty()) return dump_mip(mip_file, in, cal);
    report(fmt::format("{} from {}", data_path, args[0]), in, iterations, cal);
    return 0;
  }
  if (data_path.empty() && args.size() == 3) {
    int n = std::atoi(args[0].c_str()), years = std::atoi(args[1].c_str()), teams = std::atoi(args[2].c_str());
    if (!mip_file.empty()) return dump_mip(mip_file, instance(n, years, teams, counties), cal);
    run(n, years, teams, counties, iterations, cal);
    return 0;
  }
  if (!args.empty() || !mip_file.empty() || !data_path.empty()) {
    fmt::print(stderr,
               "usage: bench_schedule [[--counties [--uniform]] [--iterations N] [--dump-mip FILE [--places]] [--dump-tours FILE]\n"
               "                       REGIONS YEARS TEAMS]\n"
               "       bench_schedule [--iterations N] [--dump-mip FILE] --data PATH FROM\n");
    return 2;
  }
  run(17, 5, 4, false, -1, cal);
  run(100, 5, 4, false, -1, cal);
  run(333, 5, 10, false, -1, cal);  // the size: proven infeasible (15-day places: 12 teams needed)
  run(333, 5, 12, false, -1, cal);
  run(2850, 10, 60, true, -1, cal);
  run(2850, 10, 60, false, -1, cal);
  return 0;
}
