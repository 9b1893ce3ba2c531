// The --format check every subcommand makes first.
#include "formats.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {

void require_format(const Context& ctx, std::string_view command, const std::vector<std::string>& allowed) {
  const auto& f = ctx.global.format;
  if (std::find(allowed.begin(), allowed.end(), f) != allowed.end()) return;
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  throw UsageError(fmt::format("{}: unknown format '{}'; expected {}", command, f, list));
}

}  // namespace xuncha::cli
