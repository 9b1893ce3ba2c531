// The late-acceptance local search: relocations, swaps, round-year changes and round-year swaps.
#include "solver.hpp"

#include <algorithm>
#include <array>

namespace xuncha::schedule::detail {

void Solver::search() {
  long long n = size_of(items_);
  if (n == 0) return;
  long long iters = opt_.iterations >= 0 ? opt_.iterations : std::clamp(600 * n, 20000LL, 800000LL);
  std::uint64_t rng = opt_.seed * 0x2545F4914F6CDD1DULL + 17;
  auto rnd = [&](int bound) { return static_cast<int>(splitmix(rng) % static_cast<std::uint64_t>(bound)); };
  Key cur = key();
  Key best = cur;
  std::vector<int> best_slot_of(items_.size());
  std::vector<int> best_pattern(regions_.size());
  auto save = [&] {
    for (std::size_t i = 0; i < items_.size(); ++i) best_slot_of[i] = items_[i].slot;
    for (std::size_t i = 0; i < regions_.size(); ++i) best_pattern[i] = regions_[i].pattern;
  };
  save();
  constexpr int history = 64;
  std::array<Key, history> hist;
  hist.fill(cur);
  std::vector<int> touched, flexible;
  for (int ri = 0; ri < size_of(regions_); ++ri)
    if (size_of(at(regions_, ri).patterns) > 1) flexible.push_back(ri);
  // Moves region ri to pattern p (a free period in each new round); false, untouched, when one is full.
  int p_old = -1;
  auto change_pattern = [&](int ri, int p, std::vector<std::pair<int, int>>& log, std::vector<int>& hit) {
    auto& r = at(regions_, ri);
    const auto& pat = at(r.patterns, p);
    std::vector<int> target(pat.size(), -1);
    for (int i = 0; i < size_of(pat); ++i) {
      int k = at(pat, i);
      int it = at(r.items, i);
      if (at(items_, it).round == k) {
        target[static_cast<std::size_t>(i)] = at(items_, it).slot;
        continue;
      }
      const auto& cands = at(slots_of_round_, k);
      if (cands.empty()) return false;
      int start = rnd(size_of(cands));
      int found = -1;
      if (rnd(2)) {
        // Half the time the earliest start the round still offers (the risk term's choice).
        long long early = LLONG_MAX;
        for (int sl : cands) {
          const auto& ts = at(slots_, sl);
          long long day = (ts.first - Date{}).count() + ts.used;
          if (day < early && fits(sl, ri)) early = day, found = sl;
        }
      }
      for (int c = 0; c < size_of(cands) && found < 0; ++c) {
        int sl = at(cands, (start + c) % size_of(cands));
        if (fits(sl, ri)) found = sl;
      }
      if (found < 0) return false;
      target[static_cast<std::size_t>(i)] = found;
    }
    // Items are ordered like the pattern's rounds; two targets in one slot cannot happen. Items
    // past the new pattern's length leave; items it adds are logged as coming from nowhere (-1).
    for (int i = 0; i < size_of(r.items); ++i) {
      int it = at(r.items, i);
      int from = at(items_, it).slot;
      if (from < 0 || (i < size_of(pat) && from == target[static_cast<std::size_t>(i)])) continue;
      log.emplace_back(it, from);
      remove_item(it, hit);
    }
    for (int i = 0; i < size_of(pat); ++i) {
      int it = at(r.items, i);
      if (at(items_, it).slot >= 0) continue;
      if (std::find_if(log.begin(), log.end(), [&](const auto& e) { return e.first == it; }) == log.end())
        log.emplace_back(it, -1);
      add_item(it, target[static_cast<std::size_t>(i)], hit);
    }
    p_old = r.pattern;
    r.pattern = p;
    return true;
  };
  // Exchanges the team slots of items a (da days) and b (db days) when each fits in the other's
  // slot once it has left; the old slots go to the undo log. False (nothing changed) otherwise.
  auto exchange = [&](std::vector<std::pair<int, int>>& undo, int a, int da, int b, int db) {
    int sa = at(items_, a).slot, sb = at(items_, b).slot;
    (void)da;
    (void)db;
    if (!fits(sa, at(items_, b).region, a) || !fits(sb, at(items_, a).region, b)) return false;
    undo.emplace_back(a, sa);
    undo.emplace_back(b, sb);
    remove_item(a, touched);
    remove_item(b, touched);
    add_item(a, sb, touched);
    add_item(b, sa, touched);
    return true;
  };
  long long done = 0;
  for (; done < iters; ++done) {
    touched.clear();
    int kind = rnd(12);
    // Undo log: (item, old slot) in order of change.
    std::vector<std::pair<int, int>> undo;
    int old_pattern = -1, pattern_region = -1, old_pattern2 = -1, pattern_region2 = -1;
    if (kind < 6) {
      // Relocate one tour to another team slot of its round.
      int it = rnd(static_cast<int>(n));
      auto& item = at(items_, it);
      if (item.slot < 0) continue;
      const auto& cands = at(slots_of_round_, item.round);
      if (cands.empty()) continue;
      int s = at(cands, rnd(size_of(cands)));
      if (kind == 0) {
        // One relocation in six goes to the earliest start the round still offers.
        long long early = LLONG_MAX;
        for (int c : cands) {
          const auto& tc = at(slots_, c);
          long long day = (tc.first - Date{}).count() + tc.used;
          if (c != item.slot && day < early && fits(c, item.region)) early = day, s = c;
        }
      }
      if (s == item.slot || !fits(s, item.region)) continue;
      undo.emplace_back(it, item.slot);
      remove_item(it, touched);
      add_item(it, s, touched);
    } else if (kind < 9) {
      // Swap two tours of the same round.
      int a = rnd(static_cast<int>(n));
      const auto& ia = at(items_, a);
      if (ia.slot < 0) continue;
      const auto& cands = at(slots_of_round_, ia.round);
      if (cands.empty()) continue;
      const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
      if (other.items.empty()) continue;
      int b = at(other.items, rnd(size_of(other.items)));
      const auto& ib = at(items_, b);
      if (ia.slot == ib.slot) continue;
      if (!exchange(undo, a, at(regions_, ia.region).days, b, at(regions_, ib.region).days)) continue;
    } else if (kind == 10) {
      // Swap the round years of two one-tour regions: the round loads stay, the months change
      // (a relocation alone would raise the fuller round's load first).
      if (flexible.empty()) continue;
      int ra = at(flexible, rnd(size_of(flexible)));
      auto& A = at(regions_, ra);
      if (tours_of(A) != 1) continue;
      int a = A.items.front();
      int pa = rnd(size_of(A.patterns));
      if (pa == A.pattern || at(A.patterns, pa).size() != 1) continue;
      int k2 = at(A.patterns, pa).front();
      const auto& cands = at(slots_of_round_, k2);
      if (cands.empty()) continue;
      const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
      if (other.items.empty()) continue;
      int b = at(other.items, rnd(size_of(other.items)));
      int rb = at(items_, b).region;
      auto& B = at(regions_, rb);
      if (tours_of(B) != 1) continue;
      int k1 = at(items_, a).round;
      int pb = -1;
      for (int p = 0; p < size_of(B.patterns); ++p)
        if (at(B.patterns, p).size() == 1 && at(B.patterns, p).front() == k1) pb = p;
      if (pb < 0) continue;
      if (!exchange(undo, a, A.days, b, B.days)) continue;
      old_pattern = A.pattern;
      pattern_region = ra;
      old_pattern2 = B.pattern;
      pattern_region2 = rb;
      A.pattern = pa;
      B.pattern = pb;
    } else {
      // Move a region to another set of round years; one time in two, two regions at once (the
      // largest round load drops only when both full rounds lose work, and a single move that
      // empties one of them is no better).
      if (flexible.empty()) continue;
      int ri = at(flexible, rnd(size_of(flexible)));
      int p = rnd(size_of(at(regions_, ri).patterns));
      if (p == at(regions_, ri).pattern || !change_pattern(ri, p, undo, touched)) continue;
      old_pattern = p_old;
      pattern_region = ri;
      if (kind == 11) {
        // The second region comes from the now fullest round.
        int full = 0;
        for (int k = 1; k < K_; ++k)
          if (at(round_load_, k) > at(round_load_, full)) full = k;
        // (A round can hold only pinned tours, with no period left to plan in: nobody to move.)
        const auto& cands = at(slots_of_round_, full);
        int rj = ri;
        if (!cands.empty()) {
          const auto& other = at(slots_, at(cands, rnd(size_of(cands))));
          if (!other.items.empty()) rj = at(items_, at(other.items, rnd(size_of(other.items)))).region;
        }
        int q = rnd(size_of(at(regions_, rj).patterns));
        if (rj != ri && q != at(regions_, rj).pattern && change_pattern(rj, q, undo, touched)) {
          old_pattern2 = p_old;
          pattern_region2 = rj;
        }
      }
    }
    refresh_regions(touched);
    Key next = key();
    auto& h = hist[static_cast<std::size_t>(done % history)];
    if (next <= cur || next < h) {
      cur = next;
      if (cur < best) {
        best = cur;
        save();
      }
    } else {
      touched.clear();
      for (auto u = undo.rbegin(); u != undo.rend(); ++u)
        if (at(items_, u->first).slot >= 0) remove_item(u->first, touched);
      for (auto u = undo.rbegin(); u != undo.rend(); ++u)
        if (u->second >= 0) add_item(u->first, u->second, touched);
      if (pattern_region >= 0) at(regions_, pattern_region).pattern = old_pattern;
      if (pattern_region2 >= 0) at(regions_, pattern_region2).pattern = old_pattern2;
      refresh_regions(touched);
    }
    if (cur < h) h = cur;
  }
  res_.iterations = done;
  // Back to the best solution seen.
  touched.clear();
  for (int it = 0; it < size_of(items_); ++it)
    if (at(items_, it).slot >= 0) remove_item(it, touched);
  for (int it = 0; it < size_of(items_); ++it)
    if (at(best_slot_of, it) >= 0) add_item(it, at(best_slot_of, it), touched);
  for (int ri = 0; ri < size_of(regions_); ++ri) at(regions_, ri).pattern = at(best_pattern, ri);
  refresh_regions(touched);
  swap_patterns();
  trade_patterns();
  level_teams();
  polish();
}

}  // namespace xuncha::schedule::detail
