// `xuncha teams --suggest TOUR`: the missing or broken roles of a tour's team, the people who
// could fill each, and one proposed team (a maximum matching of seats to people).
#include <xuncha/rules/teams.hpp>

#include <xuncha/rules/team_rules.hpp>

#include "team_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace xuncha::rules {
namespace {

struct Workload {
  std::unordered_map<std::string_view, std::vector<const Tour*>> tours;
  std::unordered_map<std::string_view, std::vector<const Team*>> teams;
};

Workload workload(const Dataset& data) {
  Workload w;
  auto by_team = tours_by_team(data);
  for (std::size_t gi = 0; gi < data.teams.size(); ++gi)
    for (const auto& e : distinct_people(data.teams[gi])) {
      w.teams[e.first].push_back(&data.teams[gi]);
      for (auto ti : by_team[gi]) w.tours[e.first].push_back(&data.tours[ti]);
    }
  return w;
}

class Suggester {
 public:
  Suggester(const Dataset& data, const Tour& tour, std::size_t limit)
      : data_(data), tour_(tour), limit_(limit), work_(workload(data)) {
    if (!tour.team.empty()) team_ = data.team(tour.team);
    year_ = tour.start ? year_of(*tour.start) : tour.year;
    if (team_)
      for (const auto& e : distinct_people(*team_)) on_team_.insert(e.first);
    for (const auto& a : data.appointments) appointments_[a.person].push_back(&a);
  }

  TeamSuggestion run() {
    TeamSuggestion s;
    s.tour = &tour_;
    s.team = team_;
    s.dated = dated(tour_);
    int sound = 0;  // people who stay: everyone not replaced
    for (auto role : {Role::leader, Role::deputy, Role::liaison, Role::member, Role::expert}) {
      const auto& ids = team_ ? team_->of(role) : empty_;
      std::vector<RoleGap> replace;
      for (const auto& id : ids) {
        const Person* p = data_.person(id);
        if (!p) continue;
        Faults f = faults(role, *p);
        if (f.empty()) {
          ++sound;
          continue;
        }
        RoleGap gap;
        gap.role = role;
        gap.replaces = id;
        gap.reason = {fmt::format("替换{} {}：{}", zh_of(role), who_zh(data_, id), f.joined_zh()),
                      fmt::format("replace {} {}: {}", en_of(role), who_en(data_, id), f.joined_en())};
        replace.push_back(std::move(gap));
      }
      bool single = role == Role::leader || role == Role::liaison || role == Role::deputy;
      if (single && ids.empty()) {
        RoleGap gap;
        gap.role = role;
        gap.reason = {fmt::format("缺{}", zh_of(role)), fmt::format("no {}", en_of(role))};
        s.gaps.push_back(std::move(gap));
      }
      // II.2 (rule T119): a team has safety experts; the policy's ranges (T120) ask for at least
      // team_members.min members and team_experts.min experts. The replacements keep their seats.
      const auto& pol = data_.policy;
      int least = role == Role::expert ? std::max(pol.experts_min, pol.staff_experts_min) : role == Role::member ? pol.members_min : 0;
      if (static_cast<int>(ids.size()) < least) {
        RoleGap gap;
        gap.role = role;
        gap.needed = least - static_cast<int>(ids.size());
        gap.reason = role == Role::expert
                         ? Message{fmt::format("缺专家：还需 {} 名（每组至少 {} 名，T119、T120）", gap.needed, least),
                                   fmt::format("too few experts: {} more needed (at least {} per team, T119, T120)", gap.needed, least)}
                         : Message{fmt::format("缺成员：还需 {} 名（每组至少 {} 名，team_members，T120）", gap.needed, least),
                                   fmt::format("too few members: {} more needed (at least {} per team, team_members, T120)",
                                               gap.needed, least)};
        s.gaps.push_back(std::move(gap));
      }
      for (auto& g : replace) s.gaps.push_back(std::move(g));
    }
    // Size: the replacements keep their seats; count the people who stay plus one per filled role.
    int filled = sound;
    for (const auto& g : s.gaps) filled += g.needed;
    // Members first, up to the policy's range, then experts (T120).
    if (filled < data_.policy.team_min) {
      const auto& pol = data_.policy;
      auto count = [&](Role r) {
        int n = team_ ? static_cast<int>(team_->of(r).size()) : 0;
        for (const auto& g : s.gaps)
          if (g.role == r && g.replaces.empty()) n += g.needed;
        return n;
      };
      int missing = pol.team_min - filled;
      int members = std::clamp(pol.members_max - count(Role::member), 0, missing);
      int experts = std::clamp(pol.staff_experts_max - count(Role::expert), 0, missing - members);
      if (members + experts < missing) members = missing - experts;  // the ranges cannot make the size: members (T120 warns)
      for (auto [role, n] : {std::pair{Role::member, members}, std::pair{Role::expert, experts}}) {
        if (n == 0) continue;
        RoleGap gap;
        gap.role = role;
        gap.needed = n;
        gap.reason = {fmt::format("人数不足：还需 {} 人（至少 {} 人）", missing, pol.team_min),
                      fmt::format("too few people: {} more needed (at least {})", missing, pol.team_min)};
        s.gaps.push_back(std::move(gap));
      }
    }
    // The candidate lists overlap (a 正处 of the emergency management department suits deputy,
    // liaison and member): propose one team with nobody twice. A maximum matching of seats to
    // people (augmenting paths, seats in role order, candidates best first), so a seat goes empty
    // only when no assignment fills it.
    std::vector<std::vector<Candidate>> ranked;
    std::vector<std::size_t> seat_gap;
    for (std::size_t i = 0; i < s.gaps.size(); ++i) {
      ranked.push_back(fill(s.gaps[i]));
      for (int n = 0; n < s.gaps[i].needed; ++n) seat_gap.push_back(i);
    }
    std::vector<const Person*> seat_person(seat_gap.size(), nullptr);
    std::unordered_map<const Person*, std::size_t> seat_of;
    std::vector<char> seen;
    // A seat takes its best free candidate; only when none is free does it take someone from a
    // seat that can move to another free candidate (recursively), so earlier seats keep their picks.
    auto augment = [&](auto&& self, std::size_t seat) -> bool {
      for (const auto& c : ranked[seat_gap[seat]])
        if (!seat_of.count(c.person)) {
          seat_of.emplace(c.person, seat);
          seat_person[seat] = c.person;
          return true;
        }
      for (const auto& c : ranked[seat_gap[seat]]) {
        std::size_t other = seat_of.at(c.person);
        if (other == seat || seen[other]) continue;
        seen[other] = 1;
        if (self(self, other)) {  // `other` took someone else: c.person is free for this seat
          seat_of[c.person] = seat;
          seat_person[seat] = c.person;
          return true;
        }
      }
      return false;
    };
    for (std::size_t seat = 0; seat < seat_gap.size(); ++seat) {
      seen.assign(seat_gap.size(), 0);
      seen[seat] = 1;
      if (!augment(augment, seat)) ++s.unfilled;
    }
    for (std::size_t seat = 0; seat < seat_gap.size(); ++seat)
      if (seat_person[seat]) s.proposal.push_back({seat_gap[seat], seat_person[seat]});
    return s;
  }

