#pragma once
// iCalendar (RFC 5545): content lines, and the schedule and deadlines as calendars.
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/deadlines/deadlines.hpp>

#include "schedule.hpp"

namespace xuncha::cli::ics {

/// Escapes a TEXT value per RFC 5545 3.3.11 (backslash, semicolon, comma, newline).
std::string escape(std::string_view s);

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string line(std::string_view content);

/// `YYYYMMDD` from an ISO date text.
std::string date_value(std::string_view iso);

}  // namespace xuncha::cli::ics

namespace xuncha::cli {

/// The schedule: one event per dated tour, to-dos for its report and rectification dates.
std::string schedule_ics(const Context& ctx, const ScheduleView& v);

/// The deadlines shown: one to-do per step with a due date.
/// `extra`: further VTODO lines placed before END:VCALENDAR (the ledger's deadlines).
std::string deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<deadlines::Row>& rows,
                          const std::string& extra = {});

}  // namespace xuncha::cli
