// YAML that every reader reads back as written, YAML 1.1 ones (PyYAML) included.
#include "yaml.hpp"

#include "json.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace xuncha::cli {

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
  // A JSON string is a YAML double-quoted scalar.
  return plain ? std::string(s) : json_string(s);
}

}  // namespace xuncha::cli
