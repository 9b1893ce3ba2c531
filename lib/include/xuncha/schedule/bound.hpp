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
  ObjectiveWeights weights;
  long long fixed_days = 0;               ///< tour-days of pinned tours
  std::vector<long long> round_fixed;     ///< pinned load per round
  std::vector<BoundSlot> slots;
  std::vector<BoundRegion> regions;
  int from_year = 0;                      ///< month index 0 is January of this year
  long long upper = 0;                    ///< objective of a known schedule (steers the step size)
  int iterations = 300;
};

/// Lagrangian lower bound on the objective: round loads, slot capacities and "started by the end of
/// month m" limits are priced; team balance is relaxed to 0. Valid for any multipliers.
long long lagrangian_bound(const BoundInput& in);

}  // namespace xuncha::schedule
