#include <xuncha/ledger/ledger.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace xuncha::ledger {

ProblemRow assess(const Problem& p, const Dataset& data, const Calendar& cal, Date as_of) {
  ProblemRow r;
  r.problem = &p;
  r.tour = data.tour(p.tour);
  const auto& lp = data.policy.ledger;
  r.extended = p.due_in_force() != p.due;
  if (p.mode == FixMode::ongoing) {
    // Not overdue while its stage targets hold: only a stage past due and unmet makes it late.
    // A recorded 基本完成 (basically done) says the stage targets due so far are met.
    bool stated = p.state == ProblemState::basically_done;
    r.stage_met = true;
    for (const auto& s : p.stages) {
      bool missed = s.met ? *s.met > s.due : (s.due < as_of && !stated);
      if (!s.met && !r.due && !(stated && s.due < as_of)) r.due = s.due;
      if (missed) r.stage_met = false;
      if (!s.met && s.due < as_of && !is_done(p) && !stated) {
        int late = lp.overdue_in_workdays ? cal.workdays_between(s.due, as_of) : static_cast<int>((as_of - s.due).count());
        if (late > lp.overdue_grace) {
          r.overdue = true;
          r.late_by = std::max(r.late_by, late);
        }
      }
    }
    return r;
  }
  r.due = p.due_in_force();
  if (!r.due || is_done(p) || !(*r.due < as_of)) return r;
  int late = lp.overdue_in_workdays ? cal.workdays_between(*r.due, as_of) : static_cast<int>((as_of - *r.due).count());
  if (late > lp.overdue_grace) {
    r.overdue = true;
    r.late_by = late;
  }
  return r;
}

std::vector<ProblemRow> assess_all(const Dataset& data, const Calendar& cal, Date as_of) {
  std::vector<ProblemRow> rows;
  rows.reserve(data.ledger.problems.size());
  for (const auto& p : data.ledger.problems) rows.push_back(assess(p, data, cal, as_of));
  std::sort(rows.begin(), rows.end(), [](const ProblemRow& a, const ProblemRow& b) {
    if (a.overdue != b.overdue) return a.overdue;
    if (a.due != b.due) return a.due && (!b.due || *a.due < *b.due);
    return a.problem->id < b.problem->id;
  });
  return rows;
}

std::string group_key(const Problem& p, By by) {
  switch (by) {
    case By::region: return p.region;
    case By::tour: return p.tour;
    case By::unit: return p.unit.empty() ? "-" : p.unit;
    case By::grade: return std::string(gravity_names[static_cast<std::size_t>(p.gravity)]);
  }
  return p.region;
}

std::vector<Summary> summarise(const std::vector<ProblemRow>& rows, By by) {
  std::map<std::string, Summary> groups;
  Summary total;
  auto add = [](Summary& s, const ProblemRow& r) {
    ++s.problems;
    s.done += is_done(*r.problem);
    s.closed += r.problem->state == ProblemState::closed;
    s.overdue += r.overdue;
    s.basically_done += !is_done(*r.problem) && ((r.problem->mode == FixMode::ongoing && r.stage_met) ||
                                                 r.problem->state == ProblemState::basically_done);
  };
  for (const auto& r : rows) {
    const Problem& p = *r.problem;
    std::string key = group_key(p, by);
    auto& s = groups[key];
    s.key = key;
    add(s, r);
    add(total, r);
  }
  std::vector<Summary> out;
  out.reserve(groups.size() + 1);
  for (auto& [k, s] : groups) out.push_back(std::move(s));
  out.push_back(total);
  return out;
}

std::optional<Date> plan_due(const Tour& t, const Policy& p, const Calendar& cal) {
  const auto& fb = t.at(Milestone::feedback);
  if (!fb) return std::nullopt;
  return cal.add_workdays(*fb, p.rectification_plan_workdays);
}

