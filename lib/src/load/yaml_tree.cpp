#include <xuncha/load/yaml_tree.hpp>

#include "yaml_sink.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace xuncha::load {
namespace {

// Reads the caller's buffer in place: no copy of a possibly large input.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::vector<YDocument>& out, std::string_view text) : sink_(out, text) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    sink_.document_start(static_cast<std::uint32_t>(mark.line + 1));
    anchors_.clear();
  }
  void OnDocumentEnd() override { sink_.document_end(); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    progress(mark);
    remember(anchor, sink_.null(line(mark), column(mark)));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    progress(mark);
    auto it = anchors_.find(anchor);
    // yaml-cpp rejects unknown aliases itself; the guard keeps us safe regardless.
    if (it != anchors_.end()) sink_.alias(it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    progress(mark);
    remember(anchor, sink_.scalar(line(mark), column(mark), value, tag == "!"));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    progress(mark);
    remember(anchor, sink_.open(YNode::Type::sequence, line(mark), column(mark)));
  }
  void OnSequenceEnd() override { sink_.close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    progress(mark);
    remember(anchor, sink_.open(YNode::Type::map, line(mark), column(mark)));
  }
  void OnMapEnd() override { sink_.close(); }

 private:
  static std::uint32_t line(const YAML::Mark& m) { return static_cast<std::uint32_t>(m.line + 1); }
  static std::uint32_t column(const YAML::Mark& m) { return static_cast<std::uint32_t>(m.column + 1); }
  void remember(YAML::anchor_t anchor, std::uint32_t index) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = index;
  }
  // yaml-cpp 0.7 can loop forever on some invalid input (`{a: 1},` at the top level), emitting
  // nulls at one position without consuming input; every real node sits at its own position.
  void progress(const YAML::Mark& mark) {
    if (mark.pos != last_pos_) {
      last_pos_ = mark.pos;
      same_pos_ = 0;
    } else if (++same_pos_ > 1000) {
      throw YAML::ParserException(mark, "unexpected content (the parser made no progress here)");
    }
  }

  detail::YSink sink_;
  std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
  int last_pos_ = -1;
  int same_pos_ = 0;
};

// yaml-cpp counts columns in bytes; people (and the encoding check, and SARIF's
// columnKind "unicodeCodePoints") count characters. Converts a 1-based byte column on a
// 1-based line into a 1-based code-point column. Nodes come in the order of the text, so a
// cursor moving forward finds each line's start without a table of every line (8 bytes a line);
// a line before the cursor starts the search again from the top.
class ColumnMap {
 public:
  explicit ColumnMap(std::string_view text) : text_(text) {
    ascii_ = true;
    for (char c : text)
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii_ = false;
        break;
      }
    // yaml-cpp does not count a UTF-8 byte order mark in the first line's columns.
    first_ = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    start_ = first_;
  }
  std::uint32_t operator()(std::uint32_t line, std::uint32_t byte_column) {
    if (ascii_ || line == 0 || byte_column == 0) return byte_column;
    if (line < line_) {
      line_ = 1;
      start_ = first_;
    }
    while (line_ < line) {
      auto eol = text_.find('\n', start_);
      if (eol == std::string_view::npos) return byte_column;  // (past the last line)
      start_ = eol + 1;
      ++line_;
    }
    std::size_t to = std::min(text_.size(), start_ + byte_column - 1);
    std::uint32_t column = 1;
    for (std::size_t i = start_; i < to; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return column;
  }

 private:
  std::string_view text_;
  bool ascii_ = true;
  std::size_t first_ = 0;
  std::uint32_t line_ = 1;  // the cursor: a line and where it starts
  std::size_t start_ = 0;
};

}  // namespace

namespace detail {

YParse parse_yaml_cpp(std::string_view text) {
  YParse result;
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  TreeBuilder builder(result.documents, text);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YAML::DeepRecursion& e) {
    result.failed = true;
    result.error = {static_cast<std::uint32_t>(e.mark.line + 1),
                    static_cast<std::uint32_t>(e.mark.column + 1), e.msg, true};
  } catch (const YAML::Exception& e) {
    result.failed = true;
    result.error = {static_cast<std::uint32_t>(e.mark.line + 1),
                    static_cast<std::uint32_t>(e.mark.column + 1), e.msg, false};
  }
  return result;
}

}  // namespace detail

bool operator==(const YDocument& a, const YDocument& b) {
  if (a.root != b.root || a.line != b.line || a.kids != b.kids || a.nodes.size() != b.nodes.size()) return false;
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    const YNode& n = a.nodes[i];
    const YNode& m = b.nodes[i];
    if (n.type != m.type || n.quoted != m.quoted || n.line != m.line || n.column != m.column) return false;
    if (n.type == YNode::Type::scalar ? a.value(n) != b.value(m) : n.first != m.first || n.count != m.count)
      return false;
  }
  return true;
}

YParse parse_yaml(std::string_view text) {
  YParse result;
  // (yaml-cpp's marks count in int, and a node's text is found by a 32-bit offset)
  if (text.size() >= (std::size_t{1} << 31)) {
    result.failed = true;
    result.error = {1, 1, "the text is larger than 2 GiB, more than the parser reads", false};
    return result;
  }
  // The fast path takes the plain data files (about 30 times faster than yaml-cpp's scanner);
  // anything else, including every error, is yaml-cpp's.
  if (!detail::parse_yaml_fast(text, result.documents)) {
    result = detail::parse_yaml_cpp(text);
    result.general = true;
  }
  ColumnMap columns(text);
  for (auto& doc : result.documents)
    for (std::size_t i = 0; i < doc.nodes.size(); ++i) {
      YNode& n = doc.nodes[i];
      n.column = columns(n.line, n.column);
    }
  if (result.failed) result.error.column = columns(result.error.line, result.error.column);
  return result;
}

}  // namespace xuncha::load
