#pragma once
// Printable pages (PRINT.md): self-contained HTML, inline CSS, no scripts, no external assets.
#include <string>

#include "render/schedule.hpp"

namespace xuncha::cli {

/// The schedule as A4-landscape pages: coverage matrix, timeline per round, tours and deadlines.
std::string schedule_html(const Context& ctx, const ScheduleView& v);

}  // namespace xuncha::cli
