#pragma once
// The --format check every subcommand makes first.
#include <string>
#include <string_view>
#include <vector>

#include "base/context.hpp"

namespace xuncha::cli {

/// Stops with a usage error unless --format is one of `allowed`; `command` names the caller.
/// A binary format is also checked for its destination (require_binary_destination).
void require_format(const Context& ctx, std::string_view command, const std::vector<std::string>& allowed);

/// Stops with a usage error when a binary format (xlsx) would go to a terminal: it needs -o FILE
/// or a redirected standard output.
void require_binary_destination(const Context& ctx);

}  // namespace xuncha::cli
