// Problem-ledger rules on problems (R1xx, LEDGER.md sections 1, 4, 7; IV.2.3, IV.2.7).
#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/ledger/ledger.hpp>
#include <xuncha/rules/checkers.hpp>

#include <fmt/format.h>

#include <algorithm>

#include <unordered_map>

namespace xuncha::rules {
namespace {

constexpr RuleInfo kRules[] = {
    {"R101", "problem-outside-tour", Severity::error, "IV.2.3", "问题不属于所记的巡查", "problem outside its tour",
     "问题须出自真实的巡查：地区与巡查的地区一致，发现日期在巡查组进驻期间（开始日至结束日，含批准的延长）。",
     "A problem must come from a real tour: its region is the tour's region and it was found while the team was there (start to end, approved extension included)."},
    {"R102", "problem-no-evidence", Severity::warning, "IV.2.3", "问题未留存佐证", "problem without evidence",
     "现场发现的问题要保留证据（书面材料、照片、视频）。问题记录没有 evidence 即报此警告。",
     "Problems found on site must keep their evidence (papers, photos, video). A problem with no evidence is a warning."},
    {"R103", "major-not-reported", Severity::error, "IV.2.3", "重要情况、重大问题未及时报告省安委会", "important or major problem not reported promptly",
     "“对发现的重要情况和重大问题，要及时向省安委会报告”：严重程度为重要或重大的问题都要及时报告。“及时”的期限条例未规定，政策默认发现后 3 个工作日内（ledger.report_to_committee_workdays，超出条例的政策默认值）。",
     "'Important matters and major problems found are reported to the provincial committee promptly': problems of gravity important or major both are. The regulation sets no limit; the policy default is 3 working days after the problem was found (ledger.report_to_committee_workdays, a policy default beyond the regulation)."},
    {"R104", "problem-incomplete", Severity::warning, "IV.2.7", "整改方案到期后问题台账要素不全", "ledger row incomplete after the plan is due",
     "整改方案报送期限（反馈后 20 个工作日）届满后，每个问题都应有整改方式、责任单位、责任人、整改措施，除长期坚持外还应有整改时限。",
     "Once the rectification plan is due (20 working days after feedback), every problem has a mode, a responsible unit and person, measures and, unless ongoing, a due date."},
    {"R105", "at-once-not-done", Severity::error, "IV.2.3", "立行立改问题未在巡查期间完成", "fixed-at-once item not done by the tour's end",
     "立行立改的问题应在巡查组离开前完成整改。", "Items to be fixed at once must be done by the end of the tour."},
    {"R106", "problem-overdue", Severity::error, "IV.2.7", "整改逾期", "rectification overdue",
     "限期整改的问题过了整改时限（含批准的延期）仍未完成即逾期；长期坚持的问题只在阶段目标到期未达成时逾期。按日历日还是工作日计算、宽限几天由政策决定（ledger.overdue_in_workdays、ledger.overdue_grace，政策默认：日历日、不宽限）。",
     "An item past its due date (approved extensions included) and not done is overdue; an ongoing item is overdue only when a stage target is past due and unmet. Whether days or working days count, and any grace, is the policy's (ledger.overdue_in_workdays, ledger.overdue_grace; default: calendar days, no grace)."},
    {"R107", "extension-invalid", Severity::warning, "IV.2.7", "延期未在期限前申请或未获批准", "extension not requested in time or not approved",
     "延期须在原期限届满前申请，并经批准；未获批准的延期不改变整改时限。",
     "An extension must be requested before the deadline it moves and be approved; an unapproved one leaves the due date as it was."},
    {"R108", "closure-incomplete", Severity::error, "V.2", "销号条件不全", "closed without completion, verification or proof",
     "对账销号：整改完成、经核查验收通过、整改佐证材料（proof）齐全后方可销号，且销号日期不早于完成和核查日期。现场留存的证据（evidence，IV.2.3）不是整改佐证；数据中没有任何问题记录 proof 时（旧数据），evidence 暂作整改佐证，并提示一次。",
     "Closure (对账销号) needs completion, a passed verification and the proof of rectification (proof), in that order: closed on or after completion and verification. The evidence kept on site (evidence, IV.2.3) is not proof of the fix; while no problem of the data set records proof (older data), evidence stands in for it, with one note."},
    {"R109", "state-backwards", Severity::error, "V.2", "整改状态倒退", "state moved backwards",
     "问题状态只能向前：未整改 → 整改中 → 已完成 → 已销号。已销号的问题不会重新打开；复发的是新问题（relapse_of 指向原问题）。",
     "States move only forward: not started → in progress → done → closed. A closed item never reopens; a relapse is a new problem linked with relapse_of."},
    {"R110", "results-while-open", Severity::error, "IV.2.7", "整改结果报告与问题整改情况不符", "results report misstates open problems",
     "“于两个月内将整改和查处情况报送省安委会审核”要求的是如实报告整改情况，而非全部完成：整改结果报告可以在仍有问题未完成时报送。"
     "两种情况报告此错误：报告称全部完成（results_report.complete: true）而仍有问题未完成；或整改时限在报告日期之前（含当日）的问题"
     "在报告时仍未完成，报告却未说明（未列入 results_report.open）。长期坚持的问题除外。",
     "'Report the state of rectification and investigation to the committee within two months' asks for an honest report, "
     "not for everything done: a results report may be sent while problems are still open. It is an error when the report "
     "claims all done (results_report.complete: true) while a problem is open, or when a problem due on or before the "
     "report date is still open at it and the report does not say so (not in results_report.open). Ongoing items are "
     "exempt."},
    {"R111", "relapse-of-open", Severity::warning, "V.2", "复发问题指向未销号的问题", "relapse of a problem that is not closed",
     "复发是已销号问题的再次出现，作为新问题登记并用 relapse_of 指向原问题；原问题未销号时应继续整改原问题。",
     "A relapse is a closed problem found again, recorded as a new problem linked with relapse_of; while the old one is open, keep working on it instead."},
    {"R112", "verifier-not-allowed", Severity::warning, "IV.2.7", "核查验收单位不在政策所列范围内", "verified by a body the policy does not name",
     "整改由省安委会（及其办公室）跟踪督导、核查验收（IV.2.7、V.1）。可以核查验收的单位由政策列出（ledger.verifiers，默认 省安委会、省安委会办公室、省安委办）；委托地区安委办核查的省份写 {region}安委办。",
     "The provincial committee and its office follow and verify the rectification (IV.2.7, V.1). Who may verify is the policy's list (ledger.verifiers, default 省安委会, 省安委会办公室, 省安委办); a province that delegates to the region's committee office adds {region}安委办."},
    {"R113", "self-verified", Severity::error, "V.2", "责任单位自行核查验收", "verified by its own responsible unit",
     "核查验收是对整改的独立检查：问题的责任单位不能验收自己的整改。", "Verification checks the fix independently: the responsible unit cannot verify its own rectification."},
    {"R114", "closed-after-failed-verification", Severity::error, "V.2", "核查未通过即销号", "closed after a failed verification",
     "核查验收未通过的问题，须重新整改并再次核查通过后方可销号。", "A problem whose verification failed is closed only after a new verification passes."},
};

const RuleInfo& rule(std::string_view id) { return rule_in(kRules, id); }
std::string iso(Date d) { return format_iso(d); }

// Whether `by` is one of the policy's verifiers ({region} / {地区} stand for the region's name).
bool may_verify(std::string_view by, const std::vector<std::string>& verifiers, std::string_view region_name) {
  for (const auto& v : verifiers) {
    std::string want = v;
    for (std::string_view ph : {std::string_view("{region}"), std::string_view("{地区}")})
      for (auto at = want.find(ph); at != std::string::npos; at = want.find(ph)) want.replace(at, ph.size(), region_name);
    if (want == by) return true;
  }
  return false;
}

// R112-R114: who verified, and closure after a failed verification.
template <class Diag>
void check_verifications(const Dataset& data, const Problem& p, const std::vector<Verification>& all, Diag&& diag) {
  const Region* region = data.region(p.region);
  std::string_view rname = region ? std::string_view(region->name) : std::string_view(p.region);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& v = all[i];
    if (v.by.empty()) continue;
    auto listed = std::find_if(p.verifications.begin(), p.verifications.end(),
                               [&](const Verification& x) { return x.date == v.date && x.by == v.by; });
    std::string field = listed == p.verifications.end()
        ? std::string("verified_by")
        : fmt::format("verifications[{}].by", listed - p.verifications.begin());
    if (!p.unit.empty() && v.by == p.unit) {
      diag("R113", field, Message{fmt::format("问题 {} 由其责任单位 {} 自行核查验收（{}）", p.id, v.by, iso(v.date)),
                                  fmt::format("problem {} was verified by its own responsible unit {} ({})", p.id, v.by,
                                              iso(v.date))});
    } else if (!may_verify(v.by, data.policy.ledger.verifiers, rname)) {
      std::string list = fmt::format("{}", fmt::join(data.policy.ledger.verifiers, "、"));
      diag("R112", field, Message{fmt::format("问题 {} 由 {} 核查验收，不在政策所列的核查单位（{}）中", p.id, v.by, list),
                                  fmt::format("problem {} was verified by {}, which is not one of the policy's verifiers ({})",
                                              p.id, v.by, list)});
    }
  }
  if (p.state != ProblemState::closed && !p.closed) return;
  const Verification* last = nullptr;
  for (const auto& v : all)
    if (!p.closed || v.date <= *p.closed) last = &v;
  if (last && last->result == VerifyResult::failed)
    diag("R114", p.closed ? "closed" : "state",
         Message{fmt::format("问题 {} 在 {} 核查未通过，此后没有再次核查通过即销号", p.id, iso(last->date)),
                 fmt::format("problem {} failed its verification on {} and was closed without a passed one after it", p.id,
                             iso(last->date))});
}


}  // namespace

