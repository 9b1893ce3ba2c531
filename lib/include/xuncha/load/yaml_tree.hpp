#pragma once
#include <cstdint>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::load {

/// A YAML node built from yaml-cpp's parser events: 16 bytes, with a mark for every node. A
/// scalar's text is YDocument::value(node); a collection's children are YDocument::child.
struct YNode {
  enum class Type : std::uint8_t { null, scalar, sequence, map };
  std::uint32_t line : 31 = 0;  ///< 1-based
  bool quoted : 1 = false;      ///< scalar was quoted or a block scalar (never a number/bool)
  std::uint32_t column = 0;     ///< 1-based
  std::uint32_t first = 0;      ///< children: YDocument::kids[first, first + count); scalars: where the text is
  std::uint32_t count : 30 = 0;  ///< for maps: 2 * entries (key, value, key, value …); scalars: text bytes
  Type type : 2 = Type::null;
};
static_assert(sizeof(YNode) == 16);

/// A vector in chunks, for the nodes and children of a document: it grows without moving what it
/// holds (a vector's doubling held three times the tree at its peak) and can give chunks back
/// while the document is decoded (release).
template <class T>
class Chunks {
 public:
  static constexpr std::size_t shift = 12, chunk = std::size_t{1} << shift;  ///< items per chunk

  std::size_t size() const { return size_; }
  const T& operator[](std::size_t i) const { return chunks_[i >> shift][i & mask]; }
  T& operator[](std::size_t i) { return chunks_[i >> shift][i & mask]; }
  void push_back(const T& x) {
    if ((size_ & mask) == 0) chunks_.push_back(std::make_unique<T[]>(chunk));
    chunks_.back()[size_ & mask] = x;
    ++size_;
  }
  /// Frees the chunks that lie wholly in [from, to): those items may no longer be read.
  void release(std::size_t from, std::size_t to) {
    for (std::size_t c = (from + mask) >> shift; ((c + 1) << shift) <= to && c < chunks_.size(); ++c)
      chunks_[c].reset();
  }
  friend bool operator==(const Chunks& a, const Chunks& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!(a[i] == b[i])) return false;
    return true;
  }

 private:
  static constexpr std::size_t mask = chunk - 1;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};
using YNodes = Chunks<YNode>;

/// One parsed document: nodes plus the child table; aliases share nodes. Scalar texts are views
/// into the parsed text where it holds them as they are, and into the document's arena where
/// they had to be unescaped: the text must outlive the document.
struct YDocument {
  YNodes nodes;
  Chunks<std::uint32_t> kids;
  bool shared = false;             ///< some node is attached twice (an alias)
  std::string_view text;  ///< the text parsed
  std::string arena;      ///< scalar texts not in `text`, at offsets from text.size()
  std::uint32_t root = 0;
  std::uint32_t line = 1;  ///< where the document starts

  const YNode& node(std::uint32_t i) const { return nodes[i]; }
  std::uint32_t child(const YNode& n, std::uint32_t k) const { return kids[n.first + k]; }
  /// A scalar's text (empty for other nodes).
  std::string_view value(const YNode& n) const {
    if (n.type != YNode::Type::scalar || n.count == 0) return {};
    if (n.first < text.size()) return text.substr(n.first, n.count);
    return std::string_view(arena).substr(n.first - text.size(), n.count);
  }

  /// The same trees: nodes (type, quoting, marks, children, scalar texts wherever they are kept).
  friend bool operator==(const YDocument& a, const YDocument& b);
};

/// A syntax problem found while parsing (yaml-cpp's message, 1-based mark).
struct YError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  bool too_deep = false;
};

/// Result of parsing one text: the documents read before any error, and the error if any.
/// The documents' scalar texts may be views into `text`, which must outlive them.
struct YParse {
  std::vector<YDocument> documents;
  bool failed = false;
  YError error;
  bool general = false;  ///< yaml-cpp read it (the fast path took not all of it)
};

/// Parses YAML text with yaml-cpp's event API (no exceptions escape but std::bad_alloc).
YParse parse_yaml(std::string_view text);

}  // namespace xuncha::load
