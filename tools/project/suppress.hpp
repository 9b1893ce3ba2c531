#pragma once
// Inline suppressions: `# xuncha: ignore[C103] -- reason` on a finding's line, or on the line
// where a record starts (its first key / its `- ` item), covering every finding in that record.
#include <xuncha/load/loader.hpp>

#include "base/context.hpp"
#include "base/selection.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

namespace xuncha::cli {

/// Removes the findings the comments suppress and returns how many; adds X001 (a suppression
/// without a reason) and X002 (a suppression that matched nothing, or names no rule) warnings.
/// X001/X002 follow the rule selection and severities like any rule (`--ignore X002`).
std::size_t apply_suppressions(const load::LoadResult& loaded, const rules::RuleSelection& selection,
                               std::vector<Diagnostic>& diags);

}  // namespace xuncha::cli
