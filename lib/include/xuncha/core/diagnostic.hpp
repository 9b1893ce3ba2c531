#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha {

/// How serious a finding is; `off` disables a rule.
enum class Severity : std::uint8_t { off, info, warning, error };

/// Returns "off", "info", "warning" or "error".
std::string_view to_string(Severity s);

/// Parses a severity name; returns false when `text` is not one.
bool parse_severity(std::string_view text, Severity& out);

/// A position in an input file: 1-based line and column (0 when unknown).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  friend bool operator==(const Location&, const Location&) = default;
};

/// A text in both of the tool's languages.
struct Message {
  std::string zh;
  std::string en;
  friend bool operator==(const Message&, const Message&) = default;
};

/// The system's reason for an errno value in both languages: Chinese for the reasons a user
/// meets (missing file, permission, full disk, ...), the C library's text in English.
Message system_reason(int err);

/// A severity in words of the language: "错误"/"error", "警告"/"warning", "提示"/"info", "关闭"/"off".
const Message& severity_words(Severity s);

/// Another place that explains a diagnostic (the other duplicate, the overlapping tour).
struct Related {
  Location where;
  Message message;
};

/// One finding: produced by the library, rendered only by tools/.
struct Diagnostic {
  std::string rule;      ///< stable rule id, e.g. "T101"
  Severity severity = Severity::error;
  Message message;
  Location where;
  std::string yaml_path;  ///< e.g. "tours[3].milestones.feedback"
  std::string subject;    ///< id of the region / team / person / tour concerned
  std::vector<Related> related;
};

/// The output order: by cause first (unreadable files, YAML syntax, field errors, references,
/// then the rules' findings), then by file, line, column, rule, subject, message.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

/// Sorts diagnostics into output order and removes exact duplicates.
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace xuncha
