#pragma once
// Private to the team rules (team_checker.cpp, team_suggest.cpp): how messages name people,
// roles and tours, and the indexes both build over the data set (seats, tours by team).
#include <xuncha/model/model.hpp>
#include <xuncha/rules/team_rules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xuncha::rules {

inline std::string field_of(Role role, std::size_t k) {
  return fmt::format("{}[{}]", role_names[static_cast<std::size_t>(role)], k);
}

inline std::string_view zh_of(Role role) { return role_zh[static_cast<std::size_t>(role)]; }

inline std::string_view en_of(Role role) {
  static constexpr std::array<std::string_view, 5> names{"leader", "deputy leader", "liaison", "member", "expert"};
  return names[static_cast<std::size_t>(role)];
}

// "王建华（p001）" / "王建华 (p001)": every message names people by name and id.
inline std::string who_zh(const Dataset& data, std::string_view id) {
  const Person* p = data.person(id);
  return p ? fmt::format("{}（{}）", p->name, id) : std::string(id);
}
inline std::string who_en(const Dataset& data, std::string_view id) {
  const Person* p = data.person(id);
  return p ? fmt::format("{} ({})", p->name, id) : std::string(id);
}

template <class Range>
inline std::string list_zh(const Dataset& data, const Range& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : "、") + who_zh(data, id);
  return s.empty() ? "无" : s;
}
template <class Range>
inline std::string list_en(const Dataset& data, const Range& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + who_en(data, id);
  return s.empty() ? "nobody" : s;
}

inline std::string region_zh(const Dataset& data, std::string_view id) {
  const Region* r = data.region(id);
  return r ? fmt::format("{}（{}）", r->name, id) : std::string(id);
}

inline std::string dates(const Tour& t) {
  if (!t.start || !t.end) return "-";
  return fmt::format("{}—{}", format_iso(*t.start), format_iso(*t.end));
}

// A person's seat on a team: the first place they are listed.
struct Seat {
  Role role;
  std::size_t k;
};

// Everyone on a team once, with the seat where they are first listed, in role order.
inline std::vector<std::pair<std::string_view, Seat>> distinct_people(const Team& team) {
  std::vector<std::pair<std::string_view, Seat>> out;
  for (std::size_t r = 0; r < team.roles.size(); ++r)
    for (std::size_t k = 0; k < team.roles[r].size(); ++k) {
      std::string_view id = team.roles[r][k];
      if (std::none_of(out.begin(), out.end(), [&](const auto& e) { return e.first == id; }))
        out.push_back({id, Seat{static_cast<Role>(r), k}});
    }
  return out;
}

// The tours of each team (indexes into data.tours), ordered by start date (undated last) then id.
inline std::vector<std::vector<std::size_t>> tours_by_team(const Dataset& data) {
  std::vector<std::vector<std::size_t>> out(data.teams.size());
  for (std::size_t i = 0; i < data.tours.size(); ++i) {
    const auto& t = data.tours[i];
    if (t.team.empty()) continue;
    auto it = data.team_index.find(t.team);
    if (it != data.team_index.end()) out[it->second].push_back(i);
  }
  for (auto& list : out)
    std::sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = data.tours[a];
      const auto& y = data.tours[b];
      if (x.start.has_value() != y.start.has_value()) return x.start.has_value();
      if (x.start && *x.start != *y.start) return *x.start < *y.start;
      return x.id < y.id;
    });
  return out;
}

}  // namespace xuncha::rules
