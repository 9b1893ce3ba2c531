// JSON Schemas (draft 2020-12) generated from the field tables (fields.hpp), so editors see the
// keys, types, ranges and choices the loader accepts. YAML scalars a text field accepts (ids like
// 2025 or yes) may be strings, numbers or booleans to a YAML 1.1 reader, so text allows all three.
#include <xuncha/load/schema.hpp>

#include "decoder.hpp"

#include <fmt/format.h>

#include <variant>

namespace xuncha::load {
namespace {

using detail::FieldSpec;
using detail::FieldType;
using detail::RecordSpec;

// A JSON value in insertion order: a literal token, an object or an array.
struct Json {
  using Object = std::vector<std::pair<std::string, Json>>;
  using Array = std::vector<Json>;
  std::variant<std::string, Object, Array> v;

  static Json str(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') out += static_cast<char>('\\'), out += static_cast<char>(c);
      else if (c == '\n') out += "\\n";
      else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
      else out += static_cast<char>(c);
    }
    return {out + "\""};
  }
  static Json num(long long n) { return {fmt::format("{}", n)}; }
  static Json lit(std::string_view s) { return {std::string(s)}; }
  static Json obj() { return {Object{}}; }
  static Json arr() { return {Array{}}; }
  Json& set(std::string key, Json value) {
    std::get<Object>(v).emplace_back(std::move(key), std::move(value));
    return *this;
  }
  Json& push(Json value) {
    std::get<Array>(v).push_back(std::move(value));
    return *this;
  }

