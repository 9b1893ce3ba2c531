// Planned-tour rules (S1xx): the hard rules of the schedule, checked on `kind: schedule` tours,
// so `xuncha check DATA SCHEDULE.yaml` verifies a generated schedule and any hand edit of it.
#include <xuncha/calendar/calendar.hpp>
#include <xuncha/rules/checkers.hpp>
#include <xuncha/schedule/schedule.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <tuple>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"S101", "planned-team-overlap", Severity::error, "II.2", "计划中同一巡查组的两次巡查日期重叠",
     "one planned team on two tours at once",
     "计划（kind: schedule）中同一年份、同一组号的两次巡查，在场日期（含首尾两天）不能交叉：一个巡查组同一时间只巡查一个地区。",
     "In a schedule (kind: schedule), two tours of the same year and team number cannot share a day on site (first and last "
     "day included): a team tours one region at a time."},
    {"S102", "planned-outside-batch", Severity::error, "—", "计划巡查不在批次窗口内或含节假日、停止巡查日",
     "planned tour outside a batch window, or on a holiday or blackout day",
     "计划巡查的在场日期须在政策的一个批次窗口（batches）之内，且不含法定节假日（按工作日历）和政策的停止巡查日（blackouts）。",
     "A planned tour's days on site lie inside one batch window of the policy (batches) and include no statutory holiday "
     "(from the working-day calendar) and no blackout day of the policy (blackouts)."},
    {"S103", "planned-off-round", Severity::error, "II.3", "计划巡查不在轮次年份",
     "planned tour outside the round years",
     "定期巡查原则上每两年一轮（政策 cadence_years、first_round_year）；计划巡查只排在轮次年份，除非政策设 off_round_tours: true。",
     "Regular rounds come every two years in principle (policy cadence_years, first_round_year); planned tours fall in "
     "round years only, unless the policy sets off_round_tours: true."},
    {"S104", "planned-start-rest-day", Severity::error, "IV.2.2", "计划巡查不在规定的日子开始",
     "planned tour starts on a day the policy does not allow",
     "巡查组进驻后先与地区党委、政府主要负责人见面，须在工作日开始。政策 tour_start_day 规定开始的日子：workday 工作日（默认，含调休上班日）、"
     "monday 周一（且为工作日）、any 任意。计划巡查违反时为错误。",
     "A tour opens with a meeting with the region's party and government leaders, held on a working day. The policy's "
     "tour_start_day says which days a tour may start on: workday (default; makeup working days count), monday (a "
     "Monday that is a working day), any. A planned tour that breaks it is an error."},
    {"S105", "start-rest-day", Severity::warning, "IV.2.2", "已记录的巡查不在规定的日子开始",
     "recorded tour started on a day the policy does not allow",
     "同 S104，针对已记录（kind: tours）的省级巡查：开始日期不符合政策 tour_start_day 时提示，记录的是已发生的事实，故为警告。",
     "As S104, for provincial tours on record (kind: tours): a start date the policy's tour_start_day does not allow "
     "is a warning, since the record states what happened."},
    {"S106", "planned-out-of-season", Severity::error, "II.3", "计划巡查不在地区可进驻的时间",
     "planned tour outside its region's season",
     "高原、林区等地区避开深冬和汛期：地区的 months（或政策 months_by_class 中其类别的月份）规定可以进驻的月份，地区的 blocked（或政策 "
     "blocked_by_class）规定每年不进驻的时段；计划巡查的在场日期须全部落在可进驻的月份内，且不碰不进驻的时段。",
     "Plateau and forest regions are not toured in deep winter or the flood season: a region's months (or its class's "
     "in the policy's months_by_class) say in which months a tour may be on site, and its blocked periods (or its "
     "class's in blocked_by_class) the days of each year it may not; a planned tour's days all fall in those months "
     "and outside those periods."},
    {"S107", "out-of-season", Severity::warning, "II.3", "已记录的巡查不在地区可进驻的时间",
     "recorded tour outside its region's season",
     "同 S106，针对已记录（kind: tours）的省级巡查：在场日期落在地区不可进驻的月份或不进驻的时段时提示。记录的是已发生的事实，故为警告；"
     "若地区的季节是后来才定的，可在政策中关闭本规则。",
     "As S106, for provincial tours on record (kind: tours): days on site outside the region's months or inside its "
     "blocked periods are a warning, since the record states what happened (turn the rule off in the policy if the "
     "season was set later)."},
};

const RuleInfo& rule(std::string_view id) { return rule_in(kRules, id); }

