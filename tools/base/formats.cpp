// The --format check every subcommand makes first.
#include "base/formats.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xuncha::cli {

void require_format(const Context& ctx, std::string_view command, const std::vector<std::string>& allowed) {
  const auto& f = ctx.global.format;
  if (std::find(allowed.begin(), allowed.end(), f) != allowed.end()) {
    if (f == "xlsx" || f == "docx") require_binary_destination(ctx);
    return;
  }
  std::string list;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  throw UsageError(fmt::format("{}：不支持的格式「{}」；可用：{}", command, f, list),
                   fmt::format("{}: unknown format '{}'; expected {}", command, f, list));
}

void require_binary_destination(const Context& ctx) {
  if (!ctx.global.output.empty() || !ctx.env.stdout_tty) return;
  if (ctx.global.format == "docx")
    throw UsageError("-f「docx」输出二进制文档：请用 -o「文件.docx」（或重定向标准输出）",
                     "-f docx writes a binary document: give -o FILE.docx (or redirect standard output)");
  throw UsageError(fmt::format("-f {} 输出二进制工作簿：请用 -o 文件.{}（或重定向标准输出）", ctx.global.format, ctx.global.format),
                     fmt::format("-f {} writes a binary workbook: give -o FILE.{} (or redirect standard output)",
                                 ctx.global.format, ctx.global.format));
}

}  // namespace xuncha::cli
