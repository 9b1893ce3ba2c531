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
    {"experts_min", &Policy::experts_min},
    {"first_round_year", &Policy::first_round_year},
    {"planning_feedback_workdays", &Policy::planning_feedback_workdays},
    // Team plan (xuncha staff).
    {"staff_deputies", &Policy::staff_deputies},
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
  About about;
};
const BoolKey bool_keys[] = {
    {"roll_forward_to_workday", &Policy::roll_forward_to_workday,
     {"按月计的期限落在休息日时顺延到下一个工作日（默认 true）", "a month period ending on a day off ends on the next working day (default true)"}},
    {"archive_with_report", &Policy::archive_with_report,
     {"资料随报告一并归档（默认 true；否则见 archive_workdays）", "archive handed over with the report (default true; else see archive_workdays)"}},
    {"conflict_of_interest", &Policy::conflict_of_interest,
     {"回避：不巡查本人所在单位或籍贯地区（默认 true）", "conflicts of interest (回避): nobody inspects their own unit or home region (default true)"}},
    {"off_round_tours", &Policy::off_round_tours,
     {"排期：允许计划中的巡查落在轮次年度之外（默认 false）", "scheduling: planned tours may fall outside round years (default false)"}},
    {"staff_pairs_together", &Policy::staff_pairs_together,  // team plan
     {"组队：true 时改为计入被拆开的同组搭档（让搭档继续同组）", "team plan: true weighs pairs split instead (keeps team-mates together)"}},
};

const RecordSpec& team_size_spec() {
  static const RecordSpec s{{
      {.key = "min", .type = FieldType::integer, .lo = 1, .hi = 100, .about = {"每组最少人数", "fewest people per team"}},
      {.key = "max", .type = FieldType::integer, .lo = 1, .hi = 100, .about = {"每组最多人数", "most people per team"}},
  }, {"巡查组人数范围", "team size"}};
  return s;
}
const RecordSpec& team_members_spec() {
  static const RecordSpec s{{
      {.key = "min", .type = FieldType::integer, .lo = 0, .hi = 50, .about = {"每组最少成员人数", "fewest members per team"}},
      {.key = "max", .type = FieldType::integer, .lo = 0, .hi = 50, .about = {"每组最多成员人数", "most members per team"}},
  }, {"每组成员人数范围（整个工作周期不变）", "members per team, fixed for the work cycle"}};
  return s;
}
const RecordSpec& team_experts_spec() {
  static const RecordSpec s{{
      {.key = "min", .type = FieldType::integer, .lo = 0, .hi = 20, .about = {"每次巡查最少专家人数", "fewest experts per tour"}},
      {.key = "max", .type = FieldType::integer, .lo = 0, .hi = 20, .about = {"每次巡查最多专家人数", "most experts per tour"}},
  }, {"每次巡查的专家人数范围（一次一聘）", "experts per tour, one appointment each (一次一聘)"}};
  return s;
}
const RecordSpec& days_on_site_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"按地区类别的进驻天数", "days on site by region class"}};
    static constexpr std::array<About, 4> classes{{{"市的进驻天数", "days on site in a city (市)"},
                                                    {"州的进驻天数", "days on site in a prefecture (州)"},
                                                    {"直管市的进驻天数", "days on site in a directly administered city (直管市)"},
                                                    {"林区的进驻天数", "days on site in a forestry district (林区)"}}};
    static_assert(classes.size() == region_class_names.size());
    for (std::size_t i = 0; i < classes.size(); ++i)
      r.fields.push_back({.key = region_class_names[i], .type = FieldType::integer, .lo = 1, .hi = 366, .about = classes[i]});
    return r;
  }();
  return s;
}
const RecordSpec& months_by_class_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"按地区类别的可进驻月份（1–12）", "months (1-12) a tour may be on site, by region class"}};
    static constexpr std::array<About, 4> classes{{{"市的可进驻月份", "months for a city (市)"},
                                                    {"州的可进驻月份", "months for a prefecture (州)"},
                                                    {"直管市的可进驻月份", "months for a directly administered city (直管市)"},
                                                    {"林区的可进驻月份", "months for a forestry district (林区)"}}};
    for (std::size_t i = 0; i < classes.size(); ++i)
      r.fields.push_back({.key = region_class_names[i], .type = FieldType::integer, .list = true, .lo = 1, .hi = 12, .about = classes[i]});
    return r;
  }();
  return s;
}
const RecordSpec& batch_spec() {
  static const RecordSpec s{{
      {.key = "name", .type = FieldType::text, .about = {"批次名称（默认为序号）", "the batch's name (default: its number)"}},
      {.key = "from", .type = FieldType::month_day, .required = true, .about = {"窗口第一天（MM-DD）", "first day of the window (MM-DD)"}},
      {.key = "to", .type = FieldType::month_day, .required = true, .about = {"窗口最后一天（MM-DD）", "last day of the window (MM-DD)"}},
  }, {"一个批次窗口（MM-DD 至 MM-DD，不跨年）", "a batch window (MM-DD to MM-DD, within one year)"}};
  return s;
}
const RecordSpec& blackout_spec() {
  static const RecordSpec s{{
      {.key = "name", .type = FieldType::text, .about = {"名称（如 全国两会）", "the period's name (e.g. 全国两会)"}},
      {.key = "from", .type = FieldType::date, .required = true, .about = {"第一天", "first day"}},
      {.key = "to", .type = FieldType::date, .required = true, .about = {"最后一天", "last day"}},
  }, {"不安排进驻的一段时间", "a period with no tour on site"}};
  return s;
}
const RecordSpec& objective_spec() {
  static const RecordSpec s{{
      {.key = "round_load", .type = FieldType::integer, .lo = 0, .hi = 1000000,
       .about = {"各轮次工作量均衡的权重", "weight of an even load across rounds"}},
      {.key = "risk", .type = FieldType::integer, .lo = 0, .hi = 1000000,
       .about = {"高风险地区优先的权重", "weight of visiting riskier regions first"}},
      {.key = "team_balance", .type = FieldType::integer, .lo = 0, .hi = 1000000,
       .about = {"各巡查组任务均衡的权重", "weight of an even load across teams"}},
      {.key = "tour_days", .type = FieldType::integer, .lo = 0, .hi = 1000000,
       .about = {"进驻天数的权重", "weight of the days on site"}},
  }, {"排期目标的权重", "weights of the scheduling objective"}};
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

}  // namespace

