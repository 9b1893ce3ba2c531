// xuncha check: every registered rule over the data set (the CI gate).
#include "app.hpp"
#include "baseline.hpp"
#include "suppress.hpp"

#include <xuncha/rules/coverage.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string baseline, write_baseline;
};

std::string status_text(const Context& ctx, rules::CoverageRow::Status s) {
  switch (s) {
    case rules::CoverageRow::Status::covered: return ctx.t("已覆盖", "covered");
    case rules::CoverageRow::Status::due_next_year: return ctx.t("明年到期", "due next year");
    case rules::CoverageRow::Status::uncovered: return ctx.t("未覆盖", "NOT COVERED");
  }
  return "";
}

std::string join_years(const std::vector<int>& ys) {
  std::string s;
  for (auto y : ys) s += (s.empty() ? "" : ",") + std::to_string(y);
  return s;
}

/// The coverage table as one row model: the text preface and the xlsx sheet are both views of it.
xlsx::Sheet coverage_sheet(const Context& ctx, const std::vector<rules::CoverageRow>& rows) {
  xlsx::Sheet s;
  if (rows.empty()) return s;
  int from = rows.front().window_from, to = rows.front().window_to;
  s.name = ctx.t("五年全覆盖", "Coverage");
  s.title = {ctx.zh ? fmt::format("五年全覆盖情况（{}—{}年，截至 {}）", from, to, format_iso(ctx.as_of))
                    : fmt::format("Five-year coverage ({}-{}, as of {})", from, to, format_iso(ctx.as_of))};
  s.header = {ctx.t("地区", "region"), ctx.t("名称", "name"), ctx.t("类别", "class"), ctx.t("最近巡查", "last tour"),
              ctx.t(fmt::format("{}—{}年次数", from, to), fmt::format("tours {}-{}", from, to)),
              ctx.t("最迟下次", "next due by"), ctx.t("国务院巡查", "State Council"), ctx.t("状态", "status")};
  s.widths = {14, 16, 14, 10, 16, 12, 14, 14};
  for (const auto& r : rows) {
    auto cls = static_cast<std::size_t>(r.region->cls);
    bool uncovered = r.status == rules::CoverageRow::Status::uncovered;
    std::string sc = join_years(r.state_council_years);
    s.rows.push_back({xlsx::Cell::of(r.region->id), xlsx::Cell::of(r.region->name),
                      xlsx::Cell::of(std::string(ctx.zh ? region_class_zh[cls] : region_class_names[cls])),
                      r.last_year ? xlsx::Cell::of(r.last_year) : xlsx::Cell{}, xlsx::Cell::of(r.tours_in_window),
                      uncovered ? xlsx::Cell::of(ctx.t("已逾期", "overdue")) : xlsx::Cell::of(r.due_by),
                      sc.empty() ? xlsx::Cell{} : xlsx::Cell::of(sc), xlsx::Cell::of(status_text(ctx, r.status))});
    s.highlight.push_back(uncovered);
  }
  return s;
}

std::string coverage_text(const xlsx::Sheet& s) {
  if (s.rows.empty()) return {};
  return s.title.front() + "\n" + xlsx::text_table(s, {false, false, false, true, true, true, false, false}).render() + "\n";
}

std::string coverage_json(const std::vector<rules::CoverageRow>& rows) {
  std::string out = "  \"coverage\": [";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    std::string sc;
    for (auto y : r.state_council_years) sc += (sc.empty() ? "" : ", ") + std::to_string(y);
    static constexpr std::string_view names[] = {"covered", "due_next_year", "uncovered"};
    out += fmt::format("{}\n    {{\"region\": {}, \"name\": {}, \"window\": [{}, {}], \"last_tour_year\": {}, "
                       "\"tours_in_window\": {}, \"due_by\": {}, \"state_council_years\": [{}], \"status\": {}}}",
                       i ? "," : "", json_string(r.region->id), json_string(r.region->name), r.window_from,
                       r.window_to, r.last_year ? std::to_string(r.last_year) : "null", r.tours_in_window, r.due_by, sc,
                       json_string(names[static_cast<std::size_t>(r.status)]));
  }
  return out + (rows.empty() ? "]" : "\n  ]");
}

