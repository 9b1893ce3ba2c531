// Team composition rules (lib/src/rules/team_checker.cpp): each rule on a small data set built from text.
#include <doctest/doctest.h>

#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "test_util.hpp"

#include <xuncha/rules/checkers.hpp>
#include <xuncha/rules/teams.hpp>

#include <algorithm>

namespace xuncha {
namespace {

using test::rule_ids;

constexpr const char* kBase = R"(kind: regions
version: 1
regions:
  - {id: wuhan, name: 武汉市, class: city, counties: 13}
  - {id: xiangyang, name: 襄阳市, class: city, counties: 9}
  - {id: huangshi, name: 黄石市, class: city, counties: 6}
---
kind: units
version: 1
units:
  - {id: yjt, name: 省应急管理厅, committee_member: true, emergency_management: true}
  - {id: gat, name: 省公安厅, committee_member: true}
  - {id: hgy, name: 省化学工业研究设计院, committee_member: false}
  - {id: whut, name: 武汉理工大学, committee_member: false, region: wuhan}
---
kind: people
version: 1
people:
  - {id: L1, name: 王建华, unit: yjt, rank: 正厅, safety_supervision: true}
  - {id: L2, name: 刘国强, unit: gat, rank: 副厅, safety_supervision: true}
  - {id: L3, name: 孙立新, unit: gat, rank: 正厅, serving: false, safety_supervision: true}
  - {id: L4, name: 周文斌, unit: gat, rank: 正处, safety_supervision: true}
  - {id: D1, name: 杨帆, unit: yjt, rank: 正处, safety_supervision: true}
  - {id: D2, name: 何伟, unit: gat, rank: 副处, safety_supervision: true}
  - {id: D3, name: 罗斌, unit: gat, rank: 正处, serving: false, safety_supervision: true}
  - {id: Y1, name: 唐小勇, unit: yjt, rank: 科级}
  - {id: Y2, name: 冯雪, unit: gat, rank: 科级}
  - {id: M1, name: 程亮, unit: gat, rank: 科级, safety_supervision: true}
  - {id: M2, name: 曹静, unit: gat, rank: 科级}
  - {id: M3, name: 袁野, unit: yjt, rank: 科级, home_region: xiangyang}
  - {id: M4, name: 许晨, unit: hgy, rank: 科级}
  - {id: E1, name: 黎明, unit: whut, expert: {pool_id: ZJ-01, field: 危险化学品}}
  - {id: E2, name: 邹立, unit: whut, expert: {pool_id: ZJ-02, field: 建筑施工}}
  - {id: E3, name: 易军, unit: hgy}
)";

// Teams, tours and appointments in one text, after the base.
struct Fixture {
  load::LoadResult loaded;
  std::vector<Diagnostic> diags;

  explicit Fixture(const std::string& data, const std::string& policy = "") {
    std::vector<std::pair<std::string, std::string>> texts{{"base.yaml", kBase}, {"data.yaml", data}};
    if (!policy.empty()) texts.emplace_back("policy.yaml", policy);
    loaded = test::load_texts(texts);
    REQUIRE_MESSAGE(loaded.ok(), (loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message.en));
    rules::CheckContext ctx{loaded.data, test::china(), test::day("2026-11-30")};
    static constexpr std::string_view only[] = {"teams"};
    diags = rules::run_checks(ctx, {}, only);
  }
  std::vector<std::string> ids() const { return rule_ids(diags); }
};

std::string teams_doc(const std::string& g1, const std::string& tours, const std::string& appts) {
  return "kind: teams\nversion: 1\nteams:\n" + g1 + "---\nkind: tours\nversion: 1\ntours:\n" + tours +
         "---\nkind: appointments\nversion: 1\nappointments:\n" + appts;
}

// A sound five-person team serving two back-to-back tours.
const std::string kG1 =
    "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M1], experts: [E1]}\n";
const std::string kTours =
    "  - {id: T1, region: huangshi, team: G1, start: 2026-03-02, end: 2026-03-11}\n"
    "  - {id: T2, region: xiangyang, team: G1, start: 2026-03-12, end: 2026-03-18}\n";
const std::string kAppts =
    "  - {id: A1, person: E1, tour: T1}\n"
    "  - {id: A2, person: E1, tour: T2}\n";

}  // namespace

