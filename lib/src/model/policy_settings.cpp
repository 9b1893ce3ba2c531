// The effective policy, setting by setting, written as a policy document would write it.
#include <xuncha/model/policy_settings.hpp>

#include <xuncha/model/model.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace xuncha {

std::vector<PolicySetting> policy_settings(const Policy& p) {
  std::vector<PolicySetting> out;
  auto add = [&](std::string key, std::string value) { out.push_back({std::move(key), std::move(value)}); };
  auto num = [&](std::string key, int v) { add(std::move(key), std::to_string(v)); };
  auto yes = [&](std::string key, bool v) { add(std::move(key), v ? "true" : "false"); };
  add("province", p.province.empty() ? "-" : p.province);
  num("regions_expected", p.regions_expected);
  num("coverage_years", p.coverage_years);
  num("cadence_years", p.cadence_years);
  num("team_size.min", p.team_min);
  num("team_size.max", p.team_max);
  num("experts_min", p.experts_min);
  num("team_members.min", p.members_min);
  num("team_members.max", p.members_max);
  num("team_experts.min", p.staff_experts_min);
  num("team_experts.max", p.staff_experts_max);
  const int days[] = {p.days_city, p.days_prefecture, p.days_direct_city, p.days_forestry};
  for (std::size_t c = 0; c < region_class_names.size(); ++c)
    num("days_on_site." + std::string(region_class_names[c]), days[c]);
  num("report_workdays", p.report_workdays);
  num("rectification_plan_workdays", p.rectification_plan_workdays);
  num("rectification_results_months", p.rectification_results_months);
  yes("roll_forward_to_workday", p.roll_forward_to_workday);
  num("preparation_lead_workdays", p.preparation_lead_workdays);
  yes("archive_with_report", p.archive_with_report);
  num("archive_workdays", p.archive_workdays);
  num("look_back_months", p.look_back_months);
  yes("conflict_of_interest", p.conflict_of_interest);
  num("due_soon_workdays", p.due_soon_workdays);
  std::string steps;
  for (std::size_t m = 0; m < milestone_names.size(); ++m)
    if (p.untracked_steps & (std::uint32_t{1} << m)) steps += (steps.empty() ? "" : ", ") + std::string(milestone_names[m]);
  add("untracked_steps", "[" + steps + "]");
  std::string batches;
  for (const auto& b : p.batches)
    batches += fmt::format("{}{} {:02}-{:02}..{:02}-{:02}", batches.empty() ? "" : ", ", b.name, b.from_month, b.from_day,
                           b.to_month, b.to_day);
  add("batches", "[" + batches + "]");
  std::string blackouts;
  for (const auto& b : p.blackouts)
    blackouts += fmt::format("{}{} {}..{}", blackouts.empty() ? "" : ", ", b.name, format_iso(b.from), format_iso(b.to));
  add("blackouts", "[" + blackouts + "]");
  num("teams_per_round", p.teams_per_round);
  num("first_round_year", p.first_round_year);
  yes("off_round_tours", p.off_round_tours);
  for (std::size_t c = 0; c < region_class_names.size(); ++c) {
    std::string ms;
    for (int m : p.class_months[c]) ms += (ms.empty() ? "" : ", ") + std::to_string(m);
    add("months_by_class." + std::string(region_class_names[c]), "[" + ms + "]");
  }
  for (std::size_t c = 0; c < region_class_names.size(); ++c) {
    std::string bs;
    for (const auto& b : p.class_blocked[c])
      bs += fmt::format("{}{}{:02}-{:02}..{:02}-{:02}", bs.empty() ? "" : ", ", b.name.empty() ? "" : b.name + " ", b.from_month,
                        b.from_day, b.to_month, b.to_day);
    add("blocked_by_class." + std::string(region_class_names[c]), "[" + bs + "]");
  }
  add("tour_start_day", std::string(start_day_names[static_cast<std::size_t>(p.tour_start_day)]));
  num("planning_feedback_workdays", p.planning_feedback_workdays);
  num("objective.round_load", p.weights.round_load);
  num("objective.risk", p.weights.risk);
  num("objective.team_balance", p.weights.team_balance);
  num("objective.tour_days", p.weights.tour_days);
  num("staff_deputies", p.staff_deputies);
  num("staff_max_days", p.staff_max_days);
  num("staff_fair_days", p.staff_fair_days);
  num("staff_weight_units", p.staff_weight_units);
  num("staff_weight_days", p.staff_weight_days);
  num("staff_weight_pairs", p.staff_weight_pairs);
  num("staff_weight_fields", p.staff_weight_fields);
  yes("staff_pairs_together", p.staff_pairs_together);
  for (std::size_t g = 0; g < p.ledger.listing_level.size(); ++g)
    add(fmt::format("ledger.listing_level.{}", g + 1),
        std::string(listing_level_names[static_cast<std::size_t>(p.ledger.listing_level[g])]));
  for (std::size_t n = 0; n < p.ledger.recipient.size(); ++n)
    add(fmt::format("ledger.recipient.{}", lead_nature_names[n]),
        std::string(recipient_names[static_cast<std::size_t>(p.ledger.recipient[n])]));
  num("ledger.lead_feedback_months", p.ledger.lead_feedback_months);
  num("ledger.report_to_committee_workdays", p.ledger.report_to_committee_workdays);
  if (p.ledger.major_report_days >= 0) num("ledger.major_report_days", p.ledger.major_report_days);
  num("ledger.hazard_review_days", p.ledger.hazard_review_days);
  num("ledger.report_verify_workdays", p.ledger.report_verify_workdays);
  num("ledger.report_answer_workdays", p.ledger.report_answer_workdays);
  yes("ledger.overdue_in_workdays", p.ledger.overdue_in_workdays);
  num("ledger.overdue_grace", p.ledger.overdue_grace);
  num("ledger.lookback_days", p.ledger.lookback_days);
  num("ledger.lookback_threshold", p.ledger.lookback_threshold);
  add("ledger.verifiers", fmt::format("[{}]", fmt::join(p.ledger.verifiers, ", ")));
  std::string grades;
  for (std::size_t g = 0; g < p.ledger.list_grades.size(); ++g)
    if (p.ledger.list_grades[g]) grades += (grades.empty() ? "" : ", ") + std::to_string(g + 1);
  add("ledger.list_grades", "[" + grades + "]");
  num("ledger.hazard_listing_workdays", p.ledger.hazard_listing_workdays);
  num("ledger.lead_transfer_workdays", p.ledger.lead_transfer_workdays);
  num("assessment.base_score", p.assessment.base_score);
  num("assessment.per_overdue", p.assessment.per_overdue);
  num("assessment.per_repeat", p.assessment.per_repeat);
  num("assessment.per_unlisted_hazard", p.assessment.per_unlisted_hazard);
  num("assessment.closure_points", p.assessment.closure_points);
  num("assessment.min_score", p.assessment.min_score);
  add("assessment.recipients", fmt::format("[{}]", fmt::join(p.assessment.recipients, ", ")));
  for (const auto& [rule, s] : p.rule_severity) add("rules." + rule, std::string(to_string(s)));
  return out;
}

}  // namespace xuncha
