// Private to load/: builds YDocuments from parse events, in the order yaml-cpp's event parser
// emits them (a collection's node before its children). Both parsers of yaml_tree.cpp feed it,
// so the trees they build can only differ where the events differ.
#pragma once
#include <xuncha/load/yaml_tree.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

namespace xuncha::load::detail {

class YSink {
 public:
  /// Documents parsed from `text` go to `out`; their scalar texts may be views into `text`.
  YSink(std::vector<YDocument>& out, std::string_view text) : out_(out), text_(text) {}

  void document_start(std::uint32_t line) {
    doc_ = YDocument{};
    doc_.text = text_;
    doc_.line = line;
    stack_.clear();
    pending_.clear();
  }
  void document_end() { out_.push_back(std::move(doc_)); }

  // A new node at a 1-based line and byte column; returns its index (already attached, except
  // for collections, which attach when they close). A scalar's value that is a view into the
  // text is kept as a place in it; any other is copied into the document's arena.
  std::uint32_t scalar(std::uint32_t line, std::uint32_t column, std::string_view value, bool quoted) {
    auto i = make(YNode::Type::scalar, line, column);
    std::size_t at = 0;
    if (value.empty()) {
      at = 0;
    } else if (std::less_equal<const char*>()(text_.data(), value.data()) &&
               std::less_equal<const char*>()(value.data() + value.size(), text_.data() + text_.size())) {
      at = static_cast<std::size_t>(value.data() - text_.data());
    } else {
      at = text_.size() + doc_.arena.size();
      doc_.arena.append(value);
    }
    if (at + value.size() > 0xFFFFFFFFu || value.size() > 0x3FFFFFFFu)
      throw std::length_error("YAML text too large: a scalar past 4 GiB or longer than 1 GiB");
    auto& n = doc_.nodes[i];
    n.first = static_cast<std::uint32_t>(at);
    n.count = static_cast<std::uint32_t>(value.size()) & 0x3FFFFFFFu;
    n.quoted = quoted;
    attach(i);
    return i;
  }
  std::uint32_t null(std::uint32_t line, std::uint32_t column) {
    auto i = make(YNode::Type::null, line, column);
    attach(i);
    return i;
  }
  std::uint32_t open(YNode::Type type, std::uint32_t line, std::uint32_t column) {
    auto i = make(type, line, column);
    stack_.push_back({i, pending_.size()});
    return i;
  }
  void close() {
    auto [index, from] = stack_.back();
    stack_.pop_back();
    auto& n = doc_.nodes[index];
    n.first = static_cast<std::uint32_t>(doc_.kids.size());
    n.count = static_cast<std::uint32_t>(pending_.size() - from) & 0x3FFFFFFFu;
    for (std::size_t k = from; k < pending_.size(); ++k) doc_.kids.push_back(pending_[k]);
    pending_.resize(from);
    attach(index);
  }
  // An existing node attached again (an alias).
  void alias(std::uint32_t index) {
    doc_.shared = true;
    attach(index);
  }
  std::size_t depth() const { return stack_.size(); }

 private:
  void attach(std::uint32_t index) {
    if (stack_.empty()) {
      doc_.root = index;
    } else {
      pending_.push_back(index);
    }
  }
  std::uint32_t make(YNode::Type type, std::uint32_t line, std::uint32_t column) {
    if (line > 0x7FFFFFFFu || doc_.nodes.size() >= 0xFFFFFFFFu) throw std::length_error("YAML text too large");
    YNode n;
    n.type = type;
    n.line = line & 0x7FFFFFFFu;
    n.column = column;
    doc_.nodes.push_back(n);
    return static_cast<std::uint32_t>(doc_.nodes.size() - 1);
  }

  struct Open {
    std::uint32_t index;
    std::size_t from;
  };
  std::vector<YDocument>& out_;
  std::string_view text_;
  YDocument doc_;
  std::vector<Open> stack_;
  std::vector<std::uint32_t> pending_;
};

/// The fast path: a hand-written parser for the block-and-flow subset that data files use
/// (yaml_fast.cpp). True with `out` filled exactly as yaml-cpp's parser would fill it (byte
/// columns); false, `out` unspecified, for anything outside the subset, which then goes to yaml-cpp.
bool parse_yaml_fast(std::string_view text, std::vector<YDocument>& out);

/// yaml-cpp alone (for the differential tests of the fast path).
YParse parse_yaml_cpp(std::string_view text);

}  // namespace xuncha::load::detail
