// `kind: policy` (also --policy FILE): every number of the regulation, scheduling settings, and
// rule severities. Rule ids and deadline steps are read as written; rules::validate_policy checks
// them, since the rule registry and the deadline steps live above the loader.
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

struct IntKey {
  std::string_view key;
  int Policy::*field;
};
const IntKey int_keys[] = {
    {"regions_expected", &Policy::regions_expected},
    {"coverage_years", &Policy::coverage_years},
    {"cadence_years", &Policy::cadence_years},
    {"report_workdays", &Policy::report_workdays},
    {"rectification_plan_workdays", &Policy::rectification_plan_workdays},
    {"rectification_results_months", &Policy::rectification_results_months},
    {"preparation_lead_workdays", &Policy::preparation_lead_workdays},
    {"archive_workdays", &Policy::archive_workdays},
    {"look_back_months", &Policy::look_back_months},
    {"due_soon_workdays", &Policy::due_soon_workdays},
    {"teams_per_round", &Policy::teams_per_round},
    {"first_round_year", &Policy::first_round_year},
    {"planning_feedback_workdays", &Policy::planning_feedback_workdays},
    // Team plan (xuncha staff).
    {"staff_deputies", &Policy::staff_deputies},
    {"staff_members", &Policy::staff_members},
    {"staff_experts", &Policy::staff_experts},
    {"staff_max_days", &Policy::staff_max_days},
    {"staff_fair_days", &Policy::staff_fair_days},
    {"staff_weight_units", &Policy::staff_weight_units},
    {"staff_weight_days", &Policy::staff_weight_days},
    {"staff_weight_pairs", &Policy::staff_weight_pairs},
    {"staff_weight_fields", &Policy::staff_weight_fields},
};
struct BoolKey {
  std::string_view key;
  bool Policy::*field;
};
const BoolKey bool_keys[] = {
    {"roll_forward_to_workday", &Policy::roll_forward_to_workday},
    {"archive_with_report", &Policy::archive_with_report},
    {"conflict_of_interest", &Policy::conflict_of_interest},
    {"off_round_tours", &Policy::off_round_tours},
    {"staff_pairs_together", &Policy::staff_pairs_together},  // team plan
};

const RecordSpec& team_size_spec() {
  static const RecordSpec s{{
      {.key = "min", .type = FieldType::integer, .lo = 1, .hi = 100},
      {.key = "max", .type = FieldType::integer, .lo = 1, .hi = 100},
  }, "team size"};
  return s;
}
const RecordSpec& days_on_site_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, "days on site by region class"};
    for (auto c : region_class_names) r.fields.push_back({.key = c, .type = FieldType::integer, .lo = 1, .hi = 366});
    return r;
  }();
  return s;
}
const RecordSpec& batch_spec() {
  static const RecordSpec s{{
      {.key = "name", .type = FieldType::text},
      {.key = "from", .type = FieldType::month_day, .required = true},
      {.key = "to", .type = FieldType::month_day, .required = true},
  }, "a batch window (MM-DD to MM-DD, within one year)"};
  return s;
}
const RecordSpec& blackout_spec() {
  static const RecordSpec s{{
      {.key = "name", .type = FieldType::text},
      {.key = "from", .type = FieldType::date, .required = true},
      {.key = "to", .type = FieldType::date, .required = true},
  }, "a period with no tour on site"};
  return s;
}
const RecordSpec& objective_spec() {
  static const RecordSpec s{{
      {.key = "round_load", .type = FieldType::integer, .lo = 0, .hi = 1000000},
      {.key = "risk", .type = FieldType::integer, .lo = 0, .hi = 1000000},
      {.key = "team_balance", .type = FieldType::integer, .lo = 0, .hi = 1000000},
      {.key = "tour_days", .type = FieldType::integer, .lo = 0, .hi = 1000000},
  }, "weights of the scheduling objective"};
  return s;
}

