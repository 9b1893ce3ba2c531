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

namespace {

// Reports are ordered by cause, so the first line is the one to fix first: files that could not
// be read, then YAML syntax, then field errors, then references, then the rules' findings.
int cause_rank(std::string_view rule) {
  if (rule.size() != 4 || rule[0] != 'L') return 4;
  if (rule == "L008" || rule == "L012" || rule == "L009" || rule == "L015") return 0;
  if (rule == "L001" || rule == "L014") return 1;
  if (rule == "L006") return 3;
  return 2;
}

}  // namespace

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  int ra = cause_rank(a.rule), rb = cause_rank(b.rule);
  return std::tie(ra, a.where.file, a.where.line, a.where.column, a.rule, a.subject, a.message.en) <
         std::tie(rb, b.where.file, b.where.line, b.where.column, b.rule, b.subject, b.message.en);
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
