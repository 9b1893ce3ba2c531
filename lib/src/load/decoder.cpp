// The decoder of one document: kind: and version:, then the generic getters every kind decoder
// uses (maps with merge keys, lists, typed scalars, records checked against their field table).
#include "decoder.hpp"

#include <xuncha/core/suggest.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace xuncha::load::detail {

std::string join(const std::vector<std::string_view>& v) {
  std::string s;
  for (auto x : v) {
    if (!s.empty()) s += ", ";
    s += x;
  }
  return s;
}
std::string did_you_mean_zh(const std::string& hint) {
  return hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint);
}
std::string did_you_mean_en(const std::string& hint) {
  return hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint);
}
std::string child_path(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

namespace {

std::string_view type_name_en(Type t) {
  switch (t) {
    case Type::null: return "nothing";
    case Type::scalar: return "a scalar";
    case Type::sequence: return "a list";
    case Type::map: return "a map";
  }
  return "?";
}
std::string_view type_name_zh(Type t) {
  switch (t) {
    case Type::null: return "空值";
    case Type::scalar: return "标量";
    case Type::sequence: return "列表";
    case Type::map: return "映射";
  }
  return "?";
}

}  // namespace


void Decoder::document(YDocument& doc, InputRole role) {
  doc_ = &doc;
  // A document dropped whole (no kind, an unknown kind or version) leaves its ids unknown.
  bool was_incomplete = out_.incomplete;
  out_.incomplete = true;
  budget_ = 64 * doc.nodes.size() + 4096;
  const YNode& root = doc.node(doc.root);
  if (root.type != Type::map) {
    if (root.type == Type::null) {
      error("L009", root, "", {"文档为空：需要 kind: 与 version: 开头的映射",
                               "empty document: expected a map starting with kind: and version:"});
    } else {
      error("L002", root, "", {"文档顶层应为映射（kind:、version: 及数据）",
                               "expected a map (kind:, version: and the data) at the top of the document"});
    }
    return;
  }
  auto entries = map_entries(root, "");
  const Entry* kind_entry = find(entries, "kind");
  std::string kind;
  if (!kind_entry) {
    if (role == InputRole::calendar) {
      kind = "calendar";
    } else {
      missing(root, "", "kind");
      return;
    }
  } else if (auto k = scalar_text(kind_entry->value, "kind")) {
    kind = *k;
  } else {
    return;
  }
  if (!find_kind(kind)) {
    const auto& kinds = known_kinds();
    auto hint = closest_match(kind, kinds);
    error("L010", doc.node(kind_entry->value), "kind",
          {fmt::format("未知的 kind「{}」{}；可用：{}", kind, did_you_mean_zh(hint), join(kinds)),
           fmt::format("unknown kind '{}'{}; expected one of: {}", kind, did_you_mean_en(hint),
                       join(kinds))});
    return;
  }
  if (role == InputRole::policy && kind != "policy") {
    error("L010", doc.node(kind_entry->value), "kind",
          {fmt::format("--policy 文件只能包含 kind: policy，而不是「{}」", kind),
           fmt::format("a --policy file holds only kind: policy, not '{}'", kind)});
    return;
  }
  if (role == InputRole::calendar && kind != "calendar") {
    error("L010", doc.node(kind_entry->value), "kind",
          {fmt::format("--calendar 文件只能包含 kind: calendar，而不是「{}」", kind),
           fmt::format("a --calendar file holds only kind: calendar, not '{}'", kind)});
    return;
  }
  const Entry* version = find(entries, "version");
  if (!version) {
    if (!(role == InputRole::calendar && !kind_entry)) {
      missing(root, "", "version");
      return;
    }
  } else if (auto v = integer(version->value, "version")) {
    if (*v != 1) {
      error("L011", doc.node(version->value), "version",
            {fmt::format("不支持的版本 {}；本程序读取 version: 1", *v),
             fmt::format("unsupported version {}; this xuncha reads version: 1", *v)});
      return;
    }
  } else {
    return;
  }

  out_.incomplete = was_incomplete;
  find_kind(kind)->decode(*this, entries);
}

bool Decoder::keep(const Record& r, std::string_view kind, const std::string& id) {
  if (r.ok && !id.empty()) return true;
  // Without a usable id the record is "lost": references of its kind may be meant for it.
  bool lost = id.empty() || r.bad_id;
  out_.rejected.push_back({kind, id, id.empty() ? r.src.at : r.src.field("id"), lost});
  return false;
}

void Decoder::each_item(const Entries& entries, const RecordSpec& spec, std::string_view kind,
                        const std::function<void(std::uint32_t, const std::string&)>& item) {
  check_keys(entries, "", spec.keys());
  const Entry* list = find(entries, kind);
  if (!list) {
    out_.incomplete = true;  // its records are lost: references to them are not errors of their own
    if (!misspelt(entries, spec.keys(), kind)) missing(root(), "", kind);
    return;
  }
  auto items = sequence(list->value, kind);
  // The nodes of the items decoded are given back as decoding goes on (a list of millions of
  // records held its whole tree to the end), unless an alias may lead back into them. An item's
  // nodes come after the one before and its subtree (in the order they were made); the nodes
  // before the first item (the top of the document) and after the last stay.
  bool give_back = !doc_->shared && std::is_sorted(items.begin(), items.end());
  std::size_t from = items.empty() ? 0 : items[0];
  for (std::size_t i = 0; i < items.size() && !capped_; ++i) {
    item(items[i], fmt::format("{}[{}]", kind, i));
    if (give_back && i + 1 < items.size() && items[i + 1] - from >= 2 * YNodes::chunk) {
      doc_->nodes.release(from, items[i + 1]);
      from = std::max<std::size_t>(items[0], items[i + 1] / YNodes::chunk * YNodes::chunk);
    }
  }
}

void Decoder::error(std::string_view rule, const YNode& at, std::string path, Message m) {
  // A file with a million broken items would bury the first errors and take minutes to
  // print; like a compiler, stop reporting (and decoding) after a fixed number per file.
  if (errors_ == max_errors_per_file) {
    capped_ = true;
    return;
  }
  ++errors_;
  auto d = input_error(rule, file_, static_cast<int>(at.line), static_cast<int>(at.column), std::move(m));
  d.yaml_path = std::move(path);
  out_.diagnostics.push_back(std::move(d));
}

bool Decoder::spend() {
  if (budget_ == 0) return false;
  if (--budget_ == 0) {
    error("L015", doc_->node(doc_->root), "",
          {"别名展开过多（疑似“十亿笑声”别名炸弹），已停止读取该文档",
           "too many alias expansions (an alias bomb?); stopped reading this document"});
    return false;
  }
  return true;
}

void Decoder::wrong_type(const YNode& n, std::string_view path, std::string_view want_zh, std::string_view want_en) {
  error("L002", n, std::string(path),
        {fmt::format("「{}」类型错误：应为{}，实际是{}", path, want_zh, type_name_zh(n.type)),
         fmt::format("wrong type for '{}': expected {}, found {}", path, want_en,
                     n.type == Type::scalar ? fmt::format("'{}'", value(n)) : std::string(type_name_en(n.type)))});
}

void Decoder::missing(const YNode& map, std::string_view path, std::string_view key) {
  error("L003", map, child_path(path, key),
        {fmt::format("缺少必填字段「{}」", child_path(path, key)),
         fmt::format("missing required field '{}'", child_path(path, key))});
}

namespace {

// Collects the entries a merge key (<<) brings in: a map, or a list of maps.
void collect_merge(Decoder& d, const YDocument& doc, std::uint32_t index, std::string_view path, Entries& merged,
                   int depth) {
  const YNode& n = doc.node(index);
  if (depth > 8 || !d.spend()) return;
  if (n.type == Type::map) {
    for (std::uint32_t k = 0; k + 1 < n.count; k += 2) {
      if (!d.spend()) return;
      const YNode& key = doc.node(doc.child(n, k));
      if (key.type != Type::scalar) continue;
      if (doc.value(key) == "<<") {
        collect_merge(d, doc, doc.child(n, k + 1), path, merged, depth + 1);
        continue;
      }
      merged.push_back({doc.value(key), doc.child(n, k), doc.child(n, k + 1)});
    }
  } else if (n.type == Type::sequence) {
    for (std::uint32_t k = 0; k < n.count; ++k) collect_merge(d, doc, doc.child(n, k), path, merged, depth + 1);
  } else {
    d.wrong_type(n, child_path(path, "<<"), "映射或映射列表", "a map or a list of maps");
  }
}

}  // namespace

Entries Decoder::map_entries(const YNode& map, std::string_view path) {
  Entries out;
  out.reserve(map.count / 2);
  // The keys taken so far are the keys of `out`: a small map (a record) searches it, a large one
  // keeps a set (a set per record was a third of the decoding time).
  std::set<std::string_view> seen;
  bool large = false;
  auto fresh = [&](std::string_view key) {
    if (!large && out.size() >= 16) {
      large = true;
      for (const auto& e : out) seen.insert(e.key);
    }
    if (large) return seen.insert(key).second;
    for (const auto& e : out)
      if (e.key == key) return false;
    return true;
  };
  Entries merged;
  for (std::uint32_t k = 0; k + 1 < map.count; k += 2) {
    if (!spend()) return out;
    auto key_index = doc_->child(map, k);
    auto value_index = doc_->child(map, k + 1);
    const YNode& key = doc_->node(key_index);
    if (key.type != Type::scalar) {
      wrong_type(key, path, "字符串键", "a string key");
      continue;
    }
    if (value(key) == "<<" && !key.quoted) {
      collect_merge(*this, *doc_, value_index, path, merged, 0);
      continue;
    }
    if (!fresh(value(key))) {
      error("L014", key, child_path(path, value(key)),
            {fmt::format("重复的键「{}」", value(key)), fmt::format("duplicate key '{}' in the same map", value(key))});
      continue;
    }
    out.push_back({value(key), key_index, value_index});
  }
  for (const auto& e : merged)
    if (fresh(e.key)) out.push_back(e);
  return out;
}

const Entry* Decoder::find(const Entries& entries, std::string_view key) {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

bool Decoder::misspelt(const Entries& entries, const std::vector<std::string_view>& allowed, std::string_view key) {
  for (const auto& e : entries)
    if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end() && closest_match(e.key, allowed) == key)
      return true;
  return false;
}

void Decoder::check_keys(const Entries& entries, std::string_view path, const std::vector<std::string_view>& allowed) {
  for (const auto& e : entries) {
    if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
    auto hint = closest_match(e.key, allowed);
    error("L004", doc_->node(e.key_node), child_path(path, e.key),
          {fmt::format("未知字段「{}」{}；此处可用：{}", e.key, did_you_mean_zh(hint), join(allowed)),
           fmt::format("unknown field '{}'{}; expected one of: {}", e.key, did_you_mean_en(hint), join(allowed))});
  }
}

bool Decoder::month_list(std::uint32_t index, const std::string& path, std::vector<int>& out) {
  bool ok = true;
  auto items = sequence(index, path);
  if (doc_->node(index).type != Type::null && doc_->node(index).type != Type::sequence) return false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto m = integer(items[i], fmt::format("{}[{}]", path, i), 1, 12);
    if (m) out.push_back(static_cast<int>(*m));
    ok = ok && m.has_value();
  }
  return ok;
}

