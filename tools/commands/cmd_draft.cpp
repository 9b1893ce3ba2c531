// xuncha draft: the documents an inspection office writes, drafted from the data (DOCUMENTS.md):
// facts and figures filled in, the team's own text marked 【待填写：…】, missing facts
// 【待补充：…】; as a printable page (html), a Word document (docx) or json. `draft --check
// FILE.docx` lists the markers still left in an edited document (exit 1 when any is).
#include "app/app.hpp"
#include "documents/draft.hpp"
#include "render/docx.hpp"
#include "render/draft_render.hpp"

#include <xuncha/load/file_read.hpp>
#include <xuncha/schedule/schedule.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {
namespace {

const std::vector<std::string> documents{"report", "feedback", "announcement", "supervision", "assessment", "annual", "work-plan", "team-plan"};
const std::vector<std::string> formats{"html", "docx", "json", "text"};

struct DraftOptions {
  std::string document;
  std::vector<std::string> paths;
  std::string tour, region, check;
  int year = 0;
  int round = 0;  ///< --round Y: the round (work cycle) of the policy's cadence_years from Y
};

// The format: -f, else from -o's extension (.docx, .json), else html. -f text, the global
// default, cannot be told from no -f at all: it is taken as not given (--check writes text).
std::string chosen_format(const Context& ctx) {
  const auto& f = ctx.global.format;
  if (f != "text") return f;
  auto ends = [&](std::string_view ext) {
    const auto& o = ctx.global.output;
    return o.size() > ext.size() && o.compare(o.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".docx")) return "docx";
  if (ends(".json")) return "json";
  return "html";
}

int run_check(Context& ctx, const DraftOptions& o) {
  if (ctx.global.format != "text" && ctx.global.format != "json")
    throw UsageError(fmt::format("draft --check 输出 text 或 json（不是 {}）", ctx.global.format),
                     fmt::format("draft --check writes text or json (not {})", ctx.global.format));
  ctx.input_names.push_back(o.check);
  Message why;
  auto bytes = load::read_regular_file(o.check, ctx.global.max_file_bytes, why);
  if (!bytes) throw UsageError(fmt::format("{}：{}", quote_path(o.check), why.zh), fmt::format("{}: {}", quote_path(o.check), why.en));
  std::vector<std::pair<std::size_t, std::string>> found;
  auto paragraphs = docx_paragraphs(*bytes, quote_path(o.check));
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    for (auto& m : draft::find_markers(paragraphs[i])) found.emplace_back(i + 1, std::move(m));
  if (ctx.global.format == "json") {
    Json j = json_envelope(ctx, "draft-check");
    j["file"] = o.check;
    Json ms = Json::array();
    for (const auto& [p, m] : found) ms.push_back({{"paragraph", p}, {"marker", m}});
    j["markers"] = std::move(ms);
    ctx.out += json_dump(j);
  } else {
    for (const auto& [p, m] : found)
      ctx.out += terminal_safe(ctx.zh ? fmt::format("{}：第 {} 段：{}\n", o.check, p, m) : fmt::format("{}: paragraph {}: {}\n", o.check, p, m), false);
    ctx.out += ctx.zh ? fmt::format("{}：还有 {} 处标记待处理\n", o.check, found.size())
                      : fmt::format("{}: {} left\n", o.check, count_of(found.size(), "marker"));
  }
  return found.empty() ? 0 : 1;
}

const Tour& need_tour(const Context& ctx, const Dataset& data, const DraftOptions& o) {
  if (o.tour.empty())
    throw UsageError(fmt::format("draft「{}」：请用 --tour 指定巡查", o.document), fmt::format("draft {}: name the tour with --tour ID", o.document));
  const Tour* t = data.tour(o.tour);
  if (!t) throw UsageError(unknown_id_message("--tour", "tour", o.tour, ids_of(data.tours)));
  (void)ctx;
  return *t;
}

int write_document(Context& ctx, const DraftInput& in, const DraftOptions& o, const std::string& f);

// Documents that take --round: those about the tours of a period rather than one tour, one region
// or one calendar year.
bool takes_round(const std::string& doc) { return doc == "work-plan" || doc == "team-plan" || doc == "assessment"; }

// --round and --year that make no sense, before the data is read.
void check_period_flags(const DraftOptions& o) {
  if (!o.round) return;
  if (o.year)
    throw UsageError("draft：--year 与 --round 只能选一个（--year 为一个自然年，--round 为自该年起的一轮）",
                     "draft: give --year or --round, not both (--year is a calendar year, --round the round starting in that year)");
  if (o.document == "annual")
    throw UsageError("draft「annual」：年度总结按自然年编写，请用 --year（--round 用于「work-plan」「team-plan」「assessment」）",
                     "draft annual: the annual summary covers a calendar year: use --year (--round goes with work-plan, team-plan "
                     "and assessment)");
  if (!takes_round(o.document))
    throw UsageError(fmt::format("draft「{}」：--round 只用于「work-plan」「team-plan」「assessment」（本文书针对{}）", o.document,
                                 o.document == "supervision" ? "一个地区：--region" : "一次巡查：--tour"),
                     fmt::format("draft {}: --round goes with work-plan, team-plan and assessment (this document is about {})",
                                 o.document, o.document == "supervision" ? "one region: --region" : "one tour: --tour"));
}

// The period of a work plan, team plan or assessment: --round Y (the policy's cadence_years from Y,
// Y a round year as xuncha schedule counts them), else --year, else the year of --as-of.
Period chosen_period(const Context& ctx, const Dataset& data, const DraftOptions& o) {
  if (!o.round) {
    int y = o.year ? o.year : year_of(ctx.as_of);
    return {y, y, false};
  }
  const int cadence = std::max(1, data.policy.cadence_years);
  int anchor = 0;
  schedule::round_years(data, o.round, 1, &anchor);
  if (!schedule::is_round_year(data.policy, anchor, o.round)) {
    int before = o.round - ((o.round - anchor) % cadence + cadence) % cadence;
    throw UsageError(fmt::format("--round {}：{} 年不是一轮的起始年份；每 {} 年一轮，自 {} 年起算（政策 `first_round_year`，或记录中最后一轮定期巡查），"
                                 "可用 --round {} 或 --round {}",
                                 o.round, o.round, cadence, anchor, before, before + cadence),
                     fmt::format("--round {}: no round starts in {}; rounds of {} years count from {} (the policy's "
                                 "first_round_year, or the last regular round on record): try --round {} or --round {}",
                                 o.round, o.round, cadence, anchor, before, before + cadence));
  }
  return {o.round, o.round + cadence - 1, true};
}

int run_draft(Context& ctx, const DraftOptions& o) {
  if (!o.check.empty()) {
    if (!o.document.empty() || !o.paths.empty())
      throw UsageError("draft --check 只读取一个 `.docx` 文档，不接受文书名称或数据路径",
                       "draft --check reads one Word document: give no document name or data path");
    return run_check(ctx, o);
  }
  if (o.document.empty())
    throw UsageError(fmt::format("draft：请指定文书；可用：{}", fmt::join(documents, "、")),
                     fmt::format("draft: name a document: {}", fmt::join(documents, ", ")));
  check_period_flags(o);
  // -f text (the default) means "not given": the html page, or what -o's extension says.
  const std::string f = chosen_format(ctx);
  ctx.global.format = f;
  require_format(ctx, "draft", formats);
  auto loaded = load_inputs(ctx, o.paths.empty() ? std::vector<std::string>{"."} : o.paths);
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Dataset& data = loaded.result.data;
  DraftInput in{ctx, data, loaded.calendar};
  // An office document: Chinese unless --lang en; a message about the data stays in the user's
  // language.
  const bool user_zh = ctx.zh;
  if (ctx.global.lang.empty()) ctx.zh = true;
  try {
    return write_document(ctx, in, o, f);
  } catch (const UsageError&) {
    ctx.zh = user_zh;
    throw;
  }
}

int write_document(Context& ctx, const DraftInput& in, const DraftOptions& o, const std::string& f) {
  const Dataset& data = in.data;
  draft::Document doc;
  if (o.document == "report") doc = draft_report(in, need_tour(ctx, data, o));
  else if (o.document == "feedback") doc = draft_feedback(in, need_tour(ctx, data, o));
  else if (o.document == "announcement") doc = draft_announcement(in, need_tour(ctx, data, o));
  else if (o.document == "supervision") {
    if (o.region.empty()) throw UsageError("draft「supervision」：请用 --region 指定地区", "draft supervision: name the region with --region ID");
    const Region* r = data.region(o.region);
    if (!r) throw UsageError(unknown_id_message("--region", "region", o.region, ids_of(data.regions)));
    doc = draft_supervision(in, *r);
  } else if (o.document == "assessment") {
    doc = draft_assessment(in, chosen_period(ctx, data, o));
  } else if (o.document == "work-plan") {
    doc = draft_work_plan(in, chosen_period(ctx, data, o));
  } else if (o.document == "team-plan") {
    doc = draft_team_plan(in, chosen_period(ctx, data, o));
  } else if (o.document == "annual") {
    doc = draft_annual(in, o.year ? o.year : year_of(ctx.as_of));
  }
  if (f == "docx") ctx.out += docx_document(doc, ctx.zh);
  else if (f == "json") ctx.out += draft_json(ctx, doc);
  else ctx.out += draft_html(ctx, doc);
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_draft(CLI::App& app) {
  auto o = std::make_shared<DraftOptions>();
  app.add_option("document", o->document, "The document: report, feedback, announcement, supervision, assessment, annual, work-plan or team-plan")
      ->check(CLI::IsMember(documents));
  app.add_option("paths", o->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--tour", o->tour, "The tour of a report, feedback or announcement");
  app.add_option("--region", o->region, "The region of a supervision notice");
  app.add_option("--year", o->year, "The year of an assessment, annual summary, work plan or team plan (default: the year of --as-of)")->check(CLI::Range(1900, 2200));
  app.add_option("--round", o->round, "The round of a work plan, team plan or assessment: the tours of the cadence's years from this round year (e.g. 2027: 2027-2028)")
      ->check(CLI::Range(1900, 2200));
  app.add_option("--check", o->check, "List the markers left in an edited Word file (.docx); exit 1 when any is left");
  app.footer("Formats: html (a printable page, A4, GB/T 9704), docx (a Word document; needs -o FILE or a redirect),\n"
             "json (the paragraphs and tables); without -f, -o FILE.docx or FILE.json picks the format, else html.\n"
             "Markers: 【待填写：…】 where the team writes, 【待补充：…】 where the data lacks a fact.");
  return [o](Context& ctx) { return run_draft(ctx, *o); };
}

}  // namespace xuncha::cli
