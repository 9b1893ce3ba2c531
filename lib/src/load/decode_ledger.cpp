// The problem ledger's kinds (LEDGER.md): problems, hazards, leads, public_reports, lookbacks.
// Field tables as for every kind (so `xuncha schema` covers them); the policy's `ledger:` map is
// read in decode_policy.cpp.
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

using Record = Decoder::Record;

// ---- field tables ----

template <std::size_t N>
std::vector<Alias> aliases_of(const std::array<std::string_view, N>& zh) {
  std::vector<Alias> out;
  for (std::size_t i = 0; i < N; ++i) out.push_back({zh[i], i});
  return out;
}

template <std::size_t N>
FieldSpec pick(std::string_view key, const std::array<std::string_view, N>& names,
               const std::array<std::string_view, N>& zh, bool required, bool list, About about) {
  return {.key = key,
          .type = FieldType::choice,
          .required = required,
          .list = list,
          .choices = {names.begin(), names.end()},
          .aliases = aliases_of(zh),
          .about = about};
}
template <std::size_t N>
FieldSpec pick(std::string_view key, const std::array<std::string_view, N>& names,
               const std::array<std::string_view, N>& zh, bool required, About about) {
  return pick(key, names, zh, required, false, about);
}
FieldSpec text(std::string_view key, bool required, About about) {
  return {.key = key, .type = FieldType::text, .required = required, .about = about};
}
FieldSpec date(std::string_view key, bool required, About about) {
  return {.key = key, .type = FieldType::date, .required = required, .about = about};
}
FieldSpec records(std::string_view key, const RecordSpec& item, About about) {
  return {.key = key, .type = FieldType::record, .list = true, .record = &item, .about = about};
}
FieldSpec ids(std::string_view key, About about) { return {.key = key, .type = FieldType::ids, .about = about}; }

constexpr std::array<std::string_view, 4> grade_names{"1", "2", "3", "4"};
constexpr std::array<std::string_view, 4> grade_zh{"一级", "二级", "三级", "四级"};

// The region of a ledger record (the tour's when left out).
const About region_of_tour{"地区编号（省略时取巡查的地区）", "region id (default: the tour's)"};

