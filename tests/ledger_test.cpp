#include <doctest/doctest.h>

#include <xuncha/ledger/ledger.hpp>
#include <xuncha/rules/registry.hpp>

#include "test_util.hpp"

using namespace xuncha;
using test::day;

namespace {

const char* kTours = R"(kind: tours
version: 1
tours:
  - id: T1
    region: r1
    start: 2025-04-07
    end: 2025-04-18
    milestones: {feedback: 2025-05-20}
---
kind: regions
version: 1
regions:
  - {id: r1, name: 一市, class: city, counties: 3}
)";

load::LoadResult with(const std::string& ledger) { return test::load_texts({{"t.yaml", kTours}, {"l.yaml", ledger}}); }

}  // namespace

TEST_CASE("ledger kinds load with their fields and take the tour's region") {
  auto r = with(R"(kind: problems
version: 1
problems:
  - {id: P1, tour: T1, found: 2025-04-08, description: 问题, mode: 限期整改, due: 2025-06-30, state: 整改中,
     extensions: [{requested: 2025-06-20, approved: 2025-06-21, until: 2025-07-31}]}
)");
  REQUIRE(r.ok());
  const auto& p = r.data.ledger.problems.at(0);
  CHECK(p.region == "r1");
  CHECK(p.mode == FixMode::by_date);
  CHECK(p.state == ProblemState::in_progress);
  CHECK(p.due_in_force() == day("2025-07-31"));
}

TEST_CASE("a misspelt ledger field and a bad choice are input errors with a hint") {
  auto r = with(R"(kind: leads
version: 1
leads:
  - {id: X1, tour: T1, nature: disciplin, recipent: judicial}
)");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].rule == "L013");
  CHECK(r.diagnostics[0].message.en.find("did you mean 'discipline'") != std::string::npos);
  CHECK(r.diagnostics[1].rule == "L004");
  CHECK(r.diagnostics[1].message.en.find("did you mean 'recipient'") != std::string::npos);
}

TEST_CASE("lead feedback: three months after 30 November end on 28 February (clamped)") {
  Policy pol;
  Lead l;
  l.transferred = day("2025-11-30");
  // 2026-02-28 is a Saturday worked under the 2026 Spring Festival notice: no roll.
  CHECK(ledger::lead_feedback_due(l, pol, test::china()) == day("2026-02-28"));
  l.transferred = day("2023-11-30");  // 2024-02-29 exists (leap year)
  CHECK(ledger::lead_feedback_due(l, pol, test::china()) == day("2024-02-29"));
  l.transferred = day("2025-05-31");  // 2025-08-31 is a Sunday: the next working day
  CHECK(ledger::lead_feedback_due(l, pol, test::china()) == day("2025-09-01"));
  pol.roll_forward_to_workday = false;
  CHECK(ledger::lead_feedback_due(l, pol, test::china()) == day("2025-08-31"));
}

TEST_CASE("an ongoing item is overdue only when a stage target is missed") {
  auto r = with(R"(kind: problems
version: 1
problems:
  - {id: P1, tour: T1, found: 2025-04-08, description: a, mode: ongoing,
     stages: [{due: 2025-06-30, met: 2025-06-20}, {due: 2026-06-30}]}
  - {id: P2, tour: T1, found: 2025-04-08, description: b, mode: ongoing, stages: [{due: 2025-06-30}]}
  - {id: P3, tour: T1, found: 2025-04-08, description: c, mode: by_date, due: 2025-06-30, state: done}
)");
  REQUIRE(r.ok());
  r.data.reindex();
  auto rows = ledger::assess_all(r.data, test::china(), day("2025-12-01"));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].problem->id == "P2");
  CHECK(rows[0].overdue);
  CHECK(rows[0].late_by == 154);
  CHECK(rows[1].problem->id == "P3");
  CHECK_FALSE(rows[1].overdue);
  CHECK(rows[2].problem->id == "P1");
  CHECK_FALSE(rows[2].overdue);
  CHECK(rows[2].stage_met);
  auto s = ledger::summarise(rows, ledger::By::region);
  REQUIRE(s.size() == 2);
  CHECK(s[0].key == "r1");
  CHECK(s[0].problems == 3);
  CHECK(s[0].done == 1);
  CHECK(s[0].overdue == 1);
  CHECK(s[0].basically_done == 1);
  CHECK(s.back().key.empty());
}

TEST_CASE("overdue in working days with a grace, as the policy says") {
  auto r = with(R"(kind: problems
version: 1
problems:
  - {id: P1, tour: T1, found: 2025-04-08, description: a, mode: by_date, due: 2025-09-26}
---
kind: policy
version: 1
ledger: {overdue_in_workdays: true, overdue_grace: 2}
)");
  REQUIRE(r.ok());
  // 2025-09-26 (Fri); 09-28 (Sun) is a makeup working day; 10-01..10-08 the National Day holiday.
  auto at = [&](const char* d) { return ledger::assess(r.data.ledger.problems[0], r.data, test::china(), day(d)); };
  CHECK_FALSE(at("2025-09-29").overdue);  // 2 working days late (09-28, 09-29): within the grace
  CHECK(at("2025-09-30").overdue);
  CHECK(at("2025-09-30").late_by == 3);
  CHECK(at("2025-10-08").late_by == 3);  // the holiday adds nothing
  CHECK(at("2025-10-09").late_by == 4);
}

