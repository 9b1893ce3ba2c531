#include <xuncha/deadlines/deadlines.hpp>

#include <algorithm>

namespace xuncha::deadlines {

const std::vector<Milestone>& deadline_steps() {
  static const std::vector<Milestone> steps(deadline_step_list.begin(), deadline_step_list.end());
  return steps;
}

std::optional<Date> effective_end(const Tour& t, const Dataset& data) {
  if (t.end) return t.end;
  if (!t.start) return std::nullopt;
  const Region* r = data.region(t.region);
  if (!r) return std::nullopt;
  int days = days_allowed(*r, data.policy) + (t.extension ? t.extension->days : 0);
  return *t.start + date::days{days - 1};
}

namespace {

struct Due {
  std::optional<Date> date;   // nullopt: waiting for the clock to start
  std::optional<Date> clock;  // the event that started the clock (for coverage checks)
  bool applicable = true;
};

Due due_of(const Tour& t, Milestone step, const std::optional<Date>& end, const Dataset& data,
           const Calendar& cal) {
  const Policy& p = data.policy;
  auto feedback = t.at(Milestone::feedback);
  switch (step) {
    case Milestone::notified:
    case Milestone::trained:
    case Milestone::work_plan_approved:
    case Milestone::published:
      if (!t.start) return {};
      // "Before the tour starts": the day before, or a lead time in working days.
      if (p.preparation_lead_workdays > 0) return {cal.add_workdays(*t.start, -p.preparation_lead_workdays), t.start};
      return {*t.start - date::days{1}, t.start};
    case Milestone::entry_announced:
      return {t.start, t.start};
    case Milestone::report_submitted: {
      if (!end) return {};
      return {cal.add_workdays(*end, p.report_workdays), end};
    }
    case Milestone::archived: {
      if (!end) return {};
      int n = p.archive_with_report ? p.report_workdays : p.archive_workdays;
      return {cal.add_workdays(*end, n), end};
    }
    case Milestone::rectification_plan:
      if (!feedback) return {};
      return {cal.add_workdays(*feedback, p.rectification_plan_workdays), feedback};
    case Milestone::rectification_results:
      if (!feedback) return {};
      return {cal.add_months(*feedback, p.rectification_results_months, p.roll_forward_to_workday), feedback};
    case Milestone::look_back:
      if (!t.serious) return {std::nullopt, std::nullopt, false};
      if (!feedback) return {};
      return {cal.add_months(*feedback, p.look_back_months, p.roll_forward_to_workday), feedback};
    default:
      return {std::nullopt, std::nullopt, false};
  }
}

}  // namespace

std::vector<Row> compute(const Dataset& data, const Calendar& cal, Date as_of, int within) {
  std::vector<Row> rows;
  rows.reserve(data.tours.size() * deadline_steps().size());
  for (const auto& t : data.tours) {
    if (t.body != Body::province) continue;
    auto end = effective_end(t, data);
    for (auto step : deadline_steps()) {
      if (data.policy.untracked_steps >> static_cast<unsigned>(step) & 1u) continue;  // not recorded: no row
      Row row;
      row.tour = &t;
      row.step = step;
      row.done = t.at(step);
      auto due = due_of(t, step, end, data, cal);
      row.due = due.date;
      // A clock that starts after --as-of (the report and the archive while the tour is still on
      // site) has not started: the step waits, with its projected due date. The preparation steps
      // count back from the start, so they are due before it whatever the date.
      bool counts_back = step == Milestone::notified || step == Milestone::trained ||
                         step == Milestone::work_plan_approved || step == Milestone::published ||
                         step == Milestone::entry_announced;
      bool not_started = !row.done && due.clock && as_of < *due.clock && !counts_back;
      if (!due.applicable) {
        row.status = Status::not_applicable;
      } else if (!due.date || not_started) {
        row.status = Status::waiting;
      } else {
        Date d = *due.date;
        row.uncovered_year = cal.first_uncovered(due.clock.value_or(d), std::max(d, row.done.value_or(d)));
        if (row.done) {
          if (*row.done <= d) {
            row.status = Status::done_on_time;
          } else {
            row.status = Status::done_late;
            row.by = std::max(1, cal.workdays_between(d, *row.done));
          }
        } else if (d < as_of) {
          row.status = Status::overdue;
          row.by = std::max(1, cal.workdays_between(d, as_of));
          if (!row.uncovered_year) row.uncovered_year = cal.first_uncovered(d, as_of);
        } else {
          row.by = cal.workdays_between(as_of, d);
          row.status = row.by <= within ? Status::due_soon : Status::pending;
          if (!row.uncovered_year) row.uncovered_year = cal.first_uncovered(as_of, d);
        }
      }
      rows.push_back(row);
    }
  }
  return rows;
}

void sort_for_reading(std::vector<Row>& rows) {
  // (tour id, step) is unique, so the order is total and an unstable sort is deterministic.
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.status != b.status) return a.status < b.status;
    auto da = a.due.value_or(Date{}), db = b.due.value_or(Date{});
    if (da != db) return da < db;
    if (a.tour != b.tour) {
      int c = a.tour->id.compare(b.tour->id);
      if (c != 0) return c < 0;
    }
    return a.step < b.step;
  });
}

}  // namespace xuncha::deadlines
