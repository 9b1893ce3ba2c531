// Escaping for XML and HTML.
#include "render/xml.hpp"

#include "base/utf8.hpp"

namespace xuncha::cli {

namespace {

std::string escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    char32_t c = step.code_point;
    if (!step.valid || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += attribute ? "&#13;" : "\r"; break;
      default: out.append(step.bytes);
    }
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view s) { return escape(s, false); }

std::string xml_attribute(std::string_view s) { return escape(s, true); }

}  // namespace xuncha::cli