std::vector<std::uint32_t> Decoder::sequence(std::uint32_t index, std::string_view path) {
  const YNode& n = doc_->node(index);
  std::vector<std::uint32_t> out;
  if (n.type == Type::null) return out;
  if (n.type != Type::sequence) {
    wrong_type(n, path, "列表", "a list");
    return out;
  }
  out.reserve(n.count);
  for (std::uint32_t k = 0; k < n.count; ++k) {
    if (!spend()) break;
    out.push_back(doc_->child(n, k));
  }
  return out;
}

std::optional<std::string> Decoder::scalar_text(std::uint32_t index, std::string_view path) {
  const YNode& n = doc_->node(index);
  if (n.type != Type::scalar) {
    wrong_type(n, path, "文本", "a text");
    return std::nullopt;
  }
  return std::string(value(n));
}

std::optional<long long> Decoder::integer(std::uint32_t index, std::string_view path, long long lo, long long hi) {
  const YNode& n = doc_->node(index);
  if (n.type != Type::scalar || n.quoted) {
    wrong_type(n, path, "整数", "an integer");
    return std::nullopt;
  }
  bool too_large = false;
  auto v = yaml_integer(value(n), too_large);
  if (too_large) {
    error("L013", n, std::string(path),
          {fmt::format("「{}」数值超出范围：{}（允许 {}–{}）", path, value(n), lo, hi),
           fmt::format("'{}' is out of range: {} (allowed {}–{})", path, value(n), lo, hi)});
    return std::nullopt;
  }
  if (!v) {
    wrong_type(n, path, "整数", "an integer");
    return std::nullopt;
  }
  if (*v < lo || *v > hi) {
    error("L013", n, std::string(path),
          {fmt::format("「{}」数值超出范围：{}（允许 {}–{}）", path, *v, lo, hi),
           fmt::format("'{}' is out of range: {} (allowed {}–{})", path, *v, lo, hi)});
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Decoder::boolean(std::uint32_t index, std::string_view path) {
  const YNode& n = doc_->node(index);
  // Quoted too: an editor reading YAML 1.2 sees yes as the text "yes" either way, and the
  // schema (which cannot see quotes) accepts the same twelve spellings.
  if (n.type == Type::scalar) {
    static const std::vector<std::string_view> yes{"true", "True", "TRUE", "yes", "Yes", "YES"};
    static const std::vector<std::string_view> no{"false", "False", "FALSE", "no", "No", "NO"};
    if (std::find(yes.begin(), yes.end(), value(n)) != yes.end()) return true;
    if (std::find(no.begin(), no.end(), value(n)) != no.end()) return false;
  }
  wrong_type(n, path, "布尔值（true 或 false）", "true or false");
  return std::nullopt;
}

std::optional<Date> Decoder::date_value(std::uint32_t index, std::string_view path) {
  const YNode& n = doc_->node(index);
  if (n.type != Type::scalar) {
    wrong_type(n, path, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)");
    return std::nullopt;
  }
  DateError why{};
  auto d = parse_iso_date(value(n), &why);
  if (d) return d;
  Message m;
  switch (why) {
    case DateError::impossible:
      m = {fmt::format("「{}」不是真实存在的日期：{}", path, value(n)),
           fmt::format("'{}' is not a real date: {}", path, value(n))};
      break;
    case DateError::out_of_range:
      m = {fmt::format("「{}」年份超出支持范围 {}–{}：{}", path, min_year, max_year, value(n)),
           fmt::format("'{}' has a year outside {}–{}: {}", path, min_year, max_year, value(n))};
      break;
    default:
      m = {fmt::format("「{}」日期格式应为 YYYY-MM-DD（如 2026-03-01），实际是「{}」", path, value(n)),
           fmt::format("'{}' must be an ISO date YYYY-MM-DD (e.g. 2026-03-01), found '{}'", path, value(n))};
  }
  error("L007", n, std::string(path), std::move(m));
  return std::nullopt;
}

bool Decoder::month_day(std::uint32_t index, const std::string& path, int& month, int& day) {
  auto text = scalar_text(index, path);
  if (!text) return false;
  const std::string& t = *text;
  int m = 0, d = 0;
  bool shape = t.size() == 5 && t[2] == '-' && std::isdigit(static_cast<unsigned char>(t[0])) &&
               std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
               std::isdigit(static_cast<unsigned char>(t[4]));
  if (shape) {
    m = (t[0] - '0') * 10 + (t[1] - '0');
    d = (t[3] - '0') * 10 + (t[4] - '0');
  }
  // Checked against a leap year: 02-29 is a valid window edge (clamped in other years).
  if (!shape || !date::year_month_day{date::year{2024}, date::month{static_cast<unsigned>(m)},
                                      date::day{static_cast<unsigned>(d)}}.ok()) {
    error("L007", doc_->node(index), path,
          {fmt::format("「{}」应为月-日 MM-DD（如 03-01），实际是「{}」", path, t),
           fmt::format("'{}' must be a month and day MM-DD (e.g. 03-01), found '{}'", path, t)});
    return false;
  }
  month = m;
  day = d;
  return true;
}

std::optional<std::size_t> Decoder::choice(std::uint32_t index, std::string_view path,
                                           std::span<const std::string_view> names, std::span<const Alias> aliases) {
  auto text = scalar_text(index, path);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == *text) return i;
  for (const auto& a : aliases)
    if (a.name == *text) return a.value;
  // A choice spelled in digits (a hazard's grade) is a number to an editor, however written
  // (01, 1.0, 0x1 are 1): the loader takes the same spellings as for an integer field.
  if (const YNode& n = doc_->node(index); !n.quoted) {
    bool too_large = false;
    if (auto v = yaml_integer(*text, too_large); v && *v >= 0) {
      auto digits = fmt::format("{}", *v);
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == digits) return i;
    }
  }
  std::vector<std::string_view> all(names.begin(), names.end());
  for (const auto& a : aliases) all.push_back(a.name);
  auto hint = closest_match(*text, all);
  // Every accepted spelling, each code with the words that mean it (city（或 市、地级市）).
  std::string zh, en;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string words;
    for (const auto& a : aliases)
      if (a.value == i) words += (words.empty() ? "" : "、") + std::string(a.name);
    zh += (zh.empty() ? "" : "，") + std::string(names[i]) + (words.empty() ? "" : "（或 " + words + "）");
    std::string words_en;
    for (const auto& a : aliases)
      if (a.value == i) words_en += (words_en.empty() ? "" : ", ") + std::string(a.name);
    en += (en.empty() ? "" : ", ") + std::string(names[i]) + (words_en.empty() ? "" : " (or " + words_en + ")");
  }
  error("L013", doc_->node(index), std::string(path),
        {fmt::format("「{}」取值无效：「{}」{}；可用：{}", path, *text, did_you_mean_zh(hint), zh),
         fmt::format("invalid value '{}' for '{}'{}; expected one of: {}", *text, path, did_you_mean_en(hint), en)});
  return std::nullopt;
}

