#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace xuncha {

/// The government level that lists a major hazard (挂牌督办).
enum class ListingLevel : std::uint8_t { county, city, province };
inline constexpr std::array<std::string_view, 3> listing_level_names{"county", "city", "province"};
inline constexpr std::array<std::string_view, 3> listing_level_zh{"县级", "市级", "省级"};

/// The nature of a lead (问题线索), as sorted (分类处置) before transfer.
enum class LeadNature : std::uint8_t { discipline, duty_crime, crime, organisation, other };
inline constexpr std::array<std::string_view, 5> lead_nature_names{"discipline", "duty_crime", "crime",
                                                                   "organisation", "other"};
inline constexpr std::array<std::string_view, 5> lead_nature_zh{"违纪、作风", "职务违法、职务犯罪", "其他犯罪",
                                                                "民主集中制、干部选拔任用", "其他"};

/// The body a lead is transferred to.
enum class Recipient : std::uint8_t {
  discipline_commission, supervision_commission, judicial, organisation_department, competent_department
};
inline constexpr std::array<std::string_view, 5> recipient_names{
    "discipline_commission", "supervision_commission", "judicial", "organisation_department",
    "competent_department"};
inline constexpr std::array<std::string_view, 5> recipient_zh{"纪委监委", "监委", "司法机关", "组织部门",
                                                              "主管部门"};

/// The ledger's tables and day counts that differ by province (LEDGER.md sections 2, 3, 6).
/// Each is a policy default; the numbers the regulation leaves open are marked in `xuncha rule`.
struct LedgerPolicy {
  /// Hazard grade (1 一级 … 4 四级) → listing level; index grade − 1 (Hubei-shaped default).
  std::array<ListingLevel, 4> listing_level{ListingLevel::province, ListingLevel::province,
                                            ListingLevel::city, ListingLevel::county};
  /// Lead nature → recipient, indexed by LeadNature.
  std::array<Recipient, 5> recipient{Recipient::discipline_commission, Recipient::supervision_commission,
                                     Recipient::judicial, Recipient::organisation_department,
                                     Recipient::competent_department};
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
