// xuncha schema: JSON Schemas of the input kinds (draft 2020-12, for editors and validators) and,
// with --output CMD, of a command's json output (draft-07).
#include "app/app.hpp"
#include "app/output_schemas.hpp"

#include <xuncha/core/suggest.hpp>
#include <xuncha/load/schema.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace xuncha::cli {
namespace {

struct SchemaOptions {
  std::string kind;
  bool list = false;
  std::string output;
};

int run_output_schema(Context& ctx, const std::string& output) {
  const auto& names = output_schema_names();
  auto schema = output_schema(output);
  if (!schema) {
    std::vector<std::string_view> known(names.begin(), names.end());
    auto hint = closest_match(output, known);
    throw UsageError(fmt::format("schema：没有名为「{}」的 JSON 输出{}；可用：{}", output,
                                 hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint), fmt::join(names, "、")),
                     fmt::format("schema: no json output named '{}'{}; expected one of {}", output,
                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint), fmt::join(names, ", ")));
  }
  ctx.out += *schema;
  return 0;
}

int run_schema(Context& ctx, const SchemaOptions& opts) {
  require_format(ctx, "schema", {"json", "text"});
  if (!opts.output.empty()) {
    if (opts.list || !opts.kind.empty())
      throw UsageError("schema：--output 命令 须单独使用（不能与 KIND 或 --list 同用）",
                       "schema: --output CMD goes alone (not with KIND or --list)");
    return run_output_schema(ctx, opts.output);
  }
  if (opts.list) {
    for (auto k : load::known_kinds()) ctx.out += fmt::format("{}\n", k);
    return 0;
  }
  // Descriptions in the language --lang names; without it, both (an installed file serves every
  // reader, and $LANG at build time must not change it).
  auto lang = ctx.global.lang == "zh"   ? load::SchemaLang::zh
              : ctx.global.lang == "en" ? load::SchemaLang::en
                                        : load::SchemaLang::both;
  if (opts.kind.empty()) {
    ctx.out += load::json_schema_all(lang);
    return 0;
  }
  auto schema = load::json_schema(opts.kind, lang);
  if (!schema) {
    const auto& kinds = load::known_kinds();
    auto hint = closest_match(opts.kind, kinds);
    std::string list, list_zh;
    for (auto k : kinds) list += (list.empty() ? "" : ", ") + std::string(k);
    for (auto k : kinds) list_zh += (list_zh.empty() ? "" : "、") + std::string(k);
    throw UsageError(fmt::format("schema：未知的文件类型「{}」{}；可用：{}", opts.kind,
                                 hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint), list_zh),
                     fmt::format("schema: unknown kind '{}'{}; expected one of: {}", opts.kind,
                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint), list));
  }
  ctx.out += *schema;
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_schema(CLI::App& app) {
  auto opts = std::make_shared<SchemaOptions>();
  app.add_option("KIND", opts->kind, "The kind (regions, tours, policy, ...); without it, one schema for every kind");
  app.add_flag("--list", opts->list, "List the kinds, one per line");
  app.add_option("--output", opts->output,
                 "Print the JSON Schema of CMD's -f json output instead: check, teams, teams-suggest "
                 "(teams --suggest), deadlines, schedule, staff, ledger, workdays, rule or config");
  app.footer("The descriptions of the input schemas are in the language --lang names, or in both (\"中文 / English\")\n"
             "without it. Every json output starts with tool, version, output (the command), schema_version and (if dated) as_of;\n"
             "the --output schema says what follows. Columns are counted in characters (Unicode code points).");
  return [opts](Context& ctx) { return run_schema(ctx, *opts); };
}

}  // namespace xuncha::cli