// Scheduling keys of a policy: batch windows, blackout periods, objective weights.
void schedule_policy(Decoder& d, const Entries& entries) {
  auto& patches = d.out().policy;
  if (auto e = Decoder::find(entries, "batches")) {
    std::vector<BatchWindow> batches;
    bool ok = true;
    auto items = d.sequence(e->value, "batches");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string path = fmt::format("batches[{}]", i);
      auto r = d.record(items[i], path, batch_spec());
      BatchWindow b;
      b.name = d.text_field(r, "name").value_or(fmt::format("{}", i + 1));
      d.field(r, "from", [&](std::uint32_t v, const std::string& p) { return d.month_day(v, p, b.from_month, b.from_day); });
      d.field(r, "to", [&](std::uint32_t v, const std::string& p) { return d.month_day(v, p, b.to_month, b.to_day); });
      if (r.ok && std::pair{b.to_month, b.to_day} < std::pair{b.from_month, b.from_day}) {
        d.error("L013", d.node(items[i]), path,
                {fmt::format("批次「{}」的 to 早于 from（批次不跨年）", b.name),
                 fmt::format("batch '{}' ends before it starts (a batch stays within one year)", b.name)});
        r.ok = false;
      }
      if (r.ok) {
        // Batches may not share days: a team would be planned in two places at once.
        for (std::size_t j = 0; j < batches.size(); ++j) {
          const auto& o = batches[j];
          bool apart = std::pair{b.to_month, b.to_day} < std::pair{o.from_month, o.from_day} ||
                       std::pair{o.to_month, o.to_day} < std::pair{b.from_month, b.from_day};
          if (apart) continue;
          d.error("L013", d.node(items[i]), path,
                  {fmt::format("批次「{}」（{:02}-{:02}—{:02}-{:02}）与批次「{}」（{:02}-{:02}—{:02}-{:02}）重叠；批次不能共用日期",
                               b.name, b.from_month, b.from_day, b.to_month, b.to_day, o.name, o.from_month, o.from_day,
                               o.to_month, o.to_day),
                   fmt::format("batch '{}' ({:02}-{:02} to {:02}-{:02}) overlaps batch '{}' ({:02}-{:02} to {:02}-{:02}); "
                               "batches cannot share days",
                               b.name, b.from_month, b.from_day, b.to_month, b.to_day, o.name, o.from_month, o.from_day,
                               o.to_month, o.to_day)});
          r.ok = false;
          break;
        }
      }
      ok = ok && r.ok;
      batches.push_back(std::move(b));
    }
    if (ok && batches.empty()) {
      d.error("L013", d.node(e->value), "batches",
              {"batches 不能为空：至少需要一个批次窗口", "batches cannot be empty: at least one batch window is needed"});
      ok = false;
    }
    if (ok) patches.push_back([batches](Policy& p) { p.batches = batches; });
  }
  if (auto e = Decoder::find(entries, "blackouts")) {
    std::vector<Blackout> blackouts;
    bool ok = true;
    auto items = d.sequence(e->value, "blackouts");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string path = fmt::format("blackouts[{}]", i);
      auto r = d.record(items[i], path, blackout_spec());
      Blackout b;
      b.name = d.text_field(r, "name").value_or("");
      d.date_field(r, "from", [&](Date v) { b.from = v; });
      d.date_field(r, "to", [&](Date v) { b.to = v; });
      if (r.ok && b.to < b.from) {
        d.error("L013", d.node(items[i]), path, {"停止巡查期间的 to 早于 from", "blackout period ends before it starts"});
        r.ok = false;
      }
      ok = ok && r.ok;
      blackouts.push_back(std::move(b));
    }
    if (ok) patches.push_back([blackouts](Policy& p) { p.blackouts = blackouts; });
  }
  if (auto e = Decoder::find(entries, "objective")) {
    auto r = d.record(e->value, "objective", objective_spec());
    static constexpr std::pair<std::string_view, int ObjectiveWeights::*> keys[] = {
        {"round_load", &ObjectiveWeights::round_load},
        {"risk", &ObjectiveWeights::risk},
        {"team_balance", &ObjectiveWeights::team_balance},
        {"tour_days", &ObjectiveWeights::tour_days}};
    for (const auto& key_member : keys) {
      // Not a structured binding: clang before 16 cannot capture one in a lambda.
      auto member = key_member.second;
      d.int_field(r, key_member.first, [&](int value) {
        patches.push_back([member, value](Policy& pol) { pol.weights.*member = value; });
      });
    }
  }
}

// ---- the problem ledger's tables (`ledger:`, LEDGER.md) ----

constexpr std::array<std::string_view, 4> hazard_grades{"1", "2", "3", "4"};

template <std::size_t N>
std::vector<Alias> zh_aliases(const std::array<std::string_view, N>& zh) {
  std::vector<Alias> out;
  for (std::size_t i = 0; i < N; ++i) out.push_back({zh[i], i});
  return out;
}

const RecordSpec& ledger_listing_level_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, "the level that lists a hazard, by grade"};
    for (auto g : hazard_grades)
      r.fields.push_back({.key = g,
                          .type = FieldType::choice,
                          .choices = {listing_level_names.begin(), listing_level_names.end()},
                          .aliases = zh_aliases(listing_level_zh)});
    return r;
  }();
  return s;
}