const RecordSpec& extension_spec() {
  static const RecordSpec s{{date("requested", false, {"申请延期的日期", "date the extension was requested"}),
                             date("approved", false, {"批准延期的日期", "date the extension was approved"}),
                             date("until", true, {"延期后的新期限", "the new time limit"}),
                             text("approval", false, {"批准机关或文件", "who approved it, or the document"})},
                            {"一次经批准的延期", "an approved extension of the time limit"}};
  return s;
}
const RecordSpec& stage_spec() {
  static const RecordSpec s{{date("due", true, {"阶段目标的期限", "when the stage is due"}),
                             text("target", false, {"阶段目标", "the stage's target"}),
                             date("met", false, {"达成日期", "date the target was met"})},
                            {"长期坚持事项的一个阶段目标", "a stage target of an ongoing item"}};
  return s;
}
// Problem states: the codes, their Chinese names, and what offices also write.
FieldSpec state_field(bool required, About about) {
  FieldSpec f = pick("state", problem_state_names, problem_state_zh, required, about);
  f.aliases.push_back({"未完成", static_cast<std::size_t>(ProblemState::in_progress)});
  f.aliases.push_back({"unfinished", static_cast<std::size_t>(ProblemState::in_progress)});
  return f;
}
const RecordSpec& history_spec() {
  static const RecordSpec s{{state_field(true, {"变更后的状态", "the state it changed to"}),
                             date("date", true, {"变更日期", "date of the change"})},
                            {"一次状态变更", "a change of state"}};
  return s;
}
const RecordSpec& verification_spec() {
  static const RecordSpec s{{date("date", true, {"核查验收日期", "date of the verification"}),
                             text("by", false, {"核查验收单位（须在 ledger.verifiers 中，且不是责任单位）",
                                                "who verified (one of ledger.verifiers, never the responsible unit)"}),
                             pick("result", verify_result_names, verify_result_zh, true,
                                  {"结果：passed 通过、failed 未通过", "result: passed 通过, failed 未通过"})},
                            {"一次核查验收", "one verification of the fix"}};
  return s;
}
FieldSpec county_field() {
  return text("county", false, {"县（市、区）名称，须属于该地区（地区的 county_names）",
                                "the county (区、县、市) inside the region, one of the region's county_names"});
}
const RecordSpec& problem_spec() {
  static const RecordSpec s{{
      text("id", true, {"问题编号", "problem id"}), text("tour", true, {"发现问题的巡查编号", "id of the tour that found it"}),
      text("region", false, region_of_tour),
      date("found", true, {"发现日期（巡查组进驻期间）", "date found (while the team was on site)"}),
      text("source", false, {"问题来源（如 现场检查）", "where it came from (e.g. 现场检查)"}),
      text("category", false, {"问题类别（如 危险化学品）；同一地区、类别、责任单位在后续巡查再次出现即为屡查屡犯",
                               "category (e.g. 危险化学品); the same region, category and unit at a later tour is a repeat (屡查屡犯)"}),
      pick("gravity", gravity_names, gravity_zh, false,
           {"严重程度：ordinary 一般、important 重要、major 重大", "gravity: ordinary 一般, important 重要, major 重大"}),
      text("description", true, {"问题描述", "what the problem is"}),
      county_field(),
      ids("evidence", {"现场留存的证据材料（IV.2.3）", "evidence kept on site (IV.2.3)"}),
      ids("proof", {"整改佐证材料，销号所需（V.2）", "proof of rectification, which closure needs (V.2)"}),
      {.key = "on_site", .type = FieldType::boolean, .about = {"是否当场指出", "pointed out on the spot"}},
      date("reported_to_committee", false,
           {"报告安委会的日期（重要、重大问题：ledger.report_to_committee_workdays 个工作日内）", "date reported to the committee (important and major problems: within ledger.report_to_committee_workdays working days)"}),
      pick("mode", fix_mode_names, fix_mode_zh, false,
           {"整改方式：at_once 立行立改、by_date 限期整改、ongoing 长期坚持", "how it is fixed: at_once 立行立改, by_date 限期整改, ongoing 长期坚持"}),
      records("stages", stage_spec(), {"长期坚持事项的阶段目标", "stage targets of an ongoing item"}),
      text("unit", false, {"责任单位", "responsible unit"}), text("person", false, {"责任人", "responsible person"}),
      text("leader", false, {"责任领导", "responsible leader"}), text("measures", false, {"整改措施", "measures taken"}),
      date("due", false, {"整改时限（长期坚持事项不填）", "time limit for the fix (not for ongoing items)"}),
      records("extensions", extension_spec(), {"经批准的延期", "approved extensions"}),
      state_field(false, {"状态：not_started 未整改、in_progress 整改中（未完成）、basically_done 基本完成、done 已完成、closed 已销号",
                          "state: not_started 未整改, in_progress 整改中 (未完成, unfinished), basically_done 基本完成, done 已完成, closed 已销号"}),
      records("history", history_spec(), {"状态变更记录", "changes of state"}),
      date("completed", false, {"整改完成日期", "date the fix was completed"}),
      date("verified", false, {"验收日期", "date the fix was verified"}),
      text("verified_by", false, {"验收单位", "who verified it"}),
      records("verifications", verification_spec(), {"核查验收记录（含未通过的）", "verifications, failed ones included"}),
      date("closed", false, {"销号日期", "date it was closed"}),
      text("hazard", false, {"由此挂牌的隐患编号", "id of the hazard listing it led to"}),
      ids("leads", {"由此移交（或本身即是）的线索编号", "ids of the leads it gave (or that it is)"}),
      text("from_report", false, {"问题来源的群众举报编号", "id of the public report it came from"}),
      text("relapse_of", false, {"反弹：对应的已销号问题编号", "a relapse: id of the closed problem it repeats"}),
  }, {"巡查发现的一个问题，跟踪至销号", "a problem found by a tour, to closure"}};
  return s;
}
const RecordSpec& notice_spec() {
  static const RecordSpec s{{text("number", false, {"通知文号", "the notice's number"}),
                             date("date", false, {"通知日期", "the notice's date"})},
                            {"挂牌督办通知", "the listing notice"}};
  return s;
}
const RecordSpec& hazard_spec() {
  static const RecordSpec s{{
      text("id", true, {"隐患编号", "hazard id"}), text("region", true, {"地区编号", "region id"}),
      county_field(),
      text("tour", false, {"发现隐患的巡查编号", "id of the tour that found it"}),
      text("name", true, {"隐患名称", "the hazard's name"}),
      pick("grade", grade_names, grade_zh, true, {"隐患等级：1–4 或 一级–四级", "grade: 1-4 or 一级-四级"}),
      date("found", false, {"发现日期", "date found"}),
      date("listed", false, {"挂牌督办日期（未挂牌的隐患不填挂牌各项）", "date it was listed (a hazard not yet listed leaves the listing fields out)"}),
      pick("level", listing_level_names, listing_level_zh, false,
           {"挂牌级别：county 县级、city 市级、province 省级", "listing level: county 县级, city 市级, province 省级"}),
      text("listed_by", false, {"挂牌机关", "who listed it"}), text("supervisor", false, {"督办单位", "who supervises it"}),
      text("unit", false, {"责任单位", "responsible unit"}),
      {.key = "notice", .type = FieldType::record, .record = &notice_spec(), .about = {"挂牌督办通知", "the listing notice"}},
      date("deadline", false, {"整改期限", "deadline for the fix"}), date("published", false, {"公开日期", "date it was published"}),
      pick("plan", plan_part_names, plan_part_zh, false, true, {"整改方案中已有的部分", "the parts of the plan present"}),
      pick("five_in_place", five_in_place_names, five_in_place_zh, false, true,
           {"已落实的“五到位”", "the five measures in place (五到位)"}),
      {.key = "progress", .type = FieldType::date, .list = true, .about = {"报告整改进展的日期", "dates progress was reported"}},
      records("extensions", extension_spec(), {"经批准的延期", "approved extensions"}),
      date("accepted", false, {"验收日期", "date the fix was accepted"}),
      date("review_requested", false, {"申请复查的日期", "date a review was requested"}),
      date("reviewed", false, {"复查日期（申请后 ledger.hazard_review_days 内）", "date reviewed (within ledger.hazard_review_days of the request)"}),
      date("delisted", false, {"摘牌日期", "date delisted"}),
      date("delisting_published", false, {"公开摘牌的日期", "date the delisting was published"}),
  }, {"一项挂牌督办的重大事故隐患", "a listed major hazard (挂牌督办)"}};
  return s;
}
const RecordSpec& lead_spec() {
  static const RecordSpec s{{
      text("id", true, {"线索编号", "lead id"}), text("tour", true, {"移交线索的巡查编号", "id of the tour that gave it"}),
      text("region", false, region_of_tour), text("summary", false, {"线索摘要", "what the lead is about"}),
      pick("nature", lead_nature_names, lead_nature_zh, true,
           {"性质：discipline、duty_crime、crime、organisation、political_legal、other",
            "nature: discipline, duty_crime, crime, organisation, political_legal, other"}),
      pick("cadre_level", cadre_level_names, cadre_level_zh, false,
           {"涉及干部的级别：provincial、city、county、other", "level of the cadres concerned: provincial, city, county, other"}),
      date("found", false, {"发现日期", "date found"}),
      date("classified", false, {"分类处置日期", "date sorted (分类处置) before the transfer"}),
      pick("recipient", recipient_names, recipient_zh, false, {"接收机关", "who received it"}),
      date("transferred", false, {"移交日期（反馈后 ledger.lead_transfer_workdays 个工作日内）",
                                  "date transferred (within ledger.lead_transfer_workdays working days of the feedback)"}),
      date("feedback", false, {"接收机关反馈日期（ledger.lead_feedback_months 内）", "date of the receiver's feedback (within ledger.lead_feedback_months)"}),
      text("outcome", false, {"处理结果", "outcome"}),
  }, {"巡查移交的一条问题线索", "a lead transferred by a tour (问题线索)"}};
  return s;
}
const RecordSpec& report_spec() {
  static const RecordSpec s{{
      text("id", true, {"举报编号", "report id"}), text("tour", true, {"收到举报的巡查编号", "id of the tour that received it"}),
      text("region", false, region_of_tour), county_field(), text("summary", false, {"举报摘要", "what was reported"}),
      date("received", true, {"收到日期", "date received"}),
      date("verified", false, {"核实日期（ledger.report_verify_workdays 内）", "date verified (within ledger.report_verify_workdays)"}),
      date("announced", false, {"公布日期", "date the result was announced"}),
      date("answered", false, {"答复举报人的日期", "date the reporter was answered"}),
      text("result", false, {"核实结果", "what the verification found"}),
  }, {"巡查期间收到的一件群众举报", "a public report received during a tour (群众举报)"}};
  return s;
}
const RecordSpec& lookback_item_spec() {
  static const RecordSpec s{{text("problem", false, {"复查的问题编号", "id of the problem looked at"}),
                             text("hazard", false, {"复查的隐患编号", "id of the hazard looked at"}),
                             pick("result", lookback_result_names, lookback_result_zh, true,
                                  {"结果：fixed 整改到位、not_fixed 未到位、relapsed 反弹、false_rectification 虚假整改",
                                   "result: fixed 整改到位, not_fixed 未到位, relapsed 反弹, false_rectification 虚假整改"})},
                            {"回头看中复查的一个问题或隐患", "a problem or hazard looked at again"},
                            {"problem", "hazard"}};
  return s;
}
const RecordSpec& lookback_spec() {
  static const RecordSpec s{{
      text("id", true, {"回头看编号", "look-back id"}), text("region", true, {"地区编号", "region id"}),
      text("tour", false, {"被回头看的巡查编号", "id of the tour whose problems it re-checks"}),
      text("trigger", false, {"启动原因", "why it was started"}), date("decided", false, {"决定日期", "date decided"}),
      date("start", false, {"进驻第一天", "first day on site"}), date("end", false, {"进驻最后一天", "last day on site"}),
      text("scope", false, {"范围", "what it covers"}),
      records("items", lookback_item_spec(), {"复查的问题和隐患", "the problems and hazards looked at"}),
  }, {"一次回头看", "a look-back (回头看)"}};
  return s;
}

