// xuncha ledger: the problem ledger (整改台账) as of --as-of: problems overdue first, summary lines,
// listed hazards, leads awaiting feedback, unanswered public reports, look-backs due.
#include "app/app.hpp"
#include "render/ics.hpp"
#include "render/province.hpp"
#include "render/yaml.hpp"
#include "render/ledger_view.hpp"

#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace xuncha::cli {

std::string ledger_state_text(const Context& ctx, const ledger::ProblemRow& r) {
  const Problem& p = *r.problem;
  auto i = static_cast<std::size_t>(p.state);
  std::string s(ctx.zh ? problem_state_zh[i] : problem_state_names[i]);
  std::replace(s.begin(), s.end(), '_', ' ');
  if (r.overdue) s += ctx.zh ? fmt::format("，逾期{}天", r.late_by) : fmt::format(", overdue {} d", r.late_by);
  else if (!ledger::is_done(p) && p.mode == FixMode::ongoing && r.stage_met) s += ctx.t("，基本完成", ", stage met");
  if (r.extended) s += ctx.t("，已延期", ", extended");
  return s;
}

std::string ledger_key_text(const Context& ctx, const LedgerView& v, const ledger::Summary& s) {
  if (s.key.empty()) return ctx.t("合计", "total");
  switch (v.by) {
    case ledger::By::region: return v.region_name(s.key);
    case ledger::By::grade: {
      for (std::size_t i = 0; i < gravity_names.size(); ++i)
        if (gravity_names[i] == s.key) return std::string(ctx.zh ? gravity_zh[i] : gravity_names[i]);
      return s.key;
    }
    default: return s.key;
  }
}

std::string hazard_grade_text(const Context& ctx, int grade) {
  return ctx.zh ? fmt::format("{}级", std::array<std::string_view, 4>{"一", "二", "三", "四"}[static_cast<std::size_t>(
                                          std::clamp(grade, 1, 4) - 1)])
                : fmt::format("grade {}", grade);
}
namespace {
// A coded value in the run's language: its Chinese word, or its key with spaces for underscores.
template <std::size_t N>
std::string coded_text(const Context& ctx, const std::array<std::string_view, N>& names,
                       const std::array<std::string_view, N>& zh, std::size_t i) {
  std::string s(ctx.zh ? zh[i] : names[i]);
  if (!ctx.zh) std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}
}  // namespace

std::string lead_nature_text(const Context& ctx, LeadNature n) {
  return coded_text(ctx, lead_nature_names, lead_nature_zh, static_cast<std::size_t>(n));
}
std::string recipient_text(const Context& ctx, std::optional<Recipient> r) {
  return r ? coded_text(ctx, recipient_names, recipient_zh, static_cast<std::size_t>(*r)) : "-";
}
std::string listing_level_text(const Context& ctx, std::optional<ListingLevel> l) {
  return l ? coded_text(ctx, listing_level_names, listing_level_zh, static_cast<std::size_t>(*l)) : "-";
}

