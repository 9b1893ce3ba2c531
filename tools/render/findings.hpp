#pragma once
// Findings (diagnostics) in every format a findings command offers.
#include <string>
#include <vector>

#include <xuncha/core/diagnostic.hpp>

#include "../context.hpp"
#include "xlsx.hpp"

namespace xuncha::cli {

/// Formats every findings command understands.
inline const std::vector<std::string> findings_formats{"text", "concise", "json", "csv", "github", "sarif", "junit", "xlsx"};

/// Renders findings in `ctx.global.format`. `preface` (text format only) goes before them,
/// `json_extra` (json only) is spliced into the top-level object as `"key": value` pairs.
std::string render_findings(const Context& ctx, const std::vector<Diagnostic>& diags,
                            const std::string& preface = {}, const std::string& json_extra = {});

/// Findings as an .xlsx workbook: `sheets` (the command's own tables) first, then the findings.
std::string render_findings_xlsx(const Context& ctx, const std::vector<Diagnostic>& diags,
                                 std::vector<xlsx::Sheet> sheets = {});

/// One-line summary: "2 errors, 1 warning" / "2 个错误、1 个警告".
std::string summary_line(const Context& ctx, const std::vector<Diagnostic>& diags);

/// `path:line:col: severity[ID] slug: message (clause)`.
std::string concise_line(const Context& ctx, const Diagnostic& d, bool color);

}  // namespace xuncha::cli
