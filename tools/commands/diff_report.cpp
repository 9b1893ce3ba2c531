// What changed between two plans, in words: the tables of xuncha diff, schedule --keep and staff
// --keep, their json, and the names (regions, batches) a plan file does not carry.
#include "commands/diff_plans.hpp"

#include <xuncha/model/model.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <cctype>

namespace xuncha::cli {

namespace {
std::string batch_text(const Context& ctx, const std::string& b) {
  if (ctx.zh && b == "spring") return "春季";
  if (ctx.zh && b == "autumn") return "秋季";
  return b;
}
}  // namespace

// "2028 春季 第2组" / "2028 spring team 2"; a team plan's tour: its team record.
std::string slot_text(const Context& ctx, const PlanDiff& d, const std::optional<PlanTour>& t) {
  if (!t) return "-";
  if (d.kind == "teams") return t->team;
  std::string out = std::to_string(t->year);
  if (!t->batch.empty()) out += " " + batch_text(ctx, t->batch);
  bool number = !t->team.empty() && t->team.find_first_not_of("0123456789") == std::string::npos;
  if (number) out += ctx.zh ? fmt::format(" 第{}组", t->team) : fmt::format(" team {}", t->team);
  else if (!t->team.empty()) out += " " + t->team;
  if (!t->start.empty()) out += ctx.zh ? fmt::format("（{} 起）", t->start) : fmt::format(" from {}", t->start);
  return out;
}

std::string change_text(const Context& ctx, const std::string& what) {
  if (what == "moved") return ctx.t("调整", "moved");
  if (what == "added") return ctx.t("新增", "added");
  if (what == "dropped") return ctx.t("取消", "dropped");
  if (what == "joined") return ctx.t("加入", "joined");
  if (what == "left") return ctx.t("离开", "left");
  if (what == "leader") return ctx.t("更换组长", "new leader");
  if (what == "team_added") return ctx.t("新增巡查组", "team added");
  return ctx.t("撤销巡查组", "team dropped");
}

std::string role_text(const Context& ctx, const std::string& role) {
  for (std::size_t k = 0; k < role_names.size(); ++k)
    if (role_names[k] == role) return ctx.zh ? std::string(role_zh[k]) : role;
  return role;
}

namespace {
struct Counts {
  std::size_t moved = 0, added = 0, dropped = 0;
};

Counts count(const PlanDiff& d) {
  Counts c;
  for (const auto& t : d.tours) (t.what == "moved" ? c.moved : t.what == "added" ? c.added : c.dropped)++;
  return c;
}
}  // namespace

// The objective before and after (when both files carry it), then the counts.
std::vector<std::string> closing_lines(const Context& ctx, const PlanDiff& d) {
  std::vector<std::string> lines;
  if (d.objective_before && d.objective_after)
    lines.push_back(ctx.t(fmt::format("目标值：{} → {}", *d.objective_before, *d.objective_after),
                          fmt::format("Objective: {} → {}", *d.objective_before, *d.objective_after)));
  auto c = count(d);
  if (!d.any()) lines.push_back(ctx.t(fmt::format("没有差异（{} 次巡查未变）", d.unchanged), fmt::format("No differences ({} tours unchanged)", d.unchanged)));
  else
    lines.push_back(ctx.t(fmt::format("调整 {} 次，新增 {} 次，取消 {} 次，未变 {} 次；巡查组人员变动 {} 处", c.moved, c.added, c.dropped, d.unchanged, d.teams.size()),
                          fmt::format("{} moved, {} added, {} dropped, {} unchanged; {} team changes", c.moved, c.added, c.dropped, d.unchanged, d.teams.size())));
  return lines;
}

std::string plan_diff_tables(const Context& ctx, const PlanDiff& d) {
  std::string out;
  if (!d.tours.empty()) {
    text::Table t(d.kind == "schedule" ? std::vector<std::string>{ctx.t("地区", "region"), ctx.t("变动", "change"), ctx.t("原安排", "before"), ctx.t("新安排", "after")}
                                       : std::vector<std::string>{ctx.t("地区", "region"), ctx.t("巡查", "tour"), ctx.t("变动", "change"), ctx.t("原巡查组", "team before"), ctx.t("新巡查组", "team after")});
    for (const auto& c : d.tours) {
      std::string region = c.name == c.region || c.name.empty() ? c.region
                           : ctx.zh ? fmt::format("{}（{}）", c.name, c.region) : fmt::format("{} ({})", c.name, c.region);
      if (d.kind == "schedule") t.add({region, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)});
      else t.add({region, (c.before ? c.before : c.after)->id, change_text(ctx, c.what), slot_text(ctx, d, c.before), slot_text(ctx, d, c.after)});
    }
    out += "\n" + t.render(ctx.width);
  }
  if (!d.teams.empty()) {
    text::Table t({ctx.t("巡查组", "team"), ctx.t("变动", "change"), ctx.t("角色", "role"), ctx.t("人员", "person")});
    for (const auto& c : d.teams) {
      std::string person = c.what == "leader" ? fmt::format("{} → {}", c.before.empty() ? "-" : c.before, c.after.empty() ? "-" : c.after) : c.after;
      t.add({c.team, change_text(ctx, c.what), c.role.empty() ? "" : role_text(ctx, c.role), person.empty() ? "-" : person});
    }
    out += "\n" + t.render(ctx.width);
  }
  for (const auto& line : closing_lines(ctx, d)) out += "\n" + line + "\n";
  return out;
}

