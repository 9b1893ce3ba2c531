// A YAML syntax error said where the mistake is: the parser notices most slips a line late and
// in its own words ("illegal map value"); a full-width colon, an ideographic space, a
// non-breaking space, a tab or an unclosed bracket a few lines up is what the user must fix.
#include "decoder.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

namespace xuncha::load::detail {
namespace {

struct Line {
  std::string_view text;
  std::uint32_t number = 0;
};

std::vector<Line> lines_up_to(std::string_view text, std::uint32_t last) {
  std::vector<Line> out;
  std::size_t pos = 0;
  for (std::uint32_t n = 1; n <= last && pos <= text.size(); ++n) {
    auto eol = text.find('\n', pos);
    auto line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back({line, n});
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return out;
}

// Code points before byte `at`, plus one: the column as xuncha counts them.
std::uint32_t column_of(std::string_view line, std::size_t at) {
  std::uint32_t col = 1;
  for (std::size_t i = 0; i < at && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

struct Hint {
  std::uint32_t line = 0, column = 0;
  Message message;
};

std::optional<Hint> odd_character(const Line& l) {
  auto text = l.text;
  std::size_t indent = 0;
  // Leading whitespace: tabs, ideographic spaces (U+3000), non-breaking spaces (U+00A0).
  while (indent < text.size()) {
    if (text[indent] == ' ') {
      ++indent;
    } else if (text[indent] == '\t') {
      return Hint{l.number, column_of(text, indent),
                  {fmt::format("第 {} 行第 {} 列用制表符（Tab）缩进；YAML 只能用空格缩进", l.number, column_of(text, indent)),
                   fmt::format("line {}, column {} indents with a tab; YAML indents with spaces only", l.number,
                               column_of(text, indent))}};
    } else if (text.substr(indent, 3) == "\u3000") {
      return Hint{l.number, column_of(text, indent),
                  {fmt::format("第 {} 行第 {} 列是全角空格「　」；YAML 缩进需要半角空格", l.number, column_of(text, indent)),
                   fmt::format("line {}, column {} is a full-width (ideographic) space; YAML indents with ASCII spaces",
                               l.number, column_of(text, indent))}};
    } else if (text.substr(indent, 2) == "\u00A0") {
      break;  // reported below
    } else {
      break;
    }
  }
  auto rest = text.substr(indent);
  if (rest.substr(0, 2) == "- ") rest.remove_prefix(2), indent += 2;
  // A key followed by a full-width colon: `name： 黄石市`.
  std::size_t k = 0;
  while (k < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[k])) || rest[k] == '_' || rest[k] == '-')) ++k;
  std::size_t after = k;
  while (after < rest.size() && rest[after] == ' ') ++after;
  if (k > 0 && rest.substr(after, 3) == "\uFF1A") {
    auto col = column_of(text, indent + after);
    return Hint{l.number, col,
                {fmt::format("第 {} 行第 {} 列是全角冒号「：」，YAML 需要半角「:」（其后加一个空格）", l.number, col),
                 fmt::format("line {}, column {} is a full-width colon '：'; YAML needs ':' (followed by a space)",
                             l.number, col)}};
  }
  // A non-breaking space (U+00A0) where YAML needs a space: in the indentation or after the colon.
  for (auto at = text.find("\u00A0"); at != std::string_view::npos; at = text.find("\u00A0", at + 2)) {
    bool leading = text.find_first_not_of(' ') == at;
    bool after_colon = at > 0 && text[at - 1] == ':';
    if (!leading && !after_colon) continue;
    auto col = column_of(text, at);
    return Hint{l.number, col,
                {fmt::format("第 {} 行第 {} 列是不间断空格（U+00A0，常从网页或 Word 复制而来）；请换成普通空格", l.number, col),
                 fmt::format("line {}, column {} is a non-breaking space (U+00A0, often pasted from a web page or "
                             "Word); replace it with an ordinary space",
                             l.number, col)}};
  }
  return std::nullopt;
}

// Brackets opened on `l` and not closed there (outside quotes); the last one's byte offset.
std::optional<std::size_t> unclosed_bracket(std::string_view l) {
  std::vector<std::size_t> open;
  char quote = 0;
  for (std::size_t i = 0; i < l.size(); ++i) {
    char c = l[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '#' && (i == 0 || l[i - 1] == ' ')) break;
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') open.push_back(i);
    else if ((c == ']' || c == '}') && !open.empty()) open.pop_back();
  }
  if (open.empty()) return std::nullopt;
  return open.back();
}

bool blank_or_comment(std::string_view l) {
  auto f = l.find_first_not_of(' ');
  return f == std::string_view::npos || l[f] == '#';
}

// The quote `q` that closes a quoted value in `l` at or after `from` (a backslash escapes in
// double quotes, '' is a quote in single ones), or npos when the value runs on past the line.
std::size_t closing_quote(std::string_view l, std::size_t from, char q) {
  for (std::size_t k = from; k < l.size(); ++k) {
    if (q == '"' && l[k] == '\\') {
      ++k;
      continue;
    }
    if (l[k] != q) continue;
    if (q == '\'' && k + 1 < l.size() && l[k + 1] == '\'') {
      ++k;
      continue;
    }
    return k;
  }
  return std::string_view::npos;
}

// True for a line that reads as a block key ("  class: city") or a list item ("  - id: x").
bool looks_like_structure(std::string_view l) {
  auto f = l.find_first_not_of(' ');
  if (f == std::string_view::npos) return false;
  l.remove_prefix(f);
  if (l.starts_with("- ")) return true;
  auto colon = l.find(": ");
  if (colon == std::string_view::npos && !l.empty() && l.back() == ':') colon = l.size() - 1;
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i)
    if (l[i] == ' ' || l[i] == '"' || l[i] == '\'' || l[i] == '#') return false;
  return true;
}

}  // namespace

