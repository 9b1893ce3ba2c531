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
               const std::array<std::string_view, N>& zh, bool required = false, bool list = false) {
  return {.key = key,
          .type = FieldType::choice,
          .required = required,
          .list = list,
          .choices = {names.begin(), names.end()},
          .aliases = aliases_of(zh)};
}
FieldSpec text(std::string_view key, bool required = false, std::string_view about = {}) {
  return {.key = key, .type = FieldType::text, .required = required, .about = about};
}
FieldSpec date(std::string_view key, bool required = false) {
  return {.key = key, .type = FieldType::date, .required = required};
}
FieldSpec records(std::string_view key, const RecordSpec& item) {
  return {.key = key, .type = FieldType::record, .list = true, .record = &item};
}

constexpr std::array<std::string_view, 4> grade_names{"1", "2", "3", "4"};
constexpr std::array<std::string_view, 4> grade_zh{"一级", "二级", "三级", "四级"};

const RecordSpec& extension_spec() {
  static const RecordSpec s{{date("requested"), date("approved"), date("until", true), text("approval")},
                            "an approved extension of the time limit"};
  return s;
}
const RecordSpec& stage_spec() {
  static const RecordSpec s{{date("due", true), text("target"), date("met")}, "a stage target of an ongoing item"};
  return s;
}
const RecordSpec& history_spec() {
  static const RecordSpec s{{pick("state", problem_state_names, problem_state_zh, true), date("date", true)},
                            "a change of state"};
  return s;
}
const RecordSpec& problem_spec() {
  static const RecordSpec s{{
      text("id", true), text("tour", true, "tour id"), text("region", false, "region id (default: the tour's)"),
      date("found", true), text("source"), pick("gravity", gravity_names, gravity_zh), text("description", true),
      {.key = "evidence", .type = FieldType::ids}, {.key = "on_site", .type = FieldType::boolean},
      date("reported_to_committee"), pick("mode", fix_mode_names, fix_mode_zh), records("stages", stage_spec()),
      text("unit"), text("person"), text("leader"), text("measures"), date("due"),
      records("extensions", extension_spec()), pick("state", problem_state_names, problem_state_zh),
      records("history", history_spec()), date("completed"), date("verified"), text("verified_by"), date("closed"),
      text("hazard", false, "hazard id"), {.key = "leads", .type = FieldType::ids, .about = "lead ids"},
      text("relapse_of", false, "problem id"),
  }, "a problem found by a tour, to closure"};
  return s;
}
const RecordSpec& notice_spec() {
  static const RecordSpec s{{text("number"), date("date")}, "the listing notice"};
  return s;
}
const RecordSpec& hazard_spec() {
  static const RecordSpec s{{
      text("id", true), text("region", true, "region id"), text("tour", false, "tour id"), text("name", true),
      pick("grade", grade_names, grade_zh, true), pick("level", listing_level_names, listing_level_zh),
      text("listed_by"), text("supervisor"), text("unit"),
      {.key = "notice", .type = FieldType::record, .record = &notice_spec()}, date("deadline"), date("published"),
      pick("plan", plan_part_names, plan_part_zh, false, true),
      pick("five_in_place", five_in_place_names, five_in_place_zh, false, true),
      {.key = "progress", .type = FieldType::date, .list = true}, records("extensions", extension_spec()),
      date("accepted"), date("review_requested"), date("reviewed"), date("delisted"), date("delisting_published"),
  }, "a listed major hazard (挂牌督办)"};
  return s;
}
const RecordSpec& lead_spec() {
  static const RecordSpec s{{
      text("id", true), text("tour", true, "tour id"), text("region", false, "region id (default: the tour's)"),
      text("summary"), pick("nature", lead_nature_names, lead_nature_zh, true),
      pick("cadre_level", cadre_level_names, cadre_level_zh), date("classified"),
      pick("recipient", recipient_names, recipient_zh), date("transferred"), date("feedback"), text("outcome"),
  }, "a lead transferred by a tour (问题线索)"};
  return s;
}
const RecordSpec& report_spec() {
  static const RecordSpec s{{
      text("id", true), text("tour", true, "tour id"), text("region", false, "region id (default: the tour's)"),
      text("summary"), date("received", true), date("verified"), date("announced"), date("answered"), text("result"),
  }, "a public report received during a tour (群众举报)"};
  return s;
}
const RecordSpec& lookback_item_spec() {
  static const RecordSpec s{{text("problem", false, "problem id"), text("hazard", false, "hazard id"),
                             pick("result", lookback_result_names, lookback_result_zh, true)},
                            "a problem or hazard looked at again"};
  return s;
}
const RecordSpec& lookback_spec() {
  static const RecordSpec s{{
      text("id", true), text("region", true, "region id"), text("tour", false, "tour id"), text("trigger"),
      date("decided"), date("start"), date("end"), text("scope"), records("items", lookback_item_spec()),
  }, "a look-back (回头看)"};
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
    pick(r, "gravity", x.gravity);
    x.description = text(r, "description");
    if (!d.id_list(r, "evidence", x.evidence)) r.ok = false;
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
    date(r, "closed", x.closed);
    x.hazard = text(r, "hazard");
    if (!d.id_list(r, "leads", x.leads)) r.ok = false;
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
    x.tour = text(r, "tour");
    x.name = text(r, "name");
    d.choice_field(r, "grade", [&](std::size_t i) { x.grade = static_cast<int>(i) + 1; });
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
  static const RecordSpec s = list_document("problems", problem_spec(), "xuncha problems: the problem ledger (整改台账)");
  return s;
}
const RecordSpec& hazards_document() {
  static const RecordSpec s = list_document("hazards", hazard_spec(), "xuncha hazards: listed major hazards");
  return s;
}
const RecordSpec& leads_document() {
  static const RecordSpec s = list_document("leads", lead_spec(), "xuncha leads: leads transferred by tours");
  return s;
}
const RecordSpec& public_reports_document() {
  static const RecordSpec s =
      list_document("public_reports", report_spec(), "xuncha public_reports: public reports received by tours");
  return s;
}
const RecordSpec& lookbacks_document() {
  static const RecordSpec s = list_document("lookbacks", lookback_spec(), "xuncha lookbacks: look-backs (回头看)");
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
