#pragma once
// The columns of every kind an office keeps in a sheet: the field each fills, the header words
// people write for it (Chinese and English), its type and, for coded fields, the words each
// code is written with. The importer reads these columns; `xuncha export` writes them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::import {

enum class ValueType {
  text,         ///< a scalar, kept as written (trimmed, full-width letters and digits made ASCII)
  name,         ///< a person's name: also spaces between Chinese characters removed (张 三)
  integer,      ///< a whole number in [lo, hi]
  boolean,      ///< 是/否, √/×, Y/N, 有/无, true/false, 1/0
  date,         ///< an Excel date, or 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301
  choice,       ///< one of `choices`, by any of its words
  list,         ///< texts separated by 、，,；; or line breaks
  choice_list,  ///< choices separated as a list
  date_list,    ///< dates separated as a list
  records,      ///< several small records in one cell: one per line, parts separated by |
  category,     ///< people's 类别/身份: 专家 (any expert word) makes the person an expert
  date_range,   ///< a tour's 巡查时间 in one cell (2026年3月1日-15日): fills start and end; import only
  month_list,   ///< months 1-12 as a list, runs allowed: 4、5、6, 4-6、9-10, 4月至6月
  month_day,    ///< a day of every year as MM-DD: 06-01, 6-1, 6月1日, 6.1, or an Excel date (its month and day)
};

/// A code and the words people write for it (the first is the one export writes).
struct Choice {
  std::string_view value;
  std::vector<std::string_view> words;
};

/// One column of a kind.
struct Column {
  std::string_view field;   ///< the YAML key; a dotted path for nested maps (milestones.notified)
  std::string_view zh;      ///< the header export writes
  std::string_view en;      ///< the English header
  ValueType type = ValueType::text;
  bool required = false;
  std::vector<std::string_view> synonyms{};  ///< further header words accepted
  std::vector<Choice> choices{};             ///< choice, choice_list, and the parts' choices
  long long lo = 0, hi = 0;                  ///< integer range
  std::vector<Column> parts{};               ///< records: the parts of one line, in order
  std::string_view ref{};   ///< the kind whose ids this holds (names are resolved to ids)
  std::string_view note{};  ///< what to write (the notes sheet), in Chinese
};

/// One kind: its columns in export order.
struct KindSpec {
  std::string_view kind;     ///< people, units, ...
  std::string_view zh;       ///< 人员, 单位, ...
  std::string_view id_prefix;  ///< generated ids start with it
  std::vector<Column> columns;

  const Column* find(std::string_view field) const {
    for (const auto& c : columns)
      if (c.field == field) return &c;
    return nullptr;
  }
};

/// Every kind the importer reads, in a fixed order.
const std::vector<KindSpec>& kind_specs();

/// The kind named `name` (people, units, regions, tours, appointments, problems, hazards,
/// leads, public_reports; also the Chinese name); nullptr when none.
const KindSpec* find_kind(std::string_view name);

/// The column of `k` whose header words include `norm` (a normalize_header result); nullptr
/// when none.
const Column* column_for_header(const KindSpec& k, const std::string& norm);

/// The code of `col`'s choice written as `norm` (a normalize_header result), or nothing.
std::optional<std::string_view> choice_for(const Column& col, const std::string& norm);

/// A header cell made comparable: full-width to ASCII, lower case, blanks, line breaks and
/// marks (*, ：) removed.
std::string normalize_header(std::string_view text);

}  // namespace xuncha::import
