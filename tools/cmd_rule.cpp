// xuncha rule: explain rules (clause, severity, zh + en).
#include "app.hpp"

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
  std::string meta = ctx.zh ? fmt::format("  默认级别：{}    条款：{}\n", to_string(r.severity), r.clause)
                            : fmt::format("  default severity: {}    clause: {}\n", to_string(r.severity), r.clause);
  std::string a = ctx.zh ? std::string(r.explain_zh) : std::string(r.explain_en);
  std::string b = ctx.zh ? std::string(r.explain_en) : std::string(r.explain_zh);
  return first + meta + "\n  " + a + "\n  " + b + "\n";
}

int run_rule(Context& ctx, const RuleOptions& opts) {
  require_format(ctx, "rule", {"text", "json"});
  std::vector<const rules::RuleInfo*> chosen;
  if (opts.all || opts.ids.empty()) {
    chosen = rules::all_rules();
  } else {
    for (const auto& id : opts.ids) {
      const auto* r = rules::find_rule(id);
      if (!r) {
        auto hint = rules::suggest_rule(id);
        throw UsageError(fmt::format("unknown rule '{}'{}", id, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      }
      chosen.push_back(r);
    }
  }
  bool json = ctx.global.format == "json";
  if (json) {
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
      t.add({std::string(r->id), std::string(r->slug), std::string(to_string(r->severity)), std::string(r->clause),
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
  return [opts](Context& ctx) { return run_rule(ctx, *opts); };
}

}  // namespace xuncha::cli
