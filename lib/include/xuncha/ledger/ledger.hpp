#pragma once
// The problem ledger's computations (LEDGER.md): states, overdue, closure rates, look-backs due.
// Layer 4: uses core, model and calendar only.
#include <array>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::ledger {

/// One problem as of a date.
struct ProblemRow {
  const Problem* problem = nullptr;
  const Tour* tour = nullptr;          ///< null when the tour is unknown
  std::optional<Date> due;             ///< in force (extensions applied); ongoing: the first unmet stage due
  bool overdue = false;
  bool extended = false;               ///< an approved extension moved the due date
  bool stage_met = false;              ///< ongoing item whose stage targets so far are met (基本完成)
  int late_by = 0;                     ///< days (or working days, as the policy counts) past due
};

/// Evaluates one problem on `as_of`.
ProblemRow assess(const Problem& p, const Dataset& data, const Calendar& cal, Date as_of);

/// Every problem, overdue first, then by due date and id.
std::vector<ProblemRow> assess_all(const Dataset& data, const Calendar& cal, Date as_of);

/// True when the problem's recorded state is done or closed.
inline bool is_done(const Problem& p) { return p.state == ProblemState::done || p.state == ProblemState::closed; }

/// A summary line: problems, done, closed, overdue, basically done (ongoing with stage met).
struct Summary {
  std::string key;  ///< region, tour, unit or grade
  int problems = 0, done = 0, closed = 0, overdue = 0, basically_done = 0;
  /// Closed ÷ problems, in per mille (0 when there are none).
  int closure_permille() const { return problems ? (closed * 1000 + problems / 2) / problems : 0; }
};

enum class By : std::uint8_t { region, tour, unit, grade };

/// The key a problem is grouped under `by` (region, tour, unit ("-" when none) or gravity).
std::string group_key(const Problem& p, By by);

/// Summary lines grouped `by`, sorted by key; the last line is the total (key "").
std::vector<Summary> summarise(const std::vector<ProblemRow>& rows, By by);

/// The date by which the tour's rectification plan is due (feedback + policy working days).
std::optional<Date> plan_due(const Tour& t, const Policy& p, const Calendar& cal);

/// When a lead's receiver must report back: the transfer plus the policy's months, counted as
/// the Civil Code counts (same day of the month, clamped to the month's end, rolled to a working
/// day when the policy says so).
std::optional<Date> lead_feedback_due(const Lead& l, const Policy& p, const Calendar& cal);

/// What the listing of a hazard and the transfer of a lead count from: IV.2.6 (the use of the
/// results) follows the feedback (IV.2.5), so the tour's feedback, or the finding when that came
/// later; nothing while the tour has no feedback yet. A record of no known tour counts from its finding.
std::optional<Date> step_base(const Dataset& data, std::optional<Date> found, const std::string& tour);
/// When a hazard of a grade the policy lists must be listed (nullopt: not yet due, or a grade not listed).
std::optional<Date> hazard_listing_due(const Hazard& h, const Dataset& data, const Calendar& cal);
/// When a lead must be transferred (nullopt: not yet due).
std::optional<Date> lead_transfer_due(const Lead& l, const Dataset& data, const Calendar& cal);

/// Problems that repeat an earlier tour's problem in the same region, of the same category and
/// responsible unit (屡查屡犯), or that are recorded as its relapse: problem → the earlier problem
/// (the latest earlier tour's, lowest id).
std::unordered_map<const Problem*, const Problem*> repeats(const Dataset& data);

/// When a public report must be verified, and answered.
Date report_verify_due(const PublicReport& r, const Policy& p, const Calendar& cal);
std::optional<Date> report_answer_due(const PublicReport& r, const Policy& p, const Calendar& cal);

/// A region due for a look-back (回头看) after one of its tours.
struct LookbackDue {
  const Tour* tour = nullptr;
  Message reason;
  Date from{};  ///< the earliest sensible date: after the results report (or its due date)
  Date to{};    ///< feedback + policy look_back_months
  bool recorded = false;  ///< a look-back (record or milestone) was held within the window, or is undated
  std::optional<Date> late;  ///< the date of a look-back held only after the window closed
};

/// Tours whose region is due for a look-back: the tour is serious, or its ledger holds a major
/// or an overdue problem. Sorted by due date and tour id.
std::vector<LookbackDue> lookbacks_due(const Dataset& data, const Calendar& cal, Date as_of);

/// The results-report date of a tour, or its due date (feedback + months) when not reported.
std::optional<Date> results_due(const Tour& t, const Policy& p, const Calendar& cal);

/// What a ledger deadline is for.
enum class Item : std::uint8_t { problem, stage, hazard, lead_feedback, report_verify, report_answer };
inline constexpr std::array<std::string_view, 6> item_names{"problem", "stage", "hazard", "lead_feedback",
                                                            "report_verify", "report_answer"};
inline constexpr std::array<std::string_view, 6> item_zh{"问题整改", "阶段目标", "挂牌隐患整改", "线索办理反馈",
                                                         "举报核查", "举报答复"};

/// Where a ledger deadline stands (the same words as the procedure steps' statuses).
enum class DueStatus : std::uint8_t { overdue, due_soon, pending, done_late, done_on_time };

/// One dated obligation of the ledger: an item's time limit (or stage target), a listing's
/// deadline, a lead's feedback, a public report's verification or answer.
struct Deadline {
  Item item = Item::problem;
  const std::string* id = nullptr;
  const std::string* tour = nullptr;
  const std::string* region = nullptr;
  Date due{};
  std::optional<Date> done;
  DueStatus status = DueStatus::pending;
  int by = 0;  ///< late, or left, in the item's unit
  /// The unit of `by`: working days for a public report's steps (counted in working days by the
  /// policy); for problems, stage targets and listed hazards whatever the policy counts overdue
  /// in (ledger.overdue_in_workdays, calendar days by default: their due dates are calendar
  /// dates), as `check` does; calendar days for a lead's feedback (due in months).
  bool workdays = false;
  std::optional<int> uncovered_year;  ///< a working-day count touched a year the calendar lacks
};

/// Every ledger deadline as of `as_of` (`within`: working days ahead that count as due soon),
/// overdue first, then by due date and id.
std::vector<Deadline> deadlines(const Dataset& data, const Calendar& cal, Date as_of, int within);

/// A proposed look-back: an irregular tour of the region, dated inside its window where it can be.
struct Proposal {
  LookbackDue due;
  Date start{}, end{};
  bool late = false;  ///< the window closed before --as-of: proposed as soon as possible
};

/// Proposals for every look-back due and not recorded: `lookback_days` days on site, starting
/// on the first working day after `as_of` and after the window opens, with no statutory holiday
/// or policy blackout day on site.
std::vector<Proposal> propose_lookbacks(const Dataset& data, const Calendar& cal, Date as_of);

}  // namespace xuncha::ledger
