#pragma once
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::rules {

/// Checks the policy settings the loader read as written (Dataset::policy_input: the `rules:`
/// map and `untracked_steps`) against the rule registry and the deadline steps, and applies the
/// valid ones to data.policy. Returns input errors (L013, with file:line:column), unsorted.
/// Call it after load::load and before anything reads rule_severity or untracked_steps.
std::vector<Diagnostic> validate_policy(Dataset& data);

}  // namespace xuncha::rules
