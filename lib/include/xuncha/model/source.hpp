#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xuncha {

/// A node's position: index into Dataset::files plus 1-based line and column (line 0: none).
struct Mark {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Where a record came from: its own node, its YAML path, and the marks of its fields.
struct Source {
  Mark at;
  std::string path;  ///< e.g. "tours[3]"
  std::vector<std::pair<std::string, Mark>> fields;

  /// Returns the mark of `field` ("members[2]", "milestones.feedback"), or of the record.
  Mark field(std::string_view name) const;
};

}  // namespace xuncha
