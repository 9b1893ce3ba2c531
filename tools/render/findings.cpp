// Findings in every format: text, concise, json, csv, github, sarif, junit.
#include "render/findings.hpp"

#include "render/csv.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"
#include "render/xml.hpp"

#include <xuncha/rules/registry.hpp>
#include <xuncha/text/width.hpp>

#include <fmt/format.h>

#include <algorithm>


namespace xuncha::cli {
namespace {

std::string_view severity_zh(Severity s) {
  switch (s) {
    case Severity::error: return "错误";
    case Severity::warning: return "警告";
    case Severity::info: return "提示";
    case Severity::off: return "关闭";
  }
  return "";
}

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "1;31";
    case Severity::warning: return "1;33";
    default: return "1;36";
  }
}

const rules::RuleInfo* info_of(const Diagnostic& d) { return rules::find_rule(d.rule); }

std::string render_text(const Context& ctx, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += concise_line(ctx, d, ctx.color) + "\n";
    for (const auto& r : d.related)
      out += fmt::format("    {} {}: {}\n", paint(ctx.t("参见", "see"), "2", ctx.color),
                         location_text(r.where), text::one_line(ctx.t(r.message)));
  }
  return out;
}

Json render_json(const Context& ctx, const FindingsReport& report) {
  const auto& diags = report.diags;
  int counts[3] = {0, 0, 0};
  for (const auto& d : diags) ++counts[d.severity == Severity::error ? 0 : d.severity == Severity::warning ? 1 : 2];
  Json j = json_envelope(ctx, ctx.command.empty() ? "check" : ctx.command);
  j["summary"] = {{"error", counts[0]}, {"warning", counts[1]}, {"info", counts[2]}};
  for (const auto& [key, n] : ctx.summary_counts) j["summary"][key] = n;
  for (const auto& [key, value] : report.extra.items()) j[key] = value;
  Json list = Json::array();
  for (const auto& d : diags) {
    const auto* info = info_of(d);
    Json related = Json::array();
    for (const auto& r : d.related)
      related.push_back({{"file", r.where.file}, {"line", r.where.line}, {"column", r.where.column},
                         {"message", ctx.t(r.message)}});
    list.push_back({{"rule", d.rule}, {"slug", info ? info->slug : ""}, {"severity", to_string(d.severity)},
                    {"clause", info ? info->clause : ""}, {"file", d.where.file}, {"line", d.where.line},
                    {"column", d.where.column}, {"path", d.yaml_path}, {"subject", d.subject},
                    {"message", ctx.t(d.message)}, {"message_zh", d.message.zh}, {"message_en", d.message.en},
                    {"related", std::move(related)}});
  }
  j["diagnostics"] = std::move(list);
  return j;
}

std::string render_csv(const Context& ctx, const std::vector<Diagnostic>& diags) {
  std::string out = ctx.global.bom ? "\xEF\xBB\xBF" : "";
  out += "file,line,column,severity,rule,slug,clause,subject,message\r\n";
  for (const auto& d : diags) {
    const auto* info = info_of(d);
    out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_cell(d.where.file), d.where.line, d.where.column,
                       to_string(d.severity), d.rule, info ? info->slug : "", csv_cell(info ? info->clause : ""),
                       csv_cell(d.subject), csv_cell(ctx.t(d.message)));
  }
  return out;
}

// GitHub workflow commands: data must escape % \r \n, properties also : and ,.
std::string gh_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string render_github(const Context& ctx, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) {
    std::string_view level = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "notice";
    // A finding about a whole file (unreadable, a folder) has no line: the annotation goes on the
    // file, not on a line 0 GitHub cannot show.
    std::string at = d.where.line > 0 ? fmt::format(",line={},col={}", d.where.line, std::max(d.where.column, 1)) : "";
    out += fmt::format("::{} file={}{},title={}::{}\n", level, gh_escape(d.where.file, true), at,
                       gh_escape(d.rule, true), gh_escape(ctx.t(d.message), false));
  }
  return out;
}

}  // namespace

std::string location_text(const Location& l) {
  if (l.file.empty()) return "xuncha";
  if (l.line == 0) return quote_path(l.file);
  return fmt::format("{}:{}:{}", quote_path(l.file), l.line, l.column);
}

std::string concise_line(const Context& ctx, const Diagnostic& d, bool color) {
  const auto* info = info_of(d);
  std::string sev = ctx.zh ? std::string(severity_zh(d.severity)) : std::string(to_string(d.severity));
  std::string head = fmt::format("{}[{}]", sev, d.rule);
  std::string clause = info && info->clause != "—" ? fmt::format(" ({})", info->clause) : "";
  return fmt::format("{}: {} {}: {}{}", paint(location_text(d.where), "1", color),
                     paint(head, severity_color(d.severity), color), info ? info->slug : "", text::one_line(ctx.t(d.message)),
                     clause);
}

std::string summary_line(const Context& ctx, const std::vector<Diagnostic>& diags) {
  int e = 0, w = 0, i = 0;
  for (const auto& d : diags) {
    if (d.severity == Severity::error) ++e;
    else if (d.severity == Severity::warning) ++w;
    else ++i;
  }
  if (ctx.zh) {
    if (e + w + i == 0) return "未发现问题";
    return fmt::format("共 {} 个错误、{} 个警告、{} 个提示", e, w, i);
  }
  if (e + w + i == 0) return "no findings";
  return fmt::format("{} error{}, {} warning{}, {} info", e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", i);
}

std::string render_findings(const Context& ctx, const FindingsReport& report, std::string_view f) {
  const auto& diags = report.diags;
  if (f == "json") return json_dump(render_json(ctx, report));
  if (f == "concise") {
    std::string out;
    for (const auto& d : diags) out += concise_line(ctx, d, false) + "\n";
    return out;
  }
  if (f == "csv") return render_csv(ctx, diags);
  if (f == "github") return render_github(ctx, diags);
  if (f == "sarif") return render_sarif(ctx, diags);
  if (f == "junit") return render_junit(ctx, report);
  if (f == "xlsx") return render_findings_xlsx(ctx, diags, report.sheets);
  std::string out = report.preface;
  out += render_text(ctx, diags);
  if (!ctx.global.quiet || !diags.empty()) out += summary_line(ctx, diags) + "\n";
  return out;
}

std::string render_findings(const Context& ctx, const std::vector<Diagnostic>& diags,
                            const std::string& preface, const std::string& json_extra) {
  FindingsReport report{diags, preface, Json::object(), {}};
  if (!json_extra.empty()) report.extra = Json::parse("{" + json_extra + "}");
  return render_findings(ctx, report, ctx.global.format);
}

}  // namespace xuncha::cli
