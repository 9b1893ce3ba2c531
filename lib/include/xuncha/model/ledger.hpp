#pragma once
// The problem ledger (问题台账 / 整改台账, LEDGER.md): what a tour found and its way to closure.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/model/ledger_policy.hpp>
#include <xuncha/model/source.hpp>

namespace xuncha {

/// How grave a problem is; `major` is a 重大问题 reported to the committee (IV.2.3).
enum class Gravity : std::uint8_t { ordinary, important, major };
inline constexpr std::array<std::string_view, 3> gravity_names{"ordinary", "important", "major"};
inline constexpr std::array<std::string_view, 3> gravity_zh{"一般", "重要", "重大"};

/// How a problem is rectified (LEDGER.md section 4).
enum class FixMode : std::uint8_t { at_once, by_date, ongoing };
inline constexpr std::array<std::string_view, 3> fix_mode_names{"at_once", "by_date", "ongoing"};
inline constexpr std::array<std::string_view, 3> fix_mode_zh{"立行立改", "限期整改", "长期坚持"};

/// Recorded states, in the only order they may take. Offices also write 未完成 (unfinished) for
/// in progress; 基本完成 (basically done) is an ongoing item whose stage targets so far are met.
enum class ProblemState : std::uint8_t { not_started, in_progress, basically_done, done, closed };
inline constexpr std::array<std::string_view, 5> problem_state_names{"not_started", "in_progress", "basically_done",
                                                                     "done", "closed"};
inline constexpr std::array<std::string_view, 5> problem_state_zh{"未整改", "整改中", "基本完成", "已完成", "已销号"};

/// The outcome of a verification (核查验收) of a fix.
enum class VerifyResult : std::uint8_t { passed, failed };
inline constexpr std::array<std::string_view, 2> verify_result_names{"passed", "failed"};
inline constexpr std::array<std::string_view, 2> verify_result_zh{"通过", "未通过"};

/// One verification of a fix: when, by whom, with what result (V.2 对账销号).
struct Verification {
  Date date{};
  std::string by;
  VerifyResult result = VerifyResult::passed;
};

/// An extension of a due date: asked for on `requested`, approved on `approved` (if ever).
struct LedgerExtension {
  std::optional<Date> requested;
  std::optional<Date> approved;
  Date until{};
  std::string approval;  ///< who approved, document number
};

/// A stage target of an ongoing (长期坚持) item.
struct StageTarget {
  Date due{};
  std::string target;
  std::optional<Date> met;
};

/// One recorded state change; a problem's history must move forward only.
struct StateChange {
  ProblemState state = ProblemState::not_started;
  Date date{};
};

struct Problem {
  std::string id;
  std::string tour;
  std::string region;
  Date found{};
  std::string source;  ///< how it was found: 查阅资料, 走访, 举报 …
  std::string category;  ///< 问题类别 (the office's own words: 危险化学品, 消防 …); repeats compare it
  Gravity gravity = Gravity::ordinary;
  std::string description;
  std::string county;                ///< the county (区、县、市) inside the region, if named
  std::vector<std::string> evidence; ///< evidence kept on site (IV.2.3)
  std::vector<std::string> proof;    ///< proof of rectification, which closure needs (V.2)
  bool on_site = false;                             ///< pointed out on the spot
  std::optional<Date> reported_to_committee;        ///< IV.2.3, for major problems
  std::optional<FixMode> mode;
  std::vector<StageTarget> stages;
  std::string unit, person, leader, measures;       ///< 责任单位, 责任人, 责任领导, 整改措施
  std::optional<Date> due;
  std::vector<LedgerExtension> extensions;
  ProblemState state = ProblemState::not_started;
  std::vector<StateChange> history;
  std::optional<Date> completed, verified, closed;
  std::string verified_by;
  std::vector<Verification> verifications;  ///< every verification, failed ones included
  std::string hazard;               ///< the listing this problem led to
  std::vector<std::string> leads;   ///< leads it gave (or that it is)
  std::string from_report;          ///< the public report it came from
  std::string relapse_of;           ///< an earlier, closed problem it relapsed from
  Source src;

