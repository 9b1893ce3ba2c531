#include <xuncha/rules/registry.hpp>

#include <xuncha/core/suggest.hpp>
#include <xuncha/rules/checkers.hpp>

#include <algorithm>
#include <cctype>

namespace xuncha::rules {

std::span<const Checker> checkers() {
  static const Checker all[] = {
      {"input", input_rules(), nullptr},
      {"coverage", coverage_rules(), &check_coverage},
      {"teams", team_rules(), &check_teams},
      {"deadlines", deadline_rules(), &check_deadlines},
      {"plan", plan_rules(), &check_plan},
      {"ledger", ledger_problem_rules(), &check_ledger_problems},
      {"ledger-records", ledger_record_rules(), &check_ledger_records},
      {"suppressions", suppression_rules(), nullptr},
  };
  return all;
}

const RuleInfo& rule_in(std::span<const RuleInfo> rules, std::string_view id) {
  for (const auto& r : rules)
    if (r.id == id) return r;
  return rules.front();
}

const std::vector<const RuleInfo*>& all_rules() {
  // Built once: find_rule() runs for every diagnostic when severities are applied and rendered.
  static const std::vector<const RuleInfo*> sorted = [] {
    std::vector<const RuleInfo*> out;
    for (const auto& c : checkers())
      for (const auto& r : c.rules) out.push_back(&r);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
    return out;
  }();
  return sorted;
}

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}
}  // namespace

const RuleInfo* find_rule(std::string_view name) {
  for (const auto* r : all_rules())
    if (iequals(r->id, name) || r->slug == name) return r;
  return nullptr;
}

std::string suggest_rule(std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto* r : all_rules()) {
    names.push_back(r->id);
    names.push_back(r->slug);
  }
  return closest_match(name, names);
}

namespace {
// A selector matches a rule by id, slug, or id prefix ("T" or "C1").
bool matches(const RuleInfo& r, std::string_view sel) {
  if (r.slug == sel) return true;
  if (sel.size() > r.id.size()) return false;
  return iequals(r.id.substr(0, sel.size()), sel);
}
}  // namespace

void apply_severities(std::vector<Diagnostic>& diags, const Policy& policy,
                      const RuleSelection& selection) {
  // Kept findings move down in place: a second vector held every finding twice at the peak.
  std::size_t kept = 0;
  for (auto& d : diags) {
    const RuleInfo* info = find_rule(d.rule);
    if (info) {
      if (auto it = policy.rule_severity.find(std::string(info->id)); it != policy.rule_severity.end())
        d.severity = it->second;
      for (const auto& [sel, sev] : selection.severity)
        if (matches(*info, sel)) d.severity = sev;
      // Input errors cannot be selected away: a run never builds on data it could not read.
      bool input = info->id[0] == 'L';
      if (!input) {
        if (!selection.select.empty() &&
            std::none_of(selection.select.begin(), selection.select.end(),
                         [&](const std::string& s) { return matches(*info, s); }))
          continue;
        if (std::any_of(selection.ignore.begin(), selection.ignore.end(),
                        [&](const std::string& s) { return matches(*info, s); }))
          continue;
      } else {
        d.severity = Severity::error;
      }
    }
    if (d.severity == Severity::off) continue;
    if (&d != &diags[kept]) diags[kept] = std::move(d);
    ++kept;
  }
  diags.erase(diags.begin() + static_cast<std::ptrdiff_t>(kept), diags.end());
}

std::vector<Diagnostic> run_checks(const CheckContext& ctx, const RuleSelection& selection,
                                   std::span<const std::string_view> only) {
  std::vector<Diagnostic> out;
  for (const auto& c : checkers()) {
    if (!c.run) continue;
    if (!only.empty() && std::find(only.begin(), only.end(), c.name) == only.end()) continue;
    c.run(ctx, out);
  }
  apply_severities(out, ctx.data.policy, selection);
  sort_diagnostics(out);
  return out;
}

Diagnostic make_diagnostic(const RuleInfo& rule, const Dataset& data, const Source& src,
                           std::string_view field, std::string subject, Message message) {
  Diagnostic d;
  d.rule = std::string(rule.id);
  d.severity = rule.severity;
  d.where = data.locate(src.field(field));
  d.yaml_path = field.empty() ? src.path : src.path + "." + std::string(field);
  d.subject = std::move(subject);
  d.message = std::move(message);
  return d;
}

}  // namespace xuncha::rules
