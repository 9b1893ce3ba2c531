// YAML that every reader reads back as written, YAML 1.1 ones (PyYAML) included.
#include "render/yaml.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace xuncha::cli {

namespace {

// Characters a YAML reader refuses in a stream (YAML 1.1 and 1.2 "printable": C0 controls other
// than tab and the line breaks, DEL, C1 controls other than NEL, U+FFFE, U+FFFF).
bool unprintable(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0 && c != 0x85) ||
         c == 0xFFFE || c == 0xFFFF;
}

// Line breaks for YAML 1.1 readers: a raw one inside a quoted scalar folds into a space, and
// ends a comment.
bool line_break(char32_t c) { return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }

}  // namespace

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    if (!step.valid) {
      out += "\xEF\xBF\xBD";  // as the JSON writer does: a YAML stream is UTF-8
      continue;
    }
    char32_t c = step.code_point;
    if (auto esc = utf8::c_escape(c); !esc.empty()) {
      out += esc;
      continue;
    }
    switch (c) {
      case '\0': out += "\\0"; break;
      case 0x1B: out += "\\e"; break;
      case 0x85: out += "\\N"; break;
      case 0x2028: out += "\\L"; break;
      case 0x2029: out += "\\P"; break;
      default:
        if (c > 0xFF && unprintable(c)) out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
        else if (unprintable(c)) out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
        else out.append(step.bytes);
    }
  }
  return out + "\"";
}

std::string yaml_string(std::string_view s) {
  // Words YAML 1.1 reads as booleans or null (any case); a plain scalar must also start with a
  // letter (no numbers, octal, sexagesimal, dates, '.inf') and hold only letters, digits, - _ .
  static constexpr std::array<std::string_view, 14> special{"y", "n", "yes", "no", "on", "off", "true",
                                                            "false", "null", "nan", "inf", "~", "", "_"};
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  bool plain = !s.empty() && std::isalpha(static_cast<unsigned char>(s[0])) &&
               std::none_of(special.begin(), special.end(), [&](std::string_view w) { return w == lower; }) &&
               std::all_of(s.begin(), s.end(), [](char ch) {
                 auto c = static_cast<unsigned char>(ch);
                 return std::isalnum(c) || c == '-' || c == '_' || c == '.';
               });
  return plain ? std::string(s) : yaml_quoted(s);
}

std::string yaml_comment(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    if (step.valid && line_break(step.code_point)) out += ' ';
    else if (!step.valid || unprintable(step.code_point)) out += "\xEF\xBF\xBD";
    else out.append(step.bytes);
  }
  return out;
}

}  // namespace xuncha::cli
