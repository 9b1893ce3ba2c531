#include <xuncha/core/diagnostic.hpp>

#include <algorithm>
#include <tuple>

namespace xuncha {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

bool parse_severity(std::string_view text, Severity& out) {
  for (auto s : {Severity::off, Severity::info, Severity::warning, Severity::error}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.where.file, a.where.line, a.where.column, a.rule, a.subject, a.message.en) <
         std::tie(b.where.file, b.where.line, b.where.column, b.rule, b.subject, b.message.en);
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  // Findings often come sorted already (rules sort theirs; a run sorts again after merging):
  // then the stable sort would only move every one of them around, and take a buffer for half.
  if (!std::is_sorted(diags.begin(), diags.end(), diagnostic_less))
    std::stable_sort(diags.begin(), diags.end(), diagnostic_less);
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.rule == b.rule && a.where == b.where && a.subject == b.subject &&
           a.message == b.message;
  };
  diags.erase(std::unique(diags.begin(), diags.end(), same), diags.end());
}

}  // namespace xuncha
