#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/rules/checkers.hpp>

#include <fmt/format.h>

#include <set>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"D201", "deadline-overdue", Severity::error, "IV.2", "程序步骤逾期未完成", "procedure step overdue",
     "巡查程序的各步骤有期限：准备工作在进驻前完成，进驻当天公布，巡查结束后 15 个工作日内报送报告，资料随报告归档，反馈后 20 个工作日内报送整改方案、两个月内报送整改结果，问题突出的地区适时回头看（政策默认反馈后 12 个月内）。截至 --as-of 已过期限而未记录完成即报此错误；不记录的步骤（如准备工作）可列入政策的 untracked_steps。工作日按国务院每年的放假安排计算。",
     "Each step of the procedure has a deadline: preparation before entry, entry notice on the first day, the report within 15 working days after the end, the archive with the report, the rectification plan within 20 working days and the results within two months after feedback, a look-back for serious cases (policy default: within 12 months of feedback). A step past its deadline on --as-of with no recorded date is an error; steps the office does not record (say, the preparation steps) can be listed in the policy's untracked_steps. Working days follow the State Council's yearly holiday notices."},
    {"D202", "deadline-late", Severity::warning, "IV.2", "程序步骤逾期完成", "procedure step done late",
     "步骤已完成，但晚于期限；给出晚了多少个工作日。", "A step was done after its deadline; says by how many working days."},
    {"D203", "calendar-uncovered", Severity::error, "IV.2", "工作日历未覆盖该年份", "calendar does not cover the year",
     "期限计算涉及工作日历没有的年份（国务院尚未发布或未提供放假安排）。用 --calendar FILE 提供该年的 kind: calendar 文件；或用 --allow-uncovered 只按周末计算（降为警告）。",
     "A deadline computation touches a year the working-day calendar lacks (no State Council notice supplied). Supply it with --calendar FILE (a kind: calendar file), or use --allow-uncovered to count weekends only (a warning)."},
};

std::string step_field(Milestone m) { return "milestones." + std::string(milestone_names[static_cast<std::size_t>(m)]); }

}  // namespace

std::span<const RuleInfo> deadline_rules() { return kRules; }

void check_deadlines(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  auto rows = deadlines::compute(data, ctx.calendar, ctx.as_of, data.policy.due_soon_workdays);
  std::set<std::pair<std::string, int>> uncovered_reported;
  for (const auto& row : rows) {
    const Tour& t = *row.tour;
    // A planned tour (from a schedule) has no record yet: nothing of it can be late.
    if (t.planned) continue;
    auto i = static_cast<std::size_t>(row.step);
    if (row.uncovered_year && uncovered_reported.emplace(t.id, *row.uncovered_year).second) {
      auto d = make_diagnostic(
          kRules[2], data, t.src, t.end ? "end" : "start", t.id,
          {fmt::format("巡查 {} 的期限：{}{}", t.id, ctx.calendar.uncovered_message(*row.uncovered_year, !ctx.allow_uncovered).zh,
                       ctx.allow_uncovered ? "；已只按周末计算" : ""),
           fmt::format("tour {}'s deadlines: {}{}", t.id, ctx.calendar.uncovered_message(*row.uncovered_year, !ctx.allow_uncovered).en,
                       ctx.allow_uncovered ? "; counted with weekends only" : "")});
      if (ctx.allow_uncovered) d.severity = Severity::warning;
      out.push_back(std::move(d));
    }
    if (row.uncovered_year && !ctx.allow_uncovered) continue;
    if (row.status == deadlines::Status::overdue) {
      out.push_back(make_diagnostic(
          kRules[0], data, t.src, t.src.field(step_field(row.step)).line ? step_field(row.step) : "id", t.id,
          {fmt::format("巡查 {}：{}应于 {} 前完成，已逾期 {} 个工作日", t.id, milestone_zh[i], format_iso(*row.due), row.by),
           fmt::format("tour {}: {} was due {}; overdue by {} working day{}", t.id, milestone_names[i],
                       format_iso(*row.due), row.by, row.by == 1 ? "" : "s")}));
    } else if (row.status == deadlines::Status::done_late) {
      out.push_back(make_diagnostic(
          kRules[1], data, t.src, step_field(row.step), t.id,
          {fmt::format("巡查 {}：{}应于 {} 前完成，实际 {}，晚 {} 个工作日", t.id, milestone_zh[i], format_iso(*row.due),
                       format_iso(*row.done), row.by),
           fmt::format("tour {}: {} was due {} and done {}, {} working day{} late", t.id, milestone_names[i],
                       format_iso(*row.due), format_iso(*row.done), row.by, row.by == 1 ? "" : "s")}));
    }
  }
}

}  // namespace xuncha::rules
