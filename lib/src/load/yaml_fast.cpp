// The fast path of parse_yaml: the subset of YAML that data files are written in, parsed line by
// line into the same events, at the same marks, as yaml-cpp's parser emits for it. yaml-cpp's
// scanner matches every character against regular expressions and reads 3–6 MB/s; a country's
// ledger is 166 MB. Anything this parser is not sure of (anchors, tags, block scalars, multi-line
// scalars, empty sequence items, tabs, unusual escapes, any error) makes it give up, and yaml-cpp
// parses the text from the start: the fast path never decides what a text means when yaml-cpp
// could decide otherwise. tests/yaml_fast_test.cpp and the xuncha_fuzz_yaml target compare the
// two on every input where the fast path answers.
#include "yaml_sink.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::load::detail {
namespace {

struct GiveUp {};

[[noreturn]] void give_up() { throw GiveUp{}; }

// Whole-text checks first: UTF-8 only, no control characters but line feeds (and CR LF), no
// tabs, no byte order mark, no characters YAML 1.1 readers take for line breaks.
bool plain_text(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  std::size_t n = t.size();
  for (std::size_t i = 0; i < n;) {
    unsigned c = p[i];
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && !(c == '\r' && i + 1 < n && p[i + 1] == '\n')) return false;
      if (c == 0x7F) return false;
      ++i;
      continue;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + static_cast<std::size_t>(len) > n) return false;
    for (int k = 1; k < len; ++k)
      if ((p[i + static_cast<std::size_t>(k)] & 0xC0) != 0x80) return false;
    unsigned c1 = p[i + 1];
    if (len == 3 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))) return false;  // overlong, surrogates
    if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) return false;
    if (len == 2 && c == 0xC2 && (c1 == 0x85 || c1 == 0xA0)) return false;               // NEL, NBSP
    if (len == 3 && c == 0xE2 && c1 == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) return false;  // LS, PS
    if (len == 3 && c == 0xEF && c1 == 0xBB && p[i + 2] == 0xBF) return false;                  // BOM
    i += static_cast<std::size_t>(len);
  }
  return true;
}

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

class Fast {
 public:
  Fast(std::string_view text, std::vector<YDocument>& out) : text_(text), sink_(out, text) {}

