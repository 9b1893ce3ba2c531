#pragma once
#include <string>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/schedule/schedule.hpp>

#include "app.hpp"

namespace xuncha::cli {

/// What a schedule renderer needs besides the result.
struct ScheduleView {
  const Dataset& data;
  const Calendar& calendar;
  const schedule::Result& result;
  const schedule::Options& options;
  bool explain = false;
};

/// Formats of `xuncha schedule`.
inline const std::vector<std::string> schedule_formats{"text", "yaml", "json", "csv", "md", "html", "ics"};

std::string schedule_text(const Context& ctx, const ScheduleView& v);
std::string schedule_yaml(const Context& ctx, const ScheduleView& v);
std::string schedule_json(const Context& ctx, const ScheduleView& v);
std::string schedule_csv(const Context& ctx, const ScheduleView& v);
std::string schedule_md(const Context& ctx, const ScheduleView& v);
std::string schedule_ics(const Context& ctx, const ScheduleView& v);
/// One self-contained printable page (inline CSS, A4 landscape, no scripts, no external assets).
std::string schedule_html(const Context& ctx, const ScheduleView& v);

/// Name of a batch in the current language ("春季" / "spring"), or "-" outside batches.
std::string batch_name(const Context& ctx, const Policy& p, int batch);
/// Gap of the objective to the best bound, in percent.
double gap_percent(const schedule::Result& r);

}  // namespace xuncha::cli
