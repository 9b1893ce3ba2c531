// Problem-ledger rules on listed hazards, leads, public reports and look-backs (R2xx–R5xx;
// LEDGER.md sections 2, 3, 5, 6, 7; IV.2.6, IV.2.7).
#include <xuncha/core/suggest.hpp>
#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/ledger/ledger.hpp>
#include <xuncha/rules/checkers.hpp>

#include <algorithm>

#include <fmt/format.h>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"R201", "hazard-wrong-level", Severity::error, "IV.2.6", "重大隐患挂牌级别与等级不符", "hazard listed at the wrong level",
     "重大事故隐患由与其等级相应的政府挂牌督办。政策默认（湖北式分级）：一级、二级由省安委会，三级由市（州）安委会，四级由县级安委会挂牌（ledger.listing_level）。",
     "A major accident hazard is listed by the government whose level matches its grade. Policy default (Hubei-shaped): grades 1 and 2 by the provincial committee, 3 by the city's, 4 by the county's (ledger.listing_level)."},
    {"R202", "hazard-listing-incomplete", Severity::warning, "IV.2.6", "挂牌督办记录不全", "listing record incomplete",
     "挂牌记录应有挂牌单位、督办单位、整改单位、通知文号和日期、整改期限、媒体公布、治理方案六要素（目标和任务、方法和措施、经费和物资、机构和人员、时限和要求、安全措施和应急预案）和“五到位”（责任、措施、资金、时限、预案）。",
     "A listing names the listing body, the supervising body and the unit that fixes it, the notice (number, date), the deadline, its publication, the plan's six parts and the five in place (responsibility, measures, funds, deadline, emergency plan)."},
    {"R203", "hazard-delisted-early", Severity::error, "IV.2.6", "未经验收和复查即摘牌", "delisted before acceptance and review",
     "摘牌销号须在验收和复查之后，并向社会公布。", "Delisting comes after expert acceptance and the review, and is published."},
    {"R204", "hazard-overdue", Severity::error, "IV.2.6", "挂牌隐患逾期未销号", "listed hazard past its deadline",
     "挂牌督办的隐患过了整改期限（含批准的延期）仍未摘牌销号。", "A listed hazard not delisted by its deadline (approved extensions included)."},
    {"R205", "hazard-review-late", Severity::warning, "IV.2.6", "复查未在期限内完成", "review not done in time",
     "申请复查后应在规定天数内复查（一省的做法：10 日内，ledger.hazard_review_days，超出条例的政策默认值）。",
     "The review follows the request within the policy's days (one province's rule: 10 days; ledger.hazard_review_days, a policy default beyond the regulation)."},
    {"R206", "hazard-not-listed", Severity::error, "IV.2.6", "重大隐患未按期挂牌督办", "major hazard not listed in time",
     "“涉及重大事故隐患的，根据隐患等级，由相关政府挂牌督办”：巡查发现的重大隐患先登记（等级），再挂牌。挂牌属结果运用（IV.2.6），在反馈（IV.2.5）之后：须挂牌的等级（ledger.list_grades，默认全部）自反馈（发现晚于反馈的，自发现）起规定工作日内（ledger.hazard_listing_workdays，默认 10，超出条例的政策默认值）未挂牌，或挂牌晚于期限，即报此错误。",
     "'A major accident hazard is listed by the government that matches its grade': a hazard a tour finds is recorded with its grade first, and listed as a later step. Listing is a use of the results (IV.2.6), after the feedback (IV.2.5): a grade that must be listed (ledger.list_grades, default all) and not listed within the policy's working days of the feedback, or of the finding when that came later (ledger.hazard_listing_workdays, default 10, beyond the regulation), or listed later, is an error."},
    {"R301", "lead-not-sorted", Severity::error, "IV.2.6", "问题线索未分类处置即移交", "lead transferred before it was sorted",
     "问题线索先分类处置，再按干部管理权限和职责移交。", "Leads are sorted first, then transferred by cadre-management authority and duty."},
    {"R302", "lead-wrong-recipient", Severity::error, "IV.2.6", "问题线索移交对象与性质不符", "lead sent to the wrong body",
     "线索按性质移交（政策表 ledger.recipient）：违纪、作风 → 纪委监委；职务违法、职务犯罪 → 监委；其他犯罪 → 司法机关；民主集中制、干部选拔任用 → 组织部门；其他 → 主管部门。",
     "Leads go where their nature says (policy table ledger.recipient): discipline and conduct → discipline commission; duty-related illegality or crime → supervision commission; other crimes → judicial organs; democratic centralism and cadre selection → organisation department; anything else → the competent department."},
    {"R303", "lead-feedback-late", Severity::warning, "IV.2.6", "问题线索办理结果未按期反馈", "lead feedback late",
     "接收单位应在移交后 3 个月内反馈办理情况（ledger.lead_feedback_months，政策默认值，超出条例）。按民法典计算：月的对应日，无对应日为月末，遇法定休假日顺延。",
     "The receiver reports its handling within 3 months of the transfer (ledger.lead_feedback_months, a policy default beyond the regulation), counted as the Civil Code counts: the same day of the month, the month's last day when there is none, moved past a day off."},
    {"R304", "lead-not-transferred", Severity::warning, "IV.2.6", "问题线索未按期移交", "lead not transferred in time",
     "问题线索分类处置后，依据干部管理权限和职责分工移交有关部门（IV.2.6，在反馈之后）。自反馈（发现晚于反馈的，自发现）起规定工作日内（ledger.lead_transfer_workdays，默认 15，超出条例的政策默认值）未移交或移交晚于期限即报此警告。",
     "Leads, once sorted, are transferred to the body that investigates by cadre-management authority and duty (IV.2.6, after the feedback). A lead not transferred within the policy's working days of the feedback, or of the finding when that came later (ledger.lead_transfer_workdays, default 15, beyond the regulation), or transferred later, is a warning."},
    {"R401", "report-verify-late", Severity::warning, "IV.2.7", "群众举报未按期核查", "public report not verified in time",
     "群众举报应核查；一省的做法是 7 个工作日内反馈核查结果（ledger.report_verify_workdays，政策默认值，超出条例）。",
     "Public reports are verified; one province's practice is within 7 working days (ledger.report_verify_workdays, a policy default beyond the regulation)."},
    {"R402", "report-unanswered", Severity::warning, "IV.2.7", "群众举报未公布结果或未答复", "public report not answered",
     "核查后应公布结果并答复举报人，政策默认核查后 15 个工作日内（ledger.report_answer_workdays，超出条例的政策默认值）。",
     "After verification the result is announced and the reporter answered, by default within 15 working days (ledger.report_answer_workdays, a policy default beyond the regulation)."},
    {"R501", "lookback-due", Severity::warning, "IV.2.7", "应开展回头看而未开展", "look-back due but not held",
     "问题突出的地区和重大问题的整改要适时“回头看”。条例未规定时间；政策默认反馈后 12 个月内（look_back_months）。台账中重大问题与逾期问题合计达到政策门槛（ledger.lookback_threshold，默认 1 个）的巡查，到期未在期限内开展回头看即报此警告：没有记录，或期限过后才开展（未写日期的回头看记录视为已开展）。标为问题突出的巡查由 D201 检查。",
     "Regions with prominent problems and the rectification of major problems get a look-back in due time. The regulation sets no date; the policy default is within 12 months of feedback (look_back_months). A tour whose major plus overdue problems reach the policy's threshold (ledger.lookback_threshold, default 1) and that had no look-back within the window is a warning: none recorded, or one held only after the window closed (an undated look-back record counts as held). Tours marked serious are D201's."},
    {"R601", "county-outside-region", Severity::error, "IV.2.3", "县（市、区）不属于所记地区", "county outside the record's region",
     "问题、隐患、举报所记的县（市、区）须属于其地区：地区列出下辖县（county_names）时，不在其中即报此错误。",
     "The county (区、县、市) a problem, hazard or report names belongs to its region: when the region lists its counties (county_names), one not among them is an error."},
};

