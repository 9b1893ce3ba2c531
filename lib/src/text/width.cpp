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

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

Table::Table(std::vector<std::string> header, std::vector<bool> right_align)
    : header_(std::move(header)), right_(std::move(right_align)) {
  right_.resize(header_.size(), false);
}

void Table::add(std::vector<std::string> row) {
  row.resize(header_.size());
  for (auto& cell : row)
    if (cell.find_first_of("\r\n") != std::string::npos) cell = one_line(cell);
  rows_.push_back(std::move(row));
}

namespace {

// Splits `s` into pieces no wider than `width` columns, breaking after a space where one is near.
std::vector<std::string> wrap(std::string_view s, std::size_t width) {
  std::vector<std::string> out;
  std::string line;
  std::size_t used = 0, last_space = std::string::npos;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) n = 1, cp = 0xFFFD;
    std::size_t w = static_cast<std::size_t>(std::max(utf8proc_charwidth(cp), 0));
    if (n == 1 && cp == 0xFFFD) w = 1;
    if (used + w > width && !line.empty()) {
      if (last_space != std::string::npos && last_space > 0) {
        std::string rest = line.substr(last_space + 1);
        line.resize(last_space);
        out.push_back(line);
        line = rest;
        used = display_width(line);
      } else {
        out.push_back(line);
        line.clear();
        used = 0;
      }
      last_space = std::string::npos;
    }
    if (cp == ' ') last_space = line.size();
    line.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    used += w;
    p += n;
    left -= n;
  }
  if (!line.empty() || out.empty()) out.push_back(line);
  return out;
}

}  // namespace

std::string Table::render(std::size_t max_width) const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  auto sum = [&] {
    std::size_t total = 0;
    for (auto w : widths) total += w;
    return total + 2 * (widths.empty() ? 0 : widths.size() - 1);
  };
  if (max_width > 0 && sum() > max_width) {
    // Narrow the widest left-aligned column, one column at a time, down to 8.
    constexpr std::size_t narrowest = 8;
    while (sum() > max_width) {
      std::size_t pick = widths.size();
      for (std::size_t c = 0; c < widths.size(); ++c)
        if (!right_[c] && widths[c] > narrowest && (pick == widths.size() || widths[c] > widths[pick])) pick = c;
      if (pick == widths.size()) break;
      --widths[pick];
    }
    if (sum() > max_width) {
      // Too many columns for the width: one block of `header  value` lines per row.
      std::size_t head = 0;
      for (const auto& h : header_) head = std::max(head, display_width(h));
      std::size_t room = max_width > head + 2 + narrowest ? max_width - head - 2 : narrowest;
      std::string out;
      for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (r) out += std::string(std::min(max_width, head + 2 + room), '-') + "\n";
        for (std::size_t c = 0; c < header_.size(); ++c) {
          auto pieces = wrap(rows_[r][c], room);
          for (std::size_t k = 0; k < pieces.size(); ++k) {
            std::string l = pad(k == 0 ? header_[c] : "", head) + "  " + pieces[k];
            while (!l.empty() && l.back() == ' ') l.pop_back();
            out += l + "\n";
          }
        }
      }
      return out;
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> pieces(cells.size());
    std::size_t height = 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      pieces[c] = display_width(cells[c]) > widths[c] ? wrap(cells[c], widths[c]) : std::vector<std::string>{cells[c]};
      height = std::max(height, pieces[c].size());
    }
    std::string out;
    for (std::size_t k = 0; k < height; ++k) {
      std::string l;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        bool last = c + 1 == cells.size();
        const std::string& cell = k < pieces[c].size() ? pieces[c][k] : std::string();
        if (last && !right_[c]) l += cell;
        else l += pad(cell, widths[c], right_[c]);
        if (!last) l += "  ";
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      out += l + "\n";
    }
    return out;
  };
  std::string out = line(header_);
  std::string rule;
  rule.assign(sum(), '-');
  out += rule + "\n";
  for (const auto& row : rows_) out += line(row);
  return out;
}

}  // namespace xuncha::text
