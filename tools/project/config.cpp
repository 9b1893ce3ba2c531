// Repository configuration (xuncha.yaml / .xuncha.yaml): discovery, reading, precedence.
#include "project/config.hpp"
#include "base/terminal.hpp"

#include <xuncha/core/suggest.hpp>
#include <xuncha/load/file_read.hpp>
#include <xuncha/load/loader.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

namespace xuncha::cli {
namespace fs = std::filesystem;
namespace {

using load::YDocument;
using load::YNode;

struct Reader {
  std::string file;
  const YDocument* doc = nullptr;

  [[noreturn]] void fail(const YNode& at, const std::string& zh, const std::string& en) const {
    throw UsageError(fmt::format("{}:{}:{}：{}", quote_path(file), +at.line, at.column, zh),
                     fmt::format("{}:{}:{}: {}", quote_path(file), +at.line, at.column, en));
  }
  std::string where(const YNode& at) const { return fmt::format("{}:{}:{}", quote_path(file), +at.line, at.column); }

  // A scalar, or a list of scalars; a text "a,b" is split like the command line's lists.
  std::vector<std::pair<std::string, const YNode*>> list(const YNode& n, std::string_view key, bool split) const {
    std::vector<std::pair<std::string, const YNode*>> out;
    auto add = [&](const YNode& s) {
      if (s.type != YNode::Type::scalar) fail(s, fmt::format("「{}」应为文本或文本列表", key), fmt::format("'{}' takes a text or a list of texts", key));
      if (!split) return out.emplace_back(doc->value(s), &s), void();
      std::stringstream in{std::string(doc->value(s))};
      for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.emplace_back(part, &s);
    };
    if (n.type == YNode::Type::sequence) {
      for (std::uint32_t k = 0; k < n.count; ++k) add(doc->node(doc->child(n, k)));
    } else if (n.type != YNode::Type::null) {
      add(n);
    }
    return out;
  }
  std::string one(const YNode& n, std::string_view key, std::initializer_list<std::string_view> allowed) const {
    if (n.type != YNode::Type::scalar)
      fail(n, fmt::format("「{}」应为以下之一：{}", key, join(allowed, "、")), fmt::format("'{}' takes one of: {}", key, join(allowed)));
    if (std::find(allowed.begin(), allowed.end(), doc->value(n)) == allowed.end())
      fail(n, fmt::format("「{}」的值「{}」无效；可用：{}", key, doc->value(n), join(allowed, "、")),
           fmt::format("invalid value '{}' for '{}'; expected one of: {}", doc->value(n), key, join(allowed)));
    return std::string(doc->value(n));
  }
  static std::string join(std::initializer_list<std::string_view> v, std::string_view sep = ", ") {
    std::string s;
    for (auto x : v) s += (s.empty() ? "" : std::string(sep)) + std::string(x);
    return s;
  }
};

bool rule_or_prefix(const std::string& name) {
  if (rules::find_rule(name)) return true;
  for (const auto* r : rules::all_rules())
    if (!name.empty() && r->id.substr(0, std::min(name.size(), r->id.size())) == name) return true;
  return false;
}

void check_rule(const Reader& r, const YNode& at, const std::string& name) {
  if (rule_or_prefix(name)) return;
  auto hint = rules::suggest_rule(name);
  auto m = unknown_rule_message(name, hint);
  r.fail(at, m.zh, m.en);
}

bool given(const Context& ctx, std::string_view key) {
  const auto& g = ctx.global.given;
  return std::find(g.begin(), g.end(), key) != g.end();
}

// A path in the configuration is relative to the configuration file's folder.
std::string beside(const std::string& config, const std::string& path) {
  fs::path p(path);
  if (p.is_absolute()) return path;
  return (fs::path(config).parent_path() / p).lexically_normal().string();
}

}  // namespace

std::string find_config(const std::string& start) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path dir = start.empty() || start == "-" ? cwd : fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  if (!fs::is_directory(dir, ec)) dir = cwd;
  dir = dir.lexically_normal();
  for (;;) {
    std::vector<fs::path> found;
    for (auto name : {"xuncha.yaml", ".xuncha.yaml"})
      // Whatever it is: a configuration that is a folder or a pipe is an error, not ignored.
      if (fs::exists(fs::symlink_status(dir / name, ec))) found.push_back(dir / name);
    auto shown = [&](const fs::path& p) {
      auto rel = p.lexically_relative(cwd);
      return rel.empty() || *rel.begin() == ".." ? p.string() : rel.string();
    };
    if (found.size() == 2)
      throw UsageError(fmt::format("{} 中有两个配置文件：只保留 xuncha.yaml 或 .xuncha.yaml 之一",
                                   shown(dir).empty() ? "." : quote_path(shown(dir))),
                       fmt::format("two configuration files in {}: keep xuncha.yaml or .xuncha.yaml, not both",
                                   shown(dir).empty() ? "." : quote_path(shown(dir))));
    if (found.size() == 1) return shown(found[0]);
    // The repository root ends the search (.git is a folder, or a file in a worktree).
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

void apply_config(Context& ctx, const std::string& start) {
  auto& g = ctx.global;
  for (auto key : config_keys) g.origin[std::string(key)] = given(ctx, key) ? "command line" : "default";
  std::string file = find_config(start);
  g.config_file = file;
  if (file.empty()) return;
  Message why;
  auto read = load::read_regular_file(file, max_config_bytes, why);
  if (!read)
    throw UsageError(fmt::format("{}：配置文件：{}", quote_path(file), why.zh),
                     fmt::format("{}: the configuration file: {}", quote_path(file), why.en));
  std::string text = std::move(*read);
  int line = 0, column = 0;
  if (auto problem = load::check_encoding(text, line, column); !problem.empty())
    throw UsageError(fmt::format("{}:{}:{}：{}", quote_path(file), line, column, problem.substr(0, problem.find('|'))),
                     fmt::format("{}:{}:{}: {}", quote_path(file), line, column, problem.substr(problem.find('|') + 1)));
  auto parsed = load::parse_yaml(text);
  if (parsed.failed)
    throw UsageError(fmt::format("{}:{}:{}：YAML 语法错误：{}", quote_path(file), parsed.error.line, parsed.error.column,
                                 parsed.error.message),
                     fmt::format("{}:{}:{}: YAML syntax error: {}", quote_path(file), parsed.error.line, parsed.error.column,
                                 parsed.error.message));
  if (parsed.documents.empty()) return;
  if (parsed.documents.size() > 1)
    throw UsageError(fmt::format("{}:{}:1：配置文件只能有一个文档", quote_path(file), parsed.documents[1].line),
                     fmt::format("{}:{}:1: a configuration file holds one document", quote_path(file), parsed.documents[1].line));
  const auto& doc = parsed.documents[0];
  Reader r{file, &doc};
  const YNode& root = doc.node(doc.root);
  if (root.type == YNode::Type::null) return;
  if (root.type != YNode::Type::map) r.fail(root, "应为设置项的映射（select:、fail-on: 等）", "expected a map of settings (select:, fail-on:, ...)");
  std::vector<std::string> seen;
  for (std::uint32_t k = 0; k + 1 < root.count; k += 2) {
    const YNode& key = doc.node(doc.child(root, k));
    const YNode& value = doc.node(doc.child(root, k + 1));
    if (key.type != YNode::Type::scalar) r.fail(key, "应为设置项名称", "expected a setting name");
    std::string name(doc.value(key));
    if (std::find(config_keys.begin(), config_keys.end(), name) == config_keys.end()) {
      auto hint = closest_match(name, config_keys);
      std::string all;
      for (auto c : config_keys) all += (all.empty() ? "" : ", ") + std::string(c);
      r.fail(key,
             fmt::format("未知的设置项「{}」{}；可用：{}", name, hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint), all),
             fmt::format("unknown setting '{}'{}; expected one of: {}", name,
                         hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint), all));
    }
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) r.fail(key, fmt::format("设置项「{}」重复", name), fmt::format("duplicate setting '{}'", name));
    seen.push_back(name);
    std::string origin = r.where(value.type == YNode::Type::null ? key : value);
    bool cli = given(ctx, name);
    auto set_origin = [&] {
      if (!cli) g.origin[name] = origin;
    };
    if (name == "select" || name == "ignore") {
      std::vector<std::string> ids;
      for (auto& [id, at] : r.list(value, name, true)) {
        check_rule(r, *at, id);
        ids.push_back(id);
      }
      if (!cli) (name == "select" ? g.select : g.ignore) = ids;
      set_origin();
    } else if (name == "severity") {
      if (value.type != YNode::Type::map) r.fail(value, "「severity」应为 规则编号: off/info/warning/error 的映射",
                                                   "'severity' takes a map of rule id to off, info, warning or error");
      std::vector<std::string> pairs;
      for (std::uint32_t j = 0; j + 1 < value.count; j += 2) {
        const YNode& id = doc.node(doc.child(value, j));
        const YNode& level = doc.node(doc.child(value, j + 1));
        if (id.type != YNode::Type::scalar) r.fail(id, "应为规则编号", "expected a rule id");
        std::string rule(doc.value(id));
        check_rule(r, id, rule);
        pairs.push_back(rule + "=" + r.one(level, "severity." + rule, {"off", "info", "warning", "error"}));
      }
      // Per rule, the command line wins: its overrides come after the file's.
      g.severity.insert(g.severity.begin(), pairs.begin(), pairs.end());
      g.origin[name] = cli ? fmt::format("{} + command line", origin) : origin;
    } else if (name == "fail-on") {
      auto v = r.one(value, name, {"error", "warning", "info", "never"});
      if (!cli) g.fail_on = v;
      set_origin();
    } else if (name == "max-file-size") {
      if (value.type != YNode::Type::scalar || !load::parse_size(doc.value(value)))
        r.fail(value, "「max-file-size」应为大小：字节数，或带 K、M、G 的数（如 512M）",
               "'max-file-size' takes a size: bytes, or a number with K, M or G (e.g. 512M)");
      if (!cli) g.max_file_size = std::string(doc.value(value));
      set_origin();
    } else if (name == "lang") {
      auto v = r.one(value, name, {"zh", "en"});
      if (!cli) g.lang = v;
      set_origin();
    } else {
      std::vector<std::string> items;
      for (auto& [item, at] : r.list(value, name, false)) items.push_back(name == "exclude" ? item : beside(file, item));
      if (!cli) (name == "exclude" ? g.exclude : name == "policy" ? g.policy_files : g.calendar_files) = items;
      set_origin();
    }
  }
}

}  // namespace xuncha::cli