const RuleInfo& rule(std::string_view id) { return rule_in(kRules, id); }
std::string iso(Date d) { return format_iso(d); }



void check_hazards(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  const auto& lp = data.policy.ledger;
  for (const auto& h : data.ledger.hazards) {
    auto diag = [&](std::string_view id, std::string_view field, Message m) {
      out.push_back(make_diagnostic(rule(id), data, h.src, field, h.id, std::move(m)));
    };
    auto want = lp.level_for(h.grade);
    auto wi = static_cast<std::size_t>(want);
    if (h.level && *h.level != want) {
      auto li = static_cast<std::size_t>(*h.level);
      diag("R201", "level", {fmt::format("{}级隐患 {} 由{}挂牌，应由{}挂牌", h.grade, h.id, listing_level_zh[li], listing_level_zh[wi]),
                             fmt::format("grade-{} hazard {} is listed at {} level; grade {} is listed at {} level", h.grade,
                                         h.id, listing_level_names[li], h.grade, listing_level_names[wi])});
    }
    auto listed_on = h.listed_on();
    if (!h.is_listed() || listed_on) {
      // R206: a grade that must be listed, listed within the policy's working days.
      if (auto due = ledger::hazard_listing_due(h, data, ctx.calendar)) {
        Date by = *due;
        auto base = ledger::step_base(data, h.found, h.tour);  // (known: the due date counts from it)
        if (listed_on ? by < *listed_on : by < ctx.as_of)
          diag("R206", h.listed ? "listed" : listed_on ? "notice.date" : "grade",
               {fmt::format("{}级隐患 {} 应于 {} 前挂牌督办（自 {} 起 {} 个工作日），{}", h.grade, h.id, iso(by), iso(*base),
                            lp.hazard_listing_workdays, listed_on ? iso(*listed_on) + " 才挂牌" : std::string("尚未挂牌")),
                fmt::format("grade-{} hazard {} was to be listed by {} ({} working days from {}); {}", h.grade, h.id,
                            iso(by), lp.hazard_listing_workdays, iso(*base),
                            listed_on ? "listed only " + iso(*listed_on) : std::string("not listed"))});
      }
      if (!h.is_listed()) continue;  // found, not listed: the listing's rules wait for the listing
    }
    std::vector<std::string> lacks;
    if (!h.level) lacks.emplace_back("level");
    if (h.listed_by.empty()) lacks.emplace_back("listed_by");
    if (h.supervisor.empty()) lacks.emplace_back("supervisor");
    if (h.unit.empty()) lacks.emplace_back("unit");
    if (h.notice_no.empty() || !h.notice_date) lacks.emplace_back("notice");
    if (!h.deadline) lacks.emplace_back("deadline");
    if (!h.published) lacks.emplace_back("published");
    for (std::size_t i = 0; i < h.plan.size(); ++i)
      if (!h.plan[i]) lacks.push_back("plan." + std::string(plan_part_names[i]));
    for (std::size_t i = 0; i < h.five_in_place.size(); ++i)
      if (!h.five_in_place[i]) lacks.push_back("five_in_place." + std::string(five_in_place_names[i]));
    if (!lacks.empty()) {
      std::string list = fmt::format("{}", fmt::join(lacks, ", "));
      diag("R202", "id", {fmt::format("挂牌隐患 {} 的记录缺少 {}", h.id, list), fmt::format("listing {} lacks {}", h.id, list)});
    }
    if (h.delisted) {
      std::vector<std::string_view> before;
      if (!h.accepted || *h.delisted < *h.accepted) before.push_back("accepted");
      if (!h.reviewed || *h.delisted < *h.reviewed) before.push_back("reviewed");
      if (!h.delisting_published) before.push_back("delisting_published");
      if (!before.empty()) {
        std::string list = fmt::format("{}", fmt::join(before, ", "));
        diag("R203", "delisted", {fmt::format("隐患 {} 于 {} 摘牌，但此前缺少 {}", h.id, iso(*h.delisted), list),
                                  fmt::format("hazard {} was delisted {} without {} before it", h.id, iso(*h.delisted), list)});
      }
    }
    auto deadline = h.deadline_in_force();
    if (deadline && *deadline < ctx.as_of && (!h.delisted || *deadline < *h.delisted) && !h.delisted) {
      diag("R204", h.extensions.empty() ? "deadline" : "extensions",
           {fmt::format("挂牌隐患 {} 的整改期限 {} 已过，尚未摘牌销号（逾期 {} 天）", h.id, iso(*deadline), (ctx.as_of - *deadline).count()),
            fmt::format("listed hazard {} was due {} and is not delisted ({} days overdue)", h.id, iso(*deadline),
                        (ctx.as_of - *deadline).count())});
    }
    if (h.review_requested) {
      Date by = *h.review_requested + date::days{lp.hazard_review_days};
      if ((h.reviewed && by < *h.reviewed) || (!h.reviewed && by < ctx.as_of))
        diag("R205", h.reviewed ? "reviewed" : "review_requested",
             {fmt::format("隐患 {} 于 {} 申请复查，应于 {} 前复查，{}", h.id, iso(*h.review_requested), iso(by),
                          h.reviewed ? "实际 " + iso(*h.reviewed) : std::string("尚未复查")),
              fmt::format("hazard {}: review requested {}, due by {}; {}", h.id, iso(*h.review_requested), iso(by),
                          h.reviewed ? "reviewed " + iso(*h.reviewed) : std::string("not reviewed"))});
    }
  }
}