TEST_CASE("teams: a sound team of five on back-to-back tours is clean") {
  Fixture f(teams_doc(kG1, kTours, kAppts));
  CHECK(f.diags.empty());
}

TEST_CASE("teams: size counts every role once, with the policy's bounds") {
  Fixture small(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, experts: [E1]}\n", kTours, kAppts));
  CHECK(small.ids() == std::vector<std::string>{"T101", "T120"});  // T120: no member (team_members 1-3)
  CHECK(small.diags[0].subject == "G1");
  CHECK(small.diags[0].message.en.find("has 4 people") != std::string::npos);

  Fixture seven(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2, D1], liaison: Y1, members: [M1, M2], experts: [E1]}\n",
      kTours, kAppts));
  CHECK(seven.diags.empty());

  Fixture policy(teams_doc(kG1, kTours, kAppts), "kind: policy\nversion: 1\nteam_size: {min: 6, max: 9}\n");
  CHECK(policy.ids() == std::vector<std::string>{"T101"});
}

TEST_CASE("teams: T119 every team has an expert (II.2), as many as the policy's experts_min") {
  const std::string cadres =
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M1, M2]}\n";
  Fixture none(teams_doc(cadres, kTours, ""));
  CHECK(none.ids() == std::vector<std::string>{"T119"});
  CHECK(none.diags[0].subject == "G1");
  CHECK(none.diags[0].message.en.find("has no expert") != std::string::npos);
  Fixture off(teams_doc(cadres, kTours, ""), "kind: policy\nversion: 1\nexperts_min: 0\n");
  CHECK(off.diags.empty());
  Fixture two(teams_doc(kG1, kTours, kAppts), "kind: policy\nversion: 1\nexperts_min: 2\n");
  CHECK(two.ids() == std::vector<std::string>{"T119"});
  // --suggest asks for the missing expert.
  auto s = rules::suggest_team(none.loaded.data, *none.loaded.data.tour("T1"), 3);
  REQUIRE(s.gaps.size() == 1);
  CHECK(s.gaps[0].role == Role::expert);
  CHECK(s.gaps[0].needed == 1);
  REQUIRE(s.proposal.size() == 1);
  CHECK(s.proposal[0].person->expert);
}

TEST_CASE("teams: leader count and qualification; a retired bureau-level leader is fine") {
  Fixture two(teams_doc(
      "  - {id: G1, cycle: c1, leader: [L2, L1], deputies: [D2], liaison: Y1, members: [M1], experts: [E1]}\n",
      kTours, kAppts));
  CHECK(two.ids() == std::vector<std::string>{"T102"});
  CHECK(two.diags[0].yaml_path == "teams[0].leader[1]");

  Fixture division(teams_doc(
      "  - {id: G1, cycle: c1, leader: L4, deputies: [D2], liaison: Y1, members: [M1], experts: [E1]}\n", kTours,
      kAppts));
  CHECK(division.ids() == std::vector<std::string>{"T103"});
  CHECK(division.diags[0].message.zh.find("周文斌（L4）") != std::string::npos);

  Fixture retired(teams_doc(
      "  - {id: G1, cycle: c1, leader: L3, deputies: [D2], liaison: Y1, members: [M1], experts: [E1]}\n", kTours,
      kAppts));
  CHECK(retired.diags.empty());
}

TEST_CASE("teams: deputies must exist and be serving division-level cadres") {
  Fixture none(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, liaison: Y1, members: [M1, M2], experts: [E1]}\n", kTours, kAppts));
  CHECK(none.ids() == std::vector<std::string>{"T104"});
  Fixture retired(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D3], liaison: Y1, members: [M1], experts: [E1]}\n", kTours,
      kAppts));
  CHECK(retired.ids() == std::vector<std::string>{"T105"});
  CHECK(retired.diags[0].message.en.find("is not serving") != std::string::npos);
}

TEST_CASE("teams: one liaison from emergency management; non-experts from committee units") {
  Fixture two(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: [Y1, Y2], members: [M1], experts: [E1]}\n",
      kTours, kAppts));
  // Y2 is also not from emergency management.
  CHECK(two.ids() == std::vector<std::string>{"T106", "T107"});
  Fixture outsider(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M4], experts: [E1]}\n", kTours,
      kAppts));
  CHECK(outsider.ids() == std::vector<std::string>{"T108"});
}