// ---- decoders ----

struct Reader {
  Decoder& d;

  void date(Record& r, std::string_view key, std::optional<Date>& out) {
    d.date_field(r, key, [&](Date v) { out = v; });
  }
  void date(Record& r, std::string_view key, Date& out) {
    d.date_field(r, key, [&](Date v) { out = v; });
  }
  std::string text(Record& r, std::string_view key) { return d.text_field(r, key).value_or(""); }
  template <class E>
  void pick(Record& r, std::string_view key, E& out) {
    d.choice_field(r, key, [&](std::size_t i) { out = static_cast<E>(i); });
  }
  template <class E>
  void pick(Record& r, std::string_view key, std::optional<E>& out) {
    d.choice_field(r, key, [&](std::size_t i) { out = static_cast<E>(i); });
  }

  // A list of maps, each read by `item` with its own Record; field marks are kept on the parent
  // as "key[i].field".
  template <class F>
  void list_of(Record& r, std::string_view key, F&& item) {
    auto e = Decoder::find(r.entries, key);
    if (!e) return;
    const RecordSpec& spec = *d.spec_of(r, key)->record;
    std::string path = child_path(r.src.path, key);
    auto items = d.sequence(e->value, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto sub = d.record(items[i], fmt::format("{}[{}]", path, i), spec);
      if (sub.ok) item(sub, items[i]);
      if (!sub.ok) r.ok = false;
      for (auto [name, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("{}[{}].{}", key, i, name), mark);
      r.src.fields.emplace_back(fmt::format("{}[{}]", key, i), sub.src.at);
    }
  }

  void extensions(Record& r, std::vector<LedgerExtension>& out) {
    list_of(r, "extensions", [&](Record& s, std::uint32_t) {
      LedgerExtension x;
      date(s, "requested", x.requested);
      date(s, "approved", x.approved);
      date(s, "until", x.until);
      x.approval = text(s, "approval");
      if (s.ok) out.push_back(std::move(x));
    });
  }

  // A list of names from the field's choices (a subset); sets flags.
  template <std::size_t N>
  void flags(Record& r, std::string_view key, std::array<bool, N>& out) {
    auto e = Decoder::find(r.entries, key);
    if (!e) return;
    const FieldSpec* s = d.spec_of(r, key);
    std::string path = child_path(r.src.path, key);
    auto items = d.sequence(e->value, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto c = d.choice(items[i], fmt::format("{}[{}]", path, i), s->choices, s->aliases);
      if (c) out[*c] = true;
      else r.ok = false;
    }
  }

  void problem(std::uint32_t index, const std::string& path) {
    auto r = d.record(index, path, problem_spec());
    Problem x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    date(r, "found", x.found);
    x.source = text(r, "source");
    x.category = text(r, "category");
    pick(r, "gravity", x.gravity);
    x.description = text(r, "description");
    x.county = text(r, "county");
    if (!d.id_list(r, "evidence", x.evidence)) r.ok = false;
    if (!d.id_list(r, "proof", x.proof)) r.ok = false;
    d.bool_field(r, "on_site", x.on_site);
    date(r, "reported_to_committee", x.reported_to_committee);
    pick(r, "mode", x.mode);
    list_of(r, "stages", [&](Record& s, std::uint32_t) {
      StageTarget st;
      date(s, "due", st.due);
      st.target = text(s, "target");
      date(s, "met", st.met);
      if (s.ok) x.stages.push_back(std::move(st));
    });
    x.unit = text(r, "unit");
    x.person = text(r, "person");
    x.leader = text(r, "leader");
    x.measures = text(r, "measures");
    date(r, "due", x.due);
    extensions(r, x.extensions);
    pick(r, "state", x.state);
    list_of(r, "history", [&](Record& s, std::uint32_t) {
      StateChange c;
      pick(s, "state", c.state);
      date(s, "date", c.date);
      if (s.ok) x.history.push_back(c);
    });
    date(r, "completed", x.completed);
    date(r, "verified", x.verified);
    x.verified_by = text(r, "verified_by");
    list_of(r, "verifications", [&](Record& s, std::uint32_t) {
      Verification v;
      date(s, "date", v.date);
      v.by = text(s, "by");
      pick(s, "result", v.result);
      if (s.ok) x.verifications.push_back(std::move(v));
    });
    date(r, "closed", x.closed);
    x.hazard = text(r, "hazard");
    if (!d.id_list(r, "leads", x.leads)) r.ok = false;
    x.from_report = text(r, "from_report");
    x.relapse_of = text(r, "relapse_of");
    if (!d.keep(r, "problem", x.id)) return;
    x.src = std::move(r.src);
    d.out().ledger.problems.push_back(std::move(x));
  }

  void hazard(std::uint32_t index, const std::string& path) {
    auto r = d.record(index, path, hazard_spec());
    Hazard x;
    x.id = text(r, "id");
    x.region = text(r, "region");
    x.county = text(r, "county");
    x.tour = text(r, "tour");
    x.name = text(r, "name");
    d.choice_field(r, "grade", [&](std::size_t i) { x.grade = static_cast<int>(i) + 1; });
    date(r, "found", x.found);
    date(r, "listed", x.listed);
    pick(r, "level", x.level);
    x.listed_by = text(r, "listed_by");
    x.supervisor = text(r, "supervisor");
    x.unit = text(r, "unit");
    if (auto e = Decoder::find(r.entries, "notice")) {
      auto sub = d.record(e->value, child_path(path, "notice"), notice_spec());
      x.notice_no = text(sub, "number");
      date(sub, "date", x.notice_date);
      if (!sub.ok) r.ok = false;
      for (auto [key, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("notice.{}", key), mark);
    }
    date(r, "deadline", x.deadline);
    date(r, "published", x.published);
    flags(r, "plan", x.plan);
    flags(r, "five_in_place", x.five_in_place);
    if (auto e = Decoder::find(r.entries, "progress")) {
      std::string p = child_path(path, "progress");
      auto items = d.sequence(e->value, p);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto v = d.date_value(items[i], fmt::format("{}[{}]", p, i))) x.progress.push_back(*v);
        else r.ok = false;
      }
    }
    extensions(r, x.extensions);
    date(r, "accepted", x.accepted);
    date(r, "review_requested", x.review_requested);
    date(r, "reviewed", x.reviewed);
    date(r, "delisted", x.delisted);
    date(r, "delisting_published", x.delisting_published);
    if (!d.keep(r, "hazard", x.id)) return;
    x.src = std::move(r.src);
    d.out().ledger.hazards.push_back(std::move(x));
  }