void check_leads(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  const auto& lp = data.policy.ledger;
  for (const auto& l : data.ledger.leads) {
    auto diag = [&](std::string_view id, std::string_view field, Message m) {
      out.push_back(make_diagnostic(rule(id), data, l.src, field, l.id, std::move(m)));
    };
    if (l.transferred && (!l.classified || *l.transferred < *l.classified)) {
      diag("R301", l.classified ? "classified" : "transferred",
           {fmt::format("问题线索 {} 于 {} 移交，{}", l.id, iso(*l.transferred),
                        l.classified ? "分类处置在 " + iso(*l.classified) + "，晚于移交" : std::string("没有分类处置日期")),
            fmt::format("lead {} was transferred {} {}", l.id, iso(*l.transferred),
                        l.classified ? "but sorted only " + iso(*l.classified) : std::string("without being sorted"))});
    }
    if (auto due = ledger::lead_transfer_due(l, data, ctx.calendar)) {
      Date by = *due;
      auto base = ledger::step_base(data, l.found, l.tour);  // (known: the due date counts from it)
      if (l.transferred ? by < *l.transferred : by < ctx.as_of)
        diag("R304", l.transferred ? "transferred" : "id",
             {fmt::format("问题线索 {} 应于 {} 前移交（自 {} 起 {} 个工作日），{}", l.id, iso(by), iso(*base),
                          lp.lead_transfer_workdays, l.transferred ? iso(*l.transferred) + " 才移交" : std::string("尚未移交")),
              fmt::format("lead {} was to be transferred by {} ({} working days from {}); {}", l.id, iso(by),
                          lp.lead_transfer_workdays, iso(*base),
                          l.transferred ? "transferred only " + iso(*l.transferred) : std::string("not transferred"))});
    }
    auto ni = static_cast<std::size_t>(l.nature);
    auto want = static_cast<std::size_t>(lp.recipient_for(l.nature));
    if (l.recipient && static_cast<std::size_t>(*l.recipient) != want) {
      auto ri = static_cast<std::size_t>(*l.recipient);
      diag("R302", "recipient", {fmt::format("问题线索 {}（{}）移交给了{}，应移交{}", l.id, lead_nature_zh[ni], recipient_zh[ri], recipient_zh[want]),
                                 fmt::format("lead {} ({}) went to the {}; its nature goes to the {}", l.id, lead_nature_names[ni],
                                             recipient_names[ri], recipient_names[want])});
    }
    if (auto due = ledger::lead_feedback_due(l, data.policy, ctx.calendar)) {
      if ((l.feedback && *due < *l.feedback) || (!l.feedback && *due < ctx.as_of))
        diag("R303", l.feedback ? "feedback" : "transferred",
             {fmt::format("问题线索 {} 于 {} 移交，应于 {} 前反馈，{}", l.id, iso(*l.transferred), iso(*due),
                          l.feedback ? "实际 " + iso(*l.feedback) : std::string("尚未反馈")),
              fmt::format("lead {} was transferred {}; feedback was due {}, {}", l.id, iso(*l.transferred), iso(*due),
                          l.feedback ? "given " + iso(*l.feedback) : std::string("none yet"))});
    }
  }
}

