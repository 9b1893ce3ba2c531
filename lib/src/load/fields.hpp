#pragma once
// The field tables: for every record of every kind, its keys (in the order messages list them),
// their types, ranges and choices. The decoders read ranges, choices and allowed keys from here
// and schema.cpp turns the same tables into JSON Schemas.
#include <cstdint>
#include <string_view>
#include <vector>

namespace xuncha::load::detail {

enum class FieldType : std::uint8_t {
  any,        ///< accepted and not read
  text,       ///< a scalar
  integer,    ///< an integer in [lo, hi]
  boolean,    ///< true / false (yes / no)
  date,       ///< YYYY-MM-DD
  month_day,  ///< MM-DD
  choice,     ///< one of `choices` (or an alias)
  ids,        ///< an id or a list of ids
  severity,   ///< off, info, warning or error
  record,     ///< a map described by `record`
  year_map,   ///< a map keyed by year whose values are `record`s
  rule_map,   ///< a map of rule id to severity
};

/// A description in Chinese and English: the schema's `description` (by --lang, or both).
struct About {
  std::string_view zh{};
  std::string_view en{};
};

struct Alias {
  std::string_view name;
  std::size_t value;
};

struct RecordSpec;

struct FieldSpec {
  std::string_view key;
  FieldType type = FieldType::any;
  bool required = false;
  bool list = false;  ///< a list of such values
  long long lo = 0, hi = 0;
  std::vector<std::string_view> choices{};  ///< shown in messages and in the schema
  std::vector<Alias> aliases{};             ///< accepted too (Chinese names, older spellings)
  const RecordSpec* record = nullptr;
  About about{};              ///< one line for the schema's description
  std::size_t min_items = 0;  ///< a list: items it must hold (null then is not empty but wrong)
};

/// A map's keys. For a document, the first two are kind: and version:.
struct RecordSpec {
  std::vector<FieldSpec> fields;
  About about{};
  /// At least one of these keys must be given, neither null nor empty (a tour's year or start).
  std::vector<std::string_view> one_of{};

  const FieldSpec* find(std::string_view key) const {
    for (const auto& f : fields)
      if (f.key == key) return &f;
    return nullptr;
  }
  std::vector<std::string_view> keys() const {
    std::vector<std::string_view> out;
    for (const auto& f : fields) out.push_back(f.key);
    return out;
  }
};

/// kind: and version: of a document (`required` false: a --calendar file may omit them).
inline FieldSpec kind_field(bool required = true) {
  return {.key = "kind", .type = FieldType::text, .required = required,
          .about = {"本文件所含数据的种类", "what this document holds"}};
}
inline FieldSpec version_field(bool required = true) {
  return {.key = "version", .type = FieldType::integer, .required = required, .lo = 1, .hi = 1,
          .about = {"数据格式版本，目前为 1", "version of the data format: 1"}};
}

/// The document of a list kind: kind:, version: and the list itself under the kind's name.
inline RecordSpec list_document(std::string_view kind, const RecordSpec& item, About about) {
  return {{kind_field(), version_field(),
           {.key = kind, .type = FieldType::record, .required = true, .list = true, .record = &item, .about = about}},
          about};
}

}  // namespace xuncha::load::detail
