#pragma once
// Charts of the annual summary (draft_annual.cpp) as inline SVG, black and white.
#include <string>
#include <vector>

#include <xuncha/core/date.hpp>

#include "base/context.hpp"

namespace xuncha::cli {

/// A region's row of the coverage grid: per year 0 none, 1 provincial tour, 2 State Council tour.
struct CoverageRow {
  std::string name;
  std::vector<int> cells;
};
/// The region × year coverage grid.
std::string coverage_chart(const Context& ctx, const std::vector<CoverageRow>& rows, int first_year, int last_year);

struct ClosureBar {
  std::string name;
  int permille = 0;
};
/// Closure rate bars, one per region.
std::string closure_chart(const Context& ctx, const std::vector<ClosureBar>& bars);

/// A tour on the deadline timeline: its time on site and its deadlines (state 0 met, 1 missed,
/// 2 not yet due).
struct TimelineMark {
  Date due{};
  int state = 2;
};
struct TimelineRow {
  std::string name;
  Date start{}, end{};
  std::vector<TimelineMark> marks;
};
/// The deadline timeline; `rows` is not empty.
std::string deadline_chart(const Context& ctx, const std::vector<TimelineRow>& rows);

}  // namespace xuncha::cli
