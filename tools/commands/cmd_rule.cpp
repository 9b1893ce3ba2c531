// xuncha rule: explain rules (clause, severity, zh + en).
#include "app/app.hpp"

#include <xuncha/text/width.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct RuleOptions {
  std::vector<std::string> ids;
  bool all = false;
};

std::string explain(const Context& ctx, const rules::RuleInfo& r) {
  std::string first = ctx.zh ? fmt::format("{} {}：{}\n", r.id, r.slug, r.summary_zh)
                             : fmt::format("{} {}: {}\n", r.id, r.slug, r.summary_en);
  std::string meta = ctx.zh ? fmt::format("  默认级别：{}    条款：{}\n", severity_words(r.severity).zh, r.clause)
                            : fmt::format("  default severity: {}    clause: {}\n", to_string(r.severity), r.clause);
  std::string a = ctx.zh ? std::string(r.explain_zh) : std::string(r.explain_en);
  std::string b = ctx.zh ? std::string(r.explain_en) : std::string(r.explain_zh);
  return first + meta + "\n  " + a + "\n  " + b + "\n";
}

// Text for a roff line: backslashes escaped, a leading control character made literal.
std::string roff(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\') {
      out += "\\e";
      continue;
    }
    out += s[i];
    // After a CJK character (three UTF-8 bytes, lead byte E2..EF: U+2E80 and up in practice), an
    // optional break \: so troff can wrap Chinese text, which has no spaces.
    if (c >= 0xE2 && c <= 0xEF && i + 2 < s.size()) {
      out += s.substr(i + 1, 2);
      i += 2;
      out += "\\:";
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// The xuncha-rules(7) page (-f man): every chosen rule, from the registry. Its date is --as-of,
// so the build pins it and the page is byte-identical on every machine.
std::string rules_man(const Context& ctx, const std::vector<const rules::RuleInfo*>& chosen) {
  std::string out = fmt::format(
      ".TH XUNCHA-RULES 7 {} \"xuncha {}\" \"Miscellaneous Information Manual\"\n"
      ".ad l\n.SH NAME\nxuncha-rules \\- the rules that xuncha(1) checks\n"
      ".SH DESCRIPTION\n"
      "Every finding of\n.B xuncha check\nnames a rule by a stable id and a slug.\n"
      "This page lists every rule with its default severity, the clause of the\n"
      "regulation it enforces, and its summary and explanation in English and Chinese.\n"
      "It is generated from the rule registry of the binary, as is\n.BR \"xuncha rule \\-\\-all\" .\n"
      ".PP\nRules are selected with\n.BR \\-\\-select \" and \" \\-\\-ignore\n"
      "(ids, slugs or id prefixes such as\n.BR T \" or \" C1 ),\n"
      "and a severity is changed with\n.B \\-\\-severity\n.IR ID = LEVEL\n"
      "or the\n.B rules:\nmap of a policy file.\n"
      "Rules whose id starts with L report input that cannot be loaded; they stop a run with exit\n"
      "status 2.\n.SH RULES\n",
      format_iso(ctx.as_of), XUNCHA_VERSION);
  for (const auto* r : chosen) {
    out += fmt::format(".SS \"{} {}\"\n", r->id, r->slug);
    out += fmt::format("Default severity:\n.BR {} .\nClause: {}.\n", to_string(r->severity), roff(r->clause));
    out += ".PP\n" + roff(r->summary_en) + "\n.br\n" + roff(r->explain_en) + "\n";
    out += ".PP\n" + roff(r->summary_zh) + "\n.br\n" + roff(r->explain_zh) + "\n";
  }
  out += ".SH SEE ALSO\n.BR xuncha (1),\n.BR xuncha\\-check (1),\n.BR xuncha\\-rule (1),\n.BR xuncha\\-data (5)\n";
  return out;
}

int run_rule(Context& ctx, const RuleOptions& opts) {
  require_format(ctx, "rule", {"text", "json", "man"});
  std::vector<const rules::RuleInfo*> chosen;
  if (opts.all || opts.ids.empty()) {
    chosen = rules::all_rules();
  } else {
    for (const auto& id : opts.ids) {
      const auto* r = rules::find_rule(id);
      if (!r) {
        auto hint = rules::suggest_rule(id);
        throw UsageError(unknown_rule_message(id, hint));
      }
      chosen.push_back(r);
    }
  }
  bool json = ctx.global.format == "json";
  if (ctx.global.format == "man") {
    ctx.out += rules_man(ctx, chosen);
  } else if (json) {
    Json list = Json::array();
    for (const auto* r : chosen)
      list.push_back({{"id", r->id}, {"slug", r->slug}, {"severity", to_string(r->severity)}, {"clause", r->clause},
                      {"summary_zh", r->summary_zh}, {"summary_en", r->summary_en},
                      {"explanation_zh", r->explain_zh}, {"explanation_en", r->explain_en}});
    Json j = json_envelope(ctx, "rule");
    j["rules"] = std::move(list);
    ctx.out += json_dump(j);
  } else if (opts.ids.empty() && !opts.all) {
    // Without ids: a table of every rule.
    text::Table t({ctx.t("编号", "id"), ctx.t("名称", "slug"), ctx.t("级别", "severity"), ctx.t("条款", "clause"),
                   ctx.t("说明", "summary")});
    for (const auto* r : chosen)
      t.add({std::string(r->id), std::string(r->slug), ctx.t(severity_words(r->severity)), std::string(r->clause),
             std::string(ctx.zh ? r->summary_zh : r->summary_en)});
    ctx.out += t.render(ctx.width);
  } else {
    for (std::size_t i = 0; i < chosen.size(); ++i) ctx.out += (i ? "\n" : "") + explain(ctx, *chosen[i]);
  }
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_rule(CLI::App& app) {
  auto opts = std::make_shared<RuleOptions>();
  app.add_option("ids", opts->ids, "Rule ids or slugs (T101, team-size); none: a table of all rules");
  app.add_flag("--all", opts->all, "Explain every rule in full");
  app.footer("Formats: text, json, man (the xuncha-rules(7) page, dated --as-of).");
  return [opts](Context& ctx) { return run_rule(ctx, *opts); };
}

}  // namespace xuncha::cli
