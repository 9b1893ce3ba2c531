// Text for a terminal: colour, and control characters made harmless.
#include "base/terminal.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>

namespace xuncha::cli {

std::string paint(std::string_view s, std::string_view code, bool on) {
  if (!on) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

namespace {

// Length of a colour sequence (ESC [ [0-9;]* m) at `i`, or 0.
std::size_t colour_sequence(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size() || s[i] != '\x1b' || s[i + 1] != '[') return 0;
  for (std::size_t k = i + 2; k < s.size(); ++k) {
    if (s[k] == 'm') return k + 1 - i;
    if (!(s[k] >= '0' && s[k] <= '9') && s[k] != ';') return 0;
  }
  return 0;
}

}  // namespace

std::string terminal_safe(std::string_view s, bool keep_colour) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (keep_colour)
      if (auto n = colour_sequence(s, i)) {
        out.append(s.substr(i, n));
        i += n;
        continue;
      }
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    char32_t c = step.code_point;
    if (!step.valid) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(step.bytes[0]));
    else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    else if (c >= 0x80 && c < 0xA0) out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    else out.append(step.bytes);
  }
  return out;
}

std::string quote_path(std::string_view path) {
  auto needs_quotes = [](const utf8::Step& step) {
    char32_t c = step.code_point;
    return !step.valid || c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '"' || c == '\\';
  };
  bool quote = false;
  for (std::size_t i = 0; i < path.size() && !quote;) {
    auto step = utf8::next(path, i);
    i += step.bytes.size();
    quote = needs_quotes(step);
  }
  if (!quote) return std::string(path);
  std::string out = "\"";
  for (std::size_t i = 0; i < path.size();) {
    auto step = utf8::next(path, i);
    i += step.bytes.size();
    if (!needs_quotes(step)) {
      out.append(step.bytes);
      continue;
    }
    if (auto esc = utf8::c_escape(step.valid ? step.code_point : char32_t{0xFFFD}); !esc.empty()) {
      out += esc;
    } else {
      for (char b : step.bytes) out += fmt::format("\\{:03o}", static_cast<unsigned char>(b));
    }
  }
  return out + "\"";
}

}  // namespace xuncha::cli
