#pragma once
#include <climits>
#include <vector>

#include <xuncha/model/policy.hpp>

namespace xuncha::schedule {

/// One team's blackout-free period of a round, as the bound sees it.
struct BoundSlot {
  int round = 0;
  int capacity = 0;          ///< days
  int first_month = 0;       ///< month index (from the horizon's start) of the first day
  int last_month = 0;        ///< month index of the last day
  long long first_day = 0;   ///< days since the epoch of the first day
};

/// One region: its duration, risk, pinned first start and the round patterns it may take.
struct BoundRegion {
  int days = 0;
  int risk = 0;
  int fixed_first_month = INT_MAX;
  std::vector<std::vector<int>> patterns;  ///< round indexes, ascending
};

/// The slot model, stripped to what the relaxation needs.
struct BoundInput {
  int rounds = 0;
  int teams = 0;
  std::vector<int> round_teams;           ///< teams per round when they differ (else `teams` in each)
  ObjectiveWeights weights;
  long long fixed_days = 0;               ///< tour-days of pinned tours
  std::vector<long long> round_fixed;     ///< pinned load per round
  std::vector<BoundSlot> slots;
  std::vector<BoundRegion> regions;
  int from_year = 0;                      ///< month index 0 is January of this year
  long long upper = 0;                    ///< objective of a known schedule (steers the step size)
  int iterations = 1000;                  ///< subgradient steps of the first relaxation
  int sequence_iterations = 2000;         ///< and of the second, started from the first's prices
};

/// Lagrangian lower bound on the objective, the better of two relaxations (each valid for any
/// multipliers):
///  1. regions priced against round loads, team-period capacities and "started by the end of month m"
///     limits (with a slack of the longest tour but one day per team period and month); team balance
///     relaxed to 0;
///  2. every team period dated day by day (a dynamic programme over its days, so the month limits
///     hold exactly), with a price per region and round for its first and later tours, started from
///     the prices of the first; team balance priced from below (the busiest team does at least every
///     tour of its round and the pinned load shared evenly).
long long lagrangian_bound(const BoundInput& in);

}  // namespace xuncha::schedule
