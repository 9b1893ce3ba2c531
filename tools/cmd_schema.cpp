// xuncha schema: JSON Schemas (draft 2020-12) of the input kinds, for editors and validators.
#include "app.hpp"

#include <xuncha/core/suggest.hpp>
#include <xuncha/load/schema.hpp>

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct SchemaOptions {
  std::string kind;
  bool list = false;
};

int run_schema(Context& ctx, const SchemaOptions& opts) {
  require_format(ctx, "schema", {"json", "text"});
  if (opts.list) {
    for (auto k : load::known_kinds()) ctx.out += fmt::format("{}\n", k);
    return 0;
  }
  if (opts.kind.empty()) {
    ctx.out += load::json_schema_all();
    return 0;
  }
  auto schema = load::json_schema(opts.kind);
  if (!schema) {
    const auto& kinds = load::known_kinds();
    auto hint = closest_match(opts.kind, kinds);
    std::string list;
    for (auto k : kinds) list += (list.empty() ? "" : ", ") + std::string(k);
    throw UsageError(fmt::format("schema: unknown kind '{}'{}; expected one of: {}", opts.kind,
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
  return [opts](Context& ctx) { return run_schema(ctx, *opts); };
}

}  // namespace xuncha::cli