std::optional<std::tuple<std::uint32_t, std::uint32_t, Message>> unclosed_quote(std::string_view text) {
  std::uint32_t number = 0;
  std::size_t pos = 0;
  // The quote still open: its line, byte offset in that line, the line's text, and its character.
  std::optional<std::tuple<std::uint32_t, std::size_t, std::string_view, char>> open;
  while (pos <= text.size()) {
    auto eol = text.find('\n', pos);
    auto l = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    ++number;
    std::size_t from = 0;
    if (open) {
      const auto& [at_line, at, line_text, q] = *open;
      // Still inside the quoted value: a line that reads as structure means the quote was never
      // meant to run on; a closing quote ends it.
      std::size_t close = closing_quote(l, 0, q);
      if (close == std::string_view::npos && looks_like_structure(l)) {
        auto col = column_of(line_text, at);
        return std::tuple{at_line, col,
                          Message{fmt::format("第 {} 行第 {} 列的引号「{}」没有闭合：请在值的末尾补上「{}」", at_line, col, q, q),
                                  fmt::format("the quote {} at line {}, column {} is never closed: add the closing {} at "
                                              "the end of the value",
                                              q, at_line, col, q)}};
      }
      if (close == std::string_view::npos) {
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
        continue;
      }
      open.reset();
      from = close + 1;
    }
    // A value that starts with a quote after "key: " or "- " (block context only).
    std::size_t i = from;
    while (i < l.size()) {
      std::size_t start = std::string_view::npos;
      if (from == 0 && i == 0) {
        auto f = l.find_first_not_of(' ');
        if (f == std::string_view::npos || l[f] == '#') break;
        i = f;
        while (i + 1 < l.size() && l[i] == '-' && l[i + 1] == ' ') i = l.find_first_not_of(' ', i + 1);
        if (i == std::string_view::npos) break;
        if (l[i] == '"' || l[i] == '\'') start = i;
      }
      if (start == std::string_view::npos) {
        auto colon = l.find(": ", i);
        if (colon == std::string_view::npos) break;
        auto v = l.find_first_not_of(' ', colon + 1);
        if (v == std::string_view::npos) break;
        // a plain value: nothing more on this line can open a quote that spans lines
        if (l[v] != '"' && l[v] != '\'') break;
        start = v;
      }
      char q = l[start];
      std::size_t k = closing_quote(l, start + 1, q);
      if (k == std::string_view::npos) {
        open = std::tuple{number, start, l, q};
        break;
      }
      i = k + 1;
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return std::nullopt;
}

std::optional<std::tuple<std::uint32_t, std::uint32_t, Message>> syntax_hint(std::string_view text, std::uint32_t line,
                                                                             std::string_view message) {
  if (line == 0) return std::nullopt;
  auto lines = lines_up_to(text, line);
  if (lines.empty()) return std::nullopt;
  // The nearest odd character at or above the error, a few lines up at most.
  for (std::size_t i = lines.size(); i-- > 0 && lines.size() - i <= 4;)
    if (auto h = odd_character(lines[i])) return std::tuple{h->line, h->column, h->message};
  if (message.find("flow") != std::string_view::npos) {
    for (std::size_t i = lines.size(); i-- > 0 && lines.size() - i <= 50;) {
      if (auto at = unclosed_bracket(lines[i].text)) {
        char open = lines[i].text[*at];
        char close = open == '[' ? ']' : '}';
        auto col = column_of(lines[i].text, *at);
        return std::tuple{lines[i].number, col,
                          Message{fmt::format("第 {} 行第 {} 列的「{}」没有闭合：请补上对应的「{}」", lines[i].number, col,
                                              open, close),
                                  fmt::format("the '{}' at line {}, column {} is never closed: add the matching '{}'",
                                              open, lines[i].number, col, close)}};
      }
    }
  }
  if (message.find("illegal map value") != std::string_view::npos && lines.size() >= 2) {
    // `counties 13` above a sibling key: the line without a colon is the mistake.
    const auto& here = lines.back();
    std::size_t i = lines.size() - 1;
    while (i-- > 0 && blank_or_comment(lines[i].text)) {
    }
    if (i < lines.size()) {
      const auto& prev = lines[i];
      auto indent = [](std::string_view l) { return l.find_first_not_of(' '); };
      auto body = prev.text.substr(std::min(prev.text.size(), indent(prev.text)));
      if (indent(prev.text) == indent(here.text) && body.find(':') == std::string_view::npos &&
          body.substr(0, 1) != "-") {
        auto col = column_of(prev.text, indent(prev.text));
        return std::tuple{prev.number, col,
                          Message{fmt::format("第 {} 行没有冒号：应写成「键: 值」", prev.number),
                                  fmt::format("line {} has no ':' after its key; expected 'key: value'", prev.number)}};
      }
    }
  }
  return std::nullopt;
}

}  // namespace xuncha::load::detail
