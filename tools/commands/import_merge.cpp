// xuncha import --into: merging imported records into the file that holds their kind.
#include "commands/import_merge.hpp"

#include "render/yaml.hpp"

#include <xuncha/load/yaml_tree.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace xuncha::cli {
namespace {

using import::Field;
using import::Value;
using load::YDocument;
using load::YNode;

void render_field(std::string& out, const Field& f, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  const auto& v = f.value;
  if (v.type == Value::Type::map && !v.fields.empty()) {
    out += pad + f.key + ":\n";
    for (const auto& sub : v.fields) render_field(out, sub, indent + 2);
  } else if (v.type == Value::Type::list && !v.items.empty() && v.items.front().type == Value::Type::map) {
    out += pad + f.key + ":\n";
    for (const auto& item : v.items) out += pad + "  - " + yaml_scalar(item) + "\n";
  } else {
    out += pad + f.key + ": " + yaml_scalar(v) + "\n";
  }
}

// A node of the existing file as a Value (scalars as text, quoted or not as they were read).
Value value_of(const YDocument& d, std::uint32_t n) {
  const YNode& node = d.node(n);
  Value v;
  if (node.type == YNode::Type::map) {
    v.type = Value::Type::map;
    for (std::uint32_t i = 0; i + 1 < node.count; i += 2)
      v.fields.push_back({std::string(d.value(d.node(d.child(node, i)))), value_of(d, d.child(node, i + 1))});
  } else if (node.type == YNode::Type::sequence) {
    v.type = Value::Type::list;
    for (std::uint32_t i = 0; i < node.count; ++i) v.items.push_back(value_of(d, d.child(node, i)));
  } else {
    // Kept as read: a plain scalar is written plain again (a date stays a date, true a boolean).
    v.type = node.quoted ? Value::Type::text : Value::Type::integer;
    v.text = d.value(node);
    if (node.type == YNode::Type::null) v.text = "null";
  }
  return v;
}

// The text a value compares by (a plain scalar of the file and a typed value of the sheet
// compare by their YAML text: 2026-03-01 and the date 2026-03-01 are the same).
std::string compare_text(const Value& v) {
  switch (v.type) {
    case Value::Type::text: return v.text;
    case Value::Type::integer: return v.text.empty() ? std::to_string(v.integer) : v.text;
    case Value::Type::boolean: return v.boolean ? "true" : "false";
    case Value::Type::date: return format_iso(v.date);
    case Value::Type::list: {
      std::string s = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + compare_text(v.items[i]);
      return s + "]";
    }
    case Value::Type::map: {
      std::string s = "{";
      for (std::size_t i = 0; i < v.fields.size(); ++i) s += (i ? ", " : "") + v.fields[i].key + ": " + compare_text(v.fields[i].value);
      return s + "}";
    }
  }
  return {};
}

// Overlays `in` on `base` field by field (nested maps by their keys); records each change.
void overlay(std::vector<Field>& base, const std::vector<Field>& in, const std::string& id, const std::string& prefix,
             std::vector<FieldChange>& changes) {
  for (const auto& f : in) {
    auto it = std::find_if(base.begin(), base.end(), [&](const Field& b) { return b.key == f.key; });
    if (it == base.end()) {
      changes.push_back({id, prefix + f.key, "", compare_text(f.value)});
      base.push_back(f);
    } else if (f.value.type == Value::Type::map && it->value.type == Value::Type::map) {
      overlay(it->value.fields, f.value.fields, id, prefix + f.key + ".", changes);
    } else if (compare_text(f.value) != compare_text(it->value)) {
      changes.push_back({id, prefix + f.key, compare_text(it->value), compare_text(f.value)});
      it->value = f.value;
    }
  }
}

// The last line any node under `n` stands on.
std::uint32_t last_line(const YDocument& d, std::uint32_t n) {
  const YNode& node = d.node(n);
  std::uint32_t line = node.line;
  if (node.type == YNode::Type::map || node.type == YNode::Type::sequence)
    for (std::uint32_t i = 0; i < node.count; ++i) line = std::max(line, last_line(d, d.child(node, i)));
  return line;
}

// Plain for Chinese words as offices write them (王建华, 正厅, 省应急管理厅, 武汉理工大学2号楼):
// a CJK ideograph first, then only ideographs, ASCII letters, digits, '-', '_', '.'. No YAML
// reader takes such a scalar for anything but a string; everything else goes to yaml_string.
std::string text_scalar(const std::string& s) {
  auto cjk = [](char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); };
  bool plain = !s.empty();
  for (std::size_t i = 0; i < s.size() && plain;) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      plain = i > 0 && (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.');
      ++i;
      continue;
    }
    if (c < 0xE0 || c >= 0xF0 || i + 3 > s.size()) {
      plain = false;
      break;
    }
    char32_t cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    plain = cjk(cp);
    i += 3;
  }
  return plain ? s : yaml_string(s);
}

}  // namespace

std::string yaml_scalar(const Value& v) {
  switch (v.type) {
    case Value::Type::text: return text_scalar(v.text);
    case Value::Type::integer: return v.text.empty() ? std::to_string(v.integer) : v.text;
    case Value::Type::boolean: return v.boolean ? "true" : "false";
    case Value::Type::date: return format_iso(v.date);
    case Value::Type::list: {
      std::string s = "[";
      for (std::size_t i = 0; i < v.items.size(); ++i) s += (i ? ", " : "") + yaml_scalar(v.items[i]);
      return s + "]";
    }
    case Value::Type::map: {
      std::string s = "{";
      for (std::size_t i = 0; i < v.fields.size(); ++i) s += (i ? ", " : "") + v.fields[i].key + ": " + yaml_scalar(v.fields[i].value);
      return s + "}";
    }
  }
  return {};
}