namespace {

struct LedgerOptions {
  std::vector<std::string> paths;
  std::string region, tour, state = "all", by = "region";
  bool fail_if_overdue = false;
  bool propose_lookbacks = false;
};

std::string opt(const std::optional<Date>& d) { return d ? format_iso(*d) : "-"; }
std::string rate(int permille) { return fmt::format("{}.{}%", permille / 10, permille % 10); }
std::string mode_text(const Context& ctx, const Problem& p) {
  if (!p.mode) return "-";
  auto i = static_cast<std::size_t>(*p.mode);
  return std::string(ctx.zh ? fix_mode_zh[i] : fix_mode_names[i]);
}
std::string gravity_text(const Context& ctx, Gravity g) {
  auto i = static_cast<std::size_t>(g);
  return std::string(ctx.zh ? gravity_zh[i] : gravity_names[i]);
}

LedgerView select(const Context& ctx, const Dataset& data, const Calendar& cal, const LedgerOptions& o) {
  LedgerView v{data, ledger::By::region, data.region(o.region), data.tour(o.tour), {}, {}, {}, {}, {}, {}, {}, {}, {}};
  static const std::vector<std::string> bys{"region", "tour", "unit", "grade"};
  v.by = static_cast<ledger::By>(std::find(bys.begin(), bys.end(), o.by) - bys.begin());
  auto in_scope = [&](const std::string& region, const std::string& tour) {
    return (o.region.empty() || region == o.region) && (o.tour.empty() || tour == o.tour);
  };
  std::vector<ledger::ProblemRow> scope;
  for (auto& r : ledger::assess_all(data, cal, ctx.as_of))
    if (in_scope(r.problem->region, r.problem->tour)) scope.push_back(r);
  for (const auto& r : scope) {
    bool closed = r.problem->state == ProblemState::closed;
    if (o.state == "all" || (o.state == "open" && !closed) || (o.state == "closed" && closed) ||
        (o.state == "overdue" && r.overdue))
      v.rows.push_back(r);
  }
  v.summary = ledger::summarise(scope, v.by);
  for (const auto& h : data.ledger.hazards) {
    if (h.delisted || !in_scope(h.region, h.tour)) continue;
    if (h.is_listed()) {
      v.hazards.push_back(&h);
      continue;
    }
    auto due = ledger::hazard_listing_due(h, data, cal);
    v.unlisted.push_back({&h, due, due && *due < ctx.as_of});
  }
  std::sort(v.hazards.begin(), v.hazards.end(), [](const Hazard* a, const Hazard* b) {
    auto da = a->deadline_in_force(), db = b->deadline_in_force();
    if (da != db) return da && (!db || *da < *db);
    return a->id < b->id;
  });
  for (const auto& l : data.ledger.leads) {
    if (l.transferred || !in_scope(l.region, l.tour)) continue;
    auto due = ledger::lead_transfer_due(l, data, cal);
    v.to_transfer.push_back({&l, due, due && *due < ctx.as_of});
  }
  for (const auto& l : data.ledger.leads) {
    if (!l.transferred || l.feedback || !in_scope(l.region, l.tour)) continue;
    auto due = ledger::lead_feedback_due(l, data.policy, cal);
    v.leads.push_back({&l, due, due && *due < ctx.as_of});
  }
  std::sort(v.leads.begin(), v.leads.end(), [](const LedgerLead& a, const LedgerLead& b) {
    if (a.due != b.due) return a.due && (!b.due || *a.due < *b.due);
    return a.lead->id < b.lead->id;
  });
  for (const auto& r : data.ledger.reports) {
    if ((r.answered && r.announced) || !in_scope(r.region, r.tour)) continue;
    LedgerReport lr{&r, ledger::report_verify_due(r, data.policy, cal), ledger::report_answer_due(r, data.policy, cal), false};
    lr.late = (!r.verified && lr.verify_due < ctx.as_of) || (lr.answer_due && *lr.answer_due < ctx.as_of);
    v.reports.push_back(lr);
  }
  std::sort(v.reports.begin(), v.reports.end(),
            [](const LedgerReport& a, const LedgerReport& b) { return std::tie(a.verify_due, a.report->id) < std::tie(b.verify_due, b.report->id); });
  for (auto& d : ledger::lookbacks_due(data, cal, ctx.as_of))
    if (!d.recorded && in_scope(d.tour->region, d.tour->id)) v.lookbacks.push_back(d);
  v.repeats = ledger::repeats(data);
  return v;
}

std::string by_title(const Context& ctx, ledger::By by) {
  switch (by) {
    case ledger::By::region: return ctx.t("按地区汇总", "By region");
    case ledger::By::tour: return ctx.t("按巡查汇总", "By tour");
    case ledger::By::unit: return ctx.t("按责任单位汇总", "By responsible unit");
    case ledger::By::grade: return ctx.t("按问题等级汇总", "By gravity");
  }
  return "";
}

std::string summary_table(const Context& ctx, const LedgerView& v) {
  text::Table t({by_title(ctx, v.by), ctx.t("问题", "problems"), ctx.t("已完成", "done"), ctx.t("基本完成", "stage met"),
                 ctx.t("已销号", "closed"), ctx.t("逾期", "overdue"), ctx.t("销号率", "closure rate")},
                {false, true, true, true, true, true, true});
  for (const auto& s : v.summary)
    t.add({ledger_key_text(ctx, v, s), std::to_string(s.problems), std::to_string(s.done), std::to_string(s.basically_done),
           std::to_string(s.closed), std::to_string(s.overdue), rate(s.closure_permille())});
  return t.render(ctx.width);
}

std::string render_text(const Context& ctx, const LedgerView& v) {
  const auto& data = v.data;
  std::string out = ctx.zh ? fmt::format("{}安全生产巡查反馈问题整改台账（截至 {}）\n", data.policy.province, format_iso(ctx.as_of))
                           : fmt::format("Rectification ledger{} (as of {})\n", province_suffix(", ", data.policy.province), format_iso(ctx.as_of));
  if (v.rows.empty()) {
    out += ctx.t("没有符合条件的问题\n", "no problems match\n");
  } else {
    text::Table t({ctx.t("序号", "#"), ctx.t("问题", "problem"), ctx.t("巡查", "tour"), ctx.t("地区", "region"),
                   ctx.t("等级", "gravity"), ctx.t("整改方式", "mode"), ctx.t("责任单位", "unit"), ctx.t("责任人", "person"),
                   ctx.t("整改时限", "due"), ctx.t("整改情况", "state")},
                  {true, false, false, false, false, false, false, false, false, false});
    std::size_t n = 0;
    for (const auto& r : v.rows) {
      const Problem& p = *r.problem;
      std::string state = ledger_state_text(ctx, r);
      if (v.repeat_of(p)) state += ctx.t("，屡查屡犯", ", repeat");
      if (ctx.color && r.overdue) state = paint(state, "1;31", true);
      t.add({std::to_string(++n), p.id, p.tour, v.region_name(p.region), gravity_text(ctx, p.gravity), mode_text(ctx, p),
             p.unit.empty() ? "-" : p.unit, p.person.empty() ? "-" : p.person, opt(r.due), state});
    }
    out += t.render(ctx.width);
  }
  out += "\n" + summary_table(ctx, v);
  if (!v.hazards.empty()) {
    out += ctx.t("\n挂牌督办隐患\n", "\nListed hazards\n");
    text::Table t({ctx.t("编号", "id"), ctx.t("地区", "region"), ctx.t("隐患", "hazard"), ctx.t("等级", "grade"),
                   ctx.t("挂牌级别", "level"), ctx.t("整改期限", "deadline"), ctx.t("状态", "status")});
    for (const auto* h : v.hazards) {
      auto dl = h->deadline_in_force();
      bool late = dl && *dl < ctx.as_of;
      t.add({h->id, v.region_name(h->region), h->name, ctx.zh ? fmt::format("{}级", h->grade) : fmt::format("grade {}", h->grade),
             listing_level_text(ctx, h->level), opt(dl), late ? ctx.t("逾期", "overdue") : ctx.t("整改中", "in progress")});
    }
    out += t.render(ctx.width);
  }
  if (!v.unlisted.empty()) {
    out += ctx.t("\n重大隐患待挂牌督办\n", "\nMajor hazards not listed yet\n");
    text::Table t({ctx.t("编号", "id"), ctx.t("地区", "region"), ctx.t("隐患", "hazard"), ctx.t("等级", "grade"),
                   ctx.t("应挂牌级别", "to be listed at"), ctx.t("挂牌期限", "list by"), ctx.t("状态", "status")});
    for (const auto& u : v.unlisted) {
      const Hazard& h = *u.hazard;
      t.add({h.id, v.region_name(h.region), h.name, ctx.zh ? fmt::format("{}级", h.grade) : fmt::format("grade {}", h.grade),
             listing_level_text(ctx, data.policy.ledger.level_for(h.grade)),
             opt(u.due), u.late ? ctx.t("逾期未挂牌", "overdue") : ctx.t("待挂牌", "to be listed")});
    }
    out += t.render(ctx.width);
  }
  if (!v.to_transfer.empty()) {
    out += ctx.t("\n问题线索待移交\n", "\nLeads not transferred yet\n");
    text::Table t({ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("性质", "nature"), ctx.t("应移交", "goes to"),
                   ctx.t("移交期限", "transfer by"), ctx.t("状态", "status")});
    for (const auto& l : v.to_transfer)
      t.add({l.lead->id, l.lead->tour, lead_nature_text(ctx, l.lead->nature),
             recipient_text(ctx, data.policy.ledger.recipient_for(l.lead->nature)), opt(l.due),
             l.late ? ctx.t("逾期未移交", "overdue") : ctx.t("待移交", "to transfer")});
    out += t.render(ctx.width);
  }
  if (!v.leads.empty()) {
    out += ctx.t("\n问题线索待反馈\n", "\nLeads awaiting feedback\n");
    text::Table t({ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("性质", "nature"), ctx.t("移交对象", "recipient"),
                   ctx.t("移交日期", "transferred"), ctx.t("反馈期限", "feedback due"), ctx.t("状态", "status")});
    for (const auto& l : v.leads) {
      t.add({l.lead->id, l.lead->tour, lead_nature_text(ctx, l.lead->nature), recipient_text(ctx, l.lead->recipient),
             opt(l.lead->transferred), opt(l.due), l.late ? ctx.t("逾期", "overdue") : ctx.t("等待反馈", "waiting")});
    }
    out += t.render(ctx.width);
  }
  if (!v.reports.empty()) {
    out += ctx.t("\n群众举报未办结\n", "\nPublic reports not answered\n");
    text::Table t({ctx.t("编号", "id"), ctx.t("巡查", "tour"), ctx.t("收到", "received"), ctx.t("核查期限", "verify by"),
                   ctx.t("核查", "verified"), ctx.t("答复期限", "answer by"), ctx.t("状态", "status")});
    for (const auto& r : v.reports)
      t.add({r.report->id, r.report->tour, format_iso(r.report->received), format_iso(r.verify_due), opt(r.report->verified),
             opt(r.answer_due), r.late ? ctx.t("逾期", "overdue") : ctx.t("办理中", "open")});
    out += t.render(ctx.width);
  }
  if (!v.lookbacks.empty()) {
    out += ctx.t("\n应开展回头看的地区\n", "\nRegions due for a look-back\n");
    text::Table t({ctx.t("地区", "region"), ctx.t("巡查", "tour"), ctx.t("原因", "reason"), ctx.t("最早", "from"),
                   ctx.t("最迟", "by")});
    for (const auto& d : v.lookbacks)
      t.add({v.region_name(d.tour->region), d.tour->id, ctx.t(d.reason), format_iso(d.from), format_iso(d.to)});
    out += t.render(ctx.width);
  }
  const auto& total = v.summary.back();
  out += ctx.zh ? fmt::format("\n共 {} 个问题，已完成 {} 个，已销号 {} 个，逾期 {} 个，销号率 {}\n", total.problems, total.done,
                              total.closed, total.overdue, rate(total.closure_permille()))
                : fmt::format("\n{}, {} done, {} closed, {} overdue, closure rate {}\n", count_of(static_cast<std::size_t>(total.problems), "problem"),
                              total.done, total.closed, total.overdue, rate(total.closure_permille()));
  return out;
}

Json json_date(const std::optional<Date>& d) { return d ? Json(format_iso(*d)) : Json(nullptr); }
Json json_text(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string render_json(const Context& ctx, const LedgerView& v) {
  Json j = json_envelope(ctx, "ledger");
  Json problems = Json::array();
  for (const auto& r : v.rows) {
    const Problem& p = *r.problem;
    problems.push_back(
        {{"id", p.id}, {"tour", p.tour}, {"region", p.region}, {"found", format_iso(p.found)},
         {"gravity", gravity_names[static_cast<std::size_t>(p.gravity)]},
         {"mode", p.mode ? Json(fix_mode_names[static_cast<std::size_t>(*p.mode)]) : Json(nullptr)},
         {"description", p.description}, {"measures", p.measures}, {"unit", p.unit}, {"person", p.person},
         {"leader", p.leader}, {"due", json_date(r.due)}, {"extended", r.extended},
         {"state", problem_state_names[static_cast<std::size_t>(p.state)]}, {"overdue", r.overdue},
         {"late_by", r.late_by}, {"stage_met", r.stage_met}, {"completed", json_date(p.completed)},
         {"verified", json_date(p.verified)}, {"closed", json_date(p.closed)}, {"hazard", json_text(p.hazard)},
         {"category", json_text(p.category)}, {"county", json_text(p.county)}, {"from_report", json_text(p.from_report)},
         {"repeat_of", v.repeat_of(p) ? Json{{"problem", v.repeat_of(p)->id}, {"tour", v.repeat_of(p)->tour}} : Json(nullptr)}});
  }
  j["problems"] = std::move(problems);
  static constexpr std::string_view bys[] = {"region", "tour", "unit", "grade"};
  j["by"] = bys[static_cast<std::size_t>(v.by)];
  Json summary = Json::array();
  for (const auto& s : v.summary)
    summary.push_back({{"key", json_text(s.key)}, {"problems", s.problems}, {"done", s.done},
                       {"stage_met", s.basically_done}, {"closed", s.closed}, {"overdue", s.overdue},
                       // A fraction with three decimals, as the ledger's permille counts it.
                       {"closure_rate", static_cast<double>(s.closure_permille()) / 1000.0}});
  j["summary"] = std::move(summary);
  Json hazards = Json::array();
  for (const Hazard* h : v.hazards)
    hazards.push_back({{"id", h->id}, {"region", h->region}, {"name", h->name}, {"grade", h->grade},
                       {"level", h->level ? Json(listing_level_names[static_cast<std::size_t>(*h->level)]) : Json(nullptr)},
                       {"deadline", json_date(h->deadline_in_force())}});
  j["hazards"] = std::move(hazards);
  Json unlisted = Json::array();
  for (const auto& u : v.unlisted)
    unlisted.push_back({{"id", u.hazard->id}, {"region", u.hazard->region}, {"name", u.hazard->name},
                        {"grade", u.hazard->grade}, {"found", json_date(u.hazard->found)}, {"listing_due", json_date(u.due)},
                        {"late", u.late}});
  j["hazards_not_listed"] = std::move(unlisted);
  Json to_transfer = Json::array();
  for (const auto& l : v.to_transfer)
    to_transfer.push_back({{"id", l.lead->id}, {"tour", l.lead->tour},
                           {"nature", lead_nature_names[static_cast<std::size_t>(l.lead->nature)]},
                           {"transfer_due", json_date(l.due)}, {"late", l.late}});
  j["leads_not_transferred"] = std::move(to_transfer);
  Json leads = Json::array();
  for (const auto& l : v.leads)
    leads.push_back({{"id", l.lead->id}, {"tour", l.lead->tour},
                     {"nature", lead_nature_names[static_cast<std::size_t>(l.lead->nature)]},
                     {"recipient", l.lead->recipient ? Json(recipient_names[static_cast<std::size_t>(*l.lead->recipient)])
                                                     : Json(nullptr)},
                     {"transferred", json_date(l.lead->transferred)}, {"feedback_due", json_date(l.due)},
                     {"late", l.late}});
  j["leads_awaiting_feedback"] = std::move(leads);
  Json reports = Json::array();
  for (const auto& r : v.reports)
    reports.push_back({{"id", r.report->id}, {"tour", r.report->tour}, {"received", format_iso(r.report->received)},
                       {"verify_due", format_iso(r.verify_due)}, {"verified", json_date(r.report->verified)},
                       {"answer_due", json_date(r.answer_due)}, {"late", r.late}});
  j["public_reports_open"] = std::move(reports);
  Json lookbacks = Json::array();
  for (const auto& d : v.lookbacks)
    lookbacks.push_back({{"region", d.tour->region}, {"tour", d.tour->id}, {"reason", d.reason.en},
                         {"from", format_iso(d.from)}, {"to", format_iso(d.to)}});
  j["lookbacks_due"] = std::move(lookbacks);
  return json_dump(j);
}

// CSV: English header and keys for coded values whatever the language (as every CSV of xuncha);
// the region's name beside its id. Columns added later go at the end, so scripts that read by
// position keep working.
std::string render_csv(const Context& ctx, const LedgerView& v) {
  std::string out = ctx.global.bom ? "\xEF\xBB\xBF" : "";
  out += "no,id,tour,region,name,found,gravity,problem,measures,unit,person,leader,mode,due,state,extended,"
         "overdue_days,completed,verified,closed,year,county,category,repeat_of,from_report,proof\r\n";
  std::size_t n = 0;
  auto joined = [](const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
    return s;
  };
  for (const auto& r : v.rows) {
    const Problem& p = *r.problem;
    const Problem* earlier = v.repeat_of(p);
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}", ++n, csv_cell(p.id),
                       csv_cell(p.tour), csv_cell(p.region), csv_cell(v.region_name(p.region)), format_iso(p.found),
                       gravity_names[static_cast<std::size_t>(p.gravity)], csv_cell(p.description),
                       csv_cell(p.measures), csv_cell(p.unit), csv_cell(p.person), csv_cell(p.leader),
                       p.mode ? fix_mode_names[static_cast<std::size_t>(*p.mode)] : std::string_view(),
                       r.due ? format_iso(*r.due) : "", problem_state_names[static_cast<std::size_t>(p.state)],
                       r.extended ? "true" : "false", r.overdue ? std::to_string(r.late_by) : "",
                       p.completed ? format_iso(*p.completed) : "", p.verified ? format_iso(*p.verified) : "",
                       p.closed ? format_iso(*p.closed) : "");
    out += fmt::format(",{},{},{},{},{},{}\r\n", r.tour && r.tour->year ? r.tour->year : year_of(p.found), csv_cell(p.county),
                       csv_cell(p.category), earlier ? csv_cell(earlier->id) : "", csv_cell(p.from_report), csv_cell(joined(p.proof)));
  }
  return out;
}

