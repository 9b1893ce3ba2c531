#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::text {

/// Columns `s` takes in a terminal: East Asian wide characters count two (utf8proc).
std::size_t display_width(std::string_view s);

/// Pads `s` with spaces on the right (or left) to `width` columns.
std::string pad(std::string_view s, std::size_t width, bool right_align = false);

/// `s` on one line: a line break from the data shows as `\n` or `\r`, so a value cannot start a
/// line of its own (and pass for a finding or a forged `::error` workflow command).
std::string one_line(std::string_view s);

/// A plain-text table whose columns line up for CJK text; each cell is one_line.
class Table {
 public:
  explicit Table(std::vector<std::string> header, std::vector<bool> right_align = {});
  void add(std::vector<std::string> row);
  /// Renders with two spaces between columns and a rule under the header.
  std::string render() const { return render(0); }
  /// The same, no line wider than `max_width` columns (0: no limit): the widest left-aligned
  /// columns wrap onto more lines; when even that cannot fit, each row is printed as
  /// `header  value` lines, one block per row.
  std::string render(std::size_t max_width) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace xuncha::text
