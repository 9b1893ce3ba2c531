// The ledger's deadlines beside the tour steps in `xuncha deadlines`: item time limits and stage
// targets, listing deadlines, lead feedback, public-report verification and answers.
#include "commands/deadlines_ledger.hpp"

#include "render/ics.hpp"
#include "app/app.hpp"

#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <set>

namespace xuncha::cli {
namespace {

using ledger::DueStatus;

std::string item_text(const Context& ctx, ledger::Item i) {
  auto k = static_cast<std::size_t>(i);
  std::string s(ctx.zh ? ledger::item_zh[k] : ledger::item_names[k]);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}
std::string status_text(const Context& ctx, DueStatus s) {
  auto k = static_cast<std::size_t>(s);
  std::string out(ctx.zh ? deadlines::status_zh[k] : deadlines::status_names[k]);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}
// Late or left, in the item's own unit: "逾期 36 天" here is what `check` says of the problem.
std::string by_text(const Context& ctx, const ledger::Deadline& d) {
  std::string n = d.workdays ? ctx.t(fmt::format("{} 个工作日", d.by), fmt::format("{} wd", d.by))
                             : ctx.t(fmt::format("{} 天", d.by), fmt::format("{} d", d.by));
  switch (d.status) {
    case DueStatus::overdue:
    case DueStatus::done_late: return n;
    case DueStatus::due_soon:
    case DueStatus::pending:
      if (d.due < ctx.as_of) return ctx.t("宽限期内", "in grace");
      return ctx.zh ? "剩 " + n : n + " left";
    default: return "";
  }
}
std::string region_name(const Dataset& data, const std::string& id) {
  const Region* r = data.region(id);
  return r ? r->name : id;
}

}  // namespace

std::string unit_text(const Context& ctx, bool workdays) {
  return workdays ? ctx.t("工作日", "working days") : ctx.t("日历日", "calendar days");
}

std::string estimated_note(const Context& ctx, const std::vector<int>& years) {
  std::set<int> ys(years.begin(), years.end());
  ys.erase(0);
  if (ys.empty()) return "";
  std::string list;
  for (int y : ys) list += (list.empty() ? "" : ctx.t("、", ", ")) + std::to_string(y);
  return ctx.t(fmt::format("标 # 的期限涉及 {} 年，工作日历不包含该年：只按周末估算。\n", list),
               fmt::format("A deadline marked # involves {}, which the working-day calendar does not cover: estimated "
                           "counting weekends only.\n", list));
}

std::vector<ledger::Deadline> ledger_deadlines(const Dataset& data, const Calendar& cal, Date as_of, int within,
                                               const LedgerDeadlineFilter& f) {
  std::vector<ledger::Deadline> out;
  for (const auto& d : ledger::deadlines(data, cal, as_of, within)) {
    if (!f.region.empty() && *d.region != f.region) continue;
    if (!f.tour.empty() && *d.tour != f.tour) continue;
    bool open = d.status == DueStatus::overdue || d.status == DueStatus::due_soon || d.status == DueStatus::pending;
    bool keep = f.all ? true
                : (f.overdue || f.due_soon) ? (f.overdue && d.status == DueStatus::overdue) || (f.due_soon && d.status == DueStatus::due_soon)
                                            : open;
    if (keep) out.push_back(d);
  }
  return out;
}

std::string ledger_deadlines_text(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows) {
  std::string out = ctx.t("\n台账期限\n", "\nLedger deadlines\n");
  if (rows.empty()) return out + ctx.t("没有符合条件的台账期限\n", "no ledger deadlines match\n");
  text::Table t({ctx.t("事项", "item"), ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("地区", "region"),
                 ctx.t("期限", "due"), ctx.t("完成", "done"), ctx.t("状态", "status"), ctx.t("差额", "by")},
                {false, false, false, false, false, false, false, true});
  int overdue = 0;
  for (const auto& d : rows) {
    std::string st = status_text(ctx, d.status);
    if (ctx.color && d.status == DueStatus::overdue) st = paint(st, "1;31", true);
    t.add({item_text(ctx, d.item), *d.id, d.tour->empty() ? "-" : *d.tour, region_name(data, *d.region),
           format_iso(d.due) + (d.uncovered_year ? "#" : ""),
           d.done ? format_iso(*d.done) : "-", st, by_text(ctx, d)});
    overdue += d.status == DueStatus::overdue;
  }
  out += t.render(ctx.width);
  out += ctx.zh ? fmt::format("共 {} 项，逾期 {} 项\n", rows.size(), overdue)
                : fmt::format("{}, {} overdue\n", count_of(rows.size(), "item"), overdue);
  std::vector<int> years;
  for (const auto& d : rows) years.push_back(d.uncovered_year.value_or(0));
  return out + estimated_note(ctx, years);
}

Json ledger_deadlines_json(const std::vector<ledger::Deadline>& rows) {
  Json out = Json::array();
  for (const auto& d : rows)
    out.push_back({{"item", ledger::item_names[static_cast<std::size_t>(d.item)]}, {"id", *d.id},
                   {"tour", d.tour->empty() ? Json(nullptr) : Json(*d.tour)}, {"region", *d.region},
                   {"due", format_iso(d.due)}, {"done", d.done ? Json(format_iso(*d.done)) : Json(nullptr)},
                   {"status", deadlines::status_names[static_cast<std::size_t>(d.status)]}, {"days", d.by},
                   {"unit", d.workdays ? "workdays" : "days"}, {"estimated", d.uncovered_year.has_value()}});
  return out;
}

// The deadlines CSV's columns (tour, region, name, step, due, done, status, by, unit, estimated), English
// keys whatever the language: step is the ledger item and the record's id ("listing L-2025-01").
std::string ledger_deadlines_csv(const Dataset& data, const std::vector<ledger::Deadline>& rows) {
  std::string out;
  for (const auto& d : rows)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", csv_cell(*d.tour), csv_cell(*d.region),
                       csv_cell(region_name(data, *d.region)),
                       csv_cell(fmt::format("{} {}", ledger::item_names[static_cast<std::size_t>(d.item)], *d.id)),
                       format_iso(d.due), d.done ? format_iso(*d.done) : "",
                       deadlines::status_names[static_cast<std::size_t>(d.status)], d.by, d.workdays ? "workdays" : "days",
                       d.uncovered_year ? "true" : "false");
  return out;
}

