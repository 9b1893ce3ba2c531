// xuncha diff's comparison (tools/commands/diff_plans.cpp): tours matched per region (schedules) or by id
// (team plans), people per team.
#include <doctest/doctest.h>

#include "commands/diff_plans.hpp"

using namespace xuncha::cli;

namespace {

PlanTour tour(std::string id, std::string region, int year, std::string batch, std::string team) {
  return {std::move(id), region, region, year, std::move(batch), std::move(team), ""};
}

}  // namespace

TEST_CASE("schedules: a region's tour in another slot moved; the rest were added or dropped") {
  PlanFile a{"schedule", {tour("P1", "wuhan", 2027, "spring", "2"), tour("P2", "xiangyang", 2027, "spring", "1"),
                          tour("P3", "huangshi", 2027, "autumn", "2")}, {}, 120};
  PlanFile b{"schedule", {tour("Q1", "wuhan", 2029, "spring", "1"), tour("Q2", "xiangyang", 2027, "spring", "1"),
                          tour("Q5", "jingzhou", 2029, "autumn", "2")}, {}, 110};
  auto d = diff_plans(a, b);
  REQUIRE(d.tours.size() == 3);
  CHECK(d.unchanged == 1);  // xiangyang, whatever its tour's id
  CHECK(d.tours[0].what == "dropped");
  CHECK(d.tours[0].region == "huangshi");
  CHECK(d.tours[1].what == "added");
  CHECK(d.tours[1].region == "jingzhou");
  CHECK(d.tours[2].what == "moved");
  CHECK(d.tours[2].before->year == 2027);
  CHECK(d.tours[2].after->year == 2029);
  CHECK(d.any());
  CHECK_FALSE(diff_plans(a, a).any());
}

TEST_CASE("team plans: tours that changed team, a new leader, who joined and who left") {
  PlanFile a{"teams", {tour("P1", "wuhan", 2027, "spring", "G1"), tour("P2", "xiangyang", 2027, "spring", "G1")},
             {{"G1", "L1", {{"members", "M1"}, {"members", "M2"}}}, {"G2", "L2", {{"members", "M3"}}}}, std::nullopt};
  PlanFile b{"teams", {tour("P1", "wuhan", 2027, "spring", "G1"), tour("P2", "xiangyang", 2027, "spring", "G2")},
             {{"G1", "L9", {{"members", "M1"}, {"members", "M4"}}}, {"G2", "L2", {{"members", "M3"}}}}, std::nullopt};
  auto d = diff_plans(a, b);
  REQUIRE(d.tours.size() == 1);
  CHECK(d.tours[0].before->team == "G1");
  CHECK(d.tours[0].after->team == "G2");
  CHECK(d.unchanged == 1);
  REQUIRE(d.teams.size() == 3);
  CHECK(d.teams[0].what == "leader");
  CHECK(d.teams[0].before == "L1");
  CHECK(d.teams[0].after == "L9");
  CHECK(d.teams[1].what == "left");
  CHECK(d.teams[1].after == "M2");
  CHECK(d.teams[2].what == "joined");
  CHECK(d.teams[2].after == "M4");
}
