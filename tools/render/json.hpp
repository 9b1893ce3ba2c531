#pragma once
// JSON output: built with nlohmann-json (never hand-balanced), written with invalid UTF-8
// replaced by U+FFFD, and every document in one envelope (its shape: `xuncha schema --output CMD`).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/context.hpp"

namespace xuncha::cli {

/// A JSON value that keeps its members in insertion order.
using Json = nlohmann::ordered_json;

/// The version of the JSON shapes; `xuncha schema --output CMD` prints each shape.
inline constexpr int json_schema_version = 1;

/// The envelope every json output starts with: tool, version, output (the command),
/// schema_version and, when the output depends on the date, as_of; the command's members follow.
Json json_envelope(const Context& ctx, std::string_view output);

/// Whether `output` depends on --as-of (workdays, rule and config do not: no as_of, so their
/// json is the same whatever day it is run).
bool output_is_dated(std::string_view output);

/// The document as text: two-space indent, invalid UTF-8 replaced, a final newline.
std::string json_dump(const Json& j);

/// JSON string literal (quotes included), invalid UTF-8 replaced.
std::string json_string(std::string_view s);

}  // namespace xuncha::cli
