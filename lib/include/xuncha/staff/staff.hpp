#pragma once
// The team plan (巡查组组成方案, IV.2.1): for the tours of a schedule, the teams of each work cycle
// (deputies, liaison and members fixed for the cycle, II.2) and each tour's leader and experts
// (one appointment per expert and tour, 一次一聘), under every team rule of `xuncha teams`.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::staff {

/// What to plan.
struct Options {
  int cycle_years = 0;        ///< length of a work cycle; 0: the policy's cadence_years
  std::uint64_t seed = 1;     ///< local-search seed (same input and seed: same plan)
  /// An earlier team plan (its teams, and its tours with their team ids): change as little as possible.
  std::vector<Team> keep_teams;
  std::vector<Tour> keep_tours;
  long long iterations = -1;  ///< local-search moves; -1: scaled to the instance
};

/// One team of a cycle: the fixed staff, and the tours it serves with each tour's leader and experts.
struct PlanTeam {
  std::string id;             ///< e.g. "G2027-1"
  std::string cycle;          ///< e.g. "2027-2028"
  int slot = 0;               ///< the schedule's team number in the cycle
  std::vector<std::string> deputies, members;
  std::string liaison;
  struct Stint {
    std::size_t tour = 0;     ///< index into Dataset::tours
    std::string record;       ///< the team record the tour refers to (one per distinct leader and experts)
    std::string leader;
    std::vector<std::string> experts;
    std::vector<std::string> appointments;  ///< new appointment ids, one per expert
  };
  std::vector<Stint> stints;  ///< by start date
};

/// Unweighted values of the soft goals.
struct Terms {
  long long units = 0;   ///< Σ cycles, member units: seats beyond the unit's share
  long long days = 0;    ///< Σ people, years: days on site beyond the policy's fair days
  long long pairs = 0;   ///< last cycle's team-mates together again (or split, policy)
  long long fields = 0;  ///< experts whose fields miss the region's key industries (both recorded)
};

/// Why a person got a seat (--explain).
struct Reason {
  std::string team;      ///< plan team id
  std::string tour;      ///< empty for the fixed staff
  Role role = Role::member;
  std::string person;
  Message text;
};

/// A change against --keep.
struct Change {
  std::string team;
  std::string tour;      ///< empty for the fixed staff
  Role role = Role::member;
  std::string before, after;  ///< person ids ("" for none)
  Message why;
};

/// A reason there is no plan, in the office's terms; for a shortage of people (a set of seats
/// with too few qualified, free people), its numbers too.
struct Problem {
  Problem() = default;
  Problem(Message m) : text(std::move(m)) {}  // NOLINT(google-explicit-constructor): a reason without numbers
  Message text;
  std::vector<std::pair<Role, int>> roles;  ///< a shortage: seats of each role, in role order
  int needed = 0;                      ///< a shortage: people needed (0: not a shortage)
  int available = 0;                   ///< a shortage: people who qualify and are free for those seats
  std::string cycle;                   ///< the work cycle concerned (empty: none)
  std::optional<Date> from, to;        ///< the period concerned: a tour, or a day teams are on site at once;
                                       ///< unset: the whole cycle
  int day_cap = 0;                     ///< a shortage that rests on the policy's staff_max_days (some people are
                                       ///< excluded for it): that cap; 0: it does not
};

/// The plan, or why there is none.
struct Result {
  bool feasible = false;
  bool proven = false;                 ///< infeasible: a proof that no plan exists (else: not found)
  std::vector<Problem> problems;       ///< infeasible: the reasons, in the office's terms
  std::vector<PlanTeam> teams;         ///< by cycle, slot
  Terms terms;
  long long objective = 0;
  long long bound = 0;                 ///< lower bound on the objective
  long long iterations = 0;
  std::vector<Reason> reasons;         ///< --explain, by team, tour, role
  std::vector<Change> changes;         ///< --keep
  std::vector<Message> notes;
};

/// Weighted objective of `t` under the policy.
long long weighted(const Terms& t, const Policy& p);

/// The tours to staff: the planned tours (kind: schedule) of the data when there are any, else the
/// provincial tours without a team. Indexes into data.tours, by start date then id.
std::vector<std::size_t> tours_to_staff(const Dataset& data);

/// Plans the teams for `tours` (indexes into data.tours); pure and deterministic for the same
/// inputs and seed.
Result plan(const Dataset& data, const std::vector<std::size_t>& tours, const Options& options);

}  // namespace xuncha::staff
