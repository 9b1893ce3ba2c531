#include <doctest/doctest.h>

#include "test_util.hpp"

#include <xuncha/rules/checkers.hpp>
#include <xuncha/rules/coverage.hpp>

using namespace xuncha;
using namespace xuncha::test;

namespace {
const std::string base = R"(kind: regions
version: 1
regions:
  - {id: a, name: 甲市, class: city, counties: 5}
  - {id: b, name: 乙林区, class: forestry, counties: 0}
---
kind: policy
version: 1
regions_expected: 2
)";

std::vector<Diagnostic> check(const std::string& tours, const char* as_of) {
  auto r = load_texts({{"d.yaml", base + "---\nkind: tours\nversion: 1\ntours:\n" + tours}});
  REQUIRE(r.ok());
  rules::CheckContext ctx{r.data, china(), day(as_of)};
  static std::vector<load::LoadResult> keep;  // diagnostics refer to nothing in r; keep it simple
  auto out = rules::run_checks(ctx, {}, std::vector<std::string_view>{"coverage"});
  return out;
}
}  // namespace

TEST_CASE("coverage window: a region with no tour in the last five years is an error") {
  auto d = check("  - {id: t1, region: a, year: 2021}\n  - {id: t2, region: b, year: 2024, kind: irregular}\n", "2026-11-30");
  REQUIRE(rule_ids(d) == std::vector<std::string>{"C101"});
  CHECK(d[0].subject == "a");
  CHECK(d[0].message.en == "a has no provincial tour in 2022–2026 (the 5-year window closes 2026-12-31); last provincial tour 2021");
  // One year earlier the 2021 tour still covers the window 2021-2025.
  CHECK(check("  - {id: t1, region: a, year: 2021}\n  - {id: t2, region: b, year: 2024, kind: irregular}\n", "2025-06-01").empty());
}

TEST_CASE("State Council tours do not count and block the same year") {
  auto d = check("  - {id: sc, region: a, year: 2024, body: state_council}\n"
                 "  - {id: t1, region: a, year: 2024}\n  - {id: t2, region: b, year: 2024}\n",
                 "2026-01-01");
  REQUIRE(rule_ids(d) == std::vector<std::string>{"C102"});
  REQUIRE(d[0].related.size() == 1);
}

TEST_CASE("days on site: limit by class, override, extension with approval") {
  auto d = check("  - {id: t1, region: a, start: 2024-03-04, end: 2024-03-18}\n"                       // 15: ok
                 "  - {id: t2, region: b, start: 2024-04-08, end: 2024-04-15}\n"                       // 8 > 7
                 "  - {id: t3, region: a, start: 2024-09-02, end: 2024-09-19, extension: {days: 3, approval: X}}\n",  // 18 = 15+3
                 "2024-12-31");
  REQUIRE(rule_ids(d) == std::vector<std::string>{"C103"});
  CHECK(d[0].subject == "t2");
  CHECK(d[0].where.line > 0);
}

TEST_CASE("cadence warns when regular rounds are not two years apart") {
  auto d = check("  - {id: t1, region: a, year: 2021}\n  - {id: t2, region: b, year: 2022}\n"
                 "  - {id: t3, region: a, year: 2024}\n  - {id: t4, region: b, year: 2024, kind: irregular}\n",
                 "2024-12-31");
  auto ids = rule_ids(d);
  CHECK(std::count(ids.begin(), ids.end(), "C104") == 1);  // 2021->2022; 2022->2024 keeps the cadence
}

TEST_CASE("milestones out of order, and recorded in the future") {
  auto d = check("  - id: t1\n    region: a\n    start: 2024-03-04\n    end: 2024-03-18\n    milestones:\n"
                 "      notified: 2024-03-05\n      report_submitted: 2024-03-25\n      report_approved: 2024-03-20\n"
                 "      feedback: 2025-01-10\n  - {id: t2, region: b, year: 2024}\n",
                 "2024-12-31");
  auto ids = rule_ids(d);
  CHECK(std::count(ids.begin(), ids.end(), "C105") == 2);  // notified after start; approval before report
  CHECK(std::count(ids.begin(), ids.end(), "C106") == 1);  // feedback after as-of
}

