// Findings in every format: text, concise, json, csv, github, sarif, junit.
#include "findings.hpp"

#include "csv.hpp"
#include "json.hpp"
#include "terminal.hpp"
#include "xml.hpp"

#include <xuncha/rules/registry.hpp>

#include <fmt/format.h>

#include <map>

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

std::string location_text(const Location& l) {
  if (l.file.empty()) return "xuncha";
  if (l.line == 0) return l.file;
  return fmt::format("{}:{}:{}", l.file, l.line, l.column);
}

const rules::RuleInfo* info_of(const Diagnostic& d) { return rules::find_rule(d.rule); }

std::string render_text(const Context& ctx, const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += concise_line(ctx, d, ctx.color) + "\n";
    for (const auto& r : d.related)
      out += fmt::format("    {} {}: {}\n", paint(ctx.t("参见", "see"), "2", ctx.color),
                         location_text(r.where), ctx.t(r.message));
  }
  return out;
}

std::string render_json(const Context& ctx, const std::vector<Diagnostic>& diags,
                        const std::string& extra) {
  std::map<Severity, int> counts;
  for (const auto& d : diags) ++counts[d.severity];
  std::string out = "{\n";
  out += fmt::format("  \"tool\": \"xuncha\",\n  \"version\": {},\n  \"as_of\": {},\n",
                     json_string(XUNCHA_VERSION), json_string(format_iso(ctx.as_of)));
  std::string more;
  for (const auto& [key, n] : ctx.summary_counts) more += fmt::format(", {}: {}", json_string(key), n);
  out += fmt::format("  \"summary\": {{\"error\": {}, \"warning\": {}, \"info\": {}{}}},\n",
                     counts[Severity::error], counts[Severity::warning], counts[Severity::info], more);
  if (!extra.empty()) out += extra + ",\n";
  out += "  \"diagnostics\": [";
  bool first = true;
  for (const auto& d : diags) {
    const auto* info = info_of(d);
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(
        "    {{\"rule\": {}, \"slug\": {}, \"severity\": {}, \"clause\": {}, \"file\": {}, \"line\": {}, "
        "\"column\": {}, \"path\": {}, \"subject\": {}, \"message\": {}, \"message_zh\": {}, \"message_en\": {}, "
        "\"related\": [",
        json_string(d.rule), json_string(info ? info->slug : ""), json_string(to_string(d.severity)),
        json_string(info ? info->clause : ""), json_string(d.where.file), d.where.line, d.where.column,
        json_string(d.yaml_path), json_string(d.subject), json_string(ctx.t(d.message)),
        json_string(d.message.zh), json_string(d.message.en));
    for (std::size_t i = 0; i < d.related.size(); ++i) {
      const auto& r = d.related[i];
      out += fmt::format("{}{{\"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}}}", i ? ", " : "",
                         json_string(r.where.file), r.where.line, r.where.column, json_string(ctx.t(r.message)));
    }
    out += "]}";
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
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
    out += fmt::format("::{} file={},line={},col={},title={}::{}\n", level, gh_escape(d.where.file, true),
                       d.where.line, d.where.column, gh_escape(d.rule, true), gh_escape(ctx.t(d.message), false));
  }
  return out;
}

std::string render_sarif(const Context& ctx, const std::vector<Diagnostic>& diags) {
  std::string out = "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n";
  out += "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"xuncha\", \"version\": ";
  out += json_string(XUNCHA_VERSION) + ", \"rules\": [";
  const auto& all = rules::all_rules();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto* r = all[i];
    out += fmt::format("{}\n      {{\"id\": {}, \"name\": {}, \"shortDescription\": {{\"text\": {}}}, "
                       "\"fullDescription\": {{\"text\": {}}}, \"properties\": {{\"clause\": {}}}}}",
                       i ? "," : "", json_string(r->id), json_string(r->slug),
                       json_string(ctx.zh ? r->summary_zh : r->summary_en),
                       json_string(ctx.zh ? r->explain_zh : r->explain_en), json_string(r->clause));
  }
  out += "]}},\n    \"results\": [";
  for (std::size_t i = 0; i < diags.size(); ++i) {
    const auto& d = diags[i];
    std::string level = d.severity == Severity::error ? "error" : d.severity == Severity::warning ? "warning" : "note";
    out += fmt::format(
        "{}\n      {{\"ruleId\": {}, \"level\": {}, \"message\": {{\"text\": {}}}, \"locations\": [{{\"physicalLocation\": "
        "{{\"artifactLocation\": {{\"uri\": {}}}, \"region\": {{\"startLine\": {}, \"startColumn\": {}}}}}}}], "
        "\"partialFingerprints\": {{\"xuncha/v1\": {}}}}}",
        i ? "," : "", json_string(d.rule), json_string(level), json_string(ctx.t(d.message)),
        json_string(d.where.file), std::max(d.where.line, 1), std::max(d.where.column, 1),
        json_string(d.rule + ":" + d.subject + ":" + d.yaml_path));
  }
  out += "\n    ]\n  }]\n}\n";
  return out;
}


std::string render_junit(const Context& ctx, const std::vector<Diagnostic>& diags) {
  int failures = 0;
  for (const auto& d : diags) failures += d.severity >= Severity::warning ? 1 : 0;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"xuncha\" tests=\"{}\" failures=\"{}\">\n", diags.size(), failures);
  out += fmt::format("  <testsuite name=\"xuncha check\" tests=\"{}\" failures=\"{}\">\n", diags.size(), failures);
  for (const auto& d : diags) {
    out += fmt::format("    <testcase classname=\"{}\" name=\"{} {}\">\n", xml_escape(d.where.file), xml_escape(d.rule),
                       xml_escape(d.subject));
    out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", to_string(d.severity),
                       xml_escape(ctx.t(d.message)), xml_escape(location_text(d.where)));
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace

std::string concise_line(const Context& ctx, const Diagnostic& d, bool color) {
  const auto* info = info_of(d);
  std::string sev = ctx.zh ? std::string(severity_zh(d.severity)) : std::string(to_string(d.severity));
  std::string head = fmt::format("{}[{}]", sev, d.rule);
  std::string clause = info && info->clause != "—" ? fmt::format(" ({})", info->clause) : "";
  return fmt::format("{}: {} {}: {}{}", paint(location_text(d.where), "1", color),
                     paint(head, severity_color(d.severity), color), info ? info->slug : "", ctx.t(d.message), clause);
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

std::string render_findings(const Context& ctx, const std::vector<Diagnostic>& diags,
                            const std::string& preface, const std::string& json_extra) {
  const auto& f = ctx.global.format;
  if (f == "json") return render_json(ctx, diags, json_extra);
  if (f == "concise") {
    std::string out;
    for (const auto& d : diags) out += concise_line(ctx, d, false) + "\n";
    return out;
  }
  if (f == "csv") return render_csv(ctx, diags);
  if (f == "github") return render_github(ctx, diags);
  if (f == "sarif") return render_sarif(ctx, diags);
  if (f == "junit") return render_junit(ctx, diags);
  if (f == "xlsx") return render_findings_xlsx(ctx, diags);
  std::string out = preface;
  out += render_text(ctx, diags);
  if (!ctx.global.quiet || !diags.empty()) out += summary_line(ctx, diags) + "\n";
  return out;
}

}  // namespace xuncha::cli
