// Benchmark of the team-plan generator (xuncha staff).
//  1. The example province: `xuncha schedule examples/province --from 2027 --as-of 2026-11-30 -f yaml`,
//     then `xuncha staff examples/province --schedule THAT` run in-process (loading included).
//  2. A country: 120 teams on site at once, 500 tours, 5,000 people, generated in memory.
//  3. Teams of seven tours: 40 teams serving 7 tours each over a two-year cycle (280 tours, 1,450
//     people; tour lengths, leave and home regions drawn from seeds 2027-2029), generated in memory: the
//     instances where leaders and experts must be split between a team's tours (issue 25).
// Prints time (median of RUNS), objective, lower bound and gap. Usage: bench_staff [SRC_DIR] [RUNS]
#include "app/app.hpp"
#include "bench_util.hpp"

#include <xuncha/staff/staff.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using namespace xuncha;

// Regions r0.. (two in three with 危险化学品, the rest 冶金), committee units u0.. (the first four
// emergency management, every fifth of a region) and the experts' pool unit.
Dataset regions_and_units(int regions, int units) {
  Dataset d;
  d.files.push_back("<generated>");
  for (int r = 0; r < regions; ++r) {
    Region x;
    x.id = fmt::format("r{}", r);
    x.name = x.id;
    x.industries = {r % 3 ? "危险化学品" : "冶金"};
    d.regions.push_back(std::move(x));
  }
  for (int u = 0; u < units; ++u) {
    Unit x;
    x.id = fmt::format("u{}", u);
    x.name = x.id;
    x.committee_member = true;
    x.emergency_management = u < 4;
    x.region = u % 5 == 4 ? fmt::format("r{}", u) : "";
    d.units.push_back(std::move(x));
  }
  Unit pool;
  pool.id = "pool";
  pool.name = "pool";
  d.units.push_back(pool);
  return d;
}

Dataset country() {
  const int regions = 120, units = 60;
  Dataset d = regions_and_units(regions, units);
  auto add = [&](std::string prefix, int n, Rank rank, bool serving, bool safety, bool em, bool expert) {
    for (int i = 0; i < n; ++i) {
      Person p;
      p.id = fmt::format("{}{}", prefix, i);
      p.name = p.id;
      p.unit = expert ? "pool" : em ? fmt::format("u{}", i % 4) : fmt::format("u{}", 4 + i % (units - 4));
      p.rank = rank;
      p.serving = serving;
      p.safety_supervision = safety;
      if (i % 7 == 3) p.home_region = fmt::format("r{}", (i * 13) % regions);
      if (expert) p.expert = ExpertEntry{"ZJ-" + p.id, i % 2 ? "危险化学品" : "冶金", {}};
      if (i % 11 == 5) p.unavailable.push_back({*parse_iso_date("2027-04-01"), *parse_iso_date("2027-04-30"), "leave"});
      d.people.push_back(std::move(p));
    }
  };
  add("L", 300, Rank::deputy_bureau, true, true, false, false);
  add("D", 600, Rank::division, true, true, false, false);
  add("Y", 400, Rank::section, true, false, true, false);
  add("M", 2700, Rank::section, true, false, false, false);
  add("E", 1000, Rank::none, true, false, false, true);
  // 120 teams, all on site from March; 500 tours (teams 0-19 tour five regions, the others four).
  int n = 0;
  for (int team = 0; team < 120; ++team) {
    int tours = team < 20 ? 5 : 4;
    Date day = *parse_iso_date("2027-03-01");
    for (int k = 0; k < tours; ++k, ++n) {
      Tour t;
      t.id = fmt::format("P{}", n);
      t.region = fmt::format("r{}", (team * 7 + k * 31) % regions);
      t.year = 2027;
      t.planned = true;
      t.team_slot = team + 1;
      t.plan_from = 2027;
      t.start = day;
      t.end = day + date::days{9 + (n % 6)};
      day = *t.end + date::days{3};
      d.tours.push_back(std::move(t));
    }
  }
  d.reindex();
  return d;
}