  void run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      start_line(pos);
      handle_line();
      pos = next_;
    }
    if (in_doc_) {
      // yaml-cpp's mark at the end: the line after the last line break, else the last line, column 1;
      // but a last line of blanks or a comment without a line break can end a map early, at its
      // end: left to yaml-cpp.
      bool newline = !text_.empty() && text_.back() == '\n';
      std::size_t first = line_text_.find_first_not_of(' ');
      bool no_token_last = !newline && !line_text_.empty() && (first == std::string_view::npos || line_text_[first] == '#');
      for (const auto& b : stack_)
        if (b.awaiting && no_token_last) give_up();
      end_document(newline ? line_ + 1 : line_, 1);
    }
    if (documents_ == 0) give_up();  // (no document: yaml-cpp's to say)
  }

 private:
  enum class Kind : std::uint8_t { map, seq };
  struct Block {
    Kind kind;
    std::uint32_t indent;   // column (0-based) of its keys or dashes
    bool awaiting = false;  // map: a key whose value has not come yet
  };

  // Makes the physical line at `pos` the current one.
  void start_line(std::size_t pos) {
    std::size_t end = text_.find('\n', pos);
    next_ = end == std::string_view::npos ? text_.size() : end + 1;
    if (end == std::string_view::npos) end = text_.size();
    if (end > pos && text_[end - 1] == '\r') --end;
    ++line_;
    line_start_ = pos;
    line_end_ = end;
    line_text_ = text_.substr(pos, end - pos);
  }

  void handle_line() {
    std::string_view l = line_text_;
    if (l.substr(0, 3) == "---" || l.substr(0, 3) == "...") {
      if (l.substr(0, 3) == "..." || l.find_first_not_of(' ', 3) != std::string_view::npos) give_up();
      if (in_doc_) end_document(line_, 1);
      sink_.document_start(line_);
      in_doc_ = true;
      return;
    }
    std::size_t indent = l.find_first_not_of(' ');
    if (indent == std::string_view::npos || l[indent] == '#') return;  // blank or a comment
    if (l[0] == '%') give_up();                                         // a directive
    if (!in_doc_) {
      sink_.document_start(line_);
      in_doc_ = true;
    }
    auto i = static_cast<std::uint32_t>(indent);
    std::string_view rest = l.substr(indent);
    bool dash = is_dash(rest);
    while (!stack_.empty()) {
      Block& top = stack_.back();
      if (top.indent > i || (top.indent == i && top.kind == Kind::seq && !dash)) {
        if (top.awaiting) empty_value(line_, i + 1);
        sink_.close();
        stack_.pop_back();
        continue;
      }
      break;
    }
    // A "- " line is an item of a sequence, any other a "key: …" entry of a map: the next one of the
    // collection at this column, the first of a collection that is the value a key awaits (a
    // sequence may sit at the key's own column), or the document's root.
    Kind kind = dash ? Kind::seq : Kind::map;
    if (!stack_.empty() && stack_.back().kind == kind && stack_.back().indent == i) {
      // the next item or entry (the one before had an empty value when the map still awaits one)
      if (stack_.back().awaiting) empty_value(line_, i + 1);
    } else if (!stack_.empty() && stack_.back().kind == Kind::map && stack_.back().awaiting &&
               (stack_.back().indent < i || (dash && stack_.back().indent == i))) {
      stack_.back().awaiting = false;
      open(kind, i);
    } else if (stack_.empty() && !has_content_) {
      open(kind, i);
    } else {
      give_up();
    }
    has_content_ = true;
    if (dash)
      item(i, rest);
    else
      entry(i, rest, key_end(rest));
  }

  // An empty value is null, marked where yaml-cpp finds the token after it: the next line's first
  // token (the next key, a dedent, `---`) or the end of the text.
  void empty_value(std::uint32_t line, std::uint32_t column) {
    sink_.null(line, column);
    stack_.back().awaiting = false;
  }

  // The document ends at a `---` line or at the end of the text (the mark of a last empty value).
  void end_document(std::uint32_t line, std::uint32_t column) {
    while (!stack_.empty()) {
      if (stack_.back().awaiting) empty_value(line, column);
      sink_.close();
      stack_.pop_back();
    }
    if (!has_content_) give_up();  // an empty document: a null root
    sink_.document_end();
    ++documents_;
    in_doc_ = false;
    has_content_ = false;
  }

  static bool is_dash(std::string_view s) { return !s.empty() && s[0] == '-' && (s.size() == 1 || s[1] == ' '); }

  void open(Kind kind, std::uint32_t indent) {
    if (stack_.size() > 200) give_up();
    sink_.open(kind == Kind::map ? YNode::Type::map : YNode::Type::sequence, line_, indent + 1);
    stack_.push_back({kind, indent, false});
  }

  // "- …" at column i: a flow collection, a scalar, or the first entry of a compact map.
  void item(std::uint32_t i, std::string_view rest) {
    std::size_t skip = rest.find_first_not_of(' ', 1);
    if (skip == std::string_view::npos || rest[skip] == '#') give_up();  // the item is on the next lines
    auto j = i + static_cast<std::uint32_t>(skip);
    std::string_view c = rest.substr(skip);
    if (is_dash(c)) give_up();  // "- - x"
    std::size_t colon = c[0] == '[' || c[0] == '{' ? std::string_view::npos : key_end(c);
    if (colon != std::string_view::npos) {
      open(Kind::map, j);
      entry(j, c, colon);
      return;
    }
    value(j, c);
  }

  // Where the key of "key: …" ends (the colon), or npos when `c` is not a mapping entry.
  std::size_t key_end(std::string_view c) const {
    if (c[0] == '"' || c[0] == '\'') {
      std::size_t close = quoted_end(c);
      if (close + 1 < c.size() && c[close + 1] == ':' && (close + 2 == c.size() || c[close + 2] == ' '))
        return close + 1;
      return std::string_view::npos;
    }
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (c[k] == ':' && (k + 1 == c.size() || c[k + 1] == ' ')) return k;
      if (c[k] == '#' && k > 0 && c[k - 1] == ' ') return std::string_view::npos;
    }
    return std::string_view::npos;
  }

  // The closing quote of a quoted scalar starting at c[0], on this line.
  static std::size_t quoted_end(std::string_view c) {
    char q = c[0];
    for (std::size_t k = 1; k < c.size(); ++k) {
      if (q == '\'' && c[k] == '\'') {
        if (k + 1 < c.size() && c[k + 1] == '\'') {
          ++k;
          continue;
        }
        return k;
      }
      if (q == '"' && c[k] == '\\') {
        ++k;
        continue;
      }
      if (q == '"' && c[k] == '"') return k;
    }
    give_up();  // continues on the next line
  }

  // The scalar c[0..close] (quotes included) at column `col`.
  void quoted(std::uint32_t col, std::string_view c, std::size_t close) {
    std::string_view inside = c.substr(1, close - 1);
    if (inside.find(c[0] == '\'' ? '\'' : '\\') == std::string_view::npos) {
      sink_.scalar(line_, col + 1, inside, true);  // as it stands in the text
      return;
    }
    std::string v;
    v.reserve(close);
    for (std::size_t k = 1; k < close; ++k) {
      char ch = c[k];
      if (c[0] == '\'' && ch == '\'') {
        ++k;  // '' is one quote
      } else if (c[0] == '"' && ch == '\\') {
        ++k;
        switch (c[k]) {
          case '\\': ch = '\\'; break;
          case '"': ch = '"'; break;
          case 'n': ch = '\n'; break;
          case 't': ch = '\t'; break;
          default: give_up();
        }
      }
      v += ch;
    }
    sink_.scalar(line_, col + 1, v, true);
  }

  // A plain scalar's text may start with none of YAML's indicators.
  static bool plain_start(std::string_view c, bool flow) {
    static constexpr std::string_view never = ",[]{}#&*!|>'\"%@`";
    if (never.find(c[0]) != std::string_view::npos) return false;
    if (flow && c[0] == '?') return false;
    if ((c[0] == '-' || c[0] == '?' || c[0] == ':') && (c.size() == 1 || c[1] == ' ')) return false;
    return true;
  }

  void plain(std::uint32_t col, std::string_view v) {
    if (is_null_word(v))
      sink_.null(line_, col + 1);
    else
      sink_.scalar(line_, col + 1, v, false);
  }

  // Nothing but blanks and a comment may follow on the line.
  static void rest_is_comment(std::string_view r) {
    std::size_t k = r.find_first_not_of(' ');
    if (k == std::string_view::npos) return;
    if (r[k] != '#' || k == 0) give_up();
  }

  // "key: value" at column i (the map is open); `colon` is key_end(c).
  void entry(std::uint32_t i, std::string_view c, std::size_t colon) {
    // (yaml-cpp takes a simple key of at most 1024 characters)
    if (colon == std::string_view::npos || colon == 0 || colon > 1000) give_up();
    if (c[0] == '"' || c[0] == '\'') {
      quoted(i, c, colon - 1);
    } else {
      std::string_view key = c.substr(0, colon);
      if (!plain_start(key, false) || key.back() == ' ') give_up();
      plain(i, key);
    }
    std::string_view after = c.substr(colon + 1);
    std::size_t k = after.find_first_not_of(' ');
    if (k == std::string_view::npos || after[k] == '#') {
      stack_.back().awaiting = true;  // the value is on the next lines
      return;
    }
    value(i + static_cast<std::uint32_t>(colon + 1 + k), after.substr(k));
  }

  // A value on this line at column `col`: a flow collection, a quoted or a plain scalar.
  void value(std::uint32_t col, std::string_view c) {
    if (c[0] == '[' || c[0] == '{') {
      // It may run over the next lines, each indented more than the block it is a value in.
      min_indent_ = stack_.back().indent + 1;
      p_ = line_start_ + col;
      flow();
      rest_is_comment(text_.substr(p_, line_end_ - p_));
      return;
    }
    if (c[0] == '"' || c[0] == '\'') {
      std::size_t close = quoted_end(c);
      quoted(col, c, close);
      rest_is_comment(c.substr(close + 1));
      return;
    }
    if (!plain_start(c, false)) give_up();
    std::size_t end = c.size();
    for (std::size_t k = 0; k < c.size(); ++k) {
      if (c[k] == ':' && (k + 1 == c.size() || c[k + 1] == ' ')) give_up();  // "a: b: c"
      if (c[k] == '#' && c[k - 1] == ' ') {
        end = k;
        break;
      }
    }
    std::string_view v = c.substr(0, end);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    plain(col, v);
  }

  // ---- flow collections, read with a position p_ in the text that may pass line ends ----------

  std::uint32_t column() const { return static_cast<std::uint32_t>(p_ - line_start_) + 1; }
  char peek() const { return p_ < line_end_ ? text_[p_] : '\n'; }

  // Blanks, comments and line breaks; a line inside a flow collection must be indented more than
  // the block it belongs to, and the text may not end inside one.
  void blanks() {
    for (;;) {
      while (p_ < line_end_ && text_[p_] == ' ') ++p_;
      if (p_ < line_end_ && text_[p_] == '#' && (p_ == line_start_ || text_[p_ - 1] == ' ')) p_ = line_end_;
      if (p_ < line_end_) return;
      if (next_ >= text_.size()) give_up();
      start_line(next_);
      std::size_t indent = line_text_.find_first_not_of(' ');
      if (indent != std::string_view::npos && line_text_[indent] != '#' && indent < min_indent_) give_up();
      p_ = line_start_;
    }
  }

  // A flow collection at p_ ('[' or '{'); p_ ends past its closing bracket.
  void flow() {
    bool map = text_[p_] == '{';
    char close = map ? '}' : ']';
    if (sink_.depth() > 200) give_up();
    sink_.open(map ? YNode::Type::map : YNode::Type::sequence, line_, column());
    ++p_;
    blanks();
    if (peek() == close) {
      sink_.close();
      ++p_;
      return;
    }
    for (;;) {
      auto key_line = line_;
      std::size_t key_pos = p_;
      if (map && (peek() == '[' || peek() == '{')) give_up();  // a collection as a key
      node_in_flow();  // a key in a map, an item in a sequence
      blanks();
      if (map) {
        // A key's colon on another line, or more than yaml-cpp's 1,024 bytes from the key's start.
        if (line_ != key_line || p_ - key_pos > 1000) give_up();
        if (peek() != ':' || p_ + 1 >= line_end_ || text_[p_ + 1] != ' ') give_up();
        ++p_;
        blanks();
        if (peek() == ',' || peek() == '}') give_up();  // an empty value
        node_in_flow();
        blanks();
      }
      if (peek() == close) {
        sink_.close();
        ++p_;
        return;
      }
      if (peek() != ',') give_up();
      ++p_;
      blanks();
      if (peek() == close) give_up();  // a trailing comma
    }
  }

  // One node inside a flow collection at p_; p_ ends past it.
  void node_in_flow() {
    std::string_view s = text_.substr(p_, line_end_ - p_);
    auto col = column() - 1;
    if (s[0] == '[' || s[0] == '{') {
      flow();
      return;
    }
    if (s[0] == '"' || s[0] == '\'') {
      std::size_t close = quoted_end(s);
      quoted(col, s, close);
      p_ += close + 1;
      return;
    }
    if (!plain_start(s, true)) give_up();
    std::size_t e = 0;
    for (; e < s.size(); ++e) {
      char ch = s[e];
      if (ch == ',' || ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == '?') break;
      if (ch == ':' && (e + 1 == s.size() || s[e + 1] == ' ' || s[e + 1] == ',' || s[e + 1] == ']' || s[e + 1] == '}'))
        break;
      if (ch == '#' && s[e - 1] == ' ') break;
    }
    if (e < s.size() && (s[e] == '[' || s[e] == '{' || s[e] == '?')) give_up();
    std::string_view v = s.substr(0, e);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (v.empty()) give_up();
    plain(col, v);
    p_ += v.size();
    // A plain scalar that reaches the line's end (or a comment) may go on on the next line, and a
    // key may not have its colon there.
    if (e == s.size() || s[e] == '#') {
      blanks();
      char n = peek();
      if (n != ',' && n != ']' && n != '}') give_up();
    }
  }

  std::string_view text_;
  YSink sink_;
  std::vector<Block> stack_;
  std::string_view line_text_;
  std::size_t line_start_ = 0, line_end_ = 0, next_ = 0;  // the current line; where the next starts
  std::size_t p_ = 0, min_indent_ = 0;                     // inside flow collections
  std::uint32_t line_ = 0;
  bool in_doc_ = false, has_content_ = false;
  int documents_ = 0;
};

}  // namespace

bool parse_yaml_fast(std::string_view text, std::vector<YDocument>& out) {
  if (!plain_text(text)) return false;
  std::vector<YDocument> docs;
  try {
    Fast(text, docs).run();
  } catch (const GiveUp&) {
    return false;
  }
  out = std::move(docs);
  return true;
}

}  // namespace xuncha::load::detail
