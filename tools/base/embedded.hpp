#pragma once
// Text files compiled into the binary at build time (cmake/embed_text.cmake).
#include <string_view>

namespace xuncha::cli {

/// data/calendar-projected.yaml as it is: the projected holidays for the years past the last
/// published State Council notice (xuncha init copies it into a new data folder).
std::string_view projected_calendar_text();

}  // namespace xuncha::cli
