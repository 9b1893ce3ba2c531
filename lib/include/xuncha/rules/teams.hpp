#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::rules {

/// One team as `xuncha teams` lists it: distinct head count and the tours it serves.
struct TeamRow {
  const Team* team = nullptr;
  int size = 0;                    ///< distinct people on the team, every role counted
  std::vector<const Tour*> tours;  ///< tours served, ordered by start date then id
};

/// One row per team, in data order.
std::vector<TeamRow> team_table(const Dataset& data);

/// A person who could fill a role, with the facts that rank them.
struct Candidate {
  const Person* person = nullptr;
  std::string other_team;  ///< a team of the same cycle they already serve on ("" if none)
  int tours_in_year = 0;   ///< tours they serve in the tour's year
};

/// A missing or broken role on a tour's team and the people who could fill it, best first.
struct RoleGap {
  Role role = Role::member;
  int needed = 1;             ///< people the role lacks
  std::string replaces;       ///< id of the person to replace; "" when the role is unfilled
  Message reason;
  std::vector<Candidate> candidates;  ///< at most the limit given to suggest_team
  std::size_t eligible = 0;           ///< every candidate found, before the limit
};

/// One seat of the proposed team: who fills which gap.
struct Pick {
  std::size_t gap = 0;           ///< index into TeamSuggestion::gaps
  const Person* person = nullptr;
};

/// What `xuncha teams --suggest TOUR` shows.
struct TeamSuggestion {
  const Tour* tour = nullptr;
  const Team* team = nullptr;  ///< null when the tour has no team
  bool dated = false;          ///< false: the tour has no dates, so availability was not checked
  std::vector<RoleGap> gaps;   ///< in role order; empty when the team is sound
  /// One way to fill every gap with nobody used twice: a maximum matching of seats to eligible
  /// people (all of them, not only the shown ones); seats in role order keep their best free pick.
  std::vector<Pick> proposal;
  int unfilled = 0;            ///< seats the proposal could not fill (too few distinct people)
};

/// Lists the missing or broken roles of `tour`'s team, with up to `limit` candidates each:
/// right rank and unit, in the expert pool for experts, free on the tour's dates and,
/// when the policy asks for it, without a conflict of interest with the tour's region.
TeamSuggestion suggest_team(const Dataset& data, const Tour& tour, std::size_t limit);

}  // namespace xuncha::rules
