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
  explicit TreeBuilder(std::vector<YDocument>& out) : sink_(out) {}

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
    if (it != anchors_.end()) sink_.attach(it->second);
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
// 1-based line into a 1-based code-point column.
class ColumnMap {
 public:
  explicit ColumnMap(std::string_view text) : text_(text) {
    ascii_ = true;
    for (char c : text)
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii_ = false;
        break;
      }
    if (ascii_) return;
    // yaml-cpp does not count a UTF-8 byte order mark in the first line's columns.
    starts_.push_back(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  std::uint32_t operator()(std::uint32_t line, std::uint32_t byte_column) const {
    if (ascii_ || line == 0 || line > starts_.size() || byte_column == 0) return byte_column;
    std::size_t from = starts_[line - 1];
    std::size_t to = std::min(text_.size(), from + byte_column - 1);
    std::uint32_t column = 1;
    for (std::size_t i = from; i < to; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return column;
  }

 private:
  std::string_view text_;
  bool ascii_ = true;
  std::vector<std::size_t> starts_;
};

}  // namespace

namespace detail {

YParse parse_yaml_cpp(std::string_view text) {
  YParse result;
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  TreeBuilder builder(result.documents);
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

YParse parse_yaml(std::string_view text) {
  // The fast path takes the plain data files (about 30 times faster than yaml-cpp's scanner);
  // anything else, including every error, is yaml-cpp's.
  YParse result;
  if (!detail::parse_yaml_fast(text, result.documents)) result = detail::parse_yaml_cpp(text);
  ColumnMap columns(text);
  for (auto& doc : result.documents)
    for (auto& n : doc.nodes) n.column = columns(n.line, n.column);
  if (result.failed) result.error.column = columns(result.error.line, result.error.column);
  return result;
}

}  // namespace xuncha::load
