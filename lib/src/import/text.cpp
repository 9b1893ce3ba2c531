// Cell text as people type it (see text.hpp).
#include "text.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace xuncha::import {
namespace {

// Decodes one UTF-8 character at `i` (advancing it); invalid bytes come back as themselves.
char32_t next_char(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (n == 1 || i + n > s.size()) {
    ++i;
    return c;
  }
  char32_t v = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return v;
}


bool is_cjk(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x00B7; }

int digits(std::string_view s, std::size_t& i, std::size_t max) {
  int v = 0;
  std::size_t n = 0;
  while (i < s.size() && n < max && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), ++n;
  return n == 0 ? -1 : v;
}

}  // namespace

std::string fold_width(std::string_view s, bool punctuation) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t c = next_char(s, i);
    bool alnum = (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
    if (c >= 0xFF01 && c <= 0xFF5E && (alnum || punctuation)) out += static_cast<char>(c - 0xFF01 + 0x21);
    else if (c == 0x3000 || c == 0xA0) out += ' ';
    else out.append(s.substr(start, i - start));
  }
  return out;
}

std::string clean_text(std::string_view s) {
  std::string f = fold_width(s, false);
  std::string out;
  bool blank = false;
  for (char c : f) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

std::string clean_name(std::string_view s) {
  std::string t = clean_text(s);
  std::string out;
  char32_t prev = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t start = i;
    char32_t c = next_char(t, i);
    if (c == ' ' && is_cjk(prev) && i < t.size()) {
      std::size_t j = i;
      if (is_cjk(next_char(t, j))) continue;
    }
    out.append(t.substr(start, i - start));
    prev = c;
  }
  return out;
}

std::optional<Date> parse_date_text(std::string_view raw) {
  std::string s = clean_text(fold_width(raw));
  std::string_view v = s;
  int y = -1, m = -1, d = -1;
  std::size_t i = 0;
  if (v.size() >= 8 && v.find_first_not_of("0123456789") >= 8 && (v.size() == 8 || v[8] == ' ')) {
    y = digits(v, i, 4);
    m = digits(v, i, 2);
    d = digits(v, i, 2);
  } else {
    y = digits(v, i, 4);
    if (y < 0 || i != 4) return std::nullopt;
    auto sep = [&](std::string_view want) {
      if (v.substr(i).starts_with(want)) {
        i += want.size();
        return true;
      }
      return false;
    };
    if (sep("年")) {
      m = digits(v, i, 2);
      if (!sep("月")) return std::nullopt;
      d = digits(v, i, 2);
      if (!sep("日")) sep("号");
    } else {
      char c = i < v.size() ? v[i] : '\0';
      if (c != '-' && c != '/' && c != '.') return std::nullopt;
      ++i;
      m = digits(v, i, 2);
      if (i >= v.size() || v[i] != c) return std::nullopt;
      ++i;
      d = digits(v, i, 2);
    }
  }
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  // A time after the date (2026-03-01 00:00:00, as LibreOffice writes dates to CSV) is allowed.
  if (i < v.size() && v[i] != ' ' && v[i] != 'T') return std::nullopt;
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || y < min_year || y > max_year) return std::nullopt;
  return Date{ymd};
}

std::optional<std::pair<Date, Date>> parse_date_range(std::string_view raw) {
  std::string s = clean_text(fold_width(raw));
  for (std::string_view dash : {"—", "–", "至", "到", "~", "〜"})
    for (auto p = s.find(dash); p != std::string::npos; p = s.find(dash, p)) s.replace(p, dash.size(), "#");
  // Each '#' or '-' is a place the range may split; the first where both sides read wins.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '#' && s[i] != '-') continue;
    std::string left = clean_text(s.substr(0, i)), right = clean_text(s.substr(i + 1));
    auto a = parse_date_text(left);
    if (!a || right.empty()) continue;
    if (auto b = parse_date_text(right)) return std::pair{*a, *b};
    // The right side without the year (3月15日, 3.15, 3/15, 3-15) or the month too (15日, 15).
    date::year_month_day ymd{*a};
    std::string full;
    bool md = right.find_first_of("./-") != std::string::npos;  // (ASCII only: 月 is looked for apart)
    if (right.find("月") != std::string::npos) full = fmt::format("{}年{}", static_cast<int>(ymd.year()), right);
    else if (md) {
      std::string r = right;
      for (auto& c : r)
        if (c == '.' || c == '/') c = '-';
      full = fmt::format("{}-{}", static_cast<int>(ymd.year()), r);
    } else {
      full = fmt::format("{}年{}月{}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), right);
    }
    if (!full.ends_with("日") && full.find("年") != std::string::npos && full.find("月") != std::string::npos) full += "日";
    if (auto b = parse_date_text(full)) return std::pair{*a, *b};
  }
  return std::nullopt;
}

std::optional<bool> parse_bool_text(std::string_view raw) {
  std::string s = clean_text(fold_width(raw));
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  static constexpr std::string_view yes[] = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "有", "对", "t", "是的"};
  static constexpr std::string_view no[] = {"否", "×", "✗", "✘", "x", "n", "no", "false", "0", "无", "不是", "f", "错"};
  for (auto w : yes)
    if (s == w) return true;
  for (auto w : no)
    if (s == w) return false;
  return std::nullopt;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    std::string t = clean_text(item);
    if (!t.empty()) out.push_back(std::move(t));
    item.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t c = next_char(s, i);
    // , ; line break, and 、，；
    if (c == ',' || c == ';' || c == '\n' || c == 0x3001 || c == 0xFF0C || c == 0xFF1B) flush();
    else item.append(s.substr(start, i - start));
  }
  flush();
  return out;
}

}  // namespace xuncha::import
