// JSON Schemas (draft 2020-12) generated from the field tables (fields.hpp), so editors see the
// keys, types, ranges and choices the loader accepts, and nothing else. An editor reads YAML 1.2
// (yaml-language-server): 2026-03-01 and yes are text, 0x0D and 13.0 are numbers, 1: is an integer
// key, quotes are gone; each rule below takes the values the decoder takes, as read that way
// (tests/schema_verdicts.py compares the two verdicts on the loader's accept/reject corpus).
#include <xuncha/load/schema.hpp>

#include "decoder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <variant>

namespace xuncha::load {
namespace {

using detail::About;
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

// `type` (a name or a list of names), with "null" added when the field may be null.
Json types(std::initializer_list<std::string_view> names, bool nullable) {
  if (names.size() == 1 && !nullable) return Json::str(*names.begin());
  Json a = Json::arr();
  for (auto n : names) a.push(Json::str(n));
  if (nullable) a.push(Json::str("null"));
  return a;
}

// YYYY-MM-DD of a real day in min_year..max_year (1900-2199: 2000 is the only leap century),
// as parse_iso_date accepts: editors do not enforce `format: date`, so the pattern says it all.
static_assert(min_year == 1900 && max_year == 2199, "date_pattern spells out the years 1900-2199");
constexpr std::string_view date_pattern =
    "^(?:(?:19|20|21)[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|"
    "02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])-02-29|2000-02-29)$";
// MM-DD of a day that exists in a leap year (02-29 is a valid window edge).
constexpr std::string_view month_day_pattern =
    "^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|[12][0-9]))$";
// A year key written as text ("2026":) in min_year..max_year.
constexpr std::string_view year_pattern = "^(?:19[0-9]{2}|2[01][0-9]{2})$";
// A record's id: letters (Chinese too), marks, digits, '-', '_' and '.' (Decoder::valid_id).
constexpr std::string_view id_pattern = "^[-._\\p{L}\\p{M}\\p{N}]+$";
// The spellings Decoder::boolean accepts besides a YAML boolean; to an editor reading YAML 1.2,
// yes and no (and anything quoted) are text.
constexpr std::array<std::string_view, 12> boolean_words{"true", "True", "TRUE", "false", "False", "FALSE",
                                                         "yes",  "Yes",  "YES",  "no",    "No",    "NO"};

std::string describe(const About& about, SchemaLang lang) {
  if (about.zh.empty() && about.en.empty()) return {};
  switch (lang) {
    case SchemaLang::zh: return std::string(about.zh.empty() ? about.en : about.zh);
    case SchemaLang::en: return std::string(about.en.empty() ? about.zh : about.en);
    case SchemaLang::both: break;
  }
  if (about.zh.empty() || about.en.empty()) return std::string(about.zh.empty() ? about.en : about.zh);
  return fmt::format("{} / {}", about.zh, about.en);
}

Json record_schema(const RecordSpec& spec, std::string_view kind, bool nullable, SchemaLang lang);

// `nullable`: the field is an optional key of a record, which the decoder reads null as absent.
Json value_schema(const FieldSpec& f, bool nullable, SchemaLang lang) {
  Json s = Json::obj();
  switch (f.type) {
    case FieldType::any: break;
    case FieldType::text:
      if (f.key == "id") {
        // A number or boolean is written as an id of digits and letters; text must be an id.
        s.set("anyOf", Json::arr()
                           .push(Json::obj().set("type", types({"number", "boolean"}, nullable)))
                           .push(Json::obj().set("type", Json::str("string")).set("pattern", Json::str(id_pattern))));
      } else {
        Json t = scalar_types();
        if (nullable) t.push(Json::str("null"));
        s.set("type", std::move(t));
      }
      break;
    case FieldType::integer:
      s.set("type", types({"integer"}, nullable)).set("minimum", Json::num(f.lo)).set("maximum", Json::num(f.hi));
      break;
    case FieldType::boolean: {
      Json e = Json::arr().push(Json::lit("true")).push(Json::lit("false"));
      for (auto w : boolean_words) e.push(Json::str(w));
      if (nullable) e.push(Json::lit("null"));
      s.set("enum", std::move(e));
      break;
    }
    case FieldType::date: s.set("type", types({"string"}, nullable)).set("pattern", Json::str(date_pattern)); break;
    case FieldType::month_day:
      s.set("type", types({"string"}, nullable)).set("pattern", Json::str(month_day_pattern));
      break;
    case FieldType::choice: {
      Json e = Json::arr();
      for (auto c : f.choices) e.push(Json::str(c));
      // A choice spelled in digits (a hazard's grade) may be written as a YAML integer.
      for (auto c : f.choices)
        if (!c.empty() && c.find_first_not_of("0123456789") == std::string_view::npos && (c == "0" || c[0] != '0'))
          e.push(Json::lit(c));
      for (const auto& a : f.aliases) e.push(Json::str(a.name));
      if (nullable) e.push(Json::lit("null"));
      s.set("enum", std::move(e));
      break;
    }
    case FieldType::ids: {
      Json one = Json::obj().set("type", scalar_types());
      Json many = Json::obj().set("type", Json::str("array")).set("items", Json::obj().set("type", scalar_types()));
      if (f.min_items > 0) many.set("minItems", Json::num(static_cast<long long>(f.min_items)));
      // null is no id at all, wherever the list stands (an empty list).
      s.set("anyOf", Json::arr().push(std::move(one)).push(std::move(many)).push(Json::obj().set("type", Json::str("null"))));
      break;
    }
    case FieldType::severity:
      s.set("enum", Json::arr().push(Json::str("off")).push(Json::str("info")).push(Json::str("warning")).push(Json::str("error")));
      break;
    case FieldType::record: s = record_schema(*f.record, "", nullable, lang); break;
    case FieldType::year_map: {
      // A year key is a YAML integer to an editor (2026:) or text when quoted ("2026":).
      Json names = Json::obj().set(
          "anyOf", Json::arr()
                       .push(Json::obj().set("type", Json::str("integer")).set("minimum", Json::num(f.lo)).set("maximum", Json::num(f.hi)))
                       .push(Json::obj().set("type", Json::str("string")).set("pattern", Json::str(year_pattern))));
      s.set("type", types({"object"}, nullable))
          .set("propertyNames", std::move(names))
          .set("additionalProperties", record_schema(*f.record, "", false, lang));
      break;
    }
    case FieldType::rule_map:
      s.set("type", types({"object"}, nullable))
          .set("additionalProperties",
               Json::obj().set("enum", Json::arr().push(Json::str("off")).push(Json::str("info")).push(Json::str("warning")).push(Json::str("error"))));
      break;
  }
  return s;
}

Json field_schema(const FieldSpec& f, bool in_record, SchemaLang lang) {
  // In a record (decoded by Decoder::record), null means absent: an optional key may be null. A
  // list read as a sequence takes null as empty, unless it must hold something.
  bool nullable = in_record && !f.required;
  Json s = Json::obj();
  if (f.list) {
    s.set("type", types({"array"}, in_record ? nullable : f.min_items == 0)).set("items", value_schema(f, false, lang));
    if (f.min_items > 0) s.set("minItems", Json::num(static_cast<long long>(f.min_items)));
  } else {
    s = value_schema(f, nullable, lang);
  }
  if (auto d = describe(f.about, lang); !d.empty()) {
    // The field's own words first; they replace a record's description (the same thing, said for
    // this use).
    auto& o = std::get<Json::Object>(s.v);
    auto it = std::find_if(o.begin(), o.end(), [](const auto& kv) { return kv.first == "description"; });
    if (it != o.end()) it->second = Json::str(d);
    else o.emplace(o.begin(), "description", Json::str(d));
  }
  return s;
}

// `kind` non-empty: a document, whose kind: and version: are constants.
Json record_schema(const RecordSpec& spec, std::string_view kind, bool nullable, SchemaLang lang) {
  Json s = Json::obj();
  if (auto d = describe(spec.about, lang); !d.empty()) s.set("description", Json::str(d));
  s.set("type", types({"object"}, nullable));
  Json props = Json::obj();
  Json patterns = Json::obj();
  Json required = Json::arr();
  for (const auto& f : spec.fields) {
    Json p = field_schema(f, kind.empty(), lang);
    if (!kind.empty() && f.key == "kind") {
      p = Json::obj();
      if (auto d = describe(f.about, lang); !d.empty()) p.set("description", Json::str(d));
      p.set("const", Json::str(kind));
    } else if (!kind.empty() && f.key == "version") {
      p = Json::obj();
      if (auto d = describe(f.about, lang); !d.empty()) p.set("description", Json::str(d));
      p.set("const", Json::num(1));
    }
    // A key of digits (a hazard grade, 1:) is a YAML integer to an editor, which then does not
    // match it against `properties`; a pattern property takes it either way.
    if (!f.key.empty() && f.key.find_first_not_of("0123456789") == std::string_view::npos)
      patterns.set(fmt::format("^{}$", f.key), field_schema(f, kind.empty(), lang));
    props.set(std::string(f.key), std::move(p));
    if (f.required) required.push(Json::str(f.key));
  }
  s.set("properties", std::move(props));
  if (!std::get<Json::Object>(patterns.v).empty()) s.set("patternProperties", std::move(patterns));
  if (!std::get<Json::Array>(required.v).empty()) s.set("required", std::move(required));
  if (!spec.one_of.empty()) {
    Json any = Json::arr();
    for (auto k : spec.one_of)
      any.push(Json::obj()
                   .set("required", Json::arr().push(Json::str(k)))
                   .set("properties", Json::obj().set(std::string(k), Json::obj().set("not", Json::obj().set("enum", Json::arr().push(Json::lit("null")).push(Json::str("")))))));
    s.set("anyOf", std::move(any));
  }
  s.set("additionalProperties", Json::lit("false"));
  return s;
}

const std::string_view draft = "https://json-schema.org/draft/2020-12/schema";

}  // namespace

std::optional<std::string> json_schema(std::string_view kind, SchemaLang lang) {
  const auto* k = detail::find_kind(kind);
  if (!k) return std::nullopt;
  Json doc = Json::obj();
  doc.set("$schema", Json::str(draft));
  doc.set("$id", Json::str(fmt::format("https://xuncha.invalid/schema/{}.json", kind)));
  doc.set("title", Json::str(fmt::format("xuncha kind: {}", kind)));
  Json body = record_schema(k->document(), kind, false, lang);
  for (auto& kv : std::get<Json::Object>(body.v)) doc.set(kv.first, std::move(kv.second));
  std::string out;
  doc.dump(out, 0);
  return out + "\n";
}

std::string json_schema_all(SchemaLang lang) {
  Json doc = Json::obj();
  doc.set("$schema", Json::str(draft));
  doc.set("$id", Json::str("https://xuncha.invalid/schema/xuncha.json"));
  doc.set("title", Json::str("xuncha data file (any kind)"));
  doc.set("type", Json::str("object"));
  Json kinds = Json::arr();
  for (auto name : known_kinds()) kinds.push(Json::str(name));
  Json kind = Json::obj();
  if (auto d = describe(detail::kind_field().about, lang); !d.empty()) kind.set("description", Json::str(d));
  doc.set("properties", Json::obj().set("kind", std::move(kind.set("enum", std::move(kinds)))));
  doc.set("required", Json::arr().push(Json::str("kind")));
  Json all = Json::arr();
  Json defs = Json::obj();
  for (auto name : known_kinds()) {
    all.push(Json::obj()
                 .set("if", Json::obj().set("properties", Json::obj().set("kind", Json::obj().set("const", Json::str(name)))))
                 .set("then", Json::obj().set("$ref", Json::str(fmt::format("#/$defs/{}", name)))));
    defs.set(std::string(name), record_schema(detail::find_kind(name)->document(), name, false, lang));
  }
  doc.set("allOf", std::move(all));
  doc.set("$defs", std::move(defs));
  std::string out;
  doc.dump(out, 0);
  return out + "\n";
}

}  // namespace xuncha::load
