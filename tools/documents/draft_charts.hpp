#pragma once
// Charts of the annual summary (draft_annual.cpp), black and white: as inline SVG for the
// printable page, and as grids of shaded cells for the Word document.
#include <string>
#include <vector>

#include <xuncha/core/date.hpp>

#include "base/context.hpp"
#include "render/draft_doc.hpp"

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

/// The same three charts as grids (docx): a black cell per provincial tour and a hatched one (a
/// 50% grey in the docx) per State Council tour; a bar of twenty 5% cells, grey as far as the closure rate; per tour, black
/// cells for its time on site (a cell a third of a month, 旬) and ● ×  ○ for deadlines met,
/// missed and not yet due.
draft::Grid coverage_grid(const Context& ctx, const std::vector<CoverageRow>& rows, int first_year, int last_year);
draft::Grid closure_grid(const Context& ctx, const std::vector<ClosureBar>& bars);
draft::Grid deadline_grid(const Context& ctx, const std::vector<TimelineRow>& rows);

}  // namespace xuncha::cli