  void lead(std::uint32_t index, const std::string& path) {
    auto r = d.record(index, path, lead_spec());
    Lead x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    x.summary = text(r, "summary");
    pick(r, "nature", x.nature);
    pick(r, "cadre_level", x.cadre_level);
    date(r, "found", x.found);
    date(r, "classified", x.classified);
    pick(r, "recipient", x.recipient);
    date(r, "transferred", x.transferred);
    date(r, "feedback", x.feedback);
    x.outcome = text(r, "outcome");
    if (!d.keep(r, "lead", x.id)) return;
    x.src = std::move(r.src);
    d.out().ledger.leads.push_back(std::move(x));
  }

  void report(std::uint32_t index, const std::string& path) {
    auto r = d.record(index, path, report_spec());
    PublicReport x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    x.county = text(r, "county");
    x.summary = text(r, "summary");
    date(r, "received", x.received);
    date(r, "verified", x.verified);
    date(r, "announced", x.announced);
    date(r, "answered", x.answered);
    x.result = text(r, "result");
    if (!d.keep(r, "public report", x.id)) return;
    x.src = std::move(r.src);
    d.out().ledger.reports.push_back(std::move(x));
  }

  void lookback(std::uint32_t index, const std::string& path) {
    auto r = d.record(index, path, lookback_spec());
    Lookback x;
    x.id = text(r, "id");
    x.region = text(r, "region");
    x.tour = text(r, "tour");
    x.trigger = text(r, "trigger");
    date(r, "decided", x.decided);
    date(r, "start", x.start);
    date(r, "end", x.end);
    x.scope = text(r, "scope");
    list_of(r, "items", [&](Record& s, std::uint32_t node) {
      LookbackItem it;
      it.problem = text(s, "problem");
      it.hazard = text(s, "hazard");
      pick(s, "result", it.result);
      if (s.ok && it.problem.empty() && it.hazard.empty()) {
        d.missing(d.node(node), s.src.path, "problem");
        s.ok = false;
      }
      if (s.ok) x.items.push_back(std::move(it));
    });
    if (!d.keep(r, "look-back", x.id)) return;
    x.src = std::move(r.src);
    d.out().ledger.lookbacks.push_back(std::move(x));
  }
};

}  // namespace

