// `kind: policy`, its `ledger:` map: the problem ledger's tables (LEDGER.md), as the province sets
// them; decode_policy.cpp reads the rest of the policy.
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

// ---- the problem ledger's tables (`ledger:`, LEDGER.md) ----

constexpr std::array<std::string_view, 4> hazard_grades{"1", "2", "3", "4"};


const RecordSpec& ledger_listing_level_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"各等级隐患由哪一级挂牌：county 县级、city 市级、province 省级", "the level that lists a hazard, by grade: county, city or province"}};
    static constexpr std::array<About, 4> grades{{{"一级隐患的挂牌级别", "listing level of a grade 1 hazard"},
                                                   {"二级隐患的挂牌级别", "listing level of a grade 2 hazard"},
                                                   {"三级隐患的挂牌级别", "listing level of a grade 3 hazard"},
                                                   {"四级隐患的挂牌级别", "listing level of a grade 4 hazard"}}};
    for (std::size_t i = 0; i < hazard_grades.size(); ++i)
      r.fields.push_back({.key = hazard_grades[i],
                          .type = FieldType::choice,
                          .choices = {listing_level_names.begin(), listing_level_names.end()},
                          .aliases = zh_aliases(listing_level_zh),
                          .about = grades[i]});
    return r;
  }();
  return s;
}

const RecordSpec& ledger_recipient_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"各类问题线索移交给谁", "who receives a lead, by nature"}};
    static constexpr std::array<About, 6> natures{{{"违纪、作风类线索的接收机关", "receiver of a lead about discipline"},
                                                    {"职务违法、职务犯罪类线索的接收机关", "receiver of a lead about duty crimes"},
                                                    {"其他犯罪类线索的接收机关", "receiver of a lead about other crimes"},
                                                    {"民主集中制、干部选拔任用类线索的接收机关", "receiver of a lead about organisation and appointments"},
                                                    {"其他线索的接收机关", "receiver of any other lead"},
                                                    {"政法领域线索的接收机关", "receiver of a lead about law enforcement and justice"}}};
    static_assert(natures.size() == lead_nature_names.size());
    for (std::size_t i = 0; i < lead_nature_names.size(); ++i)
      r.fields.push_back({.key = lead_nature_names[i],
                          .type = FieldType::choice,
                          .choices = {recipient_names.begin(), recipient_names.end()},
                          .aliases = zh_aliases(recipient_zh),
                          .about = natures[i]});
    return r;
  }();
  return s;
}

struct LedgerIntKey {
  std::string_view key;
  int LedgerPolicy::*field;
};
const LedgerIntKey ledger_int_keys[] = {
    {"lead_feedback_months", &LedgerPolicy::lead_feedback_months},
    {"report_to_committee_workdays", &LedgerPolicy::report_to_committee_workdays},
    {"major_report_days", &LedgerPolicy::major_report_days},
    {"hazard_review_days", &LedgerPolicy::hazard_review_days},
    {"report_verify_workdays", &LedgerPolicy::report_verify_workdays},
    {"report_answer_workdays", &LedgerPolicy::report_answer_workdays},
    {"overdue_grace", &LedgerPolicy::overdue_grace},
    {"lookback_days", &LedgerPolicy::lookback_days},
    {"lookback_threshold", &LedgerPolicy::lookback_threshold},
    {"hazard_listing_workdays", &LedgerPolicy::hazard_listing_workdays},
    {"lead_transfer_workdays", &LedgerPolicy::lead_transfer_workdays},
};

}  // namespace

