// xuncha check: every registered rule over the data set (the CI gate).
#include "app/app.hpp"
#include "project/baseline.hpp"
#include "project/suppress.hpp"

#include <xuncha/rules/coverage.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace xuncha::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> reports;  ///< FMT=FILE
  std::string baseline, write_baseline;
};

// --report FMT=FILE: the format and the file, checked before anything is read.
std::vector<std::pair<std::string, std::string>> parse_reports(const std::vector<std::string>& specs) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : specs) {
    auto eq = s.find('=');
    std::string f = eq == std::string::npos ? std::string() : s.substr(0, eq);
    if (eq == std::string::npos || eq + 1 == s.size() ||
        std::find(findings_formats.begin(), findings_formats.end(), f) == findings_formats.end())
      throw UsageError(fmt::format("--report 的写法是 格式=文件；收到「{}」；可用的格式：{}", s, fmt::join(findings_formats, "、")),
                       fmt::format("--report expects FORMAT=FILE with FORMAT one of {}, got '{}'", fmt::join(findings_formats, ", "), s));
    for (const auto& [other_format, other_file] : out)
      if (other_file == s.substr(eq + 1)) throw UsageError(fmt::format("--report：{} 出现了两次", other_file), fmt::format("--report: {} named twice", other_file));
    out.emplace_back(f, s.substr(eq + 1));
  }
  return out;
}

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
  // No U+2014 in the header: its width is ambiguous, so aligned columns would drift.
  s.header = {ctx.t("地区", "region"), ctx.t("名称", "name"), ctx.t("类别", "class"), ctx.t("最近巡查", "last tour"),
              ctx.t(fmt::format("{}-{}年次数", from, to), fmt::format("tours {}-{}", from, to)),
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

std::string coverage_text(const Context& ctx, const xlsx::Sheet& s) {
  if (s.rows.empty()) return {};
  return s.title.front() + "\n" +
         xlsx::text_table(s, {false, false, false, true, true, true, false, false}).render(ctx.width) + "\n";
}

Json coverage_json(const std::vector<rules::CoverageRow>& rows) {
  static constexpr std::string_view names[] = {"covered", "due_next_year", "uncovered"};
  Json out = Json::array();
  for (const auto& r : rows)
    out.push_back({{"region", r.region->id}, {"name", r.region->name}, {"window", {r.window_from, r.window_to}},
                   {"last_tour_year", r.last_year ? Json(r.last_year) : Json(nullptr)},
                   {"tours_in_window", r.tours_in_window}, {"due_by", r.due_by},
                   {"state_council_years", r.state_council_years},
                   {"status", names[static_cast<std::size_t>(r.status)]}});
  return out;
}

int run_check(Context& ctx, const CheckOptions& opts) {
  require_format(ctx, "check", findings_formats);
  auto reports = parse_reports(opts.reports);
  // The coverage table has three views: the text before the findings, a json member and an xlsx
  // sheet. Only those the output formats (-f and --report) show are made: with millions of
  // regions, each view unused was gigabytes.
  std::vector<std::string_view> formats{ctx.global.format};
  for (const auto& r : reports) formats.push_back(r.first);
  auto any_format = [&](auto pred) { return std::any_of(formats.begin(), formats.end(), pred); };
  bool want_json = any_format([](std::string_view f) { return f == "json"; });
  bool want_xlsx = any_format([](std::string_view f) { return f == "xlsx"; });
  // (render_findings puts the text preface before the findings for every other format)
  bool want_text = !ctx.global.quiet && any_format([](std::string_view f) {
    return f != "json" && f != "concise" && f != "csv" && f != "github" && f != "sarif" && f != "junit" && f != "xlsx";
  });
  auto sel = selection(ctx);
  auto loaded = load_inputs(ctx, opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths);
  auto diags = loaded.result.diagnostics;
  std::vector<rules::CoverageRow> rows;
  std::vector<const rules::RuleInfo*> ran;
  std::size_t suppressed = 0;
  if (loaded.result.ok()) {
    ran = rules_run(loaded.result.data.policy, sel);
    rules::CheckContext cc{loaded.result.data, loaded.calendar, ctx.as_of, ctx.global.allow_uncovered};
    auto found = rules::run_checks(cc, sel);
    suppressed = apply_suppressions(loaded.result, sel, found);
    if (diags.empty())
      diags.swap(found);
    else
      diags.insert(diags.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    std::vector<Diagnostic>().swap(found);
    sort_diagnostics(diags);
    if (want_json || want_text || want_xlsx) rows = rules::coverage_table(loaded.result.data, ctx.as_of);
    // Said once per run, on stderr: titles leave the name out rather than borrow one.
    if (loaded.result.data.policy.province.empty() && !ctx.global.quiet)
      ctx.err += ctx.t("xuncha：提示：数据未给出省份名称（政策文件 province:），标题中将省略\n",
                       "xuncha: note: the data names no province (policy province:); titles leave it out\n");
  }
  if (!opts.write_baseline.empty()) {
    // The baseline is a file of its own: never standard output, never the report's file.
    if (opts.write_baseline == "-")
      throw UsageError("--write-baseline 需要一个文件名（「-」是标准输出，检查结果写在那里）",
                       "--write-baseline needs a file name ('-' is standard output, where the findings go)");
    if (!ctx.global.output.empty() && same_file(ctx.global.output, opts.write_baseline))
      throw UsageError(fmt::format("--write-baseline {}：与 -o 是同一个文件", quote_path(opts.write_baseline)),
                       fmt::format("--write-baseline {}: the same file as -o", quote_path(opts.write_baseline)));
    for (const auto& [format, file] : reports)
      if (same_file(file, opts.write_baseline))
        throw UsageError(fmt::format("--write-baseline {}：与 --report 是同一个文件", quote_path(opts.write_baseline)),
                         fmt::format("--write-baseline {}: the same file as --report", quote_path(opts.write_baseline)));
  }
  if (!opts.write_baseline.empty() && loaded.result.ok()) {
    // Records today's findings as known; the run then reports them as usual and passes.
    refuse_input(ctx, opts.write_baseline, "--write-baseline");
    write_output(opts.write_baseline, baseline_text(diags));
    if (!ctx.global.quiet)
      ctx.err += ctx.t(fmt::format("xuncha：已写入基线 {}\n", opts.write_baseline),
                       fmt::format("xuncha: wrote baseline {}\n", opts.write_baseline));
  }
  std::size_t accepted = 0;
  // --write-baseline may refresh the --baseline file itself; -o and --report never write onto it.
  if (!opts.baseline.empty()) ctx.input_names.push_back(opts.baseline);
  if (!opts.baseline.empty() && loaded.result.ok()) accepted = apply_baseline(opts.baseline, ctx.global.max_file_bytes, diags);
  ctx.summary_counts = {{"suppressed", suppressed}, {"baselined", accepted}};
  // What the suppressions and the baseline left out: in the summary of the text formats, on
  // stderr beside machine-readable output.
  std::string left_out;
  if (suppressed > 0)
    left_out += ctx.t(fmt::format("另有 {} 个问题被行内注释抑制\n", suppressed),
                      fmt::format("{} finding{} suppressed by inline comments\n", suppressed, suppressed == 1 ? "" : "s"));
  if (accepted > 0)
    left_out += ctx.t(fmt::format("另有 {} 个已知问题被基线 {} 接受\n", accepted, opts.baseline),
                      fmt::format("{} known finding{} accepted by the baseline {}\n", accepted,
                                  accepted == 1 ? "" : "s", opts.baseline));
  auto text_format = [](std::string_view f) { return f == "text" || f == "concise"; };
  xlsx::Sheet sheet;
  if (want_text || want_xlsx) sheet = coverage_sheet(ctx, rows);
  FindingsReport report{diags, want_text ? coverage_text(ctx, sheet) : std::string(), Json::object(), ran};
  if (want_json && !rows.empty()) report.extra["coverage"] = coverage_json(rows);
  if (want_xlsx && !sheet.rows.empty()) report.sheets.push_back(reports.empty() ? std::move(sheet) : sheet);
  // The views are made: the rows (and the sheet, unless a report file shows it again) go, and so
  // does the data set: the findings carry all the output needs, and it may be large.
  std::vector<rules::CoverageRow>().swap(rows);
  if (reports.empty()) sheet = xlsx::Sheet{};
  loaded.result.data = Dataset{};
  if (ctx.out.empty())
    ctx.out = render_findings(ctx, report, ctx.global.format);  // (not a copy: the output may be large)
  else
    ctx.out += render_findings(ctx, report, ctx.global.format);
  if (text_format(ctx.global.format)) ctx.out += left_out;
  else if (!ctx.global.quiet && !left_out.empty()) {
    std::string_view rest = left_out;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      ctx.err += "xuncha: " + std::string(rest.substr(0, nl + 1));
      rest.remove_prefix(nl + 1);
    }
  }
  // Each --report file: the same findings in another format, for a file (no colour, full
  // tables, terminal-safe text), written atomically and never onto an input.
  if (!reports.empty()) {
    Context file_ctx = ctx;
    file_ctx.color = false;
    file_ctx.width = 0;
    report.preface = want_text ? coverage_text(file_ctx, sheet) : std::string();
    for (const auto& [format, file] : reports)
      if (!ctx.global.output.empty() && same_file(file, ctx.global.output))
        throw UsageError(fmt::format("--report {}：与 -o 是同一个文件", file), fmt::format("--report {}: the same file as -o", file));
    for (const auto& [format, file] : reports) refuse_input(ctx, file, "--report");
    for (const auto& [format, file] : reports) {
      std::string text = render_findings(file_ctx, report, format);
      if (text_format(format)) text += left_out;
      if (text_format(format) || format == "github") text = terminal_safe(text, false);
      write_output(file, text);
    }
  }
  if (!opts.write_baseline.empty() && loaded.result.ok()) return 0;
  return findings_exit_code(ctx, diags);
}

}  // namespace

std::function<int(Context&)> setup_check(CLI::App& app) {
  auto opts = std::make_shared<CheckOptions>();
  app.add_option("paths", opts->paths, "Data files or folders ('-' for standard input); default: .");
  app.add_option("--report", opts->reports,
                 "Also write the findings as FORMAT to FILE (FORMAT=FILE, repeatable; e.g. sarif=x.sarif)");
  app.add_option("--baseline", opts->baseline, "Accept the findings recorded in FILE; only new ones fail");
  app.add_option("--write-baseline", opts->write_baseline, "Record today's findings in FILE (atomically) and pass");
  app.footer("Formats: text (coverage table and findings), concise, json, csv, github, sarif, junit,\n"
             "xlsx (coverage and findings sheets; needs -o FILE or a redirect).\n"
             "Exit: 0 clean, 1 findings at or above --fail-on, 2 unreadable or invalid input.");
  return [opts](Context& ctx) { return run_check(ctx, *opts); };
}

}  // namespace xuncha::cli
