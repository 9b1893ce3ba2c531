// Usage errors in the user's language: unknown ids and rules, and CLI11's parse errors, which
// CLI11 words in English only. Each CLI11 error type has a few fixed sentence shapes (CLI/Error.hpp,
// CLI/Validators.hpp); the option, the value and what was expected are taken out of the sentence
// and put into a Chinese one. A shape not known here still gets a Chinese lead-in.
#include "base/context.hpp"

#include <xuncha/core/suggest.hpp>

#include <fmt/format.h>

#include <regex>

namespace xuncha::cli {
namespace {

std::string_view kind_zh(std::string_view kind) {
  if (kind == "tour") return "巡查";
  if (kind == "team") return "巡查组";
  if (kind == "region") return "地区";
  if (kind == "person") return "人员";
  if (kind == "unit") return "单位";
  return kind;
}

// A positional argument in words: CLI11 names it as registered ("action", "shell").
std::string positional_zh(const std::string& name) {
  if (name == "action") return "操作";
  if (name == "shell") return "外壳名称";
  if (name == "DIR") return "文件夹";
  if (name == "KIND") return "文件类型";
  if (name == "ids") return "规则编号";
  if (name == "paths") return "路径";
  if (name == "args") return "操作的参数";
  if (name == "ARGS") return "要导入的文件（可先写类型）";
  if (name == "PATH") return "数据路径";
  if (name == "document") return "文书名称";
  if (name == "OLD") return "原文件";
  if (name == "NEW") return "新文件";
  return name;
}

// "a,b,c" (CLI11's set) as "a、b、c".
std::string list_zh(std::string list) {
  std::string out;
  for (char c : list) out += c == ',' ? std::string("、") : std::string(1, c);
  return out;
}

// What an option's value must be, from CLI11's type name ("INT", "UINT", "TEXT", ...).
std::string expected_zh(const std::vector<const CLI::App*>& apps, const std::string& name) {
  for (const auto* app : apps) {
    const CLI::Option* opt = nullptr;
    try {
      opt = app->get_option_no_throw(name);
    } catch (const CLI::Error&) {
      opt = nullptr;
    }
    if (!opt) continue;
    std::string type = opt->get_type_name();
    if (type.find("UINT") != std::string::npos) return "（需要一个不小于 0 的整数）";
    if (type.find("INT") != std::string::npos) return "（需要一个整数）";
    if (type.find("FLOAT") != std::string::npos) return "（需要一个数）";
    return "";
  }
  return "";
}

}  // namespace

Message unknown_id_message(std::string_view flag, std::string_view kind, std::string_view id,
                           const std::vector<std::string_view>& known) {
  auto hint = closest_match(id, known);
  return {fmt::format("{}：没有编号为「{}」的{}{}", flag, id, kind_zh(kind),
                      hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
          fmt::format("{}: unknown {} '{}'{}", flag, kind, id, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))};
}

Message unknown_rule_message(std::string_view name, std::string_view hint) {
  return {fmt::format("未知的规则「{}」{}；`xuncha rule` 列出全部规则", name,
                      hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
          fmt::format("unknown rule '{}'{}", name, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))};
}

std::string parse_error_text(const CLI::ParseError& e, const std::vector<const CLI::App*>& apps, bool zh) {
  std::string what = e.what();
  if (!zh) return what;
  std::smatch m;
  auto is = [&](const char* pattern) { return std::regex_match(what, m, std::regex(pattern)); };
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    if (what == "A subcommand is required") return "缺少子命令（如 check、schedule、deadlines；xuncha --help 列出全部）";
    if (is("^(.+) is required$")) {
      // Positional arguments are named in words; options by their flag.
      std::string name = m[1].str();
      if (name.rfind('-', 0) != 0) return "缺少" + positional_zh(name);
      return fmt::format("缺少必需的参数 {}", name);
    }
    if (is("^Exactly 1 option from \\[(.*)\\].*$")) return fmt::format("{} 中应恰好给出一个", list_zh(m[1].str()));
    if (is("^At least 1 option from \\[(.*)\\]$")) return fmt::format("{} 中至少应给出一个", list_zh(m[1].str()));
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) && is("^The following arguments? (?:was|were) not expected: (.*)$"))
    return fmt::format("无法识别的参数：{}", m[1].str());
  if (dynamic_cast<const CLI::ConversionError*>(&e)) {
    if (is("^Could not convert: (\\S+) = (.*)$"))
      return fmt::format("{} 的值「{}」无效{}", m[1].str(), m[2].str(), expected_zh(apps, m[1].str()));
    if (is("^The value (.*) is not an allowed value for (\\S+)$"))
      return fmt::format("{} 不接受「{}」{}", m[2].str(), m[1].str(), expected_zh(apps, m[2].str()));
    if (is("^(\\S+): too many inputs for a flag$")) return fmt::format("{} 是开关，不接受取值", m[1].str());
    if (is("^(\\S+): Should be true/false or a number$")) return fmt::format("{} 是开关，不接受取值", m[1].str());
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    if (is("^(\\S+): (.*) not in \\{(.*)\\}$")) {
      std::string name = m[1].str();
      if (name.rfind('-', 0) != 0) name = positional_zh(name);
      return fmt::format("{}不接受「{}」；可用：{}", name + (name.back() & 0x80 ? "" : " "), m[2].str(), list_zh(m[3].str()));
    }
    if (is("^(\\S+): Value (.*) not in range (\\S+) to (\\S+)$"))
      return fmt::format("{} 的值「{}」超出范围：应在 {} 至 {} 之间", m[1].str(), m[2].str(), m[3].str(), m[4].str());
    if (is("^(\\S+): Value (.*) could not be converted.*$"))
      return fmt::format("{} 的值「{}」无效{}", m[1].str(), m[2].str(), expected_zh(apps, m[1].str()));
    if (is("^(\\S+): expects a whole number >= 0, got (.*)$"))
      return fmt::format("{} 的值「{}」无效（需要一个不小于 0 的整数）", m[1].str(), m[2].str());
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    if (is("^Expected exactly (\\d+) arguments? to (\\S+), got (\\d+)$"))
      return fmt::format("{} 需要 {} 个值，收到 {} 个", m[2].str(), m[1].str(), m[3].str());
    if (is("^Expected at least (\\d+) arguments? to (\\S+), got (\\d+)$"))
      return fmt::format("{} 至少需要 {} 个值，收到 {} 个", m[2].str(), m[1].str(), m[3].str());
    if (is("^(\\S+): (\\d+) required (.*) missing$")) return fmt::format("{} 缺少取值{}", m[1].str(), expected_zh(apps, m[1].str()));
    if (is("^(\\S+): At least (\\d+) required but received (\\d+)$"))
      return fmt::format("{} 至少需要 {} 个值，收到 {} 个", m[1].str(), m[2].str(), m[3].str());
    if (is("^(\\S+): At Most (\\d+) required but received (\\d+)$"))
      return fmt::format("{} 最多接受 {} 个值，收到 {} 个", m[1].str(), m[2].str(), m[3].str());
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&e) && is("^(\\S+) excludes (\\S+)$"))
    return fmt::format("{} 与 {} 不能同时使用", m[1].str(), m[2].str());
  if (dynamic_cast<const CLI::RequiresError*>(&e) && is("^(\\S+) requires (\\S+)$"))
    return fmt::format("{} 需要与 {} 一起使用", m[1].str(), m[2].str());
  return "命令行参数有误（" + what + "）";
}

}  // namespace xuncha::cli
