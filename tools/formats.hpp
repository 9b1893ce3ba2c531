#pragma once
// The --format check every subcommand makes first.
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace xuncha::cli {

/// Stops with a usage error unless --format is one of `allowed`; `command` names the caller.
void require_format(const Context& ctx, std::string_view command, const std::vector<std::string>& allowed);

}  // namespace xuncha::cli
