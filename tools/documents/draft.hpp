#pragma once
// xuncha draft: the documents an inspection office writes (DOCUMENTS.md), drafted from the data.
// Each builder reads the data through the library's public API (deadlines, ledger) and returns a
// draft::Document; facts missing from the data become 【待补充：…】 markers, the team's own
// judgement 【待填写：…】 markers. A document that cannot be drafted at all (a tour without a
// team, a report before the tour ended) throws UsageError naming the file to complete (exit 2).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/ledger/ledger.hpp>
#include <xuncha/model/model.hpp>

#include "base/context.hpp"
#include "render/draft_doc.hpp"

namespace xuncha::cli {

/// What a builder needs: the run, the data and its calendar.
struct DraftInput {
  const Context& ctx;
  const Dataset& data;
  const Calendar& cal;
};

/// The years a document covers: one calendar year (--year), or one round of inspections (--round
/// Y: the policy's cadence_years from Y, as xuncha staff names a work cycle, 2027-2028).
struct Period {
  int first = 0, last = 0;
  bool round = false;
  bool holds(int year) const { return first <= year && year <= last; }
};

/// The facts of one tour that its documents print.
struct TourFacts {
  const Tour* tour = nullptr;
  const Region* region = nullptr;
  const Team* team = nullptr;
  Date start{}, end{};
  int days = 0;
  std::optional<Date> report_due, plan_due, results_due;
  std::vector<ledger::ProblemRow> problems;  ///< the tour's, in ledger order
  std::array<int, gravity_names.size()> by_gravity{};
  int at_once = 0, overdue = 0, closed = 0;
  std::vector<const Hazard*> hazards;
  std::array<int, 4> by_grade{};  ///< 一级 … 四级
  std::vector<const Lead*> leads;
  // Sized from the model's own tables, so a nature or recipient added there is counted here.
  std::array<int, lead_nature_names.size()> by_nature{};
  std::array<int, recipient_names.size()> by_recipient{};
  std::vector<const PublicReport*> reports;
  int verified = 0, announced = 0, answered = 0;
};

/// The tour's facts; throws UsageError (exit 2) when the tour lacks a team or its dates, or is
/// not a provincial tour.
TourFacts tour_facts(const DraftInput& in, const Tour& t);

draft::Document draft_report(const DraftInput& in, const Tour& t);
draft::Document draft_feedback(const DraftInput& in, const Tour& t);
draft::Document draft_announcement(const DraftInput& in, const Tour& t);
draft::Document draft_supervision(const DraftInput& in, const Region& r);
draft::Document draft_assessment(const DraftInput& in, const Period& p);
draft::Document draft_annual(const DraftInput& in, int year);
draft::Document draft_work_plan(const DraftInput& in, const Period& p);
draft::Document draft_team_plan(const DraftInput& in, const Period& p);

// Shared wording (draft_text.cpp).
/// The period in a title: 2026年度 / 2027—2028年, or 2026 / 2027-2028.
std::string period_name(const Context& ctx, const Period& p);
/// The period in a message about the data, in both languages: "2026 年" / "in 2026", "2027—2028 年（一轮）" / "in the 2027-2028 round".
Message period_where(const Period& p);
/// 2026年3月1日, or 2026-03-01.
std::string draft_date(const Context& ctx, Date d);
/// 3月1日—15日 (GB/T 15834, with the year once), or 2026-03-01 to 2026-03-15.
std::string draft_range(const Context& ctx, Date a, Date b);
/// A share as a document prints it: "66.7%" (rounded to a tenth), "—" when there is no whole.
std::string draft_percent(int part, int whole);
/// 【待填写：what】 / 【To write: what】: the team's own text goes here.
draft::Span to_write(const Context& ctx, std::string_view zh, std::string_view en);
/// 【待补充：what】 / 【Missing: what】: a fact the data lacks.
draft::Span missing(const Context& ctx, std::string_view zh, std::string_view en);
/// A plain span.
inline draft::Span plain(std::string s) { return {std::move(s), false}; }
/// The region's name (its id when unknown).
std::string region_name(const Dataset& data, const std::string& id);
/// A person's name (the id when unknown).
std::string person_name(const Dataset& data, const std::string& id);
/// "file:line" of a record, for messages that say where to add what is missing.
std::string where(const Dataset& data, const Source& src);
/// 一, 二, … 十九 (headings 一、 and （一）).
std::string zh_numeral(int n);
/// The numbered heading text: 一、… / 1. … (level 1), （一）… / (1) … (level 2).
std::string heading(const Context& ctx, int level, int n, std::string_view zh, std::string_view en);
/// The issuing body: 湖北省安全生产委员会 / Provincial Work Safety Committee of 湖北省.
std::string committee(const Context& ctx, const Dataset& data);

}  // namespace xuncha::cli
