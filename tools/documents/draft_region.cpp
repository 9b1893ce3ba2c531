// The documents about a region or a year (DOCUMENTS.md): the supervision notice for late
// rectification (IV.2.7, V.2) and the results table for the annual assessment (IV.2.6).
#include "documents/draft.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha::cli {
namespace {

std::string opt_date(const Context& ctx, const std::optional<Date>& d) { return d ? draft_date(ctx, *d) : ctx.t("—", "-"); }

}  // namespace

draft::Document draft_supervision(const DraftInput& in, const Region& region) {
  const auto& ctx = in.ctx;
  const auto& data = in.data;
  bool toured = false;
  for (const auto& t : data.tours) toured = toured || (t.region == region.id && t.body == Body::province);
  if (!toured)
    throw UsageError(fmt::format("地区「{}」（{}）没有省级巡查记录：请在 tours 文件中加入该地区的巡查（{}）", region.id, region.name, where(data, region.src)),
                     fmt::format("region {} ({}) has no provincial tour: add one to a tours file ({})", region.id, region.name,
                                 where(data, region.src)));
  std::vector<ledger::ProblemRow> open;
  int overdue = 0;
  for (auto& r : ledger::assess_all(data, in.cal, ctx.as_of))
    if (r.problem->region == region.id && !ledger::is_done(*r.problem)) {
      overdue += r.overdue ? 1 : 0;
      open.push_back(r);
    }
  std::vector<const Hazard*> hazards;
  for (const auto& h : data.ledger.hazards)
    if (h.region == region.id && !h.delisted) hazards.push_back(&h);

  draft::Document d;
  d.kind = "supervision";
  d.title = ctx.zh ? fmt::format("关于督促{}加快安全生产巡查反馈问题整改的通知", region.name)
                   : fmt::format("Notice urging {} to speed up the rectification of inspection findings", region.name);
  d.add(draft::Style::title, d.title);
  d.add(draft::Style::addressee, ctx.zh ? fmt::format("{}党委、政府：", region.name) : fmt::format("To the Party committee and government of {}:", region.name));
  d.add(draft::Style::body,
        ctx.zh ? fmt::format("截至{}，省安委会巡查反馈你地区的问题中，尚有{}个未完成整改，其中{}个已超过整改时限；挂牌督办的重大事故隐患尚有{}项未销号。具体如下。",
                             draft_date(ctx, ctx.as_of), open.size(), overdue, hazards.size())
               : fmt::format("As of {}, {} of the problems fed back to your region are not rectified, {} of them past their time "
                             "limit; {} listed major accident hazards are not delisted. They are listed below.",
                             draft_date(ctx, ctx.as_of), open.size(), overdue, hazards.size()));
  d.add(draft::Style::heading1, heading(ctx, 1, 1, "未完成整改的问题", "Problems not rectified"));
  draft::Table pt{{ctx.t("序号", "No."), ctx.t("问题", "problem"), ctx.t("巡查", "tour"), ctx.t("责任单位", "unit"), ctx.t("责任人", "person"),
                   ctx.t("整改时限", "due"), ctx.t("逾期天数", "days late")}, {}};
  int n = 0;
  for (const auto& r : open)
    pt.rows.push_back({std::to_string(++n), r.problem->description, r.problem->tour, r.problem->unit, r.problem->person, opt_date(ctx, r.due),
                       r.overdue ? std::to_string(r.late_by) : ""});
  if (open.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(pt));
  d.add(draft::Style::heading1, heading(ctx, 1, 2, "未销号的挂牌督办隐患", "Listed hazards not delisted"));
  draft::Table ht{{ctx.t("编号", "id"), ctx.t("隐患", "hazard"), ctx.t("等级", "grade"), ctx.t("责任单位", "unit"), ctx.t("整改期限", "deadline"),
                   ctx.t("状态", "status")}, {}};
  for (const auto* h : hazards) {
    auto dl = h->deadline_in_force();
    bool late = dl && *dl < ctx.as_of;
    ht.rows.push_back({h->id, h->name, ctx.zh ? fmt::format("{}级", h->grade) : fmt::format("grade {}", h->grade), h->unit, opt_date(ctx, dl),
                       late ? ctx.t("逾期", "overdue") : ctx.t("整改中", "in progress")});
  }
  if (hazards.empty()) d.add(draft::Style::body, ctx.t("无。", "None."));
  else d.add_table(std::move(ht));
  d.add(draft::Style::heading1, heading(ctx, 1, 3, "工作要求", "What is required"));
  d.add(draft::Style::body,
        {plain(ctx.t("请你地区对上述事项逐项督办，逾期事项说明原因并明确新的完成时限，于", "Follow up each item; for every late item give the reason and a new "
                                                                     "time limit, and report to the committee's office by ")),
         to_write(ctx, "报送期限", "the date to report by"),
         plain(ctx.t("前将整改进展书面报送省安委会办公室。", "."))});
  d.add(draft::Style::signature, ctx.zh ? committee(ctx, data) + "办公室" : "Office of the " + committee(ctx, data));
  d.add(draft::Style::signature, draft_date(ctx, ctx.as_of));
  return d;
}