int run_check(Context& ctx, const CheckOptions& opts) {
  require_format(ctx, "check", findings_formats);
  auto sel = selection(ctx);
  auto loaded = load_inputs(ctx, opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths);
  auto diags = loaded.result.diagnostics;
  std::vector<rules::CoverageRow> rows;
  std::size_t suppressed = 0;
  if (loaded.result.ok()) {
    rules::CheckContext cc{loaded.result.data, loaded.calendar, ctx.as_of, ctx.global.allow_uncovered};
    auto found = rules::run_checks(cc, sel);
    suppressed = apply_suppressions(loaded.result, sel, found);
    diags.insert(diags.end(), found.begin(), found.end());
    sort_diagnostics(diags);
    rows = rules::coverage_table(loaded.result.data, ctx.as_of);
  }
  if (!opts.write_baseline.empty() && loaded.result.ok()) {
    // Records today's findings as known; the run then reports them as usual and passes.
    for (const auto& in : ctx.input_names)
      if (same_file(in, opts.write_baseline))
        throw UsageError(fmt::format("refusing to write the baseline onto input file {}", opts.write_baseline));
    write_atomically(opts.write_baseline, baseline_text(diags));
    if (!ctx.global.quiet)
      ctx.err += ctx.t(fmt::format("xuncha：已写入基线 {}\n", opts.write_baseline),
                       fmt::format("xuncha: wrote baseline {}\n", opts.write_baseline));
  }
  std::size_t accepted = 0;
  if (!opts.baseline.empty()) ctx.input_names.push_back(opts.baseline);  // -o never overwrites it
  if (!opts.baseline.empty() && loaded.result.ok()) accepted = apply_baseline(opts.baseline, diags);
  ctx.summary_counts = {{"suppressed", suppressed}, {"baselined", accepted}};
  auto sheet = coverage_sheet(ctx, rows);
  if (ctx.global.format == "xlsx") {
    std::vector<xlsx::Sheet> sheets;
    if (!sheet.rows.empty()) sheets.push_back(std::move(sheet));
    ctx.out += render_findings_xlsx(ctx, diags, std::move(sheets));
  } else {
    std::string preface = ctx.global.quiet ? std::string() : coverage_text(sheet);
    ctx.out += render_findings(ctx, diags, preface, rows.empty() ? std::string() : coverage_json(rows));
  }
  if (suppressed > 0) {
    std::string line = ctx.t(fmt::format("另有 {} 个问题被行内注释抑制\n", suppressed),
                             fmt::format("{} finding{} suppressed by inline comments\n", suppressed, suppressed == 1 ? "" : "s"));
    if (ctx.global.format == "text" || ctx.global.format == "concise") ctx.out += line;
    else if (!ctx.global.quiet) ctx.err += "xuncha: " + line;
  }
  if (accepted > 0) {
    std::string line = ctx.t(fmt::format("另有 {} 个已知问题被基线 {} 接受\n", accepted, opts.baseline),
                             fmt::format("{} known finding{} accepted by the baseline {}\n", accepted,
                                         accepted == 1 ? "" : "s", opts.baseline));
    // In the summary of the text formats; on stderr beside machine-readable output.
    if (ctx.global.format == "text" || ctx.global.format == "concise") ctx.out += line;
    else if (!ctx.global.quiet) ctx.err += "xuncha: " + line;
  }
  if (!opts.write_baseline.empty() && loaded.result.ok()) return 0;
  return findings_exit_code(ctx, diags);
}

}  // namespace

std::function<int(Context&)> setup_check(CLI::App& app) {
  auto opts = std::make_shared<CheckOptions>();
  app.add_option("paths", opts->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--baseline", opts->baseline, "Accept the findings recorded in FILE; only new ones fail");
  app.add_option("--write-baseline", opts->write_baseline, "Record today's findings in FILE (atomically) and pass");
  app.footer("Formats: text (coverage table and findings), concise, json, csv, github, sarif, junit,\n"
             "xlsx (coverage and findings sheets; needs -o FILE or a redirect).\n"
             "Exit: 0 clean, 1 findings at or above --fail-on, 2 unreadable or invalid input.");
  return [opts](Context& ctx) { return run_check(ctx, *opts); };
}

}  // namespace xuncha::cli