TEST_CASE("the ledger rules are registered with ids, slugs and both languages") {
  for (auto id : {"R101", "R106", "R110", "R201", "R303", "R501"}) {
    const auto* r = rules::find_rule(id);
    REQUIRE(r);
    CHECK_FALSE(r->summary_zh.empty());
    CHECK_FALSE(r->explain_en.empty());
  }
  CHECK(rules::find_rule("lead-feedback-late") == rules::find_rule("R303"));
}

TEST_CASE("states as offices write them: 未完成 is in progress, 基本完成 holds an ongoing item's stages") {
  auto r = with(R"(kind: problems
version: 1
problems:
  - {id: P1, tour: T1, found: 2025-04-08, description: 一, mode: by_date, due: 2025-06-30, state: 未完成}
  - {id: P2, tour: T1, found: 2025-04-08, description: 二, mode: ongoing, stages: [{due: 2025-09-30}], state: 基本完成}
  - {id: P3, tour: T1, found: 2025-04-08, description: 三, mode: ongoing, stages: [{due: 2025-09-30}], state: in_progress}
)");
  REQUIRE(r.ok());
  const auto& ps = r.data.ledger.problems;
  CHECK(ps[0].state == ProblemState::in_progress);
  CHECK(ps[1].state == ProblemState::basically_done);
  Calendar cal(Calendar::bundled_years());
  auto stated = ledger::assess(ps[1], r.data, cal, day("2025-12-01"));
  CHECK_FALSE(stated.overdue);
  CHECK(stated.stage_met);
  auto open = ledger::assess(ps[2], r.data, cal, day("2025-12-01"));
  CHECK(open.overdue);
}

TEST_CASE("listing and transfer are due from the feedback, or from a later finding") {
  auto r = with(R"(kind: hazards
version: 1
hazards:
  - {id: H1, region: r1, tour: T1, name: 隐患, grade: 3, found: 2025-04-10}
  - {id: H2, region: r1, tour: T1, name: 隐患, grade: 3, found: 2025-06-02}
---
kind: leads
version: 1
leads:
  - {id: X1, tour: T1, nature: political_legal}
)");
  REQUIRE(r.ok());
  Calendar cal(Calendar::bundled_years());
  const auto& d = r.data;
  // Feedback 2025-05-20 + 10 working days = 2025-06-04 (31 May to 2 June is the Dragon Boat holiday);
  // from the finding on 2025-06-02 (a holiday), 10 working days = 2025-06-16.
  CHECK(ledger::hazard_listing_due(d.ledger.hazards[0], d, cal) == day("2025-06-04"));
  CHECK(ledger::hazard_listing_due(d.ledger.hazards[1], d, cal) == day("2025-06-16"));
  CHECK(ledger::lead_transfer_due(d.ledger.leads[0], d, cal) == day("2025-06-11"));
  CHECK_FALSE(d.ledger.hazards[0].is_listed());
  CHECK(d.policy.ledger.recipient[static_cast<std::size_t>(LeadNature::political_legal)] ==
        Recipient::political_legal_commission);
}

TEST_CASE("repeats: the same region, category and unit at a later tour (屡查屡犯)") {
  auto r = test::load_texts({{"t.yaml", R"(kind: tours
version: 1
tours:
  - {id: T1, region: r1, start: 2023-04-03, end: 2023-04-14}
  - {id: T2, region: r1, start: 2025-04-07, end: 2025-04-18}
---
kind: regions
version: 1
regions:
  - {id: r1, name: 一市, class: city, counties: 3}
)"},
                             {"l.yaml", R"(kind: problems
version: 1
problems:
  - {id: A1, tour: T1, found: 2023-04-04, category: 消防, unit: 消防支队, description: 一}
  - {id: A2, tour: T1, found: 2023-04-05, category: 消防, unit: 消防支队, description: 二}
  - {id: B1, tour: T2, found: 2025-04-08, category: 消防, unit: 消防支队, description: 三}
  - {id: B2, tour: T2, found: 2025-04-08, category: 消防, unit: 应急管理局, description: 四}
  - {id: B3, tour: T2, found: 2025-04-08, category: 交通, unit: 消防支队, description: 五}
)"}});
  REQUIRE(r.ok());
  auto rep = ledger::repeats(r.data);
  const auto& ps = r.data.ledger.problems;
  REQUIRE(rep.size() == 1);
  REQUIRE(rep.count(&ps[2]) == 1);
  CHECK(rep.at(&ps[2])->id == "A1");  // the earlier tour's first such problem
}
