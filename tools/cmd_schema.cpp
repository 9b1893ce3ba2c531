// xuncha schema --output CMD: the JSON Schema of a command's json output.
#include "app.hpp"
#include "output_schemas.hpp"

#include <xuncha/core/suggest.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace xuncha::cli {
namespace {

struct SchemaOptions {
  std::string output;
};

int run_schema(Context& ctx, const SchemaOptions& o) {
  require_format(ctx, "schema", {"text", "json"});
  const auto& names = output_schema_names();
  if (o.output.empty())
    throw UsageError(fmt::format("schema: --output CMD is required; CMD is one of {}", fmt::join(names, ", ")));
  auto schema = output_schema(o.output);
  if (!schema) {
    std::vector<std::string_view> known(names.begin(), names.end());
    auto hint = closest_match(o.output, known);
    throw UsageError(fmt::format("schema: no json output named '{}'{}; expected one of {}", o.output,
                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint), fmt::join(names, ", ")));
  }
  ctx.out += *schema;
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_schema(CLI::App& app) {
  auto o = std::make_shared<SchemaOptions>();
  app.add_option("--output", o->output,
                 "Print the JSON Schema of CMD's -f json output: check, teams, teams-suggest (teams --suggest), "
                 "deadlines, schedule, workdays or rule");
  app.footer("Every json output starts with tool, version, output (the command), schema_version and as_of;\n"
             "the schema says what follows. Columns are counted in characters (Unicode code points).");
  return [o](Context& ctx) { return run_schema(ctx, *o); };
}

}  // namespace xuncha::cli
