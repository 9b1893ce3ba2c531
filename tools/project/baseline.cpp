// xuncha check --baseline / --write-baseline.
#include "project/baseline.hpp"
#include "render/yaml.hpp"

#include <xuncha/load/file_read.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <sstream>

namespace xuncha::cli {
namespace {

using Key = std::pair<std::string, std::string>;

Key key_of(const Diagnostic& d) { return {d.rule, d.subject.empty() ? d.message.en : d.subject}; }
bool recorded(const Diagnostic& d) { return !d.rule.empty() && d.rule[0] != 'L'; }

}  // namespace

std::string baseline_text(const std::vector<Diagnostic>& diags) {
  std::map<Key, int> counts;
  for (const auto& d : diags)
    if (recorded(d)) ++counts[key_of(d)];
  std::string out =
      "# xuncha baseline: findings accepted as known (xuncha check --baseline FILE); new ones fail.\n"
      "# Written by xuncha check --write-baseline. Keyed by rule and record id, not line numbers.\n"
      "xuncha-baseline: 1\nfindings:";
  if (counts.empty()) out += " []";
  out += "\n";
  for (const auto& [k, n] : counts)
    out += fmt::format("  - rule: {}\n    subject: {}\n    count: {}\n", yaml_quoted(k.first), yaml_quoted(k.second), n);
  return out;
}

std::size_t apply_baseline(const std::string& file, std::size_t max_bytes, std::vector<Diagnostic>& diags) {
  Message why;
  auto text = load::read_regular_file(file, max_bytes, why);
  if (!text) throw UsageError(fmt::format("--baseline {}：{}", quote_path(file), why.zh), fmt::format("--baseline {}: {}", quote_path(file), why.en));
  auto parsed = load::parse_yaml(*text);
  auto fail = [&](std::uint32_t line, std::uint32_t column, const std::string& zh, const std::string& en) {
    throw UsageError(fmt::format("{}:{}:{}：{}", quote_path(file), line, column, zh),
                     fmt::format("{}:{}:{}: {}", quote_path(file), line, column, en));
  };
  if (parsed.failed)
    fail(parsed.error.line, parsed.error.column, "YAML 语法错误：" + parsed.error.message, "YAML syntax error: " + parsed.error.message);
  if (parsed.documents.size() != 1)
    fail(1, 1, "基线文件应只有一个文档（xuncha-baseline: 1 与 findings:）", "expected one baseline document (xuncha-baseline: 1, findings:)");
  const auto& doc = parsed.documents[0];
  const auto& root = doc.node(doc.root);
  using T = load::YNode::Type;
  if (root.type != T::map) fail(root.line, root.column, "应为含 xuncha-baseline: 1 与 findings: 的映射", "expected a map with xuncha-baseline: 1 and findings:");
  std::map<Key, int> allowed;
  bool marked = false;
  for (std::uint32_t k = 0; k + 1 < root.count; k += 2) {
    const auto& key = doc.node(doc.child(root, k));
    const auto& value = doc.node(doc.child(root, k + 1));
    if (doc.value(key) == "xuncha-baseline") {
      if (value.type != T::scalar || doc.value(value) != "1") fail(value.line, value.column, "不支持的基线版本；应为 1", "unsupported baseline version; expected 1");
      marked = true;
    } else if (doc.value(key) == "findings") {
      if (value.type != T::sequence) fail(value.line, value.column, "「findings」应为列表", "'findings' must be a list");
      for (std::uint32_t i = 0; i < value.count; ++i) {
        const auto& item = doc.node(doc.child(value, i));
        if (item.type != T::map) fail(item.line, item.column, "应为一条结果：rule、subject、count", "expected a finding: rule, subject, count");
        std::string rule, subject;
        int count = 1;
        bool has_rule = false, has_subject = false;
        for (std::uint32_t j = 0; j + 1 < item.count; j += 2) {
          const auto& fk = doc.node(doc.child(item, j));
          const auto& fv = doc.node(doc.child(item, j + 1));
          if (fv.type != T::scalar) fail(fv.line, fv.column, fmt::format("「{}」应为文本", doc.value(fk)), fmt::format("'{}' must be a text", doc.value(fk)));
          if (doc.value(fk) == "rule") rule = doc.value(fv), has_rule = true;
          else if (doc.value(fk) == "subject") subject = doc.value(fv), has_subject = true;
          else if (doc.value(fk) == "count") {
            auto [p, ec] = std::from_chars(doc.value(fv).data(), doc.value(fv).data() + doc.value(fv).size(), count);
            if (ec != std::errc{} || p != doc.value(fv).data() + doc.value(fv).size() || count < 1)
              fail(fv.line, fv.column, fmt::format("「count」应为不小于 1 的整数，收到「{}」", doc.value(fv)),
                   fmt::format("'count' must be a whole number >= 1, found '{}'", doc.value(fv)));
          } else {
            fail(fk.line, fk.column, fmt::format("未知的字段「{}」；可用：rule、subject、count", doc.value(fk)),
                 fmt::format("unknown field '{}'; expected rule, subject or count", doc.value(fk)));
          }
        }
        if (!has_rule || !has_subject) fail(item.line, item.column, "每条结果都需要 rule: 与 subject:", "a finding needs rule: and subject:");
        allowed[{rule, subject}] += count;
      }
    } else {
      fail(key.line, key.column, fmt::format("未知的字段「{}」；可用：xuncha-baseline、findings", doc.value(key)),
           fmt::format("unknown field '{}'; expected xuncha-baseline or findings", doc.value(key)));
    }
  }
  if (!marked) fail(root.line, root.column, "不是 xuncha 基线文件（没有 xuncha-baseline: 1）", "not a xuncha baseline (no xuncha-baseline: 1)");
  std::size_t accepted = 0;
  std::vector<Diagnostic> kept;
  for (auto& d : diags) {
    if (recorded(d)) {
      auto it = allowed.find(key_of(d));
      if (it != allowed.end() && it->second > 0) {
        --it->second;
        ++accepted;
        continue;
      }
    }
    kept.push_back(std::move(d));
  }
  diags = std::move(kept);
  return accepted;
}

}  // namespace xuncha::cli