namespace {

// A recipient of the assessment as the document names it: a known key (or its Chinese name) in the
// document's language, anything else as written.
std::string recipient_name(const Context& ctx, const std::string& r) {
  for (std::size_t i = 0; i < assessment_recipient_keys.size(); ++i)
    if (r == assessment_recipient_keys[i] || r == assessment_recipient_zh[i])
      return std::string(ctx.zh ? assessment_recipient_zh[i] : assessment_recipient_en[i]);
  return r;
}

struct Figures {
  int problems = 0, closed = 0, overdue = 0, repeat = 0, major = 0, hazards = 0, unlisted = 0, leads = 0;
};

// The region's score in tenths (AssessmentPolicy): the base, less the deductions, never below the floor.
int score_tenths(const AssessmentPolicy& a, const Figures& f) {
  long long t = 10LL * a.base_score - 10LL * a.per_overdue * f.overdue - 10LL * a.per_repeat * f.repeat -
                10LL * a.per_unlisted_hazard * f.unlisted;
  if (f.problems > 0) t -= (10LL * a.closure_points * (f.problems - f.closed) * 2 + f.problems) / (2LL * f.problems);
  return static_cast<int>(std::max<long long>(t, 10LL * a.min_score));
}

std::string tenths(int t) { return t % 10 == 0 ? std::to_string(t / 10) : fmt::format("{}.{}", t / 10, t % 10); }

}  // namespace

