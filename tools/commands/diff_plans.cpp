// xuncha diff: reading two plan files into one shape (diff_plans.hpp) and comparing them.
#include "commands/diff_plans.hpp"

#include "app/inputs.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

#include <xuncha/load/file_read.hpp>
#include <xuncha/load/loader.hpp>
#include <xuncha/model/policy.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace xuncha::cli {
namespace {

std::string read_text(Context& ctx, const std::string& path) {
  Message why;
  std::optional<std::string> text;
  if (path == "-")
    text = ctx.env.in_fd >= 0 ? load::read_descriptor(ctx.env.in_fd, ctx.global.max_file_bytes, why)
           : ctx.env.in       ? load::read_stream(*ctx.env.in, ctx.global.max_file_bytes, why)
                              : std::nullopt;
  else
    text = load::read_regular_file(path, ctx.global.max_file_bytes, why);
  if (!text)
    throw UsageError(fmt::format("diff：{}：{}", quote_path(path), why.zh), fmt::format("diff: {}: {}", quote_path(path), why.en));
  return *text;
}

// The batch a start date falls in, by the default policy's windows (a schedule's yaml names no batch).
std::string batch_of(const std::optional<Date>& start) {
  static const Policy policy{};
  const BatchWindow* b = start ? batch_holding(policy, *start) : nullptr;
  return b ? b->name : "";
}

UsageError not_a_plan(const std::string& path) {
  return UsageError(fmt::format("diff：{} 不是巡查计划或组队方案（应为 xuncha schedule 或 xuncha staff 以 -f yaml 或 -f json 输出的文件）",
                                quote_path(path)),
                    fmt::format("diff: {} is neither a schedule nor a team plan (expected the -f yaml or -f json output of "
                                "xuncha schedule or xuncha staff)",
                                quote_path(path)));
}

}  // namespace

PlanFile plan_from_json(const std::string& path, const std::string& text) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    throw UsageError(fmt::format("diff：{} 不是有效的 JSON", quote_path(path)), fmt::format("diff: {} is not valid JSON", quote_path(path)));
  auto str = [](const Json& o, const char* k) {
    auto it = o.find(k);
    if (it == o.end() || it->is_null()) return std::string();
    return it->is_string() ? it->get<std::string>() : it->dump();
  };
  PlanFile p;
  std::string output = str(j, "output");
  if (!j.value("feasible", false) || (output != "schedule" && output != "staff")) throw not_a_plan(path);
  try {
    if (output == "schedule") {
      p.kind = "schedule";
      for (const auto& t : j.at("tours")) {
        if (t.value("pinned", false)) continue;  // tours of the data, not of the plan
        std::string batch = str(t, "batch");
        std::string team = str(t, "team_id");
        if (team.empty()) team = str(t, "team");
        p.tours.push_back({str(t, "id"), str(t, "region"), str(t, "name"), t.value("year", 0), batch == "-" ? "" : batch,
                           team, str(t, "start")});
      }
      if (j.contains("objective") && j["objective"].contains("total")) p.objective = j["objective"]["total"].get<long long>();
    } else {
      p.kind = "teams";
      std::set<std::string> seen;
      for (const auto& g : j.at("teams")) {
        std::vector<std::pair<std::string, std::string>> people;
        for (const auto& d : g.at("deputies")) people.emplace_back("deputies", d.get<std::string>());
        if (!str(g, "liaison").empty()) people.emplace_back("liaison", str(g, "liaison"));
        for (const auto& m : g.at("members")) people.emplace_back("members", m.get<std::string>());
        for (const auto& s : g.at("tours")) {
          std::string record = str(s, "record");
          std::string start = str(s, "start");
          auto d = parse_iso_date(start);
          p.tours.push_back({str(s, "tour"), str(s, "region"), str(s, "region"), d ? year_of(*d) : 0, batch_of(d), record, start});
          if (!seen.insert(record).second) continue;
          PlanTeam team{record, str(s, "leader"), people};
          for (const auto& e : s.at("experts")) team.people.emplace_back("experts", e.get<std::string>());
          p.teams.push_back(std::move(team));
        }
      }
      if (j.contains("objective")) p.objective = j["objective"].get<long long>();
    }
  } catch (const Json::exception&) {
    throw not_a_plan(path);
  }
  return p;
}