namespace {
Json tour_json(const std::optional<PlanTour>& t) {
  if (!t) return nullptr;
  return {{"id", t->id}, {"year", t->year}, {"batch", t->batch.empty() ? Json(nullptr) : Json(t->batch)}, {"team", t->team},
          {"start", t->start.empty() ? Json(nullptr) : Json(t->start)}};
}
}  // namespace

Json plan_diff_json(const PlanDiff& d) {
  Json j = Json::object();
  j["different"] = d.any();
  Json tours = Json::array();
  for (const auto& c : d.tours)
    tours.push_back({{"change", c.what}, {"region", c.region}, {"name", c.name}, {"before", tour_json(c.before)}, {"after", tour_json(c.after)}});
  j["tours"] = std::move(tours);
  Json teams = Json::array();
  for (const auto& c : d.teams)
    teams.push_back({{"change", c.what}, {"team", c.team}, {"role", c.role.empty() ? Json(nullptr) : Json(c.role)},
                     {"person", c.what == "leader" || c.after.empty() ? Json(nullptr) : Json(c.after)},
                     {"before", c.what == "leader" && !c.before.empty() ? Json(c.before) : Json(nullptr)},
                     {"after", c.what == "leader" && !c.after.empty() ? Json(c.after) : Json(nullptr)}});
  j["teams"] = std::move(teams);
  auto num = [](const std::optional<long long>& v) { return v ? Json(*v) : Json(nullptr); };
  j["objective"] = {{"before", num(d.objective_before)}, {"after", num(d.objective_after)}};
  auto c = count(d);
  j["summary"] = {{"moved", c.moved}, {"added", c.added}, {"dropped", c.dropped}, {"unchanged", d.unchanged}, {"team_changes", d.teams.size()}};
  return j;
}

void report_keep_changes(Context& ctx, const std::string& keep, const PlanDiff& d) {
  if (ctx.global.format == "text") {
    ctx.out += ctx.t(fmt::format("\n与 {} 相比的变动：\n", keep), fmt::format("\nChanges against {}:\n", keep)) + plan_diff_tables(ctx, d);
    return;
  }
  if (ctx.global.quiet) return;
  std::string counts = closing_lines(ctx, d).back();
  if (!ctx.zh && !counts.empty()) counts[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(counts[0])));
  ctx.err += ctx.t(fmt::format("xuncha：与 {} 相比：", keep), fmt::format("xuncha: compared with {}: ", keep)) + counts + "\n";
}

void name_plan(PlanFile& p, const Dataset& data, const Policy& pol) {
  for (auto& t : p.tours) {
    if (const Region* r = data.region(t.region); r && !r->name.empty()) t.name = r->name;
    if (auto d = parse_iso_date(t.start)) {
      const BatchWindow* b = batch_holding(pol, *d);
      t.batch = b ? b->name : "";
    }
  }
}

}  // namespace xuncha::cli
