#pragma once
// Text for a terminal: colour and counted nouns.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// "1 tour", "2 tours": an English count with its noun (Chinese needs no plural).
inline std::string count_of(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

/// Wraps `s` in an ANSI colour when `on`.
std::string paint(std::string_view s, std::string_view code, bool on);

}  // namespace xuncha::cli