std::string yaml_record(const import::Record& r, int indent, bool zh, bool source) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  if (source) out = pad + (zh ? "# 来源：" + yaml_comment(r.source_zh) : "# source: " + yaml_comment(r.source_en)) + "\n";
  bool first = true;
  for (const auto& f : r.fields) {
    std::string line;
    render_field(line, f, indent + 2);
    if (first) line.replace(static_cast<std::size_t>(indent), 2, "- ");
    first = false;
    out += line;
  }
  return out;
}

MergeResult merge_records(std::string_view text, std::string_view kind, const std::vector<import::Record>& records, bool zh) {
  MergeResult res;
  auto parsed = load::parse_yaml(text);
  if (parsed.failed) {
    res.error = fmt::format("{}:{}: {}", parsed.error.line, parsed.error.column, parsed.error.message);
    return res;
  }
  // Line starts, so that a node's line becomes a byte offset.
  std::vector<std::size_t> starts{0, 0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  starts.push_back(text.size());
  auto offset = [&](std::uint32_t line) { return line < starts.size() ? starts[line] : text.size(); };

  for (const auto& d : parsed.documents) {
    const YNode& root = d.node(d.root);
    if (root.type != YNode::Type::map) continue;
    std::optional<std::uint32_t> list;
    bool is_kind = false;
    for (std::uint32_t i = 0; i + 1 < root.count; i += 2) {
      std::string_view key = d.value(d.node(d.child(root, i)));
      if (key == "kind" && d.value(d.node(d.child(root, i + 1))) == kind) is_kind = true;
      if (key == kind) list = d.child(root, i + 1);
    }
    if (!is_kind || !list) continue;
    const YNode& seq = d.node(*list);
    if (seq.type == YNode::Type::sequence && seq.count == 0) {
      // An empty flow list (`people: []`, as xuncha init writes): the records replace it.
      std::size_t at = offset(seq.line) + (seq.column > 0 ? seq.column - 1 : 0);
      if (text.substr(at, 2) != "[]") {
        res.error = fmt::format("the {} list is empty but not written as []: write the import with -o instead", kind);
        return res;
      }
      std::string out(text.substr(0, at));
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      for (const auto& r : records) {
        out += yaml_record(r, 2, zh, true);
        res.added.push_back(r.id);
      }
      std::string_view rest = text.substr(at + 2);
      if (rest.starts_with('\n')) rest.remove_prefix(1);
      out.append(rest);
      res.text = std::move(out);
      res.ok = true;
      return res;
    }
    if (seq.type != YNode::Type::sequence) {
      res.error = fmt::format("the {} entry is not a list", kind);
      return res;
    }
    struct Existing {
      std::uint32_t node;
      std::size_t begin, end;  ///< byte span of the record's lines
      bool touched = false;
    };
    std::map<std::string, Existing> by_id;
    std::vector<std::string> order;
    std::size_t list_end = 0;
    int indent = 0;
    for (std::uint32_t i = 0; i < seq.count; ++i) {
      std::uint32_t item = d.child(seq, i);
      const YNode& node = d.node(item);
      std::string id;
      if (node.type == YNode::Type::map)
        for (std::uint32_t k = 0; k + 1 < node.count; k += 2)
          if (d.value(d.node(d.child(node, k))) == "id") id = d.value(d.node(d.child(node, k + 1)));
      std::size_t b = offset(node.line), e = offset(last_line(d, item) + 1);
      // The dash's column: the text before the item's first key on its line.
      std::string_view lead = text.substr(b, node.column > 0 ? node.column - 1 : 0);
      auto dash = lead.rfind('-');
      if (i == 0) indent = dash == std::string_view::npos ? 0 : static_cast<int>(dash);
      list_end = std::max(list_end, e);
      if (!id.empty()) {
        by_id[id] = {item, b, e};
        order.push_back(id);
      }
    }
    // Replacements, by position; new records after the last one.
    std::vector<std::pair<std::size_t, std::pair<std::size_t, std::string>>> edits;  // begin -> (end, text)
    std::string appended;
    for (const auto& r : records) {
      auto it = by_id.find(r.id);
      if (it == by_id.end()) {
        appended += yaml_record(r, indent, zh, true);
        res.added.push_back(r.id);
        continue;
      }
      it->second.touched = true;
      Value existing = value_of(d, it->second.node);
      std::size_t before = res.changes.size();
      overlay(existing.fields, r.fields, r.id, "", res.changes);
      if (res.changes.size() == before) continue;
      res.updated.push_back(r.id);
      import::Record merged = r;
      merged.fields = existing.fields;
      // (the comments above the record, a source line of an earlier import included, stay)
      edits.push_back({it->second.begin, {it->second.end, yaml_record(merged, indent, zh, false)}});
    }
    for (const auto& id : order)
      if (!by_id[id].touched) res.kept.push_back(id);
    std::sort(edits.begin(), edits.end());
    std::string out;
    std::size_t at = 0;
    for (const auto& [b, rest] : edits) {
      out.append(text.substr(at, b - at));
      out += rest.second;
      at = rest.first;
    }
    out.append(text.substr(at, list_end - at));
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += appended;
    out.append(text.substr(list_end));
    res.text = std::move(out);
    res.ok = true;
    return res;
  }
  res.error = fmt::format("no kind: {} document", kind);
  return res;
}

}  // namespace xuncha::cli
