#include <xuncha/rules/coverage.hpp>

#include <xuncha/rules/checkers.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"C100", "region-count", Severity::warning, "II.1", "地区数量与政策不符",
     "region count differs from the policy",
     "政策文件规定了应覆盖的地区数（regions_expected），而数据中的地区数与之不一致，可能漏录或多录。政策未规定时不检查。",
     "The policy states the number of regions to cover (regions_expected) and the data set has a different number: a region may be missing or extra. Not checked when the policy states none."},
    {"C101", "coverage-window", Severity::error, "II.3", "五年内未实现全覆盖",
     "region not toured in the five-year window",
     "每个地区在截至 --as-of 年份的连续五年（政策 coverage_years）内，至少接受一次省级巡查。国务院安委会的延伸巡查不计入。",
     "Every region gets at least one provincial tour in the five years (policy coverage_years) ending with the --as-of year. State Council tours do not count."},
    {"C102", "state-council-same-year", Severity::error, "II.3", "国务院安委会当年已巡查",
     "provincial tour in a State Council year",
     "国务院安委会当年已延伸巡查的地区，省里当年不再巡查。",
     "A region the State Council's committee toured in a year gets no provincial tour that year."},
    {"C103", "days-on-site", Severity::error, "II.3", "驻点天数超出规定",
     "days on site over the limit",
     "在每个地区的工作时间原则上为 15 天，部分地区 10 天，县少的市州、直管市和林区 7 天（按政策 days_on_site 和地区的 days）。超出部分须有省安委会同意的延长（extension 含批准文号）。",
     "Days on site are 15 in principle, 10 for some regions, 7 for small ones, directly administered cities and the forestry district (policy days_on_site and the region's days). Any excess needs an extension approved by the provincial committee (extension with an approval reference)."},
    {"C104", "cadence", Severity::warning, "II.3", "定期巡查未按两年周期",
     "regular rounds off the two-year cadence",
     "定期巡查原则上每两年一轮（政策 cadence_years）；相邻两轮定期巡查的年份间隔不等于该值时提示。",
     "Regular rounds happen every two years in principle (policy cadence_years); a warning when two consecutive regular rounds are a different number of years apart."},
    {"C105", "milestone-order", Severity::error, "IV.2", "巡查程序日期顺序错误",
     "procedure dates out of order",
     "准备工作在进驻前完成；进驻公告在驻点期间；开始 ≤ 结束 ≤ 报送报告 ≤ 报告审定 ≤ 反馈 ≤ 整改方案 ≤ 整改结果；归档不早于结束；回头看不早于反馈。",
     "Preparation comes before the start; the entry notice falls on site; start ≤ end ≤ report ≤ approval ≤ feedback ≤ plan ≤ results; archive not before the end; look-back not before feedback."},
    {"C106", "milestone-in-future", Severity::error, "IV.2", "记录的日期晚于当前日期",
     "recorded date after as-of",
     "里程碑记录的是已发生的事件，其日期不应晚于 --as-of。",
     "Milestones record events that happened; their dates cannot be after --as-of."},
};

const RuleInfo& rule(std::string_view id) { return rule_in(kRules, id); }

std::string region_label(const Dataset& data, const std::string& id) {
  const Region* r = data.region(id);
  return r ? fmt::format("{}（{}）", r->name, id) : id;
}

void check_region_count(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  int n = static_cast<int>(data.regions.size());
  int want = data.policy.regions_expected;
  if (want == 0 || n == 0 || n == want) return;  // 0: the policy states no count
  auto d = make_diagnostic(rule("C100"), data, data.regions.front().src, "", "",
                           {fmt::format("数据中有 {} 个地区，政策规定 {} 个", n, want),
                            fmt::format("the data has {} regions; the policy expects {}", n, want)});
  out.push_back(std::move(d));
}

void check_windows(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  int g = data.policy.coverage_years;
  auto rows = coverage_table(data, ctx.as_of);
  // (room for the findings at once: a vector doubling under millions of them held three times their size)
  out.reserve(out.size() + static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const CoverageRow& row) {
                return row.status == CoverageRow::Status::uncovered;
              })));
  for (const auto& row : rows) {
    if (row.status != CoverageRow::Status::uncovered) continue;
    const Region& r = *row.region;
    std::string last_zh = row.last_year ? fmt::format("最近一次省级巡查在 {} 年", row.last_year)
                                        : std::string("没有省级巡查记录");
    std::string last_en = row.last_year ? fmt::format("last provincial tour {}", row.last_year)
                                        : std::string("no provincial tour on record");
    out.push_back(make_diagnostic(
        rule("C101"), data, r.src, "id", r.id,
        {fmt::format("{}在 {}—{} 年（{} 年窗口，{}-12-31 截止）没有省级巡查；{}", region_label(data, r.id),
                     row.window_from, row.window_to, g, row.window_to, last_zh),
         fmt::format("{} has no provincial tour in {}–{} (the {}-year window closes {}-12-31); {}",
                     r.id, row.window_from, row.window_to, g, row.window_to, last_en)}));
  }
}

