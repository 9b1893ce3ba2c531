#include <xuncha/core/date.hpp>

#include <fmt/format.h>

namespace xuncha {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text, DateError* error) {
  auto fail = [&](DateError e) -> std::optional<Date> {
    if (error) *error = e;
    return std::nullopt;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return fail(DateError::not_iso);
  auto ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return fail(DateError::not_iso);
  int y = to_int(ys);
  auto ymd = date::year{y} / date::month{static_cast<unsigned>(to_int(ms))} /
             date::day{static_cast<unsigned>(to_int(ds))};
  if (!ymd.ok()) return fail(DateError::impossible);
  if (y < min_year || y > max_year) return fail(DateError::out_of_range);
  if (error) *error = DateError::none;
  return Date{ymd};
}

std::string format_iso(Date d) {
  date::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string format_zh(Date d) {
  date::year_month_day ymd{d};
  return fmt::format("{}年{}月{}日", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

int year_of(Date d) { return static_cast<int>(date::year_month_day{d}.year()); }

Date add_months_clamped(Date d, int months) {
  date::year_month_day ymd{d};
  auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  auto last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  auto day = ymd.day() > last ? last : ymd.day();
  return Date{ym.year() / ym.month() / day};
}

int days_inclusive(Date a, Date b) {
  if (b < a) return 0;
  return static_cast<int>((b - a).count()) + 1;
}

}  // namespace xuncha