void check_reports(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  for (const auto& r : data.ledger.reports) {
    auto diag = [&](std::string_view id, std::string_view field, Message m) {
      out.push_back(make_diagnostic(rule(id), data, r.src, field, r.id, std::move(m)));
    };
    Date by = ledger::report_verify_due(r, data.policy, ctx.calendar);
    if ((r.verified && by < *r.verified) || (!r.verified && by < ctx.as_of)) {
      diag("R401", r.verified ? "verified" : "received",
           {fmt::format("群众举报 {} 于 {} 收到，应于 {} 前核查，{}", r.id, iso(r.received), iso(by),
                        r.verified ? "实际 " + iso(*r.verified) : std::string("尚未核查")),
            fmt::format("public report {} was received {}; verification was due {}, {}", r.id, iso(r.received), iso(by),
                        r.verified ? "done " + iso(*r.verified) : std::string("not done"))});
    }
    if (auto ans = ledger::report_answer_due(r, data.policy, ctx.calendar)) {
      bool late = (r.answered && *ans < *r.answered) || (!r.answered && *ans < ctx.as_of) ||
                  (!r.announced && *ans < ctx.as_of);
      if (late)
        diag("R402", r.answered ? "answered" : "verified",
             {fmt::format("群众举报 {} 已于 {} 核查，应于 {} 前公布结果并答复，{}", r.id, iso(*r.verified), iso(*ans),
                          r.answered ? "答复于 " + iso(*r.answered) + (r.announced ? "" : "，未公布结果")
                                     : std::string("尚未答复")),
              fmt::format("public report {} was verified {}; result and answer were due {}, {}", r.id, iso(*r.verified),
                          iso(*ans),
                          r.answered ? "answered " + iso(*r.answered) + (r.announced ? "" : ", result not announced")
                                     : std::string("not answered"))});
    }
  }
}