  /// The due date in force: the last approved extension's, else the original.
  std::optional<Date> due_in_force() const;
  /// Every verification in date order: `verifications`, plus `verified`/`verified_by` as a
  /// passed one when the list does not hold that date already.
  std::vector<Verification> all_verifications() const;
};

/// The six parts of a major hazard's treatment plan and the "five in place" (LEDGER.md 2).
inline constexpr std::array<std::string_view, 6> plan_part_names{
    "goal", "methods", "funds", "organisation", "time_limit", "safety_measures"};
inline constexpr std::array<std::string_view, 6> plan_part_zh{"目标和任务", "方法和措施", "经费和物资",
                                                              "机构和人员", "时限和要求", "安全措施和应急预案"};
inline constexpr std::array<std::string_view, 5> five_in_place_names{"responsibility", "measures", "funds",
                                                                     "deadline", "emergency_plan"};
inline constexpr std::array<std::string_view, 5> five_in_place_zh{"责任", "措施", "资金", "时限", "预案"};

/// A major accident hazard found (on a tour or otherwise), and its listed supervision (挂牌督办),
/// a later step: a record without a listing is a hazard found and not yet listed.
struct Hazard {
  std::string id;
  std::string region;
  std::string county;
  std::string tour;
  std::string name;
  int grade = 4;                       ///< 1 一级 … 4 四级 (input data, never computed)
  std::optional<Date> found;           ///< when it was found
  std::optional<Date> listed;          ///< when it was listed
  std::optional<ListingLevel> level;   ///< the level of the government that listed it
  std::string listed_by, supervisor, unit;
  std::string notice_no;
  std::optional<Date> notice_date, deadline, published;
  std::array<bool, 6> plan{};          ///< plan parts present, by plan_part_names
  std::array<bool, 5> five_in_place{}; ///< by five_in_place_names
  std::vector<Date> progress;          ///< progress reports
  std::vector<LedgerExtension> extensions;
  std::optional<Date> accepted, review_requested, reviewed, delisted, delisting_published;
  Source src;

  std::optional<Date> deadline_in_force() const;
  /// Listed: a listing date, level, body or notice is recorded.
  bool is_listed() const { return listed || level || !listed_by.empty() || !notice_no.empty() || notice_date; }
  /// When it was listed: the listing date, else the notice's date (unknown for older records).
  std::optional<Date> listed_on() const { return listed ? listed : notice_date; }
};

/// The cadre-management level of a lead's subject.
enum class CadreLevel : std::uint8_t { provincial, city, county, other };
inline constexpr std::array<std::string_view, 4> cadre_level_names{"provincial", "city", "county", "other"};
inline constexpr std::array<std::string_view, 4> cadre_level_zh{"省管干部", "市管干部", "县管干部", "其他"};

/// A lead (问题线索) on a violation, sorted and transferred (IV.2.6).
struct Lead {
  std::string id;
  std::string tour;
  std::string region;
  std::string summary;
  LeadNature nature = LeadNature::other;
  std::optional<CadreLevel> cadre_level;
  std::optional<Date> found;          ///< when it was found
  std::optional<Date> classified;     ///< sorted (分类处置)
  std::optional<Recipient> recipient;
  std::optional<Date> transferred;
  std::optional<Date> feedback;
  std::string outcome;
  Source src;
};

/// A public report (群众举报) received by a team.
struct PublicReport {
  std::string id;
  std::string tour;
  std::string region;
  std::string county;
  std::string summary;
  Date received{};
  std::optional<Date> verified, announced, answered;
  std::string result;
  Source src;
};

/// What a look-back found for one item.
enum class LookbackResult : std::uint8_t { fixed, not_fixed, relapsed, false_rectification };
inline constexpr std::array<std::string_view, 4> lookback_result_names{"fixed", "not_fixed", "relapsed",
                                                                       "false_rectification"};
inline constexpr std::array<std::string_view, 4> lookback_result_zh{"整改到位", "未到位", "反弹", "虚假整改"};

struct LookbackItem {
  std::string problem;  ///< or
  std::string hazard;
  LookbackResult result = LookbackResult::fixed;
};

/// A look-back (回头看): an irregular tour that re-checks a region's open items.
struct Lookback {
  std::string id;
  std::string region;
  std::string tour;      ///< the tour whose problems it re-checks
  std::string trigger;   ///< why (free text)
  std::optional<Date> decided, start, end;
  std::string scope;
  std::vector<LookbackItem> items;
  Source src;
};



/// Every ledger record of the data set.
struct Ledger {
  std::vector<Problem> problems;
  std::vector<Hazard> hazards;
  std::vector<Lead> leads;
  std::vector<PublicReport> reports;
  std::vector<Lookback> lookbacks;

  bool empty() const {
    return problems.empty() && hazards.empty() && leads.empty() && reports.empty() && lookbacks.empty();
  }
  /// Whether any problem records proof of rectification; older data without it let evidence
  /// stand in for it (R108, with one note at load).
  bool records_proof() const {
    for (const auto& p : problems)
      if (!p.proof.empty()) return true;
    return false;
  }
};

}  // namespace xuncha
