// The team plan: cycles in order, each matched, improved, and turned into teams, tours'
// leaders and experts, appointments, explanations and --keep changes.
#include "instance.hpp"

#include <xuncha/rules/team_rules.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <set>
#include <unordered_map>

namespace xuncha::staff {

long long weighted(const Terms& t, const Policy& p) {
  return t.units * p.staff_weight_units + t.days * p.staff_weight_days + t.pairs * p.staff_weight_pairs +
         t.fields * p.staff_weight_fields;
}

std::vector<std::size_t> tours_to_staff(const Dataset& data) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < data.tours.size(); ++i) {
    const Tour& t = data.tours[i];
    if (t.body == Body::province && t.team.empty() && rules::dated(t)) out.push_back(i);
  }
  std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    const Tour& x = data.tours[a];
    const Tour& y = data.tours[b];
    if (*x.start != *y.start) return *x.start < *y.start;
    return x.id < y.id;
  });
  return out;
}

namespace {

using namespace detail;

int index_of(const Dataset& data, const std::string& id) {
  auto it = data.person_index.find(id);
  return it == data.person_index.end() ? -1 : static_cast<int>(it->second);
}

// --keep: the person who held each seat in the earlier plan.
void mark_kept(const Instance& in, std::vector<Seat>& seats) {
  if (in.options.keep_teams.empty()) return;
  std::unordered_map<std::string, const Team*> team_by_id;
  for (const auto& g : in.options.keep_teams) team_by_id.emplace(g.id, &g);
  std::unordered_map<std::string, const Team*> team_of_tour;
  for (const auto& t : in.options.keep_tours)
    if (auto it = team_by_id.find(t.team); it != team_by_id.end()) team_of_tour.emplace(t.id, it->second);
  std::map<std::tuple<std::size_t, int, int>, int> used;  // (slot, role, tour) → seats seen
  for (auto& s : seats) {
    int k = used[{s.slot, static_cast<int>(s.role), s.tour}]++;
    std::size_t tour = s.tour >= 0 ? static_cast<std::size_t>(s.tour) : in.slots[s.slot].tours.front();
    auto it = team_of_tour.find(in.tours[tour].tour->id);
    if (it == team_of_tour.end()) continue;
    const auto& ids = it->second->of(s.role);
    if (k < static_cast<int>(ids.size())) {
      s.kept_id = ids[static_cast<std::size_t>(k)];
      s.kept = index_of(in.data, s.kept_id);
    }
  }
}

// --keep: the members the earlier plan gave the slot's team (0: no earlier team).
int kept_members(const Instance& in, std::size_t slot) {
  const auto& tour = in.tours[in.slots[slot].tours.front()].tour->id;
  for (const auto& t : in.options.keep_tours)
    if (t.id == tour)
      for (const auto& g : in.options.keep_teams)
        if (g.id == t.team) return static_cast<int>(g.of(Role::member).size());
  return 0;
}

Message explain(const Instance& in, const Seat& s, int p, const std::vector<int>& kept_before,
                const std::vector<std::map<int, int>>& days_data) {
  const Person& x = in.data.people[static_cast<std::size_t>(p)];
  const Unit* u = in.data.unit(x.unit);
  std::string unit = u ? u->name : x.unit;
  std::size_t n = s.candidates.size();
  std::string rank = x.rank == Rank::none ? std::string("无职级") : std::string(rank_zh[static_cast<std::size_t>(x.rank)]);
  int days = 0;
  for (const auto& [y, d] : days_data[static_cast<std::size_t>(p)]) days += d;  // the data's tours only
  if (s.kept == p)
    return {fmt::format("沿用原方案（{}，{}）", unit, rank), fmt::format("kept from the earlier plan ({}, {})", unit, rank)};
  std::string why_zh, why_en;
  if (s.kept < 0 && !s.kept_id.empty()) {
    why_zh = fmt::format("；原人选 {} 已不在名单中", s.kept_id);
    why_en = fmt::format("; {} held it before and is no longer in the data", s.kept_id);
  } else if (s.kept >= 0) {
    std::string d;
    Why w = std::find(kept_before.begin(), kept_before.end(), s.kept) == kept_before.end()
                ? in.eligible(s.kept, s.role, s.slot, s.tour, &d)
                : Why::ok;
    auto t = why_text(in, w, d);
    why_zh = fmt::format("；原人选 {} {}", person_label_zh(in.data, s.kept), w == Why::ok ? "改任他职" : t.zh);
    why_en = fmt::format("; {} held it before and is {}", person_label_en(in.data, s.kept), w == Why::ok ? "now elsewhere" : t.en);
  }
  return {fmt::format("{}，{}；本席位符合条件且有空者 {} 人{}；数据中已有在场 {} 天{}", unit, rank, n,
                      n == 1 ? "（唯一人选）" : "", days, why_zh),
          fmt::format("{}, {}; {} qualify and are free for this seat{}; {} days on site in the data's tours{}", unit, rank, n,
                      n == 1 ? " (the only one)" : "", days, why_en)};
}

// One cycle with in.members members per team: the maximum matching (leaders and experts fixed
// per team, or chosen per tour where that fails), then the search on atoms.
struct CycleRun {
  Assignment a;
  int unfilled = 1;
  bool split = false;
  long long iterations = 0, changes = 0;
  long long objective = std::numeric_limits<long long>::max();
  Terms terms;
};

CycleRun run_cycle(const Instance& in, std::size_t c, const std::vector<std::vector<int>>& previous, std::uint64_t seed) {
  CycleRun run;
  std::vector<char> split(in.slots.size(), 0);
  CandidateMemo memo;
  auto& a = run.a;
  for (int round = 0; round < 2; ++round) {
    a = Assignment{};
    a.seats = make_seats(in, c, split, &memo);
    mark_kept(in, a.seats);
    a.person.assign(a.seats.size(), -1);
    std::set<int> used;
    for (std::size_t s = 0; s < a.seats.size(); ++s) {
      int k = a.seats[s].kept;
      if (k < 0 || used.count(k)) continue;
      const auto& cand = a.seats[s].candidates;
      if (std::find(cand.begin(), cand.end(), k) == cand.end()) continue;
      a.person[s] = k;
      used.insert(k);
    }
    run.unfilled = match(in, a);
    if (run.unfilled == 0) break;
    // Leaders and experts chosen per tour where one person cannot serve all of a team's tours.
    bool more = false;
    for (std::size_t s = 0; s < a.seats.size(); ++s)
      if (a.person[s] < 0 && (a.seats[s].role == Role::leader || a.seats[s].role == Role::expert) && !split[a.seats[s].slot])
        split[a.seats[s].slot] = 1, more = true;
    if (!more) break;
    run.split = true;
  }
  if (run.unfilled > 0) return run;
  // The search changes leaders and experts tour by tour (atoms), then seats one person holds for
  // all of a team's tours become one seat again.
  auto whole = make_seats(in, c, std::vector<char>(in.slots.size(), 0), &memo);
  auto atoms = make_seats(in, c, std::vector<char>(in.slots.size(), 1), &memo);
  mark_kept(in, whole);
  mark_kept(in, atoms);
  Assignment x = expand(a, std::move(atoms));
  run.iterations = improve(in, c, x, previous, seed, in.options.iterations);
  a = collapse(x, whole);
  run.terms = terms_of(in, c, a, previous);
  run.objective = weighted(run.terms, in.pol);
  // Against --keep, every seat not held by its earlier person is a change (as the report lists
  // them), a seat the earlier plan did not have included.
  // A member the earlier plan had and this count drops is a change too.
  if (!in.options.keep_teams.empty()) {
    for (std::size_t s = 0; s < a.seats.size(); ++s) run.changes += a.seats[s].kept_id.empty() || a.seats[s].kept != a.person[s] ? 1 : 0;
    for (auto slot : in.cycles[c].slots) run.changes += std::max(0, kept_members(in, slot) - in.members);
  }
  return run;
}

}  // namespace

