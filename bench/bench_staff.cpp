// Benchmark of the team-plan generator (xuncha staff).
//  1. The example province: `xuncha schedule examples/province --from 2027 --as-of 2026-11-30 -f yaml`,
//     then `xuncha staff examples/province --schedule THAT` run in-process (loading included).
//  2. A country: 120 teams on site at once, 500 tours, 5,000 people, generated in memory.
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

Dataset country() {
  Dataset d;
  d.files.push_back("<generated>");
  const int regions = 120, units = 60;
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
  std::remove(schedule.c_str());
  return 0;
}
