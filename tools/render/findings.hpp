#pragma once
// Findings (diagnostics) in every format a findings command offers: text, concise, json, csv,
// github, sarif (sarif.cpp) and junit (junit.cpp).
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/rules/registry.hpp>

#include "base/context.hpp"
#include "render/json.hpp"
#include "render/xlsx.hpp"

namespace xuncha::cli {

/// Formats every findings command understands.
inline const std::vector<std::string> findings_formats{"text", "concise", "json", "csv", "github", "sarif", "junit", "xlsx"};

/// What a findings command hands its renderer besides the findings.
struct FindingsReport {
  const std::vector<Diagnostic>& diags;
  std::string preface;                            ///< text format: goes before the findings
  Json extra = Json::object();                    ///< json format: members after "summary"
  std::vector<const rules::RuleInfo*> rules_run;  ///< junit: one test case each
  std::vector<xlsx::Sheet> sheets = {};           ///< xlsx: the command's own tables, before the findings
};

/// Renders the report in `format` (one of findings_formats).
std::string render_findings(const Context& ctx, const FindingsReport& report, std::string_view format);

/// Renders findings in `ctx.global.format`. `preface` (text format only) goes before them,
/// `json_extra` (json only) holds `"key": value` members for the top-level object.
std::string render_findings(const Context& ctx, const std::vector<Diagnostic>& diags,
                            const std::string& preface = {}, const std::string& json_extra = {});

/// Findings as an .xlsx workbook: `sheets` (the command's own tables) first, then the findings.
std::string render_findings_xlsx(const Context& ctx, const std::vector<Diagnostic>& diags,
                                 std::vector<xlsx::Sheet> sheets = {});

/// One-line summary: "2 errors, 1 warning" / "2 个错误、1 个警告".
std::string summary_line(const Context& ctx, const std::vector<Diagnostic>& diags);

/// `path:line:col: severity[ID] slug: message (clause)`.
std::string concise_line(const Context& ctx, const Diagnostic& d, bool color);

/// `path:line:col`, the file alone without a line, "xuncha" without a file.
std::string location_text(const Location& l);

/// SARIF 2.1.0 for GitHub code scanning and other consumers (sarif.cpp).
std::string render_sarif(const Context& ctx, const std::vector<Diagnostic>& diags);

/// JUnit XML valid against Jenkins' junit-10.xsd: one test case per rule run (junit.cpp).
std::string render_junit(const Context& ctx, const FindingsReport& report);

}  // namespace xuncha::cli
