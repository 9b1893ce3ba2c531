// xuncha teams: the team composition rules (II.2), a table of teams, and --suggest TOUR.
#include "app/app.hpp"

#include <xuncha/core/suggest.hpp>
#include <xuncha/rules/teams.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

namespace xuncha::cli {
namespace {

struct TeamsOptions {
  std::vector<std::string> paths;
  std::string team;
  std::string tour;
  std::string suggest;
  std::size_t limit = 5;
};

std::string name_of(const Dataset& data, std::string_view id) {
  const Person* p = data.person(id);
  return p ? p->name : std::string(id);
}

std::string names(const Dataset& data, const std::vector<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : "、") + name_of(data, id);
  return s;
}

/// A text cell, or an empty one (shown "-" on the terminal).
xlsx::Cell text_or_empty(std::string s) { return s.empty() ? xlsx::Cell{} : xlsx::Cell::of(std::move(s)); }

// The team a diagnostic concerns: its subject is a team id, or a tour id whose team it is.
std::string team_of(const Dataset& data, const Diagnostic& d) {
  if (data.team(d.subject)) return d.subject;
  if (const Tour* t = data.tour(d.subject)) return t->team;
  return {};
}


struct Counts {
  int errors = 0, warnings = 0, infos = 0;
};

std::string status_text(const Context& ctx, const Counts& c) {
  if (c.errors + c.warnings + c.infos == 0) return ctx.t("合规", "ok");
  std::string s;
  auto add = [&](int n, std::string_view zh, std::string_view en_one, std::string_view en_many) {
    if (n == 0) return;
    if (!s.empty()) s += ctx.zh ? "、" : ", ";
    s += ctx.zh ? fmt::format("{} {}", zh, n) : fmt::format("{} {}", n, n == 1 ? en_one : en_many);
  };
  add(c.errors, "错误", "error", "errors");
  add(c.warnings, "警告", "warning", "warnings");
  add(c.infos, "提示", "info", "info");
  return s;
}

std::string_view status_key(const Counts& c) {
  return c.errors ? "error" : c.warnings ? "warning" : c.infos ? "info" : "ok";
}

/// The team table as one row model: the text preface and the xlsx sheet are both views of it.
xlsx::Sheet table_sheet(const Context& ctx, const Dataset& data, const std::vector<rules::TeamRow>& rows,
                        const std::map<std::string, Counts>& counts) {
  xlsx::Sheet s;
  s.name = ctx.t("巡查组", "Teams");
  s.title = {ctx.t("巡查组组成情况", "Team composition")};
  s.header = {ctx.t("巡查组", "team"), ctx.t("周期", "cycle"), ctx.t("人数", "size"), ctx.t("组长", "leader"),
              ctx.t("副组长", "deputies"), ctx.t("联络员", "liaison"), ctx.t("成员", "members"),
              ctx.t("专家", "experts"), ctx.t("巡查", "tours"), ctx.t("状态", "status")};
  s.widths = {16, 12, 6, 12, 18, 12, 24, 18, 6, 20};
  for (const auto& r : rows) {
    const Team& g = *r.team;
    auto it = counts.find(g.id);
    Counts c = it == counts.end() ? Counts{} : it->second;
    s.rows.push_back({xlsx::Cell::of(g.id), text_or_empty(g.cycle), xlsx::Cell::of(static_cast<int>(r.size)),
                      text_or_empty(names(data, g.of(Role::leader))), text_or_empty(names(data, g.of(Role::deputy))),
                      text_or_empty(names(data, g.of(Role::liaison))), text_or_empty(names(data, g.of(Role::member))),
                      text_or_empty(names(data, g.of(Role::expert))),
                      xlsx::Cell::of(static_cast<int>(r.tours.size())), xlsx::Cell::of(status_text(ctx, c))});
    s.highlight.push_back(c.errors > 0);
  }
  return s;
}

std::string table_text(const Context& ctx, const xlsx::Sheet& s) {
  if (s.rows.empty()) return {};
  return s.title.front() + "\n" +
         xlsx::text_table(s, {false, false, true, false, false, false, false, false, true, false}).render(ctx.width) + "\n";
}

Json table_json(const std::vector<rules::TeamRow>& rows, const std::map<std::string, Counts>& counts) {
  Json out = Json::array();
  for (const auto& row : rows) {
    const Team& g = *row.team;
    auto it = counts.find(g.id);
    Counts c = it == counts.end() ? Counts{} : it->second;
    std::vector<std::string> tours;
    for (const auto* t : row.tours) tours.push_back(t->id);
    out.push_back({{"id", g.id}, {"cycle", g.cycle}, {"size", row.size}, {"leader", g.of(Role::leader)},
                   {"deputies", g.of(Role::deputy)}, {"liaison", g.of(Role::liaison)},
                   {"members", g.of(Role::member)}, {"experts", g.of(Role::expert)}, {"tours", tours},
                   {"status", status_key(c)}, {"errors", c.errors}, {"warnings", c.warnings}});
  }
  return out;
}

std::string role_text(const Context& ctx, Role r) {
  static constexpr std::array<std::string_view, 5> en{"leader", "deputy", "liaison", "member", "expert"};
  auto i = static_cast<std::size_t>(r);
  return ctx.zh ? std::string(role_zh[i]) : std::string(en[i]);
}

std::string rank_name(const Context& ctx, Rank r) {
  if (r == Rank::none) return ctx.t("无", "none");
  return std::string(rank_zh[static_cast<std::size_t>(r)]);
}

std::string unit_name(const Dataset& data, const Person& p) {
  const Unit* u = data.unit(p.unit);
  return u ? u->name : p.unit;
}

std::string suggest_text(const Context& ctx, const Dataset& data, const rules::TeamSuggestion& s) {
  const Tour& t = *s.tour;
  std::string when = t.start && t.end ? fmt::format("{}—{}", format_iso(*t.start), format_iso(*t.end)) : "-";
  const Region* region = data.region(t.region);
  const std::string& where = region && !region->name.empty() ? region->name : t.region;
  std::string out = ctx.zh ? fmt::format("巡查 {}（{}，{}），巡查组 {}\n", t.id, where, when, s.team ? s.team->id : "无")
                           : fmt::format("Tour {} ({}, {}), team {}\n", t.id, where, when, s.team ? s.team->id : "none");
  if (!s.dated)
    out += ctx.t("该巡查没有日期，未核对人员是否有空。\n", "The tour has no dates: availability was not checked.\n");
  if (s.gaps.empty()) return out + ctx.t("巡查组完整，无需补充或替换人员。\n", "The team is complete: no role needs filling.\n");
  for (const auto& g : s.gaps) {
    out += "\n" + role_text(ctx, g.role) + ctx.t("：", ": ") + ctx.t(g.reason) + "\n";
    if (g.candidates.empty()) {
      out += ctx.t("  没有符合条件的人选。\n", "  Nobody qualifies.\n");
      continue;
    }
    text::Table table({"#", ctx.t("编号", "id"), ctx.t("姓名", "name"), ctx.t("单位", "unit"), ctx.t("职级", "rank"),
                       ctx.t(fmt::format("{}年巡查", s.tour->start ? year_of(*s.tour->start) : s.tour->year),
                             fmt::format("tours {}", s.tour->start ? year_of(*s.tour->start) : s.tour->year)),
                       ctx.t("本周期所在组", "team this cycle")},
                      {true, false, false, false, false, true, false});
    for (std::size_t i = 0; i < g.candidates.size(); ++i) {
      const auto& c = g.candidates[i];
      table.add({std::to_string(i + 1), c.person->id, c.person->name, unit_name(data, *c.person),
                 rank_name(ctx, c.person->rank), std::to_string(c.tours_in_year),
                 c.other_team.empty() ? "-" : c.other_team});
    }
    out += table.render(ctx.width);
    if (g.eligible > g.candidates.size())
      out += ctx.zh ? fmt::format("  另有 {} 人符合条件（--limit 可显示更多）\n", g.eligible - g.candidates.size())
                    : fmt::format("  {} more qualify (--limit shows more)\n", g.eligible - g.candidates.size());
  }
  // The proposal: one line, gap by gap.
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < s.gaps.size(); ++i) {
    std::vector<std::string> names;
    for (const auto& p : s.proposal)
      if (p.gap == i) names.push_back(fmt::format("{} {}", p.person->id, p.person->name));
    if (names.empty()) continue;
    const auto& g = s.gaps[i];
    std::string label = role_text(ctx, g.role);
    if (!g.replaces.empty()) label += ctx.zh ? fmt::format("（替换 {}）", g.replaces) : fmt::format(" (replacing {})", g.replaces);
    parts.push_back(label + " " + fmt::format("{}", fmt::join(names, ctx.t("、", ", "))));
  }
  bool several = s.proposal.size() > 1;
  if (!parts.empty())
    out += ctx.zh ? fmt::format("\n建议人选{}：{}\n", several ? "（每人只用一次）" : "", fmt::join(parts, "；"))
                  : fmt::format("\nProposed{}: {}\n", several ? " (nobody twice)" : "", fmt::join(parts, "; "));
  if (s.unfilled > 0)
    out += ctx.zh ? fmt::format("还有 {} 个位置无人可补：符合条件的人不够。\n", s.unfilled)
                  : fmt::format("{} seat(s) cannot be filled: too few people qualify.\n", s.unfilled);
  return out;
}

