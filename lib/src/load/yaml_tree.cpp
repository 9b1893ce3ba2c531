#include <xuncha/load/yaml_tree.hpp>

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
  explicit TreeBuilder(std::vector<YDocument>& out) : out_(out) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    doc_ = YDocument{};
    doc_.line = static_cast<std::uint32_t>(mark.line + 1);
    anchors_.clear();
    stack_.clear();
    pending_.clear();
  }
  void OnDocumentEnd() override { out_.push_back(std::move(doc_)); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(make(YNode::Type::null, mark), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    progress(mark);
    auto it = anchors_.find(anchor);
    // yaml-cpp rejects unknown aliases itself; the guard keeps us safe regardless.
    if (it != anchors_.end()) attach(it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    auto i = make(YNode::Type::scalar, mark);
    doc_.nodes[i].value = value;
    doc_.nodes[i].quoted = (tag == "!");
    add(i, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YNode::Type::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YNode::Type::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
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
  std::uint32_t make(YNode::Type type, const YAML::Mark& mark) {
    progress(mark);
    YNode n;
    n.type = type;
    n.line = static_cast<std::uint32_t>(mark.line + 1);
    n.column = static_cast<std::uint32_t>(mark.column + 1);
    doc_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(doc_.nodes.size() - 1);
  }
  void add(std::uint32_t index, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = index;
    attach(index);
  }
  void attach(std::uint32_t index) {
    if (stack_.empty()) {
      doc_.root = index;
    } else {
      pending_.push_back(index);
    }
  }
  void open(YNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    auto i = make(type, mark);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = i;
    stack_.push_back({i, pending_.size()});
  }
  void close() {
    auto [index, from] = stack_.back();
    stack_.pop_back();
    auto& n = doc_.nodes[index];
    n.first = static_cast<std::uint32_t>(doc_.kids.size());
    n.count = static_cast<std::uint32_t>(pending_.size() - from);
    doc_.kids.insert(doc_.kids.end(), pending_.begin() + static_cast<std::ptrdiff_t>(from),
                     pending_.end());
    pending_.resize(from);
    attach(index);
  }

  struct Open {
    std::uint32_t index;
    std::size_t from;
  };
  std::vector<YDocument>& out_;
  YDocument doc_;
  std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
  std::vector<Open> stack_;
  std::vector<std::uint32_t> pending_;
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

YParse parse_yaml(std::string_view text) {
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
  ColumnMap columns(text);
  for (auto& doc : result.documents)
    for (auto& n : doc.nodes) n.column = columns(n.line, n.column);
  if (result.failed) result.error.column = columns(result.error.line, result.error.column);
  return result;
}

}  // namespace xuncha::load
