// Findings as a workbook (-f xlsx): the command's own tables first (coverage, teams), then one
// sheet of findings, errors marked; line and column are numbers, so a spreadsheet sorts them.
#include "render/findings.hpp"
#include "render/xlsx.hpp"

#include <xuncha/rules/registry.hpp>

#include <fmt/format.h>

namespace xuncha::cli {

std::string render_findings_xlsx(const Context& ctx, const std::vector<Diagnostic>& diags,
                                 std::vector<xlsx::Sheet> sheets) {
  xlsx::Workbook wb;
  wb.created = ctx.as_of;
  wb.title = ctx.t("xuncha 检查结果", "xuncha findings");
  xlsx::Sheet s;
  s.name = ctx.t("问题", "Findings");
  s.title = {ctx.zh ? fmt::format("检查结果（截至 {}）：{}", format_iso(ctx.as_of), summary_line(ctx, diags))
                    : fmt::format("Findings as of {}: {}", format_iso(ctx.as_of), summary_line(ctx, diags))};
  s.header = {ctx.t("文件", "file"), ctx.t("行", "line"), ctx.t("列", "column"), ctx.t("级别", "severity"),
              ctx.t("规则", "rule"), ctx.t("名称", "slug"), ctx.t("条款", "clause"), ctx.t("对象", "subject"),
              ctx.t("说明", "message")};
  s.widths = {34, 7, 7, 9, 7, 26, 9, 22, 90};
  for (const auto& d : diags) {
    const auto* info = rules::find_rule(d.rule);
    std::string sev = ctx.zh ? (d.severity == Severity::error     ? "错误"
                                : d.severity == Severity::warning ? "警告"
                                                                  : "提示")
                             : std::string(to_string(d.severity));
    s.rows.push_back({xlsx::Cell::of(d.where.file), d.where.line ? xlsx::Cell::of(static_cast<int>(d.where.line)) : xlsx::Cell{},
                      d.where.column ? xlsx::Cell::of(static_cast<int>(d.where.column)) : xlsx::Cell{},
                      xlsx::Cell::of(sev), xlsx::Cell::of(d.rule), xlsx::Cell::of(std::string(info ? info->slug : "")),
                      xlsx::Cell::of(std::string(info ? info->clause : "")), xlsx::Cell::of(d.subject),
                      xlsx::Cell::of(ctx.t(d.message))});
    s.highlight.push_back(d.severity == Severity::error);
  }
  wb.sheets = std::move(sheets);
  wb.sheets.push_back(std::move(s));
  return xlsx::render(wb);
}

}  // namespace xuncha::cli
