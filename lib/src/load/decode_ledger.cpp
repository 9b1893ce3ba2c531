// Decoders of the problem ledger's kinds (LEDGER.md): problems, hazards, leads, public reports,
// look-backs, and the policy's `ledger:` tables. Same readers and diagnostics as every kind.
#include "decode.hpp"

namespace xuncha::load::detail {
namespace {

using Record = DecoderBase::Record;

constexpr std::array<std::string_view, 5> ledger_kind_names{"hazards", "leads", "lookbacks", "problems",
                                                            "public_reports"};

struct Reader {
  DecoderBase& d;

  void date(Record& r, std::string_view key, std::optional<Date>& out) {
    d.date_field(r, key, [&](Date v) { out = v; });
  }
  void required_date(Record& r, std::string_view key, Date& out) {
    d.date_field(r, key, [&](Date v) { out = v; });
  }
  std::string text(Record& r, std::string_view key) { return d.text_field(r, key).value_or(""); }

  template <std::size_t N>
  void pick(Record& r, std::string_view key, const std::array<std::string_view, N>& names,
            const std::array<std::string_view, N>& zh, std::function<void(std::size_t)> set) {
    d.field(r, key, [&](std::uint32_t v, const std::string& p) {
      std::vector<std::pair<std::string_view, std::size_t>> aliases;
      for (std::size_t i = 0; i < N; ++i) aliases.emplace_back(zh[i], i);
      auto c = d.choice(v, p, names, aliases);
      if (c) set(*c);
      return c.has_value();
    });
  }

  // A list of maps, each read by `item` with its own Record; field marks are kept on the parent
  // as "key[i].field".
  template <class F>
  void list_of(Record& r, std::string_view key, const std::vector<std::string_view>& allowed,
               const std::vector<std::string_view>& required, F&& item) {
    auto e = DecoderBase::find(r.entries, key);
    if (!e) return;
    std::string path = DecoderBase::child_path(r.src.path, key);
    auto items = d.sequence(e->value, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string ip = fmt::format("{}[{}]", path, i);
      auto sub = d.record(items[i], ip, allowed, required);
      if (sub.ok) item(sub, items[i]);
      if (!sub.ok) r.ok = false;
      for (auto& f : sub.src.fields) r.src.fields.emplace_back(fmt::format("{}[{}].{}", key, i, f.first), f.second);
      r.src.fields.emplace_back(fmt::format("{}[{}]", key, i), sub.src.at);
    }
  }

  void extensions(Record& r, std::vector<LedgerExtension>& out) {
    list_of(r, "extensions", {"requested", "approved", "until", "approval"}, {"until"}, [&](Record& s, [[maybe_unused]] std::uint32_t node) {
      LedgerExtension x;
      date(s, "requested", x.requested);
      date(s, "approved", x.approved);
      required_date(s, "until", x.until);
      x.approval = text(s, "approval");
      if (s.ok) out.push_back(std::move(x));
    });
  }

  // A list of names from `names` (a subset, each once); sets flags.
  template <std::size_t N>
  void flags(Record& r, std::string_view key, const std::array<std::string_view, N>& names,
             const std::array<std::string_view, N>& zh, std::array<bool, N>& out) {
    auto e = DecoderBase::find(r.entries, key);
    if (!e) return;
    std::string path = DecoderBase::child_path(r.src.path, key);
    auto items = d.sequence(e->value, path);
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<std::pair<std::string_view, std::size_t>> aliases;
      for (std::size_t k = 0; k < N; ++k) aliases.emplace_back(zh[k], k);
      auto c = d.choice(items[i], fmt::format("{}[{}]", path, i), names, aliases);
      if (c) out[*c] = true;
      else r.ok = false;
    }
  }