void check_state_council(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  std::map<std::pair<std::string, int>, const Tour*> council;
  for (const auto& t : data.tours)
    if (t.body == Body::state_council) council.emplace(std::pair{t.region, t.year}, &t);
  for (const auto& t : data.tours) {
    if (t.body != Body::province) continue;
    auto it = council.find({t.region, t.year});
    if (it == council.end()) continue;
    auto d = make_diagnostic(
        rule("C102"), data, t.src, t.start ? "start" : "year", t.id,
        {fmt::format("巡查 {}：国务院安委会 {} 年已巡查 {}，省里当年不应再巡查", t.id, t.year,
                     region_label(data, t.region)),
         fmt::format("tour {}: the State Council toured {} in {}; no provincial tour that year", t.id,
                     t.region, t.year)});
    d.related.push_back({data.locate(it->second->src.at),
                         {fmt::format("国务院安委会巡查 {}", it->second->id),
                          fmt::format("State Council tour {}", it->second->id)}});
    out.push_back(std::move(d));
  }
}

void check_days(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  for (const auto& t : data.tours) {
    if (t.body != Body::province || !t.start || !t.end || *t.end < *t.start) continue;
    const Region* r = data.region(t.region);
    if (!r) continue;
    int days = days_inclusive(*t.start, *t.end);
    int allowed = days_allowed(*r, data.policy);
    int extension = t.extension ? t.extension->days : 0;
    if (days <= allowed + extension) continue;
    Message m;
    if (extension == 0) {
      m = {fmt::format("巡查 {} 在{}驻点 {} 天，超过规定的 {} 天，且没有经批准的延长", t.id,
                       r->name, days, allowed),
           fmt::format("tour {} spends {} days on site in {}; {} allowed and no approved extension",
                       t.id, days, t.region, allowed)};
    } else {
      m = {fmt::format("巡查 {} 在{}驻点 {} 天，超过规定的 {} 天加批准延长的 {} 天", t.id, r->name,
                       days, allowed, extension),
           fmt::format("tour {} spends {} days on site in {}; {} allowed plus an approved extension of {}",
                       t.id, days, t.region, allowed, extension)};
    }
    out.push_back(make_diagnostic(rule("C103"), data, t.src, "end", t.id, std::move(m)));
  }
}

void check_cadence(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  std::map<int, const Tour*> first_of_year;  // earliest regular provincial tour per year
  for (const auto& t : data.tours) {
    if (t.body != Body::province || t.kind != TourKind::regular) continue;
    auto& slot = first_of_year[t.year];
    if (!slot || (t.start && (!slot->start || *t.start < *slot->start))) slot = &t;
  }
  int cadence = data.policy.cadence_years;
  const Tour* prev = nullptr;
  for (const auto& [year, t] : first_of_year) {
    if (prev && year - prev->year != cadence) {
      auto d = make_diagnostic(
          rule("C104"), data, t->src, t->start ? "start" : "year", t->id,
          {fmt::format("{} 年的定期巡查距上一轮（{} 年）{} 年；原则上每 {} 年一轮", year, prev->year,
                       year - prev->year, cadence),
           fmt::format("regular round of {} comes {} year(s) after the round of {}; the cadence is {} years",
                       year, year - prev->year, prev->year, cadence)});
      d.related.push_back({data.locate(prev->src.at),
                           {fmt::format("上一轮的巡查 {}", prev->id),
                            fmt::format("previous round's tour {}", prev->id)}});
      out.push_back(std::move(d));
    }
    prev = t;
  }
}

struct Point {
  std::string_view name;  // field name as in the data ("start", "milestones.feedback")
  std::string_view zh;
  std::optional<Date> date;
};

void order_pair(const CheckContext& ctx, const Tour& t, const Point& early, const Point& late,
                std::vector<Diagnostic>& out) {
  if (!early.date || !late.date || !(*late.date < *early.date)) return;
  out.push_back(make_diagnostic(
      rule("C105"), ctx.data, t.src, late.name, t.id,
      {fmt::format("巡查 {}：{}（{}）早于{}（{}）", t.id, late.zh, format_iso(*late.date), early.zh,
                   format_iso(*early.date)),
       fmt::format("tour {}: {} ({}) is before {} ({})", t.id, late.name.substr(late.name.find('.') + 1),
                   format_iso(*late.date), early.name.substr(early.name.find('.') + 1),
                   format_iso(*early.date))}));
}