std::optional<Date> results_due(const Tour& t, const Policy& p, const Calendar& cal) {
  if (const auto& done = t.at(Milestone::rectification_results)) return done;
  const auto& fb = t.at(Milestone::feedback);
  if (!fb) return std::nullopt;
  return cal.add_months(*fb, p.rectification_results_months, p.roll_forward_to_workday);
}

std::optional<Date> lead_feedback_due(const Lead& l, const Policy& p, const Calendar& cal) {
  if (!l.transferred) return std::nullopt;
  return cal.add_months(*l.transferred, p.ledger.lead_feedback_months, p.roll_forward_to_workday);
}

std::optional<Date> step_base(const Dataset& data, std::optional<Date> found, const std::string& tour) {
  const Tour* t = data.tour(tour);
  if (!t) return found;
  const auto& fb = t->at(Milestone::feedback);
  if (!fb) return std::nullopt;
  return found && *fb < *found ? found : fb;
}

std::optional<Date> hazard_listing_due(const Hazard& h, const Dataset& data, const Calendar& cal) {
  if (!data.policy.ledger.must_list(h.grade)) return std::nullopt;
  auto base = step_base(data, h.found, h.tour);
  if (!base) return std::nullopt;
  return cal.add_workdays(*base, data.policy.ledger.hazard_listing_workdays);
}

std::optional<Date> lead_transfer_due(const Lead& l, const Dataset& data, const Calendar& cal) {
  auto base = step_base(data, l.found, l.tour);
  if (!base) return std::nullopt;
  return cal.add_workdays(*base, data.policy.ledger.lead_transfer_workdays);
}

std::unordered_map<const Problem*, const Problem*> repeats(const Dataset& data) {
  std::unordered_map<const Problem*, const Problem*> out;
  // (region, category, unit) → problems, in tour order.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::vector<const Problem*>> groups;
  for (const auto& p : data.ledger.problems)
    if (!p.category.empty() && !p.unit.empty()) groups[{p.region, p.category, p.unit}].push_back(&p);
  auto start = [&](const Problem* p) {
    const Tour* t = data.tour(p->tour);
    return t && t->start ? *t->start : p->found;
  };
  for (auto& [key, ps] : groups) {
    std::stable_sort(ps.begin(), ps.end(), [&](const Problem* a, const Problem* b) {
      return std::make_tuple(start(a), a->id) < std::make_tuple(start(b), b->id);
    });
    for (std::size_t i = 1; i < ps.size(); ++i) {
      // The nearest problem of an earlier tour (the same tour's problems are not repeats).
      for (std::size_t j = i; j-- > 0;) {
        if (ps[j]->tour != ps[i]->tour && start(ps[j]) < start(ps[i])) {
          const Problem* earlier = ps[j];
          // Of that tour, the lowest id.
          for (std::size_t k = j; k-- > 0 && ps[k]->tour == earlier->tour;) earlier = ps[k];
          out[ps[i]] = earlier;
          break;
        }
      }
    }
  }
  for (const auto& p : data.ledger.problems)
    if (!p.relapse_of.empty() && !out.count(&p)) {
      auto it = data.problem_index.find(p.relapse_of);
      if (it != data.problem_index.end()) out[&p] = &data.ledger.problems[it->second];
    }
  return out;
}

Date report_verify_due(const PublicReport& r, const Policy& p, const Calendar& cal) {
  return cal.add_workdays(r.received, p.ledger.report_verify_workdays);
}

std::optional<Date> report_answer_due(const PublicReport& r, const Policy& p, const Calendar& cal) {
  if (!r.verified) return std::nullopt;
  return cal.add_workdays(*r.verified, p.ledger.report_answer_workdays);
}

