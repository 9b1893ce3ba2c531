// Private to load/: builds YDocuments from parse events, in the order yaml-cpp's event parser
// emits them (a collection's node before its children). Both parsers of yaml_tree.cpp feed it,
// so the trees they build can only differ where the events differ.
#pragma once
#include <xuncha/load/yaml_tree.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace xuncha::load::detail {

class YSink {
 public:
  explicit YSink(std::vector<YDocument>& out) : out_(out) {}

  void document_start(std::uint32_t line) {
    doc_ = YDocument{};
    doc_.line = line;
    stack_.clear();
    pending_.clear();
  }
  void document_end() { out_.push_back(std::move(doc_)); }

  // A new node at a 1-based line and byte column; returns its index (already attached, except
  // for collections, which attach when they close).
  std::uint32_t scalar(std::uint32_t line, std::uint32_t column, std::string value, bool quoted) {
    auto i = make(YNode::Type::scalar, line, column);
    doc_.nodes[i].value = std::move(value);
    doc_.nodes[i].quoted = quoted;
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
    n.count = static_cast<std::uint32_t>(pending_.size() - from);
    doc_.kids.insert(doc_.kids.end(), pending_.begin() + static_cast<std::ptrdiff_t>(from), pending_.end());
    pending_.resize(from);
    attach(index);
  }
  // An existing node attached again (an alias).
  void attach(std::uint32_t index) {
    if (stack_.empty()) {
      doc_.root = index;
    } else {
      pending_.push_back(index);
    }
  }
  std::size_t depth() const { return stack_.size(); }

 private:
  std::uint32_t make(YNode::Type type, std::uint32_t line, std::uint32_t column) {
    YNode n;
    n.type = type;
    n.line = line;
    n.column = column;
    doc_.nodes.push_back(std::move(n));
    return static_cast<std::uint32_t>(doc_.nodes.size() - 1);
  }

  struct Open {
    std::uint32_t index;
    std::size_t from;
  };
  std::vector<YDocument>& out_;
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