std::string milestone_field(Milestone m) {
  return "milestones." + std::string(milestone_names[static_cast<std::size_t>(m)]);
}

void check_order(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  std::array<std::string, milestone_count> fields;
  for (std::size_t m = 0; m < milestone_count; ++m) fields[m] = milestone_field(static_cast<Milestone>(m));
  for (const auto& t : ctx.data.tours) {
    if (t.body != Body::province) continue;
    auto point = [&](Milestone m) {
      auto i = static_cast<std::size_t>(m);
      return Point{fields[i], milestone_zh[i], t.milestones[i]};
    };
    Point start{"start", "开始日期", t.start};
    Point end{"end", "结束日期", t.end};
    for (auto m : {Milestone::notified, Milestone::trained, Milestone::work_plan_approved, Milestone::published})
      order_pair(ctx, t, point(m), start, out);
    order_pair(ctx, t, start, point(Milestone::entry_announced), out);
    order_pair(ctx, t, point(Milestone::entry_announced), end, out);
    // The main chain: compare each step with the nearest earlier step present, so one slip
    // gives one finding rather than a cascade.
    std::vector<Point> chain{start, end};
    for (auto m : {Milestone::report_submitted, Milestone::report_approved, Milestone::feedback,
                   Milestone::rectification_plan, Milestone::rectification_results})
      chain.push_back(point(m));
    const Point* prev = nullptr;
    for (const auto& p : chain) {
      if (!p.date) continue;
      if (prev) order_pair(ctx, t, *prev, p, out);
      prev = &p;
    }
    order_pair(ctx, t, end, point(Milestone::archived), out);
    order_pair(ctx, t, point(Milestone::feedback), point(Milestone::look_back), out);
  }
}

void check_future(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  for (const auto& t : ctx.data.tours) {
    for (std::size_t m = 0; m < milestone_count; ++m) {
      const auto& d = t.milestones[m];
      if (!d || !(ctx.as_of < *d)) continue;
      out.push_back(make_diagnostic(
          rule("C106"), ctx.data, t.src, milestone_field(static_cast<Milestone>(m)), t.id,
          {fmt::format("巡查 {}：{}记录为 {}，晚于当前日期 {}", t.id, milestone_zh[m], format_iso(*d),
                       format_iso(ctx.as_of)),
           fmt::format("tour {}: {} is recorded as {}, after the as-of date {}", t.id, milestone_names[m],
                       format_iso(*d), format_iso(ctx.as_of))}));
    }
  }
}

}  // namespace

std::span<const RuleInfo> coverage_rules() { return kRules; }

std::vector<CoverageRow> coverage_table(const Dataset& data, Date as_of) {
  int year = year_of(as_of);
  int g = data.policy.coverage_years;
  std::vector<CoverageRow> rows;
  rows.reserve(data.regions.size());
  std::unordered_map<std::string_view, std::size_t> row_of;
  for (const auto& r : data.regions) {
    CoverageRow row;
    row.region = &r;
    row.window_from = year - g + 1;
    row.window_to = year;
    row_of.emplace(r.id, rows.size());
    rows.push_back(std::move(row));
  }
  for (const auto& t : data.tours) {
    auto it = row_of.find(t.region);
    if (it == row_of.end()) continue;
    auto& row = rows[it->second];
    if (t.body == Body::state_council) {
      row.state_council_years.push_back(t.year);
      continue;
    }
    if (t.year > year) continue;  // plans beyond the window do not cover it
    row.last_year = std::max(row.last_year, t.year);
    if (t.year >= row.window_from) ++row.tours_in_window;
  }
  for (auto& row : rows) {
    std::sort(row.state_council_years.begin(), row.state_council_years.end());
    row.state_council_years.erase(std::unique(row.state_council_years.begin(), row.state_council_years.end()),
                                  row.state_council_years.end());
    row.due_by = row.last_year ? row.last_year + g : year;
    if (row.tours_in_window == 0) row.status = CoverageRow::Status::uncovered;
    else if (row.due_by == year + 1) row.status = CoverageRow::Status::due_next_year;
    else row.status = CoverageRow::Status::covered;
  }
  return rows;
}

void check_coverage(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  check_region_count(ctx, out);
  check_windows(ctx, out);
  check_state_council(ctx, out);
  check_days(ctx, out);
  check_cadence(ctx, out);
  check_order(ctx, out);
  check_future(ctx, out);
}

}  // namespace xuncha::rules
