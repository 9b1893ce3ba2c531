// The team plan as text, yaml (input for `xuncha check`), json and csv.
#include "render/staff_render.hpp"

#include "base/context.hpp"
#include "render/csv.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"
#include "render/province.hpp"
#include "render/xlsx.hpp"
#include "render/yaml.hpp"

#include <xuncha/text/width.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

std::string who(const Context& ctx, const Dataset& data, const std::string& id) {
  const Person* p = data.person(id);
  if (!p) return id;
  return ctx.zh ? fmt::format("{}（{}）", p->name, id) : fmt::format("{} ({})", p->name, id);
}

std::string who_unit(const Context& ctx, const Dataset& data, const std::string& id) {
  const Person* p = data.person(id);
  if (!p) return id;
  const Unit* u = data.unit(p->unit);
  std::string unit = u ? u->name : p->unit;
  return ctx.zh ? fmt::format("{}（{}，{}）", p->name, id, unit) : fmt::format("{} ({}, {})", p->name, id, unit);
}

std::string list(const Context& ctx, const Dataset& data, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ctx.zh ? "、" : ", ") + who_unit(ctx, data, id);
  return s.empty() ? "-" : s;
}

std::string yaml_list(const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + yaml_quoted(id);
  return "[" + s + "]";
}

std::string region_name(const Dataset& data, const std::string& id) {
  const Region* r = data.region(id);
  return r ? r->name : id;
}

std::string role_word(const Context& ctx, Role r) {
  static constexpr std::array<std::string_view, 5> en{"leader", "deputy", "liaison", "member", "expert"};
  return std::string(ctx.zh ? role_zh[static_cast<std::size_t>(r)] : en[static_cast<std::size_t>(r)]);
}

// Singular role words for csv and json.
std::string_view role_key(Role r) {
  static constexpr std::array<std::string_view, 5> keys{"leader", "deputy", "liaison", "member", "expert"};
  return keys[static_cast<std::size_t>(r)];
}

double gap(const staff::Result& r) {
  if (r.objective <= 0) return 0.0;
  return 100.0 * static_cast<double>(r.objective - r.bound) / static_cast<double>(r.objective);
}

}  // namespace

Message day_cap_note(const Policy& p) {
  if (p.staff_max_days <= 0)
    return {"每人每年在场天数不设上限（政策 staff_max_days: 0）。",
            "No cap on days on site per person and year (policy staff_max_days: 0)."};
  return {fmt::format("每人每个自然年在场至多 {} 天（政策 staff_max_days，硬性上限，数据中已有的巡查计入）。", p.staff_max_days),
          fmt::format("Nobody is on site more than {} days in a calendar year (policy staff_max_days, a hard cap; the "
                      "data's tours count).",
                      p.staff_max_days)};
}