TEST_CASE("teams: experts come from the pool with one appointment per tour") {
  Fixture pool(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M1], experts: [E3]}\n", kTours,
      "  - {id: A1, person: E3, tour: T1}\n  - {id: A2, person: E3, tour: T2}\n"));
  CHECK(pool.ids() == std::vector<std::string>{"T109"});

  Fixture reused(teams_doc(kG1, kTours, "  - {id: A1, person: E1, tour: T1}\n"));
  REQUIRE(reused.ids() == std::vector<std::string>{"T110"});
  CHECK(reused.diags[0].subject == "T2");
  CHECK(reused.diags[0].message.en.find("A1") != std::string::npos);
  CHECK(reused.diags[0].related.size() == 2);

  Fixture twice(teams_doc(kG1, kTours, kAppts + "  - {id: A3, person: E1, tour: T2}\n"));
  CHECK(twice.ids() == std::vector<std::string>{"T110"});

  Fixture unused(teams_doc(kG1, kTours, kAppts + "  - {id: A3, person: E2, tour: T1}\n"));
  CHECK(unused.ids() == std::vector<std::string>{"T111"});
  CHECK(unused.diags[0].severity == Severity::warning);
}

TEST_CASE("teams: overlapping tours, through one team or two; touching tours are fine") {
  Fixture same_team(teams_doc(kG1,
                              "  - {id: T1, region: huangshi, team: G1, start: 2026-03-02, end: 2026-03-11}\n"
                              "  - {id: T2, region: xiangyang, team: G1, start: 2026-03-11, end: 2026-03-18}\n",
                              kAppts));
  REQUIRE(same_team.ids() == std::vector<std::string>{"T112"});
  CHECK(same_team.diags[0].subject == "T2");
  CHECK(same_team.diags[0].related.size() == 1);

  Fixture two_teams(teams_doc(
      kG1 + "  - {id: G2, cycle: c2, leader: L1, deputies: [D1], liaison: Y2, members: [M1], experts: [E2]}\n",
      kTours + "  - {id: T3, region: huangshi, team: G2, start: 2026-03-18, end: 2026-03-25}\n",
      kAppts + "  - {id: A3, person: E2, tour: T3}\n"),
                      "kind: policy\nversion: 1\nrules: {T107: off}\n");
  // M1 is on T2 (G1) and T3 (G2), which share 2026-03-18.
  REQUIRE(two_teams.ids() == std::vector<std::string>{"T112"});
  CHECK(two_teams.diags[0].message.en.find("程亮 (M1)") != std::string::npos);
  CHECK(two_teams.diags[0].subject == "T3");

  Fixture touching(teams_doc(
      kG1 + "  - {id: G2, cycle: c1, leader: L1, deputies: [D1], liaison: Y2, members: [M1], experts: [E2]}\n",
      kTours + "  - {id: T3, region: huangshi, team: G2, start: 2026-03-19, end: 2026-03-25}\n",
      kAppts + "  - {id: A3, person: E2, tour: T3}\n"),
                     "kind: policy\nversion: 1\nrules: {T107: off}\n");
  // Touching is no overlap (no T112); M1 on two teams of cycle c1 is T118's warning, the reading
  // `staff` plans by (issue 21, item 6).
  CHECK(touching.ids() == std::vector<std::string>{"T118"});
}

TEST_CASE("teams: conflict of interest, unless the policy turns it off") {
  std::string g = "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M3], experts: [E1]}\n";
  Fixture on(teams_doc(g, kTours, kAppts));
  REQUIRE(on.ids() == std::vector<std::string>{"T113"});
  CHECK(on.diags[0].subject == "T2");
  Fixture off(teams_doc(g, kTours, kAppts), "kind: policy\nversion: 1\nconflict_of_interest: false\n");
  CHECK(off.diags.empty());
  // An expert from a Wuhan university never inspects wuhan.
  Fixture unit(teams_doc(kG1, "  - {id: T1, region: wuhan, team: G1, start: 2026-03-02, end: 2026-03-11}\n",
                         "  - {id: A1, person: E1, tour: T1}\n"));
  CHECK(unit.ids() == std::vector<std::string>{"T113"});
}

