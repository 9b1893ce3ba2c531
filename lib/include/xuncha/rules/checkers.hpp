#pragma once
#include <span>
#include <vector>

#include <xuncha/rules/registry.hpp>

namespace xuncha::rules {

/// Input rules (L0xx): reported by the loader; listed here so `xuncha rule` explains them.
std::span<const RuleInfo> input_rules();

/// Coverage and procedure-order rules (C1xx, II.1–II.3, IV.2).
std::span<const RuleInfo> coverage_rules();
/// Checks the coverage rules over the whole data set.
void check_coverage(const CheckContext& ctx, std::vector<Diagnostic>& out);

/// Deadline rules (D2xx, IV.2): overdue and late procedure steps, uncovered calendar years.
std::span<const RuleInfo> deadline_rules();
/// Checks every tour's procedure deadlines as of ctx.as_of.
void check_deadlines(const CheckContext& ctx, std::vector<Diagnostic>& out);

/// Planned-tour rules (S1xx): a schedule's hard rules on `kind: schedule` tours.
std::span<const RuleInfo> plan_rules();
/// Checks the planned tours: one region at a time per team, batch windows, round years.
void check_plan(const CheckContext& ctx, std::vector<Diagnostic>& out);

/// Team composition rules (T1xx, II.2): size, roles, units, experts, overlaps, stability.
std::span<const RuleInfo> team_rules();
/// Checks every team and the tours it serves.
void check_teams(const CheckContext& ctx, std::vector<Diagnostic>& out);

/// Inline suppression rules (X0xx): found by the CLI's suppression pass, not by a checker.
std::span<const RuleInfo> suppression_rules();
/// Problem-ledger rules on problems (R1xx, LEDGER.md): tour ties, evidence, reports, rows,
/// fixed-at-once, overdue, extensions, closure, states forward, results while open, relapses.
std::span<const RuleInfo> ledger_problem_rules();
void check_ledger_problems(const CheckContext& ctx, std::vector<Diagnostic>& out);
/// Problem-ledger rules on listed hazards, leads, public reports and look-backs (R2xx–R5xx).
std::span<const RuleInfo> ledger_record_rules();
void check_ledger_records(const CheckContext& ctx, std::vector<Diagnostic>& out);

}  // namespace xuncha::rules