std::string staff_text(const Context& ctx, const StaffView& v) {
  const auto& r = v.result;
  const auto& data = v.data;
  std::string out = ctx.t(fmt::format("{}巡查组组成方案\n", province_prefix(data.policy.province)),
                          fmt::format("{}inspection team plan\n", province_prefix(data.policy.province, " ")));
  out += ctx.t(fmt::format("目标值 {}（软目标的加权和，越小越好），下界 {}（任何方案都不低于它；差距 {:.1f}%）；"
                           "单位席位超出均摊 {}、每人每年超出 {} 天的在场天数 {}、上一周期同组 {}、专家领域不符 {}；种子 {}\n",
                           r.objective, r.bound, gap(r), r.terms.units, data.policy.staff_fair_days, r.terms.days,
                           r.terms.pairs, r.terms.fields, v.options.seed),
               fmt::format("objective {} (the weighted sum of the soft goals, lower is better), lower bound {} (no plan "
                           "goes below it; gap {:.1f}%); units' seats beyond their share {}, days on site beyond {} per "
                           "person and year {}, last cycle's pairs {}, expert fields missed {}; seed {}\n",
                           r.objective, r.bound, gap(r), r.terms.units, data.policy.staff_fair_days, r.terms.days,
                           r.terms.pairs, r.terms.fields, v.options.seed));
  std::string cycle;
  for (const auto& g : r.teams) {
    if (g.cycle != cycle) {
      cycle = g.cycle;
      out += ctx.t(fmt::format("\n== 周期 {} ==\n", cycle), fmt::format("\n== cycle {} ==\n", cycle));
    }
    out += ctx.t(fmt::format("\n第 {} 组 {}\n", g.slot, g.id), fmt::format("\nteam {} {}\n", g.slot, g.id));
    out += ctx.t("  副组长：", "  deputies: ") + list(ctx, data, g.deputies) + "\n";
    out += ctx.t("  联络员：", "  liaison:  ") + list(ctx, data, {g.liaison}) + "\n";
    out += ctx.t("  成员：  ", "  members:  ") + list(ctx, data, g.members) + "\n";
    text::Table table(ctx.zh ? std::vector<std::string>{"巡查", "地区", "在场日期", "组长", "专家"}
                             : std::vector<std::string>{"tour", "region", "on site", "leader", "experts"});
    for (const auto& s : g.stints) {
      const Tour& t = data.tours[s.tour];
      std::string experts;
      for (const auto& e : s.experts) experts += (experts.empty() ? "" : ctx.zh ? "、" : ", ") + who(ctx, data, e);
      table.add({t.id, ctx.zh ? region_name(data, t.region) : t.region,
                 fmt::format("{} – {}", format_iso(*t.start), format_iso(*t.end)), who(ctx, data, s.leader),
                 experts.empty() ? "-" : experts});
    }
    std::string rendered = table.render(ctx.width > 2 ? ctx.width - 2 : ctx.width);
    std::string indented;
    std::size_t pos = 0;
    while (pos < rendered.size()) {
      auto nl = rendered.find('\n', pos);
      if (nl == std::string::npos) nl = rendered.size();
      indented += "  " + rendered.substr(pos, nl - pos) + "\n";
      pos = nl + 1;
    }
    out += indented;
    if (v.explain) {
      out += ctx.t("  选人理由：\n", "  why:\n");
      for (const auto& w : r.reasons) {
        if (w.team != g.id) continue;
        out += fmt::format("    {}{} {}: {}\n", w.tour.empty() ? "" : w.tour + " ", role_word(ctx, w.role),
                           who(ctx, data, w.person), ctx.t(w.text));
      }
    }
  }
  if (!r.changes.empty()) {
    out += ctx.t(fmt::format("\n与原方案相比换人的席位及原因（{} 处）：\n", r.changes.size()),
                 fmt::format("\nseats given to someone else than in the earlier plan, and why ({}):\n", r.changes.size()));
    for (const auto& c : r.changes)
      out += fmt::format("  {} {}{}: {} → {} ({})\n", c.team, c.tour.empty() ? "" : c.tour + " ", role_word(ctx, c.role),
                         c.before.empty() ? "-" : c.before, who(ctx, data, c.after), ctx.t(c.why));
  }
  for (const auto& n : r.notes) out += ctx.t("注：", "note: ") + text::one_line(ctx.t(n)) + "\n";
  out += ctx.t("注：", "note: ") + ctx.t(day_cap_note(data.policy)) + "\n";
  return out;
}

