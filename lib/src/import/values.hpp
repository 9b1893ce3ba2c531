#pragma once
// One cell read as a column's type.
#include <xuncha/import/importer.hpp>

#include <optional>
#include <string>

namespace xuncha::import {

/// The cell as text (numbers as written, dates in ISO form, booleans as 是/否).
std::string cell_text(const Cell& c);

/// The value of `c` for `col`; nothing (and `why` set, with what was expected) when the cell
/// cannot be read as the column wants. An empty cell gives nothing and leaves `why` empty.
std::optional<Value> read_value(const Column& col, const Cell& c, Message& why);

/// The value for a choice written as `text` (any of its words, any case), or nothing.
std::optional<std::string_view> find_choice(const Column& col, std::string_view text);

}  // namespace xuncha::import
