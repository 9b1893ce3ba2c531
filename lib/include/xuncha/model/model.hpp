#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/core/diagnostic.hpp>
#include <xuncha/model/ledger.hpp>
#include <xuncha/model/policy.hpp>
#include <xuncha/model/source.hpp>

namespace xuncha {

enum class RegionClass : std::uint8_t { city, prefecture, direct_city, forestry };
inline constexpr std::array<std::string_view, 4> region_class_names{"city", "prefecture",
                                                                    "direct_city", "forestry"};
inline constexpr std::array<std::string_view, 4> region_class_zh{"市", "州", "直管市", "林区"};

struct Region {
  std::string id;
  std::string name;
  RegionClass cls = RegionClass::city;
  int counties = 0;
  std::optional<int> days;  ///< override of the class default
  int risk = 3;             ///< 1..5
  std::vector<std::string> industries;  ///< key industries / main hazards (optional; team plan)
  std::vector<std::string> county_names;  ///< its counties (区、县、市), when listed
  std::vector<int> months;  ///< months (1-12) a tour may be on site; empty: the class's (policy months_by_class), else any
  /// Periods of each year with no tour on site; absent: the class's (policy blocked_by_class). A
  /// region's own list replaces its class's (an empty list lifts them).
  std::optional<std::vector<SeasonBlock>> blocked;
  Source src;
};

struct Unit {
  std::string id;
  std::string name;
  bool committee_member = false;
  bool emergency_management = false;
  std::string region;  ///< empty for provincial units
  Source src;
};

/// Cadre rank, ordered from lowest to highest.
enum class Rank : std::uint8_t { none, section, deputy_division, division, deputy_bureau, bureau };
inline constexpr std::array<std::string_view, 6> rank_zh{"none", "科级", "副处", "正处", "副厅", "正厅"};

/// True for 正厅 and 副厅 (厅级).
inline bool is_bureau_level(Rank r) { return r == Rank::bureau || r == Rank::deputy_bureau; }
/// True for 正处 and 副处 (处级).
inline bool is_division_level(Rank r) { return r == Rank::division || r == Rank::deputy_division; }

struct ExpertEntry {
  std::string pool_id;
  std::string field;
  std::vector<std::string> fields;  ///< further fields of expertise (optional; team plan)
};

/// A period a person cannot serve (leave, other duties), inclusive.
struct Unavailable {
  Date from{};
  Date to{};
  std::string reason;
};

struct Person {
  std::string id;
  std::string name;
  std::string unit;
  Rank rank = Rank::none;
  bool serving = true;
  bool safety_supervision = false;
  std::string home_region;
  std::optional<ExpertEntry> expert;
  std::vector<Unavailable> unavailable;  ///< optional: periods they cannot serve
  Source src;
};

struct Appointment {
  std::string id;
  std::string person;
  std::string tour;
  Date date{};
  Source src;
};

/// The roles a person can hold on a team.
enum class Role : std::uint8_t { leader, deputy, liaison, member, expert };
inline constexpr std::array<std::string_view, 5> role_names{"leader", "deputies", "liaison",
                                                            "members", "experts"};
inline constexpr std::array<std::string_view, 5> role_zh{"组长", "副组长", "联络员", "成员", "专家"};

struct Team {
  std::string id;
  std::string cycle;
  std::array<std::vector<std::string>, 5> roles;  ///< indexed by Role
  Source src;

  const std::vector<std::string>& of(Role r) const { return roles[static_cast<std::size_t>(r)]; }
  /// Everyone on the team, in role order, duplicates kept.
  std::vector<std::pair<Role, std::string>> everyone() const;
};

enum class TourKind : std::uint8_t { regular, irregular };
enum class Body : std::uint8_t { province, state_council };

/// The procedure's dated events, in their required order (IV.2).
enum class Milestone : std::uint8_t {
  notified, trained, work_plan_approved, published, entry_announced, report_submitted,
  report_approved, feedback, rectification_plan, rectification_results, archived, look_back
};
inline constexpr std::size_t milestone_count = 12;
static_assert(milestone_count <= 32, "Policy::untracked_steps is a 32-bit mask");
inline constexpr std::array<std::string_view, milestone_count> milestone_names{
    "notified", "trained", "work_plan_approved", "published", "entry_announced",
    "report_submitted", "report_approved", "feedback", "rectification_plan",
    "rectification_results", "archived", "look_back"};
inline constexpr std::array<std::string_view, milestone_count> milestone_zh{
    "提前告知", "集中培训", "工作计划审批", "省级媒体公开", "市级媒体公布进驻",
    "报送巡查报告", "报告审定", "巡查反馈", "报送整改方案",
    "报送整改结果", "资料归档", "回头看"};

struct Extension {
  int days = 0;
  std::string approval;
};

/// How the public reaches a team while it is on site (IV.2.2), as its announcement prints it;
/// every field optional (an empty one is marked missing in the drafted announcement).
struct TourContact {
  std::string phone;    ///< duty phone
  std::string mailbox;  ///< P.O. box (邮政信箱)
  std::string email;
  std::string address;  ///< where the team stays
  std::string hours;    ///< when reports are taken, e.g. 8:00—18:00
};

struct Tour {
  std::string id;
  std::string region;
  TourKind kind = TourKind::regular;
  Body body = Body::province;
  int year = 0;
  std::string team;
  std::optional<Date> start;
  std::optional<Date> end;
  std::optional<Extension> extension;
  bool serious = false;
  /// What the rectification results report (IV.2.7) says: that every problem is done
  /// (`results_report.complete`), and which problems it reports as still being rectified
  /// (`results_report.open`). R110 reads them.
  bool results_complete = false;
  std::vector<std::string> results_open;
  bool planned = false;  ///< came from a `kind: schedule` document
  int team_slot = 0;     ///< planned tours: the round's team number (1-based) instead of a team id
  int plan_from = 0;     ///< planned tours: the first year of their schedule (`from:`; 0 when absent)
  TourContact contact;   ///< optional: how to report to the team (the announcement)
  std::array<std::optional<Date>, milestone_count> milestones{};
  Source src;

