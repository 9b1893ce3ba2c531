#pragma once
// CSV (RFC 4180) that spreadsheets open safely. One rule for every CSV xuncha writes: the
// header row and coded values (severity, status, step, batch, yes/no) are English keys whatever
// LANG or --lang say, so scripts can rely on them; names and messages are as in the data or in
// the --lang language. Lines end in CRLF; --bom puts a UTF-8 BOM first (for Excel).
#include <string>
#include <string_view>

namespace xuncha::cli {

/// One RFC 4180 CSV cell; a cell starting with = + - @ TAB or CR gets a leading ' so that a
/// spreadsheet shows it as text instead of running it as a formula.
std::string csv_cell(std::string_view s);

}  // namespace xuncha::cli