draft::Document draft_assessment(const DraftInput& in, const Period& period) {
  const auto& ctx = in.ctx;
  const auto& data = in.data;
  const auto& ap = data.policy.assessment;
  // The period's provincial tours, by region (in the order of the regions file).
  std::map<std::string, std::vector<const Tour*>> tours;
  for (const auto& t : data.tours)
    if (t.body == Body::province && period.holds(t.year)) tours[t.region].push_back(&t);
  if (tours.empty()) {
    Message w = period_where(period);
    throw UsageError(fmt::format("{}没有省级巡查记录：请在 tours 文件中加入{}的巡查，或换用 {}", w.zh, period.round ? "这一轮" : "当年",
                                 period.round ? "--round" : "--year"),
                     fmt::format("no provincial tour {}: add the {}'s tours to a tours file, or choose another {}", w.en,
                                 period.round ? "round" : "year", period.round ? "--round" : "--year"));
  }
  std::map<std::string, Figures> fig;
  auto in_period = [&](const std::string& tour) {
    const Tour* t = data.tour(tour);
    return t && t->body == Body::province && period.holds(t->year);
  };
  for (const auto& r : ledger::assess_all(data, in.cal, ctx.as_of)) {
    if (!in_period(r.problem->tour)) continue;
    auto& f = fig[r.problem->region];
    ++f.problems;
    f.closed += r.problem->state == ProblemState::closed ? 1 : 0;
    f.overdue += r.overdue ? 1 : 0;
    f.repeat += r.problem->relapse_of.empty() ? 0 : 1;
    f.major += r.problem->gravity == Gravity::major ? 1 : 0;
  }
  for (const auto& h : data.ledger.hazards) {
    if (!in_period(h.tour)) continue;
    auto& f = fig[h.region];
    ++f.hazards;
    // Not listed in time (rule R206): past the listing's due date and not listed, or listed late.
    if (auto due = ledger::hazard_listing_due(h, data, in.cal)) {
      auto on = h.listed_on();
      f.unlisted += (on ? *due < *on : (!h.is_listed() && *due < ctx.as_of)) ? 1 : 0;
    }
  }
  for (const auto& l : data.ledger.leads)
    if (in_period(l.tour)) ++fig[l.region].leads;

  draft::Table t{{ctx.t("序号", "No."), ctx.t("地区", "region"), ctx.t("巡查", "tours"), ctx.t("问题", "problems"), ctx.t("重大问题", "major"),
                  ctx.t("已销号", "closed"), ctx.t("销号率", "closure rate"), ctx.t("逾期", "overdue"), ctx.t("屡查屡犯", "repeat"),
                  ctx.t("挂牌隐患", "listed hazards"), ctx.t("未按期挂牌", "not listed in time"), ctx.t("问题线索", "leads"),
                  ctx.t("得分", "score")}, {}};
  int n = 0;
  for (const auto& r : data.regions) {
    auto it = tours.find(r.id);
    if (it == tours.end()) continue;
    std::string ids;
    for (const auto* x : it->second) ids += (ids.empty() ? "" : ctx.t("、", ", ")) + x->id;
    const Figures& f = fig[r.id];
    t.rows.push_back({std::to_string(++n), r.name, ids, std::to_string(f.problems), std::to_string(f.major), std::to_string(f.closed),
                      draft_percent(f.closed, f.problems), std::to_string(f.overdue), std::to_string(f.repeat), std::to_string(f.hazards),
                      std::to_string(f.unlisted), std::to_string(f.leads), tenths(score_tenths(ap, f))});
  }

  draft::Document d;
  d.kind = "assessment";
  const std::string when = period_name(ctx, period);
  d.title = ctx.zh ? fmt::format("{}安全生产巡查结果运用表", when)
                   : fmt::format("Inspection results for the {} safety target assessment", when);
  d.landscape = true;
  const std::string formula =
      ctx.zh ? fmt::format("计分办法：得分＝{}−{}×逾期问题数−{}×屡查屡犯问题数−{}×未按期挂牌督办隐患数−{}×（1−销号率），最低{}分；"
                           "无问题的地区不扣销号分。（政策文件 assessment 各项可调整。）",
                           ap.base_score, ap.per_overdue, ap.per_repeat, ap.per_unlisted_hazard, ap.closure_points, ap.min_score)
             : fmt::format("Scoring: score = {} − {} × overdue problems − {} × repeat problems − {} × hazards not listed in time − "
                           "{} × (1 − closure rate), at least {}; a region without problems loses nothing for closure. (The "
                           "policy's assessment keys set these numbers.)",
                           ap.base_score, ap.per_overdue, ap.per_repeat, ap.per_unlisted_hazard, ap.closure_points, ap.min_score);
  // One copy per recipient (IV.2.6), each headed with its recipient, each on its own pages.
  for (const auto& r : ap.recipients) d.copies.push_back(recipient_name(ctx, r));
  for (std::size_t c = 0; c < d.copies.size(); ++c) {
    d.add(draft::Style::recipient, ctx.zh ? fmt::format("送：{}（第{}份，共{}份）", d.copies[c], c + 1, d.copies.size())
                                          : fmt::format("To: {} (copy {} of {})", d.copies[c], c + 1, d.copies.size()));
    d.blocks.back().new_page = c > 0;
    d.add(draft::Style::title, d.title);
    d.add(draft::Style::subtitle, ctx.zh ? fmt::format("（截至{}；用于全省安全生产目标考核）", draft_date(ctx, ctx.as_of))
                                         : fmt::format("(as of {}; for the province's annual safety target assessment)", draft_date(ctx, ctx.as_of)));
    d.add_table(t);
    d.add(draft::Style::note, formula);
    d.add(draft::Style::note, ctx.t("注：销号率＝已销号÷问题数；逾期按整改时限（含经批准的延期）计算；屡查屡犯为已销号后又反弹的问题；"
                                    "未按期挂牌为须挂牌督办而超过挂牌期限未挂牌或挂牌晚于期限的重大隐患。",
                                    "Note: closure rate = closed / problems; overdue counts from the due date in force (approved "
                                    "extensions included); a repeat problem relapsed after an earlier one was closed; a hazard not "
                                    "listed in time is one that had to be listed and was not by its due date, or was listed later."));
    d.add(draft::Style::signature, ctx.zh ? committee(ctx, data) + "办公室" : "Office of the " + committee(ctx, data));
    d.add(draft::Style::signature, draft_date(ctx, ctx.as_of));
  }
  return d;
}

}  // namespace xuncha::cli
