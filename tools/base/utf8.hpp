#pragma once
// Walking UTF-8 text that may not be valid (file names from other systems, hostile data).
#include <cstdint>
#include <string>
#include <string_view>

namespace xuncha::cli::utf8 {

/// One step through text: a code point, or one byte that starts no valid UTF-8 sequence.
struct Step {
  bool valid;           ///< false: `bytes` is a single stray byte
  char32_t code_point;  ///< the code point when valid
  std::string_view bytes;
};

/// The step at `i` (i < s.size()); rejects overlong forms, surrogates and values over U+10FFFF.
Step next(std::string_view s, std::size_t i);

/// Appends the UTF-8 encoding of `cp`.
void append(std::string& out, char32_t cp);

/// The backslash escape C, git's quoted paths and YAML's double-quoted scalars share for `cp`
/// (\a \b \t \n \v \f \r \" \\), or an empty view when it has none.
constexpr std::string_view c_escape(char32_t cp) {
  switch (cp) {
    case '\a': return "\\a";
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\v': return "\\v";
    case '\f': return "\\f";
    case '\r': return "\\r";
    case '"': return "\\\"";
    case '\\': return "\\\\";
    default: return {};
  }
}

}  // namespace xuncha::cli::utf8