Result plan(const Dataset& data, const std::vector<std::size_t>& tours, const Options& options) {
  Result r;
  Instance in(data, options);
  setup(in, tours);
  const auto days_data = in.days_before;  // before this plan adds its own tours
  r.notes = in.notes;
  if (!in.problems.empty()) {
    r.proven = true;
    r.problems.assign(in.problems.begin(), in.problems.end());
    return r;
  }
  std::vector<std::vector<int>> previous;  // last cycle's teams (people), for the pairs goal
  // Before the first cycle: the data's teams whose cycle is the latest one before it.
  if (!in.cycles.empty()) {
    std::string latest;
    for (const auto& g : data.teams)
      if (!g.cycle.empty() && g.cycle < in.cycles.front().label && g.cycle > latest) latest = g.cycle;
    for (const auto& g : data.teams)
      if (!latest.empty() && g.cycle == latest) {
        std::set<int> people;
        for (const auto& [role, id] : g.everyone())
          if (int p = index_of(data, id); p >= 0) people.insert(p);
        previous.emplace_back(people.begin(), people.end());
      }
  }
  bool ok = true;
  std::vector<Assignment> plans(in.cycles.size());
  // The bounds read the data alone (bound.cpp), so before any cycle takes people: per cycle, the
  // least over the member counts the plan may choose.
  std::vector<long long> bounds;
  std::vector<std::vector<long long>> bound_of_count(in.cycles.size());
  for (std::size_t c = 0; c < in.cycles.size(); ++c) {
    CandidateMemo memo;
    for (int m = in.members_lo; m <= in.members_hi; ++m) {
      in.members = m;
      bound_of_count[c].push_back(bound_of(in, c, &memo));
    }
    bounds.push_back(*std::min_element(bound_of_count[c].begin(), bound_of_count[c].end()));
  }
  for (std::size_t c = 0; c < in.cycles.size(); ++c) {
    // Members per team: the fewest the ranges allow, or more when that lowers the objective (a
    // larger staff raises every unit's share); a count whose bound cannot beat the best is skipped.
    CycleRun best;
    int best_m = in.members_lo;
    for (int m = in.members_lo; m <= in.members_hi; ++m) {
      // (Changes against --keep come first: a count is skipped on its bound only when the best has none.)
      if (m > in.members_lo && best.changes == 0 && bound_of_count[c][static_cast<std::size_t>(m - in.members_lo)] >= best.objective)
        continue;
      in.members = m;
      CycleRun run = run_cycle(in, c, previous, options.seed * 1000003ULL + c);
      r.iterations += run.iterations;
      if (m == in.members_lo) {
        best = std::move(run);
        if (best.unfilled > 0) break;  // more seats cannot be filled either
        continue;
      }
      if (run.unfilled == 0 && std::pair{run.changes, run.objective} < std::pair{best.changes, best.objective})
        best = std::move(run), best_m = m;
    }
    in.members = best_m;
    if (best.unfilled > 0) {
      in.members = in.members_lo;
      ok = false;
      auto why = prove(in, c);
      if (!why.empty()) {
        r.proven = true;
        for (auto& m : why) r.problems.push_back(std::move(m));
      } else {
        r.problems.push_back(Message{fmt::format("{} 周期：未找到方案（不能断定方案不存在）。已尝试：组长、专家整期固定与按每次巡查选定的最大匹配"
                         "（{} 个席位，{} 个未能填补）；按角色、同时在场和整个周期的人数核算均无短缺",
                         in.cycles[c].label, best.a.seats.size(), best.unfilled),
             fmt::format("cycle {}: no plan found (not proven impossible). Tried: maximum matchings with leaders and "
                         "experts fixed per team and chosen per tour ({} seats, {} left empty); the counts per role, per "
                         "teams on site at once and per cycle show no shortage",
                         in.cycles[c].label, best.a.seats.size(), best.unfilled)});
      }
      continue;
    }
    if (best.split)
      r.notes.push_back({fmt::format("{} 周期：部分巡查组的组长、专家按每次巡查分别选定", in.cycles[c].label),
                         fmt::format("cycle {}: some teams' leaders and experts are chosen per tour", in.cycles[c].label)});
    auto& a = best.a;
    r.terms.units += best.terms.units;
    r.terms.days += best.terms.days;
    r.terms.pairs += best.terms.pairs;
    r.terms.fields += best.terms.fields;
    r.bound += bounds[c];
    // The people now busy: later cycles see them (a tour may cross into the next year).
    for (std::size_t s = 0; s < a.seats.size(); ++s)
      for (int tt : in.seat_tours(a.seats[s].slot, a.seats[s].tour)) {
        auto p = static_cast<std::size_t>(a.person[s]);
        const auto& ti = in.tours[static_cast<std::size_t>(tt)];
        in.busy[p].emplace_back(ti.start, ti.end);
        in.busy_tour[p].push_back(ti.tour->id);
        in.days_before[p][ti.year] += ti.days;
      }
    previous.clear();
    std::map<std::size_t, std::set<int>> by_slot;
    for (std::size_t s = 0; s < a.seats.size(); ++s) by_slot[a.seats[s].slot].insert(a.person[s]);
    for (auto& [slot, people] : by_slot) previous.emplace_back(people.begin(), people.end());
    plans[c] = std::move(a);
  }
  r.objective = weighted(r.terms, in.pol);
  if (!ok) return r;
  r.feasible = true;
  // Teams, records and appointments.
  std::set<std::string> appointment_ids;
  for (const auto& x : data.appointments) appointment_ids.insert(x.id);
  for (std::size_t c = 0; c < in.cycles.size(); ++c) {
    const auto& a = plans[c];
    std::vector<int> seated(a.person);
    for (auto slot : in.cycles[c].slots) {
      const auto& s = in.slots[slot];
      PlanTeam team;
      team.id = s.id;
      team.cycle = in.cycles[c].label;
      team.slot = s.number;
      auto id = [&](int p) { return data.people[static_cast<std::size_t>(p)].id; };
      for (std::size_t k = 0; k < a.seats.size(); ++k) {
        const auto& seat = a.seats[k];
        if (seat.slot != slot) continue;
        if (seat.role == Role::deputy) team.deputies.push_back(id(a.person[k]));
        if (seat.role == Role::liaison) team.liaison = id(a.person[k]);
        if (seat.role == Role::member) team.members.push_back(id(a.person[k]));
      }
      std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // (leader, experts) per record
      for (auto t : s.tours) {
        PlanTeam::Stint st;
        st.tour = in.tours[t].data_index;
        for (std::size_t k = 0; k < a.seats.size(); ++k) {
          const auto& seat = a.seats[k];
          if (seat.slot != slot || (seat.tour >= 0 && static_cast<std::size_t>(seat.tour) != t)) continue;
          if (seat.role == Role::leader) st.leader = id(a.person[k]);
          if (seat.role == Role::expert) st.experts.push_back(id(a.person[k]));
        }
        std::pair key{st.leader, st.experts};
        auto g = std::find(groups.begin(), groups.end(), key);
        std::size_t gi = static_cast<std::size_t>(g - groups.begin());
        if (g == groups.end()) groups.push_back(key);
        st.record = gi == 0 ? s.id : fmt::format("{}{}", s.id, static_cast<char>('a' + std::min<std::size_t>(gi, 25)));
        if (gi > 25) st.record = fmt::format("{}-{}", s.id, gi + 1);
        for (const auto& e : st.experts) {
          std::string aid = fmt::format("A-{}-{}", data.tours[st.tour].id, e);
          while (!appointment_ids.insert(aid).second) aid += "'";
          st.appointments.push_back(aid);
        }
        team.stints.push_back(std::move(st));
      }
      r.teams.push_back(std::move(team));
    }
    // Explanations and changes, by team, tour, role.
    std::vector<int> kept_before;
    for (const auto& seat : a.seats) kept_before.push_back(seat.kept);
    for (std::size_t k = 0; k < a.seats.size(); ++k) {
      const auto& seat = a.seats[k];
      const auto& s = in.slots[seat.slot];
      std::string tour = seat.tour >= 0 ? in.tours[static_cast<std::size_t>(seat.tour)].tour->id : "";
      int p = a.person[k];
      r.reasons.push_back({s.id, tour, seat.role, data.people[static_cast<std::size_t>(p)].id, explain(in, seat, p, a.person, days_data)});
      if (!options.keep_teams.empty() && (seat.kept_id.empty() || seat.kept != p)) {
        Change ch;
        ch.team = s.id;
        ch.tour = tour;
        ch.role = seat.role;
        ch.before = seat.kept_id;
        ch.after = data.people[static_cast<std::size_t>(p)].id;
        ch.why = r.reasons.back().text;
        r.changes.push_back(std::move(ch));
      }
    }
  }
  return r;
}

}  // namespace xuncha::staff
