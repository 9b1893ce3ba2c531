// xuncha config: the effective settings (command line > xuncha.yaml > defaults) and their origin.
#include "app/app.hpp"
#include "project/config.hpp"

#include <xuncha/load/file_read.hpp>
#include <xuncha/load/yaml_tree.hpp>
#include <xuncha/model/policy_settings.hpp>

#include <fmt/format.h>

#include <map>

namespace xuncha::cli {
namespace {

using load::YDocument;
using load::YNode;

// Where each policy key was last set: "file:line" of the key in a kind: policy document, the
// files taken in the order the loader applies them (the data's, then --policy's).
void policy_origins(const std::string& file, std::size_t max_bytes, std::map<std::string, std::string>& origin) {
  Message why;
  auto text = load::read_regular_file(file, max_bytes, why);
  if (!text) return;
  auto parsed = load::parse_yaml(*text);
  for (const auto& doc : parsed.documents) {
    const YNode& root = doc.node(doc.root);
    if (root.type != YNode::Type::map) continue;
    bool policy = false;
    for (std::uint32_t k = 0; k + 1 < root.count; k += 2)
      policy = policy || (doc.value(doc.node(doc.child(root, k))) == "kind" &&
                          doc.value(doc.node(doc.child(root, k + 1))) == "policy");
    if (!policy) continue;
    // Maps of settings (team_size, ledger, ledger.listing_level, ...) are followed to their leaves.
    auto walk = [&](auto&& self, const YNode& map, const std::string& prefix, int depth) -> void {
      for (std::uint32_t k = 0; k + 1 < map.count; k += 2) {
        const YNode& key = doc.node(doc.child(map, k));
        const YNode& value = doc.node(doc.child(map, k + 1));
        std::string path = prefix + std::string(doc.value(key));
        if (path == "kind" || path == "version") continue;
        if (value.type == YNode::Type::map && depth < 3) self(self, value, path + ".", depth + 1);
        else origin[path] = fmt::format("{}:{}", quote_path(file), +key.line);
      }
    };
    walk(walk, root, "", 1);
  }
}

std::string origin_of(const std::map<std::string, std::string>& origin, const std::string& key, bool zh) {
  // The setting itself, else the nearest map above it that was set ("team_size" for team_size.min).
  for (std::string k = key;;) {
    if (auto it = origin.find(k); it != origin.end()) return it->second;
    auto dot = k.rfind('.');
    if (dot == std::string::npos) break;
    k.resize(dot);
  }
  return zh ? "内置默认值" : "built-in";
}

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

int run_config(Context& ctx, const ConfigOptions& opts) {
  require_format(ctx, "config", {"text", "json"});
  const auto& g = ctx.global;
  // The policy in force for the data under PATH (default .): each setting's value and where it
  // came from. Data that cannot be read leaves the policy out, with the reason on stderr.
  // (quietly: notes on files beside the data are `check`'s to give)
  bool quiet = ctx.global.quiet;
  ctx.global.quiet = true;
  auto loaded = load_inputs(ctx, opts.paths.empty() ? std::vector<std::string>{"."} : opts.paths);
  ctx.global.quiet = quiet;
  bool have_policy = loaded.result.ok();
  std::map<std::string, std::string> origin;
  if (have_policy)
    for (const auto& f : ctx.input_names) policy_origins(f, g.max_file_bytes, origin);
  else if (!g.quiet)
    ctx.err += ctx.t("xuncha：提示：数据未能完整读入，未列出政策设置（用 xuncha check 查看原因）\n",
                     "xuncha: note: the data could not be read whole; policy settings are not listed (xuncha check says why)\n");
  auto policy_list = have_policy ? policy_settings(loaded.result.data.policy) : std::vector<PolicySetting>{};
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
    Json policy = Json::object();
    for (const auto& s : policy_list)
      policy[s.key] = {{"value", s.value}, {"from", origin_of(origin, s.key, false)}};
    j["policy"] = have_policy ? std::move(policy) : Json(nullptr);
    ctx.out += json_dump(j);
    return 0;
  }
  ctx.out += ctx.t(fmt::format("配置文件：{}\n", g.config_file.empty() ? "（无）" : quote_path(g.config_file)),
                   fmt::format("configuration file: {}\n", g.config_file.empty() ? "(none)" : quote_path(g.config_file)));
  for (auto key : config_keys) {
    std::string values;
    for (const auto& v : lang(value_of(g, key), key)) values += (values.empty() ? "" : ",") + v;
    std::string from = g.origin.at(std::string(key));
    if (ctx.zh) {
      if (from == "default") from = "默认";
      else if (from == "command line") from = "命令行";
      else if (from.ends_with(" + command line")) from = from.substr(0, from.size() - 15) + " + 命令行";
    }
    ctx.out += fmt::format("{:<13} {:<30} {}\n", key, values.empty() ? "-" : values, from);
  }
  if (have_policy) {
    ctx.out += ctx.t("\n政策（内置默认值 < 数据中的 kind: policy < --policy）：\n",
                     "\npolicy (built-in < kind: policy in the data < --policy):\n");
    text::Table t({ctx.t("设置", "setting"), ctx.t("值", "value"), ctx.t("来源", "from")});
    for (const auto& s : policy_list) t.add({s.key, s.value, origin_of(origin, s.key, ctx.zh)});
    ctx.out += t.render(ctx.width);
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
