#pragma once
// What the schedule renderers share; the schedule's own text, yaml, json, csv and md.
#include <string>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/schedule/schedule.hpp>

#include "base/context.hpp"
#include "render/json.hpp"

namespace xuncha::cli {

/// What a schedule renderer needs besides the result.
struct ScheduleView {
  const Dataset& data;
  const Calendar& calendar;
  const schedule::Result& result;
  const schedule::Options& options;
  bool explain = false;
  const Json* changes = nullptr;  ///< --keep: the changes against the earlier schedule (xuncha diff's json)
};

/// Formats of `xuncha schedule`.
inline const std::vector<std::string> schedule_formats{"text", "yaml", "json", "csv", "md", "html", "ics", "xlsx"};

std::string schedule_text(const Context& ctx, const ScheduleView& v);
std::string schedule_yaml(const Context& ctx, const ScheduleView& v);
std::string schedule_json(const Context& ctx, const ScheduleView& v);
std::string schedule_csv(const Context& ctx, const ScheduleView& v);
std::string schedule_md(const Context& ctx, const ScheduleView& v);
/// A workbook: the tours (typed cells), then regions by year (schedule_xlsx.cpp).
std::string schedule_xlsx(const Context& ctx, const ScheduleView& v);

/// Name of a batch in the current language ("春季" / "spring"), or "-" outside batches.
std::string batch_name(const Context& ctx, const Policy& p, int batch);
/// Gap of the objective to the best bound, in percent.
double gap_percent(const schedule::Result& r);
/// The region's name, or its id when the data set lacks it.
std::string region_name(const ScheduleView& v, const std::string& id);
/// The tour's team: its id, "第N组" / "team N", or "-".
std::string team_label(const Context& ctx, const schedule::PlannedTour& t);
/// A deadline in a year the working-day calendar does not cover: counted with weekends only, an
/// estimate (each such date is marked in every format).
bool beyond_calendar(const ScheduleView& v, Date d);
/// The years of such deadlines among the schedule's tours, "2033" or "2033, 2034" ("" when none).
std::string beyond_calendar_years(const ScheduleView& v);
/// "湖北省安全生产巡查计划（2026—2030年）" / "... schedule, 2026-2030".
std::string schedule_title(const Context& ctx, const ScheduleView& v);

}  // namespace xuncha::cli
