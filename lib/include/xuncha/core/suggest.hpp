#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace xuncha {

/// Edit distance between two UTF-8 strings, counted in characters (code points; ASCII letters
/// compared case-insensitively); stops early above `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// Returns the candidate closest to `word` if it is close enough to be a likely typo, else "".
/// Ties go to the smallest candidate, so the answer is deterministic.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace xuncha