  void dump(std::string& out, int indent) const {
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    if (auto* s = std::get_if<std::string>(&v)) {
      out += *s;
    } else if (auto* o = std::get_if<Object>(&v)) {
      if (o->empty()) return void(out += "{}");
      out += "{\n";
      for (std::size_t i = 0; i < o->size(); ++i) {
        out += pad + str((*o)[i].first).text() + ": ";
        (*o)[i].second.dump(out, indent + 2);
        out += i + 1 < o->size() ? ",\n" : "\n";
      }
      out += std::string(static_cast<std::size_t>(indent), ' ') + "}";
    } else {
      const auto& a = std::get<Array>(v);
      // Arrays of literals stay on one line.
      bool flat = true;
      for (const auto& x : a) flat = flat && std::holds_alternative<std::string>(x.v);
      if (flat) {
        out += "[";
        for (std::size_t i = 0; i < a.size(); ++i) out += (i ? ", " : "") + std::get<std::string>(a[i].v);
        out += "]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < a.size(); ++i) {
        out += pad;
        a[i].dump(out, indent + 2);
        out += i + 1 < a.size() ? ",\n" : "\n";
      }
      out += std::string(static_cast<std::size_t>(indent), ' ') + "]";
    }
  }
  const std::string& text() const { return std::get<std::string>(v); }
};

Json scalar_types() { return Json::arr().push(Json::str("string")).push(Json::str("number")).push(Json::str("boolean")); }

Json record_schema(const RecordSpec& spec, std::string_view kind);

Json value_schema(const FieldSpec& f) {
  Json s = Json::obj();
  switch (f.type) {
    case FieldType::any: break;
    case FieldType::text: s.set("type", scalar_types()); break;
    case FieldType::integer:
      s.set("type", Json::str("integer")).set("minimum", Json::num(f.lo)).set("maximum", Json::num(f.hi));
      break;
    case FieldType::boolean: s.set("type", Json::str("boolean")); break;
    case FieldType::date:
      s.set("type", Json::str("string")).set("format", Json::str("date")).set("pattern", Json::str("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
      break;
    case FieldType::month_day: s.set("type", Json::str("string")).set("pattern", Json::str("^[0-9]{2}-[0-9]{2}$")); break;
    case FieldType::choice: {
      Json e = Json::arr();
      for (auto c : f.choices) e.push(Json::str(c));
      // A choice spelled in digits (a hazard's grade) may be written as a YAML integer.
      for (auto c : f.choices)
        if (!c.empty() && c.find_first_not_of("0123456789") == std::string_view::npos) e.push(Json::lit(c));
      for (const auto& a : f.aliases) e.push(Json::str(a.name));
      s.set("enum", std::move(e));
      break;
    }
    case FieldType::ids: {
      Json one = Json::obj().set("type", scalar_types());
      Json many = Json::obj().set("type", Json::str("array")).set("items", Json::obj().set("type", scalar_types()));
      s.set("anyOf", Json::arr().push(std::move(one)).push(std::move(many)).push(Json::obj().set("type", Json::str("null"))));
      break;
    }
    case FieldType::severity: s.set("enum", Json::arr().push(Json::str("off")).push(Json::str("info")).push(Json::str("warning")).push(Json::str("error"))); break;
    case FieldType::record: s = record_schema(*f.record, ""); break;
    case FieldType::year_map:
      s.set("type", Json::str("object"))
          .set("propertyNames", Json::obj().set("pattern", Json::str("^[0-9]{4}$")))
          .set("additionalProperties", record_schema(*f.record, ""));
      break;
    case FieldType::rule_map:
      s.set("type", Json::str("object"))
          .set("additionalProperties",
               Json::obj().set("enum", Json::arr().push(Json::str("off")).push(Json::str("info")).push(Json::str("warning")).push(Json::str("error"))));
      break;
  }
  return s;
}

Json field_schema(const FieldSpec& f) {
  Json s = f.list ? Json::obj()
                        .set("type", Json::arr().push(Json::str("array")).push(Json::str("null")))
                        .set("items", value_schema(f))
                  : value_schema(f);
  if (!f.about.empty()) std::get<Json::Object>(s.v).emplace(std::get<Json::Object>(s.v).begin(), "description", Json::str(f.about));
  return s;
}

// `kind` non-empty: a document, whose kind: and version: are constants.
Json record_schema(const RecordSpec& spec, std::string_view kind) {
  Json s = Json::obj();
  if (!spec.about.empty()) s.set("description", Json::str(spec.about));
  s.set("type", Json::str("object"));
  Json props = Json::obj();
  Json required = Json::arr();
  for (const auto& f : spec.fields) {
    if (!kind.empty() && f.key == "kind") props.set("kind", Json::obj().set("const", Json::str(kind)));
    else if (!kind.empty() && f.key == "version") props.set("version", Json::obj().set("const", Json::num(1)));
    else props.set(std::string(f.key), field_schema(f));
    if (f.required) required.push(Json::str(f.key));
  }
  s.set("properties", std::move(props));
  if (!std::get<Json::Array>(required.v).empty()) s.set("required", std::move(required));
  s.set("additionalProperties", Json::lit("false"));
  return s;
}

const std::string_view draft = "https://json-schema.org/draft/2020-12/schema";

}  // namespace

std::optional<std::string> json_schema(std::string_view kind) {
  const auto* k = detail::find_kind(kind);
  if (!k) return std::nullopt;
  Json doc = Json::obj();
  doc.set("$schema", Json::str(draft));
  doc.set("$id", Json::str(fmt::format("https://xuncha.invalid/schema/{}.json", kind)));
  doc.set("title", Json::str(fmt::format("xuncha kind: {}", kind)));
  Json body = record_schema(k->document(), kind);
  for (auto& kv : std::get<Json::Object>(body.v)) doc.set(kv.first, std::move(kv.second));
  std::string out;
  doc.dump(out, 0);
  return out + "\n";
}

std::string json_schema_all() {
  Json doc = Json::obj();
  doc.set("$schema", Json::str(draft));
  doc.set("$id", Json::str("https://xuncha.invalid/schema/xuncha.json"));
  doc.set("title", Json::str("xuncha data file (any kind)"));
  doc.set("type", Json::str("object"));
  Json kinds = Json::arr();
  for (auto name : known_kinds()) kinds.push(Json::str(name));
  doc.set("properties", Json::obj().set("kind", Json::obj().set("enum", std::move(kinds))));
  doc.set("required", Json::arr().push(Json::str("kind")));
  Json all = Json::arr();
  Json defs = Json::obj();
  for (auto name : known_kinds()) {
    all.push(Json::obj()
                 .set("if", Json::obj().set("properties", Json::obj().set("kind", Json::obj().set("const", Json::str(name)))))
                 .set("then", Json::obj().set("$ref", Json::str(fmt::format("#/$defs/{}", name)))));
    defs.set(std::string(name), record_schema(detail::find_kind(name)->document(), name));
  }
  doc.set("allOf", std::move(all));
  doc.set("$defs", std::move(defs));
  std::string out;
  doc.dump(out, 0);
  return out + "\n";
}

}  // namespace xuncha::load
