#pragma once
// What `xuncha ledger` shows, selected once and shared by its renderers.
#include <optional>
#include <string>
#include <vector>

#include <xuncha/ledger/ledger.hpp>

#include "app.hpp"

namespace xuncha::cli {

struct LedgerLead {
  const Lead* lead = nullptr;
  std::optional<Date> due;  ///< feedback due
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
  std::vector<LedgerLead> leads;            ///< transferred, awaiting feedback
  std::vector<LedgerReport> reports;        ///< not answered yet
  std::vector<ledger::LookbackDue> lookbacks;  ///< due and not recorded

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

/// The ledger as an .xlsx workbook (ledger_xlsx.cpp).
std::string render_ledger_xlsx(const Context& ctx, const LedgerView& v);
/// The printable 整改台账 (ledger_html.cpp): A4 landscape, Chinese unless --lang en.
std::string render_ledger_html(const Context& ctx, const LedgerView& v);

}  // namespace xuncha::cli
