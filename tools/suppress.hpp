#pragma once
// Inline suppressions: `# xuncha: ignore[C103] -- reason` on a finding's line, or on the line
// where a record starts (its first key / its `- ` item), covering every finding in that record.
#include "app.hpp"

namespace xuncha::cli {

/// Removes the findings the comments suppress and returns how many; adds X001 (a suppression
/// without a reason) and X002 (a suppression that matched nothing, or names no rule) warnings.
std::size_t apply_suppressions(const load::LoadResult& loaded, std::vector<Diagnostic>& diags);

}  // namespace xuncha::cli
