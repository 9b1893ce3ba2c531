#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/ledger_policy.hpp>

namespace xuncha {

/// A batch window of a round year, as month and day of its first and last day (inclusive).
struct BatchWindow {
  std::string name;  ///< e.g. "spring" / "春季"
  int from_month = 3, from_day = 1, to_month = 6, to_day = 30;

  /// The window's first and last day in `year`. A bound on 02-29 in a year without one never
  /// widens the window: it starts on 03-01 and ends on 02-28.
  Date first_day(int year) const;
  Date last_day(int year) const;
};

/// A period of each year in which a region is not toured (深冬、汛期), MM-DD to MM-DD inclusive; a
/// `from` later in the year than `to` runs over the new year (12-15 to 02-15).
struct SeasonBlock {
  std::string name;  ///< e.g. 汛期 (may be empty)
  int from_month = 1, from_day = 1, to_month = 1, to_day = 1;

  /// True when `d` falls in the period (in any year).
  bool covers(Date d) const;
};

/// An extra period with no tour on site (besides statutory holidays), inclusive.
struct Blackout {
  Date from{};
  Date to{};
  std::string name;
};

/// Which days a tour may start on (IV.2.2: a tour opens with a meeting with the region's leaders,
/// held on a working day).
enum class StartDay : std::uint8_t { workday, monday, any };
/// Names of StartDay values as the policy writes them, and their Chinese aliases.
inline constexpr std::array<std::string_view, 3> start_day_names{"workday", "monday", "any"};
inline constexpr std::array<std::string_view, 3> start_day_zh{"工作日", "周一", "任意"};

/// Weights of the default scheduling objective (SCHEDULING.md).
struct ObjectiveWeights {
  int round_load = 30;    ///< largest round load, in tour-days
  int risk = 1;           ///< risk-weighted months to each region's first tour
  int team_balance = 1;   ///< per round: teams × busiest team's load − round load
  int tour_days = 2;      ///< total tour-days
};

/// The score a region's inspection results give in the province's annual safety target assessment
/// (IV.2.6: results feed 目标考核), and who receives a copy. The regulation gives no formula: these
/// are the project's defaults, each a policy key (`assessment:`). A region's score, printed with
/// one decimal:
///   base_score − per_overdue × overdue − per_repeat × repeat (屡查屡犯) − per_unlisted_hazard ×
///   hazards not listed in time − closure_points × (1 − closed ÷ problems), never below min_score.
struct AssessmentPolicy {
  int base_score = 100;          ///< before deductions
  int per_overdue = 2;           ///< per problem past its time limit (approved extensions count)
  int per_repeat = 5;            ///< per repeat problem (a relapse of a closed one, 屡查屡犯)
  int per_unlisted_hazard = 5;   ///< per major hazard not listed (挂牌督办) in time (rule R206)
  int closure_points = 20;       ///< lost at a closure rate of 0, in proportion to the problems not closed
  int min_score = 0;             ///< the lowest score
  /// Who receives a copy (IV.2.6: the organisation, discipline-inspection and political-legal
  /// departments): `organisation`, `discipline`, `political_legal`, or a body's name as written.
  std::vector<std::string> recipients{"organisation", "discipline", "political_legal"};
};
/// The recipients AssessmentPolicy names by key, and their names in Chinese and English.
inline constexpr std::array<std::string_view, 3> assessment_recipient_keys{"organisation", "discipline", "political_legal"};
inline constexpr std::array<std::string_view, 3> assessment_recipient_zh{"省委组织部", "省纪委监委", "省委政法委"};
inline constexpr std::array<std::string_view, 3> assessment_recipient_en{
    "Organisation Department of the Provincial Party Committee",
    "Provincial Commission for Discipline Inspection and Supervision",
    "Political and Legal Affairs Commission of the Provincial Party Committee"};

/// Every number of the regulation, defaulting to the regulation's value (DOMAIN.md).
/// A `kind: policy` document or `--policy FILE` overrides any of them. Nothing of one province
/// is a default: the name and the number of regions come from the data or stay unset.
struct Policy {
  std::string province;                 ///< shown in titles; empty: not given (titles leave it out)
  int regions_expected = 0;             ///< II.1 / II.3: regions to cover; 0: not stated (C100 not checked)
  int coverage_years = 5;               ///< II.3: every region within 5 years
  int cadence_years = 2;                ///< II.3: regular rounds every 2 years (in principle)
  int team_min = 5;                     ///< II.2: team size
  int team_max = 7;
  int experts_min = 1;                  ///< II.2: experts (from the pool) on every tour, at least
  int days_city = 15;                   ///< II.3: days on site, 市
  int days_prefecture = 15;             ///< 州
  int days_direct_city = 7;             ///< 直管市
  int days_forestry = 7;                ///< 林区
  int report_workdays = 15;             ///< IV.2.4: report within 15 working days after the end
  int rectification_plan_workdays = 20; ///< IV.2.7: plan within 20 working days after feedback
  int rectification_results_months = 2; ///< IV.2.7: results within two months after feedback
  bool roll_forward_to_workday = true;  ///< a month period ending on a day off ends on the next working day
  int preparation_lead_workdays = 0;    ///< preparation steps at least this many working days before the start
  bool archive_with_report = true;      ///< archive handed over with the report (else: by the report deadline + archive_workdays)
  std::uint32_t untracked_steps = 0;    ///< bit m set: Milestone m is not recorded by the office (no deadline row, no D201/D202)
  int archive_workdays = 0;             ///< used when archive_with_report is false: working days after the end
  int look_back_months = 12;            ///< look-back within this many months of feedback for serious tours
  bool conflict_of_interest = true;     ///< 回避: nobody inspects their unit's or home region
  int due_soon_workdays = 5;            ///< deadlines: default of --within
  // Scheduling (xuncha schedule).
  std::vector<BatchWindow> batches{{"spring", 3, 1, 6, 30}, {"autumn", 9, 1, 12, 20}};
  std::vector<Blackout> blackouts;      ///< extra days with no tour on site
  int teams_per_round = 4;              ///< teams available in each round year
  int first_round_year = 0;             ///< a round year; 0: the last regular round on record (or --from)
  bool off_round_tours = false;         ///< allow planned tours outside round years
  /// Seasons per class of region (plateau and forest regions are not toured in deep winter or the
  /// flood season): the months a tour may be on site, indexed by RegionClass; empty: any month.
  std::array<std::vector<int>, 4> class_months{};
  /// Scheduling: periods of each year with no tour on site, by RegionClass (policy blocked_by_class).
  std::array<std::vector<SeasonBlock>, 4> class_blocked{};
  StartDay tour_start_day = StartDay::workday;  ///< IV.2.2: days a tour may start on (planned: hard; recorded: warning)
  int planning_feedback_workdays = 10;  ///< assumed working days from report due to feedback, for planned deadlines
  ObjectiveWeights weights;
  // Team plan (xuncha staff): seats per team, the days cap, and the soft goals' weights.
  int staff_deputies = 1;               ///< deputy leaders per team (fixed for the cycle)
  /// II.2 team make-up as ranges (within team_size): members per team, fixed for the cycle, and
  /// experts per tour, one appointment each. `xuncha staff` takes the fewest the ranges and
  /// team_size allow; rule T120 checks a team against them. Keys team_members / team_experts
  /// ({min, max}); the old exact counts staff_members / staff_experts set min = max.
  int members_min = 1, members_max = 3;
  int staff_experts_min = 1, staff_experts_max = 2;
  int staff_max_days = 90;              ///< hard cap: days on site per person and calendar year (0: none);
                                        ///< shown under every team plan and named in proofs that rely on it
  int staff_fair_days = 30;             ///< days on site per person and year beyond which the burden term counts
  int staff_weight_units = 10;          ///< per seat a member unit fills beyond its share of a cycle
  int staff_weight_days = 1;            ///< per person-day on site beyond staff_fair_days in a year
  int staff_weight_pairs = 5;           ///< per pair of last cycle's team-mates together again (or split)
  int staff_weight_fields = 20;         ///< per expert whose fields miss the region's key industries
  bool staff_pairs_together = false;    ///< keep last cycle's team-mates together instead of apart
  LedgerPolicy ledger;                  ///< the problem ledger's tables (LEDGER.md)
  AssessmentPolicy assessment;          ///< the assessment's score and recipients (IV.2.6)
  std::map<std::string, Severity> rule_severity;  ///< per-rule overrides ("off" disables)
};

/// The batch window of `p` that holds day `d` in its year, or nullptr.
const BatchWindow* batch_holding(const Policy& p, Date d);

}  // namespace xuncha
