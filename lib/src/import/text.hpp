#pragma once
// Cell text as people type it: full-width characters, stray spaces, dates in office forms,
// yes/no words, lists in one cell.
#include <xuncha/core/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xuncha::import {

/// Full-width letters and digits (Ａ１) made ASCII, and with `punctuation` the full-width
/// punctuation too (，：｜); the ideographic space and no-break space made spaces.
std::string fold_width(std::string_view s, bool punctuation = true);

/// fold_width of letters and digits only (Chinese text keeps its ，（）), then blanks trimmed at both ends and runs of blanks inside made one space.
std::string clean_text(std::string_view s);

/// clean_text, then spaces between two Chinese characters removed (张 三 -> 张三).
std::string clean_name(std::string_view s);

/// A date typed as text: 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301 (a time after it
/// is allowed). Nothing when it is none of these or not a real day.
std::optional<Date> parse_date_text(std::string_view s);

/// Two dates in one cell: 2026年3月1日-15日, 2026年3月1日至3月15日, 2026.3.1-3.15,
/// 2026/3/1—2026/3/15, 2026-03-01至2026-03-15, 20260301-20260315 (the second may leave out the
/// year, or the year and month, of the first). Nothing when it is not such a range.
std::optional<std::pair<Date, Date>> parse_date_range(std::string_view s);

/// 是/否, √/×, ✓/✗, Y/N, yes/no, true/false, 1/0, 有/无, 对/错; nothing otherwise.
std::optional<bool> parse_bool_text(std::string_view s);

/// A list in one cell: split at 、，,；; and line breaks; empty items dropped.
std::vector<std::string> split_list(std::string_view s);

}  // namespace xuncha::import
