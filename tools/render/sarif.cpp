// SARIF 2.1.0 (OASIS): valid against the official schema, as GitHub code scanning wants it.
#include "render/findings.hpp"

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

std::string_view level_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
    case Severity::off: return "none";
  }
  return "none";
}

// RFC 3986: every byte outside the unreserved set and '/' is percent-encoded, so spaces, '#',
// '%', Chinese and bytes that are not UTF-8 (a GBK file name) all give a valid URI.
std::string percent_encode(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == '/';
    out += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

}  // namespace

std::string render_sarif(const Context& ctx, const std::vector<Diagnostic>& diags) {
  Json rules = Json::array();
  const auto& all = rules::all_rules();
  for (const auto* r : all) {
    std::string explain(ctx.zh ? r->explain_zh : r->explain_en);
    rules.push_back({{"id", r->id},
                     {"name", r->slug},
                     {"shortDescription", {{"text", ctx.zh ? r->summary_zh : r->summary_en}}},
                     {"fullDescription", {{"text", explain}}},
                     {"help", {{"text", explain + (r->clause == "—" ? "" : fmt::format(" ({})", r->clause))}}},
                     {"defaultConfiguration", {{"level", level_of(r->severity)}}},
                     {"properties", {{"clause", r->clause}}}});
  }
  Json results = Json::array();
  for (const auto& d : diags) {
    Json result = {{"ruleId", d.rule}};
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i]->id == d.rule) result["ruleIndex"] = i;
    result["level"] = level_of(d.severity);
    result["message"] = {{"text", ctx.t(d.message)}};
    if (!d.where.file.empty() && d.where.file != "<stdin>") {
      Json artifact;
      // Relative paths are relative to where xuncha ran (the checkout for GitHub); absolute
      // ones become file:// URIs.
      if (d.where.file[0] == '/') {
        artifact["uri"] = "file://" + percent_encode(d.where.file);
      } else {
        artifact["uri"] = percent_encode(d.where.file);
        artifact["uriBaseId"] = "%SRCROOT%";
      }
      Json physical = {{"artifactLocation", std::move(artifact)}};
      if (d.where.line > 0) {
        physical["region"] = {{"startLine", d.where.line}};
        if (d.where.column > 0) physical["region"]["startColumn"] = d.where.column;
      }
      result["locations"] = Json::array({{{"physicalLocation", std::move(physical)}}});
    }
    result["partialFingerprints"] = {{"xuncha/v1", d.rule + ":" + d.subject + ":" + d.yaml_path}};
    results.push_back(std::move(result));
  }
  Json run = {{"tool",
               {{"driver",
                 {{"name", "xuncha"}, {"version", XUNCHA_VERSION},
                  {"rules", std::move(rules)}}}}},
              {"originalUriBaseIds",
               {{"%SRCROOT%", {{"description", {{"text", "The folder xuncha ran in (relative paths start there)."}}}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  Json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({std::move(run)})}};
  return json_dump(sarif);
}

}  // namespace xuncha::cli
