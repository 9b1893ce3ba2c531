// JUnit XML as Jenkins reads it (junit-10.xsd): one test case per rule run, passed or failed.
#include "render/findings.hpp"

#include "base/selection.hpp"
#include "render/xml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha::cli {

std::string render_junit(const Context& ctx, const FindingsReport& report) {
  // --fail-on decides what fails a test case, as it decides the exit code.
  Severity threshold = fail_threshold(ctx);
  std::map<std::string, std::vector<const Diagnostic*>> by_rule;
  for (const auto& d : report.diags) by_rule[d.rule].push_back(&d);
  std::vector<std::string> ids;
  for (const auto* r : report.rules_run) ids.emplace_back(r->id);
  for (const auto& [id, list] : by_rule)
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());

  std::string suite = "xuncha " + (ctx.command.empty() ? std::string("check") : ctx.command);
  int failures = 0, errors = 0;
  std::string cases;
  for (const auto& id : ids) {
    const auto* info = rules::find_rule(id);
    auto it = by_rule.find(id);
    std::vector<const Diagnostic*> found = it == by_rule.end() ? std::vector<const Diagnostic*>{} : it->second;
    bool input = !id.empty() && id[0] == 'L';  // an input error: the data could not be read
    bool fails = input || std::any_of(found.begin(), found.end(), [&](const Diagnostic* d) {
                   return threshold != Severity::off && d->severity >= threshold;
                 });
    cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"",
                         xml_attribute(suite), xml_attribute(info ? fmt::format("{} {}", id, info->slug) : id));
    if (found.empty()) {
      cases += "/>\n";
      continue;
    }
    std::string body;
    int e = 0, w = 0, n = 0;
    for (const auto* d : found) {
      body += concise_line(ctx, *d, false) + "\n";
      for (const auto& r : d->related)
        body += fmt::format("    {} {}: {}\n", ctx.t("参见", "see"), location_text(r.where), ctx.t(r.message));
      (d->severity == Severity::error ? e : d->severity == Severity::warning ? w : n) += 1;
    }
    std::string message = ctx.zh ? fmt::format("{} 个错误、{} 个警告、{} 个提示", e, w, n)
                                 : fmt::format("{} error{}, {} warning{}, {} info", e, e == 1 ? "" : "s", w,
                                               w == 1 ? "" : "s", n);
    cases += ">\n";
    if (fails) {
      std::string_view element = input ? "error" : "failure";
      (input ? errors : failures) += 1;
      cases += fmt::format("      <{} type=\"{}\" message=\"{}\">{}</{}>\n", element,
                           to_string(found.front()->severity), xml_attribute(message), xml_escape(body), element);
    } else {
      cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(body));
    }
    cases += "    </testcase>\n";
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"xuncha\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n", ids.size(), failures,
                     errors);
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n",
                     xml_attribute(suite), ids.size(), failures, errors);
  out += cases;
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace xuncha::cli