std::vector<LookbackDue> lookbacks_due(const Dataset& data, const Calendar& cal, Date as_of) {
  // Per tour: major problems and overdue problems (one pass over the problems).
  struct Counts {
    int major = 0, overdue = 0;
  };
  std::unordered_map<std::string_view, Counts> by_tour;
  for (const auto& p : data.ledger.problems) {
    auto& c = by_tour[p.tour];
    c.major += p.gravity == Gravity::major;
    c.overdue += assess(p, data, cal, as_of).overdue;
  }
  std::unordered_map<std::string_view, std::vector<const Lookback*>> by_region;
  for (const auto& lb : data.ledger.lookbacks) by_region[lb.region].push_back(&lb);

  std::vector<LookbackDue> out;
  for (const auto& t : data.tours) {
    if (t.planned || t.body != Body::province) continue;
    const auto& fb = t.at(Milestone::feedback);
    if (!fb) continue;
    auto it = by_tour.find(t.id);
    Counts c = it == by_tour.end() ? Counts{} : it->second;
    if (!t.serious && c.major + c.overdue < std::max(1, data.policy.ledger.lookback_threshold)) continue;
    LookbackDue d;
    d.tour = &t;
    std::string zh, en;
    if (t.serious) {
      zh = "问题突出";
      en = "serious problems";
    }
    if (c.major) {
      zh += fmt::format("{}重大问题 {} 个", zh.empty() ? "" : "；", c.major);
      en += fmt::format("{}{} major problem{}", en.empty() ? "" : "; ", c.major, c.major == 1 ? "" : "s");
    }
    if (c.overdue) {
      zh += fmt::format("{}逾期问题 {} 个", zh.empty() ? "" : "；", c.overdue);
      en += fmt::format("{}{} overdue problem{}", en.empty() ? "" : "; ", c.overdue, c.overdue == 1 ? "" : "s");
    }
    d.reason = {zh, en};
    d.from = *results_due(t, data.policy, cal) + date::days{1};
    d.to = cal.add_months(*fb, data.policy.look_back_months, data.policy.roll_forward_to_workday);
    if (d.to < d.from) d.to = d.from;
    // A look-back counts when held within the window (by d.to); one held later is late, and
    // one with no date cannot be judged, so it counts (R501 names only what is known).
    auto held = [&](std::optional<Date> when) {
      if (!when || !(d.to < *when)) d.recorded = true;
      else if (!d.late || *when < *d.late) d.late = when;
    };
    if (const auto& m = t.at(Milestone::look_back)) held(m);
    if (auto r = by_region.find(t.region); r != by_region.end()) {
      for (const auto* lb : r->second) {
        auto when = lb->start ? lb->start : lb->decided;
        if (lb->tour == t.id || (lb->tour.empty() && when && *fb < *when)) held(when);
      }
    }
    if (d.recorded) d.late.reset();
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const LookbackDue& a, const LookbackDue& b) {
    if (a.to != b.to) return a.to < b.to;
    return a.tour->id < b.tour->id;
  });
  return out;
}

}  // namespace xuncha::ledger

namespace xuncha::ledger {

std::vector<Proposal> propose_lookbacks(const Dataset& data, const Calendar& cal, Date as_of) {
  const auto& pol = data.policy;
  int days = std::max(1, pol.ledger.lookback_days);
  auto free_day = [&](Date d) {
    if (cal.kind(d) == Calendar::DayKind::holiday) return false;
    for (const auto& b : pol.blackouts)
      if (!(d < b.from) && !(b.to < d)) return false;
    return true;
  };
  std::vector<Proposal> out;
  for (auto& d : lookbacks_due(data, cal, as_of)) {
    if (d.recorded || d.late) continue;  // (a late one was held: not proposed again)
    Proposal p;
    p.late = d.to < as_of;
    Date first = std::max(d.from, as_of + date::days{1});
    // Within the supported range: a block of `days` free days starting on a working day.
    for (Date s = cal.next_workday(first); year_of(s) <= max_year - 1; s = cal.next_workday(s + date::days{1})) {
      bool ok = true;
      for (int i = 0; i < days && ok; ++i) ok = free_day(s + date::days{i});
      if (ok) {
        p.start = s;
        p.end = s + date::days{days - 1};
        break;
      }
    }
    p.due = std::move(d);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace xuncha::ledger