// 40 teams × 7 tours (4 in 2027, 3 in 2028), all teams on site in the same weeks; seeded.
Dataset teams_of_seven(std::uint64_t seed) {
  auto next = [&seed](int n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((seed >> 33) % static_cast<std::uint64_t>(n));
  };
  const int regions = 80, units = 40, teams = 40;
  Dataset d = regions_and_units(regions, units);
  auto add = [&](std::string prefix, int n, Rank rank, bool safety, bool em, bool expert) {
    for (int i = 0; i < n; ++i) {
      Person p;
      p.id = fmt::format("{}{}", prefix, i);
      p.name = p.id;
      p.unit = expert ? "pool" : em ? fmt::format("u{}", i % 4) : fmt::format("u{}", 4 + i % (units - 4));
      p.rank = rank;
      p.serving = true;
      p.safety_supervision = safety;
      if (next(6) == 0) p.home_region = fmt::format("r{}", next(regions));
      if (expert) p.expert = ExpertEntry{"ZJ-" + p.id, next(2) ? "危险化学品" : "冶金", {}};
      if (next(10) == 0) {
        Date from = *parse_iso_date("2027-03-01") + date::days{next(600)};
        p.unavailable.push_back({from, from + date::days{10 + next(30)}, "leave"});
      }
      d.people.push_back(std::move(p));
    }
  };
  add("L", 200, Rank::deputy_bureau, true, false, false);
  add("D", 150, Rank::division, true, false, false);
  add("Y", 100, Rank::section, false, true, false);
  add("M", 600, Rank::section, false, false, false);
  add("E", 400, Rank::none, false, false, true);
  int n = 0;
  for (int team = 0; team < teams; ++team)
    for (int year = 2027; year <= 2028; ++year) {
      Date day = *parse_iso_date(fmt::format("{}-03-01", year)) + date::days{next(7)};
      for (int k = 0; k < (year == 2027 ? 4 : 3); ++k, ++n) {
        if (k == 2) day = std::max(day, *parse_iso_date(fmt::format("{}-09-01", year)));
        Tour t;
        t.id = fmt::format("P{}", n);
        t.region = fmt::format("r{}", (team * 11 + n * 7) % regions);
        t.year = year;
        t.planned = true;
        t.team_slot = team + 1;
        t.plan_from = 2027;
        t.start = day;
        t.end = day + date::days{9 + next(6)};
        day = *t.end + date::days{3 + next(10)};
        d.tours.push_back(std::move(t));
      }
    }
  d.reindex();
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  std::string src = argc > 1 ? argv[1] : ".";
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::filesystem::current_path(src);
  auto schedule = (std::filesystem::temp_directory_path() / "xuncha-bench-staff-schedule.yaml").string();
  auto planned = bench::run_cli({"schedule", "examples/province", "--from", "2027", "--as-of", "2026-11-30", "-f", "yaml", "-o", schedule});
  if (planned.code != 0) {
    fmt::print(stderr, "schedule failed: {}", planned.err);
    return 1;
  }
  std::string json;
  double province = bench::median_ms(runs, [&] {
    json = bench::run_cli({"staff", "examples/province", "--schedule", schedule, "--as-of", "2026-11-30", "-f", "json"}).out;
  });
  auto field = [&](const std::string& text, const std::string& key) {
    auto at = text.find("\"" + key + "\": ");
    if (at == std::string::npos) return std::string("?");
    at += key.size() + 4;
    return text.substr(at, text.find_first_of(",\n", at) - at);
  };
  fmt::print("province 2027-2031 (whole command, loading included): {:.1f} ms, objective {}, lower bound {}\n", province,
             field(json, "objective"), field(json, "lower_bound"));
  Dataset d = country();
  std::vector<std::size_t> tours;
  for (std::size_t i = 0; i < d.tours.size(); ++i) tours.push_back(i);
  staff::Result r;
  double ms = bench::median_ms(std::max(1, runs / 2), [&] { r = staff::plan(d, tours, {}); });
  double gap = r.objective > 0 ? 100.0 * static_cast<double>(r.objective - r.bound) / static_cast<double>(r.objective) : 0.0;
  fmt::print("country (120 teams at once, {} tours, {} people): {:.0f} ms, feasible {}, objective {}, lower bound {}, "
             "gap {:.1f}%, iterations {}\n",
             d.tours.size(), d.people.size(), ms, r.feasible, r.objective, r.bound, gap, r.iterations);
  for (std::uint64_t seed : {2027ULL, 2028ULL, 2029ULL}) {
    Dataset s = teams_of_seven(seed);
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < s.tours.size(); ++i) all.push_back(i);
    ms = bench::median_ms(runs, [&] { r = staff::plan(s, all, {}); });
    gap = r.objective > 0 ? 100.0 * static_cast<double>(r.objective - r.bound) / static_cast<double>(r.objective) : 0.0;
    fmt::print("teams of seven (40 teams × 7 tours, {} tours, {} people, seed {}): {:.0f} ms, feasible {}, objective {}, "
               "lower bound {}, gap {:.1f}% ({:.1f}% above the bound), iterations {}\n",
               s.tours.size(), s.people.size(), seed, ms, r.feasible, r.objective, r.bound, gap,
               r.bound > 0 ? 100.0 * static_cast<double>(r.objective - r.bound) / static_cast<double>(r.bound) : 0.0,
               r.iterations);
  }
  std::remove(schedule.c_str());
  return 0;
}