const RecordSpec& ledger_recipient_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, "who receives a lead, by nature"};
    for (auto n : lead_nature_names)
      r.fields.push_back({.key = n,
                          .type = FieldType::choice,
                          .choices = {recipient_names.begin(), recipient_names.end()},
                          .aliases = zh_aliases(recipient_zh)});
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
    {"major_report_days", &LedgerPolicy::major_report_days},
    {"hazard_review_days", &LedgerPolicy::hazard_review_days},
    {"report_verify_workdays", &LedgerPolicy::report_verify_workdays},
    {"report_answer_workdays", &LedgerPolicy::report_answer_workdays},
    {"overdue_grace", &LedgerPolicy::overdue_grace},
    {"lookback_days", &LedgerPolicy::lookback_days},
};

const RecordSpec& ledger_policy_spec() {
  static const RecordSpec s{{
      {.key = "listing_level", .type = FieldType::record, .record = &ledger_listing_level_spec()},
      {.key = "recipient", .type = FieldType::record, .record = &ledger_recipient_spec()},
      {.key = "lead_feedback_months", .type = FieldType::integer, .lo = 0, .hi = 120},
      {.key = "major_report_days", .type = FieldType::integer, .lo = 0, .hi = 1000},
      {.key = "hazard_review_days", .type = FieldType::integer, .lo = 0, .hi = 1000},
      {.key = "report_verify_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
      {.key = "report_answer_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
      {.key = "overdue_in_workdays", .type = FieldType::boolean},
      {.key = "overdue_grace", .type = FieldType::integer, .lo = 0, .hi = 1000},
      {.key = "lookback_days", .type = FieldType::integer, .lo = 1, .hi = 60},
  }, "the problem ledger's tables"};
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
  bool workdays = false;
  if (Decoder::find(r.entries, "overdue_in_workdays")) {
    d.bool_field(r, "overdue_in_workdays", workdays);
    if (r.ok) patches.push_back([workdays](Policy& pol) { pol.ledger.overdue_in_workdays = workdays; });
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

}  // namespace

const RecordSpec& policy_document() {
  static const RecordSpec s = [] {
    RecordSpec r{{
        kind_field(),
        version_field(),
        {.key = "province", .type = FieldType::text, .about = "the province's name, shown in titles (none by default: titles leave it out)"},
        {.key = "team_size", .type = FieldType::record, .record = &team_size_spec()},
        {.key = "days_on_site", .type = FieldType::record, .record = &days_on_site_spec()},
        {.key = "rules", .type = FieldType::rule_map, .about = "rule id (or slug) to off, info, warning or error"},
        {.key = "batches", .type = FieldType::record, .list = true, .record = &batch_spec()},
        {.key = "blackouts", .type = FieldType::record, .list = true, .record = &blackout_spec()},
        {.key = "objective", .type = FieldType::record, .record = &objective_spec()},
        {.key = "untracked_steps",
         .type = FieldType::choice,
         .list = true,
         .choices = {milestone_names.begin(), milestone_names.end()},
         .about = "steps with a deadline that the office does not record"},
        {.key = "ledger", .type = FieldType::record, .record = &ledger_policy_spec()},
        {.key = "regions_expected", .type = FieldType::integer, .lo = 1, .hi = 10000, .about = "regions to cover (II.1); rule C100 checks the count only when this is given"},
        {.key = "coverage_years", .type = FieldType::integer, .lo = 1, .hi = 50},
        {.key = "cadence_years", .type = FieldType::integer, .lo = 1, .hi = 50},
        {.key = "report_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "rectification_plan_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "rectification_results_months", .type = FieldType::integer, .lo = 0, .hi = 120},
        {.key = "preparation_lead_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "archive_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "look_back_months", .type = FieldType::integer, .lo = 0, .hi = 120},
        {.key = "due_soon_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "teams_per_round", .type = FieldType::integer, .lo = 1, .hi = 10000},
        {.key = "first_round_year", .type = FieldType::integer, .lo = min_year, .hi = max_year},
        {.key = "planning_feedback_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000},
        {.key = "staff_deputies", .type = FieldType::integer, .lo = 1, .hi = 20, .about = "team plan: deputies per team"},
        {.key = "staff_members", .type = FieldType::integer, .lo = 0, .hi = 50, .about = "team plan: members per team"},
        {.key = "staff_experts", .type = FieldType::integer, .lo = 0, .hi = 20, .about = "team plan: experts per tour"},
        {.key = "staff_max_days", .type = FieldType::integer, .lo = 0, .hi = 366, .about = "team plan: days away per person and year, at most"},
        {.key = "staff_fair_days", .type = FieldType::integer, .lo = 0, .hi = 366, .about = "team plan: days away per person and year before it costs"},
        {.key = "staff_weight_units", .type = FieldType::integer, .lo = 0, .hi = 1000000},
        {.key = "staff_weight_days", .type = FieldType::integer, .lo = 0, .hi = 1000000},
        {.key = "staff_weight_pairs", .type = FieldType::integer, .lo = 0, .hi = 1000000},
        {.key = "staff_weight_fields", .type = FieldType::integer, .lo = 0, .hi = 1000000},
    }, "xuncha policy: the regulation's numbers and the office's settings"};
    for (const auto& k : bool_keys) r.fields.push_back({.key = k.key, .type = FieldType::boolean});
    return r;
  }();
  return s;
}

void decode_policy(Decoder& d, const Entries& entries) {
  const RecordSpec& doc = policy_document();
  d.check_keys(entries, "", doc.keys());
  auto& patches = d.out().policy;
  for (const auto& e : entries) {
    for (const auto& k : int_keys) {
      if (e.key != k.key) continue;
      const FieldSpec* s = doc.find(k.key);
      if (auto v = d.integer(e.value, k.key, s->lo, s->hi)) {
        int value = static_cast<int>(*v);
        auto f = k.field;
        patches.push_back([f, value](Policy& p) { p.*f = value; });
      }
    }
    for (const auto& k : bool_keys) {
      if (e.key != k.key) continue;
      if (auto v = d.boolean(e.value, k.key)) {
        bool value = *v;
        auto f = k.field;
        patches.push_back([f, value](Policy& p) { p.*f = value; });
      }
    }
  }
  if (auto e = Decoder::find(entries, "province")) {
    if (auto v = d.scalar_text(e->value, "province")) {
      std::string value = *v;
      patches.push_back([value](Policy& p) { p.province = value; });
    }
  }
  if (auto e = Decoder::find(entries, "team_size")) {
    auto r = d.record(e->value, "team_size", team_size_spec());
    int lo = -1, hi = -1;
    d.int_field(r, "min", [&](int v) { lo = v; });
    d.int_field(r, "max", [&](int v) { hi = v; });
    if (lo > 0 && hi > 0 && lo > hi) {
      d.error("L013", d.node(e->value), "team_size",
              {fmt::format("team_size 的 min（{}）大于 max（{}）", lo, hi),
               fmt::format("team_size min ({}) is greater than max ({})", lo, hi)});
    } else {
      patches.push_back([lo, hi](Policy& p) {
        if (lo > 0) p.team_min = lo;
        if (hi > 0) p.team_max = hi;
      });
    }
  }
  if (auto e = Decoder::find(entries, "days_on_site")) {
    auto r = d.record(e->value, "days_on_site", days_on_site_spec());
    for (std::size_t c = 0; c < region_class_names.size(); ++c) {
      d.int_field(r, region_class_names[c], [&](int value) {
        patches.push_back([c, value](Policy& pol) {
          int* slots[] = {&pol.days_city, &pol.days_prefecture, &pol.days_direct_city, &pol.days_forestry};
          *slots[c] = value;
        });
      });
    }
  }
  if (auto e = Decoder::find(entries, "untracked_steps")) {
    // Steps with a deadline the office does not record (a list, possibly empty: all tracked).
    // Which names are steps with a deadline is for the rules layer to say.
    PolicyStepList list;
    auto items = d.sequence(e->value, "untracked_steps");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string path = fmt::format("untracked_steps[{}]", i);
      if (auto text = d.scalar_text(items[i], path)) {
        list.steps.push_back({*text, d.mark_of(items[i]), path});
      } else {
        list.readable = false;
      }
    }
    d.out().policy_input.untracked_steps.push_back(std::move(list));
  }
  schedule_policy(d, entries);
  if (auto e = Decoder::find(entries, "ledger")) ledger_policy(d, *e);
  if (auto e = Decoder::find(entries, "rules")) {
    const YNode& n = d.node(e->value);
    if (n.type != Type::map) return d.wrong_type(n, "rules", "映射（规则编号: 级别）", "a map of rule id to severity");
    for (const auto& re : d.map_entries(n, "rules")) {
      std::string p = child_path("rules", re.key);
      auto level = d.scalar_text(re.value, p);
      Severity s{};
      if (!level) continue;
      if (!parse_severity(*level, s)) {
        d.error("L013", d.node(re.value), p,
                {fmt::format("「{}」级别无效：「{}」；可用：off, info, warning, error", p, *level),
                 fmt::format("invalid severity '{}' for '{}'; expected off, info, warning or error", *level, p)});
        continue;
      }
      d.out().policy_input.rules.push_back({std::string(re.key), s, d.mark_of(re.key_node), p});
    }
  }
}

}  // namespace xuncha::load::detail
