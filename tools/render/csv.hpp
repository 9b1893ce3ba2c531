#pragma once
// CSV cells (RFC 4180) that spreadsheets do not run as formulas.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// One RFC 4180 CSV cell; cells starting with = + - @ are neutralised for spreadsheets.
std::string csv_cell(std::string_view s);

}  // namespace xuncha::cli
