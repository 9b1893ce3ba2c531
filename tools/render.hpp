#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace xuncha::cli {

/// "1 tour", "2 tours": an English count with its noun (Chinese needs no plural).
inline std::string count_of(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

/// Formats every findings command understands.
inline const std::vector<std::string> findings_formats{"text", "concise", "json", "csv", "github", "sarif", "junit"};

/// Renders findings in `ctx.global.format`. `preface` (text format only) goes before them,
/// `json_extra` (json only) is spliced into the top-level object as `"key": value` pairs.
std::string render_findings(const Context& ctx, const std::vector<Diagnostic>& diags,
                            const std::string& preface = {}, const std::string& json_extra = {});

/// One-line summary: "2 errors, 1 warning" / "2 个错误、1 个警告".
std::string summary_line(const Context& ctx, const std::vector<Diagnostic>& diags);

/// `path:line:col: severity[ID] slug: message (clause)`.
std::string concise_line(const Context& ctx, const Diagnostic& d, bool color);

/// JSON string literal (quotes included).
std::string json_string(std::string_view s);

/// One RFC 4180 CSV cell; cells starting with = + - @ are neutralised for spreadsheets.
std::string csv_cell(std::string_view s);

/// Escapes & < > " ' for HTML and XML text and attributes.
std::string xml_escape(std::string_view s);

/// Wraps `s` in an ANSI colour when `on`.
std::string paint(std::string_view s, std::string_view code, bool on);

}  // namespace xuncha::cli