std::span<const RuleInfo> ledger_problem_rules() { return kRules; }

void check_ledger_problems(const CheckContext& ctx, std::vector<Diagnostic>& out) {
  const auto& data = ctx.data;
  const auto& lp = data.policy.ledger;
  // Older data knew one evidence field: while no problem records proof, evidence stands in for it.
  bool legacy_proof = !data.ledger.records_proof();
  std::unordered_map<std::string_view, std::vector<const Problem*>> by_tour;
  for (const auto& p : data.ledger.problems) {
    const Tour* t = data.tour(p.tour);
    if (t) by_tour[t->id].push_back(&p);
    auto diag = [&](std::string_view id, std::string_view field, Message m) {
      out.push_back(make_diagnostic(rule(id), data, p.src, field, p.id, std::move(m)));
    };
    // R101: region and dates of the tour.
    if (t) {
      if (p.region != t->region) {
        diag("R101", "region", {fmt::format("问题 {} 的地区 {} 与巡查 {} 的地区 {} 不一致", p.id, p.region, t->id, t->region),
                                fmt::format("problem {}: region {} is not tour {}'s region {}", p.id, p.region, t->id, t->region)});
      }
      auto end = deadlines::effective_end(*t, data);
      if (t->start && (p.found < *t->start || (end && *end < p.found))) {
        diag("R101", "found", {fmt::format("问题 {} 发现于 {}，不在巡查 {} 进驻期间（{} 至 {}）", p.id, iso(p.found), t->id,
                                           iso(*t->start), end ? iso(*end) : "?"),
                               fmt::format("problem {} was found {}, outside tour {}'s time on site ({} to {})", p.id,
                                           iso(p.found), t->id, iso(*t->start), end ? iso(*end) : "?")});
      }
    }
    if (p.evidence.empty())
      diag("R102", "id", {fmt::format("问题 {} 没有佐证材料（evidence）", p.id), fmt::format("problem {} has no evidence", p.id)});
    if (p.gravity == Gravity::major || p.gravity == Gravity::important) {
      // Working days by default; the deprecated major_report_days, when a policy still sets it,
      // in calendar days.
      Date by = lp.major_report_days >= 0 ? p.found + date::days{lp.major_report_days}
                                          : ctx.calendar.add_workdays(p.found, lp.report_to_committee_workdays);
      auto g = static_cast<std::size_t>(p.gravity);
      std::string what_zh = std::string(gravity_zh[g]) + (p.gravity == Gravity::major ? "问题" : "情况");
      std::string what_en = std::string(gravity_names[g]) + " problem";
      if (!p.reported_to_committee) {
        if (by < ctx.as_of)
          diag("R103", "gravity", {fmt::format("{} {}（{} 发现）未记录报告省安委会（应于 {} 前）", what_zh, p.id, iso(p.found), iso(by)),
                                   fmt::format("{} {} (found {}) has no report to the committee (due by {})", what_en, p.id,
                                               iso(p.found), iso(by))});
      } else if (by < *p.reported_to_committee) {
        diag("R103", "reported_to_committee",
             {fmt::format("{} {} 于 {} 发现，{} 才报告省安委会（应于 {} 前）", what_zh, p.id, iso(p.found),
                          iso(*p.reported_to_committee), iso(by)),
              fmt::format("{} {} was found {} and reported to the committee {} (due by {})", what_en, p.id, iso(p.found),
                          iso(*p.reported_to_committee), iso(by))});
      }
    }
    // R104: the row is complete once the plan is due.
    if (t) {
      auto plan = ledger::plan_due(*t, data.policy, ctx.calendar);
      if (plan && *plan < ctx.as_of) {
        std::vector<std::string_view> missing;
        if (!p.mode) missing.push_back("mode");
        if (p.unit.empty()) missing.push_back("unit");
        if (p.person.empty()) missing.push_back("person");
        if (p.measures.empty()) missing.push_back("measures");
        if (p.mode != FixMode::ongoing && !p.due && p.mode != FixMode::at_once) missing.push_back("due");
        if (p.mode == FixMode::ongoing && p.stages.empty()) missing.push_back("stages");
        if (!missing.empty()) {
          std::string list = fmt::format("{}", fmt::join(missing, ", "));
          diag("R104", "id", {fmt::format("问题 {}：整改方案已于 {} 到期，台账仍缺 {}", p.id, iso(*plan), list),
                              fmt::format("problem {}: the plan was due {}, the ledger row still lacks {}", p.id, iso(*plan), list)});
        }
      }
    }
    // R105: fixed at once means done by the tour's end.
    if (t && p.mode == FixMode::at_once) {
      auto end = deadlines::effective_end(*t, data);
      if (end && (!p.completed || *end < *p.completed) && (p.completed || *end < ctx.as_of)) {
        diag("R105", p.completed ? "completed" : "mode",
             {fmt::format("立行立改问题 {} 应在巡查结束（{}）前完成，{}", p.id, iso(*end),
                          p.completed ? "实际 " + iso(*p.completed) : std::string("尚未完成")),
              fmt::format("fixed-at-once item {} was due by the tour's end ({}); {}", p.id, iso(*end),
                          p.completed ? "done " + iso(*p.completed) : std::string("not done"))});
      }
    }
    // R106: overdue.
    auto row = ledger::assess(p, data, ctx.calendar, ctx.as_of);
    if (row.overdue) {
      std::string unit_zh = lp.overdue_in_workdays ? "个工作日" : "天";
      std::string unit_en = lp.overdue_in_workdays ? "working day" : "day";
      bool ongoing = p.mode == FixMode::ongoing;
      diag("R106", ongoing ? "stages" : (p.extensions.empty() ? "due" : "extensions"),
           {fmt::format("问题 {} {}应于 {} 前完成，已逾期 {} {}", p.id, ongoing ? "的阶段目标" : "", row.due ? iso(*row.due) : "?",
                        row.late_by, unit_zh),
            fmt::format("problem {}: {} was due {}; overdue by {} {}{}", p.id, ongoing ? "a stage target" : "rectification",
                        row.due ? iso(*row.due) : "?", row.late_by, unit_en, row.late_by == 1 ? "" : "s")});
    }
    // R107: extensions asked in time and approved.
    std::optional<Date> current = p.due;
    for (std::size_t i = 0; i < p.extensions.size(); ++i) {
      const auto& e = p.extensions[i];
      std::string field = fmt::format("extensions[{}]", i);
      if (!e.approved) {
        diag("R107", field, {fmt::format("问题 {} 的第 {} 次延期（至 {}）未获批准", p.id, i + 1, iso(e.until)),
                             fmt::format("problem {}: extension {} (to {}) was not approved", p.id, i + 1, iso(e.until))});
      } else if (!e.requested || (current && *current < *e.requested)) {
        diag("R107", field,
             {fmt::format("问题 {} 的第 {} 次延期{}，未在原期限 {} 前申请", p.id, i + 1,
                          e.requested ? "于 " + iso(*e.requested) + " 申请" : "没有申请日期", current ? iso(*current) : "?"),
              fmt::format("problem {}: extension {} was {}, not requested before the deadline {}", p.id, i + 1,
                          e.requested ? "requested " + iso(*e.requested) : "never requested", current ? iso(*current) : "?")});
      }
      if (e.approved) current = e.until;
    }
    // R108: closure.
    auto verifications = p.all_verifications();
    std::optional<Date> passed;
    for (const auto& v : verifications)
      if (v.result == VerifyResult::passed) passed = v.date;
    if (p.state == ProblemState::closed) {
      std::vector<std::string_view> lacks;
      if (!p.completed) lacks.push_back("completed");
      // (after a failed verification with no passed one, R114 says so)
      bool failed = std::any_of(verifications.begin(), verifications.end(),
                                [](const Verification& v) { return v.result == VerifyResult::failed; });
      if (!passed && !failed) lacks.push_back("verified");
      if (p.proof.empty() && (!legacy_proof || p.evidence.empty())) lacks.push_back("proof");
      if (!p.closed) lacks.push_back("closed");
      if (!lacks.empty()) {
        std::string list = fmt::format("{}", fmt::join(lacks, ", "));
        diag("R108", "state", {fmt::format("问题 {} 已销号，但缺少 {}", p.id, list),
                               fmt::format("problem {} is closed but lacks {}", p.id, list)});
      } else if (passed && (*p.closed < *p.completed || *p.closed < *passed || *passed < *p.completed)) {
        diag("R108", "closed", {fmt::format("问题 {}：完成 {}、核查 {}、销号 {}，顺序不对", p.id, iso(*p.completed),
                                            iso(*passed), iso(*p.closed)),
                                fmt::format("problem {}: completed {}, verified {}, closed {}: out of order", p.id,
                                            iso(*p.completed), iso(*passed), iso(*p.closed))});
      }
    }
    check_verifications(data, p, verifications, diag);
    // R109: states only move forward.
    for (std::size_t i = 1; i < p.history.size(); ++i) {
      const auto& a = p.history[i - 1];
      const auto& b = p.history[i];
      if (b.state < a.state || b.date < a.date) {
        auto an = static_cast<std::size_t>(a.state), bn = static_cast<std::size_t>(b.state);
        diag("R109", fmt::format("history[{}]", i),
             {fmt::format("问题 {} 的状态从「{}」（{}）变为「{}」（{}）：状态只能向前", p.id, problem_state_zh[an], iso(a.date),
                          problem_state_zh[bn], iso(b.date)),
              fmt::format("problem {} went from {} ({}) to {} ({}): states only move forward", p.id,
                          problem_state_names[an], iso(a.date), problem_state_names[bn], iso(b.date))});
        break;
      }
    }
    if (!p.history.empty() && p.history.back().state != p.state) {
      auto hn = static_cast<std::size_t>(p.history.back().state), sn = static_cast<std::size_t>(p.state);
      if (p.state < p.history.back().state)
        diag("R109", "state", {fmt::format("问题 {} 的状态「{}」早于其记录中最后的「{}」", p.id, problem_state_zh[sn], problem_state_zh[hn]),
                               fmt::format("problem {}'s state {} is behind its last recorded {}", p.id,
                                           problem_state_names[sn], problem_state_names[hn])});
    }
    // R111: a relapse links a closed problem.
    if (!p.relapse_of.empty()) {
      auto it = data.problem_index.find(p.relapse_of);
      if (it != data.problem_index.end() && data.ledger.problems[it->second].state != ProblemState::closed)
        diag("R111", "relapse_of", {fmt::format("问题 {} 登记为 {} 的复发，但 {} 尚未销号", p.id, p.relapse_of, p.relapse_of),
                                    fmt::format("problem {} is recorded as a relapse of {}, which is not closed", p.id, p.relapse_of)});
    }
  }
  // R110: a results report that misstates the open problems (ongoing excepted): it claims all
  // done while some are open, or leaves out a problem that was due by the report and still open.
  for (const auto& t : data.tours) {
    const auto& results = t.at(Milestone::rectification_results);
    if (!results) continue;
    auto it = by_tour.find(t.id);
    if (it == by_tour.end()) continue;
    std::vector<const Problem*> open;
    for (const auto* p : it->second) {
      if (p->mode == FixMode::ongoing || (p->completed && *p->completed <= *results)) continue;
      if (t.results_complete) {
        open.push_back(p);
        continue;
      }
      auto due = p->due_in_force();
      bool said = std::find(t.results_open.begin(), t.results_open.end(), p->id) != t.results_open.end();
      if (due && *due <= *results && !said) open.push_back(p);
    }
    if (open.empty()) continue;
    std::string ids;
    for (std::size_t i = 0; i < open.size() && i < 5; ++i) ids += (i ? ", " : "") + open[i]->id;
    if (open.size() > 5) ids += ", …";
    Message what = t.results_complete
        ? Message{fmt::format("巡查 {} 于 {} 报送的整改结果称全部完成，但仍有 {} 个问题未完成：{}", t.id, iso(*results),
                              open.size(), ids),
                  fmt::format("tour {}'s results report of {} claims everything done while {} problem{} {} open: {}", t.id,
                              iso(*results), open.size(), open.size() == 1 ? "" : "s", open.size() == 1 ? "was" : "were",
                              ids)}
        : Message{fmt::format("巡查 {} 于 {} 报送整改结果，{} 个已到整改时限的问题仍未完成，报告未予说明（results_report.open）：{}",
                              t.id, iso(*results), open.size(), ids),
                  fmt::format("tour {} reported its results on {} without saying that {} problem{} due by then {} still "
                              "open (results_report.open): {}",
                              t.id, iso(*results), open.size(), open.size() == 1 ? "" : "s",
                              open.size() == 1 ? "was" : "were", ids)};
    auto d = make_diagnostic(rule("R110"), data, t.src,
                             t.results_complete ? "results_report.complete" : "milestones.rectification_results", t.id,
                             std::move(what));
    for (std::size_t i = 0; i < open.size() && i < 5; ++i)
      d.related.push_back({data.locate(open[i]->src.field("id")),
                           {fmt::format("未完成的问题 {}", open[i]->id), fmt::format("open problem {}", open[i]->id)}});
    out.push_back(std::move(d));
  }
}

}  // namespace xuncha::rules
