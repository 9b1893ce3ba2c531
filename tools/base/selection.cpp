// Which rules run and which findings fail the run: --select, --ignore, --severity, --fail-on.
#include "base/selection.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {

rules::RuleSelection selection(const Context& ctx) {
  rules::RuleSelection sel;
  auto check_name = [](const std::string& name) {
    if (rules::find_rule(name)) return;
    // A prefix such as "T" or "C1" selects a family.
    for (const auto* r : rules::all_rules())
      if (r->id.substr(0, std::min(name.size(), r->id.size())) == name) return;
    auto hint = rules::suggest_rule(name);
    throw UsageError(unknown_rule_message(name, hint));
  };
  for (const auto& s : ctx.global.select) check_name(s), sel.select.push_back(s);
  for (const auto& s : ctx.global.ignore) check_name(s), sel.ignore.push_back(s);
  for (const auto& s : ctx.global.severity) {
    auto eq = s.find('=');
    Severity level{};
    if (eq == std::string::npos || !parse_severity(s.substr(eq + 1), level))
      throw UsageError(fmt::format("--severity 的写法是 规则=off|info|warning|error（关闭、提示、警告、错误）；收到「{}」", s),
                       fmt::format("--severity expects ID=off|info|warning|error, got '{}'", s));
    check_name(s.substr(0, eq));
    sel.severity.emplace_back(s.substr(0, eq), level);
  }
  return sel;
}

Severity fail_threshold(const Context& ctx) {
  if (ctx.global.fail_on == "warning") return Severity::warning;
  if (ctx.global.fail_on == "info") return Severity::info;
  if (ctx.global.fail_on == "never") return Severity::off;
  return Severity::error;
}

std::vector<const rules::RuleInfo*> rules_run(const Policy& policy, const rules::RuleSelection& sel,
                                              std::span<const std::string_view> only) {
  // One stand-in finding per rule, put through the same severity and selection step as real
  // findings: what survives is what ran.
  std::vector<Diagnostic> probe;
  for (const auto& c : rules::checkers()) {
    if (!c.run) continue;
    if (!only.empty() && std::find(only.begin(), only.end(), c.name) == only.end()) continue;
    for (const auto& r : c.rules) {
      Diagnostic d;
      d.rule = std::string(r.id);
      d.severity = r.severity;
      probe.push_back(std::move(d));
    }
  }
  rules::apply_severities(probe, policy, sel);
  std::vector<const rules::RuleInfo*> out;
  for (const auto& d : probe)
    if (const auto* r = rules::find_rule(d.rule)) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int findings_exit_code(const Context& ctx, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (!d.rule.empty() && d.rule[0] == 'L') return 2;
  auto threshold = fail_threshold(ctx);
  if (threshold == Severity::off) return 0;
  for (const auto& d : diags)
    if (d.severity >= threshold) return 1;
  return 0;
}

}  // namespace xuncha::cli
