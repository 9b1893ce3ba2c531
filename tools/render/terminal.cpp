// Text for a terminal: colour.
#include "terminal.hpp"

#include <fmt/format.h>

namespace xuncha::cli {

std::string paint(std::string_view s, std::string_view code, bool on) {
  if (!on) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

}  // namespace xuncha::cli
