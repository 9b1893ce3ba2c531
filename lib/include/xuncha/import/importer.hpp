#pragma once
// From sheets to records: the header row found under title rows, columns matched to a kind's
// fields by the words people write (or --map), each value read as its field wants, ids taken
// or generated, names of units, regions, people and tours resolved to ids when the data set is
// known. Every value that cannot be read and every row left out is reported.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/import/columns.hpp>
#include <xuncha/import/sheet.hpp>

namespace xuncha::import {

struct Field;

/// A value for the YAML file: a scalar, a list, or a map of fields.
struct Value {
  enum class Type : std::uint8_t { text, integer, boolean, date, list, map };
  Type type = Type::text;
  std::string text;
  long long integer = 0;
  bool boolean = false;
  Date date{};
  std::vector<Value> items;   ///< list
  std::vector<Field> fields;  ///< map

  friend bool operator==(const Value&, const Value&);
};

struct Field {
  std::string key;
  Value value;
  friend bool operator==(const Field&, const Field&) = default;
};

/// One record read from one row.
struct Record {
  std::string id;
  bool id_generated = false;
  std::string label;      ///< what the mapping shows beside the id (a name, a description)
  std::string source_zh;  ///< roster.xlsx!人员名册!第7行
  std::string source_en;  ///< roster.xlsx!人员名册!row 7
  std::vector<Field> fields;  ///< `id` first, then in column order
};

/// A value that could not be read, a row left out, a name resolved: where and what.
struct Issue {
  std::string where;  ///< roster.xlsx!人员名册!C7, roster.csv:7:3, or a file or sheet
  Message message;
};

/// Ids and names of a data set, by kind ("units" -> (yjt, 省应急管理厅), ...).
using References = std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>>;

struct ImportOptions {
  std::string kind = "auto";                               ///< a kind, or auto: guessed from the header
  std::vector<std::string> sheets;                         ///< --sheet: only these (hidden ones too)
  std::vector<std::pair<std::string, std::string>> map;    ///< --map COLUMN=field (field "-": ignore)
  std::string id_from;                                     ///< --id-from COLUMN
  References refs;                                         ///< names resolved to ids (empty: kept as written)
};

/// How one sheet's columns were used.
struct SheetUse {
  std::string file, sheet;
  int header_row = 0;
  std::vector<std::pair<std::string, std::string>> columns;  ///< header -> field ("" : ignored)
};

/// A reason rows were left out, and how many.
struct Skip {
  Message reason;
  std::size_t rows = 0;
};

struct ImportResult {
  const KindSpec* kind = nullptr;
  bool guessed = false;       ///< the kind came from the header (--kind auto)
  std::vector<Record> records;
  std::vector<Issue> errors;  ///< values that cannot be read (their rows are kept without them, or skipped)
  std::vector<Issue> notes;   ///< names resolved to ids, columns ignored, hidden sheets passed over
  std::vector<SheetUse> sheets;
  std::size_t rows_read = 0;  ///< data rows looked at
  std::vector<Skip> skipped;
  std::optional<Issue> fatal;  ///< nothing can be imported: no header, two columns for one field, ...
};

/// Imports `books` (already read) as one kind.
ImportResult import_books(const std::vector<Workbook>& books, const ImportOptions& options);

/// Where a cell is, as messages show it: "roster.xlsx!人员名册!C7", or "roster.csv:7:3" for CSV.
std::string cell_where(const Workbook& book, const Sheet& sheet, std::size_t column, int row);

}  // namespace xuncha::import
