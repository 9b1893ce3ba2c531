#include <xuncha/calendar/calendar.hpp>

#include "bundled.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha {
namespace {

const Date range_start = Date{date::year{Calendar::range_first_year} / 1 / 1};
const Date range_end = Date{date::year{Calendar::range_last_year} / 12 / 31};

const Message holiday_names[] = {
    {"", ""},
    {"元旦", "New Year's Day"},
    {"春节", "Spring Festival"},
    {"清明节", "Qingming Festival"},
    {"劳动节", "Labour Day"},
    {"端午节", "Dragon Boat Festival"},
    {"中秋节", "Mid-Autumn Festival"},
    {"国庆节", "National Day"},
    {"中秋节、国庆节", "Mid-Autumn Festival and National Day"},
    {"抗战胜利纪念日", "Victory Day (2015)"},
    {"法定假日", "Statutory holiday"},
};

// Names a block of consecutive days off from when it falls; the notices name them, but the
// shared facts only list dates, and each festival keeps to its own part of the year.
std::uint8_t name_block(Date first, Date last) {
  date::year_month_day a{first}, b{last};
  auto contains = [&](unsigned m, unsigned d) {
    Date x{a.year() / date::month{m} / date::day{d}};
    Date y{b.year() / date::month{m} / date::day{d}};
    return (first <= x && x <= last) || (first <= y && y <= last);
  };
  unsigned ma = static_cast<unsigned>(a.month());
  if (contains(1, 1) || (ma == 12 && static_cast<unsigned>(a.day()) >= 30)) return 1;
  if (contains(10, 1)) {
    // An eight-day National Day block holds the Mid-Autumn Festival too (2017, 2020, 2023, 2025).
    return (last - first).count() >= 7 ? 8 : 7;
  }
  if (contains(5, 1)) return 4;
  if (ma == 1 || ma == 2) return 2;
  if (ma == 4) return 3;
  if (a.year() == date::year{2015} && ma == 9 && static_cast<unsigned>(a.day()) <= 5) return 9;
  if (ma == 5 || ma == 6) return 5;
  if (ma == 9 || ma == 10) return 6;
  return 10;
}

}  // namespace

const std::vector<CalendarYear>& Calendar::bundled_years() {
  static const std::vector<CalendarYear> years = [] {
    auto day = [](const detail::BundledDate& d) {
      return Date{date::year{d.year} / date::month{d.month} / date::day{d.day}};
    };
    std::vector<CalendarYear> out;
    for (const auto& y : detail::bundled_calendar()) {
      CalendarYear cy;
      cy.year = y.year;
      for (const auto& d : y.holidays) cy.holidays.push_back(day(d));
      for (const auto& d : y.workdays) cy.workdays.push_back(day(d));
      out.push_back(std::move(cy));
    }
    return out;
  }();
  return years;
}

Calendar::Calendar(std::span<const CalendarYear> years) {
  std::map<int, CalendarYear> by_year;
  for (const auto& y : years) by_year[y.year] = y;
  for (auto& [y, cy] : by_year) years_.push_back(cy);

  auto days = static_cast<std::size_t>((range_end - range_start).count()) + 1;
  kind_.assign(days, 0);
  name_.assign(days, 0);
  covered_.assign(static_cast<std::size_t>(range_last_year - range_first_year + 1), false);
  for (std::size_t i = 0; i < days; ++i) {
    date::weekday wd{at(i)};
    kind_[i] = static_cast<std::uint8_t>(wd == date::Saturday || wd == date::Sunday ? DayKind::weekend
                                                                                    : DayKind::workday);
  }
  for (const auto& cy : years_) {
    if (cy.year >= range_first_year && cy.year <= range_last_year)
      covered_[static_cast<std::size_t>(cy.year - range_first_year)] = true;
    for (auto d : cy.holidays) kind_[index(d)] = static_cast<std::uint8_t>(DayKind::holiday);
    for (auto d : cy.workdays) kind_[index(d)] = static_cast<std::uint8_t>(DayKind::makeup_workday);
  }
  if (!years_.empty()) {
    first_year_ = years_.front().year;
    last_year_ = years_.back().year;
  }
  // Name each block of consecutive listed days off (weekend days between them join the block).
  for (std::size_t i = 0; i < days;) {
    if (kind_[i] != static_cast<std::uint8_t>(DayKind::holiday)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < days && (kind_[j + 1] == static_cast<std::uint8_t>(DayKind::holiday))) ++j;
    auto n = name_block(at(i), at(j));
    for (std::size_t k = i; k <= j; ++k) name_[k] = n;
    i = j + 1;
  }
  prefix_.assign(days + 1, 0);
  for (std::size_t i = 0; i < days; ++i) {
    auto k = static_cast<DayKind>(kind_[i]);
    prefix_[i + 1] = prefix_[i] + (k == DayKind::workday || k == DayKind::makeup_workday ? 1 : 0);
  }
}