const RecordSpec& ledger_policy_spec() {
  static const RecordSpec s{{
      {.key = "listing_level", .type = FieldType::record, .record = &ledger_listing_level_spec(),
       .about = {"各等级隐患的挂牌级别（键为等级 1–4）", "listing level by hazard grade (keys 1-4)"}},
      {.key = "recipient", .type = FieldType::record, .record = &ledger_recipient_spec(),
       .about = {"各类线索的接收机关", "who receives a lead, by nature"}},
      {.key = "lead_feedback_months", .type = FieldType::integer, .lo = 0, .hi = 120,
       .about = {"接收机关反馈线索办理情况的月数（默认 3）", "months for the receiver to report its handling of a lead back (default 3)"}},
      {.key = "report_to_committee_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"发现重要情况、重大问题后报告安委会的工作日数（默认 3）",
                 "working days after an important matter or major problem is found to report it to the committee (default 3)"}},
      {.key = "major_report_days", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"已改名：请用 report_to_committee_workdays（本键按自然日计）",
                 "renamed: use report_to_committee_workdays (this key counts calendar days)"}},
      {.key = "hazard_review_days", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"申请后复查隐患的天数（默认 10）", "days after the request to review a hazard (复查; default 10)"}},
      {.key = "report_verify_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"核实群众举报的工作日数（默认 7）", "working days to verify a public report (default 7)"}},
      {.key = "report_answer_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"核实后答复群众举报的工作日数（默认 15）", "working days after verification to answer a public report (default 15)"}},
      {.key = "overdue_in_workdays", .type = FieldType::boolean,
       .about = {"逾期按工作日计（默认 false：按自然日）", "count overdue in working days (default false: calendar days)"}},
      {.key = "overdue_grace", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"超过期限多少天（或工作日）才算逾期（默认 0）", "days (or working days) late before an item counts as overdue (default 0)"}},
      {.key = "lookback_days", .type = FieldType::integer, .lo = 1, .hi = 60,
       .about = {"--propose-lookbacks 建议的回头看进驻天数（默认 5）", "days on site of a look-back proposed by --propose-lookbacks (default 5)"}},
      {.key = "lookback_threshold", .type = FieldType::integer, .lo = 1, .hi = 1000,
       .about = {"一次巡查的重大问题与逾期问题合计达到几个须回头看（默认 1）",
                 "major plus overdue problems of a tour that call for a look-back (default 1)"}},
      {.key = "verifiers", .type = FieldType::ids,
       .about = {"可以核查验收整改的单位（默认 省安委会、省安委会办公室、省安委办；{region} 或 {地区} 代表问题所在地区的名称）",
                 "who may verify a fix (default 省安委会, 省安委会办公室, 省安委办; {region} or {地区} stands for the problem's region name)"}},
      {.key = "list_grades", .type = FieldType::choice, .list = true, .choices = {hazard_grades.begin(), hazard_grades.end()},
       .about = {"必须挂牌督办的隐患等级（默认 1–4 级全部）", "hazard grades that must be listed (default: all of 1-4)"}},
      {.key = "hazard_listing_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"反馈（或晚于反馈的发现）后挂牌督办重大隐患的工作日数（默认 10）",
                 "working days from the feedback (or a later finding) to a major hazard's listing (default 10)"}},
      {.key = "lead_transfer_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
       .about = {"反馈（或晚于反馈的发现）后移交问题线索的工作日数（默认 15）",
                 "working days from the feedback (or a later finding) to a lead's transfer (default 15)"}},
  }, {"问题台账的对照表和天数", "the problem ledger's tables and day counts"}};
  return s;
}

void ledger_policy(Decoder& d, const Entry& e) {
  auto& patches = d.out().policy;
  auto r = d.record(e.value, "ledger", ledger_policy_spec());
  if (!r.ok) return;
  for (const auto& k : ledger_int_keys) {
    auto f = k.field;
    d.int_field(r, k.key, [&](int value) { patches.push_back([f, value](Policy& pol) { pol.ledger.*f = value; }); });
  }
  // The old key still works, in its old unit, and says once what replaced it.
  if (auto old = Decoder::find(r.entries, "major_report_days")) {
    const YNode& n = d.node(old->value);
    Diagnostic note;
    note.where = {d.file_name(), static_cast<int>(n.line), static_cast<int>(n.column)};
    note.severity = Severity::info;
    note.message = {fmt::format("第 {} 行：ledger.major_report_days 已改名为 report_to_committee_workdays（按工作日计，且含重要情况）；"
                                "旧键仍按自然日生效",
                                n.line),
                    fmt::format("line {}: ledger.major_report_days is renamed report_to_committee_workdays (working days, "
                                "important matters too); the old key still applies, in calendar days",
                                n.line)};
    d.out().notes.push_back(std::move(note));
  }
  bool workdays = false;
  if (Decoder::find(r.entries, "overdue_in_workdays")) {
    d.bool_field(r, "overdue_in_workdays", workdays);
    if (r.ok) patches.push_back([workdays](Policy& pol) { pol.ledger.overdue_in_workdays = workdays; });
  }
  if (Decoder::find(r.entries, "verifiers")) {
    std::vector<std::string> who;
    if (d.id_list(r, "verifiers", who)) patches.push_back([who](Policy& pol) { pol.ledger.verifiers = who; });
  }
  if (auto lg = Decoder::find(r.entries, "list_grades")) {
    const FieldSpec* spec = d.spec_of(r, "list_grades");
    auto items = d.sequence(lg->value, "ledger.list_grades");
    std::array<bool, 4> grades{};
    bool ok = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto c = d.choice(items[i], fmt::format("ledger.list_grades[{}]", i), spec->choices, spec->aliases);
      if (c) grades[*c] = true;
      else ok = false;
    }
    if (ok) patches.push_back([grades](Policy& pol) { pol.ledger.list_grades = grades; });
  }
  if (auto le = Decoder::find(r.entries, "listing_level")) {
    auto sub = d.record(le->value, "ledger.listing_level", ledger_listing_level_spec());
    for (std::size_t g = 0; g < hazard_grades.size(); ++g) {
      d.choice_field(sub, hazard_grades[g], [&](std::size_t i) {
        patches.push_back([g, i](Policy& pol) { pol.ledger.listing_level[g] = static_cast<ListingLevel>(i); });
      });
    }
  }
  if (auto re = Decoder::find(r.entries, "recipient")) {
    auto sub = d.record(re->value, "ledger.recipient", ledger_recipient_spec());
    for (std::size_t n = 0; n < lead_nature_names.size(); ++n) {
      d.choice_field(sub, lead_nature_names[n], [&](std::size_t i) {
        patches.push_back([n, i](Policy& pol) { pol.ledger.recipient[n] = static_cast<Recipient>(i); });
      });
    }
  }
}

}  // namespace xuncha::load::detail
