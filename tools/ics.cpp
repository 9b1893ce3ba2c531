#include "ics.hpp"

namespace xuncha::cli::ics {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string line(std::string_view content) {
  std::string out;
  std::size_t col = 0;
  for (std::size_t i = 0; i < content.size();) {
    auto c = static_cast<unsigned char>(content[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    len = std::min(len, content.size() - i);
    if (col + len > 75) {
      out += "\r\n ";
      col = 1;
    }
    out.append(content.substr(i, len));
    col += len;
    i += len;
  }
  return out + "\r\n";
}

std::string date_value(std::string_view iso) {
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

}  // namespace xuncha::cli::ics
