#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace xuncha::load {

/// The language of the schemas' descriptions: Chinese, English, or both ("中文 / English").
enum class SchemaLang : unsigned char { both, zh, en };

/// The JSON Schema (draft 2020-12) of one `kind:` document, generated from the field tables the
/// loader decodes with; nullopt for an unknown kind. The text is pretty-printed and ends in "\n".
std::optional<std::string> json_schema(std::string_view kind, SchemaLang lang = SchemaLang::both);

/// One schema for any xuncha data file: each document is checked against its kind's schema.
std::string json_schema_all(SchemaLang lang = SchemaLang::both);

}  // namespace xuncha::load
