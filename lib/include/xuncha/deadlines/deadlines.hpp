#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::deadlines {

/// Where a step stands on the as-of date.
enum class Status : std::uint8_t {
  overdue,         ///< not done and past its due date
  due_soon,        ///< not done, due within the --within window
  pending,         ///< not done, due later
  done_late,       ///< done after its due date
  done_on_time,    ///< done on or before its due date
  waiting,         ///< the event that starts its clock has not happened
  not_applicable,  ///< the step does not apply (look-back of a tour that is not serious)
};
inline constexpr std::array<std::string_view, 7> status_names{
    "overdue", "due_soon", "pending", "done_late", "done_on_time", "waiting", "not_applicable"};
inline constexpr std::array<std::string_view, 7> status_zh{"逾期", "即将到期", "未到期", "逾期完成",
                                                           "按期完成", "等待前序", "不适用"};

/// One procedure step of one tour with its due date and status.
struct Row {
  const Tour* tour = nullptr;
  Milestone step = Milestone::report_submitted;
  std::optional<Date> due;
  std::optional<Date> done;
  Status status = Status::waiting;
  int by = 0;  ///< working days late or overdue, or working days left when due soon / pending
  std::optional<int> uncovered_year;  ///< the computation touched a year the calendar lacks
};

/// The steps that carry a deadline, in procedure order.
inline constexpr std::array<Milestone, 10> deadline_step_list{
    Milestone::notified,          Milestone::trained,          Milestone::work_plan_approved,
    Milestone::published,         Milestone::entry_announced,  Milestone::report_submitted,
    Milestone::archived,          Milestone::rectification_plan, Milestone::rectification_results,
    Milestone::look_back};
const std::vector<Milestone>& deadline_steps();

/// The end of the time on site: the recorded end, else the start plus the allowed days and
/// any approved extension.
std::optional<Date> effective_end(const Tour& t, const Dataset& data);

/// Computes every deadline step of every provincial tour as of `as_of`.
/// `within`: working days ahead that count as "due soon".
std::vector<Row> compute(const Dataset& data, const Calendar& cal, Date as_of, int within);

/// Sort order for reading: overdue first, then due soon, pending, late, on time, waiting, n/a;
/// then by due date, tour id and step.
void sort_for_reading(std::vector<Row>& rows);

}  // namespace xuncha::deadlines
