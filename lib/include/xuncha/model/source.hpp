#pragma once
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xuncha {

/// A node's position: index into Dataset::files plus 1-based line and column (line 0: none).
struct Mark {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// The marks of a record's fields by name, in the order added, packed into one buffer: a
/// vector of (string, Mark) pairs took 48 bytes and more per field, several times the bytes of
/// the field in the input (issue 20: a 200 MB file of records held gigabytes of marks).
class FieldMarks {
 public:
  /// Adds the mark of `key` ("id", "members[2]", "milestones.feedback").
  void emplace_back(std::string_view key, Mark mark);
  bool empty() const { return buf_.empty(); }
  /// Room for `bytes` bytes of marks (a field takes its key's length and 4 to 12 more).
  void reserve(std::size_t bytes) { buf_.reserve(bytes); }

  /// Reads (key, mark) pairs; the keys are views into this object.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::pair<std::string_view, Mark>;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = value_type;
    iterator() = default;
    explicit iterator(const char* p) : p_(p) {}
    value_type operator*() const;
    iterator& operator++();
    iterator operator++(int) {
      auto old = *this;
      ++*this;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.p_ == b.p_; }

   private:
    const char* p_ = nullptr;
  };
  iterator begin() const { return iterator(buf_.data()); }
  iterator end() const { return iterator(buf_.data() + buf_.size()); }

 private:
  std::string buf_;  // per field: key length, key, file, line, column (numbers as LEB128)
};

/// Where a record came from: its own node, its YAML path, and the marks of its fields.
struct Source {
  Mark at;
  std::string path;  ///< e.g. "tours[3]"
  FieldMarks fields;

  /// Returns the mark of `field` ("members[2]", "milestones.feedback"), or of the record.
  Mark field(std::string_view name) const;
};

}  // namespace xuncha
