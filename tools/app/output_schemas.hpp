#pragma once
// JSON Schemas (draft-07) of every json output, printed by `xuncha schema --output CMD`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::cli {

/// The outputs that have a schema: check, teams, teams-suggest, deadlines, schedule, staff, ledger,
/// workdays, rule, config.
const std::vector<std::string_view>& output_schema_names();

/// The JSON Schema of `output`'s json document (with the common envelope), or nothing.
std::optional<std::string> output_schema(std::string_view output);

}  // namespace xuncha::cli
