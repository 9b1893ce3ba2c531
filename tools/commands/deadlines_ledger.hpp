#pragma once
// The ledger's deadlines for `xuncha deadlines` (deadlines_ledger.cpp).
#include <string>
#include <vector>

#include <xuncha/ledger/ledger.hpp>

#include "app/app.hpp"
#include "render/xlsx.hpp"

namespace xuncha::cli {

struct LedgerDeadlineFilter {
  std::string region, tour;
  bool overdue = false, due_soon = false, all = false;
};

/// The ledger deadlines the same flags select as the tour steps (open ones by default).
std::vector<ledger::Deadline> ledger_deadlines(const Dataset& data, const Calendar& cal, Date as_of, int within,
                                               const LedgerDeadlineFilter& f);
std::string ledger_deadlines_text(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows);
/// The "ledger_deadlines" member of the deadlines json document.
Json ledger_deadlines_json(const std::vector<ledger::Deadline>& rows);
/// Rows in the deadlines CSV's columns (English keys whatever the language).
std::string ledger_deadlines_csv(const Dataset& data, const std::vector<ledger::Deadline>& rows);
/// To-dos (and with `events` all-day events) placed in the deadlines calendar.
std::string ledger_deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows,
                                 bool events);
/// An empty deadlines sheet: title line "TITLE（截至 as-of）", the columns tour, region, WHAT, due,
/// done, status, working days; shared by the tour steps' sheet and the ledger deadlines' sheet.
xlsx::Sheet deadlines_sheet(const Context& ctx, std::string name, const std::string& title_zh,
                            const std::string& title_en, std::string what, double what_width);
/// "working days" or "calendar days", the unit of a deadline's count.
std::string unit_text(const Context& ctx, bool workdays);
/// The note under a table whose rows marked # were counted past the calendar (`years`: the
/// uncovered year of each row, 0 for none); empty when no row was.
std::string estimated_note(const Context& ctx, const std::vector<int>& years);
/// The ledger deadlines as a sheet of -f xlsx (dates are dates, working days numbers).
xlsx::Sheet ledger_deadlines_sheet(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows);

}  // namespace xuncha::cli