  const std::optional<Date>& at(Milestone m) const { return milestones[static_cast<std::size_t>(m)]; }
};

/// Facts of one notice year of the working-day calendar.
struct CalendarYear {
  int year = 0;
  std::vector<Date> holidays;
  std::vector<Date> workdays;
};

/// Hash that lets id indexes be searched with a string_view, without building a string.
struct IdHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
/// Id → position in its vector.
using IdIndex = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

/// The whole data set: the union of every input, with id indexes.
/// Policy settings that name rules or deadline steps, as written: both lists live above the
/// loader, so rules::validate_policy checks them and applies them to the Policy.
struct PolicyRuleSetting {
  std::string id;  ///< as written
  Severity severity = Severity::error;
  Mark at;         ///< the key
  std::string path;
};
struct PolicyStep {
  std::string name;
  Mark at;
  std::string path;
};
struct PolicyStepList {
  std::vector<PolicyStep> steps;
  bool readable = true;  ///< false: an item was not a text (already reported)
};
struct PolicyInput {
  std::vector<PolicyRuleSetting> rules;          ///< in input order
  std::vector<PolicyStepList> untracked_steps;   ///< one per policy document, in input order
};

struct Dataset {
  std::vector<std::string> files;  ///< Mark::file indexes into this
  std::vector<Region> regions;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Appointment> appointments;
  std::vector<Team> teams;
  std::vector<Tour> tours;
  std::vector<CalendarYear> calendar_years;  ///< from `kind: calendar` documents in the inputs
  Policy policy;
  PolicyInput policy_input;  ///< checked and applied by rules::validate_policy
  Ledger ledger;  ///< the problem ledger (problems, hazards, leads, public reports, look-backs)
  IdIndex problem_index, hazard_index, lead_index, public_report_index, lookback_index;

  IdIndex region_index, unit_index, person_index, appointment_index, team_index, tour_index;

  /// Rebuilds the id indexes (first occurrence wins).
  void reindex();
  /// Turns a mark into a file:line:column location.
  Location locate(Mark m) const;

  const Region* region(std::string_view id) const;
  const Unit* unit(std::string_view id) const;
  const Person* person(std::string_view id) const;
  const Team* team(std::string_view id) const;
  const Tour* tour(std::string_view id) const;
};

/// Days on site allowed for `r` under `p` (region override, else the class default).
int days_allowed(const Region& r, const Policy& p);

/// The months a tour of `r` may be on site, as bits (bit m-1: month m): the region's `months`, else
/// its class's in the policy's months_by_class, else every month (0xFFF).
unsigned months_allowed(const Region& r, const Policy& p);

/// "5–6, 9–10" / "5-6, 9-10": the months of a mask, runs joined; `zh` picks the dash.
std::string months_text(unsigned mask, bool zh);

/// The yearly periods with no tour of `r` on site: the region's `blocked`, else its class's in the
/// policy's blocked_by_class.
const std::vector<SeasonBlock>& blocked_periods(const Region& r, const Policy& p);

/// The first day of [first, last] that one of `blocks` covers, if any.
std::optional<Date> first_blocked_day(const std::vector<SeasonBlock>& blocks, Date first, Date last);

/// "汛期 06-01—08-31、12-15—02-15" / "汛期 06-01 to 08-31, 12-15 to 02-15".
std::string blocked_text(const std::vector<SeasonBlock>& blocks, bool zh);

}  // namespace xuncha
