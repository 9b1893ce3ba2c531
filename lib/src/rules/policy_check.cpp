// Policy settings that name rules or deadline steps: the loader reads them as written; this
// checks them against the rule registry and the deadline steps, which live above the loader.
#include <xuncha/rules/policy_check.hpp>

#include <xuncha/core/suggest.hpp>
#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/rules/registry.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace xuncha::rules {
namespace {

Diagnostic policy_error(const Dataset& data, Mark at, std::string path, Message m) {
  Diagnostic d;
  d.rule = "L013";
  d.severity = Severity::error;
  d.where = data.locate(at);
  d.yaml_path = std::move(path);
  d.message = std::move(m);
  return d;
}

std::string did_you_mean_zh(const std::string& hint) { return hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint); }
std::string did_you_mean_en(const std::string& hint) { return hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint); }

// The values offered for untracked_steps: the steps that carry a deadline.
constexpr auto step_names = [] {
  std::array<std::string_view, deadlines::deadline_step_list.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = milestone_names[static_cast<std::size_t>(deadlines::deadline_step_list[i])];
  return out;
}();

// One untracked_steps list: the mask, or nothing when an item is wrong.
std::optional<std::uint32_t> untracked_mask(const Dataset& data, const PolicyStepList& list,
                                            std::vector<Diagnostic>& out) {
  std::uint32_t mask = 0;
  bool ok = list.readable;
  for (const auto& step : list.steps) {
    std::string_view text = step.name;
    // Another milestone gets its own message.
    bool milestone = std::find(milestone_names.begin(), milestone_names.end(), text) != milestone_names.end();
    auto it = std::find(step_names.begin(), step_names.end(), text);
    if (milestone && it == step_names.end()) {
      ok = false;
      out.push_back(policy_error(data, step.at, step.path,
                                 {fmt::format("「{}」没有期限，无需列入 untracked_steps", text),
                                  fmt::format("'{}' has no deadline; untracked_steps lists steps that have one", text)}));
      continue;
    }
    if (it == step_names.end()) {
      ok = false;
      std::vector<std::string_view> shown(step_names.begin(), step_names.end());
      auto hint = closest_match(text, shown);
      std::string list_text;
      for (auto s : shown) list_text += (list_text.empty() ? "" : ", ") + std::string(s);
      out.push_back(policy_error(
          data, step.at, step.path,
          {fmt::format("「{}」取值无效：「{}」{}；可用：{}", step.path, text, did_you_mean_zh(hint), list_text),
           fmt::format("invalid value '{}' for '{}'{}; expected one of: {}", text, step.path, did_you_mean_en(hint),
                       list_text)}));
      continue;
    }
    auto index = static_cast<std::size_t>(it - step_names.begin());
    mask |= 1u << static_cast<unsigned>(deadlines::deadline_step_list[index]);
  }
  if (!ok) return std::nullopt;
  return mask;
}

}  // namespace

std::vector<Diagnostic> validate_policy(Dataset& data) {
  std::vector<Diagnostic> out;
  for (const auto& list : data.policy_input.untracked_steps)
    if (auto mask = untracked_mask(data, list, out)) data.policy.untracked_steps = *mask;
  for (const auto& r : data.policy_input.rules) {
    const RuleInfo* info = find_rule(r.id);
    if (!info) {
      auto hint = suggest_rule(r.id);
      out.push_back(policy_error(data, r.at, r.path,
                                 {fmt::format("未知的规则「{}」{}", r.id, did_you_mean_zh(hint)),
                                  fmt::format("unknown rule '{}'{}", r.id, did_you_mean_en(hint))}));
      continue;
    }
    data.policy.rule_severity[std::string(info->id)] = r.severity;
  }
  return out;
}

}  // namespace xuncha::rules
