// Whole-country benchmark of `xuncha check`: reading, parsing and decoding thousands of YAML
// files, then every rule, then the report, in-process through the same entry point as the binary.
//   bench_check [PROVINCES] [RUNS]      default 31 provinces (2,852 regions), 5 runs
// The data set is written once to a temporary folder (removed at the end): per province one file
// each of regions, units, people, teams and appointments, and one file of tours per region.
#include "app/app.hpp"
#include "bench_util.hpp"

#include <xuncha/load/loader.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace xuncha;
namespace fs = std::filesystem;

namespace {

constexpr int kRegionsPerProvince = 92;  // 31 · 92 = 2,852: the country's county-level regions
constexpr int kTeamsPerRound = 8;
constexpr int kFirstRound = 2015, kLastRound = 2025;  // every region toured in every round year

std::string iso(Date d) { return format_iso(d); }

using bench::Writer;

// One province: its regions toured in every round year by eight teams working back to back from
// March, each team with a leader, a deputy, a liaison, two members and an expert (appointed per
// tour); milestones a few days after each step's clock starts, so most are on time and a few late.
void province(Writer& w, int p, long long& tours) {
  std::string pid = fmt::format("p{:02}", p);
  std::string regions = "kind: regions\nversion: 1\nregions:\n";
  for (int r = 0; r < kRegionsPerProvince; ++r)
    regions += fmt::format("  - {{id: {}-r{:03}, name: 第{}省{}号地区, class: {}, counties: {}, risk: {}}}\n", pid, r, p,
                           r, r % 10 == 9 ? "direct_city" : "city", 1 + r % 12, 1 + (r * 7 + p) % 5);
  w.write(fs::path(pid) / "regions.yaml", regions);
  std::string units =
      fmt::format("kind: units\nversion: 1\nunits:\n  - {{id: {0}-yjt, name: 第{1}省应急管理厅, committee_member: true, "
                  "emergency_management: true}}\n",
                  pid, p);
  for (int u = 1; u < 10; ++u)
    units += fmt::format("  - {{id: {}-u{}, name: 第{}省成员单位{}, committee_member: true}}\n", pid, u, p, u);
  w.write(fs::path(pid) / "units.yaml", units);
  // Per team slot j (the same people every round, a new team each round): six people.
  std::string people = "kind: people\nversion: 1\npeople:\n";
  for (int j = 0; j < kTeamsPerRound; ++j) {
    std::string u = fmt::format("{}-u{}", pid, 1 + j % 9);
    people += fmt::format("  - {{id: {0}-L{1}, name: 组长{1}, unit: {2}, rank: 正厅, safety_supervision: true}}\n", pid, j, u);
    people += fmt::format("  - {{id: {0}-D{1}, name: 副组长{1}, unit: {2}, rank: 正处, safety_supervision: true}}\n", pid, j, u);
    people += fmt::format("  - {{id: {0}-Y{1}, name: 联络员{1}, unit: {0}-yjt, rank: 科级}}\n", pid, j);
    people += fmt::format("  - {{id: {0}-M{1}a, name: 成员{1}甲, unit: {2}, rank: 副处}}\n", pid, j, u);
    people += fmt::format("  - {{id: {0}-M{1}b, name: 成员{1}乙, unit: {2}, rank: 科级}}\n", pid, j, u);
    people += fmt::format("  - {{id: {0}-E{1}, name: 专家{1}, unit: {2}, rank: none, expert: {{pool_id: ZJ-{0}-{1}, field: 危险化学品}}}}\n",
                          pid, j, u);
  }
  w.write(fs::path(pid) / "people.yaml", people);
  std::string teams = "kind: teams\nversion: 1\nteams:\n";
  std::string appts = "kind: appointments\nversion: 1\nappointments:\n";
  std::vector<std::string> region_tours(kRegionsPerProvince, "kind: tours\nversion: 1\ntours:\n");
  for (int year = kFirstRound; year <= kLastRound; year += 2) {
    for (int j = 0; j < kTeamsPerRound; ++j)
      teams += fmt::format("  - {{id: {0}-G{1}-{2}, cycle: {1}, leader: {0}-L{2}, deputies: [{0}-D{2}], liaison: {0}-Y{2}, "
                           "members: [{0}-M{2}a, {0}-M{2}b], experts: [{0}-E{2}]}}\n",
                           pid, year, j);
    std::vector<Date> next(kTeamsPerRound, Date{date::year{year} / 3 / 1});
    for (int r = 0; r < kRegionsPerProvince; ++r) {
      int j = r % kTeamsPerRound;
      int days = r % 10 == 9 ? 7 : 15;
      Date start = next[static_cast<std::size_t>(j)], end = start + date::days{days - 1};
      next[static_cast<std::size_t>(j)] = end + date::days{1};
      std::string tid = fmt::format("T{}-{}-r{:03}", year, pid, r);
      auto at = [&](int offset) { return iso(end + date::days{offset}); };
      region_tours[static_cast<std::size_t>(r)] += fmt::format(
          "  - id: {}\n    region: {}-r{:03}\n    team: {}-G{}-{}\n    start: {}\n    end: {}\n    serious: {}\n"
          "    milestones: {{notified: {}, trained: {}, work_plan_approved: {}, published: {}, entry_announced: {}, "
          "report_submitted: {}, report_approved: {}, feedback: {}, rectification_plan: {}, rectification_results: {}, "
          "archived: {}{}}}\n",
          tid, pid, r, pid, year, j, iso(start), iso(end), r % 7 == 0 ? "true" : "false", iso(start - date::days{10}),
          iso(start - date::days{6}), iso(start - date::days{4}), iso(start - date::days{2}), iso(start), at(12 + r % 5),
          at(20), at(24), at(24 + 20 + r % 9), at(24 + 45), at(12 + r % 5), r % 7 == 0 ? fmt::format(", look_back: {}", at(200)) : "");
      appts += fmt::format("  - {{id: A-{}, person: {}-E{}, tour: {}, date: {}}}\n", tid, pid, j, tid, iso(start - date::days{8}));
      ++tours;
    }
  }
  // One region in ten also had a State Council tour, in an off year.
  for (int r = 0; r < kRegionsPerProvince; r += 10)
    region_tours[static_cast<std::size_t>(r)] +=
        fmt::format("  - {{id: SC-{0}-r{1:03}, region: {0}-r{1:03}, body: state_council, year: {2}}}\n", pid, r, 2016 + 2 * (r % 5));
  w.write(fs::path(pid) / "teams.yaml", teams);
  w.write(fs::path(pid) / "appointments.yaml", appts);
  for (int r = 0; r < kRegionsPerProvince; ++r)
    w.write(fs::path(pid) / "tours" / fmt::format("r{:03}.yaml", r), region_tours[static_cast<std::size_t>(r)]);
}

}  // namespace

