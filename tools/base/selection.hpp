#pragma once
// Which rules run and which findings fail the run: --select, --ignore, --severity, --fail-on.
#include <span>
#include <string_view>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/rules/registry.hpp>

#include "base/context.hpp"

namespace xuncha::cli {

/// The rule selection from --select/--ignore/--severity.
rules::RuleSelection selection(const Context& ctx);

/// Severity threshold from --fail-on.
Severity fail_threshold(const Context& ctx);

/// The rules that run over `policy` with this selection (in `only`'s checkers, every checker
/// when empty): selected, not ignored, not turned off. Sorted by id.
std::vector<const rules::RuleInfo*> rules_run(const Policy& policy, const rules::RuleSelection& sel,
                                              std::span<const std::string_view> only = {});

/// Exit code for findings: 2 with input errors, 1 at or above --fail-on, else 0.
int findings_exit_code(const Context& ctx, const std::vector<Diagnostic>& diags);

}  // namespace xuncha::cli