Decoder::Record Decoder::record(std::uint32_t index, const std::string& path, const RecordSpec& spec) {
  Record r;
  r.spec = &spec;
  const YNode& n = doc_->node(index);
  r.src.at = mark_of(index);
  r.src.path = path;
  if (n.type != Type::map) {
    wrong_type(n, path, "映射", "a map");
    return r;
  }
  r.entries = map_entries(n, path);
  check_keys(r.entries, path, spec.keys());
  // null means absent, for every field alike (`team: null` as `leader: null`): a required field
  // that is null is missing.
  std::erase_if(r.entries, [&](const Entry& e) { return doc_->node(e.value).type == Type::null; });
  r.ok = true;
  if (auto id = find(r.entries, "id"); id && !valid_id(doc_->node(id->value), child_path(path, "id"))) {
    r.ok = false;
    r.bad_id = true;
  }
  for (const auto& f : spec.fields) {
    if (f.required && !find(r.entries, f.key)) {
      // `countys:` for `counties:` is one mistake: the unknown field's error names the fix.
      if (!misspelt(r.entries, spec.keys(), f.key)) missing(n, path, f.key);
      r.ok = false;
    }
  }
  r.src.fields.reserve(r.entries.size() * 16);
  for (const auto& e : r.entries) r.src.fields.emplace_back(e.key, mark_of(e.value));
  return r;
}

