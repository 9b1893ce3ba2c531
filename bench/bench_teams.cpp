// Benchmark of the team rules (check_teams) and --suggest on a generated data set built in
// memory (no YAML): 10,000 teams, 50,000 people, 20,000 tours by default. Prints the median of
// several runs. Usage: bench_teams [TEAMS] [RUNS]   (people = 5 x teams, tours = 2 x teams)
#include "bench_util.hpp"

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/rules/checkers.hpp>
#include <xuncha/rules/registry.hpp>
#include <xuncha/rules/teams.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

using namespace xuncha;

// Five cycles of teams; inside a cycle nobody is on two teams; between cycles people return.
// Each team serves two back-to-back tours (they touch, never overlap). One person in ten has a
// home region, so a realistic number of conflict-of-interest findings comes out.
// With `clash`, one extra member sits on every team and every tour runs on the same dates:
// the worst case for overlap detection (a quadratic scan would compare 2e8 pairs).
Dataset generate(std::size_t teams, bool clash) {
  Dataset d;
  d.files.push_back("<generated>");
  static const char* regions[] = {"wuhan",   "huangshi", "shiyan",  "yichang", "xiangyang", "ezhou",
                                  "jingmen", "xiaogan",  "jingzhou", "huanggang", "xianning", "suizhou",
                                  "enshi",   "xiantao",  "qianjiang", "tianmen", "shennongjia"};
  for (const char* r : regions) d.regions.push_back({r, r, RegionClass::city, 8, std::nullopt, 3, {}, {}, {}, std::nullopt, {}});
  d.units.push_back({"yjt", "省应急管理厅", true, true, "", {}});
  for (int u = 0; u < 19; ++u) d.units.push_back({fmt::format("u{:02}", u), fmt::format("成员单位{}", u), true, false, "", {}});
  d.units.push_back({"pool", "专家单位", false, false, "", {}});

  std::size_t per_cycle = std::max<std::size_t>(1, teams / 5);
  std::size_t n_leaders = per_cycle * 5 / 4, n_deputies = per_cycle * 5 / 2, n_liaisons = per_cycle * 5 / 4;
  std::size_t n_experts = per_cycle * 5, n_people = teams * 5;
  std::size_t n_members = n_people - n_leaders - n_deputies - n_liaisons - n_experts;
  auto add_person = [&](std::string id, std::string unit, Rank rank, bool expert) {
    Person p;
    p.id = std::move(id);
    p.name = "人员" + p.id;
    p.unit = std::move(unit);
    p.rank = rank;
    p.safety_supervision = true;
    if (d.people.size() % 10 == 3) p.home_region = regions[d.people.size() % 17];
    if (expert) p.expert = ExpertEntry{"ZJ-" + p.id, "危险化学品", {}};
    d.people.push_back(std::move(p));
  };
  for (std::size_t i = 0; i < n_leaders; ++i) add_person(fmt::format("L{}", i), fmt::format("u{:02}", i % 19), i % 2 ? Rank::bureau : Rank::deputy_bureau, false);
  for (std::size_t i = 0; i < n_deputies; ++i) add_person(fmt::format("D{}", i), fmt::format("u{:02}", i % 19), i % 2 ? Rank::division : Rank::deputy_division, false);
  for (std::size_t i = 0; i < n_liaisons; ++i) add_person(fmt::format("Y{}", i), "yjt", Rank::section, false);
  for (std::size_t i = 0; i < n_members; ++i) add_person(fmt::format("M{}", i), fmt::format("u{:02}", i % 19), Rank::section, false);
  for (std::size_t i = 0; i < n_experts; ++i) add_person(fmt::format("E{}", i), "pool", Rank::none, true);
  if (clash) add_person("X0", "u00", Rank::section, false);

  for (std::size_t t = 0; t < teams; ++t) {
    std::size_t c = t / per_cycle, j = t % per_cycle;
    Team g;
    g.id = fmt::format("G{}", t);
    g.cycle = fmt::format("{}-{}", 2010 + 2 * c, 2011 + 2 * c);
    auto& r = g.roles;
    r[0] = {fmt::format("L{}", (j + c * 7) % n_leaders)};
    r[1] = {fmt::format("D{}", (j + c * 13) % n_deputies)};
    r[2] = {fmt::format("Y{}", (j + c * 17) % n_liaisons)};
    r[3] = {fmt::format("M{}", (2 * j + c * 4001) % n_members), fmt::format("M{}", (2 * j + 1 + c * 4001) % n_members)};
    if (clash) r[3].push_back("X0");
    r[4] = {fmt::format("E{}", (j + c * 19) % n_experts)};
    d.teams.push_back(std::move(g));
    for (std::size_t k = 0; k < 2; ++k) {
      Tour tour;
      tour.id = fmt::format("T{}-{}", t, k);
      tour.region = regions[(2 * t + k) % 17];
      tour.team = d.teams.back().id;
      Date base = date::sys_days{date::year{static_cast<int>(2010 + 2 * c)} / 1 / 5};
      auto offset = clash ? 0 : static_cast<int>(j % 300);
      tour.start = base + date::days{offset + 7 * static_cast<int>(k)};
      tour.end = *tour.start + date::days{6};
      tour.year = year_of(*tour.start);
      Appointment a;
      a.id = fmt::format("A{}", d.appointments.size());
      a.person = d.teams.back().roles[4][0];
      a.tour = tour.id;
      d.appointments.push_back(std::move(a));
      d.tours.push_back(std::move(tour));
    }
  }
  d.reindex();
  return d;
}

using xuncha::bench::median_ms;

void measure(std::size_t teams, int runs, bool clash, const Calendar& cal) {
  Dataset d = generate(teams, clash);
  rules::CheckContext ctx{d, cal, date::sys_days{date::year{2026} / 11 / 30}};
  std::size_t findings = 0, overlaps = 0;
  double check = median_ms(runs, [&] {
    std::vector<Diagnostic> out;
    rules::check_teams(ctx, out);
    findings = out.size();
    overlaps = static_cast<std::size_t>(std::count_if(out.begin(), out.end(), [](auto& x) { return x.rule == "T112"; }));
  });
  double suggest = median_ms(runs, [&] {
    auto s = rules::suggest_team(d, d.tours[d.tours.size() / 2], 5);
    (void)s;
  });
  fmt::print("{:<10} teams {:>6}  people {:>6}  tours {:>6}  check_teams {:>8.1f} ms  findings {:>6} (T112 {:>5})  "
             "suggest {:>7.1f} ms\n",
             clash ? "clash" : "realistic", d.teams.size(), d.people.size(), d.tours.size(), check, findings, overlaps,
             suggest);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t teams = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  Calendar cal(Calendar::bundled_years());
  fmt::print("median of {} runs\n", runs);
  for (std::size_t n : {teams / 2, teams, teams * 2}) measure(n, runs, false, cal);
  for (std::size_t n : {teams / 2, teams, teams * 2}) measure(n, runs, true, cal);
  return 0;
}
