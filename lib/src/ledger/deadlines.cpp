// The ledger's dated obligations, for `xuncha deadlines` beside the tour steps.
#include <xuncha/ledger/ledger.hpp>

#include <algorithm>

namespace xuncha::ledger {

std::vector<Deadline> deadlines(const Dataset& data, const Calendar& cal, Date as_of, int within) {
  std::vector<Deadline> out;
  auto add = [&](Item item, const std::string& id, const std::string& tour, const std::string& region, Date due,
                 std::optional<Date> done) {
    Deadline d{item, &id, &tour, &region, due, done, DueStatus::pending, 0};
    if (done) {
      d.status = due < *done ? DueStatus::done_late : DueStatus::done_on_time;
      d.by = due < *done ? cal.workdays_between(due, *done) : 0;
    } else if (due < as_of) {
      d.status = DueStatus::overdue;
      d.by = cal.workdays_between(due, as_of);
    } else {
      d.by = cal.workdays_between(as_of, due);
      d.status = d.by <= within ? DueStatus::due_soon : DueStatus::pending;
    }
    out.push_back(d);
  };
  static const std::string none;
  for (const auto& p : data.ledger.problems) {
    if (p.mode == FixMode::ongoing) {
      for (const auto& s : p.stages) add(Item::stage, p.id, p.tour, p.region, s.due, s.met);
    } else if (auto due = p.due_in_force()) {
      add(Item::problem, p.id, p.tour, p.region, *due, p.completed);
    }
  }
  for (const auto& h : data.ledger.hazards)
    if (auto dl = h.deadline_in_force()) add(Item::hazard, h.id, h.tour.empty() ? none : h.tour, h.region, *dl, h.delisted);
  for (const auto& l : data.ledger.leads)
    if (auto due = lead_feedback_due(l, data.policy, cal)) add(Item::lead_feedback, l.id, l.tour, l.region, *due, l.feedback);
  for (const auto& r : data.ledger.reports) {
    add(Item::report_verify, r.id, r.tour, r.region, report_verify_due(r, data.policy, cal), r.verified);
    if (auto ans = report_answer_due(r, data.policy, cal)) add(Item::report_answer, r.id, r.tour, r.region, *ans, r.answered);
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