int main(int argc, char** argv) {
  int provinces = argc > 1 ? std::atoi(argv[1]) : 31;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  if (provinces < 1 || runs < 1) {
    fmt::print(stderr, "usage: bench_check [PROVINCES] [RUNS]\n");
    return 2;
  }
  const char* tmp = std::getenv("TMPDIR");
  Writer w{fs::path(tmp ? tmp : "/tmp") / fmt::format("xuncha-bench-check-{}", ::getpid())};
  long long tours = 0;
  for (int p = 1; p <= provinces; ++p) province(w, p, tours);
  w.write("policy.yaml", fmt::format("kind: policy\nversion: 1\nprovince: 全国\nregions_expected: {}\n",
                                     provinces * kRegionsPerProvince));
  fmt::print("data: {} provinces, {} regions, {} tours, {} files, {:.1f} MB in {}\n", provinces,
             provinces * kRegionsPerProvince, tours, w.files, static_cast<double>(w.bytes) / 1e6, w.root.string());
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // Load only (files read, parsed, decoded, ids and references checked).
  for (unsigned jobs : {1u, cores}) {
    std::size_t records = 0;
    double ms = bench::median_ms(runs, [&] {
      auto r = bench::load_folder(w.root, jobs);
      records = r.data.tours.size() + r.data.people.size() + r.data.appointments.size() + r.data.teams.size() +
                r.data.regions.size() + r.data.units.size();
      if (!r.ok()) fmt::print(stderr, "load: {} diagnostics, first: {}\n", r.diagnostics.size(), r.diagnostics.front().message.en);
    });
    fmt::print("load  -j{}: {:>8.1f} ms   ({} records)\n", jobs, ms, records);
  }
  // The whole `xuncha check DIR`: load, every rule, the report (concise and json).
  for (std::string format : {"concise", "json"}) {
    for (unsigned jobs : {1u, cores}) {
      int code = 0;
      std::size_t out_bytes = 0, lines = 0;
      double ms = bench::median_ms(runs, [&] {
        auto r = bench::run_cli({"check", w.root.string(), "--as-of", "2026-11-30", "-j", std::to_string(jobs), "-f", format},
                                cores);
        code = r.code;
        const std::string& s = r.out;
        out_bytes = s.size();
        lines = static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
      });
      fmt::print("check -j{} -f {:<7}: {:>8.1f} ms   exit {}, {} lines, {:.1f} MB of output\n", jobs, format, ms, code, lines,
                 static_cast<double>(out_bytes) / 1e6);
    }
  }
  std::error_code ec;
  if (!std::getenv("XUNCHA_BENCH_KEEP")) fs::remove_all(w.root, ec);
  return 0;
}
