#pragma once
// Spreadsheets as the importer sees them: workbooks of sheets of typed cells, read from xlsx
// (libzip + pugixml), xls (libfreexl) or CSV (UTF-8, UTF-8 with BOM, GBK/GB18030).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>

namespace xuncha::import {

/// One cell as the file stores it. Numbers with a date format are dates.
struct Cell {
  enum class Type : std::uint8_t { empty, text, number, boolean, date, error };
  Type type = Type::empty;
  std::string text;  ///< text, the error code (#N/A), or the number as written in the file
  double number = 0;  ///< number; boolean 0/1
  Date date{};        ///< date

  bool empty() const { return type == Type::empty || (type == Type::text && text.empty()); }
  static Cell of_text(std::string s) { return {Type::text, std::move(s), 0, {}}; }
  static Cell of_number(double v, std::string raw = {}) { return {Type::number, std::move(raw), v, {}}; }
  static Cell of_date(Date d) { return {Type::date, {}, 0, d}; }
  static Cell of_bool(bool b) { return {Type::boolean, {}, b ? 1.0 : 0.0, {}}; }
};

/// One row: its cells (column A first) and where it is in the file.
struct Row {
  std::vector<Cell> cells;
  int number = 0;       ///< the sheet's row number (1-based), or the CSV line the record starts on
  bool hidden = false;  ///< a hidden row (xlsx)
};

/// One sheet (a CSV file is one sheet without a name).
struct Sheet {
  std::string name;
  bool hidden = false;  ///< state hidden or veryHidden
  std::vector<Row> rows;  ///< rows that hold something, in order (empty rows may be left out)
};

enum class Format : std::uint8_t { csv, xlsx, xls };

/// A file read: its sheets, in workbook order.
struct Workbook {
  std::string file;  ///< the name diagnostics use
  Format format = Format::csv;
  std::vector<Sheet> sheets;
  std::string encoding;  ///< CSV: "UTF-8", "UTF-8 (BOM)" or "GB18030"
  char separator = ',';  ///< CSV: the separator found
};

/// Limits against hostile files (zip bombs, huge dimensions).
struct ReadLimits {
  std::size_t max_part_bytes = 512u * 1024 * 1024;    ///< one uncompressed part of an xlsx
  std::size_t max_total_bytes = 1024u * 1024 * 1024;  ///< all parts read together
  std::size_t max_cells = 10'000'000;  ///< cells kept in the whole workbook (a cell takes ~56 bytes)
  std::uint32_t max_columns = 16384;                  ///< Excel's limit (XFD)
  std::uint32_t max_rows = 1048576;                   ///< Excel's limit
};

/// A file that cannot be read: the reason in both languages; `where` names the part or cell
/// ("xl/worksheets/sheet1.xml", "C7") when there is one.
struct ReadError {
  Message message;
  std::string where;
};

/// What a read returns: the workbook, or why not.
struct ReadResult {
  std::optional<Workbook> book;
  ReadError error;
  bool ok() const { return book.has_value(); }
};

/// What the bytes are, from their first bytes: a zip (xlsx), an OLE compound file (xls, or an
/// encrypted xlsx), else text (CSV).
Format sniff_format(std::string_view bytes);

/// Reads CSV bytes: the encoding (UTF-8 with or without BOM, else GB18030, which covers GBK)
/// and the separator (comma, tab or semicolon: the one that splits the first lines most
/// evenly) are found; quoted fields may hold separators, quotes ("") and line breaks; CRLF or LF.
ReadResult read_csv(std::string_view bytes, std::string file, const ReadLimits& limits = {});

/// Reads xlsx bytes: shared and inline strings, numbers, booleans, dates (a number with a
/// built-in date format 14–22, 45–47 or a custom one with y/m/d), merged ranges (the value
/// fills the range), hidden rows and sheets, the 1904 date system. Refuses encrypted
/// (password-protected) workbooks, parts larger than the limits and damaged zips or XML.
ReadResult read_xlsx(std::string_view bytes, std::string file, const ReadLimits& limits = {});

/// Reads an xls (BIFF) file from `path` with libfreexl: text, numbers and dates; a
/// password-protected file is refused. Merged ranges and hidden rows are not reported by
/// libfreexl and so are not seen.
ReadResult read_xls(const std::string& path, std::string file, const ReadLimits& limits = {});

/// Reads any of the three, by content (sniff_format).
ReadResult read_workbook(std::string_view bytes, const std::string& path, std::string file,
                         const ReadLimits& limits = {});

/// "C7": a cell's name from 0-based column and 1-based row.
std::string cell_name(std::size_t column, int row);

/// "C": a column's letters from its 0-based index.
std::string column_letters(std::size_t column);

/// The date of an Excel serial number (1900 system, with Excel's 1900-02-29; or the 1904
/// system); nothing when out of xuncha's years.
std::optional<Date> date_of_serial(double serial, bool date1904 = false);

}  // namespace xuncha::import