 private:
  const Dataset& data_;
  const Tour& tour_;
  std::size_t limit_;
  Workload work_;
  const Team* team_ = nullptr;
  int year_ = 0;
  std::unordered_set<std::string_view> on_team_;
  std::unordered_map<std::string_view, std::vector<const Appointment*>> appointments_;
  const std::vector<std::string> empty_;

  // Tours of `id` other than this one whose dates meet this tour's.
  const Tour* busy(std::string_view id) const {
    if (!dated(tour_)) return nullptr;
    auto it = work_.tours.find(id);
    if (it == work_.tours.end()) return nullptr;
    for (const Tour* t : it->second)
      if (t != &tour_ && dated(*t) && overlaps(*t, tour_)) return t;
    return nullptr;
  }

  // An expert's appointment already taken for another tour whose dates meet this tour's.
  bool engaged(std::string_view id) const {
    if (!dated(tour_)) return false;
    auto it = appointments_.find(id);
    if (it == appointments_.end()) return false;
    for (const auto* a : it->second) {
      if (a->tour == tour_.id) continue;
      const Tour* t = data_.tour(a->tour);
      if (t && dated(*t) && overlaps(*t, tour_)) return true;
    }
    return false;
  }

  Faults faults(Role role, const Person& p) const {
    Faults f = role_faults(data_, role, p);
    if (data_.policy.conflict_of_interest) {
      Faults c = conflict(data_, p, tour_.region);
      for (std::size_t i = 0; i < c.zh.size(); ++i) f.add("应回避：" + c.zh[i], "conflict of interest: " + c.en[i]);
    }
    if (const Tour* t = busy(p.id))
      f.add(fmt::format("同时在巡查 {}（{}）", t->id, dates(*t)), fmt::format("also on tour {} ({})", t->id, dates(*t)));
    return f;
  }

  // Fills gap.candidates (at most the limit) and returns every eligible candidate, best first.
  std::vector<Candidate> fill(RoleGap& gap) {
    std::vector<Candidate> all;
    for (const auto& p : data_.people) {
      if (on_team_.count(p.id)) continue;
      if (!faults(gap.role, p).empty()) continue;
      if (gap.role == Role::expert && engaged(p.id)) continue;
      Candidate c;
      c.person = &p;
      if (auto it = work_.teams.find(p.id); it != work_.teams.end())
        for (const Team* g : it->second)
          if (team_ && g != team_ && !g->cycle.empty() && g->cycle == team_->cycle) {
            c.other_team = g->id;
            break;
          }
      if (auto it = work_.tours.find(p.id); it != work_.tours.end())
        for (const Tour* t : it->second) c.tours_in_year += (t->start ? year_of(*t->start) : t->year) == year_ ? 1 : 0;
      all.push_back(std::move(c));
    }
    // Best first: people not tied to another team of the cycle (taking them would break that
    // team's stability); for the liaison, members and experts, bureau-level cadres last (they are
    // the only possible leaders); then the least busy that year; then the higher rank for the
    // leader and deputies, or people in safety supervision and the lower rank for the other roles.
    // Ties by id.
    bool senior = gap.role == Role::leader || gap.role == Role::deputy;
    std::sort(all.begin(), all.end(), [senior](const Candidate& a, const Candidate& b) {
      if (a.other_team.empty() != b.other_team.empty()) return a.other_team.empty();
      bool a_cadre = !senior && is_bureau_level(a.person->rank), b_cadre = !senior && is_bureau_level(b.person->rank);
      if (a_cadre != b_cadre) return b_cadre;  // bureau-level people are kept for leading teams
      if (a.tours_in_year != b.tours_in_year) return a.tours_in_year < b.tours_in_year;
      if (!senior && a.person->safety_supervision != b.person->safety_supervision) return a.person->safety_supervision;
      if (a.person->rank != b.person->rank) return senior ? a.person->rank > b.person->rank : a.person->rank < b.person->rank;
      return a.person->id < b.person->id;
    });
    gap.eligible = all.size();
    gap.candidates.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), limit_)));
    return all;
  }
};

}  // namespace

TeamSuggestion suggest_team(const Dataset& data, const Tour& tour, std::size_t limit) {
  return Suggester(data, tour, limit).run();
}

}  // namespace xuncha::rules