TEST_CASE("teams: T118 fixed staff on two teams of one cycle; leaders and experts may be") {
  std::string later = "  - {id: T3, region: huangshi, team: G2, start: 2026-10-12, end: 2026-10-21}\n";
  std::string appt = "  - {id: A3, person: E2, tour: T3}\n";
  // G2 is a different team (other deputy, liaison, members) that also has M1, G1's member.
  Fixture member(teams_doc(
      kG1 + "  - {id: G2, cycle: c1, leader: L1, deputies: [D1], liaison: M3, members: [M1, M2], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  REQUIRE(member.ids() == std::vector<std::string>{"T118"});
  CHECK(member.diags[0].subject == "G2");
  CHECK(member.diags[0].message.en.find("程亮 (M1) is on team G1 and team G2 of the same cycle (c1)") != std::string::npos);
  // G1's leader leading G2 as well: leaders are chosen per task.
  Fixture leader(teams_doc(
      kG1 + "  - {id: G2, cycle: c1, leader: L2, deputies: [D1], liaison: M3, members: [M2], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  CHECK(leader.diags.empty());
  // Another cycle: no finding.
  Fixture other(teams_doc(
      kG1 + "  - {id: G2, cycle: c2, leader: L1, deputies: [D1], liaison: M3, members: [M1, M2], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  CHECK(other.diags.empty());
}

TEST_CASE("teams: stability within a cycle compares fixed staff only") {
  std::string later = "  - {id: T3, region: huangshi, team: G2, start: 2026-10-12, end: 2026-10-21}\n";
  std::string appt = "  - {id: A3, person: E2, tour: T3}\n";
  // Same deputy and liaison, one member swapped: G2 re-forms G1.
  Fixture changed(teams_doc(
      kG1 + "  - {id: G2, cycle: c1, leader: L1, deputies: [D2], liaison: Y1, members: [M2], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  REQUIRE(changed.ids() == std::vector<std::string>{"T114"});
  CHECK(changed.diags[0].subject == "G2");
  CHECK(changed.diags[0].message.en.find("joined 曹静 (M2); left 程亮 (M1)") != std::string::npos);
  // A new leader and new experts alone are not a change: both are chosen per tour.
  Fixture leader(teams_doc(
      kG1 + "  - {id: G2, cycle: c1, leader: L1, deputies: [D2], liaison: Y1, members: [M1], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  CHECK(leader.diags.empty());
  // Another cycle is a new team.
  Fixture other(teams_doc(
      kG1 + "  - {id: G2, cycle: c2, leader: L1, deputies: [D2], liaison: Y1, members: [M2], experts: [E2]}\n",
      kTours + later, kAppts + appt));
  CHECK(other.diags.empty());
}

TEST_CASE("teams: duplicates, idle teams and tours without a team") {
  Fixture dup(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M1, M2, M1], experts: [E1]}\n",
      kTours, kAppts));
  REQUIRE(dup.ids() == std::vector<std::string>{"T115"});
  CHECK(dup.diags[0].yaml_path == "teams[0].members[2]");

  Fixture idle(teams_doc(kG1 + "  - {id: G9, cycle: c9, leader: L1, deputies: [D1], liaison: Y1, members: [M2], experts: [E2]}\n",
                         kTours, kAppts));
  CHECK(idle.ids() == std::vector<std::string>{"T116"});

  Fixture lonely(teams_doc(kG1,
                           kTours + "  - {id: T5, region: wuhan, start: 2026-11-02, end: 2026-11-08}\n"
                                    "  - {id: S1, region: wuhan, body: state_council, year: 2026}\n",
                           kAppts));
  REQUIRE(lonely.ids() == std::vector<std::string>{"T117"});
  CHECK(lonely.diags[0].subject == "T5");
}

TEST_CASE("teams: every rule has zh and en texts and a clause") {
  for (const auto& r : rules::team_rules()) {
    CHECK(r.id.substr(0, 2) == "T1");
    CHECK(!r.slug.empty());
    CHECK(!r.summary_zh.empty());
    CHECK(!r.summary_en.empty());
    CHECK(!r.explain_zh.empty());
    CHECK(!r.explain_en.empty());
    CHECK(!r.clause.empty());
  }
}

TEST_CASE("teams: team_table counts distinct people and orders tours by date") {
  Fixture f(teams_doc(
      "  - {id: G1, cycle: c1, leader: L2, deputies: [D2], liaison: Y1, members: [M1, M1], experts: [E1]}\n",
      "  - {id: T2, region: xiangyang, team: G1, start: 2026-03-12, end: 2026-03-18}\n"
      "  - {id: T1, region: huangshi, team: G1, start: 2026-03-02, end: 2026-03-11}\n",
      kAppts));
  auto rows = rules::team_table(f.loaded.data);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].size == 5);
  REQUIRE(rows[0].tours.size() == 2);
  CHECK(rows[0].tours[0]->id == "T1");
}

TEST_CASE("teams: suggest finds people for a broken role, best first, free on the dates") {
  // L4 cannot lead; L3 and L1 can; L1 is busy on an overlapping tour of another team.
  Fixture f(teams_doc(
      "  - {id: G1, cycle: c1, leader: L4, deputies: [D2], liaison: Y1, members: [M1], experts: [E1]}\n"
      "  - {id: G2, cycle: c1, leader: L1, deputies: [D1], liaison: Y2, members: [M2], experts: [E2]}\n",
      kTours + "  - {id: T3, region: huangshi, team: G2, start: 2026-03-05, end: 2026-03-08}\n",
      kAppts + "  - {id: A3, person: E2, tour: T3}\n"),
            "kind: policy\nversion: 1\nrules: {T107: off}\n");
  const Tour* t1 = f.loaded.data.tour("T1");
  auto s = rules::suggest_team(f.loaded.data, *t1, 5);
  REQUIRE(s.gaps.size() == 1);
  CHECK(s.gaps[0].role == Role::leader);
  CHECK(s.gaps[0].replaces == "L4");
  std::vector<std::string> ids;
  for (const auto& c : s.gaps[0].candidates) ids.push_back(c.person->id);
  CHECK(ids == std::vector<std::string>{"L3", "L2"});  // the higher rank first; L1 is busy
}

TEST_CASE("teams: suggest for a tour without a team lists every role and the missing members") {
  Fixture f(teams_doc(kG1, kTours + "  - {id: T5, region: huangshi, start: 2026-06-01, end: 2026-06-07}\n", kAppts));
  auto s = rules::suggest_team(f.loaded.data, *f.loaded.data.tour("T5"), 3);
  std::vector<Role> roles;
  for (const auto& g : s.gaps) roles.push_back(g.role);
  CHECK(roles == std::vector<Role>{Role::leader, Role::deputy, Role::liaison, Role::member, Role::expert});
  CHECK(s.gaps.back().needed == 1);
  for (const auto& g : s.gaps) CHECK(g.candidates.size() <= 3);
  // The proposal fills every seat (1 + 1 + 1 + 1 member + 1 expert, the policy's fewest) with five different people, each eligible for
  // the gap it fills, in the gap's ranked order where nobody is taken yet.
  REQUIRE(s.proposal.size() == 5);
  CHECK(s.unfilled == 0);
  std::set<const Person*> people;
  for (const auto& p : s.proposal) {
    people.insert(p.person);
    const auto& g = s.gaps[p.gap];
    bool listed = std::any_of(g.candidates.begin(), g.candidates.end(),
                              [&](const rules::Candidate& c) { return c.person == p.person; });
    CHECK_MESSAGE((listed || g.eligible > g.candidates.size()), p.person->id);
  }
  CHECK(people.size() == 5);
  // D1 tops the deputy, liaison and member lists: deputy only; the others take their next best.
  std::vector<std::string> ids;
  for (const auto& p : s.proposal) ids.push_back(p.person->id);
  CHECK(ids == std::vector<std::string>{"L1", "D1", "M3", "D3", "E2"});  // D3: the member, E2: the expert a team needs (T119, T120)
  CHECK(s.proposal.front().person == s.gaps.front().candidates.front().person);  // the best leader
}

}  // namespace xuncha
