#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::schedule {

/// What to plan: the horizon, the teams, the seed, and an earlier schedule to stay close to.
struct Options {
  int from = 0;                ///< first year of the horizon
  int years = 5;               ///< horizon length
  int teams = 0;               ///< teams per round; 0: the policy's teams_per_round
  std::uint64_t seed = 1;      ///< local-search seed (same input and seed: same schedule)
  std::vector<Tour> keep;      ///< tours of an earlier schedule: change as few as possible
  /// No planned tour starts on or before this day (the CLI passes --as-of): the past is not
  /// planned. Kept tours that started by then stay as they are, like tours of the data.
  std::optional<Date> not_before;
  long long iterations = -1;   ///< local-search moves; -1: scaled to the instance
};

/// A tour of the schedule: planned by the generator or pinned from the data.
struct PlannedTour {
  std::string id;
  std::string region;
  int year = 0;
  int batch = -1;            ///< index into Policy::batches; -1 when outside every batch
  int team = 0;              ///< 1-based team number within the round
  std::string team_id;       ///< pinned tours: the team id of the data (may be empty)
  std::optional<Date> start, end;
  int days = 0;
  bool pinned = false;       ///< from the data, left as it was
  TourKind kind = TourKind::regular;
  bool moved = false;        ///< --keep: differs from the earlier schedule
  Date report_due{}, feedback_assumed{}, plan_due{}, results_due{};  ///< valid when start is set
};

/// Unweighted values of the objective's four terms (SCHEDULING.md).
struct Terms {
  long long round_load = 0;    ///< largest round load, tour-days
  long long risk = 0;          ///< Σ risk · months from the horizon's start to the first tour
  long long team_balance = 0;  ///< Σ rounds (teams · busiest team's load − round load)
  long long tour_days = 0;     ///< total tour-days in the horizon
};

/// Lower bounds on the objective and its terms.
struct Bounds {
  long long min_work = 0;      ///< tour-days the coverage rule forces (pinned included)
  int min_teams = 0;           ///< teams below which no plan exists
  long long round_load = 0;
  long long risk = 0;
  long long simple = 0;        ///< weighted sum of the per-term bounds
  long long lagrangian = 0;    ///< bound of the slot model's relaxation (0 when not computed)
  long long best() const { return simple > lagrangian ? simple : lagrangian; }
};

/// Why a region went where it went (--explain).
struct Explanation {
  std::string region;
  Message text;
  int tours = 0;    ///< tours planned in the horizon
  int needed = 0;   ///< tours coverage needs; tours - needed is the extra tour taken when no plan of fewest tours was found
};

/// A reason the input has no schedule, in the user's terms.
struct Problem {
  std::string region;  ///< empty for round-level problems
  int year = 0;        ///< the round concerned (0: none)
  Message text;
};

/// The schedule with its objective, bounds and explanations; or the reasons there is none.
struct Result {
  bool feasible = false;
  /// Not feasible: true when the problems prove that no schedule exists (a window with no usable
  /// year, a capacity bound); false when the search only failed to find one.
  bool proven = false;
  std::vector<Problem> problems;
  std::vector<int> round_years;
  int teams = 0;                         ///< teams per round asked for (a round may have more: round_teams)
  std::vector<int> round_teams;          ///< teams of each round, in round_years order (more than `teams` where
                                         ///< pinned tours already name more)
  std::vector<std::string> extra_tours;  ///< regions given one tour more than coverage needs (data order)
  int anchor_year = 0;                   ///< the round year the rounds count from
  std::vector<PlannedTour> tours;        ///< by year, batch, team, start
  Terms terms;
  long long objective = 0;
  Bounds bounds;
  long long iterations = 0;
  int kept = 0, moved = 0;               ///< --keep: tours unchanged / moved, added or dropped
  std::vector<Explanation> explanations; ///< one per region, data order
  std::vector<Message> notes;            ///< facts worth printing (teams raised for pinned tours…)
};

/// Weighted objective of `t` under the policy's weights.
long long weighted(const Terms& t, const ObjectiveWeights& w);

/// Plans the horizon; pure and deterministic for the same inputs and seed.
Result plan(const Dataset& data, const Calendar& calendar, const Options& options);

/// The slot model of SCHEDULING.md as a mixed-integer program in CPLEX LP format, with the same
/// objective as `plan` (benchmarks: solve it with an exact solver and compare). Empty, with `error`
/// set, when the input has no schedule, has --keep tours, or has a region with both a pinned and a
/// planned tour in the horizon (not modelled).
std::string slot_mip(const Dataset& data, const Calendar& calendar, const Options& options, std::string& error);

/// The same model aggregated to places for an instance whose planned tours all have one length
/// (county level): every schedule is one of its solutions with the same objective, so its optimum
/// is a lower bound of every schedule. Small enough for an exact solver at thousands of regions.
/// Empty, with `error`, when tours differ in length or are pinned or kept.
std::string place_mip(const Dataset& data, const Calendar& calendar, const Options& options, std::string& error);

/// Round years of the horizon (policy cadence, anchored at first_round_year or the last regular round).
std::vector<int> round_years(const Dataset& data, int from, int years, int* anchor = nullptr);

/// Whether `year` is a round year for rounds anchored at `anchor` (always, with off_round_tours).
bool is_round_year(const Policy& policy, int anchor, int year);

/// Blackout-free periods of each batch of `year` (statutory holidays and policy blackouts cut them).
struct Slot {
  int year = 0;
  int batch = 0;
  Date first{}, last{};
  int capacity() const { return static_cast<int>((last - first).count()) + 1; }
};
std::vector<Slot> slots_of_year(const Policy& policy, const Calendar& calendar, int year);

}  // namespace xuncha::schedule
