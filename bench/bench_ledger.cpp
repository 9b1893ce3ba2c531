// Whole-country benchmark of the problem ledger: `xuncha ledger` and `xuncha check` in-process.
//   bench_ledger [SCALE] [RUNS]    SCALE 1.0 (default): 2,850 regions, 8,550 tours,
//                                  500,000 problems, 20,000 hazards, 30,000 leads, 10,000 files
//   bench_ledger --write DIR [SCALE]  only writes the data set to DIR (for bench/memory.sh)
// Smaller SCALE divides the ledger (problems, hazards, leads) and keeps the regions, tours and
// file count, so the growth with the ledger's size can be read off two runs.
// The data set is written once to a temporary folder (removed at the end).
#include "app/app.hpp"
#include "bench_util.hpp"

#include <xuncha/ledger/ledger.hpp>
#include <xuncha/load/loader.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace xuncha;
namespace fs = std::filesystem;

namespace {

constexpr int kProvinces = 31, kRegions = 2850, kFiles = 10000;
constexpr int kRounds[] = {2021, 2023, 2025};

std::string iso(Date d) { return format_iso(d); }

using bench::Writer;

std::string region_id(int r) { return fmt::format("p{:02}-r{:03}", r % kProvinces, r / kProvinces); }
std::string tour_id(int r, int y) { return fmt::format("T{}-{}", y, region_id(r)); }

// Start of region r's tour in round year y: spread from March to November.
Date tour_start(int r, int y) {
  return date::sys_days{date::year{y} / date::March / 2} + date::days{(r * 7) % 250};
}

}  // namespace

