#pragma once
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha {

/// Mainland-China working days: Monday–Friday that are not a listed day off, plus listed
/// makeup working days (调休). Queries are O(1) or O(log n) over prefix counts.
class Calendar {
 public:
  /// What a day is.
  enum class DayKind : std::uint8_t { workday, weekend, holiday, makeup_workday };

  /// Builds from notice-year facts; a later entry for the same notice year replaces an earlier one.
  explicit Calendar(std::span<const CalendarYear> years = {});

  /// The calendar bundled with xuncha (2015–2026 from the State Council's notices).
  static const std::vector<CalendarYear>& bundled_years();

  /// True when a notice year `year` is part of the calendar.
  bool covers(int year) const;
  /// First and last covered notice years (0, 0 when empty).
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }

  /// The first year in [year(a), year(b)] that the calendar does not cover.
  std::optional<int> first_uncovered(Date a, Date b) const;
  /// Says that `year` is missing from the calendar and, with `how`, how to supply it (zh and en).
  Message uncovered_message(int year, bool how = true) const;

  DayKind kind(Date d) const;
  bool is_workday(Date d) const;
  /// Name of the holiday `d` belongs to, e.g. {"春节", "Spring Festival"}; empty when none.
  Message holiday_name(Date d) const;

  /// Working days in (a, b]; negative when b < a.
  int workdays_between(Date a, Date b) const;
  /// "N working days after D": the N-th working day after d (0 → d itself); N < 0 counts back.
  Date add_workdays(Date d, int n) const;
  /// The first working day on or after d.
  Date next_workday(Date d) const;
  /// "N months after D" as the Civil Code counts it: same day of the month (clamped to the
  /// month's end), moved to the next working day when that day is a day off and `roll` is set.
  Date add_months(Date d, int months, bool roll) const;

  /// Days off and makeup working days in [from, to], in date order.
  struct Listed {
    Date date;
    DayKind kind;
    Message name;
  };
  std::vector<Listed> listed(Date from, Date to) const;

  /// Every notice year, in order.
  const std::vector<CalendarYear>& years() const { return years_; }

  static constexpr int range_first_year = min_year;
  static constexpr int range_last_year = max_year;

 private:
  std::size_t index(Date d) const;
  Date at(std::size_t i) const;

  std::vector<CalendarYear> years_;
  std::vector<std::uint8_t> kind_;     // per day of the supported range
  std::vector<std::int32_t> prefix_;   // prefix_[i] = working days in [start, start + i)
  std::vector<std::uint8_t> name_;     // holiday name index per day (0: none)
  std::vector<bool> covered_;          // per year of the supported range
  int first_year_ = 0;
  int last_year_ = 0;
};

/// Whether a tour may start on `d` under the policy's `rule`: any day; a working day (makeup
/// working days included); a Monday that is a working day.
bool start_day_allowed(const Calendar& calendar, StartDay rule, Date d);

/// Names of Calendar::DayKind values, indexed by the enum: a stable key, English, Chinese.
inline constexpr std::array<std::string_view, 4> day_kind_keys{"workday", "weekend", "holiday", "makeup_workday"};
inline constexpr std::array<std::string_view, 4> day_kind_en{"working day", "weekend", "holiday", "makeup working day"};
inline constexpr std::array<std::string_view, 4> day_kind_zh{"工作日", "周末", "法定节假日", "调休上班日"};

}  // namespace xuncha
