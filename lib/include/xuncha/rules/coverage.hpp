#pragma once
#include <vector>

#include <xuncha/model/model.hpp>

namespace xuncha::rules {

/// A region's standing in the coverage window that ends with the as-of year (II.3).
struct CoverageRow {
  enum class Status : std::uint8_t { covered, due_next_year, uncovered };
  const Region* region = nullptr;
  int window_from = 0;           ///< first year of the window ending with the as-of year
  int window_to = 0;             ///< the as-of year
  int last_year = 0;             ///< latest provincial tour (0: none on record)
  int tours_in_window = 0;       ///< provincial tours in [window_from, window_to]
  int due_by = 0;                ///< the year by whose end the next tour is needed (last + G)
  std::vector<int> state_council_years;  ///< years the State Council toured the region
  Status status = Status::covered;
};

/// One row per region, in data order.
std::vector<CoverageRow> coverage_table(const Dataset& data, Date as_of);

}  // namespace xuncha::rules