int main(int argc, char** argv) {
  std::string write_to;
  if (argc > 2 && std::string_view(argv[1]) == "--write") {
    write_to = argv[2];
    argv += 2;
    argc -= 2;
  }
  double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  long long problems = static_cast<long long>(500000 * scale), hazards = static_cast<long long>(20000 * scale),
            leads = static_cast<long long>(30000 * scale);
  char tmpl[] = "/tmp/xuncha-bench-ledger-XXXXXX";
  if (write_to.empty() && !::mkdtemp(tmpl)) return 3;
  Writer w{write_to.empty() ? fs::path(tmpl) : fs::path(write_to)};

  // Regions: one file per province (31).
  std::vector<std::string> regions(kProvinces, "kind: regions\nversion: 1\nregions:\n");
  for (int r = 0; r < kRegions; ++r)
    regions[static_cast<std::size_t>(r % kProvinces)] += fmt::format(
        "  - {{id: {}, name: 第{}号地区, class: city, counties: {}}}\n", region_id(r), r, 1 + r % 12);
  for (int p = 0; p < kProvinces; ++p) w.write(fmt::format("p{:02}/regions.yaml", p), regions[static_cast<std::size_t>(p)]);

  // Per region one file: its tours, hazards, leads (2,850 files).
  // Problems spread over the remaining files, by region.
  int problem_files = kFiles - kProvinces - kRegions;
  std::vector<std::string> pf(static_cast<std::size_t>(problem_files));
  for (auto& s : pf) s = "kind: problems\nversion: 1\nproblems:\n";
  for (int r = 0; r < kRegions; ++r) {
    std::ostringstream o;
    o << "kind: tours\nversion: 1\ntours:\n";
    for (int y : kRounds) {
      Date s = tour_start(r, y), e = s + date::days{14};
      Date fb = e + date::days{45};
      o << fmt::format("  - {{id: {}, region: {}, start: {}, end: {}, milestones: {{report_submitted: {}, report_approved: {}, "
                       "feedback: {}, rectification_plan: {}{}}}}}\n",
                       tour_id(r, y), region_id(r), iso(s), iso(e), iso(e + date::days{20}), iso(e + date::days{30}), iso(fb),
                       iso(fb + date::days{25}), y < 2025 ? ", rectification_results: " + iso(fb + date::days{58}) : "");
    }
    std::string hz, ld;
    for (long long h = r; h < hazards; h += kRegions) {
      int y = kRounds[h % 3];
      int grade = static_cast<int>(1 + h % 4);
      static const char* levels[] = {"province", "province", "city", "county"};
      Date fb = tour_start(r, y) + date::days{59};
      hz += fmt::format("  - {{id: H{}, region: {}, tour: {}, name: 隐患{}, grade: {}, level: {}, listed_by: 安委会, supervisor: 应急管理局, "
                        "unit: 人民政府, notice: {{number: 督{}号, date: {}}}, deadline: {}, published: {}, "
                        "plan: [goal, methods, funds, organisation, time_limit, safety_measures], "
                        "five_in_place: [responsibility, measures, funds, deadline, emergency_plan]}}\n",
                        h, region_id(r), tour_id(r, y), h, grade, levels[grade - 1], h, iso(fb + date::days{10}),
                        iso(fb + date::days{h % 7 == 0 ? 200 : 900}), iso(fb + date::days{12}));
    }
    for (long long l = r; l < leads; l += kRegions) {
      int y = kRounds[l % 3];
      static const char* natures[] = {"discipline", "duty_crime", "crime", "organisation", "other"};
      static const char* recipients[] = {"discipline_commission", "supervision_commission", "judicial",
                                         "organisation_department", "competent_department"};
      Date fb = tour_start(r, y) + date::days{59};
      ld += fmt::format("  - {{id: X{}, tour: {}, nature: {}, classified: {}, recipient: {}, transferred: {}{}}}\n", l,
                        tour_id(r, y), natures[l % 5], iso(fb + date::days{2}), recipients[l % 5], iso(fb + date::days{5}),
                        l % 9 == 0 ? "" : ", feedback: " + iso(fb + date::days{60}));
    }
    if (!hz.empty()) o << "---\nkind: hazards\nversion: 1\nhazards:\n" << hz;
    if (!ld.empty()) o << "---\nkind: leads\nversion: 1\nleads:\n" << ld;
    w.write(fmt::format("p{:02}/{}/records.yaml", r % kProvinces, region_id(r)), o.str());
  }
  static const char* modes[] = {"at_once", "by_date", "by_date", "by_date", "ongoing"};
  for (long long i = 0; i < problems; ++i) {
    int r = static_cast<int>(i % kRegions);
    int y = kRounds[(i / kRegions) % 3];
    Date s = tour_start(r, y), e = s + date::days{14}, fb = e + date::days{45};
    Date found = s + date::days{i % 15};
    const char* mode = modes[i % 5];
    std::string rest;
    if (mode == std::string_view("at_once")) {
      rest = fmt::format("state: closed, completed: {0}, verified: {0}, closed: {0}", iso(found));
    } else if (mode == std::string_view("ongoing")) {
      rest = fmt::format("stages: [{{due: {}, met: {}}}, {{due: 2027-12-31}}], state: in_progress", iso(fb + date::days{100}),
                         iso(fb + date::days{90}));
    } else {
      Date due = fb + date::days{50};
      bool open = y == 2025 && i % 11 == 0;  // some 2025 items late and still open
      rest = open ? fmt::format("due: {}, state: in_progress", iso(due))
                  : fmt::format("due: {}, state: closed, completed: {}, verified: {}, closed: {}", iso(due),
                                iso(due - date::days{8}), iso(due - date::days{6}), iso(due - date::days{4}));
    }
    auto& f = pf[static_cast<std::size_t>(r % problem_files)];
    f += fmt::format("  - {{id: P{}, tour: {}, found: {}, gravity: {}, description: 问题描述{}, evidence: [照片], mode: {}, "
                     "unit: 责任单位{}, person: 责任人, measures: 整改措施, {}}}\n",
                     i, tour_id(r, y), iso(found), i % 97 == 0 ? "major" : "ordinary", i, mode, r % 50, rest);
    if (i % 97 == 0) f.insert(f.size() - 2, fmt::format(", reported_to_committee: {}", iso(found + date::days{1})));
  }
  for (int k = 0; k < problem_files; ++k)
    w.write(fmt::format("p{:02}/problems-{:04}.yaml", k % kProvinces, k), pf[static_cast<std::size_t>(k)]);
  fmt::print("data: {} files, {:.1f} MB; {} regions, {} tours, {} problems, {} hazards, {} leads\n", w.files,
             static_cast<double>(w.bytes) / 1e6, kRegions, kRegions * 3, problems, hazards, leads);
  if (!write_to.empty()) return 0;

  for (int jobs : {1, 2}) {
    load::LoadResult loaded;
    double ms = bench::median_ms(runs, [&] {
      loaded = bench::load_folder(w.root, static_cast<unsigned>(jobs));
    });
    fmt::print("load -j{}: {:.0f} ms ({} input errors)\n", jobs, ms, loaded.diagnostics.size());
    if (jobs == 1) {
      if (!loaded.diagnostics.empty()) fmt::print("first: {}\n", loaded.diagnostics[0].message.en);
      // The ledger's computations alone, on the loaded data.
      Calendar cal(Calendar::bundled_years());
      Date as_of = *parse_iso_date("2026-11-30");
      std::size_t rows = 0, due = 0, dl = 0;
      double a = bench::median_ms(runs, [&] {
        auto all = ledger::assess_all(loaded.data, cal, as_of);
        rows = all.size() + ledger::summarise(all, ledger::By::region).size();
      });
      double b = bench::median_ms(runs, [&] { due = ledger::lookbacks_due(loaded.data, cal, as_of).size(); });
      double c = bench::median_ms(runs, [&] { dl = ledger::deadlines(loaded.data, cal, as_of, 5).size(); });
      fmt::print("assess + sort + summarise: {:.0f} ms ({} rows); look-backs due: {:.0f} ms ({}); ledger deadlines: {:.0f} ms ({})\n",
                 a, rows, b, due, c, dl);
    }
  }
  for (const char* cmd : {"ledger", "check"}) {
    for (int jobs : {1, 2}) {
      int code = 0;
      std::size_t out_bytes = 0;
      double ms = bench::median_ms(runs, [&] {
        std::vector<std::string> args{cmd, w.root.string(), "--as-of", "2026-11-30", "-j", std::to_string(jobs)};
        if (std::string_view(cmd) == "ledger") args.insert(args.end(), {"--state", "overdue", "-f", "json"});
        else args.insert(args.end(), {"-f", "concise", "--select", "R"});
        auto r = bench::run_cli(args, 2);
        code = r.code;
        out_bytes = r.out.size();
      });
      fmt::print("{} -j{}: {:.0f} ms (exit {}, {:.1f} MB of output)\n", cmd, jobs, ms, code,
                 static_cast<double>(out_bytes) / 1e6);
    }
  }
  std::error_code ec;
  if (std::getenv("XUNCHA_BENCH_KEEP"))
    fmt::print("data kept in {}\n", w.root.string());
  else
    fs::remove_all(w.root, ec);
  return 0;
}
