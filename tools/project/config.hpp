#pragma once
// Repository configuration: xuncha.yaml or .xuncha.yaml, found by walking up from the first
// input path (or the current folder) and stopping at the repository root (a folder with .git).
#include "base/context.hpp"
#include "base/selection.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

#include <string>
#include <vector>

namespace xuncha::cli {

/// The settings a configuration file may hold, in the order `xuncha config` prints them.
inline const std::vector<std::string_view> config_keys{"select", "ignore",   "severity", "fail-on",      "exclude",
                                                       "lang",   "policy",   "calendar", "max-file-size"};

/// The configuration file itself is read up to this size.
inline constexpr std::size_t max_config_bytes = 1024 * 1024;

/// Finds the configuration file for `start` (a file or folder; empty: the current folder).
/// Returns its path (relative to the current folder when below it), or "" when there is none.
/// Both names in one folder is a usage error.
std::string find_config(const std::string& start);

/// Reads the configuration for `start` into ctx.global, keeping every setting given on the
/// command line (ctx.global.given), and records where each came from (ctx.global.origin).
/// Errors (syntax, unknown keys, bad values) are usage errors with file:line:column.
void apply_config(Context& ctx, const std::string& start);

}  // namespace xuncha::cli
