// The ledger's dated obligations, for `xuncha deadlines` beside the tour steps.
#include <xuncha/ledger/ledger.hpp>

#include <algorithm>

namespace xuncha::ledger {

std::vector<Deadline> deadlines(const Dataset& data, const Calendar& cal, Date as_of, int within) {
  std::vector<Deadline> out;
  const auto& lp = data.policy.ledger;
  // `clock`: where the count to the due date started (a report's receipt), for the calendar check.
  auto add = [&](Item item, const std::string& id, const std::string& tour, const std::string& region, Date due,
                 std::optional<Date> done, bool workdays, std::optional<Date> clock = std::nullopt) {
    Deadline d{item, &id, &tour, &region, due, done, DueStatus::pending, 0, workdays, std::nullopt};
    auto count = [&](Date a, Date b) { return workdays ? cal.workdays_between(a, b) : static_cast<int>((b - a).count()); };
    // Late by no more than the grace is not overdue, as the ledger rules read it (problems and
    // hazards; a report's and a lead's steps have no grace).
    int grace = item == Item::problem || item == Item::stage || item == Item::hazard ? lp.overdue_grace : 0;
    Date ref = done.value_or(as_of);
    if (done) {
      d.status = due < *done ? DueStatus::done_late : DueStatus::done_on_time;
      d.by = due < *done ? count(due, *done) : 0;
    } else if (due < as_of && count(due, as_of) > grace) {
      d.status = DueStatus::overdue;
      d.by = count(due, as_of);
    } else if (due < as_of) {
      d.status = DueStatus::due_soon;  // within the grace: still due, not yet overdue
      d.by = 0;
    } else {
      d.by = count(as_of, due);
      int soon = workdays ? cal.workdays_between(as_of, due) : d.by;
      d.status = soon <= within ? DueStatus::due_soon : DueStatus::pending;
      // A count in calendar days is exact; only "due soon" counts working days, over the window.
      if (!workdays) d.uncovered_year = cal.first_uncovered(as_of, std::min(due, cal.add_workdays(as_of, within)));
    }
    if (workdays) d.uncovered_year = cal.first_uncovered(std::min({due, ref, clock.value_or(due)}), std::max(due, ref));
    out.push_back(d);
  };
  static const std::string none;
  for (const auto& p : data.ledger.problems) {
    if (p.mode == FixMode::ongoing) {
      for (const auto& s : p.stages) add(Item::stage, p.id, p.tour, p.region, s.due, s.met, lp.overdue_in_workdays);
    } else if (auto due = p.due_in_force()) {
      add(Item::problem, p.id, p.tour, p.region, *due, p.completed, lp.overdue_in_workdays);
    }
  }
  for (const auto& h : data.ledger.hazards) {
    // The listing (working days from the feedback); a listing of unknown date is not judged.
    if (auto due = hazard_listing_due(h, data, cal); due && (!h.is_listed() || h.listed_on()))
      add(Item::hazard_listing, h.id, h.tour.empty() ? none : h.tour, h.region, *due, h.listed_on(), true);
    if (auto dl = h.deadline_in_force()) add(Item::hazard, h.id, h.tour.empty() ? none : h.tour, h.region, *dl, h.delisted, lp.overdue_in_workdays);
  }
  for (const auto& l : data.ledger.leads) {
    if (auto due = lead_transfer_due(l, data, cal)) add(Item::lead_transfer, l.id, l.tour, l.region, *due, l.transferred, true);
    if (auto due = lead_feedback_due(l, data.policy, cal)) add(Item::lead_feedback, l.id, l.tour, l.region, *due, l.feedback, false);
  }
  for (const auto& r : data.ledger.reports) {
    add(Item::report_verify, r.id, r.tour, r.region, report_verify_due(r, data.policy, cal), r.verified, true, r.received);
    if (auto ans = report_answer_due(r, data.policy, cal))
      add(Item::report_answer, r.id, r.tour, r.region, *ans, r.answered, true, r.verified);
  }
  std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) {
    if (a.status != b.status) return a.status < b.status;
    if (a.due != b.due) return a.due < b.due;
    if (*a.id != *b.id) return *a.id < *b.id;
    return a.item < b.item;
  });
  return out;
}

}  // namespace xuncha::ledger
