// Reading the inputs of a run: PATHs, --policy and --calendar files, standard input.
#include "app/inputs.hpp"

#include "render/findings.hpp"
#include "base/terminal.hpp"

#include <xuncha/rules/policy_check.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <iterator>
#include <optional>

namespace xuncha::cli {

namespace {

// -v: what was read. Files, records per kind, calendar years, where the policy came from.
std::string verbose_report(const Context& ctx, const std::vector<std::string>& files, const Loaded& loaded) {
  const auto& d = loaded.result.data;
  std::string out = ctx.zh ? fmt::format("xuncha：读取 {} 个文件\n", files.size())
                           : fmt::format("xuncha: read {}\n", count_of(files.size(), "file"));
  for (const auto& f : files) out += "xuncha:   " + quote_path(f) + "\n";
  out += ctx.zh ? fmt::format("xuncha：记录：地区 {}，单位 {}，人员 {}，聘任 {}，巡查组 {}，巡查 {}\n", d.regions.size(),
                              d.units.size(), d.people.size(), d.appointments.size(), d.teams.size(), d.tours.size())
                : fmt::format("xuncha: records: {} regions, {} units, {} people, {} appointments, {} teams, {} tours\n",
                              d.regions.size(), d.units.size(), d.people.size(), d.appointments.size(),
                              d.teams.size(), d.tours.size());
  const auto& bundled = Calendar::bundled_years();
  std::string years;
  for (const auto& y : d.calendar_years) years += (years.empty() ? "" : ", ") + std::to_string(y.year);
  int first = bundled.empty() ? 0 : bundled.front().year, last = bundled.empty() ? 0 : bundled.back().year;
  for (const auto& y : bundled) first = std::min(first, y.year), last = std::max(last, y.year);
  out += ctx.zh ? fmt::format("xuncha：日历：内置 {}—{} 年{}\n", first, last,
                              years.empty() ? std::string() : "；数据及 --calendar 增补 " + years)
                : fmt::format("xuncha: calendar: bundled {}-{}{}\n", first, last,
                              years.empty() ? std::string() : "; from the data and --calendar: " + years);
  std::string policy;
  for (const auto& p : ctx.global.policy_files) policy += ", " + quote_path(p);
  out += ctx.zh ? fmt::format("xuncha：政策：内置默认值，再依次应用数据中的 kind: policy 文档{}\n",
                              policy.empty() ? std::string() : "及 --policy" + policy)
                : fmt::format("xuncha: policy: built-in defaults, then kind: policy documents in the data{}\n",
                              policy.empty() ? std::string() : ", then --policy" + policy.substr(1));
  return out;
}

}  // namespace

Loaded load_inputs(Context& ctx, const std::vector<std::string>& paths) {
  std::vector<Diagnostic> diags;
  load::WalkOptions walk;
  walk.exclude = ctx.global.exclude;
  auto inputs = load::expand_paths(paths, diags, walk);
  // The walk's notes (files it does not read: spreadsheets, documents) are not errors.
  auto notes_begin = std::stable_partition(diags.begin(), diags.end(),
                                           [](const Diagnostic& d) { return d.severity != Severity::info; });
  std::vector<Diagnostic> walk_notes(notes_begin, diags.end());
  diags.erase(notes_begin, diags.end());
  for (auto& in : inputs) {
    if (in.name == "-" && !in.text) {
      Message why;
      std::optional<std::string> text = std::string();
      if (ctx.env.in_fd >= 0) text = load::read_descriptor(ctx.env.in_fd, ctx.global.max_file_bytes, why);
      else if (ctx.env.in) text = load::read_stream(*ctx.env.in, ctx.global.max_file_bytes, why);
      if (!text) throw UsageError(fmt::format("标准输入：{}", why.zh), fmt::format("standard input: {}", why.en));
      in.name = "<stdin>";
      in.text = std::move(text);
    }
  }
  for (const auto& p : ctx.global.policy_files) inputs.push_back({p, std::nullopt, load::InputRole::policy});
  for (const auto& p : ctx.global.calendar_files) inputs.push_back({p, std::nullopt, load::InputRole::calendar});
  for (const auto& in : inputs)
    if (!in.text) ctx.input_names.push_back(in.name);
  std::vector<std::string> read_names;
  for (const auto& in : inputs) read_names.push_back(in.name);
  load::LoadOptions opts;
  opts.jobs = ctx.global.jobs ? ctx.global.jobs : std::max(1u, ctx.env.cores);
  opts.max_file_bytes = ctx.global.max_file_bytes;
  Loaded loaded{load::load(std::move(inputs), opts), Calendar{}};
  auto& result = loaded.result;
  result.diagnostics.insert(result.diagnostics.end(), diags.begin(), diags.end());
  result.notes.insert(result.notes.begin(), walk_notes.begin(), walk_notes.end());
  if (!ctx.global.quiet)
    for (const auto& n : result.notes)
      ctx.err += ctx.t(fmt::format("xuncha：提示：{}：{}\n", quote_path(n.where.file), text::one_line(n.message.zh)),
                       fmt::format("xuncha: note: {}: {}\n", quote_path(n.where.file), text::one_line(n.message.en)));
  auto policy = rules::validate_policy(result.data);
  result.diagnostics.insert(result.diagnostics.end(), policy.begin(), policy.end());
  sort_diagnostics(result.diagnostics);
  std::vector<CalendarYear> years = Calendar::bundled_years();
  years.insert(years.end(), result.data.calendar_years.begin(), result.data.calendar_years.end());
  loaded.calendar = Calendar(years);
  if (ctx.global.verbose && !ctx.global.quiet) ctx.err += verbose_report(ctx, read_names, loaded);
  return loaded;
}

void uncovered_year(Context& ctx, const Calendar& cal, int year, const Message& subject) {
  if (!ctx.global.allow_uncovered) throw UsageError(subject.zh + cal.uncovered_message(year).zh, subject.en + cal.uncovered_message(year).en);
  if (ctx.global.quiet) return;
  std::string fact = ctx.t(subject) + ctx.t(cal.uncovered_message(year, false));
  ctx.err += ctx.t(fmt::format("xuncha：警告：{}；该年只按周末计算\n", fact),
                   fmt::format("xuncha: warning: {}; counting weekends only\n", fact));
}

void report_input_errors(Context& ctx, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags) {
    ctx.err += concise_line(ctx, d, false) + "\n";
    for (const auto& r : d.related)
      ctx.err += fmt::format("    {} {}:{}:{}: {}\n", ctx.t("参见", "see"), quote_path(r.where.file), r.where.line,
                             r.where.column, text::one_line(ctx.t(r.message)));
  }
}

}  // namespace xuncha::cli
