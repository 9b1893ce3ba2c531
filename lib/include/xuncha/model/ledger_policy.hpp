#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha {

/// The government level that lists a major hazard (挂牌督办).
enum class ListingLevel : std::uint8_t { county, city, province };
inline constexpr std::array<std::string_view, 3> listing_level_names{"county", "city", "province"};
inline constexpr std::array<std::string_view, 3> listing_level_zh{"县级", "市级", "省级"};

/// The nature of a lead (问题线索), as sorted (分类处置) before transfer.
/// `political_legal` (政法领域: law enforcement and justice, public security) goes to the
/// political-legal commission (省委政法委), which IV.2.6 names beside the organisation department
/// and the discipline commission.
enum class LeadNature : std::uint8_t { discipline, duty_crime, crime, organisation, other, political_legal };
inline constexpr std::array<std::string_view, 6> lead_nature_names{"discipline", "duty_crime", "crime",
                                                                   "organisation", "other", "political_legal"};
inline constexpr std::array<std::string_view, 6> lead_nature_zh{"违纪、作风", "职务违法、职务犯罪", "其他犯罪",
                                                                "民主集中制、干部选拔任用", "其他", "政法领域"};

/// The body a lead is transferred to.
enum class Recipient : std::uint8_t {
  discipline_commission, supervision_commission, judicial, organisation_department, competent_department,
  political_legal_commission
};
inline constexpr std::array<std::string_view, 6> recipient_names{
    "discipline_commission", "supervision_commission", "judicial", "organisation_department",
    "competent_department", "political_legal_commission"};
inline constexpr std::array<std::string_view, 6> recipient_zh{"纪委监委", "监委", "司法机关", "组织部门",
                                                              "主管部门", "政法委"};

/// The ledger's tables and day counts that differ by province (LEDGER.md sections 2, 3, 6).
/// Each is a policy default; the numbers the regulation leaves open are marked in `xuncha rule`.
struct LedgerPolicy {
  /// Hazard grade (1 一级 … 4 四级) → listing level; index grade − 1 (Hubei-shaped default).
  std::array<ListingLevel, 4> listing_level{ListingLevel::province, ListingLevel::province,
                                            ListingLevel::city, ListingLevel::county};
  /// Lead nature → recipient, indexed by LeadNature.
  std::array<Recipient, 6> recipient{Recipient::discipline_commission, Recipient::supervision_commission,
                                     Recipient::judicial, Recipient::organisation_department,
                                     Recipient::competent_department, Recipient::political_legal_commission};
  /// Who may verify a fix (核查验收; IV.2.7 and V.1 name the committee and its office). An entry
  /// may hold `{region}` (or `{地区}`), the problem's region name: a province that delegates to the
  /// region's own committee office writes `{region}安委办`.
  std::vector<std::string> verifiers{"省安委会", "省安委会办公室", "省安委办"};
  /// Hazard grades (index grade − 1) that must be listed (挂牌督办), and the working days from the
  /// tour's feedback (or a later finding) to the listing (IV.2.6; beyond the regulation).
  std::array<bool, 4> list_grades{true, true, true, true};
  int hazard_listing_workdays = 10;
  /// Working days from the tour's feedback (or a later finding) to a lead's transfer (beyond the regulation).
  int lead_transfer_workdays = 15;

  /// The level that lists a hazard of `grade` (1..4; others clamped).
  ListingLevel level_for(int grade) const { return listing_level[grade_index(grade)]; }
  /// Whether a hazard of `grade` must be listed (grades outside 1..4: no).
  bool must_list(int grade) const { return grade >= 1 && grade <= 4 && list_grades[grade_index(grade)]; }
  /// Who receives a lead of nature `n`.
  Recipient recipient_for(LeadNature n) const { return recipient[static_cast<std::size_t>(n)]; }
  /// A hazard grade's index in the tables (1..4; others clamped).
  static std::size_t grade_index(int grade) { return static_cast<std::size_t>(std::clamp(grade, 1, 4) - 1); }
  int lead_feedback_months = 3;     ///< receiver reports its handling back (policy default)
  /// Important matters and major problems are reported to the committee "promptly" (IV.2.3):
  /// within this many working days of being found (beyond the regulation).
  int report_to_committee_workdays = 3;
  /// Deprecated (the old key): when set (>= 0), the limit in calendar days instead.
  int major_report_days = -1;
  int hazard_review_days = 10;      ///< review (复查) within this many days of the request (one province's rule)
  int report_verify_workdays = 7;   ///< public report verified (one province's practice)
  int report_answer_workdays = 15;  ///< public report answered after verification (beyond the regulation)
  bool overdue_in_workdays = false; ///< overdue counted in working days (else calendar days)
  int overdue_grace = 0;            ///< days (or working days) late before an item counts as overdue
  int lookback_days = 5;            ///< days on site of a proposed look-back (beyond the regulation)
  /// Major plus overdue problems of a tour that call for a look-back (a tour marked serious always does).
  int lookback_threshold = 1;
};

}  // namespace xuncha
