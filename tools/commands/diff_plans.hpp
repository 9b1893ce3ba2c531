#pragma once
// xuncha diff: two schedules or two team plans (xuncha's yaml or json output) read into one
// shape, and what changed between them.
#include <optional>
#include <string>
#include <vector>

#include "base/context.hpp"

namespace xuncha::cli {

/// One tour of a plan file, as the diff compares it.
struct PlanTour {
  std::string id;
  std::string region;
  std::string name;   ///< the region's name when the file gives it (json), else its id
  int year = 0;
  std::string batch;  ///< the policy's batch name ("spring"), "" when undated
  std::string team;   ///< a schedule: the team number; a team plan: the team record's id
  std::string start;  ///< ISO date or ""
};

/// One team record of a team plan.
struct PlanTeam {
  std::string id;
  std::string leader;
  std::vector<std::pair<std::string, std::string>> people;  ///< (role key, person), leader left out
};

/// A schedule (`kind: schedule`) or a team plan (`kind: teams`), from either format.
struct PlanFile {
  std::string kind;  ///< "schedule" or "teams"
  std::vector<PlanTour> tours;
  std::vector<PlanTeam> teams;
  std::optional<long long> objective;
};

/// Reads `path` ("-": standard input): json when it starts with '{', else yaml through the
/// loader. Throws UsageError when it cannot be read or is neither kind; input diagnostics go to
/// `ctx.err` and set `failed`.
PlanFile read_plan_file(Context& ctx, const std::string& path, bool& failed);

/// One change of a region's tours (schedule) or of a tour's team (team plan).
struct TourChange {
  std::string what;  ///< "moved", "added", "dropped"
  std::string region, name;
  std::optional<PlanTour> before, after;
};

/// One person who joined or left a team, or a new leader.
struct TeamChange {
  std::string what;  ///< "joined", "left", "leader", "team_added", "team_dropped"
  std::string team;
  std::string role;    ///< role key (leader, deputies, liaison, members, experts)
  std::string before;  ///< leader: the old one
  std::string after;   ///< joined/left: the person; leader: the new one
};

/// Everything that differs, in a fixed order (region, then year).
struct PlanDiff {
  std::string kind;
  std::vector<TourChange> tours;
  std::vector<TeamChange> teams;
  std::size_t unchanged = 0;
  std::optional<long long> objective_before, objective_after;
  bool any() const {
    return !tours.empty() || !teams.empty() || (objective_before && objective_after && *objective_before != *objective_after);
  }
};

/// Compares two plans of one kind.
PlanDiff diff_plans(const PlanFile& before, const PlanFile& after);

}  // namespace xuncha::cli
