#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha {
class Calendar;
}

namespace xuncha::rules {

/// A rule's fixed description: stable id and slug, default severity, clause, texts in zh and en.
struct RuleInfo {
  std::string_view id;
  std::string_view slug;
  Severity severity;
  std::string_view clause;  ///< e.g. "II.3"; "—" for input rules
  std::string_view summary_zh;
  std::string_view summary_en;
  std::string_view explain_zh;
  std::string_view explain_en;
};

/// What every check sees: the data set, the calendar and "today".
struct CheckContext {
  const Dataset& data;
  const Calendar& calendar;
  Date as_of;
  bool allow_uncovered = false;  ///< years missing from the calendar: warn and count weekends only
};

/// A group of rules checked together by one pure function.
struct Checker {
  std::string_view name;
  std::span<const RuleInfo> rules;
  void (*run)(const CheckContext&, std::vector<Diagnostic>&);  ///< null for input rules
};

/// Every checker, in a fixed order.
std::span<const Checker> checkers();

/// The rule with exactly this id in one checker's table (its first rule when none matches: the
/// ids a checker passes are its own).
const RuleInfo& rule_in(std::span<const RuleInfo> rules, std::string_view id);

/// Every rule, sorted by id.
const std::vector<const RuleInfo*>& all_rules();

/// Finds a rule by id ("T101", case-insensitive) or slug ("team-size"); null when unknown.
const RuleInfo* find_rule(std::string_view id_or_slug);

/// Closest rule ids/slugs to an unknown name, for "did you mean".
std::string suggest_rule(std::string_view name);

/// Which rules run and at which severity: defaults, then the policy, then the command line.
struct RuleSelection {
  std::vector<std::string> select;  ///< ids or slugs or prefixes ("T", "C1"); empty = all
  std::vector<std::string> ignore;
  std::vector<std::pair<std::string, Severity>> severity;  ///< overrides
};

/// Runs the named checkers (all when `only` is empty) and applies severities; sorted output.
std::vector<Diagnostic> run_checks(const CheckContext& ctx, const RuleSelection& selection,
                                   std::span<const std::string_view> only = {});

/// Applies policy and command-line severities to diagnostics (drops those turned off).
void apply_severities(std::vector<Diagnostic>& diags, const Policy& policy,
                      const RuleSelection& selection);

/// Builds a diagnostic for `rule` at the mark of `field` of the record `src`.
Diagnostic make_diagnostic(const RuleInfo& rule, const Dataset& data, const Source& src,
                           std::string_view field, std::string subject, Message message);

}  // namespace xuncha::rules