std::string staff_yaml(const Context& ctx, const StaffView& v) {
  const auto& r = v.result;
  const auto& data = v.data;
  std::string out = fmt::format(
      "# {}xuncha staff --seed {}: the team plan (巡查组组成方案).\n"
      "# objective {}, lower bound {}. Check it with the data: xuncha check DATA THIS_FILE\n",
      province_prefix(yaml_comment(data.policy.province), " — "), v.options.seed, r.objective, r.bound);
  (void)ctx;
  out += "kind: teams\nversion: 1\nteams:\n";
  for (const auto& g : r.teams) {
    std::vector<std::string> seen;
    for (const auto& s : g.stints) {
      if (std::find(seen.begin(), seen.end(), s.record) != seen.end()) continue;
      seen.push_back(s.record);
      out += fmt::format("  - id: {}\n    cycle: {}\n    leader: {}\n    deputies: {}\n    liaison: {}\n    members: {}\n",
                         yaml_quoted(s.record), yaml_quoted(g.cycle), yaml_quoted(s.leader), yaml_list(g.deputies),
                         yaml_quoted(g.liaison), yaml_list(g.members));
      out += fmt::format("    experts: {}\n", yaml_list(s.experts));
    }
  }
  out += "---\nkind: appointments\nversion: 1\nappointments:\n";
  bool any = false;
  for (const auto& g : r.teams)
    for (const auto& s : g.stints)
      for (std::size_t k = 0; k < s.experts.size(); ++k) {
        any = true;
        out += fmt::format("  - id: {}\n    person: {}\n    tour: {}\n", yaml_quoted(s.appointments[k]),
                           yaml_quoted(s.experts[k]), yaml_quoted(data.tours[s.tour].id));
      }
  if (!any) out.replace(out.size() - 1, 1, " []\n");
  if (v.schedule_given) {
    int from = 0;
    for (const auto& g : r.teams)
      for (const auto& s : g.stints)
        if (data.tours[s.tour].plan_from > 0) from = data.tours[s.tour].plan_from;
    out += "---\nkind: schedule\nversion: 1\n";
    if (!data.policy.province.empty()) out += fmt::format("province: {}\n", yaml_quoted(data.policy.province));
    if (from > 0) out += fmt::format("from: {}\n", from);
    out += "tours:\n";
    std::vector<std::pair<std::size_t, std::string>> tours;
    for (const auto& g : r.teams)
      for (const auto& s : g.stints) tours.emplace_back(s.tour, s.record);
    std::sort(tours.begin(), tours.end());
    for (const auto& [i, record] : tours) {
      const Tour& t = data.tours[i];
      out += fmt::format("  - id: {}\n    region: {}\n    kind: {}\n    year: {}\n", yaml_quoted(t.id), yaml_quoted(t.region),
                         t.kind == TourKind::regular ? "regular" : "irregular", t.year ? t.year : year_of(*t.start));
      if (t.team_slot > 0) out += fmt::format("    team_slot: {}\n", t.team_slot);
      out += fmt::format("    team: {}\n    start: {}\n    end: {}\n", yaml_quoted(record), format_iso(*t.start), format_iso(*t.end));
    }
  }
  return out;
}

std::string staff_json(const Context& ctx, const StaffView& v) {
  const auto& r = v.result;
  const auto& data = v.data;
  Json j = json_envelope(ctx, "staff");
  j["province"] = data.policy.province.empty() ? Json(nullptr) : Json(data.policy.province);
  j["seed"] = v.options.seed;
  j["staff_max_days"] = data.policy.staff_max_days > 0 ? Json(data.policy.staff_max_days) : Json(nullptr);
  j["feasible"] = r.feasible;
  if (!r.feasible) {
    j["proven"] = r.proven;
    Json problems = Json::array();
    for (const auto& p : r.problems) {
      Json roles = Json::array();
      for (const auto& [role, n] : p.roles) roles.push_back({{"role", role_key(role)}, {"needed", n}});
      auto date = [](const std::optional<Date>& d) { return d ? Json(format_iso(*d)) : Json(nullptr); };
      bool shortage = p.needed > 0;
      problems.push_back({{"message", ctx.t(p.text)}, {"roles", std::move(roles)},
                          {"needed", shortage ? Json(p.needed) : Json(nullptr)},
                          {"available", shortage ? Json(p.available) : Json(nullptr)},
                          {"cycle", p.cycle.empty() ? Json(nullptr) : Json(p.cycle)}, {"from", date(p.from)},
                          {"to", date(p.to)}, {"day_cap", p.day_cap > 0 ? Json(p.day_cap) : Json(nullptr)}});
    }
    j["problems"] = std::move(problems);
    return json_dump(j);
  }
  j["objective"] = r.objective;
  j["lower_bound"] = r.bound;
  j["terms"] = {{"units", r.terms.units}, {"days", r.terms.days}, {"pairs", r.terms.pairs}, {"fields", r.terms.fields}};
  j["iterations"] = r.iterations;
  Json teams = Json::array();
  for (const auto& g : r.teams) {
    Json tours = Json::array();
    for (const auto& s : g.stints) {
      const Tour& t = data.tours[s.tour];
      tours.push_back({{"tour", t.id}, {"region", t.region}, {"start", format_iso(*t.start)},
                       {"end", format_iso(*t.end)}, {"record", s.record}, {"leader", s.leader},
                       {"experts", s.experts}, {"appointments", s.appointments}});
    }
    teams.push_back({{"id", g.id}, {"cycle", g.cycle}, {"team", g.slot}, {"deputies", g.deputies},
                     {"liaison", g.liaison}, {"members", g.members}, {"tours", std::move(tours)}});
  }
  j["teams"] = std::move(teams);
  if (v.explain) {
    Json why = Json::array();
    for (const auto& w : r.reasons)
      why.push_back({{"team", w.team}, {"tour", w.tour.empty() ? Json(nullptr) : Json(w.tour)},
                     {"role", role_key(w.role)}, {"person", w.person}, {"why", ctx.t(w.text)}});
    j["explanations"] = std::move(why);
  }
  if (!v.options.keep_teams.empty()) {
    Json changes = Json::array();
    for (const auto& c : r.changes)
      changes.push_back({{"team", c.team}, {"tour", c.tour.empty() ? Json(nullptr) : Json(c.tour)},
                         {"role", role_key(c.role)}, {"before", c.before.empty() ? Json(nullptr) : Json(c.before)},
                         {"after", c.after}});
    j["changes"] = std::move(changes);
  }
  if (v.diff) j["diff"] = *v.diff;
  return json_dump(j);
}

