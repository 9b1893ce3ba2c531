#pragma once
// What `xuncha ledger` shows, selected once and shared by its renderers.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xuncha/ledger/ledger.hpp>

#include "base/context.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

namespace xuncha::cli {

struct LedgerLead {
  const Lead* lead = nullptr;
  std::optional<Date> due;  ///< feedback due (transferred), or transfer due (not yet transferred)
  bool late = false;
};
/// A major hazard found and not listed yet (挂牌督办 is a later step).
struct LedgerUnlisted {
  const Hazard* hazard = nullptr;
  std::optional<Date> due;  ///< listing due (none: not due yet, or a grade the policy does not list)
  bool late = false;
};
struct LedgerReport {
  const PublicReport* report = nullptr;
  Date verify_due{};
  std::optional<Date> answer_due;
  bool late = false;
};

struct LedgerView {
  const Dataset& data;
  ledger::By by = ledger::By::region;
  const Region* region = nullptr;  ///< --region, when given
  const Tour* tour = nullptr;      ///< --tour, when given
  std::vector<ledger::ProblemRow> rows;     ///< shown rows (scope and --state), overdue first
  std::vector<ledger::Summary> summary;     ///< over the scope, every state; last line is the total
  std::vector<const Hazard*> hazards;       ///< listed hazards in scope, not delisted
  std::vector<LedgerUnlisted> unlisted;     ///< hazards found, not listed yet
  std::vector<LedgerLead> leads;            ///< transferred, awaiting feedback
  std::vector<LedgerLead> to_transfer;      ///< found, not transferred yet
  std::vector<LedgerReport> reports;        ///< not answered yet
  std::vector<ledger::LookbackDue> lookbacks;  ///< due and not recorded
  /// Problems repeating an earlier tour's (屡查屡犯): problem → the earlier problem.
  std::unordered_map<const Problem*, const Problem*> repeats;

  /// The earlier problem a shown problem repeats, or null.
  const Problem* repeat_of(const Problem& p) const {
    auto it = repeats.find(&p);
    return it == repeats.end() ? nullptr : it->second;
  }

  /// The region's name, or its id when unknown.
  std::string region_name(const std::string& id) const {
    const Region* r = data.region(id);
    return r ? r->name : id;
  }
};

/// Problem state as shown: 已销号, 已完成, 逾期, 整改中 … (zh or en).
std::string ledger_state_text(const Context& ctx, const ledger::ProblemRow& r);
/// The summary line's key as shown (region name, tour id, unit, gravity).
std::string ledger_key_text(const Context& ctx, const LedgerView& v, const ledger::Summary& s);

/// "一级", "grade 1"
std::string hazard_grade_text(const Context& ctx, int grade);
/// What a lead's nature, recipient and a listing level are called (zh or en).
std::string lead_nature_text(const Context& ctx, LeadNature n);
std::string recipient_text(const Context& ctx, std::optional<Recipient> r);
std::string listing_level_text(const Context& ctx, std::optional<ListingLevel> l);

/// The ledger as an .xlsx workbook (ledger_xlsx.cpp).
std::string render_ledger_xlsx(const Context& ctx, const LedgerView& v);
/// The printable 整改台账 (ledger_html.cpp): A4 landscape, Chinese unless --lang en.
std::string render_ledger_html(const Context& ctx, const LedgerView& v);

}  // namespace xuncha::cli
