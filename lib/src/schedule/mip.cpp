// The slot MIP of SCHEDULING.md in CPLEX LP format (benchmarks: compare with an exact solver).
// It dates tours back to back by their days and does not model the policy's tour_start_day nor the
// regions' seasons (months, blocked periods): with either it is a relaxation, its optimum a lower bound of the
// schedules.
#include "solver.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <map>
#include <tuple>

namespace xuncha::schedule::detail {
namespace {

// The pieces of CPLEX LP text both writers below are made of.
void term(std::string& out, long long c, const std::string& v) {
  if (c == 0) return;
  out += fmt::format(" {} {} {}", c < 0 ? "-" : "+", c < 0 ? -c : c, v);
  if (out.size() - out.rfind('\n') > 200) out += "\n ";
}

// A sum of terms with every sign flipped (to move it to the other side of a row).
std::string negated(std::string sum) {
  for (char& c : sum) c = c == '+' ? '-' : (c == '-' ? '+' : c);
  return sum;
}

struct Rows {
  std::string text;
  int count = 0;
  void add(const std::string& lhs, const std::string& sense, long long rhs) {
    text += fmt::format(" c{}:{} {} {}\n", count++, lhs, sense, rhs);
  }
};

}  // namespace

std::string Solver::mip(std::string& error) {
  if (!build()) {
    error = res_.problems.empty() ? "no schedule" : res_.problems.front().text.en;
    return {};
  }
  if (!opt_.keep.empty()) {
    error = "--keep is not modelled by the MIP writer";
    return {};
  }
  for (const auto& r : regions_)
    if (r.fixed_first_month != INT_MAX && !r.patterns.front().empty()) {
      error = "a region with both a pinned and a planned tour in the horizon is not modelled by the MIP writer";
      return {};
    }
  const auto& w = pol_.weights;
  // Sequence inside a (slot, team): higher risk first, then shorter, then data order (resequence).
  std::vector<int> rank(regions_.size());
  {
    std::vector<int> ord(regions_.size());
    std::iota(ord.begin(), ord.end(), 0);
    std::sort(ord.begin(), ord.end(), [&](int a, int b) {
      const auto& ra = at(regions_, a);
      const auto& rb = at(regions_, b);
      return std::tuple(-ra.risk, ra.days, ra.data_index) < std::tuple(-rb.risk, rb.days, rb.data_index);
    });
    for (int i = 0; i < size_of(ord); ++i) at(rank, at(ord, i)) = i;
  }
  std::string obj, bins, gens;
  Rows rows;
  auto y = [](int r, int s) { return fmt::format("y{}_{}", r, s); };
  // Which rounds a region may use; its planned tours are the items of one pattern.
  long long constant = w.tour_days * pinned_days_;
  std::vector<std::string> round_sum(static_cast<std::size_t>(K_)), team_sum(static_cast<std::size_t>(K_ * T_));
  std::vector<std::string> slot_sum(slots_.size());
  for (int ri = 0; ri < size_of(regions_); ++ri) {
    const auto& r = at(regions_, ri);
    int need = size_of(r.patterns.front());
    if (need == 0) continue;
    constant += static_cast<long long>(w.tour_days) * r.days * need;
    std::string one;
    std::set<int> rounds;
    for (int p = 0; p < size_of(r.patterns); ++p) {
      term(one, 1, fmt::format("x{}_{}", ri, p));
      bins += fmt::format(" x{}_{}\n", ri, p);
      for (int k : at(r.patterns, p)) rounds.insert(k);
    }
    rows.add(one, "=", 1);
    for (int k : rounds) {
      std::string link;
      for (int s : at(slots_of_round_, k)) {
        if (at(slots_, s).cap < r.days) continue;
        term(link, 1, y(ri, s));
        bins += " " + y(ri, s) + "\n";
        term(at(slot_sum, s), r.days, y(ri, s));
        term(at(round_sum, k), r.days, y(ri, s));
        term(at(team_sum, k * T_ + at(slots_, s).team), r.days, y(ri, s));
        term(obj, -static_cast<long long>(w.team_balance) * r.days, y(ri, s));
      }
      for (int p = 0; p < size_of(r.patterns); ++p)
        if (std::find(at(r.patterns, p).begin(), at(r.patterns, p).end(), k) != at(r.patterns, p).end())
          term(link, -1, fmt::format("x{}_{}", ri, p));
      rows.add(link, "=", 0);
      // Risk: the month of the first tour's start, which lies in the pattern's first round.
      std::string front;
      for (int p = 0; p < size_of(r.patterns); ++p)
        if (at(r.patterns, p).front() == k) term(front, 1, fmt::format("x{}_{}", ri, p));
      if (front.empty()) continue;
      for (int s : at(slots_of_round_, k)) {
        const auto& ts = at(slots_, s);
        if (ts.cap < r.days) continue;
        std::string v = fmt::format("v{}_{}", ri, s);
        bins += " " + v + "\n";
        rows.add(fmt::format(" + 1 {} - 1 {}{}", v, y(ri, s), [&] {
                  std::string neg;
                  for (int p = 0; p < size_of(r.patterns); ++p)
                    if (at(r.patterns, p).front() == k) term(neg, -1, fmt::format("x{}_{}", ri, p));
                  return neg;
                }()),
                ">=", -1);
        long long wr = static_cast<long long>(w.risk) * r.risk;
        term(obj, wr * month_index(ts.first), v);
        // One more month for every first-of-month the start (offset = days of the earlier items) reaches.
        std::string offset;
        for (int rj = 0; rj < size_of(regions_); ++rj) {
          const auto& o = at(regions_, rj);
          if (rj == ri || at(rank, rj) > at(rank, ri) || o.patterns.front().empty() || o.days > ts.cap) continue;
          bool can = false;
          for (const auto& pat : o.patterns) can = can || std::find(pat.begin(), pat.end(), k) != pat.end();
          if (can) term(offset, o.days, y(rj, s));
        }
        if (offset.empty()) continue;
        for (int off = 1; off <= ts.cap - r.days; ++off) {
          Date d = ts.first + date::days{off};
          if (static_cast<unsigned>(date::year_month_day{d}.day()) != 1) continue;
          std::string z = fmt::format("z{}_{}_{}", ri, s, off);
          bins += " " + z + "\n";
          term(obj, wr, z);
          // offset >= off and v = 1  =>  z = 1:   offset + cap·v − cap·z <= off − 1 + cap
          rows.add(offset + fmt::format(" + {} {} - {} {}", ts.cap, v, ts.cap, z), "<=", off - 1 + ts.cap);
        }
      }
    }
  }
  for (int s = 0; s < size_of(slots_); ++s)
    if (!at(slot_sum, s).empty()) rows.add(at(slot_sum, s), "<=", at(slots_, s).cap);
  term(obj, w.round_load, "Lmax");
  long long pinned_rounds = 0;
  for (int k = 0; k < K_; ++k) {
    pinned_rounds += at(round_load_, k);
    // Lmax >= round load;  M_k >= every team's load;  team balance = Σ_k (T·M_k − round load).
    rows.add(" + 1 Lmax" + negated(at(round_sum, k)), ">=", at(round_load_, k));
    term(obj, static_cast<long long>(w.team_balance) * teams_of(k), fmt::format("M{}", k));
    for (int j = 0; j < teams_of(k); ++j) {
      rows.add(fmt::format(" + 1 M{}", k) + negated(at(team_sum, k * T_ + j)), ">=", at(team_load_, k * T_ + j));
    }
    // Symmetry: when the round's teams have the same periods and no pinned load, they are
    // interchangeable; number them by decreasing load.
    bool same = true;
    std::vector<std::vector<std::pair<long long, int>>> periods(static_cast<std::size_t>(teams_of(k)));
    for (int s : at(slots_of_round_, k))
      at(periods, at(slots_, s).team).emplace_back((at(slots_, s).first - Date{}).count(), at(slots_, s).cap);
    for (int j = 0; j < teams_of(k); ++j) same = same && at(periods, j) == at(periods, 0) && at(team_load_, k * T_ + j) == 0;
    for (int j = 0; same && j + 1 < teams_of(k); ++j) {
      if (!at(team_sum, k * T_ + j).empty()) rows.add(at(team_sum, k * T_ + j) + negated(at(team_sum, k * T_ + j + 1)), ">=", 0);
    }
  }
  constant -= static_cast<long long>(w.team_balance) * pinned_rounds;
  term(obj, constant, "ONE");
  std::string out = fmt::format(
      "\\ xuncha slot MIP (SCHEDULING.md): {} regions, rounds {}, {} teams, {} team slots\n"
      "\\ objective = {}·largest round load + {}·risk months + {}·team balance + {}·tour-days\n"
      "Minimize\n obj:{}\nSubject To\n{}Bounds\n ONE = 1\n",
      regions_.size(), years_text(res_.round_years), T0_, slots_.size(), w.round_load, w.risk, w.team_balance,
      w.tour_days, obj, rows.text);
  out += " Lmax >= 0\n";
  for (int k = 0; k < K_; ++k) out += fmt::format(" M{} >= 0\n", k);
  out += "Binaries\n" + bins + "End\n";
  return out;
}

// The same model for an instance whose planned tours all have one length D (county level):
// a team period of c days is c/D places, dated back to back, and places of one round are
// interchangeable but for their month, so a region's first tour only needs a month of its first
// round with a place left: "first tours started by month m ≤ places starting by month m" per
// round, and every tour of a round needs a place. Team balance: each team of round k does at most
// t_k tours (integer), so the busiest team's load is at least D·t_k ≥ D·(tours of k)/T. Every
// schedule is a solution with the same objective (a tour starts at its period's first day plus D
// days per tour before it: a place); it drops which team holds which place and the order inside a
// period, so its optimum is a lower bound of every schedule.
std::string Solver::place_mip(std::string& error) {
  if (!build()) {
    error = res_.problems.empty() ? "no schedule" : res_.problems.front().text.en;
    return {};
  }
  if (!opt_.keep.empty() || pinned_days_ != 0) {
    error = "pinned or kept tours are not modelled by the place MIP writer";
    return {};
  }
  int D = 0;
  for (const auto& r : regions_) {
    if (r.patterns.front().empty()) continue;
    if (D != 0 && r.days != D) {
      error = "the place MIP needs every planned tour to have the same length";
      return {};
    }
    D = r.days;
  }
  if (D <= 0) {
    error = "nothing to plan: no region needs a planned tour in the horizon";
    return {};
  }
  const auto& w = pol_.weights;
  std::vector<std::map<int, long long>> places(static_cast<std::size_t>(K_));  // round → month → places
  std::vector<long long> total(static_cast<std::size_t>(K_), 0);
  for (const auto& s : slots_)
    for (int i = 0; (i + 1) * D <= s.cap; ++i) {
      ++at(places, s.round)[month_index(s.first + date::days{i * D})];
      ++at(total, s.round);
    }
  std::string obj, bins, gens;
  Rows rows;
  std::vector<std::string> round_sum(static_cast<std::size_t>(K_));
  std::vector<std::map<int, std::string>> month_sum(static_cast<std::size_t>(K_));
  for (int ri = 0; ri < size_of(regions_); ++ri) {
    const auto& r = at(regions_, ri);
    if (r.patterns.front().empty()) continue;
    std::string one;
    std::map<int, std::string> first;  // first round → its patterns' x
    for (int p = 0; p < size_of(r.patterns); ++p) {
      std::string x = fmt::format("x{}_{}", ri, p);
      term(one, 1, x);
      bins += " " + x + "\n";
      // tour-days, less the round loads the team balance subtracts
      term(obj, static_cast<long long>(w.tour_days - w.team_balance) * D * size_of(at(r.patterns, p)), x);
      for (int k : at(r.patterns, p)) term(at(round_sum, k), 1, x);
      term(first[at(r.patterns, p).front()], -1, x);
    }
    rows.add(one, "=", 1);
    for (auto& [k, link] : first) {
      for (const auto& [m, n] : at(places, k)) {
        std::string f = fmt::format("f{}_{}_{}", ri, k, m);
        term(link, 1, f);
        term(at(month_sum, k)[m], 1, f);
        term(obj, static_cast<long long>(w.risk) * r.risk * m, f);
      }
      rows.add(link, "=", 0);
    }
  }
  term(obj, static_cast<long long>(w.round_load) * D, "Lmax");  // Lmax in tours
  for (int k = 0; k < K_; ++k) {
    std::string cum;
    long long cap = 0;
    for (const auto& [m, n] : at(places, k)) {
      cum += at(month_sum, k)[m];
      cap += n;
      if (!cum.empty()) rows.add(cum, "<=", cap);
    }
    if (at(round_sum, k).empty()) continue;
    rows.add(at(round_sum, k), "<=", at(total, k));
    std::string neg = negated(at(round_sum, k));
    rows.add(" + 1 Lmax" + neg, ">=", 0);
    std::string t = fmt::format("t{}", k);
    gens += " " + t + "\n";
    rows.add(fmt::format(" + {} {}", teams_of(k), t) + neg, ">=", 0);
    term(obj, static_cast<long long>(w.team_balance) * D * teams_of(k), t);
  }
  std::string out = fmt::format(
      "\\ xuncha place MIP: {} regions, rounds {}, {} teams, tours of {} days\n"
      "\\ objective = {}·largest round load + {}·risk months + {}·team balance + {}·tour-days (Lmax in tours)\n"
      "Minimize\n obj:{}\nSubject To\n{}Bounds\n",
      regions_.size(), years_text(res_.round_years), T0_, D, w.round_load * D, w.risk, w.team_balance, w.tour_days,
      obj, rows.text);
  out += " Lmax >= 0\n";
  out += "General\n" + gens + "Binaries\n" + bins + "End\n";
  return out;
}

}  // namespace xuncha::schedule::detail