void check_lookbacks(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  for (const auto& d : ledger::lookbacks_due(data, ctx.calendar, ctx.as_of)) {
    const Tour& t = *d.tour;
    if (d.recorded || t.serious || !(d.to < ctx.as_of)) continue;
    if (d.late) {
      out.push_back(make_diagnostic(
          rule("R501"), data, t.src, "id", t.id,
          {fmt::format("巡查 {}（{}）：{}，应于 {} 前开展回头看，{} 才开展（超出期限）", t.id, t.region, d.reason.zh, iso(d.to),
                       iso(*d.late)),
           fmt::format("tour {} ({}): {}; a look-back was due by {} and was held only {} (late)", t.id, t.region,
                       d.reason.en, iso(d.to), iso(*d.late))}));
      continue;
    }
    out.push_back(make_diagnostic(
        rule("R501"), data, t.src, "id", t.id,
        {fmt::format("巡查 {}（{}）：{}，应于 {} 前开展回头看，尚无记录", t.id, t.region, d.reason.zh, iso(d.to)),
         fmt::format("tour {} ({}): {}; a look-back was due by {} and none is recorded", t.id, t.region, d.reason.en, iso(d.to))}));
  }
}

// R601: a county named by a record belongs to its region (when the region lists its counties).
void check_counties(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  auto check = [&](const Source& src, const std::string& id, const std::string& region, const std::string& county,
                   std::string_view kind_zh, std::string_view kind_en) {
    if (county.empty()) return;
    const Region* r = data.region(region);
    if (!r || r->county_names.empty()) return;
    if (std::find(r->county_names.begin(), r->county_names.end(), county) != r->county_names.end()) return;
    std::vector<std::string_view> names(r->county_names.begin(), r->county_names.end());
    std::string hint = closest_match(county, names);
    out.push_back(make_diagnostic(
        rule("R601"), data, src, "county", id,
        {fmt::format("{} {} 的县（市、区）「{}」不属于{}{}", kind_zh, id, county, r->name,
                     hint.empty() ? "" : fmt::format("；是否为「{}」？", hint)),
         fmt::format("{} {}: county '{}' is not in {}{}", kind_en, id, county, r->name,
                     hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint))}));
  };
  for (const auto& p : data.ledger.problems) check(p.src, p.id, p.region, p.county, "问题", "problem");
  for (const auto& h : data.ledger.hazards) check(h.src, h.id, h.region, h.county, "隐患", "hazard");
  for (const auto& r : data.ledger.reports) check(r.src, r.id, r.region, r.county, "群众举报", "public report");
}

}  // namespace

std::span<const RuleInfo> ledger_record_rules() { return kRules; }

void check_ledger_records(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  check_hazards(ctx, out);
  check_leads(ctx, out);
  check_reports(ctx, out);
  check_lookbacks(ctx, out);
  check_counties(ctx, out);
}

}  // namespace xuncha::rules