// Ids hold only letters (Chinese too), digits, '-', '_' and '.' (docs/data-format.md).
bool Decoder::valid_id(const YNode& n, std::string_view path) {
  if (n.type != Type::scalar) return true;  // (the type error is reported where the id is read)
  if (value(n).empty()) {
    // An id of nothing ("") would drop its record without a word.
    error("L013", n, std::string(path), {"编号为空：请填写编号（字母、汉字、数字、-、_ 或 .）",
                                         "the id is empty: write one (letters, Chinese too, digits, '-', '_', '.')"});
    return false;
  }
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(value(n).data());
  auto left = static_cast<utf8proc_ssize_t>(value(n).size());
  for (int pos = 1; left > 0; ++pos) {
    utf8proc_int32_t c = 0;
    auto len = utf8proc_iterate(p, left, &c);
    if (len <= 0) return true;  // (encoding errors are reported when the file is read)
    bool ok = c == '-' || c == '_' || c == '.';
    if (!ok && c < 0x80) ok = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (!ok && c >= 0x80) {
      auto cat = utf8proc_category(c);
      ok = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);  // letters, marks, numbers
    }
    if (!ok) {
      std::string ch(value(n).substr(static_cast<std::size_t>(p - reinterpret_cast<const utf8proc_uint8_t*>(value(n).data())),
                                    static_cast<std::size_t>(len)));
      error("L013", n, std::string(path),
            {fmt::format("编号「{}」的第 {} 个字符「{}」不允许：编号只能包含字母（含汉字）、数字、-、_ 和 .", value(n), pos, ch),
             fmt::format("id '{}' has '{}' at character {}: ids hold only letters (Chinese too), digits, '-', '_' "
                         "and '.'",
                         value(n), ch, pos)});
      return false;
    }
    p += len;
    left -= len;
  }
  return true;
}