// "2031-03-01（周六）" / "2031-03-01 (Saturday)": the day and what kind of day it is.
Message day_text(const Calendar& cal, Date d) {
  static constexpr std::array<std::string_view, 7> zh{"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
  static constexpr std::array<std::string_view, 7> en{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  auto wd = date::weekday{d}.c_encoding();
  Message name = cal.holiday_name(d);
  bool holiday = cal.kind(d) == Calendar::DayKind::holiday && !name.zh.empty();
  return {fmt::format("{}（{}{}）", format_iso(d), zh[wd], holiday ? "，" + name.zh : ""),
          fmt::format("{} ({}{})", format_iso(d), en[wd], holiday ? ", " + name.en : "")};
}

Message start_rule_text(StartDay rule) {
  switch (rule) {
    case StartDay::monday: return {"须在周一（工作日）开始", "must start on a Monday that is a working day"};
    case StartDay::workday: return {"须在工作日开始", "must start on a working day"};
    case StartDay::any: break;
  }
  return {"", ""};
}

std::string span_text(const Tour& t) { return fmt::format("{}—{}", format_iso(*t.start), format_iso(*t.end)); }

// The first day of [a, b] that is a holiday or a blackout day, if any.
std::optional<std::pair<Date, bool>> blocked_day(const CheckContext& ctx, Date a, Date b) {
  for (Date d = a; !(b < d); d += date::days{1}) {
    int y = static_cast<int>(date::year_month_day{d}.year());
    if (ctx.calendar.covers(y) && ctx.calendar.kind(d) == Calendar::DayKind::holiday) return std::pair{d, true};
    for (const auto& bo : ctx.data.policy.blackouts)
      if (!(d < bo.from) && !(bo.to < d)) return std::pair{d, false};
  }
  return std::nullopt;
}

}  // namespace

std::span<const RuleInfo> plan_rules() { return kRules; }

void check_plan(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  const auto& pol = data.policy;
  std::vector<const Tour*> planned;
  for (const auto& t : data.tours)
    if (t.planned && t.body == Body::province && t.start && t.end && !(*t.end < *t.start)) planned.push_back(&t);
  // S101: per (year, team number), sorted by start; each tour against the latest-ending earlier one.
  std::sort(planned.begin(), planned.end(), [](const Tour* a, const Tour* b) {
    return std::tuple(a->year, a->team_slot, *a->start, a->id) < std::tuple(b->year, b->team_slot, *b->start, b->id);
  });
  const Tour* reach = nullptr;
  for (const Tour* t : planned) {
    if (t->team_slot <= 0) continue;  // no team number: nothing to compare
    if (reach && (reach->year != t->year || reach->team_slot != t->team_slot)) reach = nullptr;
    if (reach && !(*reach->end < *t->start)) {
      auto d = make_diagnostic(
          rule("S101"), data, t->src, "start", t->id,
          {fmt::format("计划巡查 {}（{}）与 {}（{}）同为 {} 年第 {} 组，日期重叠", t->id, span_text(*t), reach->id,
                       span_text(*reach), t->year, t->team_slot),
           fmt::format("planned tour {} ({}) and {} ({}) are both team {} of {}, and their dates overlap", t->id,
                       span_text(*t), reach->id, span_text(*reach), t->team_slot, t->year)});
      d.related.push_back({data.locate(reach->src.at), {fmt::format("计划巡查 {}", reach->id), fmt::format("planned tour {}", reach->id)}});
      out.push_back(std::move(d));
    }
    if (!reach || *reach->end < *t->end) reach = t;
  }
  // Rounds are anchored as the planner anchored them for the schedule's horizon (its `from:`, else
  // the first planned year): the policy's first_round_year, else the last regular tour before it.
  int first_year = INT_MAX;
  for (const Tour* t : planned) first_year = std::min(first_year, t->year);
  std::map<int, int> anchors;  // horizon start -> anchor
  auto anchor_of = [&](const Tour& t) {
    int from = t.plan_from ? t.plan_from : first_year;
    auto it = anchors.find(from);
    if (it != anchors.end()) return it->second;
    int anchor = 0;
    schedule::round_years(data, from, 1, &anchor);
    return anchors[from] = anchor;
  };
  // S104 / S105: the start day (IV.2.2; policy tour_start_day). Recorded tours: the first day on
  // site as recorded; a year the calendar does not cover is judged by weekends only.
  if (pol.tour_start_day != StartDay::any) {
    Message need = start_rule_text(pol.tour_start_day);
    for (const auto& t : data.tours) {
      if (t.body != Body::province || !t.start || start_day_allowed(ctx.calendar, pol.tour_start_day, *t.start)) continue;
      Message day = day_text(ctx.calendar, *t.start);
      out.push_back(make_diagnostic(
          rule(t.planned ? "S104" : "S105"), data, t.src, "start", t.id,
          t.planned ? Message{fmt::format("计划巡查 {} 在 {}开始；政策 tour_start_day: {}，{}", t.id, day.zh,
                                          start_day_names[static_cast<std::size_t>(pol.tour_start_day)], need.zh),
                              fmt::format("planned tour {} starts on {}; the policy's tour_start_day is {}: a tour {}", t.id,
                                          day.en, start_day_names[static_cast<std::size_t>(pol.tour_start_day)], need.en)}
                    : Message{fmt::format("巡查 {} 在 {}开始；政策 tour_start_day: {}，{}", t.id, day.zh,
                                          start_day_names[static_cast<std::size_t>(pol.tour_start_day)], need.zh),
                              fmt::format("tour {} started on {}; the policy's tour_start_day is {}: a tour {}", t.id, day.en,
                                          start_day_names[static_cast<std::size_t>(pol.tour_start_day)], need.en)}));
    }
  }
  // S106 / S107: the region's season (months: policy months_by_class or the region's; blocked
  // periods: policy blocked_by_class or the region's), for planned and recorded provincial tours.
  for (const auto& t : data.tours) {
    if (t.body != Body::province || !t.start || !t.end) continue;
    const Region* reg = data.region(t.region);
    if (!reg) continue;
    unsigned mask = months_allowed(*reg, pol);
    const auto& blocks = blocked_periods(*reg, pol);
    std::optional<Date> outside;
    for (Date d = *t.start; mask != 0xFFFu && !(*t.end < d); d += date::days{1})
      if (!(mask & (1u << (static_cast<unsigned>(date::year_month_day{d}.month()) - 1)))) {
        outside = d;
        break;
      }
    auto blocked = first_blocked_day(blocks, *t.start, *t.end);
    if (!outside && !blocked) continue;
    Message what = outside ? Message{fmt::format("{} 不在 {} 可进驻的月份（{} 月）", format_iso(*outside), t.region, months_text(mask, true)),
                                     fmt::format("is on site on {}, outside the months of {} ({})", format_iso(*outside), t.region,
                                                 months_text(mask, false))}
                           : Message{fmt::format("{} 在 {} 不进驻的时段（{}）", format_iso(*blocked), t.region, blocked_text(blocks, true)),
                                     fmt::format("is on site on {}, in a period {} is not toured ({})", format_iso(*blocked),
                                                 t.region, blocked_text(blocks, false))};
    out.push_back(make_diagnostic(rule(t.planned ? "S106" : "S107"), data, t.src, "start", t.id,
                                  {fmt::format("{}巡查 {}（{}）的 {}", t.planned ? "计划" : "", t.id, span_text(t), what.zh),
                                   fmt::format("{}tour {} ({}) {}", t.planned ? "planned " : "", t.id, span_text(t), what.en)}));
  }
  for (const Tour* t : planned) {
    // S102: inside one batch window, no holiday, no blackout day.
    int y = static_cast<int>(date::year_month_day{*t->start}.year());
    bool inside = std::any_of(pol.batches.begin(), pol.batches.end(), [&](const BatchWindow& b) {
      return !(*t->start < b.first_day(y)) && !(b.last_day(y) < *t->end);
    });
    if (!inside) {
      out.push_back(make_diagnostic(rule("S102"), data, t->src, "start", t->id,
                                    {fmt::format("计划巡查 {}（{}）不在任何一个批次窗口内", t->id, span_text(*t)),
                                     fmt::format("planned tour {} ({}) is not inside one batch window", t->id, span_text(*t))}));
    } else if (auto b = blocked_day(ctx, *t->start, *t->end)) {
      Message name = b->second ? ctx.calendar.holiday_name(b->first) : Message{};
      out.push_back(make_diagnostic(
          rule("S102"), data, t->src, "start", t->id,
          b->second ? Message{fmt::format("计划巡查 {}（{}）含法定节假日 {}（{}）", t->id, span_text(*t), format_iso(b->first), name.zh),
                              fmt::format("planned tour {} ({}) includes the statutory holiday {} ({})", t->id, span_text(*t),
                                          format_iso(b->first), name.en)}
                    : Message{fmt::format("计划巡查 {}（{}）含停止巡查日 {}", t->id, span_text(*t), format_iso(b->first)),
                              fmt::format("planned tour {} ({}) includes the blackout day {}", t->id, span_text(*t),
                                          format_iso(b->first))}));
    }
    // S103: round years only (the rounds are anchored as the planner anchors them).
    int anchor = anchor_of(*t);
    if (!schedule::is_round_year(pol, anchor, t->year)) {
      out.push_back(make_diagnostic(
          rule("S103"), data, t->src, "year", t->id,
          {fmt::format("计划巡查 {} 在 {} 年，不是轮次年份（自 {} 年起每 {} 年一轮）", t->id, t->year, anchor, pol.cadence_years),
           fmt::format("planned tour {} is in {}, which is not a round year (rounds every {} years from {})", t->id,
                       t->year, pol.cadence_years, anchor)}));
    }
  }
}

}  // namespace xuncha::rules