  void problem(std::uint32_t index, const std::string& path, LedgerFileData& out) {
    auto r = d.record(index, path,
                      {"id", "tour", "region", "found", "source", "gravity", "description", "evidence", "on_site",
                       "reported_to_committee", "mode", "stages", "unit", "person", "leader", "measures", "due",
                       "extensions", "state", "history", "completed", "verified", "verified_by", "closed", "hazard",
                       "leads", "relapse_of"},
                      {"id", "tour", "found", "description"});
    Problem x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    required_date(r, "found", x.found);
    x.source = text(r, "source");
    pick(r, "gravity", gravity_names, gravity_zh, [&](std::size_t i) { x.gravity = static_cast<Gravity>(i); });
    x.description = text(r, "description");
    if (!d.id_list(r, "evidence", x.evidence)) r.ok = false;
    d.bool_field(r, "on_site", x.on_site);
    date(r, "reported_to_committee", x.reported_to_committee);
    pick(r, "mode", fix_mode_names, fix_mode_zh, [&](std::size_t i) { x.mode = static_cast<FixMode>(i); });
    list_of(r, "stages", {"due", "target", "met"}, {"due"}, [&](Record& s, [[maybe_unused]] std::uint32_t node) {
      StageTarget st;
      required_date(s, "due", st.due);
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
    pick(r, "state", problem_state_names, problem_state_zh,
         [&](std::size_t i) { x.state = static_cast<ProblemState>(i); });
    list_of(r, "history", {"state", "date"}, {"state", "date"}, [&](Record& s, [[maybe_unused]] std::uint32_t node) {
      StateChange c;
      pick(s, "state", problem_state_names, problem_state_zh,
           [&](std::size_t i) { c.state = static_cast<ProblemState>(i); });
      required_date(s, "date", c.date);
      if (s.ok) x.history.push_back(c);
    });
    date(r, "completed", x.completed);
    date(r, "verified", x.verified);
    x.verified_by = text(r, "verified_by");
    date(r, "closed", x.closed);
    x.hazard = text(r, "hazard");
    if (!d.id_list(r, "leads", x.leads)) r.ok = false;
    x.relapse_of = text(r, "relapse_of");
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out.problems.push_back(std::move(x));
  }

  void hazard(std::uint32_t index, const std::string& path, LedgerFileData& out) {
    auto r = d.record(index, path,
                      {"id", "region", "tour", "name", "grade", "level", "listed_by", "supervisor", "unit", "notice",
                       "deadline", "published", "plan", "five_in_place", "progress", "extensions", "accepted",
                       "review_requested", "reviewed", "delisted", "delisting_published"},
                      {"id", "region", "name", "grade"});
    Hazard x;
    x.id = text(r, "id");
    x.region = text(r, "region");
    x.tour = text(r, "tour");
    x.name = text(r, "name");
    static constexpr std::array<std::string_view, 4> grades{"1", "2", "3", "4"};
    static constexpr std::array<std::string_view, 4> grades_zh{"一级", "二级", "三级", "四级"};
    pick(r, "grade", grades, grades_zh, [&](std::size_t i) { x.grade = static_cast<int>(i) + 1; });
    pick(r, "level", listing_level_names, listing_level_zh,
         [&](std::size_t i) { x.level = static_cast<ListingLevel>(i); });
    x.listed_by = text(r, "listed_by");
    x.supervisor = text(r, "supervisor");
    x.unit = text(r, "unit");
    if (auto e = DecoderBase::find(r.entries, "notice")) {
      auto sub = d.record(e->value, DecoderBase::child_path(path, "notice"), {"number", "date"}, {});
      x.notice_no = text(sub, "number");
      date(sub, "date", x.notice_date);
      if (!sub.ok) r.ok = false;
      for (auto& f : sub.src.fields) r.src.fields.emplace_back("notice." + f.first, f.second);
    }
    date(r, "deadline", x.deadline);
    date(r, "published", x.published);
    flags(r, "plan", plan_part_names, plan_part_zh, x.plan);
    flags(r, "five_in_place", five_in_place_names, five_in_place_zh, x.five_in_place);
    if (auto e = DecoderBase::find(r.entries, "progress")) {
      std::string p = DecoderBase::child_path(path, "progress");
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
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out.hazards.push_back(std::move(x));
  }

  void lead(std::uint32_t index, const std::string& path, LedgerFileData& out) {
    auto r = d.record(index, path,
                      {"id", "tour", "region", "summary", "nature", "cadre_level", "classified", "recipient",
                       "transferred", "feedback", "outcome"},
                      {"id", "tour", "nature"});
    Lead x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    x.summary = text(r, "summary");
    pick(r, "nature", lead_nature_names, lead_nature_zh, [&](std::size_t i) { x.nature = static_cast<LeadNature>(i); });
    pick(r, "cadre_level", cadre_level_names, cadre_level_zh,
         [&](std::size_t i) { x.cadre_level = static_cast<CadreLevel>(i); });
    date(r, "classified", x.classified);
    pick(r, "recipient", recipient_names, recipient_zh, [&](std::size_t i) { x.recipient = static_cast<Recipient>(i); });
    date(r, "transferred", x.transferred);
    date(r, "feedback", x.feedback);
    x.outcome = text(r, "outcome");
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out.leads.push_back(std::move(x));
  }

  void report(std::uint32_t index, const std::string& path, LedgerFileData& out) {
    auto r = d.record(index, path,
                      {"id", "tour", "region", "summary", "received", "verified", "announced", "answered", "result"},
                      {"id", "tour", "received"});
    PublicReport x;
    x.id = text(r, "id");
    x.tour = text(r, "tour");
    x.region = text(r, "region");
    x.summary = text(r, "summary");
    required_date(r, "received", x.received);
    date(r, "verified", x.verified);
    date(r, "announced", x.announced);
    date(r, "answered", x.answered);
    x.result = text(r, "result");
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out.reports.push_back(std::move(x));
  }

  void lookback(std::uint32_t index, const std::string& path, LedgerFileData& out) {
    auto r = d.record(index, path, {"id", "region", "tour", "trigger", "decided", "start", "end", "scope", "items"},
                      {"id", "region"});
    Lookback x;
    x.id = text(r, "id");
    x.region = text(r, "region");
    x.tour = text(r, "tour");
    x.trigger = text(r, "trigger");
    date(r, "decided", x.decided);
    date(r, "start", x.start);
    date(r, "end", x.end);
    x.scope = text(r, "scope");
    list_of(r, "items", {"problem", "hazard", "result"}, {"result"}, [&](Record& s, [[maybe_unused]] std::uint32_t node) {
      LookbackItem it;
      it.problem = text(s, "problem");
      it.hazard = text(s, "hazard");
      pick(s, "result", lookback_result_names, lookback_result_zh,
           [&](std::size_t i) { it.result = static_cast<LookbackResult>(i); });
      if (s.ok && it.problem.empty() && it.hazard.empty()) {
        d.missing(d.node(node), s.src.path, "problem");
        s.ok = false;
      }
      if (s.ok) x.items.push_back(std::move(it));
    });
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out.lookbacks.push_back(std::move(x));
  }
};

}  // namespace

bool is_ledger_kind(std::string_view kind) {
  return std::find(ledger_kind_names.begin(), ledger_kind_names.end(), kind) != ledger_kind_names.end();
}

void decode_ledger_item(DecoderBase& d, std::string_view kind, std::uint32_t index, const std::string& path,
                        LedgerFileData& out) {
  Reader rd{d};
  if (kind == "problems") rd.problem(index, path, out);
  else if (kind == "hazards") rd.hazard(index, path, out);
  else if (kind == "leads") rd.lead(index, path, out);
  else if (kind == "public_reports") rd.report(index, path, out);
  else if (kind == "lookbacks") rd.lookback(index, path, out);
}

void decode_ledger_policy(DecoderBase& d, const Entry& e, std::vector<std::function<void(Policy&)>>& patches) {
  Reader rd{d};
  auto r = d.record(e.value, "ledger",
                    {"listing_level", "recipient", "lead_feedback_months", "major_report_days", "hazard_review_days",
                     "report_verify_workdays", "report_answer_workdays", "overdue_in_workdays", "overdue_grace",
                     "lookback_days"},
                    {});
  if (!r.ok) return;
  struct IntKey {
    std::string_view key;
    int LedgerPolicy::*field;
    int lo, hi;
  };
  static const IntKey ints[] = {
      {"lead_feedback_months", &LedgerPolicy::lead_feedback_months, 0, 120},
      {"major_report_days", &LedgerPolicy::major_report_days, 0, 1000},
      {"hazard_review_days", &LedgerPolicy::hazard_review_days, 0, 1000},
      {"report_verify_workdays", &LedgerPolicy::report_verify_workdays, 0, 1000},
      {"report_answer_workdays", &LedgerPolicy::report_answer_workdays, 0, 1000},
      {"overdue_grace", &LedgerPolicy::overdue_grace, 0, 1000},
      {"lookback_days", &LedgerPolicy::lookback_days, 1, 60},
  };
  for (const auto& k : ints) {
    auto f = k.field;
    d.field(r, k.key, [&](std::uint32_t v, const std::string& p) {
      auto i = d.integer(v, p, k.lo, k.hi);
      if (i) patches.push_back([f, value = static_cast<int>(*i)](Policy& pol) { pol.ledger.*f = value; });
      return i.has_value();
    });
  }
  bool workdays = false;
  if (DecoderBase::find(r.entries, "overdue_in_workdays")) {
    d.bool_field(r, "overdue_in_workdays", workdays);
    if (r.ok) patches.push_back([workdays](Policy& pol) { pol.ledger.overdue_in_workdays = workdays; });
  }
  if (auto le = DecoderBase::find(r.entries, "listing_level")) {
    static constexpr std::array<std::string_view, 4> grades{"1", "2", "3", "4"};
    auto sub = d.record(le->value, "ledger.listing_level", {grades.begin(), grades.end()}, {});
    for (std::size_t g = 0; g < grades.size(); ++g) {
      rd.pick(sub, grades[g], listing_level_names, listing_level_zh, [&](std::size_t i) {
        patches.push_back([g, i](Policy& pol) { pol.ledger.listing_level[g] = static_cast<ListingLevel>(i); });
      });
    }
  }
  if (auto re = DecoderBase::find(r.entries, "recipient")) {
    auto sub = d.record(re->value, "ledger.recipient", {lead_nature_names.begin(), lead_nature_names.end()}, {});
    for (std::size_t n = 0; n < lead_nature_names.size(); ++n) {
      rd.pick(sub, lead_nature_names[n], recipient_names, recipient_zh, [&](std::size_t i) {
        patches.push_back([n, i](Policy& pol) { pol.ledger.recipient[n] = static_cast<Recipient>(i); });
      });
    }
  }
}

void merge_ledger(Dataset& data, LedgerFileData& from, std::vector<Diagnostic>& diags) {
  auto& l = data.ledger;
  merge_unique(l.problems, from.problems, "问题", "problem", data.problem_index, data, diags);
  merge_unique(l.hazards, from.hazards, "挂牌隐患", "hazard", data.hazard_index, data, diags);
  merge_unique(l.leads, from.leads, "问题线索", "lead", data.lead_index, data, diags);
  merge_unique(l.reports, from.reports, "群众举报", "public report", data.public_report_index, data, diags);
  merge_unique(l.lookbacks, from.lookbacks, "回头看", "look-back", data.lookback_index, data, diags);
}

namespace {
// A record without a region takes its tour's.
template <class T>
void region_from_tour(Dataset& data, T& x) {
  if (!x.region.empty()) return;
  if (const Tour* t = data.tour(x.tour)) x.region = t->region;
}
}  // namespace

void check_ledger_refs(Dataset& data, RefChecker& refs) {
  auto& l = data.ledger;
  for (auto& p : l.problems) {
    refs.check(p.src, "tour", p.tour, "tour", "巡查", data.tour_index);
    refs.check(p.src, "region", p.region, "region", "地区", data.region_index);
    refs.check(p.src, "hazard", p.hazard, "hazard", "挂牌隐患", data.hazard_index);
    refs.check(p.src, "relapse_of", p.relapse_of, "problem", "问题", data.problem_index);
    for (std::size_t k = 0; k < p.leads.size(); ++k)
      refs.check(p.src, fmt::format("leads[{}]", k), p.leads[k], "lead", "问题线索", data.lead_index);
    region_from_tour(data, p);
  }
  for (auto& h : l.hazards) {
    refs.check(h.src, "region", h.region, "region", "地区", data.region_index);
    refs.check(h.src, "tour", h.tour, "tour", "巡查", data.tour_index);
  }
  for (auto& x : l.leads) {
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    region_from_tour(data, x);
  }
  for (auto& x : l.reports) {
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    region_from_tour(data, x);
  }
  for (auto& x : l.lookbacks) {
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    for (std::size_t k = 0; k < x.items.size(); ++k) {
      refs.check(x.src, fmt::format("items[{}].problem", k), x.items[k].problem, "problem", "问题", data.problem_index);
      refs.check(x.src, fmt::format("items[{}].hazard", k), x.items[k].hazard, "hazard", "挂牌隐患", data.hazard_index);
    }
  }
}

}  // namespace xuncha::load::detail
