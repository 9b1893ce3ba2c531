#include <doctest/doctest.h>

#include "test_util.hpp"

#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/rules/checkers.hpp>

using namespace xuncha;
using namespace xuncha::test;
using deadlines::Status;

namespace {
const std::string base = R"(kind: regions
version: 1
regions:
  - {id: a, name: 甲市, class: city, counties: 5}
---
kind: tours
version: 1
tours:
)";

std::vector<deadlines::Row> rows_for(const std::string& tour, const char* as_of, int within = 5) {
  static std::vector<load::LoadResult> keep;  // rows point into the data set
  keep.push_back(load_texts({{"d.yaml", base + tour}}));
  REQUIRE(keep.back().ok());
  return deadlines::compute(keep.back().data, china(), day(as_of), within);
}

const deadlines::Row& step(const std::vector<deadlines::Row>& rows, Milestone m) {
  for (const auto& r : rows)
    if (r.step == m) return r;
  FAIL("no such step");
  return rows.front();
}
}  // namespace

TEST_CASE("report due 15 working days after the end, across National Day") {
  auto rows = rows_for("  - {id: t, region: a, start: 2023-09-04, end: 2023-09-18}\n", "2023-10-16");
  const auto& r = step(rows, Milestone::report_submitted);
  CHECK(r.due == day("2023-10-13"));
  CHECK(r.status == Status::overdue);
  CHECK(r.by == 1);
}

TEST_CASE("the end moves with an approved extension when no end is recorded") {
  auto rows = rows_for("  - {id: t, region: a, start: 2024-03-04, extension: {days: 3, approval: X}}\n", "2024-03-01");
  // 15 + 3 days on site: 2024-03-04 .. 2024-03-21; 15 working days later.
  CHECK(step(rows, Milestone::report_submitted).due == china().add_workdays(day("2024-03-21"), 15));
}

TEST_CASE("statuses: on time, late, due soon, pending, waiting, not applicable") {
  auto rows = rows_for("  - id: t\n    region: a\n    start: 2026-09-07\n    end: 2026-09-21\n    milestones:\n"
                       "      notified: 2026-09-01\n      trained: 2026-09-07\n      report_submitted: 2026-10-16\n"
                       "      report_approved: 2026-10-20\n      feedback: 2026-11-02\n",
                       "2026-11-25");
  CHECK(step(rows, Milestone::notified).status == Status::done_on_time);
  CHECK(step(rows, Milestone::trained).status == Status::done_late);  // on the first day, not before
  // 2026-09-21 + 15 working days, over Mid-Autumn and National Day = 2026-10-19; done 10-16.
  CHECK(step(rows, Milestone::report_submitted).due == day("2026-10-19"));
  CHECK(step(rows, Milestone::report_submitted).status == Status::done_on_time);
  const auto& plan = step(rows, Milestone::rectification_plan);  // 2026-11-02 + 20 wd = 2026-11-30
  CHECK(plan.due == day("2026-11-30"));
  CHECK(plan.status == Status::due_soon);
  CHECK(plan.by == 3);
  const auto& results = step(rows, Milestone::rectification_results);  // 2027-01-02 is a day off in an uncovered year
  CHECK(results.uncovered_year == 2027);
  CHECK(step(rows, Milestone::look_back).status == Status::not_applicable);
  auto waiting = rows_for("  - {id: t, region: a, start: 2026-09-07, end: 2026-09-21}\n", "2026-11-25");
  CHECK(step(waiting, Milestone::rectification_plan).status == Status::waiting);
}

TEST_CASE("results within two months, rolled forward past a weekend") {
  auto rows = rows_for("  - {id: t, region: a, start: 2026-05-11, end: 2026-05-25, milestones: {feedback: 2026-06-29}}\n",
                       "2026-11-30");
  const auto& r = step(rows, Milestone::rectification_results);
  CHECK(r.due == day("2026-08-31"));
  CHECK(r.status == Status::overdue);
}

TEST_CASE("check reports overdue as errors and late as warnings") {
  auto r = load_texts({{"d.yaml", base + "  - {id: t, region: a, start: 2023-09-04, end: 2023-09-18, "
                                          "milestones: {report_submitted: 2023-10-17, archived: 2023-10-13}}\n"}});
  REQUIRE(r.ok());
  rules::CheckContext ctx{r.data, china(), day("2024-06-01")};
  auto d = rules::run_checks(ctx, {}, std::vector<std::string_view>{"deadlines"});
  // The preparation steps were never recorded: overdue (D201); the report was late (D202).
  auto ids = rule_ids(d);
  CHECK(std::count(ids.begin(), ids.end(), "D201") == 5);
  REQUIRE(std::count(ids.begin(), ids.end(), "D202") == 1);
  auto late = *std::find_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.rule == "D202"; });
  CHECK(late.severity == Severity::warning);
  CHECK(late.message.en == "tour t: report_submitted was due 2023-10-13 and done 2023-10-17, 2 working days late");
}

TEST_CASE("untracked_steps: steps the office does not record get no row and no D201") {
  const std::string policy = "kind: policy\nversion: 1\nuntracked_steps: [notified, trained, work_plan_approved, published, entry_announced]\n";
  auto r = load_texts({{"d.yaml", base + "  - {id: t, region: a, start: 2023-09-04, end: 2023-09-18, "
                                          "milestones: {report_submitted: 2023-10-17, archived: 2023-10-13}}\n"},
                       {"p.yaml", policy}});
  REQUIRE(r.ok());
  auto rows = deadlines::compute(r.data, china(), day("2024-06-01"), 5);
  for (const auto& row : rows) CHECK(static_cast<int>(row.step) >= static_cast<int>(Milestone::report_submitted));
  CHECK(rows.size() == 5);  // report, archive, plan, results, look-back
  rules::CheckContext ctx{r.data, china(), day("2024-06-01")};
  auto ids = rule_ids(rules::run_checks(ctx, {}, std::vector<std::string_view>{"deadlines"}));
  CHECK(std::count(ids.begin(), ids.end(), "D201") == 0);  // the report's own lateness still counts
  CHECK(std::count(ids.begin(), ids.end(), "D202") == 1);
  // A step without a deadline, or a misspelt one, is an input error with the place and a hint.
  auto bad = load_texts({{"p.yaml", "kind: policy\nversion: 1\nuntracked_steps: [trainned, feedback]\n"}});
  REQUIRE(bad.diagnostics.size() == 2);
  CHECK(bad.diagnostics[0].where.line == 3);
  CHECK(bad.diagnostics[0].message.en.find("did you mean 'trained'") != std::string::npos);
  CHECK(bad.diagnostics[1].message.en == "'feedback' has no deadline; untracked_steps lists steps that have one");
}