// To-dos for item deadlines, UIDs stable across runs (the record id and what is due), in the
// province's UID domain with the revision fields of every xuncha calendar (render/ics.hpp).
std::string render_ics(const Context& ctx, const LedgerView& v) {
  std::string out;
  out += ics::line("BEGIN:VCALENDAR");
  out += ics::line("VERSION:2.0");
  out += ics::line("PRODID:-//xuncha//ledger " XUNCHA_VERSION "//EN");
  out += ics::line("CALSCALE:GREGORIAN");
  auto vtodo = [&](const std::string& uid, Date due, const std::string& summary, std::optional<Date> done) {
    out += ics_deadline(ctx, v.data, uid, due, done, summary, false);
  };
  for (const auto& r : v.rows)
    if (r.due)
      vtodo("problem-" + r.problem->id, *r.due,
           ctx.zh ? fmt::format("整改 {} {}", r.problem->id, r.problem->description)
                  : fmt::format("Rectify {} {}", r.problem->id, r.problem->description),
           r.problem->completed);
  for (const auto* h : v.hazards)
    if (auto dl = h->deadline_in_force())
      vtodo("hazard-" + h->id, *dl, ctx.zh ? fmt::format("挂牌隐患 {} {} 整改期限", h->id, h->name)
                                          : fmt::format("Listed hazard {} {} deadline", h->id, h->name), std::nullopt);
  for (const auto& l : v.leads)
    if (l.due)
      vtodo("lead-" + l.lead->id, *l.due, ctx.zh ? fmt::format("问题线索 {} 办理反馈", l.lead->id)
                                                : fmt::format("Lead {} feedback", l.lead->id), std::nullopt);
  for (const auto& r : v.reports)
    vtodo("report-" + r.report->id, r.report->verified && r.answer_due ? *r.answer_due : r.verify_due,
         ctx.zh ? fmt::format("群众举报 {} {}", r.report->id, r.report->verified ? "答复" : "核查")
                : fmt::format("Public report {} {}", r.report->id, r.report->verified ? "answer" : "verification"),
         std::nullopt);
  out += ics::line("END:VCALENDAR");
  return out;
}