const RecordSpec& problems_document() {
  static const RecordSpec s = list_document("problems", problem_spec(), {"问题整改台账", "the problem ledger (整改台账)"});
  return s;
}
const RecordSpec& hazards_document() {
  static const RecordSpec s = list_document("hazards", hazard_spec(), {"挂牌督办的重大事故隐患", "listed major hazards"});
  return s;
}
const RecordSpec& leads_document() {
  static const RecordSpec s = list_document("leads", lead_spec(), {"巡查移交的问题线索", "leads transferred by tours"});
  return s;
}
const RecordSpec& public_reports_document() {
  static const RecordSpec s =
      list_document("public_reports", report_spec(), {"巡查期间收到的群众举报", "public reports received by tours"});
  return s;
}
const RecordSpec& lookbacks_document() {
  static const RecordSpec s = list_document("lookbacks", lookback_spec(), {"回头看", "look-backs (回头看)"});
  return s;
}

void decode_problems(Decoder& d, const Entries& e) {
  Reader rd{d};
  reserve_items(d, e, "problems", d.out().ledger.problems);
  d.each_item(e, problems_document(), "problems", [&](auto i, auto& p) { rd.problem(i, p); });
}
void decode_hazards(Decoder& d, const Entries& e) {
  Reader rd{d};
  reserve_items(d, e, "hazards", d.out().ledger.hazards);
  d.each_item(e, hazards_document(), "hazards", [&](auto i, auto& p) { rd.hazard(i, p); });
}
void decode_leads(Decoder& d, const Entries& e) {
  Reader rd{d};
  reserve_items(d, e, "leads", d.out().ledger.leads);
  d.each_item(e, leads_document(), "leads", [&](auto i, auto& p) { rd.lead(i, p); });
}
void decode_public_reports(Decoder& d, const Entries& e) {
  Reader rd{d};
  reserve_items(d, e, "public_reports", d.out().ledger.reports);
  d.each_item(e, public_reports_document(), "public_reports", [&](auto i, auto& p) { rd.report(i, p); });
}
void decode_lookbacks(Decoder& d, const Entries& e) {
  Reader rd{d};
  reserve_items(d, e, "lookbacks", d.out().ledger.lookbacks);
  d.each_item(e, lookbacks_document(), "lookbacks", [&](auto i, auto& p) { rd.lookback(i, p); });
}

}  // namespace xuncha::load::detail
