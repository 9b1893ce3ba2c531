#pragma once
// iCalendar (RFC 5545): content lines, and the schedule and deadlines as calendars.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xuncha/deadlines/deadlines.hpp>

#include "render/schedule.hpp"

namespace xuncha::cli::ics {

/// Escapes a TEXT value per RFC 5545 3.3.11 (backslash, semicolon, comma, newline); other control
/// characters (TEXT allows none but tab) and bytes that are not UTF-8 become U+FFFD.
std::string escape(std::string_view s);

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string line(std::string_view content);

/// `YYYYMMDD` from an ISO date text.
std::string date_value(std::string_view iso);

}  // namespace xuncha::cli::ics

namespace xuncha::cli {

/// UIDs are `ID@<province>.xuncha` (one domain-like part per province); DTSTAMP and
/// LAST-MODIFIED are --as-of and SEQUENCE counts its days since 2000-01-01, so an export made
/// later updates the events imported before.
/// The schedule: one event per dated tour, to-dos for its report and rectification dates.
std::string schedule_ics(const Context& ctx, const ScheduleView& v);

/// The deadlines shown: one to-do per step with a due date; with `events`, the same deadline as
/// an all-day event too (--ics-events), for calendar programs that ignore to-dos.
/// `extra`: further items placed before END:VCALENDAR (the ledger's deadlines, from ics_deadline).
std::string deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<deadlines::Row>& rows,
                          bool events = false, const std::string& extra = {});

/// One deadline as a VTODO (and with `events` an all-day VEVENT too), its UID `local@<province>.xuncha`
/// and the revision fields of every calendar xuncha writes.
std::string ics_deadline(const Context& ctx, const Dataset& data, std::string_view local, Date due,
                         std::optional<Date> done, const std::string& summary, bool events);

}  // namespace xuncha::cli