namespace {

// The objective in the header comment xuncha schedule and staff write ("# ... objective 120, ...").
std::optional<long long> objective_comment(const std::string& text) {
  std::size_t at = 0;
  while (at < text.size() && text[at] == '#') {
    std::size_t end = text.find('\n', at);
    std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    auto k = line.find("objective ");
    if (k != std::string::npos) {
      k += 10;
      std::size_t digits = line.find_first_not_of("-0123456789", k);
      std::string n = line.substr(k, digits == std::string::npos ? std::string::npos : digits - k);
      if (!n.empty() && n.size() < 18 && n.find('-', 1) == std::string::npos && n != "-") return std::stoll(n);
    }
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return std::nullopt;
}

}  // namespace

PlanTour planned_tour(const Tour& t) {
  return {t.id, t.region, t.region, t.year, batch_of(t.start), t.team_slot > 0 ? std::to_string(t.team_slot) : t.team,
          t.start ? format_iso(*t.start) : ""};
}

std::optional<long long> plan_file_objective(Context& ctx, const std::string& path) {
  std::string text = read_text(ctx, path);
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_object() && j.contains("objective")) {
      const Json& o = j["objective"];
      if (o.is_number_integer()) return o.get<long long>();
      if (o.is_object() && o.contains("total") && o["total"].is_number_integer()) return o["total"].get<long long>();
    }
    return std::nullopt;
  }
  return objective_comment(text);
}

PlanFile read_plan_file(Context& ctx, const std::string& path, bool& failed) {
  std::string text = read_text(ctx, path);
  ctx.input_names.push_back(path);
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') return plan_from_json(path, text);
  std::optional<long long> objective = objective_comment(text);
  std::vector<load::InputFile> in{{path, std::move(text), load::InputRole::data}};
  load::LoadOptions options;
  options.max_file_bytes = ctx.global.max_file_bytes;
  auto r = load::load(std::move(in), options);
  std::vector<Diagnostic> real;  // references point into a data set, not into this file alone
  for (auto& d : r.diagnostics)
    if (d.rule != "L006" && d.severity == Severity::error) real.push_back(d);
  if (!real.empty()) {
    report_input_errors(ctx, real);
    failed = true;
    return {};
  }
  const auto& data = r.data;
  PlanFile p;
  p.objective = objective;
  if (!data.teams.empty()) {
    p.kind = "teams";
    for (const auto& t : data.teams) {
      PlanTeam team{t.id, t.of(Role::leader).empty() ? std::string() : t.of(Role::leader).front(), {}};
      for (const auto& [role, person] : t.everyone())
        if (role != Role::leader) team.people.emplace_back(std::string(role_names[static_cast<std::size_t>(role)]), person);
      p.teams.push_back(std::move(team));
    }
    for (const auto& t : data.tours)
      if (!t.team.empty())
        p.tours.push_back({t.id, t.region, t.region, t.year, batch_of(t.start), t.team, t.start ? format_iso(*t.start) : ""});
  } else if (std::any_of(data.tours.begin(), data.tours.end(), [](const Tour& t) { return t.planned; })) {
    p.kind = "schedule";
    for (const auto& t : data.tours)
      if (t.planned)
        p.tours.push_back(planned_tour(t));
  } else {
    throw not_a_plan(path);
  }
  return p;
}