std::string suggest_json(const Context& ctx, const rules::TeamSuggestion& s) {
  static constexpr std::array<std::string_view, 5> roles{"leader", "deputy", "liaison", "member", "expert"};
  auto null_or = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  Json j = json_envelope(ctx, "teams-suggest");
  j["tour"] = s.tour->id;
  j["team"] = s.team ? Json(s.team->id) : Json(nullptr);
  j["dated"] = s.dated;
  Json gaps = Json::array();
  for (const auto& g : s.gaps) {
    Json candidates = Json::array();
    for (const auto& c : g.candidates)
      candidates.push_back({{"id", c.person->id}, {"name", c.person->name}, {"unit", c.person->unit},
                            {"rank", rank_name(ctx, c.person->rank)}, {"tours_in_year", c.tours_in_year},
                            {"other_team", null_or(c.other_team)}});
    gaps.push_back({{"role", roles[static_cast<std::size_t>(g.role)]}, {"needed", g.needed},
                    {"replaces", null_or(g.replaces)}, {"reason", ctx.t(g.reason)}, {"eligible", g.eligible},
                    {"candidates", std::move(candidates)}});
  }
  j["gaps"] = std::move(gaps);
  Json proposal = Json::array();
  for (const auto& p : s.proposal) {
    const auto& g = s.gaps[p.gap];
    proposal.push_back({{"role", roles[static_cast<std::size_t>(g.role)]}, {"replaces", null_or(g.replaces)},
                        {"id", p.person->id}, {"name", p.person->name}});
  }
  j["proposal"] = std::move(proposal);
  j["unfilled"] = s.unfilled;
  return json_dump(j);
}

