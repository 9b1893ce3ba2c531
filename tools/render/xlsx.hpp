#pragma once
// A generic .xlsx writer (libxlsxwriter): sheets of typed cells with a frozen header row, column
// widths and one highlight style. Any command can fill a Workbook and write it.
#include <optional>
#include <string>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/text/width.hpp>

namespace xuncha::cli::xlsx {

/// One cell: text, a number, a percentage (a fraction shown as 0.0%) or a date (a real date value).
struct Cell {
  enum class Kind { empty, text, number, percent, date };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;
  Date date{};

  static Cell of(std::string s) { return {Kind::text, std::move(s), 0, {}}; }
  static Cell of(double v) { return {Kind::number, {}, v, {}}; }
  static Cell of(int v) { return {Kind::number, {}, static_cast<double>(v), {}}; }
  static Cell percent(double fraction) { return {Kind::percent, {}, fraction, {}}; }
  static Cell of(Date d) { return {Kind::date, {}, 0, d}; }
  static Cell of(const std::optional<Date>& d) { return d ? of(*d) : Cell{}; }
};

struct Sheet {
  std::string name;                  ///< made valid (≤ 31 characters, no []:*?/\) and unique on write
  std::vector<std::string> header;   ///< bold, frozen
  std::vector<double> widths;        ///< per column, in character units (a CJK character is ~2)
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> highlight;       ///< per row: marked (light red fill)
  std::vector<std::string> title;    ///< optional lines above the header (the header is then frozen below them)
  /// Per column, the values a drop-down list offers (data validation on the rows below the
  /// header, a thousand rows past the data); empty: no list.
  std::vector<std::vector<std::string>> validation{};
};

struct Workbook {
  std::vector<Sheet> sheets;
  Date created{};        ///< document creation date (deterministic output: pass --as-of)
  std::string title;
};

/// The same sheet as an aligned text table (the terminal view of one row model): an empty cell
/// shows as "-", numbers as integers, dates in ISO form; a column holding any number or date is
/// right-aligned unless `right_align` says per column. Title lines are not part of the table.
text::Table text_table(const Sheet& s, std::vector<bool> right_align = {});

/// Writes the workbook and returns its bytes; throws std::runtime_error on failure.
std::string render(const Workbook& wb);

}  // namespace xuncha::cli::xlsx
