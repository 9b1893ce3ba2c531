// Private to the loader: the generic YAML-node readers every kind's decoder uses (exact
// diagnostics with file:line:column, "did you mean", per-file error cap).
#pragma once
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/core/suggest.hpp>
#include <xuncha/load/yaml_tree.hpp>
#include <xuncha/model/model.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <array>
#include <charconv>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xuncha::load::detail {

/// Errors reported per file before reading it stops.
inline constexpr std::size_t max_errors_per_file = 1000;

inline Diagnostic input_error(std::string_view rule, std::string file, int line, int column,
                              Message message) {
  Diagnostic d;
  d.rule = std::string(rule);
  d.severity = Severity::error;
  d.where = {std::move(file), line, column};
  d.message = std::move(message);
  return d;
}

struct Entry {
  std::string_view key;
  std::uint32_t key_node;
  std::uint32_t value;
};

/// The state of decoding one file (document, error budget) and the readers for its nodes.
class DecoderBase {
 public:
  using Type = YNode::Type;

  DecoderBase(std::string file_name, std::uint32_t file_index, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file_name)), file_index_(file_index), diagnostics_(diagnostics) {}

  /// True once the file reached max_errors_per_file: decoding stops.
  bool capped() const { return capped_; }
  /// A node of the document being decoded.
  const YNode& node(std::uint32_t i) const { return doc_->node(i); }

  void error(std::string_view rule, const YNode& at, std::string path, Message m) {
    // A file with a million broken items would bury the first errors and take minutes to
    // print; like a compiler, stop reporting (and decoding) after a fixed number per file.
    if (errors_ == max_errors_per_file) {
      capped_ = true;
      return;
    }
    ++errors_;
    auto d = input_error(rule, file_, static_cast<int>(at.line), static_cast<int>(at.column),
                         std::move(m));
    d.yaml_path = std::move(path);
    diagnostics_.push_back(std::move(d));
  }

  // ---- generic helpers ----
  static std::string join(const std::vector<std::string_view>& v) {
    std::string s;
    for (auto x : v) {
      if (!s.empty()) s += ", ";
      s += x;
    }
    return s;
  }
  static std::string did_you_mean_zh(const std::string& hint) {
    return hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint);
  }
  static std::string did_you_mean_en(const std::string& hint) {
    return hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint);
  }
  static std::string child_path(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
  }
  static std::string_view type_name_en(Type t) {
    switch (t) {
      case Type::null: return "nothing";
      case Type::scalar: return "a scalar";
      case Type::sequence: return "a list";
      case Type::map: return "a map";
    }
    return "?";
  }
  static std::string_view type_name_zh(Type t) {
    switch (t) {
      case Type::null: return "空值";
      case Type::scalar: return "标量";
      case Type::sequence: return "列表";
      case Type::map: return "映射";
    }
    return "?";
  }

  bool spend() {
    if (budget_ == 0) return false;
    if (--budget_ == 0) {
      error("L015", doc_->node(doc_->root), "",
            {"别名展开过多（疑似“十亿笑声”别名炸弹），已停止读取该文档",
             "too many alias expansions (an alias bomb?); stopped reading this document"});
      return false;
    }
    return true;
  }

  void wrong_type(const YNode& n, std::string_view path, std::string_view want_zh,
                  std::string_view want_en) {
    error("L002", n, std::string(path),
          {fmt::format("「{}」类型错误：应为{}，实际是{}", path, want_zh, type_name_zh(n.type)),
           fmt::format("wrong type for '{}': expected {}, found {}", path, want_en,
                       n.type == Type::scalar ? fmt::format("'{}'", n.value)
                                              : std::string(type_name_en(n.type)))});
  }

  void missing(const YNode& map, std::string_view path, std::string_view key) {
    error("L003", map, child_path(path, key),
          {fmt::format("缺少必填字段「{}」", child_path(path, key)),
           fmt::format("missing required field '{}'", child_path(path, key))});
  }

  // Entries of a map, with merge keys (<<) expanded and duplicate keys reported.
  std::vector<Entry> map_entries(const YNode& map, std::string_view path) {
    std::vector<Entry> out;
    std::set<std::string_view> seen;
    std::vector<Entry> merged;
    for (std::uint32_t k = 0; k + 1 < map.count; k += 2) {
      if (!spend()) return out;
      auto key_index = doc_->child(map, k);
      auto value_index = doc_->child(map, k + 1);
      const YNode& key = doc_->node(key_index);
      if (key.type != Type::scalar) {
        wrong_type(key, path, "字符串键", "a string key");
        continue;
      }
      if (key.value == "<<" && !key.quoted) {
        collect_merge(value_index, path, merged, 0);
        continue;
      }
      if (!seen.insert(key.value).second) {
        error("L014", key, child_path(path, key.value),
              {fmt::format("重复的键「{}」", key.value),
               fmt::format("duplicate key '{}' in the same map", key.value)});
        continue;
      }
      out.push_back({key.value, key_index, value_index});
    }
    for (const auto& e : merged)
      if (seen.insert(e.key).second) out.push_back(e);
    return out;
  }

  void collect_merge(std::uint32_t index, std::string_view path, std::vector<Entry>& merged,
                     int depth) {
    const YNode& n = doc_->node(index);
    if (depth > 8 || !spend()) return;
    if (n.type == Type::map) {
      for (std::uint32_t k = 0; k + 1 < n.count; k += 2) {
        if (!spend()) return;
        const YNode& key = doc_->node(doc_->child(n, k));
        if (key.type != Type::scalar) continue;
        if (key.value == "<<") {
          collect_merge(doc_->child(n, k + 1), path, merged, depth + 1);
          continue;
        }
        merged.push_back({key.value, doc_->child(n, k), doc_->child(n, k + 1)});
      }
    } else if (n.type == Type::sequence) {
      for (std::uint32_t k = 0; k < n.count; ++k) collect_merge(doc_->child(n, k), path, merged, depth + 1);
    } else {
      wrong_type(n, child_path(path, "<<"), "映射或映射列表", "a map or a list of maps");
    }
  }

  static const Entry* find(const std::vector<Entry>& entries, std::string_view key) {
    for (const auto& e : entries)
      if (e.key == key) return &e;
    return nullptr;
  }

  void check_keys(const std::vector<Entry>& entries, std::string_view path,
                  const std::vector<std::string_view>& allowed) {
    for (const auto& e : entries) {
      if (std::find(allowed.begin(), allowed.end(), e.key) != allowed.end()) continue;
      auto hint = closest_match(e.key, allowed);
      error("L004", doc_->node(e.key_node), child_path(path, e.key),
            {fmt::format("未知字段「{}」{}；此处可用：{}", e.key, did_you_mean_zh(hint), join(allowed)),
             fmt::format("unknown field '{}'{}; expected one of: {}", e.key, did_you_mean_en(hint),
                         join(allowed))});
    }
  }

  std::vector<std::uint32_t> sequence(std::uint32_t index, std::string_view path) {
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

  std::optional<std::string> scalar_text(std::uint32_t index, std::string_view path) {
    const YNode& n = doc_->node(index);
    if (n.type != Type::scalar) {
      wrong_type(n, path, "文本", "a text");
      return std::nullopt;
    }
    return n.value;
  }

  std::optional<long long> integer(std::uint32_t index, std::string_view path,
                                   long long lo = -1000000000LL, long long hi = 1000000000LL) {
    const YNode& n = doc_->node(index);
    if (n.type != Type::scalar || n.quoted) {
      wrong_type(n, path, "整数", "an integer");
      return std::nullopt;
    }
    long long v = 0;
    const char* b = n.value.data();
    const char* e = b + n.value.size();
    if (b != e && *b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, v);
    if (ec == std::errc::result_out_of_range) {
      error("L013", n, std::string(path),
            {fmt::format("「{}」数值超出范围：{}（允许 {}–{}）", path, n.value, lo, hi),
             fmt::format("'{}' is out of range: {} (allowed {}–{})", path, n.value, lo, hi)});
      return std::nullopt;
    }
    if (ec != std::errc{} || p != e || b == e) {
      wrong_type(n, path, "整数", "an integer");
      return std::nullopt;
    }
    if (v < lo || v > hi) {
      error("L013", n, std::string(path),
            {fmt::format("「{}」数值超出范围：{}（允许 {}–{}）", path, v, lo, hi),
             fmt::format("'{}' is out of range: {} (allowed {}–{})", path, v, lo, hi)});
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> boolean(std::uint32_t index, std::string_view path) {
    const YNode& n = doc_->node(index);
    if (n.type == Type::scalar && !n.quoted) {
      static const std::vector<std::string_view> yes{"true", "True", "TRUE", "yes", "Yes", "YES"};
      static const std::vector<std::string_view> no{"false", "False", "FALSE", "no", "No", "NO"};
      if (std::find(yes.begin(), yes.end(), n.value) != yes.end()) return true;
      if (std::find(no.begin(), no.end(), n.value) != no.end()) return false;
    }
    wrong_type(n, path, "布尔值（true 或 false）", "true or false");
    return std::nullopt;
  }

  std::optional<Date> date_value(std::uint32_t index, std::string_view path) {
    const YNode& n = doc_->node(index);
    if (n.type != Type::scalar) {
      wrong_type(n, path, "日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)");
      return std::nullopt;
    }
    DateError why{};
    auto d = parse_iso_date(n.value, &why);
    if (d) return d;
    Message m;
    switch (why) {
      case DateError::impossible:
        m = {fmt::format("「{}」不是真实存在的日期：{}", path, n.value),
             fmt::format("'{}' is not a real date: {}", path, n.value)};
        break;
      case DateError::out_of_range:
        m = {fmt::format("「{}」年份超出支持范围 {}–{}：{}", path, min_year, max_year, n.value),
             fmt::format("'{}' has a year outside {}–{}: {}", path, min_year, max_year, n.value)};
        break;
      default:
        m = {fmt::format("「{}」日期格式应为 YYYY-MM-DD（如 2026-03-01），实际是「{}」", path, n.value),
             fmt::format("'{}' must be an ISO date YYYY-MM-DD (e.g. 2026-03-01), found '{}'", path,
                         n.value)};
    }
    error("L007", n, std::string(path), std::move(m));
    return std::nullopt;
  }

  template <std::size_t N>
  std::optional<std::size_t> choice(std::uint32_t index, std::string_view path,
                                    const std::array<std::string_view, N>& names,
                                    const std::vector<std::pair<std::string_view, std::size_t>>& aliases = {}) {
    auto text = scalar_text(index, path);
    if (!text) return std::nullopt;
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == *text) return i;
    for (const auto& [alias, value] : aliases)
      if (alias == *text) return value;
    std::vector<std::string_view> all(names.begin(), names.end());
    for (const auto& a : aliases) all.push_back(a.first);
    auto hint = closest_match(*text, all);
    std::vector<std::string_view> shown(names.begin(), names.end());
    error("L013", doc_->node(index), std::string(path),
          {fmt::format("「{}」取值无效：「{}」{}；可用：{}", path, *text, did_you_mean_zh(hint), join(shown)),
           fmt::format("invalid value '{}' for '{}'{}; expected one of: {}", *text, path,
                       did_you_mean_en(hint), join(shown))});
    return std::nullopt;
  }

  Mark mark_of(std::uint32_t index) const {
    const YNode& n = doc_->node(index);
    return {file_index_, n.line, n.column};
  }

  // A record's map: checks keys, requires some, records field marks.
  struct Record {
    std::vector<Entry> entries;
    Source src;
    bool ok = false;
  };

  Record record(std::uint32_t index, const std::string& path,
                const std::vector<std::string_view>& allowed,
                const std::vector<std::string_view>& required) {
    Record r;
    const YNode& n = doc_->node(index);
    r.src.at = mark_of(index);
    r.src.path = path;
    if (n.type != Type::map) {
      wrong_type(n, path, "映射", "a map");
      return r;
    }
    r.entries = map_entries(n, path);
    check_keys(r.entries, path, allowed);
    r.ok = true;
    for (auto key : required) {
      if (!find(r.entries, key)) {
        missing(n, path, key);
        r.ok = false;
      }
    }
    for (const auto& e : r.entries) r.src.fields.emplace_back(std::string(e.key), mark_of(e.value));
    return r;
  }

  std::optional<std::string> text_field(Record& r, std::string_view key) {
    auto e = find(r.entries, key);
    if (!e) return std::nullopt;
    auto v = scalar_text(e->value, child_path(r.src.path, key));
    if (!v) r.ok = false;
    return v;
  }
  template <class F>
  void field(Record& r, std::string_view key, F&& f) {
    if (auto e = find(r.entries, key)) {
      if (!f(e->value, child_path(r.src.path, key))) r.ok = false;
    }
  }

  // A list of ids; a single scalar is accepted as a list of one.
  bool id_list(Record& r, std::string_view key, std::vector<std::string>& out) {
    auto e = find(r.entries, key);
    if (!e) return true;
    std::string path = child_path(r.src.path, key);
    const YNode& n = doc_->node(e->value);
    if (n.type == Type::scalar) {
      out.push_back(n.value);
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


  void bool_field(Record& r, std::string_view key, bool& out) {
    field(r, key, [&](std::uint32_t v, const std::string& p) {
      auto b = boolean(v, p);
      if (b) out = *b;
      return b.has_value();
    });
  }

  template <class F>
  void date_field(Record& r, std::string_view key, F&& set) {
    field(r, key, [&](std::uint32_t v, const std::string& p) {
      auto d = date_value(v, p);
      if (d) set(*d);
      return d.has_value();
    });
  }

 protected:
  std::size_t errors_ = 0;
  bool capped_ = false;
  std::string file_;
  std::uint32_t file_index_;
  std::vector<Diagnostic>& diagnostics_;
  const YDocument* doc_ = nullptr;
  std::size_t budget_ = 0;
};

// ---- merging and references ----

template <class T>
inline void merge_unique(std::vector<T>& into, std::vector<T>& from, std::string_view what_zh,
                  std::string_view what_en, IdIndex& seen,
                  const Dataset& data, std::vector<Diagnostic>& diags) {
  for (auto& item : from) {
    auto [it, fresh] = seen.emplace(item.id, into.size());
    if (!fresh) {
      const auto& first = into[it->second];
      Diagnostic d;
      d.rule = "L005";
      d.where = data.locate(item.src.field("id"));
      d.yaml_path = item.src.path + ".id";
      d.subject = item.id;
      d.message = {fmt::format("{}编号「{}」重复（首次定义于 {}:{}）", what_zh, item.id,
                               data.locate(first.src.at).file, first.src.at.line),
                   fmt::format("duplicate {} id '{}' (first defined at {}:{})", what_en, item.id,
                               data.locate(first.src.at).file, first.src.at.line)};
      d.related.push_back({data.locate(first.src.field("id")), {"首次定义", "first defined here"}});
      diags.push_back(std::move(d));
      continue;
    }
    into.push_back(std::move(item));
  }
}

template <class Index>
inline std::vector<std::string_view> keys_of(const Index& idx) {
  std::vector<std::string_view> out;
  out.reserve(idx.size());
  for (const auto& [k, v] : idx) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

struct RefChecker {
  const Dataset& data;
  std::vector<Diagnostic>& diags;
  std::map<std::string_view, std::vector<std::string_view>> candidates;

  void check(const Source& src, std::string_view field, const std::string& id,
             std::string_view kind, std::string_view kind_zh,
             const IdIndex& index) {
    if (id.empty() || index.find(std::string_view(id)) != index.end()) return;
    auto& cands = candidates[kind];
    if (cands.empty()) cands = keys_of(index);
    auto hint = closest_match(id, cands);
    Diagnostic d;
    d.rule = "L006";
    d.where = data.locate(src.field(field));
    d.yaml_path = src.path + "." + std::string(field);
    d.subject = id;
    d.message = {fmt::format("引用了不存在的{}「{}」{}", kind_zh, id,
                             hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
                 fmt::format("unknown {} '{}'{}", kind, id,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))};
    diags.push_back(std::move(d));
  }
};

// ---- the problem ledger (decode_ledger.cpp) ----

/// Ledger records decoded from one file.
struct LedgerFileData {
  std::vector<Problem> problems;
  std::vector<Hazard> hazards;
  std::vector<Lead> leads;
  std::vector<PublicReport> reports;
  std::vector<Lookback> lookbacks;
};

/// The ledger's kinds: problems, hazards, leads, public_reports, lookbacks.
bool is_ledger_kind(std::string_view kind);
/// Decodes item `index` (at `path`) of a ledger document of `kind`.
void decode_ledger_item(DecoderBase& d, std::string_view kind, std::uint32_t index, const std::string& path,
                        LedgerFileData& out);
/// Decodes the `ledger:` map of a policy document into patches.
void decode_ledger_policy(DecoderBase& d, const Entry& e, std::vector<std::function<void(Policy&)>>& patches);
/// Moves one file's ledger records into the data set (duplicate ids are L005).
void merge_ledger(Dataset& data, LedgerFileData& from, std::vector<Diagnostic>& diags);
/// Reports ledger references to unknown tours, regions, problems, hazards and leads (L006).
void check_ledger_refs(Dataset& data, RefChecker& refs);

}  // namespace xuncha::load::detail