std::string staff_xlsx(const Context& ctx, const StaffView& v) {
  const auto& data = v.data;
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = ctx.t("巡查组组成方案", "Team plan");
  xlsx::Sheet s;
  s.name = ctx.t("巡查组组成", "Team plan");
  s.title = {wb.title, ctx.t(day_cap_note(data.policy))};
  s.header = {ctx.t("巡查组", "team"), ctx.t("周期", "cycle"), ctx.t("巡查", "tour"), ctx.t("地区", "region"),
              ctx.t("进驻", "start"), ctx.t("结束", "end"), ctx.t("职务", "role"), ctx.t("人员编号", "person"),
              ctx.t("姓名", "name"), ctx.t("单位", "unit")};
  s.widths = {16, 12, 20, 12, 12, 12, 10, 14, 10, 28};
  for (const auto& g : v.result.teams)
    for (const auto& st : g.stints) {
      const Tour& t = data.tours[st.tour];
      auto row = [&](Role role, const std::string& id) {
        const Person* p = data.person(id);
        // An office reads unit names, not ids (the csv keeps the ids, for scripts).
        const Unit* u = p ? data.unit(p->unit) : nullptr;
        s.rows.push_back({xlsx::Cell::of(st.record), xlsx::Cell::of(g.cycle), xlsx::Cell::of(t.id),
                          xlsx::Cell::of(region_name(data, t.region)), xlsx::Cell::of(t.start), xlsx::Cell::of(t.end),
                          xlsx::Cell::of(role_word(ctx, role)), xlsx::Cell::of(id),
                          xlsx::Cell::of(p ? p->name : std::string()),
                          xlsx::Cell::of(u ? u->name : p ? p->unit : std::string())});
        s.highlight.push_back(false);
      };
      row(Role::leader, st.leader);
      for (const auto& id : g.deputies) row(Role::deputy, id);
      row(Role::liaison, g.liaison);
      for (const auto& id : g.members) row(Role::member, id);
      for (const auto& id : st.experts) row(Role::expert, id);
    }
  wb.sheets.push_back(std::move(s));
  return xlsx::render(wb);
}

std::string staff_csv(const Context& ctx, const StaffView& v) {
  const auto& data = v.data;
  std::string out = ctx.global.bom ? "\xEF\xBB\xBF" : "";
  out += "team,cycle,tour,region,start,end,role,person,name,unit\r\n";
  for (const auto& g : v.result.teams)
    for (const auto& s : g.stints) {
      const Tour& t = data.tours[s.tour];
      auto row = [&](Role role, const std::string& id) {
        const Person* p = data.person(id);
        out += fmt::format("{},{},{},{},{},{},{},{},{},{}\r\n", csv_cell(s.record), csv_cell(g.cycle), csv_cell(t.id),
                           csv_cell(t.region), format_iso(*t.start), format_iso(*t.end),
                           role_key(role), csv_cell(id), csv_cell(p ? p->name : ""),
                           csv_cell(p ? p->unit : ""));
      };
      row(Role::leader, s.leader);
      for (const auto& id : g.deputies) row(Role::deputy, id);
      row(Role::liaison, g.liaison);
      for (const auto& id : g.members) row(Role::member, id);
      for (const auto& id : s.experts) row(Role::expert, id);
    }
  return out;
}

}  // namespace xuncha::cli
