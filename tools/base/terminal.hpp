#pragma once
// Text for a terminal: colour, counted nouns, and control characters made harmless.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// "1 tour", "2 tours": an English count with its noun (Chinese needs no plural).
inline std::string count_of(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

/// Wraps `s` in an ANSI colour when `on`.
std::string paint(std::string_view s, std::string_view code, bool on);

/// Text that can go to a terminal whatever the data held: C0 and C1 control characters other
/// than newline and tab, DEL, and bytes that are not UTF-8 are shown as `\xHH` (`\u009B` for C1),
/// so a value cannot move the cursor, set the title or clear the screen. With `keep_colour`,
/// colour sequences (ESC [ digits ; ... m) pass, and only those.
std::string terminal_safe(std::string_view s, bool keep_colour);

/// A file name as text output and messages show it, quoted the way git's core.quotePath does:
/// unchanged when it holds only printable UTF-8 other than `"` and `\`, otherwise in double
/// quotes with `\n`, `\t`, `\"`, `\\` and `\ooo` (octal) for other control bytes and bytes that
/// are not UTF-8, so a file name can neither start a new line nor pass for another name.
std::string quote_path(std::string_view path);

}  // namespace xuncha::cli