xlsx::Sheet deadlines_sheet(const Context& ctx, std::string name, const std::string& title_zh,
                            const std::string& title_en, std::string what, double what_width) {
  xlsx::Sheet s;
  s.name = std::move(name);
  s.title = {ctx.zh ? fmt::format("{}（截至 {}）", title_zh, format_iso(ctx.as_of))
                    : fmt::format("{} (as of {})", title_en, format_iso(ctx.as_of))};
  s.header = {ctx.t("巡查", "tour"), ctx.t("地区", "region"), std::move(what), ctx.t("期限", "due"),
              ctx.t("完成", "done"), ctx.t("状态", "status"), ctx.t("差额", "by"), ctx.t("单位", "unit"),
              ctx.t("估算", "estimated")};
  s.widths = {18, 14, what_width, 12, 12, 12, 8, 8, 8};
  return s;
}

xlsx::Sheet ledger_deadlines_sheet(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows) {
  auto s = deadlines_sheet(ctx, ctx.t("整改期限", "Ledger deadlines"), "整改台账期限", "Ledger deadlines",
                           ctx.t("事项", "item"), 34);
  for (const auto& d : rows) {
    s.rows.push_back({xlsx::Cell::of(*d.tour), xlsx::Cell::of(region_name(data, *d.region)),
                      xlsx::Cell::of(item_text(ctx, d.item) + " " + *d.id), xlsx::Cell::of(d.due), xlsx::Cell::of(d.done),
                      xlsx::Cell::of(status_text(ctx, d.status)), xlsx::Cell::of(d.by),
                      xlsx::Cell::of(unit_text(ctx, d.workdays)), xlsx::Cell::of(d.uncovered_year ? ctx.t("是", "yes") : "")});
    s.highlight.push_back(d.status == ledger::DueStatus::overdue);
  }
  return s;
}

std::string ledger_deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<ledger::Deadline>& rows,
                                 bool events) {
  std::string out;
  for (const auto& d : rows) {
    // Stable: the record id and what is due (a stage target also by its date, as an item has several).
    std::string local = fmt::format("ledger-{}-{}", ledger::item_names[static_cast<std::size_t>(d.item)], *d.id);
    if (d.item == ledger::Item::stage) local += "-" + ics::date_value(format_iso(d.due));
    out += ics_deadline(ctx, data, local, d.due, d.done, fmt::format("{} {}", item_text(ctx, d.item), *d.id), events);
  }
  return out;
}

}  // namespace xuncha::cli