int run_suggest(Context& ctx, const TeamsOptions& opts, const Loaded& loaded) {
  const auto& data = loaded.result.data;
  const Tour* tour = data.tour(opts.suggest);
  if (!tour) throw UsageError(unknown_id_message("--suggest", "tour", opts.suggest, ids_of(data.tours)));
  if (tour->body != Body::province)
    throw UsageError(fmt::format("巡查「{}」是国务院安委会的巡查，没有省级巡查组", tour->id),
                     fmt::format("tour '{}' is a State Council tour: it has no provincial team", tour->id));
  auto s = rules::suggest_team(data, *tour, opts.limit);
  ctx.out += ctx.global.format == "json" ? suggest_json(ctx, s) : suggest_text(ctx, data, s);
  return 0;
}

int run_teams(Context& ctx, const TeamsOptions& opts) {
  if (!opts.suggest.empty()) require_format(ctx, "teams --suggest", {"text", "json"});
  else require_format(ctx, "teams", findings_formats);
  auto sel = selection(ctx);
  auto loaded = load_inputs(ctx, opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths);
  auto diags = loaded.result.diagnostics;
  const auto& data = loaded.result.data;
  if (!opts.suggest.empty()) {
    if (!loaded.result.ok()) {
      report_input_errors(ctx, diags);
      return 2;
    }
    return run_suggest(ctx, opts, loaded);
  }
  std::vector<rules::TeamRow> rows;
  std::map<std::string, Counts> counts;
  std::vector<const rules::RuleInfo*> ran;
  static constexpr std::string_view only[] = {"teams"};
  if (loaded.result.ok()) {
    ran = rules_run(data.policy, sel, only);
    if (!opts.team.empty() && !data.team(opts.team))
      throw UsageError(unknown_id_message("--team", "team", opts.team, ids_of(data.teams)));
    if (!opts.tour.empty() && !data.tour(opts.tour))
      throw UsageError(unknown_id_message("--tour", "tour", opts.tour, ids_of(data.tours)));
    std::string tour_team = opts.tour.empty() ? std::string() : data.tour(opts.tour)->team;
    rules::CheckContext cc{data, loaded.calendar, ctx.as_of};
    for (auto& d : rules::run_checks(cc, sel, only)) {
      std::string team = team_of(data, d);
      if (!opts.team.empty() && team != opts.team) continue;
      if (!opts.tour.empty() && d.subject != opts.tour && (tour_team.empty() || d.subject != tour_team)) continue;
      auto& c = counts[team];
      (d.severity == Severity::error ? c.errors : d.severity == Severity::warning ? c.warnings : c.infos) += 1;
      diags.push_back(std::move(d));
    }
    sort_diagnostics(diags);
    for (auto& r : rules::team_table(data)) {
      if (!opts.team.empty() && r.team->id != opts.team) continue;
      if (!opts.tour.empty() && r.team->id != tour_team) continue;
      rows.push_back(std::move(r));
    }
  }
  auto sheet = table_sheet(ctx, data, rows, counts);
  FindingsReport report{diags, ctx.global.quiet ? std::string() : table_text(ctx, sheet), Json::object(), ran};
  if (loaded.result.ok()) report.extra["teams"] = table_json(rows, counts);
  if (!sheet.rows.empty()) report.sheets.push_back(std::move(sheet));
  ctx.out += render_findings(ctx, report, ctx.global.format);
  return findings_exit_code(ctx, diags);
}

}  // namespace

std::function<int(Context&)> setup_teams(CLI::App& app) {
  auto opts = std::make_shared<TeamsOptions>();
  app.add_option("paths", opts->paths, "Data files or folders ('-' for standard input); default: .");
  auto* team = app.add_option("--team", opts->team, "Only this team (its findings and its row)");
  auto* tour = app.add_option("--tour", opts->tour, "Only this tour and its team");
  auto* suggest = app.add_option("--suggest", opts->suggest,
                                 "List who could fill each missing or broken role on TOUR, best first");
  app.add_option("--limit", opts->limit, "Candidates shown per role with --suggest (default 5)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  suggest->excludes(team)->excludes(tour);
  app.footer("Formats: text (team table and findings), concise, json, csv, github, sarif, junit,\n"
             "xlsx (team and findings sheets; needs -o FILE or a redirect); "
             "--suggest: text or json.\n"
             "Exit: 0 clean, 1 findings at or above --fail-on, 2 unreadable or invalid input.");
  return [opts](Context& ctx) { return run_teams(ctx, *opts); };
}

}  // namespace xuncha::cli
