#pragma once
// Baselines: findings already known are accepted; new ones fail (xuncha check --baseline FILE).
// Keyed by rule and logical subject (the record id; the message when a finding has none), never
// by line numbers, so edits elsewhere in the data do not break a baseline.
#include "base/context.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

#include <string>
#include <vector>

namespace xuncha::cli {

/// The baseline file's text for `diags` (input errors, L rules, are never recorded).
std::string baseline_text(const std::vector<Diagnostic>& diags);

/// Reads FILE and removes the findings it accepts from `diags` (at most its count per key);
/// returns how many were accepted. A malformed FILE is a usage error with file:line:column.
std::size_t apply_baseline(const std::string& file, std::size_t max_bytes, std::vector<Diagnostic>& diags);

}  // namespace xuncha::cli
