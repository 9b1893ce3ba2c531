// xuncha config: the effective settings (command line > xuncha.yaml > defaults) and their origin.
#include "app.hpp"
#include "config.hpp"

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct ConfigOptions {
  std::vector<std::string> paths;
};

std::vector<std::string> value_of(const GlobalOptions& g, std::string_view key) {
  if (key == "select") return g.select;
  if (key == "ignore") return g.ignore;
  if (key == "severity") return g.severity;
  if (key == "fail-on") return {g.fail_on};
  if (key == "exclude") return g.exclude;
  if (key == "lang") return {g.lang};
  if (key == "policy") return g.policy_files;
  if (key == "max-file-size") return {g.max_file_size.empty() ? load::format_size(g.max_file_bytes) : g.max_file_size};
  return g.calendar_files;
}

int run_config(Context& ctx, const ConfigOptions&) {
  require_format(ctx, "config", {"text", "json"});
  const auto& g = ctx.global;
  auto lang = [&](std::vector<std::string> v, std::string_view key) {
    if (key == "lang" && v[0].empty()) v[0] = ctx.zh ? "zh" : "en";
    return v;
  };
  if (ctx.global.format == "json") {
    Json j = json_envelope(ctx, "config");
    j["config_file"] = g.config_file.empty() ? Json(nullptr) : Json(g.config_file);
    Json settings = Json::object();
    for (auto key : config_keys)
      settings[std::string(key)] = {{"value", lang(value_of(g, key), key)}, {"from", g.origin.at(std::string(key))}};
    j["settings"] = std::move(settings);
    ctx.out += json_dump(j);
    return 0;
  }
  ctx.out += ctx.t(fmt::format("配置文件：{}\n", g.config_file.empty() ? "（无）" : quote_path(g.config_file)),
                   fmt::format("configuration file: {}\n", g.config_file.empty() ? "(none)" : quote_path(g.config_file)));
  for (auto key : config_keys) {
    std::string values;
    for (const auto& v : lang(value_of(g, key), key)) values += (values.empty() ? "" : ",") + v;
    ctx.out += fmt::format("{:<13} {:<30} {}\n", key, values.empty() ? "-" : values, g.origin.at(std::string(key)));
  }
  return 0;
}

}  // namespace

std::function<int(Context&)> setup_config(CLI::App& app) {
  auto opts = std::make_shared<ConfigOptions>();
  app.add_option("PATH", opts->paths, "Where to look for xuncha.yaml (walking up to the repository root); default: .");
  return [opts](Context& ctx) { return run_config(ctx, *opts); };
}

}  // namespace xuncha::cli