// A `kind: tours` document of proposed look-backs (irregular tours) that `xuncha schedule` keeps
// as pinned work; reason and window as comments.
std::string render_proposals(const Context& ctx, const Dataset& data, const std::vector<ledger::Proposal>& ps) {
  std::string out = ctx.zh ? fmt::format("# 拟开展的“回头看”（截至 {}）：不定期巡查建议，日期供审定；可直接作为 xuncha schedule 的输入（固定安排）。\n",
                                         format_iso(ctx.as_of))
                           : fmt::format("# Proposed look-backs (as of {}): irregular tours to review; xuncha schedule keeps them as pinned work.\n",
                                         format_iso(ctx.as_of));
  out += "# xuncha ledger --propose-lookbacks\nkind: tours\nversion: 1\ntours:";
  if (ps.empty()) return out + " []\n";
  out += "\n";
  for (const auto& p : ps) {
    const Tour& t = *p.due.tour;
    const Region* r = data.region(t.region);
    std::string why = ctx.zh ? fmt::format("{}（{}）：{}；应于 {} 至 {} 之间开展{}", r ? r->name : t.region, t.id, p.due.reason.zh,
                                           format_iso(p.due.from), format_iso(p.due.to), p.late ? "（已超期，尽快安排）" : "")
                             : fmt::format("{} ({}): {}; due between {} and {}{}", r ? r->name : t.region, t.id, p.due.reason.en,
                                           format_iso(p.due.from), format_iso(p.due.to), p.late ? " (late: as soon as possible)" : "");
    out += "  # " + yaml_comment(why) + "\n";
    out += fmt::format("  - {{id: {}, region: {}, kind: irregular, start: {}, end: {}}}\n", yaml_string("LB-" + t.id),
                       yaml_string(t.region), format_iso(p.start), format_iso(p.end));
  }
  return out;
}

}  // namespace