std::optional<std::string> Decoder::text_field(Record& r, std::string_view key) {
  auto e = find(r.entries, key);
  if (!e) return std::nullopt;
  auto v = scalar_text(e->value, child_path(r.src.path, key));
  if (!v) r.ok = false;
  return v;
}

void Decoder::bool_field(Record& r, std::string_view key, bool& out) {
  field(r, key, [&](std::uint32_t v, const std::string& p) {
    auto b = boolean(v, p);
    if (b) out = *b;
    return b.has_value();
  });
}

bool Decoder::id_list(Record& r, std::string_view key, std::vector<std::string>& out) {
  auto e = find(r.entries, key);
  if (!e) return true;
  std::string path = child_path(r.src.path, key);
  const YNode& n = doc_->node(e->value);
  if (n.type == Type::scalar) {
    out.emplace_back(value(n));
    r.src.fields.emplace_back(fmt::format("{}[0]", key), mark_of(e->value));
    return true;
  }
  if (n.type == Type::null) return true;
  if (n.type != Type::sequence) {
    wrong_type(n, path, "人员编号或其列表", "an id or a list of ids");
    return false;
  }
  bool ok = true;
  for (std::uint32_t k = 0; k < n.count; ++k) {
    if (!spend()) return false;
    auto idx = doc_->child(n, k);
    std::string item_path = fmt::format("{}[{}]", key, k);
    if (auto v = scalar_text(idx, child_path(r.src.path, item_path))) {
      out.push_back(*v);
      r.src.fields.emplace_back(item_path, mark_of(idx));
    } else {
      ok = false;
    }
  }
  return ok;
}

}  // namespace xuncha::load::detail