std::size_t Calendar::index(Date d) const {
  if (d < range_start) return 0;
  if (d > range_end) return kind_.size() - 1;
  return static_cast<std::size_t>((d - range_start).count());
}

Date Calendar::at(std::size_t i) const { return range_start + date::days{static_cast<int>(i)}; }

bool Calendar::covers(int year) const {
  if (year < range_first_year || year > range_last_year) return false;
  return covered_[static_cast<std::size_t>(year - range_first_year)];
}

std::optional<int> Calendar::first_uncovered(Date a, Date b) const {
  if (b < a) std::swap(a, b);
  for (int y = year_of(a); y <= year_of(b); ++y)
    if (!covers(y)) return y;
  return std::nullopt;
}

Message Calendar::uncovered_message(int year, bool how) const {
  Message m{fmt::format("工作日历不包含 {} 年（现有 {}—{} 年）", year, first_year_, last_year_),
            fmt::format("the working-day calendar does not cover {} (it covers {}-{})", year, first_year_, last_year_)};
  if (how) {
    m.zh += "；请用 --calendar 文件 提供该年的放假安排（kind: calendar 文件），或用 --allow-uncovered 仅按周末计算";
    m.en += "; supply that year's notice with --calendar FILE (a kind: calendar file), or pass --allow-uncovered to "
            "count weekends only";
  }
  return m;
}

Calendar::DayKind Calendar::kind(Date d) const { return static_cast<DayKind>(kind_[index(d)]); }

bool Calendar::is_workday(Date d) const {
  auto k = kind(d);
  return k == DayKind::workday || k == DayKind::makeup_workday;
}

Message Calendar::holiday_name(Date d) const { return holiday_names[name_[index(d)]]; }

int Calendar::workdays_between(Date a, Date b) const {
  auto ia = index(a), ib = index(b);
  return prefix_[ib + 1] - prefix_[ia + 1];
}

Date Calendar::add_workdays(Date d, int n) const {
  if (n == 0) return d;
  auto i = index(d);
  if (n > 0) {
    // First day x > d with prefix_[x + 1] == prefix_[i + 1] + n.
    auto target = prefix_[i + 1] + n;
    auto it = std::lower_bound(prefix_.begin() + static_cast<std::ptrdiff_t>(i) + 1, prefix_.end(), target);
    if (it == prefix_.end()) return range_end;
    return at(static_cast<std::size_t>(it - prefix_.begin()) - 1);
  }
  // Last working day x < d with n working days in [x, d).
  auto target = prefix_[i] + n;  // prefix_[x] == target and x is a working day
  if (target < 0) return range_start;
  auto it = std::lower_bound(prefix_.begin(), prefix_.begin() + static_cast<std::ptrdiff_t>(i) + 1, target + 1);
  return at(static_cast<std::size_t>(it - prefix_.begin()) - 1);
}

Date Calendar::next_workday(Date d) const {
  if (is_workday(d)) return d;
  return add_workdays(d, 1);
}

Date Calendar::add_months(Date d, int months, bool roll) const {
  Date due = add_months_clamped(d, months);
  return roll ? next_workday(due) : due;
}

std::vector<Calendar::Listed> Calendar::listed(Date from, Date to) const {
  std::vector<Listed> out;
  for (auto i = index(from); i <= index(to) && i < kind_.size(); ++i) {
    auto k = static_cast<DayKind>(kind_[i]);
    if (k == DayKind::holiday || k == DayKind::makeup_workday)
      out.push_back({at(i), k, k == DayKind::holiday ? holiday_names[name_[i]] : Message{}});
  }
  return out;
}

bool start_day_allowed(const Calendar& calendar, StartDay rule, Date d) {
  switch (rule) {
    case StartDay::any: return true;
    case StartDay::workday: return calendar.is_workday(d);
    case StartDay::monday: return date::weekday{d} == date::Monday && calendar.is_workday(d);
  }
  return true;
}

}  // namespace xuncha