/// The ledger's own formats, then the findings formats it lacks (its rules' findings).
const std::vector<std::string>& ledger_formats() {
  static const std::vector<std::string> formats = [] {
    std::vector<std::string> out{"text", "json", "csv", "ics", "html", "xlsx", "yaml"};
    for (const auto& ff : findings_formats)
      if (std::find(out.begin(), out.end(), ff) == out.end()) out.push_back(ff);
    return out;
  }();
  return formats;
}

namespace {

int run_ledger(Context& ctx, const LedgerOptions& o) {
  const auto& f = ctx.global.format;
  require_format(ctx, "ledger", ledger_formats());
  // The printable ledger goes to Chinese offices: Chinese unless --lang en.
  if (f == "html" && ctx.global.lang.empty()) ctx.zh = true;
  auto loaded = load_inputs(ctx, o.paths.empty() ? std::vector<std::string>{"."} : o.paths);
  if (o.propose_lookbacks && f != "text" && f != "yaml")
    throw UsageError("--propose-lookbacks 输出 kind: tours 的 YAML 文档：请用 -f yaml（或不写 -f）",
                     "--propose-lookbacks writes a kind: tours YAML document: use -f yaml (or no -f)");
  if (!o.propose_lookbacks && f == "yaml") throw UsageError("ledger：-f yaml 只用于 --propose-lookbacks", "ledger: -f yaml is the format of --propose-lookbacks");
  bool findings = std::find(findings_formats.begin(), findings_formats.end(), f) != findings_formats.end() &&
                  f != "text" && f != "json" && f != "csv" && f != "xlsx";
  if (!loaded.result.ok()) {
    if (findings) {
      ctx.out += render_findings(ctx, FindingsReport{loaded.result.diagnostics, {}, Json::object(), {}}, f);
      return 2;
    }
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Dataset& data = loaded.result.data;
  if (!o.region.empty() && !data.region(o.region)) throw UsageError(unknown_id_message("--region", "region", o.region, ids_of(data.regions)));
  if (!o.tour.empty() && !data.tour(o.tour)) throw UsageError(unknown_id_message("--tour", "tour", o.tour, ids_of(data.tours)));
  if (findings) {
    // The ledger's rules only, as `check --select R` would report them.
    rules::CheckContext cc{data, loaded.calendar, ctx.as_of, ctx.global.allow_uncovered};
    static constexpr std::string_view only[] = {"ledger", "ledger-records"};
    auto sel = selection(ctx);
    auto diags = rules::run_checks(cc, sel, only);
    ctx.out += render_findings(ctx, FindingsReport{diags, {}, Json::object(), rules_run(data.policy, sel, only)}, f);
    return findings_exit_code(ctx, diags);
  }
  if (o.propose_lookbacks) {
    auto ps = ledger::propose_lookbacks(data, loaded.calendar, ctx.as_of);
    std::vector<ledger::Proposal> shown;
    for (auto& p : ps)
      if ((o.region.empty() || p.due.tour->region == o.region) && (o.tour.empty() || p.due.tour->id == o.tour))
        shown.push_back(std::move(p));
    ctx.out += render_proposals(ctx, data, shown);
    return 0;
  }
  auto view = select(ctx, data, loaded.calendar, o);
  if (f == "json") ctx.out += render_json(ctx, view);
  else if (f == "csv") ctx.out += render_csv(ctx, view);
  else if (f == "ics") ctx.out += render_ics(ctx, view);
  else if (f == "html") ctx.out += render_ledger_html(ctx, view);
  else if (f == "xlsx") ctx.out += render_ledger_xlsx(ctx, view);
  else ctx.out += render_text(ctx, view);
  if (o.fail_if_overdue)
    for (const auto& r : view.rows)
      if (r.overdue) return 1;
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_ledger(CLI::App& app) {
  auto o = std::make_shared<LedgerOptions>();
  app.add_option("paths", o->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--region", o->region, "Only this region's records");
  app.add_option("--tour", o->tour, "Only this tour's records");
  app.add_option("--state", o->state, "Problems shown: open, overdue, closed or all (default: all)")
      ->check(CLI::IsMember({"open", "overdue", "closed", "all"}));
  app.add_option("--by", o->by, "Summary lines per region, tour, unit or grade (default: region)")
      ->check(CLI::IsMember({"region", "tour", "unit", "grade"}));
  app.add_flag("--fail-if-overdue", o->fail_if_overdue, "Exit 1 when an overdue problem is shown");
  app.add_flag("--propose-lookbacks", o->propose_lookbacks,
               "Write the look-backs due as a kind: tours document of irregular tours (xuncha schedule input)");
  app.footer("Formats: text (the ledger table, summaries, hazards, leads, reports, look-backs), json, csv, ics,\n"
             "html (the printable ledger, A4 landscape), xlsx (a workbook: summary sheet, one sheet per group);\n"
             "concise, github, sarif and junit give the ledger rules' findings.");
  return [o](Context& ctx) { return run_ledger(ctx, *o); };
}

}  // namespace xuncha::cli
