#pragma once
// JSON string literals.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// JSON string literal (quotes included).
std::string json_string(std::string_view s);

}  // namespace xuncha::cli
