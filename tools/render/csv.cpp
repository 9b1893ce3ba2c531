// CSV cells (RFC 4180) that spreadsheets do not run as formulas.
#include "render/csv.hpp"

#include "base/utf8.hpp"

namespace xuncha::cli {

std::string csv_cell(std::string_view s) {
  // Bytes that are not UTF-8 (a GBK file name) become U+FFFD: the file stays readable as UTF-8.
  std::string v;
  for (std::size_t i = 0; i < s.size();) {
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    if (step.valid) v.append(step.bytes);
    else v += "\xEF\xBF\xBD";
  }
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) v = "'" + v;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace xuncha::cli
