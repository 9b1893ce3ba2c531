#pragma once
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace xuncha {

using Date = date::sys_days;

/// Earliest and latest years xuncha accepts in data (wide enough for history and plans).
inline constexpr int min_year = 1900;
inline constexpr int max_year = 2199;

/// Why a text is not an accepted date.
enum class DateError { none, not_iso, impossible, out_of_range };

/// Parses strict ISO `YYYY-MM-DD`; sets `error` and returns nullopt when the text is not one.
std::optional<Date> parse_iso_date(std::string_view text, DateError* error = nullptr);

/// Formats as `YYYY-MM-DD`.
std::string format_iso(Date d);

/// Formats the Chinese way: `2026年4月8日`.
std::string format_zh(Date d);

/// Returns the calendar year of `d`.
int year_of(Date d);

/// Returns the date `months` calendar months after `d`, clamped to the end of the target month.
Date add_months_clamped(Date d, int months);

/// Returns the number of days in [a, b] (inclusive); 0 when b < a.
int days_inclusive(Date a, Date b);

}  // namespace xuncha