const RecordSpec& policy_document() {
  static const RecordSpec s = [] {
    RecordSpec r{{
        kind_field(),
        version_field(),
        {.key = "province", .type = FieldType::text, .about = {"省份名称，用于标题（无默认值：不写则标题不含省名）", "the province's name, shown in titles (none by default: titles leave it out)"}},
        {.key = "team_size", .type = FieldType::record, .record = &team_size_spec(), .about = {"巡查组人数范围", "team size"}},
        {.key = "team_members", .type = FieldType::record, .record = &team_members_spec(),
         .about = {"每组成员人数范围（默认 1—3，整个工作周期不变；规则 T120，组队取范围内最少）",
                   "members per team (default 1-3, fixed for the work cycle; rule T120; the team plan takes the fewest)"}},
        {.key = "team_experts", .type = FieldType::record, .record = &team_experts_spec(),
         .about = {"每次巡查的专家人数范围（默认 1—2，一次一聘；规则 T120，组队取范围内最少）",
                   "experts per tour (default 1-2, one appointment each; rule T120; the team plan takes the fewest)"}},
        {.key = "experts_min", .type = FieldType::integer, .lo = 0, .hi = 20,
         .about = {"每个巡查组至少的安全生产专家人数（II.2，规则 T119，默认 1；0：不检查）",
                   "safety experts on every team, at least (II.2, rule T119; default 1; 0: not checked)"}},
        {.key = "months_by_class", .type = FieldType::record, .record = &months_by_class_spec(),
         .about = {"排期：各类地区可以进驻的月份（如 forestry: [5, 6, 9, 10]），地区的 months 优先",
                   "scheduling: months a tour may be on site, by region class (e.g. forestry: [5, 6, 9, 10]); a region's months win"}},
        {.key = "blocked_by_class", .type = FieldType::record, .record = &blocked_by_class_spec(),
         .about = {"排期：各类地区每年不进驻的时段（如 forestry: [{name: 深冬, from: 12-01, to: 02-28}]），地区的 blocked 优先",
                   "scheduling: periods of each year with no tour on site, by region class (e.g. forestry: [{name: winter, from: 12-01, to: 02-28}]); a region's blocked wins"}},
        {.key = "days_on_site", .type = FieldType::record, .record = &days_on_site_spec(),
         .about = {"按地区类别的进驻天数", "days on site by region class"}},
        {.key = "rules", .type = FieldType::rule_map, .about = {"规则编号（或别名）及其级别：off、info、warning、error", "rule id (or slug) to off, info, warning or error"}},
        {.key = "batches", .type = FieldType::record, .list = true, .record = &batch_spec(),
         .about = {"轮次年度的批次窗口（MM-DD，含首尾，不跨年；至少一个）", "batch windows of a round year (MM-DD, inclusive, within one year; at least one)"},
         .min_items = 1},
        {.key = "blackouts", .type = FieldType::record, .list = true, .record = &blackout_spec(),
         .about = {"法定节假日之外不安排进驻的日子", "extra days with no tour on site, besides statutory holidays"}},
        {.key = "objective", .type = FieldType::record, .record = &objective_spec(),
         .about = {"排期目标的权重（SCHEDULING.md）", "weights of the scheduling objective (SCHEDULING.md)"}},
        {.key = "untracked_steps",
         .type = FieldType::choice,
         .list = true,
         .choices = {milestone_names.begin(), milestone_names.end()},
         .about = {"办公室不记录的有期限环节（不列行，不报 D201/D202）", "deadline steps the office does not record (no row, no D201/D202)"}},
        {.key = "ledger", .type = FieldType::record, .record = &ledger_policy_spec(),
         .about = {"问题台账的对照表和天数", "the problem ledger's tables and day counts"}},
        {.key = "assessment", .type = FieldType::record, .record = &assessment_policy_spec(),
         .about = {"巡查结果运用：目标考核计分办法和抄送单位（IV.2.6）", "use of the results: the assessment's scoring and recipients (IV.2.6)"}},
        {.key = "regions_expected", .type = FieldType::integer, .lo = 1, .hi = 10000,
         .about = {"应覆盖的地区数（II.1）；只有给出时规则 C100 才核对地区数", "regions to cover (II.1); rule C100 checks the count only when this is given"}},
        {.key = "coverage_years", .type = FieldType::integer, .lo = 1, .hi = 50,
         .about = {"每个地区在此年数内至少巡查一次（II.3，默认 5）", "years within which every region is inspected (II.3; default 5)"}},
        {.key = "cadence_years", .type = FieldType::integer, .lo = 1, .hi = 50,
         .about = {"定期巡查的轮次间隔年数（II.3，默认 2）", "years between regular rounds, in principle (II.3; default 2)"}},
        {.key = "report_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"进驻结束后报送巡查报告的工作日数（IV.2.4，默认 15）", "working days after the end on site to submit the report (IV.2.4; default 15)"}},
        {.key = "rectification_plan_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"反馈后报送整改方案的工作日数（IV.2.7，默认 20）", "working days after the feedback to submit the rectification plan (IV.2.7; default 20)"}},
        {.key = "rectification_results_months", .type = FieldType::integer, .lo = 0, .hi = 120,
         .about = {"反馈后报送整改结果的月数（IV.2.7，默认 2）", "months after the feedback to submit the rectification results (IV.2.7; default 2)"}},
        {.key = "preparation_lead_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"准备环节至少提前于进驻的工作日数（默认 0）", "preparation steps at least this many working days before the start (default 0)"}},
        {.key = "archive_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"archive_with_report 为 false 时：报告期限后归档的工作日数", "when archive_with_report is false: working days after the report deadline to archive"}},
        {.key = "look_back_months", .type = FieldType::integer, .lo = 0, .hi = 120,
         .about = {"问题严重的巡查在反馈后此月数内回头看（默认 12）", "months after the feedback within which a serious tour is looked back at (default 12)"}},
        {.key = "due_soon_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"期限：提前多少个工作日算作即将到期（--within 的默认值，5）", "deadlines: working days ahead counted as due soon (default of --within; 5)"}},
        {.key = "teams_per_round", .type = FieldType::integer, .lo = 1, .hi = 10000,
         .about = {"排期：每个轮次年度可用的巡查组数（--teams 可覆盖，默认 4）", "scheduling: teams available in each round year (--teams overrides; default 4)"}},
        {.key = "first_round_year", .type = FieldType::integer, .lo = min_year, .hi = max_year,
         .about = {"排期：某一轮次年度（默认取记录中最后一轮定期巡查，否则 --from）", "scheduling: a round year (default: the last regular round on record, else --from)"}},
        {.key = "tour_start_day",
         .type = FieldType::choice,
         .choices = {start_day_names.begin(), start_day_names.end()},
         .aliases = zh_aliases(start_day_zh),
         .about = {"排期与检查：巡查从哪种日子开始（IV.2.2 进驻先与党委政府见面）：workday 工作日（默认）、monday 周一、any 任意",
                   "scheduling and checks: the days a tour may start on (IV.2.2, it opens with a meeting with the region's leaders): "
                   "workday (default), monday, any"}},
        {.key = "planning_feedback_workdays", .type = FieldType::integer, .lo = 0, .hi = 1000,
         .about = {"计划期限：假定报告期限后此工作日数反馈（默认 10）", "planned deadlines: feedback assumed this many working days after the report is due (default 10)"}},
        {.key = "staff_deputies", .type = FieldType::integer, .lo = 1, .hi = 20,
         .about = {"组队：每组副组长人数，整个工作周期不变", "team plan: deputy leaders per team, fixed for the work cycle"}},
        {.key = "staff_members", .type = FieldType::integer, .lo = 0, .hi = 50,
         .about = {"旧写法：每组成员恰好此数，同 team_members: {min: N, max: N}",
                   "old form: exactly this many members per team, the same as team_members: {min: N, max: N}"}},
        {.key = "staff_experts", .type = FieldType::integer, .lo = 0, .hi = 20,
         .about = {"旧写法：每次巡查专家恰好此数，同 team_experts: {min: N, max: N}",
                   "old form: exactly this many experts per tour, the same as team_experts: {min: N, max: N}"}},
        {.key = "staff_max_days", .type = FieldType::integer, .lo = 0, .hi = 366,
         .about = {"组队：每人每个自然年进驻天数上限（0：不限）", "team plan: days on site per person and calendar year, at most (0: no cap)"}},
        {.key = "staff_fair_days", .type = FieldType::integer, .lo = 0, .hi = 366,
         .about = {"组队：每人每年进驻超过此天数才计入负担", "team plan: days on site per person and year beyond which the burden counts"}},
        {.key = "staff_weight_units", .type = FieldType::integer, .lo = 0, .hi = 1000000,
         .about = {"组队：成员单位在一个周期内超出均摊席位的每个席位的权重", "team plan: weight per seat a member unit fills beyond its even share of a cycle"}},
        {.key = "staff_weight_days", .type = FieldType::integer, .lo = 0, .hi = 1000000,
         .about = {"组队：超出 staff_fair_days 的每人日的权重", "team plan: weight per person-day on site beyond staff_fair_days"}},
        {.key = "staff_weight_pairs", .type = FieldType::integer, .lo = 0, .hi = 1000000,
         .about = {"组队：上一周期同组的两人再次同组，每对的权重", "team plan: weight per pair of last cycle's team-mates on one team again"}},
        {.key = "staff_weight_fields", .type = FieldType::integer, .lo = 0, .hi = 1000000,
         .about = {"组队：专业与地区重点行业不符的每名专家的权重", "team plan: weight per expert whose fields miss the region's key industries"}},
    }, {"政策：规定中的各项数字和本办公室的设置", "policy: the regulation's numbers and the office's settings"}};
    for (const auto& k : bool_keys) r.fields.push_back({.key = k.key, .type = FieldType::boolean, .about = k.about});
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
  // Team make-up as ranges; the old exact counts (staff_members, staff_experts) set min = max.
  struct RangeKey {
    std::string_view key, old_key;
    const RecordSpec& spec;
    int Policy::*lo;
    int Policy::*hi;
  };
  const RangeKey ranges[] = {{"team_members", "staff_members", team_members_spec(), &Policy::members_min, &Policy::members_max},
                             {"team_experts", "staff_experts", team_experts_spec(), &Policy::staff_experts_min,
                              &Policy::staff_experts_max}};
  for (const auto& k : ranges) {
    auto e = Decoder::find(entries, k.key);
    auto old = Decoder::find(entries, k.old_key);
    if (e && old) {
      d.error("L013", d.node(old->value), std::string(k.old_key),
              {fmt::format("{} 与 {} 只能写一个：{} 是旧写法（恰好 N 人），请改写为 {}: {{min: N, max: N}}", k.old_key, k.key,
                           k.old_key, k.key),
               fmt::format("give {} or {}, not both: {} is the old form (exactly N), write {}: {{min: N, max: N}} instead",
                           k.old_key, k.key, k.old_key, k.key)});
      continue;
    }
    if (old) {
      const FieldSpec* s = doc.find(k.old_key);
      if (auto v = d.integer(old->value, k.old_key, s->lo, s->hi)) {
        int n = static_cast<int>(*v);
        patches.push_back([lo = k.lo, hi = k.hi, n](Policy& p) { p.*lo = p.*hi = n; });
      }
      continue;
    }
    if (!e) continue;
    auto r = d.record(e->value, std::string(k.key), k.spec);
    int lo = -1, hi = -1;
    d.int_field(r, "min", [&](int v) { lo = v; });
    d.int_field(r, "max", [&](int v) { hi = v; });
    if (lo >= 0 && hi >= 0 && lo > hi) {
      d.error("L013", d.node(e->value), std::string(k.key),
              {fmt::format("{} 的 min（{}）大于 max（{}）", k.key, lo, hi),
               fmt::format("{} min ({}) is greater than max ({})", k.key, lo, hi)});
    } else {
      patches.push_back([plo = k.lo, phi = k.hi, lo, hi](Policy& p) {
        if (lo >= 0) p.*plo = lo;
        if (hi >= 0) p.*phi = hi;
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
  if (auto e = Decoder::find(entries, "months_by_class")) {
    auto r = d.record(e->value, "months_by_class", months_by_class_spec());
    for (std::size_t c = 0; c < region_class_names.size(); ++c)
      d.field(r, region_class_names[c], [&](std::uint32_t v, const std::string& p) {
        std::vector<int> months;
        if (!d.month_list(v, p, months)) return false;
        patches.push_back([c, months](Policy& pol) { pol.class_months[c] = months; });
        return true;
      });
  }
  if (auto e = Decoder::find(entries, "blocked_by_class")) blocked_by_class(d, e->value);
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
  if (auto e = Decoder::find(entries, "tour_start_day")) {
    const FieldSpec* s = doc.find("tour_start_day");
    if (auto c = d.choice(e->value, "tour_start_day", s->choices, s->aliases)) {
      auto value = static_cast<StartDay>(*c);
      patches.push_back([value](Policy& p) { p.tour_start_day = value; });
    }
  }
  schedule_policy(d, entries);
  if (auto e = Decoder::find(entries, "ledger")) ledger_policy(d, *e);
  if (auto e = Decoder::find(entries, "assessment")) assessment_policy(d, *e);
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
