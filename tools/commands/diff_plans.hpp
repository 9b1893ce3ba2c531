#pragma once
// xuncha diff: two schedules or two team plans (xuncha's yaml or json output) read into one
// shape, and what changed between them.
#include <optional>
#include <string>
#include <vector>

#include "base/context.hpp"
#include "render/json.hpp"

#include <xuncha/model/model.hpp>

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

/// A planned tour of a `kind: schedule` document as the diff compares it (its team: the team
/// number; its batch by the default windows until name_plan).
PlanTour planned_tour(const Tour& t);

/// A plan from the json xuncha schedule or staff writes (`path` names it in errors).
PlanFile plan_from_json(const std::string& path, const std::string& text);

/// The objective a plan file records (json's objective, yaml's header comment), if any.
std::optional<long long> plan_file_objective(Context& ctx, const std::string& path);

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

// ---- the changes in words (diff_report.cpp), shared by xuncha diff, schedule --keep, staff --keep ----

/// "2028 春季 第2组（2028-03-01 起）" / "2028 spring team 2 from 2028-03-01"; a team plan's tour: its team.
std::string slot_text(const Context& ctx, const PlanDiff& d, const std::optional<PlanTour>& t);
/// "调整" / "moved", ... for a TourChange's or TeamChange's `what`.
std::string change_text(const Context& ctx, const std::string& what);
/// A role key in the run's language.
std::string role_text(const Context& ctx, const std::string& role);
/// The objective before and after (when both are known), then the counts.
std::vector<std::string> closing_lines(const Context& ctx, const PlanDiff& d);
/// The tours' and the teams' changes as text tables, then the closing lines.
std::string plan_diff_tables(const Context& ctx, const PlanDiff& d);
/// The changes as json: different, tours, teams, objective, summary.
Json plan_diff_json(const PlanDiff& d);
/// --keep FILE of schedule and staff: with -f text the tables after the output, else the count
/// line on stderr (unless --quiet).
void report_keep_changes(Context& ctx, const std::string& keep, const PlanDiff& d);

/// Region names and batch names as the data set and its policy give them (a yaml plan names
/// neither: without this, regions show as ids and batches by the default windows).
void name_plan(PlanFile& p, const Dataset& data, const Policy& pol);

}  // namespace xuncha::cli
