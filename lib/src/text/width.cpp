#include <xuncha/text/width.hpp>

#include <utf8proc.h>

#include <algorithm>

namespace xuncha::text {

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: count it as one column and move on
      ++width;
      ++p;
      --left;
      continue;
    }
    int w = utf8proc_charwidth(cp);
    width += static_cast<std::size_t>(std::max(w, 0));
    p += n;
    left -= n;
  }
  return width;
}

std::string pad(std::string_view s, std::size_t width, bool right_align) {
  auto w = display_width(s);
  std::string fill(w < width ? width - w : 0, ' ');
  return right_align ? fill + std::string(s) : std::string(s) + fill;
}

Table::Table(std::vector<std::string> header, std::vector<bool> right_align)
    : header_(std::move(header)), right_(std::move(right_align)) {
  right_.resize(header_.size(), false);
}

void Table::add(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string Table::render() const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      bool last = c + 1 == cells.size();
      if (last && !right_[c]) out += cells[c];
      else out += pad(cells[c], widths[c], right_[c]);
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_);
  std::size_t total = 0;
  for (auto w : widths) total += w;
  total += 2 * (widths.empty() ? 0 : widths.size() - 1);
  std::string rule;
  rule.assign(total, '-');
  out += rule + "\n";
  for (const auto& row : rows_) out += line(row);
  return out;
}

}  // namespace xuncha::text
