#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::load {

/// A YAML node built from yaml-cpp's parser events: compact, with a mark for every node.
struct YNode {
  enum class Type : std::uint8_t { null, scalar, sequence, map };
  Type type = Type::null;
  bool quoted = false;         ///< scalar was quoted or a block scalar (never a number/bool)
  std::uint32_t line = 0;      ///< 1-based
  std::uint32_t column = 0;    ///< 1-based
  std::uint32_t first = 0;     ///< children: YTree::kids[first, first + count)
  std::uint32_t count = 0;     ///< for maps: 2 * entries (key, value, key, value …)
  std::string value;           ///< scalar text

  friend bool operator==(const YNode&, const YNode&) = default;
};

/// One parsed document: nodes plus the child table; aliases share nodes.
struct YDocument {
  std::vector<YNode> nodes;
  std::vector<std::uint32_t> kids;
  std::uint32_t root = 0;
  std::uint32_t line = 1;  ///< where the document starts

  const YNode& node(std::uint32_t i) const { return nodes[i]; }
  std::uint32_t child(const YNode& n, std::uint32_t k) const { return kids[n.first + k]; }

  friend bool operator==(const YDocument&, const YDocument&) = default;
};

/// A syntax problem found while parsing (yaml-cpp's message, 1-based mark).
struct YError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  bool too_deep = false;
};

/// Result of parsing one text: the documents read before any error, and the error if any.
struct YParse {
  std::vector<YDocument> documents;
  bool failed = false;
  YError error;
};

/// Parses YAML text with yaml-cpp's event API (no exceptions escape).
YParse parse_yaml(std::string_view text);

}  // namespace xuncha::load