namespace {

bool same_slot(const PlanTour& a, const PlanTour& b) { return a.year == b.year && a.batch == b.batch && a.team == b.team; }

std::pair<int, std::string> when(const PlanTour& t) { return {t.year, t.start}; }

// Schedules: per region, tours in the same year, batch, team and dates are unchanged; a tour in the
// same slot on other dates moved inside it; the rest pair up in date order as moves, and what is
// left over was added or dropped.
void diff_schedules(const PlanFile& a, const PlanFile& b, PlanDiff& d) {
  std::map<std::string, std::pair<std::vector<PlanTour>, std::vector<PlanTour>>> regions;
  for (const auto& t : a.tours) regions[t.region].first.push_back(t);
  for (const auto& t : b.tours) regions[t.region].second.push_back(t);
  for (auto& [region, lists] : regions) {
    auto& [olds, news] = lists;
    auto by_date = [](const PlanTour& x, const PlanTour& y) { return when(x) < when(y); };
    std::sort(olds.begin(), olds.end(), by_date);
    std::sort(news.begin(), news.end(), by_date);
    std::vector<bool> old_used(olds.size()), new_used(news.size());
    std::vector<std::pair<PlanTour, PlanTour>> redated;  // same slot, other dates: a move inside its batch
    for (bool dates : {true, false})
      for (std::size_t i = 0; i < olds.size(); ++i)
        for (std::size_t k = 0; k < news.size() && !old_used[i]; ++k)
          if (!new_used[k] && same_slot(olds[i], news[k]) && (!dates || olds[i].start == news[k].start)) {
            old_used[i] = new_used[k] = true;
            if (dates) ++d.unchanged;
            else redated.emplace_back(olds[i], news[k]);
          }
    std::vector<PlanTour> gone, came;
    for (std::size_t i = 0; i < olds.size(); ++i)
      if (!old_used[i]) gone.push_back(olds[i]);
    for (std::size_t k = 0; k < news.size(); ++k)
      if (!new_used[k]) came.push_back(news[k]);
    // A name from either file (json carries region names, yaml only ids).
    std::string name = region;
    for (const auto* list : {&news, &olds})
      for (const auto& t : *list)
        if (name == region && !t.name.empty()) name = t.name;
    for (auto& [x, y] : redated) d.tours.push_back({"moved", region, name, std::move(x), std::move(y)});
    std::size_t n = std::min(gone.size(), came.size());
    for (std::size_t i = 0; i < n; ++i) d.tours.push_back({"moved", region, name, gone[i], came[i]});
    for (std::size_t i = n; i < gone.size(); ++i) d.tours.push_back({"dropped", region, name, gone[i], std::nullopt});
    for (std::size_t i = n; i < came.size(); ++i) d.tours.push_back({"added", region, name, std::nullopt, came[i]});
  }
}

// Team plans: tours by id (their team), teams by id (leader, who joined and who left).
void diff_team_plans(const PlanFile& a, const PlanFile& b, PlanDiff& d) {
  std::map<std::string, std::pair<std::optional<PlanTour>, std::optional<PlanTour>>> tours;
  for (const auto& t : a.tours) tours[t.id].first = t;
  for (const auto& t : b.tours) tours[t.id].second = t;
  std::vector<TourChange> changes;
  for (const auto& [id, pair] : tours) {
    const auto& [x, y] = pair;
    const PlanTour& any = x ? *x : *y;
    if (x && y && x->team == y->team) ++d.unchanged;
    else changes.push_back({!x ? "added" : !y ? "dropped" : "moved", any.region, any.name, x, y});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const TourChange& p, const TourChange& q) { return p.region < q.region; });
  d.tours = std::move(changes);
  std::map<std::string, std::pair<const PlanTeam*, const PlanTeam*>> teams;
  for (const auto& t : a.teams) teams[t.id].first = &t;
  for (const auto& t : b.teams) teams[t.id].second = &t;
  for (const auto& [id, pair] : teams) {
    const auto* x = pair.first;
    const auto* y = pair.second;
    if (!x) {
      d.teams.push_back({"team_added", id, "", "", ""});
      continue;
    }
    if (!y) {
      d.teams.push_back({"team_dropped", id, "", "", ""});
      continue;
    }
    if (x->leader != y->leader) d.teams.push_back({"leader", id, "leader", x->leader, y->leader});
    std::set<std::pair<std::string, std::string>> before(x->people.begin(), x->people.end()), after(y->people.begin(), y->people.end());
    for (const auto& [role, person] : before)
      if (!after.count({role, person})) d.teams.push_back({"left", id, role, "", person});
    for (const auto& [role, person] : after)
      if (!before.count({role, person})) d.teams.push_back({"joined", id, role, "", person});
  }
}

}  // namespace

PlanDiff diff_plans(const PlanFile& before, const PlanFile& after) {
  PlanDiff d;
  d.kind = before.kind;
  d.objective_before = before.objective;
  d.objective_after = after.objective;
  if (before.kind == "schedule") diff_schedules(before, after, d);
  else diff_team_plans(before, after, d);
  return d;
}

}  // namespace xuncha::cli