TEST_CASE("coverage table says when each window closes") {
  auto r = load_texts({{"d.yaml", base + "---\nkind: tours\nversion: 1\ntours:\n  - {id: t1, region: a, year: 2022}\n"}});
  auto rows = rules::coverage_table(r.data, day("2026-06-01"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].due_by == 2027);
  CHECK(rows[0].status == rules::CoverageRow::Status::due_next_year);
  CHECK(rows[1].status == rules::CoverageRow::Status::uncovered);
}

TEST_CASE("start day (IV.2.2): a planned tour on a rest day is an error, a recorded one a warning") {
  // 2025-03-01 is a Saturday, 2025-03-03 a Monday, 2025-03-04 a Tuesday; 2025-01-26 a Sunday that
  // is a makeup working day.
  std::string text = base + R"(---
kind: tours
version: 1
tours:
  - {id: sat, region: a, start: 2025-03-01, end: 2025-03-15, team: G}
  - {id: makeup, region: b, start: 2025-01-26, end: 2025-02-01, team: G}
  - {id: tue, region: b, start: 2025-03-04, end: 2025-03-10, team: G}
---
kind: teams
version: 1
teams:
  - {id: G}
---
kind: schedule
version: 1
tours:
  - {id: P2027-a, region: a, year: 2027, team_slot: 1, start: 2027-03-06, end: 2027-03-20}
)";
  auto run = [&](const std::string& extra) {
    auto r = load_texts({{"d.yaml", text + extra}});
    REQUIRE(r.ok());
    rules::CheckContext ctx{r.data, china(), day("2026-11-30")};
    std::vector<std::string> out;
    for (const auto& d : rules::run_checks(ctx, {}, std::vector<std::string_view>{"plan"}))
      if (d.rule == "S104" || d.rule == "S105") out.push_back(d.rule + " " + d.subject + " " + std::string(to_string(d.severity)));
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(run("") == std::vector<std::string>{"S104 P2027-a error", "S105 sat warning"});
  // Mondays only: Tuesday and the makeup Sunday break it too.
  CHECK(run("---\nkind: policy\nversion: 1\ntour_start_day: monday\n") ==
        std::vector<std::string>{"S104 P2027-a error", "S105 makeup warning", "S105 sat warning", "S105 tue warning"});
  CHECK(run("---\nkind: policy\nversion: 1\ntour_start_day: any\n").empty());
  // The Chinese name is accepted too.
  CHECK(run("---\nkind: policy\nversion: 1\ntour_start_day: 任意\n").empty());
}

TEST_CASE("S106: a planned tour outside its region's months is an error") {
  std::string text = base + R"(---
kind: schedule
version: 1
from: 2027
tours:
  - {id: P2027-a, region: a, year: 2027, team_slot: 1, start: 2027-06-21, end: 2027-07-05}
  - {id: P2027-b, region: b, year: 2027, team_slot: 2, start: 2027-09-06, end: 2027-09-12}
---
kind: policy
version: 1
months_by_class: {city: [5, 6], forestry: [9, 10]}
)";
  auto r = load_texts({{"d.yaml", text}});
  REQUIRE(r.ok());
  rules::CheckContext ctx{r.data, china(), day("2026-11-30")};
  std::vector<std::string> out;
  for (const auto& d : rules::run_checks(ctx, {}, std::vector<std::string_view>{"plan"}))
    if (d.rule == "S106") out.push_back(d.subject + " " + d.message.en);
  REQUIRE(out.size() == 1);
  CHECK(out[0] == "P2027-a planned tour P2027-a (2027-06-21—2027-07-05) is on site on 2027-07-01, outside the months of a (5-6)");
}
